"""Upsell linking sees product options: an offered syrup, a bigger size or an extra shot that
became an option of the receipt's latte is a converted offer, with the option's price as its
extra revenue (``upsell.option_items``)."""

from __future__ import annotations

from forsell.analytics import Receipt, ReceiptLine, Scorer, formats
from forsell.analytics.upsell import option_items
from forsell.domain.options import ChosenOption

from .conftest import talk

SYRUP = {"ru": "Сироп", "kk": "Шәрбат", "en": "Syrup"}
VANILLA = ChosenOption(
    "g-syrup", "vanilla", SYRUP, {"ru": "ванильный", "kk": "ванильді", "en": "vanilla"}, 25_000
)
SIZE_L = ChosenOption(
    "g-size", "l", {"ru": "Размер", "en": "Size"}, {"ru": "L 400 мл", "en": "L 400 ml"}, 30_000
)
#: As in the demo café: «Добавка» tells the scorer the add-on is called by the other words.
EXTRA_SHOT = ChosenOption("g-extra", "shot", {"ru": "Добавка"}, {"ru": "эспрессо шот"}, 30_000)
REGULAR_MILK = ChosenOption("g-milk", "regular", {"ru": "Молоко"}, {"ru": "обычное"}, 0)


def latte_at(at: float, *options: ChosenOption) -> Receipt:
    latte = ReceiptLine("COF-007", "Латте 300 мл", 1, 140_000, at, "Кофе", {"ru": "Латте 300 мл"})
    return Receipt((latte, *option_items(latte, options)))


def upsell(scorer: Scorer, said: str, receipt: Receipt):
    t = talk(("c", 0, "Здравствуйте"), ("u", 2, "Латте"), ("c", 4, said), ("u", 6, "Давайте"))
    # As the till scores a sale: the receipt's own items are names the offer may use.
    return scorer.score(t, receipt, confirmed=True, catalog=formats.receipt_catalog(receipt)).upsell


def test_option_items_are_named_by_group_and_option_and_bring_their_price() -> None:
    latte = ReceiptLine("COF-007", "Латте 300 мл", 2, 140_000, 7.0, "Кофе")
    items = option_items(latte, [REGULAR_MILK, VANILLA, SIZE_L])
    assert [(i.sku, i.name, i.price, i.amount, i.added_at) for i in items] == [
        ("COF-007+vanilla", "Сироп ванильный", 25_000, 50_000, 7.0),
        ("COF-007+l", "Размер L 400 мл", 30_000, 60_000, 7.0),
    ]  # regular milk costs nothing extra: not an item
    assert items[0].names == {
        "ru": "Сироп ванильный",
        "kk": "Шәрбат ванильді",
        "en": "Syrup vanilla",
    }


def test_an_offered_syrup_chosen_as_an_option_is_a_conversion(cafe_scorer: Scorer) -> None:
    said = "Может, сироп добавить?"
    up = upsell(cafe_scorer, said, latte_at(7.0, VANILLA))
    assert up.conversions == 1 and up.extra_revenue == 25_000
    assert upsell(cafe_scorer, said, latte_at(7.0)).conversions == 0  # the same, without it


def test_an_offered_extra_shot_chosen_as_an_option_is_a_conversion(cafe_scorer: Scorer) -> None:
    said = "Может, дополнительный шот эспрессо добавить?"
    up = upsell(cafe_scorer, said, latte_at(7.0, EXTRA_SHOT))
    assert up.conversions == 1 and up.extra_revenue == 30_000
    assert upsell(cafe_scorer, said, latte_at(7.0)).conversions == 0
