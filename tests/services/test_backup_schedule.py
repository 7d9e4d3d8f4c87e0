"""The till's own backups: due after a shift's close and once a day, never without a folder and
a passphrase; doctor's ``backups`` line; tombstones reported to the outbox on the way."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from forsell.services import settings as s
from forsell.services.app import open_till
from forsell.services.backup import (
    TOMBSTONE_EVENT,
    TillBackups,
    backups_in,
    set_passphrase,
)
from forsell.services.doctor import check_backups
from forsell.services.recordings import open_vault
from forsell.store.models import OutboxJob
from forsell.vault.secrets import SecretStore
from recording_child import sealed_recording
from sync.memory_keyring import MemoryKeyring


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def test_backups_run_when_due_and_doctor_says_when_they_are_late(tmp_path: Path) -> None:
    backend, clock = MemoryKeyring(), Clock()
    data_dir, usb = tmp_path / "till", tmp_path / "usb"
    till = open_till(data_dir, clock=clock, keyring_backend=backend)
    try:
        backups = TillBackups(till.ctx)
        assert check_backups(data_dir, backend).ok  # no folder chosen: said, not failed
        assert "no backup folder" in check_backups(data_dir, backend).found
        assert backups.run_if_due(shift_closed=True) is None  # no folder: nothing, no error
        till.ctx.settings.set(s.BACKUP_FOLDER, str(usb))
        missing = check_backups(data_dir, backend)
        assert not missing.ok and "missing" in missing.found
        usb.mkdir()
        assert backups.run_if_due() is None  # no passphrase yet
        assert not check_backups(data_dir, backend).ok
        set_passphrase(SecretStore(till.ctx.device_id, backend), "ежедневная фраза кассы")
        first = backups.run_if_due()
        assert first is not None and backups_in(usb, till.ctx.device_id) == [first.path]
        assert check_backups(data_dir, backend).ok
        clock.now += timedelta(hours=3)
        assert backups.run_if_due() is None  # the daily one is done
        after_shift = backups.run_if_due(shift_closed=True)
        assert after_shift is not None and len(backups_in(usb)) == 2
        # Two days without the till running: doctor fails the line with the fix.
        for path in backups_in(usb):
            old = (clock.now - timedelta(days=2)).timestamp()
            os.utime(path, (old, old))
        late = check_backups(data_dir, backend)
        assert not late.ok and "older than 26 hours" in late.found and late.hint
        assert backups.run_if_due() is not None  # and the daily one is due again
    finally:
        till.close()


def test_each_tombstone_goes_to_the_outbox_once(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    till = open_till(tmp_path / "till", keyring_backend=backend)
    try:
        vault = open_vault(till.ctx, backend)
        rid = sealed_recording(till, vault, 2.0)
        vault.destroy(rid)
        vault.destroy("doc:registration-scan")  # a document's key is not a recording
        vault.close()
        TillBackups(till.ctx).run_if_due()  # no folder: still reports the tombstones
        TillBackups(till.ctx).run_if_due()
        with till.ctx.db.read() as session:
            jobs = session.scalars(select(OutboxJob).where(OutboxJob.kind == TOMBSTONE_EVENT))
            payloads = [j.payload for j in jobs]
        assert [p["recording_id"] for p in payloads] == [rid]
        assert payloads[0]["destroyed_at"]
    finally:
        till.close()
