"""Counting the drawer and what should be in it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.domain.shift import DENOMINATIONS, DrawerFigures, counted_total


def test_denominations_are_kzt_notes_and_coins_in_tiyn() -> None:
    assert DENOMINATIONS[0] == 2_000_000 and DENOMINATIONS[-1] == 100
    assert list(DENOMINATIONS) == sorted(DENOMINATIONS, reverse=True)


def test_counted_total() -> None:
    assert counted_total({}) == 0
    assert counted_total({500_000: 2, 100_000: 3, 10_000: 1, 100: 7}) == 1_310_700
    assert counted_total({2_000_000: 0}) == 0


@given(st.dictionaries(st.sampled_from(DENOMINATIONS), st.integers(0, 10_000)))
def test_counted_total_is_the_sum_of_pieces(counts: dict[int, int]) -> None:
    assert counted_total(counts) == sum(d * n for d, n in counts.items())


@pytest.mark.parametrize(
    ("counts", "problem"),
    [
        ({300_000: 1}, "not a KZT denomination"),
        ({1: 5}, "not a KZT denomination"),
        ({100_000: -1}, "cannot be negative"),
    ],
)
def test_counted_total_refuses_odd_counts(counts: dict[int, int], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        counted_total(counts)


def test_drawer_expected() -> None:
    figures = DrawerFigures(
        opening_float=1_000_000,
        cash_sales=2_500_000,
        cash_refunds=300_000,
        cash_in=200_000,
        cash_out=1_500_000,
    )
    assert figures.expected == 1_900_000
    assert DrawerFigures(0, 0, 0, 0, 0).expected == 0
