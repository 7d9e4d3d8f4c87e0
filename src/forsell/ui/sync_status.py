"""What the sync engine is doing, shown in the main window's status bar, and the bridge that
brings the engine's status from its thread onto the GUI thread.

The engine calls ``on_status(view)`` on its own thread. ``SyncBridge.push`` only stores the
newest view and wakes the GUI thread through a queued signal; there a timer hands the newest
view out at most ``MAX_HZ`` times a second (a large drain sends hundreds of updates). No widget is
touched off the GUI thread. The same texts serve the tray (ui/tray.py) and the status bar, which
is the only place they show on a machine without a system tray.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from forsell.services import sync as sv
from forsell.services.sync import SyncStatusView

from .messages import text_for_key
from .tasks import emit_safely
from .theme import ERROR, MUTED, PRIMARY, WARNING_BORDER

MAX_HZ = 10.0
POLL_MS = 30_000  # ages ("oldest 12 min") move on even when the engine is quiet
STUCK_AFTER_S = 30 * 60  # pending this long while online: worth a notification

#: Icon/dot colour per overall state.
STATE_COLOURS = {
    "ok": PRIMARY,
    "syncing": "#1e6fd9",
    "offline": "#8a949a",
    "error": ERROR,
    "paused": WARNING_BORDER,
    "off": "#b8c0c5",
}


class SyncControl(Protocol):
    """What the tray and the status bar use of services.sync.SyncService."""

    def status(self) -> SyncStatusView: ...
    def sync_now(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...


translate = QCoreApplication.translate  # lupdate reads translate("context", "text") literals


def auth_failed(view: SyncStatusView) -> bool:
    return view.state == sv.AUTH_FAILED or any(lane.state == sv.AUTH_FAILED for lane in view.lanes)


def overall(view: SyncStatusView) -> str:
    """ok | syncing | offline | error | paused | off (not configured): picks icon and colour."""
    if view.state == sv.NOT_CONFIGURED:
        return "off"
    if view.state == sv.PAUSED:
        return "paused"
    if auth_failed(view) or any(lane.dead for lane in view.lanes):
        return "error"
    if view.state == sv.OFFLINE:
        return "offline"
    if any(lane.in_flight or lane.pending for lane in view.lanes):
        # Configured but the engine is not running (stopped, or failed to start): items wait.
        return "syncing" if view.running else "offline"
    return "ok"


def local_time(when: datetime | None, tz, now: datetime) -> str:
    """12:04 today, 03.05 12:04 on another day (the store's time zone)."""
    if when is None:
        return ""
    here, today = when.astimezone(tz), now.astimezone(tz)
    return here.strftime("%H:%M") if here.date() == today.date() else here.strftime("%d.%m %H:%M")


def age_text(seconds: float | None) -> str:
    """How old the oldest waiting item is, in words: "5 min", "3 h", "2 d"."""
    if seconds is None:
        return ""
    minutes = max(0, int(seconds // 60))
    if minutes < 1:
        return translate("SyncStatus", "less than a minute")
    if minutes < 120:
        return translate("SyncStatus", "{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return translate("SyncStatus", "{n} h").format(n=minutes // 60)
    return translate("SyncStatus", "{n} d").format(n=minutes // (24 * 60))


def waiting_text(view: SyncStatusView) -> str:
    """ "events 3, recordings 1" — what has not reached the server yet ("" when nothing)."""
    parts = []
    if view.business.pending:
        parts.append(translate("SyncStatus", "events {n}").format(n=view.business.pending))
    if view.audio.pending:
        parts.append(translate("SyncStatus", "recordings {n}").format(n=view.audio.pending))
    return ", ".join(parts)


def error_text(key: str | None) -> str:
    return text_for_key(key) if key else ""


def summary(
    view: SyncStatusView, tz, now: datetime | None = None, offline_since: datetime | None = None
) -> str:
    """The one-line status: "Sync, waiting: events 3, recordings 1 · offline since 12:04"."""
    now = now or datetime.now(UTC)
    state, waiting = overall(view), waiting_text(view)
    if state == "off":
        return translate("SyncStatus", "Sync: not set up, data stays on this till")
    if state == "paused":
        return (
            translate("SyncStatus", "Sync paused, waiting: {what}").format(what=waiting)
            if waiting
            else translate("SyncStatus", "Sync paused")
        )
    head = translate("SyncStatus", "Sync, waiting: {what}").format(what=waiting) if waiting else ""
    dead = sum(lane.dead for lane in view.lanes)
    if auth_failed(view):
        tail = translate("SyncStatus", "a key was refused: an admin must check Settings → Sync")
    elif view.state == sv.OFFLINE:
        tail = (
            translate("SyncStatus", "offline since {time}").format(
                time=local_time(offline_since, tz, now)
            )
            if offline_since
            else translate("SyncStatus", "offline")
        )
    elif dead:
        tail = translate("SyncStatus", "refused {n}, see Settings → Sync").format(n=dead)
    elif waiting:
        if view.running:
            head = translate("SyncStatus", "Sync, sending: {what}").format(what=waiting)
        ages = [
            lane.oldest_pending_age_s
            for lane in view.lanes
            if lane.oldest_pending_age_s is not None
        ]
        tail = (
            translate("SyncStatus", "oldest {age}").format(age=age_text(max(ages))) if ages else ""
        )
    else:
        last = max(
            (lane.last_success_at for lane in view.lanes if lane.last_success_at), default=None
        )
        return (
            translate("SyncStatus", "Sync: all sent, last at {time}").format(
                time=local_time(last, tz, now)
            )
            if last
            else translate("SyncStatus", "Sync: nothing to send")
        )
    head = head or translate("SyncStatus", "Sync")
    return f"{head} · {tail}" if tail else head


@dataclass(frozen=True)
class Problem:
    key: str  # stable per problem: "auth", "stuck:business", "dead", …
    text: str


def problems(view: SyncStatusView) -> list[Problem]:
    """What has gone wrong for long enough that a person should hear about it."""
    found: list[Problem] = []
    if view.state in (sv.NOT_CONFIGURED, sv.PAUSED):
        return found
    if auth_failed(view):
        found.append(Problem("auth", text_for_key("sync.auth")))
    dead = sum(lane.dead for lane in view.lanes)
    if dead:
        found.append(
            Problem(
                "dead",
                translate(
                    "SyncStatus",
                    "Items refused by the server: {n}. An admin can retry or drop them in "
                    "Settings → Sync.",
                ).format(n=dead),
            )
        )
    if view.state != sv.OFFLINE:
        for lane in view.lanes:
            age = lane.oldest_pending_age_s
            if age is None or age < STUCK_AFTER_S:
                continue
            text = (
                translate("SyncStatus", "Sales data has been waiting for {age}.")
                if lane.lane == "business"
                else translate("SyncStatus", "Recordings have been waiting for {age}.")
            ).format(age=age_text(age))
            found.append(
                Problem(f"stuck:{lane.lane}", f"{text} {error_text(lane.last_error_key)}".strip())
            )
    return found


class SyncBridge(QObject):
    """Engine thread → GUI thread, newest status wins, at most ``max_hz`` updates a second.

    Also the one place that remembers since when the till is offline (the engine reports the
    state, not its start) and that polls a quiet engine, so the tray and the status bar agree.
    """

    status_changed = Signal(object)  # SyncStatusView, on the GUI thread
    _arrived = Signal()

    def __init__(
        self,
        control: SyncControl | None = None,
        parent: QObject | None = None,
        max_hz: float = MAX_HZ,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.control = control
        self.view: SyncStatusView | None = None
        self.offline_since: datetime | None = None
        self._interval_ms = int(1000 / max_hz)
        self._lock = threading.Lock()
        self._latest: SyncStatusView | None = None
        self._woken = False
        self._last_emit = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._deliver)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.refresh)
        if control is not None and poll_ms:
            self._poll.start(poll_ms)
        # Queued even when emitted on the GUI thread: push() never runs a slot itself.
        self._arrived.connect(self._schedule, Qt.ConnectionType.QueuedConnection)

    def push(self, view: SyncStatusView) -> None:
        """The engine's ``on_status``: any thread, never blocks, never touches a widget."""
        with self._lock:
            self._latest = view
            if self._woken:
                return  # a delivery is already on its way and will take this newest view
            self._woken = True
        emit_safely(self._arrived)  # the bridge may be gone while the engine finishes

    def refresh(self) -> None:
        """GUI thread: reads a fresh status from the service now (a few counts in SQLite)."""
        if self.control is not None:
            self._publish(self.control.status())

    def stop(self) -> None:
        self._poll.stop()
        self._timer.stop()

    @Slot()
    def _schedule(self) -> None:
        wait = self._last_emit + self._interval_ms / 1000 - time.monotonic()
        self._timer.start(max(0, int(wait * 1000)))

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            view, self._latest, self._woken = self._latest, None, False
        if view is not None:
            self._last_emit = time.monotonic()
            self._publish(view)

    def _publish(self, view: SyncStatusView) -> None:
        if view.state != sv.OFFLINE:
            self.offline_since = None
        else:
            # The last contact each lane keeps in the database survives a restart of the till;
            # the moment this process noticed is only the answer when there was none.
            contacts = [lane.last_success_at for lane in view.lanes if lane.last_success_at]
            if contacts:
                self.offline_since = max(contacts)
            elif self.offline_since is None:
                self.offline_since = datetime.now(UTC)
        self.view = view
        self.status_changed.emit(view)


class ElidedLabel(QLabel):
    """A one-line label that asks for the width of its whole text and, only when the status bar
    cannot give it that much, paints the text elided in the middle; ``text()`` stays whole and
    the sync widget's tooltip carries it. A plain QLabel cut the end off ("… offline since 2"),
    and its minimum width (the whole text) could force the window wider than the screen."""

    MIN_CHARS = 12  # the layout may squeeze it no further

    def minimumSizeHint(self) -> QSize:  # Qt override
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        least = (
            self.fontMetrics().averageCharWidth() * self.MIN_CHARS
            + margins.left()
            + margins.right()
        )
        return QSize(min(least, hint.width()), hint.height())

    def fits(self) -> bool:
        """The whole text is shown (nothing elided)."""
        return self.fontMetrics().horizontalAdvance(self.text()) <= self.contentsRect().width()

    def paintEvent(self, event) -> None:  # Qt override
        if self.fits():
            super().paintEvent(event)
            return
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
        painter.end()


class SyncStatusWidget(QWidget):
    """The status bar's sync line: a coloured dot, the summary and, in demo mode, a loud note
    on a second line (side by side they did not fit a 1366 px window next to the clock)."""

    def __init__(
        self, bridge: SyncBridge, tz_of: Callable[[], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("sync status")
        self.bridge, self._tz_of = bridge, tz_of
        self.view: SyncStatusView | None = None
        self.state = "off"
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 0, 0, 0)
        grid.setSpacing(0)
        self.dot = QLabel()
        self.dot.setFixedSize(12, 12)
        self.dot.setAccessibleName("sync state")
        self.text = ElidedLabel()
        self.text.setAccessibleName("sync summary")
        self.demo = QLabel()
        self.demo.setAccessibleName("sync demo note")
        self.demo.setStyleSheet(
            "background: #fff4d6; color: #7a4b00; font-weight: bold;"
            " border: 1px solid #e0b84c; border-radius: 4px;"
        )
        self.demo.hide()
        grid.addWidget(self.dot, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.text, 0, 1)
        grid.addWidget(self.demo, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        bridge.status_changed.connect(self.show_status)
        if bridge.view is not None:
            self.show_status(bridge.view)

    @Slot(object)
    def show_status(self, view: SyncStatusView) -> None:
        self.view = view
        self._render()

    def changeEvent(self, event) -> None:  # Qt override
        if event.type() == event.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        view = self.view
        if view is None:
            return
        state = overall(view)
        self.state = state
        self.dot.setStyleSheet(
            f"background: {STATE_COLOURS[state]}; border-radius: 6px; padding: 0;"
        )
        self.dot.setAccessibleDescription(state)
        self.text.setStyleSheet(f"color: {ERROR if state == 'error' else MUTED};")
        line = summary(view, self._tz_of(), offline_since=self.bridge.offline_since)
        self.text.setText(line)
        found = problems(view)
        # The whole line is always in the tooltip: the label may show it elided.
        self.setToolTip("\n".join([line, *(p.text for p in found)]))
        self.demo.setVisible(view.demo_fakes)
        self.demo.setText(
            self.tr("DEMO: transcripts come from FAKE servers, not real speech recognition")
        )
