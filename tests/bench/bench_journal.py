"""The receipt journal on the big till (a million sale lines, a year and more of shifts).

Runs on a working copy of the benchmark dataset, to which it adds refunds (one sale in a
hundred, refunded a day later, as a busy shop would have). Every metric times the service calls
the journal screen makes (the screen runs them in the task pool), in milliseconds:

- ``journal_open_ms``: F1 at the till: the open shift's first page as a cashier, and the newest
  receipt of it loaded for the preview (the goal: well under a second);
- ``journal_today_ms``, ``journal_all_dates_ms``: a supervisor's first page of today / of the
  whole history as a date range;
- ``journal_deep_page_ms``: the 40th page of the whole history (the cursor of the 39th given);
- ``journal_find_number_ms``, ``journal_find_amount_ms``, ``journal_find_time_ms``,
  ``journal_find_cashier_ms``: a search over the whole history by receipt number, by amount,
  by time of day, by part of a cashier's name.

Run by run_all.py (``--only journal``) on the dataset, or alone:
    python bench_journal.py DATA_DIR
"""

from __future__ import annotations

import random
import sqlite3
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_services import summary, timed
from dataset import till_sizes
from metric_line import line, machine_load

from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, Till, open_till
from forsell.services.auth import EmployeeView
from forsell.services.journal import JournalPeriod, JournalQuery, ReceiptJournal

Metric = dict
RUNS = 30
REFUND_EVERY = 100  # one sale in a hundred gets a refund


def add_refunds(data_dir: Path, seed: int = 11) -> int:
    """Refunds of the first line of every hundredth sale, a day after it (not timed)."""
    rng = random.Random(seed)
    db = sqlite3.connect(data_dir / DB_NAME)
    try:
        db.execute("DELETE FROM refund_lines")
        db.execute("DELETE FROM refunds")
        rows = db.execute(
            "SELECT s.id, s.shift_id, s.employee_id, s.created_at, l.id, l.qty_milli, l.net"
            " FROM sales s JOIN sale_lines l ON l.sale_id = s.id AND l.line_no = 1"
            f" WHERE s.receipt_no % {REFUND_EVERY} = 0 ORDER BY s.created_at"
        ).fetchall()
        refunds, lines = [], []
        for n, (sale_id, shift_id, who, at, line_id, qty, net) in enumerate(rows, 1):
            when = datetime.fromisoformat(at) + timedelta(days=1, minutes=rng.randint(0, 600))
            refund_id = str(uuid.uuid4())
            stored = when.strftime("%Y-%m-%d %H:%M:%S.%f")
            refunds.append((refund_id, sale_id, shift_id, who, who, stored, "cash", net, "", n))
            lines.append((str(uuid.uuid4()), refund_id, line_id, qty, net))
        db.executemany(
            "INSERT INTO refunds (id, sale_id, shift_id, employee_id, approved_by, created_at,"
            " method, total, reason, receipt_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            refunds,
        )
        db.executemany(
            "INSERT INTO refund_lines (id, refund_id, sale_line_id, qty_milli, amount)"
            " VALUES (?, ?, ?, ?, ?)",
            lines,
        )
        db.commit()
        return len(refunds)
    finally:
        db.close()


def _who(till: Till, role: Role) -> EmployeeView:
    return next(e for e in till.staff.staff() if e.role is role)


def run_journal(data_dir: Path, log: Callable[[str], None] = print) -> list[Metric]:
    """Every journal metric on ``data_dir`` (a working copy: refunds are added to it)."""
    refunds = add_refunds(data_dir)
    log(f"journal: {refunds} refunds added")
    sizes = {**till_sizes(data_dir), "refunds": refunds}
    till = open_till(data_dir, seed_demo=True)
    journal = ReceiptJournal(till.ctx)
    cashier, boss = _who(till, Role.CASHIER), _who(till, Role.SUPERVISOR)
    try:
        with till.ctx.db.read() as session:  # the history's first day, store-local
            first_sale = session.execute(text("SELECT min(created_at) FROM sales")).scalar_one()
        first_at = datetime.fromisoformat(str(first_sale)).replace(tzinfo=UTC)
        first_day = first_at.astimezone(till.ctx.timezone).date()
        today = till.ctx.clock().astimezone(till.ctx.timezone).date()
        everything = JournalQuery(JournalPeriod.DATES, first_day, today)
        newest = journal.page(boss, everything).entries[0]
        some_cashier = newest.cashier_name.split()[0]

        def opening() -> None:
            page = journal.page(cashier, JournalQuery())
            journal.receipt(cashier, page.entries[0].kind, page.entries[0].id)

        cursor = None
        for _ in range(39):
            cursor = journal.page(boss, everything, cursor).more
        deep = cursor
        cases: list[tuple[str, Callable[[], object], float, str]] = [
            ("journal_open_ms", opening, 300, "cashier's open shift, first page + preview"),
            (
                "journal_today_ms",
                lambda: journal.page(boss, JournalQuery(JournalPeriod.TODAY)),
                300,
                "supervisor, today",
            ),
            (
                "journal_all_dates_ms",
                lambda: journal.page(boss, everything),
                300,
                f"supervisor, {first_day}..{today}",
            ),
            (
                "journal_deep_page_ms",
                lambda: journal.page(boss, everything, deep),
                300,
                "40th page of the whole history",
            ),
            (
                "journal_find_number_ms",
                lambda: journal.page(
                    boss, JournalQuery(everything.period, first_day, today, "1234")
                ),
                500,
                "receipt number 1234 (or 1 234 ₸) over the whole history",
            ),
            (
                "journal_find_amount_ms",
                lambda: journal.page(
                    boss, JournalQuery(everything.period, first_day, today, "1 234,50")
                ),
                2000,
                "an amount over the whole history (no index: a scan of the period)",
            ),
            (
                "journal_find_time_ms",
                lambda: journal.page(
                    boss, JournalQuery(everything.period, first_day, today, "14:05")
                ),
                2000,
                "a minute of each day of the history",
            ),
            (
                "journal_find_cashier_ms",
                lambda: journal.page(
                    boss, JournalQuery(everything.period, first_day, today, some_cashier)
                ),
                500,
                f"cashier '{some_cashier}' over the whole history",
            ),
        ]
        metrics = []
        for name, call, goal, what in cases:
            started = machine_load()
            samples = [timed(call) for _ in range(RUNS)]
            stats = summary(samples)
            metrics.append(
                line(
                    name,
                    stats["p50"],
                    "ms",
                    goal,
                    dataset=sizes,
                    load_start=started,
                    timed=what,
                    first=round(samples[0], 3),
                    **stats,
                )
            )
            log(f"{name}: p50 {stats['p50']} ms, p99 {stats['p99']} ms")
        return metrics
    finally:
        till.close()


if __name__ == "__main__":
    import json

    for metric in run_journal(Path(sys.argv[1]), log=lambda t: print(t, file=sys.stderr)):
        print(json.dumps(metric, ensure_ascii=False), flush=True)
