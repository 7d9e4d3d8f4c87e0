"""How a receipt is paid: cash, card, or both."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import CashierError
from .money import check_amount


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    SPLIT = "split"


@dataclass(frozen=True)
class Payment:
    """What the customer handed over. ``card`` is what the external terminal approved."""

    cash_tendered: int = 0
    card: int = 0
    card_reference: str = ""

    def settle(self, total: int) -> Settlement:
        check_amount(self.cash_tendered)
        check_amount(self.card)
        if self.card > total:
            raise CashierError("payment.card_over_total", "The card amount exceeds the total")
        cash_due = total - self.card
        if self.cash_tendered < cash_due:
            raise CashierError(
                "payment.short",
                "Tendered {tendered} is below {due} due",
                tendered=self.cash_tendered,
                due=cash_due,
            )
        if self.card and self.cash_tendered > cash_due and cash_due == 0:
            raise CashierError("payment.cash_not_needed", "The card already covers the total")
        method = (
            PaymentMethod.SPLIT
            if self.card and cash_due
            else PaymentMethod.CARD
            if self.card
            else PaymentMethod.CASH
        )
        return Settlement(
            method, cash_due, self.card, self.cash_tendered, self.cash_tendered - cash_due
        )


@dataclass(frozen=True)
class Settlement:
    method: PaymentMethod
    cash: int  # cash kept in the drawer
    card: int
    tendered: int
    change: int
