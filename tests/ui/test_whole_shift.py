"""A whole shift at the real till window, driven as a cashier would: keys, scans, named buttons.

Log in → open the shift → scan (one unknown code) → receipt discount over the cashier's limit →
cash → receipt → new sale → refund a line → count the drawer → Z report. Then the database is
checked through the services, not only the widgets.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from forsell.domain.money import format_kzt
from forsell.domain.roles import Action, Role
from forsell.domain.shift import DENOMINATIONS
from forsell.services.app import Till
from forsell.store.models import AuditEntry, OutboxJob, Refund, Sale
from forsell.ui.approval import OverrideDialog
from forsell.ui.line_dialogs import DiscountDialog
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import ReceiptDialog
from forsell.ui.refund_dialog import RefundDialog
from forsell.ui.report_view import ReportDialog
from forsell.ui.shift_dialogs import CloseShiftDialog, OpenShiftDialog

from .backoffice_fixtures import approve_with
from .conftest import CASHIER_PIN, SUPERVISOR_PIN, employee, find, modal
from .test_till import ARABICA, PIALA, rows, scan

ARABICA_SKU, PIALA_SKU = "COF-021", "TEA-008"  # resources/demo/catalog.csv
UNKNOWN = "4870999999990"  # a valid-looking EAN-13 that is not in the demo catalog
LANGUAGE_BUTTONS = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
TRANSLATED_PAY = {"ru": "Оплата", "kk": "Төлеу"}  # as tests/ui/test_translations.py
Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A function key as the cashier presses it: into whatever has the focus in the window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def type_into(qtbot, field: QWidget, text: str) -> None:
    field.setFocus()
    if hasattr(field, "selectAll"):
        field.selectAll()
    qtbot.keyClicks(field, text)  # digits and spaces only: QTest types Latin-1 alone


def closed(qtbot, dialog: QWidget) -> None:
    qtbot.waitUntil(lambda: not dialog.isVisible())


def drawer_count(amount: int) -> dict[int, int]:
    """Notes and coins that add up to ``amount``, largest first (what a cashier would count)."""
    counts = {}
    for d in DENOMINATIONS:
        counts[d], amount = divmod(amount, d)
    assert amount == 0
    return {d: n for d, n in counts.items() if n}


def rows_of(till: Till, model, **where) -> list:
    with till.ctx.db.read() as session:
        stmt = select(model)
        for column, value in where.items():
            stmt = stmt.where(getattr(model, column) == value)
        return list(session.scalars(stmt))


def count(till: Till, model) -> int:
    with till.ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def log_in_speaking(qtbot, window, who, pin: str, language: str) -> None:
    """Picks the name, then (if not their usual language) the language button, then the PIN."""
    qtbot.mouseClick(find(window.login, f"employee {who.name}"), LEFT)
    if language != who.language:
        qtbot.mouseClick(find(window.login, LANGUAGE_BUTTONS[language]), LEFT)
    log_in_pin = find(window.login, "login PIN")
    qtbot.keyClicks(log_in_pin, pin)
    qtbot.keyClick(log_in_pin, Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till_screen)


@pytest.mark.parametrize("language", ["ru", "kk"])  # his own; Kazakh chosen at the login
def test_a_whole_shift_by_keyboard_and_scanner(qtbot, as_started, till, language):
    window = as_started
    cashier = employee(till, Role.CASHIER, "Данияр Ахметов")

    # --- log in, open the shift with a 10 000 ₸ float --------------------------------------
    log_in_speaking(qtbot, window, cashier, CASHIER_PIN, language)
    assert window.languages.current == language
    pay_title = find(window, "pay").title
    qtbot.waitUntil(lambda: pay_title.text() == TRANSLATED_PAY[language])  # screens follow
    assert "F9" in find(window, "notice").text()  # no shift yet: the banner says what to do
    press(qtbot, window, Key.Key_F9)
    opening = modal(qtbot, OpenShiftDialog)
    type_into(qtbot, find(opening, "opening float"), "10 000")
    qtbot.keyClick(find(opening, "opening float"), Key.Key_Return)
    closed(qtbot, opening)
    assert till.shifts.current().opening_float == 1_000_000
    assert not find(window, "open shift").isEnabled() and find(window, "close shift").isEnabled()

    # --- three scans; the middle one is not in the catalog ---------------------------------
    field = find(window, "scan field")
    qtbot.waitUntil(field.hasFocus)
    scan(qtbot, field, ARABICA)  # 4 500 ₸
    scan(qtbot, field, UNKNOWN)
    assert UNKNOWN in find(window, "notice").text()
    assert QApplication.activeModalWidget() is None  # a banner, never a modal to dismiss
    scan(qtbot, find(window, "cart table"), PIALA)  # the next scan goes on, wherever the focus is
    assert rows(window) == 2
    assert find(window, "total").text().endswith(format_kzt(595_000))

    # --- 20 % off the receipt: over the cashier's 10 %, so a supervisor approves -----------
    press(
        qtbot,
        window,
        Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    discount = modal(qtbot, DiscountDialog)
    type_into(qtbot, find(discount, "discount value"), "20")
    qtbot.keyClick(find(discount, "discount value"), Key.Key_Return)
    override = modal(qtbot, OverrideDialog)
    type_into(qtbot, find(override, "supervisor PIN"), SUPERVISOR_PIN)
    qtbot.keyClick(find(override, "supervisor PIN"), Key.Key_Return)
    closed(qtbot, discount)
    assert find(window, "total").text().endswith(format_kzt(476_000))  # 5 950 − 1 190

    # --- cash: 5 000 ₸ tendered, 240 ₸ change ----------------------------------------------
    press(qtbot, window, Key.Key_F5)
    payment = modal(qtbot, PaymentDialog)
    type_into(qtbot, find(payment, "amount tendered"), "5000")
    assert find(payment, "change").text().endswith(format_kzt(24_000))
    qtbot.mouseClick(find(payment, "confirm payment"), LEFT)
    receipt_dialog = modal(qtbot, ReceiptDialog)
    receipt = receipt_dialog.receipt
    assert (receipt.total, receipt.tendered, receipt.change) == (476_000, 500_000, 24_000)
    assert format_kzt(476_000) in receipt_dialog.html
    assert format_kzt(24_000) in receipt_dialog.html
    qtbot.keyClick(find(receipt_dialog, "new sale"), Key.Key_Return)
    closed(qtbot, receipt_dialog)
    assert rows(window) == 0
    qtbot.waitUntil(field.hasFocus)

    # --- refund the tea (1 450 ₸ less 20 % = 1 160 ₸), supervisor approves -----------------
    press(qtbot, window, Key.Key_F7)
    refund = modal(qtbot, RefundDialog)
    search = find(refund, "receipt search")
    type_into(qtbot, search, str(receipt.receipt_no))
    qtbot.keyClick(search, Key.Key_Return)
    assert refund.receipt is not None and refund.receipt.sale_id == receipt.sale_id
    assert str(receipt.receipt_no) in find(refund, "receipt summary").text()
    tea = next(line for line in receipt.lines if line.sku == PIALA_SKU)
    spin = find(refund, f"refund qty {tea.line_no}")
    spin.setFocus()
    qtbot.keyClick(spin, Key.Key_Up)  # 0 → 1 piece
    assert find(refund, "refund total").text().endswith(format_kzt(116_000))
    driver = approve_with(qtbot, [SUPERVISOR_PIN])  # the refund asks with exec(): a timer types
    qtbot.mouseClick(find(refund, "confirm refund"), LEFT)
    assert driver.seen is not None
    assert refund.result_refund is not None and refund.result_refund.total == 116_000
    assert format_kzt(116_000) in find(refund, "refund message").text()
    qtbot.keyClick(find(refund, "receipt search"), Key.Key_Escape)
    closed(qtbot, refund)

    # --- close: count the drawer to match what the services expect ------------------------
    expected = till.shifts.expected_cash()
    assert expected == 1_000_000 + 476_000 - 116_000  # float + cash sale − cash refund
    press(qtbot, window, Key.Key_F10)
    closing = modal(qtbot, CloseShiftDialog)
    assert format_kzt(expected) not in find(closing, "expected cash").text()  # a blind count
    for denomination, pieces in drawer_count(expected).items():
        type_into(qtbot, find(closing, f"count {denomination // 100}"), str(pieces))
    assert find(closing, "counted total").text() == format_kzt(expected)
    qtbot.mouseClick(find(closing, "close shift"), LEFT)
    report = modal(qtbot, ReportDialog)
    assert report.report.z_number == 1
    assert till.shifts.current() is None
    assert not find(window, "close shift").isEnabled()
    qtbot.keyClick(find(report, "close report"), Key.Key_Escape)
    closed(qtbot, report)

    # --- what the database says -------------------------------------------------------------
    sales = rows_of(till, Sale)
    assert len(sales) == 1
    sold = till.refunds.find(str(receipt.receipt_no))
    assert len(sold.lines) == 2
    assert (sold.subtotal, sold.discount, sold.total) == (595_000, 119_000, 476_000)
    assert (sold.cash, sold.tendered, sold.change, sold.method) == (
        476_000,
        500_000,
        24_000,
        "cash",
    )
    assert sold.refunded_total == 116_000
    assert {line.sku: line.refunded_milli for line in sold.lines} == {
        ARABICA_SKU: 0,
        PIALA_SKU: 1000,
    }
    refunds = rows_of(till, Refund)
    assert len(refunds) == 1
    assert (refunds[0].total, refunds[0].method, refunds[0].sale_id) == (
        116_000,
        "cash",
        sales[0].id,
    )
    z = till.shifts.report(report.report.shift_id)
    assert (z.z_number, z.expected_cash, z.counted_cash, z.difference) == (1, expected, expected, 0)
    assert (z.opening_float, z.cash_sales, z.cash_refunds, z.sales_count) == (
        1_000_000,
        476_000,
        116_000,
        1,
    )

    kinds = Counter(job.kind for job in rows_of(till, OutboxJob))
    assert (kinds["sale"], kinds["refund"], kinds["shift_opened"], kinds["shift_closed"]) == (
        1,
        1,
        1,
        1,
    )
    assert kinds["audit"] == count(till, AuditEntry)
    actions = Counter(entry.action for entry in rows_of(till, AuditEntry))
    assert actions["login"] == 1
    assert actions["override"] == 2  # the discount and the refund
    assert actions["refund"] == 1
    supervisor = employee(till, Role.SUPERVISOR)
    overrides = rows_of(till, AuditEntry, action="override")
    assert {entry.employee_id for entry in overrides} == {cashier.id}  # who asked
    assert sorted((e.details["override"], e.details["approver_id"]) for e in overrides) == sorted(
        [(Action.DISCOUNT_OVER_LIMIT.value, supervisor.id), (Action.REFUND.value, supervisor.id)]
    )
    assert [e.employee_id for e in rows_of(till, AuditEntry, action="login")] == [cashier.id]
    assert employee(till, Role.CASHIER, cashier.name).language == language  # remembered
