"""The scorecard editor's item table: one row per checklist item, in the admin's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

translate = QCoreApplication.translate  # lupdate finds translate("context", "text")


def kind_text(kind: object) -> str:
    return {
        "required": translate("ScorecardTable", "Required"),
        "bonus": translate("ScorecardTable", "Bonus"),
        "forbidden": translate("ScorecardTable", "Forbidden"),
        "fatal": translate("ScorecardTable", "Fatal"),
    }.get(str(kind), str(kind))


def speaker_text(speaker: object) -> str:
    return {
        "cashier": translate("ScorecardTable", "Cashier"),
        "customer": translate("ScorecardTable", "Customer"),
        "any": translate("ScorecardTable", "Anyone"),
    }.get(str(speaker), str(speaker))


def _number(value: object) -> int | float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def row_texts(item: dict, language: str) -> list[str]:
    """Title, kind, points, who, when, phrases — what the table shows for ``item``."""
    title = item.get("title") if isinstance(item.get("title"), dict) else {}
    name = str(
        title.get(language)
        or title.get("ru")
        or item.get("id")
        or translate("ScorecardTable", "(new item)")
    )
    kind = item.get("kind")
    if kind == "forbidden":
        points = f"−{_number(item.get('penalty')) or 0}"
    elif kind == "fatal":
        points = translate("ScorecardTable", "score 0")
    else:
        points = str(_number(item.get("weight")) or 0)
    window = item.get("window") if isinstance(item.get("window"), dict) else None
    seconds = _number(window.get("seconds")) if window else None
    if window is None:
        when = translate("ScorecardTable", "any time")
    elif window.get("from") == "end":
        when = translate("ScorecardTable", "last {s} s").format(
            s=f"{seconds:g}" if seconds is not None else "?"
        )
    else:
        when = translate("ScorecardTable", "first {s} s").format(
            s=f"{seconds:g}" if seconds is not None else "?"
        )
    phrases = item.get("phrases") if isinstance(item.get("phrases"), dict) else {}
    count = sum(len(v) for v in phrases.values() if isinstance(v, list))
    said = (
        translate("ScorecardTable", "detector")
        if item.get("detector") == "upsell_offer"
        else str(count)
    )
    return [name, kind_text(kind), points, speaker_text(item.get("speaker", "cashier")), when, said]


def fill_row(table: QTableWidget, row: int, item: object, language: str) -> None:
    texts = row_texts(item, language) if isinstance(item, dict) else ["?"] * 6
    for column, text in enumerate(texts):
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        table.setItem(row, column, cell)


def new_item(taken: set[str]) -> dict:
    """A new required item with a free id; it needs phrases before the card can be saved."""
    n = 1
    while f"item_{n}" in taken:
        n += 1
    return {
        "id": f"item_{n}",
        "kind": "required",
        "weight": 10,
        "speaker": "cashier",
        "title": {},
        "phrases": {},
    }
