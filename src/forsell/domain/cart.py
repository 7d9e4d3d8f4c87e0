"""The cart of a sale in progress and its arithmetic.

Quantities are integer thousandths (``qty_milli``): 1000 is one piece or one kilogram, so weighted
goods and pieces share one exact representation. Prices are VAT-inclusive, as on a shelf label.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from .errors import CashierError
from .money import MAX_TIYN, allocate, check_amount, div_round_half_up, vat_included
from .options import ChosenOption, options_delta, unit_price_with

MAX_PIECES_MILLI = 999_000  # 999 pieces on one line is already a wholesale order
MAX_WEIGHT_MILLI = 99_999  # 99.999 kg: above any shop counter scale


class DiscountKind(StrEnum):
    PERCENT = "percent"
    AMOUNT = "amount"


@dataclass(frozen=True)
class Discount:
    """Percent in basis points (1000 = 10 %) or a fixed amount in tiyn."""

    kind: DiscountKind
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise CashierError("discount.negative", "A discount cannot be negative")
        if self.kind is DiscountKind.PERCENT and self.value > 10_000:
            raise CashierError("discount.over_100", "A discount cannot exceed 100 %")
        if self.kind is DiscountKind.AMOUNT:
            check_amount(self.value)

    def amount_off(self, base_tiyn: int) -> int:
        if self.kind is DiscountKind.PERCENT:
            return div_round_half_up(base_tiyn * self.value, 10_000)
        return min(self.value, base_tiyn)


@dataclass(frozen=True)
class CartLine:
    product_id: str
    sku: str
    barcode: str
    names: dict[str, str]  # language code → name, as the catalog had it at sale time
    unit_price: int  # tiyn per piece or per kilogram
    qty_milli: int
    vat_bp: int
    weighted: bool = False
    discount: Discount | None = None
    price_overridden: bool = False
    #: When the line entered the cart (aware UTC); upsell linking compares it with offer times.
    added_at: datetime | None = None
    #: The chosen options (oat milk, vanilla syrup); ``unit_price`` already includes their deltas.
    options: tuple[ChosenOption, ...] = ()

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("ru") or next(iter(self.names.values()), "")

    @property
    def base_price(self) -> int:
        """The unit price without the options' deltas."""
        return self.unit_price - options_delta(self.options)

    @property
    def gross(self) -> int:
        return div_round_half_up(self.unit_price * self.qty_milli, 1000)

    @property
    def line_discount(self) -> int:
        return min(self.discount.amount_off(self.gross), self.gross) if self.discount else 0


@dataclass(frozen=True)
class LineTotals:
    gross: int
    line_discount: int
    receipt_discount: int  # this line's share of the receipt-level discount
    net: int
    vat: int


@dataclass(frozen=True)
class CartTotals:
    lines: tuple[LineTotals, ...]
    subtotal: int  # before any discount
    discount: int  # line + receipt discounts
    total: int
    vat_by_rate: dict[int, int]  # rate_bp → VAT contained in the total

    @property
    def vat(self) -> int:
        return sum(self.vat_by_rate.values())


def check_quantity(qty_milli: int, weighted: bool) -> int:
    if qty_milli <= 0:
        raise CashierError("qty.not_positive", "Quantity must be above zero")
    if weighted:
        if qty_milli > MAX_WEIGHT_MILLI:
            raise CashierError(
                "qty.too_heavy", "Weight above {max} kg", max=MAX_WEIGHT_MILLI / 1000
            )
    else:
        if qty_milli % 1000:
            raise CashierError("qty.not_whole", "Pieces are counted in whole numbers")
        if qty_milli > MAX_PIECES_MILLI:
            raise CashierError(
                "qty.too_many", "More than {max} pieces", max=MAX_PIECES_MILLI // 1000
            )
    return qty_milli


def compute_totals(
    lines: list[CartLine] | tuple[CartLine, ...], receipt_discount: Discount | None
) -> CartTotals:
    after_line = [line.gross - line.line_discount for line in lines]
    base = sum(after_line)
    receipt_off = min(receipt_discount.amount_off(base), base) if receipt_discount else 0
    shares = allocate(receipt_off, after_line)
    line_totals = []
    vat_by_rate: dict[int, int] = {}
    for line, amount, share in zip(lines, after_line, shares, strict=True):
        net = amount - share
        vat = vat_included(net, line.vat_bp)
        vat_by_rate[line.vat_bp] = vat_by_rate.get(line.vat_bp, 0) + vat
        line_totals.append(LineTotals(line.gross, line.line_discount, share, net, vat))
    subtotal = sum(line.gross for line in lines)
    total = base - receipt_off
    if total > MAX_TIYN:
        raise CashierError("cart.total_too_large", "The receipt total is too large")
    return CartTotals(tuple(line_totals), subtotal, subtotal - total, total, vat_by_rate)


@dataclass
class Cart:
    """A sale being rung up. Mutated only through its methods, each of which checks the rules."""

    lines: list[CartLine] = field(default_factory=list)
    receipt_discount: Discount | None = None

    def add(self, line: CartLine) -> int:
        """Adds a line, or one more piece to the same product's last line; returns its index."""
        check_quantity(line.qty_milli, line.weighted)
        check_amount(line.unit_price)
        if self.lines and not line.weighted:
            last = self.lines[-1]
            if (
                last.product_id == line.product_id
                and not last.weighted
                and not last.price_overridden
                and last.options == line.options  # a latte with oat milk is not a plain latte
            ):
                self.set_quantity(len(self.lines) - 1, last.qty_milli + line.qty_milli)
                return len(self.lines) - 1
        self._checked_replace(None, line)
        return len(self.lines) - 1

    def set_quantity(self, index: int, qty_milli: int) -> None:
        line = self.lines[index]
        check_quantity(qty_milli, line.weighted)
        self._checked_replace(index, replace(line, qty_milli=qty_milli))

    def set_price(self, index: int, unit_price: int) -> None:
        check_amount(unit_price)
        line = self.lines[index]
        self._checked_replace(index, replace(line, unit_price=unit_price, price_overridden=True))

    def set_options(self, index: int, options: tuple[ChosenOption, ...]) -> None:
        """Changes line ``index``'s options; its unit price follows their deltas (an overridden
        price keeps the override and moves by the difference)."""
        line = self.lines[index]
        price = check_amount(unit_price_with(line.base_price, options))
        self._checked_replace(index, replace(line, options=tuple(options), unit_price=price))

    def set_line_discount(self, index: int, discount: Discount | None) -> None:
        self._checked_replace(index, replace(self.lines[index], discount=discount))

    def set_receipt_discount(self, discount: Discount | None) -> None:
        compute_totals(self.lines, discount)  # raises before anything changes
        self.receipt_discount = discount

    def remove(self, index: int) -> CartLine:
        return self.lines.pop(index)

    def clear(self) -> None:
        self.lines.clear()
        self.receipt_discount = None

    def totals(self) -> CartTotals:
        return compute_totals(self.lines, self.receipt_discount)

    def _checked_replace(self, index: int | None, line: CartLine) -> None:
        candidate = list(self.lines)
        if index is None:
            candidate.append(line)
        else:
            candidate[index] = line
        compute_totals(candidate, self.receipt_discount)  # overflow check before committing
        self.lines = candidate
