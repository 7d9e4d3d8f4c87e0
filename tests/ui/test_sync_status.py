"""The sync line in the status bar, and the bridge from the engine's thread to the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QThread

from forsell.services import sync as sv
from forsell.ui.sync_status import SyncBridge, SyncStatusWidget
from platform_services import needs, secret_service

from .sync_views import NOW, STATES, lane, view

TZ = ZoneInfo("Asia/Almaty")


@pytest.fixture
def bridge(qtbot):
    made = SyncBridge()
    yield made
    made.stop()


@pytest.fixture
def line(qtbot, bridge):
    widget = SyncStatusWidget(bridge, lambda: TZ)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show(qtbot, bridge, status) -> None:
    with qtbot.waitSignal(bridge.status_changed, timeout=2000):
        bridge.push(status)


EXPECTED = {  # state → (dot state, words the summary must carry)
    "not configured": ("off", ["not set up"]),
    "online idle": ("ok", ["all sent", "last at"]),
    "syncing": ("syncing", ["sending", "sending: events 3, recordings 1", "oldest 1 min"]),
    "offline": ("offline", ["waiting: events 3, recordings 1", "offline since"]),
    "auth failed": ("error", ["waiting: events 5", "refused"]),
    "paused": ("paused", ["Sync paused", "events 2"]),
    "demo": ("ok", ["nothing to send"]),
    "refused": ("error", ["refused 2"]),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_status_line_in_each_state(qtbot, bridge, line, name):
    show(qtbot, bridge, STATES[name])
    state, words = EXPECTED[name]
    assert line.state == state
    for word in words:
        assert word in line.text.text(), (name, line.text.text())
    assert line.demo.isVisible() is (name == "demo")
    assert line.text.text() in line.toolTip()  # the whole line, even if a layout elides it


def whole_text_fits(label) -> bool:
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


@pytest.mark.parametrize("demo", [False, True], ids=["offline", "offline in demo mode"])
def test_the_whole_offline_line_fits_the_status_bar_at_1366(qtbot, bridge, till, demo):
    """The screenshot at 1366 px read "… offline since 2": the end was cut off."""
    from dataclasses import replace

    from forsell.ui.main_window import MainWindow

    window = MainWindow(till, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    show(qtbot, bridge, replace(STATES["offline"], demo_fakes=demo))
    label = window.sync_status.text
    assert "offline since" in label.text()
    # The status bar lays out after the text arrives: wait for that, then measure.
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width(), timeout=2000)
    assert whole_text_fits(label), (label.text(), label.contentsRect().width())
    assert label.fits()
    assert window.width() == 1366  # nothing pushed the window wider than the screen
    if demo:
        note = window.sync_status.demo
        qtbot.waitUntil(lambda: note.width() >= note.sizeHint().width(), timeout=2000)
        assert note.isVisible() and whole_text_fits(note), note.contentsRect().width()


def test_demo_mode_says_transcripts_are_fake(qtbot, bridge, line):
    show(qtbot, bridge, STATES["demo"])
    assert "FAKE" in line.demo.text() and "not real speech recognition" in line.demo.text()


def test_offline_since_is_the_time_the_till_went_offline(qtbot, bridge, line):
    show(qtbot, bridge, STATES["syncing"])
    assert bridge.offline_since is None
    show(qtbot, bridge, STATES["offline"])
    since = bridge.offline_since
    assert since is not None
    assert since.astimezone(TZ).strftime("%H:%M") in line.text.text()
    show(qtbot, bridge, STATES["offline"])
    assert bridge.offline_since == since  # still the start, not the latest report
    show(qtbot, bridge, STATES["online idle"])
    assert bridge.offline_since is None


def test_offline_since_survives_a_restart_as_the_last_contact(qtbot, bridge, line):
    """The bridge is fresh (the till just restarted), yet it says since when there is no
    contact: the last success each lane keeps in the database, not the moment this process
    noticed."""
    contact = NOW - timedelta(hours=2, minutes=7)
    offline = view(
        sv.OFFLINE,
        lane("business", sv.OFFLINE, pending=3, last_success=contact, error="sync.offline"),
        lane("audio", sv.OFFLINE, last_success=contact - timedelta(hours=1), error="sync.offline"),
    )
    show(qtbot, bridge, offline)
    assert bridge.offline_since == contact
    assert contact.astimezone(TZ).strftime("%H:%M") in line.text.text()


def test_auth_failure_is_in_the_tooltip_in_words(qtbot, bridge, line):
    show(qtbot, bridge, STATES["auth failed"])
    assert "Settings → Sync" in line.toolTip()


def test_engine_thread_status_arrives_on_the_gui_thread(qtbot, bridge):
    gui = QThread.currentThread()
    seen: list[tuple[object, bool]] = []
    bridge.status_changed.connect(lambda v: seen.append((v, QThread.currentThread() is gui)))
    status = view(sv.ONLINE, lane("business", pending=7))
    engine = threading.Thread(target=bridge.push, args=(status,))
    with qtbot.waitSignal(bridge.status_changed, timeout=2000):
        engine.start()
        engine.join()
    assert seen == [(status, True)]


def test_a_burst_from_the_engine_is_throttled_and_the_newest_wins(qtbot, bridge):
    delivered: list = []
    bridge.status_changed.connect(delivered.append)
    burst = [view(sv.ONLINE, lane("business", pending=n)) for n in range(500, 0, -1)]

    def engine() -> None:
        for status in burst:
            bridge.push(status)

    worker = threading.Thread(target=engine)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(delivered) and delivered[-1] is burst[-1], timeout=3000)
    assert len(delivered) <= 5  # 500 updates became a handful, at most 10 a second
    assert delivered[-1].business.pending == 1


@needs(secret_service)  # the engine keeps its device token in the secret store
def test_real_engine_towards_a_dead_port_shows_offline_in_the_window(qtbot, till):
    from forsell.services import settings as s
    from forsell.services.sync import SyncService
    from forsell.store.models import OutboxJob
    from forsell.ui.main_window import MainWindow

    till.ctx.settings.set(s.SYNC_ENABLED, True)
    till.ctx.settings.set(s.SYNC_BACKEND_URL, "http://127.0.0.1:9")  # nothing listens there
    with till.ctx.db.write() as session:
        session.add(OutboxJob(lane="business", kind="sale", entity_id="s1", payload={}))
    service = SyncService(till)
    bridge = SyncBridge(service)
    window = MainWindow(till, sync=service, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    try:
        service.start(bridge.push)  # the engine's thread calls bridge.push
        qtbot.waitUntil(
            lambda: bridge.view is not None and bridge.view.state == sv.OFFLINE, timeout=10_000
        )
        text = window.sync_status.text.text()
        assert "events 1" in text and "offline since" in text
        assert window.sync_status.state == "offline"
    finally:
        service.stop()
        bridge.stop()
