"""Ringing up sales: scanning, discounts and approvals, parking, and the atomic payment."""

from __future__ import annotations

import sqlite3

import pytest

from forsell.domain.cart import Discount, DiscountKind
from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.payment import Payment
from forsell.domain.roles import Action
from forsell.services.app import Till, open_till
from forsell.store.models import Sale, SaleLine

from .conftest import PINS, Clock, Products, Staff, audit_rows, count, outbox_rows

pytestmark = pytest.mark.usefixtures("shift")


def test_scan_adds_one_piece_and_counts_up(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    view = sale.scan(f" {products.bread.barcode}\n")
    assert [(line.sku, line.qty_milli, line.gross) for line in view.lines] == [
        ("T-BREAD", 2000, 50_000)
    ]
    assert view.lines[0].name == "Хлеб пшеничный тестовый"
    assert view.total == 50_000


def test_cart_speaks_the_cashiers_language(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.supervisor)  # language kk
    assert sale.scan(products.milk.barcode).lines[0].name == "Сынақ пастерленген сүт"


def test_unknown_barcode(till: Till, staff: Staff) -> None:
    sale = till.sale_for(staff.cashier)
    with pytest.raises(CashierError) as error:
        sale.scan("4006381333931 ")
    assert error.value.key == "scan.unknown"
    assert error.value.params == {"code": "4006381333931"}
    assert sale.view().empty


def test_weighted_item_by_weight(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.cashier)
    with pytest.raises(CashierError) as error:
        sale.scan(products.cheese.barcode)
    assert error.value.key == "scan.needs_weight"
    view = sale.add(products.cheese, 350)  # 350 g at 5 200 ₸/kg
    assert (view.lines[0].qty_milli, view.lines[0].gross, view.lines[0].weighted) == (
        350,
        182_000,
        True,
    )
    view = sale.add(products.cheese, 1)  # weighed again: a second line, never merged
    assert [line.gross for line in view.lines] == [182_000, 520]
    with pytest.raises(CashierError) as error:
        sale.add(products.cheese, 100_000)
    assert error.value.key == "qty.too_heavy"
    receipt = sale.pay(Payment(cash_tendered=200_000))
    assert [(line.qty_milli, line.weighted) for line in receipt.lines] == [(350, True), (1, True)]


def test_bad_quantities_change_nothing(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    before = sale.view()
    for qty, key in [
        (0, "qty.not_positive"),
        (-1000, "qty.not_positive"),
        (1500, "qty.not_whole"),
        (10**9, "qty.too_many"),
    ]:
        with pytest.raises(CashierError) as error:
            sale.set_quantity(0, qty)
        assert error.value.key == key
    assert sale.view() == before
    assert sale.set_quantity(0, 3000).total == 75_000


def test_selling_needs_an_open_shift(till: Till, staff: Staff, products: Products) -> None:
    till.shifts.close(staff.cashier, {1_000_000: 1})
    sale = till.sale_for(staff.cashier)
    with pytest.raises(CashierError) as error:
        sale.scan(products.bread.barcode)
    assert error.value.key == "shift.not_open"


def test_receipt_numbers_are_gapless(till: Till, staff: Staff, products: Products) -> None:
    numbers = []
    for i in range(25):
        sale = till.sale_for(staff.cashier if i % 2 else staff.cashier2)
        sale.scan(products.water.barcode)
        if i % 5 == 0:
            with pytest.raises(CashierError):  # a refused payment must not use up a number
                sale.pay(Payment(cash_tendered=100))
        numbers.append(sale.pay(Payment(cash_tendered=15_000)).receipt_no)
    assert numbers == list(range(1, 26))
    with till.ctx.db.read() as session:
        stored = sorted(session.scalars(Sale.__table__.select().with_only_columns(Sale.receipt_no)))
    assert stored == list(range(1, 26))


def test_payment_writes_sale_lines_and_one_outbox_row(
    till: Till, staff: Staff, products: Products
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.bread.barcode)
    sale.scan(products.milk.barcode)
    before = len(outbox_rows(till))
    receipt = sale.pay(Payment(cash_tendered=100_000))
    after = outbox_rows(till)
    assert len(after) == before + 1
    job = after[-1]
    assert (job.kind, job.entity_id, job.lane, job.state) == (
        "sale",
        receipt.sale_id,
        "business",
        "pending",
    )
    assert job.payload["total"] == receipt.total == 95_050
    assert [line["sku"] for line in job.payload["lines"]] == ["T-BREAD", "T-MILK"]
    assert (receipt.change, receipt.method) == (4_950, "cash")
    assert receipt.vat_by_rate == {1600: 6_897, 1200: 4_827}
    assert receipt.code.startswith("29") and receipt.created_at.utcoffset() is not None
    assert sale.view().empty  # the next customer starts with an empty cart


@pytest.mark.parametrize(
    "payment", [Payment(cash_tendered=100), Payment(card=10**6), Payment(cash_tendered=-5)]
)
def test_refused_payment_writes_neither_sale_nor_outbox(
    till: Till, staff: Staff, products: Products, payment: Payment
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sales, jobs = count(till, Sale), len(outbox_rows(till))
    with pytest.raises(CashierError):
        sale.pay(payment)
    assert (count(till, Sale), len(outbox_rows(till))) == (sales, jobs)
    assert len(sale.view().lines) == 1  # the cart is still there to pay again


def test_failing_outbox_write_rolls_back_the_sale(
    till: Till, staff: Staff, products: Products
) -> None:
    """The outbox row and the sale commit together: if the outbox insert fails, no sale."""
    sale = till.sale_for(staff.cashier)
    sale.scan(products.water.barcode)
    first = sale.pay(Payment(cash_tendered=15_000))
    sale.scan(products.bread.barcode)
    raw = sqlite3.connect(till.ctx.db.path)
    raw.execute(
        "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'outbox is full'); END"
    )
    raw.commit()
    sales, lines, jobs = count(till, Sale), count(till, SaleLine), len(outbox_rows(till))
    with pytest.raises(Exception, match="outbox is full"):
        sale.pay(Payment(cash_tendered=25_000))
    assert (count(till, Sale), count(till, SaleLine), len(outbox_rows(till))) == (
        sales,
        lines,
        jobs,
    )
    raw.execute("DROP TRIGGER outbox_full")
    raw.commit()
    raw.close()
    assert sale.pay(Payment(cash_tendered=25_000)).receipt_no == first.receipt_no + 1


def test_card_and_split_payments(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    card = sale.pay(Payment(card=25_000, card_reference="RRN 123456"))
    assert (card.method, card.card, card.cash, card.change, card.card_reference) == (
        "card",
        25_000,
        0,
        0,
        "RRN 123456",
    )
    sale.scan(products.bread.barcode)
    split = sale.pay(Payment(cash_tendered=10_000, card=20_000))
    assert (split.method, split.card, split.cash, split.change) == ("split", 20_000, 5_000, 5_000)
    sale.scan(products.bread.barcode)
    with pytest.raises(CashierError) as error:
        sale.pay(Payment(card=30_000))
    assert error.value.key == "payment.card_over_total"


def test_empty_cart_cannot_be_paid(till: Till, staff: Staff) -> None:
    with pytest.raises(CashierError) as error:
        till.sale_for(staff.cashier).pay(Payment(cash_tendered=100))
    assert error.value.key == "pay.empty"


def test_line_removal_is_audited(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.milk.barcode)
    view = sale.remove_line(0)
    assert [line.sku for line in view.lines] == ["T-MILK"]
    [entry] = audit_rows(till, "line_removed")
    assert entry.employee_id == staff.cashier.id
    assert entry.details == {"sku": "T-BREAD", "qty_milli": 1000, "amount": 25_000}
    sale.cancel()
    [cancelled] = audit_rows(till, "sale_cancelled")
    assert cancelled.details == {"lines": 1, "total": 45_050}


# --- discounts and overrides ----------------------------------------------------------------


def test_cashier_discount_within_the_limit(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    view = sale.set_line_discount(0, Discount(DiscountKind.PERCENT, 1000))  # exactly 10 %
    assert view.total == 22_500
    view = sale.set_line_discount(0, Discount(DiscountKind.AMOUNT, 2_500))
    assert view.total == 22_500


def test_cashier_discount_above_the_limit_needs_approval(
    till: Till, staff: Staff, products: Products
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    for discount in (Discount(DiscountKind.PERCENT, 1001), Discount(DiscountKind.AMOUNT, 2_501)):
        with pytest.raises(NeedsApproval) as error:
            sale.set_line_discount(0, discount)
        assert error.value.action == Action.DISCOUNT_OVER_LIMIT.value
        assert error.value.key == "approval.discount_over_limit"
    with pytest.raises(NeedsApproval):
        sale.set_receipt_discount(Discount(DiscountKind.PERCENT, 2000))
    assert sale.view().total == 25_000  # nothing changed
    wrong = till.staff.approve(PINS["supervisor"], Action.PRICE_OVERRIDE, staff.cashier.id)
    with pytest.raises(NeedsApproval):
        sale.set_line_discount(0, Discount(DiscountKind.PERCENT, 5000), approval=wrong)
    approval = till.staff.approve(PINS["supervisor"], Action.DISCOUNT_OVER_LIMIT, staff.cashier.id)
    assert (
        sale.set_line_discount(0, Discount(DiscountKind.PERCENT, 5000), approval=approval).total
        == 12_500
    )


def test_line_and_receipt_discounts_together_count_against_the_limit(
    till: Till, staff: Staff, products: Products
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.set_line_discount(0, Discount(DiscountKind.PERCENT, 800))
    with pytest.raises(NeedsApproval):
        sale.set_receipt_discount(Discount(DiscountKind.PERCENT, 500))  # 8 % + 5 % of the rest


def test_supervisor_has_no_discount_limit(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.supervisor)
    sale.scan(products.bread.barcode)
    sale.scan(products.milk.barcode)
    view = sale.set_receipt_discount(Discount(DiscountKind.PERCENT, 10_000))
    assert view.total == 0 and view.discount == view.subtotal
    receipt = sale.pay(Payment())
    assert (receipt.total, receipt.change) == (0, 0)


def test_price_override_needs_approval_and_is_audited(
    till: Till, staff: Staff, products: Products
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    with pytest.raises(NeedsApproval) as error:
        sale.override_price(0, 20_000)
    assert error.value.action == "price_override"
    assert sale.view().lines[0].unit_price == 25_000
    approval = till.staff.approve(PINS["admin"], Action.PRICE_OVERRIDE, staff.cashier.id)
    view = sale.override_price(0, 20_000, approval=approval)
    assert (view.lines[0].unit_price, view.lines[0].price_overridden) == (20_000, True)
    [entry] = audit_rows(till, "price_override")
    assert entry.details == {
        "sku": "T-BREAD",
        "old": 25_000,
        "new": 20_000,
        "approver_id": staff.admin.id,
    }
    [override] = audit_rows(till, "override")
    assert override.details["override"] == "price_override"
    receipt = sale.pay(Payment(cash_tendered=20_000))
    assert receipt.total == 20_000


def test_supervisor_overrides_price_alone(till: Till, staff: Staff, products: Products) -> None:
    sale = till.sale_for(staff.supervisor)
    sale.scan(products.bread.barcode)
    assert sale.override_price(0, 1).total == 1


# --- parking --------------------------------------------------------------------------------


def test_park_and_recall_survive_reopening_the_till(
    till: Till, staff: Staff, products: Products, data_dir, clock: Clock
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.bread.barcode)
    sale.add(products.cheese, 275)
    sale.set_line_discount(0, Discount(DiscountKind.PERCENT, 500))
    sale.set_receipt_discount(Discount(DiscountKind.AMOUNT, 1_000))
    before = sale.view()
    assert sale.park("Стол 4").empty
    till.close()

    again = open_till(data_dir, clock=clock)
    try:
        other = again.sale_for(staff.cashier)
        [parked] = other.parked()
        assert (parked.label, parked.total, parked.items) == ("Стол 4", before.total, 2)
        other.scan(products.water.barcode)
        with pytest.raises(CashierError) as error:
            other.recall(parked.id)
        assert error.value.key == "park.cart_not_empty"
        other.cancel()
        assert other.recall(parked.id) == before
        assert other.parked() == []
        assert other.pay(Payment(cash_tendered=before.total)).total == before.total
        with pytest.raises(CashierError) as error:
            other.recall(parked.id)  # recalled once, then gone
        assert error.value.key == "park.unknown"
    finally:
        again.close()


def test_a_recalled_sale_cut_off_by_a_crash_is_parked_again_at_the_next_start(
    till: Till, staff: Staff, products: Products, data_dir, clock: Clock
) -> None:
    """It used to be deleted at recall: a kill before payment lost the customer's cart."""
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.park("Стол 7")
    [parked] = sale.parked()
    sale.recall(parked.id)
    assert sale.parked() == []  # in the cart now, not in the list
    other = till.sale_for(staff.supervisor)  # another login on the same till meanwhile
    assert other.parked() == []
    with pytest.raises(CashierError) as error:
        other.recall(parked.id)  # cannot be taken twice
    assert error.value.key == "park.unknown"
    till.close()  # the crash: no payment, no cancel

    again = open_till(data_dir, clock=clock)
    try:
        back = again.sale_for(staff.cashier)
        assert [(p.id, p.label) for p in back.parked()] == [(parked.id, "Стол 7")]
        back.recall(parked.id)
        back.park("Стол 7, позже")  # parked again: still one row
        assert [p.label for p in back.parked()] == ["Стол 7, позже"]
        [again_parked] = back.parked()
        back.recall(again_parked.id)
        back.cancel()  # the customer left: the parked cart goes with the cancel
        assert back.parked() == []
    finally:
        again.close()


def test_empty_cart_cannot_be_parked(till: Till, staff: Staff) -> None:
    with pytest.raises(CashierError) as error:
        till.sale_for(staff.cashier).park()
    assert error.value.key == "park.empty"
