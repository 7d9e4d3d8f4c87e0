"""Upsell detection and receipt linking.

An offer is a cashier's utterance with an offer cue (``хотите``, ``не желаете``, ``аласыз ба``)
and a catalog product or category in it (its name in any language, a head word of the name,
a synonym). It is not an offer when the customer named that product earlier: then the cashier
is only confirming the order. The same product offered twice counts once. An offer is converted
when a receipt line of that product (or of that category, for a category offer) was added at or
after the offer's start; each line converts at most one offer. A product already rung up before
the offer is not a conversion.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from .matching import Match, Pattern, match_at, search
from .model import Catalog, CatalogProduct, Receipt, ReceiptLine
from .normalize import normalize_text
from .scorecard import Scorecard
from .speakers import CASHIER, CUSTOMER, Said

_UNITS = {"мл", "л", "г", "гр", "кг", "шт", "пак", "дана", "ml", "l", "g", "kg", "pcs", "mg"}
_STOP = {"с", "и", "в", "на", "для", "без", "из", "мен", "with", "and", "of", "the", "a"}
_WITH = {"к", "ко"}
_KK_SUFFIXES = ("лар", "лер", "дар", "дер", "тар", "тер", "сы", "си", "ы", "и")
_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")


@dataclass(frozen=True)
class Target:
    kind: str  # "product" | "category"
    skus: frozenset[str] = frozenset()
    category: str = ""


@dataclass(frozen=True)
class _Term:
    pattern: Pattern
    target: Target


@dataclass(frozen=True)
class Offer:
    utterance: int
    start: float
    end: float
    speaker: str
    text: str  # the words of the offer (cue to product), as recognised
    term: str  # the catalog name or synonym they matched
    kind: str  # "product" | "category"
    skus: tuple[str, ...]
    category: str
    converted: bool = False
    line: int | None = None  # index of the converting receipt line
    sku: str | None = None
    revenue: int = 0  # tiyn


@dataclass(frozen=True)
class UpsellResult:
    offers: tuple[Offer, ...]

    @property
    def conversions(self) -> int:
        return sum(o.converted for o in self.offers)

    @property
    def extra_revenue(self) -> int:
        return sum(o.revenue for o in self.offers)


def _significant(name: str) -> list[str]:
    out: list[str] = []
    for tok in normalize_text(name):
        if tok in _UNITS or tok.isdigit():
            break  # "Американо 250 мл": the size is not how people name it
        if tok not in _STOP:
            out.append(tok)
    return out


def _heads(lang: str, words: list[str]) -> list[str]:
    if not words:
        return []
    if lang == "kk":
        # Kazakh puts the noun last ("Классикалық круассан") and names carry plural and
        # possessive endings people drop when they speak ("Апорт алмасы" → "алма").
        head = words[-1]
        heads = [head]
        for suffix in _KK_SUFFIXES:
            if head.endswith(suffix) and len(head) - len(suffix) >= 3:
                head = head[: -len(suffix)]
                heads.append(head)
        return heads
    heads = [words[0]]
    if words[0].endswith(_ADJ_ENDINGS) and len(words) > 1:
        heads = [words[1]]  # "Горячий шоколад": people say "шоколад", not "горячий"
    return heads


class OfferFinder:
    """The catalog's names as patterns, built once per catalog and scorecard."""

    def __init__(self, catalog: Catalog, scorecard: Scorecard) -> None:
        self.catalog = catalog
        self.cues = scorecard.cue_patterns
        self.by_sku: dict[str, CatalogProduct] = {p.sku: p for p in catalog.products}
        self.category_names: dict[str, set[str]] = defaultdict(set)
        product_terms: dict[str, set[str]] = defaultdict(set)
        category_terms: dict[str, str] = {}
        syn = scorecard.synonyms
        for p in catalog.products:
            if p.category:
                for name in (p.category, *p.category_names):
                    self.category_names[p.category].add(" ".join(normalize_text(name)))
                    category_terms.setdefault(" ".join(_significant(name)), p.category)
            phrases: list[str] = []
            for lang, name in p.names.items():
                words = _significant(name)
                if words:
                    phrases.append(" ".join(words))
                    phrases += _heads(lang, words)
                    if len(words) > 1 and lang != "kk":
                        phrases.append(" ".join(words[:2]))
            phrases += [
                " ".join(normalize_text(s)) for s in (*p.synonyms, *syn.get(f"sku:{p.sku}", ()))
            ]
            for phrase in phrases:
                if phrase:
                    product_terms[phrase].add(p.sku)
        for key, key_phrases in (
            *catalog.category_synonyms.items(),
            *((k[9:], v) for k, v in syn.items() if k.startswith("category:")),
        ):
            for phrase in key_phrases:
                category_terms.setdefault(" ".join(normalize_text(phrase)), key)
        self.terms: list[_Term] = []
        for phrase, key in category_terms.items():
            if phrase:
                self.terms.append(_Term(Pattern.compile(phrase), Target("category", category=key)))
        for phrase, skus in product_terms.items():
            if phrase not in category_terms:  # "кофе" is the category, not "Кофе молотый"
                self.terms.append(
                    _Term(Pattern.compile(phrase), Target("product", frozenset(skus)))
                )
        self.buckets: dict[str, list[_Term]] = defaultdict(list)
        for term in self.terms:
            self.buckets[term.pattern.words[0].text[:3]].append(term)

    # --- what is named in an utterance ------------------------------------------------------

    def targets(self, said: Said) -> list[tuple[Target, Match]]:
        norms = said.norms
        found: list[tuple[_Term, Match]] = []
        for i, tok in enumerate(norms):
            if i and norms[i - 1] in _WITH:
                continue  # "круассан к кофе": the coffee is what it goes with, not the offer
            for term in self.buckets.get(tok[:3], ()):
                m = match_at(term.pattern, norms, i)
                if m is not None:
                    found.append((term, m))
        # Keep the most specific names: drop a match inside a longer one.
        kept = [
            (t, m)
            for t, m in found
            if not any(
                (
                    o.first <= m.first
                    and m.last <= o.last
                    and (o.last - o.first) > (m.last - m.first)
                )
                for _, o in found
            )
        ]
        by_span: dict[tuple[int, int], list[_Term]] = defaultdict(list)
        for t, m in kept:
            by_span[(m.first, m.last)].append(t)
        out: list[tuple[Target, Match]] = []
        for (first, last), terms in sorted(by_span.items()):
            products = [t for t in terms if t.target.kind == "product"]
            if products:
                skus = frozenset().union(*(t.target.skus for t in products))
                target = Target("product", skus)
            else:
                target = terms[0].target
            out.append((target, Match(terms[0].pattern, first, last)))
        return out

    def _same(self, a: Target, b: Target) -> bool:
        if a.kind == "product" and b.kind == "product":
            return bool(a.skus & b.skus)
        cat_a = a.category or self._category_of(a)
        cat_b = b.category or self._category_of(b)
        return bool(cat_a) and cat_a == cat_b and (a.kind == "category" or b.kind == "category")

    def _category_of(self, t: Target) -> str:
        cats = {self.by_sku[s].category for s in t.skus if s in self.by_sku}
        return cats.pop() if len(cats) == 1 else ""

    # --- offers and conversions -------------------------------------------------------------

    def find_offers(self, said: list[Said]) -> list[Offer]:
        offers: list[Offer] = []
        seen: list[Target] = []
        ordered: list[Target] = []  # what the customer has named so far
        for s in said:
            named = self.targets(s)
            if s.role == CUSTOMER:
                ordered += [t for t, _ in named]
                continue
            if s.role != CASHIER or not named:
                continue
            cue = next((m for c in self.cues if (m := search(c, s.norms)) is not None), None)
            if cue is None:
                continue
            for target, m in named:
                if any(self._same(target, o) for o in ordered) or target in seen:
                    continue
                seen.append(target)
                first, last = min(cue.first, m.first), max(cue.last, m.last)
                words = " ".join(dict.fromkeys(t.raw for t in s.tokens[first : last + 1]))
                offers.append(
                    Offer(
                        s.index,
                        s.tokens[first].start,
                        s.tokens[last].end,
                        s.label,
                        words,
                        m.pattern.source,
                        target.kind,
                        tuple(sorted(target.skus)),
                        target.category or self._category_of(target),
                    )
                )
        return offers

    def link(self, offers: list[Offer], receipt: Receipt) -> UpsellResult:
        lines = sorted(enumerate(receipt.lines), key=lambda il: (il[1].added_at, il[0]))
        used: set[int] = set()
        out: list[Offer] = []
        for offer in sorted(offers, key=lambda o: o.start):
            hit = next(
                (
                    i
                    for i, line in lines
                    if i not in used
                    and line.added_at >= offer.start
                    and self._line_fits(offer, line)
                ),
                None,
            )
            if hit is None:
                out.append(offer)
                continue
            used.add(hit)
            line = receipt.lines[hit]
            out.append(replace(offer, converted=True, line=hit, sku=line.sku, revenue=line.amount))
        return UpsellResult(tuple(sorted(out, key=lambda o: (o.start, o.utterance))))

    def _line_fits(self, offer: Offer, line: ReceiptLine) -> bool:
        if offer.kind == "product":
            return line.sku in offer.skus
        product = self.by_sku.get(line.sku)
        if product is not None and product.category == offer.category:
            return True
        return _fold(line.category) in self.category_names.get(offer.category, set())


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return " ".join(normalize_text(text))
