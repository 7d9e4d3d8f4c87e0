"""The review dashboard: per cashier, shift, day or week — conversations, share of sales recorded,
scores and per-item pass rates, upsell offers, conversions and revenue, tickets, sales by hour.

Every number is one SQL aggregate over local data (it works offline). Days and weeks are cut in
the store's time zone with its UTC offset at the start of the period (Kazakhstan has no daylight
saving time). Conversations not transcribed yet still count with their audio-only measures:
talk time and silence share from the recorder's voice activity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import and_, case, func, literal, select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.domain.spreadsheet import SheetFormat, sheet_format
from forsell.store import audit
from forsell.store.models import (
    ConversationItemResult,
    ConversationScore,
    Employee,
    Recording,
    Sale,
    SaleLine,
    Shift,
)

from .. import settings as st
from ..access import requires
from ..auth import EmployeeView

GROUPS = ("cashier", "shift", "day", "week")


@dataclass(frozen=True)
class DashboardRow:
    key: str  # employee id, shift id, "2026-03-02" or "2026-W10"
    label: str  # the cashier's name, "Z 12 · 02.03" / shift start, the date, the week
    conversations: int
    scored: int  # scorable and scored
    sales: int
    sales_recorded: int  # sales with a recording
    recorded_share: float | None  # sales_recorded / sales
    average_score: float | None
    pass_rates: dict[str, float]  # item id → share of pass among pass+fail
    offers: int
    offer_rate: float | None  # scored conversations with an offer / scored conversations
    conversions: int
    conversion_rate: float | None  # conversions / offers
    upsell_revenue: int  # tiyn
    sales_total: int  # tiyn
    average_ticket: int | None  # tiyn
    items_per_ticket: float | None
    talk_s: float  # audio-only: voice activity, all conversations
    silence_share: float | None  # 1 - talk / duration


@dataclass(frozen=True)
class LeaderboardRow:
    employee_id: str
    employee: str
    average_score: float | None
    conversations: int
    conversion_rate: float | None
    upsell_revenue: int


@dataclass(frozen=True)
class DashboardView:
    date_from: date
    date_to: date
    group: str
    rows: tuple[DashboardRow, ...]
    total: DashboardRow
    sales_by_hour: dict[int, tuple[int, int]]  # local hour → (sales, total tiyn)
    leaderboard: tuple[LeaderboardRow, ...]
    items: tuple[str, ...] = field(default=())  # item ids seen in pass_rates


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


#: The spreadsheet's columns (the keys a caller gives titles to), before one per scorecard item.
CSV_COLUMNS = (
    "group",
    "key",
    "label",
    "conversations",
    "scored",
    "sales",
    "sales_recorded",
    "recorded_share",
    "average_score",
    "offers",
    "offer_rate",
    "conversions",
    "conversion_rate",
    "upsell_revenue",
    "sales_total",
    "average_ticket",
    "items_per_ticket",
    "talk_s",
    "silence_share",
)


class Dashboard:
    def __init__(self, till) -> None:
        self.till = till
        self.ctx = till.ctx
        self._last: DashboardView | None = None

    @requires(Role.CASHIER)
    def summary(
        self, who: EmployeeView, date_from: date, date_to: date, group: str = "cashier"
    ) -> DashboardView:
        """The period's numbers grouped by ``group``; a cashier sees only their own.

        Raises ``CashierError`` ``dashboard.bad_group`` for an unknown grouping."""
        if group not in GROUPS:
            raise CashierError("dashboard.bad_group", "Unknown grouping {group}", group=group)
        tz = self.ctx.timezone
        start = datetime.combine(date_from, time(), tz)
        end = datetime.combine(date_to + timedelta(days=1), time(), tz)
        offset_h = start.utcoffset().total_seconds() / 3600
        own = who.role not in (Role.SUPERVISOR, Role.ADMIN)
        with self.ctx.db.read() as session:
            conv = self._conversations(session, start, end, group, offset_h, own and who.id)
            sales = self._sales(session, start, end, group, offset_h, own and who.id)
            rates = self._pass_rates(session, start, end, group, offset_h, own and who.id)
            hours = self._by_hour(session, start, end, offset_h, own and who.id)
            labels = self._labels(session, group, set(conv) | set(sales))
            totals = (
                self._conversations(session, start, end, None, offset_h, own and who.id),
                self._sales(session, start, end, None, offset_h, own and who.id),
                self._pass_rates(session, start, end, None, offset_h, own and who.id),
            )
        rows = tuple(
            self._row(k, labels.get(k, k), conv.get(k), sales.get(k), rates.get(k, {}))
            for k in sorted(set(conv) | set(sales), key=lambda k: labels.get(k, k))
        )
        total = self._row("", "", totals[0].get(""), totals[1].get(""), totals[2].get("", {}))
        if group == "cashier":
            board_rows = rows
        else:
            with self.ctx.db.read() as session:
                c = self._conversations(session, start, end, "cashier", offset_h, own and who.id)
                names = self._labels(session, "cashier", set(c))
            board_rows = tuple(self._row(k, names.get(k, k), c[k], None, {}) for k in c)
        board = tuple(
            sorted(
                (
                    LeaderboardRow(
                        r.key,
                        r.label,
                        r.average_score,
                        r.conversations,
                        r.conversion_rate,
                        r.upsell_revenue,
                    )
                    for r in board_rows
                    if r.key
                ),
                key=lambda b: (-(b.average_score or -1), -b.upsell_revenue, b.employee),
            )
        )
        items = tuple(sorted({i for r in rows for i in r.pass_rates}))
        self._last = DashboardView(date_from, date_to, group, rows, total, hours, board, items)
        return self._last

    # --- SQL ------------------------------------------------------------------------------

    @staticmethod
    def _key(group: str | None, who_col, shift_col, at_col, offset_h: float):
        local = func.datetime(at_col, f"{offset_h:+.2f} hours")
        if group == "cashier":
            return who_col
        if group == "shift":
            return shift_col
        if group == "day":
            return func.date(local)
        if group == "week":
            return func.strftime("%Y-W%W", local)
        return literal("")

    def _conversations(self, session, start, end, group, offset_h, only) -> dict[str, tuple]:
        r, cs = Recording, ConversationScore
        key = self._key(group, r.employee_id, r.shift_id, r.started_at, offset_h)
        scored = and_(cs.scorable.is_(True), cs.percent.is_not(None))
        q = (
            select(
                key,
                func.count(r.id),
                func.sum(case((scored, 1), else_=0)),
                func.avg(case((scored, cs.percent))),
                func.coalesce(func.sum(cs.offers), 0),
                func.sum(case((and_(scored, cs.offers > 0), 1), else_=0)),
                func.coalesce(func.sum(cs.conversions), 0),
                func.coalesce(func.sum(cs.extra_revenue), 0),
                func.coalesce(func.sum(r.speech_ms), 0),
                func.coalesce(func.sum(r.duration_ms), 0),
            )
            .outerjoin(cs, cs.recording_id == r.id)
            .where(
                r.started_at >= start,
                r.started_at < end,
                r.status != "recording",
                r.shredded_at.is_(None),
            )
            .group_by(key)
        )
        if only:
            q = q.where(r.employee_id == only)
        return {k or "": tuple(v) for k, *v in session.execute(q)}

    def _sales(self, session, start, end, group, offset_h, only) -> dict[str, tuple]:
        key = self._key(group, Sale.employee_id, Sale.shift_id, Sale.created_at, offset_h)
        items = (
            select(
                SaleLine.sale_id.label("sale_id"),
                func.sum(case((SaleLine.weighted, 1000), else_=SaleLine.qty_milli)).label("milli"),
            )
            .group_by(SaleLine.sale_id)
            .subquery()
        )
        recorded = select(Recording.sale_id).where(Recording.sale_id.is_not(None))
        q = (
            select(
                key,
                func.count(Sale.id),
                func.sum(case((Sale.id.in_(recorded), 1), else_=0)),
                func.coalesce(func.sum(Sale.total), 0),
                func.coalesce(func.sum(items.c.milli), 0),
            )
            .outerjoin(items, items.c.sale_id == Sale.id)
            .where(Sale.created_at >= start, Sale.created_at < end, Sale.voided_at.is_(None))
            .group_by(key)
        )
        if only:
            q = q.where(Sale.employee_id == only)
        return {k or "": tuple(v) for k, *v in session.execute(q)}

    def _pass_rates(self, session, start, end, group, offset_h, only) -> dict[str, dict]:
        r, ir = Recording, ConversationItemResult
        key = self._key(group, r.employee_id, r.shift_id, r.started_at, offset_h)
        q = (
            select(
                key,
                ir.item_id,
                func.sum(case((ir.outcome == "pass", 1), else_=0)),
                func.sum(case((ir.outcome == "fail", 1), else_=0)),
            )
            .join(r, r.id == ir.recording_id)
            .where(r.started_at >= start, r.started_at < end, r.shredded_at.is_(None))
            .group_by(key, ir.item_id)
        )
        if only:
            q = q.where(r.employee_id == only)
        out: dict[str, dict] = {}
        for k, item, passed, failed in session.execute(q):
            if passed + failed:
                out.setdefault(k or "", {})[item] = passed / (passed + failed)
        return out

    def _by_hour(self, session, start, end, offset_h, only) -> dict[int, tuple[int, int]]:
        hour = func.cast(
            func.strftime("%H", func.datetime(Sale.created_at, f"{offset_h:+.2f} hours")),
            literal(0).type,
        )
        q = (
            select(hour, func.count(Sale.id), func.sum(Sale.total))
            .where(Sale.created_at >= start, Sale.created_at < end, Sale.voided_at.is_(None))
            .group_by(hour)
        )
        if only:
            q = q.where(Sale.employee_id == only)
        return {int(h): (int(n), int(t)) for h, n, t in session.execute(q)}

    def _labels(self, session, group, keys: set[str]) -> dict[str, str]:
        if group == "cashier":
            return dict(
                session.execute(
                    select(Employee.id, Employee.name).where(Employee.id.in_(keys))
                ).all()
            )
        if group == "shift":
            out = {}
            for sid, z, opened in session.execute(
                select(Shift.id, Shift.z_number, Shift.opened_at).where(Shift.id.in_(keys))
            ):
                when = self.ctx.local(opened).strftime("%d.%m %H:%M")
                out[sid] = f"Z {z} · {when}" if z else when
            return out
        return {k: k for k in keys}

    @staticmethod
    def _row(
        key: str, label: str, c: tuple | None, s: tuple | None, rates: dict[str, float]
    ) -> DashboardRow:
        n, scored, avg, offers, offered, conv, revenue, talk_ms, dur_ms = c or (0,) * 9
        sales, recorded, total, milli = s or (0, 0, 0, 0)
        return DashboardRow(
            key,
            label,
            int(n),
            int(scored or 0),
            int(sales),
            int(recorded or 0),
            _ratio(recorded or 0, sales),
            None if avg is None else round(float(avg), 1),
            rates,
            int(offers),
            _ratio(offered or 0, scored or 0),
            int(conv),
            _ratio(conv, offers),
            int(revenue),
            int(total),
            round(total / sales) if sales else None,
            round(milli / 1000 / sales, 2) if sales else None,
            talk_ms / 1000,
            None if not dur_ms else round(1 - min(talk_ms, dur_ms) / dur_ms, 3),
        )

    # --- export ---------------------------------------------------------------------------

    @requires(Role.CASHIER)
    def export_csv(
        self,
        who: EmployeeView,
        path: Path,
        view: DashboardView | None = None,
        *,
        titles: Mapping[str, str] | None = None,
        sheet: SheetFormat | None = None,
    ) -> Path:
        """The dashboard rows as a spreadsheet in the store's locale (``receipt.language``:
        ";" and a decimal comma for ru/kk, UTF-8 with BOM, money in tenge); audited.

        ``titles`` maps the column keys (:data:`CSV_COLUMNS`, ``pass_<item>``, ``"total"``) to
        the words the supervisor reads; a key without a title is written as it is.
        Raises ``CashierError`` ``dashboard.empty`` before a period was opened."""
        view = view or self._last
        if view is None:
            raise CashierError("dashboard.empty", "Open the dashboard for a period first")
        titles = titles or {}
        sheet = sheet or sheet_format(self.ctx.settings.get(st.RECEIPT_LANGUAGE))
        n = sheet.number
        header = [titles.get(k, k) for k in (*CSV_COLUMNS, *(f"pass_{i}" for i in view.items))]
        rows = [
            [
                titles.get(f"group_{view.group}", view.group),
                r.key,
                r.label or titles.get("total", "total"),
                r.conversations,
                r.scored,
                r.sales,
                r.sales_recorded,
                n(r.recorded_share),
                n(r.average_score),
                r.offers,
                n(r.offer_rate),
                r.conversions,
                n(r.conversion_rate),
                sheet.money(r.upsell_revenue),
                sheet.money(r.sales_total),
                sheet.money(r.average_ticket),
                n(r.items_per_ticket),
                n(round(r.talk_s, 1)),
                n(r.silence_share),
                *(n(r.pass_rates.get(i)) for i in view.items),
            ]
            for r in (*view.rows, view.total)
        ]
        sheet.write(path, header, rows)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "dashboard_exported",
                who.id,
                date_from=view.date_from.isoformat(),
                date_to=view.date_to.isoformat(),
                group=view.group,
                rows=len(view.rows),
            )
        return path

    @requires(Role.CASHIER)
    def record_pdf_export(
        self, who: EmployeeView, path: Path, view: DashboardView | None = None
    ) -> None:
        """Audits a PDF report of ``view`` (default: the last summary) the UI has just saved
        at ``path``: the PDF is drawn by Qt in ``ui/``, the record of who took it out is here.
        Only the file's name goes in the audit, not the folder (it may name a person).

        Raises ``CashierError`` ``dashboard.empty`` before a period was opened."""
        view = view or self._last
        if view is None:
            raise CashierError("dashboard.empty", "Open the dashboard for a period first")
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "dashboard_pdf_exported",
                who.id,
                date_from=view.date_from.isoformat(),
                date_to=view.date_to.isoformat(),
                group=view.group,
                rows=len(view.rows),
                file=path.name,
            )
