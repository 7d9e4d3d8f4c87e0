"""Who is the cashier? Mapping diarization labels to cashier and customer.

Recognisers label voices ``speaker_0``/``speaker_1`` (or ``agent``/``customer`` with some
ElevenLabs settings) without knowing who stands behind the till. Named roles are taken as they
are; otherwise each voice is scored by what cashiers say — greetings, prices and totals, payment
and loyalty-card questions, thanks — against what customers say (ordering phrases), with a small
bonus for speaking first, since the till's microphone usually hears the cashier greet first.
A supervisor who hears it the other way round flips the mapping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .matching import Pattern, search
from .normalize import Token

CASHIER, CUSTOMER = "cashier", "customer"
_NAMED = {
    "agent": CASHIER,
    "cashier": CASHIER,
    "operator": CASHIER,
    "seller": CASHIER,
    "кассир": CASHIER,
    "customer": CUSTOMER,
    "client": CUSTOMER,
    "user": CUSTOMER,
    "клиент": CUSTOMER,
    "покупатель": CUSTOMER,
}

_CASHIER_CUES = tuple(
    Pattern.compile(p)
    for p in (
        "здравствуйте",
        "добрый день",
        "добрый вечер",
        "доброе утро",
        "сәлеметсіз бе",
        "қайырлы күн",
        "с вас",
        "итого",
        "к оплате",
        "оплата",
        "картой или наличными",
        "наличными или картой",
        "чек нужен",
        "ваш чек",
        "сдача",
        "бонусн* карт*",
        "карт* лояльности",
        "бонус карта*",
        "что будете",
        "что вам",
        "чем могу помочь",
        "не аласыз",
        "сізге не",
        "төлейсіз бе",
        "хотите",
        "не желаете",
        "аласыз ба",
        "приходите еще",
        "хорошего дня",
        "тенге",
        "барлығы",
        "чекті алыңыз",
        "пакет нужен",
        "пакет керек",
        "с собой или здесь",
        "картамен бе",
    )
)
_CUSTOMER_CUES = tuple(
    Pattern.compile(p)
    for p in (
        "мне",
        "можно мне",
        "дайте",
        "я возьму",
        "возьму",
        "маған",
        "беріңізші",
        "берші",
        "сколько стоит",
        "сколько с меня",
        "қанша тұрады",
        "қанша болады",
        "давайте",
        "без сахара",
        "алайын",
        "картой",
        "наличными",
        "картамен",
        "қолма-қол",
        "каспи",
    )
)


@dataclass(frozen=True)
class SpeakerMap:
    """``roles``: diarization label → "cashier" | "customer"; ``how`` says why."""

    cashier: str | None
    roles: dict[str, str]
    how: str  # "named" | "heuristic" | "single" | "none"
    flipped: bool = False

    def role_of(self, label: str) -> str:
        return self.roles.get(label, CUSTOMER)


def map_speakers(
    utterances: Iterable[tuple[str, tuple[str, ...]]],
    *,
    flip: bool = False,
    extra_cashier_cues: Iterable[Pattern] = (),
) -> SpeakerMap:
    """``utterances``: (label, folded token texts) in time order."""
    utts = list(utterances)
    labels = list(dict.fromkeys(label for label, _ in utts))
    if not labels:
        return SpeakerMap(None, {}, "none", flip)
    named = {label: _NAMED.get(label.strip().lower()) for label in labels}
    if any(named.values()):
        cashier = next((lab for lab, role in named.items() if role == CASHIER), None)
        # None first when only customers are named: nobody is the cashier unless flipped.
        order: list[str | None] = [cashier] + [lab for lab in labels if lab != cashier]
        how = "named"
    else:
        cues = _CASHIER_CUES + tuple(extra_cashier_cues)
        score = dict.fromkeys(labels, 0.0)
        score[utts[0][0]] += 0.5
        for label, norms in utts:
            score[label] += sum(1.0 for p in cues if search(p, norms) is not None)
            score[label] -= sum(0.75 for p in _CUSTOMER_CUES if search(p, norms) is not None)
        # A stable order: best score first, ties to whoever spoke first.
        ranked = sorted(labels, key=lambda lab: (-score[lab], labels.index(lab)))
        order = [*ranked]
        how = "heuristic" if len(labels) > 1 else "single"
    if flip and len(order) > 1:
        order[0], order[1] = order[1], order[0]
    elif flip and len(order) == 1 and how != "named":
        # Not named: order is labels re-ranked, so its one entry is the one label.
        return SpeakerMap(None, {labels[0]: CUSTOMER}, how, True)
    cashier = order[0]
    roles = {label: (CASHIER if label == cashier else CUSTOMER) for label in labels}
    return SpeakerMap(cashier, roles, how, flip)


@dataclass(frozen=True)
class Said:
    """An utterance ready for matching: its tokens, and who said it once speakers are mapped."""

    index: int
    label: str
    role: str
    start: float
    end: float
    tokens: tuple[Token, ...]
    norms: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "norms", tuple(t.norm for t in self.tokens))
