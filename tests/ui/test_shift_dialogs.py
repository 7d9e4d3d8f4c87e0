import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox

from forsell.domain.money import format_kzt
from forsell.domain.payment import Payment
from forsell.ui.shift_dialogs import CashMovementDialog, CloseShiftDialog, OpenShiftDialog

from .backoffice_fixtures import (
    approve_with,
    by_name,
    sell,
    shot,
    shown,
)

LEFT = Qt.MouseButton.LeftButton


def _count(qtbot, dialog, tenge: int, pieces: int) -> None:
    spin = by_name(dialog, QSpinBox, f"count {tenge}")
    spin.selectAll()
    qtbot.keyClicks(spin, str(pieces))


def _busy_shift(till, cashier, supervisor) -> int:
    """Float 10 000, cash sales 3 000, a card sale, cash refund 1 200, in 5 000, out 2 000."""
    till.shifts.open(cashier, 1_000_000)
    sell(till, cashier, [("COF-001", 2000)], Payment(cash_tendered=200_000))  # 1 800 cash
    sell(till, cashier, [("COF-003", 1000)], Payment(card=100_000))  # 1 000 card
    refunded = sell(till, cashier, [("COF-002", 1000)], Payment(cash_tendered=120_000))
    till.refunds.refund(supervisor, refunded.sale_id, {refunded.lines[0].line_id: 1000}, "cash")
    till.shifts.cash_movement(cashier, 500_000, "change from the bank")
    till.shifts.cash_movement(cashier, -200_000, "to the safe")
    return 1_000_000 + 180_000 + 120_000 - 120_000 + 500_000 - 200_000  # 14 800 ₸


def test_open_shift_with_float_by_keyboard(qtbot, till, cashier):
    dialog = shown(qtbot, OpenShiftDialog(till, cashier))
    qtbot.keyClicks(by_name(dialog, QLineEdit, "opening float"), "10 000")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(by_name(dialog, QLineEdit, "opening float"), Qt.Key.Key_Return)
    assert till.shifts.current().opening_float == 1_000_000
    assert dialog.shift.opening_float == 1_000_000


def test_open_shift_refuses_a_second_shift_and_bad_amounts_inline(qtbot, till, cashier):
    dialog = shown(qtbot, OpenShiftDialog(till, cashier))
    qtbot.keyClicks(by_name(dialog, QLineEdit, "opening float"), "ten")
    qtbot.mouseClick(by_name(dialog, QPushButton, "open shift"), LEFT)
    assert "is not an amount" in by_name(dialog, QLabel, "open shift error").text()
    assert till.shifts.current() is None
    till.shifts.open(cashier, 0)
    by_name(dialog, QLineEdit, "opening float").setText("5000")
    qtbot.mouseClick(by_name(dialog, QPushButton, "open shift"), LEFT)
    assert "already open" in by_name(dialog, QLabel, "open shift error").text()
    assert dialog.shift is None


def test_cash_out_more_than_the_drawer_is_refused(qtbot, till, cashier):
    till.shifts.open(cashier, 1_000_000)
    dialog = shown(qtbot, CashMovementDialog(till, cashier))
    qtbot.mouseClick(by_name(dialog, QRadioButton, "cash out"), LEFT)
    qtbot.keyClicks(by_name(dialog, QLineEdit, "cash amount"), "15000")
    qtbot.keyClicks(by_name(dialog, QLineEdit, "cash reason"), "to the safe")
    qtbot.mouseClick(by_name(dialog, QPushButton, "record cash movement"), LEFT)
    error = by_name(dialog, QLabel, "cash movement error").text()
    assert format_kzt(1_000_000) in error
    assert till.shifts.expected_cash() == 1_000_000


def test_cash_in_needs_a_reason_then_counts(qtbot, till, cashier):
    till.shifts.open(cashier, 1_000_000)
    dialog = shown(qtbot, CashMovementDialog(till, cashier))
    qtbot.mouseClick(by_name(dialog, QRadioButton, "cash in"), LEFT)
    qtbot.keyClicks(by_name(dialog, QLineEdit, "cash amount"), "2 500")
    qtbot.mouseClick(by_name(dialog, QPushButton, "record cash movement"), LEFT)
    assert "reason" in by_name(dialog, QLabel, "cash movement error").text()
    qtbot.keyClicks(by_name(dialog, QLineEdit, "cash reason"), "change from the bank")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(by_name(dialog, QPushButton, "record cash movement"), LEFT)
    assert dialog.amount_moved == 250_000
    assert till.shifts.expected_cash() == 1_250_000


def test_close_exact_needs_no_approval_and_shows_z_report(qtbot, till, cashier, supervisor):
    expected = _busy_shift(till, cashier, supervisor)
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    # A blind count: the cashier sees neither the target nor how far off the count is.
    assert format_kzt(expected) not in by_name(dialog, QLabel, "expected cash").text()
    for tenge, pieces in ((10000, 1), (2000, 2), (500, 1), (200, 1), (100, 1)):
        _count(qtbot, dialog, tenge, pieces)
    assert by_name(dialog, QLabel, "counted total").text() == format_kzt(1_480_000)
    assert "exact" not in by_name(dialog, QLabel, "cash difference").text()
    shot(dialog, "close_shift")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(by_name(dialog, QPushButton, "close shift"), LEFT)
    z = dialog.z_report
    assert (z.z_number, z.expected_cash, z.counted_cash, z.difference) == (1, expected, expected, 0)
    assert (z.cash_sales, z.card_sales, z.cash_refunds) == (300_000, 100_000, 120_000)
    assert (z.cash_in, z.cash_out, z.opening_float) == (500_000, 200_000, 1_000_000)
    assert z.cash_count == {1_000_000: 1, 200_000: 2, 50_000: 1, 20_000: 1, 10_000: 1}
    assert dialog.report_dialog.isVisible()
    assert "Z report No. 1" in dialog.report_dialog.html
    assert till.shifts.current() is None
    dialog.report_dialog.close()


def test_close_with_difference_as_cashier_needs_a_supervisor(qtbot, till, cashier, supervisor):
    expected = _busy_shift(till, cashier, supervisor)
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    _count(qtbot, dialog, 10000, 1)
    _count(qtbot, dialog, 2000, 2)
    _count(qtbot, dialog, 500, 1)
    _count(qtbot, dialog, 200, 1)  # 100 ₸ short
    assert "short" not in by_name(dialog, QLabel, "cash difference").text()  # blind
    errors: list[str] = []
    driver = approve_with(qtbot, ["1111", "5000"], errors)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(by_name(dialog, QPushButton, "close shift"), LEFT)
    assert driver.seen is not None
    assert errors == ["That is not a supervisor's PIN."]  # the cashier's own PIN is refused
    # Confirmed: the difference the supervisor was asked to approve is shown.
    assert "short" in by_name(dialog, QLabel, "cash difference").text()
    assert format_kzt(10_000) in by_name(dialog, QLabel, "cash difference").text()
    z = dialog.z_report
    assert (z.expected_cash, z.counted_cash, z.difference) == (expected, expected - 10_000, -10_000)
    assert z.closed_by == cashier.name
    dialog.report_dialog.close()


def test_close_with_difference_stays_open_when_no_supervisor_approves(qtbot, till, cashier):
    till.shifts.open(cashier, 500_000)
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    _count(qtbot, dialog, 5000, 2)  # 5 000 ₸ over
    driver = approve_with(qtbot, ["0000"])
    qtbot.mouseClick(by_name(dialog, QPushButton, "close shift"), LEFT)
    # The shift closes in the task pool; the supervisor is asked when the service says so.
    qtbot.waitUntil(lambda: "still open" in by_name(dialog, QLabel, "close shift error").text())
    assert "over" in by_name(dialog, QLabel, "cash difference").text()
    assert driver.seen is not None
    assert dialog.z_report is None
    assert till.shifts.current() is not None


def test_close_shift_tab_walks_the_denominations(qtbot, till, cashier):
    till.shifts.open(cashier, 0)
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first = by_name(dialog, QSpinBox, "count 20000")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (
        by_name(dialog, QSpinBox, "count 10000"),
        by_name(dialog, QSpinBox, "count 10000").findChild(QLineEdit),
    )
    assert all(
        s.minimumSizeHint().height() >= 44 or s.minimumHeight() >= 44
        for s in dialog.findChildren(QSpinBox)
    )


def test_close_shift_without_open_shift_says_so(qtbot, till, cashier):
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    assert "No shift is open" in by_name(dialog, QLabel, "close shift error").text()
    assert not by_name(dialog, QPushButton, "close shift").isEnabled()


def test_supervisor_closes_with_difference_without_override(qtbot, till, cashier, supervisor):
    till.shifts.open(cashier, 100_000)
    dialog = shown(qtbot, CloseShiftDialog(till, supervisor))
    # A supervisor may see the target and the live difference while counting.
    assert by_name(dialog, QLabel, "expected cash").text() == format_kzt(100_000)
    assert "short" in by_name(dialog, QLabel, "cash difference").text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(by_name(dialog, QPushButton, "close shift"), LEFT)
    assert dialog.z_report.difference == -100_000
    dialog.report_dialog.close()


def test_close_shift_warns_about_parked_sales_and_voids_them(qtbot, till, cashier):
    till.shifts.open(cashier, 0)
    sell = till.sale_for(cashier)
    sell.add(till.catalog.search("Капучино")[0])
    sell.park()
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    warning = by_name(dialog, QLabel, "parked sales warning")
    assert warning.isVisible() and "1" in warning.text() and "F4" in warning.text()
    qtbot.mouseClick(by_name(dialog, QPushButton, "void parked sales"), LEFT)
    assert till.shifts.parked_count() == 0
    assert not warning.isVisible()


def test_close_shift_without_parked_sales_shows_no_warning(qtbot, till, cashier):
    till.shifts.open(cashier, 0)
    dialog = shown(qtbot, CloseShiftDialog(till, cashier))
    assert not dialog.parked_note.isVisible() and not dialog.void_parked.isVisible()
