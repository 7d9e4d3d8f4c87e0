"""Cart arithmetic: totals, VAT, discounts, quantities, and overflow that changes nothing."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.domain.cart import (
    MAX_PIECES_MILLI,
    MAX_WEIGHT_MILLI,
    Cart,
    CartLine,
    Discount,
    DiscountKind,
    check_quantity,
    compute_totals,
)
from forsell.domain.errors import CashierError
from forsell.domain.money import MAX_TIYN

VAT_RATES = [0, 1200, 1600]


def line(
    pid: str = "p1",
    price: int = 50_000,
    qty: int = 1000,
    vat: int = 1600,
    weighted: bool = False,
    discount: Discount | None = None,
) -> CartLine:
    return CartLine(
        pid, f"SKU-{pid}", "", {"ru": f"Товар {pid}"}, price, qty, vat, weighted, discount
    )


discounts = st.one_of(
    st.none(),
    st.builds(Discount, st.just(DiscountKind.PERCENT), st.integers(0, 10_000)),
    st.builds(Discount, st.just(DiscountKind.AMOUNT), st.integers(0, 10_000_000)),
)


@st.composite
def cart_lines(draw) -> CartLine:
    weighted = draw(st.booleans())
    qty = draw(st.integers(1, MAX_WEIGHT_MILLI)) if weighted else draw(st.integers(1, 50)) * 1000
    return line(
        pid=str(draw(st.integers(0, 10**6))),
        price=draw(st.integers(0, 5_000_000)),
        qty=qty,
        vat=draw(st.sampled_from(VAT_RATES)),
        weighted=weighted,
        discount=draw(discounts),
    )


lines_lists = st.lists(cart_lines(), min_size=0, max_size=12)


@given(lines_lists, discounts)
def test_line_totals_sum_to_the_cart_total(lines: list[CartLine], receipt: Discount | None) -> None:
    totals = compute_totals(lines, receipt)
    assert sum(t.net for t in totals.lines) == totals.total
    assert totals.subtotal == sum(t.gross for t in totals.lines)
    assert totals.subtotal - totals.discount == totals.total
    assert sum(t.line_discount + t.receipt_discount for t in totals.lines) == totals.discount


@given(lines_lists, discounts)
def test_vat_by_rate_adds_up_to_line_vat_and_stays_within_net(
    lines: list[CartLine], receipt: Discount | None
) -> None:
    totals = compute_totals(lines, receipt)
    assert totals.vat == sum(t.vat for t in totals.lines)
    for rate in totals.vat_by_rate:
        rate_lines = [t for t, cl in zip(totals.lines, lines, strict=True) if cl.vat_bp == rate]
        assert totals.vat_by_rate[rate] == sum(t.vat for t in rate_lines)
    for t in totals.lines:
        assert 0 <= t.vat <= t.net


@given(lines_lists, discounts)
def test_discounts_never_make_a_line_negative(
    lines: list[CartLine], receipt: Discount | None
) -> None:
    totals = compute_totals(lines, receipt)
    for t in totals.lines:
        assert 0 <= t.line_discount <= t.gross
        assert t.net >= 0
        assert t.receipt_discount >= 0
    assert totals.total >= 0


def test_known_receipt() -> None:
    cart = Cart()
    cart.add(line("a", price=90_000, vat=1600))  # 900 ₸
    cart.add(line("a", price=90_000, vat=1600))  # scanned again: the last line counts up
    cart.add(line("b", price=12_345, qty=1500, vat=1200, weighted=True))  # 1.5 kg × 123,45
    totals = cart.totals()
    assert [cl.qty_milli for cl in cart.lines] == [2000, 1500]
    assert [t.gross for t in totals.lines] == [180_000, 18_518]  # 18 517.5 rounds half up
    assert totals.total == 198_518
    assert totals.vat_by_rate == {1600: 24_828, 1200: 1_984}


def test_percent_and_amount_discounts() -> None:
    cart = Cart([line("a", price=10_000), line("b", price=30_000)])
    cart.set_line_discount(0, Discount(DiscountKind.PERCENT, 1000))  # 10 % of 100 ₸
    cart.set_receipt_discount(Discount(DiscountKind.AMOUNT, 3_900))
    totals = cart.totals()
    assert totals.lines[0].line_discount == 1000
    assert sum(t.receipt_discount for t in totals.lines) == 3_900
    assert totals.total == 40_000 - 1000 - 3_900


def test_amount_discount_larger_than_the_line_stops_at_zero() -> None:
    cart = Cart([line(price=5_000, discount=Discount(DiscountKind.AMOUNT, 1_000_000))])
    assert cart.totals().total == 0


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (DiscountKind.PERCENT, -1),
        (DiscountKind.PERCENT, 10_001),
        (DiscountKind.AMOUNT, -5),
        (DiscountKind.AMOUNT, MAX_TIYN + 1),
    ],
)
def test_impossible_discounts_are_refused(kind: DiscountKind, value: int) -> None:
    with pytest.raises(CashierError):
        Discount(kind, value)


@pytest.mark.parametrize(
    ("qty", "weighted", "key"),
    [
        (0, False, "qty.not_positive"),
        (-1000, False, "qty.not_positive"),
        (0, True, "qty.not_positive"),
        (-1, True, "qty.not_positive"),
        (1500, False, "qty.not_whole"),
        (1, False, "qty.not_whole"),
        (MAX_PIECES_MILLI + 1000, False, "qty.too_many"),
        (10**12, False, "qty.too_many"),
        (MAX_WEIGHT_MILLI + 1, True, "qty.too_heavy"),
        (10**9, True, "qty.too_heavy"),
    ],
)
def test_bad_quantities_are_refused(qty: int, weighted: bool, key: str) -> None:
    with pytest.raises(CashierError) as error:
        check_quantity(qty, weighted)
    assert error.value.key == key
    cart = Cart([line(weighted=weighted, qty=1000)])
    before = copy.deepcopy(cart)
    with pytest.raises(CashierError):
        cart.set_quantity(0, qty)
    assert cart == before
    with pytest.raises(CashierError):
        Cart().add(line(weighted=weighted, qty=qty))


def test_good_quantities_pass() -> None:
    assert check_quantity(1000, False) == 1000
    assert check_quantity(MAX_PIECES_MILLI, False) == MAX_PIECES_MILLI
    assert check_quantity(1, True) == 1
    assert check_quantity(MAX_WEIGHT_MILLI, True) == MAX_WEIGHT_MILLI


def test_adding_over_the_piece_limit_by_repeated_scans_is_refused() -> None:
    cart = Cart([line(qty=MAX_PIECES_MILLI)])
    with pytest.raises(CashierError) as error:
        cart.add(line(qty=1000))
    assert error.value.key == "qty.too_many"
    assert cart.lines[0].qty_milli == MAX_PIECES_MILLI and len(cart.lines) == 1


def _expensive_cart() -> Cart:
    # 999 pieces at 10 million tenge each is far above MAX_TIYN; 99 at that price is below.
    return Cart([line("a", price=MAX_TIYN // 100, qty=99_000)])


def test_overflow_on_add_changes_nothing() -> None:
    cart = _expensive_cart()
    before = copy.deepcopy(cart)
    with pytest.raises(CashierError) as error:
        cart.add(line("b", price=MAX_TIYN, qty=1000))
    assert error.value.key == "cart.total_too_large"
    assert cart == before


def test_overflow_on_quantity_and_price_changes_nothing() -> None:
    cart = _expensive_cart()
    before = copy.deepcopy(cart)
    with pytest.raises(CashierError):
        cart.set_quantity(0, 999_000)
    with pytest.raises(CashierError):
        cart.set_price(0, MAX_TIYN)
    with pytest.raises(CashierError):
        cart.add(line("a", price=MAX_TIYN // 100, qty=5000))  # merges into line 0
    assert cart == before
    with pytest.raises(CashierError):
        cart.set_price(0, MAX_TIYN + 1)  # above the single-amount limit
    assert cart == before


def test_receipt_discount_is_checked_before_it_is_set() -> None:
    cart = Cart([line()])
    cart.set_receipt_discount(Discount(DiscountKind.PERCENT, 500))
    assert cart.receipt_discount == Discount(DiscountKind.PERCENT, 500)
    cart.clear()
    assert cart.lines == [] and cart.receipt_discount is None


def test_price_override_keeps_the_line_separate() -> None:
    cart = Cart([line("a", price=1000)])
    cart.set_price(0, 800)
    cart.add(line("a", price=1000))
    assert [(cl.unit_price, cl.price_overridden) for cl in cart.lines] == [
        (800, True),
        (1000, False),
    ]


def test_weighted_lines_never_merge() -> None:
    cart = Cart()
    cart.add(line("w", weighted=True, qty=350))
    cart.add(line("w", weighted=True, qty=420))
    assert [cl.qty_milli for cl in cart.lines] == [350, 420]


def test_remove_returns_the_line() -> None:
    cart = Cart([line("a"), line("b")])
    assert cart.remove(0).product_id == "a"
    assert [cl.product_id for cl in cart.lines] == ["b"]


def test_line_name_falls_back_to_russian() -> None:
    cl = CartLine("p", "S", "", {"ru": "Хлеб", "kk": "Нан"}, 100, 1000, 0)
    assert cl.name("kk") == "Нан" and cl.name("en") == "Хлеб"
