"""Helpers for the fiscal tests: a till database with Kassa24 turned on, operations, the FAKE."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx

from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.store.db import Database, open_database
from forsell.store.fiscal_queue import register_operation
from forsell.store.models import Setting
from forsell.sync.cash_registers.kassa24 import Kassa24Client
from forsell.sync.fiscal_lane import FiscalLane

REGISTER_KEY = f"kassa24:{DEFAULT_REGISTER}"


def fiscal_database(tmp_path: Path, name: str = "cashier.sqlite") -> Database:
    db = open_database(tmp_path / name, tmp_path / "backups")
    with db.write() as session:
        session.merge(Setting(key="cashregister.provider", value="kassa24"))
        session.merge(Setting(key="cashregister.id", value=DEFAULT_REGISTER))
    return db


def sale_payload(total: int) -> dict:
    return {
        "receipt_no": 1,
        "lines": [
            {
                "name": "Латте",
                "qty_milli": 1000,
                "unit_price": total,
                "discount": 0,
                "net": total,
                "vat_bp": 1200,
            }
        ],
        "total": total,
        "cash": total,
        "card": 0,
    }


def add_operations(
    db: Database, start: datetime, count: int, step_s: float = 1.0, kinds: tuple = ("sale",)
) -> list[str]:
    """``count`` operations rung up ``step_s`` apart from ``start``; returns their ids."""
    ids = []
    with db.write() as session:
        for i in range(count):
            kind = kinds[i % len(kinds)]
            total = 100_00 + i
            payload = sale_payload(total) if kind in ("sale", "refund") else {"total": total}
            ids.append(
                register_operation(
                    session,
                    kind,
                    f"e{i:05d}",
                    start + timedelta(seconds=i * step_s),
                    total,
                    payload,
                )
            )
    return ids


class FakeCashRegister:
    """The FAKE service on loopback and a lane talking to it (one httpx client per use)."""

    def __init__(self, fake: FakeKassa24 | None = None) -> None:
        self.fake = fake or FakeKassa24()
        self.server = FakeServer(self.fake, name="kassa24")

    def __enter__(self) -> FakeCashRegister:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    def lane(
        self, db: Database, http: httpx.AsyncClient, clock=None, token: str = DEFAULT_TOKEN
    ) -> FiscalLane:
        client = Kassa24Client(http, token, self.server.url)
        kwargs = {"clock": clock} if clock else {}
        return FiscalLane(db, REGISTER_KEY, client, **kwargs)


def http_client(timeout: float = 5.0) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=httpx.Timeout(timeout))


def iter_states(db: Database) -> Iterator[tuple[str, str]]:
    from sqlalchemy import select

    from forsell.store.models import FiscalOperation

    with db.read() as session:
        yield from session.execute(
            select(FiscalOperation.id, FiscalOperation.state).order_by(FiscalOperation.seq)
        ).all()
