"""The engine against the FAKE backend and FAKE ElevenLabs on loopback, on a real SQLite file.

Timings are shrunk through EngineConfig (backoff of tens of ms, probe every 0.1–0.3 s); the
behaviour is the production code's.
"""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.fake_elevenlabs import DEFAULT_KEY, FakeElevenLabs
from forsell.fakes.server import FakeServer
from forsell.store.models import OutboxJob, Recording
from forsell.store.outbox import AUDIO, enqueue
from forsell.sync.audio_lane import AudioLane
from forsell.sync.backend import Device
from forsell.sync.backoff import RetryPolicy
from forsell.sync.engine import EngineConfig, SyncEngine
from forsell.sync.providers.elevenlabs import ElevenLabsConfig
from forsell.sync.providers.routing import PolicyRecipients, RoutingConfig
from forsell.vault.keys import KeyVault

from .sync_fixtures import MemoryTokens, add_audit_events, database, wait_until

DEVICE = Device("0190a000-0000-7000-8000-000000000001", "123456789012", "Касса 1", "test")
FAST = EngineConfig(
    backend_concurrency=2,
    audio_concurrency=2,
    lease_s=30,
    idle_poll_s=0.05,
    probe_min_s=0.1,
    probe_max_s=0.3,
    timeout=httpx.Timeout(5.0),
    business=RetryPolicy(base_s=0.05, cap_s=0.2),
    audio=RetryPolicy(base_s=0.05, cap_s=0.2),
)


@pytest.fixture
def backend():
    fake = FakeBackend()
    with FakeServer(fake) as server:
        fake.url = server.url
        fake.server = server
        yield fake
    fake.close()


@pytest.fixture
def elevenlabs():
    fake = FakeElevenLabs(accept_any_audio=True)
    with FakeServer(fake) as server:
        fake.url = server.url
        yield fake


@pytest.fixture
def db(tmp_path: Path):
    db = database(tmp_path)
    yield db
    db.dispose()


def engine_for(db, backend, tokens=None, audio=None, config=FAST, **kw) -> SyncEngine:
    return SyncEngine(
        db,
        backend_url=backend.url,
        device=DEVICE,
        tokens=tokens if tokens is not None else MemoryTokens(),
        audio=audio,
        config=config,
        **kw,
    )


def states(db) -> dict[str, int]:
    with db.read() as session:
        rows = session.scalars(select(OutboxJob.state)).all()
    return {s: rows.count(s) for s in set(rows)}


# --- business lane ----------------------------------------------------------------------------


def test_drains_every_event_exactly_once_and_registers_the_device(db, backend) -> None:
    ids = add_audit_events(db, 1_200)
    tokens = MemoryTokens()
    status = engine_for(db, backend, tokens).run_once(timeout=20)
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]
    assert status.business.sent == 1_200 and status.business.failed == 0
    assert tokens.sets == 1 and tokens.token
    assert backend.stats()["batches"] >= 3  # 500-event cap
    assert states(db) == {"done": 1_200}


def test_commit_then_drop_sends_nothing_twice(db, backend) -> None:
    ids = add_audit_events(db, 300)
    backend.faults.add("commit_then_drop", "POST /v1/events:batch", times=2)
    status = engine_for(db, backend).run_once(timeout=20)
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]
    stats = backend.stats()
    assert stats["replays"] + stats["duplicates_seen"] >= 1  # the retry met the first commit
    assert status.business.failed >= 1 and states(db) == {"done": 300}


@pytest.mark.parametrize(
    "rule",
    [
        {"kind": "error", "status": 503, "times": 2},
        {"kind": "error", "status": 500, "retry_after": 0.1, "times": 1},
        {"kind": "reset", "times": 2},
        {"kind": "close", "times": 1},
        {"kind": "rate_limit", "times": 2},  # no Retry-After: our own backoff
    ],
)
def test_transient_failures_are_retried_until_sent(db, backend, rule) -> None:
    ids = add_audit_events(db, 50)
    backend.faults.add(route="POST /v1/events:batch", **rule)
    status = engine_for(db, backend).run_once(timeout=20)
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]
    assert status.business.failed >= 1
    assert states(db) == {"done": 50}


def test_retry_after_is_honoured(db, backend) -> None:
    ids = add_audit_events(db, 5)
    backend.faults.add("rate_limit", "POST /v1/events:batch", retry_after=1, times=1)
    started = time.monotonic()
    status = engine_for(db, backend).run_once(timeout=20)
    assert time.monotonic() - started >= 1.0  # our backoff alone would be ≤ 0.2 s
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]
    assert status.business.last_error_key == "sync.rate_limited"


def test_a_rejected_event_is_a_dead_letter_and_the_rest_go(db, backend) -> None:
    ids = add_audit_events(db, 10)
    with db.write() as session:
        enqueue(session, "mystery", "m1", {"id": "m1"})
        enqueue(session, "audit", "big", {"id": "big", "action": "x", "pad": "y" * 40_000})
    status = engine_for(db, backend).run_once(timeout=20)
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]
    assert status.business.dead == 2
    with db.read() as session:
        dead = {
            r.kind: r for r in session.scalars(select(OutboxJob).where(OutboxJob.state == "dead"))
        }
    assert set(dead) == {"mystery", "audit"}
    assert re.search("unknown.kind", dead["mystery"].last_error)  # the backend's reason
    assert dead["audit"].error_key == "sync.rejected" and "bytes" in dead["audit"].last_error


def test_invalid_token_stops_the_lane_until_the_token_changes(db, backend) -> None:
    ids = add_audit_events(db, 20)
    tokens = MemoryTokens("revoked-token")
    engine = engine_for(db, backend, tokens)
    engine.start()
    try:
        # The lane stops the moment the 401 arrives, then gives the refused batch back: wait for
        # both (in_flight counts jobs not yet given back), not only for the state.
        wait_until(
            lambda: (
                (status := engine.status().business).state == "auth_failed"
                and status.in_flight == 0
            ),
            what="auth_failed and the batch given back",
        )
        unauthorised = backend.stats()["unauthorized"]
        # Every slot may have had one batch in flight when the first 401 came; nothing after it.
        assert 1 <= unauthorised <= FAST.backend_concurrency
        assert states(db) == {"pending": 20}  # kept, not burnt
        time.sleep(0.5)  # a stopped lane does not keep knocking
        assert backend.stats()["unauthorized"] == unauthorised
        tokens.token = backend.register_device(DEVICE.device_id)  # the admin fixes it
        wait_until(lambda: states(db) == {"done": 20}, what="drain after the new token")
    finally:
        engine.stop()
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]
    assert engine.status().business.last_error_key == "sync.auth"


def test_run_once_gives_up_at_once_on_auth_failure(db, backend) -> None:
    add_audit_events(db, 3)
    started = time.monotonic()
    status = engine_for(db, backend, MemoryTokens("bad")).run_once(timeout=20)
    assert time.monotonic() - started < 5
    assert status.business.state == "auth_failed"
    assert states(db) == {"pending": 3}


def test_offline_then_online(db, backend) -> None:
    port = backend.server.port
    backend.server.stop()
    ids = add_audit_events(db, 30)
    engine = engine_for(db, backend)
    engine.start()
    try:
        wait_until(lambda: engine.status().business.state == "offline", what="offline")
        assert states(db) == {"pending": 30}  # nothing burnt while offline
        restarted = FakeServer(backend, port=port).start()
        try:
            wait_until(lambda: states(db) == {"done": 30}, what="drain once online")
            assert engine.status().business.state == "online"
        finally:
            restarted.stop()
    finally:
        engine.stop()
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]


def test_new_rows_are_noticed_and_stop_is_clean(db, backend) -> None:
    engine = engine_for(db, backend)
    seen = []
    engine.on_status = seen.append
    engine.start()
    try:
        ids = add_audit_events(db, 7)
        wait_until(lambda: states(db) == {"done": 7}, what="the idle poll to notice new rows")
        wait_until(lambda: any(s.business.sent == 7 for s in seen), what="a status callback")
    finally:
        engine.stop()
    assert not engine.running
    assert backend.check_exactly_once(ids, DEVICE.device_id)["ok"]


# --- audio lane -------------------------------------------------------------------------------


def add_recordings(
    db, vault: KeyVault, count: int, speech_ms: int = 4_000, first: int = 0
) -> list[str]:
    rids = []
    with db.write() as session:
        for i in range(first, first + count):
            rid = f"0190a000-0000-7000-9000-{i:012d}"
            vault.create(rid)
            session.add(
                Recording(
                    id=rid,
                    device_id=DEVICE.device_id,
                    reason="sale",
                    started_at=datetime.now(UTC),
                    duration_ms=5_000,
                    speech_ms=speech_ms,
                    status="queued",
                )
            )
            enqueue(
                session,
                "recording",
                rid,
                {"id": rid, "sale_id": None, "duration_ms": 5_000, "speech_ms": speech_ms},
                lane=AUDIO,
            )
            rids.append(rid)
    return rids


def audio_lane(db, vault, elevenlabs_url: str, **routing) -> AudioLane:
    config = RoutingConfig(
        primary="elevenlabs",
        fallback="none",
        audio_abroad=True,
        elevenlabs=ElevenLabsConfig(base_url=elevenlabs_url),
        elevenlabs_key=DEFAULT_KEY,
        recipients=PolicyRecipients(named=frozenset({"elevenlabs"})),
        **routing,
    )
    # The recording's audio: fixed bytes per recording (the FAKE hears nothing anyway).
    return AudioLane(db, vault, lambda rid: b"OggS" + rid.encode() * 200, lambda: config)


@pytest.fixture
def vault(tmp_path: Path):
    vault = KeyVault(tmp_path / "keys.sqlite", os.urandom(32))
    yield vault
    vault.close()


def test_recordings_become_transcripts_and_redacted_backend_events(
    db, backend, elevenlabs, vault
) -> None:
    rids = add_recordings(db, vault, 4)
    silent = add_recordings(db, vault, 1, speech_ms=0, first=100)  # not uploaded
    lane = audio_lane(db, vault, elevenlabs.url)
    status = engine_for(db, backend, audio=lane).run_once(timeout=30)
    assert status.audio.sent == 4 and status.audio.skipped == 1
    stored = backend.events(kind="transcript")
    assert sorted(e["entity_id"] for e in stored) == sorted(rids)
    assert all(e["payload"]["redacted"] is True and e["payload"]["text"] for e in stored)
    assert elevenlabs.stats()["billed_requests"] == 4
    assert silent[0] not in {e["entity_id"] for e in stored}
    assert states(db) == {"done": 9}  # 5 recording jobs + 4 transcript events
    assert lane.store.billed_twice() == 0


def test_a_stuck_audio_upload_never_delays_business_events(db, backend, elevenlabs, vault) -> None:
    add_recordings(db, vault, 2)
    elevenlabs.faults.add("timeout", "POST /v1/speech-to-text", hang_s=30)
    config = EngineConfig(**{**FAST.__dict__, "timeout": httpx.Timeout(30.0)})
    engine = engine_for(db, backend, audio=audio_lane(db, vault, elevenlabs.url), config=config)
    engine.start()
    try:
        wait_until(lambda: engine.status().audio.in_flight == 2, what="audio stuck")
        started = time.monotonic()
        ids = add_audit_events(db, 40)
        wait_until(
            lambda: backend.check_exactly_once(ids, DEVICE.device_id)["ok"],
            what="business events while audio hangs",
        )
        assert time.monotonic() - started < 3
        assert engine.status().audio.in_flight == 2  # still stuck
    finally:
        engine.stop()
    with db.read() as session:  # stop gave the stuck jobs back: no lease to wait out
        left = session.scalars(select(OutboxJob.state).where(OutboxJob.lane == "audio")).all()
    assert left == ["pending", "pending"]
