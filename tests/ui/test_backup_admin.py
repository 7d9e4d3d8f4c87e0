"""The admin's "Backups" tab on a real till and the real Secret Service: folder and rotation
saved through the settings registry, the passphrase set, a backup made and verified in the
task pool, refusals in words."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from forsell.services import settings as s
from forsell.services.backup import SECRET_NAMES, BackupRefused, backups_in
from forsell.ui.backup_admin import BackupAdminPage, refusal_text
from forsell.vault.secrets import SecretStore
from platform_services import needs, secret_service

pytestmark = needs(secret_service)


def _button(page: BackupAdminPage, name: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)


def test_the_admin_sets_the_folder_and_passphrase_then_creates_and_verifies(
    qtbot, till, admin, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    page = BackupAdminPage(till, admin)
    qtbot.addWidget(page)
    try:
        assert page.status.text() == "No backup yet."
        page.folder.setText(str(usb))
        page.keep.setValue(3)
        qtbot.mouseClick(_button(page, "save backup settings"), Qt.MouseButton.LeftButton)
        assert till.ctx.settings.get(s.BACKUP_FOLDER) == str(usb)
        assert till.ctx.settings.get(s.BACKUP_KEEP) == 3
        qtbot.mouseClick(_button(page, "create backup now"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.create_button.isEnabled(), timeout=30_000)
        assert page.status.text() == "Set the recovery passphrase first."
        page.phrase.setText("долгая фраза восстановления")
        page.again.setText("другая фраза восстановления")
        qtbot.mouseClick(_button(page, "set recovery passphrase"), Qt.MouseButton.LeftButton)
        assert page.status.text() == "The two passphrases differ."
        page.phrase.setText("долгая фраза восстановления")
        page.again.setText("долгая фраза восстановления")
        qtbot.mouseClick(_button(page, "set recovery passphrase"), Qt.MouseButton.LeftButton)
        assert page.status.text() == "Recovery passphrase set." and not page.phrase.text()
        qtbot.mouseClick(_button(page, "create backup now"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.create_button.isEnabled(), timeout=60_000)
        (made,) = backups_in(usb)
        assert page.status.text() == f"Backup written: {made}"
        page._verify(made, None)
        qtbot.waitUntil(lambda: page.verify_button.isEnabled(), timeout=60_000)
        assert page.status.text() == f"The backup {made.name} is good."
        made.write_bytes(made.read_bytes()[:-10])
        page._verify(made, None)
        qtbot.waitUntil(lambda: page.verify_button.isEnabled(), timeout=60_000)
        assert page.status.text() == refusal_text(BackupRefused("truncated"))
    finally:
        store = SecretStore(till.ctx.device_id, keyring.get_keyring())
        for name in SECRET_NAMES:
            store.delete(name)


def test_a_restore_is_refused_while_the_till_runs_on_the_folder(qtbot, till, tmp_path) -> None:
    from forsell.services.backup import restore_backup
    from forsell.services.backup_swap import till_running
    from forsell.ui.app import InstanceServer, instance_name

    data_dir = till.ctx.data_dir
    assert not till_running(data_dir)
    server = InstanceServer(instance_name(data_dir))  # what the running till listens on
    try:
        assert till_running(data_dir)
        assert not till_running(tmp_path / "another-folder")
        before = sorted(p.name for p in data_dir.iterdir())
        with pytest.raises(BackupRefused) as refused:
            restore_backup(tmp_path / "any.fsb", data_dir)
        assert refused.value.reason == "till_running"
        assert sorted(p.name for p in data_dir.iterdir()) == before
    finally:
        server.close()
    assert not till_running(data_dir)
