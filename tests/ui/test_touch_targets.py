"""Everything a finger hits on the till, payment, approval and shift dialogs is at least 44×44
px: buttons, fields, the spin boxes' − and + steps, check boxes and list rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)

from forsell.domain.roles import Action, Role
from forsell.ui.approval import OverrideDialog
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.shift_dialogs import CashMovementDialog, CloseShiftDialog, OpenShiftDialog
from forsell.ui.theme import TOUCH_PX

from .conftest import SUPERVISOR_PIN, employee, log_in
from .review_data import COFFEE, CROISSANT

TOUCHED = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def _spin_steps(spin: QAbstractSpinBox) -> list[str]:
    if spin.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons:
        return []
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    small = []
    steps = (("−", QStyle.SubControl.SC_SpinBoxDown), ("+", QStyle.SubControl.SC_SpinBoxUp))
    for name, part in steps:
        rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, spin)
        if rect.width() < TOUCH_PX or rect.height() < TOUCH_PX:
            small.append(f"{spin.accessibleName()!r} {name} step {rect.width()}×{rect.height()}")
    return small


def too_small(root: QWidget) -> list[str]:
    """The visible targets on ``root`` a finger may miss."""
    QApplication.processEvents()
    small = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        name = widget.accessibleName() or widget.objectName() or type(widget).__name__
        if isinstance(widget, TOUCHED) and (
            widget.width() < TOUCH_PX or widget.height() < TOUCH_PX
        ):
            small.append(f"{name!r} {widget.width()}×{widget.height()}")
        if isinstance(widget, QAbstractSpinBox):
            small += _spin_steps(widget)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for row in range(widget.model().rowCount()):
                height = widget.visualRect(widget.model().index(row, 0)).height()
                if 0 < height < TOUCH_PX:
                    small.append(f"{name!r} row {row} is {height} px high")
    return small


def _open(qtbot, dialog: QDialog) -> list[str]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = [f"{type(dialog).__name__}: {s}" for s in too_small(dialog)]
    dialog.reject()
    return found


def test_the_till_and_its_dialogs_have_finger_sized_targets(qtbot, window, till):
    supervisor = employee(till, Role.SUPERVISOR)
    log_in(qtbot, window, supervisor, SUPERVISOR_PIN)
    window.resize(1366, 768)
    qtbot.mouseClick(window.till_screen.buttons["open shift"], Qt.MouseButton.LeftButton)
    opening = QApplication.activeModalWidget()
    small = [f"open shift: {s}" for s in too_small(opening)]
    opening.reject()
    till.shifts.open(supervisor, 0)
    window.till_screen.refresh_shift()
    sale = window.till_screen.sale
    for code in (COFFEE, CROISSANT):
        sale.scan(code)
    window.till_screen.show_cart(sale.view())
    small += [f"till: {s}" for s in too_small(window.till_screen)]
    small += _open(qtbot, PaymentDialog(sale, parent=window))
    small += _open(qtbot, OverrideDialog(till, supervisor, Action.REFUND, window))
    small += _open(qtbot, OpenShiftDialog(till, supervisor, window))
    small += _open(qtbot, CashMovementDialog(till, supervisor, window))
    small += _open(qtbot, CloseShiftDialog(till, supervisor, window))
    assert not small, "too small for a finger:\n" + "\n".join(small)


def test_the_approval_pin_can_be_typed_on_its_keypad(qtbot, window, till):
    cashier = employee(till, Role.CASHIER)
    dialog = OverrideDialog(till, cashier, Action.REFUND, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for key in SUPERVISOR_PIN:
        qtbot.mouseClick(dialog.keypad.buttons[key], Qt.MouseButton.LeftButton)
    assert dialog.pin.text() == SUPERVISOR_PIN
    qtbot.mouseClick(dialog.keypad.buttons["⌫"], Qt.MouseButton.LeftButton)
    assert dialog.pin.text() == SUPERVISOR_PIN[:-1]
    dialog.pin.insert(SUPERVISOR_PIN[-1])
    dialog._check()
    assert dialog.approval is not None and dialog.result() == QDialog.DialogCode.Accepted
