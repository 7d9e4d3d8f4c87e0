"""Kazakh ↔ Russian letter folding for search."""

from forsell.domain.search_text import fold_kazakh, matches


def test_each_kazakh_letter_folds_to_its_russian_look_alike_in_both_cases() -> None:
    assert fold_kazakh("қғңөұүіәһ") == "кгноууиах"
    assert fold_kazakh("ҚҒҢӨҰҮІӘҺ") == "КГНОУУИАХ"
    assert fold_kazakh("Шырғанақ шырыны") == "Шырганак шырыны"


def test_a_name_typed_on_a_russian_layout_matches_the_kazakh_one_and_back() -> None:
    assert matches("шырганак", "Шырғанақ шырыны")
    assert matches("ШЫРҒАНАҚ", "шырганак")
    assert not matches("шырганак", "Шырын")
