"""Transactional outbox: each business change leaves exactly one row, written with the change."""

from __future__ import annotations

from collections import Counter

from forsell.domain.payment import Payment
from forsell.services.app import Till
from forsell.store.models import AuditEntry, CashMovement, Refund, Sale, Shift

from .conftest import OPENING_FLOAT, Products, Staff, count, counts_for, outbox_rows


def test_a_whole_shift_leaves_one_row_per_change(
    till: Till, staff: Staff, products: Products
) -> None:
    opened = till.shifts.open(staff.cashier, OPENING_FLOAT)
    sale = till.sale_for(staff.cashier)
    receipts = []
    for _ in range(3):
        sale.scan(products.bread.barcode)
        receipts.append(sale.pay(Payment(cash_tendered=25_000)))
    refund = till.refunds.refund(
        staff.supervisor, receipts[0].sale_id, {receipts[0].lines[0].line_id: 1000}, "cash"
    )
    till.shifts.cash_movement(staff.cashier, -10_000, "сдача")
    z = till.shifts.close(staff.cashier, counts_for(till.shifts.expected_cash()))

    jobs = outbox_rows(till)
    kinds = Counter(j.kind for j in jobs)
    assert kinds["sale"] == count(till, Sale) == 3
    assert kinds["refund"] == count(till, Refund) == 1
    assert kinds["cash_movement"] == count(till, CashMovement) == 1
    assert kinds["shift_opened"] == kinds["shift_closed"] == count(till, Shift) == 1
    assert kinds["audit"] == count(till, AuditEntry)
    by_entity = Counter((j.kind, j.entity_id) for j in jobs)
    assert all(n == 1 for n in by_entity.values())  # never twice for the same change
    assert {r.sale_id for r in receipts} == {e for k, e in by_entity if k == "sale"}
    assert ("refund", refund.id) in by_entity
    assert ("shift_opened", opened.id) in by_entity and ("shift_closed", z.shift_id) in by_entity
    assert {j.state for j in jobs} == {"pending"} and {j.lane for j in jobs} == {"business"}
