import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
)

from forsell.domain.money import format_kzt
from forsell.domain.payment import Payment
from forsell.ui.refund_dialog import RefundDialog

from .backoffice_fixtures import (
    ModalDriver,
    approve_with,
    by_name,
    sell,
    shot,
    shown,
)

LEFT = Qt.MouseButton.LeftButton


def _receipt(till, cashier):
    """3 espressos (900 ₸) and 0.750 kg of cheese (5 200 ₸/kg = 3 900 ₸), paid in cash."""
    till.shifts.open(cashier, 1_000_000)
    return sell(
        till, cashier, [("COF-001", 3000), ("DAI-017", 750)], Payment(cash_tendered=700_000)
    )


def _refunded(till, receipt) -> dict[int, int]:
    fresh = till.refunds.find(receipt.sale_id)
    return {line.line_no: line.refunded_milli for line in fresh.lines}


def test_refund_part_of_a_line_then_the_rest_never_more_than_sold(qtbot, till, cashier):
    receipt = _receipt(till, cashier)
    dialog = shown(qtbot, RefundDialog(till, cashier, query=str(receipt.receipt_no)))
    espresso = by_name(dialog, QSpinBox, "refund qty 1")
    cheese = by_name(dialog, QDoubleSpinBox, "refund qty 2")
    assert (espresso.maximum(), cheese.maximum(), cheese.decimals()) == (3, 0.75, 3)
    espresso.setValue(2)
    assert by_name(dialog, QLabel, "refund total").text().endswith(format_kzt(180_000))
    qtbot.keyClicks(by_name(dialog, QLineEdit, "refund reason"), "cold coffee")
    shot(dialog, "refund_found")
    driver = approve_with(qtbot, ["5000"])
    qtbot.mouseClick(by_name(dialog, QPushButton, "confirm refund"), LEFT)
    assert driver.seen is not None
    assert dialog.result_refund.total == 180_000
    assert dialog.result_refund.method == "cash"
    assert dialog.result_refund.approver_name == "Айгерим Сапарова"
    assert "Refunded" in by_name(dialog, QLabel, "refund message").text()
    assert _refunded(till, receipt) == {1: 2000, 2: 0}
    # the dialog now shows what is left: one espresso
    assert by_name(dialog, QSpinBox, "refund qty 1").maximum() == 1

    later = shown(qtbot, RefundDialog(till, cashier))
    search = by_name(later, QLineEdit, "receipt search")
    qtbot.keyClicks(search, str(receipt.receipt_no))
    qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter in the search finds; it does not refund
    assert later.result_refund is None
    by_name(later, QSpinBox, "refund qty 1").setValue(5)  # clamps at what is left
    assert by_name(later, QSpinBox, "refund qty 1").value() == 1
    qtbot.mouseClick(by_name(later, QPushButton, "refund all"), LEFT)
    assert later.items() == {receipt.lines[0].line_id: 1000, receipt.lines[1].line_id: 750}
    approve_with(qtbot, ["5000"])
    qtbot.mouseClick(by_name(later, QPushButton, "confirm refund"), LEFT)
    assert later.result_refund.total == 90_000 + 390_000
    assert _refunded(till, receipt) == {1: 3000, 2: 750}
    # everything is back: nothing more can be chosen, and asking anyway is refused inline
    assert by_name(later, QSpinBox, "refund qty 1").maximum() == 0
    approve_with(qtbot, ["5000"])
    qtbot.mouseClick(by_name(later, QPushButton, "confirm refund"), LEFT)
    assert by_name(later, QLabel, "refund message").text() == "Choose what to refund."
    assert till.refunds.find(receipt.sale_id).refunded_total == receipt.total


def test_refund_by_scanned_receipt_code_to_card(qtbot, till, cashier, supervisor):
    till.shifts.open(cashier, 0)
    receipt = sell(till, cashier, [("COF-003", 2000)], Payment(card=200_000, card_reference="A1"))
    dialog = shown(qtbot, RefundDialog(till, supervisor))
    search = by_name(dialog, QLineEdit, "receipt search")
    qtbot.keyClicks(search, receipt.code)  # what the scanner types
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert f"Receipt No. {receipt.receipt_no}" in by_name(dialog, QLabel, "receipt summary").text()
    assert by_name(dialog, QRadioButton, "refund card").isChecked()  # paid by card, back to card
    by_name(dialog, QSpinBox, "refund qty 1").setValue(1)
    qtbot.mouseClick(by_name(dialog, QPushButton, "confirm refund"), LEFT)  # no override needed
    assert (dialog.result_refund.total, dialog.result_refund.method) == (100_000, "card")


def test_unknown_receipt_and_cancelled_approval_are_shown_inline(qtbot, till, cashier):
    receipt = _receipt(till, cashier)
    dialog = shown(qtbot, RefundDialog(till, cashier, query="99999"))
    assert by_name(dialog, QLabel, "refund message").text() == "No receipt 99999 on this till."
    dialog.find(str(receipt.receipt_no))
    by_name(dialog, QSpinBox, "refund qty 1").setValue(1)
    driver = approve_with(qtbot, ["1234"])  # a wrong PIN, then the dialog is cancelled
    qtbot.mouseClick(by_name(dialog, QPushButton, "confirm refund"), LEFT)
    assert driver.seen is not None
    assert dialog.result_refund is None
    assert "not approve" in by_name(dialog, QLabel, "refund message").text()
    assert _refunded(till, receipt) == {1: 0, 2: 0}


def test_void_asks_for_confirmation_and_a_supervisor(qtbot, till, cashier):
    receipt = _receipt(till, cashier)
    dialog = shown(qtbot, RefundDialog(till, cashier, query=receipt.code))
    confirm = ModalDriver(
        QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()
    )
    approval = approve_with(qtbot, ["5000"])
    qtbot.mouseClick(by_name(dialog, QPushButton, "void sale"), LEFT)
    assert confirm.seen is not None and approval.seen is not None
    assert dialog.voided
    assert till.refunds.find(receipt.sale_id).voided
    assert till.shifts.x_report().voided_count == 1
    assert "voided" in by_name(dialog, QLabel, "receipt summary").text()
    assert not by_name(dialog, QPushButton, "confirm refund").isEnabled()
    assert not by_name(dialog, QPushButton, "void sale").isEnabled()


def test_void_kept_when_the_cashier_says_no(qtbot, till, cashier):
    receipt = _receipt(till, cashier)
    dialog = shown(qtbot, RefundDialog(till, cashier, query=str(receipt.receipt_no)))
    ModalDriver(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.mouseClick(by_name(dialog, QPushButton, "void sale"), LEFT)
    assert not dialog.voided and not till.refunds.find(receipt.sale_id).voided


def test_void_of_a_refunded_sale_is_refused_inline(qtbot, till, cashier, supervisor):
    receipt = _receipt(till, cashier)
    till.refunds.refund(supervisor, receipt.sale_id, {receipt.lines[0].line_id: 1000}, "cash")
    dialog = shown(qtbot, RefundDialog(till, supervisor, query=str(receipt.receipt_no)))
    ModalDriver(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(by_name(dialog, QPushButton, "void sale"), LEFT)
    assert "has refunds" in by_name(dialog, QLabel, "refund message").text()
    assert not dialog.voided
