"""Dialogue acts at the counter: what an utterance does (greets, asks what the customer wants,
offers, asks about the loyalty card, thanks and says goodbye, names a price, orders), recognised
by form as well as by words, in Russian, Kazakh and both at once.

The labelling guide (docs/labelling.md) is the specification. The lexicons below are the
building blocks a cashier's sentence is made of, not whole sentences to look up: a question is
told by its question mark, its interrogative word or its Kazakh question particle; a choice by
«или» / «әлде» / two particles; an offer by a question, an imperative or a recommendation. Every
word is matched by ``matching`` (lemmas, Kazakh endings, recogniser errors), on text with or
without case and punctuation.

Acts are found for every utterance regardless of who said it: ``speakers`` uses them to tell the
cashier from the customer, and ``scoring`` then credits only the cashier's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lang import is_verb, known_russian, thing_in_accusative, transitive_imperative
from .matching import Match, Pattern, find_all
from .normalize import Token


def _compile(*phrases: str, inflect: bool = True) -> tuple[Pattern, ...]:
    return tuple(Pattern.compile(p, inflect=inflect) for p in phrases)


# --- lexicons (folded on compile; ``*`` marks an explicit stem) --------------------------------

GREETINGS = _compile(
    "здравствуйте", "здравствуй", "привет", "приветствую", "добрый день", "добрый вечер",
    "доброе утро", "доброго утра", "доброго дня", "доброй ночи", "добро пожаловать", "салют",
    "сәлеметсіз бе", "сәлеметсіздер ме", "сәлеметсізбе", "сәлем", "салам", "саламатсыз ба",
    "ассалаумағалейкум", "уағалейкумассалам", "уағалейкум сәлем", "армысыз", "армысыздар",
    "бармысыз", "бармысыздар",  # the answer to «армысыз» in the same formula
    "приветики", "қайырлы таң", "қайырлы күн", "қайырлы кеш", "кеш жарық", "добренький день",
    "қош келдіңіз", "қош келдіңіздер", "hello", "hi", "хеллоу", "хай", "приветствуем",
    "ассаламу алейкум", "ассалам алейкум", "салаам", "здравия желаю",
    inflect=False,  # fixed formulas: «саламын» (I put) is not «салам»
)  # fmt: skip
#: «Добрый!» alone is a greeting; «всего доброго» is a farewell.
GOOD = _compile("добрый")
NOT_GOOD = frozenset({"всего", "всех", "всем", "очень"})

FAREWELLS = _compile(
    "спасибо", "благодарю", "до свидания", "всего доброго", "всего хорошего", "всего наилучшего",
    "хороших выходных",
    "приходите еще", "приходите снова", "заходите еще", "ждем вас", "ждем снова", "будем ждать",
    "удачи", "пока", "приятного аппетита", "счастливо", "до встречи", "рахмет", "көп рахмет",
    "сау болыңыз", "сау болыңыздар", "сау бол", "көріскенше", "қош болыңыз", "тағы келіңіз",
    "қайта келіңіз", "тағы келіңіздер", "жақсы күн", "ас болсын", "сәттілік", "bye", "thank you",
    "до завтра", "до вечера", "выздоравливайте", "поправляйтесь", "будьте здоровы",
    "не болейте", "жазылыңыз", "тез жазылыңыз", "жолыңыз болсын", "денсаулығыңыз болсын",
    "ертеңге дейін", "жақсы демалыңыз", "жақсы демалыс", "хорошего отдыха",
) + _compile(
    # Wishes that share their words with greetings («добрый вечер!» on the way in).
    "хорошего дня", "хорошего вечера", "доброго дня", "доброго вечера", "удачного дня",
    "удачного вечера", "приятного дня", "приятного вечера",
    inflect=False,
)  # fmt: skip

#: Open questions about the order, and "as usual?".
NEEDS_OPEN = _compile(
    "что будете", "что вам", "что желаете", "что хотите", "что для вас", "что подсказать",
    "чем помочь", "чем могу помочь", "что берем", "что возьмете", "что брать будете",
    "что ищете", "помочь найти", "вам помочь", "ваш заказ", "заказывать будете",
    "определились", "выбрали", "чем могу быть полезен", "чем могу быть полезна",
    "что-нибудь еще", "что-то еще", "еще что-нибудь", "еще что-то",
    "что еще", "больше ничего", "как обычно", "как всегда", "вам как", "что готовим",
    "что сделать", "что налить", "что показать", "что-то подсказать",
    "не аласыз", "не алғыңыз келеді", "не алайық", "не қалайсыз", "не керек", "не береміз",
    "не берейін", "не ұсынайын", "не іздеп жүрсіз", "не ішесіз", "не ішесіздер", "не жейсіз",
    "не іздейсіз", "не аласыздар",
    "тапсырыс", "тапсырысыңыз", "көмектесейін бе", "қалай көмектесейін", "қандай көмек",
    "тағы не", "тағы бірдеңе", "тағы бір нәрсе", "басқа не", "немен көмектесе", "көмектесе аламын",
    "тағы не керек", "әдеттегідей", "кәдімгідей", "what would you like",
)  # fmt: skip
#: The take-away question, a question by its words alone.
TAKEAWAY = _compile("с собой", "на вынос", "өзіңізбен", "осында ма", "здесь или") + _compile(
    # An infinitive the cashier says of the order asks («круассаны подогреть»); «подогрею»
    # (I will) does not.
    "подогреть", "разогреть", "погреть", "нарезать", "порезать", "жылытайын ба", "кесейін бе",
    inflect=False,
)  # fmt: skip

#: Words that clarify the order when asked as a question («с собой?», «разогреть?», «жарай ма?»).
NEEDS_IF_ASKED = _compile(
    "с собой", "здесь", "тут", "на вынос", "разогреть", "подогреть", "погреть", "нарезать",
    "порезать", "это все", "все", "больше ничего", "осында", "өзіңізбен", "барлығы осы",
    "осы ма", "жарай ма", "болады ма", "бола ма", "жылытайын", "кесейін",
)  # fmt: skip

#: Interrogative words that ask about the order when the sentence is a question.
ORDER_WH = _compile(
    "что", "какой", "какая", "какое", "какие", "какую", "каким", "сколько", "какого", "каких",
    "қандай", "қай", "қанша", "нешеу", "неше", "қайсысы", "қайсы", "қайсысын", "қаншасы",
    "қаншасын", "нешеуі", "нешеуін",
    inflect=False,  # «что-нибудь» shares a lemma with «чем», but asks nothing
)  # fmt: skip
CHOICE = _compile("или", "либо", "әлде", "не то")
#: Tags that ask the customer to confirm what the cashier read back («…біреуі үлкен, солай ма?»,
#: «…и латте, правильно?»): the clause repeats the order, it proposes nothing.
CONFIRM = _compile(
    "солай ма", "солай ғой", "солай", "дұрыс па", "дұрыс", "правильно", "верно", "так ведь",
    "все верно", "всё правильно",
    inflect=False,
)  # fmt: skip
#: Offer cues too weak to make a needs question an offer («будете?», «нужен?», «…ше?»).
WEAK_CUES = frozenset({
    "?", "будете", "нужен", "нужна", "нужно", "надо", "ше", "может", "давайте", "будешь",
    # «Вам со сметаной?» offers the add-on; «вам с молоком или без?» asks about the order.
    "вам с", "вам со",
})  # fmt: skip

#: Kazakh question particles (folded: ма/ме/ба/бе/па/пе) and the Russian «ли».
PARTICLES = frozenset({"ма", "ме", "ба", "бе", "па", "пе", "ли", "ше"})
RU_QUESTION = _compile(
    "будете", "хотите", "желаете", "нужен", "нужна", "нужно", "нужны", "можно", "может",
    "не хотите", "подойдет", "устроит",
)  # fmt: skip

#: How someone is: a question at the counter that is about nobody's order.
SMALL_TALK = _compile(
    "как дела", "как вы", "как жизнь", "как настроение", "как здоровье", "қалайсыз",
    "қалыңыз қалай", "жағдайыңыз қалай", "хал жағдай", "жағдай қалай", "как поживаете",
    inflect=False,
)  # fmt: skip

#: Payment, bag, receipt, ID: questions about these are not about what the customer wants.
NOT_ORDER = _compile(
    "картой", "карточкой", "наличными", "наличкой", "налом", "налик", "оплата", "оплатите",
    "оплачивать", "платить", "заплатите", "каспи", "kaspi", "qr", "кьюар", "перевод",
    "переводом", "сдача", "сдачи", "без сдачи", "мелочь", "мелочи", "пакет", "пакетик",
    "чек", "паспорт", "удостоверение", "документ", "бонус*", "скидочн*", "балл*",
    "картамен", "қолма-қол", "төлейсіз", "төлем", "төлеңіз", "қалта", "пакет керек",
    "жеке куәлік", "қайтарым", "ақша",
)  # fmt: skip

LOYALTY = _compile(
    "бонус*", "балл*", "кэшбэк", "кешбэк", "скидочн* карт*", "накопительн*", "дисконтн*",
    "карт* лояльности", "клубн* карт*", "карта клиента", "карта магазина", "нашу карту",
    "наша карта", "нашей карты", "карту оформить", "оформить карту", "оформим карту",
    "карточку оформить", "карта есть", "карточка есть", "карты нет", "карта имеется",
    "приложение", "программа лояльности", "карты нашей", "карта наша", "карту нашу",
    "карточки нашей", "карточка наша", "карточку нашу", "скидку по карте", "жеңілдік карта*",
    "жеңілдік картаңыз",
    "бонус карта", "жинақ карта", "картаңыз бар", "картаңыз бар ма", "карта бар ма",
    "карточкаңыз бар", "бонус қосымша*", "қосымшамыз", "тіркелу", "тіркелейік",
    "қосымшада тіркел*", "тіркелсеңіз", "тіркелсеңіздер", "тіркеліңіз",
    "по номеру телефона", "номер телефона", "телефон нөміріңіз", "нөміріңізді", "постоянного",
    "постоянный клиент", "клубная", "дисконт", "жинақ", "скидочная", "бонустар",
    "ұпай жинайсыз", "ұпай жинайсыз ба", "ұпайларыңыз", "ұпай жинау",
)  # fmt: skip

#: A cashier naming the sum, a price, change, the total.
PRICE = _compile(
    "с вас", "итого", "к оплате", "всего", "стоит", "стоимость", "будет", "тенге", "сдача",
    "барлығы", "бағасы", "тұрады", "болады", "төлеңіз", "төлейсіз", "картой или наличными",
    "наличными или картой", "каспи или", "картамен бе", "қолма-қол ма", "чек",
)  # fmt: skip
#: A customer ordering or asking.
ORDER = _compile(
    "мне", "можно", "дайте", "давайте", "возьму", "я возьму", "хочу", "хотела бы",
    "хотел бы", "сколько стоит", "сколько с меня", "почем", "у вас есть", "есть ли", "маған",
    "беріңізші", "беріңіз", "берші", "алайын", "аламын", "қанша тұрады", "қанша болады",
    "бар ма", "керек", "вот", "держите", "мынау", "міне",
    inflect=False,  # «хочу», not «хотите» (a cashier's offer)
)  # fmt: skip

#: «Как обычно»: a regular's usual order; the products named with it are the order, not offers.
USUAL = _compile(
    "как обычно", "как всегда", "как в прошлый раз", "то же самое", "әдеттегідей",
    "кәдімгідей", "баяғыдай", "баяғы", "бұрынғыдай",
    inflect=False,
)  # fmt: skip

_USUAL_PHRASES = frozenset(p.source for p in USUAL)

#: A customer asking for a kind of thing without naming it («тұмауға бір дәрі керек», «что-нибудь
#: от кашля», «посоветуйте …»): the product the cashier then proposes is the answer to the
#: request, not an upsell (the guide: "the customer asked for it first").
SEEKING = _compile(
    "нужно что-нибудь", "нужно что-то", "что-нибудь от", "что-то от", "что нибудь от",
    "что то от", "посоветуйте", "подскажите", "порекомендуйте", "что посоветуете",
    "бір дәрі", "дәрі керек", "бірдеңе", "бір нәрсе", "не ұсынасыз", "кеңес беріңіз",
    "что у вас есть", "что у вас из", "что есть из", "что у вас есть из", "не бар",
    "что-нибудь к", "что нибудь к", "что-то к", "что то к", "что есть к",
    "қандай түрі бар",
    inflect=False,
)  # fmt: skip

#: What only the one behind the till says: calling the next customer, the card terminal, the
#: change, the receipt.
TILL = _compile(
    "следующий", "келесі", "слушаю", "проходите", "прикладывайте", "приложите", "вставляйте",
    "терминал", "сдача", "ваша сдача", "қайтарым", "сканерлеңіз", "сканируйте", "өтті",
    "прошла", "пробиваю", "ваш чек", "чекті", "готово", "дайын", "пакет нужен", "пакет керек",
    inflect=False,
)  # fmt: skip
#: Brushing a customer off: the serving side's words, however rude («Ждите.», «Что надо?»).
BRUSH_OFF = _compile(
    "ждите", "что надо", "чего надо", "не положено", "сами смотрите", "сами ищите",
    "күтіңіз", "менің жұмысым емес", "менің шаруам емес", "саған не керек",
    inflect=False,
)  # fmt: skip
#: What a customer says when paying.
PAYS = _compile(
    "без сдачи", "сдачи не надо", "можно картой", "картой можно", "сколько с меня",
    "қанша болды", "қанша төлеймін", "на каспи", "переводом можно",
    inflect=False,
)  # fmt: skip

OFFER_CUES = _compile(
    "хотите", "не хотите", "желаете", "не желаете", "может", "можем", "могу предложить",
    "предлагаю", "предложить", "возьмите", "возьмете", "попробуйте", "рекомендую", "советую",
    "берите", "добавить", "добавим", "добавлю", "добавите", "давайте", "не хотели бы",
    "по акции", "акция", "акции", "скидка", "новинка", "свежие", "свежая", "свежий", "свежее",
    "только что", "горячие", "вкусные", "у нас есть", "испекли", "только испекли", "к вашему",
    "в комплект", "комбо",
    "не желаете ли", "не интересует", "интересует", "будете", "нужен", "нужна", "нужно",
    "аласыз ба", "алмайсыз ба", "алыңыз", "алыңызшы", "алсаңыз", "қалайсыз ба",
    "қаламайсыз ба", "ұсынамын", "ұсынайын", "ұсынамыз", "көріңіз", "татып көріңіз",
    "қосайын ба", "қосайық", "қосамыз ба", "қосайын", "жаңа", "бізде", "жеңілдік", "керек пе",
    "алайын ба", "сынап көр", "сынап көріңіз", "татып көр",
    "керек емес пе", "алайық па", "ше", "выгоднее", "выгодно", "дешевле", "тиімді", "арзан",
    "сделать", "сделаем", "увеличить", "всего на", "доплата", "доплатить", "за доплату",
    "қымбат", "қымбатырақ", "алып қойыңыз", "алып кетіңіз", "ала кетіңіз", "ала салыңыз",
    "алып көріңіз", "ала қойыңыз", "қоса алыңыз", "берете", "не берете", "брать будете",
    "возьмешь", "возьмёшь",
    "положить", "положу", "положим", "салайын ба", "салайық па", "салып берейін",
    "саламын ба", "қосамын ба", "вам с", "вам со",
    # Each proposing form with its family: «надо» beside «нужно» («хлеб надо?», «сметану не
    # надо?»); the familiar «ты» forms beside the polite ones (person verbs match only as
    # written); the Kazakh «shall I make / shall we put» beside «сделать», «салайын ба»; «V-ып
    # көр» (try V-ing) beside «алып көріңіз»; «алмайсыз» when the recogniser lost its «ба».
    "надо", "не надо", "будешь", "хочешь", "не хочешь", "желаешь", "возьми",
    "жасайын ба", "жасайық па", "жасап берейін бе", "қылайын ба", "саламыз ба", "алып көр",
    "ішіп көр", "жеп көр", "алмайсыз", "алмайсың", "алмайсыздар",
    # Putting an add-on on the dish, beside «положить»: «подливой полить?», «сыром посыпать?».
    "полить", "полью", "польем", "посыпать", "посыплю", "құяйын ба", "себейін бе",
)  # fmt: skip
#: Size upgrades: a bigger size the customer did not ask for.
SIZE_UP = _compile(
    "дешевле выйдет", "арзан", "арзанырак", "тиімді", "тиімдірек",
    "выгоднее", "сразу две", "сразу два", "вторую", "большая", "большое", "большие", "большой",
    "большую", "побольше", "больше", "увеличить", "увеличим", "крупный", "крупную", "двойной",
    "двойную", "макси", "xl", "үлкен", "үлкенін", "үлкенірек", "үлкейтейік", "үлкейтейін",
    "0,5", "литровую", "екіншісі", "екіншісін", "екіншісіне", "второй за", "вторая за",
    # More packs of what was ordered («курс две недели, екі қорап алыңыз»).
    "2 қорап", "2 пачка", "2 упаковка", "2 коробка", "2 қаптама",
    # One more of what was ordered («может, ещё пару эклеров к чаю?»).
    "еще пару", "еще парочку", "еще 1", "еще одну", "еще одна", "еще по 1",
)  # fmt: skip


@dataclass(frozen=True)
class Hit:
    """An act found in an utterance: ``first``..``last`` are token indexes, ``phrase`` is the
    lexicon entry or rule that matched (shown to the supervisor as the reason)."""

    act: str
    first: int
    last: int
    phrase: str
    #: why it counts, for the supervisor: phrase | choice | question_word | open_question |
    #: quantity | asked (see ``WHY``)
    why: str = "phrase"


def clauses(tokens: Sequence[Token]) -> list[tuple[int, int, bool]]:
    """(first, last, ends with "?") token spans, split at sentence punctuation the recogniser
    kept; without punctuation the whole utterance is one clause."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    for i, t in enumerate(tokens):
        if i + 1 < len(tokens) and tokens[i + 1].raw is t.raw:
            continue  # «что-нибудь?» is two tokens of one word: the mark ends the second
        raw = t.raw.rstrip("»\"')")
        if raw.endswith(("?", ".", "!", "…")) or i == len(tokens) - 1:
            out.append((start, i, raw.endswith("?")))
            start = i + 1
    return out


def _hits(patterns: Sequence[Pattern], norms: Sequence[str], first: int, last: int) -> list[Match]:
    part = norms[first : last + 1]
    out = []
    for p in patterns:
        for m in find_all(p, part):
            out.append(Match(p, m.first + first, m.last + first))
    return out


def _any(patterns: Sequence[Pattern], norms: Sequence[str], first: int, last: int) -> Match | None:
    found = _hits(patterns, norms, first, last)
    return min(found, key=lambda m: m.first) if found else None


_PACK = _compile("пакет", "пакетик", "пакетиков")
_WANTED = frozenset({"нужен", "нужно", "надо", "керек", "нужны", "салайын"})


def not_order(norms: Sequence[str], first: int, last: int) -> Match | None:
    """The payment, a bag, an ID, the loyalty card: a question about it is not about the order.
    «Пиала жүз пакеттік пе?» counts its tea bags: a pack size (a number before it), not a bag."""
    for m in sorted(_hits(NOT_ORDER, norms, first, last), key=lambda m: m.first):
        # One number right before it (not a price's run of numbers), no «нужен»/«керек» after.
        packed = (
            m.first > 0
            and norms[m.first - 1].isdigit()
            and not (m.first > 1 and norms[m.first - 2].isdigit())
            and not (m.last + 1 < len(norms) and norms[m.last + 1] in _WANTED)
        )
        if packed and _any(_PACK, norms, m.first, m.last) is not None:
            continue
        return m
    return None


#: «Всё?» (is that all?) closes the question; «все берут», «всё свежее» (everyone, all of it)
#: say something else.
_ALL = frozenset({"все", "это все"})
_CLOSING = frozenset({"да", "ли", "нет"}) | PARTICLES


def _asked(norms: Sequence[str], first: int, last: int) -> Match | None:
    """A word that clarifies the order when asked («с собой?», «разогреть?», «это всё?»)."""
    for m in sorted(_hits(NEEDS_IF_ASKED, norms, first, last), key=lambda m: m.first):
        if m.pattern.source in _ALL and m.last < last and norms[m.last + 1] not in _CLOSING:
            continue
        return m
    return None


def small_talk(norms: Sequence[str], first: int, last: int) -> bool:
    """«Как дела?», «Жағдайыңыз қалай?»: asks how someone is, not about the order."""
    return _any(SMALL_TALK, norms, first, last) is not None


def is_question(norms: Sequence[str], first: int, last: int, mark: bool) -> bool:
    """A question by its mark, its Kazakh particle or «ли», or an interrogative word."""
    if mark:
        return True
    if _particles(norms, first, last, with_she=True):
        return True
    if last > first and norms[last] in ("да", "нет") and norms[last - 1] not in _NOT_TAG:
        return True  # a tag question: «капучино, да?»; «…сейчас нет» says it is not there
    return _wh(norms, first, last) is not None or (
        _any(RU_QUESTION, norms, first, last) is not None
    )


_INDEFINITE = frozenset({"нибудь", "то", "либо"})
#: «всего четыреста», «екі жүз ғана»: a price said to make something seem cheap (folded).
_ONLY_BEFORE = frozenset({"всего", "только", "бар", "небары"})
_ONLY_AFTER = frozenset({"гана", "кана", "только", "всего"})
_PITCH = Pattern.compile("всего")
_NOT_PRICE = frozenset({
    "мл", "л", "г", "гр", "грамм", "граммов", "литр", "литра", "кг", "штук", "минут", "шт",
})  # fmt: skip


def _price_pitch(norms: Sequence[str], first: int, last: int) -> Match | None:
    """A price called cheap («На десерт мороженое, всего четыреста.»): a recommendation of
    what the sentence names (the total is never «всего» with a number before «с вас»)."""
    for k in range(first, last + 1):
        # A price, not «раф 1 ғана көлемде» (one size only) nor «всего 300 мл».
        if not norms[k].isdigit() or int(norms[k]) < 50:
            continue
        if k < last and norms[k + 1] in _NOT_PRICE:
            continue
        if k > first and norms[k - 1] in _ONLY_BEFORE:
            return Match(_PITCH, k - 1, k)
        if k < last and norms[k + 1] in _ONLY_AFTER:
            return Match(_PITCH, k, k + 1)
    return None


#: Words before a final «нет» that make it «there is none», not a tag question.
_NOT_TAG = frozenset({"сейчас", "пока", "уже", "больше", "тоже", "совсем", "вообще", "еще"})
#: Words that make «что» a conjunction or «just» («только что испекли», «потому что»).
_WHAT_NOT_ASKED = frozenset({"только", "потому", "оттого", "затем"})


def _wh(norms: Sequence[str], first: int, last: int) -> Match | None:
    """An interrogative word, not the indefinite «что-нибудь» / «что-то»."""
    for m in sorted(_hits(ORDER_WH, norms, first, last), key=lambda m: m.first):
        if m.last + 1 < len(norms) and norms[m.last + 1] in _INDEFINITE:
            continue
        if m.first > 0 and norms[m.first - 1] in _WHAT_NOT_ASKED and norms[m.first] == "что":
            continue
        return m
    return None


_PRICE_WORDS = frozenset({"тенге", "тг", "теңге", "процентов", "процента", "процент", "пайыз"})
#: Quantities said without digits («жарты келі ме?», «половинку?»), folded.
_FRACTIONS = frozenset({"жарты", "половина", "половину", "половинку", "пол", "полкило"})


def _how_many(norms: Sequence[str], first: int, last: int) -> Match | None:
    """A question with a quantity in it («екі қорап па?», «четыреста восемьдесят грамм,
    хорошо?») clarifies the order; one with a price («тысяча тенге?») does not."""
    part = norms[first : last + 1]
    if len(part) < 2 or any(w in _PRICE_WORDS for w in part):
        return None  # «Одну?» alone is an echo, not a question about the order
    for i, w in enumerate(part):
        if w.isdigit() or w in _FRACTIONS:
            return Match(_QUANTITY, first + i, first + i)
    return None


#: «Сәлеметсіз бе» is a greeting formula: its «бе» asks nothing.
_GREETING_STEMS = ("салеметсиз", "саламатсыз", "салеметсиздер")


#: Kazakh polite imperative and 2nd person endings, folded («алыңыз», «аласыз»).
_KK_VERB_ENDINGS = ("ыныз", "иниз", "ныз", "низ", "сыз", "сиз")


def _offer_verb(norms: Sequence[str], cue: Match) -> bool:
    """The cue is a verb that proposes («алмайсыз ба», «возьмёшь», «алыңыз»), not a word that
    praises («жаңа», «свежие») or a weak one («будете?»)."""
    if cue.pattern.source in WEAK_CUES:
        return False
    words = norms[cue.first : cue.last + 1]
    return any(w in PARTICLES or w.endswith(_KK_VERB_ENDINGS) or is_verb(w) for w in words)


def _particles_in(norms: Sequence[str], m: Match | None) -> int:
    """The question particles inside a matched phrase («алмайсыз ба»)."""
    return 0 if m is None else sum(n in PARTICLES for n in norms[m.first : m.last + 1])


def _particles(norms: Sequence[str], first: int, last: int, with_she: bool = False) -> int:
    return sum(
        n in PARTICLES
        and i > first  # a particle follows what it asks about: «Мә, екі мың.» hands money
        and (with_she or n != "ше")
        and not (i > 0 and norms[i - 1].startswith(_GREETING_STEMS))
        and not (i > 0 and norms[i - 1] == "емес")  # «керек емес пе?»: a tag, not a choice
        for i, n in enumerate(norms[first : last + 1], start=first)
    )


@dataclass(frozen=True)
class Acts:
    """What one utterance does; each act's first hit, or None."""

    greeting: Hit | None = None
    needs: Hit | None = None
    loyalty: Hit | None = None
    farewell: Hit | None = None
    price: Hit | None = None
    order: Hit | None = None
    size_up: Hit | None = None
    till: Hit | None = None
    pays: Hit | None = None
    brush_off: Hit | None = None
    offer_form: tuple[tuple[int, int, Hit], ...] = ()  # (clause first, clause last, cue)
    #: clauses that ask what the customer wants (open, choice, wh-question): not offers
    needs_clauses: tuple[tuple[int, int], ...] = ()
    #: clauses in question form: (first, last)
    questions: tuple[tuple[int, int], ...] = ()
    #: the utterance's folded words: ``speakers`` compares a turn with the one before it
    words: tuple[str, ...] = ()


_TWO_PARTICLES = Pattern.compile("ма ме")  # «үлкен бе, кішкентай ма?»
_WHAT_DO_YOU = Pattern.compile("не …сыз")
_QUANTITY = Pattern.compile("1")


#: Why an act was recognised, as shown to the supervisor (words for each in ``ui/``).
WHY = ("phrase", "choice", "question_word", "open_question", "quantity", "asked")


def _why(pattern: Pattern) -> str:
    if pattern is _TWO_PARTICLES or pattern in CHOICE:
        return "choice"
    if pattern is _WHAT_DO_YOU:
        return "open_question"
    if pattern is _QUANTITY:
        return "quantity"
    if pattern in ORDER_WH:
        return "question_word"
    if pattern in NEEDS_IF_ASKED:
        return "asked"
    return "phrase"


def _hit(act: str, m: Match | None) -> Hit | None:
    if m is None:
        return None
    return Hit(act, m.first, m.last, m.pattern.source, _why(m.pattern))


def find_acts(tokens: Sequence[Token], offer_cues: Sequence[Pattern] = ()) -> Acts:
    """Every act in one utterance (``tokens`` from ``normalize.tokenize``)."""
    norms = tuple(t.norm for t in tokens)
    return _find_acts(norms, tuple(t.raw for t in tokens), tuple(offer_cues))


@lru_cache(maxsize=16384)
def _find_acts(
    norms: tuple[str, ...], raws: tuple[str, ...], offer_cues: tuple[Pattern, ...]
) -> Acts:
    if not norms:
        return Acts()
    n = len(norms)
    greeting = _any(GREETINGS, norms, 0, n - 1)
    if greeting is None:
        for m in _hits(GOOD, norms, 0, n - 1):
            if (m.first == 0 or norms[m.first - 1] not in NOT_GOOD) and m.first <= 2:
                greeting = m
                break
    needs: Match | None = None
    offer_form: list[tuple[int, int, Hit]] = []
    needs_clauses: list[tuple[int, int]] = []
    questions: list[tuple[int, int]] = []
    spans = _clauses_of(raws)
    cues = OFFER_CUES + offer_cues
    for first, last, mark in spans:
        if raws[last][-1:] in (".", "!"):
            # A sentence the recogniser ended with a full stop states: «…не знаю даже что.»
            # asks nothing; only a Kazakh particle still makes it a question.
            question = _particles(norms, first, last, with_she=True) > 0
        else:
            question = is_question(norms, first, last, mark)
        if question:
            questions.append((first, last))
        excluded = not_order(norms, first, last) is not None
        clause_needs = None
        cue = _any(cues, norms, first, last) or _price_pitch(norms, first, last)
        # «майонез алмайсыз ба, екіншісі жарты бағасына», «Возьмёшь две?»: a quantity or a
        # particle inside an offer belongs to the offer, not to a question about the order.
        # Any proposing verb in the clause, «может» too («может, одну двухлитровую возьмёте»).
        strong = None
        verbs: list[Match] = []
        if cue is not None:
            verbs = [m for m in _hits(cues, norms, first, last) if _offer_verb(norms, m)]
            strong = min(verbs, key=lambda m: m.first) if verbs else None
        # Without any punctuation (as recognisers often return) «здесь или с собой» is a
        # question by its choice alone.
        bare = not any(ch in raw for raw in raws for ch in ".?!")
        choice = _any(CHOICE, norms, first, last)
        if choice is not None and any(
            m.last < choice.first and " ".join(norms[m.first : m.last + 1]) not in WEAK_CUES
            for m in verbs
        ):
            # «йод алмайсыз ба … или перекись», «сметана қосайын ба әлде соус»: the choice
            # lists what the proposal offers; it asks nothing about the order. («Может, латте
            # или капучино?» is left to the offer finder: before an order it asks.)
            choice = None
        if not excluded:
            clause_needs = _any(NEEDS_OPEN, norms, first, last) or _what_do_you(norms, first, last)
            if (
                clause_needs is not None
                and clause_needs.pattern.source in _USUAL_PHRASES
                and not (question or bare)
            ):
                clause_needs = None  # «Как обычно.» stated is a regular's order, not a question
            if clause_needs is None and bare and choice is not None and first < choice.first < last:
                clause_needs = choice
            if clause_needs is None and bare and _order(norms[first : last + 1]) is None:
                # «маленький американо с собой»: without punctuation the take-away question has
                # only its words to show it; «мне американо с собой» orders.
                clause_needs = _any(TAKEAWAY, norms, first, last)
            if clause_needs is None and question:
                wh = _wh(norms, first, last)
                if choice is not None and (first < choice.first < last or mark):
                    clause_needs = choice
                elif _particles(norms, first, last) - _particles_in(norms, strong) >= 2:
                    clause_needs = Match(_TWO_PARTICLES, first, last)
                elif wh is not None:
                    clause_needs = wh
                else:
                    clause_needs = _asked(norms, first, last)
                    if clause_needs is None and strong is None:
                        clause_needs = _how_many(norms, first, last)
        if clause_needs is not None:
            needs_clauses.append((first, last))
            needs = needs or clause_needs
        if _confirms(norms, first, last) and (cue is None or cue.pattern.source in WEAK_CUES):
            continue  # the order read back for the customer to confirm: no offer in it
        if cue is not None:
            offer_form.append((first, last, Hit("offer", cue.first, cue.last, cue.pattern.source)))
        elif question:
            offer_form.append((first, last, Hit("offer", first, last, "?")))
    loyalty = _any(LOYALTY, norms, 0, n - 1) or _card_asked(norms, spans)
    return Acts(
        greeting=_hit("greeting", greeting),
        needs=_hit("needs", needs),
        loyalty=_hit("loyalty", loyalty),
        farewell=_hit("farewell", _any(FAREWELLS, norms, 0, n - 1)),
        price=_hit("price", _price(norms)),
        order=_hit("order", _order(norms) or _asks_in_stock(norms)),
        size_up=_hit("size_up", _any(SIZE_UP, norms, 0, n - 1)),
        till=_hit("till", _till(norms)),
        pays=_hit("pays", _pays(norms)),
        brush_off=_hit("brush_off", _brush_off(norms)),
        offer_form=tuple(offer_form),
        needs_clauses=tuple(needs_clauses),
        questions=tuple(questions),
        words=norms,
    )


def _confirms(norms: Sequence[str], first: int, last: int) -> bool:
    """The clause ends with a confirmation tag («…, солай ма?», «…, правильно?»)."""
    return any(m.last == last and m.first > first for m in _hits(CONFIRM, norms, first, last))


_CARD = frozenset({"карта", "карточка", "карту", "карточку", "картаныз", "карточканыз"})
_HAVE = frozenset({
    "есть", "имеется", "бар", "оформить", "оформим", "оформлю", "нету", "жок", "берейин",
    "ашайык", "ашып",
})  # fmt: skip
_ASK_CARD = Pattern.compile("карта есть")


def _card_asked(norms: Sequence[str], spans: Sequence[tuple[int, int, bool]]) -> Match | None:
    """«Карта аптеки у вас есть?», «карта постоянного гостя есть?»: the card named (not «картой»,
    the payment) with having or signing up in one clause is the loyalty question."""
    for first, last, _ in spans:
        part = norms[first : last + 1]
        if any(w in _CARD for w in part) and any(w in _HAVE for w in part):
            return Match(_ASK_CARD, first, last)
    return None


#: Kazakh polite second-person endings (folded): «ішесіз», «аласыз», «жейсіздер».
_YOU = (
    "сыз", "сиз", "сыздар", "сиздер",  # you (polite): «не ішесіз»
    "сын", "син",  # you (familiar): «не аласың»
    "мыз", "миз", "йык", "йик", "йын", "йин",  # we / let me: «не саламыз», «не берейін»
)  # fmt: skip


def _what_do_you(norms: Sequence[str], first: int, last: int) -> Match | None:
    """Kazakh «не …сыз?» — «what will you …?» with any verb («не ішесіз», «не жейсіз», «не
    аласың», «не саламыз», «не берейін»)."""
    for i in range(first, last):
        if norms[i] == "не":
            for j in range(i + 1, min(i + 3, last + 1)):
                # A Kazakh verb; «не апельсин» is Russian («апельсин» is in the dictionary).
                if norms[j].endswith(_YOU) and len(norms[j]) > 4 and not known_russian(norms[j]):
                    return Match(_WHAT_DO_YOU, i, j)
    return None


def _clauses_of(raws: tuple[str, ...]) -> list[tuple[int, int, bool]]:
    return clauses([Token("", r, 0.0, 0.0) for r in raws])


_PREPOSITIONS = frozenset({"ко", "к", "у", "для", "от", "о", "обо", "при", "по"})
_NEXT_TIME = frozenset({"раз", "жолы", "жолга", "разом"})


def _till(norms: Sequence[str]) -> Match | None:
    """What the one behind the till says; «в следующий раз», «келесі жолы» (next time) is not
    «Следующий!»."""
    for m in sorted(_hits(TILL, norms, 0, len(norms) - 1), key=lambda m: m.first):
        if m.last + 1 < len(norms) and norms[m.last + 1] in _NEXT_TIME:
            continue
        return m
    return None


_NEED = frozenset({"керек"})


def _order(norms: Sequence[str]) -> Match | None:
    """The customer's ordering words; «мне» after a preposition («это не ко мне», «у меня») is
    not «мне латте», and a need asked with a particle («… керек пе?») is the cashier's
    question."""
    for m in sorted(_hits(ORDER, norms, 0, len(norms) - 1), key=lambda m: m.first):
        if norms[m.first] == "мне" and m.first > 0 and norms[m.first - 1] in _PREPOSITIONS:
            continue
        if norms[m.last] in _NEED and m.last + 1 < len(norms) and norms[m.last + 1] in PARTICLES:
            continue  # «сироп керек пе?», «контейнер керек па?»: the cashier asks, nobody orders
        return m
    return None


#: How a customer answers «картой или наличными?»: the method alone («Картой.», «Каспи»,
#: «қолма-қол»), perhaps with a filler word.
_METHOD = frozenset({
    "картой", "карта", "карточкой", "наличными", "наличкой", "налом", "налик", "переводом",
    "перевод", "каспи", "kaspi", "qr", "кьюар", "картамен", "колма", "кол", "аударым",
    "аударыммен", "нал", "карточка",
})  # fmt: skip
_FILLER = frozenset({"да", "ну", "вот", "давайте", "так", "иа", "ия", "мм", "а"})
_BY_METHOD = Pattern.compile("картой")
#: «Мә» (folded «ма»: here, take it) before a sum: money handed over.
_HERE_YOU_ARE = frozenset({"ма"})
_HANDS = Pattern.compile("ма")
#: «А самса есть?», «борщ остался?»: asking whether something is in stock.
_IN_STOCK = frozenset({"есть", "остался", "осталась", "осталось", "остались"})
_ASK_STOCK = Pattern.compile("есть")
_OURS = frozenset({"нас", "бизде", "у"})


def _pays(norms: Sequence[str]) -> Match | None:
    """A customer paying: «без сдачи», «можно картой», or the payment method said alone."""
    m = _any(PAYS, norms, 0, len(norms) - 1)
    if m is not None:
        return m
    said = [i for i, tok in enumerate(norms) if tok not in _FILLER]
    if said and len(said) <= 2 and all(norms[i] in _METHOD for i in said):
        return Match(_BY_METHOD, said[0], said[-1])
    if norms[0] in _HERE_YOU_ARE and (len(norms) == 1 or norms[1] not in PARTICLES):
        # «Мә.», «Мә, ал.», «Мә, екі мың.»: the customer hands the money over. A particle follows
        # what it asks about, so a turn that opens with «ма» hands something over.
        return Match(_HANDS, 0, 0)
    return None


def _brush_off(norms: Sequence[str]) -> Match | None:
    """The serving side brushing the customer off; «что надо было…» is a customer trying to
    remember the list."""
    for m in _hits(BRUSH_OFF, norms, 0, len(norms) - 1):
        if m.last + 1 < len(norms) and norms[m.last + 1] == "было":
            continue
        return m
    return None


def _asks_in_stock(norms: Sequence[str]) -> Match | None:
    """The customer asking what is in stock: the sentence ends with «есть»/«остался» after what is
    asked for («… бар ма?» is in ``ORDER``). «У нас есть …» is the cashier's offer, «мелочь есть?» /
    «пакет есть?» the cashier's payment and bag questions (``not_order``), not this."""
    n = len(norms)
    if n < 2 or _OURS & set(norms) or not_order(norms, 0, n - 1) is not None:
        return None
    if norms[-1] in _IN_STOCK:
        return Match(_ASK_STOCK, n - 1, n - 1)
    return None


#: Words that name a price only beside a sum: «всего доброго», «на полке стоит», «завтра будет»,
#: «бағасы қанша?» (the customer asking) name none.
_PRICE_WITH_SUM = frozenset({
    "всего", "стоит", "будет", "стоимость", "болады", "тұрады", "бағасы",
})  # fmt: skip


def _price(norms: Sequence[str]) -> Match | None:
    summed = any(t.isdigit() for t in norms)
    for m in sorted(_hits(PRICE, norms, 0, len(norms) - 1), key=lambda m: m.first):
        if summed or m.pattern.source not in _PRICE_WITH_SUM:
            return m
    # A bare sum: «1 450» / «тысяча двести» (digits after folding) of at least three digits;
    # not a weight or a volume («грамм пятьсот», «500 мл»).
    for i, tok in enumerate(norms):
        if tok.isdigit() and len(tok) >= 3 and not _measured(norms, i):
            return Match(Pattern.compile(tok), i, i)
    return None


def _measured(norms: Sequence[str], i: int) -> bool:
    """The number at ``i`` has a unit beside it: a weight or volume, not a sum of money."""
    after = norms[i + 1] if i + 1 < len(norms) else ""
    return (i > 0 and norms[i - 1] in _NOT_PRICE) or after in _NOT_PRICE


#: Where to wait: «ждите на табло», «ждите у окна».
_WHERE = frozenset({"на", "у", "возле", "около", "рядом", "в"})
#: Kazakh «your …» in the accusative, folded: «нөміріңізді», «тапсырысыңызды».
_KK_YOUR_THING = ("нызды", "низди")
_KK_POLITE_IMPERATIVE = ("ыныз", "иниз")


def instruction(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A one-word imperative from a forbidden list that goes on to say what to wait for or where
    («ждите на табло», «ждите номер на табло», «нөміріңізді күтіңіз»): a neutral instruction
    (the guide: a forbidden word in a neutral phrase does not count). Said alone or cut off
    («Ждите.», «Ждите, там очередь», «ждите сейчас вынесут») it brushes the customer off."""
    if first != last:
        return False
    word = tokens[first]
    if transitive_imperative(word.norm) and last + 1 < len(tokens) and word.raw[-1:].isalnum():
        then = tokens[last + 1].norm
        return then in _WHERE or thing_in_accusative(then)
    before = tokens[first - 1] if first > 0 else None
    return (
        word.norm.endswith(_KK_POLITE_IMPERATIVE)
        and before is not None
        and before.raw[-1:].isalnum()
        and before.norm.endswith(_KK_YOUR_THING)
    )
