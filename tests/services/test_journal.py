"""The receipt journal and refund receipts: sales and refunds found by number, amount, time and
cashier, a cashier's view limited to the open shift, paging without gaps, reprints as audited
copies, and a refund receipt with its own number, lines, VAT and the money returned."""

from __future__ import annotations

from datetime import date

import pytest

from forsell.domain.barcode import receipt_code
from forsell.domain.errors import CashierError
from forsell.domain.money import vat_included
from forsell.domain.payment import Payment
from forsell.services.app import Till
from forsell.services.journal import (
    REFUND,
    SALE,
    JournalPeriod,
    JournalQuery,
    ReceiptJournal,
)
from forsell.services.receipts import ReceiptView
from forsell.services.refunds import RefundView

from .conftest import (
    OPENING_FLOAT,
    Clock,
    Products,
    Staff,
    audit_rows,
    counts_for,
    outbox_rows,
)


def _sell(till: Till, who, products: Products, breads: int = 1, card: bool = False) -> ReceiptView:
    sale = till.sale_for(who)
    for _ in range(breads):
        sale.scan(products.bread.barcode)
    total = sale.view().total
    return sale.pay(Payment(card=total) if card else Payment(cash_tendered=total))


def _refund(till: Till, staff: Staff, receipt: ReceiptView, qty: int = 1000) -> RefundView:
    line = receipt.lines[0]
    return till.refunds.refund(staff.supervisor, receipt.sale_id, {line.line_id: qty}, "cash")


def _numbers(page) -> list[tuple[str, int]]:
    return [(e.kind, e.receipt_no) for e in page.entries]


@pytest.fixture
def journal(till: Till) -> ReceiptJournal:
    return ReceiptJournal(till.ctx)


def test_the_refund_receipt_says_what_went_back_and_how(
    till: Till, staff: Staff, products: Products
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.bread.barcode)
    sale.scan(products.milk.barcode)
    sold = sale.pay(Payment(card=sale.view().total))
    bread, milk = sold.lines
    refund = till.refunds.refund(
        staff.supervisor, sold.sale_id, {bread.line_id: 1000, milk.line_id: 1000}, "card"
    )
    paper = refund.receipt
    assert paper is not None and paper.is_refund and not paper.copy
    assert (paper.receipt_no, paper.refund_of_no, paper.sale_id) == (
        1,
        sold.receipt_no,
        sold.sale_id,
    )
    assert paper.code == ""  # a refund receipt is not scanned back for another refund
    assert [(l.sku, l.qty_milli, l.net) for l in paper.lines] == [
        ("T-BREAD", 1000, 25_000),
        ("T-MILK", 1000, 45_050),
    ]
    assert paper.total == refund.total == 70_050
    assert paper.vat_by_rate == {1600: vat_included(25_000, 1600), 1200: vat_included(45_050, 1200)}
    assert (paper.method, paper.card, paper.cash) == ("card", 70_050, 0)
    assert outbox_rows(till, "refund")[0].payload["receipt_no"] == 1  # the backend gets it too
    second = till.refunds.refund(staff.supervisor, sold.sale_id, {bread.line_id: 1000}, "card")
    assert second.receipt is not None and second.receipt.receipt_no == 2  # numbered per till


def test_a_supervisor_finds_sales_and_refunds_by_number_amount_time_and_cashier(
    till: Till, staff: Staff, products: Products, clock: Clock, journal: ReceiptJournal
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    first = _sell(till, staff.cashier, products, breads=1)  # 250 ₸ at 09:00
    clock.advance(5 * 60)
    second = _sell(till, staff.cashier2, products, breads=4)  # 1 000 ₸ at 09:05
    clock.advance(5 * 60)
    refund = _refund(till, staff, second)  # refund No. 1 of receipt No. 2 at 09:10
    assert refund.receipt is not None
    today = JournalQuery(JournalPeriod.TODAY)
    everything = journal.page(staff.supervisor, today)
    assert _numbers(everything) == [(REFUND, 1), (SALE, 2), (SALE, 1)]
    assert everything.entries[0].refund_of_no == second.receipt_no == 2
    assert everything.entries[0].total == 25_000

    def found(text: str) -> list[tuple[str, int]]:
        return _numbers(
            journal.page(staff.supervisor, JournalQuery(JournalPeriod.TODAY, text=text))
        )

    # a number is the receipt's (the refunds of that receipt come with it) or an amount in tenge
    assert found("2") == [(REFUND, 1), (SALE, 2)]
    assert found("№ 1") == [(REFUND, 1), (SALE, 1)]
    assert found("1000") == [(SALE, 2)]
    assert found("1 000,00 ₸") == [(SALE, 2)]
    assert found(receipt_code(first.receipt_no)) == [(SALE, 1)]
    assert found("09:05") == [(SALE, 2)]
    assert found("9:10") == [(REFUND, 1)]
    assert found("мария") == [(SALE, 2)]  # Мария Ким sold the second
    assert found("Айгерим") == [(REFUND, 1)]  # the supervisor refunded
    assert found("nobody") == []
    shift = JournalQuery(JournalPeriod.SHIFT, text="1000")  # the same searches in a shift
    assert _numbers(journal.page(staff.supervisor, shift)) == [(SALE, 2)]
    shift = JournalQuery(JournalPeriod.SHIFT, text="Мария")
    assert _numbers(journal.page(staff.supervisor, shift)) == [(SALE, 2)]


def test_a_date_range_shows_older_days_and_today_does_not(
    till: Till, staff: Staff, products: Products, clock: Clock, journal: ReceiptJournal
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    _sell(till, staff.cashier, products)  # 2 March
    clock.advance(24 * 3600)
    _sell(till, staff.cashier, products)  # 3 March
    today = journal.page(staff.supervisor, JournalQuery(JournalPeriod.TODAY))
    assert _numbers(today) == [(SALE, 2)]
    both = JournalQuery(JournalPeriod.DATES, date(2026, 3, 1), date(2026, 3, 3))
    assert _numbers(journal.page(staff.supervisor, both)) == [(SALE, 2), (SALE, 1)]
    day_before = JournalQuery(JournalPeriod.DATES, date(2026, 3, 2), date(2026, 3, 2))
    assert _numbers(journal.page(staff.supervisor, day_before)) == [(SALE, 1)]


def test_pages_follow_each_other_without_gaps_or_repeats(
    till: Till, staff: Staff, products: Products, clock: Clock, journal: ReceiptJournal
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sales = []
    for _ in range(7):
        sales.append(_sell(till, staff.cashier, products))
        clock.advance(30)
    _refund(till, staff, sales[2])
    seen: list[tuple[str, int]] = []
    query = JournalQuery(JournalPeriod.SHIFT)
    page = journal.page(staff.supervisor, query, size=3)
    pages = 1
    while True:
        assert len(page.entries) <= 3
        seen += _numbers(page)
        if page.more is None:
            break
        page = journal.page(staff.supervisor, query, page.more, size=3)
        pages += 1
    assert pages == 3
    assert seen == [(REFUND, 1)] + [(SALE, n) for n in range(7, 0, -1)]


def test_a_cashier_sees_the_open_shift_only(
    till: Till, staff: Staff, products: Products, clock: Clock, journal: ReceiptJournal
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    old = _sell(till, staff.cashier, products)
    till.shifts.close(staff.supervisor, counts_for(till.shifts.expected_cash()))
    assert journal.page(staff.cashier, JournalQuery(JournalPeriod.TODAY)).no_shift
    clock.advance(60)
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    new = _sell(till, staff.cashier, products)
    asked_all = JournalQuery(JournalPeriod.DATES, date(2026, 1, 1), date(2026, 12, 31))
    mine = journal.page(staff.cashier, asked_all)
    assert (mine.period, _numbers(mine)) == (JournalPeriod.SHIFT, [(SALE, new.receipt_no)])
    assert _numbers(journal.page(staff.supervisor, asked_all)) == [(SALE, 2), (SALE, 1)]
    assert journal.receipt(staff.cashier, SALE, new.sale_id).receipt_no == new.receipt_no
    for call in (journal.receipt, journal.reprint):
        with pytest.raises(CashierError) as refused:
            call(staff.cashier, SALE, old.sale_id)
        assert refused.value.key == "supervisor.only"
    assert journal.receipt(staff.supervisor, SALE, old.sale_id).receipt_no == old.receipt_no


def test_a_reprint_is_a_copy_and_the_audit_trail_says_who_printed_it(
    till: Till, staff: Staff, products: Products, journal: ReceiptJournal
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sold = _sell(till, staff.cashier, products, breads=2)
    refund = _refund(till, staff, sold)
    copy = journal.reprint(staff.cashier, SALE, sold.sale_id)
    assert copy.copy and copy.receipt_no == sold.receipt_no and copy.total == sold.total
    assert copy.refunded_total == 25_000  # what the journal shows is today's state of the sale
    refund_copy = journal.reprint(staff.supervisor, REFUND, refund.id)
    assert refund_copy.copy and refund_copy.is_refund and refund_copy.refund_of_no == 1
    entries = [(e.employee_id, e.details) for e in audit_rows(till, "receipt_reprinted")]
    assert len(entries) == 2
    assert entries[0][0] == staff.cashier.id
    assert (entries[0][1]["kind"], entries[0][1]["receipt_no"]) == ("sale", sold.receipt_no)
    assert entries[1][0] == staff.supervisor.id
    assert (entries[1][1]["kind"], entries[1][1]["refund_id"]) == ("refund", refund.id)
    with pytest.raises(CashierError) as missing:
        journal.reprint(staff.supervisor, SALE, refund.id)
    assert missing.value.key == "journal.not_found"
    assert len(audit_rows(till, "receipt_reprinted")) == 2


def test_a_copy_is_audited_only_when_it_is_recorded_as_printed(
    till: Till, staff: Staff, products: Products, journal: ReceiptJournal
) -> None:
    """``copy_of`` gives the copy for a print dialog that may still be cancelled: no entry;
    ``record_reprint`` after it came out: one entry for that receipt and that employee."""
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sold = _sell(till, staff.cashier, products)
    refund = _refund(till, staff, sold)
    copy = journal.copy_of(staff.cashier, SALE, sold.sale_id)
    refund_copy = journal.copy_of(staff.supervisor, REFUND, refund.id)
    assert copy.copy and refund_copy.copy and refund_copy.is_refund
    assert audit_rows(till, "receipt_reprinted") == []
    journal.record_reprint(staff.supervisor, refund_copy)
    entries = [(e.employee_id, e.details) for e in audit_rows(till, "receipt_reprinted")]
    assert entries == [(staff.supervisor.id, entries[0][1])]
    assert (entries[0][1]["kind"], entries[0][1]["refund_id"]) == ("refund", refund.id)


def test_a_cashier_with_kazakh_letters_is_found_as_typed_on_a_russian_layout(
    till: Till, staff: Staff, products: Products, journal: ReceiptJournal
) -> None:
    """Typing "гулнур" finds Гүлнұр's sale and "Гүлнұр" still does: the journal folds as product
    search folds (the case-only comparison found neither spelling from the other)."""
    from forsell.domain.roles import Role

    gulnur = till.staff.add_employee("Гүлнұр Сейітқызы", Role.CASHIER, "7312")
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    _sell(till, staff.cashier, products)
    hers = _sell(till, gulnur, products, breads=2)

    def found(text: str) -> list[tuple[str, int]]:
        query = JournalQuery(JournalPeriod.TODAY, text=text)
        return _numbers(journal.page(staff.supervisor, query))

    assert found("гулнур") == [(SALE, hers.receipt_no)]
    assert found("СЕЙИТКЫЗЫ") == [(SALE, hers.receipt_no)]
    assert found("Гүлнұр") == [(SALE, hers.receipt_no)]
