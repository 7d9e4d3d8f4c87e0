"""Helpers and drivers for the back-office dialog tests (shift, refund, report, catalog).

The till and the logged-in cashier, supervisor and admin are fixtures in tests/ui/conftest.py.

A real till in tmp_path (demo catalog and staff), real sales, real Qt widgets offscreen. Modal
dialogs opened with ``exec()`` (supervisor override, confirmations) are driven by a timer that
waits for them to become the active modal widget.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.receipts import ReceiptView
from forsell.ui.approval import OverrideDialog

PINS = {Role.ADMIN: "9000", Role.SUPERVISOR: "5000", Role.CASHIER: "1111"}
SHOTS = Path("/tmp/shots")


def login(till: Till, role: Role) -> EmployeeView:
    person = next(e for e in till.staff.staff() if e.role is role)
    return till.staff.login(person.id, PINS[role])


def sell(
    till: Till, employee: EmployeeView, items: list[tuple[str, int]], payment: Payment
) -> ReceiptView:
    """Rings up ``items`` (SKU, qty in thousandths) and pays."""
    sale = till.sale_for(employee)
    for sku, qty in items:
        product = next(p for p in till.catalog.search(sku) if p.sku == sku)
        sale.add(product, qty)
    return sale.pay(payment)


def by_name(root: QWidget, cls: type, name: str):
    """The one child of ``root`` with this accessible name (as UI automation finds it)."""
    found = [w for w in root.findChildren(cls) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} widgets named {name!r}"
    return found[0]


class ModalDriver:
    """Acts on the next modal dialog of a given type as soon as ``exec()`` shows it."""

    def __init__(self, kind: type, action: Callable[[QWidget], None], tries: int = 300) -> None:
        self.kind, self.action, self.tries = kind, action, tries
        self.seen: QWidget | None = None
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, self.kind) and widget.isVisible():
            self.seen = widget
            self.action(widget)
        elif self.tries > 0:  # give up eventually so a test fails instead of hanging
            self.tries -= 1
            QTimer.singleShot(10, self._poll)
        # no dialog ever came: the test's assertion on ``seen`` reports it


def approve_with(qtbot, pins: list[str], errors: list[str] | None = None):
    """Types each PIN into the next override dialog; records its error line after each try."""

    def act(dialog: QWidget) -> None:
        for pin in pins:
            field = by_name(dialog, QLineEdit, "supervisor PIN")
            field.clear()
            qtbot.keyClicks(field, pin)
            qtbot.mouseClick(by_name(dialog, QPushButton, "approve"), Qt.MouseButton.LeftButton)
            if errors is not None and dialog.isVisible():
                errors.append(by_name(dialog, QLabel, "override error").text())
        if dialog.isVisible():  # every PIN was refused: cancel like the cashier would
            dialog.reject()

    return ModalDriver(OverrideDialog, act)


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


def shown(qtbot, dialog: QWidget) -> QWidget:
    """Registers ``dialog`` with qtbot and shows it: clicks need real, laid-out geometry."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog
