"""Refund rules: never more than was sold minus what was already refunded."""

from __future__ import annotations

from .errors import CashierError


def refundable_qty(sold_milli: int, refunded_milli: int) -> int:
    return max(sold_milli - refunded_milli, 0)


def refund_amount(
    line_net: int, sold_milli: int, refunded_milli: int, refunded_amount: int, qty_milli: int
) -> int:
    """Money back for ``qty_milli`` more of a sold line.

    Proportional to the line's net (after discounts); the refund that empties the line gets exactly
    what is left, so the refunds of a line always add up to what the customer paid for it.
    """
    left = refundable_qty(sold_milli, refunded_milli)
    if qty_milli <= 0:
        raise CashierError("refund.qty_not_positive", "Refund quantity must be above zero")
    if qty_milli > left:
        raise CashierError("refund.too_much", "Only {left} left to refund on this line", left=left)
    if qty_milli == left:
        return line_net - refunded_amount
    return line_net * qty_milli // sold_milli
