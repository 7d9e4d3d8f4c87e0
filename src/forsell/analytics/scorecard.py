"""A quality scorecard: checklist items with phrase patterns, speaker, time window, weight, kind.

The file format is described in ``resources/scorecards/README.md``; ``formats.parse_scorecard``
reads and validates it into these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .matching import Pattern

KINDS = ("required", "bonus", "forbidden", "fatal")
SPEAKERS = ("cashier", "customer", "any")
ANCHORS = ("start", "end")
#: Built-in detectors (``acts``): an item with one passes on the act found by form and words,
#: and its ``phrases`` are searched as well (a store's own wording).
DETECTORS = ("upsell_offer", "greeting", "needs_question", "loyalty_question", "farewell")


@dataclass(frozen=True)
class Window:
    """Said within the first (``anchor="start"``) or last (``"end"``) ``seconds`` of speech."""

    anchor: str
    seconds: float

    def contains(self, start: float, end: float, speech_start: float, speech_end: float) -> bool:
        if self.anchor == "start":
            return start <= speech_start + self.seconds
        return end >= speech_end - self.seconds


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    title: dict[str, str]
    phrases: dict[str, tuple[str, ...]]  # language → phrases
    weight: int = 0  # points for a pass (required, bonus)
    penalty: int = 0  # points taken off when a forbidden phrase is said
    speaker: str = "cashier"
    window: Window | None = None
    detector: str | None = None  # one of DETECTORS: passes when that detector finds its act
    not_applicable_if: tuple[str, ...] = ()  # phrases (anyone) that make the item moot

    @cached_property
    def patterns(self) -> tuple[Pattern, ...]:
        phrases = [p for lang in sorted(self.phrases) for p in self.phrases[lang]]
        # A forbidden phrase counts as the store wrote it («ждём» is not «ждите»), and so does a
        # greeting, a fixed formula («сәлемдеме», a parcel, is not «сәлем»).
        inflect = not (self.looks_for_bad or self.detector == "greeting")
        return tuple(Pattern.compile(p, inflect=inflect) for p in dict.fromkeys(phrases))

    @cached_property
    def moot_patterns(self) -> tuple[Pattern, ...]:
        return tuple(Pattern.compile(p) for p in self.not_applicable_if)

    @property
    def looks_for_bad(self) -> bool:
        """Forbidden and fatal items fail when their phrase is found."""
        return self.kind in ("forbidden", "fatal")


@dataclass(frozen=True)
class Scorecard:
    name: str
    items: tuple[Item, ...]
    version: int = 1
    #: words that make a cashier's sentence an offer ("хотите", "аласыз ба")
    offer_cues: tuple[str, ...] = ()
    #: extra names: "sku:COF-005" or "category:Выпечка" → phrases
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def cue_patterns(self) -> tuple[Pattern, ...]:
        return tuple(Pattern.compile(c) for c in self.offer_cues)

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)
