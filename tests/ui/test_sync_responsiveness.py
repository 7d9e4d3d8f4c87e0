"""The till stays responsive while a large backlog drains: Qt event-loop lag during sync.

Also the measurement behind ``tests/bench/bench_gui_lag.py`` (it parses the "GUI LAG" line).

A real MainWindow (offscreen) with the SyncService and its bridge, as ui/app.py wires them,
drains 3,000 business events and 100 sealed recordings to the FAKE backend and FAKE ElevenLabs
on loopback (in a process of their own). A 10 ms timer measures the event loop:
lag = actual interval − 10 ms.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import json
import subprocess
import sys
import time

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer

from forsell.services.app import open_till
from forsell.services.sync import SyncService
from forsell.store.outbox import enqueue
from forsell.ui.app import start_sync
from forsell.ui.main_window import MainWindow
from forsell.ui.sync_status import SyncBridge
from sync.chaos_fixtures import (
    Counter_,
    Recordings,
    configure,
    outbox_ids,
    outbox_states,
    settled,
)
from sync.memory_keyring import MemoryKeyring

EVENTS, RECORDINGS = 3_000, 100


@pytest.fixture
def fakes():
    """The FAKE servers in a process of their own, as the real ones are elsewhere: the lag
    measured is the till's, not the fakes' (they would share this process's GIL)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "forsell.fakes", "--json"], stdout=subprocess.PIPE, text=True
    )
    try:
        urls = json.loads(process.stdout.readline())["urls"]
        httpx.post(
            urls["elevenlabs"] + "/_fake/faults",
            json={
                "rules": [{"kind": "latency", "route": "POST /v1/speech-to-text", "latency_s": 0.1}]
            },
        )
        yield urls
    finally:
        process.terminate()
        process.wait(10)


def stats(url: str) -> dict:
    return httpx.get(url + "/_fake/stats").json()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def test_event_loop_lag_stays_low_during_a_large_drain(qtbot, tmp_path, fakes) -> None:
    till = open_till(tmp_path / "data")
    keys = MemoryKeyring()
    configure(till, keys, fakes["backend"], fakes["elevenlabs"])
    shop, recordings = Counter_(till), Recordings(till, keys)
    try:
        for _ in range(RECORDINGS):  # recorded sales...
            recordings.record(shop.sell())
    finally:
        recordings.close()
    backlog = len(outbox_ids(till.ctx.db, "business"))
    with till.ctx.db.write() as session:  # ...and the rest of a long offline day's events
        for i in range(EVENTS - backlog):
            enqueue(session, "audit", f"gui{i:05d}", {"id": f"gui{i:05d}", "action": "login"})
    assert len(outbox_ids(till.ctx.db, "business")) == EVENTS

    service = SyncService(till, keys)  # production timings
    bridge = SyncBridge(service)
    window = MainWindow(till, sync=service, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    try:
        timer.start()
        started = time.perf_counter()
        start_sync(service, bridge)  # as the app starts it (with the heap frozen)
        assert service.status().running
        # Drained as the status bar sees it (the bridge's last view: no DB work in the check).
        qtbot.waitUntil(
            lambda: (
                bridge.view is not None
                and all(lane.pending == 0 and lane.in_flight == 0 for lane in bridge.view.lanes)
                and bridge.view.business.last_success_at is not None
            ),
            timeout=120_000,
        )
        drained = time.perf_counter() - started
        timer.stop()
        # The pulls' audit entries too (they may commit after the backlog drained).
        qtbot.waitUntil(lambda: settled(till.ctx.db), timeout=60_000)
    finally:
        service.stop()
        bridge.stop()
    assert set(outbox_states(till.ctx.db)) == {"done"}
    check = httpx.post(
        fakes["backend"] + "/_fake/check",
        json={"ids": outbox_ids(till.ctx.db, "business"), "device_id": till.ctx.device_id},
    ).json()
    assert check["ok"], {k: check[k] for k in ("expected", "stored")}
    assert stats(fakes["backend"])["events_by_kind"]["transcript"] == RECORDINGS
    assert stats(fakes["elevenlabs"])["billed_requests"] == RECORDINGS
    lags = [max(0.0, (b - a) - 0.010) * 1000 for a, b in itertools.pairwise(ticks)]
    p50, p99, worst = percentile(lags, 0.50), percentile(lags, 0.99), max(lags)
    print(
        f"\nGUI LAG during the drain of {EVENTS} events + {RECORDINGS} recordings "
        f"({EVENTS + 2 * RECORDINGS} outbox jobs) in {drained:.1f} s: {len(lags)} ticks, "
        f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {worst:.1f} ms; status bar: "
        f"{window.sync_status.text.text()!r}"
    )
    assert len(lags) > 100
    # Behaviour first: the till never freezes while it syncs (a blocking call on the GUI thread —
    # a request or a long transaction — stalls it for seconds). Then the goal, p99 under
    # 50 ms: measured 5–9 ms here since claims/outcomes are single statements and the start-up
    # heap is frozen (before: 40–90 ms from per-row ORM updates and ~90 ms full collections),
    # so the margin is wide; tests/bench/bench_gui_lag.py reports the numbers.
    assert worst < 1_000.0
    assert p99 < 50.0
    till.close()
