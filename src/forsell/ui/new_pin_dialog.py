"""Choosing one's own PIN after signing in with a one-time PIN of ``staff reset-pins``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView

from .messages import message_for
from .widgets import set_role


class NewPinDialog(QDialog):
    """Asks for the new PIN twice; ``chosen`` carries the employee once it is saved. Closing it
    without a new PIN locks the till again (the one-time PIN is not a PIN to keep working with)."""

    chosen = Signal(object)  # EmployeeView, nothing left to change

    def __init__(self, till: Till, employee: EmployeeView, parent=None) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.setWindowTitle(self.tr("Choose your PIN"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{name}, you signed in with a one-time PIN. Choose your own PIN "
                "(4 to 8 digits) and keep it to yourself."
            ).format(name=employee.name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.pin = self._pin_field("new PIN", self.tr("New PIN"))
        self.again = self._pin_field("new PIN again", self.tr("The same PIN again"))
        layout.addWidget(self.pin)
        layout.addWidget(self.again)
        self.error = QLabel()
        self.error.setAccessibleName("new PIN error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        cancel = QPushButton(self.tr("Lock (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        save = QPushButton(self.tr("Save PIN (Enter)"))
        save.setAccessibleName("save new PIN")
        save.setDefault(True)
        set_role(save, "primary")
        save.clicked.connect(self.save)
        save.setMinimumWidth(save.sizeHint().width())  # the row never squeezes "Save PIN"
        row.addWidget(cancel)
        row.addWidget(save, 1)
        layout.addLayout(row)

    def _pin_field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(8)
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return field

    def save(self) -> None:
        if self.pin.text() != self.again.text():
            self.error.setText(self.tr("The two PINs differ. Type the same PIN twice."))
            self.again.clear()
            return
        try:
            employee = self.till.staff.change_own_pin(self.employee, self.pin.text())
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.chosen.emit(employee)
        self.accept()
