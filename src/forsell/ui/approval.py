"""Supervisor override: when a service says NeedsApproval, ask for a supervisor's PIN and retry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.numbers import format_basis_points
from forsell.domain.roles import Action
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.auth import Approval, EmployeeView

from .messages import message_for, translate
from .widgets import Keypad

T = TypeVar("T")


def action_text(action: Action) -> str:
    return {
        Action.REFUND: translate("OverrideDialog", "Refund"),
        Action.DISCOUNT_OVER_LIMIT: translate(
            "OverrideDialog", "Discount above the cashier's limit"
        ),
        Action.PRICE_OVERRIDE: translate("OverrideDialog", "Change a price"),
        Action.CLOSE_WITH_DISCREPANCY: translate(
            "OverrideDialog", "Close the shift with a cash difference"
        ),
        Action.VOID_SALE: translate("OverrideDialog", "Void a completed sale"),
        Action.CATALOG_EDIT: translate("OverrideDialog", "Edit the catalog"),
        Action.QUIT_TILL: translate(
            "OverrideDialog", "Quit the till (recording and sync stop until it starts again)"
        ),
    }[action]


class OverrideDialog(QDialog):
    """Asks a supervisor (or admin) to type their PIN for one action."""

    def __init__(
        self,
        till: Till,
        employee: EmployeeView | None,
        action: Action,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.employee, self.action = till, employee, action
        self.approval: Approval | None = None
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = self.tr("A supervisor must approve: <b>{action}</b>").format(
            action=action_text(action)
        )
        if action is Action.DISCOUNT_OVER_LIMIT:
            limit = till.ctx.settings.get(s.CASHIER_DISCOUNT_LIMIT_BP)
            text += "<br>" + self.tr("A cashier may give up to {limit} without approval.").format(
                limit=format_basis_points(limit)
            )
        self.what = QLabel(text)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Supervisor PIN"))
        self.pin.setAccessibleName("supervisor PIN")
        self.pin.setMinimumHeight(48)
        layout.addWidget(self.pin)
        # The supervisor at a touch-only till types the PIN as at the login screen.
        self.keypad = Keypad(self.pin, extra="")
        layout.addWidget(self.keypad)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName("override error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("approve")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check(self) -> None:
        try:
            # Nobody may be signed in (the tray's Quit): the request then has no requester.
            requester = self.employee.id if self.employee else None
            self.approval = self.till.staff.approve(self.pin.text(), self.action, requester)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            self.pin.clear()
            return
        self.accept()


def with_approval(
    parent: QWidget, till: Till, employee: EmployeeView, call: Callable[[Approval | None], T]
) -> T | None:
    """Runs ``call(None)``; on NeedsApproval asks a supervisor and runs ``call(approval)``.

    Returns None when the supervisor cancels. Other CashierErrors propagate to the caller.
    """
    try:
        return call(None)
    except NeedsApproval as need:
        dialog = OverrideDialog(till, employee, Action(need.action), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.approval is None:
            return None
        return call(dialog.approval)


def approve_then(
    parent: QWidget,
    till: Till,
    employee: EmployeeView,
    call: Callable[[Approval | None], T],
    done: Callable[[T], object],
    failed: Callable[[CashierError], object],
) -> None:
    """Like ``with_approval`` but never blocks in a nested event loop.

    The override dialog is opened window-modal; ``done(result)`` or ``failed(error)`` runs when
    the call finally succeeds or fails. A cancelled override calls neither (nothing happened).
    """
    try:
        result = call(None)
    except NeedsApproval as need:
        dialog = OverrideDialog(till, employee, Action(need.action), parent)

        def approved() -> None:
            try:
                outcome = call(dialog.approval)
            except CashierError as exc:
                failed(exc)
            else:
                done(outcome)

        dialog.accepted.connect(approved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return
    except CashierError as exc:
        failed(exc)
        return
    done(result)
