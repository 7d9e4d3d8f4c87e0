"""The receipt journal on real widgets: F1 opens it, sales and refunds are listed and found, the
chosen receipt is shown, a reprint is a copy on the printing path, a refund starts from it and
prints its refund receipt; screenshots in ru/kk/en."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTextBrowser,
    QWidget,
)

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.store.models import AuditEntry
from forsell.ui.i18n import Languages
from forsell.ui.journal_dialog import JournalDialog
from forsell.ui.receipt_view import ReceiptDialog
from forsell.ui.refund_dialog import RefundDialog

from .backoffice_fixtures import by_name, sell, shown
from .conftest import CASHIER_PIN, employee, log_in, modal
from .test_screenshots import shot_dir

LEFT = Qt.MouseButton.LeftButton
TITLES = {"ru": "ВОЗВРАТ № 1", "kk": "ҚАЙТАРУ № 1", "en": "REFUND No. 1"}
JOURNAL = {"ru": "Журнал чеков", "kk": "Чектер журналы", "en": "Receipt journal"}


class PaperTray:
    """Stands in for the printer: keeps the text of every document sent to it."""

    def __init__(self) -> None:
        self.printed: list[str] = []

    def __call__(self, document: QTextDocument, parent: QWidget | None) -> bool:
        self.printed.append(document.toPlainText())
        return True


def _rows(dialog: JournalDialog) -> list[tuple[str, str]]:
    table = by_name(dialog, QTableWidget, "journal receipts")
    return [(table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())]


def _loaded(qtbot, dialog: JournalDialog, rows: int) -> None:
    qtbot.waitUntil(lambda: by_name(dialog, QTableWidget, "journal receipts").rowCount() == rows)


def _two_sales_and_a_refund(till, cashier, supervisor):
    till.shifts.open(cashier, 0)
    first = sell(till, cashier, [("COF-001", 1000)], Payment(cash_tendered=1_000_000))
    second = sell(till, cashier, [("COF-001", 2000)], Payment(cash_tendered=1_000_000))
    line = second.lines[0].line_id
    till.refunds.refund(supervisor, second.sale_id, {line: 1000}, "cash")
    return first, second


def _audited_reprints(till) -> list[dict]:
    with till.ctx.db.read() as session:
        return [e.details for e in session.query(AuditEntry).filter_by(action="receipt_reprinted")]


def test_the_journal_lists_finds_and_prints_a_copy_and_limits_a_cashier(
    qtbot, till, cashier, supervisor
):
    first, _second = _two_sales_and_a_refund(till, cashier, supervisor)
    tray = PaperTray()
    dialog = shown(qtbot, JournalDialog(till, supervisor, printer=tray))
    _loaded(qtbot, dialog, 3)
    assert _rows(dialog) == [("1", "Refund of receipt No. 2"), ("2", "Sale"), ("1", "Sale")]
    preview = by_name(dialog, QTextBrowser, "journal receipt").toPlainText()
    assert "ВОЗВРАТ № 1" in preview and "Возврат по чеку № 2" in preview  # the receipt language

    search = by_name(dialog, QLineEdit, "journal search")
    # an amount in tenge: the first sale, and the refund of one coffee of the second
    qtbot.keyClicks(search, str(first.total // 100))
    qtbot.keyClick(search, Qt.Key.Key_Return)
    _loaded(qtbot, dialog, 2)
    assert _rows(dialog) == [("1", "Refund of receipt No. 2"), (str(first.receipt_no), "Sale")]
    dialog.table.selectRow(1)
    assert (
        f"Чек № {first.receipt_no}"
        in by_name(dialog, QTextBrowser, "journal receipt").toPlainText()
    )

    qtbot.mouseClick(by_name(dialog, QPushButton, "reprint"), LEFT)
    assert len(tray.printed) == 1 and "КОПИЯ" in tray.printed[0]
    assert f"Чек № {first.receipt_no}" in tray.printed[0]
    assert [(d["kind"], d["receipt_no"]) for d in _audited_reprints(till)] == [("sale", 1)]
    assert by_name(dialog, QComboBox, "journal period").isEnabled()
    assert not by_name(dialog, QLabel, "journal scope").isVisible()

    # a cashier gets the open shift (the service's rule), and the screen says so
    own = shown(qtbot, JournalDialog(till, cashier, printer=tray))
    _loaded(qtbot, own, 3)
    assert not by_name(own, QComboBox, "journal period").isEnabled()
    assert by_name(own, QLabel, "journal scope").isVisible()


def test_a_refund_started_from_the_journal_prints_its_refund_receipt(
    qtbot, till, cashier, supervisor
):
    _first, second = _two_sales_and_a_refund(till, cashier, supervisor)
    tray = PaperTray()
    dialog = shown(qtbot, JournalDialog(till, supervisor, printer=tray))
    _loaded(qtbot, dialog, 3)
    refund_button = by_name(dialog, QPushButton, "journal refund")
    dialog.table.selectRow(1)  # the second sale
    assert refund_button.isEnabled() and refund_button.text() == "Refund… (F7)"
    qtbot.mouseClick(refund_button, LEFT)
    refund = modal(qtbot, RefundDialog)
    summary = by_name(refund, QLabel, "receipt summary").text()
    assert f"Receipt No. {second.receipt_no}" in summary  # already found: nothing to type
    spin = by_name(refund, QSpinBox, "refund qty 1")
    assert spin.maximum() == 1  # one of two coffees was refunded before
    spin.setValue(1)
    qtbot.mouseClick(by_name(refund, QPushButton, "confirm refund"), LEFT)
    paper = modal(qtbot, ReceiptDialog)
    assert paper.receipt.is_refund and paper.receipt.receipt_no == 2
    qtbot.mouseClick(by_name(paper, QPushButton, "print"), LEFT)
    assert "ВОЗВРАТ № 2" in tray.printed[0] and "КОПИЯ" not in tray.printed[0]
    assert "Возвращено наличными" in tray.printed[0]
    qtbot.keyClick(by_name(paper, QPushButton, "close receipt"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is refund)
    refund.reject()
    _loaded(qtbot, dialog, 4)  # read again when the refund dialog closed
    assert _rows(dialog)[0] == ("2", "Refund of receipt No. 2")


def test_a_refund_receipt_row_opens_the_refund_of_the_sale_it_returned(
    qtbot, till, cashier, supervisor
):
    """The refund slip in the cashier's hand is the row chosen: the button says which sale it
    refunds, and opens that sale with what is left to refund (not a silent grey button)."""
    _first, second = _two_sales_and_a_refund(till, cashier, supervisor)
    dialog = shown(qtbot, JournalDialog(till, supervisor, printer=PaperTray()))
    _loaded(qtbot, dialog, 3)
    dialog.table.selectRow(0)  # "Refund of receipt No. 2"
    refund_button = by_name(dialog, QPushButton, "journal refund")
    assert refund_button.isEnabled()
    assert refund_button.text() == f"Refund sale No. {second.receipt_no}… (F7)"
    assert f"receipt No. {second.receipt_no}" in refund_button.toolTip()
    qtbot.mouseClick(refund_button, LEFT)
    refund = modal(qtbot, RefundDialog)
    summary = by_name(refund, QLabel, "receipt summary").text()
    assert f"Receipt No. {second.receipt_no}" in summary
    assert by_name(refund, QSpinBox, "refund qty 1").maximum() == 1  # one coffee of two left
    refund.reject()
    dialog.table.selectRow(1)  # back on a sale: the usual words again
    assert refund_button.text() == "Refund… (F7)" and not refund_button.toolTip()


def test_a_copy_cancelled_in_the_print_dialog_is_not_audited_as_reprinted(
    qtbot, till, cashier, supervisor
):
    """Only a copy that came out of the printer (or was saved) is in the audit trail."""
    first, _second = _two_sales_and_a_refund(till, cashier, supervisor)
    answers: list[bool] = []

    def print_dialog(document: QTextDocument, parent: QWidget | None) -> bool:
        return answers.pop(0)  # False: the cashier pressed Cancel in the print dialog

    dialog = shown(qtbot, JournalDialog(till, supervisor, printer=print_dialog))
    _loaded(qtbot, dialog, 3)
    dialog.table.selectRow(2)  # the first sale
    reprint = by_name(dialog, QPushButton, "reprint")
    answers.append(False)
    qtbot.mouseClick(reprint, LEFT)
    assert _audited_reprints(till) == []
    assert "printed" not in dialog.feedback.text()
    answers.append(True)
    qtbot.mouseClick(reprint, LEFT)
    assert [(d["kind"], d["receipt_no"]) for d in _audited_reprints(till)] == [
        ("sale", first.receipt_no)
    ]
    assert f"receipt No. {first.receipt_no} was printed" in dialog.feedback.text()


def test_f1_at_the_till_opens_the_journal(qtbot, window, till):
    cashier = employee(till, Role.CASHIER)
    log_in(qtbot, window, cashier, CASHIER_PIN)
    qtbot.keyClick(window.till_screen, Qt.Key.Key_F1)
    journal = modal(qtbot, JournalDialog)
    assert journal.employee.id == cashier.id
    journal.reject()


def test_screenshots_of_the_journal_and_a_refund_receipt(
    qtbot, till, cashier, supervisor, tmp_path: Path
):
    _two_sales_and_a_refund(till, cashier, supervisor)
    folder = shot_dir(tmp_path)
    languages = Languages()
    try:
        for lang in ("ru", "kk", "en"):
            languages.switch(lang)
            till.ctx.settings.set(s.RECEIPT_LANGUAGE, lang)
            dialog = shown(qtbot, JournalDialog(till, supervisor, printer=PaperTray()))
            _loaded(qtbot, dialog, 3)
            path = folder / f"journal_{lang}.png"
            assert dialog.grab().save(str(path), "PNG")
            receipt = shown(qtbot, ReceiptDialog(dialog.receipt))
            assert TITLES[lang] in receipt.view.toPlainText()
            assert dialog.windowTitle() == JOURNAL[lang]
            assert receipt.grab().save(str(folder / f"refund_receipt_{lang}.png"), "PNG")
            receipt.close()
            dialog.close()
    finally:
        languages.uninstall()
