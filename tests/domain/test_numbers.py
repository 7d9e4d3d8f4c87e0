"""One formatter for every number a person reads: the same separators for money, percentages,
quantities and scores, in the language asked for (ru/kk alike, English apart)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forsell.domain import numbers
from forsell.domain.money import format_kzt, parse_kzt
from forsell.domain.numbers import (
    NBSP,
    format_basis_points,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    format_score,
    format_share,
)


@pytest.fixture(autouse=True)
def _russian_afterwards() -> Iterator[None]:
    yield
    numbers.set_language("ru")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_russian_and_kazakh_write_a_comma_and_a_space_before_percent(language: str) -> None:
    assert format_money(123333, language) == f"1{NBSP}233,33{NBSP}₸"
    assert format_percent(95.0, language=language) == f"95{NBSP}%"
    assert format_score(95.0, language) == f"95{NBSP}%"
    assert format_percent(12.5, language=language) == f"12,5{NBSP}%"
    assert format_quantity(500, True, language, unit=True) == f"0,5{NBSP}кг"
    assert format_basis_points(1600, language) == f"16{NBSP}%"


def test_english_groups_with_a_comma_and_glues_percent() -> None:
    assert format_money(123333, "en") == f"1,233.33{NBSP}₸"
    assert format_percent(95.0, language="en") == "95%"
    assert format_basis_points(1250, "en") == "12.5%"
    assert format_quantity(1250, True, "en", unit=True) == f"1.25{NBSP}kg"
    assert format_number(1234567.891, 2, "en") == "1,234,567.89"


def test_a_score_of_95_point_0_is_not_written_95_point_0() -> None:
    """The defect: ``95.0 %`` beside ``1 233,33 ₸``."""
    assert "." not in format_score(95.0, "ru")
    assert format_percent(87.25, 1, "ru") == f"87,3{NBSP}%"  # half up, as a cashier rounds
    assert format_score(None) == "—"
    assert format_share(0.42, language="ru") == f"42{NBSP}%"


def test_quantities_pieces_stay_whole_and_weights_show_their_places() -> None:
    assert format_quantity(2000, False, "ru") == "2"
    assert format_quantity(350, True, "ru") == "0,35"
    assert format_quantity(350, True, "ru", exact=True) == "0,350"
    assert format_quantity(1500, False, "en") == "1.5"


def test_the_screens_language_is_the_default_and_money_follows_it() -> None:
    numbers.set_language("en")
    assert format_kzt(123333) == f"1,233.33{NBSP}₸"
    assert format_score(95.0) == "95%"
    numbers.set_language("kk")
    assert format_kzt(123333) == f"1{NBSP}233,33{NBSP}₸"
    numbers.set_language("xx")  # an unknown language writes as Russian does
    assert numbers.current_language() == "ru"


def test_an_amount_written_in_english_reads_back() -> None:
    for tiyn in (123333, 100, 99_999_999_99, 125000):
        assert parse_kzt(format_money(tiyn, "en", symbol=False)) == tiyn
        assert parse_kzt(format_money(tiyn, "ru", symbol=False)) == tiyn
    assert parse_kzt("1,25") == 125  # a Russian decimal comma is still tiyn
