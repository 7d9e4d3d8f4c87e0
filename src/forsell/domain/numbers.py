"""Every number a person reads — money, percentages, quantities, scores — in one locale.

Russian and Kazakh (CLDR ru/kk) group thousands with a no-break space, write a decimal comma and
put a no-break space before ``%``: ``1 233,33 ₸``, ``95 %``, ``0,5 кг``. English groups with a
comma, writes a decimal point and glues ``%`` to the number: ``1,233.33 ₸``, ``95%``. The tenge
sign follows the amount in all three, as on Kazakh price tags.

The screens switch the language the numbers are written in together with their translations
(``set_language``); receipts, printouts and the command line pass the language they speak. Plain
standard library, so the core, the printer and the CLI format exactly as the screens do.
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
TENGE = "₸"
DASH = "—"
LANGUAGES = ("ru", "kk", "en")
DEFAULT_LANGUAGE = "ru"

#: language → (thousands separator, decimal separator, text between a number and ``%``)
_SYMBOLS: dict[str, tuple[str, str, str]] = {
    "ru": (NBSP, ",", NBSP),
    "kk": (NBSP, ",", NBSP),
    "en": (",", ".", ""),
}
#: The unit a weighed quantity is sold in; the same short form on every screen and receipt.
_KILOGRAM: dict[str, str] = {"ru": "кг", "kk": "кг", "en": "kg"}

_current = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Numbers written from now on without a language follow ``language`` (unknown → Russian)."""
    global _current
    _current = language if language in _SYMBOLS else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language numbers are written in when the caller names none."""
    return _current


def _symbols(language: str | None) -> tuple[str, str, str]:
    return _SYMBOLS.get(language or _current, _SYMBOLS[DEFAULT_LANGUAGE])


def format_number(
    value: float, decimals: int = 0, language: str | None = None, *, trim: bool = True
) -> str:
    """``1233.5`` → ``1 233,5`` (ru/kk) or ``1,233.5`` (en), rounded half up to ``decimals``
    places; ``trim`` drops zeros after the separator (``95.0`` → ``95``)."""
    group, point, _ = _symbols(language)
    scale = 10**decimals
    # Half away from zero, as a cashier rounds: Python's round() would turn 0.125 into 0.12.
    scaled = math.floor(abs(value) * scale + 0.5 + 1e-9)
    whole, frac = divmod(scaled, scale)
    text = f"{whole:,}".replace(",", group)
    digits = f"{frac:0{decimals}d}" if decimals else ""
    if trim:
        digits = digits.rstrip("0")
    sign = "-" if value < 0 and scaled else ""
    return sign + text + (point + digits if digits else "")


def format_money(tiyn: int, language: str | None = None, *, symbol: bool = True) -> str:
    """``123333`` tiyn → ``1 233,33 ₸`` (ru/kk) or ``1,233.33 ₸`` (en); whole tenge show no
    tiyn (``1 250 ₸``). ``symbol=False`` leaves the sign out, for a field to edit."""
    group, point, _ = _symbols(language)
    sign = "-" if tiyn < 0 else ""
    whole, frac = divmod(abs(tiyn), 100)
    text = sign + f"{whole:,}".replace(",", group) + (f"{point}{frac:02d}" if frac else "")
    return f"{text}{NBSP}{TENGE}" if symbol else text


def format_percent(value: float | None, decimals: int = 1, language: str | None = None) -> str:
    """``95.0`` → ``95 %`` (ru/kk) or ``95%`` (en); ``12.5`` → ``12,5 %``; None → ``—``."""
    if value is None:
        return DASH
    _, _, before = _symbols(language)
    return format_number(value, decimals, language) + before + "%"


def format_share(share: float | None, decimals: int = 0, language: str | None = None) -> str:
    """A share of one (``0.42``) as a percentage (``42 %``); None → ``—``."""
    return DASH if share is None else format_percent(share * 100, decimals, language)


def format_basis_points(bp: int, language: str | None = None) -> str:
    """A rate in basis points: ``1600`` → ``16 %``, ``1250`` → ``12,5 %`` (VAT, discounts)."""
    return format_percent(bp / 100, 2, language)


def format_score(score: float | None, language: str | None = None) -> str:
    """A conversation's score out of 100, whole points: ``95.0`` → ``95 %``; None → ``—``."""
    return format_percent(score, 0, language)


def format_quantity(
    qty_milli: int,
    weighted: bool,
    language: str | None = None,
    *,
    unit: bool = False,
    exact: bool = False,
) -> str:
    """Quantity in thousandths: ``2000`` pieces → ``2``; ``500`` kg → ``0,5`` (``0,5 кг`` with
    ``unit``). ``exact`` keeps all three places (``0,500``), as a spin box shows them."""
    if not weighted and qty_milli % 1000 == 0:
        return format_number(qty_milli // 1000, 0, language)
    text = format_number(qty_milli / 1000, 3, language, trim=not exact)
    if unit and weighted:
        text += NBSP + _KILOGRAM.get(language or _current, _KILOGRAM[DEFAULT_LANGUAGE])
    return text


def format_seconds(seconds: float, decimals: int = 1, language: str | None = None) -> str:
    """A duration's number of seconds, without the unit: ``2.5`` → ``2,5`` (ru/kk)."""
    return format_number(seconds, decimals, language)
