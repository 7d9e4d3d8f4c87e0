"""Scoring one conversation: transcript + receipt + scorecard (+ catalog) → an explained result.

Every outcome carries its evidence: the recognised words that matched, when, and who said them,
so a supervisor can click through to hear them. A conversation without customer speech, without
speech at all, with bad audio, or whose speakers cannot be told apart (and no supervisor has
confirmed or swapped them) is not scored (``scorable`` False with the reason): it must not count
against the cashier.

Items with a ``detector`` (greeting, needs question, loyalty question, farewell, upsell offer)
pass on the act ``acts`` recognises by form and words, or on one of the item's own phrases;
other items pass (or, forbidden, fail) on their phrases alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from .acts import (
    FAREWELLS,
    PARTICLES,
    Acts,
    Hit,
    _hits,
    _particles,
    find_acts,
    instruction,
    not_order,
    small_talk,
)
from .lang import is_adjective, lemmas
from .matching import Match, find_all
from .model import Catalog, Receipt, Transcript
from .normalize import tokenize
from .scorecard import Item, Scorecard
from .speakers import (
    CASHIER,
    CUSTOMER,
    SURE,
    Said,
    SpeakerMap,
    map_speakers,
    names_total,
    voice_evidence,
)
from .upsell import CatalogIndex, OfferFinder, UpsellResult

PASS, FAIL, NOT_APPLICABLE = "pass", "fail", "not_applicable"


def _proposes(a: Acts) -> bool:
    """The utterance proposes something in an offer's words and neither orders nor pays: the
    seller's, whoever the voice is (a customer asks or orders, they do not recommend)."""
    return (
        any(hit.phrase != "?" for _, _, hit in a.offer_form) and a.order is None and a.pays is None
    )


#: Below this recogniser confidence the words are mostly guesses: judge nothing on them.
MIN_CONFIDENCE = 0.35


@dataclass(frozen=True)
class Evidence:
    text: str  # the words as recognised
    phrase: str  # the scorecard phrase (or catalog name) they matched
    start: float
    end: float
    speaker: str  # diarization label
    role: str  # cashier | customer
    utterance: int
    #: why it counts: phrase (``phrase`` was said) | choice | question_word | open_question |
    #: quantity | asked | clarify (a question about what was ordered) | offer | size
    why: str = "phrase"


@dataclass(frozen=True)
class ItemResult:
    id: str
    kind: str
    outcome: str  # pass | fail | not_applicable
    points: int
    max_points: int
    reason: str  # matched | not_said | said_by_customer | outside_window | moot | no_offer | …
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ScoreResult:
    scorable: bool
    reason: str | None  # why not: no_speech | bad_audio | no_customer_speech | speakers_uncertain
    speakers: SpeakerMap
    items: tuple[ItemResult, ...] = ()
    points: int = 0
    max_points: int = 0
    score: float | None = None  # percent of max_points, 0..100; 0 after a fatal item
    fatal: bool = False
    upsell: UpsellResult = field(default_factory=lambda: UpsellResult(()))
    #: a conversation not scored because its speakers are uncertain still shows the forbidden
    #: phrases said in utterances that are clearly the cashier's (failed items, not scored)
    held: tuple[ItemResult, ...] = ()

    def item(self, item_id: str) -> ItemResult:
        return next(r for r in self.items if r.id == item_id)

    def to_dict(self) -> dict:
        def ev(e: Evidence) -> dict:
            return {
                "text": e.text,
                "phrase": e.phrase,
                "start": round(e.start, 2),
                "end": round(e.end, 2),
                "speaker": e.speaker,
                "role": e.role,
                "utterance": e.utterance,
                "why": e.why,
            }

        up = self.upsell
        return {
            "scorable": self.scorable,
            "reason": self.reason,
            "speakers": {
                "cashier": self.speakers.cashier,
                "roles": self.speakers.roles,
                "how": self.speakers.how,
                "flipped": self.speakers.flipped,
                "confidence": self.speakers.confidence,
                "uncertain": self.speakers.uncertain,
            },
            "score": self.score,
            "points": self.points,
            "max_points": self.max_points,
            "fatal": self.fatal,
            "items": [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "outcome": r.outcome,
                    "points": r.points,
                    "max_points": r.max_points,
                    "reason": r.reason,
                    "evidence": [ev(e) for e in r.evidence],
                }
                for r in self.items
            ],
            "held": [
                {"id": r.id, "outcome": r.outcome, "evidence": [ev(e) for e in r.evidence]}
                for r in self.held
            ],
            "upsell": {
                "offers": [
                    {
                        "utterance": o.utterance,
                        "start": round(o.start, 2),
                        "end": round(o.end, 2),
                        "speaker": o.speaker,
                        "text": o.text,
                        "term": o.term,
                        "kind": o.kind,
                        "skus": list(o.skus),
                        "category": o.category,
                        "converted": o.converted,
                        "line": o.line,
                        "sku": o.sku,
                        "revenue": o.revenue,
                    }
                    for o in up.offers
                ],
                "offer_count": len(up.offers),
                "conversions": up.conversions,
                "extra_revenue": up.extra_revenue,
            },
        }


#: How long "at the end" is for a farewell when the scorecard gives no window, in utterances.
LAST_UTTERANCES = 3


class Scorer:
    """A scorecard and a catalog, prepared once (the catalog index is the costly part: build one
    ``Scorer`` per catalog version and keep it current with ``index.add``/``index.remove``);
    ``score`` is then cheap per conversation and safe to call from several threads."""

    def __init__(self, scorecard: Scorecard, catalog: Catalog | None = None) -> None:
        self.scorecard = scorecard
        self.catalog = catalog or Catalog()
        self.index = CatalogIndex(self.catalog, scorecard)
        # (item id, folded words) → where the item's phrases were said: utterances repeat
        # ("спасибо", "с вас тысяча") and phrase search is the costliest step.
        self._said: dict[tuple[str, tuple[str, ...]], list[tuple[int, int, str]]] = {}

    def _phrases(self, item: Item, s: Said) -> list[tuple[int, int, str]]:
        key = (item.id, s.norms)
        found = self._said.get(key)
        if found is None:
            found = [
                (m.first, m.last, pattern.source)
                for pattern in item.patterns
                for m in find_all(pattern, s.norms)
            ]
            if len(self._said) > 100_000:
                self._said.clear()
            self._said[key] = found
        return found

    def score(
        self,
        transcript: Transcript,
        receipt: Receipt | None = None,
        *,
        flip: bool = False,
        confirmed: bool = False,
        catalog: Catalog | None = None,
    ) -> ScoreResult:
        """``flip``/``confirmed``: a supervisor swapped the roles / said they are right.
        ``catalog``: products to search like the receipt's own lines (they are always searched
        first), e.g. a sale's products missing from the store catalog."""
        receipt = receipt or Receipt(())
        utts = [
            (u, tokenize(u.text, u.start, u.end, [(w.text, w.start, w.end) for w in u.words]))
            for u in transcript.utterances
        ]
        utts = [(u, toks) for u, toks in utts if toks]
        acts = [find_acts(toks, self.scorecard.cue_patterns) for _, toks in utts]
        total = _total_tenge(receipt)
        speakers = map_speakers(
            ((u.speaker, a) for (u, _), a in zip(utts, acts, strict=True)),
            flip=flip,
            confirmed=confirmed,
            totals=(
                names_total(a, (int(t.norm) for t in toks if t.norm.isdigit()), total)
                for (_, toks), a in zip(utts, acts, strict=True)
            ),
        )
        said = [
            Said(i, u.speaker, speakers.role_of(u.speaker), u.start, u.end, tuple(toks))
            for i, (u, toks) in enumerate(utts)
        ]
        if not said:
            return ScoreResult(False, "no_speech", speakers)
        if transcript.audio_quality == "bad" or (
            transcript.confidence is not None and transcript.confidence < MIN_CONFIDENCE
        ):
            return ScoreResult(False, "bad_audio", speakers)
        if not any(s.role == CUSTOMER for s in said):
            return ScoreResult(False, "no_customer_speech", speakers)
        if speakers.uncertain:
            held = self._held(said, acts, speakers)
            return ScoreResult(False, "speakers_uncertain", speakers, held=held)
        finder = OfferFinder(
            self.index, self.scorecard, receipt, catalog.products if catalog else ()
        )
        upsell = finder.link(finder.find_offers(said, acts), receipt)
        clarifying = {u: (first, last) for u, first, last in reversed(finder.clarifying)}
        # A question that names nothing and proposes nothing clarifies the order too.
        offered = {o.utterance for o in upsell.offers}
        for s, a in zip(said, acts, strict=True):
            if s.role != CASHIER or s.index in clarifying or s.index in offered:
                continue
            asked = _asks_about_the_order(s, a, finder) or _answered_yes_or_no(s, a, said)
            if asked is not None:
                clarifying[s.index] = asked
        span = (min(s.start for s in said), max(s.end for s in said))
        items = tuple(
            self._item(it, said, acts, span, upsell, clarifying) for it in self.scorecard.items
        )
        fatal = any(r.kind == "fatal" and r.outcome == FAIL for r in items)
        points = sum(r.points for r in items)
        max_points = sum(r.max_points for r in items)
        score = None
        if fatal:
            score = 0.0
        elif max_points > 0:
            score = round(min(100.0, max(0.0, 100.0 * points / max_points)), 1)
        return ScoreResult(True, None, speakers, items, points, max_points, score, fatal, upsell)

    def _held(
        self, said: list[Said], acts: list[Acts], speakers: SpeakerMap
    ) -> tuple[ItemResult, ...]:
        """Forbidden phrases a supervisor need not confirm the roles for: said by the voice that
        looks most like the cashier, in an utterance that is the cashier's by itself (it names
        the total, asks the order or the loyalty card: «Не знаю. С вас тысяча двести.»; or it
        proposes something and orders nothing: «Не знаю, понравится ли вам, но попробуйте
        наш чизкейк.»)."""
        clear = [
            replace(
                s,
                role=CASHIER
                if s.label == speakers.cashier and (voice_evidence(a) >= SURE or _proposes(a))
                else CUSTOMER,
            )
            for s, a in zip(said, acts, strict=True)
        ]
        if not any(s.role == CASHIER for s in clear):
            return ()
        span = (min(s.start for s in said), max(s.end for s in said))
        results = (
            self._item(it, clear, acts, span, UpsellResult(()), {})
            for it in self.scorecard.items
            if it.kind == "forbidden"
        )
        return tuple(r for r in results if r.outcome == FAIL)

    def _item(
        self,
        item: Item,
        said: list[Said],
        acts: list[Acts],
        span: tuple[float, float],
        upsell: UpsellResult,
        clarifying: dict[int, tuple[int, int]],
    ) -> ItemResult:
        if item.detector == "upsell_offer":
            evidence = tuple(
                Evidence(
                    o.text,
                    o.term,
                    o.start,
                    o.end,
                    o.speaker,
                    CASHIER,
                    o.utterance,
                    "size" if o.kind == "size" else "offer",
                )
                for o in upsell.offers
            )
            return self._outcome(item, evidence, "no_offer", said)
        hits: list[Evidence] = []
        near: set[str] = set()
        # (utterance, first, last, phrase, why)
        found: list[tuple[Said, int, int, str, str]] = []
        for s, a in zip(said, acts, strict=True):
            hit = _act_hit(item.detector, a)
            if hit is not None:
                found.append((s, hit.first, hit.last, hit.phrase, hit.why))
            elif item.detector == "needs_question" and s.index in clarifying:
                first_i, last_i = clarifying[s.index]
                found.append((s, first_i, last_i, "", "clarify"))
            found += [
                (s, f, la, src, "phrase")
                for f, la, src in self._phrases(item, s)
                if not (item.looks_for_bad and instruction(s.tokens, f, la))
            ]
        cashier_said = [s.index for s in said if s.role == CASHIER]
        for s, first_i, last_i, phrase, why in found:
            first, last = s.tokens[first_i], s.tokens[last_i]
            if item.speaker != "any" and s.role != item.speaker:
                near.add("said_by_" + s.role)
                continue
            if item.window and not item.window.contains(first.start, last.end, *span):
                near.add("outside_window")
                continue
            if item.detector == "farewell" and s.index not in cashier_said[-2:]:
                near.add("outside_window")  # thanks in the middle is not a goodbye
                continue
            if item.detector == "farewell" and (
                _thanks_for_the_order(s.norms) or _sale_goes_on(s, said, acts)
            ):
                near.add("outside_window")  # «Спасибо. Итого две тысячи.»: the sale goes on
                continue
            if item.detector == "needs_question" and _read_back(s, first_i, last_i, said):
                continue  # «американо с собой хорошо» after «американо с собой»: not asked
            if item.detector == "greeting" and s.index not in cashier_said[:2]:
                near.add("outside_window")  # «сәлем айтыңыз» on leaving is not a greeting
                continue
            text = " ".join(dict.fromkeys(t.raw for t in s.tokens[first_i : last_i + 1]))
            hits.append(
                Evidence(text, phrase, first.start, last.end, s.label, s.role, s.index, why)
            )
        hits.sort(key=lambda e: (e.start, e.utterance))
        hits = list({(e.utterance, e.start): e for e in hits}.values())
        if not item.looks_for_bad and hits:
            hits = hits[:1]  # the first time it was said is what the supervisor wants to hear
        # The closest miss explains a failed item: right words, wrong time or wrong speaker.
        why = "outside_window" if "outside_window" in near else min(near, default="not_said")
        return self._outcome(item, tuple(hits), why, said)

    def _outcome(
        self, item: Item, evidence: tuple[Evidence, ...], why: str, said: list[Said]
    ) -> ItemResult:
        if item.looks_for_bad:
            if evidence:
                points = -item.penalty if item.kind == "forbidden" else 0
                return ItemResult(item.id, item.kind, FAIL, points, 0, "said", evidence)
            return ItemResult(item.id, item.kind, PASS, 0, 0, "not_said")
        max_points = item.weight if item.kind == "required" else 0
        if evidence:
            return ItemResult(
                item.id, item.kind, PASS, item.weight, max_points, "matched", evidence
            )
        if item.moot_patterns and any(
            find_all(p, s.norms) for s in said for p in item.moot_patterns
        ):
            return ItemResult(item.id, item.kind, NOT_APPLICABLE, 0, 0, "moot")
        return ItemResult(item.id, item.kind, FAIL, 0, max_points, why)


def _asks_about_the_order(s: Said, a: Acts, finder: OfferFinder) -> tuple[int, int] | None:
    """A clause of the cashier's asked in form (a question mark, a Kazakh particle) that
    proposes nothing (no offer word), names no product, and is about neither the payment, the
    bag, the card nor how anyone is: it asks about the order («Вам для взрослого?», «ащы
    болсын ба?», «Один?», «Ещё?», «тамақтан кейін бе?»). The guide's needs question "asks what
    the customer wants or clarifies the order"; one that names a product is ``clarifying``'s."""
    plain = {(f, la) for f, la, cue in a.offer_form if cue.phrase == "?"}
    named: list[Match] | None = None  # looked up only for a clause that may ask
    for first, last in a.questions:
        if (first, last) not in plain:
            continue
        if a.greeting is not None and a.greeting.first <= first and last <= a.greeting.last:
            continue  # the greeting's own «бе»
        if a.loyalty is not None and first <= a.loyalty.first <= last:
            continue
        # By its form, not by a word that may ask or state («можно прикладывайте»).
        marked = s.tokens[last].raw.rstrip("»\"')").endswith("?")
        if not (marked or _particles(s.norms, first, last)):
            continue
        if not_order(s.norms, first, last) is not None or small_talk(s.norms, first, last):
            continue
        if named is None:
            named = [m for _, m in finder.targets(s)]
        if not any(first <= m.first <= last for m in named):
            return (first, last)
    return None


#: A bare yes or no (folded).
_YES_NO = frozenset({"да", "иа", "ия", "ага", "угу", "жок", "нет", "не"})


def _answered_yes_or_no(s: Said, a: Acts, said: list[Said]) -> tuple[int, int] | None:
    """Without punctuation a question has only its answer to show it: the cashier names what the
    customer just ordered with a qualifier they did not say (a variety, a number: «хлеб
    нарезной», «пластырь обычный бактерицидный», «яйца десять») and the customer answers yes or
    no. Repeating the order word for word («два чизбургера кола и фри большой» — «ага») asks
    nothing; nor does a turn that offers, names a price, the bag or the card."""
    if any(ch in t.raw for t in s.tokens for ch in ".?!"):
        return None
    if a.offer_form or a.price or a.loyalty or a.till or a.farewell or a.greeting:
        return None
    if not_order(s.norms, 0, len(s.norms) - 1) is not None:
        return None
    after = [o for o in said if o.index > s.index]
    before = [o for o in said if o.index < s.index and o.role != s.role]
    if not after or after[0].role == s.role or not before:
        return None
    if not after[0].norms or not set(after[0].norms) <= _YES_NO:
        return None
    heard = before[-1].norms
    if not {w for w in heard if len(w) >= 3} & set(s.norms):
        return None  # it names nothing the customer ordered
    heard_lemmas = {f for w in heard for f in lemmas(w)}
    for w in s.norms:
        if w.isdigit() and w not in heard:
            return (0, len(s.norms) - 1)
        if is_adjective(w) and not lemmas(w) & heard_lemmas:
            return (0, len(s.norms) - 1)
    return None


def _read_back(s: Said, first: int, last: int, said: list[Said]) -> bool:
    """The cashier repeating the order («с капустой два», «американо с собой хорошо») confirms
    it and asks nothing: the words that looked like a question were the other voice's words a
    moment ago, and nothing in the utterance (a question mark, a question particle) asks."""
    if any(t.raw.endswith("?") for t in s.tokens) or PARTICLES.intersection(s.norms):
        return False  # «…бір литрлік пе»: the Kazakh particle asks
    before = [o for o in said if o.index < s.index and o.role != s.role]
    if not before:
        return False
    heard = set(before[-1].norms)
    return all(w in heard for w in s.norms[first : last + 1])


#: Thanks alone, without a goodbye or a wish.
_THANKS = frozenset({"спасибо", "благодарю", "рахмет"})


def _thanks_for_the_order(norms: tuple[str, ...]) -> bool:
    """Only bare thanks, and a sum of money named after them («Спасибо. Итого две тысячи сто.»,
    «спасибо пятьсот сдачи»): thanks for the order or the money, not the goodbye (which comes
    after the sale: «Ваша сдача пятьсот, спасибо!»)."""
    said = _farewells(norms)
    if not said or any(" ".join(norms[m.first : m.last + 1]) not in _THANKS for m in said):
        return False
    after = norms[max(m.last for m in said) + 1 :]
    return any(w.isdigit() and len(w) >= 3 for w in after)


def _sale_goes_on(s: Said, said: list[Said], acts: list[Acts]) -> bool:
    """Bare thanks («Спасибо.», «рахмет») after which the cashier still carries on the sale
    (hands the order number over, sells the bag, answers a question) without a goodbye: thanks
    for the money in the middle, not the farewell. Calling the next customer or handing the
    receipt over («келесі», «ваш чек») ends the sale."""
    return any(
        later.role == s.role
        and a.farewell is None
        and a.till is None
        and not set(later.norms) <= _REPLIES  # «Угу.», «И вам!», «Пожалуйста.»
        for later, a in zip(said, acts, strict=True)
        if later.index > s.index
    ) and _thanks_only(s.norms)


#: A cashier's short reply to the customer's thanks or goodbye: no sale in it (folded).
_REPLIES = frozenset({
    "да", "угу", "ага", "иа", "ия", "ок", "хорошо", "ладно", "жарайды", "мм", "пожалуйста",
    "и", "вам", "тоже", "сизге", "де", "не", "за", "что", "ештене", "ештеме", "жок",
})  # fmt: skip


def _thanks_only(norms: tuple[str, ...]) -> bool:
    said = _farewells(norms)
    return bool(said) and all(" ".join(norms[m.first : m.last + 1]) in _THANKS for m in said)


@lru_cache(maxsize=8192)
def _farewells(norms: tuple[str, ...]) -> tuple[Match, ...]:
    """Every thanks and goodbye in an utterance (utterances repeat: «спасибо», «рахмет»)."""
    return tuple(_hits(FAREWELLS, norms, 0, len(norms) - 1))


def _act_hit(detector: str | None, acts: Acts) -> Hit | None:
    if detector == "greeting":
        return acts.greeting
    if detector == "needs_question":
        return acts.needs
    if detector == "loyalty_question":
        return acts.loyalty
    if detector == "farewell":
        return acts.farewell
    return None


def score(
    transcript: Transcript,
    receipt: Receipt | None,
    scorecard: Scorecard,
    catalog: Catalog | None = None,
    *,
    flip: bool = False,
) -> ScoreResult:
    """One-off scoring; for many conversations build a ``Scorer`` once and reuse it."""
    return Scorer(scorecard, catalog).score(transcript, receipt, flip=flip)


def _total_tenge(receipt: Receipt) -> int | None:
    """The receipt's total in whole tenge, as a cashier says it; None without lines."""
    if not receipt.lines:
        return None
    return round(sum(line.amount for line in receipt.lines) / 100)
