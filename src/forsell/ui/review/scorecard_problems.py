"""The service's scorecard problems (``items[2].weight: a required item needs a weight above 0``)
in the admin's language, with the item and the field they belong to.

``analytics.formats`` words its problems in English with a place in front; the editor shows them
next to the item and field. A problem this module does not know is shown as the service wrote it,
so nothing is ever hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

ITEM_PLACE = re.compile(r"^items\[(\d+)\](?:\.(.*))?$")
INDEX = re.compile(r"^(.*)\[(\d+)\]$")
QUOTED = r"(['\"])(.*)\1"


translate = QCoreApplication.translate  # lupdate finds translate("context", "text")


@dataclass(frozen=True)
class Problem:
    item: int | None  # index in the draft's items, or None for the card as a whole
    field: str  # the item's field (``weight``, ``phrases``…), or the card's place
    place: str  # translated, e.g. "Item 3 “Greeting”, phrases (ru), phrase 2"
    message: str  # translated
    original: str  # as the service wrote it

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


def _messages() -> list[tuple[re.Pattern[str], str]]:
    # Built on each call so that a language switch takes effect at once.
    pairs = [
        (r"a required item needs a weight above 0", translate("ScorecardProblems", "a required item needs more than 0 points")),
        (r"a bonus item needs a weight above 0", translate("ScorecardProblems", "a bonus item needs more than 0 points")),
        (r"a forbidden item needs a penalty above 0", translate("ScorecardProblems", "a forbidden item needs a penalty above 0")),
        (rf"{QUOTED} is used twice", translate("ScorecardProblems", "“{1}” is already the ID of another item")),
        (r"an item needs phrases \(or a detector\)",
         translate("ScorecardProblems", "add at least one phrase (or let the upsell detector decide)")),
        (r"an upsell_offer item needs offer cues",
         translate("ScorecardProblems", "the upsell offer item needs offer cues (tab “Upsell offers”)")),
        (r"a (forbidden|fatal) item cannot use a detector",
         translate("ScorecardProblems", "a forbidden or fatal item cannot use the upsell detector")),
        (rf"{QUOTED} has no words to match", translate("ScorecardProblems", "“{1}” has no words to match")),
        (r"expected a non-empty string, got .*", translate("ScorecardProblems", "must not be empty")),
        (r"expected a string, got .*", translate("ScorecardProblems", "must be text")),
        (r"expected a whole number, got .*", translate("ScorecardProblems", "must be a whole number")),
        (r"expected a number, got .*", translate("ScorecardProblems", "must be a number")),
        (r"(.*) is out of range .*", translate("ScorecardProblems", "{0} is out of range")),
        (r"(.*) is below (.*)", translate("ScorecardProblems", "{0} is less than {1}")),
        (r"expected one of (.*), got .*", translate("ScorecardProblems", "choose one of: {0}")),
        (r"expected \"start\" or \"end\", got .*", translate("ScorecardProblems", "choose the start or the end")),
        (r"expected an object, got .*", translate("ScorecardProblems", "must be an object")),
        (r"expected a list, got .*", translate("ScorecardProblems", "must be a list")),
        (r"unknown field", translate("ScorecardProblems", "unknown field")),
        (r"a scorecard needs at least one item", translate("ScorecardProblems", "add at least one item")),
        (r"a key is \"sku:<SKU>\" or \"category:<category>\"",
         translate("ScorecardProblems", "write sku:<SKU> or category:<category name>")),
        (r"not valid JSON at line (\d+) column (\d+): (.*)",
         translate("ScorecardProblems", "not valid JSON at line {0}, column {1} ({2})")),
        (r"version .* is not supported.*", translate("ScorecardProblems", "only version 1 is supported")),
        (rf"expected {QUOTED}, got .*", translate("ScorecardProblems", "must be “{1}”")),
    ]
    return [(re.compile(f"^{pattern}$"), text) for pattern, text in pairs]


def _fill(text: str, groups: tuple[str | None, ...]) -> str:
    # Not str.format: a phrase the admin typed may hold braces.
    for i, group in enumerate(groups):
        text = text.replace(f"{{{i}}}", group or "")
    return text


def _field_name(field: str) -> str:
    """``phrases.ru[1]`` → "phrases (ru), phrase 2"; unknown fields keep their JSON name."""
    line = ""
    m = INDEX.match(field)
    if m:
        field, line = m.group(1), translate("ScorecardProblems", "phrase {n}").format(n=int(m.group(2)) + 1)
    head, _, rest = field.partition(".")
    names = {"id": translate("ScorecardProblems", "ID"), "kind": translate("ScorecardProblems", "kind"), "weight": translate("ScorecardProblems", "points"),
             "penalty": translate("ScorecardProblems", "penalty"), "speaker": translate("ScorecardProblems", "who says it"), "window": translate("ScorecardProblems", "time window"),
             "title": translate("ScorecardProblems", "title"), "detector": translate("ScorecardProblems", "detector"),
             "not_applicable_if": translate("ScorecardProblems", "not applicable if"), "name": translate("ScorecardProblems", "name"),
             "items": translate("ScorecardProblems", "checklist"), "format": translate("ScorecardProblems", "format"), "version": translate("ScorecardProblems", "version")}
    if head == "phrases" and rest:
        text = translate("ScorecardProblems", "phrases ({language})").format(language=rest)
    elif head == "upsell" and rest.startswith("offer_cues."):
        text = translate("ScorecardProblems", "offer cues ({language})").format(language=rest.split(".", 1)[1])
    elif head == "upsell" and rest.startswith("synonyms."):
        text = translate("ScorecardProblems", "synonyms “{key}”").format(key=rest.split(".", 1)[1])
    elif head == "upsell":
        text = translate("ScorecardProblems", "upsell offers")
    else:
        text = names.get(head, field)
    return f"{text}, {line}" if line else text


def translate_problem(raw: str, titles: list[str]) -> Problem:
    """One service problem line → a ``Problem`` in the UI language. ``titles``: the draft's item
    titles (in the UI language) so the place names the item as the admin knows it."""
    place, sep, message = raw.partition(": ")
    if not sep or " " in place and not place.startswith("items["):
        place, message = "", raw  # a problem of the whole document (no place in front)
    for pattern, text in _messages():
        m = pattern.match(message)
        if m:
            message = _fill(text, m.groups())
            break
    item = None
    field = place
    shown = _field_name(place) if place else ""
    m = ITEM_PLACE.match(place)
    if m:
        item, field = int(m.group(1)), m.group(2) or ""
        title = titles[item] if item < len(titles) else ""
        where = (translate("ScorecardProblems", "Item {n} “{title}”").format(n=item + 1, title=title) if title
                 else translate("ScorecardProblems", "Item {n}").format(n=item + 1))
        shown = f"{where}, {_field_name(field)}" if field else where
    return Problem(item, field, shown, message, raw)
