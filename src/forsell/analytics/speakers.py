"""Who is the cashier? Mapping diarization labels to cashier and customer, with a confidence.

Recognisers label voices ``speaker_0``/``speaker_1`` (or ``agent``/``customer`` with some
ElevenLabs settings) without knowing who stands behind the till. Named roles are taken as they
are. Otherwise each voice is judged by what it does (``acts``): the cashier greets first in most
shops, asks the order questions, names prices and totals, asks about payment and the loyalty
card; the customer orders and asks what things cost. Naming the receipt's own total («тысяча
сто», «бір мың сегіз жүз елу») is the strongest sign of the cashier, because the customer only
learns it from them. Speaking first is a small hint only: in many
conversations the customer speaks first. When the two voices cannot be told apart (``margin``
below ``SURE``), the map says ``uncertain`` and the conversation is not scored until a
supervisor listens and confirms or swaps the roles: scoring the wrong person is worse than not
scoring.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .acts import Acts
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


@dataclass(frozen=True)
class SpeakerMap:
    """``roles``: diarization label → "cashier" | "customer"; ``how`` says why."""

    cashier: str | None
    roles: dict[str, str]
    how: str  # "named" | "heuristic" | "single" | "none"
    flipped: bool = False
    #: 0..1: how clearly the content tells the voices apart (1 for named or confirmed roles)
    confidence: float = 1.0
    #: roles guessed from content without enough to go on, and not confirmed by a person
    uncertain: bool = False

    def role_of(self, label: str) -> str:
        return self.roles.get(label, CUSTOMER)


#: What each act says about its speaker: + for the cashier, − for the customer.
WEIGHTS = {
    "greeting": 1.0,
    "needs": 2.0,
    "price": 1.5,
    "loyalty": 1.5,
    "farewell": 0.5,
    "offer": 0.5,
    "till": 1.5,
    "brush_off": 1.5,
    "order": -1.5,
    "pays": -1.5,
}
#: Naming the receipt's total (not while handing money over or ordering).
TOTAL = 2.0
#: Speaking first: a hint (the cashier usually greets first), not a rule.
FIRST_WORD = 0.5
#: A margin between the two voices below this is a guess, not a decision.
SURE = 1.5


_ASKS = frozenset({"у вас есть", "есть ли", "есть"})
_ACTS = tuple(act for act in WEIGHTS if act != "offer")


def answers(acts: Acts, before: Acts | None) -> bool:
    """The utterance's question words answer the other voice's turn before it rather than ask:
    they repeat it («здесь или с собой?» — «с собой»), or ask about what it just proposed
    («чипс алмайсыз ба?» — «қандай дәм?», «десерт хотите?» — «а какие?»)."""
    if acts.needs is None or before is None:
        return False
    asked = acts.words[acts.needs.first : acts.needs.last + 1]
    # A quantity asked back («пятьсот двадцать вышло, оставляем?» after «грамм пятьсот»)
    # still asks.
    if acts.needs.why != "quantity" and asked and set(asked) <= set(before.words):
        return True
    # Proposed in an offer's words, neither ordering nor paying: «можно мне сироп?» — «какой?»
    # is the cashier asking about the order.
    proposed = any(hit.phrase != "?" for _, _, hit in before.offer_form)
    return (
        proposed
        and before.order is None
        and before.pays is None
        and acts.needs.why == "question_word"
    )


def voice_evidence(acts: Acts, before: Acts | None = None) -> float:
    """How much one utterance sounds like the cashier (positive) or the customer (negative).
    ``before``: the other voice's turn just before it, if it was the other voice's."""
    total = 0.0
    found = {act for act in _ACTS if getattr(acts, act) is not None}
    if {"order", "needs"} <= found and acts.needs is not None and acts.needs.why == "quantity":
        found.discard("needs")  # «давайте один и компот, можно большой»: the one ordering
    if (
        {"order", "needs"} <= found
        and acts.needs is not None
        and acts.order is not None
        and acts.needs.first <= acts.order.first <= acts.needs.last
    ):
        found.discard("order")  # «Иә, не керек?»: the «керек» of the cashier's question
    if {"pays", "price"} <= found:
        found.discard("price")  # «Мә, екі мың.»: the sum handed over, not one asked for
    if "needs" in found and answers(acts, before):
        found.discard("needs")
    if {"order", "loyalty"} <= found and acts.order is not None and acts.order.phrase in _ASKS:
        found.discard("order")  # «карта накопительная у вас есть?»: «у вас есть» asks the card
    for act in found:
        total += WEIGHTS[act]
    if any(hit.phrase != "?" for _, _, hit in acts.offer_form):
        total += WEIGHTS["offer"]
    return total


def names_total(acts: Acts, numbers: Iterable[int], total: int | None) -> bool:
    """Whether an utterance says the receipt's ``total`` (tenge) the way the cashier does: as a
    sum to pay, not money handed over («вот две тысячи») or an order."""
    if total is None or total <= 0 or acts.order is not None or acts.pays is not None:
        return False
    return total in numbers


def map_speakers(
    utterances: Iterable[tuple[str, Acts]],
    *,
    flip: bool = False,
    confirmed: bool = False,
    totals: Iterable[bool] = (),
) -> SpeakerMap:
    """``utterances``: (label, acts) in time order. ``flip``: a supervisor swapped the roles;
    ``confirmed``: a supervisor said the automatic roles are right (both end ``uncertain``).
    ``totals``: for each utterance, whether it names the receipt's total (``names_total``)."""
    utts = list(utterances)
    said_total = list(totals)
    labels = list(dict.fromkeys(label for label, _ in utts))
    if not labels:
        return SpeakerMap(None, {}, "none", flip)
    named = {label: _NAMED.get(label.strip().lower()) for label in labels}
    confidence, uncertain = 1.0, False
    if any(named.values()):
        cashier = next((lab for lab, role in named.items() if role == CASHIER), None)
        # None first when only customers are named: nobody is the cashier unless flipped.
        order: list[str | None] = [cashier] + [lab for lab in labels if lab != cashier]
        how = "named"
    else:
        score = dict.fromkeys(labels, 0.0)
        score[utts[0][0]] += FIRST_WORD
        previous: tuple[str, Acts] | None = None
        for i, (label, acts) in enumerate(utts):
            before = previous[1] if previous is not None and previous[0] != label else None
            score[label] += voice_evidence(acts, before)
            if i < len(said_total) and said_total[i]:
                score[label] += TOTAL
            previous = (label, acts)
        # A stable order: best score first, ties to whoever spoke first.
        ranked = sorted(labels, key=lambda lab: (-score[lab], labels.index(lab)))
        order = [*ranked]
        how = "heuristic" if len(labels) > 1 else "single"
        if len(labels) > 1:
            margin = score[ranked[0]] - score[ranked[1]]
            confidence = round(min(1.0, max(0.0, margin / (2 * SURE))), 2)
            uncertain = margin < SURE and not (flip or confirmed)
    if flip and len(order) > 1:
        order[0], order[1] = order[1], order[0]
    elif flip and len(order) == 1 and how != "named":
        # Not named: order is labels re-ranked, so its one entry is the one label.
        return SpeakerMap(None, {labels[0]: CUSTOMER}, how, True)
    cashier = order[0]
    roles = {label: (CASHIER if label == cashier else CUSTOMER) for label in labels}
    if flip or confirmed:
        confidence = 1.0
    return SpeakerMap(cashier, roles, how, flip, confidence, uncertain)


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
