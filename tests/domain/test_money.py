"""Money in tiyn: the printed form, parsing it back, and exact splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.domain.errors import CashierError
from forsell.domain.money import (
    MAX_TIYN,
    NBSP,
    allocate,
    div_round_half_up,
    format_kzt,
    parse_kzt,
    vat_included,
)

amounts = st.integers(min_value=0, max_value=MAX_TIYN)


@pytest.mark.parametrize(
    ("tiyn", "text"),
    [
        (0, "0\u00a0₸"),
        (100, "1\u00a0₸"),
        (125_000, "1\u00a0250\u00a0₸"),
        (125_050, "1\u00a0250,50\u00a0₸"),
        (5, "0,05\u00a0₸"),
        (100_000_000, "1\u00a0000\u00a0000\u00a0₸"),
        (-125_050, "-1\u00a0250,50\u00a0₸"),
        (-5, "-0,05\u00a0₸"),
    ],
)
def test_format_kzt_groups_with_no_break_spaces(tiyn: int, text: str) -> None:
    assert format_kzt(tiyn) == text


def test_format_kzt_without_symbol() -> None:
    assert format_kzt(125_050, symbol=False) == "1\u00a0250,50"
    assert " " not in format_kzt(123_456_789_00)  # never a breaking space inside an amount


@given(amounts)
def test_parse_reads_back_what_format_prints(tiyn: int) -> None:
    assert parse_kzt(format_kzt(tiyn)) == tiyn
    assert parse_kzt(format_kzt(tiyn, symbol=False)) == tiyn


@given(amounts)
def test_format_uses_only_nbsp_digits_and_comma(tiyn: int) -> None:
    text = format_kzt(tiyn, symbol=False)
    assert set(text) <= set("0123456789," + NBSP)
    whole = text.split(",")[0]
    assert all(len(g) == 3 for g in whole.split(NBSP)[1:])


@pytest.mark.parametrize(
    ("text", "tiyn"),
    [
        ("1 250,50", 125_050),
        ("1250.5", 125_050),
        ("1250 ₸", 125_000),
        ("1250тг", 125_000),
        ("  7 ", 700),
        ("0,05", 5),
        ("1000000000", MAX_TIYN),
        ("12 KZT", 1200),
    ],
)
def test_parse_kzt_accepts_what_people_type(text: str, tiyn: int) -> None:
    assert parse_kzt(text) == tiyn


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "12a",
        "1,2,3",
        "1.234",
        "--5",
        "-5",
        "-0,01",
        "1e5",
        "½",
        "₸",
        "²",
        "1000000000,01",
        "9999999999999",
        "NaN",
        "1 250,505",
    ],
)
def test_parse_kzt_rejects_junk_negative_and_too_large(text: str) -> None:
    with pytest.raises(CashierError) as error:
        parse_kzt(text)
    assert error.value.key in {"money.invalid", "money.out_of_range"}


@given(st.text(alphabet="0123456789,. -₸abc\u00a0", max_size=20))
def test_parse_kzt_either_gives_an_amount_in_range_or_a_cashier_error(text: str) -> None:
    try:
        value = parse_kzt(text)
    except CashierError:
        return
    assert 0 <= value <= MAX_TIYN


@given(
    st.integers(min_value=0, max_value=MAX_TIYN),
    st.lists(st.integers(min_value=0, max_value=MAX_TIYN), min_size=1, max_size=30),
)
def test_allocate_parts_add_up_exactly_and_are_proportional(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert len(parts) == len(weights)
    weight_sum = sum(weights)
    if weight_sum == 0:
        assert parts == [0] * len(weights)
        return
    assert sum(parts) == total
    for part, weight in zip(parts, weights, strict=True):
        exact_times_sum = total * weight  # exact share × weight_sum, kept in integers
        assert abs(part * weight_sum - exact_times_sum) < weight_sum  # within 1 tiyn
        assert part >= 0


def test_allocate_of_nothing() -> None:
    assert allocate(100, []) == []
    assert allocate(100, [0, 0]) == [0, 0]
    assert allocate(100, [1, 1, 1]) in ([34, 33, 33], [33, 34, 33], [33, 33, 34])


@given(
    st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=1, max_value=10**6)
)
def test_div_round_half_up_is_within_half(numerator: int, denominator: int) -> None:
    q = div_round_half_up(numerator, denominator)
    assert abs(q * denominator - numerator) * 2 <= denominator


def test_div_round_half_up_rounds_halves_away_from_zero() -> None:
    assert div_round_half_up(5, 2) == 3
    assert div_round_half_up(-5, 2) == -3
    assert div_round_half_up(4, 2) == 2
    with pytest.raises(ValueError, match="denominator must be positive"):
        div_round_half_up(1, 0)


@given(amounts, st.integers(min_value=0, max_value=10_000))
def test_vat_included_never_exceeds_the_amount(gross: int, rate_bp: int) -> None:
    vat = vat_included(gross, rate_bp)
    assert 0 <= vat <= gross


def test_vat_included_at_kazakh_rate() -> None:
    assert vat_included(11_600, 1600) == 1600  # 116 ₸ with 16 % VAT contains 16 ₸
    assert vat_included(11_200, 1200) == 1200
    assert vat_included(1000, 0) == 0
