"""Writes the labelled corpus: counter conversations with receipts and the truth about them.

    .venv/bin/python tests/analytics/corpus/make_corpus.py

Each conversation is assembled from turns a person wrote (phrase banks below, in Russian,
Kazakh and mixed speech) and every turn carries what it really is — a greeting, an upsell offer
of a given product, a forbidden phrase. The labels come from those tags, never from the scorer:
they say what a supervisor listening to the conversation would mark. Then the text is damaged the
way recognisers damage it (case, punctuation, ё, Kazakh letters, split and merged words, misheard
product names, colloquial spellings) and a few utterances get the wrong speaker, while the
labels stay what was really said. The output is deterministic (fixed seeds).
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
ITEMS = ("greeting", "ask_needs", "upsell_offer", "loyalty_card", "farewell", "forbidden_words")
GREETING_WINDOW, FAREWELL_WINDOW = 30.0, 30.0

# Products the conversations talk about: sku → (Russian as said in an order or offer, Kazakh).
CAFE = {
    "COF-005": ("капучино", "капучино"),
    "COF-007": ("латте", "латте"),
    "COF-003": ("американо", "американо"),
    "COF-001": ("эспрессо", "эспрессо"),
    "COF-019": ("горячий шоколад", "ыстық шоколад"),
    "TEA-007": ("масала чай", "масала шай"),
    "BAK-001": ("круассан", "круассан"),
    "BAK-007": ("самсу", "самса"),
    "DES-001": ("чизкейк", "чизкейк"),
    "DES-002": ("тирамису", "тирамису"),
    "DES-011": ("печенье", "печенье"),
    "SAN-009": ("шаурму", "шаурма"),
    "SAN-003": ("клаб-сэндвич", "клаб-сэндвич"),
    "DRK-015": ("фреш", "фреш"),
    "DRK-021": ("морс", "морс"),
}
SHOP = {
    "DRK-006": ("колу", "кока-кола"),
    "DAI-006": ("айран", "айран"),
    "SNK-007": ("курт", "құрт"),
    "SNK-010": ("сникерс", "сникерс"),
    "SNK-001": ("чипсы", "чипсы"),
    "BAK-013": ("батон", "батон"),
    "BAK-016": ("лепёшку", "тандыр нан"),
    "FRU-001": ("яблоки", "алма"),
    "HOU-011": ("спички", "сіріңке"),
    "DAI-021": ("сырок", "сырок"),
    "HOU-002": ("салфетки", "майлық"),
    "DAI-003": ("молоко", "сүт"),
}
#: Category offers: category → (Russian, Kazakh) words, and a product of it bought on a yes.
CATEGORIES = {
    "cafe": {
        "Выпечка": (("что-нибудь из выпечки", "выпечку"), ("тоқаш",), "BAK-002"),
        "Десерты": (("десерт", "что-нибудь сладкое"), ("десерт", "тәтті"), "DES-002"),
    },
    "shop": {
        "Снеки": (("что-нибудь к чаю", "снеки"), ("снеки",), "SNK-004"),
        "Фрукты и овощи": (("фрукты",), ("жемістер",), "FRU-004"),
    },
}
SYNONYMS = {
    "SNK-010": ["сникерс"],
    "DRK-006": ["кока-кола", "колу"],
    "SNK-007": ["курт"],
    "DRK-003": ["воду", "тассай"],
}
MISHEARD = {
    "капучино": ["капучина", "капучинно"],
    "круассан": ["круасан", "круассон"],
    "американо": ["американа"],
    "латте": ["лате"],
    "чизкейк": ["чискейк", "чизкек"],
    "эспрессо": ["экспрессо"],
    "тирамису": ["тирамиссу"],
    "сникерс": ["снекерс"],
    "шаурму": ["шаурма"],
    "печенье": ["печение"],
    "айран": ["айраан"],
}
SPOKEN = {"сейчас": "щас", "здравствуйте": "здрасте", "спасибо": "спасиб", "что": "чо"}

RU = {
    "greeting": [
        "Здравствуйте!",
        "Добрый день!",
        "Доброе утро!",
        "Добрый вечер!",
        "Здравствуйте, добро пожаловать!",
    ],
    "ask": [
        "Что будете заказывать?",
        "Что вам подсказать?",
        "Что для вас?",
        "Чем могу помочь?",
        "Что желаете?",
    ],
    "order": [
        "Мне {p}, пожалуйста.",
        "Можно {p}?",
        "Дайте {p}.",
        "{p}, пожалуйста.",
        "Я возьму {p}.",
    ],
    "confirm": ["Хорошо.", "Секунду.", "Сейчас сделаем.", "Так, записала.", "Понял."],
    "offer": [
        "Не хотите {p}?",
        "Может, {p} возьмёте?",
        "Попробуйте {p}, сегодня свежий.",
        "Могу предложить {p}.",
        "Ещё {p} не желаете?",
    ],
    "yes": ["Да, давайте.", "Давайте.", "Ну давайте, один."],
    "no": ["Нет, спасибо.", "Не, не надо.", "Нет."],
    "loyalty": [
        "Бонусная карта есть?",
        "У вас есть карта лояльности?",
        "Бонусы копите?",
        "Скидочная карта есть?",
    ],
    "loyalty_no": ["Нет.", "Нету.", "Нет, не надо."],
    "card_first": ["Вот моя карта.", "Вот карта бонусная."],
    "total": ["С вас {a} тенге.", "Итого {a}.", "К оплате {a} тенге. Картой или наличными?"],
    "pay": ["Картой.", "Наличными.", "Каспи."],
    "farewell": [
        "Спасибо за покупку, хорошего дня!",
        "Спасибо, до свидания!",
        "Приятного аппетита!",
        "Всего доброго!",
        "Спасибо, приходите ещё!",
    ],
    "bye": ["Спасибо.", "До свидания.", "Спасибо, до свидания."],
    "forbidden": [
        "Не знаю, посмотрите на витрине.",
        "Нету такого.",
        "Девушка, подождите.",
        "Ждите, сейчас.",
    ],
    "question": ["А с миндальным молоком можно?", "А есть без сахара?", "А что посоветуете?"],
    "small": ["Большой или маленький?", "С собой или здесь?", "Пакет нужен?"],
    "cust_hello": ["Здравствуйте.", "Добрый день."],
}
KK = {
    "greeting": [
        "Сәлеметсіз бе!",
        "Қайырлы күн!",
        "Қайырлы таң!",
        "Армысыз!",
        "Сәлеметсіз бе, қош келдіңіз!",
    ],
    "ask": ["Не аласыз?", "Сізге не керек?", "Не қалайсыз?", "Не ұсынайын?"],
    "order": ["Маған {p} беріңізші.", "{p} беріңіз.", "Бір {p} алайын."],
    "confirm": ["Жарайды.", "Қазір.", "Бір минут."],
    "offer": [
        "{p} аласыз ба?",
        "{p} алмайсыз ба?",
        "{p} ұсынамын, жаңа піскен.",
        "Тағы {p} қосайын ба?",
    ],
    "yes": ["Иә, беріңіз.", "Жарайды, алайын.", "Иә."],
    "no": ["Жоқ, рахмет.", "Керек емес.", "Жоқ."],
    "loyalty": ["Бонус картаңыз бар ма?", "Жеңілдік картаңыз бар ма?"],
    "loyalty_no": ["Жоқ.", "Жоқ, керек емес."],
    "card_first": ["Міне бонус картам."],
    "total": ["{a} теңге болады.", "Барлығы {a} теңге.", "{a} теңге. Картамен бе, қолма-қол ма?"],
    "pay": ["Картамен.", "Қолма-қол.", "Каспимен."],
    "farewell": [
        "Рахмет, сау болыңыз!",
        "Ас болсын!",
        "Рахмет, тағы келіңіз!",
        "Сау болыңыз, жақсы күн тілеймін!",
    ],
    "bye": ["Рахмет.", "Сау болыңыз."],
    "forbidden": ["Білмеймін, өзіңіз қараңыз.", "Күте тұрыңыз.", "Білмеймін."],
    "question": ["Қантсыз бар ма?", "Не ұсынасыз?"],
    "small": ["Үлкен бе, кішкентай ма?", "Пакет керек пе?", "Осында ма, өзіңізбен бе?"],
    "cust_hello": ["Сәлеметсіз бе.", "Сәлем."],
}


@dataclass
class Turn:
    role: str  # cashier | customer
    text: str
    tags: set[str] = field(default_factory=set)
    offer: tuple[str, str] | None = None  # ("sku"|"category", value)
    buy: list[str] = field(default_factory=list)  # SKUs rung up after this turn
    accepted: bool = False
    pause: float = 0.4


@dataclass
class Case:
    id: str
    store: str
    language: str
    turns: list[Turn]
    special: dict = field(default_factory=dict)
    early_lines: list[tuple[str, float]] = field(default_factory=list)  # (sku, seconds)


def _catalog_rows() -> dict[str, dict]:
    with (ROOT / "resources" / "demo" / "catalog.csv").open(encoding="utf-8") as f:
        return {r["sku"]: r for r in csv.DictReader(f)}


def write_catalog(rows: dict[str, dict]) -> None:
    products = []
    for r in rows.values():
        products.append(
            {
                "sku": r["sku"],
                "names": {k: r[f"name_{k}"] for k in ("ru", "kk", "en") if r.get(f"name_{k}")},
                "category": r["category_ru"],
                "category_names": {k: r[f"category_{k}"] for k in ("ru", "kk", "en")},
                **({"synonyms": SYNONYMS[r["sku"]]} if r["sku"] in SYNONYMS else {}),
            }
        )
    doc = {"products": products}
    (HERE / "catalog.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _bank(lang: str, rng: random.Random) -> dict[str, list[str]]:
    if lang == "mixed":
        return RU if rng.random() < 0.5 else KK
    return RU if lang == "ru" else KK


def _said(sku: str, bank: dict, products: dict) -> str:
    return products[sku][0 if bank is RU else 1]


def generate(n: int, rng: random.Random) -> Case:
    store = "cafe" if n % 2 == 0 else "shop"
    lang = ("ru", "kk", "mixed")[n % 3]
    products = CAFE if store == "cafe" else SHOP
    turns: list[Turn] = []

    def say(role: str, key: str, tags: set[str] | None = None, **fmt) -> Turn:
        bank = _bank(lang, rng)
        turn = Turn(role, rng.choice(bank[key]).format(**fmt), set(tags or ()))
        turns.append(turn)
        return turn

    if rng.random() < 0.25:
        say("customer", "cust_hello")
    greet, ask = rng.random() < 0.85, rng.random() < 0.7
    if greet and ask and rng.random() < 0.5:
        b1, b2 = _bank(lang, rng), _bank(lang, rng)
        turns.append(
            Turn(
                "cashier",
                f"{rng.choice(b1['greeting'])} {rng.choice(b2['ask'])}",
                {"greeting", "ask_needs"},
            )
        )
    else:
        if greet:
            say("cashier", "greeting", {"greeting"})
        if ask:
            say("cashier", "ask", {"ask_needs"})
    ordered = rng.sample(sorted(products), rng.choice((1, 1, 2)))
    bank = _bank(lang, rng)
    joiner = " и " if bank is RU else ", "
    names = joiner.join(_said(s, bank, products) for s in ordered)
    turns.append(Turn("customer", rng.choice(bank["order"]).format(p=names)))
    if rng.random() < 0.15:
        say("customer", "question")
        say("cashier", "forbidden", {"forbidden"})
    confirm = say("cashier", "confirm")
    confirm.buy = list(ordered)
    if rng.random() < 0.4:
        say("cashier", "small")
        say("customer", "yes")
    n_offers = rng.choice((0, 0, 1, 1, 1, 2))
    offered: set[str] = set(ordered)
    ordered_cats = {_category(s) for s in ordered}
    for _ in range(n_offers):
        bank = _bank(lang, rng)
        cats = [c for c in CATEGORIES[store] if c not in ordered_cats]
        if cats and rng.random() < 0.25:
            cat = rng.choice(cats)
            ru_words, kk_words, buy_sku = CATEGORIES[store][cat]
            word = rng.choice(ru_words if bank is RU else kk_words)
            turn = Turn(
                "cashier",
                rng.choice(bank["offer"]).format(p=word).capitalize(),
                offer=("category", cat),
            )
            ordered_cats.add(cat)
        else:
            sku = rng.choice([s for s in sorted(products) if s not in offered])
            offered.add(sku)
            buy_sku = sku
            turn = Turn(
                "cashier",
                rng.choice(bank["offer"]).format(p=_said(sku, bank, products)).capitalize(),
                offer=("sku", sku),
            )
        turns.append(turn)
        if rng.random() < 0.5:
            yes = say("customer", "yes")
            yes.accepted = True
            yes.buy = [buy_sku]
        else:
            say("customer", "no")
    if rng.random() < 0.1:
        say("cashier", "forbidden", {"forbidden"})
    if rng.random() < 0.6:
        say("cashier", "loyalty", {"loyalty"})
        say("customer", "loyalty_no")
    elif rng.random() < 0.25:
        say("customer", "card_first", {"card_first"})
    say("cashier", "total", a=rng.choice(("1 250", "2 400", "850", "3 100", "1 900")))
    say("customer", "pay")
    if rng.random() < 0.85:
        say("cashier", "farewell", {"farewell"})
    if rng.random() < 0.5:
        say("customer", "bye")
    return Case(f"gen-{n:03d}", store, lang, turns)


_ROWS: dict[str, dict] = {}


def _category(sku: str) -> str:
    return _ROWS[sku]["category_ru"]


# --- speech-recognition damage ------------------------------------------------------------------

_KK_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


def asr_words(text: str, rng: random.Random, style: dict) -> list[str]:
    words = text.split()
    out: list[str] = []
    for word in words:
        w = word
        if style["lower"]:
            w = w.lower().strip('.,!?;:«»"')
            w = w.replace("ё", "е")
        if style["no_kk"]:
            w = w.translate(_KK_TO_RU)
        bare = w.lower().strip(".,!?")
        if bare in MISHEARD and rng.random() < 0.4:
            w = rng.choice(MISHEARD[bare])
        elif bare in SPOKEN and rng.random() < 0.3:
            w = SPOKEN[bare]
        if len(w) >= 9 and rng.random() < 0.05:
            out += [w[: len(w) // 2], w[len(w) // 2 :]]
            continue
        if out and rng.random() < 0.04 and len(out[-1]) + len(w) < 16:
            out[-1] += w
            continue
        if w:
            out.append(w)
    return out


def render(case: Case, rng: random.Random) -> dict:
    style = {"lower": rng.random() < 0.85, "no_kk": rng.random() < 0.5, "words": rng.random() < 0.5}
    t = rng.uniform(0.3, 3.0)
    utterances, lines, timed = [], [], []
    for turn in case.turns:
        words = asr_words(turn.text, rng, style)
        dur = 0.3 + 0.33 * len(turn.text.split())
        start, end = t, t + dur
        utt = {
            "speaker": turn.role,
            "start": round(start, 2),
            "end": round(end, 2),
            "text": " ".join(words),
        }
        if style["words"] and words:
            step = dur / len(words)
            utt["words"] = [
                {
                    "text": w,
                    "start": round(start + i * step, 2),
                    "end": round(start + (i + 1) * step - 0.05, 2),
                }
                for i, w in enumerate(words)
            ]
        utterances.append(utt)
        timed.append((turn, start, end))
        for sku in turn.buy:
            lines.append((sku, end + rng.uniform(0.3, 1.5)))
        t = end + rng.uniform(0.3, 1.2) + turn.pause
    lines += case.early_lines
    # Diarization: the cashier is speaker_0 or speaker_1 at random; some utterances get the
    # other voice's label, as diarization does on overlapping or short speech.
    cashier = rng.choice(("speaker_0", "speaker_1"))
    other = "speaker_1" if cashier == "speaker_0" else "speaker_0"
    labels = {"cashier": cashier, "customer": other}
    labels.update(case.special.get("labels", {}))
    for u in utterances:
        u["speaker"] = labels[u["speaker"]]
    swaps = case.special.get("swaps")
    if swaps is None:
        swaps = 1 if rng.random() < 0.3 else 0
    for _ in range(swaps):
        u = rng.choice(utterances[1:])
        u["speaker"] = other if u["speaker"] == cashier else cashier
    transcript = {
        "format": "forsell-transcript",
        "version": 1,
        "language": case.language if case.language != "mixed" else "kk",
        "utterances": utterances,
        **case.special.get("transcript", {}),
    }
    receipt = {
        "format": "forsell-receipt",
        "version": 1,
        "receipt_no": case.id,
        "lines": [
            {
                "sku": sku,
                "name": _ROWS[sku]["name_ru"],
                "category": _ROWS[sku]["category_ru"],
                "qty": 1,
                "price": int(float(_ROWS[sku]["price"]) * 100),
                "added_at": round(at, 2),
            }
            for sku, at in sorted(lines, key=lambda x: x[1])
        ],
    }
    return {
        "id": case.id,
        "store": case.store,
        "language": case.language,
        "transcript": transcript,
        "receipt": receipt,
        "expected": case.special.get("expected") or expected(case, timed, receipt),
    }


def expected(case: Case, timed: list[tuple[Turn, float, float]], receipt: dict) -> dict:
    """What a supervisor would mark, from what each turn really is."""
    first, last = timed[0][1], timed[-1][2]
    cashier = [(t, s, e) for t, s, e in timed if t.role == "cashier"]
    tags = {tag for t, _, _ in timed for tag in t.tags}
    items = {
        "greeting": "pass"
        if any("greeting" in t.tags and s <= first + GREETING_WINDOW for t, s, e in cashier)
        else "fail",
        "ask_needs": "pass" if any("ask_needs" in t.tags for t, _, _ in cashier) else "fail",
        "upsell_offer": "pass" if any(t.offer for t, _, _ in cashier) else "fail",
        "loyalty_card": (
            "pass" if "loyalty" in tags else "not_applicable" if "card_first" in tags else "fail"
        ),
        "farewell": "pass"
        if any("farewell" in t.tags and e >= last - FAREWELL_WINDOW for t, s, e in cashier)
        else "fail",
        "forbidden_words": "fail" if any("forbidden" in t.tags for t, _, _ in cashier) else "pass",
    }
    offers, used = [], set()
    for idx, (turn, start, _) in enumerate(timed):
        if turn.role != "cashier" or not turn.offer:
            continue
        kind, value = turn.offer
        hit = next(
            (
                i
                for i, ln in enumerate(receipt["lines"])
                if i not in used
                and ln["added_at"] >= start
                and (ln["sku"] == value if kind == "sku" else ln["category"] == value)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        offers.append(
            {
                "utterance": idx,
                "target": f"{kind if kind == 'sku' else 'category'}:{value}",
                "converted": hit is not None,
                "revenue": receipt["lines"][hit]["price"] if hit is not None else 0,
            }
        )
    return {
        "scorable": True,
        "items": items,
        "offers": offers,
        "conversions": sum(o["converted"] for o in offers),
        "extra_revenue": sum(o["revenue"] for o in offers),
    }


# --- hand-made cases for the checklist's boundaries (docs/labelling.md) ----------------------


def C(text: str, *tags: str, offer=None, buy=(), pause: float = 0.4) -> Turn:
    return Turn("cashier", text, set(tags), offer, list(buy), pause=pause)


def U(text: str, *tags: str, buy=(), pause: float = 0.4) -> Turn:
    return Turn("customer", text, set(tags), None, list(buy), pause=pause)


def special_cases() -> list[Case]:
    not_scorable = {
        "scorable": False,
        "items": {},
        "offers": [],
        "conversions": 0,
        "extra_revenue": 0,
    }
    return [
        Case(
            "spc-no-customer",
            "shop",
            "ru",
            [
                C("Алло, да, я на кассе."),
                C("Поставку привезут завтра утром."),
                C("Хорошо, давай, пока."),
            ],
            special={"swaps": 0, "expected": {**not_scorable, "reason": "no_customer_speech"}},
        ),
        Case(
            "spc-empty",
            "cafe",
            "ru",
            [],
            special={"expected": {**not_scorable, "reason": "no_speech"}},
        ),
        Case(
            "spc-bad-audio",
            "cafe",
            "ru",
            [C("шшш а ммм"), U("ээ та ммм"), C("ну ш ш")],
            special={
                "transcript": {"audio_quality": "bad"},
                "swaps": 0,
                "expected": {**not_scorable, "reason": "bad_audio"},
            },
        ),
        Case(
            "spc-low-confidence",
            "shop",
            "kk",
            [C("сә ме"), U("ә ма"), C("тең бо")],
            special={
                "transcript": {"confidence": 0.2},
                "swaps": 0,
                "expected": {**not_scorable, "reason": "bad_audio"},
            },
        ),
        # Chips scanned from the belt first, offered afterwards: an offer, not a conversion.
        Case(
            "spc-bought-before",
            "shop",
            "ru",
            [
                C("Здравствуйте!", "greeting"),
                U("Вот это пробейте и ещё айран.", buy=["DAI-006"]),
                C("Хорошо."),
                C("Чипсы не хотите ещё одни?", offer=("sku", "SNK-001")),
                U("Нет, спасибо."),
                C("С вас 1 200 тенге."),
                U("Картой."),
                C("Спасибо, до свидания!", "farewell"),
            ],
            early_lines=[("SNK-001", 2.5)],
            special={"swaps": 0},
        ),
        Case(
            "spc-two-offers-one-bought",
            "cafe",
            "ru",
            [
                C("Добрый день! Что будете?", "greeting", "ask_needs"),
                U("Латте, пожалуйста."),
                C("Хорошо.", buy=["COF-007"]),
                C("Круассан не хотите?", offer=("sku", "BAK-001")),
                U("Нет."),
                C("А тирамису не желаете? Сегодня свежий.", offer=("sku", "DES-002")),
                U("Давайте тирамису.", buy=["DES-002"]),
                C("С вас 3 300 тенге."),
                U("Картой."),
                C("Приятного аппетита!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-category-sweet",
            "cafe",
            "ru",
            [
                C("Здравствуйте, что для вас?", "greeting", "ask_needs"),
                U("Американо."),
                C("Хорошо.", buy=["COF-003"]),
                C("Может, что-нибудь сладкое к кофе?", offer=("category", "Десерты")),
                U("Да, давайте печенье.", buy=["DES-011"]),
                C("Итого 1 500."),
                U("Каспи."),
                C("Спасибо, всего доброго!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-category-kk",
            "cafe",
            "kk",
            [
                C("Сәлеметсіз бе! Не аласыз?", "greeting", "ask_needs"),
                U("Маған капучино беріңізші."),
                C("Жарайды.", buy=["COF-005"]),
                C("Тоқаш аласыз ба?", offer=("category", "Выпечка")),
                U("Иә, самса беріңіз.", buy=["BAK-007"]),
                C("Бонус картаңыз бар ма?", "loyalty"),
                U("Жоқ."),
                C("1 850 теңге болады."),
                U("Картамен."),
                C("Рахмет, сау болыңыз!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-synonym-cola",
            "shop",
            "mixed",
            [
                C("Сәлеметсіз бе!", "greeting"),
                U("Мне курт и сникерс."),
                C("Хорошо.", buy=["SNK-007", "SNK-010"]),
                C("Колу не хотите к курту?", offer=("sku", "DRK-006")),
                U("Давайте.", buy=["DRK-006"]),
                C("С вас 1 500 тенге."),
                U("Наличными."),
                C("Рахмет, сау болыңыз!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-greeting-late",
            "shop",
            "ru",
            [
                U("Девушка, можно?"),
                U("Ау, касса работает?", pause=30.0),
                C("Здравствуйте, извините.", "greeting"),
                U("Мне батон и молоко."),
                C("Хорошо.", buy=["BAK-013", "DAI-003"]),
                C("С вас 900 тенге."),
                U("Картой."),
                C("Спасибо, до свидания!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-named-speakers",
            "cafe",
            "ru",
            [
                U("Здравствуйте, мне капучино."),
                C("Добрый день! Хорошо.", "greeting", buy=["COF-005"]),
                C("Бонусная карта есть?", "loyalty"),
                U("Нет."),
                C("С вас 1 300 тенге."),
                U("Картой."),
                C("Спасибо, хорошего дня!", "farewell"),
            ],
            special={"labels": {"cashier": "agent", "customer": "customer"}, "swaps": 0},
        ),
        Case(
            "spc-confirm-not-offer",
            "cafe",
            "ru",
            [
                C("Здравствуйте! Что вам подсказать?", "greeting", "ask_needs"),
                U("Капучино, пожалуйста."),
                C("Капучино хотите большой или маленький?"),
                U("Большой.", buy=["COF-005"]),
                C("С вас 1 300 тенге."),
                U("Картой."),
                C("Спасибо, до свидания!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-customer-says-forbidden",
            "shop",
            "ru",
            [
                C("Добрый вечер!", "greeting"),
                U("Не знаю, что взять. Дайте айран."),
                C("Хорошо.", buy=["DAI-006"]),
                C("Скидочная карта есть?", "loyalty"),
                U("Нету."),
                C("С вас 550 тенге."),
                U("Наличными."),
                C("Всего доброго!", "farewell"),
            ],
            special={"swaps": 0},
        ),
        Case(
            "spc-decline-then-buy",
            "cafe",
            "mixed",
            [
                C("Қайырлы таң! Что будете?", "greeting", "ask_needs"),
                U("Эспрессо."),
                C("Жарайды.", buy=["COF-001"]),
                C("Чизкейк аласыз ба?", offer=("sku", "DES-001")),
                U("Нет, спасибо."),
                U("Хотя давайте всё-таки чизкейк.", buy=["DES-001"]),
                C("2 700 теңге болады."),
                U("Картамен."),
                C("Ас болсын!", "farewell"),
            ],
            special={"swaps": 0},
        ),
    ]


def main() -> None:
    _ROWS.update(_catalog_rows())
    write_catalog(_ROWS)
    out = HERE / "cases"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    cases = [generate(n, random.Random(1000 + n)) for n in range(66)] + special_cases()
    for i, case in enumerate(cases):
        doc = render(case, random.Random(5000 + i))
        (out / f"{case.id}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"{len(cases)} cases in {out}")


if __name__ == "__main__":
    main()
