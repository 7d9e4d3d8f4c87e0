"""The till with a receipt printer (the FAKE one on loopback), the drawer and the customer
display: printing never blocks a sale, a fault offers Retry, the customer sees the cart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from escpos_decoder import decode
from forsell.domain.money import format_kzt
from forsell.domain.roles import Role
from forsell.fakes.fake_printer import FakePrinter
from forsell.services import settings as s
from forsell.services.counter_printer import PrinterSetup
from forsell.store.models import AuditEntry
from forsell.ui.admin_dialogs import AdminDialog
from forsell.ui.customer_display import CustomerDisplay
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import ReceiptDialog

from .conftest import CASHIER_PIN, SUPERVISOR_PIN, employee, find, log_in, modal
from .test_till import ARABICA, PIALA, scan


@pytest.fixture
def fake_printer() -> Iterator[FakePrinter]:
    with FakePrinter() as printer:
        yield printer


@pytest.fixture
def printing_till(till, fake_printer):
    till.ctx.settings.set(s.PRINTER_ADDRESS, fake_printer.address)
    till.ctx.settings.set(s.CUSTOMER_DISPLAY, True)
    return till


def _pay_cash(qtbot, window, codes: tuple[str, ...] = (ARABICA, PIALA)) -> ReceiptDialog:
    """Scans ``codes`` (5 950 ₸ by default), pays 10 000 ₸ cash, returns the receipt dialog."""
    field = find(window, "scan field")
    for code in codes:
        scan(qtbot, field, code)
    qtbot.mouseClick(find(window, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    qtbot.mouseClick(find(dialog, "tender 10000"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(find(dialog, "amount tendered"), Qt.Key.Key_Return)
    return modal(qtbot, ReceiptDialog)


def test_a_paid_sale_prints_with_the_drawer_and_the_customer_sees_the_change(
    qtbot, printing_till, window, open_shift, fake_printer
) -> None:
    log_in(qtbot, window, employee(printing_till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
    display = window.customer_display
    assert isinstance(display, CustomerDisplay) and display.isVisible()
    scan(qtbot, find(window, "scan field"), ARABICA)
    assert "Арабика" in find(display, "customer line 0 0").text()
    assert find(display, "total").text().endswith(format_kzt(450_000))
    receipt_dialog = _pay_cash(qtbot, window, (PIALA,))
    printout = decode(fake_printer.wait_job())
    assert printout.drawer_pulses == [0] and printout.cuts == 1
    assert printout.barcodes == [(2, receipt_dialog.receipt.code)]
    assert any(line.startswith("ИТОГО") for line in printout.lines)  # the receipt's language
    assert f"{format_kzt(405_000)}" in find(display, "payment").text()
    assert not window.till_screen.printer_bar.isVisible()
    receipt_dialog.accept()


def test_a_printer_that_is_off_gives_retry_and_the_sale_is_complete(
    qtbot, printing_till, window, open_shift, fake_printer
) -> None:
    fake_printer.stop()
    log_in(qtbot, window, employee(printing_till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
    receipt_dialog = _pay_cash(qtbot, window)  # the receipt dialog opens at once
    bar = window.till_screen.printer_bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert printing_till.shifts.x_report().sales_count == 1
    text = bar.message.text()
    assert str(receipt_dialog.receipt.receipt_no) in text and fake_printer.address in text
    receipt_dialog.accept()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    fake_printer.start()  # switched on again, same address
    qtbot.mouseClick(find(window, "retry printing"), Qt.MouseButton.LeftButton)
    printout = decode(fake_printer.wait_job())
    assert printout.barcodes == [(2, receipt_dialog.receipt.code)]
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)


def test_the_drawer_button_is_a_supervisors_and_is_audited(
    qtbot, printing_till, window, fake_printer
) -> None:
    log_in(qtbot, window, employee(printing_till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
    assert not window.till_screen.buttons["open drawer"].isVisible()
    window.lock()
    log_in(qtbot, window, employee(printing_till, Role.SUPERVISOR), SUPERVISOR_PIN)
    qtbot.mouseClick(find(window, "open drawer"), Qt.MouseButton.LeftButton)
    assert decode(fake_printer.wait_job()).drawer_pulses == [0]

    def audited() -> bool:
        with printing_till.ctx.db.read() as session:
            return "drawer_opened" in session.scalars(select(AuditEntry.action)).all()

    qtbot.waitUntil(audited, timeout=5000)  # written once the printer confirmed the pulse


def test_the_printer_tab_saves_and_prints_a_test_page(qtbot, till, admin, fake_printer) -> None:
    dialog = AdminDialog(till, admin)
    qtbot.addWidget(dialog)
    page = dialog.printer_page
    dialog.tabs.setCurrentWidget(page)
    dialog.show()
    page.address.setText(fake_printer.address)
    page.paper.setCurrentIndex(page.paper.findData(58))
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    printout = decode(fake_printer.wait_job())
    assert any("Пробная" in line or "test page" in line for line in printout.lines)
    assert all(len(line) <= 32 for line in printout.lines)  # the unsaved 58 mm is used
    qtbot.waitUntil(page.test_button.isEnabled)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert till.ctx.settings.get(s.PRINTER_ADDRESS) == fake_printer.address
    assert till.ctx.settings.get(s.PRINTER_PAPER_MM) == 58
    page.address.setText("usb:nope")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.feedback.is_error
    assert till.ctx.settings.get(s.PRINTER_ADDRESS) == fake_printer.address
    assert page.current() == PrinterSetup("usb:nope", 58, "cp866", -1, True, False)


def test_customer_display_in_the_receipt_language_with_screenshots(
    qtbot, till, tmp_path: Path
) -> None:
    """The customer reads the receipt language, whatever the cashier's; a shot of each state
    in each language is written (kept in FORSELL_SCREENSHOT_DIR when that names a folder, like
    every screenshot test)."""
    import os

    from forsell.domain.payment import Payment
    from forsell.ui.i18n import Languages

    till.ctx.settings.set(s.RECORDING_ENABLED, True)
    till.shifts.open(employee(till, Role.SUPERVISOR), 0)
    sale = till.sale_for(employee(till, Role.CASHIER, "Данияр Ахметов"))
    display = CustomerDisplay(till)
    qtbot.addWidget(display)
    display.resize(1024, 600)
    display.show()
    qtbot.waitExposed(display)
    languages = Languages()
    languages.switch("ru")  # the cashier's language; the customer's is the receipt's
    keep = (
        Path(os.environ["FORSELL_SCREENSHOT_DIR"])
        if os.environ.get("FORSELL_SCREENSHOT_DIR")
        else tmp_path
    )
    keep.mkdir(parents=True, exist_ok=True)
    names = {"ru": "Арабика", "kk": "Арабика", "en": "Arabica"}
    notices = {"ru": "записываться", "kk": "жазылуы", "en": "recorded"}
    change = {"ru": "Сдача", "kk": "Қайтарым", "en": "Change"}
    try:
        for language in ("ru", "kk", "en"):
            till.ctx.settings.set(s.RECEIPT_LANGUAGE, language)
            sale.scan(ARABICA)
            sale.scan(PIALA)
            display.show_cart(sale.view())
            assert names[language] in find(display, "customer line 0 0").text()
            assert notices[language] in find(display, "recording notice").text()
            assert display.grab().save(str(keep / f"customer-display-cart-{language}.png"))
            receipt = sale.pay(Payment(cash_tendered=1_000_000))
            display.show_paid(receipt)
            display.show_cart(sale.view())  # the empty cart after payment keeps the change
            payment = find(display, "payment").text()
            # the customer's numbers too: "4,050 ₸" in English while the cashier reads Russian
            assert change[language] in payment
            assert format_kzt(405_000, language=language) in payment
            assert display.grab().save(str(keep / f"customer-display-paid-{language}.png"))
    finally:
        languages.uninstall()


def test_receipts_print_one_at_a_time_and_retry_prints_every_one_that_failed(
    qtbot, printing_till, fake_printer
) -> None:
    from forsell.domain.payment import Payment
    from forsell.ui.printer_bar import PrinterBar

    printing_till.shifts.open(employee(printing_till, Role.SUPERVISOR), 0)
    sale = printing_till.sale_for(employee(printing_till, Role.CASHIER, "Данияр Ахметов"))
    receipts = []
    for _ in range(2):
        sale.scan(PIALA)
        receipts.append(sale.pay(Payment(cash_tendered=145_000)))
    bar = PrinterBar(printing_till)
    qtbot.addWidget(bar)
    fake_printer.stop()
    for receipt in receipts:
        bar.print_receipt(receipt)
    qtbot.waitUntil(lambda: len(bar.waiting) == 2, timeout=5000)
    assert "1, 2" in bar.message.text() and bar.retry_button.isEnabled()
    fake_printer.start()
    bar.retry()
    # The GUI thread starts each next job: wait in its event loop, not in wait_job().
    qtbot.waitUntil(lambda: len(fake_printer.jobs) == 2, timeout=10000)
    codes = [decode(job).barcodes[0][1] for job in fake_printer.jobs]
    assert codes == [r.code for r in receipts]  # in the order of the sales
    qtbot.waitUntil(lambda: not bar.waiting and bar.isHidden(), timeout=5000)
