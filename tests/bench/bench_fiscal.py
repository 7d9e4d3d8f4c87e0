"""Fiscal receipts: how soon a paid sale shows its fiscal attributes, and how fast a backlog of
operations saved while offline drains once the cash register answers.

Against the FAKE Kassa24 on loopback (``forsell.fakes.fake_kassa24``) with a fixed latency on
every operation, as a real service over the internet would add. Measures

- ``fiscal_payment_to_attributes_p50`` / ``_p99``: from ``TillService.pay`` returning (the
  sale committed with its fiscal job) until the receipt's fiscal status is "registered" with
  its fiscal sign, the lane running in its own thread as in the app, ms;
- ``fiscal_backlog_drain_rate``: a backlog of operations registered in order, one request at
  a time (the register's order forbids parallel sends), operations per second;
- ``fiscal_chaos_registered_once``: the chaos run (every fault, a token expiry, two restarts)
  at ``--chaos`` operations: 1 when each was registered exactly once, in order, with its time.
- ``fiscal_autonomous_age_p50`` / ``_p99``: the age of the oldest unregistered operation (what
  every payment checks against the 72-hour limit and the till's band reads once a minute and
  after each payment) in a till with ``--history`` registered operations and a few waiting, ms.

Run by run_all.py in its own process:  python bench_fiscal.py --sales 100 --backlog 1000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import metric_line

from forsell.domain.payment import Payment
from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.services.app import open_till
from forsell.services.fiscal import receipt_fiscal_status
from forsell.store.db import Database
from forsell.sync.cash_registers.kassa24 import Kassa24Client
from forsell.sync.fiscal_sync import FiscalSync
from sync.fiscal.chaos import run_chaos
from sync.fiscal.fiscal_fixtures import REGISTER_KEY, add_operations, fiscal_database

LATENCY_S = 0.150


def _fake(latency_s: float) -> tuple[FakeKassa24, FakeServer]:
    fake = FakeKassa24()
    fake.faults.set([{"kind": "latency", "route": "POST /kkms/*", "latency_s": latency_s}])
    return fake, FakeServer(fake, name="kassa24").start()


def _lane(db: Database, url: str) -> FiscalSync:
    def make_client(http):
        return REGISTER_KEY, Kassa24Client(http, DEFAULT_TOKEN, url)

    sync = FiscalSync(db, make_client)
    sync.start()
    return sync


def bench_payment(sales: int, folder: Path) -> None:
    started = metric_line.machine_load()
    _, server = _fake(LATENCY_S)
    till = open_till(folder / "till")
    try:
        with till.ctx.db.write() as session:
            from forsell.store.models import Setting

            session.merge(Setting(key="cashregister.provider", value="kassa24"))
            session.merge(Setting(key="cashregister.id", value=DEFAULT_REGISTER))
        cashier = next(e for e in till.staff.staff() if e.role.value == "cashier")
        till.shifts.open(cashier, 0)
        product = till.catalog.search("Капучино")[0]
        lane = _lane(till.ctx.db, server.url)
        samples = []
        try:
            for _ in range(sales):
                sale = till.sale_for(cashier)
                sale.add(product)
                receipt = sale.pay(Payment(cash_tendered=10_000_00))
                paid = time.perf_counter()
                while True:
                    status = receipt_fiscal_status(till.ctx, receipt.sale_id)
                    if status is not None and status.state == "registered":
                        break
                    time.sleep(0.002)
                samples.append((time.perf_counter() - paid) * 1000)
        finally:
            lane.stop()
    finally:
        till.close()
        server.stop()
    samples.sort()
    dataset = {"sales": sales, "fake_latency_ms": int(LATENCY_S * 1000)}
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    for name, value in (("p50", statistics.median(samples)), ("p99", p99)):
        metric_line.emit(
            f"fiscal_payment_to_attributes_{name}",
            round(value, 1),
            "ms",
            2000,
            dataset=dataset,
            load_start=started,
            n=len(samples),
            timed="pay() returned → receipt status registered (lane thread, FAKE over loopback)",
        )


def bench_backlog(count: int, folder: Path) -> None:
    started = metric_line.machine_load()
    db = fiscal_database(folder)
    add_operations(db, datetime.now(UTC), count, step_s=0.01)
    fake, server = _fake(0.0)
    try:
        begin = time.perf_counter()
        lane = _lane(db, server.url)
        try:
            while len(fake.registered()) < count:
                time.sleep(0.01)
        finally:
            lane.stop()
        seconds = time.perf_counter() - begin
    finally:
        server.stop()
    metric_line.emit(
        "fiscal_backlog_drain_rate",
        round(count / seconds, 1),
        "ops/s",
        20,
        dataset={"operations": count},
        load_start=started,
        seconds=round(seconds, 2),
        timed="a backlog sent late (autonomous: ReceiptDate and AFP), one request at a time",
    )


def bench_chaos(count: int, folder: Path) -> None:
    started = metric_line.machine_load()
    result = run_chaos(folder, count, timeout=1800)
    metric_line.emit(
        "fiscal_chaos_registered_once",
        1,
        "bool",
        1,
        dataset={"operations": result.operations},
        load_start=started,
        seconds=round(result.seconds, 1),
        replays=result.replays,
        faults=result.faults,
    )


def bench_autonomous_age(count: int, folder: Path) -> None:
    from datetime import timedelta

    from sqlalchemy import insert

    from forsell.store.models import FiscalOperation, new_id
    from forsell.sync.fiscal_lane import autonomous_age

    started = metric_line.machine_load()
    db = fiscal_database(folder)
    first = datetime.now(UTC) - timedelta(days=365)
    rows = [
        {
            "id": new_id(),
            "register_key": REGISTER_KEY,
            "seq": i + 1,
            "kind": "sale",
            "entity_id": f"e{i:07d}",
            "occurred_at": first + timedelta(seconds=i * 300),
            "amount": 100_00,
            "state": "registered",
            "autonomous": False,
        }
        for i in range(count)
    ]
    with db.write() as session:
        session.execute(insert(FiscalOperation), rows)
    add_operations(db, datetime.now(UTC), 5)  # waiting at the end of the line
    samples = []
    for _ in range(200):
        begin = time.perf_counter()
        autonomous_age(db, datetime.now(UTC))
        samples.append((time.perf_counter() - begin) * 1000)
    samples.sort()
    for name, value in (("p50", statistics.median(samples)), ("p99", samples[197])):
        metric_line.emit(
            f"fiscal_autonomous_age_{name}",
            round(value, 2),
            "ms",
            20,
            dataset={"fiscal_operations": count + 5},
            load_start=started,
            n=len(samples),
            timed="autonomous_age(): min(occurred_at) of the operations not yet registered",
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sales", type=int, default=100)
    p.add_argument("--backlog", type=int, default=1000)
    p.add_argument("--chaos", type=int, default=1000)
    p.add_argument("--history", type=int, default=100_000)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, run, n in (
            ("pay", bench_payment, args.sales),
            ("backlog", bench_backlog, args.backlog),
            ("chaos", bench_chaos, args.chaos),
            ("age", bench_autonomous_age, args.history),
        ):
            if n > 0:
                (root / name).mkdir()
                run(n, root / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
