"""Shifts: opening, cash in and out, the X report, closing with a count (Z report)."""

from __future__ import annotations

import pytest

from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.payment import Payment
from forsell.domain.roles import Action
from forsell.services.app import Till

from .conftest import (
    OPENING_FLOAT,
    PINS,
    Clock,
    Products,
    Staff,
    audit_rows,
    counts_for,
    outbox_rows,
)


def _sell(till: Till, staff: Staff, products: Products, payment: Payment):
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.water.barcode)  # 400 ₸ in all
    return sale.pay(payment)


def test_open_writes_one_outbox_row_and_refuses_a_second_shift(till: Till, staff: Staff) -> None:
    assert till.shifts.current() is None
    view = till.shifts.open(staff.cashier, OPENING_FLOAT)
    assert (view.opening_float, view.opened_by) == (OPENING_FLOAT, staff.cashier.name)
    [job] = outbox_rows(till, "shift_opened")
    assert job.entity_id == view.id and job.payload["opening_float"] == OPENING_FLOAT
    assert len(audit_rows(till, "shift_opened")) == 1
    with pytest.raises(CashierError) as error:
        till.shifts.open(staff.supervisor, 0)
    assert error.value.key == "shift.already_open"
    assert len(outbox_rows(till, "shift_opened")) == 1


def test_negative_float_is_refused(till: Till, staff: Staff) -> None:
    with pytest.raises(CashierError):
        till.shifts.open(staff.cashier, -1)
    assert till.shifts.current() is None


def test_x_report_figures(till: Till, staff: Staff, products: Products, clock: Clock) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    _sell(till, staff, products, Payment(cash_tendered=50_000))  # cash 400
    _sell(till, staff, products, Payment(card=40_000))  # card 400
    _sell(till, staff, products, Payment(cash_tendered=10_000, card=30_000))  # split 100 + 300
    voided = _sell(till, staff, products, Payment(cash_tendered=40_000))
    approval = till.staff.approve(PINS["supervisor"], Action.VOID_SALE, staff.cashier.id)
    till.refunds.void(staff.cashier, voided.sale_id, approval)
    refunded = _sell(till, staff, products, Payment(cash_tendered=40_000))
    bread_line = refunded.lines[0].line_id
    till.refunds.refund(staff.supervisor, refunded.sale_id, {bread_line: 1000}, "cash")
    till.shifts.cash_movement(staff.cashier, 200_000, "размен")
    till.shifts.cash_movement(staff.cashier, -50_000, "инкассация")
    clock.advance(3600)

    x = till.shifts.x_report()
    assert x.z_number is None and x.closed_at is None and x.counted_cash is None
    assert (x.sales_count, x.voided_count) == (4, 1)
    assert (x.gross, x.discounts, x.sales_total) == (160_000, 0, 160_000)
    assert (x.cash_sales, x.card_sales) == (90_000, 70_000)
    assert (x.refunds_count, x.refunds_total, x.cash_refunds, x.card_refunds) == (
        1,
        25_000,
        25_000,
        0,
    )
    assert (x.cash_in, x.cash_out, x.opening_float) == (200_000, 50_000, OPENING_FLOAT)
    assert x.expected_cash == OPENING_FLOAT + 90_000 - 25_000 + 200_000 - 50_000
    assert x.expected_cash == till.shifts.expected_cash()
    assert x.net_revenue == 135_000
    # The bread refunded hands its VAT back: four breads sold, one refunded.
    assert x.vat_by_rate == {1600: 3 * 3_448, 0: 0}
    assert x.refund_vat_by_rate == {1600: 3_448}
    assert x.printed_at.hour == 10 and x.printed_at.utcoffset().total_seconds() == 5 * 3600
    assert x.store_name and x.device_name


def test_z_report_vat_is_net_of_refunds_made_in_the_shift(
    till: Till, staff: Staff, products: Products
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sale = _sell(till, staff, products, Payment(cash_tendered=40_000))
    bread, water = (line.line_id for line in sale.lines)
    till.refunds.refund(staff.supervisor, sale.sale_id, {bread: 1000, water: 1000}, "cash")
    z = till.shifts.close(staff.supervisor, counts_for(till.shifts.expected_cash()))
    assert z.vat_by_rate == {1600: 0, 0: 0}
    assert z.refund_vat_by_rate == {1600: 3_448, 0: 0}
    assert till.shifts.report(z.shift_id).vat_by_rate == z.vat_by_rate


def test_close_with_exact_count(till: Till, staff: Staff, products: Products) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    _sell(till, staff, products, Payment(cash_tendered=50_000))
    expected = till.shifts.expected_cash()
    z = till.shifts.close(staff.cashier, counts_for(expected))
    assert (z.z_number, z.counted_cash, z.expected_cash, z.difference) == (1, expected, expected, 0)
    assert z.closed_by == staff.cashier.name and z.closed_at is not None
    assert sum(d * n for d, n in z.cash_count.items()) == expected
    assert till.shifts.current() is None
    [job] = outbox_rows(till, "shift_closed")
    assert job.payload["z_number"] == 1 and job.payload["counted_cash"] == expected
    assert till.shifts.report(z.shift_id) == till.shifts.report(z.shift_id)  # stable, reprintable


def test_cashier_needs_approval_to_close_with_a_discrepancy(till: Till, staff: Staff) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    short = counts_for(OPENING_FLOAT - 10_000)
    with pytest.raises(NeedsApproval) as error:
        till.shifts.close(staff.cashier, short)
    assert error.value.action == "close_with_discrepancy"
    assert till.shifts.current() is not None and outbox_rows(till, "shift_closed") == []
    approval = till.staff.approve(
        PINS["supervisor"], Action.CLOSE_WITH_DISCREPANCY, staff.cashier.id
    )
    z = till.shifts.close(staff.cashier, short, approval)
    assert z.difference == -10_000
    [entry] = audit_rows(till, "shift_closed")
    assert entry.details == {
        "z_number": 1,
        "difference": -10_000,
        "approver_id": staff.supervisor.id,
    }


def test_supervisor_closes_with_a_discrepancy_alone(till: Till, staff: Staff) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    assert till.shifts.close(staff.supervisor, {}).difference == -OPENING_FLOAT


def test_z_numbers_increase_across_shifts(till: Till, staff: Staff) -> None:
    numbers = []
    for _ in range(3):
        till.shifts.open(staff.cashier, OPENING_FLOAT)
        numbers.append(till.shifts.close(staff.cashier, counts_for(OPENING_FLOAT)).z_number)
    assert numbers == [1, 2, 3]
    assert len(outbox_rows(till, "shift_opened")) == 3
    assert len(outbox_rows(till, "shift_closed")) == 3


def test_no_shift_no_report_or_close(till: Till, staff: Staff) -> None:
    for call in (
        till.shifts.x_report,
        till.shifts.expected_cash,
        lambda: till.shifts.close(staff.cashier, {}),
        lambda: till.shifts.cash_movement(staff.cashier, 100, "x"),
    ):
        with pytest.raises(CashierError) as error:
            call()
        assert error.value.key == "shift.not_open"


def test_cash_movements(till: Till, staff: Staff) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    before = len(outbox_rows(till, "cash_movement"))
    till.shifts.cash_movement(staff.cashier, 500_000, "  размен  ")
    till.shifts.cash_movement(staff.cashier, -1_500_000, "инкассация")  # the whole drawer
    jobs = outbox_rows(till, "cash_movement")
    assert len(jobs) == before + 2
    # Audited: who moved how much (the reason stays in the movement itself).
    moves = audit_rows(till, "cash_movement")
    assert sorted(e.details["amount"] for e in moves) == [-1_500_000, 500_000]
    assert {e.employee_id for e in moves} == {staff.cashier.id}
    assert [(j.kind, j.payload["amount"], j.payload["reason"]) for j in jobs[-2:]] == [
        ("cash_movement", 500_000, "размен"),
        ("cash_movement", -1_500_000, "инкассация"),
    ]
    assert till.shifts.expected_cash() == 0


def test_cash_out_above_the_drawer_is_refused(till: Till, staff: Staff) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    jobs = len(outbox_rows(till))
    with pytest.raises(CashierError) as error:
        till.shifts.cash_movement(staff.cashier, -(OPENING_FLOAT + 100), "инкассация")
    assert error.value.key == "cash.out_exceeds_drawer"
    assert error.value.params == {"expected": OPENING_FLOAT}
    assert len(outbox_rows(till)) == jobs and till.shifts.expected_cash() == OPENING_FLOAT


@pytest.mark.parametrize(
    ("amount", "reason", "key"), [(0, "x", "cash.zero"), (100, "   ", "cash.reason")]
)
def test_cash_movement_needs_an_amount_and_a_reason(
    till: Till, staff: Staff, amount: int, reason: str, key: str
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    with pytest.raises(CashierError) as error:
        till.shifts.cash_movement(staff.cashier, amount, reason)
    assert error.value.key == key


def test_a_parked_sale_waits_across_the_close_for_the_next_shift(
    till: Till, staff: Staff, products: Products
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.park("у окна")
    assert till.shifts.parked_count() == 1
    z = till.shifts.close(staff.cashier, counts_for(OPENING_FLOAT))
    assert z.sales_count == 0  # unpaid: in no report
    [entry] = audit_rows(till, "shift_closed")
    assert entry.details["parked_left"] == 1

    till.shifts.open(staff.cashier, OPENING_FLOAT)
    later = till.sale_for(staff.cashier)
    [parked] = later.parked()
    later.recall(parked.id)
    receipt = later.pay(Payment(cash_tendered=25_000))
    assert till.shifts.x_report().sales_count == 1 and receipt.total == 25_000
    assert till.shifts.parked_count() == 0


def test_parked_sales_can_be_voided_before_the_close(
    till: Till, staff: Staff, products: Products
) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    for _ in range(2):
        sale = till.sale_for(staff.cashier)
        sale.scan(products.water.barcode)
        sale.park()
    assert till.shifts.void_parked(staff.cashier) == 2
    assert till.shifts.parked_count() == 0 and till.sale_for(staff.cashier).parked() == []
    [entry] = audit_rows(till, "parked_voided")
    assert entry.details == {"count": 2}
    assert till.shifts.void_parked(staff.cashier) == 0  # nothing left: nothing audited
    assert len(audit_rows(till, "parked_voided")) == 1
    z = till.shifts.close(staff.cashier, counts_for(OPENING_FLOAT))
    assert "parked_left" not in audit_rows(till, "shift_closed")[0].details
    assert z.z_number == 1
