from dataclasses import replace

import pytest

from forsell.analytics import Receipt, ReceiptLine, Scorer

from .conftest import receipt, talk


def offers_of(scorer: Scorer, t, r):
    # These few-line conversations are about offers, not about telling voices apart.
    result = scorer.score(t, r, confirmed=True)
    return result.upsell, result.item("upsell_offer")


def test_offered_and_bought_after(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Латте"),
        ("c", 4, "Круассан не хотите к кофе?"),
        ("u", 6, "Давайте"),
    )
    up, item = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("BAK-001", 7.0, 75_000)))
    assert len(up.offers) == 1 and up.conversions == 1 and up.extra_revenue == 75_000
    offer = up.offers[0]
    assert offer.kind == "product" and "BAK-001" in offer.skus and offer.sku == "BAK-001"
    assert offer.speaker == "speaker_0" and 4.0 <= offer.start < offer.end
    assert "Круассан" in offer.text and offer.term == "круассан"
    assert item.outcome == "pass" and item.evidence[0].utterance == 2


def test_bought_before_the_offer_is_not_a_conversion(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Латте"),
        ("c", 6, "Может, круассан возьмёте?"),
        ("u", 8, "Нет"),
    )
    up, item = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("BAK-001", 4.0)))
    assert len(up.offers) == 1 and up.conversions == 0 and up.extra_revenue == 0
    assert item.outcome == "pass"  # the offer was made all the same


def test_category_offer_converts_on_any_product_of_it(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Добрый день"),
        ("u", 2, "Американо"),
        ("c", 4, "Может, что-нибудь сладкое к кофе?"),
        ("u", 6, "Да, печенье"),
    )
    up, _ = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("DES-011", 7.0, 50_000)))
    (offer,) = up.offers
    assert offer.kind == "category" and offer.category == "Десерты"
    assert offer.converted and offer.sku == "DES-011" and up.extra_revenue == 50_000


def test_synonym_offer(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Самсу"),
        ("c", 4, "Колу не желаете?"),
        ("u", 6, "Давайте"),
    )
    up, _ = offers_of(cafe_scorer, t, receipt(("BAK-007", 3.0), ("DRK-006", 7.0, 40_000)))
    (offer,) = up.offers
    assert offer.skus == ("DRK-006",) and offer.converted and offer.term in ("колу", "кола")


def test_two_offers_one_bought(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Латте"),
        ("c", 4, "Круассан не хотите?"),
        ("u", 6, "Нет"),
        ("c", 8, "А тирамису не желаете?"),
        ("u", 10, "Давайте"),
    )
    up, _ = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("DES-002", 11.0, 190_000)))
    assert len(up.offers) == 2 and up.conversions == 1 and up.extra_revenue == 190_000
    assert [o.converted for o in up.offers] == [False, True]


def test_one_line_converts_one_offer_only(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Латте"),
        ("c", 4, "Круассан хотите?"),
        ("c", 6, "Может, выпечку ещё хотите?"),
        ("u", 8, "Давайте круассан"),
    )
    up, _ = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("BAK-001", 9.0)))
    assert len(up.offers) == 2 and up.conversions == 1


def test_kazakh_offer_and_kazakh_name_endings(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Сәлеметсіз бе"),
        ("u", 2, "Латте беріңіз"),
        ("c", 4, "Алма аласыз ба?"),
        ("u", 6, "Иә"),
    )
    up, _ = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("FRU-001", 7.0)))
    assert [o.skus for o in up.offers] == [("FRU-001",)] and up.conversions == 1


def test_not_an_offer(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Капучино, пожалуйста"),
        ("c", 4, "Капучино, да?"),  # confirming the customer's order
        ("c", 6, "Круассаны сегодня закончились"),  # a product but no offer
        ("u", 8, "А тирамису хотите попробовать?"),  # the customer, not the cashier
        ("c", 10, "Что-нибудь ещё хотите?"),
    )  # an offer of nothing in particular
    up, item = offers_of(cafe_scorer, t, receipt(("COF-005", 5.0)))
    assert up.offers == () and item.outcome == "fail"


def test_the_same_product_offered_twice_counts_once(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Латте"),
        ("c", 4, "Круассан не хотите?"),
        ("u", 6, "Не знаю"),
        ("c", 8, "Круассан свежий, хотите?"),
        ("u", 10, "Давайте"),
    )
    up, _ = offers_of(cafe_scorer, t, receipt(("COF-007", 3.0), ("BAK-001", 11.0)))
    assert len(up.offers) == 1 and up.conversions == 1


def test_an_inflected_name_finds_the_receipts_own_line_first(cafe_scorer: Scorer) -> None:
    """«картошку» is the receipt's «Картофель фри», not another catalog product; «самсу» is a
    declined «Самса» the dictionary does not know."""
    from forsell.analytics import Catalog, CatalogProduct, Receipt, ReceiptLine

    t = talk(
        ("c", 0, "Здравствуйте, что будете?"),
        ("u", 2, "Бургер"),
        ("c", 4, "Картошку к бургеру не хотите? И самсу с курицей возьмите"),
        ("u", 6, "Давайте"),
    )
    lines = (
        ReceiptLine("BUR-1", "Бургер", 1, 150_000, 3.0),
        ReceiptLine("FRI-9", "Картофель фри", 1, 90_000, 7.0, names={"ru": "Картофель фри"}),
        ReceiptLine("SAM-2", "Самса с курицей", 1, 60_000, 7.5),
    )
    # The store catalog also has a «Картошка по-деревенски» that is not on the receipt.
    other = Catalog((CatalogProduct("POT-5", {"ru": "Картошка по-деревенски"}, "Гарниры"),))
    scorer = Scorer(cafe_scorer.scorecard, other)
    result = scorer.score(t, Receipt(lines), confirmed=True)
    assert [(o.skus, o.converted) for o in result.upsell.offers] == [
        (("FRI-9",), True),
        (("SAM-2",), True),
    ]


def test_a_combo_is_not_named_by_what_it_holds(cafe_scorer: Scorer) -> None:
    """The customer's «кола» is the drink, not «Комбо: хот-дог + фри + кола»; proposing the combo
    after the customer named its parts is an offer, and the combo rung up converts it."""
    from forsell.analytics import Catalog, CatalogProduct, Receipt, ReceiptLine

    combo = "Комбо: хот-дог + фри малый + кола 0,5"
    catalog = Catalog(
        (
            CatalogProduct("HD-1", {"ru": "Хот-дог классический"}, "Хот-доги"),
            CatalogProduct("COLA", {"ru": "Coca-Cola 0,5 л"}, "Напитки"),
            CatalogProduct("CMB", {"ru": combo, "kk": "Комбо: хот-дог + фри кіші + кола"}, "Комбо"),
        )
    )
    t = talk(
        ("c", 0, "сәлеметсіз бе не береміз"),
        ("u", 2, "хот дог фри және кола"),
        ("c", 4, "онда комбо алыңыз бөлек алғаннан арзан шығады"),
        ("u", 6, "жарайды комбо"),
    )
    line = ReceiptLine("CMB", combo, 1, 180_000, 7.0, names={"ru": combo})
    result = Scorer(cafe_scorer.scorecard, catalog).score(t, Receipt((line,)), confirmed=True)
    assert [(o.kind, o.skus, o.converted) for o in result.upsell.offers] == [
        ("product", ("CMB",), True)
    ]


def test_the_answer_to_a_request_for_a_kind_of_thing_is_not_an_upsell(
    cafe_scorer: Scorer,
) -> None:
    """«Тұмауға бір дәрі керек» — the remedy the pharmacist then proposes is what the customer
    asked for; the vitamins proposed after it are the upsell."""
    from forsell.analytics import Catalog, CatalogProduct, Receipt, ReceiptLine

    catalog = Catalog(
        (
            CatalogProduct("FLU", {"ru": "Терафлю лимон, 10 пакетиков"}, "Простуда"),
            CatalogProduct(
                "VIT", {"ru": "Витамин C 500 мг", "kk": "С дәрумені 500 мг"}, "Витамины"
            ),
        )
    )
    t = talk(
        ("u", 0, "Сәлеметсіз бе, тұмауға бір дәрі керек еді."),
        ("c", 2, "Онда Терафлю ұсынамын, ыстық суға езіп ішесіз."),
        ("u", 4, "Жарайды, беріңіз."),
        ("c", 6, "Қосымша С дәруменін де алыңыз, иммунитетке жақсы."),
        ("u", 8, "Иә."),
    )
    lines = (
        ReceiptLine("FLU", "Терафлю лимон, 10 пакетиков", 1, 330_000, 5.0),
        ReceiptLine("VIT", "Витамин C 500 мг", 1, 110_000, 9.0),
    )
    result = Scorer(cafe_scorer.scorecard, catalog).score(t, Receipt(lines), confirmed=True)
    assert [(o.skus, o.converted) for o in result.upsell.offers] == [(("VIT",), True)]
    # A request after something was ordered («…and what would you suggest?») invites an upsell.
    t2 = talk(
        ("customer", 0, "Терафлю беріңіз. Тағы бірдеңе ұсынасыз ба?"),
        ("cashier", 2, "С дәруменін алыңыз."),
        ("customer", 4, "Иә."),
    )
    result = Scorer(cafe_scorer.scorecard, catalog).score(t2, Receipt(lines), confirmed=True)
    assert [o.skus for o in result.upsell.offers] == [("VIT",)]


def _pharmacy() -> Scorer:
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    return Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("LIZ", {"ru": "Лизобакт №30"}, "Горло", ("Горло",)),
                CatalogProduct("STR", {"ru": "Стрепсилс №24"}, "Горло", ("Горло",)),
                CatalogProduct("ING", {"ru": "Ингалипт спрей"}, "Горло", ("Горло",)),
                CatalogProduct("NAP", {"ru": "Наполеон, кусок"}, "Десерты"),
                CatalogProduct("CHZ", {"ru": "Чизкейк"}, "Десерты"),
                CatalogProduct("TEA", {"ru": "Чай Пиала 100 пакетиков"}, "Чай"),
            )
        ),
    )


def test_a_kind_asked_for_is_fulfilled_by_the_product_chosen() -> None:
    """«Горло болит, бірдеңе беріңізші» → the choice → «Лизобакт» rung up; Стрепсилс proposed
    after that is an upsell (neither the throat request nor the open request covers it)."""
    t = talk(
        ("cashier", 0, "салеметсиз бе"),
        ("customer", 2, "тамак ауырып жатыр горло болит бирдене бериниизши"),
        ("cashier", 4, "лизобакт бар немесе стрепсилс кайсысын аласыз"),
        ("customer", 6, "лизобакт"),
        ("cashier", 8, "стрепсилсти де алып қойыңыз жолда сорып журесиз"),
        ("customer", 10, "жок"),
    )
    rung = Receipt((ReceiptLine("LIZ", "Лизобакт №30", 1, 250_000, 7.0),))
    result = _pharmacy().score(t, rung, confirmed=True)
    assert [o.skus for o in result.upsell.offers] == [("STR",)]
    # Before Лизобакт is rung up the throat remedy asked for is still being answered.
    assert _pharmacy().score(t, Receipt(()), confirmed=True).upsell.offers == ()
    assert result.item("upsell_offer").outcome == "pass"


def test_a_name_the_recogniser_split_in_two_is_found() -> None:
    t = talk(
        ("cashier", 0, "здравствуйте что будете"),
        ("customer", 2, "чай"),
        ("cashier", 4, "к чаю чиз кейк не хотите или на полеон"),
        ("customer", 6, "давайте на полеон"),
    )
    lines = (
        ReceiptLine("TEA", "Чай Пиала 100 пакетиков", 1, 50_000, 3.0),
        ReceiptLine("NAP", "Наполеон, кусок", 1, 90_000, 8.0),
    )
    result = _pharmacy().score(t, Receipt(lines), confirmed=True)
    assert [(o.skus, o.converted) for o in result.upsell.offers] == [
        (("CHZ",), False),
        (("NAP",), True),
    ]


def test_a_pack_size_question_is_about_the_order_not_a_bag() -> None:
    """«Пиала жүз пакеттік пе?» clarifies the tea ordered; «пакет керек пе?» is the bag."""
    t = talk(
        ("cashier", 0, "сәлеметсіз бе"),
        ("customer", 2, "пиала шай берші"),
        ("cashier", 4, "пиала жүз пакеттік пе"),
        ("customer", 6, "иә"),
    )
    needs = _pharmacy().score(t, Receipt(()), confirmed=True).item("ask_needs")
    assert needs.outcome == "pass" and needs.evidence[0].utterance == 2
    bag = talk(
        ("cashier", 0, "сәлеметсіз бе"),
        ("customer", 2, "пиала шай берші"),
        ("cashier", 4, "мың бес жүз пакет керек пе"),
        ("customer", 6, "жоқ"),
    )
    assert _pharmacy().score(bag, Receipt(()), confirmed=True).item("ask_needs").outcome == "fail"


def test_the_usual_order_named_back_is_not_an_offer() -> None:
    t = talk(
        ("customer", 0, "Салам! Как обычно."),
        ("cashier", 2, "Салам! Чизкейк и чай, да?"),
        ("customer", 4, "Иә, дұрыс."),
        ("cashier", 6, "Наполеон алмайсың ба?"),
    )
    result = _pharmacy().score(t, Receipt(()), confirmed=True)
    assert [o.skus for o in result.upsell.offers] == [("NAP",)]


def test_the_bag_question_is_never_an_offer_even_with_a_bags_category() -> None:
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    scorer = Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("BAT", {"ru": "Батон нарезной"}, "Хлеб"),
                CatalogProduct("BAG", {"ru": "Пакет бумажный"}, "Пакеты"),
            )
        ),
    )
    t = talk(
        ("cashier", 0, "сәлем что берём"),
        ("customer", 2, "екі батон"),
        ("cashier", 4, "пакет керек пе"),
        ("customer", 6, "иә"),
    )
    lines = (
        ReceiptLine("BAT", "Батон нарезной", 2, 50_000, 3.0, "Хлеб"),
        ReceiptLine("BAG", "Пакет бумажный", 1, 5_000, 7.0, "Пакеты"),
    )
    result = scorer.score(t, Receipt(lines), confirmed=True)
    assert result.upsell.offers == () and result.item("upsell_offer").outcome == "fail"


def test_an_offer_question_after_the_sentence_naming_the_product() -> None:
    t = talk(
        ("cashier", 0, "Доброе утро! Что для вас?"),
        ("customer", 2, "Чай, пожалуйста."),
        ("cashier", 4, "У нас сегодня чизкейк, только из печи. Возьмёте к чаю?"),
        ("customer", 8, "Давайте."),
    )
    lines = (
        ReceiptLine("TEA", "Чай Пиала 100 пакетиков", 1, 50_000, 3.0),
        ReceiptLine("CHZ", "Чизкейк", 1, 90_000, 9.0),
    )
    result = _pharmacy().score(t, Receipt(lines), confirmed=True)
    assert [(o.skus, o.converted) for o in result.upsell.offers] == [(("CHZ",), True)]


def test_no_name_across_a_sentence_end_and_one_product_named_twice_is_one_offer() -> None:
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    scorer = Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("AME", {"ru": "Кофе американо"}, "Кофе"),
                CatalogProduct("CAP", {"ru": "Капучино"}, "Кофе"),
                CatalogProduct("HCH", {"ru": "Хачапури"}, "Выпечка"),
            )
        ),
    )
    t = talk(
        ("cashier", 0, "Что берём?"),
        ("customer", 2, "Хачапури."),
        ("cashier", 4, "Кофе алмайсыз ба? Американо, американо или капучино."),
        ("customer", 8, "Капучино давайте."),
    )
    lines = (
        ReceiptLine("HCH", "Хачапури", 1, 90_000, 3.0),
        ReceiptLine("CAP", "Капучино", 1, 90_000, 9.0),
    )
    result = scorer.score(t, Receipt(lines), confirmed=True)
    # «кофе» is the kind offered (the americano named after the question is one choice of it)
    assert [(o.kind, o.converted) for o in result.upsell.offers] == [("category", True)]


def test_one_more_of_the_same_at_half_price_converts_on_its_second_line() -> None:
    t = talk(
        ("cashier", 0, "не аласыз"),
        ("customer", 2, "чизкейк бір"),
        ("cashier", 4, "чизкейкті екеу алыңыз екіншісі жарты баға"),
        ("customer", 6, "жарайды екеу болсын"),
    )
    lines = (
        ReceiptLine("CHZ", "Чизкейк", 1, 90_000, 3.0),
        ReceiptLine("CHZ", "Чизкейк", 1, 45_000, 7.0),
    )
    result = _pharmacy().score(t, Receipt(lines), confirmed=True)
    assert [(o.kind, o.converted, o.line) for o in result.upsell.offers] == [("size", True, 1)]


def test_a_request_answered_once_something_was_rung_up() -> None:
    """«Что-нибудь от горла» → Стрепсилс rung up → the ascorbic acid recommended next is an
    upsell, not the answer to the request."""
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    scorer = Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("STR", {"ru": "Стрепсилс №24"}, "Горло", ("Горло",)),
                CatalogProduct("ASC", {"ru": "Аскорбинка драже"}, "Витамины"),
            )
        ),
    )
    t = talk(
        ("customer", 0, "Мне что-нибудь от горла."),
        ("cashier", 2, "Тогда Стрепсилс, две тысячи. Пойдёт?"),
        ("customer", 5, "Давайте."),
        ("cashier", 7, "Могу ещё аскорбинку порекомендовать."),
        ("customer", 9, "Давайте одну."),
    )
    lines = (
        ReceiptLine("STR", "Стрепсилс №24", 1, 200_000, 6.0),
        ReceiptLine("ASC", "Аскорбинка драже", 1, 30_000, 10.0),
    )
    result = scorer.score(t, Receipt(lines), confirmed=True)
    assert [(o.skus, o.converted) for o in result.upsell.offers] == [(("ASC",), True)]


@pytest.mark.parametrize(
    ("name", "called"),
    [
        ("Комбо: хот-дог + фри малый + кола 0,5", ("комбо",)),
        ("Сет «Бешбармак + сорпа + чай»", ("сет",)),
        ("«Бешбармақ + сорпа + шай» сеті", ("сети",)),
        ("Комплексный обед (суп + второе + компот)", ("комплексный", "обед")),
        ("Хот-дог + кола", ("хот", "дог")),
        ("Американо 250 мл", ("американо",)),
        ("Бауырсақ порция", ("бауырсак",)),
    ],
)
def test_a_set_is_called_by_its_own_name_not_by_what_it_holds(name: str, called) -> None:
    from forsell.analytics.upsell import _significant_words

    assert _significant_words(name) == called


def test_a_name_in_the_kazakh_dative_is_what_the_offer_goes_with() -> None:
    """«Шайға бірдеңе таттілеу берші» asks for something sweet; the tea is what it goes with,
    so the biscuits the cashier proposes answer the request."""
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    scorer = Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("TEA", {"ru": "Чай Пиала", "kk": "Пиала шайы"}, "Чай"),
                CatalogProduct("BIS", {"ru": "Печенье Юбилейное"}, "Сладости"),
            )
        ),
    )
    t = talk(
        ("cashier", 0, "салеметсиз бе апа"),
        ("customer", 2, "салем кызым шайга бирдене таттилеу берши"),
        ("cashier", 4, "юбилейное печенье бар жана келди соны алыныз"),
        ("customer", 6, "жарайды еки пачка"),
    )
    lines = (ReceiptLine("BIS", "Печенье Юбилейное", 2, 90_000, 7.0),)
    assert scorer.score(t, Receipt(lines), confirmed=True).upsell.offers == ()


def test_another_variant_named_exactly_is_an_offer_in_either_word_order() -> None:
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    scorer = Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("CLA", {"ru": "Круассан классический"}, "Выпечка"),
                CatalogProduct("CHO", {"ru": "Круассан шоколадный"}, "Выпечка"),
            )
        ),
    )
    t = talk(
        ("cashier", 0, "Доброе утро! Что вам?"),
        ("customer", 2, "Круассан классический."),
        ("cashier", 4, "Может, шоколадный круассан вместо классического?"),
        ("customer", 8, "Давайте шоколадный."),
    )
    lines = (ReceiptLine("CHO", "Круассан шоколадный", 1, 90_000, 9.0),)
    result = scorer.score(t, Receipt(lines), confirmed=True)
    assert [(o.skus, o.converted) for o in result.upsell.offers] == [(("CHO",), True)]


@pytest.mark.parametrize(
    ("lang", "name", "head"),
    [
        ("kk", "Ірімшік қосу", "иримшик"),  # «adding cheese»: the add-on is the cheese
        ("ru", "Добавка сыр", "сыр"),
        ("kk", "Қосымша шот", "шот"),
        ("ru", "Горячий шоколад", "шоколад"),
    ],
)
def test_an_add_on_is_called_by_what_is_added(lang: str, name: str, head: str) -> None:
    from forsell.analytics.upsell import _heads, _significant

    assert _heads(lang, _significant(name))[0] == head


def test_the_options_listed_for_a_customer_who_asked_what_there_is_are_no_upsell() -> None:
    t = talk(
        ("customer", 0, "девушка а что у вас из холодного есть"),
        ("cashier", 2, "чизкейк наполеон можем предложить"),
        ("customer", 4, "давайте наполеон"),
        ("cashier", 6, "а чай не хотите"),
    )
    lines = (ReceiptLine("NAP", "Наполеон, кусок", 1, 90_000, 5.0),)
    result = _pharmacy().score(t, Receipt(lines), confirmed=True)
    assert [(o.kind, o.category) for o in result.upsell.offers] == [("category", "Чай")]


def test_a_bigger_size_offered_again_after_the_choice_is_a_size_offer() -> None:
    """«Обычная или большая?» asks; «Может, большую всё-таки?» after «Обычная» offers."""
    from forsell.analytics import Catalog, CatalogProduct, formats

    from .conftest import CARDS

    scorer = Scorer(
        formats.load_scorecard(CARDS / "cafe.json"),
        Catalog(
            (
                CatalogProduct("SH1", {"ru": "Шаурма говяжья стандарт"}, "Шаурма"),
                CatalogProduct("SH2", {"ru": "Шаурма говяжья большая"}, "Шаурма"),
            )
        ),
    )
    t = talk(
        ("customer", 0, "Добрый день. Шаурму говяжью, пожалуйста."),
        ("cashier", 2, "Добрый. Говяжья обычная или большая?"),
        ("customer", 4, "Обычная."),
        ("cashier", 6, "Может, большую всё-таки? На четыреста дороже."),
        ("customer", 8, "Не-не, обычную."),
    )
    result = scorer.score(t, Receipt(()), confirmed=True)
    assert [o.kind for o in result.upsell.offers] == ["size"]


_SHOP = (
    ("ORB", "Жевательная резинка Orbit", "Orbit сағызы", "Сладости"),
    ("ACH", "Салат ачичук", "Ачичук салаты", "Салаты"),
    ("SMT", "Сметана (порция)", "Қаймақ (порция)", "Добавки"),
    ("TWS", "Твистер", "Твистер", "Роллы"),
    ("CMB", "Комбо Твистер (твистер, фри, кола)", "Твистер комбо", "Комбо"),
)


def _shop_scorer(cafe_scorer: Scorer) -> Scorer:
    from forsell.analytics import Catalog, CatalogProduct

    products = tuple(CatalogProduct(s, {"ru": r, "kk": k}, c) for s, r, k, c in _SHOP)
    return Scorer(cafe_scorer.scorecard, Catalog(products))


@pytest.mark.parametrize(
    ("offer", "sku"),
    [
        ("Орбит на кассе возьмите", "ORB"),  # a Latin brand, heard in Cyrillic
        ("Ачичук к лагману возьмите, свежий", "ACH"),  # the variety said alone
        ("В борщ сметанку добавить?", "SMT"),  # a diminutive
    ],
)
def test_a_product_called_by_its_brand_its_variety_or_a_diminutive(
    cafe_scorer: Scorer, offer: str, sku: str
) -> None:
    t = talk(("c", 0, "Здравствуйте"), ("u", 2, "Борщ и лагман"), ("c", 4, offer))
    result = _shop_scorer(cafe_scorer).score(t, Receipt(()), confirmed=True)
    assert [o.skus for o in result.upsell.offers] == [(sku,)], offer


def test_a_set_named_after_a_product_is_not_that_product(cafe_scorer: Scorer) -> None:
    """«Комбо Твистер» is not a kind of «комбо» called «твистер»: the customer who orders a
    twister has not asked for the combo, so the cashier's combo offer counts."""
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Твистер один"),
        ("c", 4, "Давайте лучше комбо Твистер возьмём, выгоднее."),
    )
    result = _shop_scorer(cafe_scorer).score(t, Receipt(()), confirmed=True)
    assert [o.skus for o in result.upsell.offers] == [("CMB",)]


def test_proposals_after_a_request_with_the_order_answer_it(cafe_scorer: Scorer) -> None:
    """«…и что-нибудь к столу» asks for proposals: they answer the customer, no upsell."""
    t = talk(
        ("c", 0, "Здравствуйте"),
        ("u", 2, "Борщ и что-нибудь к нему."),
        ("c", 4, "Возьмите ачичук, свежий."),
    )
    result = _shop_scorer(cafe_scorer).score(t, Receipt(()), confirmed=True)
    assert result.upsell.offers == ()


_CANTEEN = (
    ("TEA", "Чай чёрный", "Қара шай", "Напитки"),
    ("LEM", "Чай с лимоном", "Лимонды шай", "Напитки"),
    ("AME", "Кофе американо", "Американо кофесі", "Горячие"),
    ("CAP", "Капучино", "Капучино", "Горячие"),
    ("DNS", "Донер стандарт", "Донер стандарт", "Донеры"),
    ("DNB", "Донер большой", "Донер үлкен", "Донеры"),
    ("BMK", "Булочка с маком", "Көкнәрлі тоқаш", "Выпечка"),
    ("BKR", "Булочка с корицей", "Даршын тоқаш", "Выпечка"),
)


def _canteen(cafe_scorer: Scorer) -> Scorer:
    from forsell.analytics import Catalog, CatalogProduct

    products = tuple(CatalogProduct(s, {"ru": r, "kk": k}, c) for s, r, k, c in _CANTEEN)
    return Scorer(cafe_scorer.scorecard, Catalog(products))


def _line(sku: str, at: float) -> ReceiptLine:
    name = next(r for s, r, _, _ in _CANTEEN if s == sku)
    return ReceiptLine(sku, name, 1, 50_000, at)


def test_a_kind_offered_then_told_which_is_the_product_told(cafe_scorer: Scorer) -> None:
    """«Шай ше? Лимонды шай бар.» offers the lemon tea: the plain tea the customer takes
    instead converts nothing."""
    t = talk(
        ("c", 0, "Қайырлы күн! Не аласыз?"),
        ("u", 2, "Донер стандарт."),
        ("c", 4, "Шай ше? Лимонды шай бар."),
        ("u", 6, "Лимонсыз, жай қара шай беріңіз."),
    )
    r = Receipt((_line("DNS", 3.0), _line("TEA", 7.0)))
    up = _canteen(cafe_scorer).score(t, r, confirmed=True).upsell
    assert [(o.skus, o.converted) for o in up.offers] == [(("LEM",), False)]


def test_a_kind_offered_then_a_choice_of_it_is_the_kind(cafe_scorer: Scorer) -> None:
    """«Кофе алмайсыз ба? Американо или капучино.» offers coffee; the cappuccino converts."""
    t = talk(
        ("c", 0, "Сәлеметсіз бе!"),
        ("u", 2, "Донер стандарт."),
        ("c", 4, "Кофе алмайсыз ба? Американо или капучино."),
        ("u", 6, "Капучино давайте."),
    )
    r = Receipt((_line("DNS", 3.0), _line("CAP", 7.0)))
    up = _canteen(cafe_scorer).score(t, r, confirmed=True).upsell
    (offer,) = up.offers
    assert (offer.kind, offer.category, offer.converted, offer.sku) == (
        "category",
        "Горячие",
        True,
        "CAP",
    )


def test_the_order_read_back_to_confirm_offers_nothing(cafe_scorer: Scorer) -> None:
    """«Біреуі стандарт, біреуі үлкен, солай ма?» repeats the two doners ordered: neither line
    is a conversion."""
    t = talk(
        ("c", 0, "Армысыз! Не алғыңыз келеді?"),
        ("u", 2, "Екі донер беріңіз, біреуі үлкен болсын."),
        ("c", 4, "Біреуі стандарт, біреуі үлкен, солай ма?"),
        ("u", 6, "Иә."),
    )
    r = Receipt((_line("DNS", 7.0), _line("DNB", 7.0)))
    up = _canteen(cafe_scorer).score(t, r, confirmed=True).upsell
    assert up.offers == ()


def test_a_preposition_glued_to_the_name_by_the_recogniser(cafe_scorer: Scorer) -> None:
    """«булочку скорицей» is the cinnamon bun: the poppy-seed bun bought instead of it is no
    conversion."""
    t = talk(
        ("c", 0, "добрый день"),
        ("u", 2, "бородинский хлеб"),
        ("c", 4, "возьмите булочку скорицей"),
        ("u", 6, "с корицей не люблю давайте лучше с маком"),
    )
    up = _canteen(cafe_scorer).score(t, Receipt((_line("BMK", 7.0),)), confirmed=True).upsell
    assert [(o.skus, o.converted) for o in up.offers] == [(("BKR",), False)]


def test_more_packs_of_what_was_ordered_convert_on_the_next_pack(cafe_scorer: Scorer) -> None:
    """«…екі қорап алыңыз» after one pack was rung up: the second pack is the conversion."""
    from forsell.analytics import Catalog, CatalogProduct

    drug = CatalogProduct("OME", {"ru": "Омепразол 20 мг №30"}, "ЖКТ")
    scorer = Scorer(cafe_scorer.scorecard, Catalog((drug,)))
    t = talk(
        ("u", 0, "сәлеметсіз бе омепразол керек"),
        ("c", 2, "омепразол курсы екі апта болса екі қорап алыңыз"),
        ("u", 4, "онда екеу берші"),
    )
    line = ReceiptLine("OME", "Омепразол 20 мг №30", 1, 150_000, 1.0)
    r = Receipt((line, replace(line, added_at=5.0)))
    up = scorer.score(t, r, confirmed=True).upsell
    assert [(o.kind, o.line) for o in up.offers] == [("size", 1)]


@pytest.mark.parametrize(
    ("offer", "sku"),
    [
        ("возьмите комбу, выйдет дешевле", "CMB"),  # «комбо» declined like «комба»
        ("остался, вам со сметаной", "SMT"),  # the add-on «вам с …»
    ],
)
def test_an_offer_in_the_counters_own_forms(cafe_scorer: Scorer, offer: str, sku: str) -> None:
    t = talk(("c", 0, "Здравствуйте"), ("u", 2, "Твистер и борщ"), ("c", 4, offer))
    result = _shop_scorer(cafe_scorer).score(t, Receipt(()), confirmed=True)
    assert [o.skus for o in result.upsell.offers] == [(sku,)], offer


def test_a_question_with_a_choice_about_the_add_on_offers_nothing(cafe_scorer: Scorer) -> None:
    t = talk(("c", 0, "Здравствуйте"), ("u", 2, "Борщ"), ("c", 4, "Вам со сметаной или без?"))
    result = _shop_scorer(cafe_scorer).score(t, Receipt(()), confirmed=True)
    assert result.upsell.offers == ()


def test_a_kind_and_its_product_in_one_clause_are_one_offer(cafe_scorer: Scorer) -> None:
    t = talk(
        ("c", 0, "сәлеметсіз бе"),
        ("u", 2, "донер стандарт"),
        ("c", 4, "шай ішесіз бе лимонды шай бар"),
    )
    up = _canteen(cafe_scorer).score(t, Receipt(()), confirmed=True).upsell
    assert [o.skus for o in up.offers] == [("LEM",)]
