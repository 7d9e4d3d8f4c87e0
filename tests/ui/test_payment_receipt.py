"""Payment, the receipt (HTML, EAN-13, PDF), single instance and start-up messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forsell.domain.barcode import is_valid_ean13
from forsell.domain.money import format_kzt
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import DatabaseProblem, open_till
from forsell.ui.app import database_problem_text, single_instance
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import ReceiptDialog, ean13_image, ean13_modules

from .conftest import CASHIER_PIN, employee, find, log_in, modal
from .test_till import ARABICA, PIALA, rows, scan

FOOTER = "Рахмет! Ждём вас снова"


@pytest.fixture
def selling(qtbot, window, till, open_shift):
    till.ctx.settings.set(s.RECEIPT_FOOTER, FOOTER)
    log_in(qtbot, window, employee(till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
    field = find(window, "scan field")
    scan(qtbot, field, ARABICA)
    scan(qtbot, field, PIALA)
    return window  # 4 500 + 1 450 = 5 950 ₸


def test_short_tender_is_refused_then_cash_gives_change_and_a_receipt(qtbot, selling, till):
    qtbot.mouseClick(find(selling, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    tendered = find(dialog, "amount tendered")
    qtbot.keyClicks(tendered, "5000")
    assert find(dialog, "change").text().endswith(format_kzt(95_000))  # still due
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert format_kzt(595_000) in find(dialog, "payment error").text()
    assert rows(selling) == 2 and till.shifts.x_report().sales_count == 0  # nothing committed

    qtbot.mouseClick(find(dialog, "tender 10000"), Qt.MouseButton.LeftButton)
    assert find(dialog, "change").text().endswith(format_kzt(405_000))
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    receipt_dialog = modal(qtbot, ReceiptDialog)
    receipt = receipt_dialog.receipt
    assert (receipt.total, receipt.tendered, receipt.change) == (595_000, 1_000_000, 405_000)
    assert till.shifts.x_report().sales_count == 1
    html = receipt_dialog.html
    assert format_kzt(595_000) in html and format_kzt(405_000) in html and FOOTER in html
    # the store prints receipts in Russian by default (setting receipt.language)
    assert "Арабика" in html and "НДС 16\u00a0%" in html
    assert rows(selling) == 0

    qtbot.keyClick(receipt_dialog.new_sale, Qt.Key.Key_Return)  # Enter: next customer
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert selling.focusWidget() is find(selling, "scan field")


def test_field_labels_sit_level_with_their_fields(qtbot, selling):
    """The big 'cash tendered' field is taller than its label: the label is centred beside it,
    not stuck at the top of the row."""
    qtbot.mouseClick(find(selling, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    for label, field in (
        (dialog.tendered_label, dialog.tendered),
        (dialog.auth_label, dialog.auth_code),
    ):
        assert label.alignment() & Qt.AlignmentFlag.AlignVCenter  # text centred in the label
        label_mid = label.mapTo(dialog, label.rect().center()).y()
        field_mid = field.mapTo(dialog, field.rect().center()).y()
        assert abs(label_mid - field_mid) <= 2, (label.text(), label_mid, field_mid)
    dialog.reject()


def test_card_payment_keeps_the_auth_code(qtbot, selling):
    qtbot.mouseClick(find(selling, "card"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    assert find(dialog, "card").isChecked()
    qtbot.keyClicks(find(dialog, "auth code"), "A1B2C3")
    qtbot.mouseClick(find(dialog, "confirm payment"), Qt.MouseButton.LeftButton)
    receipt = modal(qtbot, ReceiptDialog).receipt
    assert (receipt.method, receipt.card, receipt.cash, receipt.card_reference) == (
        "card",
        595_000,
        0,
        "A1B2C3",
    )


def test_enter_on_the_empty_cash_field_takes_the_exact_amount_it_shows(qtbot, selling, till):
    qtbot.mouseClick(find(selling, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    tendered = find(dialog, "amount tendered")
    assert tendered.text() == "" and tendered.placeholderText() == format_kzt(595_000, symbol=False)
    qtbot.keyClick(tendered, Qt.Key.Key_Return)
    receipt = modal(qtbot, ReceiptDialog).receipt
    assert (receipt.method, receipt.tendered, receipt.change) == ("cash", 595_000, 0)
    assert till.shifts.x_report().sales_count == 1


def test_card_pane_waits_for_the_terminal_without_cash_buttons(qtbot, selling):
    qtbot.mouseClick(find(selling, "card"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    assert not dialog.quick.isVisible()  # "Exact" and the banknotes are cash answers
    change = find(dialog, "change").text()
    assert "Paid" not in change and format_kzt(595_000) in change
    qtbot.mouseClick(find(dialog, "cash"), Qt.MouseButton.LeftButton)
    assert find(dialog, "exact amount").isVisible()


def test_split_payment_card_plus_cash(qtbot, selling):
    qtbot.mouseClick(find(selling, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    qtbot.keyClicks(find(dialog, "card amount"), "3000")
    qtbot.mouseClick(find(dialog, "exact amount"), Qt.MouseButton.LeftButton)
    assert find(dialog, "amount tendered").text() == format_kzt(295_000, symbol=False)
    qtbot.mouseClick(find(dialog, "confirm payment"), Qt.MouseButton.LeftButton)
    receipt = modal(qtbot, ReceiptDialog).receipt
    assert (receipt.method, receipt.card, receipt.cash, receipt.change) == (
        "split",
        300_000,
        295_000,
        0,
    )


def test_receipt_saves_as_pdf(qtbot, selling, tmp_path):
    qtbot.mouseClick(find(selling, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    qtbot.mouseClick(find(dialog, "exact amount"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(dialog, "confirm payment"), Qt.MouseButton.LeftButton)
    receipt_dialog = modal(qtbot, ReceiptDialog)
    path = receipt_dialog.save_pdf_to(tmp_path / "receipt.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_ean13_bars_follow_the_standard():
    # GS1 example 4006381333931: first digit 4 gives the parity pattern L G L L G G.
    modules = ean13_modules("4006381333931")
    assert len(modules) == 95
    assert modules[:3] == "101" and modules[45:50] == "01010" and modules[-3:] == "101"
    assert modules[3:10] == "0001101"  # 0 in L code
    assert modules[10:17] == "0100111"  # 0 in G code
    assert modules[50:57] == "1000010"  # 3 in R code
    image = ean13_image("2900000000018")
    assert is_valid_ean13("2900000000018")
    assert image.width() > 190 and not image.isNull()
    with pytest.raises(ValueError, match="needs 13 digits"):
        ean13_modules("123")


def test_a_second_start_asks_the_first_to_come_forward(qtbot, tmp_path):
    first = single_instance(tmp_path / "data")
    assert first is not None
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert single_instance(tmp_path / "data") is None  # "already running"
        other = single_instance(tmp_path / "other-data")  # another data folder runs freely
        assert other is not None
        other.close()
    finally:
        first.close()


def test_a_damaged_database_is_explained_with_what_to_do(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "cashier.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseProblem) as problem:
        open_till(data)
    text = database_problem_text(problem.value)
    assert problem.value.kind == "corrupt"
    assert str(data / "cashier.sqlite") in text and str(data / "backups") in text
    locked = database_problem_text(DatabaseProblem("locked", data / "cashier.sqlite"))
    assert "another program" in locked
