"""The one number formatter (``domain.numbers``) for the command line, which imports services
only: the terminal writes seconds, money and percentages as the screens and receipts do."""

from __future__ import annotations

from forsell.domain.numbers import (
    format_basis_points,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    format_score,
    format_seconds,
    format_share,
)

__all__ = [
    "format_basis_points",
    "format_money",
    "format_number",
    "format_percent",
    "format_quantity",
    "format_score",
    "format_seconds",
    "format_share",
]
