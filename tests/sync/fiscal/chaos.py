"""The fiscal chaos run, shared by the CI test (200 operations) and the benchmark (1,000).

Operations are committed while the lane runs against the FAKE Kassa24 with every fault on
(latency, 5xx, resets, timeouts, "registered, then the answer dropped"), the token expires once
and is renewed, and the lane's thread is stopped and started again twice. At the end every
operation must be registered exactly once, in the register's order, with its original time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.store.models import FiscalOperation
from forsell.sync import backoff
from forsell.sync import fiscal_sync as fs
from forsell.sync.cash_registers.kassa24 import Kassa24Client

from .fiscal_fixtures import REGISTER_KEY, add_operations, fiscal_database

FAULTS = [
    {"kind": "latency", "route": "POST /kkms/*", "probability": 0.5, "latency_s": 0.005},
    {"kind": "error", "route": "POST /kkms/*", "probability": 0.08, "status": 503},
    {"kind": "error", "route": "POST /kkms/*", "probability": 0.04, "status": 500},
    {"kind": "reset", "route": "POST /kkms/*", "probability": 0.04},
    {"kind": "commit_then_drop", "route": "POST /kkms/*", "probability": 0.08},
    {"kind": "timeout", "route": "POST /kkms/*", "probability": 0.01, "hang_s": 0.6},
]
FAST = backoff.RetryPolicy(base_s=0.005, cap_s=0.05)


@dataclass(frozen=True)
class ChaosResult:
    operations: int
    registered: int
    seconds: float
    replays: int
    faults: dict[str, int]


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def run_chaos(tmp_path: Path, count: int, seed: int = 7, timeout: float = 120.0) -> ChaosResult:
    db = fiscal_database(tmp_path)
    fake = FakeKassa24(seed=seed)
    fake.faults.set(FAULTS, seed)
    server = FakeServer(fake, name="kassa24").start()
    http_timeout = httpx.Timeout(connect=1.0, read=0.3, write=1.0, pool=1.0)

    def make_client(http: httpx.AsyncClient):
        return REGISTER_KEY, Kassa24Client(http, DEFAULT_TOKEN, server.url)

    def lane() -> fs.FiscalSync:
        sync = fs.FiscalSync(
            db, make_client, idle_poll_s=0.05, retry_poll_s=0.2, timeout=http_timeout,
            policy=FAST,
        )  # fmt: skip
        sync.start()
        return sync

    started = time.perf_counter()
    batch = max(count // 5, 1)
    ids: list[str] = []
    sync = lane()
    try:
        for part in range(5):
            ids += add_operations(db, datetime.now(UTC), batch, step_s=0.001)[: count - len(ids)]
            if part == 1:  # the token expires; the admin enters a new one
                fake.expire_token()
                wait_for(
                    lambda lane=sync: lane.status().state == fs.AUTH_FAILED,
                    30,
                    "the token refused",
                )
                fake.issue_token(DEFAULT_TOKEN)
                sync.nudge()
            if part in (2, 3):  # the till restarts
                sync.stop()
                sync = lane()
        wait_for(lambda: len(fake.registered()) >= len(ids), timeout, "every operation")
        wait_for(lambda: _all_registered(db), 10, "the till to store every answer")
    finally:
        sync.stop()
        server.stop()
    seconds = time.perf_counter() - started
    _check(db, fake, ids)
    stats = fake.stats()
    return ChaosResult(len(ids), len(fake.registered()), seconds, stats["replays"],
                       fake.faults.fired())  # fmt: skip


def _all_registered(db) -> bool:
    with db.read() as session:
        return all(s == "registered" for s in session.scalars(select(FiscalOperation.state)))


def _check(db, fake: FakeKassa24, ids: list[str]) -> None:
    registered = fake.registered(DEFAULT_REGISTER)
    uids = [r.uid for r in registered]
    assert len(uids) == len(set(uids)), "an operation was registered twice"
    with db.read() as session:
        ops = session.scalars(select(FiscalOperation).order_by(FiscalOperation.seq)).all()
        expected = [(o.id, o.occurred_at.replace(microsecond=0), o.fiscal_sign) for o in ops]
    assert uids == [e[0] for e in expected] == ids, "not registered in the register's order"
    assert [r.receipt_date for r in registered] == [e[1] for e in expected], "time not kept"
    assert [r.fiscal_sign for r in registered] == [e[2] for e in expected]
