"""Receipts printed on the FAKE printer from a real sale, read back from the bytes; the drawer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from escpos_decoder import decode, same_look
from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.fakes.fake_printer import FakePrinter
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.counter_printer import (
    CounterPrinter,
    PrinterFault,
    PrinterSetup,
    receipt_ticket,
)
from forsell.services.receipts import ReceiptView
from forsell.store.models import AuditEntry

from .conftest import Products, Staff, audit_rows, count


@pytest.fixture
def fake_printer() -> Iterator[FakePrinter]:
    with FakePrinter() as printer:
        yield printer


@pytest.fixture
def counter(till: Till, staff: Staff, fake_printer: FakePrinter) -> CounterPrinter:
    printer = CounterPrinter(till.ctx, timeout_s=2.0)
    printer.save_setup(staff.admin, PrinterSetup(fake_printer.address, 58, "cp866"))
    return printer


def _sell(till: Till, staff: Staff, products: Products, payment: Payment) -> ReceiptView:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.water.barcode)
    return sale.pay(payment)


def test_a_cash_receipt_prints_whole_opens_the_drawer_and_is_cut(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    receipt = _sell(till, staff, products, Payment(cash_tendered=50_000))
    counter.print_receipt(receipt)
    printout = decode(fake_printer.wait_job())
    text = printout.text
    assert printout.events[0] == "drawer" and printout.events[-1] == "cut"
    assert "Хлеб пшеничный тестовый" in text and "Вода тестовая" in text
    assert f"Receipt No. {receipt.receipt_no}" in text
    total = next(line for line in printout.lines if line.startswith("TOTAL"))
    assert total.endswith("400 тг") and len(total) == 32  # 58 mm paper
    change = next(line for line in printout.lines if line.startswith("Change"))
    assert change.endswith("100 тг")
    assert printout.barcodes == [(2, receipt.code)]
    assert printout.qr_codes == []  # this receipt has no link


def test_a_card_receipt_leaves_the_drawer_shut(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    receipt = _sell(till, staff, products, Payment(card=40_000, card_reference="A1B2"))
    counter.print_receipt(receipt)
    printout = decode(fake_printer.wait_job())
    assert printout.drawer_pulses == []
    assert "Auth code A1B2" in printout.text


def test_a_kazakh_receipt_keeps_its_letters_on_a_cp866_printer(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    till.ctx.settings.set(s.RECEIPT_LANGUAGE, "kk")
    receipt = _sell(till, staff, products, Payment(cash_tendered=40_000))
    labels = {"total": "БАРЛЫҒЫ", "cash": "Қолма-қол"}
    counter.print_receipt(receipt, labels)
    printout = decode(fake_printer.wait_job())
    assert same_look("Сынақ бидай наны") in printout.raster_lines
    assert any(line.startswith("БАРЛЫҒЫ") and line.endswith("400 тг") for line in printout.lines)
    assert any(line.startswith("Қолма-қол") for line in printout.raster_lines)


def test_a_receipt_with_a_link_prints_its_qr_code_after_the_barcode(
    till: Till, staff: Staff, products: Products, shift
) -> None:
    receipt = _sell(till, staff, products, Payment(cash_tendered=40_000))
    ticket = receipt_ticket(dataclasses.replace(receipt, qr="https://cabinet.kgd.gov.kz/r/1"))
    kinds = [type(b).__name__ for b in ticket.blocks]
    assert kinds[-3:] == ["Barcode", "Qr", "Cut"]


def test_a_fault_leaves_the_sale_committed_and_a_reprint_works(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    receipt = _sell(till, staff, products, Payment(cash_tendered=40_000))
    fake_printer.fault = "paper_out"
    with pytest.raises(PrinterFault) as caught:
        counter.print_receipt(receipt)
    assert caught.value.code == "printer.paper_out"
    fake_printer.wait_job()
    fake_printer.fault = None  # paper loaded
    counter.print_receipt(receipt)
    assert decode(fake_printer.wait_job()).barcodes == [(2, receipt.code)]


def test_without_a_printer_printing_says_so(till: Till, products: Products, staff, shift) -> None:
    receipt = _sell(till, staff, products, Payment(cash_tendered=40_000))
    with pytest.raises(PrinterFault) as caught:
        CounterPrinter(till.ctx).print_receipt(receipt)
    assert caught.value.code == "printer.not_set"


def test_a_supervisor_opens_the_drawer_and_the_audit_trail_names_them(
    till: Till, staff: Staff, counter, fake_printer
) -> None:
    counter.open_drawer(staff.supervisor)
    printout = decode(fake_printer.wait_job())
    assert printout.drawer_pulses == [0] and printout.lines == [] and printout.cuts == 0
    entries = audit_rows(till, "drawer_opened")
    assert [e.employee_id for e in entries] == [staff.supervisor.id]


def test_a_cashier_may_not_open_the_drawer_and_nothing_is_sent(
    till: Till, staff: Staff, counter, fake_printer
) -> None:
    before = count(till, AuditEntry)
    with pytest.raises(CashierError) as caught:
        counter.open_drawer(staff.cashier)
    assert caught.value.key == "supervisor.only"
    assert count(till, AuditEntry) == before
    assert not fake_printer.job_done.wait(0.2)


def test_the_test_page_shows_both_alphabets_and_the_codes(counter, fake_printer) -> None:
    counter.print_test_page()
    printout = decode(fake_printer.wait_job())
    assert "Съешь же ещё этих мягких" in printout.text
    assert any("Ққ Ңң Өө" in line for line in printout.raster_lines)
    assert printout.barcodes and printout.qr_codes and printout.cuts == 1


def test_settings_refuse_an_address_that_names_no_printer(till: Till, staff: Staff) -> None:
    with pytest.raises(PrinterFault) as caught:
        CounterPrinter(till.ctx).save_setup(staff.admin, PrinterSetup("usb:nothing"))
    assert caught.value.code == "printer.address"
    assert till.ctx.settings.get(s.PRINTER_ADDRESS) == ""
    with pytest.raises(CashierError):
        CounterPrinter(till.ctx).save_setup(staff.admin, PrinterSetup("", paper_mm=60))


def test_a_lines_options_print_under_it_with_their_price_changes(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    from forsell.domain.options import ChosenOption

    receipt = _sell(till, staff, products, Payment(cash_tendered=50_000))
    oat = ChosenOption("g1", "o1", {"ru": "Молоко"}, {"ru": "Овсяное молоко"}, 20_000)
    plain = ChosenOption("g2", "o2", {"ru": "Сироп"}, {"ru": "Без сиропа"}, 0)
    first = dataclasses.replace(receipt.lines[0], options=(oat, plain))
    counter.print_receipt(dataclasses.replace(receipt, lines=(first, *receipt.lines[1:])))
    lines = decode(fake_printer.wait_job()).lines
    name = lines.index("Хлеб пшеничный тестовый")
    assert lines[name + 1].startswith("+ Овсяное молоко") and lines[name + 1].endswith("+200 тг")
    assert lines[name + 2].strip() == "+ Без сиропа"  # a free option: no price change printed


def test_a_copy_from_the_journal_says_so_above_and_below(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    receipt = _sell(till, staff, products, Payment(cash_tendered=50_000))
    counter.print_receipt(dataclasses.replace(receipt, copy=True))
    printout = decode(fake_printer.wait_job())
    marks = [i for i, line in enumerate(printout.lines) if line.strip() == "*** COPY ***"]
    total = next(i for i, line in enumerate(printout.lines) if line.startswith("TOTAL"))
    assert len(marks) == 2 and marks[0] < total < marks[1]
    assert printout.events[-1] == "cut"


def test_a_refund_receipt_prints_what_went_back_and_no_barcode(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    from datetime import UTC, datetime

    receipt = _sell(till, staff, products, Payment(cash_tendered=50_000))
    refund = dataclasses.replace(
        receipt,
        kind="refund",
        code="",
        receipt_no=3,
        refund_of_no=receipt.receipt_no,
        refund_of_at=datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
        cash=receipt.total,
        tendered=0,
        change=0,
    )
    counter.print_receipt(refund)
    printout = decode(fake_printer.wait_job())
    text = printout.text
    assert "REFUND No. 3" in text
    flat = " ".join(text.split())  # 32 characters a line: long lines wrap
    assert f"Refund of receipt No. {receipt.receipt_no} of 05.12.2026 09:30" in flat
    assert any(line.startswith("REFUND TOTAL") for line in printout.lines)
    assert any(line.startswith("Returned in cash") for line in printout.lines)
    assert "Change" not in text and printout.barcodes == []


def test_a_registered_receipt_prints_its_fiscal_attributes_and_the_check_qr(
    till: Till, staff: Staff, products: Products, shift, counter, fake_printer
) -> None:
    receipt = _sell(till, staff, products, Payment(cash_tendered=50_000))
    url = "https://consumer.oofd.kz/?i=123&f=010101&s=400.00&t=20261205T093000"
    registered = dataclasses.replace(
        receipt,
        fiscal_state="registered",
        fiscal_sign="2905312345",
        fiscal_number="700123",
        fiscal_register_number="010101",
        fiscal_qr_url=url,
    )
    counter.print_receipt(registered)
    printout = decode(fake_printer.wait_job())
    text = printout.text
    flat = " ".join(text.split())  # 32 characters a line: long lines wrap
    assert "FISCAL RECEIPT" in flat and "Fiscal sign 2905312345" in flat
    assert "Cash register RNM 010101" in flat
    assert printout.qr_codes == [url] and printout.barcodes == [(2, receipt.code)]
    counter.print_receipt(
        dataclasses.replace(registered, fiscal_state="waiting", fiscal_autonomous_number=17)
    )
    waiting = decode(fake_printer.wait_job())
    assert "(autonomous No. 17)" in " ".join(waiting.text.split()) and waiting.qr_codes == []
