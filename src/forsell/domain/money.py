"""Money in integer tiyn (1 ₸ = 100 tiyn). No floats anywhere near money."""

from __future__ import annotations

import re

from .errors import CashierError
from .numbers import NBSP, TENGE, format_money

#: The largest amount the till accepts anywhere (one billion tenge): far above any real sale,
#: far below SQLite's 64-bit integers, so sums of a million lines cannot overflow.
MAX_TIYN = 100_000_000_000

_AMOUNT = re.compile(r"^\s*(\d{1,12})(?:[.,](\d{1,2}))?\s*(?:₸|тг|kzt)?\s*$", re.IGNORECASE)
# English groups thousands with commas ("1,233.33"): a comma before exactly three digits and a
# point, or before groups of three to the end, is a group separator, not tiyn.
_EN_GROUPS = re.compile(r"^(\d{1,3}(?:,\d{3})+)(\.\d{1,2})?(\D*)$")

__all__ = [
    "MAX_TIYN",
    "NBSP",
    "TENGE",
    "allocate",
    "check_amount",
    "div_round_half_up",
    "format_kzt",
    "parse_kzt",
    "vat_included",
]


def format_kzt(tiyn: int, *, symbol: bool = True, language: str | None = None) -> str:
    """``125000`` → ``1 250 ₸`` in ru/kk (``1,250 ₸`` in English): the one money formatter of
    ``domain.numbers`` in the language the screens speak unless ``language`` names another."""
    return format_money(tiyn, language, symbol=symbol)


def parse_kzt(text: str) -> int:
    """``"1 250,50"``, ``"1250.5"`` or ``"1250 ₸"`` → tiyn. Raises CashierError on anything else."""
    cleaned = text.replace(NBSP, "").replace(" ", "")
    english = _EN_GROUPS.match(cleaned)
    if english:
        cleaned = english.group(1).replace(",", "") + (english.group(2) or "") + english.group(3)
    match = _AMOUNT.match(cleaned)
    if not match:
        raise CashierError("money.invalid", "Not an amount of money: {text!r}", text=text)
    whole, frac = match.group(1), (match.group(2) or "0").ljust(2, "0")
    tiyn = int(whole) * 100 + int(frac)
    check_amount(tiyn)
    return tiyn


def check_amount(tiyn: int) -> int:
    if tiyn < 0 or tiyn > MAX_TIYN:
        raise CashierError("money.out_of_range", "Amount out of range: {tiyn} tiyn", tiyn=tiyn)
    return tiyn


def div_round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding halves away from zero (how a cashier rounds by hand)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    return sign * (q + (1 if 2 * r >= denominator else 0))


def vat_included(gross_tiyn: int, rate_bp: int) -> int:
    """VAT contained in a VAT-inclusive amount at ``rate_bp`` basis points (1600 = 16 %)."""
    return div_round_half_up(gross_tiyn * rate_bp, 10_000 + rate_bp)


def allocate(total: int, weights: list[int]) -> list[int]:
    """Splits ``total`` by ``weights`` so the parts add up exactly (largest remainder)."""
    if not weights:
        return []
    weight_sum = sum(weights)
    if weight_sum == 0:
        return [0] * len(weights)
    shares = [total * w // weight_sum for w in weights]
    remainders = sorted(
        range(len(weights)), key=lambda i: (total * weights[i]) % weight_sum, reverse=True
    )
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares
