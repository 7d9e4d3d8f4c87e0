"""The service's scorecard problems (``Problem("scorecard.required_weight", place=("items", 2,
"weight"))``) in the admin's language, with the item and the field they belong to.

The place is a JSON path, read as data: the item is its index, the field the key after it. The
sentence comes from ``ui.problems`` by the problem's code.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from forsell.domain.problems import Place, Problem

from ..problems import problem_text

translate = QCoreApplication.translate  # lupdate finds translate("context", "text")


@dataclass(frozen=True)
class ShownProblem:
    item: int | None  # index in the draft's items, or None for the card as a whole
    field: str  # the item's field (``weight``, ``phrases``…), or the card's place
    place: str  # translated, e.g. "Item 3 “Greeting”, phrases (ru), phrase 2"
    message: str  # translated
    original: Problem  # as the service reported it

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


def _names() -> dict[str, str]:
    return {
        "id": translate("ScorecardProblems", "ID"),
        "kind": translate("ScorecardProblems", "kind"),
        "weight": translate("ScorecardProblems", "points"),
        "penalty": translate("ScorecardProblems", "penalty"),
        "speaker": translate("ScorecardProblems", "who says it"),
        "window": translate("ScorecardProblems", "time window"),
        "title": translate("ScorecardProblems", "title"),
        "detector": translate("ScorecardProblems", "detector"),
        "not_applicable_if": translate("ScorecardProblems", "not applicable if"),
        "name": translate("ScorecardProblems", "name"),
        "items": translate("ScorecardProblems", "checklist"),
        "format": translate("ScorecardProblems", "format"),
        "version": translate("ScorecardProblems", "version"),
    }


def _field_name(path: Place) -> str:
    """``("phrases", "ru", 1)`` → "phrases (ru), phrase 2"; unknown fields keep their JSON name."""
    line = ""
    if len(path) > 1 and isinstance(path[-1], int):
        line = translate("ScorecardProblems", "phrase {n}").format(n=path[-1] + 1)
        path = path[:-1]
    head = str(path[0]) if path else ""
    rest = [str(part) for part in path[1:]]
    if head == "phrases" and rest:
        text = translate("ScorecardProblems", "phrases ({language})").format(language=rest[0])
    elif head == "upsell" and rest[:1] == ["offer_cues"] and len(rest) > 1:
        text = translate("ScorecardProblems", "offer cues ({language})").format(language=rest[1])
    elif head == "upsell" and rest[:1] == ["synonyms"] and len(rest) > 1:
        text = translate("ScorecardProblems", "synonyms “{key}”").format(key=rest[1])
    elif head == "upsell":
        text = translate("ScorecardProblems", "upsell offers")
    else:
        text = _names().get(head, ".".join([head, *rest]))
    return f"{text}, {line}" if line else text


def translate_problem(problem: Problem, titles: list[str]) -> ShownProblem:
    """One service problem → a ``ShownProblem`` in the UI language. ``titles``: the draft's item
    titles (in the UI language) so the place names the item as the admin knows it."""
    message = problem_text(problem)
    place = problem.place
    if len(place) >= 2 and place[0] == "items" and isinstance(place[1], int):
        item = place[1]
        rest = place[2:]
        title = titles[item] if item < len(titles) else ""
        where = (
            translate("ScorecardProblems", "Item {n} “{title}”").format(n=item + 1, title=title)
            if title
            else translate("ScorecardProblems", "Item {n}").format(n=item + 1)
        )
        shown = f"{where}, {_field_name(rest)}" if rest else where
        return ShownProblem(item, str(rest[0]) if rest else "", shown, message, problem)
    shown = _field_name(place) if place else ""
    return ShownProblem(None, ".".join(str(p) for p in place), shown, message, problem)
