"""Restoring a backup from the admin screen while the till runs.

The database the till has open is never swapped under it: the whole file is verified into a
staging folder in the task pool (with a progress bar), destructions are re-applied there, and a
commit marker is written (``services.backup.restore_at_next_start``); then the till must close,
and its next start moves the restored data in. Until the marker the live data is untouched; a
fault (wrong passphrase, a newer app, a truncated or altered file, the drive unplugged) leaves it
as it was and says what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.backup import BackupRefused, Restored, restore_at_next_start

from .backup_admin import refusal_text
from .messages import message_for
from .tasks import Task, tasks

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


class RestoreBackupDialog(QDialog):
    """The file, an admin's PIN, the passphrase when this machine lacks the backup's key, a
    progress bar, and what happens next. ``close_till`` asks the application to close once the
    restore waits for the next start."""

    close_till = Signal()

    def __init__(self, till: Till, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.till = till
        self.staged = False
        self.folder = folder
        self.file = QLineEdit()
        self.file.setAccessibleName("backup file")
        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName("choose backup file")
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName("admin PIN")
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setAccessibleName("recovery passphrase or code")
        self.phrase_label = QLabel(self.tr("Recovery passphrase or code"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Backup file"), row)
        form.addRow(self.tr("Admin PIN"), self.pin)
        form.addRow(self.phrase_label, self.phrase)
        self._ask_phrase(False)
        warning = QLabel(
            self.tr(
                "The till's data is replaced by the backup's: sales, shifts and recordings made "
                "after the backup was taken are lost. Recordings destroyed since then stay "
                "destroyed. The till closes when the backup is ready and finishes the restore "
                "when it is started again."
            )
        )
        warning.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setAccessibleName("restore progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("restore status")
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setAccessibleName("restore backup")
        self.restore_button.clicked.connect(self.restore)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName("cancel restore")
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("Close the till"))
        self.close_button.setAccessibleName("close the till")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.restore_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)
        for edit in (self.file, self.pin, self.phrase):
            edit.setMinimumWidth(320)
        self.adjustSize()

    def _ask_phrase(self, shown: bool) -> None:
        self.phrase_label.setVisible(shown)
        self.phrase.setVisible(shown)

    def _say(self, text: str) -> None:
        """The status line; the dialog grows to show all of it."""
        self.status.setText(text)
        self.adjustSize()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore a backup"), self.folder, "4Sell backup (*.fsb)"
        )
        if path:
            self.file.setText(path)

    def restore(self) -> None:
        """Checks the PIN and restores in the task pool; the answer comes back here."""
        path = Path(self.file.text().strip())
        if not self.file.text().strip():
            self.status.setText(self.tr("Choose the backup file first."))
            return
        if not self.pin.text():
            self.status.setText(self.tr("Type an admin's PIN."))
            return
        pin = self.pin.text()
        passphrase = (self.phrase.text() if self.phrase.isVisibleTo(self) else "") or None
        till = self.till
        self.restore_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Checking the backup…"))

        def work(task: Task) -> Restored:
            till.staff.admin_by_pin(pin, "backup restore")
            return restore_at_next_start(
                path,
                till.ctx.data_dir,
                passphrase=passphrase,
                keyring_backend=till.ctx.keyring_backend,
                on_progress=task.report,
            )

        tasks().run_with_progress(
            work,
            self._staged,
            self._failed,
            on_progress=self._progress,
            owner=self,
            key="restore",
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(min(100, done * 100 // total) if total else 0)

    def _staged(self, done: Restored) -> None:
        self.staged = True
        self.pin.clear()
        self.phrase.clear()
        self.progress.setValue(100)
        lines = [
            self.tr(
                "The backup of {when} is verified and ready. The till closes now; start it "
                "again to finish the restore."
            ).format(when=done.created_at[:16].replace("T", " ") + " UTC")
        ]
        if done.backend_reached is False:
            lines.append(
                self.tr(
                    "The analytics backend could not be reached: recordings destroyed on "
                    "another computer may come back. Restore again when online before the "
                    "till is used."
                )
            )
        self._say("\n".join(lines))
        self.restore_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setFocus()

    def _failed(self, exc: Exception) -> None:
        self.restore_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.progress.hide()
        if isinstance(exc, BackupRefused) and exc.reason == "other_key":
            self._ask_phrase(True)
            self.phrase.setFocus()
            self._say(
                self.tr(
                    "This computer's secret store does not hold this backup's key: type the "
                    "recovery passphrase or the printed recovery code."
                )
            )
            return
        self._say(failure_text(exc))

    def done(self, result: int) -> None:  # Qt override: once staged, the till must close
        super().done(result)
        if self.staged:
            self.close_till.emit()


def failure_text(exc: Any) -> str:
    """Why a restore from the admin screen stopped, in the user's language."""
    if isinstance(exc, BackupRefused):
        return refusal_text(exc)
    if isinstance(exc, CashierError):
        return message_for(exc)
    if isinstance(exc, OSError):
        return translate(
            "RestoreBackupDialog",
            "The backup could not be read or the data folder could not be written ({error}). "
            "Nothing was changed.",
        ).format(error=exc.strerror or str(exc))
    return str(exc)
