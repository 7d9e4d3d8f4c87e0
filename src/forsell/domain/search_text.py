"""Kazakh letters folded to their Russian look-alikes for search.

A cashier types a Kazakh name on a Russian keyboard layout ("шырганак" for "шырғанақ"), or a
Kazakh name is stored without its own letters. Search folds both the stored text and the query
the same way, so either spelling finds the other. Display never uses the folded text.
"""

from __future__ import annotations

#: Kazakh letter → the Russian letter typed in its place (lower and upper case).
KAZAKH_TO_RUSSIAN: dict[str, str] = {
    "қ": "к",
    "ғ": "г",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "і": "и",
    "ә": "а",
    "һ": "х",
}
_TABLE = str.maketrans(
    {**KAZAKH_TO_RUSSIAN, **{k.upper(): v.upper() for k, v in KAZAKH_TO_RUSSIAN.items()}}
)


def fold_kazakh(text: str) -> str:
    """``text`` with the Kazakh-only letters replaced by their Russian look-alikes, case kept."""
    return text.translate(_TABLE)


def matches(query: str, text: str) -> bool:
    """True when ``query`` occurs in ``text`` ignoring case and Kazakh/Russian letter pairs: the
    rule of every search box that filters a list in memory."""
    return fold_kazakh(query).casefold() in fold_kazakh(text).casefold()
