"""The scorer's inputs as plain frozen data: a transcript, a receipt and catalog facts.

Times are seconds from the start of the recording. Money is integer tiyn.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Utterance:
    speaker: str  # the diarization label as the recogniser gave it: "speaker_0", "agent", …
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    utterances: tuple[Utterance, ...]
    language: str | None = None
    confidence: float | None = None  # 0..1 over the whole recording, when the recogniser says
    audio_quality: str | None = None  # "ok" | "bad" (from the recorder's voice/level checks)
    duration: float | None = None


@dataclass(frozen=True)
class ReceiptLine:
    sku: str
    name: str
    qty: float  # pieces, or kilograms for goods sold by weight
    price: int  # tiyn per unit
    added_at: float  # seconds from the start of the recording
    category: str = ""
    names: dict[str, str] = field(default_factory=dict)  # language → name, when known
    total: int | None = None  # tiyn after discounts, when the till knows it

    @property
    def amount(self) -> int:
        """What the line brought in, in tiyn."""
        return self.total if self.total is not None else round(self.qty * self.price)


@dataclass(frozen=True)
class Receipt:
    lines: tuple[ReceiptLine, ...]
    receipt_no: str | None = None


@dataclass(frozen=True)
class CatalogProduct:
    """What upsell detection needs to know about a product: how people call it."""

    sku: str
    names: dict[str, str]  # language ("ru", "kk", "en") → name
    category: str = ""  # the category's key (its Russian name in the demo catalog)
    category_names: tuple[str, ...] = ()  # the category in every language
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    products: tuple[CatalogProduct, ...] = ()
    #: extra ways to say a category: category key → phrases ("сладкое" → Десерты)
    category_synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def merged(self, other: Catalog) -> Catalog:
        """This catalog with ``other``'s products added (ours win on the same SKU)."""
        seen = {p.sku for p in self.products}
        extra = tuple(p for p in other.products if p.sku not in seen)
        synonyms = dict(other.category_synonyms)
        for key, phrases in self.category_synonyms.items():
            synonyms[key] = tuple(dict.fromkeys(synonyms.get(key, ()) + phrases))
        return Catalog(self.products + extra, synonyms)
