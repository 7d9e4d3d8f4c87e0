"""The tray: icon per state, a menu rebuilt as it opens, actions that reach the real sync
service, one notification per lasting problem, and the window hiding into it on close.

Offscreen there is no system tray (``SyncTray.available()`` is False), but a QSystemTrayIcon can
still be created and shown, so the tray is exercised as it is on a desktop; no subclass.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from forsell.services import settings as s
from forsell.services import sync as sv
from forsell.services.sync import SyncService
from forsell.store.models import OutboxJob
from forsell.ui.approval import OverrideDialog
from forsell.ui.main_window import MainWindow
from forsell.ui.sync_status import STATE_COLOURS, SyncBridge
from forsell.ui.tray import SyncTray, state_icon

from .conftest import CASHIER_PIN, SUPERVISOR_PIN, find
from .sync_views import STATES


@pytest.fixture
def service(till):
    made = SyncService(till)  # sync.enabled is off: a real "not configured" service
    yield made
    made.stop()


@pytest.fixture
def bridge(service):
    made = SyncBridge(service)
    yield made
    made.stop()


@pytest.fixture
def tray(qtbot, till, service, bridge):
    made = SyncTray(service, bridge, lambda: till.ctx.timezone)
    made.start()
    yield made
    made.stop()


def open_menu(tray: SyncTray) -> list[str]:
    tray.menu.aboutToShow.emit()  # what Qt emits as the menu opens
    return tray.lines()


def test_the_tray_is_not_available_offscreen():
    assert SyncTray.available() is False  # hence the status bar line everywhere


@pytest.mark.parametrize("state", list(STATE_COLOURS))
def test_icon_colour_follows_the_state(qtbot, state):
    image = state_icon(state).pixmap(32, 32).toImage()
    assert not image.isNull()
    edge = image.pixelColor(16, 3)  # on the disc, away from the white glyph
    assert edge.name() == QColor(STATE_COLOURS[state]).name()


def test_menu_is_rebuilt_from_the_real_service_each_time_it_opens(qtbot, till, tray):
    lines = open_menu(tray)
    assert any("not set up" in line for line in lines)
    assert "Sales and shifts: all sent" in lines
    # Sales were made meanwhile: outbox rows of the business lane wait.
    with till.ctx.db.write() as session:
        for n in range(3):
            session.add(OutboxJob(lane="business", kind="sale", entity_id=f"s{n}", payload={}))
    lines = open_menu(tray)
    assert any(line.startswith("Sales and shifts: 3 waiting, oldest") for line in lines)
    assert "Recordings: all sent" in lines


def test_not_configured_menu_offers_no_sync_now(qtbot, tray):
    open_menu(tray)
    assert not tray.action("sync now").isEnabled()
    assert not tray.action("pause sync").isEnabled()
    assert tray.action("open till").isEnabled() and tray.action("quit").isEnabled()


EXPECTED = {  # state → words that some line of the menu carries
    "online idle": ["Sales and shifts: all sent", "last sent"],
    "syncing": ["Sales and shifts: 3 waiting, oldest 1 min", "Recordings: 1 waiting"],
    "offline": ["waiting, oldest 12 min", "last error: No connection to the server"],
    "auth failed": ["oldest 3 h", "last error: The server refused this till's key"],
    "paused": ["Sync paused"],
    "demo": ["FAKE servers"],
    "refused": ["2 refused, waiting for an admin", "last error: The server refused an item"],
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_menu_texts_for_each_state(qtbot, tray, name):
    tray.fill(STATES[name])
    text = "\n".join(tray.lines())
    for words in EXPECTED[name]:
        assert words in text, (name, text)
    paused = name == "paused"
    assert tray.action("resume sync" if paused else "pause sync").isEnabled()
    assert tray.action("sync now").isEnabled() is not paused


def configure(till, url: str = "http://127.0.0.1:9") -> None:
    """Sync on, towards a port where nothing listens (the engine is not started here)."""
    till.ctx.settings.set(s.SYNC_ENABLED, True)
    till.ctx.settings.set(s.SYNC_BACKEND_URL, url)


def test_pause_and_resume_reach_the_service(qtbot, till, tray, service):
    configure(till)
    with till.ctx.db.write() as session:
        session.add(OutboxJob(lane="business", kind="sale", entity_id="s1", payload={}))
    open_menu(tray)
    tray.action("pause sync").trigger()
    assert service.status().state == sv.PAUSED
    assert till.ctx.settings.get(s.SYNC_PAUSED) is True  # survives a restart
    lines = open_menu(tray)
    assert lines[0].startswith("Sync paused")
    assert not tray.action("sync now").isEnabled()
    tray.action("resume sync").trigger()
    assert service.status().state != sv.PAUSED
    open_menu(tray)
    assert tray.action("pause sync").isEnabled()
    assert tray.action("sync now").isEnabled()
    tray.action("sync now").trigger()  # with no engine running: harmless, nothing raised


def test_open_till_and_quit_are_signals_for_the_app(qtbot, tray):
    open_menu(tray)
    with qtbot.waitSignal(tray.open_till, timeout=1000):
        tray.action("open till").trigger()
    with qtbot.waitSignal(tray.quit, timeout=1000):
        tray.action("quit").trigger()


def test_a_lasting_problem_is_announced_once(qtbot, tray):
    tray.show_status(STATES["auth failed"])
    tray.show_status(STATES["auth failed"])
    assert [p.key for p in tray.announced] == ["auth", "stuck:business"]
    tray.show_status(STATES["online idle"])  # fixed
    tray.show_status(STATES["auth failed"])  # and broken again: worth a new word
    assert [p.key for p in tray.announced] == ["auth", "stuck:business"] * 2


def test_offline_or_fresh_items_are_not_announced(qtbot, tray):
    tray.show_status(STATES["offline"])  # waiting 12 min and offline: the status line says it
    tray.show_status(STATES["syncing"])
    assert tray.announced == []


def test_closing_the_window_hides_it_in_the_tray(qtbot, till, service, bridge, tray):
    window = MainWindow(till, sync=service, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_tray(tray)
    window.close()
    assert not window.isVisible()
    assert window.autolock is not None and tray.is_shown()
    with qtbot.waitSignal(tray.open_till, timeout=1000):
        tray.open_till.emit()
    assert window.isVisible()  # Open till brought it back


def test_without_a_tray_closing_the_window_closes_it(qtbot, till, service, bridge):
    window = MainWindow(till, sync=service, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    closed = window.close()
    assert closed and not window.isVisible()


def test_long_status_lines_wrap_instead_of_being_cut(qtbot, tray):
    # The Russian demo line is ~900 px in bold: a menu cannot wrap, so the tray splits it into
    # lines that fit (seen cut to "…серверо…" on a real XEmbed tray before).
    from PySide6.QtGui import QFontMetrics

    from forsell.ui.tray import MENU_TEXT_PX

    tray.fill(STATES["demo"])
    demo = [a for a in tray.menu.actions() if a.toolTip().startswith("DEMO")]
    assert len(demo) >= 2
    for action in demo:
        assert "…" not in action.text()
        assert QFontMetrics(action.font()).horizontalAdvance(action.text()) <= MENU_TEXT_PX + 30
    words = " ".join(a.text().strip() for a in demo).split()
    assert words == demo[0].toolTip().split()  # every word, in order, nothing lost


def test_quit_from_the_tray_needs_a_supervisor_or_admin_pin(qtbot, window, monkeypatch):
    quits: list[bool] = []
    monkeypatch.setattr(window, "quit_app", lambda: quits.append(True))
    window.request_quit()  # what the tray's Quit does; nobody is signed in
    dialog = next(d for d in window.findChildren(OverrideDialog) if d.isVisible())
    assert "Quit the till" in dialog.what.text()
    qtbot.keyClicks(find(dialog, "supervisor PIN"), CASHIER_PIN)
    qtbot.mouseClick(find(dialog, "approve"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and find(dialog, "override error").text() and quits == []
    qtbot.keyClicks(find(dialog, "supervisor PIN"), SUPERVISOR_PIN)
    qtbot.mouseClick(find(dialog, "approve"), Qt.MouseButton.LeftButton)
    assert quits == [True]
