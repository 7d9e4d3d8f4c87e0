"""Option groups written as one spreadsheet cell (the catalog CSV's ``options`` column).

One cell holds all of a product's groups, so a shop owner edits a product and its options on
one row::

    Молоко/Сүт/Milk [1]: обычное/кәдімгі/regular*, овсяное/сұлы/oat +200;
    Сироп/Шәрбат/Syrup [0-1]: ваниль/ваниль/vanilla +250, карамель/карамель/caramel +250

- groups are separated by ``;`` (or a line break inside the cell);
- a group is its names, how many to choose in brackets, a colon, then its options separated by
  ``,``; ``[1]`` exactly one (a required choice), ``[0-1]`` none or one (the default when the
  brackets are left out), ``[0-3]`` up to three, ``[1-2]`` one or two;
- names are Russian/Kazakh/English separated by ``/`` (Kazakh and English may be left out);
- after an option's names: ``*`` marks it chosen already when the chooser opens, ``+200`` or
  ``-150`` changes the price in tenge (``+2.50`` with a point for tiyn), ``#SKU`` is its code.

Names cannot contain ``; , : / [ ] # *`` (they separate the parts).
"""

from __future__ import annotations

import re

from .errors import CashierError
from .ids import new_id
from .money import MAX_TIYN
from .options import MAX_GROUPS, OptionGroup, ProductOption
from .problems import PROBLEMS

_RESERVED = set(";,:/[]#*")
_LIMITS = re.compile(r"^\s*(\d{1,2})\s*(?:-\s*(\d{1,2}))?\s*$")
_DECIMAL_COMMA = re.compile(r"[+-]\d+,\d{1,2}(?!\d)")
_DELTA = re.compile(r"^([+-])(\d{1,9})(?:\.(\d{1,2}))?$")
MAX_NAME = 120
MAX_SKU = 64


class OptionsTextError(CashierError):
    """A cell that is not a list of option groups: ``key`` says why, ``params`` show the part."""


def bad(code: str, **params: object) -> OptionsTextError:
    return OptionsTextError(code, PROBLEMS[code], **params)


def _names(text: str, part: str) -> dict[str, str]:
    pieces = [p.strip() for p in text.split("/")]
    if len(pieces) > 3 or not pieces[0]:
        raise bad("csv.options_names", part=part.strip())
    for piece in pieces:
        if len(piece) > MAX_NAME or _RESERVED & set(piece):
            raise bad("csv.options_names", part=part.strip())
    pieces += [""] * (3 - len(pieces))
    return {"ru": pieces[0], "kk": pieces[1], "en": pieces[2]}


def _delta(token: str) -> int:
    match = _DELTA.match(token)
    if not match:
        raise bad("csv.options_amount", text=token)
    sign, whole, frac = match.groups()
    tiyn = int(whole) * 100 + int((frac or "0").ljust(2, "0"))
    if tiyn > MAX_TIYN:
        raise bad("csv.options_amount", text=token)
    return -tiyn if sign == "-" else tiyn


def _option(text: str) -> ProductOption:
    tokens = text.split()
    if not tokens:
        raise bad("csv.options_syntax", part=text.strip())
    sku, delta, chosen = "", 0, False
    # Trailing marks, in any order: "*", "+200", "#SKU"; the rest is the names.
    while len(tokens) > 1 and (tokens[-1][0] in "+-#*" or tokens[-1].endswith("*")):
        token = tokens.pop()
        if token.endswith("*"):  # "обычное*", "* ", "-100*": the mark may touch any part
            chosen, token = True, token[:-1]
            if not token:
                continue
            if token[0] not in "+-#":
                tokens.append(token)
                break
        if token.startswith("#"):
            sku = token[1:]
            if not sku or len(sku) > MAX_SKU:
                raise bad("csv.options_syntax", part=text.strip())
        else:
            delta = _delta(token)
    names_text = " ".join(tokens)
    if names_text.endswith("*"):
        names_text, chosen = names_text[:-1], True
    return ProductOption(new_id(), _names(names_text, text), delta, sku, chosen)


def _group(text: str) -> OptionGroup:
    head, colon, body = text.partition(":")
    if not colon or not body.strip():
        raise bad("csv.options_syntax", part=text.strip())
    low, high = 0, 1
    if "[" in head:
        name_text, _, rest = head.partition("[")
        limits, closing, after = rest.partition("]")
        match = _LIMITS.match(limits)
        if not closing or after.strip() or not match:
            raise bad("csv.options_syntax", part=head.strip())
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else max(low, 1)
    else:
        name_text = head
    names = _names(name_text, head)
    comma = _DECIMAL_COMMA.search(body)
    if comma:  # "+200,50" would read as an option named "50"
        raise bad("csv.options_amount", text=comma.group(0))
    options = tuple(_option(o) for o in body.split(","))
    try:
        return OptionGroup(new_id(), names, options, low, high)
    except CashierError:
        raise bad(
            "csv.options_limits", group=names["ru"], min=low, max=high, count=len(options)
        ) from None


def parse_option_groups(cell: str) -> tuple[OptionGroup, ...]:
    """The groups a cell describes (new ids), in the cell's order; none for an empty cell.

    Raises :class:`OptionsTextError`: ``csv.options_syntax`` (``part``: the piece that is not a
    group or an option), ``csv.options_names``, ``csv.options_amount`` (``text``),
    ``csv.options_limits`` (``group``, ``min``, ``max``, ``count``),
    ``csv.options_too_many_groups`` (``max``)."""
    parts = [p for p in re.split(r"[;\n]", cell) if p.strip()]
    if len(parts) > MAX_GROUPS:
        raise bad("csv.options_too_many_groups", max=MAX_GROUPS)
    return tuple(_group(p) for p in parts)


def _names_text(names: dict[str, str]) -> str:
    parts = [names.get("ru", ""), names.get("kk", ""), names.get("en", "")]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return "/".join(parts)


def _delta_text(tiyn: int) -> str:
    whole, frac = divmod(abs(tiyn), 100)
    return ("-" if tiyn < 0 else "+") + str(whole) + (f".{frac:02d}" if frac else "")


def format_option_groups(groups: tuple[OptionGroup, ...] | list[OptionGroup]) -> str:
    """The cell for ``groups``; :func:`parse_option_groups` reads it back to the same groups."""
    out = []
    for g in groups:
        limits = (
            str(g.min_choices)
            if g.min_choices == g.max_choices
            else (f"{g.min_choices}-{g.max_choices}")
        )
        options = []
        for o in g.options:
            text = _names_text(o.names) + ("*" if o.preselected else "")
            if o.price_delta:
                text += " " + _delta_text(o.price_delta)
            if o.sku:
                text += " #" + o.sku
            options.append(text)
        out.append(f"{_names_text(g.names)} [{limits}]: " + ", ".join(options))
    return "; ".join(out)
