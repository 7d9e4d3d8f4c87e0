"""After the sale: finding a receipt, refunding lines, voiding a sale. All need a supervisor."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forsell.domain.barcode import receipt_no_from_code
from forsell.domain.errors import CashierError
from forsell.domain.refund import refund_amount
from forsell.domain.roles import Action
from forsell.store import audit, fiscal_queue
from forsell.store.models import Refund, RefundLine, Sale, SaleLine, Shift
from forsell.store.outbox import enqueue

from .access import public, requires
from .auth import Approval, EmployeeView
from .context import TillContext
from .damage import require_sound_database
from .receipts import ReceiptView, load_receipt, load_refund_receipt
from .shifts import open_shift_id

log = logging.getLogger(__name__)
REFUND_METHODS = ("cash", "card")


@dataclass(frozen=True)
class RefundView:
    id: str
    receipt_no: int
    created_at: datetime  # store-local
    method: str
    total: int
    lines: tuple[tuple[str, int, int], ...]  # (sku, qty_milli, amount)
    approver_name: str
    #: The refund receipt to print (its own number; the journal finds and reprints it).
    receipt: ReceiptView | None = None


class RefundService:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    @public
    def find(self, query: str) -> ReceiptView:
        """By receipt number (``123``), scanned receipt code (EAN-13 ``29…``) or sale id.

        Raises ``CashierError``: ``refund.bad_query`` (not a receipt number or code),
        ``refund.not_found``."""
        q = query.strip().lstrip("№#").strip()
        with self.ctx.db.read() as session:
            stmt = select(Sale).where(Sale.device_id == self.ctx.device_id)
            number = receipt_no_from_code(q)
            if number is not None:
                stmt = stmt.where(Sale.receipt_no == number)
            elif q.isascii() and q.isdigit() and len(q) <= 10:  # "²".isdigit() is True too
                stmt = stmt.where(Sale.receipt_no == int(q))
            else:
                try:
                    stmt = select(Sale).where(Sale.id == str(uuid.UUID(q)))
                except ValueError:
                    raise CashierError(
                        "refund.bad_query", "Not a receipt number: {q}", q=q
                    ) from None
            sale = session.scalar(stmt)
            if sale is None:
                raise CashierError("refund.not_found", "No receipt {q}", q=q)
            return load_receipt(self.ctx, session, sale)

    @requires(Action.REFUND)
    def refund(
        self,
        employee: EmployeeView,
        sale_id: str,
        items: dict[str, int],
        method: str,
        reason: str = "",
        approval: Approval | None = None,
    ) -> RefundView:
        """Refunds ``items`` (sale line id → quantity in thousandths); never more than is left.

        Returns the refund. Raises ``NeedsApproval`` (``approval.refund``) when the employee may not
        refund alone; ``CashierError``: ``refund.method``, ``refund.nothing``, ``shift.not_open``,
        ``refund.not_found``, ``refund.line_unknown``, ``refund.qty_not_positive``,
        ``refund.too_much``, ``refund.card_over_paid``, ``sale.database_damaged(_no_backup)``."""
        require_sound_database(self.ctx)
        if method not in REFUND_METHODS:
            raise CashierError("refund.method", "Choose cash or card")
        items = {k: v for k, v in items.items() if v}
        if not items:
            raise CashierError("refund.nothing", "Choose what to refund")
        with self.ctx.db.write() as session:
            shift_id = open_shift_id(self.ctx, session)
            if shift_id is None:
                raise CashierError("shift.not_open", "Open a shift first")
            sale = session.get(Sale, sale_id)
            if sale is None or sale.voided_at is not None:
                raise CashierError("refund.not_found", "No receipt {q}", q=sale_id)
            lines = {l.id: l for l in sale.lines}
            done = {
                lid: (q, a)
                for lid, q, a in session.execute(
                    select(
                        RefundLine.sale_line_id,
                        func.sum(RefundLine.qty_milli),
                        func.sum(RefundLine.amount),
                    )
                    .where(RefundLine.sale_line_id.in_(list(lines)))
                    .group_by(RefundLine.sale_line_id)
                )
            }
            refund = Refund(
                sale_id=sale.id,
                shift_id=shift_id,
                employee_id=employee.id,
                approved_by=approval.approver_id if approval else employee.id,
                created_at=self.ctx.clock(),
                method=method,
                total=0,
                reason=reason[:200],
                receipt_no=self._next_refund_no(session),
            )
            for line_id, qty in items.items():
                line: SaleLine | None = lines.get(line_id)
                if line is None:
                    raise CashierError("refund.line_unknown", "That line is not on this receipt")
                r_qty, r_amount = done.get(line_id, (0, 0))
                amount = refund_amount(line.net, line.qty_milli, r_qty, r_amount, qty)
                refund.lines.append(RefundLine(sale_line_id=line_id, qty_milli=qty, amount=amount))
                refund.total += amount
            if method == "card" and refund.total > sale.card:
                raise CashierError("refund.card_over_paid", "More than was paid by card")
            session.add(refund)
            session.flush()
            enqueue(
                session,
                "refund",
                refund.id,
                {
                    "id": refund.id,
                    "receipt_no": refund.receipt_no,
                    "sale_id": sale.id,
                    "shift_id": shift_id,
                    "employee_id": employee.id,
                    "approved_by": refund.approved_by,
                    "created_at": refund.created_at.isoformat(),
                    "method": method,
                    "total": refund.total,
                    "lines": [
                        {
                            "sale_line_id": l.sale_line_id,
                            "qty_milli": l.qty_milli,
                            "amount": l.amount,
                        }
                        for l in refund.lines
                    ],
                },
            )
            fiscal_queue.queue_refund(session, refund, sale)
            audit.record(
                session,
                self.ctx.device_id,
                "refund",
                employee.id,
                sale_id=sale.id,
                receipt_no=sale.receipt_no,
                refund_receipt_no=refund.receipt_no,
                total=refund.total,
                method=method,
                approver_id=refund.approved_by,
            )
            log.info(
                "refund %s of receipt %d: %d tiyn %s",
                refund.id,
                sale.receipt_no,
                refund.total,
                method,
            )
            return RefundView(
                refund.id,
                sale.receipt_no,
                self.ctx.local(refund.created_at),
                method,
                refund.total,
                tuple((lines[l.sale_line_id].sku, l.qty_milli, l.amount) for l in refund.lines),
                approval.approver_name if approval else employee.name,
                load_refund_receipt(self.ctx, session, refund),
            )

    def _next_refund_no(self, session: Session) -> int:
        # Gapless per till like sales: the write transaction holds SQLite's lock, so two
        # refunds cannot take the same number.
        last = session.scalar(
            select(func.max(Refund.receipt_no))
            .join(Shift, Shift.id == Refund.shift_id)
            .where(Shift.device_id == self.ctx.device_id)
        )
        return (last or 0) + 1

    @requires(Action.VOID_SALE)
    def void(self, employee: EmployeeView, sale_id: str, approval: Approval | None = None) -> None:
        """Voids a completed sale of the open shift that has no refunds (wrongly rung up).

        Raises ``NeedsApproval`` (``approval.void_sale``) when the employee may not void alone;
        ``CashierError``: ``void.unknown``, ``void.other_shift``, ``void.refunded``."""
        with self.ctx.db.write() as session:
            sale = session.get(Sale, sale_id)
            if sale is None or sale.voided_at is not None:
                raise CashierError("void.unknown", "No such sale, or already voided")
            if sale.shift_id != open_shift_id(self.ctx, session):
                raise CashierError(
                    "void.other_shift", "Only sales of the open shift can be voided; refund instead"
                )
            if session.scalar(select(func.count(Refund.id)).where(Refund.sale_id == sale_id)):
                raise CashierError(
                    "void.refunded", "This sale has refunds; refund the rest instead"
                )
            sale.voided_at = self.ctx.clock()
            sale.voided_by = employee.id
            # The cash register gets a refund of the whole sale behind it (docs/fiscal.md).
            fiscal_queue.queue_void(session, sale)
            enqueue(
                session,
                "sale_voided",
                sale.id,
                {"id": sale.id, "voided_at": sale.voided_at.isoformat(), "voided_by": employee.id},
            )
            audit.record(
                session,
                self.ctx.device_id,
                "sale_voided",
                employee.id,
                sale_id=sale.id,
                receipt_no=sale.receipt_no,
                total=sale.total,
                approver_id=approval.approver_id if approval else employee.id,
            )
