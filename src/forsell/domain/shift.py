"""Shift cash: denominations, counts and the expected drawer."""

from __future__ import annotations

from dataclasses import dataclass

#: KZT notes and coins in circulation, in tiyn, largest first.
DENOMINATIONS: tuple[int, ...] = tuple(
    t * 100 for t in (20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1)
)


def counted_total(counts: dict[int, int]) -> int:
    """Sum of a cash count ``{denomination_tiyn: pieces}``."""
    for denomination, pieces in counts.items():
        if denomination not in DENOMINATIONS:
            raise ValueError(f"not a KZT denomination: {denomination}")
        if pieces < 0:
            raise ValueError("a count cannot be negative")
    return sum(d * n for d, n in counts.items())


@dataclass(frozen=True)
class DrawerFigures:
    """What should be in the cash drawer, and why."""

    opening_float: int
    cash_sales: int
    cash_refunds: int
    cash_in: int
    cash_out: int

    @property
    def expected(self) -> int:
        return (
            self.opening_float + self.cash_sales - self.cash_refunds + self.cash_in - self.cash_out
        )
