"""Upsell detection and receipt linking.

An offer is a cashier's clause in an offer form (a question, an imperative, a recommendation:
``acts.OFFER_CUES`` and the scorecard's own cues) that names a product, a category, an add-on or
a bigger size the customer had not asked for. Names are looked up on the sale's own receipt
lines first, then in the catalog (``CatalogIndex``, built once per catalog), matching lemmas,
Kazakh endings, synonyms and recogniser errors (``matching``). It is not an offer when the
customer named that product earlier (the cashier is confirming the order), when the clause is a
choice or an interrogative about the order (a needs question), or when it is a bag. The same
product offered twice counts once. An offer is converted when a receipt line of that product (or
of that category, or a bigger size) was added at or after the offer's start; each line converts
at most one offer. A product already rung up before the offer is not a conversion, nor a line of
what the customer asked for before it, nor anything after the customer turned the offer down
(unless they asked for it after all, or took it when offered again). A name the recogniser
misheard is read against the sale's later lines only (``_misheard``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from forsell.domain.options import ChosenOption

from .acts import (
    CHOICE,
    PARTICLES,
    SEEKING,
    SIZE_UP,
    USUAL,
    WEAK_CUES,
    Acts,
    Hit,
    _any,
    _compile,
    not_order,
)
from .lang import index_key, lemma, lookup_keys, unglued
from .matching import Match, Pattern, PatternWord, edit_distance, match_at, word_matches
from .model import Catalog, CatalogProduct, Receipt, ReceiptLine
from .normalize import fold_word, normalize_text
from .scorecard import Scorecard
from .speakers import CASHIER, CUSTOMER, Said

_UNITS = {"мл", "л", "г", "гр", "кг", "шт", "пак", "дана", "ml", "l", "g", "kg", "pcs", "mg", "мг"}
_STOP = {"с", "и", "в", "на", "для", "без", "из", "мен", "with", "and", "of", "the", "a", "по"}
_WITH = {"к", "ко"}
#: Servings and packs after a name («Баурсаки порция», «Бауырсақ порция», «Чай пачка»).
_MEASURES = {
    "порция", "порции", "порциясы", "кусок", "кусочек", "стакан", "кесе", "пачка",
    "бутылка", "банка", "дана", "штук", "штука", "тарелка",
}  # fmt: skip
#: Words that say "extra" around an add-on's name («Добавка сыр», «Ірімшік қосу»): the add-on
#: is called by the other word.
_EXTRA = {"добавка", "доп", "допы", "косу", "косымша", "коса", "extra"}
_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
#: Goods that are never an upsell (the guide: a bag is not an offer).
#: Packaging a cashier asks about without selling anything: a bag, a box, a cup carrier.
_NOT_GOODS = {
    "пакет", "пакетик", "пакети", "bag", "чек", "контейнер", "ыдыс", "переноска", "подставка",
    "холдер", "кулек",
}  # fmt: skip
_NOT_GOODS_STARTS = {w[:3] for w in _NOT_GOODS}

#: How people call products whose catalog names are formal (folded). A catalog word on the left
#: adds the spoken names on the right to every product with that word.
COLLOQUIAL: dict[str, tuple[str, ...]] = {
    "картофель": ("картошка", "картошка фри", "картошечка", "фри"),
    "кока": ("кола",),
    "coca": ("кола",),
    "pepsi": ("пепси",),
    "гамбургер": ("бургер",),
    "шаурма": ("шаверма", "шаурмичка"),
    "шаверма": ("шаурма",),
    "донер": ("шаурма", "шаверма"),
    "минеральная": ("минералка",),
    "газированная": ("газировка", "газводa"),
    "мороженое": ("мороженка", "пломбир"),
    "эспрессо": ("экспрессо",),
    "американо": ("американка",),
    "хот-дог": ("хотдог", "хот дог"),
    "хот": ("хотдог",),
    # Declined as if it were «комба»: «возьмите комбу», «с комбой».
    "комбо": ("комба",),
    "капучино": ("капуч",),
    "пирожок": ("пирожки",),
    "сосиска": ("сосиска в тесте",),
    "лимонад": ("лимонадик",),
    "чай": ("чаек", "чайку", "шай"),
    "шай": ("чай",),
    "вода": ("водичка", "водичку", "су"),
    # Diminutives a cashier uses for what goes with a dish.
    "сметана": ("сметанка",),
    "хлеб": ("хлебушек", "хлебушка", "хлебушко"),
    "лепешка": ("лепешечка",),
    "сыр": ("сырок", "сырочек"),
    "соус": ("соусик",),
    "салат": ("салатик",),
    "компот": ("компотик",),
    "пирожное": ("пироженка", "пироженое"),
    "кофе": ("кофеек", "кофейку"),
    "булка": ("булочка",),
    "кетчуп": ("кетчупчик",),
    "лимон": ("лимончик",),
    "каймак": ("каймагы",),
    "шоколад": ("шоколадка", "шоколадочка"),
    "жевательная": ("жвачка", "жевачка"),
}


#: How people offer a whole kind of goods without naming one («попить что-нибудь?», «сусын
#: алмайсыз ба?», «что-нибудь сладкое?»): a category whose name contains the stem (folded) on
#: the left is also called by the phrases on the right.
GENERIC_CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("напит", ("попить", "пить", "напиток", "сусын", "ишетин", "запить")),
    ("сусын", ("попить", "пить", "напиток", "сусын", "ишетин", "запить")),
    ("десерт", ("сладкое", "десерт", "сладенькое", "татти")),
    ("сладост", ("сладкое", "десерт", "сладенькое", "татти")),
    ("татти", ("сладкое", "десерт", "татти")),
    ("кондитер", ("сладкое", "десерт", "татти")),
    # Sweet things by their own kind: a shop without a «Десерты» category is offered one too.
    ("торт", ("сладкое", "десерт", "сладенькое", "татти")),
    ("пирожн", ("сладкое", "десерт", "сладенькое", "татти")),
    ("морожен", ("сладкое", "десерт", "татти")),
    ("печень", ("сладкое", "татти")),
    ("лимонад", ("попить", "пить", "напиток", "сусын", "ишетин", "запить")),
    ("выпечк", ("выпечка", "булочка", "токаш")),
    ("соус", ("соус", "соусик", "туздык")),
    ("салат", ("салат", "салатик")),
)


@dataclass(frozen=True)
class Target:
    kind: str  # "product" | "category" | "size"
    skus: frozenset[str] = frozenset()
    category: str = ""


@dataclass(frozen=True, eq=False)
class _Term:
    pattern: Pattern
    target: Target
    #: the catalog's SKUs under this phrase, kept current by ``CatalogIndex.add``/``remove``
    live: set[str] | None = None
    phrase: str = ""

    @property
    def skus(self) -> frozenset[str]:
        return frozenset(self.live) if self.live is not None else self.target.skus


@dataclass(frozen=True)
class Offer:
    utterance: int
    start: float
    end: float
    speaker: str
    text: str  # the words of the offer (cue to product), as recognised
    term: str  # the catalog name or synonym they matched
    kind: str  # "product" | "category" | "size"
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
    return list(_significant_words(name))


_HOLDS = re.compile(r"«[^»]*\+[^»]*»|\"[^\"]*\+[^\"]*\"|\([^)]*\+[^)]*\)|:.*\+.*$")


def _set_name(name: str) -> str:
    """A set's own name without what it holds: «Комбо: хот-дог + фри + кола» → «Комбо»,
    «Сет «Бешбармак + сорпа + шай»» → «Сет», ««Бешбармақ + сорпа + шай» сеті» → «сеті»,
    «Комплексный обед (суп + второе)» → «Комплексный обед». The customer who orders a cola
    or a beshbarmak does not order the set."""
    if "+" not in name:
        return name
    own = _HOLDS.sub(" ", name)
    if "+" in own or not any(ch.isalpha() for ch in own):
        return name.split("+")[0]  # «Хот-дог + кола»: called by its first part
    return own


_END, _MEASURE = "end", "measure"


@lru_cache(maxsize=65536)
def _word_roles(word: str) -> tuple[tuple[str, str], ...]:
    """A catalog word's folded tokens, each with what it does in a name: ``_END`` ends the name
    people say, ``_MEASURE`` ends it after the first word, "" is dropped, else it is kept. A
    100,000-product catalog has a few hundred distinct words: each is judged once."""
    if word.startswith("("):
        return (("", _END),)  # «Лагман (порция)»: a note, not the name
    roles = []
    for tok in fold_word(word):
        if tok in _UNITS or tok.isdigit():
            roles.append((tok, _END))  # "Американо 250 мл": not how it is called
        elif tok in _MEASURES:
            roles.append((tok, _MEASURE))  # «Бауырсақ порция»
        else:
            roles.append((tok, "" if tok in _STOP else "keep"))
    return tuple(roles)


@lru_cache(maxsize=131072)  # one entry per product name a conversation touches
def _significant_words(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for word in _set_name(name).split():
        for tok, role in _word_roles(word):
            if role == _END or (role == _MEASURE and out):
                return tuple(out)
            if role:
                out.append(tok)
    return tuple(out)


def _heads(lang: str, words: list[str]) -> list[str]:
    """The words people use alone for a product: its noun."""
    if len(words) > 1 and (words[0] in _EXTRA or words[-1] in _EXTRA):
        words = [w for w in words if w not in _EXTRA] or words
    if not words:
        return []
    if lang == "kk":
        # Kazakh puts the noun last («Қосымша шот» is a «шот») and a name often carries a
        # possessive people drop when they speak («Апорт алмасы» → «алма»).
        head = words[-1]
        heads = [head]
        for ending in ("сы", "си", "ы", "и"):
            if head.endswith(ending) and len(head) - len(ending) >= 3:
                heads.append(head[: -len(ending)])
                break
        return heads
    if words[0].endswith(_ADJ_ENDINGS) and len(words) > 1:
        return [words[1]]  # "Горячий шоколад": people say "шоколад", not "горячий"
    return [words[0]]


@lru_cache(maxsize=65536)
def _head_of(name: str) -> str:
    heads = _heads("ru", _significant(name))
    return heads[0] if heads else ""


def product_phrases(
    p: CatalogProduct, extra: Iterable[str] = (), *, full: bool = True
) -> list[str]:
    """Every way the product may be called: its full names (``full``: for the receipt's few
    lines; a 100,000-product catalog files only the short forms people say), head words, the
    first two words, synonyms, and the colloquial names of its words."""
    names = significant_names(p)
    if not p.synonyms and not extra:
        return list(_plain_phrases(names, full))
    if _bag(names):
        return []  # a bag or a take-away box: never an upsell, whatever its synonyms
    phrases = list(_name_phrases(names, full))
    if p.synonyms or extra:
        phrases += [" ".join(normalize_text(x)) for x in (*p.synonyms, *extra)]
        phrases = list(dict.fromkeys(phrases))
    return [ph for ph in phrases if ph and ph not in _NOT_GOODS]


@lru_cache(maxsize=65536)
def _plain_phrases(names: tuple[tuple[str, tuple[str, ...]], ...], full: bool) -> tuple[str, ...]:
    """``product_phrases`` of a product without synonyms: products that differ only by size or
    pack share them, so a large catalog computes each once."""
    if _bag(names):
        return ()
    return tuple(ph for ph in _name_phrases(names, full) if ph and ph not in _NOT_GOODS)


@lru_cache(maxsize=65536)
def _bag(names: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    """A bag or a take-away box by any of its names (computed once per distinct name)."""
    return any(_is_bag_word(w) for _, words in names for w in words)


@lru_cache(maxsize=65536)
def _name_phrases(names: tuple[tuple[str, tuple[str, ...]], ...], full: bool) -> tuple[str, ...]:
    """The phrases of a product's names (language, significant words): products that differ
    only by size or pack share them, so a large catalog computes each once."""
    phrases: list[str] = []
    ru = next((words for lang, words in names if lang == "ru"), ())
    for name_lang, words in names:
        if not words:
            continue
        # The same name in both (loan words): read it the Russian way.
        lang = "ru" if name_lang == "kk" and words == ru else name_lang
        if full or len(words) <= 2:
            phrases.append(" ".join(words))
        heads = _heads(lang, list(words))
        phrases += heads
        if len(words) > 2 and lang != "kk":
            phrases.append(" ".join(words[:2]))
        if lang != "kk" and len(words) >= 2 and words[1].endswith(_ADJ_ENDINGS):
            # «Круассан шоколадный» on the menu board is a «шоколадный круассан» at the counter.
            phrases.append(f"{words[1]} {words[0]}")
        phrases += _variety(lang, words, heads, ru)
        # Colloquial names of the head only: «Комбо: хот-дог + фри» is not a «хотдог».
        for w in dict.fromkeys((*heads, words[0])):
            phrases += COLLOQUIAL.get(w, ())
    # A brand in Latin letters is what people call the product by («Жевательная резинка
    # Orbit» is an «Орбит»), and it is heard and written in Cyrillic.
    phrases += [w for _, words in names for w in words if _is_brand(w)]
    phrases += [c for c in map(_cyrillic_of, phrases) if c]
    return tuple(dict.fromkeys(phrases))


_LATIN_WORD = re.compile(r"[a-z]")
_CYRILLIC_WORD = re.compile(r"[а-яё]")
#: English words on labels that name no brand.
_LATIN_NOT_BRANDS = frozenset({
    "classic", "light", "zero", "max", "mini", "big", "original", "extra", "premium", "gold",
    "plus", "fresh", "juice", "water", "milk", "tea", "coffee", "with", "and", "the", "new",
    "top", "grade", "sugar", "free", "pack", "size",
})  # fmt: skip
#: How a Russian speaker reads Latin letters (longest first): a brand written «Snickers» is
#: said «сникерс». Only a first guess: the matcher's edit distance covers «спрайт» for «сприте».
_LATIN_READ = (
    ("sch", "ш"), ("tion", "шн"), ("sh", "ш"), ("ch", "ч"), ("ck", "к"), ("ph", "ф"),
    ("th", "т"), ("ee", "и"), ("oo", "у"), ("qu", "кв"), ("ce", "се"), ("ci", "си"),
    ("ya", "я"), ("yo", "е"), ("yu", "ю"), ("ja", "джа"), ("j", "дж"), ("x", "кс"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
    ("w", "в"), ("y", "и"), ("z", "з"),
)  # fmt: skip
_LATIN_RE = re.compile("|".join(re.escape(a) for a, _ in _LATIN_READ))
_LATIN_MAP = dict(_LATIN_READ)


@lru_cache(maxsize=65536)
def _is_brand(word: str) -> bool:
    """A word in Latin letters only, long enough and not a label's English («Orbit», not
    «classic»)."""
    return (
        len(word) >= 3
        and word not in _LATIN_NOT_BRANDS
        and _LATIN_WORD.search(word) is not None
        and _CYRILLIC_WORD.search(word) is None
    )


@lru_cache(maxsize=65536)
def _cyrillic_of(phrase: str) -> str:
    """The phrase with its Latin letters read the Russian way ("" when it has none)."""
    if _LATIN_WORD.search(phrase) is None:
        return ""
    return _LATIN_RE.sub(lambda m: _LATIN_MAP[m.group(0)], phrase)


#: Words that make a name a set of products («Комбо Твистер», «Твистер сеті»).
_SETS = frozenset({"комбо", "combo", "сет", "сети", "набор", "комплекс", "ланч", "бокс", "box"})


def _variety(lang: str, words: Sequence[str], heads: list[str], ru: Sequence[str]) -> list[str]:
    """The variety of a kind, said alone: «Салат ачичук», «Торт Наполеон», «Пицца Пепперони»
    are an «ачичук», a «наполеон», a «пепперони» at the counter. In Russian the second of two
    words when it is a noun in its dictionary form (not «Чай чёрный», not «Чай с молоком»); in
    Kazakh the first of «Ачичук салаты» when the second is the Russian name's kind with a
    possessive (not «Картоп езбесі», whose kind is not the Russian «пюре»)."""
    if len(words) != 2 or words[0] in _SETS or words[-1] in _SETS:
        return []  # «Комбо Твистер» is a set named after a product, not a kind of «комбо»
    if lang == "kk":
        kind = heads[-1] if heads else ""
        ru_kind = _heads("ru", list(ru)) if ru else []
        return [words[0]] if len(heads) > 1 and ru_kind and kind == ru_kind[0] else []
    second = words[1]
    if (
        len(second) < 4
        or second.endswith(_ADJ_ENDINGS)
        or second in _EXTRA
        or second in _MEASURES
        or lemma(second) != second
    ):
        return []
    return [second]


@lru_cache(maxsize=1024)
def _not_goods(name: str) -> bool:
    """A bag, a box, a receipt: what a cashier asks about without selling anything."""
    return any(_is_bag_word(w) for w in normalize_text(name))


def _is_bag_word(word: str) -> bool:
    # The lemma only for words that start like one (a dictionary look-up per catalog word would
    # slow the 100,000-product index build).
    return word in _NOT_GOODS or (word[:3] in _NOT_GOODS_STARTS and lemma(word) in _NOT_GOODS)


#: The languages the counter speaks and the recognisers are asked for. A catalog's English name
#: («Butter Food Master with nuts») is for an English menu: a Russian or Kazakh recogniser
#: never writes it, and filing it would cost a third of the index at a real catalog's size.
SPOKEN = ("ru", "kk")


def significant_names(p: CatalogProduct) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(language, the words people name it by) for each of the product's spoken names (every
    name when it has none in a spoken language)."""
    names = [(lang, name) for lang, name in p.names.items() if lang in SPOKEN]
    return tuple((lang, _significant_words(name)) for lang, name in names or p.names.items())


class _TermIndex:
    """Phrases filed by their first word's first letters (``lang.index_key``)."""

    def __init__(self) -> None:
        self.buckets: dict[str, list[_Term]] = defaultdict(list)
        self.count = 0

    def add(self, phrase: str, target: Target, live: set[str] | None = None) -> None:
        try:
            pattern = _pattern(phrase)
        except ValueError:
            return
        term = _Term(pattern, target, live, phrase)
        self.buckets[index_key(pattern.words[0].text)].append(term)
        self.count += 1

    def matches(self, norms: Sequence[str], i: int) -> list[tuple[_Term, Match]]:
        out: list[tuple[_Term, Match]] = []
        seen: set[int] = set()
        for key in lookup_keys(norms[i]):
            for term in self.buckets.get(key, ()):
                if id(term) in seen:
                    continue
                seen.add(id(term))
                m = match_at(term.pattern, norms, i)
                if m is not None:
                    out.append((term, m))
        return out


@lru_cache(maxsize=65536)
def _pattern(phrase: str) -> Pattern:
    return Pattern.compile(phrase)


class CatalogIndex:
    """The catalog's names and categories as an index, built once per catalog version
    (``add``/``remove`` keep it current without a rebuild) and shared by every conversation."""

    def __init__(self, catalog: Catalog, scorecard: Scorecard) -> None:
        self.catalog = catalog
        self.synonyms = scorecard.synonyms
        self.by_sku: dict[str, CatalogProduct] = {}
        self.category_names: dict[str, set[str]] = defaultdict(set)
        self.products = _TermIndex()
        self.categories = _TermIndex()
        self._phrase_skus: dict[str, set[str]] = defaultdict(set)
        self._filed: set[str] = set()
        #: the one category every product of a phrase is in ("" when they differ)
        self._phrase_category: dict[str, str] = {}
        category_terms: dict[str, str] = {}
        generic: dict[str, set[str]] = defaultdict(set)
        for key, key_phrases in (
            *catalog.category_synonyms.items(),
            *((k[9:], v) for k, v in self.synonyms.items() if k.startswith("category:")),
        ):
            for phrase in key_phrases:
                category_terms.setdefault(" ".join(normalize_text(phrase)), key)
        # In catalog order (a set's order changes from run to run: a phrase two categories
        # share must go to the same one every time).
        categories = dict.fromkeys(
            (p.category, p.category_names) for p in catalog.products if p.category
        )
        for category, category_names in categories:
            if _not_goods(category):
                continue  # «Пакеты»: «пакет керек пе?» is the bag question, never an upsell
            for name in (category, *category_names):
                folded = " ".join(normalize_text(name))
                self.category_names[category].add(folded)
                category_terms.setdefault(" ".join(_significant(name)), category)
                for stem, phrases in GENERIC_CATEGORIES:
                    if stem in folded:
                        for phrase in phrases:
                            category_terms.setdefault(phrase, category)
                            generic[phrase].add(category)
        self._category_phrases = set(category_terms)
        #: sets (a name that holds «+»): SKU → its names, and the head words they are called by
        self.sets: dict[str, tuple[str, ...]] = {}
        self.set_heads: set[str] = set()
        self.set_categories: set[str] = set()
        self._holding: dict[str, frozenset[str]] = {}
        #: products' names without their sizes, per set of SKUs a phrase calls (a head word of a
        #: big catalog calls thousands): kept across conversations until the catalog changes
        self.sized_names: dict[frozenset[str], frozenset[str]] = {}
        #: categories one generic phrase calls alike («сладкое»: desserts and sweets): an
        #: offer of one is converted by a line of another
        self.generic = generic  # phrase → the categories it calls
        self.kin: dict[str, set[str]] = defaultdict(set)
        for called in generic.values():
            for category in called:
                self.kin[category] |= called - {category}
        for phrase, key in category_terms.items():
            if phrase:
                self.categories.add(phrase, Target("category", category=key))
        for p in catalog.products:
            self.add(p)

    def add(self, p: CatalogProduct) -> None:
        """A new or changed product (a changed one keeps its old names too until a rebuild)."""
        self.by_sku[p.sku] = p
        if self.sized_names:
            self.sized_names.clear()
        if any("+" in name for name in p.names.values()):
            # A set («Комбо «Донер + фри + кола»»): called by its own head word.
            self.sets[p.sku] = tuple(p.names.values())
            heads = {tuple(_significant(_set_name(name)))[:1] for name in p.names.values()}
            self.set_heads.update(h[0] for h in heads if h)
            self.set_categories.add(p.category)
            self._holding.clear()
        for phrase in product_phrases(p, self.synonyms.get(f"sku:{p.sku}", ()), full=False):
            if phrase in self._category_phrases:
                continue  # "кофе" is the category, not "Кофе молотый"
            skus = self._phrase_skus[phrase]
            if phrase not in self._filed:
                # One term per phrase; its set of SKUs grows and shrinks in place.
                self._filed.add(phrase)
                self._phrase_category[phrase] = p.category
                self.products.add(phrase, Target("product"), live=skus)
            elif self._phrase_category.get(phrase) != p.category:
                self._phrase_category[phrase] = ""
            skus.add(p.sku)

    def sets_holding(self, term: str) -> frozenset[str]:
        """The sets that hold ``term`` (a catalog name, folded) among their parts."""
        found = self._holding.get(term)
        if found is None:
            found = frozenset(
                sku for sku, names in self.sets.items() if any(_holds(name, term) for name in names)
            )
            self._holding[term] = found
        return found

    def skus_called(self, phrase: str) -> set[str]:
        """The products filed under ``phrase`` (folded), e.g. a head word."""
        return self._phrase_skus.get(phrase, set())

    def phrase_category(self, phrase: str) -> str:
        """The one category of every product called ``phrase`` ("" when they differ)."""
        return self._phrase_category.get(phrase, "")

    def remove(self, sku: str) -> None:
        """A product taken out of sale: no longer offered under any name."""
        self.by_sku.pop(sku, None)
        self.sized_names.clear()
        if self.sets.pop(sku, None) is not None:
            self._holding.clear()
        for skus in self._phrase_skus.values():
            skus.discard(sku)

    def category_of(self, skus: Iterable[str]) -> str:
        cats = {self.by_sku[s].category for s in skus if s in self.by_sku}
        return cats.pop() if len(cats) == 1 else ""


class OfferFinder:
    """Finds offers in one conversation: the receipt's own lines first, then the catalog."""

    def __init__(
        self,
        index: CatalogIndex,
        scorecard: Scorecard,
        receipt: Receipt,
        extra: Iterable[CatalogProduct] = (),
    ) -> None:
        self.index = index
        self.cues = scorecard.cue_patterns
        self.receipt = receipt
        self.own = _TermIndex()
        self.own_products: dict[str, CatalogProduct] = {}
        products = [
            index.by_sku.get(line.sku)
            or CatalogProduct(line.sku, line.names or {"ru": line.name}, line.category)
            for line in receipt.lines
        ]
        for p in (*products, *extra):
            if p.sku in self.own_products:
                continue
            self.own_products[p.sku] = p
            for phrase in product_phrases(p, index.synonyms.get(f"sku:{p.sku}", ())):
                self.own.add(phrase, Target("product", frozenset((p.sku,))))
        #: filled by ``find_offers``: (utterance, SKUs) the customer named, and the offers the
        #: customer turned down (offer's utterance → the refusal's)
        self._asked_for: list[tuple[int, frozenset[str]]] = []
        #: the customer's words that named only a kind with several varieties («шай», «бір
        #: круассан»): (utterance, SKUs of the kind)
        self._asked_kind: list[tuple[int, frozenset[str], frozenset[str]]] = []
        #: offers made with a proposing word, not a bare question (utterance, start)
        self._proposed: set[tuple[int, float]] = set()
        self._declined: dict[int, int] = {}
        #: product offers made side by side as a choice of one kind (offer's utterance and
        #: start → the kind's category): «чизкейк или медовик?»
        self._kinds: dict[tuple[int, float], str] = {}
        #: each target's names without their sizes, kept for the conversation: a head word of a
        #: big catalog covers thousands of products, and every offer is compared with it
        self._sized_names: dict[frozenset[str], frozenset[str]] = {}

    # --- what is named in an utterance ------------------------------------------------------

    def targets(self, said: Said) -> list[tuple[Target, Match]]:
        # «булочку скорицей»: a preposition glued on by the recogniser hides the name's word.
        norms = tuple(map(unglued, said.norms))
        found: list[tuple[_Term, Match, int]] = []  # (term, match, rank: 0 receipt, 1 catalog)
        starts: set[int] = set()  # tokens where a name starts
        merged: list[tuple[_Term, Match, int]] = []
        for i in range(len(norms)):
            if i and norms[i - 1] in _WITH:
                continue  # "круассан к кофе": the coffee is what it goes with, not the offer
            own = self.own.matches(norms, i)
            here = [(t, m, 0) for t, m in own]
            here += [(t, m, 1) for t, m in self.index.categories.matches(norms, i)]
            # The catalog too: a longer catalog name («лимонды шай») is what was said rather
            # than the receipt's shorter one («шай» of «Чай чёрный»); at the same length the
            # receipt's own line wins (below).
            here += [(t, m, 1) for t, m in self.index.products.matches(norms, i)]
            if here:
                starts.add(i)
            found += here
            if (
                i + 1 < len(norms)
                and len(norms[i]) <= 3
                and not norms[i].isdigit()
                and not norms[i + 1].isdigit()
            ):
                # A recogniser splits a word it does not know («чиз кейк», «на полеон»); a
                # first half this short cannot reach the name's index key (``lang.index_key``),
                # so the two read as one are looked up as a one-word name. Longer halves are
                # matched as split words by ``matching``.
                merged += self._one_word(norms[i] + norms[i + 1], i)
        # Only where neither half names anything itself («таба нан алыңыз» stays as it is).
        found += [(t, m, r) for t, m, r in merged if m.first not in starts and m.last not in starts]
        # «шайға бірдеңе», «сорпаға нан алыңыз»: a name in the Kazakh dative is what the offer
        # goes with («к чаю»), not the offer.
        found = [(t, m, r) for t, m, r in found if not _dative(t.pattern, norms[m.last])]
        # «котлета гарнир сіз бе?»: the Kazakh «without» (-сыз/-сіз) the recogniser split off
        # names what the dish comes without.
        found = [(t, m, r) for t, m, r in found if not _without(norms, m.last)]
        ends = {k for k, tok in enumerate(said.tokens) if tok.raw[-1:] in ".?!"}
        # «кофе алмайсыз ба? Американо …» is not «Кофе американо»: no name across a sentence end.
        found = [(t, m, r) for t, m, r in found if not any(m.first <= k < m.last for k in ends)]
        # Keep the most specific names: drop a match inside a longer one.
        kept = [
            (t, m, r)
            for t, m, r in found
            if not any(
                o.first <= m.first
                and m.last <= o.last
                and ((o.last - o.first) > (m.last - m.first) or (ro < r))
                for _, o, ro in found
            )
        ]
        by_span: dict[tuple[int, int], list[_Term]] = defaultdict(list)
        for t, m, _ in kept:
            if m.first == m.last and _is_size_word(norms[m.first]):
                continue  # «үлкенін», «большую»: a size, not the product «Үлкен фри»
            if t.target.kind == "product" and not t.skus:
                continue  # every product of that name was taken out of sale
            by_span[(m.first, m.last)].append(t)
        out: list[tuple[Target, Match]] = []
        for (first, last), terms in sorted(by_span.items()):
            products = [t for t in terms if t.target.kind == "product"]
            if products:
                skus = frozenset().union(*(t.skus for t in products))
                cats = {self._term_category(t) for t in products}
                target = Target("product", skus, cats.pop() if len(cats) == 1 else "")
            else:
                target = terms[0].target
            out.append((target, Match(terms[0].pattern, first, last)))
        return out

    def _one_word(self, word: str, i: int) -> list[tuple[_Term, Match, int]]:
        """One-word names matching ``word``, as a match over the two tokens at ``i``."""
        own = [(t, m, 0) for t, m in self.own.matches((word,), 0)]
        found = own or [(t, m, 1) for t, m in self.index.products.matches((word,), 0)]
        return [
            (t, Match(m.pattern, i, i + 1), r) for t, m, r in found if len(t.pattern.words) == 1
        ]

    def _term_category(self, term: _Term) -> str:
        """A catalog term knows its phrase's category; a receipt term asks its product."""
        if term.live is not None:
            return self.index.phrase_category(term.phrase)
        return self._category_from_skus(term.target.skus)

    def category_of(self, t: Target) -> str:
        if t.category or t.kind != "product":
            return t.category
        return self._category_from_skus(t.skus)

    def _category_from_skus(self, skus: frozenset[str]) -> str:
        """The one category all of ``skus`` share ("" for none or several). A head word of a
        big catalog covers thousands of products: stop at the second category."""
        found = ""
        for sku in skus:
            p = self._product(sku)
            if p is None or not p.category:
                continue
            if found and p.category != found:
                return ""
            found = p.category
        return found

    def _sized(self, sku: str) -> str:
        """A product's name without its size or pack: what its other sizes share."""
        return " ".join(_significant_words(self._name(sku)))

    def _sized_set(self, skus: frozenset[str]) -> frozenset[str]:
        """The names of ``skus`` without their sizes. Products this sale names itself may be
        called otherwise than in the catalog: those sets are kept for this conversation only."""
        shared = self.own_products.keys().isdisjoint(skus)
        cache = self.index.sized_names if shared else self._sized_names
        found = cache.get(skus)
        if found is None:
            if len(cache) > 4096:
                cache.clear()
            found = cache[skus] = frozenset(self._sized(x) for x in skus) - {""}
        return found

    def _head(self, sku: str) -> str:
        """The word a product's family is called by («Стрепсилс №16» → «стрепсилс»)."""
        return _head_of(self._name(sku))

    def _name(self, sku: str) -> str:
        """The product's Russian name (else its first one; "" for an unknown SKU)."""
        p = self._product(sku)
        return "" if p is None else p.names.get("ru") or next(iter(p.names.values()), "")

    def _product(self, sku: str) -> CatalogProduct | None:
        return self.own_products.get(sku) or self.index.by_sku.get(sku)

    def _same(self, a: Target, b: Target, named_exactly: bool = False) -> bool:
        """``a`` is what ``b`` was. ``named_exactly``: ``a`` was said with its distinguishing
        words («шоколадный круассан»), so another variant of its family is another product."""
        if a.kind == "product" and b.kind == "product":
            if a.skus & b.skus:
                return True
            # «Капучино средний» ordered, «капучино» named back: another size of it is the same
            # product to the customer (a bigger one offered is a size offer, found apart).
            return (
                not named_exactly
                and len(a.skus) <= 8
                # The same name but for the size («Капучино 350 мл», «Капучино 450 мл»); «Салат
                # оливье» and «Салат из свёклы» are two products.
                and bool(self._sized_set(a.skus) & self._sized_set(b.skus))
            )
        cat_a, cat_b = self.category_of(a), self.category_of(b)
        return bool(cat_a) and cat_a == cat_b and (a.kind == "category" or b.kind == "category")

    # --- offers and conversions -------------------------------------------------------------

    def find_offers(self, said: Sequence[Said], acts: Sequence[Acts]) -> list[Offer]:
        """The cashier's offers, in order. Also fills ``clarifying``: the cashier's questions
        about something the customer already ordered («Сахар бір келі ме?», «Капучино большой?»):
        they clarify the order, which the guide counts as a needs question."""
        offers: list[Offer] = []
        seen: list[Target] = []
        ordered: list[Target] = []  # what the customer has named so far
        size_asked: set[str] = set()  # the sizes the customer asked for, as lemmas
        numbers_asked: set[float] = set()  # numbers the customer said («бір литрлік»)
        seeking = False  # the customer asked for a kind of thing and awaits a proposal
        sought_at = 0.0
        usual = False  # the customer ordered «как обычно»: the cashier names the usual next
        self.clarifying: list[tuple[int, int, int]] = []  # (utterance, first, last)
        self._kinds = {}
        self._asked_for = []  # what the customer names: a line they ordered is no conversion
        self._asked_kind = []
        self._proposed = set()
        kinds_ordered: list[Target] = []  # what the customer named by its kind only
        unknown: set[str] = set()  # the customer's words that named nothing
        said_by_cashier: dict[int, list[Target]] = {}  # utterance → what the cashier named
        for s, a in zip(said, acts, strict=True):
            named = self.targets(s)
            if s.role == CASHIER:
                said_by_cashier[s.index] = [t for t, _ in named]
            if s.role == CUSTOMER:
                taken = {k for _, m in named for k in range(m.first, m.last + 1)}
                unknown.update(w for k, w in enumerate(s.norms) if k not in taken and len(w) >= 4)
                self._asked_for += [(s.index, t.skus) for t, _ in named if t.skus]
                for t, m in named:
                    kind = self._kind_named(t, m)
                    if kind:
                        self._asked_kind.append((s.index, t.skus, kind))
                        kinds_ordered.append(t)
                # Only before anything was ordered: «…and what would you suggest?» after an
                # order invites an upsell rather than being the purchase itself.
                sought = _any(SEEKING, s.norms, 0, len(s.norms) - 1)
                if (
                    sought is not None
                    and all(m.last < sought.first for _, m in named)
                    and not ((ordered or named) and _MORE & set(s.norms))
                ):
                    # «Наполеон целый и что-нибудь к столу», «а что есть к чаю?»: what the
                    # cashier proposes next answers the request; «…тағы бірдеңе ұсынасыз ба?»
                    # («what else?») after an order invites an upsell.
                    seeking, sought_at = True, s.end
                elif any(t.kind == "product" for t, _ in named):
                    seeking = False  # the customer chose: «спрей» after «спрей ме, әлде …?»
                ordered += [t for t, _ in named]
                # Only while nobody has named it: «Да, как обычно» after «американо?» is done.
                usual = not ordered and _any(USUAL, s.norms, 0, len(s.norms) - 1) is not None
                # «большую колу» asks for a size; «двойной бургер» names a product.
                asked = a.size_up
                if asked is not None and not any(
                    m.first <= asked.first <= m.last for _, m in named
                ):
                    size_asked.add(lemma(s.norms[asked.first]))
                numbers_asked.update(_sizes_said(s.norms))
                continue
            if s.role != CASHIER:
                continue
            # A kind asked for («горло болит …») is fulfilled once a product of it is rung up
            # («Лизобакт»): another product of that kind offered later is an upsell again.
            ordered = [o for o in ordered if not self._fulfilled(o, s.start)]
            if seeking and any(sought_at <= ln.added_at < s.start for ln in self.receipt.lines):
                seeking = False  # «Тогда Стрепсилс … Пойдёт?» rung up: the request is answered
            if usual or _asks_usual(s, a):
                # «Салам! Дабл и айран, да?» after «как обычно», or «Как обычно — флэт уайт?»:
                # the regular's usual order, named back; nothing in it is an offer. Asked back,
                # it clarifies the order (a needs question).
                if usual:
                    self.clarifying += [(s.index, first, last) for first, last in a.questions]
                usual = False
                ordered += [t for t, _ in named]
                continue
            offering = {
                (first, last) for first, last, cue in a.offer_form if cue.phrase not in WEAK_CUES
            }
            for first, last in a.questions:
                if (first, last) in offering or not_order(s.norms, first, last):
                    continue  # an offer, or a bag or the payment: not about the order
                if any(
                    first <= m.first <= last and any(self._same(t, o) for o in ordered)
                    for t, m in named
                ):
                    self.clarifying.append((s.index, first, last))
            previous = -1  # the last offer clause's end
            made = len(offers)
            for first, last, cue in a.offer_form:
                before, previous = previous, last
                # «Маски не нужны? Сейчас все берут»: a need asked in the negative proposes.
                weak = cue.phrase in WEAK_CUES and not (
                    cue.first > first and s.norms[cue.first - 1] == "не"
                )
                if cue.first > first and _is_bag_word(s.norms[cue.first - 1]):
                    # «гамбургер фанта тысяча пятьсот пакет нужен»: the order read back, then
                    # the bag question; the proposing word is the bag's.
                    continue
                if (
                    weak
                    and (first, last) in a.needs_clauses
                    # A choice proposed once something is ordered; before it, «может, латте или
                    # капучино?» asks what the customer wants.
                    and not _something_of_a_kind(
                        s.norms, first, last, named, cue.phrase != "?" and bool(ordered)
                    )
                    and not (
                        cue.phrase != "?"
                        and ordered
                        # Of what is proposed: «мантов нет, плов или шорпо будете?» names the
                        # manty ordered, and plov and shorpo are no one kind.
                        and _choice_of_one_kind(
                            s.norms,
                            first,
                            last,
                            [
                                (t, m)
                                for t, m in named
                                if not any(self._same(t, o) for o in ordered)
                            ],
                            self.category_of,
                        )
                    )
                ):
                    continue  # «какой кофе?», «кофе ме, шай ма?»: a needs question
                # A name that starts in the clause («морс возьмёте? Клюквенный») belongs to it.
                inside = [(t, m) for t, m in named if first <= m.first <= last]
                if not inside and not weak:
                    # «У нас булочки с корицей, ещё тёплые. Возьмёте к чаю?»: the offer asks
                    # about what the sentence before it named.
                    inside = [(t, m) for t, m in named if before < m.first < first]
                new = [
                    (t, m)
                    for k, (t, m) in enumerate(inside)
                    if not any(
                        self._same(t, o, m.last > m.first)
                        # «Бір шай» ordered, «сүтті шай қосайын ба?» proposed: a variety of
                        # the kind the customer named is something new.
                        and not (
                            not weak
                            and m.last > m.first
                            and any(o is g for g in kinds_ordered)
                            and not self._kind_named(t, m)
                        )
                        for o in ordered
                    )
                    and t not in seen
                    and all(t != u for u, _ in inside[:k])  # «спрей … Називин»: one product
                    and not self._read_back(s.norms, m, t, unknown)
                ]
                if seeking and new:
                    # What is proposed («Терафлю», or «айс латте, лимонад, матча») answers the
                    # customer's request.
                    seeking = False
                    ordered += [t for t, _ in new]
                    new = []
                told: list[Target] = []
                # Several products of one kind offered side by side («чизкейк или медовик?»,
                # «соус какой: сырный, барбекю?») offer the kind: the customer picks any of it.
                # Named products, not a head word a big catalog files a shelf of products under.
                products = [t for t, _ in new if t.kind == "product" and len(t.skus) <= _FEW]
                listed = Counter(map(self.category_of, products)) if len(products) > 1 else None
                for named_here, m in new:
                    if any(named_here is t for t in told):
                        continue  # «шай ішесіз бе, сүтті шай бар»: told which, one offer
                    target, follow = self._told_which(named_here, m, last, named, a, ordered)
                    told += follow
                    seen.append(target)
                    seen += follow
                    offer = self._offer(s, cue.first, cue.last, target, m)
                    offers.append(offer)
                    if not weak:
                        self._proposed.add((offer.utterance, offer.start))
                    # Told which after its kind («Шай ше? Лимонды шай бар.»), it stays that
                    # product: black tea instead is another product bought.
                    if listed and target.kind == "product" and not follow:
                        of_kind = self.category_of(named_here)
                        if of_kind and listed[of_kind] > 1:
                            self._kinds[(offer.utterance, offer.start)] = of_kind
                    if (s.index, first, last) in self.clarifying:
                        # «борщ со сметаной будете?»: names the borscht ordered to offer the
                        # sour cream; it asks nothing about the order.
                        self.clarifying.remove((s.index, first, last))
                if new:
                    continue
                heard = self._misheard(s, first, last, cue, named, seen)
                if heard is not None and seeking:
                    seeking = False  # proposed in answer to the customer's request
                    ordered.append(heard[0])
                    continue
                if heard is not None:
                    seen.append(heard[0])
                    offers.append(self._offer(s, cue.first, cue.last, *heard))
                    if not weak:
                        self._proposed.add((offers[-1].utterance, offers[-1].start))
                    continue
                # Nothing new named: a bigger size or pack of what was ordered («картошку
                # сделать большую?», «фридің үлкенін алыңыз»).
                # Of what? The ordered product named here, else the last one ordered: any of
                # its SKUs rung up afterwards is the upgrade (one «Парацетамол» for another).
                size = _any(SIZE_UP, s.norms, first, last)
                numbers = _numbers(s.norms, first, last) if size is None else []
                if size is None and not numbers:
                    continue
                about = [t for t, _ in inside] or self._comes_in_sizes(ordered)
                skus = frozenset().union(*(t.skus for t in about)) if about else frozenset()
                heads = {self._head(sku) for sku in skus} - {""}
                skus = skus.union(*(self.index.skus_called(h) for h in heads))
                if size is not None and size.pattern.source in _MEASURE_SIZES:
                    # «Тассай литровую?» of water sold only by the litre names the size there
                    # is: a size said by its measure is a bigger one only as its number is.
                    numbers = [(size.first, size.last, _MEASURE_SIZES[size.pattern.source])]
                    size = None
                if size is None:
                    # «Капучино на четыреста сделать?», «екі литрлігін алыңыз»: the bigger size
                    # called by its number; its line is that size.
                    size, skus = self._size_named(s.norms, numbers, skus, numbers_asked)
                if (
                    size is None
                    # «большую колу» — «Большую?» confirms; «литровые» — «двухлитровую» offers
                    or lemma(s.norms[size.first]) in size_asked
                    # «большой или маленький?» asks, unless the bigger one is pitched with it:
                    # «…әлде үлкенін аласыз ба, үлкені екі жүз елу ғана қымбат»
                    or (
                        _any(CHOICE, s.norms, first, last) is not None
                        and _any(_PITCH, s.norms, first, len(s.norms) - 1) is None
                    )
                ):
                    continue
                target = Target("size", skus)
                # One size offer per product: the water's bigger bottle turned down, two
                # energy drinks for the price of one and a half are another offer.
                if any(t.kind == "size" and (t.skus & skus or not skus) for t in seen):
                    continue
                seen.append(target)
                offers.append(self._offer(s, cue.first, cue.last, target, size))
            if len(offers) - made > 1:
                offers[made:] = self._as_kind(s, self._as_set(s, offers[made:]))
        by_index = {s.index: (s, a) for s, a in zip(said, acts, strict=True)}
        self._declined = {
            o.utterance: reply.index
            for o in offers
            if not _asked_after(o, *by_index[o.utterance])
            and (reply := _next(said, o.utterance)) is not None
            and reply.role == CUSTOMER
            and _declines(reply.norms, answer := self.targets(reply))
            and not self._takes(o, reply, answer)
            # «Нет.» — «Точно? Чизкейк свежий.» — «Ну давайте.»: offered again, taken.
            and not any(
                i > reply.index and any(self._fits_named(o, t) for t in again)
                for i, again in said_by_cashier.items()
            )
        }
        return offers

    def _misheard(
        self,
        s: Said,
        first: int,
        last: int,
        cue: Hit,
        named: list[tuple[Target, Match]],
        seen: list[Target],
    ) -> tuple[Target, Match] | None:
        """An offer that names nothing the index knows, with a word one or two letters off a
        product rung up after it («брони» → «Брауни», «кобо» → «Комбо», «кайма» → «Қаймақ»):
        the recogniser misheard the name. Only the sale's own later lines are read this way,
        never the catalog, where a word that near would find some other product."""
        taken = {k for _, m in named for k in range(m.first, m.last + 1)}
        taken.update(range(cue.first, cue.last + 1))
        later = [ln for ln in self.receipt.lines if ln.added_at >= s.start]
        words = [(k, k, s.norms[k]) for k in range(first, last + 1)]
        # A name the recogniser split where it misheard it («как о» of «какао», «доктор скую»
        # of «докторскую»): the two halves read as one word.
        words += [
            (k, k + 1, s.norms[k] + s.norms[k + 1])
            for k in range(first, last)
            if min(len(s.norms[k]), len(s.norms[k + 1])) <= 4
            and s.norms[k].isalpha()
            and s.norms[k + 1].isalpha()
        ]
        for k, k_last, word in words:
            if (
                k in taken
                or k_last in taken
                or len(word) < 3
                or not word.isalpha()
                or _is_size_word(word)
            ):
                continue
            for line in later:
                p = self._product(line.sku)
                if p is not None and _bag(significant_names(p)):
                    continue  # a bag is never an offer, however it is heard
                names = tuple(p.names.values()) if p is not None else (line.name,)
                for name in names:
                    heard = next(
                        (
                            w
                            for w in _significant_words(name)
                            # Split in two, «доктор скую» is no qualifier said as written.
                            if _heard_as(word, w, adjective=k_last > k)
                            # «Миндальный попробуй» of «Круассан с миндалём»
                            or _adjective_of(word, w)
                        ),
                        "",
                    )
                    target = Target("product", frozenset((line.sku,)), line.category)
                    if heard and target not in seen:
                        return target, Match(_pattern(heard), k, k_last)
        return None

    def _size_named(
        self,
        norms: Sequence[str],
        numbers: list[tuple[int, int, float]],
        family: frozenset[str],
        asked: set[float],
    ) -> tuple[Match | None, frozenset[str]]:
        """One of ``numbers`` (said in the clause) that is the size of one of ``family`` («на
        400» of «Капучино 400 мл», «2 литрлігін» of «Кока-Кола 2 л») bigger than its smallest
        and than any number the customer said: the match and the products of that size. A
        family of a whole shelf (a head word of a big catalog) names no product's sizes."""
        if len(family) > _SIZES_OF_ONE:
            return None, family
        sizes = {sku: self._size(sku) for sku in family}
        measured = {sku: _measure_of(self._name(sku) or "") for sku in family}
        known = [x for x in sizes.values() if x is not None]
        if len(set(known)) < 2:
            return None, family
        for k, k_last, number in numbers:
            if number <= min(known) or any(number <= x for x in asked):
                continue
            named = frozenset(sku for sku, x in sizes.items() if x == number)
            # Sizes compare in one measure: «Нурофен 200 мг» is no bigger «Нурофен сироп 100 мл».
            smaller = {
                x
                for sku, x in sizes.items()
                if x is not None and x < number and measured[sku] in {measured[n] for n in named}
            }
            if named and smaller:
                return Match(_pattern(norms[k]), k, k_last), named
        return None, family

    def _size(self, sku: str) -> float | None:
        name = self._name(sku)
        return _size_of(name) if name else None

    def _comes_in_sizes(self, ordered: list[Target]) -> list[Target]:
        """What a bigger size offered without a name is about: the last product ordered that
        comes in more than one size («латте на овсяном» → the latte, not the oat milk), else
        the last one ordered."""
        for t in reversed(ordered):
            if self._in_sizes(t.skus):
                return [t]
        # Nothing the customer was heard to name comes in sizes («лате скарамельным сиропом»:
        # the latte misheard, the syrup heard): the sale's own line that does.
        sized = [
            Target("product", frozenset((ln.sku,)))
            for ln in self.receipt.lines
            if self._in_sizes(frozenset((ln.sku,)))
        ]
        return sized[-1:] or ordered[-1:]

    def _in_sizes(self, skus: frozenset[str]) -> bool:
        """The product comes in more than one size (its head word calls other SKUs)."""
        heads = {self._head(sku) for sku in skus} - {""}
        return len(skus.union(*(self.index.skus_called(h) for h in heads))) > 1

    def _takes(self, offer: Offer, reply: Said, answer: list[tuple[Target, Match]]) -> bool:
        """The answer names what was offered: the product or its kind, or for a bigger size a
        size («нет, давайте большую»; «не, я бургер хочу» keeps the burger as it was)."""
        if offer.kind == "size":
            return _any(SIZE_UP, reply.norms, 0, len(reply.norms) - 1) is not None
        return any(self._fits_named(offer, t) for t, _ in answer)

    def _fits_named(self, offer: Offer, named: Target) -> bool:
        """The customer's answer names what was offered («нет, давайте большой» aside)."""
        if offer.kind == "category":
            return self.category_of(named) == offer.category
        return bool(named.skus & set(offer.skus))

    def _ordered_before(self, sku: str, offer: Offer) -> bool:
        """The customer asked for ``sku`` before the offer: its line is what they ordered, even
        when the cashier rings it up later («Кола и бургер.» … «Десерт?» … all rung at the end).
        A kind named alone («бір круассан») does not order the variety the cashier then
        proposes («Миндальный попробуй»)."""
        kinds = set()
        if (offer.utterance, offer.start) in self._proposed:
            kinds = {
                (i, skus)
                for i, skus, family in self._asked_kind
                if sku in family and not family <= set(offer.skus)
            }
        return any(
            i < offer.utterance and sku in skus and (i, skus) not in kinds
            for i, skus in self._asked_for
        )

    def _kind_named(self, t: Target, m: Match) -> frozenset[str]:
        """The products of a kind named by one word that several varieties share («шай»:
        «Қара шай», «Сүтті шай»; «круассан»), or nothing: what the word calls in the catalog
        besides the receipt's line, when their names differ by more than the size."""
        if t.kind != "product" or m.first != m.last:
            return frozenset()
        called = self.index.skus_called(m.pattern.source)
        if len(called) > 12 or len(t.skus) > 12:
            return frozenset()
        family = frozenset(called) | t.skus
        if len(family) < 2 or len(family) > 12:
            return frozenset()
        return family if len({self._sized(x) for x in family}) > 1 else frozenset()

    def _taken_back(self, sku: str, offer: Offer) -> bool:
        """An offer the customer turned down («Нет, спасибо», «Жоқ, суым бар») converts only a
        line the customer asked for afterwards (changed their mind)."""
        reply = self._declined.get(offer.utterance)
        if reply is None:
            return False
        return not any(i > reply and sku in skus for i, skus in self._asked_for)

    def _told_which(
        self,
        target: Target,
        m: Match,
        last: int,
        named: list[tuple[Target, Match]],
        acts: Acts,
        ordered: list[Target],
    ) -> tuple[Target, list[Target]]:
        """A kind offered by its one word, then told which in the next sentence: «Шай ше?
        Лимонды шай бар.» offers the lemon tea, «Кофе алмайсыз ба? Американо или капучино.» the
        coffees (their category). Returns the offer's target and the names that told it."""
        if target.kind != "product" or m.first != m.last:
            return target, []
        category = self.category_of(target)
        # Up to the next clause that is an offer of its own.
        stop = min((f for f, _, _ in acts.offer_form if f > last), default=None)
        follow = [
            t
            for t, n in named
            if n.first > last
            and (stop is None or n.first < stop)
            and t.kind == "product"
            and category
            and self.category_of(t) == category
            and not any(self._same(t, o) for o in ordered)
        ]
        if not follow:
            # In the same clause, a longer name for one of the kind's products («шай ішесіз бе,
            # сүтті шай бар»).
            follow = [
                t
                for t, n in named
                if m.last < n.first <= last
                and n.last > n.first
                and t.kind == "product"
                and t.skus < target.skus
            ][:1]
        follow = list(dict.fromkeys(follow))
        if not follow:
            return target, []
        if len(follow) == 1:
            return follow[0], follow
        return Target("category", category=category), follow

    def _fulfilled(self, asked: Target, before: float) -> bool:
        return asked.kind == "category" and any(
            line.added_at < before
            and (p := self._product(line.sku)) is not None
            and p.category == asked.category
            for line in self.receipt.lines
        )

    def _as_set(self, s: Said, here: list[Offer]) -> list[Offer]:
        """The offers of one utterance that proposes a set («Донерді комбоға алыңыз, фри мен
        кола қосылады», «комбо аласыз ба … фри болады»): what the set holds, listed with it,
        is the set, one offer (of the sets that hold it all), not an offer of each part."""
        sets = self.index.sets
        if not sets:
            return here
        said_set = any(
            self._set_product(o) or o.category in self.index.set_categories for o in here
        ) or any(
            word_matches(PatternWord(head, False), w) or _heard_as(w, head)
            for w in s.norms
            for head in self.index.set_heads
        )
        if not said_set:
            return here
        parts = [
            o
            for o in here
            if o.kind == "product" and not self._set_product(o) and self.index.sets_holding(o.term)
        ]
        if not parts:
            return here
        holders = sorted(frozenset.intersection(*(self.index.sets_holding(o.term) for o in parts)))
        rest = [o for o in here if o not in parts]
        named = [o for o in rest if self._set_product(o)]
        if named or not holders:
            return rest if named else here
        # «Комбо» said as a kind, or heard only as «комбоға»/«кобо»: the set that holds the parts.
        kinds = [o for o in rest if o.category in self.index.set_categories]
        base = kinds[0] if kinds else parts[0]
        as_set = replace(
            base,
            kind="product",
            skus=tuple(sorted(holders)),
            category=self.index.category_of(holders),
        )
        return sorted([o for o in rest if o is not base] + [as_set], key=lambda o: (o.start, o.end))

    def _read_back(self, norms: Sequence[str], m: Match, t: Target, unknown: set[str]) -> bool:
        """The cashier names, spelt right, what the customer ordered misheard («мне куртак» —
        «куурдак, рис»): a one-word product name one or two letters off a word the customer
        said that named nothing. It is the order read back, not an offer."""
        if t.kind != "product" or m.first != m.last:
            return False
        said = norms[m.first]
        return any(_heard_as(w, said) for w in unknown)

    def _as_kind(self, s: Said, here: list[Offer]) -> list[Offer]:
        """A kind offered and its products named with it in one turn («сусын алмайсыз ба, кола
        фанта айран бар», «ішетін бірдеңе, компот алыңыз») are one offer: the kind when several
        of it are listed or a choice is put («попить может морс или чай»: the customer picks
        any), the product when one is told."""
        out = list(here)
        choice = _any(CHOICE, s.norms, 0, len(s.norms) - 1) is not None
        for kind in [o for o in here if o.kind == "category" and o.category]:
            of_it = [o for o in out if o.kind == "product" and self._of_kind(o, kind)]
            if len(of_it) == 1 and not choice:
                out = [o for o in out if o is not kind]
            elif of_it:
                out = [o for o in out if not any(o is p for p in of_it)]
        return out

    def _of_kind(self, offer: Offer, kind: Offer) -> bool:
        category = offer.category
        return bool(category) and (
            category == kind.category
            or category in self.index.kin.get(kind.category, ())
            or category in self.index.generic.get(_fold(kind.term), ())
        )

    def _set_product(self, offer: Offer) -> bool:
        return (
            offer.kind == "product"
            and bool(offer.skus)
            and all(sku in self.index.sets for sku in offer.skus)
        )

    def _offer(self, s: Said, cue_first: int, cue_last: int, target: Target, m: Match) -> Offer:
        first, last = min(cue_first, m.first), max(cue_last, m.last)
        words = " ".join(dict.fromkeys(t.raw for t in s.tokens[first : last + 1]))
        return Offer(
            s.index,
            s.tokens[first].start,
            s.tokens[last].end,
            s.label,
            words,
            m.pattern.source,
            target.kind,
            tuple(sorted(target.skus)),
            self.category_of(target) if target.kind != "size" else "",
        )

    def link(self, offers: list[Offer], receipt: Receipt) -> UpsellResult:
        """Each offer's receipt line, if it became one: first the lines of what was named;
        then, for products offered side by side as a choice of one kind («чизкейк или
        медовик?») of which nothing sold yet, a line of another product of that kind (the
        customer took the napoleon instead)."""
        lines = sorted(enumerate(receipt.lines), key=lambda il: (il[1].added_at, il[0]))
        used: set[int] = set()
        linked: dict[int, int] = {}  # offer's position → its line
        ordered = sorted(range(len(offers)), key=lambda k: offers[k].start)

        def first_line(offer: Offer, fits: Callable[[ReceiptLine], bool]) -> int | None:
            return next(
                (
                    i
                    for i, line in lines
                    if i not in used
                    and line.added_at >= offer.start
                    and fits(line)
                    # The guide: not a line the customer had ordered, nor after a refusal.
                    and (offer.kind == "size" or not self._ordered_before(line.sku, offer))
                    and not self._taken_back(line.sku, offer)
                ),
                None,
            )

        for k in ordered:
            hit = first_line(offers[k], partial(self._line_fits, offers[k], receipt=receipt))
            if hit is not None:
                used.add(hit)
                linked[k] = hit
        sold = {
            (offers[k].utterance, kind)
            for k in linked
            if (kind := self._kinds.get((offers[k].utterance, offers[k].start)))
        }
        for k in ordered:
            kind = self._kinds.get((offers[k].utterance, offers[k].start), "")
            if k in linked or not kind or (offers[k].utterance, kind) in sold:
                continue
            hit = first_line(offers[k], partial(self._line_of_kind, kind))
            if hit is not None:
                used.add(hit)
                linked[k] = hit
                sold.add((offers[k].utterance, kind))
        out: list[Offer] = []
        for k, offer in enumerate(offers):
            hit = linked.get(k)
            if hit is None:
                out.append(offer)
                continue
            line = receipt.lines[hit]
            out.append(replace(offer, converted=True, line=hit, sku=line.sku, revenue=line.amount))
        return UpsellResult(tuple(sorted(out, key=lambda o: (o.start, o.utterance))))

    def _line_of_kind(self, category: str, line: ReceiptLine) -> bool:
        product = self._product(line.sku)
        return (product.category if product is not None else line.category) == category

    def _line_fits(self, offer: Offer, line: ReceiptLine, receipt: Receipt) -> bool:
        if offer.kind == "product":
            # «Давайте в комбо с фри и колой»: what a set holds, offered, sells the set.
            return line.sku in offer.skus or any(
                _holds(name, offer.term) for name in (line.name, *line.names.values())
            )
        if offer.kind == "size":
            if line.sku not in offer.skus:
                # Of the product the offer is about: «картошку большую?» is not converted by a
                # «Двойной чизбургер» rung up with the large fries.
                head = _significant_words(line.name)[:1]
                if offer.skus and not any(
                    _significant_words(self._name(sku))[:1] == head for sku in offer.skus
                ):
                    return False
                return _bigger(line, receipt, offer.start)
            if any(
                other.sku == line.sku and other.added_at < offer.start for other in receipt.lines
            ):
                return True  # «екіншісі жарты баға»: one more of what was rung up already
            # One of the offered family: the upgrade only if it is the biggest of them (the
            # customer who keeps the small pack declined).
            size = _size_of(line.name)
            sizes = [_size_of(self._name(sku)) for sku in offer.skus if self._name(sku)]
            known = [x for x in sizes if x is not None]
            if size is not None and known:
                return size >= max(known)
            return _bigger(line, receipt, offer.start)
        product = self._product(line.sku)
        category = product.category if product is not None else line.category
        # «Попить что-нибудь?» in a store with hot and cold drinks: either kind is the sale.
        if (
            category == offer.category
            or category in self.index.kin.get(offer.category, ())
            or category in self.index.generic.get(_fold(offer.term), ())
        ):
            return True
        return _fold(line.category) in self.index.category_names.get(offer.category, set())


_INDEFINITE = frozenset({"нибудь", "то", "либо", "бирдене", "биреу", "нарсе"})


#: «Ещё», «тағы»: the customer asking what ELSE to take invites the cashier to sell more.
_MORE = frozenset({"еще", "тагы", "тагыда"})  # folded: «ещё» → «еще», «тағы» → «тагы»


#: A customer's answer that turns an offer down, as it starts (folded: «жоқ» → «жок»).
_DECLINES = (
    ("нет",), ("неа",), ("жок",), ("не", "надо"), ("не", "нужно"), ("не", "хочу"),
    ("не", "буду"), ("не", "стоит"), ("керек", "емес"), ("кажет", "емес"), ("в", "другой"),
    # A bare «не» is colloquial «no» before a pronoun or thanks («не, я чизбургер хочу»).
    ("не", "я"), ("не", "мне"), ("не", "спасибо"), ("не", "рахмет"),
)  # fmt: skip
#: Words before the answer proper («а нет», «ой, жоқ», «спасибо, не надо»).
_LEAD_INS = frozenset({"а", "ой", "ну", "да", "спасибо", "рахмет", "ай", "э"})
#: Words that take the offer after all («нет, давайте большой», «жоқ, үлкенін берші»).
_TAKES = frozenset({
    "давайте", "давай", "ладно", "хорошо", "можно", "жарайды", "мейли", "берши", "бериниз",
    "косыныз", "салыныз", "аламын", "алам", "возьму", "буду", "хочу",
})  # fmt: skip


def _declines(norms: Sequence[str], named: Sequence[tuple[Target, Match]]) -> bool:
    """The answer turns the offer down: it takes nothing in the same breath, or what it takes
    is a product of its own («не, я чизбургер хочу»; the caller checks it is not the offer)."""
    i = 0
    while i < len(norms) - 1 and norms[i] in _LEAD_INS:
        i += 1
    for words in _DECLINES:
        if tuple(norms[i : i + len(words)]) == words:
            return bool(named) or not _TAKES & set(norms[i + len(words) :])
    # «Не, одной хватит», «бірі жетеді»: what they have is enough.
    return bool(_ENOUGH & set(norms)) and not _TAKES & set(norms)


#: «Enough» (folded): the customer keeps what they have.
_ENOUGH = frozenset({"хватит", "хватает", "достаточно", "жетеди", "жетед", "жетки"})


@lru_cache(maxsize=4096)
def _holds(name: str, term: str) -> bool:
    """``name`` is a set's («Комбо: шаурма + фри малый + напиток») and ``term`` (a catalog
    name, folded) is among what it holds."""
    if "+" not in name:
        return False
    own = set(normalize_text(_set_name(name)))
    contents = {w for w in normalize_text(name) if w not in own}
    words = normalize_text(term)
    return bool(words) and all(w in contents for w in words)


def _heard_as(word: str, name: str, adjective: bool = False) -> bool:
    """``word`` (folded) is the catalog noun ``name`` misheard: the same first letter and one
    letter off, or two in a name of six letters or more that begins with the same two.
    ``adjective``: an adjective of the name counts too (the word was split by the recogniser,
    so it was not said as a qualifier)."""
    if len(name) == 3 or len(word) == 3:
        # A short name misheard in its last letters («шоқ», «шоп» of «шот»): the same first
        # two letters, one letter off, nothing shorter.
        return (
            word != name
            and min(len(word), len(name)) >= 3
            and max(len(word), len(name)) <= 4
            and word[:2] == name[:2]
            and name not in _EXTRA
            and edit_distance(word, name, 1) <= 1
        )
    if (
        len(name) < 4
        or word == name  # said as written yet not a name the index knows: a qualifier
        or word[:1] != name[:1]
        # «острые» of «Крылышки острые» names no product
        or (name.endswith(_ADJ_ENDINGS) and not adjective)
        or name in _EXTRA
    ):
        return False
    limit = 2 if len(name) >= 6 and word[:2] == name[:2] else 1
    return edit_distance(word, name, limit) <= limit


_NOUN_TO_ADJ = ("ьный", "ьная", "ьную", "ьное", "ный", "ная", "ную", "ное", "ной")


def _adjective_of(word: str, name: str) -> bool:
    """``word`` (folded) is the adjective of the noun ``name`` a menu names a variety by
    («миндальный» of «с миндалём», «шоколадный» of «с шоколадом»): the noun's stem, four
    letters or more, with an adjective's ending."""
    ending = next((e for e in _NOUN_TO_ADJ if word.endswith(e)), "")
    stem = word[: len(word) - len(ending)]
    return (
        bool(ending)
        and len(stem) >= 4
        and name != word
        and name.startswith(stem)
        and 0 < len(name) - len(stem) <= 3
        and not name.endswith(_ADJ_ENDINGS)
    )


def _asked_after(offer: Offer, s: Said, a: Acts) -> bool:
    """Another question follows the offer in its utterance («Сироп добавить? С собой?»): the
    customer's «Нет, здесь.» answers that one and says nothing about the offer."""
    end = max((k for k, t in enumerate(s.tokens) if t.end <= offer.end), default=-1)
    return any(first > end for first, _ in a.questions)


def _next(said: Sequence[Said], index: int) -> Said | None:
    """The utterance right after utterance ``index`` (the answer to it)."""
    return next((s for s in said if s.index > index), None)


def _asks_usual(s: Said, a: Acts) -> bool:
    """The cashier asking «Как обычно?» (or saying it where nothing marks a statement); «…то же
    самое, только дешевле выйдет.» states what a combo holds and offers it."""
    m = _any(USUAL, s.norms, 0, len(s.norms) - 1)
    if m is None:
        return False
    stated = any(t.raw[-1:] in ".!" for t in s.tokens)
    return not stated or any(first <= m.first <= last for first, last in a.questions)


def _something_of_a_kind(
    norms: Sequence[str],
    first: int,
    last: int,
    named: list[tuple[Target, Match]],
    proposed: bool = False,
) -> bool:
    """«Пить что-нибудь будете?», «тәтті бірдеңе?»: a kind of goods and an indefinite word is an
    offer of that kind, even in the form of a question about what the customer wants; so is
    the kind with a choice of its products after a proposing word (``proposed``: «и попить
    может морс или чай»; «Из напитков кола или фанта?» asks which drink the set comes with)."""
    kind = [m for t, m in named if t.kind == "category" and first <= m.first <= last]
    if not kind:
        return False
    if any(w in _INDEFINITE for w in norms[first : last + 1]):
        return True
    choice = _any(CHOICE, norms, first, last)
    return (
        proposed
        and choice is not None
        and any(
            t.kind == "product" and m.first > kind[0].last and first <= m.first <= last
            for t, m in named
        )
    )


def _choice_of_one_kind(
    norms: Sequence[str],
    first: int,
    last: int,
    named: list[tuple[Target, Match]],
    category_of: Callable[[Target], str],
) -> bool:
    """«Может, к латте чизкейк или медовик?»: a proposing word and a choice between products
    of one kind, not a question about the order (the caller checks they were not ordered)."""
    if _any(CHOICE, norms, first, last) is None:
        return False
    kinds = Counter(
        category_of(t)
        for t, m in named
        if t.kind == "product" and len(t.skus) <= _FEW and first <= m.first <= last
    )
    return any(n > 1 and kind for kind, n in kinds.items())


_DATIVE = ("га", "ге", "ка", "ке", "на", "не")
_PRIVATIVE = frozenset({"сыз", "сиз"})


def _without(norms: Sequence[str], last: int) -> bool:
    """The name ending at ``last`` is followed by «сыз»/«сіз» split off it, closing the clause
    or asked with a particle: «гарнир сіз бе» is «гарнирсіз бе» (without a side dish)."""
    k = last + 1
    return (
        k < len(norms)
        and norms[k] in _PRIVATIVE
        and (k + 1 == len(norms) or norms[k + 1] in PARTICLES)
    )


def _dative(pattern: Pattern, word: str) -> bool:
    """``word`` is the pattern's last word with a Kazakh dative ending added («шайга», «кофеге»,
    «бургерге»), not the name itself («булка», «картошке» are the same length as theirs)."""
    name = pattern.words[-1].text
    return (
        len(word) >= len(name) + 2
        and word.endswith(_DATIVE)
        and not name.endswith(_DATIVE)
        and word[: len(name) - 1] == name[:-1]
    )


#: Size words of SIZE_UP that name a measure, not "bigger": their number.
_MEASURE_SIZES = {"литровую": 1.0, "0,5": 0.5}
_SIZE_WORDS = tuple(p for p in SIZE_UP if not any(ch.isdigit() for ch in p.source))


@lru_cache(maxsize=4096)
def _is_size_word(word: str) -> bool:
    return _any(SIZE_UP, (word,), 0, 0) is not None


#: More products than one product comes in sizes of, or than a product named in a choice is.
_SIZES_OF_ONE = _FEW = 24
#: Words that pitch the bigger of two sizes asked about («…ғана қымбат», «разница всего …»).
_PITCH = _compile(
    "қымбат", "қымбатырақ", "дороже", "разница", "доплата", "доплатить", "всего на", "артық",
    "тиімді", "тиімдірек", "выгоднее", "дешевле выйдет", "үнемді",
)  # fmt: skip


_MEASURE_STEMS = ("литр", "миллилитр", "мл", "грамм", "грам", "кило", "кели")


def _sizes_said(norms: Sequence[str]) -> list[float]:
    """The numbers a customer said that may be a size («на триста», «бір литрлік»), not a count
    of things («бір хот дог», «два круассана»): a small number only with a measure after it."""
    out = []
    for _, last, value in _numbers(norms, 0, len(norms) - 1):
        after = norms[last + 1] if last + 1 < len(norms) else ""
        if value > 10 or after in _UNITS or after.startswith(_MEASURE_STEMS):
            out.append(value)
    return out


def _numbers(norms: Sequence[str], first: int, last: int) -> list[tuple[int, int, float]]:
    """The numbers said in ``first``..``last`` as (first, last, value): the recogniser's
    «300 50» is 350."""
    out: list[tuple[int, int, float]] = []
    k = first
    while k <= last:
        word = norms[k].replace(",", ".")
        try:
            value = float(word)
        except ValueError:
            k += 1
            continue
        end = k
        while end < last and norms[end + 1].isdigit():
            nxt = int(norms[end + 1])
            step = 100 if value % 100 == 0 else 10 if value % 10 == 0 else 0
            if not step or nxt >= step or value < step:
                break
            value, end = value + nxt, end + 1
        out.append((k, end, value))
        k = end + 1
    return out


@lru_cache(maxsize=65536)
def _size_of(name: str) -> float | None:
    """The first number in a product's name («Стрепсилс №24» → 24, «Кола 0,5 л» → 0.5)."""
    for word in name.replace(",", ".").split():
        digits = word.strip("№#xх×()")
        try:
            return float(digits)
        except ValueError:
            continue
    return None


@lru_cache(maxsize=65536)
def _measure_of(name: str) -> str:
    """The measure after the first number in a product's name («Кола 0,5 л» → «л», «Нурофен 200
    мг» → «мг»; «» without one)."""
    words = name.replace(",", ".").split()
    for i, word in enumerate(words):
        try:
            float(word.strip("№#xх×()"))
        except ValueError:
            continue
        return words[i + 1].lower().strip(".") if i + 1 < len(words) else ""
    return ""


def _bigger(line: ReceiptLine, receipt: Receipt, since: float) -> bool:
    """A size upgrade on the receipt: a line whose name says large, or another size of a product
    rung up before the offer (same first word, another SKU)."""
    words = normalize_text(line.name)
    # A volume in a name («Кола 0,5 л») is no size word: every drink has one.
    if any(_any((p,), words, 0, len(words) - 1) for p in _SIZE_WORDS) or "l" in words:
        return True
    head = _significant(line.name)[:1]
    return bool(head) and any(
        other.sku != line.sku and _significant(other.name)[:1] == head and other.added_at < since
        for other in receipt.lines
    )


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return " ".join(normalize_text(text))


# --- product options as receipt items -------------------------------------------------------


def option_items(line: ReceiptLine, options: Sequence[ChosenOption]) -> tuple[ReceiptLine, ...]:
    """Receipt items for the options chosen on ``line`` (syrup, size L, an extra shot), so that
    an offered add-on that became an option of a receipt line counts as a converted upsell, as a
    line of its own would. Only options that cost extra: a free or cheaper choice (regular milk,
    a small size) is not a sale the cashier made. Each item has the option's own SKU (else the
    line's SKU and the option's id), is named "<group> <option>" in each language (so «сироп»
    finds it, and a size's «L 400 мл» reads as a bigger size), and comes at the line's time and
    quantity with the option's price change as its price."""
    items = []
    for option in options:
        if option.price_delta <= 0:
            continue
        names = {
            lang: f"{option.group_name(lang)} {option.name(lang)}".strip()
            for lang in ("ru", "kk", "en")
            if option.names.get(lang) or option.group_names.get(lang)
        }
        items.append(
            ReceiptLine(
                option.sku or f"{line.sku}+{option.option_id}",
                names.get("ru") or option.name("ru"),
                line.qty,
                option.price_delta,
                line.added_at,
                line.category,
                names,
                round(line.qty * option.price_delta),
            )
        )
    return tuple(items)
