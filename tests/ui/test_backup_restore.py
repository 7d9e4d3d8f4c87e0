"""Restoring from the admin screen on a real till, real files and the real Secret Service: the
PIN, the passphrase when the secret store lacks the backup's key, a progress bar, every fault in
words with the live data untouched, and the restored data moved in at the next start."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import DB_NAME, RESTORED, Till, open_till
from forsell.services.audit_trail import verify_trail
from forsell.services.backup import (
    BACKUP_KEY,
    RESTORE_MARKER,
    SECRET_NAMES,
    BackupRefused,
    create_backup,
    set_passphrase,
)
from forsell.services.backup_swap import STAGING_PREFIX
from forsell.store.models import AuditEntry
from forsell.ui.backup_admin import BackupAdminPage, refusal_text
from forsell.ui.backup_restore import RestoreBackupDialog
from forsell.vault.secrets import SecretStore
from platform_services import needs, secret_service

from .conftest import ADMIN_PIN, employee

pytestmark = needs(secret_service)

PASSPHRASE = "самса и чай у окна 2026"


@pytest.fixture
def own_till(tmp_path: Path) -> Iterator[Till]:
    """A till this test closes itself (the restore is finished by the next start)."""
    opened = open_till(tmp_path / "till")
    yield opened
    opened.close()
    store = SecretStore(opened.ctx.device_id, keyring.get_keyring())
    for name in SECRET_NAMES:
        store.delete(name)


def _backup(till: Till, tmp_path: Path) -> Path:
    set_passphrase(SecretStore(till.ctx.device_id, keyring.get_keyring()), PASSPHRASE)
    (tmp_path / "usb").mkdir(exist_ok=True)
    return create_backup(till.ctx.data_dir, till.ctx.device_id, tmp_path / "usb").path


def _keep_in(data_dir: Path) -> int:
    db = sqlite3.connect(f"file:{data_dir / DB_NAME}?mode=ro", uri=True)
    try:
        row = db.execute("SELECT value FROM settings WHERE key = ?", (s.BACKUP_KEEP.key,))
        found = row.fetchone()
        return int(found[0]) if found else s.BACKUP_KEEP.default
    finally:
        db.close()


def _untouched(data_dir: Path) -> bool:
    """No commit marker, no staging folder left: the live data was not going to change."""
    return not (data_dir / RESTORE_MARKER).exists() and not list(
        data_dir.glob(f"{STAGING_PREFIX}*")
    )


def _try(qtbot, dialog: RestoreBackupDialog) -> None:
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.restore_button.isEnabled() or dialog.close_button.isVisibleTo(dialog),
        timeout=60_000,
    )


def test_the_admin_restores_and_the_next_start_moves_the_backup_in(
    qtbot, own_till: Till, tmp_path: Path
) -> None:
    till = own_till
    data_dir = till.ctx.data_dir
    backup = _backup(till, tmp_path)
    till.ctx.settings.set(s.BACKUP_KEEP, 9)  # made after the backup: the restore undoes it
    dialog = RestoreBackupDialog(till, str(backup.parent))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.phrase.isVisible()  # the secret store made the file: no passphrase
    _try(qtbot, dialog)
    assert dialog.status.text() == "Choose the backup file first."
    dialog.file.setText(str(backup))
    dialog.pin.setText("1111")  # a cashier's PIN is not an admin's
    _try(qtbot, dialog)
    assert "PIN" in dialog.status.text() and _untouched(data_dir)
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.pin.setText(ADMIN_PIN)
    _try(qtbot, dialog)
    assert dialog.close_button.isVisible() and not dialog.restore_button.isVisible()
    assert "verified and ready" in dialog.status.text()
    assert seen and seen[-1] == 100 and not dialog.pin.text()
    # Committed, but the open database is not swapped under the running till.
    assert (data_dir / RESTORE_MARKER).exists()
    assert _keep_in(data_dir) == 9
    with qtbot.waitSignal(dialog.close_till, timeout=5_000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    till.close()
    again = open_till(data_dir, seed_demo=False)  # the next start finishes the restore
    try:
        assert again.ctx.settings.get(s.BACKUP_KEEP) == s.BACKUP_KEEP.default
        assert again.ctx.device_id == till.ctx.device_id
        with again.ctx.db.read() as session:  # the restore is the restored trail's newest entry
            newest = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert newest is not None and newest.action == RESTORED
        assert newest.details == {"file": backup.name}
        assert verify_trail(again.ctx).intact
    finally:
        again.close()
    assert _untouched(data_dir)


def test_every_fault_is_said_in_words_and_nothing_changes(
    qtbot, own_till: Till, tmp_path: Path
) -> None:
    till = own_till
    data_dir = till.ctx.data_dir
    backup = _backup(till, tmp_path)
    dialog = RestoreBackupDialog(till)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pin.setText(ADMIN_PIN)

    cut = tmp_path / "usb" / "cut.fsb"
    cut.write_bytes(backup.read_bytes()[:-100])
    dialog.file.setText(str(cut))
    _try(qtbot, dialog)
    assert dialog.status.text() == refusal_text(BackupRefused("truncated"))
    assert _untouched(data_dir) and not dialog.progress.isVisible()

    altered = tmp_path / "usb" / "altered.fsb"
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    altered.write_bytes(bytes(raw))
    dialog.file.setText(str(altered))
    _try(qtbot, dialog)
    assert dialog.status.text() == refusal_text(BackupRefused("altered"))
    assert _untouched(data_dir)

    dialog.file.setText(str(tmp_path / "unplugged" / backup.name))  # the drive is gone
    _try(qtbot, dialog)
    assert dialog.status.text() == refusal_text(BackupRefused("file_missing"))
    assert "unplugged" in dialog.status.text()

    # This machine's secret store lost the backup key: the passphrase field appears.
    SecretStore(till.ctx.device_id, keyring.get_keyring()).delete(BACKUP_KEY)
    dialog.file.setText(str(backup))
    _try(qtbot, dialog)
    assert dialog.phrase.isVisible() and "passphrase" in dialog.status.text()
    dialog.phrase.setText("не та фраза совсем")
    _try(qtbot, dialog)
    assert dialog.status.text() == refusal_text(BackupRefused("wrong_passphrase"))
    assert _untouched(data_dir)
    dialog.phrase.setText(PASSPHRASE)
    _try(qtbot, dialog)
    assert dialog.close_button.isVisible() and (data_dir / RESTORE_MARKER).exists()


def test_the_backups_tab_opens_the_restore(qtbot, own_till: Till) -> None:
    admin = own_till.staff.login(employee(own_till, Role.ADMIN).id, ADMIN_PIN)
    page = BackupAdminPage(own_till, admin)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.restore_dialog, RestoreBackupDialog)
    assert page.restore_dialog.isVisible()
    page.restore_dialog.reject()


def test_the_restore_dialog_speaks_russian_kazakh_and_english(
    qtbot, own_till: Till, tmp_path: Path
) -> None:
    """Pictures of the dialog asking for the passphrase and once the backup is ready, in each
    language, to ``$FORSELL_SCREENSHOT_DIR`` (restore_<state>_<lang>.png) or else tmp_path."""
    import os

    from forsell.services.backup import Restored
    from forsell.ui.i18n import Languages

    folder = Path(os.environ.get("FORSELL_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    languages = Languages()
    ready = {"ru": "Копия от", "kk": "көшірмесі тексерілді", "en": "is verified and ready"}
    try:
        for language in ("ru", "kk", "en"):
            languages.switch(language)
            dialog = RestoreBackupDialog(own_till)
            qtbot.addWidget(dialog)
            dialog.show()
            dialog.file.setText("/media/usb/4sell-backup-till-20261205T0300Z.fsb")
            dialog.pin.setText(ADMIN_PIN)
            dialog._failed(BackupRefused("other_key"))
            assert dialog.phrase.isVisible()
            assert dialog.grab().save(str(folder / f"restore_passphrase_{language}.png"))
            dialog._staged(Restored("till", "2026-12-05T03:00:00+00:00", 1, False))
            assert ready[language] in dialog.status.text()
            assert dialog.grab().save(str(folder / f"restore_ready_{language}.png"))
            dialog.staged = False  # a picture only: nothing to close
            dialog.reject()
    finally:
        languages.uninstall()
