"""Upsell offers by the form of speech, not by the phrase: each proposing form with its family,
sizes said by their measure, sets and kinds offered with what they hold, and the lines they
became."""

from __future__ import annotations

import pytest

from forsell.analytics import Receipt, Scorer
from forsell.analytics.matching import Pattern, search

from .conftest import cashier_opens as _talk
from .conftest import lines_on as _lines
from .conftest import scorer_over as _scorer


def _offers(scorer: Scorer, t, r: Receipt) -> list[tuple[str, tuple[str, ...], str]]:
    result = scorer.score(t, r, confirmed=True)
    return [(o.kind, o.skus, o.category) for o in result.upsell.offers]


def _sold(scorer: Scorer, t, r: Receipt) -> set[str]:
    result = scorer.score(t, r, confirmed=True)
    return {o.sku for o in result.upsell.offers if o.converted and o.sku}


CANTEEN = (
    ("PLV-1", "Плов", "Вторые блюда", "Палау"),
    ("SHO-1", "Шорпо", "Первые блюда", "Сорпа"),
    ("MAN-1", "Манты", "Вторые блюда", "Манты"),
    ("BRD-1", "Хлеб (кусок)", "Хлеб", "Нан (тілім)"),
    ("SMT-1", "Сметана", "Добавки", "Қаймақ"),
    ("CHZ-1", "Чизкейк", "Десерты", "Чизкейк"),
    ("PAN-1", "Блинчики с творогом", "Выпечка", "Сүзбелі құймақ"),
    ("AYR-1", "Айран", "Напитки", "Айран"),
    ("CMP-1", "Компот", "Напитки", "Компот"),
    ("COL-1", "Кола 0,5 л", "Напитки", "Кола 0,5 л"),
    ("FNT-1", "Фанта 0,5 л", "Напитки", "Фанта 0,5 л"),
)


@pytest.mark.parametrize(
    "cashier",
    [
        # «надо» beside «нужно», with and without the negation, unpunctuated.
        "плов хлебушек надо",
        "сметану к плову не надо",
        # The familiar «ты» forms beside the polite ones.
        "сметану будешь",
        "сметану возьми к плову",
        # Kazakh: «V-ып көр» (try it), and «алмайсыз» whose «ба» the recogniser lost.
        "чизкейк алып көр өте дәмді",
        "айран алмайсыз да палауға жақсы",
    ],
)
def test_each_proposing_form_and_its_family_makes_an_offer(cashier: str) -> None:
    scorer = _scorer(*CANTEEN)
    t = _talk(("u", 0, "плов пожалуйста"), ("c", 2, cashier), ("u", 4, "давайте"))
    offers = _offers(scorer, t, _lines(scorer, ("PLV-1", 1)))
    assert [kind for kind, _, _ in offers] == ["product"]


def test_the_kazakh_shall_i_make_proposes_the_bigger_size() -> None:
    scorer = _scorer(
        ("CAP-3", "Капучино 300 мл", "Кофе"),
        ("CAP-4", "Капучино 400 мл", "Кофе"),
    )
    t = _talk(
        ("u", 0, "капучино беріңіз"),
        ("c", 2, "үлкенін жасайын ба төрт жүз миллилитр"),
        ("u", 4, "иә үлкенін"),
    )
    assert _sold(scorer, t, _lines(scorer, ("CAP-4", 5))) == {"CAP-4"}


def test_a_russian_plural_name_with_kazakh_endings_is_the_name() -> None:
    assert search(Pattern.compile("блинчики"), ["бүгін", "блинчиктер", "жаңа"]) is not None
    scorer = _scorer(*CANTEEN)
    t = _talk(
        ("u", 0, "Бір айран."),
        ("c", 2, "Бүгін блинчиктер жаңа, алыңыз."),
        ("u", 4, "Жоқ, рахмет."),
    )
    offers = _offers(scorer, t, _lines(scorer, ("AYR-1", 1)))
    assert [skus for _, skus, _ in offers] == [("PAN-1",)]


@pytest.mark.parametrize(
    ("cashier", "offers"),
    [
        # «Десерт» with a Kazakh ending: the kind, then told which.
        ("десертке чизкейк алмайсың ба", [("product", ("CHZ-1",), "Десерты")]),
        ("десертке бірдеңе алмайсың ба чизкейк тирамису бар", [("category", (), "Десерты")]),
    ],
)
def test_a_plural_kind_with_kazakh_endings_is_the_kind(
    cashier: str, offers: list[tuple[str, tuple[str, ...], str]]
) -> None:
    scorer = _scorer(*CANTEEN, ("TIR-1", "Тирамису", "Десерты"))
    t = _talk(("u", 0, "айран берші"), ("c", 2, cashier), ("u", 4, "жоқ"))
    assert _offers(scorer, t, _lines(scorer, ("AYR-1", 1))) == offers


def test_a_size_said_by_its_measure_is_an_offer_only_when_it_is_bigger() -> None:
    one_size = _scorer(("WAT-1", "Вода Тассай 1 л", "Напитки"), ("GUM-1", "Жвачка", "Сладости"))
    t = _talk(("u", 0, "Воду и жвачку."), ("c", 2, "Тассай литровую?"), ("u", 4, "Да."))
    assert _offers(one_size, t, _lines(one_size, ("WAT-1", 5), ("GUM-1", 5))) == []
    two_sizes = _scorer(
        ("COL-5", "Coca-Cola 0,5 л", "Напитки", "Coca-Cola 0,5 л"),
        ("COL-10", "Coca-Cola 1 л", "Напитки", "Coca-Cola 1 л"),
        ("HOT-1", "Хот-дог классический", "Хот-доги"),
    )
    # «бір хот дог» counts a hot dog: the one is no size of cola the customer asked for.
    t = _talk(
        ("u", 0, "бір хот дог и колу"),
        ("c", 2, "колу литровую алыңыз тек үш жүз теңге қосымша"),
        ("u", 4, "ну давай литровую"),
    )
    assert _sold(two_sizes, t, _lines(two_sizes, ("HOT-1", 1), ("COL-10", 5))) == {"COL-10"}


def test_sizes_compare_only_in_one_measure() -> None:
    """A tablet's strength is no bigger size of the same brand's syrup."""
    scorer = _scorer(
        ("NUR-T", "Нурофен 200 мг №10", "Обезболивающие"),
        ("NUR-S", "Нурофен для детей сироп 100 мл", "Обезболивающие"),
    )
    t = _talk(
        ("u", 0, "нурофен бар ма"),
        ("c", 2, "бар екі жүз миллиграмм бір пачка ма"),
        ("u", 4, "иә біреу"),
    )
    assert _offers(scorer, t, _lines(scorer, ("NUR-T", 5))) == []


FAST_FOOD = (
    ("FRI-S", "Картофель фри малый", "Гарниры", "Кішкентай фри"),
    ("FRI-L", "Картофель фри большой", "Гарниры", "Үлкен фри"),
    ("CHB-2", "Двойной чизбургер", "Бургеры", "Қос чизбургер"),
    ("DON-1", "Донер", "Донеры", "Донер"),
    ("COL-1", "Кола 0,5 л", "Напитки", "Кола 0,5 л"),
    ("FNT-1", "Фанта 0,5 л", "Напитки", "Фанта 0,5 л"),
    ("AYR-1", "Айран", "Напитки", "Айран"),
    ("CMB-1", "Комбо «Донер + фри + кола»", "Комбо", "Комбо «Донер + фри + кола»"),
)


def test_a_bigger_size_is_converted_by_its_own_product_not_a_big_one_beside_it() -> None:
    scorer = _scorer(*FAST_FOOD)
    t = _talk(
        ("u", 0, "двойной чизбургер и картошку фри"),
        ("c", 2, "картошку большую сделать на двести пятьдесят больше"),
        ("u", 4, "ну давай большую"),
    )
    assert _sold(scorer, t, _lines(scorer, ("CHB-2", 5), ("FRI-L", 5))) == {"FRI-L"}


def test_a_bigger_size_of_an_order_the_recogniser_misheard_is_of_the_sales_sized_line() -> None:
    scorer = _scorer(
        ("LAT-3", "Латте 300 мл", "Кофе"),
        ("LAT-4", "Латте 400 мл", "Кофе"),
        ("SYR-1", "Сироп карамельный", "Добавки"),
    )
    t = _talk(
        ("u", 0, "лате скарамельным сиропом"),
        ("c", 2, "может сделать большой всего двести тенге разница"),
        ("u", 4, "давай большой"),
    )
    assert _sold(scorer, t, _lines(scorer, ("LAT-4", 5), ("SYR-1", 5))) == {"LAT-4"}


def test_one_is_enough_turns_the_second_pack_down() -> None:
    scorer = _scorer(("NOS-1", "Но-шпа 40 мг №24", "Спазмолитики"))
    t = _talk(
        ("u", 0, "но шпа есть"),
        ("c", 2, "есть на вторую упаковку скидка двадцать процентов возьмете две"),
        ("u", 4, "не одной хватит"),
    )
    assert _sold(scorer, t, _lines(scorer, ("NOS-1", 5))) == set()


def test_what_replaces_a_dish_that_ran_out_is_no_offer() -> None:
    scorer = _scorer(*CANTEEN)
    t = _talk(
        ("u", 0, "манты пожалуйста"),
        ("c", 2, "мантов нет плов или шорпо будете"),
        ("u", 4, "ну плов давайте"),
    )
    assert _offers(scorer, t, _lines(scorer, ("PLV-1", 5))) == []


def test_the_parts_of_a_set_listed_with_it_are_one_offer_of_the_set() -> None:
    scorer = _scorer(*FAST_FOOD)
    t = _talk(
        ("u", 0, "Донер беріңіз."),
        ("c", 2, "Донерді комбоға алыңыз, фри мен кола қосылады, разница всего девятьсот."),
        ("u", 4, "Жарайды."),
    )
    r = _lines(scorer, ("CMB-1", 5))
    assert _offers(scorer, t, r) == [("product", ("CMB-1",), "Комбо")]
    assert _sold(scorer, t, r) == {"CMB-1"}


@pytest.mark.parametrize(
    ("cashier", "offers"),
    [
        # Several of the kind listed: the kind, whichever the customer picks.
        ("сусын алмайсыз ба кола фанта айран бар", [("category", (), "Напитки")]),
        # One told: that product.
        ("ішетін бірдеңе компот алыңыз", [("product", ("CMP-1",), "Напитки")]),
        # One told, but as a choice: the kind.
        ("и попить может морс или компот", [("category", (), "Напитки")]),
    ],
)
def test_a_kind_offered_with_its_products_named_is_one_offer(
    cashier: str, offers: list[tuple[str, tuple[str, ...], str]]
) -> None:
    scorer = _scorer(*CANTEEN)
    t = _talk(("u", 0, "плов пожалуйста"), ("c", 2, cashier), ("u", 4, "жоқ"))
    assert _offers(scorer, t, _lines(scorer, ("PLV-1", 1))) == offers


def test_a_short_name_misheard_in_its_last_letter_finds_its_later_line() -> None:
    scorer = _scorer(
        ("AME-1", "Американо", "Кофе", "Американо"),
        ("SHT-1", "Шот эспрессо", "Добавки", "Эспрессо шоты"),
    )
    t = _talk(
        ("u", 0, "бір американо"),
        ("c", 2, "қосымша шоқ қосайық па күшті болады"),
        ("u", 4, "иә қосыңыз"),
    )
    assert _sold(scorer, t, _lines(scorer, ("AME-1", 1), ("SHT-1", 5))) == {"SHT-1"}


def test_an_add_on_poured_on_the_dish_is_offered() -> None:
    scorer = _scorer(*CANTEEN, ("GRV-1", "Подлива", "Соусы", "Тұздық"))
    t = _talk(
        ("u", 0, "плов пожалуйста"),
        ("c", 2, "плов подливой полить"),
        ("u", 4, "да полей"),
    )
    assert _sold(scorer, t, _lines(scorer, ("PLV-1", 1), ("GRV-1", 5))) == {"GRV-1"}


def test_the_order_read_back_before_the_bag_question_offers_nothing() -> None:
    scorer = _scorer(*FAST_FOOD, ("BAG-1", "Пакет", "Упаковка"))
    t = _talk(
        ("u", 0, "донер и фонту"),
        ("c", 2, "донер фанта тысяча пятьсот восемьдесят пакет нужен"),
        ("u", 4, "да"),
    )
    r = _lines(scorer, ("DON-1", 1), ("FNT-1", 1), ("BAG-1", 5))
    assert _offers(scorer, t, r) == []


def test_a_dish_asked_without_a_side_split_off_by_the_recogniser_offers_nothing() -> None:
    scorer = _scorer(
        ("CUT-1", "Котлета (отдельно)", "Вторые блюда", "Котлет (бөлек)"),
        ("SID-1", "Гарнир рис", "Гарниры", "Күріш гарнир"),
    )
    t = _talk(
        ("u", 0, "бір котлета отдельно"),
        ("c", 2, "котлета гарнир сіз бе"),
        ("u", 4, "иә гарнирсіз"),
    )
    assert _offers(scorer, t, _lines(scorer, ("CUT-1", 5))) == []


def test_a_couple_more_of_what_was_ordered_is_a_size_offer() -> None:
    scorer = _scorer(("ECL-1", "Эклер", "Пирожные"), ("NAP-1", "Торт Наполеон", "Торты"))
    t = _talk(
        ("u", 0, "Мне два эклера и наполеон."),
        ("c", 2, "Может, ещё пару эклеров к чаю, раз праздник?"),
        ("u", 4, "Давайте."),
    )
    r = _lines(scorer, ("ECL-1", 1), ("NAP-1", 1), ("ECL-1", 5))
    assert [kind for kind, _, _ in _offers(scorer, t, r)] == ["size"]
    assert _sold(scorer, t, r) == {"ECL-1"}


def test_a_need_asked_in_the_negative_proposes_even_in_a_question_about_the_order() -> None:
    scorer = _scorer(
        ("SMK-1", "Смекта №10", "ЖКТ"),
        ("MSK-1", "Маска медицинская 10 шт", "Гигиена"),
    )
    t = _talk(
        ("u", 0, "смекта пожалуйста"),
        ("c", 2, "вот смекта маски медицинские не нужны сейчас все берут"),
        ("u", 4, "нет не надо"),
    )
    offers = _offers(scorer, t, _lines(scorer, ("SMK-1", 1)))
    assert [skus for _, skus, _ in offers] == [("MSK-1",)]


def test_the_order_read_back_right_after_the_customer_was_misheard_is_no_offer() -> None:
    scorer = _scorer(*CANTEEN, ("KUR-1", "Куурдак", "Вторые блюда", "Қуырдақ"))
    t = _talk(
        ("u", 0, "девушка мне куртак пожалуйста"),
        ("c", 2, "куурдак хлеб надо"),
        ("u", 4, "два куска"),
    )
    r = _lines(scorer, ("KUR-1", 5), ("BRD-1", 5))
    assert _sold(scorer, t, r) == {"BRD-1"}
