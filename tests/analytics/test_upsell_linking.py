"""Which receipt line an offer became: the guide's "converted" column, rule by rule."""

from __future__ import annotations

import pytest

from forsell.analytics import Catalog, CatalogProduct, Receipt, ReceiptLine, Scorer, formats

from .conftest import CARDS, talk
from .conftest import cashier_opens as _talk
from .conftest import lines_on as _lines
from .conftest import scorer_over as _scorer

SHOP = Catalog(
    (
        CatalogProduct(
            "BUR-001", {"ru": "Бургер классический", "kk": "Классикалық бургер"}, "Бургеры"
        ),
        CatalogProduct("FRI-001", {"ru": "Картофель фри", "kk": "Фри"}, "Закуски"),
        CatalogProduct("COL-001", {"ru": "Кола 0,5 л", "kk": "Кола 0,5 л"}, "Холодные напитки"),
        CatalogProduct("TEA-001", {"ru": "Чай чёрный", "kk": "Қара шай"}, "Горячие напитки"),
        CatalogProduct(
            "CMB-001",
            {"ru": "Комбо: бургер + фри + кола", "kk": "Комбо: бургер + фри + кола"},
            "Комбо",
        ),
        CatalogProduct("DES-020", {"ru": "Брауни", "kk": "Брауни"}, "Десерты"),
        CatalogProduct("DES-021", {"ru": "Круассан с миндалём"}, "Выпечка"),
        CatalogProduct("LAT-300", {"ru": "Латте 300 мл"}, "Кофе"),
        CatalogProduct("LAT-400", {"ru": "Латте 400 мл"}, "Кофе"),
        CatalogProduct(
            "OAT-001", {"ru": "Овсяное молоко (замена)"}, "Добавки", ("Добавки",), ("овсяное",)
        ),
    )
)
BY_SKU = {p.sku: p for p in SHOP.products}


@pytest.fixture(scope="module")
def shop() -> Scorer:
    return Scorer(formats.load_scorecard(CARDS / "cafe.json"), SHOP)


def rung(*lines: tuple[str, float]) -> Receipt:
    return Receipt(
        tuple(
            ReceiptLine(sku, BY_SKU[sku].names["ru"], 1, 100_000, at, BY_SKU[sku].category)
            for sku, at in lines
        )
    )


def converted(scorer: Scorer, t, r: Receipt) -> set[str]:
    result = scorer.score(t, r, confirmed=True)
    return {o.sku for o in result.upsell.offers if o.converted and o.sku}


def test_a_refused_offer_converts_nothing_rung_up_later(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Латте маленький."),
        ("c", 4, "Круассан с миндалём не хотите?"),
        ("u", 6, "Нет, спасибо."),
        ("c", 8, "Тысяча двести."),
    )
    # The croissant was rung up all the same (a mistake, or for someone else): not a sale the
    # offer made.
    assert converted(shop, t, rung(("LAT-300", 3), ("DES-021", 9))) == set()


def test_a_refused_offer_converts_what_the_customer_asks_for_after_all(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Латте маленький."),
        ("c", 4, "Круассан с миндалём не хотите?"),
        ("u", 6, "Нет, спасибо."),
        ("c", 8, "Тысяча двести."),
        ("u", 10, "А хотя давайте круассан."),
    )
    assert converted(shop, t, rung(("LAT-300", 3), ("DES-021", 11))) == {"DES-021"}


def test_an_offer_refused_then_made_again_and_taken_converts(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Латте маленький."),
        ("c", 4, "Круассан с миндалём не хотите?"),
        ("u", 6, "Нет."),
        ("c", 8, "Точно? Круассаны с миндалём только испекли."),
        ("u", 10, "Ну ладно, давайте."),
    )
    assert converted(shop, t, rung(("LAT-300", 3), ("DES-021", 11))) == {"DES-021"}


def test_not_i_want_my_burger_refuses_the_combo(shop: Scorer) -> None:
    t = talk(
        ("u", 0, "здравствуйте мне бургер и колу"),
        ("c", 2, "здравствуйте может ком бо возьмете там бургер побольше и цена почти та же"),
        ("u", 4, "не я бургер хочу"),
        ("c", 6, "хорошо тысяча восемьсот"),
    )
    assert converted(shop, t, rung(("BUR-001", 7), ("COL-001", 7))) == set()


@pytest.mark.parametrize(
    ("heard", "sku"),
    [("брони", "DES-020"), ("брауни", "DES-020")],  # misheard, or said right
)
def test_an_offered_product_the_recogniser_misheard_finds_its_line(
    shop: Scorer, heard: str, sku: str
) -> None:
    t = talk(
        ("c", 0, "Слушаю."),
        ("u", 2, "Американо."),
        ("c", 4, f"Попробуйте к кофе наш {heard}, только испекли."),
        ("u", 6, "Давайте попробую."),
    )
    assert converted(shop, t, rung(("LAT-300", 3), (sku, 7))) == {sku}


def test_a_misheard_word_is_read_only_against_lines_rung_up_after_it(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Слушаю."),
        ("u", 2, "Американо."),
        ("c", 4, "Попробуйте к кофе наш брони, только испекли."),
        ("u", 6, "Нет, не надо."),
    )
    result = shop.score(t, rung(("LAT-300", 3)), confirmed=True)
    # Not on the receipt afterwards: the catalog is never searched this loosely.
    assert result.upsell.offers == ()


def test_offering_what_a_set_holds_sells_the_set(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будем брать?"),
        ("u", 2, "Бургер классический."),
        # As recognisers return it: no punctuation, «комбо» misheard.
        ("c", 4, "давайте в кобо с фри и колой на восемьсот дороже всего выйдет"),
        ("u", 6, "ну давайте комбу"),
    )
    assert converted(shop, t, rung(("CMB-001", 7))) == {"CMB-001"}


def test_something_to_drink_is_converted_by_a_drink_of_either_kind(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Бургер классический."),
        ("c", 4, "Попить что-нибудь возьмёте?"),
        ("u", 6, "Да, чай чёрный."),
    )
    assert converted(shop, t, rung(("BUR-001", 3), ("TEA-001", 7))) == {"TEA-001"}


def test_a_line_the_customer_ordered_before_the_offer_is_no_conversion(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Бургер классический и чай чёрный."),
        ("c", 4, "Попить ещё что-нибудь возьмёте?"),
        ("u", 6, "Всё, спасибо."),
    )
    # Everything rung up at the end: the tea is what was ordered, not what the offer sold.
    assert converted(shop, t, rung(("BUR-001", 7), ("TEA-001", 7))) == set()


def test_a_bigger_size_is_of_the_product_that_comes_in_sizes(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Привет! Как обычно?"),
        ("u", 2, "Привет. Да, латте на овсяном."),
        ("c", 4, "Может, сегодня большой сделаем? Разница всего двести."),
        ("u", 6, "Давай большой."),
    )
    assert converted(shop, t, rung(("LAT-400", 7), ("OAT-001", 7))) == {"LAT-400"}


def test_a_dessert_offered_where_the_shop_files_cakes_and_pastries_apart() -> None:
    bakery = Catalog(
        (
            CatalogProduct("BRD-001", {"ru": "Хлеб пшеничный"}, "Хлеб"),
            CatalogProduct("CAK-001", {"ru": "Торт Медовик"}, "Торты"),
            CatalogProduct("PAS-001", {"ru": "Пирожное Картошка"}, "Пирожные"),
        )
    )
    scorer = Scorer(formats.load_scorecard(CARDS / "cafe.json"), bakery)
    t = talk(
        ("c", 0, "Здравствуйте, слушаю."),
        ("u", 2, "Хлеб пшеничный."),
        ("c", 4, "Десерт к чаю не хотите?"),
        ("u", 6, "Давайте пирожное."),
    )
    lines = (("BRD-001", "Хлеб пшеничный", "Хлеб", 3.0), ("PAS-001", "Пирожное", "Пирожные", 7.0))
    r = Receipt(tuple(ReceiptLine(sku, n, 1, 50_000, at, cat) for sku, n, cat, at in lines))
    result = scorer.score(t, r, confirmed=True)
    (offer,) = result.upsell.offers
    assert offer.kind == "category" and offer.converted and offer.sku == "PAS-001"


def test_a_no_to_the_question_after_the_offer_does_not_refuse_it(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Латте маленький."),
        ("c", 4, "Круассан с миндалём не хотите? С собой?"),
        ("u", 6, "Нет, здесь."),
    )
    assert converted(shop, t, rung(("LAT-300", 3), ("DES-021", 7))) == {"DES-021"}


def test_a_misheard_name_proposed_on_request_is_no_upsell(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Слушаю."),
        ("u", 2, "Посоветуйте что-нибудь к кофе."),
        ("c", 4, "Попробуйте наш брони, только испекли."),
        ("u", 6, "Давайте."),
    )
    result = shop.score(t, rung(("DES-020", 7)), confirmed=True)
    assert result.upsell.offers == ()


def test_an_offer_left_unanswered_for_a_refused_one_still_converts(shop: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Латте маленький."),
        ("c", 4, "Круассан с миндалём не хотите?"),
        ("u", 6, "Давайте."),
        ("c", 8, "И брауни к нему?"),
        ("u", 10, "Нет, спасибо."),
    )
    # The refusal answers the brownie; the croissant taken before it stays converted.
    assert converted(shop, t, rung(("LAT-300", 3), ("DES-021", 11))) == {"DES-021"}


def test_a_volume_in_a_drinks_name_is_no_bigger_size() -> None:
    kiosk = Catalog(
        (
            CatalogProduct("FRI-S", {"ru": "Картофель фри малый"}, "Закуски"),
            CatalogProduct("FRI-L", {"ru": "Картофель фри большой"}, "Закуски"),
            CatalogProduct("COL-05", {"ru": "Кола 0,5 л"}, "Напитки"),
        )
    )
    scorer = Scorer(formats.load_scorecard(CARDS / "cafe.json"), kiosk)
    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Картошку фри."),
        ("c", 4, "Может, сделать большую?"),
        ("u", 6, "Маленькую. И колу."),
    )
    lines = (("FRI-S", "Картофель фри малый", 7.0), ("COL-05", "Кола 0,5 л", 7.0))
    r = Receipt(tuple(ReceiptLine(sku, n, 1, 50_000, at, "") for sku, n, at in lines))
    result = scorer.score(t, r, confirmed=True)
    (offer,) = result.upsell.offers
    assert offer.kind == "size" and not offer.converted


@pytest.mark.parametrize(
    ("cashier", "sold"),
    [
        # A bigger size than the one asked for is an upsell …
        ("может одну двухлитровую возьмёте так дешевле выйдет", True),
        # … the size the customer asked for, said back, is not.
        ("литровые две", False),
    ],
)
def test_a_size_asked_for_blocks_only_itself(cashier: str, sold: bool) -> None:
    grocery = Catalog(
        (
            CatalogProduct("COLA-1", {"ru": "Coca-Cola 1 л"}, "Напитки"),
            CatalogProduct("COLA-2", {"ru": "Coca-Cola 2 л"}, "Напитки"),
        )
    )
    scorer = Scorer(formats.load_scorecard(CARDS / "cafe.json"), grocery)
    t = talk(
        ("c", 0, "здравствуйте"),
        ("u", 2, "здрасте две колы литровые"),
        ("c", 4, cashier),
        ("u", 6, "а давайте"),
    )
    line = ("COLA-2", "Coca-Cola 2 л") if sold else ("COLA-1", "Coca-Cola 1 л")
    r = Receipt((ReceiptLine(*line, 1, 85_000, 7.0, "Напитки"),))
    result = scorer.score(t, r, confirmed=True)
    assert [o.converted for o in result.upsell.offers] == ([True] if sold else [])


def _sold(scorer: Scorer, t, r: Receipt) -> set[str]:
    result = scorer.score(t, r, confirmed=True)
    return {o.sku for o in result.upsell.offers if o.converted and o.sku}


CAKES = (
    ("LAT-1", "Латте 300 мл", "Кофе"),
    ("CHZ-1", "Чизкейк", "Десерты"),
    ("MED-1", "Медовик", "Десерты"),
    ("NAP-1", "Наполеон", "Десерты"),
    ("CRO-1", "Круассан классический", "Выпечка"),
    ("CRO-2", "Круассан с миндалём", "Выпечка"),
)


def test_a_choice_of_one_kind_is_converted_by_whichever_of_it_is_taken() -> None:
    scorer = _scorer(*CAKES)
    t = _talk(
        ("u", 0, "Латте, пожалуйста."),
        ("c", 2, "Может, к латте чизкейк или медовик?"),
        ("u", 4, "А давайте наполеон."),
    )
    assert _sold(scorer, t, _lines(scorer, ("LAT-1", 1), ("NAP-1", 5))) == {"NAP-1"}


def test_a_product_told_after_its_kind_is_not_converted_by_another_of_the_kind() -> None:
    scorer = _scorer(*CAKES)
    t = _talk(
        ("u", 0, "Латте, пожалуйста."),
        ("c", 2, "Чизкейк не хотите? Свежий."),
        ("u", 4, "А давайте наполеон."),
    )
    assert _sold(scorer, t, _lines(scorer, ("LAT-1", 1), ("NAP-1", 5))) == set()


def test_a_variety_proposed_after_the_customer_named_only_its_kind() -> None:
    scorer = _scorer(*CAKES)
    t = _talk(
        ("u", 0, "Латте и круассан."),
        ("c", 2, "Миндальный попробуйте, он сегодня удачный."),
        ("u", 4, "Давайте миндальный."),
    )
    assert _sold(scorer, t, _lines(scorer, ("LAT-1", 1), ("CRO-2", 5))) == {"CRO-2"}


@pytest.mark.parametrize(
    ("cashier", "sold"),
    [
        ("шайға сүт қосайын ба сүтті шай дәмдірек", {"TEA-2"}),
        # Asked back, the variety clarifies the order: nothing proposed.
        ("сүтті шай ма", set()),
    ],
)
def test_milk_tea_proposed_for_a_tea(cashier: str, sold: set[str]) -> None:
    scorer = _scorer(
        ("TEA-1", "Чай чёрный", "Напитки", "Қара шай"),
        ("TEA-2", "Чай с молоком", "Напитки", "Сүтті шай"),
        ("BAU-1", "Баурсаки 10 шт", "Выпечка", "Бауырсақ 10 дана"),
    )
    t = _talk(("u", 0, "бауырсақ он дана және бір шай"), ("c", 2, cashier), ("u", 4, "иә"))
    assert _sold(scorer, t, _lines(scorer, ("BAU-1", 1), ("TEA-2", 5))) == sold


@pytest.mark.parametrize(
    ("cashier", "sold"),
    [
        ("Капучино на четыреста сделать? Разница всего двести.", {"CAP-4"}),
        ("Капучино на триста пятьдесят сделать?", {"CAP-35"}),
        # The size the customer asked for, said back: nothing offered.
        ("Капучино на триста, с собой?", set()),
    ],
)
def test_a_bigger_size_called_by_its_number(cashier: str, sold: set[str]) -> None:
    scorer = _scorer(
        ("CAP-3", "Капучино 300 мл", "Кофе"),
        ("CAP-35", "Капучино 350 мл", "Кофе"),
        ("CAP-4", "Капучино 400 мл", "Кофе"),
    )
    t = _talk(("u", 0, "Капучино на триста."), ("c", 2, cashier), ("u", 4, "Давайте."))
    line = next(iter(sold), "CAP-3")
    assert _sold(scorer, t, _lines(scorer, (line, 5))) == sold


def test_a_bigger_bottle_called_by_its_litres_in_kazakh() -> None:
    scorer = _scorer(
        ("COLA-1", "Кока-Кола 1 л", "Напитки"),
        ("COLA-2", "Кока-Кола 2 л", "Напитки"),
    )
    t = _talk(
        ("u", 0, "саламатсыз ба бир литрлик кола бар ма"),
        ("c", 2, "бар бирак еки литрлигин алыныз акциямен коп айырмашылык жок"),
        ("u", 4, "иа жарайды еки литрлик бериниз"),
    )
    assert _sold(scorer, t, _lines(scorer, ("COLA-2", 5))) == {"COLA-2"}


@pytest.mark.parametrize(
    ("cashier", "sold"),
    [
        ("фри кішкентай ма әлде үлкенін аласыз ба үлкені екі жүз елу ғана қымбат", {"FRI-L"}),
        # A choice of sizes alone asks about the order.
        ("фри кішкентай ма әлде үлкен бе", set()),
    ],
)
def test_a_size_choice_that_pitches_the_bigger_one_offers_it(cashier: str, sold: set[str]) -> None:
    scorer = _scorer(
        ("FRI-S", "Картофель фри малый", "Гарниры", "Кішкентай фри"),
        ("FRI-L", "Картофель фри большой", "Гарниры", "Үлкен фри"),
        ("SAM-1", "Самса с мясом", "Выпечка", "Етті самса"),
    )
    t = _talk(("u", 0, "бір етті самса және фри"), ("c", 2, cashier), ("u", 4, "үлкенін бер"))
    assert _sold(scorer, t, _lines(scorer, ("SAM-1", 1), ("FRI-L", 5))) == sold


def test_a_second_size_offer_in_one_sale_converts() -> None:
    scorer = _scorer(
        ("WAT-05", "Вода Тассай 0,5 л", "Напитки", "Тассай суы 0,5 л"),
        ("WAT-1", "Вода Тассай 1 л", "Напитки", "Тассай суы 1 л"),
        ("GOR-1", "Энергетик Gorilla 0,45 л", "Напитки", "Gorilla энергетигі 0,45 л"),
    )
    t = _talk(
        ("u", 0, "тассай кішісі және горилла"),
        ("c", 2, "тассай кішісі екі жүз үлкенін алсаңыз үнемді"),
        ("u", 4, "жоқ кішісі жетеді"),
        ("c", 6, "гориллаларды екеуін алсаңыз екіншісі жарты бағамен"),
        ("u", 8, "ну давай екеу"),
    )
    r = _lines(scorer, ("WAT-05", 5), ("GOR-1", 5), ("GOR-1", 9))
    result = scorer.score(t, r, confirmed=True)
    assert [o.line for o in result.upsell.offers if o.converted] == [2]


@pytest.mark.parametrize(
    ("cashier", "product"),
    [
        ("как о к нему не хотите тёплое", "Какао 300 мл"),
        ("доктор скую возьмите", "Колбаса Докторская"),
    ],
)
def test_a_name_split_where_the_recogniser_misheard_it(cashier: str, product: str) -> None:
    scorer = _scorer(
        ("CRO-1", "Круассан классический", "Выпечка"),
        ("NEW-1", product, "Разное"),
        ("CHE-1", "Сыр Российский", "Сыры"),
    )
    t = _talk(("u", 0, "круассан один"), ("c", 2, cashier), ("u", 4, "давайте"))
    assert _sold(scorer, t, _lines(scorer, ("CRO-1", 1), ("NEW-1", 5))) == {"NEW-1"}


@pytest.mark.parametrize(
    ("cashier", "sold"),
    [
        ("На десерт мороженое рожок, всего четыреста.", {"ICE-1"}),
        ("Бургер и мороженое рожок, всего тысяча двести.", set()),  # the order read back
    ],
)
def test_a_price_called_cheap_recommends_what_the_sentence_names(
    cashier: str, sold: set[str]
) -> None:
    scorer = _scorer(
        ("BUR-1", "Бургер", "Бургеры"),
        ("ICE-1", "Мороженое рожок", "Десерты"),
    )
    t = _talk(("u", 0, "Бургер и мороженое рожок." if not sold else "Бургер."), ("c", 2, cashier))
    assert _sold(scorer, t, _lines(scorer, ("BUR-1", 1), ("ICE-1", 3))) == sold


def test_a_kind_offered_with_a_choice_of_it() -> None:
    scorer = _scorer(
        ("PLO-1", "Плов", "Вторые блюда"),
        ("MOR-1", "Морс", "Напитки"),
        ("TEA-1", "Чай", "Напитки"),
    )
    t = _talk(
        ("u", 0, "давайте плов"),
        ("c", 2, "и попить может морс или чай"),
        ("u", 4, "чай"),
    )
    assert _sold(scorer, t, _lines(scorer, ("PLO-1", 1), ("TEA-1", 5))) == {"TEA-1"}


def test_a_choice_before_anything_is_ordered_asks_what_the_customer_wants() -> None:
    scorer = _scorer(*CAKES)
    t = _talk(("c", 0, "Может, чизкейк или медовик?"), ("u", 2, "Медовик."))
    result = scorer.score(t, _lines(scorer, ("MED-1", 3)), confirmed=True)
    assert result.upsell.offers == ()
