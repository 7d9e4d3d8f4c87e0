"""The admin's "Backups" tab: the backup folder and how many are kept, the recovery passphrase,
"Create now", "Verify…" and "Restore…" (``backup_restore.py``), each in the task pool."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.numbers import format_percent
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.backup import BackupRefused, TillBackups, verify_on_this_machine

from . import setting_fields as fields
from .messages import message_for
from .tasks import tasks

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


def refusal_text(exc: BackupRefused) -> str:
    """What a refused backup, verify or restore means, in the user's language."""
    texts = {
        "no_folder": translate("backups", "The backup folder does not exist. Plug in the drive or "
                        "choose another folder."),
        "folder_read_only": translate("backups", "The backup folder cannot be written to."),
        "disk_full": translate("backups", "The backup folder's disk is full. Nothing was "
                               "left behind."),
        "write_failed": translate("backups", "The backup could not be written. Nothing was left "
                           "behind."),
        "no_passphrase": translate("backups", "Set the recovery passphrase first."),
        "short_passphrase": translate("backups", "The passphrase must have at least 12 "
                                      "characters."),
        "wrong_passphrase": translate("backups", "Wrong recovery passphrase."),
        "truncated": translate("backups", "The backup is incomplete (cut off). Use another one."),
        "altered": translate("backups", "The backup was altered or damaged. Use another one."),
        "damaged_database": translate("backups", "The database inside the backup is damaged."),
        "newer_format": translate("backups", "The backup was made by a newer version of the app. "
                           "Update the app first."),
        "newer_schema": translate("backups", "The backup was made by a newer version of the app. "
                           "Update the app first."),
        "not_a_backup": translate("backups", "This file is not a 4Sell backup."),
        "file_missing": translate("backups", "The backup file is gone. Was the drive "
                                  "unplugged? Plug it in and try again."),
        "secret_store": translate("backups", "The secret store cannot keep the till's keys. "
                                  "Nothing was changed."),
        "no_key": translate("backups", "This backup carries no passphrase: only the computer "
                            "that made it can open it."),
    }  # fmt: skip
    return texts.get(exc.reason, str(exc))


def close_the_till() -> None:
    """Closes the till the way its Quit does (the main window's, else the application's)."""
    for widget in QApplication.topLevelWidgets():
        quit_app = getattr(widget, "quit_app", None)
        if callable(quit_app):
            quit_app()
            return
    QApplication.quit()


class BackupAdminPage(QWidget):
    """Where backups go, the passphrase that opens them elsewhere, a backup now, a check."""

    def __init__(self, till: Till, admin: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = TillBackups(till.ctx)
        self.till = till
        self.admin = admin
        form = QFormLayout()
        self.folder = QLineEdit(till.ctx.settings.get(s.BACKUP_FOLDER))
        self.folder.setAccessibleName("backup folder")
        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName("choose backup folder")
        choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        holder = QWidget()
        holder.setLayout(row)
        fields.add_row(form, s.BACKUP_FOLDER, holder)
        self.keep = fields.spin_box(s.BACKUP_KEEP)
        self.keep.setValue(till.ctx.settings.get(s.BACKUP_KEEP))
        self.keep.setAccessibleName("backups kept")
        fields.add_row(form, s.BACKUP_KEEP, self.keep)
        form.addRow(fields.note(s.BACKUP_KEEP))
        save = QPushButton(self.tr("Save"))
        save.setAccessibleName("save backup settings")
        save.clicked.connect(self.save)
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setAccessibleName("recovery passphrase")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("recovery passphrase again")
        form.addRow(self.tr("Recovery passphrase"), self.phrase)
        form.addRow(self.tr("The same again"), self.again)
        set_phrase = QPushButton(self.tr("Set passphrase"))
        set_phrase.setAccessibleName("set recovery passphrase")
        set_phrase.clicked.connect(self.set_passphrase)
        self.create_button = QPushButton(self.tr("Create backup now"))
        self.create_button.setAccessibleName("create backup now")
        self.create_button.clicked.connect(self.create_now)
        self.verify_button = QPushButton(self.tr("Verify a backup…"))
        self.verify_button.setAccessibleName("verify a backup")
        self.verify_button.clicked.connect(self.verify_file)
        self.restore_button = QPushButton(self.tr("Restore a backup…"))
        self.restore_button.setAccessibleName("restore a backup")
        self.restore_button.clicked.connect(self.open_restore)
        # Two rows: the settings, then what is done with backups (five in one row left each
        # button too narrow for its English words at 1366 px).
        buttons = QVBoxLayout()
        for group in (
            (save, set_phrase),
            (self.create_button, self.verify_button, self.restore_button),
        ):
            row = QHBoxLayout()
            for button in group:
                row.addWidget(button)
            buttons.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("backup status")
        restore = QLabel(
            self.tr(
                "Restoring replaces the till's data with the backup's: the till closes and "
                "finishes it at its next start. The recovery passphrase is never stored: write "
                "it down and keep it away from the till; a new computer opens the backups with "
                "it."
            )
        )
        restore.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(restore)
        layout.addStretch(1)
        self.show_status()

    def open_restore(self) -> None:
        """The restore dialog; once a restore waits for the next start, the till closes."""
        from .backup_restore import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.till, self.folder.text(), self)
        dialog.close_till.connect(close_the_till)
        dialog.open()
        self.restore_dialog = dialog

    def show_status(self) -> None:
        status = self.service.status(self.admin)
        if status.newest is None or status.newest_at is None:
            self.status.setText(self.tr("No backup yet."))
        else:
            when = self.till.ctx.local(status.newest_at).strftime("%d.%m.%Y %H:%M")
            self.status.setText(self.tr("Newest backup: {name} ({when})").format(
                name=status.newest.name, when=when))  # fmt: skip

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
        if folder:
            self.folder.setText(folder)

    def save(self) -> None:
        try:
            self.service.save_settings(self.admin, self.folder.text().strip(), self.keep.value())
        except CashierError as exc:
            self.status.setText(message_for(exc))
            return
        self.show_status()

    def set_passphrase(self) -> None:
        if self.phrase.text() != self.again.text():
            self.status.setText(self.tr("The two passphrases differ."))
            return
        phrase = self.phrase.text()
        self.phrase.clear()
        self.again.clear()
        try:
            self.service.set_passphrase(self.admin, phrase)
        except BackupRefused as exc:
            self.status.setText(refusal_text(exc))
            return
        self.status.setText(self.tr("Recovery passphrase set."))

    def create_now(self) -> None:
        self.create_button.setEnabled(False)
        self.status.setText(self.tr("Creating the backup…"))
        service, admin = self.service, self.admin
        tasks().run_with_progress(
            lambda task: service.create_now(admin, on_progress=task.report),
            self._created,
            self._failed,
            on_progress=lambda done, total: self._progress(
                self.tr("Creating the backup…"), done, total
            ),
            owner=self,
            key="create",
        )

    def _progress(self, doing: str, done: int, total: int) -> None:
        """The running step and how far it is, as the task pool reports it (throttled)."""
        percent = min(100, done * 100 // total) if total else 0
        self.status.setText(f"{doing} {format_percent(percent, 0)}")

    def _created(self, made) -> None:
        self.create_button.setEnabled(True)
        self.status.setText(self.tr("Backup written: {path}").format(path=str(made.path)))

    def _failed(self, exc: Exception) -> None:
        self.create_button.setEnabled(True)
        self.verify_button.setEnabled(True)
        if isinstance(exc, BackupRefused):
            self.status.setText(refusal_text(exc))
        elif isinstance(exc, CashierError):
            self.status.setText(message_for(exc))
        else:
            self.status.setText(str(exc))

    def verify_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verify a backup"), self.folder.text(), "4Sell backup (*.fsb)"
        )
        if path:
            self._verify(Path(path), None)

    def _verify(self, path: Path, passphrase: str | None) -> None:
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Checking the backup…"))
        backend, work = self.till.ctx.keyring_backend, self.till.ctx.data_dir
        tasks().run_with_progress(
            lambda task: verify_on_this_machine(
                path,
                passphrase=passphrase,
                keyring_backend=backend,
                work_dir=work,
                on_progress=task.report,
            ),
            lambda got: self._verified(path, got),
            lambda exc: self._verify_failed(path, exc, passphrase),
            on_progress=lambda done, total: self._progress(
                self.tr("Checking the backup…"), done, total
            ),
            owner=self,
            key="verify",
        )

    def _verified(self, path: Path, got) -> None:
        self.verify_button.setEnabled(True)
        self.status.setText(self.tr("The backup {name} is good.").format(name=path.name))

    def _verify_failed(self, path: Path, exc: Exception, passphrase: str | None) -> None:
        if isinstance(exc, BackupRefused) and exc.reason == "other_key" and passphrase is None:
            phrase, ok = QInputDialog.getText(
                self,
                self.tr("Recovery passphrase"),
                self.tr("This backup was made on another computer: its passphrase opens it."),
                QLineEdit.EchoMode.Password,
            )
            if ok and phrase:
                self._verify(path, phrase)
                return
        self._failed(exc)
