"""A counter's day on real widgets and the loopback ESC/POS printer: a latte with oat milk and
vanilla syrup is rung up and paid in cash; the Kazakh receipt comes out with its letters intact
and the drawer opens; the receipt is found in the journal, printed again as a copy, and a line
of it is refunded with a printed refund receipt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QSpinBox

from escpos_decoder import decode, same_look
from forsell.domain.roles import Role
from forsell.fakes.fake_printer import FakePrinter
from forsell.services import settings as s
from forsell.ui.journal_dialog import JournalDialog
from forsell.ui.options_dialog import OptionsDialog
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import ReceiptDialog
from forsell.ui.refund_dialog import RefundDialog

from .conftest import SUPERVISOR_PIN, employee, find, log_in, modal

LATTE = "product Латте 300 мл"  # the demo café's latte: milk, syrup and extras to choose


@pytest.fixture
def fake_printer() -> Iterator[FakePrinter]:
    with FakePrinter() as printer:
        yield printer


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def no_dialog(qtbot) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_latte_with_options_printed_in_kazakh_found_copied_and_refunded(
    qtbot, window, till, open_shift, fake_printer
):
    till.ctx.settings.set(s.PRINTER_ADDRESS, fake_printer.address)
    till.ctx.settings.set(s.PRINTER_PAPER_MM, 58)
    till.ctx.settings.set(s.RECEIPT_LANGUAGE, "kk")  # CP866 has no Kazakh letters: raster lines
    log_in(qtbot, window, employee(till, Role.SUPERVISOR), SUPERVISOR_PIN)

    tap(qtbot, find(window, LATTE))
    chooser = modal(qtbot, OptionsDialog)
    milk, syrup, _extras = chooser.rows
    tap(qtbot, milk.buttons[1])  # oat milk +200
    tap(qtbot, syrup.buttons[1])  # vanilla syrup +250
    tap(qtbot, find(chooser, "add with options"))
    no_dialog(qtbot)
    tap(qtbot, find(window, "pay"))
    payment = modal(qtbot, PaymentDialog)
    qtbot.keyClick(find(payment, "amount tendered"), Qt.Key.Key_Return)  # the exact amount
    receipt_dialog = modal(qtbot, ReceiptDialog)
    sale = receipt_dialog.receipt
    assert [o.price_delta for o in sale.lines[0].options] == [20_000, 25_000]

    paper = decode(fake_printer.wait_job())
    assert paper.drawer_pulses == [0] and paper.cuts == 1  # cash: the drawer opens
    assert paper.barcodes == [(2, sale.code)]
    # Kazakh labels drawn as images, read back glyph by glyph: every letter is there.
    assert any(line.startswith(same_look("БАРЛЫҒЫ")) for line in paper.raster_lines)
    printed = paper.lines + paper.raster_lines
    for option in sale.lines[0].options:
        name = option.name("kk")
        assert any(name in line or same_look(name) in line for line in printed), name
    receipt_dialog.accept()
    no_dialog(qtbot)

    qtbot.keyClick(window.till_screen, Qt.Key.Key_F1)
    journal = modal(qtbot, JournalDialog)
    qtbot.waitUntil(lambda: journal.receipt is not None and journal.receipt.sale_id == sale.sale_id)
    tap(qtbot, find(journal, "reprint"))
    copy = decode(fake_printer.wait_job())
    assert copy.drawer_pulses == []  # a copy never opens the drawer
    marks = [line for line in copy.raster_lines if same_look("КӨШІРМЕ") in line]
    assert len(marks) == 2  # above and below

    tap(qtbot, find(journal, "journal refund"))
    refund = modal(qtbot, RefundDialog)
    spin = next(w for w in refund.findChildren(QSpinBox) if w.accessibleName() == "refund qty 1")
    spin.setValue(1)
    confirm = next(
        b for b in refund.findChildren(QPushButton) if b.accessibleName() == "confirm refund"
    )
    tap(qtbot, confirm)
    # The copy's job ends on the GUI thread before the next starts: wait with the events running.
    qtbot.waitUntil(lambda: len(fake_printer.jobs) == 3, timeout=10_000)
    back = decode(fake_printer.jobs[-1])
    assert any(line.startswith(same_look("ҚАЙТАРУ №")) for line in back.raster_lines)
    assert back.barcodes == []  # a refund receipt is not refunded again
    assert back.drawer_pulses == [0]  # the cash goes back out of the drawer
    assert till.shifts.x_report().refunds_total == sale.total
