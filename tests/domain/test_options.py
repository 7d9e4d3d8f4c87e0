"""Product options: choosing them, the price they add, and the cart keeping them apart."""

from __future__ import annotations

import pytest

from forsell.domain.cart import Cart, CartLine, Discount, DiscountKind
from forsell.domain.errors import CashierError
from forsell.domain.options import (
    OptionGroup,
    ProductOption,
    choose,
    preselected,
    unit_price_with,
)
from forsell.domain.options_text import (
    OptionsTextError,
    format_option_groups,
    parse_option_groups,
)

MILK = OptionGroup(
    "g-milk",
    {"ru": "Молоко", "kk": "Сүт", "en": "Milk"},
    (
        ProductOption("regular", {"ru": "обычное"}, 0, preselected=True),
        ProductOption("oat", {"ru": "овсяное", "kk": "сұлы", "en": "oat"}, 20_000),
        ProductOption("lactose-free", {"ru": "безлактозное"}, 15_000),
    ),
    min_choices=1,
    max_choices=1,
)
SYRUP = OptionGroup(
    "g-syrup",
    {"ru": "Сироп"},
    (
        ProductOption("vanilla", {"ru": "ванильный"}, 25_000, "COF-020"),
        ProductOption("caramel", {"ru": "карамельный"}, 25_000, "COF-020"),
    ),
)
SIZE = OptionGroup(
    "g-size",
    {"ru": "Размер"},
    (ProductOption("s", {"ru": "S"}, -20_000), ProductOption("l", {"ru": "L"}, 30_000)),
    min_choices=1,
)
TOPPINGS = OptionGroup(
    "g-top",
    {"ru": "Топпинги"},
    tuple(ProductOption(f"t{i}", {"ru": f"топпинг {i}"}, 10_000) for i in range(4)),
    min_choices=0,
    max_choices=2,
)
LATTE_GROUPS = (MILK, SYRUP, SIZE, TOPPINGS)


def latte_line(options=()) -> CartLine:
    return CartLine(
        "p-latte",
        "COF-007",
        "",
        {"ru": "Латте"},
        unit_price_with(140_000, options),
        1000,
        1600,
        options=options,
    )


def test_the_unit_price_is_the_base_plus_the_deltas_including_negative_ones() -> None:
    chosen = choose(LATTE_GROUPS, ["oat", "vanilla", "s"])
    assert [o.option_id for o in chosen] == ["oat", "vanilla", "s"]
    assert unit_price_with(140_000, chosen) == 140_000 + 20_000 + 25_000 - 20_000
    assert chosen[0].name("kk") == "сұлы" and chosen[0].group_name("en") == "Milk"


def test_a_required_group_must_be_answered() -> None:
    with pytest.raises(CashierError) as error:
        choose(LATTE_GROUPS, ["regular"])  # no size
    assert error.value.key == "options.required"
    assert error.value.params["group"] == "Размер"


def test_a_single_choice_group_takes_one_and_a_multiple_one_its_maximum() -> None:
    with pytest.raises(CashierError) as error:
        choose(LATTE_GROUPS, ["regular", "oat", "l"])
    assert error.value.key == "options.too_many_chosen"
    assert len(choose(LATTE_GROUPS, ["regular", "l", "t0", "t1"])) == 4
    with pytest.raises(CashierError) as error:
        choose(LATTE_GROUPS, ["regular", "l", "t0", "t1", "t2"])
    assert error.value.params == {"group": "Топпинги", "max": 2}


def test_an_option_of_another_product_is_refused() -> None:
    with pytest.raises(CashierError) as error:
        choose((MILK,), ["regular", "vanilla"])
    assert error.value.key == "options.unknown"


def test_preselected_options_answer_their_group() -> None:
    assert preselected(LATTE_GROUPS) == ["regular"]
    assert [o.option_id for o in choose((MILK, SYRUP), preselected((MILK, SYRUP)))] == ["regular"]


def test_impossible_limits_are_refused() -> None:
    with pytest.raises(CashierError) as error:
        OptionGroup("g", {"ru": "x"}, (ProductOption("a", {"ru": "a"}),), 0, 2)
    assert error.value.key == "options.bad_limits"
    with pytest.raises(CashierError):
        OptionGroup("g", {"ru": "x"}, (ProductOption("a", {"ru": "a"}),), 2, 1)


def test_options_cannot_take_the_price_to_zero() -> None:
    cheap = OptionGroup("g", {"ru": "x"}, (ProductOption("minus", {"ru": "m"}, -50_000),))
    with pytest.raises(CashierError) as error:
        unit_price_with(50_000, choose((cheap,), ["minus"]))
    assert error.value.key == "options.price_not_positive"


def test_the_cart_keeps_a_latte_with_oat_milk_apart_from_a_plain_one() -> None:
    cart = Cart()
    oat = choose(LATTE_GROUPS, ["oat", "l"])
    plain = choose(LATTE_GROUPS, ["regular", "l"])
    cart.add(latte_line(oat))
    assert cart.add(latte_line(oat)) == 0  # the same drink again: one more on its line
    assert cart.add(latte_line(plain)) == 1
    assert [(l.qty_milli, l.unit_price) for l in cart.lines] == [(2000, 190_000), (1000, 170_000)]
    assert cart.totals().total == 2 * 190_000 + 170_000


def test_discounts_and_vat_apply_to_the_price_with_options() -> None:
    cart = Cart()
    cart.add(latte_line(choose(LATTE_GROUPS, ["oat", "vanilla", "l"])))  # 2 150 ₸
    cart.set_line_discount(0, Discount(DiscountKind.PERCENT, 1000))
    totals = cart.totals()
    assert totals.lines[0].gross == 215_000
    assert totals.total == 193_500
    assert totals.vat == 26_690  # 16 % contained in 1 935 ₸: 266,90 ₸


def test_editing_a_lines_options_moves_its_price_by_the_difference() -> None:
    cart = Cart()
    cart.add(latte_line(choose(LATTE_GROUPS, ["regular", "l"])))
    cart.set_price(0, 160_000)  # overridden: 1 600 ₸ with regular milk and size L
    cart.set_options(0, choose(LATTE_GROUPS, ["oat", "l"]))
    line = cart.lines[0]
    assert line.unit_price == 180_000 and line.price_overridden
    assert [o.option_id for o in line.options] == ["oat", "l"]
    cart.set_options(0, choose(LATTE_GROUPS, ["regular", "s"]))
    assert cart.lines[0].unit_price == 160_000 - 30_000 - 20_000


def test_a_cell_reads_back_what_it_was_written_from() -> None:
    cell = (
        "Молоко/Сүт/Milk [1]: обычное/кәдімгі/regular*, овсяное/сұлы/oat +200, "
        "безлактозное +150; Сироп [0-1]: ваниль +250 #COF-020, карамель +2.50; "
        "Размер [1]: S -200, L +300; Топпинги [0-2]: a +100, b +100, c"
    )
    groups = parse_option_groups(cell)
    assert [(g.names["ru"], g.min_choices, g.max_choices) for g in groups] == [
        ("Молоко", 1, 1),
        ("Сироп", 0, 1),
        ("Размер", 1, 1),
        ("Топпинги", 0, 2),
    ]
    milk = groups[0]
    assert milk.names == {"ru": "Молоко", "kk": "Сүт", "en": "Milk"}
    assert [(o.names["en"], o.price_delta, o.preselected) for o in milk.options] == [
        ("regular", 0, True),
        ("oat", 20_000, False),
        ("", 15_000, False),
    ]
    syrup = groups[1].options
    assert (syrup[0].sku, syrup[1].price_delta) == ("COF-020", 250)
    assert groups[2].options[0].price_delta == -20_000
    again = parse_option_groups(format_option_groups(groups))
    strip = lambda gs: [  # noqa: E731 - ids are new on every read
        (
            g.names,
            g.min_choices,
            g.max_choices,
            [(o.names, o.price_delta, o.sku, o.preselected) for o in g.options],
        )
        for g in gs
    ]
    assert strip(again) == strip(groups)


@pytest.mark.parametrize(
    ("cell", "code", "params"),
    [
        ("Молоко обычное, овсяное", "csv.options_syntax", {"part": "Молоко обычное, овсяное"}),
        ("Молоко [1-x]: a", "csv.options_syntax", {"part": "Молоко [1-x]"}),
        ("Молоко: овсяное +2OO", "csv.options_amount", {"text": "+2OO"}),
        ("Молоко: овсяное +200,50, b", "csv.options_amount", {"text": "+200,50"}),
        (
            "Молоко [4]: a, b, c",
            "csv.options_limits",
            {"group": "Молоко", "min": 4, "max": 4, "count": 3},
        ),
        (
            "Молоко [0-3]: a, b",
            "csv.options_limits",
            {"group": "Молоко", "min": 0, "max": 3, "count": 2},
        ),
        ("Молоко/Сүт/Milk/Extra: a", "csv.options_names", {"part": "Молоко/Сүт/Milk/Extra"}),
    ],
)
def test_a_bad_cell_says_which_part_is_wrong(cell: str, code: str, params: dict) -> None:
    with pytest.raises(OptionsTextError) as error:
        parse_option_groups(cell)
    assert error.value.key == code
    assert error.value.params == params


def test_the_preselected_mark_may_touch_the_name_or_the_price() -> None:
    [size] = parse_option_groups("Размер [1]: S -100*, M*, L * +300 #SIZE-L")
    assert [(o.names["ru"], o.price_delta, o.preselected, o.sku) for o in size.options] == [
        ("S", -10_000, True, ""),
        ("M", 0, True, ""),
        ("L", 30_000, True, "SIZE-L"),
    ]
