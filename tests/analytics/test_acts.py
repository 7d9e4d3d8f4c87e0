"""Dialogue acts of single utterances: what makes a phrase count, and what must not."""

import pytest

from forsell.analytics.acts import find_acts
from forsell.analytics.normalize import tokenize


def acts(text: str):
    return find_acts(tokenize(text, 0.0, 1.0))


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # «быть», «хотеть», «взять» only as written: «была» is no «с вас будет»,
        # «хочу»/«возьму» no «хотите»/«возьмите».
        ("у меня ваша карточка где то была", "price"),
        ("я хочу капучино", "offer"),
        ("я возьму круассан", "offer"),
        # «картамен» (paying by card) is not the cashier's «картамен бе?» misheard.
        ("картамен", "price"),
        # «Добрый вечер» on the way in is a greeting, not «доброго вечера».
        ("добрый вечер две колы", "farewell"),
        # «Сәлеметсіз бе» asks nothing: the order after it is no quantity question.
        ("сәлеметсіз бе картоп екі жарым келі", "needs"),
        # «это не ко мне» is not «мне латте».
        ("это не ко мне", "order"),
        # «Как обычно.» stated is a regular's order.
        ("Салам, брат! Как обычно.", "needs"),
        # «керек емес пе» is a tag question, not a choice between two things.
        ("бауырсақ пісіресіз бе жұмыртқа керек емес пе", "needs"),
        # A sentence ended with a full stop states, whatever its words.
        ("Мне что-то к чаю, не знаю даже что.", "needs"),
        # «В следующий раз» (next time) is no «Следующий!».
        ("ладно в следующий раз", "till"),
        ("кейін келесі жолы", "till"),
        # The take-away words said with an order word order («мне … с собой»), they ask nothing.
        ("мне американо маленький с собой", "needs"),
        ("дайте два беляша с собой", "needs"),
        # Nor is a price word without a sum a price («всего доброго», «завтра будет»).
        ("всего доброго", "price"),
        ("товар завтра будет", "price"),
        # A weight is no sum of money.
        ("сыра грамм пятьсот", "price"),
        # A need asked with a particle is the cashier's question, nobody's order.
        ("пакет керек пе", "order"),
        # «все» (everyone) in the middle of a question is no «это всё?».
        ("маски не нужны сейчас все берут", "needs"),
        # A choice after a proposing verb lists what is proposed: an offer, not a question
        # about the order.
        ("жент алмайсыз ба әлде печенье", "needs"),
        ("может добавить сироп ванильный или карамельный", "needs"),
        # «Что надо было…»: a customer trying to remember the list, nobody brushed off.
        ("так что надо было купить", "brush_off"),
        # A discount in percent is no quantity of the order.
        ("Можно зарегистрироваться, сразу пять процентов кэшбэк.", "needs"),
    ],
)
def test_not_the_act(text: str, act: str) -> None:
    a = acts(text)
    found = bool(a.offer_form) if act == "offer" else getattr(a, act) is not None
    assert not found, (text, act)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("с вас будет тысяча", "price"),
        ("круассан не хотите", "offer"),
        ("картамен бе", "price"),
        ("спасибо, доброго вечера", "farewell"),
        ("сәлеметсіз бе қалай көмектесейін", "needs"),
        ("кеш жарық", "greeting"),
        ("бармысыз бар жүз теңге", "greeting"),  # «Армысыз!» — «Бармысыз!»
        ("мне латте", "order"),
        ("Как обычно?", "needs"),
        ("как обычно", "needs"),  # no punctuation at all: may be the question
        ("маленький американо с собой", "needs"),  # the take-away question, unpunctuated
        ("Это всё?", "needs"),
        ("большой или маленький возьмёте", "needs"),  # the verb after the choice asks it
        ("всё да", "needs"),
    ],
)
def test_the_act(text: str, act: str) -> None:
    a = acts(text)
    found = bool(a.offer_form) if act == "offer" else getattr(a, act) is not None
    assert found, (text, act)


def test_a_voice_ordering_with_quantities_or_asking_about_the_card_is_read_right() -> None:
    from forsell.analytics.speakers import voice_evidence

    # The customer's bare «давайте один и компот можно большой» orders (no needs question).
    assert voice_evidence(acts("давайте один и компот можно большой")) < 0
    # The cashier's «карта накопительная у вас есть наша» asks about the card.
    assert voice_evidence(acts("карта накопительная у вас есть наша")) > 0
    # The cashier's «не керек» stays an open question even with «керек» in it.
    assert voice_evidence(acts("салеметсиз бе апай не керек")) > 0


@pytest.mark.parametrize(
    "text",
    ["Картой.", "переводом", "ну наличными", "Kaspi QR", "қолма-қол", "а самса есть",
     "борщ остался?", "Линекс есть?"],
)  # fmt: skip
def test_paying_by_a_method_or_asking_what_is_in_stock_sounds_like_the_customer(text: str) -> None:
    from forsell.analytics.speakers import voice_evidence

    assert voice_evidence(acts(text)) < 0, text


@pytest.mark.parametrize(
    "text",
    ["картой или наличными", "мелочь есть?", "пакет есть?", "у нас есть свежие самсы",
     "бонусная карта есть?"],
)  # fmt: skip
def test_the_cashiers_payment_bag_offer_and_card_questions_are_not_the_customers(text: str) -> None:
    from forsell.analytics.speakers import voice_evidence

    assert voice_evidence(acts(text)) >= 0, text


def test_every_lexicon_lists_each_phrase_once() -> None:
    from forsell.analytics import acts as lexicon

    for name in ("OFFER_CUES", "SIZE_UP", "NEEDS_OPEN", "GREETINGS", "FAREWELLS", "CONFIRM"):
        sources = [p.source for p in getattr(lexicon, name)]
        assert len(sources) == len(set(sources)), name


@pytest.mark.parametrize(
    "text",
    [
        # «только что» is «just now», not «что?»
        "блин острые только что закончились новые жарятся минут пять",
        # «сейчас нет» says it is not there; no tag question
        "эклеры привезут через полчаса сейчас нет",
        # a quantity inside an offer belongs to the offer
        "майонез алмайсыз ба акция екіншісі жарты бағасына",
        "Кола акциямен, екіншісі жарты бағаға. Возьмёшь две?",
        # one particle is small talk, the other the offer's: no choice between two things
        "палауға ма пияз алмайсыз ба жаңа пияз келді",
    ],
)
def test_no_question_about_the_order(text: str) -> None:
    assert acts(text).needs is None, text


@pytest.mark.parametrize(
    "text",
    [
        "бар жаңа ғана пісті жарты келі ме",  # a quantity asked after a word of praise
        "тағы бір нәрсе керек пе",  # «anything else?»
        "американо две?",
    ],
)
def test_still_a_question_about_the_order(text: str) -> None:
    assert acts(text).needs is not None, text


def test_money_handed_over_and_the_cashiers_what_do_you_need_are_told_apart() -> None:
    from forsell.analytics.speakers import voice_evidence

    # «Мә» (here you are) is no question particle: the customer hands over a sum.
    assert voice_evidence(acts("Мә, екі мың.")) < 0
    # «керек» of the cashier's «не керек?» is not the customer ordering.
    assert voice_evidence(acts("Иә, не керек?")) >= 2.0


@pytest.mark.parametrize(
    "text",
    [
        "здрасте может одну двухлитровую возьмёте так дешевле выйдет",
        "две булочки может еще чак чак к чаю у нас свой на меду",
    ],
)
def test_a_quantity_in_a_proposal_asks_nothing_about_the_order(text: str) -> None:
    a = acts(text)
    assert a.needs is None and a.offer_form, text
