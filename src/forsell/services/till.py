"""Ringing up a sale: the cart in progress, discounts, parking, and the atomic commit on payment."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from forsell.domain.cart import Cart, CartLine, Discount, DiscountKind
from forsell.domain.errors import CashierError
from forsell.domain.options import ChosenOption, choose, preselected, unit_price_with
from forsell.domain.payment import Payment
from forsell.domain.roles import Action, Role, discount_needs_approval
from forsell.store import audit, fiscal_queue
from forsell.store.models import ParkedSale, Sale, SaleLine
from forsell.store.outbox import enqueue

from . import settings as s
from .access import requires
from .auth import Approval, EmployeeView, require
from .catalog import CatalogService, ProductView
from .context import TillContext
from .damage import require_sound_database
from .fiscal import require_within_autonomous_limit
from .receipts import ReceiptView, load_receipt
from .shifts import open_shift_id

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CartLineView:
    index: int
    product_id: str
    sku: str
    name: str
    unit_price: int
    qty_milli: int
    weighted: bool
    gross: int
    discount: int  # line discount plus this line's share of the receipt discount
    net: int
    vat_bp: int
    price_overridden: bool
    #: (option name, price delta in tiyn) in the employee's language, shown under the name
    options: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class CartView:
    lines: tuple[CartLineView, ...]
    subtotal: int
    discount: int
    total: int
    vat_by_rate: dict[int, int]
    receipt_discount: Discount | None

    @property
    def empty(self) -> bool:
        """True when the cart has no lines."""
        return not self.lines


@dataclass(frozen=True)
class ParkedView:
    id: str
    label: str
    parked_at: str  # local time, HH:MM
    total: int
    items: int


def _line_from_product(
    p: ProductView, qty_milli: int, options: tuple[ChosenOption, ...] = ()
) -> CartLine:
    return CartLine(
        p.id,
        p.sku,
        p.barcode,
        dict(p.names),
        unit_price_with(p.price, options),
        qty_milli,
        p.vat_bp,
        p.weighted,
        options=options,
    )


def _cart_to_json(cart: Cart) -> dict:
    def line(l: CartLine) -> dict:
        d = asdict(l)
        d["discount"] = (
            {"kind": l.discount.kind.value, "value": l.discount.value} if l.discount else None
        )
        d["added_at"] = l.added_at.isoformat() if l.added_at else None
        d["options"] = [o.to_json() for o in l.options]
        return d

    rd = cart.receipt_discount
    return {
        "lines": [line(l) for l in cart.lines],
        "receipt_discount": {"kind": rd.kind.value, "value": rd.value} if rd else None,
    }


def _discount_from_json(d: dict | None) -> Discount | None:
    return Discount(DiscountKind(d["kind"]), d["value"]) if d else None


def _time_from_json(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None  # parked before 0006: no time


def _cart_from_json(data: dict) -> Cart:
    lines = [
        CartLine(
            **{
                **l,
                "discount": _discount_from_json(l["discount"]),
                "added_at": _time_from_json(l.get("added_at")),
                # parked before 0018: no options
                "options": tuple(ChosenOption.from_json(o) for o in l.get("options") or ()),
            }
        )
        for l in data["lines"]
    ]
    return Cart(lines, _discount_from_json(data["receipt_discount"]))


class TillService:
    """One cashier's till session. Lives on the GUI thread; every call is a few milliseconds.
    Its entry points act for ``self.employee``."""

    def __init__(self, ctx: TillContext, catalog: CatalogService, employee: EmployeeView) -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.employee = employee
        self.cart = Cart()
        #: The parked sale now in the cart: its row stays until the cart is paid or cancelled,
        #: so that a crash in between loses nothing (it is back in the list at the next start).
        self._recalled: str | None = None
        #: Told about the life of a sale: ("sale_started" | "sale_paid" | "sale_cancelled" |
        #: "sale_parked", sale id or None). The conversation recorder listens here.
        self.listener: Callable[[str, str | None], None] | None = None

    def _emit(self, event: str, sale_id: str | None = None) -> None:
        if self.listener is not None:
            self.listener(event, sale_id)

    # --- building the cart -------------------------------------------------------------------

    @requires(Role.CASHIER)
    def scan(self, code: str) -> CartView:
        """A barcode from the scanner (or typed): adds one piece. Unknown codes raise scan.unknown.

        Returns the cart. Also raises ``scan.needs_weight`` for goods sold by weight, and ``add``'s
        refusals."""
        product = self.catalog.by_barcode(code)
        if product is None:
            raise CashierError("scan.unknown", "Unknown barcode {code}", code=code.strip())
        if product.weighted:
            raise CashierError(
                "scan.needs_weight", "Enter the weight of {name}", name=product.names["ru"]
            )
        if self.catalog.option_groups(product.id):
            raise CashierError(
                "scan.needs_options", "Choose the options of {name}", name=product.names["ru"]
            )
        return self.add(product, 1000)

    @requires(Role.CASHIER)
    def add(
        self,
        product: ProductView,
        qty_milli: int = 1000,
        option_ids: tuple[str, ...] | list[str] | None = None,
    ) -> CartView:
        """Adds ``qty_milli`` thousandths (1000: one piece or one kilogram) of the product to the
        cart, with the options ``option_ids`` chosen (None: the catalog's preselected ones); the
        line's unit price is the product's plus the options' deltas. The first line starts the
        sale and its recording. Returns the cart.

        Raises ``CashierError``: ``shift.not_open``, ``qty.not_positive``, ``qty.not_whole``,
        ``qty.too_many``, ``qty.too_heavy``, ``money.out_of_range``, ``cart.total_too_large``,
        ``options.required``, ``options.too_many_chosen``, ``options.unknown``,
        ``options.price_not_positive``, ``sale.database_damaged(_no_backup)``."""
        self._require_sound_database()
        self._require_shift()
        groups = self.catalog.option_groups(product.id)
        chosen = choose(groups, preselected(groups) if option_ids is None else option_ids)
        was_empty = not self.cart.lines
        line = _line_from_product(product, qty_milli, chosen)
        self.cart.add(replace(line, added_at=self.ctx.clock()))
        if was_empty:
            self._emit("sale_started")
        return self.view()

    @requires(Role.CASHIER)
    def set_quantity(self, index: int, qty_milli: int) -> CartView:
        """Changes the quantity of line ``index``; returns the cart.

        Raises ``CashierError``: ``qty.not_positive``, ``qty.not_whole``, ``qty.too_many``,
        ``qty.too_heavy``, ``cart.total_too_large``."""
        self.cart.set_quantity(index, qty_milli)
        return self.view()

    @requires(Role.CASHIER)
    def line_option_ids(self, index: int) -> tuple[str, ...]:
        """The option ids chosen on line ``index``: what the chooser starts with when the line's
        options are edited."""
        return tuple(o.option_id for o in self.cart.lines[index].options)

    @requires(Role.CASHIER)
    def set_line_options(self, index: int, option_ids: tuple[str, ...] | list[str]) -> CartView:
        """Changes the options of line ``index`` (the customer wants oat milk after all); its
        unit price follows the deltas. Returns the cart.

        Raises ``CashierError``: ``options.required``, ``options.too_many_chosen``,
        ``options.unknown``, ``options.price_not_positive``, ``money.out_of_range``,
        ``cart.total_too_large``."""
        line = self.cart.lines[index]
        chosen = choose(self.catalog.option_groups(line.product_id), option_ids)
        self.cart.set_options(index, chosen)
        return self.view()

    @requires(Role.CASHIER)
    def remove_line(self, index: int) -> CartView:
        """Removes line ``index`` (audited); removing the last one cancels the sale. Returns the
        cart."""
        line = self.cart.lines[index]
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "line_removed",
                self.employee.id,
                sku=line.sku,
                qty_milli=line.qty_milli,
                amount=line.gross,
            )
            if len(self.cart.lines) == 1:
                self._forget_recalled(session)
        self.cart.remove(index)
        if not self.cart.lines:
            self._recalled = None
            self._emit("sale_cancelled")
        return self.view()

    @requires(Role.CASHIER)
    def set_line_discount(
        self, index: int, discount: Discount | None, approval: Approval | None = None
    ) -> CartView:
        """Sets (or, with None, clears) the discount of line ``index``; returns the cart.

        Raises ``NeedsApproval`` (``approval.discount_over_limit``) when the discount is over the
        cashier's limit and no supervisor approved it; ``CashierError`` ``cart.total_too_large``."""
        line = self.cart.lines[index]
        off = min(discount.amount_off(line.gross), line.gross) if discount else 0
        self._check_discount(off, line.gross, approval)
        self.cart.set_line_discount(index, discount)
        return self.view()

    @requires(Role.CASHIER)
    def receipt_discount_base(self) -> int:
        """The amount a receipt discount applies to, in tiyn: the lines after their own
        discounts (what ``set_receipt_discount`` takes its percent of)."""
        return sum(l.gross - l.line_discount for l in self.cart.lines)

    @requires(Role.CASHIER)
    def set_receipt_discount(
        self, discount: Discount | None, approval: Approval | None = None
    ) -> CartView:
        """Sets (or, with None, clears) the discount on the whole receipt; returns the cart.

        Raises ``NeedsApproval`` (``approval.discount_over_limit``) when all discounts together are
        over the cashier's limit and no supervisor approved them; ``CashierError``
        ``cart.total_too_large``."""
        base = self.receipt_discount_base()
        off = min(discount.amount_off(base), base) if discount else 0
        self._check_discount(
            off + sum(l.line_discount for l in self.cart.lines),
            sum(l.gross for l in self.cart.lines),
            approval,
        )
        self.cart.set_receipt_discount(discount)
        return self.view()

    @requires(Action.PRICE_OVERRIDE)
    def override_price(
        self, index: int, unit_price: int, approval: Approval | None = None
    ) -> CartView:
        """Changes the unit price of line ``index`` (audited with the approver); returns the cart.

        Raises ``NeedsApproval`` (``approval.price_override``) when the employee may not do it
        alone; ``CashierError`` ``money.out_of_range``, ``cart.total_too_large``."""
        old = self.cart.lines[index].unit_price
        self.cart.set_price(index, unit_price)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "price_override",
                self.employee.id,
                sku=self.cart.lines[index].sku,
                old=old,
                new=unit_price,
                approver_id=approval.approver_id if approval else self.employee.id,
            )
        return self.view()

    @requires(Role.CASHIER)
    def cancel(self) -> CartView:
        """Empties the cart (the customer walked away). Audited when it had lines."""
        if self.cart.lines:
            with self.ctx.db.write() as session:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "sale_cancelled",
                    self.employee.id,
                    lines=len(self.cart.lines),
                    total=self.cart.totals().total,
                )
                self._forget_recalled(session)
        had_lines = bool(self.cart.lines)
        self.cart.clear()
        self._recalled = None
        if had_lines:
            self._emit("sale_cancelled")
        return self.view()

    @requires(Role.CASHIER)
    def view(self) -> CartView:
        """The cart as the till screen shows it: lines in the employee's language, discounts, totals
        and VAT per rate."""
        totals = self.cart.totals()
        lang = self.employee.language
        lines = tuple(
            CartLineView(
                i,
                l.product_id,
                l.sku,
                l.name(lang),
                l.unit_price,
                l.qty_milli,
                l.weighted,
                t.gross,
                t.line_discount + t.receipt_discount,
                t.net,
                l.vat_bp,
                l.price_overridden,
                tuple((o.name(lang), o.price_delta) for o in l.options),
            )
            for i, (l, t) in enumerate(zip(self.cart.lines, totals.lines, strict=True))
        )
        return CartView(
            lines,
            totals.subtotal,
            totals.discount,
            totals.total,
            totals.vat_by_rate,
            self.cart.receipt_discount,
        )

    # --- parking ----------------------------------------------------------------------------

    @requires(Role.CASHIER)
    def park(self, label: str = "") -> CartView:
        """Puts the current sale aside under ``label`` and starts an empty cart, which it returns.
        Raises ``CashierError`` ``park.empty``."""
        if not self.cart.lines:
            raise CashierError("park.empty", "Nothing to park")
        with self.ctx.db.write() as session:
            self._forget_recalled(session)  # parked again: one row, with the cart as it is now
            session.add(
                ParkedSale(employee_id=self.employee.id, label=label, cart=_cart_to_json(self.cart))
            )
        self.cart = Cart()
        self._recalled = None
        self._emit("sale_parked")
        return self.view()

    @requires(Role.CASHIER)
    def parked(self) -> list[ParkedView]:
        """The parked sales, oldest first: label, time parked, total and number of lines."""
        with self.ctx.db.read() as session:
            rows = session.scalars(
                select(ParkedSale)
                .where(ParkedSale.recalled_at.is_(None))
                .order_by(ParkedSale.parked_at)
            ).all()
            result = []
            for r in rows:
                cart = _cart_from_json(r.cart)
                result.append(
                    ParkedView(
                        r.id,
                        r.label,
                        self.ctx.local(r.parked_at).strftime("%H:%M"),
                        cart.totals().total,
                        len(cart.lines),
                    )
                )
            return result

    @requires(Role.CASHIER)
    def recall(self, parked_id: str) -> CartView:
        """Brings a parked sale back into the empty cart and returns it.

        Raises ``CashierError``: ``park.cart_not_empty``, ``park.unknown`` (recalled elsewhere),
        ``sale.database_damaged(_no_backup)``."""
        self._require_sound_database()
        if self.cart.lines:
            raise CashierError("park.cart_not_empty", "Finish or park the current sale first")
        with self.ctx.db.write() as session:
            row = session.get(ParkedSale, parked_id)
            if row is None or row.recalled_at is not None:
                raise CashierError("park.unknown", "That parked sale is gone")
            cart = _cart_from_json(row.cart)
            row.recalled_at = self.ctx.clock()
        self.cart = cart
        self._recalled = parked_id
        self._emit("sale_started")
        return self.view()

    def _forget_recalled(self, session: Session) -> None:
        """Deletes the recalled parked sale's row inside the caller's transaction."""
        if self._recalled is not None:
            session.execute(delete(ParkedSale).where(ParkedSale.id == self._recalled))

    # --- payment ----------------------------------------------------------------------------

    @requires(Role.CASHIER)
    def pay(self, payment: Payment) -> ReceiptView:
        """Commits the sale atomically (lines, payment, gapless receipt number, outbox row).

        Returns the receipt. Raises ``CashierError``: ``pay.empty``, ``shift.not_open``,
        ``payment.short``, ``payment.card_over_total``, ``payment.cash_not_needed``,
        ``sale.database_damaged(_no_backup)``, ``fiscal.autonomous_limit``; nothing is
        committed then."""
        if not self.cart.lines:
            raise CashierError("pay.empty", "The cart is empty")
        self._require_sound_database()
        require_within_autonomous_limit(self.ctx)
        totals = self.cart.totals()
        settlement = payment.settle(totals.total)
        with self.ctx.db.write() as session:
            shift_id = self._require_shift(session)
            last = session.scalar(
                select(func.max(Sale.receipt_no)).where(Sale.device_id == self.ctx.device_id)
            )
            sale = Sale(
                device_id=self.ctx.device_id,
                receipt_no=(last or 0) + 1,
                shift_id=shift_id,
                employee_id=self.employee.id,
                created_at=self.ctx.clock(),
                subtotal=totals.subtotal,
                discount=totals.discount,
                total=totals.total,
                vat=totals.vat,
                receipt_discount=_cart_to_json(self.cart)["receipt_discount"],
                method=settlement.method.value,
                cash=settlement.cash,
                card=settlement.card,
                tendered=settlement.tendered,
                change=settlement.change,
                card_reference=payment.card_reference[:64],
            )
            for no, (line, t) in enumerate(
                zip(self.cart.lines, totals.lines, strict=True), start=1
            ):
                sale.lines.append(
                    SaleLine(
                        line_no=no,
                        product_id=line.product_id,
                        sku=line.sku,
                        barcode=line.barcode,
                        name_ru=line.names.get("ru", ""),
                        name_kk=line.names.get("kk", ""),
                        name_en=line.names.get("en", ""),
                        unit_price=line.unit_price,
                        qty_milli=line.qty_milli,
                        weighted=line.weighted,
                        vat_bp=line.vat_bp,
                        gross=t.gross,
                        discount=t.line_discount + t.receipt_discount,
                        net=t.net,
                        vat=t.vat,
                        price_overridden=line.price_overridden,
                        added_at=line.added_at,
                        options=[o.to_json() for o in line.options] or None,
                    )
                )
            session.add(sale)
            session.flush()
            self._forget_recalled(session)  # the parked cart becomes this sale, atomically
            enqueue(session, "sale", sale.id, sale_payload(sale))
            fiscal_queue.queue_sale(session, sale)
            receipt = load_receipt(self.ctx, session, sale)
        log.info(
            "sale %s committed: receipt %d, %d lines, total %d tiyn, %s",
            receipt.sale_id,
            receipt.receipt_no,
            len(receipt.lines),
            receipt.total,
            receipt.method,
        )
        self.cart = Cart()
        self._recalled = None
        try:
            self._emit("sale_paid", receipt.sale_id)
        except Exception:
            log.exception(
                "sale %s is committed, but a listener of sale_paid failed", receipt.sale_id
            )
        return receipt

    # --- rules ------------------------------------------------------------------------------

    def _check_discount(self, off: int, base: int, approval: Approval | None) -> None:
        limit = self.ctx.settings.get(s.CASHIER_DISCOUNT_LIMIT_BP)
        over = discount_needs_approval(self.employee.role, off, base, limit)
        require(approval, Action.DISCOUNT_OVER_LIMIT, over)

    def _require_sound_database(self) -> None:
        """No sale on a database that failed its start-up check: each write could spread the
        damage, and the restore would lose the sale anyway."""
        require_sound_database(self.ctx)

    def _require_shift(self, session=None) -> str:
        shift_id = open_shift_id(self.ctx, session)
        if shift_id is None:
            raise CashierError("shift.not_open", "Open a shift first")
        return shift_id


def sale_payload(sale: Sale) -> dict:
    """What the analytics backend receives for a sale (contract in resources/api)."""
    return {
        "id": sale.id,
        "device_id": sale.device_id,
        "receipt_no": sale.receipt_no,
        "shift_id": sale.shift_id,
        "employee_id": sale.employee_id,
        "created_at": sale.created_at.isoformat(),
        "subtotal": sale.subtotal,
        "discount": sale.discount,
        "total": sale.total,
        "vat": sale.vat,
        "method": sale.method,
        "cash": sale.cash,
        "card": sale.card,
        "lines": [
            {
                "id": l.id,
                "line_no": l.line_no,
                "sku": l.sku,
                "qty_milli": l.qty_milli,
                "unit_price": l.unit_price,
                "gross": l.gross,
                "discount": l.discount,
                "net": l.net,
                "vat_bp": l.vat_bp,
                "vat": l.vat,
                "options": [_option_payload(o) for o in l.options or ()],
            }
            for l in sale.lines
        ],
    }


def _option_payload(option: dict) -> dict:
    """One chosen option of a sale line as the backend receives it (contract in resources/api):
    what was chosen and its price delta; the line's unit_price already includes it."""
    return {
        "group_id": option["group_id"],
        "option_id": option["option_id"],
        "group": option.get("group_names", {}).get("ru", ""),
        "name": option.get("names", {}).get("ru", ""),
        "sku": option.get("sku") or None,
        "price_delta": option["price_delta"],
    }
