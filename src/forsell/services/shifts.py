"""Shifts: open with a float, cash in/out, X report, close by counting the drawer (Z report)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.domain.money import check_amount, vat_included
from forsell.domain.roles import Action, Role, needs_approval
from forsell.domain.shift import DrawerFigures, counted_total
from forsell.store import audit, fiscal_queue
from forsell.store.models import (
    CashMovement,
    Employee,
    ParkedSale,
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    Shift,
)
from forsell.store.outbox import enqueue

from . import settings as s
from .access import public, requires
from .auth import Approval, EmployeeView, require
from .context import TillContext
from .damage import require_sound_database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShiftView:
    id: str
    opened_at: datetime  # store-local
    opened_by: str
    opening_float: int


@dataclass(frozen=True)
class ShiftReport:
    """X report (shift still open, ``z_number`` None) or Z report (closed)."""

    shift_id: str
    z_number: int | None
    store_name: str
    device_name: str
    opened_at: datetime
    opened_by: str
    closed_at: datetime | None
    closed_by: str | None
    printed_at: datetime
    sales_count: int
    voided_count: int
    gross: int
    discounts: int
    sales_total: int
    cash_sales: int
    card_sales: int
    refunds_count: int
    refunds_total: int
    cash_refunds: int
    card_refunds: int
    cash_in: int
    cash_out: int
    opening_float: int
    expected_cash: int
    counted_cash: int | None
    cash_count: dict[int, int] | None
    #: VAT of the shift by rate (basis points): VAT of its sales minus VAT of its refunds.
    vat_by_rate: dict[int, int]
    #: VAT handed back by the shift's refunds, by rate (already taken off ``vat_by_rate``).
    refund_vat_by_rate: dict[int, int] = field(default_factory=dict)

    @property
    def difference(self) -> int | None:
        """Counted minus expected cash in tiyn (negative: the drawer is short), or None before the
        count."""
        return None if self.counted_cash is None else self.counted_cash - self.expected_cash

    @property
    def net_revenue(self) -> int:
        """Sales minus refunds of the shift, in tiyn."""
        return self.sales_total - self.refunds_total


def open_shift_id(ctx: TillContext, session: Session | None = None) -> str | None:
    """The id of this till's open shift, or None; read in ``session`` when one is given."""
    stmt = select(Shift.id).where(Shift.device_id == ctx.device_id, Shift.closed_at.is_(None))
    if session is not None:
        return session.scalar(stmt)
    with ctx.db.read() as fresh:
        return fresh.scalar(stmt)


def _shift_payload(shift: Shift) -> dict:
    return {
        "id": shift.id,
        "device_id": shift.device_id,
        "opened_by": shift.opened_by,
        "opened_at": shift.opened_at.isoformat(),
        "opening_float": shift.opening_float,
        "closed_by": shift.closed_by,
        "closed_at": shift.closed_at.isoformat() if shift.closed_at else None,
        "expected_cash": shift.expected_cash,
        "counted_cash": shift.counted_cash,
        "z_number": shift.z_number,
    }


class ShiftService:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    @public  # the status line shows it on the login screen too
    def current(self) -> ShiftView | None:
        """The open shift (since when, opened by whom, opening float), or None."""
        with self.ctx.db.read() as session:
            shift = session.scalar(
                select(Shift).where(
                    Shift.device_id == self.ctx.device_id, Shift.closed_at.is_(None)
                )
            )
            if shift is None:
                return None
            who = session.get(Employee, shift.opened_by)
            return ShiftView(
                shift.id,
                self.ctx.local(shift.opened_at),
                who.name if who else "",
                shift.opening_float,
            )

    @requires(Role.CASHIER)
    def open(self, employee: EmployeeView, opening_float: int) -> ShiftView:
        """Opens a shift with ``opening_float`` tiyn in the drawer (synced and audited); returns it.

        Raises ``CashierError``: ``money.out_of_range``, ``shift.already_open``."""
        check_amount(opening_float)
        with self.ctx.db.write() as session:
            if open_shift_id(self.ctx, session):
                raise CashierError("shift.already_open", "A shift is already open")
            shift = Shift(
                device_id=self.ctx.device_id,
                opened_by=employee.id,
                opened_at=self.ctx.clock(),
                opening_float=opening_float,
            )
            session.add(shift)
            session.flush()
            enqueue(session, "shift_opened", shift.id, _shift_payload(shift))
            fiscal_queue.queue_shift(session, shift, closing=False)
            audit.record(
                session, self.ctx.device_id, "shift_opened", employee.id, float=opening_float
            )
        log.info("shift %s opened by employee %s", shift.id, employee.id)
        return self.current()

    @requires(Role.CASHIER)
    def cash_movement(self, employee: EmployeeView, amount: int, reason: str) -> None:
        """``amount`` > 0 puts cash in the drawer, < 0 takes it out. A reason is required.

        Synced and audited. Raises ``CashierError``: ``cash.zero``, ``cash.reason``,
        ``money.out_of_range``, ``shift.not_open``, ``cash.out_exceeds_drawer``,
        ``sale.database_damaged(_no_backup)``."""
        require_sound_database(self.ctx)
        if amount == 0:
            raise CashierError("cash.zero", "Enter an amount")
        check_amount(abs(amount))
        if not reason.strip():
            raise CashierError("cash.reason", "Give a reason")
        with self.ctx.db.write() as session:
            shift_id = open_shift_id(self.ctx, session)
            if shift_id is None:
                raise CashierError("shift.not_open", "Open a shift first")
            if amount < 0:
                figures = self._drawer(session, session.get(Shift, shift_id))
                if -amount > figures.expected:
                    raise CashierError(
                        "cash.out_exceeds_drawer",
                        "Only {expected} in the drawer",
                        expected=figures.expected,
                    )
            move = CashMovement(
                shift_id=shift_id,
                employee_id=employee.id,
                amount=amount,
                reason=reason.strip()[:200],
                at=self.ctx.clock(),
            )
            session.add(move)
            session.flush()
            enqueue(
                session,
                "cash_movement",
                move.id,
                {
                    "id": move.id,
                    "shift_id": shift_id,
                    "employee_id": employee.id,
                    "amount": amount,
                    "reason": move.reason,
                    "at": move.at.isoformat(),
                },
            )
            fiscal_queue.queue_cash_movement(session, move)
            # The reason is free text the cash movement itself keeps; the entry says who
            # moved how much.
            audit.record(
                session,
                self.ctx.device_id,
                "cash_movement",
                employee.id,
                shift_id=shift_id,
                amount=amount,
                movement_id=move.id,
            )

    @public
    def expected_cash(self) -> int:
        """What the drawer should hold now, in tiyn: the float, cash sales, cash refunds and cash
        in/out of the open shift. Raises ``CashierError`` ``shift.not_open``."""
        with self.ctx.db.read() as session:
            shift_id = open_shift_id(self.ctx, session)
            if shift_id is None:
                raise CashierError("shift.not_open", "Open a shift first")
            return self._drawer(session, session.get(Shift, shift_id)).expected

    @public
    def x_report(self) -> ShiftReport:
        """The X report of the open shift: its totals so far, closing nothing. Raises
        ``CashierError`` ``shift.not_open``."""
        with self.ctx.db.read() as session:
            shift_id = open_shift_id(self.ctx, session)
            if shift_id is None:
                raise CashierError("shift.not_open", "Open a shift first")
            return self._report(session, session.get(Shift, shift_id))

    @public
    def report(self, shift_id: str) -> ShiftReport:
        """The report of any shift by id (a closed one's Z report). Raises ``CashierError``
        ``shift.unknown``."""
        with self.ctx.db.read() as session:
            shift = session.get(Shift, shift_id)
            if shift is None:
                raise CashierError("shift.unknown", "No such shift")
            return self._report(session, shift)

    @public
    def parked_count(self) -> int:
        """How many parked sales wait on this till (not recalled): closing a shift warns.

        A parked sale belongs to no shift: nothing was paid, so it is in no X or Z report, and
        after a close it waits for the next shift, where it is recalled and paid as usual."""
        with self.ctx.db.read() as session:
            return session.scalar(
                select(func.count(ParkedSale.id)).where(ParkedSale.recalled_at.is_(None))
            )

    @requires(Role.CASHIER)
    def void_parked(self, employee: EmployeeView) -> int:
        """Discards every parked sale nobody has recalled (the customer left; nothing was paid)
        and returns how many; audited as ``parked_voided`` with the count."""
        with self.ctx.db.write() as session:
            waiting = select(ParkedSale).where(ParkedSale.recalled_at.is_(None))
            rows = session.scalars(waiting).all()
            for row in rows:
                session.delete(row)
            if rows:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "parked_voided",
                    employee.id,
                    count=len(rows),
                )
        return len(rows)

    @requires(Role.CASHIER)  # a count that differs needs an approval (below)
    def close(
        self, employee: EmployeeView, counts: dict[int, int], approval: Approval | None = None
    ) -> ShiftReport:
        """Closes the shift with the counted drawer; returns the Z report.

        A cashier needs a supervisor's approval when the count differs from what is expected.

        Raises ``CashierError`` ``shift.not_open``; ``NeedsApproval``
        (``approval.close_with_discrepancy``) for a cashier whose count differs without an approval.
        """
        counted = counted_total(counts)
        with self.ctx.db.write() as session:
            shift_id = open_shift_id(self.ctx, session)
            if shift_id is None:
                raise CashierError("shift.not_open", "Open a shift first")
            shift = session.get(Shift, shift_id)
            expected = self._drawer(session, shift).expected
            if counted != expected:
                require(
                    approval,
                    Action.CLOSE_WITH_DISCREPANCY,
                    needs_approval(employee.role, Action.CLOSE_WITH_DISCREPANCY),
                )
            last_z = session.scalar(
                select(func.max(Shift.z_number)).where(Shift.device_id == self.ctx.device_id)
            )
            shift.z_number = (last_z or 0) + 1
            shift.closed_at = self.ctx.clock()
            shift.closed_by = employee.id
            shift.expected_cash = expected
            shift.counted_cash = counted
            shift.cash_count = {str(d): n for d, n in counts.items() if n}
            session.flush()
            enqueue(session, "shift_closed", shift.id, _shift_payload(shift))
            fiscal_queue.queue_shift(session, shift, closing=True)
            audit.record(
                session,
                self.ctx.device_id,
                "shift_closed",
                employee.id,
                z_number=shift.z_number,
                difference=counted - expected,
                approver_id=approval.approver_id if approval else None,
                **self._parked_left(session),
            )
            report = self._report(session, shift)
        log.info(
            "shift %s closed: Z %d, difference %d tiyn",
            shift_id,
            report.z_number,
            counted - expected,
        )
        return report

    def _parked_left(self, session: Session) -> dict[str, int]:
        # The auditor sees that sales waited parked across the close (none: nothing added).
        left = session.scalar(
            select(func.count(ParkedSale.id)).where(ParkedSale.recalled_at.is_(None))
        )
        return {"parked_left": left} if left else {}

    # --- figures ----------------------------------------------------------------------------

    def _drawer(self, session: Session, shift: Shift) -> DrawerFigures:
        live = Sale.voided_at.is_(None)
        cash_sales = session.scalar(
            select(func.coalesce(func.sum(Sale.cash), 0)).where(Sale.shift_id == shift.id, live)
        )
        cash_refunds = session.scalar(
            select(func.coalesce(func.sum(Refund.total), 0)).where(
                Refund.shift_id == shift.id, Refund.method == "cash"
            )
        )
        moves = session.execute(
            select(
                func.coalesce(
                    func.sum(case((CashMovement.amount > 0, CashMovement.amount), else_=0)), 0
                ),
                func.coalesce(
                    func.sum(case((CashMovement.amount < 0, -CashMovement.amount), else_=0)), 0
                ),
            ).where(CashMovement.shift_id == shift.id)
        ).one()
        return DrawerFigures(shift.opening_float, cash_sales, cash_refunds, moves[0], moves[1])

    def _report(self, session: Session, shift: Shift) -> ShiftReport:
        live = (Sale.shift_id == shift.id, Sale.voided_at.is_(None))
        sales = session.execute(
            select(
                func.count(Sale.id),
                func.coalesce(func.sum(Sale.subtotal), 0),
                func.coalesce(func.sum(Sale.discount), 0),
                func.coalesce(func.sum(Sale.total), 0),
                func.coalesce(func.sum(Sale.cash), 0),
                func.coalesce(func.sum(Sale.card), 0),
            ).where(*live)
        ).one()
        voided = session.scalar(
            select(func.count(Sale.id)).where(
                Sale.shift_id == shift.id, Sale.voided_at.is_not(None)
            )
        )
        refunds = session.execute(
            select(
                func.count(Refund.id),
                func.coalesce(func.sum(Refund.total), 0),
                func.coalesce(func.sum(case((Refund.method == "cash", Refund.total), else_=0)), 0),
            ).where(Refund.shift_id == shift.id)
        ).one()
        vat = dict(
            session.execute(
                select(SaleLine.vat_bp, func.sum(SaleLine.vat))
                .join(Sale, SaleLine.sale_id == Sale.id)
                .where(*live)
                .group_by(SaleLine.vat_bp)
            ).all()
        )
        refund_vat: dict[int, int] = {}
        for rate, amount in session.execute(
            select(SaleLine.vat_bp, RefundLine.amount)
            .join(RefundLine, RefundLine.sale_line_id == SaleLine.id)
            .join(Refund, RefundLine.refund_id == Refund.id)
            .where(Refund.shift_id == shift.id)
        ):
            # Per refund line, as the sale computed it per line, so a whole line refunded hands
            # back exactly the VAT its sale counted.
            refund_vat[rate] = refund_vat.get(rate, 0) + vat_included(amount, rate)
        for rate, amount in refund_vat.items():
            vat[rate] = vat.get(rate, 0) - amount
        drawer = self._drawer(session, shift)
        names = {
            e.id: e.name
            for e in session.scalars(
                select(Employee).where(Employee.id.in_([shift.opened_by, shift.closed_by or ""]))
            )
        }
        st = self.ctx.settings
        return ShiftReport(
            shift.id,
            shift.z_number,
            st.get(s.STORE_NAME),
            st.get(s.DEVICE_NAME),
            self.ctx.local(shift.opened_at),
            names.get(shift.opened_by, ""),
            self.ctx.local(shift.closed_at) if shift.closed_at else None,
            names.get(shift.closed_by) if shift.closed_by else None,
            self.ctx.local(self.ctx.clock()),
            sales[0],
            voided,
            sales[1],
            sales[2],
            sales[3],
            sales[4],
            sales[5],
            refunds[0],
            refunds[1],
            refunds[2],
            refunds[1] - refunds[2],
            drawer.cash_in,
            drawer.cash_out,
            shift.opening_float,
            shift.expected_cash if shift.expected_cash is not None else drawer.expected,
            shift.counted_cash,
            {int(k): v for k, v in shift.cash_count.items()} if shift.cash_count else None,
            vat,
            refund_vat,
        )
