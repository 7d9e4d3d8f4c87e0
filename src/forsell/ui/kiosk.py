"""Kiosk mode: the till fills the screen, has no window frame, and only an admin's PIN lets
anyone close it (Alt+F4, the window's close, the tray's Quit all ask for one).

Without kiosk mode the window still takes the whole screen it starts on (maximised), from a
1366×768 till to a 1920×1080 monitor, instead of a 1366×768 window in a corner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView

from .messages import message_for
from .widgets import Keypad, set_role

#: The purpose written in the audit trail when an admin's PIN opens the way out.
PURPOSE = "kiosk exit"


def enter_kiosk(window: QMainWindow) -> None:
    """Full screen, without a frame (no title bar to drag, no close button to press)."""
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.showFullScreen()


def show_on_screen(window: QMainWindow) -> None:
    """The whole screen the window starts on, whatever its size, keeping the frame."""
    window.showMaximized()


class LeaveKioskDialog(QDialog):
    """Asks for an admin's PIN before the till may close; ``admin`` is who typed it.

    The check is the guarded one of the command line's lawful exports
    (``StaffService.admin_by_pin``): wrong PINs in a row lock it for a while, and every
    refusal and the exit are audited."""

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.admin: EmployeeView | None = None
        self.setWindowTitle(self.tr("Close the till"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("The till runs in kiosk mode: an admin's PIN closes it."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Admin PIN"))
        self.pin.setAccessibleName("kiosk admin PIN")
        self.pin.setMaxLength(8)
        layout.addWidget(self.pin)
        self.keypad = Keypad(self.pin, extra="")
        layout.addWidget(self.keypad)
        self.error = QLabel()
        self.error.setAccessibleName("kiosk error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Close the till (Enter)"))
        ok.setAccessibleName("confirm kiosk exit")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> None:
        """Accepts on an admin's PIN; otherwise says why and clears the field."""
        try:
            self.admin = self.till.staff.admin_by_pin(self.pin.text(), PURPOSE)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            self.pin.clear()
            return
        self.accept()
