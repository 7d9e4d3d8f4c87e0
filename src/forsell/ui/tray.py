"""The tray icon: sync keeps running when the window is closed, and shows what it is doing.

The icon's colour and glyph give the state at a glance (ok, syncing, offline, error, paused, not
set up). The menu is rebuilt each time it opens, from a fresh status: per lane what waits and
for how long, the last successful sync and the last error in words; then Sync now,
Pause/Resume, Open till and Quit. A problem that lasts (auth refused, items refused, something
stuck for half an hour while online) is announced once with a notification.

Where the desktop has no system tray (offscreen, bare X servers, some Linux desktops),
``SyncTray.available()`` is False; the window then quits on close as before and the same status
lives in its status bar (ui/sync_status.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from forsell.services import sync as sv
from forsell.services.fiscal import FiscalOverview
from forsell.services.sync import LaneStatusView, SyncStatusView

from .sync_status import (
    STATE_COLOURS,
    Problem,
    SyncBridge,
    SyncControl,
    age_text,
    error_text,
    local_time,
    overall,
    problems,
    summary,
)

MENU_TEXT_PX = 460  # long lines wrap onto the next menu line; the tooltip has them whole


def wrap_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` split at spaces into lines no wider than ``width``; the last one elided."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def _glyph(painter: QPainter, state: str, size: int) -> None:
    """A white sign on the coloured disc, so the state reads without colour vision too."""
    s = size / 64
    pen = QPen(
        QColor("white"),
        7 * s,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if state == "ok":  # a tick
        path = QPainterPath(QPointF(19 * s, 33 * s))
        path.lineTo(28 * s, 42 * s)
        path.lineTo(45 * s, 23 * s)
        painter.drawPath(path)
    elif state == "syncing":  # a circling arrow
        painter.drawArc(QRectF(18 * s, 18 * s, 28 * s, 28 * s), 30 * 16, 270 * 16)
        head = QPainterPath(QPointF(44 * s, 14 * s))
        head.lineTo(45 * s, 25 * s)
        head.lineTo(34 * s, 24 * s)
        painter.drawPath(head)
    elif state == "paused":  # two bars
        painter.drawLine(QPointF(26 * s, 20 * s), QPointF(26 * s, 44 * s))
        painter.drawLine(QPointF(38 * s, 20 * s), QPointF(38 * s, 44 * s))
    elif state == "error":  # an exclamation mark
        painter.drawLine(QPointF(32 * s, 17 * s), QPointF(32 * s, 36 * s))
        painter.drawPoint(QPointF(32 * s, 47 * s))
    elif state == "offline":  # a crossed-out link: two dots and a slash
        painter.drawPoint(QPointF(20 * s, 32 * s))
        painter.drawPoint(QPointF(44 * s, 32 * s))
        painter.drawLine(QPointF(40 * s, 18 * s), QPointF(24 * s, 46 * s))
    else:  # not set up: a dash
        painter.drawLine(QPointF(21 * s, 32 * s), QPointF(43 * s, 32 * s))


def state_icon(state: str) -> QIcon:
    """The tray icon of ``state``, painted at the sizes trays ask for."""
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS[state]))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        _glyph(painter, state, size)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class SyncTray(QObject):
    """Owns the QSystemTrayIcon and its menu. ``open_till``/``quit`` are the app's to handle."""

    open_till = Signal()
    quit = Signal()

    def __init__(
        self,
        control: SyncControl,
        bridge: SyncBridge,
        tz_of: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.control, self.bridge, self._tz_of = control, bridge, tz_of
        self.view: SyncStatusView | None = None
        self._notified: set[str] = set()
        self.announced: list[Problem] = []  # every notification given, in order
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()  # a QMenu cannot have a QObject parent; deleted in stop()
        self.menu.setToolTipsVisible(True)
        self.menu.setAccessibleName("sync menu")
        self.menu.aboutToShow.connect(self.rebuild)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        bridge.status_changed.connect(self.show_status)
        self.show_status(bridge.view or control.status())
        #: The fiscal lane's overview (set by the app when fiscal registration runs).
        self.fiscal: Callable[[], FiscalOverview] | None = None

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def start(self) -> None:
        self.icon.show()

    def stop(self) -> None:
        """Before quitting: the icon leaves the tray at once, not when the process is gone."""
        self.icon.hide()
        self.menu.deleteLater()

    def is_shown(self) -> bool:
        return self.icon.isVisible()

    # --- status ---------------------------------------------------------------------------

    @Slot(object)
    def show_status(self, view: SyncStatusView) -> None:
        """Icon, tooltip and notifications follow each status (throttled by the bridge)."""
        self.view = view
        state = overall(view)
        self.icon.setIcon(state_icon(state))
        self.icon.setToolTip(
            "4Sell · " + summary(view, self._tz_of(), offline_since=self.bridge.offline_since)
        )
        self._notify(view)

    def _notify(self, view: SyncStatusView) -> None:
        current = {p.key: p for p in problems(view)}
        self._notified &= current.keys()  # a problem that went away may be announced again
        for key, problem in current.items():
            if key in self._notified:
                continue
            self._notified.add(key)
            self.announced.append(problem)
            if self.icon.isVisible() and self.icon.supportsMessages():
                self.icon.showMessage(
                    self.tr("4Sell sync needs attention"),
                    problem.text,
                    QSystemTrayIcon.MessageIcon.Warning,
                    15_000,
                )

    # --- the menu -------------------------------------------------------------------------

    @Slot()
    def rebuild(self) -> None:
        """Fills the menu from a fresh status (called by aboutToShow, i.e. as it opens)."""
        self.bridge.refresh()  # a fresh status for everybody (icon, tooltip, status bar)
        self.fill(self.bridge.view or self.control.status())

    def fill(self, view: SyncStatusView) -> None:
        now, tz = datetime.now(UTC), self._tz_of()
        menu = self.menu
        menu.clear()
        self._info(summary(view, tz, now, self.bridge.offline_since), bold=True)
        menu.addSeparator()
        for lane, title in (
            (view.business, self.tr("Sales and shifts")),
            (view.audio, self.tr("Recordings")),
        ):
            self._lane(title, lane, tz, now)
        if self.fiscal is not None:
            self._fiscal(self.fiscal())
        if view.demo_fakes:
            self._info(
                self.tr("DEMO: transcripts come from FAKE servers, not real speech recognition"),
                bold=True,
            )
        menu.addSeparator()
        sync_now = self._action(self.tr("Sync now"), "sync now", self.control.sync_now)
        configured = view.state != sv.NOT_CONFIGURED
        sync_now.setEnabled(configured and view.state != sv.PAUSED)
        if view.state == sv.PAUSED:
            self._action(self.tr("Resume sync"), "resume sync", self.control.resume)
        else:
            pause = self._action(self.tr("Pause sync"), "pause sync", self.control.pause)
            pause.setEnabled(configured)
        menu.addSeparator()
        self._action(self.tr("Open till"), "open till", self.open_till.emit)
        self._action(self.tr("Quit 4Sell"), "quit", self.quit.emit)

    def _lane(self, title: str, lane: LaneStatusView, tz, now: datetime) -> None:
        if lane.pending:
            line = self.tr("{lane}: {n} waiting, oldest {age}").format(
                lane=title, n=lane.pending, age=age_text(lane.oldest_pending_age_s)
            )
        else:
            line = self.tr("{lane}: all sent").format(lane=title)
        self._info(line)
        if lane.last_success_at is not None:
            self._info(
                "    "
                + self.tr("last sent {time}").format(time=local_time(lane.last_success_at, tz, now))
            )
        if lane.dead:
            self._info("    " + self.tr("{n} refused, waiting for an admin").format(n=lane.dead))
        if lane.last_error_key:
            self._info(
                "    "
                + self.tr("last error: {error}").format(error=error_text(lane.last_error_key))
            )

    def _fiscal(self, o: FiscalOverview) -> None:
        """Fiscal receipts: what waits for the cash register, refusals, the 72-hour limit."""
        if not o.configured:
            return
        title = self.tr("Fiscal receipts")
        if o.waiting or o.refused:
            self._info(
                self.tr("{lane}: {n} waiting, {m} refused").format(
                    lane=title, n=o.waiting, m=len(o.refused)
                )
            )
        else:
            self._info(self.tr("{lane}: all registered").format(lane=title))
        for refused in o.refused[:3]:
            self._info("    " + error_text(refused.reason_key))
        if o.autonomous_level in ("warn", "soon"):
            self._info("    " + self.tr("Receipts wait for the tax office: selling stops at 72 h"))
        elif o.autonomous_level == "limit":
            self._info("    " + self.tr("72 h without the tax office: selling stopped"), bold=True)

    def _info(self, text: str, bold: bool = False) -> QAction:
        """A line of status: disabled (nothing happens on click), word-wrapped onto at most
        three menu lines (a menu cannot wrap by itself), whole in its tooltip."""
        font = self.menu.font()
        font.setBold(bold)
        body = text.lstrip(" ")
        indent = text[: len(text) - len(body)]
        first = None
        for number, line in enumerate(wrap_lines(body, QFontMetrics(font), MENU_TEXT_PX, 3)):
            action = self.menu.addAction(indent + ("  " if number else "") + line)
            action.setEnabled(False)
            action.setToolTip(body)
            action.setFont(font)
            first = first or action
        return first

    def _action(self, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = self.menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: self._run(slot))
        return action

    def _run(self, slot: Callable[[], object]) -> None:
        slot()
        self.bridge.refresh()  # paused/resumed shows at once, in the tray and the status bar

    def action(self, name: str) -> QAction:
        """The menu action with object name ``name`` (as built by the last ``rebuild``)."""
        found = [a for a in self.menu.actions() if a.objectName() == name]
        if not found:
            raise LookupError(name)
        return found[0]

    def lines(self) -> list[str]:
        """The status lines of the menu, whole (for tests and screen readers)."""
        return [
            a.toolTip()
            for a in self.menu.actions()
            if not a.isSeparator() and not a.isEnabled() and not a.objectName()
        ]

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_till.emit()
