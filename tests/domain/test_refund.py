"""Refunds of a line never exceed what the customer paid for it, and add up to it exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.domain.errors import CashierError
from forsell.domain.money import MAX_TIYN
from forsell.domain.refund import refund_amount, refundable_qty


@given(st.integers(0, MAX_TIYN), st.integers(1, 999_000), st.data())
def test_partial_refunds_never_exceed_the_net_and_the_last_one_empties_it(
    net: int, sold: int, data: st.DataObject
) -> None:
    refunded_qty = refunded = 0
    while refunded_qty < sold:
        qty = data.draw(st.integers(1, sold - refunded_qty))
        amount = refund_amount(net, sold, refunded_qty, refunded, qty)
        assert amount >= 0
        refunded_qty += qty
        refunded += amount
        assert refunded <= net
    assert refunded == net
    with pytest.raises(CashierError) as error:
        refund_amount(net, sold, refunded_qty, refunded, 1)
    assert error.value.key == "refund.too_much"


@given(st.integers(0, MAX_TIYN), st.integers(1, 999_000))
def test_refunding_everything_at_once_returns_exactly_the_net(net: int, sold: int) -> None:
    assert refund_amount(net, sold, 0, 0, sold) == net


def test_too_much_and_non_positive_quantities_are_refused() -> None:
    with pytest.raises(CashierError) as error:
        refund_amount(1000, 3000, 1000, 333, 2001)
    assert error.value.key == "refund.too_much"
    for qty in (0, -1000):
        with pytest.raises(CashierError) as error:
            refund_amount(1000, 3000, 0, 0, qty)
        assert error.value.key == "refund.qty_not_positive"


def test_refundable_qty() -> None:
    assert refundable_qty(3000, 1000) == 2000
    assert refundable_qty(3000, 3000) == 0
    assert refundable_qty(3000, 4000) == 0


def test_thirds_add_up() -> None:
    # 100 tiyn for 3 pieces: 33 + 33 + 34, never 33 × 3 = 99.
    assert refund_amount(100, 3000, 0, 0, 1000) == 33
    assert refund_amount(100, 3000, 1000, 33, 1000) == 33
    assert refund_amount(100, 3000, 2000, 66, 1000) == 34
