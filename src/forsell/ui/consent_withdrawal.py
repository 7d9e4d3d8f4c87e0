"""The admin records a withdrawal of consent on an employee's behalf, then may destroy what it
holds.

Two steps in one dialog: the reason (kept with the withdrawal and in the audit trail), then,
when the withdrawal holds recordings of that person, the offer to destroy them at once
(crypto-shredding: their keys are destroyed, the audio cannot be read by anyone again) or to
keep them held. Opened on the second step directly for an employee whose earlier withdrawal
still holds recordings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.consent import ConsentService

if TYPE_CHECKING:
    from forsell.services.recordings import KeyVault

from .messages import message_for
from .widgets import set_role


class WithdrawConsentDialog(QDialog):
    """Withdraw ``subject``'s consent with a reason; then offer to destroy held recordings."""

    changed = Signal()  # a withdrawal or a destruction happened

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        subject_id: str,
        subject_name: str,
        open_vault: Callable[[], KeyVault],
        parent: QWidget | None = None,
        *,
        destroy_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.till, self.admin = till, admin
        self.subject_id, self.subject_name = subject_id, subject_name
        self._open_vault = open_vault
        self.consent = ConsentService(till.ctx)
        self.destroyed_count = 0
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setAccessibleName("withdrawal explanation")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("withdrawal reason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            self.tr("Reason, e.g. the employee's written request of today")
        )
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setAccessibleName("withdrawal error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.cancel = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.confirm = QPushButton(self.tr("Withdraw consent"))
        self.confirm.setAccessibleName("confirm withdrawal")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self.withdraw)
        self.destroy_button = QPushButton()
        self.destroy_button.setAccessibleName("destroy held recordings")
        self.destroy_button.clicked.connect(self.destroy_held)
        self.destroy_button.hide()
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.confirm)
        row.addWidget(self.destroy_button)
        layout.addLayout(row)
        self.intro.setText(
            self.tr(
                "Withdraw the consent of {name} on their behalf: recording and sending their "
                "audio abroad stop at once, and their recordings not yet processed are held "
                "(not sent, not transcribed, not scored). The reason is kept and audited."
            ).format(name=subject_name)
        )
        if destroy_only:
            self._offer_destroy(len(self.consent.held_recordings(admin, subject_id)))
        else:
            self._fit()

    def withdraw(self) -> None:
        try:
            held = self.consent.withdraw_consent(self.admin, self.subject_id, self.reason.text())
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.error.clear()
        self.changed.emit()
        if held:
            self._offer_destroy(held)
        else:
            self.accept()

    def _offer_destroy(self, held: int) -> None:
        self.reason.hide()
        self.confirm.hide()
        self.intro.setText(
            self.tr(
                "{count} recordings of {name} are held. Destroy them now? Their keys are "
                "destroyed and nobody can listen to them again; this cannot be undone. Or keep "
                "them held: they are never sent or scored."
            ).format(count=held, name=self.subject_name)
        )
        self.cancel.setText(self.tr("Keep them held"))
        self.destroy_button.setText(self.tr("Destroy {count} recordings").format(count=held))
        self.destroy_button.setEnabled(held > 0)
        self.destroy_button.show()
        self._fit()

    def _fit(self) -> None:
        # A wrapped label's height depends on the width; a dialog does not ask by itself.
        width = max(self.width(), self.minimumWidth()) - 40
        self.intro.setMinimumHeight(self.intro.heightForWidth(width))
        self.adjustSize()

    def destroy_held(self) -> None:
        try:
            vault = self._open_vault()
            self.destroyed_count = self.consent.destroy_held(self.admin, self.subject_id, vault)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.changed.emit()
        self.accept()
