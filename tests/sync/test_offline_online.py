"""Offline → online on a real till, and an audio lane stuck on a failing provider.

The FAKE backend and FAKE ElevenLabs run on loopback; "offline" is their servers stopped
(connection refused). Connection attempts are counted by a plain httpx transport wrapped around
the real one, handed to the SyncService like any transport.

Probe timings are the production ones divided by ten (5–30 s → 0.5–3 s), so a few seconds here
stand for minutes at the till; rates are reported both as measured and at production scale.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.fake_elevenlabs import FakeElevenLabs
from forsell.fakes.server import FakeServer
from forsell.services.app import open_till
from forsell.services.sync import OFFLINE, SyncService
from forsell.sync.backoff import RetryPolicy
from forsell.sync.engine import EngineConfig

from .chaos_fixtures import (
    Counter_,
    Recordings,
    configure,
    max_attempts,
    outbox_ids,
    outbox_states,
    settled,
    wait_for,
)
from .memory_keyring import MemoryKeyring

SCALE = 10  # production probe timings / these
CONFIG = EngineConfig(
    backend_concurrency=2,
    audio_concurrency=4,
    lease_s=30.0,
    idle_poll_s=0.2,
    probe_min_s=5.0 / SCALE,
    probe_max_s=30.0 / SCALE,
    timeout=httpx.Timeout(2.0),
    business=RetryPolicy(base_s=0.05, cap_s=0.5, max_wait_s=2.0),
    audio=RetryPolicy(base_s=0.05, cap_s=0.5, max_wait_s=2.0),
)


class CountingTransport(httpx.AsyncBaseTransport):
    """The real HTTP transport, noting every request it is asked to send (time, port, path)."""

    def __init__(self, config: EngineConfig = CONFIG) -> None:
        n = config.backend_concurrency + config.audio_concurrency + 2
        self.inner = httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=n, max_keepalive_connections=n)
        )
        self.requests: list[tuple[float, int, str]] = []
        self.unanswered: Counter[int] = Counter()  # by port: sent, neither answered nor failed
        self.ended: Counter[int] = Counter()  # by port: answered, failed or given up

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        port = request.url.port
        self.requests.append((time.monotonic(), port, request.url.path))
        self.unanswered[port] += 1
        try:
            return await self.inner.handle_async_request(request)
        finally:
            self.unanswered[port] -= 1
            self.ended[port] += 1

    async def aclose(self) -> None:
        await self.inner.aclose()

    def to(self, port: int, since: float = 0.0, until: float = float("inf")) -> list[float]:
        return [t for t, p, _ in list(self.requests) if p == port and since <= t < until]


class TillClock:
    """The till's clock, moved by hand: an hour of selling in a few seconds."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) - timedelta(hours=1)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def fakes():
    backend, elevenlabs = FakeBackend(), FakeElevenLabs()
    servers = {"backend": FakeServer(backend).start(), "elevenlabs": FakeServer(elevenlabs).start()}
    yield backend, elevenlabs, servers
    for server in servers.values():
        server.stop()
    backend.close()


def test_an_hour_offline_loses_nothing_burns_nothing_and_drains_when_back(
    tmp_path: Path, fakes
) -> None:
    backend, elevenlabs, servers = fakes
    ports = {name: server.port for name, server in servers.items()}
    for server in servers.values():
        server.stop()  # the network is gone: connection refused
    clock = TillClock()
    till = open_till(tmp_path / "till", clock=clock)
    keys = MemoryKeyring()
    configure(till, keys, servers["backend"].url, servers["elevenlabs"].url)
    transport = CountingTransport()
    service = SyncService(till, keys, transport=transport, config=CONFIG)
    shop, recordings = Counter_(till), Recordings(till, keys)
    try:
        assert service.start()
        went_offline = time.monotonic()
        rids = []
        for i in range(240):  # a sale every 15 s of till time, one in eight recorded
            clock.now += timedelta(seconds=15)
            sale_id = shop.sell()
            if i % 8 == 0:
                rids.append(recordings.record(sale_id))
        assert clock.now - (datetime.now(UTC) - timedelta(hours=1)) >= timedelta(minutes=59)
        backend_port, audio_port = ports["backend"], ports["elevenlabs"]
        # Offline until the business lane has knocked 7 times: the probe backs off to its cap.
        wait_for(lambda: len(transport.to(backend_port)) >= 7, 30, "7 probes of the backend")
        offline_s = time.monotonic() - went_offline
        view = service.status()
        assert view.state == OFFLINE and view.business.state == OFFLINE
        assert view.audio.state == OFFLINE
        assert view.business.last_error_key == "sync.offline"
        states = outbox_states(till.ctx.db)
        assert set(states) <= {"pending", "in_flight"} and "dead" not in states  # nothing lost
        assert max_attempts(till.ctx.db) <= 1  # offline costs no attempts
        knocks = transport.to(backend_port)
        gaps = [b - a for a, b in itertools.pairwise(knocks)]
        # At the cap a probe waits uniform(cap/2, cap): never quicker than cap/2.
        assert all(g >= CONFIG.probe_max_s / 2 - 0.05 for g in gaps[-2:]), gaps
        per_min_at_cap = 60 / (SCALE * statistics.mean(gaps[-2:]))
        assert per_min_at_cap <= 4  # production: at most a handful of knocks a minute
        audio_knocks = transport.to(audio_port, until=knocks[-1])
        assert len(audio_knocks) <= CONFIG.audio_concurrency * (len(knocks) + 1)

        # --- the network is back
        back = time.monotonic()
        for name in ("backend", "elevenlabs"):
            servers[name] = FakeServer(
                backend if name == "backend" else elevenlabs, port=ports[name]
            ).start()
        drained = wait_for(
            lambda: settled(till.ctx.db), 60, "both lanes drained and the pulls applied once online"
        )
        first_back = min(transport.to(backend_port, since=back))
    finally:
        service.stop()
        recordings.close()
    business = outbox_ids(till.ctx.db, "business")
    check = backend.check_exactly_once(business, till.ctx.device_id)
    assert check["ok"], {k: v[:5] if isinstance(v, list) else v for k, v in check.items()}
    transcripts = {e["entity_id"] for e in backend.events("transcript")}
    assert transcripts == set(rids)
    billed = elevenlabs.stats()["billed_by_audio"]
    assert len(billed) == len(rids) and set(billed.values()) == {1}
    batches = backend.stats()["batches"]
    assert batches <= len(business) // CONFIG.max_events + 1 + len(rids)  # no storm when back
    till.close()
    print(
        f"\nOFFLINE: {len(business) - len(rids)} business events + {len(rids)} recordings "
        f"over {int((clock.now - datetime.now(UTC) + timedelta(hours=1)).total_seconds() / 60)}"
        f" min of till time; offline {offline_s:.1f} s real: backend knocks {len(knocks)}, "
        f"audio knocks {len(audio_knocks)}, gaps {[round(g, 2) for g in gaps]} s "
        f"→ {per_min_at_cap:.1f}/min at production probe timings; back online: first "
        f"request after {first_back - back:.2f} s, drained in {drained:.1f} s with "
        f"{batches} batches and {len(transport.to(audio_port, since=back))} audio requests"
    )


# --- a failing provider never delays business events ------------------------------------------


def commit_to_acceptance(till, backend: FakeBackend, shop: Counter_, sales: int) -> list[float]:
    """Sells one at a time; each time, how long from commit until the backend accepted it."""
    from sqlalchemy import select

    from forsell.store.models import OutboxJob

    latencies = []
    for _ in range(sales):
        sale_id = shop.sell()
        committed = time.monotonic()
        with till.ctx.db.read() as session:
            job = session.scalar(select(OutboxJob.id).where(OutboxJob.entity_id == sale_id))
        wait_for(
            lambda job=job: backend.check_exactly_once([job])["missing"] == [],
            ACCEPTED_WITHIN_S,
            "the sale at the backend",
            every=0.005,
        )
        latencies.append(time.monotonic() - committed)
    return latencies


SALES = 25
ACCEPTED_WITHIN_S = 5.0  # a timeout for waiting, not a speed goal
HANG_S = 60.0  # the hanging provider holds each call this long (the test stops well before)
SCENARIOS = {
    "healthy": [{"kind": "latency", "route": "POST /v1/speech-to-text", "latency_s": 0.3}],
    "provider 5xx": [{"kind": "error", "route": "POST /v1/speech-to-text", "status": 503}],
    "provider timeout": [{"kind": "timeout", "route": "POST /v1/speech-to-text", "hang_s": HANG_S}],
}


def test_a_failing_provider_never_delays_business_events(tmp_path: Path, fakes) -> None:
    """Sales reach the backend while every audio slot waits on the provider.

    Decided on what happens, not on a latency threshold: for the hanging provider, every
    upload slot holds a call the provider has not answered before the first sale, and the same
    calls are still unanswered after the last sale was accepted (the transport counts each
    request from sent to answered or failed). Had the business lane waited for the audio lane
    (a shared lock, the one database thread, a shared connection pool), no sale could have been
    accepted in between. The latencies are printed for tests/bench/bench_latency.py.
    """
    backend, elevenlabs, servers = fakes
    till = open_till(tmp_path / "till")
    keys = MemoryKeyring()
    configure(till, keys, servers["backend"].url, servers["elevenlabs"].url)
    shop, recordings = Counter_(till), Recordings(till, keys)
    audio_port = servers["elevenlabs"].port
    # The client waits far longer than the sales take, so a hung call stays open throughout.
    config = replace(CONFIG, timeout=httpx.Timeout(2.0, read=HANG_S))
    measured: dict[str, list[float]] = {}
    try:
        for name, rules in SCENARIOS.items():
            elevenlabs.faults.set(rules)
            rids = [recordings.record(None) for _ in range(12)]  # the audio lane is busy
            transport = CountingTransport(config)
            service = SyncService(till, keys, config=config, transport=transport)
            assert service.start()
            try:
                wait_for(
                    lambda service=service: service.status().audio.in_flight > 0,
                    10,
                    "uploads running",
                )
                if name == "provider timeout":
                    wait_for(
                        lambda t=transport: t.unanswered[audio_port] == config.audio_concurrency,
                        10,
                        "every upload slot waiting on the provider",
                    )
                    assert transport.ended[audio_port] == 0
                measured[name] = commit_to_acceptance(till, backend, shop, SALES)
                if name == "provider timeout":
                    # The very calls that were open before the first sale are open still.
                    assert transport.ended[audio_port] == 0, transport.ended
                    assert transport.unanswered[audio_port] == config.audio_concurrency
                audio = service.status().audio
            finally:
                service.stop()
            done = {e["entity_id"] for e in backend.events("transcript")} & set(rids)
            if name == "healthy":
                assert done, "the healthy provider transcribed nothing meanwhile"
            else:
                assert not done and (audio.failed or audio.in_flight), audio
    finally:
        recordings.close()
        till.close()
    # Every sale reached the backend (commit_to_acceptance waits at most ACCEPTED_WITHIN_S).
    assert {name: len(v) for name, v in measured.items()} == dict.fromkeys(SCENARIOS, SALES)
    stats = {
        name: {
            "median_ms": round(1000 * statistics.median(v), 1),
            "p95_ms": round(1000 * sorted(v)[int(0.95 * len(v))], 1),
            "max_ms": round(1000 * max(v), 1),
        }
        for name, v in measured.items()
    }
    print("\nCOMMIT_TO_ACCEPTED " + json.dumps({"sales": SALES, "scenarios": stats}))


def test_a_sale_goes_out_at_once_not_at_the_next_idle_poll(tmp_path: Path, fakes) -> None:
    """The committed sale wakes the sleeping business lane: with an idle poll of a minute, each
    sale still reaches the backend well within ACCEPTED_WITHIN_S."""
    backend, _elevenlabs, servers = fakes
    till = open_till(tmp_path / "till")
    keys = MemoryKeyring()
    configure(till, keys, servers["backend"].url, servers["elevenlabs"].url)
    shop = Counter_(till)
    service = SyncService(till, keys, config=replace(CONFIG, idle_poll_s=60.0))
    try:
        assert service.start()
        wait_for(lambda: set(outbox_states(till.ctx.db)) == {"done"}, 30, "the set-up's audit sent")
        for _ in range(3):
            time.sleep(0.3)  # the lane has looked, found nothing and gone to sleep
            took = commit_to_acceptance(till, backend, shop, 1)
            assert took[0] < ACCEPTED_WITHIN_S
    finally:
        service.stop()
        till.close()
