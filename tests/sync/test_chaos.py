"""Chaos: 2,000 business events and 200 recordings through faulty FAKE servers, two app restarts.

A real till in tmp_path sells (TillService) and records (OpusChunker → EncryptedArchive) while
the sync runs; the FAKE backend (SQLite file) and the FAKE ElevenLabs inject latency, 5xx, 429
with and without Retry-After, resets, timeouts and "commit, then drop the answer". The app is
restarted twice mid-way: once by stopping the SyncService without draining, once by SIGKILL of
an app process running it (its leases are left behind); the FAKE backend itself is restarted on
its SQLite file in between. At the end: every business event is at the backend exactly once,
every recording has exactly one transcript and one transcript event, and nothing was paid for
twice once its transcription_id was known.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forsell.fakes.script import audio_sha256
from forsell.services.app import open_till
from forsell.services.recordings import RecordingLibrary, open_vault
from forsell.services.sync import SyncService
from forsell.store.models import OutboxJob, ProviderCall, TranscriptRow
from forsell.sync.transcripts import TranscriptStore

from .chaos_fixtures import (
    CHAOS,
    Counter_,
    Fakes,
    FileKeyring,
    Recordings,
    app_process_args,
    configure,
    outbox_ids,
    outbox_states,
    settled,
    wait_for,
)

BUSINESS_EVENTS = 2_000
RECORDINGS = 200
BATCH = "POST /v1/events:batch"
UPLOAD = "POST /v1/speech-to-text"
FETCH = "GET /v1/speech-to-text/transcripts/*"

# Every request draws each rule in turn (fakes/faults.py): about a third of the requests fail.
BACKEND_FAULTS = [
    {"kind": "latency", "route": BATCH, "probability": 0.5, "latency_s": 0.03},
    {"kind": "error", "route": BATCH, "probability": 0.05, "status": 503},
    {"kind": "error", "route": BATCH, "probability": 0.03, "status": 500, "retry_after": 0.2},
    {"kind": "rate_limit", "route": BATCH, "probability": 0.04, "retry_after": 0.3},
    {"kind": "rate_limit", "route": BATCH, "probability": 0.04},
    {"kind": "reset", "route": BATCH, "probability": 0.04},
    {"kind": "timeout", "route": BATCH, "probability": 0.03, "hang_s": 3.0},
    {"kind": "commit_then_drop", "route": BATCH, "probability": 0.07},
    {"kind": "commit_then_timeout", "route": BATCH, "probability": 0.02, "hang_s": 3.0},
]
ELEVENLABS_FAULTS = [
    {"kind": "latency", "route": UPLOAD, "latency_s": 0.2},
    {"kind": "error", "route": UPLOAD, "probability": 0.04, "status": 500},
    {"kind": "error", "route": UPLOAD, "probability": 0.03, "status": 503, "retry_after": 0.2},
    {"kind": "rate_limit", "route": UPLOAD, "probability": 0.03, "retry_after": 0.3},
    {"kind": "rate_limit", "route": UPLOAD, "probability": 0.03},
    {"kind": "reset", "route": UPLOAD, "probability": 0.03},
    {"kind": "timeout", "route": UPLOAD, "probability": 0.02, "hang_s": 3.0},
    {"kind": "commit_then_drop", "route": UPLOAD, "probability": 0.05},
    {"kind": "error", "route": FETCH, "probability": 0.2, "status": 502},
]


def business_count(till) -> int:
    """Business events the till made (transcript events come later, from the audio lane)."""
    with till.ctx.db.read() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(OutboxJob)
                .where(OutboxJob.lane == "business", OutboxJob.kind != "transcript")
            )
            or 0
        )


def transcripts_done(db) -> int:
    with db.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(TranscriptRow).where(TranscriptRow.state == "done")
            )
            or 0
        )


def make_load(
    till,
    shop: Counter_,
    recordings: Recordings,
    rids: list[str],
    business_to: int,
    recordings_to: int,
) -> None:
    """Sells (every few sales with a recording) until the targets are reached."""
    count = business_count(till)
    while count < business_to or len(rids) < recordings_to:
        sale_id = None
        for _ in range(min(5, max(1, business_to - count))):
            if count < business_to:
                sale_id = shop.sell()
                count += 1
        if len(rids) < recordings_to:
            rids.append(recordings.record(sale_id))


@pytest.fixture
def fakes(tmp_path: Path):
    started = Fakes(tmp_path / "fake-backend.sqlite", BACKEND_FAULTS, ELEVENLABS_FAULTS).start()
    yield started
    started.stop()


def test_chaos_everything_exactly_once_through_faults_and_two_restarts(tmp_path, fakes) -> None:
    began = time.monotonic()
    data = tmp_path / "till"
    keys = FileKeyring(tmp_path / "keyring.json")
    till = open_till(data)
    configure(till, keys, fakes.backend_url, fakes.elevenlabs_url)
    shop = Counter_(till)
    recordings = Recordings(till, keys)
    rids: list[str] = []
    make_load(till, shop, recordings, rids, 600, 60)  # waiting when the app starts
    report: dict[str, object] = {}

    # --- app 1: syncs while the till sells; the FAKE backend restarts; then a stop, no drain
    service = SyncService(till, keys, config=CHAOS)
    assert service.start()
    make_load(till, shop, recordings, rids, 950, 95)
    fakes.restart_backend()
    make_load(till, shop, recordings, rids, 1_300, 100)
    wait_for(lambda: transcripts_done(till.ctx.db) >= 40, 60, "40 transcripts in app 1")
    rids += [recordings.record(None) for _ in range(30)]  # a burst, so the stop hits uploads
    wait_for(
        lambda: outbox_states(till.ctx.db, "audio").get("in_flight", 0) > 0,
        20,
        "uploads in flight to stop",
    )
    service.stop()
    report["at stop (app 1)"] = outbox_states(till.ctx.db)
    assert (
        outbox_states(till.ctx.db).get("pending", 0) + outbox_states(till.ctx.db).get("failed", 0)
        > 0
    ), "app 1 was stopped after everything was sent: not mid-way"

    # --- app 2: a separate process runs the sync while the till sells; then SIGKILL
    process = subprocess.Popen(
        app_process_args(data, keys.path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "STARTED", process.stderr.read()
        done_before = transcripts_done(till.ctx.db)
        make_load(till, shop, recordings, rids, BUSINESS_EVENTS, RECORDINGS)
        wait_for(
            lambda: transcripts_done(till.ctx.db) >= done_before + 40,
            60,
            "40 more transcripts in app 2",
        )
        wait_for(
            lambda: outbox_states(till.ctx.db).get("in_flight", 0) > 0, 20, "work in flight to kill"
        )
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert process.returncode == -signal.SIGKILL
    report["at SIGKILL (app 2)"] = outbox_states(till.ctx.db)
    recordings.close()
    till.close()
    assert business_count_total(data) == (BUSINESS_EVENTS, RECORDINGS)

    # --- app 3: a fresh start on the same folder drains everything (leases left by the kill
    # expire after CHAOS.lease_s)
    till = open_till(data, seed_demo=False)
    try:
        service = SyncService(till, keys, config=CHAOS)
        assert service.start()
        try:
            drained = wait_for(
                lambda: settled(till.ctx.db), 90, "everything sent after the restarts"
            )
        finally:
            service.stop()
        report["app 3 drained in s"] = round(drained, 1)
        check_everything(till, keys, fakes, rids, report)
    finally:
        till.close()
    report["total s"] = round(time.monotonic() - began, 1)
    print("\nCHAOS", *(f"\n  {k}: {v}" for k, v in report.items()))


def business_count_total(data: Path) -> tuple[int, int]:
    till = open_till(data, seed_demo=False)
    try:
        with till.ctx.db.read() as session:
            kinds = Counter(session.scalars(select(OutboxJob.kind)))
        return sum(n for k, n in kinds.items() if k not in ("transcript", "recording")), kinds[
            "recording"
        ]
    finally:
        till.close()


def check_everything(till, keys, fakes: Fakes, rids: list[str], report: dict) -> None:
    db, device = till.ctx.db, till.ctx.device_id
    states = outbox_states(db)
    assert states == {"done": BUSINESS_EVENTS + 2 * RECORDINGS}, states  # nothing dead

    # every business event exactly once (transcript events included)
    business = outbox_ids(db, "business")
    check = fakes.backend.check_exactly_once(business, device)
    assert check["ok"], {k: check[k] for k in ("expected", "stored")} | {
        "missing": check["missing"][:5],
        "unexpected": check["unexpected"][:5],
    }
    stats = fakes.backend.stats()
    report["backend"] = {
        "events": stats["events_total"],
        "duplicates_seen": stats["duplicates_seen"],
        "replays": stats["replays"],
        "restarts": fakes.backend_restarts,
        "faults fired": fakes.backend_faults_fired(),
    }

    # exactly one transcript per recording, in the till and at the backend
    with db.read() as session:
        rows = session.execute(
            select(
                TranscriptRow.recording_id, TranscriptRow.state, TranscriptRow.sealed.is_not(None)
            )
        ).all()
        calls = session.execute(
            select(
                ProviderCall.recording_id,
                ProviderCall.kind,
                ProviderCall.billed,
                ProviderCall.outcome,
            )
        ).all()
        submits_after_id = session.scalar(
            select(func.count())
            .select_from(ProviderCall)
            .join(TranscriptRow, TranscriptRow.recording_id == ProviderCall.recording_id)
            .where(
                ProviderCall.kind == "submit",
                TranscriptRow.external_id.is_not(None),
                ProviderCall.at > TranscriptRow.submitted_at,
            )
        )
    assert sorted(r[0] for r in rows) == sorted(rids)
    assert all(state == "done" and sealed for _, state, sealed in rows)
    per_recording = Counter(e["entity_id"] for e in fakes.backend.events("transcript", device))
    assert set(per_recording) == set(rids) and set(per_recording.values()) == {1}

    # billing: never a submit once the transcription_id was known
    vault = open_vault(till.ctx, keys)
    try:
        store = TranscriptStore(db, vault)
        assert store.billed_twice() == 0
        assert submits_after_id == 0
        library = RecordingLibrary(till.ctx, vault)
        hashes = {rid: audio_sha256(library.ogg(rid)) for rid in rids}
    finally:
        vault.close()
    assert len(set(hashes.values())) == RECORDINGS  # each recording is audio of its own
    el = fakes.elevenlabs.stats()
    billed = el["billed_by_audio"]
    assert set(billed) == set(hashes.values())  # nothing else was uploaded
    extra = {rid: billed[h] - 1 for rid, h in hashes.items() if billed[h] > 1}
    # A second billed upload is allowed only where the answer with the id was lost: the fake
    # committed and dropped it, or an app stopped or was killed with the upload in flight.
    fired = el["faults"]["fired"]
    lost_answers = fired.get("commit_then_drop", 0)
    # An answer lost after the whole upload went out is logged billed (the provider may well
    # have charged it); only a reset or timeout that came before the fake committed is not.
    lost = ("sync.connection_lost", "sync.timeout")
    ambiguous = sum(
        1 for _, kind, billed_, outcome in calls if kind == "submit" and outcome in lost
    )
    assert sum(extra.values()) <= lost_answers + 2 * CHAOS.audio_concurrency
    answered = Counter(
        rid
        for rid, kind, billed_, outcome in calls
        if kind == "submit" and billed_ and outcome not in lost
    )
    assert max(answered.values()) == 1  # we paid knowingly at most once per recording
    logged_billed = sum(1 for _, kind, billed_, _ in calls if kind == "submit" and billed_)
    # Never more than the provider billed, but for the resets and hangs it answered before it
    # committed (indistinguishable, from our side, from an answer lost after billing).
    assert logged_billed <= el["billed_requests"] + fired.get("reset", 0) + fired.get("timeout", 0)
    report["elevenlabs"] = {
        "billed uploads": el["billed_requests"],
        "recordings billed twice (id unknown)": len(extra),
        "extra billed uploads": sum(extra.values()),
        "answers dropped after billing": lost_answers,
        "submits whose answer was lost (logged billed)": ambiguous,
        "billed submits logged": logged_billed,
        "fetches": sum(1 for _, kind, *_ in calls if kind == "fetch"),
        "billed_twice (id known)": store.billed_twice(),
        "faults fired": fired,
    }


# --- a stop that lands while a claim is being written -------------------------------------------


def _in_stack(thread_prefix: str, function: str) -> bool:
    """True while a thread named ``thread_prefix…`` is inside ``function`` (its live stack)."""
    import sys
    import threading

    names = {t.ident: t.name for t in threading.enumerate()}
    for ident, top in sys._current_frames().items():
        if not names.get(ident, "").startswith(thread_prefix):
            continue
        frame = top
        while frame is not None:
            if frame.f_code.co_name == function:
                return True
            frame = frame.f_back
    return False


def test_a_stop_during_a_claim_gives_every_job_back(tmp_path, fakes) -> None:
    import sqlite3
    import threading

    from forsell.sync.backend import Device
    from forsell.sync.engine import SyncEngine

    from .sync_fixtures import MemoryTokens, add_audit_events, database

    db = database(tmp_path)
    add_audit_events(db, 20)
    started = threading.Event()
    engine = SyncEngine(
        db,
        backend_url=fakes.backend_url,
        device=Device("0190a000-0000-7000-8000-0000000000c1", "123456789012", "Касса 1", "test"),
        tokens=MemoryTokens(),
        config=CHAOS,
        on_status=lambda _: started.set(),
    )
    engine.pause()  # started but idle: its start-up writes are done before the lock is taken
    engine.start()
    assert started.wait(10)
    lock = sqlite3.connect(tmp_path / "cashier.sqlite", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another writer holds the file: the claim waits
    try:
        engine.resume()
        wait_for(lambda: _in_stack("sync-db", "claim"), 10, "a claim waiting for the lock")
        stopper = threading.Thread(target=engine.stop)
        stopper.start()
        wait_for(lambda: _in_stack("sync-engine", "shutdown"), 10, "the stop to reach shutdown")
    finally:
        lock.execute("ROLLBACK")  # the claim now commits, after its lane task was cancelled
        lock.close()
    stopper.join(20)
    assert not engine.running
    assert outbox_states(db) == {"pending": 20}  # given back, not leased for lease_s
    db.dispose()
