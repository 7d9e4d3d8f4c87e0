"""Receipts as the cashier and the customer see them (frozen views, rendered by ``ui/``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forsell.domain.barcode import receipt_code
from forsell.domain.money import vat_included
from forsell.domain.options import ChosenOption
from forsell.store.models import Employee, FiscalOperation, Refund, RefundLine, Sale, SaleLine

from . import settings as s
from .context import TillContext


@dataclass(frozen=True)
class ReceiptLineView:
    line_id: str
    line_no: int
    names: dict[str, str]
    sku: str
    qty_milli: int
    weighted: bool
    unit_price: int
    gross: int
    discount: int
    net: int
    vat_bp: int
    refunded_milli: int
    refunded_amount: int
    #: The options chosen on the line (printed under its name); ``unit_price`` includes them.
    options: tuple[ChosenOption, ...] = ()

    def name(self, lang: str) -> str:
        """The name in ``lang`` (``ru``, ``kk`` or ``en``); Russian when that one is empty."""
        return self.names.get(lang) or self.names["ru"]

    @property
    def refundable_milli(self) -> int:
        """How much of the line (in thousandths of a piece or a kilogram) may still be refunded."""
        return self.qty_milli - self.refunded_milli


@dataclass(frozen=True)
class ReceiptView:
    sale_id: str
    receipt_no: int
    code: str  # EAN-13 printed on the receipt, scanned back for refunds
    created_at: datetime  # store-local time
    store_name: str
    store_bin: str
    store_address: str
    device_name: str
    cashier_name: str
    language: str  # receipt language (store setting)
    lines: tuple[ReceiptLineView, ...]
    subtotal: int
    discount: int
    total: int
    vat_by_rate: dict[int, int]
    method: str
    cash: int
    card: int
    tendered: int
    change: int
    card_reference: str
    footer: str
    voided: bool
    refunded_total: int
    #: A link printed as a QR code (the fiscal receipt on the tax service's site); "" for none.
    qr: str = ""
    #: "sale", or "refund": a refund receipt, whose ``receipt_no`` is the refund's own number,
    #: ``lines`` what went back, ``total`` and ``cash``/``card`` the money returned.
    kind: str = "sale"
    #: A reprint: the paper says it is a copy («КОПИЯ» / «КӨШІРМЕ» / "COPY").
    copy: bool = False
    #: A refund receipt: the number and store-local time of the sale it refunds.
    refund_of_no: int = 0
    refund_of_at: datetime | None = None
    #: A refund receipt: the refund's id (``sale_id`` stays the refunded sale's).
    refund_id: str = ""

    @property
    def is_refund(self) -> bool:
        """A refund receipt (money returned), not a sale's."""
        return self.kind == "refund"

    # Fiscal registration (online cash register); None while fiscal registration is off.
    fiscal_state: str | None = None  # registered | waiting | refused | set_aside
    fiscal_sign: str | None = None
    fiscal_number: str | None = None
    fiscal_register_number: str | None = None  # the register's number at the tax office (РНМ)
    fiscal_qr_url: str | None = None  # the fiscal data operator's page that checks the receipt
    fiscal_autonomous_number: int | None = None
    fiscal_reason_key: str | None = None  # why it waits or was refused (a message key)


def with_fiscal(receipt: ReceiptView, op: FiscalOperation | None) -> ReceiptView:
    """``receipt`` carrying ``op``'s fiscal status and attributes (a reprint, a refresh)."""
    if op is None:
        return receipt
    return replace(
        receipt,
        fiscal_state=op.state,
        fiscal_sign=op.fiscal_sign,
        fiscal_number=op.fiscal_number,
        fiscal_register_number=op.register_number,
        fiscal_qr_url=op.qr_url,
        fiscal_autonomous_number=op.seq,
        fiscal_reason_key=op.reason_key,
    )


def fiscal_operation_of(session: Session, entity_id: str) -> FiscalOperation | None:
    """The fiscal operation of a sale or refund, read in the caller's session: its first one
    (a void's refund follows the sale under the sale's id)."""
    return session.scalars(
        select(FiscalOperation)
        .where(FiscalOperation.entity_id == entity_id)
        .order_by(FiscalOperation.seq)
        .limit(1)
    ).first()


def load_receipt(ctx: TillContext, session: Session, sale: Sale) -> ReceiptView:
    """The receipt of ``sale`` as printed and shown: store details, lines with what was already
    refunded, VAT per rate, payment and change; read in the caller's ``session``."""
    refunded = {
        line_id: (qty, amount)
        for line_id, qty, amount in session.execute(
            select(
                RefundLine.sale_line_id, func.sum(RefundLine.qty_milli), func.sum(RefundLine.amount)
            )
            .where(RefundLine.sale_line_id.in_([l.id for l in sale.lines]))
            .group_by(RefundLine.sale_line_id)
        )
    }
    vat_by_rate: dict[int, int] = {}
    lines = []
    for l in sale.lines:
        vat_by_rate[l.vat_bp] = vat_by_rate.get(l.vat_bp, 0) + l.vat
        r_qty, r_amount = refunded.get(l.id, (0, 0))
        lines.append(
            ReceiptLineView(
                l.id,
                l.line_no,
                {"ru": l.name_ru, "kk": l.name_kk, "en": l.name_en},
                l.sku,
                l.qty_milli,
                l.weighted,
                l.unit_price,
                l.gross,
                l.discount,
                l.net,
                l.vat_bp,
                r_qty,
                r_amount,
                tuple(ChosenOption.from_json(o) for o in l.options or ()),
            )
        )
    cashier = session.get(Employee, sale.employee_id)
    st = ctx.settings
    receipt = ReceiptView(
        sale.id,
        sale.receipt_no,
        receipt_code(sale.receipt_no),
        ctx.local(sale.created_at),
        st.get(s.STORE_NAME),
        st.get(s.STORE_BIN),
        st.get(s.STORE_ADDRESS),
        st.get(s.DEVICE_NAME),
        cashier.name if cashier else "",
        st.get(s.RECEIPT_LANGUAGE),
        tuple(lines),
        sale.subtotal,
        sale.discount,
        sale.total,
        vat_by_rate,
        sale.method,
        sale.cash,
        sale.card,
        sale.tendered,
        sale.change,
        sale.card_reference,
        st.get(s.RECEIPT_FOOTER),
        sale.voided_at is not None,
        sum(l.refunded_amount for l in lines),
    )
    return with_fiscal(receipt, fiscal_operation_of(session, sale.id))


def load_refund_receipt(ctx: TillContext, session: Session, refund: Refund) -> ReceiptView:
    """The refund receipt of ``refund``: which sale it refunds, the lines and money that went
    back, the VAT contained in the refund per rate and how the money was returned. It has no
    barcode (``code`` is empty): a refund is not refunded again."""
    sale = session.get(Sale, refund.sale_id)
    assert sale is not None  # a refund's sale is never deleted (foreign key)
    sold = {
        l.id: l
        for l in session.scalars(
            select(SaleLine).where(SaleLine.id.in_([r.sale_line_id for r in refund.lines]))
        )
    }
    vat_by_rate: dict[int, int] = {}
    lines = []
    for r in sorted(refund.lines, key=lambda r: sold[r.sale_line_id].line_no):
        l = sold[r.sale_line_id]
        # The shelf price of what went back; the difference to the money returned is its share
        # of the sale's discounts (never below zero when the last piece takes the remainder).
        gross = max(r.amount, l.gross * r.qty_milli // l.qty_milli)
        vat_by_rate[l.vat_bp] = vat_by_rate.get(l.vat_bp, 0) + vat_included(r.amount, l.vat_bp)
        lines.append(
            ReceiptLineView(
                l.id,
                l.line_no,
                {"ru": l.name_ru, "kk": l.name_kk, "en": l.name_en},
                l.sku,
                r.qty_milli,
                l.weighted,
                l.unit_price,
                gross,
                gross - r.amount,
                r.amount,
                l.vat_bp,
                0,
                0,
            )
        )
    cashier = session.get(Employee, refund.employee_id)
    st = ctx.settings
    subtotal = sum(l.gross for l in lines)
    receipt = ReceiptView(
        sale.id,
        refund.receipt_no or 0,
        "",
        ctx.local(refund.created_at),
        st.get(s.STORE_NAME),
        st.get(s.STORE_BIN),
        st.get(s.STORE_ADDRESS),
        st.get(s.DEVICE_NAME),
        cashier.name if cashier else "",
        st.get(s.RECEIPT_LANGUAGE),
        tuple(lines),
        subtotal,
        subtotal - refund.total,
        refund.total,
        vat_by_rate,
        refund.method,
        refund.total if refund.method == "cash" else 0,
        refund.total if refund.method == "card" else 0,
        0,
        0,
        "",
        st.get(s.RECEIPT_FOOTER),
        False,
        0,
        kind="refund",
        refund_of_no=sale.receipt_no,
        refund_of_at=ctx.local(sale.created_at),
        refund_id=refund.id,
    )
    # The refund is registered with the cash register on its own: its status, not the sale's.
    return with_fiscal(receipt, fiscal_operation_of(session, refund.id))
