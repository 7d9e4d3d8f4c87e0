"""The receipt journal: the till's sale and refund receipts, found again, shown and reprinted.

A cashier sees the receipts of the open shift; a supervisor or an admin any day or period.
Pages are read newest first by time through the indexes on ``created_at`` (and
``shift_id, created_at``), so a till with years of sales opens the journal as fast as a new one.
Every reprint is a copy, and the audit trail records who printed which copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from forsell.domain import search_text
from forsell.domain.barcode import receipt_no_from_code
from forsell.domain.errors import CashierError
from forsell.domain.money import parse_kzt
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import Employee, FiscalOperation, Refund, Sale, Shift

from .access import refuse_below, requires
from .auth import EmployeeView
from .context import TillContext
from .receipts import ReceiptView, load_receipt, load_refund_receipt
from .shifts import open_shift_id

SALE, REFUND = "sale", "refund"
PAGE_SIZE = 50
#: A time search ("14:05") looks at that minute of each day of the period, at most this many.
TIME_SEARCH_DAYS = 366
#: The cursor's time plus this is the page's exclusive upper bound (times are stored to the µs).
_TICK = timedelta(microseconds=1)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class JournalPeriod(StrEnum):
    SHIFT = "shift"  # the open shift of this till
    TODAY = "today"
    DATES = "dates"  # from ``first`` to ``last``, both included (store-local days)


@dataclass(frozen=True)
class JournalQuery:
    period: JournalPeriod = JournalPeriod.SHIFT
    first: date | None = None
    last: date | None = None
    #: Receipt number or scanned code, amount ("1 250", "1250,50 ₸"), time ("14:05") or part
    #: of the cashier's name. Plain digits match a receipt number or an amount in tenge.
    text: str = ""


@dataclass(frozen=True)
class JournalCursor:
    """Where the next page starts: the last entry shown (UTC time, id)."""

    at: datetime
    id: str


@dataclass(frozen=True)
class JournalEntry:
    kind: str  # SALE or REFUND
    id: str  # the sale's or the refund's id
    receipt_no: int  # a refund: its own refund receipt number
    created_at: datetime  # store-local
    total: int  # a refund: the money returned
    method: str  # cash | card | mixed
    cashier_name: str
    refund_of_no: int = 0  # a refund: the number of the sale receipt it refunds
    voided: bool = False
    #: The receipt's fiscal registration: registered | waiting | refused | set_aside; None when
    #: it was never queued (fiscal registration off at the time).
    fiscal_state: str | None = None
    fiscal_number: str | None = None  # the receipt's number at the fiscal operator
    #: A voided sale: the refund the cash register got for it (state and number), if any.
    void_fiscal_state: str | None = None
    void_fiscal_number: str | None = None


@dataclass(frozen=True)
class JournalPage:
    entries: tuple[JournalEntry, ...]
    #: The next page's start, None when this is the last page.
    more: JournalCursor | None
    #: The period actually shown: a cashier always gets their shift, whatever was asked.
    period: JournalPeriod
    #: No shift is open, so a shift's journal is empty.
    no_shift: bool = False


@dataclass(frozen=True)
class _Search:
    numbers: tuple[int, ...] = ()  # receipt numbers
    amounts: tuple[int, ...] = ()  # totals in tiyn
    code_no: int | None = None  # a scanned sale receipt's number
    minute: time | None = None
    cashier_ids: tuple[str, ...] | None = None  # None: any cashier


def _search(text: str, session: Session) -> _Search:
    q = text.strip().lstrip("№#").strip()
    if not q:
        return _Search()
    if (code_no := receipt_no_from_code(q)) is not None:
        return _Search(code_no=code_no)
    if m := _TIME.match(q):
        return _Search(minute=time(int(m.group(1)), int(m.group(2))))
    if q.isascii() and q.isdigit() and len(q) <= 10:  # "²".isdigit() is True too
        return _Search(numbers=(int(q),), amounts=(int(q) * 100,))
    try:
        return _Search(amounts=(parse_kzt(q),))
    except CashierError:
        pass
    # "Гулнар" typed on a Russian layout finds "Гүлнар": folded as the product search folds.
    ids = tuple(
        e_id
        for e_id, name in session.execute(select(Employee.id, Employee.name))
        if search_text.matches(q, name)
    )
    return _Search(cashier_ids=ids)


def _fiscal_of(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each receipt's own fiscal registration (its first operation) and, for a voided sale, the
    refund that followed it under the sale's id; for one page in one indexed read."""
    found: dict[str, dict[str, Any]] = {}
    if not ids:
        return found
    rows = session.execute(
        select(
            FiscalOperation.entity_id,
            FiscalOperation.state,
            FiscalOperation.fiscal_number,
            FiscalOperation.kind,
        )
        .where(FiscalOperation.entity_id.in_(ids))
        .order_by(FiscalOperation.seq)
    )
    for entity_id, state, number, kind in rows:
        if entity_id not in found:
            found[entity_id] = {"fiscal_state": state, "fiscal_number": number}
        elif kind == "refund":  # a refund under a sale's id: the sale's void
            found[entity_id].update(void_fiscal_state=state, void_fiscal_number=number)
    return found


class ReceiptJournal:
    """Finding, showing and reprinting the till's receipts (F1 at the till)."""

    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    @requires(Role.CASHIER)
    def page(
        self,
        employee: EmployeeView,
        query: JournalQuery,
        after: JournalCursor | None = None,
        size: int = PAGE_SIZE,
    ) -> JournalPage:
        """One page of sale and refund receipts, newest first, matching ``query``; ``after``
        continues from the previous page's ``more``. A cashier gets the open shift only."""
        if not employee.role.at_least(Role.SUPERVISOR):
            query = replace(query, period=JournalPeriod.SHIFT)
        with self.ctx.db.read() as session:
            shift_id: str | None = None
            if query.period is JournalPeriod.SHIFT:
                shift_id = open_shift_id(self.ctx, session)
                if shift_id is None:
                    return JournalPage((), None, query.period, no_shift=True)
            start, end = self._bounds(session, query, shift_id)
            search = _search(query.text, session)
            sales = self._sales(session, shift_id, start, end, search, after, size + 1)
            refunds = self._refunds(session, shift_id, start, end, search, after, size + 1)
            rows = sorted(sales + refunds, key=lambda r: (r[0], r[1].id), reverse=True)
            names = dict(session.execute(select(Employee.id, Employee.name)).all())
            shown = rows[:size]
            fiscal = _fiscal_of(session, [row.id for _at, row in shown])
            entries = tuple(
                replace(self._entry(at, row, names), **fiscal.get(row.id, {})) for at, row in shown
            )
            more = None
            if len(rows) > size:
                at, last = shown[-1]
                more = JournalCursor(at, last.id)
            return JournalPage(entries, more, query.period)

    @requires(Role.CASHIER)
    def receipt(self, employee: EmployeeView, kind: str, receipt_id: str) -> ReceiptView:
        """The sale or refund receipt as it was printed. A cashier may open the open shift's
        receipts only. Raises ``CashierError``: ``journal.not_found``, ``supervisor.only``."""
        with self.ctx.db.read() as session:
            return self._load(session, employee, kind, receipt_id)

    @requires(Role.CASHIER)
    def reprint(self, employee: EmployeeView, kind: str, receipt_id: str) -> ReceiptView:
        """The receipt marked as a copy, for printing; the audit trail records who printed a
        copy of which receipt. The same refusals as ``receipt``. A screen that may still cancel
        the printing asks ``copy_of`` first and ``record_reprint`` once the copy came out."""
        copy = self.copy_of(employee, kind, receipt_id)
        self.record_reprint(employee, copy)
        return copy

    @requires(Role.CASHIER)
    def copy_of(self, employee: EmployeeView, kind: str, receipt_id: str) -> ReceiptView:
        """The receipt marked as a copy, not yet audited: nothing was printed so far. The same
        refusals as ``receipt``."""
        with self.ctx.db.read() as session:
            return replace(self._load(session, employee, kind, receipt_id), copy=True)

    @requires(Role.CASHIER)
    def record_reprint(self, employee: EmployeeView, copy: ReceiptView) -> None:
        """Records in the audit trail that ``employee`` printed (or saved) ``copy``: only a
        copy that came out is evidence an auditor needs, a cancelled print dialog is not.
        Refuses what ``receipt`` refuses, read again, so a copy cannot be audited unseen."""
        kind = REFUND if copy.is_refund else SALE
        receipt_id = copy.refund_id if copy.is_refund else copy.sale_id
        with self.ctx.db.write() as session:
            receipt = self._load(session, employee, kind, receipt_id)
            audit.record(
                session,
                self.ctx.device_id,
                "receipt_reprinted",
                employee.id,
                kind=receipt.kind,
                receipt_no=receipt.receipt_no,
                sale_id=receipt.sale_id,
                refund_id=receipt.refund_id or None,
                total=receipt.total,
            )

    # --- reading ------------------------------------------------------------------------------

    def _load(
        self, session: Session, employee: EmployeeView, kind: str, receipt_id: str
    ) -> ReceiptView:
        found: Sale | Refund | None = (
            session.get(Sale, receipt_id) if kind == SALE else session.get(Refund, receipt_id)
        )
        if found is None or (isinstance(found, Sale) and found.device_id != self.ctx.device_id):
            raise CashierError("journal.not_found", "No such receipt")
        own_shift = found.shift_id == open_shift_id(self.ctx, session)
        if not own_shift and not employee.role.at_least(Role.SUPERVISOR):
            refuse_below(employee, Role.SUPERVISOR)
        if isinstance(found, Sale):
            return load_receipt(self.ctx, session, found)
        return load_refund_receipt(self.ctx, session, found)

    def _bounds(
        self, session: Session, query: JournalQuery, shift_id: str | None
    ) -> tuple[datetime, datetime]:
        """The period in UTC, [start, end)."""
        zone = self.ctx.timezone
        today = self.ctx.clock().astimezone(zone).date()
        if shift_id is not None:
            opened = session.scalar(select(Shift.opened_at).where(Shift.id == shift_id))
            start = opened or self.ctx.clock()
            return start, self.ctx.clock() + timedelta(days=1)
        first, last = today, today
        if query.period is JournalPeriod.DATES:
            first = query.first or today
            last = max(query.last or first, first)
        start = datetime.combine(first, time(), zone).astimezone(UTC)
        end = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
        return start, end

    def _minute_windows(
        self, start: datetime, end: datetime, minute: time
    ) -> list[tuple[datetime, datetime]]:
        """``minute`` on each store-local day between ``start`` and ``end``, newest first, in
        UTC: each is read on its own through the index on time (one query with an OR of a
        year of minutes makes SQLite test every receipt of the year against all of them)."""
        zone = self.ctx.timezone
        first = start.astimezone(zone).date()
        day = end.astimezone(zone).date()
        windows: list[tuple[datetime, datetime]] = []
        while day >= first and len(windows) < TIME_SEARCH_DAYS:
            at = datetime.combine(day, minute, zone).astimezone(UTC)
            windows.append((at, at + timedelta(minutes=1)))
            day -= timedelta(days=1)
        return windows

    @staticmethod
    def _newest(
        session: Session,
        queries: list[Any],
        order: tuple[Any, ...],
        limit: int,
        one_by_one: bool = False,
    ) -> list[tuple[datetime, Any]]:
        """The newest ``limit`` rows of ``queries`` together. ``one_by_one``: the queries are
        newest first and do not overlap, so reading stops once the page is full."""
        found: dict[str, Any] = {}
        for query in queries:
            found.update(
                {row.id: row for row in session.execute(query.order_by(*order).limit(limit))}
            )
            if one_by_one and len(found) >= limit:
                break
        rows = sorted(found.values(), key=lambda r: (r.created_at, r.id), reverse=True)
        return [(row.created_at, row) for row in rows[:limit]]

    def _sales(
        self,
        session: Session,
        shift_id: str | None,
        start: datetime,
        end: datetime,
        search: _Search,
        after: JournalCursor | None,
        limit: int,
    ) -> list[tuple[datetime, Any]]:  # (time, result row)
        stmt = select(
            Sale.id,
            Sale.receipt_no,
            Sale.created_at,
            Sale.total,
            Sale.method,
            Sale.employee_id,
            Sale.voided_at,
        )
        # A search by number, amount or cashier reads the matching sales through their own
        # index. SQLite, without statistics, would rather walk the whole period by time and test
        # every sale (seconds over a year): coalesce() hides the time and the till from its
        # choice, and they only filter.
        searching = bool(search.numbers or search.amounts or search.cashier_ids is not None)
        at = func.coalesce(Sale.created_at, Sale.created_at) if searching else Sale.created_at
        if shift_id is not None:
            stmt = stmt.where(Sale.shift_id == shift_id)
        elif search.cashier_ids is not None:
            stmt = stmt.where(func.coalesce(Sale.device_id, "") == self.ctx.device_id)
        else:
            stmt = stmt.where(Sale.device_id == self.ctx.device_id)
        if after is not None:
            end = min(end, after.at + _TICK)  # one upper bound: SQLite seeks by one
            stmt = stmt.where(or_(at < after.at, and_(at == after.at, Sale.id < after.id)))
        if search.minute is None:  # else each minute is its own range
            stmt = stmt.where(at >= start, at < end)
        if search.code_no is not None:
            stmt = stmt.where(Sale.receipt_no == search.code_no)
        wanted = [stmt]
        if search.numbers or search.amounts:
            wanted = [
                stmt.where(Sale.device_id == self.ctx.device_id, Sale.total.in_(search.amounts))
            ]
            if search.numbers:
                wanted.append(stmt.where(Sale.receipt_no.in_(search.numbers)))
        elif search.cashier_ids is not None:
            wanted = [stmt.where(Sale.employee_id.in_(search.cashier_ids))]
        order = (Sale.created_at.desc(), Sale.id.desc())
        if search.minute is not None:
            windows = self._minute_windows(start, end, search.minute)
            wanted = [q.where(at >= a, at < b) for q in wanted for a, b in windows]
            return self._newest(session, wanted, order, limit, one_by_one=len(windows) > 0)
        return self._newest(session, wanted, order, limit)

    def _refunds(
        self,
        session: Session,
        shift_id: str | None,
        start: datetime,
        end: datetime,
        search: _Search,
        after: JournalCursor | None,
        limit: int,
    ) -> list[tuple[datetime, Any]]:  # (time, result row)
        stmt = select(
            Refund.id,
            Refund.receipt_no,
            Refund.created_at,
            Refund.total,
            Refund.method,
            Refund.employee_id,
            Sale.receipt_no.label("refund_of_no"),
        ).join(Sale, Sale.id == Refund.sale_id)
        if shift_id is not None:
            stmt = stmt.where(Refund.shift_id == shift_id)
        else:  # read by time; coalesce() keeps SQLite from reading every sale of the till first
            stmt = stmt.where(func.coalesce(Sale.device_id, "") == self.ctx.device_id)
        if after is not None:
            end = min(end, after.at + _TICK)
            stmt = stmt.where(
                or_(
                    Refund.created_at < after.at,
                    and_(Refund.created_at == after.at, Refund.id < after.id),
                )
            )
        if search.minute is None:
            stmt = stmt.where(Refund.created_at >= start, Refund.created_at < end)
        if search.code_no is not None:  # the refunds of the scanned sale
            stmt = stmt.where(Sale.receipt_no == search.code_no)
        if search.numbers or search.amounts:
            stmt = stmt.where(
                or_(
                    Refund.receipt_no.in_(search.numbers),
                    Sale.receipt_no.in_(search.numbers),
                    Refund.total.in_(search.amounts),
                )
            )
        if search.cashier_ids is not None:
            stmt = stmt.where(Refund.employee_id.in_(search.cashier_ids))
        order = (Refund.created_at.desc(), Refund.id.desc())
        if search.minute is not None:
            windows = self._minute_windows(start, end, search.minute)
            minutes = [
                stmt.where(Refund.created_at >= a, Refund.created_at < b) for a, b in windows
            ]
            return self._newest(session, minutes, order, limit, one_by_one=True)
        return self._newest(session, [stmt], order, limit)

    def _entry(self, at: datetime, row: Any, names: dict[str, str]) -> JournalEntry:
        refund_of = getattr(row, "refund_of_no", None)
        return JournalEntry(
            SALE if refund_of is None else REFUND,
            row.id,
            row.receipt_no or 0,
            self.ctx.local(at),
            row.total,
            row.method,
            names.get(row.employee_id, ""),
            refund_of or 0,
            getattr(row, "voided_at", None) is not None,
        )
