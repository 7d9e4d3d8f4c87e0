"""Service benchmarks on the big till: barcode lookup, search, sale commit, X and Z reports.

Every metric line carries the till's sizes (``dataset.till_sizes``: products, sale lines, sales,
shifts, database MB) and the machine load from when its bench started (``metric_line``).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dataset import till_sizes
from metric_line import line, machine_load

from forsell.domain.barcode import ean13_check_digit
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.domain.shift import DENOMINATIONS
from forsell.services.app import Till, open_till

Metric = dict


class Sizes:
    """The till's sizes and the load when the current bench started, for its metric lines."""

    def __init__(self, data_dir: Path) -> None:
        self.dataset = till_sizes(data_dir)
        self.load_start = machine_load()

    def started(self) -> None:
        self.load_start = machine_load()


#: Set by run_services / run_z_report for the benches below.
_sizes: Sizes | None = None


def metric(name: str, value: float, goal: float | None, **detail) -> Metric:
    assert _sizes is not None, "run through run_services or run_z_report"
    return line(
        name,
        round(value, 3),
        "ms",
        goal,
        dataset=_sizes.dataset,
        load_start=_sizes.load_start,
        **detail,
    )


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: the value p % of the samples are at or below."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> dict:
    return {
        "n": len(samples),
        "p50": round(percentile(samples, 50), 3),
        "p90": round(percentile(samples, 90), 3),
        "p99": round(percentile(samples, 99), 3),
        "max": round(max(samples), 3),
        "mean": round(statistics.fmean(samples), 3),
    }


def pair(
    name: str, samples: list[float], goal_p50: float | None, goal_p99: float | None, **detail
) -> list[Metric]:
    s = summary(samples)
    return [
        metric(f"{name}_p50", s["p50"], goal_p50, n=s["n"], **detail),
        metric(f"{name}_p99", s["p99"], goal_p99, **s, **detail),
    ]


# --- samples from the database ---------------------------------------------------------------


def _sample(till: Till, sql: str, n: int, rng: random.Random) -> list[tuple]:
    with till.ctx.db.read() as session:
        rows = session.execute(text(sql)).all()
    return rng.sample(rows, min(n, len(rows)))


def unknown_barcodes(rng: random.Random, n: int) -> list[str]:
    # "200…" is the in-store range the generator never uses, so these are certainly unknown
    body = [f"200{rng.randrange(10**9):09d}" for _ in range(n)]
    return [b + str(ean13_check_digit(b)) for b in body]


# --- benches ---------------------------------------------------------------------------------


def bench_barcode(till: Till, rng: random.Random, calls: int = 2000) -> list[Metric]:
    known = [
        r[0]
        for r in _sample(till, "SELECT barcode FROM products WHERE barcode IS NOT NULL", calls, rng)
    ]
    unknown = unknown_barcodes(rng, calls // 10)
    codes = known + unknown
    rng.shuffle(codes)
    for code in codes[:200]:  # warm-up: statement cache, page cache
        till.catalog.by_barcode(code)
    samples = [timed(lambda c=c: till.catalog.by_barcode(c)) for c in codes]
    found = sum(1 for c in known[:50] if till.catalog.by_barcode(c) is not None)
    assert found == min(50, len(known)), "generated barcodes must be found"
    return pair(
        "barcode_lookup", samples, None, None, unknown_share=round(len(unknown) / len(codes), 2)
    )


def search_queries(till: Till, rng: random.Random, names: int = 160) -> list[str]:
    """What a cashier types: prefixes (1..8 letters) of product names, then words from inside."""
    rows = _sample(till, "SELECT name_ru, name_kk, name_en FROM products", names * 2, rng)
    queries: list[str] = []
    for row in rows[:names]:
        name = row[rng.randrange(3)]
        queries.extend(name[:k] for k in range(1, 9) if name[:k].strip())
    for row in rows[names:]:
        words = [w for w in row[rng.randrange(3)].split() if len(w) >= 3]
        word = rng.choice(words) if words else row[0]
        start = rng.randrange(max(1, len(word) - 2))
        queries.append(word[start : start + rng.randint(3, 6)])
    return queries


def bench_search(till: Till, rng: random.Random) -> list[Metric]:
    queries = search_queries(till, rng)
    for q in queries[:100]:
        till.catalog.search(q)
    samples = [timed(lambda q=q: till.catalog.search(q)) for q in queries]
    # 1–2 letters use the FTS5 word-prefix index, 3+ the FTS5 trigram index: show both
    by_length: dict[str, list[float]] = {}
    for q, ms in zip(queries, samples, strict=True):
        n = len(q.strip())
        by_length.setdefault(
            "1" if n == 1 else "2" if n == 2 else "3" if n == 3 else "4-8", []
        ).append(ms)
    p99_by_length = {k: round(percentile(v, 99), 3) for k, v in sorted(by_length.items())}
    return pair("search", samples, None, 30, p99_by_query_length=p99_by_length)


def _login(till: Till, role: Role, pin: str):
    employee = next(e for e in till.staff.staff() if e.role is role)
    return till.staff.login(employee.id, pin)


def bench_sale_commit(
    till: Till, rng: random.Random, sales: int = 300, warmup: int = 20
) -> list[Metric]:
    cashier = _login(till, Role.CASHIER, "1111")
    if till.shifts.current() is None:
        till.shifts.open(cashier, 2_000_000)
    codes = [
        r[0]
        for r in _sample(
            till, "SELECT barcode FROM products WHERE barcode IS NOT NULL AND active", 5000, rng
        )
    ]
    products = [till.catalog.by_barcode(c) for c in codes]
    till_session = till.sale_for(cashier)
    samples = []
    for i in range(warmup + sales):
        for p in rng.sample(products, rng.randint(3, 6)):
            till_session.add(p, 1000 * rng.choice((1, 1, 1, 2)))
        total = till_session.view().total
        payment = (
            Payment(card=total, card_reference="123456789012")
            if i % 2
            else Payment(cash_tendered=-(-total // 100_000) * 100_000)
        )
        ms = timed(lambda payment=payment: till_session.pay(payment))
        if i >= warmup:
            samples.append(ms)
    return pair("sale_commit", samples, None, 15, cart_lines="3-6")


def bench_x_report(till: Till, runs: int = 50) -> list[Metric]:
    samples = [timed(till.shifts.x_report) for _ in range(runs)]
    report = till.shifts.x_report()
    return [
        metric(
            "x_report_ms",
            statistics.median(samples),
            200,
            first=round(samples[0], 3),
            **summary(samples),
            shift_sales=report.sales_count,
        )
    ]


def _drawer_counts(expected: int) -> tuple[dict[int, int], int]:
    """The drawer counted in notes and coins; what is left is the tiyn no coin holds."""
    counts, left = {}, expected
    for d in DENOMINATIONS:
        counts[d], left = divmod(left, d)
    return counts, left


def _reopen_with_same_sales(till: Till, cashier, closed_id: str) -> None:
    """Not timed: opens the next shift (through the service, as a cashier does) and moves the
    closed shift's sales, refunds and cash movements into it, so every close adds up the same
    day's trade on the same big database."""
    opened = till.shifts.open(cashier, 2_000_000)
    with till.ctx.db.write() as session:
        for table in ("sales", "refunds", "cash_movements"):
            session.execute(
                text(f"UPDATE {table} SET shift_id = :new WHERE shift_id = :old"),
                {"new": opened.id, "old": closed_id},
            )


def bench_z_report(till: Till, closes: int = 200) -> list[Metric]:
    """Closing the shift with its Z report (F10: drawer total, the close written with its outbox
    and audit rows, the report's sums over the shift's sales), ``closes`` times. A shift closes
    only once, so between closes the next shift is opened and the same sales moved into it."""
    supervisor = _login(till, Role.SUPERVISOR, "5000")
    cashier = _login(till, Role.CASHIER, "1111")
    samples: list[float] = []
    z_numbers: list[int] = []
    sales = till.shifts.x_report().sales_count
    closed_id = ""
    for i in range(closes):
        if i:
            _reopen_with_same_sales(till, cashier, closed_id)
        counts, left = _drawer_counts(till.shifts.expected_cash())
        started = time.perf_counter()
        z = till.shifts.close(supervisor, counts)
        samples.append((time.perf_counter() - started) * 1000)
        # the drawer holds whole tenge: tiyn from weighed goods show as a shortfall a supervisor
        # may close with
        assert z.z_number is not None and z.difference == -left, (z.counted_cash, z.expected_cash)
        assert z.sales_count == sales, (z.sales_count, sales)
        closed_id = z.shift_id
        z_numbers.append(z.z_number)
    return pair(
        "z_report",
        samples,
        None,
        200,
        first=round(samples[0], 3),
        shift_sales=sales,
        z_numbers=f"{z_numbers[0]}..{z_numbers[-1]}",
    )


def run_services(data_dir: Path, seed: int = 7, log=print) -> Iterator[Metric]:
    """All service benches on ``data_dir`` (a working copy: it sells and closes the shift)."""
    global _sizes
    _sizes = Sizes(data_dir)
    rng = random.Random(seed)
    started = time.perf_counter()
    till = open_till(data_dir, seed_demo=True)
    open_ms = (time.perf_counter() - started) * 1000
    log(f"open_till on the working copy: {open_ms:.0f} ms")
    try:
        for name, bench in (
            ("barcode", lambda: bench_barcode(till, rng)),
            ("search", lambda: bench_search(till, rng)),
            ("sale commit", lambda: bench_sale_commit(till, rng)),
            ("x report", lambda: bench_x_report(till)),
        ):
            log(f"bench: {name} ...")
            _sizes.started()
            yield from bench()
    finally:
        till.close()


def run_z_report(data_dir: Path, closes: int = 200, log=print) -> list[Metric]:
    global _sizes
    _sizes = Sizes(data_dir)
    till = open_till(data_dir, seed_demo=True)
    try:
        log(f"bench: z report ({closes} closes) ...")
        return bench_z_report(till, closes)
    finally:
        till.close()
