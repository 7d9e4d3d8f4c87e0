"""Policy clause 6.3: the data subject may ask for the destruction of their data.

Held to it with a real till, real SQLite, a real key file and the FAKE backend and FAKE
ElevenLabs on loopback, through the real sync engine:

* a destroyed recording cannot be decrypted from any copy the till made: its chunks in the
  database, a copy of the database file with its WAL taken before the destruction (what a
  backup or a copied folder holds) — the key is gone, so decryption raises. A decrypted export
  an admin made earlier is plain audio out of any key's reach: the certificate counts it;
* its transcript and score are gone;
* an employee's name appears nowhere in the raw bytes of the database file or its WAL, nor in a
  backup copy taken before (``backups/``);
* the backend received the deletion event and deleted what it held; the provider received
  the DELETE of its transcript;
* a backend that refuses the event leaves the destruction done at the till and the event
  queued; the certificate says "pending" until it is sent.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from forsell.domain.roles import Role
from forsell.services.consent import ConsentService
from forsell.services.privacy.destruction import EVENT_KIND, pseudonym
from forsell.services.privacy.requests import PrivacyRequests, subject_employee, subject_receipt
from forsell.services.recordings import RecordingLibrary
from forsell.services.sync import SyncService
from forsell.store.consent_hold import ABROAD, RECORDING
from forsell.store.db import backup_copy
from forsell.store.models import ConversationScore, Recording, RecordingChunk, Sale, TranscriptRow
from forsell.vault.chunks import RecordingUnreadable, SealedChunk, open_all
from sync.chaos_fixtures import Counter_, fake_world
from sync.test_offline_online import CONFIG

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _sealed(db_file: Path, rid: str) -> list[SealedChunk]:
    """The recording's chunks read straight from a database file (a copy or the till's)."""
    with sqlite3.connect(db_file) as con:
        rows = con.execute(
            "SELECT idx, final, blob FROM recording_chunks WHERE recording_id = ? ORDER BY idx",
            (rid,),
        ).fetchall()
    return [SealedChunk(i, bool(f), bytes(b)) for i, f, b in rows]


def _copy_database(till, to: Path) -> Path:
    """A byte copy of the database file and its WAL, as a backup tool or a copied folder has."""
    to.mkdir()
    db_file = till.ctx.db.path
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{db_file}{suffix}")
        if source.exists():
            shutil.copyfile(source, to / f"{db_file.name}{suffix}")
    return to / db_file.name


def _world_with_conversations(tmp_path: Path):
    world_cm = fake_world(tmp_path / "till", demo_items=False)
    world = world_cm.__enter__()
    till = world.till
    admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
    for member in till.staff.staff():
        # ElevenLabs is abroad: the cashier consents to that too, or nothing is transcribed
        ConsentService(till.ctx).give_consent(admin, member.id, (RECORDING, ABROAD))
    return world_cm, world, admin


def _record_sales(world, count: int) -> list[tuple[str, str]]:
    shop = Counter_(world.till)
    made = []
    for _ in range(count):
        sale_id = shop.sell()
        rid = world.recordings.record(sale_id)
        with world.till.ctx.db.write() as session:
            session.execute(
                update(Recording).where(Recording.id == rid).values(employee_id=shop.cashier.id)
            )
            session.add(
                ConversationScore(
                    recording_id=rid,
                    scorecard_id="cafe",
                    percent=75.0,
                    employee_id=shop.cashier.id,
                )
            )
        made.append((sale_id, rid))
    return made


def _scan(db_file: Path, needles: list[bytes]) -> list[str]:
    found = []
    for suffix in ("", "-wal"):
        path = Path(f"{db_file}{suffix}")
        if path.exists():
            data = path.read_bytes()
            found += [f"{path.name}: {n!r}" for n in needles if n in data]
    return found


def test_a_customers_conversation_is_destroyed_everywhere_the_sale_stays(tmp_path: Path) -> None:
    world_cm, world, admin = _world_with_conversations(tmp_path)
    try:
        till, vault = world.till, world.recordings.vault
        (sale_id, rid), (_, other) = _record_sales(world, 2)
        first = SyncService(till, world.keys, config=CONFIG).run_once(60)
        assert first.ok, first
        with till.ctx.db.read() as session:
            transcription_id = session.get(TranscriptRow, rid).external_id
            receipt_no = session.get(Sale, sale_id).receipt_no
        assert transcription_id and rid in {
            e["entity_id"] for e in world.backend.events("transcript")
        }
        before = _copy_database(till, tmp_path / "copy-before")
        assert b"".join(open_all(vault.get(rid), rid, _sealed(before, rid)))[:4] == b"OggS"
        # a decrypted copy an admin exported for a lawful request is plain audio: no key can
        # reach it, so the certificate counts it for the admin to call back
        RecordingLibrary(till.ctx, vault).export(admin, rid, tmp_path / "lawful-copy.ogg")

        requests = PrivacyRequests(till.ctx, vault)
        request = requests.register(admin, "destruction", "a customer", subject_receipt(receipt_no))
        cert = requests.destroy(request.id, admin)

        # no copy the till made can be decrypted: the chunks are gone from the database, and
        # the copy taken before still holds ciphertext whose key no longer exists
        assert cert.keys_left == 0 and cert.recordings_shredded == (rid,)
        assert cert.plain_exports == 1
        assert _sealed(till.ctx.db.path, rid) == []
        with pytest.raises(RecordingUnreadable):
            b"".join(open_all(vault.get(rid), rid, _sealed(before, rid)))
        with sqlite3.connect(vault.path) as keys:
            assert keys.execute(
                "SELECT COUNT(*) FROM data_keys WHERE recording_id = ?", (rid,)
            ).fetchone() == (0,)
        with till.ctx.db.read() as session:
            assert session.get(TranscriptRow, rid) is None
            assert session.get(ConversationScore, rid) is None
            assert session.get(Sale, sale_id) is not None  # tax law
            assert session.get(TranscriptRow, other) is not None  # the next customer's stays
            assert not session.scalars(
                select(RecordingChunk).where(RecordingChunk.recording_id == rid)
            ).all()

        second = SyncService(till, world.keys, config=CONFIG).run_once(60)
        assert second.ok, second
        (event,) = world.backend.events(EVENT_KIND)
        assert event["payload"]["recording_ids"] == [rid]
        assert event["payload"]["sale_ids"] == [sale_id]
        transcripts_left = {e["entity_id"] for e in world.backend.events("transcript")}
        assert rid not in transcripts_left and other in transcripts_left
        assert rid in world.backend.deleted_recordings()
        assert world.elevenlabs.stats()["deleted"] == [transcription_id]
        done = requests.destruction_certificate(request.id, admin)
        assert done.backend == "sent"
        assert [p.state for p in done.providers] == ["done"]
    finally:
        world_cm.__exit__(None, None, None)


def test_an_employees_name_is_nowhere_in_the_database_file_afterwards(tmp_path: Path) -> None:
    world_cm, world, admin = _world_with_conversations(tmp_path)
    try:
        till, vault = world.till, world.recordings.vault
        ((sale_id, rid),) = _record_sales(world, 1)
        assert SyncService(till, world.keys, config=CONFIG).run_once(60).ok
        cashier = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
        name = cashier.name
        requests = PrivacyRequests(till.ctx, vault)
        request = requests.register(admin, "destruction", name, subject_employee(name))
        db_file = till.ctx.db.path
        backup = backup_copy(db_file, till.ctx.data_dir / "backups", "before-destruction")
        needles = [name.encode(), json.dumps(name).strip('"').encode()]
        assert _scan(db_file, needles), "the name is in the file before, else the scan proves nil"
        assert _scan(backup, needles)
        assert _sealed(backup, rid)

        cert = requests.destroy(request.id, admin)

        assert cert.pseudonym == pseudonym(cashier.id) and cert.compacted
        # the destruction checkpointed and vacuumed the file itself; nothing else touched it
        assert _scan(db_file, needles) == []
        # the backup copy got the pseudonym and lost the conversation's rows too
        assert _scan(backup, needles) == []
        assert _sealed(backup, rid) == []
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT COUNT(*) FROM transcripts").fetchone() == (0,)
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        with till.ctx.db.read() as session:
            assert session.get(Sale, sale_id).employee_id == cashier.id  # tax law
        with pytest.raises(RecordingUnreadable):
            vault.get(rid)

        assert SyncService(till, world.keys, config=CONFIG).run_once(60).ok
        (event,) = world.backend.events(EVENT_KIND)
        assert event["payload"]["employee_id"] == cashier.id
        assert event["payload"]["pseudonym"] == cert.pseudonym
        assert name not in json.dumps(event, ensure_ascii=False)
        assert len(world.elevenlabs.stats()["deleted"]) == 1
        assert _scan(db_file, needles) == []  # the sync wrote nothing with the name again
    finally:
        world_cm.__exit__(None, None, None)


def test_a_refused_deletion_event_stays_queued_and_the_certificate_says_pending(
    tmp_path: Path,
) -> None:
    world_cm, world, admin = _world_with_conversations(tmp_path)
    try:
        till, vault = world.till, world.recordings.vault
        ((sale_id, rid),) = _record_sales(world, 1)
        assert SyncService(till, world.keys, config=CONFIG).run_once(60).ok
        with till.ctx.db.read() as session:
            receipt_no = session.get(Sale, sale_id).receipt_no
        requests = PrivacyRequests(till.ctx, vault)
        request = requests.register(admin, "destruction", "a customer", subject_receipt(receipt_no))
        requests.destroy(request.id, admin)
        world.backend.faults.add("error", "POST /v1/events:batch", status=503)

        refused = SyncService(till, world.keys, config=CONFIG).run_once(3)

        assert not refused.ok
        assert world.backend.events(EVENT_KIND) == []
        assert requests.destruction_certificate(request.id, admin).backend == "pending"
        assert not vault.exists(rid)  # the till's part is done all the same
        world.backend.faults.clear()
        assert SyncService(till, world.keys, config=CONFIG).run_once(60).ok
        assert len(world.backend.events(EVENT_KIND)) == 1
        assert requests.destruction_certificate(request.id, admin).backend == "sent"
    finally:
        world_cm.__exit__(None, None, None)
