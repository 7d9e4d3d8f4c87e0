"""The pull lane of the engine against the FAKE backend on loopback, on a real SQLite file.

Pages are applied by the real ``services.pulls.PullApplier`` on a real till context (the engine
gets it as a callback, as ``services/sync.py`` wires it). Timings are shrunk through EngineConfig.
"""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.server import FakeServer
from forsell.services.context import TillContext
from forsell.services.pulls import PullApplier
from forsell.store.models import Product, SyncState
from forsell.sync.engine import SyncEngine
from forsell.sync.lanes import AUTH_FAILED, OFFLINE
from forsell.sync.pull_lane import IDLE, WAITING, cursor_key

from .sync_fixtures import MemoryTokens, database, wait_until
from .test_engine import DEVICE, FAST


def product(sku: str, price: int = 50_000, **extra) -> dict:
    return {
        "sku": sku,
        "name_ru": f"Товар {sku}",
        "price": price,
        "vat_bp": 1600,
        "active": True,
        **extra,
    }


class Counting(httpx.AsyncBaseTransport):
    """The real HTTP transport, counting the paths it was asked for (offline: connect fails)."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def count(self, prefix: str) -> int:
        return sum(p.startswith(prefix) for p in list(self.paths))


@pytest.fixture
def ctx(tmp_path: Path):
    db = database(tmp_path)
    yield TillContext(db, tmp_path)
    db.dispose()


@pytest.fixture
def backend():
    fake = FakeBackend(page_size=2, demo_items=False)
    with FakeServer(fake) as server:
        fake.url = server.url
        yield fake
    fake.close()


def engine(ctx, url: str, tokens: MemoryTokens, **kw) -> SyncEngine:
    return SyncEngine(
        ctx.db,
        backend_url=url,
        device=DEVICE,
        tokens=tokens,
        config=FAST,
        pull=PullApplier(ctx).apply,
        **kw,
    )


def products(ctx) -> dict[str, tuple[int, bool]]:
    with ctx.db.read() as session:
        return {p.sku: (p.price, p.active) for p in session.scalars(select(Product))}


def test_pages_while_more_then_the_cursor_survives_a_restart(ctx, backend) -> None:
    backend.put_items("catalog", [product(f"P-{i}") for i in range(5)])
    tokens = MemoryTokens(backend.register_device(DEVICE.device_id))
    status = engine(ctx, backend.url, tokens).run_once(20)
    assert status.pull.applied == 5 and status.pull.pages >= 3  # page size 2: 2 + 2 + 1
    assert status.pull.state == IDLE and status.pull.last_error_key is None
    pulled = {"catalog", "staff", "settings", "scorecards", "policy"}
    assert set(status.pull.last_success_at) == pulled
    assert products(ctx) == {f"P-{i}": (50_000, True) for i in range(5)}
    with ctx.db.read() as session:
        assert session.get(SyncState, cursor_key("catalog")).value
    # a restart: a new engine on the same file asks only for what changed since the cursor
    again = engine(ctx, backend.url, tokens).run_once(20)
    assert again.pull.applied == 0 and again.pull.state == IDLE
    backend.put_items("catalog", [product("P-1", 65_000), {"sku": "P-2", "active": False}])
    third = engine(ctx, backend.url, tokens).run_once(20)
    assert third.pull.applied == 2
    assert products(ctx)["P-1"] == (65_000, True) and products(ctx)["P-2"] == (50_000, False)
    # the pulls were audited, and the audit rows went out in the same runs
    audits = [e for e in backend.events(kind="audit") if e["payload"]["action"] == "backend_pull"]
    assert [a["payload"]["details"]["applied"] for a in audits] == [2, 2, 1, 2]


def test_a_refused_token_during_a_pull_stops_the_backend_like_a_refused_batch(ctx, backend) -> None:
    backend.put_items("catalog", [product("P-1")])
    status = engine(ctx, backend.url, MemoryTokens("fbt_not-a-token")).run_once(10)
    assert status.business.state == AUTH_FAILED and status.business.last_error_key == "sync.auth"
    assert status.pull.applied == 0 and status.pull.last_error_key == "sync.auth"
    assert products(ctx) == {}
    with ctx.db.read() as session:
        assert session.get(SyncState, cursor_key("catalog")) is None


def test_a_bad_page_answer_is_retried_later_and_applies_nothing(ctx, backend) -> None:
    backend.put_items("catalog", [product("P-1")])
    tokens = MemoryTokens(backend.register_device(DEVICE.device_id))
    backend.faults.add("error", "GET /v1/pull/catalog", status=503, times=1)
    first = engine(ctx, backend.url, tokens).run_once(10)
    assert first.pull.last_error_key == "sync.server" and products(ctx) == {}
    second = engine(ctx, backend.url, tokens).run_once(10)
    assert second.pull.applied == 1 and products(ctx) == {"P-1": (50_000, True)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_the_pull_waits_for_the_probe_without_a_hot_loop_then_pulls(ctx) -> None:
    port = free_port()
    fake = FakeBackend(demo_items=False, tokens={"fbt_known": DEVICE.device_id})
    fake.put_items("catalog", [product("P-1"), product("P-2")])
    transport = Counting()
    sync = engine(ctx, f"http://127.0.0.1:{port}", MemoryTokens("fbt_known"), transport=transport)
    sync.start()
    try:
        wait_until(lambda: sync.status().business.state == OFFLINE, what="offline")
        wait_until(lambda: transport.count("/v1/health") >= 4, what="four probes")
        status = sync.status()
        # one pull found the network down; since then only the cheap probe, at its pace
        assert transport.count("/v1/pull/") == 1 and status.pull.state == WAITING
        assert status.pull.last_error_key == "sync.offline"
        assert len(transport.paths) <= 1 + transport.count("/v1/health")
        with FakeServer(fake, port=port):
            wait_until(lambda: set(products(ctx)) == {"P-1", "P-2"}, what="pulled when online")
            wait_until(lambda: sync.status().pull.state == IDLE, what="pull idle")
    finally:
        sync.stop()
        fake.close()
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 2


def test_sync_now_pulls_at_once_between_intervals(ctx, backend) -> None:
    tokens = MemoryTokens(backend.register_device(DEVICE.device_id))
    sync = engine(ctx, backend.url, tokens)  # FAST keeps the default 10-minute interval
    assert sync.config.pull_interval_s == 600
    sync.start()
    try:
        wait_until(lambda: sync.status().pull.pages >= 4, what="the first round")
        wait_until(lambda: sync.status().pull.state == IDLE, what="idle")
        backend.put_items("catalog", [product("P-9")])
        sync.sync_now()
        wait_until(lambda: "P-9" in products(ctx), what="pulled on sync_now")
    finally:
        sync.stop()
