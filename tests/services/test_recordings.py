"""Recordings at rest on a real till: sealed chunks in SQLite, keys in their own file."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime

import pytest
import soundfile
from sqlalchemy import select, update

from forsell.audio.archive import EncryptedArchive
from forsell.audio.sink import RecordingStart
from forsell.domain.errors import CashierError
from forsell.domain.ids import new_id
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.services.recordings import KEY_FILE, RecordingLibrary
from forsell.store.models import OutboxJob, Recording, RecordingChunk
from forsell.vault.keys import KeyVault
from recording_child import record_into

KEK = os.urandom(32)
RATE = 16_000


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path)
    yield till
    till.close()


@pytest.fixture
def vault(till):
    v = KeyVault(till.ctx.data_dir / KEY_FILE, KEK)
    yield v
    v.close()


def _record(archive: EncryptedArchive, seconds: float, *, finish: bool) -> str:
    """Feeds ``seconds`` of audio through the real encoder in 2-second chunks into the archive."""
    return record_into(archive, seconds, finish=finish)


def _archive(till, vault) -> EncryptedArchive:
    return EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)


def _admin(till):
    return next(e for e in till.staff.staff() if e.role is Role.ADMIN)


def test_a_finished_recording_plays_back_whole_from_memory(till, vault):
    archive = _archive(till, vault)
    rid = _record(archive, 7.0, finish=True)
    library = RecordingLibrary(till.ctx, vault)
    pcm, rate = library.pcm(rid)
    assert rate == RATE and abs(len(pcm) / RATE - 7.0) < 0.1
    (view,) = library.list()
    assert view.id == rid and view.status == "queued" and view.chunks >= 4
    with till.ctx.db.read() as session:
        assert session.scalar(select(OutboxJob).where(OutboxJob.entity_id == rid)).lane == "audio"
    assert library.verify_all() == []


def test_no_plain_audio_in_the_database_files(till, vault):
    archive = _archive(till, vault)
    rid = _record(archive, 5.0, finish=True)
    ogg = RecordingLibrary(till.ctx, vault).ogg(rid)
    archive.close()
    till.ctx.db.engine.dispose()
    raw = b"".join(p.read_bytes() for p in till.ctx.data_dir.rglob("*") if p.is_file())
    assert b"OggS" not in raw and b"OpusHead" not in raw and b"RIFF" not in raw
    assert ogg[:4] == b"OggS"  # …while the decrypted stream in memory is real Ogg


def test_a_tampered_chunk_names_the_recording(till, vault):
    archive = _archive(till, vault)
    rid = _record(archive, 5.0, finish=True)
    with till.ctx.db.write() as session:
        chunk = session.scalar(
            select(RecordingChunk).where(
                RecordingChunk.recording_id == rid, RecordingChunk.idx == 1
            )
        )
        blob = bytearray(chunk.blob)
        blob[40] ^= 0xFF
        chunk.blob = bytes(blob)
    library = RecordingLibrary(till.ctx, vault)
    with pytest.raises(CashierError) as err:
        library.ogg(rid)
    assert err.value.key == "recording.unreadable" and err.value.params["rid"] == rid
    assert library.verify_all() == [(rid, "altered")]


def test_a_crash_leaves_a_recording_that_recovery_seals_as_interrupted(till, vault):
    archive = _archive(till, vault)
    rid = _record(archive, 9.0, finish=False)  # the process died: no final chunk, no end()
    empty = new_id()
    archive.begin(RecordingStart(empty, datetime.now(UTC), None, None, None, "sale"))
    orphan_key = new_id()
    vault.create(orphan_key)  # a key whose row never reached the disk
    report = RecordingLibrary(till.ctx, vault).recover()
    assert (report.interrupted, report.discarded, report.orphan_keys) == (1, 1, 1)
    library = RecordingLibrary(till.ctx, vault)
    (view,) = library.list()
    assert view.id == rid and view.status == "interrupted" and view.end_reason == "crash"
    pcm, _ = library.pcm(rid)
    # everything but at most the chunk that was being encoded (~2 s) survives
    assert 9.0 - 2.6 <= len(pcm) / RATE <= 9.0
    assert abs(view.duration_ms / 1000 - len(pcm) / RATE) < 0.1
    assert not vault.exists(empty) and not vault.exists(orphan_key)
    assert library.verify_all() == []
    assert RecordingLibrary(till.ctx, vault).recover().interrupted == 0  # idempotent


def test_truncating_a_recovered_recording_is_still_detected(till, vault):
    archive = _archive(till, vault)
    rid = _record(archive, 7.0, finish=False)
    RecordingLibrary(till.ctx, vault).recover()
    with till.ctx.db.write() as session:
        last = session.scalar(
            select(RecordingChunk)
            .where(RecordingChunk.recording_id == rid)
            .order_by(RecordingChunk.idx.desc())
        )
        session.delete(last)
    assert RecordingLibrary(till.ctx, vault).verify_all() == [(rid, "truncated")]


def test_export_needs_an_admin_and_is_audited(till, vault, tmp_path):
    archive = _archive(till, vault)
    rid = _record(archive, 4.0, finish=True)
    library = RecordingLibrary(till.ctx, vault)
    cashier = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
    with pytest.raises(CashierError):
        library.export(cashier, rid, tmp_path / "x.ogg")
    out = library.export(_admin(till), rid, tmp_path / "export.ogg")
    data, rate = soundfile.read(io.BytesIO(out.read_bytes()))
    assert rate == RATE and len(data) > 3 * RATE
    with till.ctx.db.read() as session:
        from forsell.store.models import AuditEntry

        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "recording_exported"))
    assert entry.details["recording_id"] == rid


def test_shredding_makes_every_copy_unreadable(till, vault, tmp_path):
    archive = _archive(till, vault)
    rid = _record(archive, 4.0, finish=True)
    backup = tmp_path / "copy.sqlite"
    import sqlite3

    src = sqlite3.connect(till.ctx.data_dir / DB_NAME)
    dst = sqlite3.connect(backup)
    src.backup(dst)
    src.close()
    dst.close()
    library = RecordingLibrary(till.ctx, vault)
    assert library.shred(_admin(till), [rid], "erasure request") == 1
    with pytest.raises(CashierError) as err:
        library.ogg(rid)
    assert err.value.params["reason"] == "shredded"
    # the backup still has the ciphertext, but without the key it is noise
    from forsell.vault.chunks import RecordingUnreadable, SealedChunk, open_all

    rows = (
        sqlite3.connect(backup)
        .execute(
            "SELECT idx, final, blob FROM recording_chunks WHERE recording_id=? ORDER BY idx",
            (rid,),
        )
        .fetchall()
    )
    assert rows
    with pytest.raises(RecordingUnreadable):
        b"".join(open_all(vault.get(rid), rid, [SealedChunk(i, bool(f), b) for i, f, b in rows]))
    with till.ctx.db.read() as session:
        assert session.get(Recording, rid).status == "shredded"


def test_list_links_the_sale(till, vault):
    archive = _archive(till, vault)
    rid = _record(archive, 3.0, finish=True)
    emp = till.staff.login(next(e for e in till.staff.staff() if e.role is Role.CASHIER).id, "1111")
    till.shifts.open(emp, 0)
    sale = till.sale_for(emp)
    sale.add(till.catalog.search("Капучино")[0])
    from forsell.domain.payment import Payment

    receipt = sale.pay(Payment(cash_tendered=10_000_00))
    archive.link_sale(rid, receipt.sale_id)
    with till.ctx.db.write() as session:
        session.execute(update(Recording).where(Recording.id == rid).values(employee_id=emp.id))
    (view,) = RecordingLibrary(till.ctx, vault).list()
    assert view.receipt_no == receipt.receipt_no and view.employee == emp.name


def test_list_follows_the_recording_through_transcription(till, vault):
    """A recording is "queued" only until its transcript is asked for; then the list says where
    the transcription stands instead of "queued" forever."""
    from forsell.store.models import TranscriptRow

    archive = _archive(till, vault)
    rid = _record(archive, 3.0, finish=True)
    library = RecordingLibrary(till.ctx, vault)
    assert [v.status for v in library.list()] == ["queued"]
    with till.ctx.db.write() as session:
        session.add(TranscriptRow(recording_id=rid, provider="elevenlabs", state="submitted"))
    assert [v.status for v in library.list()] == ["transcribing"]
    for state, shown in (("done", "transcribed"), ("failed", "transcription_failed")):
        with till.ctx.db.write() as session:
            session.get(TranscriptRow, rid).state = state
        assert [v.status for v in library.list()] == [shown]
