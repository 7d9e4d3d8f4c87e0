"""The audit trail at a million entries: the chain check, appending, the audit screen's pages,
and the retention purge of half of it.

A fresh database with ``--entries`` sealed entries (written straight into SQLite with their
chain, as years of a busy till would leave them; one employee in a hundred is "rare"). The key
is a fixed test key handed to the database's hooks (no secret store needed). Measures

- ``audit_verify``: ``audit.verify`` over the whole trail (what ``audit verify`` and ``doctor``
  run), seconds;
- ``audit_record_p99``: one ``audit.record`` in its own write transaction at the end of the
  trail (what every login, refund, … adds to its transaction), ms;
- ``audit_page_*``: ``AuditTrail.page`` (the audit screen, in the task pool): the newest page,
  a page deep in the trail (keyset), a page for a rare employee, a page for a date range, ms;
- ``audit_purge_half``: ``audit.purge_before`` removing the older half under its checkpoint, s.

Run by run_all.py in its own process:  python bench_audit.py --entries 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from forsell.domain.roles import Role
from forsell.services.audit_trail import AuditFilter, AuditTrail
from forsell.services.auth import EmployeeView
from forsell.services.context import TillContext
from forsell.store import audit
from forsell.store.db import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric_line import emit, machine_load

KEY = bytes(range(32))
DEVICE = "01930000-0000-7000-8000-00000000d001"
ACTIONS = ("login", "refund", "shift_opened", "price_override", "recording_played")


def _fill(path: Path, entries: int, start: datetime) -> None:
    """``entries`` sealed entries, one every 30 s from ``start``, written in one transaction."""
    conn = sqlite3.connect(path)
    prev = ""
    rows = []
    for seq in range(1, entries + 1):
        at = start + timedelta(seconds=30 * seq)
        who = "rare" if seq % 100 == 0 else f"emp-{seq % 7}"
        action = ACTIONS[seq % len(ACTIONS)]
        details = {"n": seq}
        entry_id = f"{seq:036d}"
        fields = audit.canonical(seq, entry_id, at, DEVICE, who, action, details)
        seal = hmac.new(KEY, prev.encode() + b"\n" + fields, hashlib.sha256).hexdigest()
        stored = at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows.append((entry_id, stored, DEVICE, who, action, json.dumps(details), seq, prev, seal))
        prev = seal
        if len(rows) == 50_000:
            conn.executemany("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    conn.executemany("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--entries", type=int, default=1_000_000)
    args = p.parse_args()
    started = machine_load()
    dataset = {"audit_entries": args.entries}
    first = datetime(2021, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        path = data / "cashier.sqlite"
        open_database(path, data / "backups").dispose()
        conn = sqlite3.connect(path)
        columns = [r[1] for r in conn.execute("PRAGMA table_info(audit)")]
        conn.close()
        assert columns == [
            "id",
            "at",
            "device_id",
            "employee_id",
            "action",
            "details",
            "seq",
            "prev_hash",
            "hash",
        ], columns
        t = time.perf_counter()
        _fill(path, args.entries, first)
        print(f"filled in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        db = open_database(path, data / "backups")
        ctx = TillContext(db, data)
        db.audit.key = lambda _session: KEY  # the secret store's key, handed in
        try:
            t = time.perf_counter()
            with db.read() as session:
                report = audit.verify(session, KEY)
            took = time.perf_counter() - t
            assert report.intact and report.entries == args.entries, report
            emit(
                "audit_verify",
                round(took, 2),
                "s",
                60,  # doctor and `audit verify`, not the till's start
                dataset=dataset,
                load_start=started,
                per_entry_us=round(took / args.entries * 1e6, 2),
                timed="audit.verify over the whole trail (read session, every seal checked)",
            )
            appends = []
            for i in range(200):
                t = time.perf_counter()
                with db.write() as session:
                    audit.record(session, DEVICE, "login", "emp-1", attempt=i)
                appends.append((time.perf_counter() - t) * 1000)
            emit(
                "audit_record_p99",
                round(sorted(appends)[int(0.99 * len(appends))], 2),
                "ms",
                20,
                dataset=dataset,
                load_start=started,
                n=len(appends),
                median_ms=round(statistics.median(appends), 2),
                timed="audit.record in its own write transaction at the end of the trail",
            )
            trail = AuditTrail(ctx)
            boss = EmployeeView("boss", "Bench", Role.SUPERVISOR, "ru")
            middle = first + timedelta(seconds=30 * args.entries // 2)
            pages = {
                "newest": (AuditFilter(), None),
                "deep": (AuditFilter(), args.entries // 2),
                "rare_employee": (AuditFilter(employee_id="rare"), None),
                "action_deep": (AuditFilter(action="refund"), args.entries // 3),
                "one_day": (AuditFilter(since=middle.date(), until=middle.date()), None),
            }
            for name, (flt, before) in pages.items():
                times = []
                for _ in range(5):
                    t = time.perf_counter()
                    page = trail.page(boss, flt, before)
                    times.append((time.perf_counter() - t) * 1000)
                assert page.lines, name
                emit(
                    f"audit_page_{name}_median",
                    round(statistics.median(times), 1),
                    "ms",
                    500,  # in the task pool; the screen shows "loading" meanwhile
                    dataset=dataset,
                    load_start=started,
                    n=len(times),
                    max_ms=round(max(times), 1),
                    timed=f"AuditTrail.page, 100 entries, {name}",
                )
            t = time.perf_counter()
            with db.write() as session:
                removed = audit.purge_before(session, KEY, DEVICE, middle)
            took = time.perf_counter() - t
            emit(
                "audit_purge_half",
                round(took, 2),
                "s",
                120,
                dataset=dataset,
                load_start=started,
                removed=removed,
                timed="audit.purge_before removing the older half, with its checkpoint",
            )
            with db.read() as session:
                assert audit.verify(session, KEY).intact
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
