"""The review window: the conversation list and one conversation, and (supervisors) the dashboard.

Supervisors and admins see every conversation; a cashier sees only their own ("My
conversations"), reads why each scored what it did and disputes an item. It is a window-modal
dialog over the till: locking the till closes it (main_window.lock), so nobody's conversations
stay on screen for the next person.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.roles import Role
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.review.service import ReviewService

from ..backoffice_kit import STYLE
from .conversation_view import ConversationView
from .list_screen import PAGE, ListScreen
from .player import AudioOutput, default_output
from .scorecard_editor import ScorecardEditor

log = logging.getLogger(__name__)


class ReviewDialog(QDialog):
    def __init__(
        self,
        till: Till,
        who: EmployeeView,
        parent: QWidget | None = None,
        *,
        service: ReviewService | None = None,
        vault=None,
        output_factory: Callable[[], AudioOutput] = default_output,
    ) -> None:
        super().__init__(parent)
        self.till, self.who = till, who
        if service is None:
            service = ReviewService(till, vault if vault is not None else _open_vault(till))
        self.service = service
        self.supervisor = who.role.at_least(Role.SUPERVISOR)
        self.setWindowTitle(
            self.tr("Conversations") if self.supervisor else self.tr("My conversations")
        )
        self.setStyleSheet(STYLE + "QDialog QWidget { font-size: 15px; }")
        self.resize(1366, 740)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        ctx = till.ctx
        today = ctx.local(datetime.now(UTC)).date()
        cashiers = (
            [e for e in till.staff.staff() if e.role is Role.CASHIER] if self.supervisor else [who]
        )
        shift = till.shifts.current()
        self.list = ListScreen(service, who, cashiers, today, shift.id if shift else None)
        self.list.filters.set_items(self._scorecard_items())
        self.list.filters.load_shifts(service, who)
        self.conversation = ConversationView(
            service, who, output_factory=output_factory, language=who.language
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.conversation)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("review tabs")
        self.tabs.addTab(self.pages, self.windowTitle())
        self.dashboard = None
        self.scorecard: ScorecardEditor | None = None
        if self.supervisor:
            try:
                from .dashboard import DashboardPage
            except ImportError:  # the dashboard's service is not installed in this build
                log.exception("no dashboard")
            else:
                self.dashboard = DashboardPage(till, who)
                self.dashboard.set_item_titles(dict(self._scorecard_items()))
                self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
            self.scorecard = ScorecardEditor(service, who)  # admins edit, supervisors read
            self.scorecard.saved.connect(
                lambda: self.list.filters.set_items(self._scorecard_items())
            )
            self.tabs.addTab(self.scorecard, self.tr("Scorecard"))
        close = QPushButton(self.tr("Close (Esc)"))
        close.setAccessibleName("close review")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.tabs.setCornerWidget(close)  # beside the tabs: no row of the 768 px taken from them
        layout.addWidget(self.tabs)
        self.list.open_requested.connect(self.open_conversation)
        self.list.loaded.connect(self._list_reloaded)
        self.conversation.back_requested.connect(self.show_list)
        self.conversation.step_requested.connect(self.step)
        self.conversation.next_after_reload.connect(self._next_after_reload)
        self.conversation.changed.connect(lambda _rid: self.list.load(self.list.offset))
        self.list.first_page()

    def _scorecard_items(self) -> list[tuple[str, str]]:
        try:
            card = self.service.scorecard()
        except Exception:  # a broken scorecard must not close the list
            log.exception("scorecard unreadable")
            return []
        lang = self.who.language
        return [(i.id, i.title.get(lang) or i.title.get("ru") or i.id) for i in card.items]

    def open_conversation(self, recording_id: str) -> None:
        self.pages.setCurrentWidget(self.conversation)
        self._open_id, self._open_gone = recording_id, False
        self._open_at = self._index_of(recording_id)
        if self._open_at is not None:
            self.list.table.selectRow(self._open_at - self.list.offset)  # Back lands on it
        self._show_neighbours()
        self.conversation.open(recording_id)
        self.conversation.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the next / previous conversation of the list ----------------------------------------
    # Positions are indexes into the whole filtered list (offset + row). A conversation that
    # leaves the list while open (marked reviewed under "not reviewed") leaves its successor at
    # its position: Next then opens that one instead of skipping it.

    _open_id: str | None = None
    _open_at: int | None = None
    _open_gone = False
    _step_to: int | None = None  # a step that waits for another page of the list
    _advance = False  # a step to the next one that waits for the list to reload

    def _next_after_reload(self) -> None:
        self._advance = True

    def _index_of(self, recording_id: str) -> int | None:
        ids = [row.recording_id for row in self.list.rows]
        return self.list.offset + ids.index(recording_id) if recording_id in ids else None

    def _target(self, delta: int) -> int | None:
        if self._open_at is None:
            return None
        target = self._open_at + (0 if self._open_gone and delta > 0 else delta)
        return target if 0 <= target < self.list.total else None

    def _show_neighbours(self) -> None:
        self.conversation.set_neighbours(self._target(-1) is not None, self._target(1) is not None)

    def step(self, delta: int) -> None:
        target = self._target(delta)
        if target is None:
            return
        offset = self.list.offset
        if offset <= target < offset + len(self.list.rows):
            self.open_conversation(self.list.rows[target - offset].recording_id)
        else:
            self._step_to = target
            self.list.load(target // PAGE * PAGE)

    def _list_reloaded(self) -> None:
        if self._step_to is not None:
            target, self._step_to = self._step_to, None
            row = target - self.list.offset
            if 0 <= row < len(self.list.rows):
                self.open_conversation(self.list.rows[row].recording_id)
                return
        if self._open_id is not None and self.pages.currentWidget() is self.conversation:
            at = self._index_of(self._open_id)
            if at is not None:
                self._open_at, self._open_gone = at, False
            else:
                self._open_gone = True
            self._show_neighbours()
            if self._advance:
                self._advance = False
                self.step(1)

    def show_list(self) -> None:
        self._advance, self._step_to = False, None  # back in the list: no step is owed
        self.conversation.close_audio()  # the plain audio leaves memory with the conversation
        self.pages.setCurrentWidget(self.list)
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:  # Qt override: Esc goes back to the list first
        if (
            event.key() == Qt.Key.Key_Escape
            and self.tabs.currentWidget() is self.pages
            and self.pages.currentWidget() is self.conversation
        ):
            self.show_list()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:  # Qt override: closing (or the till's lock) ends playback
        self.conversation.close_audio()
        super().done(result)


def _open_vault(till: Till):
    from forsell.services.recordings import open_vault

    return open_vault(till.ctx)
