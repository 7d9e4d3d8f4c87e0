"""Encrypted backups on real SQLite files and the real Secret Service: create, verify, restore.

A "new machine" is a fresh data folder with this till's secrets cleared from the secret store:
only the recovery passphrase brings the recordings back.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest

from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.services.backup import (
    RESTORE_MARKER,
    SECRET_NAMES,
    BackupRefused,
    TillBackups,
    backups_in,
    create_backup,
    restore_backup,
    set_passphrase,
    verify_backup,
)
from forsell.services.recordings import KEY_FILE, RecordingLibrary, open_vault
from forsell.store.models import TranscriptRow
from forsell.vault.secrets import SecretStore
from platform_services import needs, secret_service
from recording_child import sealed_recording

pytestmark = needs(secret_service)

PASSPHRASE = "чай с молоком и сахаром 42"


@dataclass
class Made:
    data_dir: Path
    device_id: str
    recordings: list[str]
    backup: Path
    pcm_lengths: dict[str, int]


def _forget_secrets(device_id: str) -> None:
    """What a new machine's secret store holds for this till: nothing."""
    store = SecretStore(device_id, keyring.get_keyring())
    for name in SECRET_NAMES:
        store.delete(name)
    assert store.get("kek-v1") is None


def _pcm_lengths(data_dir: Path, ids: list[str]) -> dict[str, int]:
    till = open_till(data_dir, seed_demo=False)
    vault = open_vault(till.ctx)
    try:
        library = RecordingLibrary(till.ctx, vault)
        return {rid: len(library.pcm(rid)[0]) for rid in ids}
    finally:
        vault.close()
        till.close()


def _done_transcript(rid: str, ago: timedelta) -> TranscriptRow:
    """A transcript that succeeded ``ago``, its text sealed under the recording's key (the key
    file is opened for it)."""
    return TranscriptRow(
        recording_id=rid,
        provider="elevenlabs",
        state="done",
        submitted_at=datetime.now(UTC) - ago - timedelta(hours=1),
        done_at=datetime.now(UTC) - ago,
        sealed=None,
    )


@pytest.fixture
def made(tmp_path: Path) -> Iterator[Made]:
    data_dir = tmp_path / "till"
    till = open_till(data_dir)
    device_id = till.ctx.device_id
    vault = open_vault(till.ctx)
    ids = [sealed_recording(till, vault, 3.0), sealed_recording(till, vault, 2.0)]
    vault.close()
    set_passphrase(SecretStore(device_id, keyring.get_keyring()), PASSPHRASE)
    out = tmp_path / "usb"
    out.mkdir()
    made = create_backup(data_dir, device_id, out)
    till.close()
    yield Made(data_dir, device_id, ids, made.path, _pcm_lengths(data_dir, ids))
    _forget_secrets(device_id)


def test_a_new_machine_restores_with_the_passphrase_and_the_recordings_play(
    made: Made, tmp_path: Path
) -> None:
    raw = made.backup.read_bytes()
    assert b"SQLite format" not in raw and b"OggS" not in raw  # sealed, not a plain copy
    _forget_secrets(made.device_id)
    fresh = tmp_path / "new-machine"
    done = restore_backup(made.backup, fresh, passphrase=PASSPHRASE)
    assert done.till == made.device_id
    # The KEK came back from the backup into the secret store: the audio decrypts.
    assert _pcm_lengths(fresh, made.recordings) == made.pcm_lengths
    till = open_till(fresh, seed_demo=False)
    try:
        assert till.ctx.device_id == made.device_id
        admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
        assert till.staff.admin_by_pin("9000", "test").id == admin.id  # the PIN key came back
    finally:
        till.close()
    assert not list(fresh.glob(".restore-*")) and not (fresh / RESTORE_MARKER).exists()


def test_a_wrong_passphrase_is_refused_and_nothing_changes(made: Made, tmp_path: Path) -> None:
    _forget_secrets(made.device_id)
    fresh = tmp_path / "new-machine"
    with pytest.raises(BackupRefused) as refused:
        restore_backup(made.backup, fresh, passphrase="not the passphrase at all")
    assert refused.value.reason == "wrong_passphrase"
    assert sorted(p.name for p in fresh.iterdir()) == []
    assert SecretStore(made.device_id, keyring.get_keyring()).get("kek-v1") is None
    with pytest.raises(BackupRefused) as no_phrase:
        restore_backup(made.backup, fresh)
    assert no_phrase.value.reason == "other_key"


def test_verify_uses_the_secret_store_and_catches_truncation_and_flipped_bytes(
    made: Made,
) -> None:
    store = SecretStore(made.device_id, keyring.get_keyring())
    good = verify_backup(made.backup, store=store)
    assert good.chunks >= 1 and good.till == made.device_id and "kek-v1" in good.secrets
    assert verify_backup(made.backup, passphrase=PASSPHRASE).schema == good.schema
    raw = made.backup.read_bytes()
    middle = len(raw) // 2
    damaged = {
        "truncated": raw[: len(raw) - 100],
        "altered": raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1 :],
    }
    for reason, data in damaged.items():
        made.backup.write_bytes(data)
        with pytest.raises(BackupRefused) as refused:
            verify_backup(made.backup, store=store)
        assert refused.value.reason == reason
    made.backup.write_bytes(raw + b"x")
    with pytest.raises(BackupRefused) as appended:
        verify_backup(made.backup, store=store)
    assert appended.value.reason == "altered"
    # A changed header (here: the app version it claims) no longer opens either.
    made.backup.write_bytes(raw.replace(b'"app_version": "', b'"app_version": "9', 1))
    with pytest.raises(BackupRefused) as header:
        verify_backup(made.backup, store=store)
    assert header.value.reason in ("altered", "truncated")


def test_a_recording_shredded_after_the_backup_stays_shredded_after_restore(
    made: Made,
) -> None:
    shredded, kept = made.recordings
    till = open_till(made.data_dir, seed_demo=False)
    vault = open_vault(till.ctx)
    admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
    RecordingLibrary(till.ctx, vault).shred(admin, [shredded], "test")
    vault.close()
    till.close()
    done = restore_backup(made.backup, made.data_dir)  # same machine: the secret store's key
    assert done.tombstones_applied == 1
    keys = sqlite3.connect(made.data_dir / KEY_FILE)
    assert keys.execute(
        "SELECT count(*) FROM data_keys WHERE recording_id = ?", (shredded,)
    ).fetchone() == (0,)
    assert keys.execute(
        "SELECT count(*) FROM destroyed_keys WHERE recording_id = ?", (shredded,)
    ).fetchone() == (1,)
    keys.close()
    db = sqlite3.connect(made.data_dir / DB_NAME)
    for table, column in (
        ("recordings", "id"),
        ("recording_chunks", "recording_id"),
        ("outbox", "entity_id"),  # its upload job, queued when the backup was taken
    ):
        count = db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (shredded,))
        assert count.fetchone() == (0,)
    db.close()
    assert _pcm_lengths(made.data_dir, [kept]) == {kept: made.pcm_lengths[kept]}


def test_a_backup_from_a_newer_schema_is_refused(made: Made, tmp_path: Path) -> None:
    db = sqlite3.connect(made.data_dir / DB_NAME)
    with db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    newer = create_backup(made.data_dir, made.device_id, tmp_path / "usb")
    with pytest.raises(BackupRefused) as refused:
        verify_backup(newer.path, passphrase=PASSPHRASE)
    assert refused.value.reason == "newer_schema"
    fresh = tmp_path / "elsewhere"
    with pytest.raises(BackupRefused):
        restore_backup(newer.path, fresh, passphrase=PASSPHRASE)
    assert not (fresh / DB_NAME).exists()


def test_rotation_keeps_the_newest_and_a_missing_or_read_only_folder_leaves_nothing(
    made: Made, tmp_path: Path
) -> None:
    out = made.backup.parent
    # Another till's backup on the same drive: never this till's to rotate.
    other = out / "4sell-backup-0000abcd-20260101T000000000000Z.fsb"
    other.write_bytes(b"another till's backup")
    for _ in range(3):
        create_backup(made.data_dir, made.device_id, out, keep=2)
    assert len(backups_in(out, made.device_id)) == 2 and not made.backup.exists()
    assert other.exists()
    with pytest.raises(BackupRefused) as missing:
        create_backup(made.data_dir, made.device_id, tmp_path / "unplugged")
    assert missing.value.reason == "no_folder"
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(BackupRefused) as read_only:
            create_backup(made.data_dir, made.device_id, locked)
        assert read_only.value.reason == "folder_read_only"
        assert list(locked.iterdir()) == []
    assert not list(made.data_dir.glob(".backup-*"))


def test_a_backup_needs_a_passphrase_first(tmp_path: Path) -> None:
    till = open_till(tmp_path / "till")
    try:
        backups = TillBackups(till.ctx)
        with pytest.raises(BackupRefused) as refused:
            create_backup(till.ctx.data_dir, till.ctx.device_id, tmp_path)
        assert refused.value.reason == "no_passphrase"
        admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
        with pytest.raises(BackupRefused) as short:
            backups.set_passphrase(admin, "short")
        assert short.value.reason == "short_passphrase"
    finally:
        _forget_secrets(till.ctx.device_id)
        till.close()


# The restore in a child process, killed with SIGKILL before or after its commit point.
CHILD = """
import sys, time
from pathlib import Path
from forsell.services import backup

backup_file, data_dir, when = sys.argv[1:]
finish = backup.finish_interrupted_restore
calls = []

def hold():
    print("HOLD", flush=True)
    time.sleep(600)  # the test kills us long before this ends

def finish_after_commit(folder):
    calls.append(folder)
    if when == "after" and len(calls) == 2:  # the call right after the commit marker
        hold()
    return finish(folder)

backup.finish_interrupted_restore = finish_after_commit
backup.restore_backup(
    Path(backup_file), Path(data_dir), before_swap=hold if when == "before" else None
)
print("DONE", flush=True)
"""


def _kill_restore_at(made: Made, when: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(made.backup), str(made.data_dir), when],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "HOLD"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


@pytest.mark.slow
@pytest.mark.parametrize("when", ["before", "after"])
def test_a_killed_restore_leaves_the_old_or_the_new_data(made: Made, when: str) -> None:
    shredded, kept = made.recordings
    # After the backup: one recording shredded (the restore keeps it so), one sale-free change
    # that only the old data has.
    till = open_till(made.data_dir, seed_demo=False)
    vault = open_vault(till.ctx)
    admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
    RecordingLibrary(till.ctx, vault).shred(admin, [shredded], "test")
    vault.close()
    till.ctx.db.engine.dispose()
    db = sqlite3.connect(made.data_dir / DB_NAME)
    with db:
        db.execute("CREATE TABLE marker_after_backup (x)")
    db.close()
    _kill_restore_at(made, when)
    # The next start finishes a committed restore, or forgets one that was not committed.
    assert _pcm_lengths(made.data_dir, [kept]) == {kept: made.pcm_lengths[kept]}
    db = sqlite3.connect(made.data_dir / DB_NAME)
    has_marker = db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'marker_after_backup'"
    ).fetchone()
    gone = db.execute("SELECT count(*) FROM recording_chunks WHERE recording_id = ?", (shredded,))
    assert gone.fetchone() == (0,)
    db.close()
    assert (has_marker is not None) == (when == "before")
    assert not list(made.data_dir.glob(".restore-*"))
    assert not (made.data_dir / RESTORE_MARKER).exists()


def test_a_recording_destroyed_on_a_lost_machine_stays_destroyed_through_the_backend(
    tmp_path: Path,
) -> None:
    """The till reports its tombstones through the outbox; a new machine, whose key file knows
    none of them, gets them from the backend (``GET /v1/tombstones``) during the restore."""
    import asyncio

    import httpx
    from sqlalchemy import select

    from forsell.fakes.fake_backend import FakeBackend
    from forsell.fakes.server import FakeServer
    from forsell.services import settings as s
    from forsell.services.backup import (
        AUDIO_TOMBSTONE_EVENT,
        TOMBSTONE_EVENT,
        report_tombstones,
    )
    from forsell.services.retention import RetentionService
    from forsell.store.models import OutboxJob
    from forsell.sync.backend import BackendClient, Event

    fake = FakeBackend()
    with FakeServer(fake) as server:
        data_dir = tmp_path / "till"
        till = open_till(data_dir)
        device_id = till.ctx.device_id
        store = SecretStore(device_id, keyring.get_keyring())
        try:
            token = fake.register_device(device_id)
            store.set("backend-token", token)
            till.ctx.settings.set(s.SYNC_BACKEND_URL, server.url)
            vault = open_vault(till.ctx)
            shredded, kept = sealed_recording(till, vault, 2.0), sealed_recording(till, vault, 2.0)
            purged = sealed_recording(till, vault, 1.0)
            with till.ctx.db.write() as session:  # transcribed 40 days ago: audio past its days
                session.add(_done_transcript(purged, timedelta(days=40)))
            set_passphrase(store, PASSPHRASE)
            (tmp_path / "usb").mkdir()
            backup = create_backup(data_dir, device_id, tmp_path / "usb").path
            admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
            RecordingLibrary(till.ctx, vault).shred(admin, [shredded], "erasure request")
            assert RetentionService(till.ctx, vault).purge().audio_shredded == 1
            vault.close()
            assert report_tombstones(till.ctx) == 2  # one destroyed, one audio purged
            assert report_tombstones(till.ctx) == 0  # reported once
            with till.ctx.db.read() as session:
                jobs = session.scalars(
                    select(OutboxJob).where(
                        OutboxJob.kind.in_((TOMBSTONE_EVENT, AUDIO_TOMBSTONE_EVENT))
                    )
                ).all()
                events = [
                    Event(job.id, job.kind, job.entity_id, job.created_at.isoformat(), job.payload)
                    for job in jobs
                ]

            async def send() -> None:
                async with httpx.AsyncClient(timeout=5) as client:
                    backend = BackendClient(client, server.url, lambda: token)
                    results = await backend.send_events(device_id, events)
                    assert [r.status for r in results] == ["accepted", "accepted"]

            asyncio.run(send())
            till.close()
            _forget_secrets(device_id)  # the machine is lost: a new one, a fresh folder
            fresh = tmp_path / "new-machine"
            done = restore_backup(backup, fresh, passphrase=PASSPHRASE)
            assert done.backend_reached is True and done.tombstones_applied == 1
            assert done.audio_purged == 1  # known only from the backend's list
            db = sqlite3.connect(fresh / DB_NAME)
            gone = db.execute("SELECT count(*) FROM recordings WHERE id = ?", (shredded,))
            assert gone.fetchone() == (0,)
            audio = db.execute(
                "SELECT count(*) FROM recording_chunks WHERE recording_id = ?", (purged,)
            )
            assert audio.fetchone() == (0,)
            db.close()
            assert _pcm_lengths(fresh, [kept])[kept] > 0
        finally:
            _forget_secrets(device_id)
    fake.close()


def test_a_printed_recovery_code_opens_the_backup_however_it_is_typed_back(
    made: Made, tmp_path: Path
) -> None:
    from forsell.services.backup import CODE_ALPHABET, new_recovery_code

    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 5 and all(len(g) == 5 and set(g) <= set(CODE_ALPHABET) for g in groups)
    assert new_recovery_code() != code
    set_passphrase(SecretStore(made.device_id, keyring.get_keyring()), code)
    newer = create_backup(made.data_dir, made.device_id, made.backup.parent)
    _forget_secrets(made.device_id)
    typed = code.replace("-", " ").lower()
    assert verify_backup(newer.path, passphrase=typed).till == made.device_id
    with pytest.raises(BackupRefused) as old_one:
        verify_backup(made.backup, passphrase=typed)  # made under the passphrase before
    assert old_one.value.reason == "wrong_passphrase"
    assert verify_backup(made.backup, passphrase=PASSPHRASE).till == made.device_id


def test_audio_retention_purged_stays_purged_when_an_older_backup_is_restored(
    tmp_path: Path,
) -> None:
    """Retention replaces the key of transcribed audio (the text stays): the older backup still
    holds the old key and the audio, so the purge leaves an audio tombstone that the restore
    re-applies."""
    import json as jsonlib
    from datetime import UTC, datetime, timedelta

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from forsell.services.retention import RetentionService
    from forsell.store.models import Recording, TranscriptRow
    from forsell.sync.transcripts import _aad as transcript_aad
    from forsell.vault.chunks import NONCE_BYTES
    from forsell.vault.keys import read_audio_purges

    data_dir = tmp_path / "till"
    till = open_till(data_dir, seed_demo=False)
    device_id = till.ctx.device_id
    try:
        vault = open_vault(till.ctx)
        purged, kept = sealed_recording(till, vault, 2.0), sealed_recording(till, vault, 2.0)
        dek = vault.get(purged)
        nonce = os.urandom(NONCE_BYTES)
        text = nonce + AESGCM(dek).encrypt(
            nonce, jsonlib.dumps({"text": "Сәлеметсіз бе"}).encode(), transcript_aad(purged)
        )
        now = datetime.now(UTC)
        with till.ctx.db.write() as session:
            session.add(
                TranscriptRow(
                    recording_id=purged,
                    provider="elevenlabs",
                    state="done",
                    submitted_at=now - timedelta(days=41),
                    done_at=now - timedelta(days=40),
                    sealed=text,
                )
            )
        set_passphrase(SecretStore(device_id, keyring.get_keyring()), PASSPHRASE)
        (tmp_path / "usb").mkdir()
        older = create_backup(data_dir, device_id, tmp_path / "usb").path
        report = RetentionService(till.ctx, vault).purge(now=now)
        assert report.audio_shredded == 1
        assert set(vault.audio_purges()) == {purged}
        vault.close()
    finally:
        till.close()

    done = restore_backup(older, data_dir)
    assert done.audio_purged == 1
    db = sqlite3.connect(data_dir / DB_NAME)
    chunks = db.execute("SELECT count(*) FROM recording_chunks WHERE recording_id = ?", (purged,))
    assert chunks.fetchone() == (0,)
    queued = db.execute(
        "SELECT count(*) FROM outbox WHERE lane = 'audio' AND entity_id = ?", (purged,)
    )
    assert queued.fetchone() == (0,)
    db.close()
    # The restored key file keeps the audio tombstone for the next restore.
    assert set(read_audio_purges(data_dir / KEY_FILE)) == {purged}
    till = open_till(data_dir, seed_demo=False)
    vault = open_vault(till.ctx)
    try:
        with till.ctx.db.read() as session:
            recording = session.get(Recording, purged)
            assert recording is not None and recording.audio_purged_at is not None
            sealed = session.get(TranscriptRow, purged).sealed
        # The text stays readable under the backup's key; the other recording still plays.
        key = vault.get(purged)
        opened = AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:],
                                     transcript_aad(purged))  # fmt: skip
        assert jsonlib.loads(opened)["text"] == "Сәлеметсіз бе"
    finally:
        vault.close()
        till.close()
    assert _pcm_lengths(data_dir, [kept])[kept] > 0
    _forget_secrets(device_id)
