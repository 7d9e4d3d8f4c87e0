"""Refunds and voids: never more than was paid, always with a supervisor, always recorded."""

from __future__ import annotations

import pytest

from forsell.domain.barcode import receipt_code
from forsell.domain.cart import Discount, DiscountKind
from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.payment import Payment
from forsell.domain.roles import Action
from forsell.services.app import Till
from forsell.services.receipts import ReceiptView
from forsell.store.models import Refund

from .conftest import (
    OPENING_FLOAT,
    PINS,
    Products,
    Staff,
    audit_rows,
    count,
    counts_for,
    outbox_rows,
)

pytestmark = pytest.mark.usefixtures("shift")


@pytest.fixture
def receipt(till: Till, staff: Staff, products: Products) -> ReceiptView:
    """3 breads with a 10 % receipt discount, and a milk; paid 500 ₸ by card, the rest cash."""
    sale = till.sale_for(staff.cashier)
    for _ in range(3):
        sale.scan(products.bread.barcode)
    sale.scan(products.milk.barcode)
    sale.set_receipt_discount(Discount(DiscountKind.PERCENT, 1000))
    total = sale.view().total
    return sale.pay(Payment(cash_tendered=total - 50_000, card=50_000))


def _approval(till: Till, staff: Staff, action: Action = Action.REFUND):
    return till.staff.approve(PINS["supervisor"], action, staff.cashier.id)


def test_find_by_number_code_and_id(till: Till, receipt: ReceiptView) -> None:
    assert till.refunds.find(str(receipt.receipt_no)) == receipt
    assert till.refunds.find(f"№ {receipt.receipt_no}") == receipt
    assert till.refunds.find(receipt_code(receipt.receipt_no)) == receipt
    assert till.refunds.find(receipt.sale_id) == receipt
    for query, key in [
        ("999", "refund.not_found"),
        ("hello", "refund.bad_query"),
        ("²", "refund.bad_query"),
    ]:
        with pytest.raises(CashierError) as error:
            till.refunds.find(query)
        assert error.value.key == key


def test_partial_refund_then_the_rest_then_nothing_more(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    bread = receipt.lines[0]
    assert (bread.qty_milli, bread.net) == (3000, 67_500)
    with pytest.raises(NeedsApproval):
        till.refunds.refund(staff.cashier, receipt.sale_id, {bread.line_id: 1000}, "cash")
    first = till.refunds.refund(
        staff.cashier,
        receipt.sale_id,
        {bread.line_id: 1000},
        "cash",
        "чёрствый",
        _approval(till, staff),
    )
    assert (first.total, first.lines, first.approver_name) == (
        22_500,
        (("T-BREAD", 1000, 22_500),),
        staff.supervisor.name,
    )
    rest = till.refunds.refund(staff.supervisor, receipt.sale_id, {bread.line_id: 2000}, "cash")
    assert first.total + rest.total == bread.net
    with pytest.raises(CashierError) as error:
        till.refunds.refund(staff.supervisor, receipt.sale_id, {bread.line_id: 1000}, "cash")
    assert error.value.key == "refund.too_much"
    again = till.refunds.find(str(receipt.receipt_no))
    assert (again.lines[0].refunded_milli, again.lines[0].refundable_milli) == (3000, 0)
    assert again.refunded_total == bread.net
    assert count(till, Refund) == 2


def test_refund_writes_one_outbox_row_and_an_audit_entry(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    milk = receipt.lines[1]
    before = len(outbox_rows(till))
    refund = till.refunds.refund(staff.supervisor, receipt.sale_id, {milk.line_id: 1000}, "cash")
    [job] = outbox_rows(till, "refund")
    assert (job.entity_id, job.payload["total"]) == (refund.id, milk.net)
    assert job.payload["lines"] == [
        {"sale_line_id": milk.line_id, "qty_milli": 1000, "amount": milk.net}
    ]
    [entry] = audit_rows(till, "refund")
    assert entry.details["approver_id"] == staff.supervisor.id
    assert len(outbox_rows(till)) == before + 2  # the refund and its audit entry


def test_card_refund_above_the_card_payment_is_refused(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    lines = {line.line_id: line.qty_milli for line in receipt.lines}
    jobs = len(outbox_rows(till))
    with pytest.raises(CashierError) as error:
        till.refunds.refund(staff.supervisor, receipt.sale_id, lines, "card")
    assert error.value.key == "refund.card_over_paid"
    assert count(till, Refund) == 0 and len(outbox_rows(till)) == jobs
    bread = receipt.lines[0]
    assert (
        till.refunds.refund(staff.supervisor, receipt.sale_id, {bread.line_id: 2000}, "card").total
        == 45_000
    )  # 450 ₸ ≤ 500 ₸ paid by card


@pytest.mark.parametrize(
    ("items", "method", "key"),
    [
        ({}, "cash", "refund.nothing"),
        ({"not-a-line": 1000}, "cash", "refund.line_unknown"),
        (None, "cheque", "refund.method"),
        (None, "cash", None),
    ],
)
def test_refund_input_is_checked(
    till: Till, staff: Staff, receipt: ReceiptView, items, method: str, key: str | None
) -> None:
    items = {receipt.lines[0].line_id: 0} if items is None and key is None else items
    items = {receipt.lines[0].line_id: 1000} if items is None else items
    with pytest.raises(CashierError) as error:
        till.refunds.refund(staff.supervisor, receipt.sale_id, items, method)
    assert error.value.key == (key or "refund.nothing")
    assert count(till, Refund) == 0


def test_fractional_refund_of_a_piece_is_refused_by_quantity(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    milk = receipt.lines[1]
    with pytest.raises(CashierError) as error:
        till.refunds.refund(staff.supervisor, receipt.sale_id, {milk.line_id: 1001}, "cash")
    assert error.value.key == "refund.too_much"


def test_refund_goes_to_the_open_shift_drawer(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    expected = till.shifts.expected_cash()
    milk = receipt.lines[1]
    till.refunds.refund(staff.supervisor, receipt.sale_id, {milk.line_id: 1000}, "cash")
    assert till.shifts.expected_cash() == expected - milk.net


def test_void_needs_approval_and_removes_the_sale_from_the_figures(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    with pytest.raises(NeedsApproval):
        till.refunds.void(staff.cashier, receipt.sale_id)
    till.refunds.void(staff.cashier, receipt.sale_id, _approval(till, staff, Action.VOID_SALE))
    assert till.refunds.find(receipt.sale_id).voided
    x = till.shifts.x_report()
    assert (x.sales_count, x.voided_count, x.expected_cash) == (0, 1, OPENING_FLOAT)
    [job] = outbox_rows(till, "sale_voided")
    assert job.entity_id == receipt.sale_id
    [entry] = audit_rows(till, "sale_voided")
    assert entry.details["approver_id"] == staff.supervisor.id
    with pytest.raises(CashierError) as error:
        till.refunds.void(staff.supervisor, receipt.sale_id)
    assert error.value.key == "void.unknown"
    with pytest.raises(CashierError) as error:  # a voided sale cannot be refunded either
        till.refunds.refund(
            staff.supervisor, receipt.sale_id, {receipt.lines[1].line_id: 1000}, "cash"
        )
    assert error.value.key == "refund.not_found"


def test_no_void_after_a_refund(till: Till, staff: Staff, receipt: ReceiptView) -> None:
    till.refunds.refund(staff.supervisor, receipt.sale_id, {receipt.lines[1].line_id: 1000}, "cash")
    with pytest.raises(CashierError) as error:
        till.refunds.void(staff.supervisor, receipt.sale_id)
    assert error.value.key == "void.refunded"
    assert not till.refunds.find(receipt.sale_id).voided


def test_no_void_in_a_later_shift_but_refund_still_works(
    till: Till, staff: Staff, receipt: ReceiptView
) -> None:
    till.shifts.close(staff.supervisor, counts_for(till.shifts.expected_cash() // 100 * 100))
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    with pytest.raises(CashierError) as error:
        till.refunds.void(staff.supervisor, receipt.sale_id)
    assert error.value.key == "void.other_shift"
    milk = receipt.lines[1]
    till.refunds.refund(staff.supervisor, receipt.sale_id, {milk.line_id: 1000}, "cash")
    x = till.shifts.x_report()  # the refund belongs to the shift that paid it out
    assert (x.refunds_count, x.cash_refunds, x.sales_count) == (1, milk.net, 0)


def test_refund_needs_an_open_shift(till: Till, staff: Staff, receipt: ReceiptView) -> None:
    till.shifts.close(staff.supervisor, counts_for(till.shifts.expected_cash() // 100 * 100))
    with pytest.raises(CashierError) as error:
        till.refunds.refund(
            staff.supervisor, receipt.sale_id, {receipt.lines[1].line_id: 1000}, "cash"
        )
    assert error.value.key == "shift.not_open"
