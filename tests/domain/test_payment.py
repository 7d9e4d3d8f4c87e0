"""Paying a total: cash, card, or both; change is never negative."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from forsell.domain.errors import CashierError
from forsell.domain.money import MAX_TIYN
from forsell.domain.payment import Payment, PaymentMethod

amounts = st.integers(min_value=0, max_value=MAX_TIYN)


@given(amounts, amounts, amounts)
def test_a_settlement_covers_the_total_and_change_is_never_negative(
    total: int, cash: int, card: int
) -> None:
    try:
        s = Payment(cash, card).settle(total)
    except CashierError:
        return
    assert s.cash + s.card == total
    assert s.change >= 0
    assert s.tendered - s.change == s.cash
    assert s.card <= total


@given(amounts, st.integers(min_value=1, max_value=MAX_TIYN))
def test_card_above_total_is_refused(total: int, extra: int) -> None:
    assume(total + extra <= MAX_TIYN)
    with pytest.raises(CashierError) as error:
        Payment(card=total + extra).settle(total)
    assert error.value.key == "payment.card_over_total"


@given(st.integers(min_value=1, max_value=MAX_TIYN), st.data())
def test_short_tender_is_refused(total: int, data: st.DataObject) -> None:
    card = data.draw(st.integers(0, total - 1))
    cash = data.draw(st.integers(0, total - card - 1))
    with pytest.raises(CashierError) as error:
        Payment(cash, card).settle(total)
    assert error.value.key == "payment.short"


def test_methods_and_change() -> None:
    assert Payment(cash_tendered=200_000).settle(125_000).change == 75_000
    assert Payment(cash_tendered=200_000).settle(125_000).method is PaymentMethod.CASH
    assert Payment(card=125_000).settle(125_000).method is PaymentMethod.CARD
    split = Payment(cash_tendered=30_000, card=100_000).settle(125_000)
    assert (split.method, split.cash, split.card, split.change) == (
        PaymentMethod.SPLIT,
        25_000,
        100_000,
        5_000,
    )


def test_cash_on_top_of_a_full_card_payment_is_refused() -> None:
    with pytest.raises(CashierError) as error:
        Payment(cash_tendered=500, card=1000).settle(1000)
    assert error.value.key == "payment.cash_not_needed"


@pytest.mark.parametrize(("cash", "card"), [(-1, 0), (0, -1), (MAX_TIYN + 1, 0)])
def test_negative_or_huge_amounts_are_refused(cash: int, card: int) -> None:
    with pytest.raises(CashierError):
        Payment(cash, card).settle(1000)
