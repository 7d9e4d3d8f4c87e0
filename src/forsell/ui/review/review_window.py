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
from PySide6.QtWidgets import QDialog, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from forsell.domain.roles import Role
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.review import ReviewService

from ..backoffice_kit import STYLE
from .conversation_view import ConversationView
from .list_screen import ListScreen
from .player import AudioOutput, default_output
from .scorecard_editor import ScorecardEditor

log = logging.getLogger(__name__)


class ReviewDialog(QDialog):
    def __init__(self, till: Till, who: EmployeeView, parent: QWidget | None = None, *,
                 service: ReviewService | None = None, vault=None,
                 output_factory: Callable[[], AudioOutput] = default_output) -> None:
        super().__init__(parent)
        self.till, self.who = till, who
        if service is None:
            service = ReviewService(till, vault if vault is not None else _open_vault(till))
        self.service = service
        self.supervisor = who.role.at_least(Role.SUPERVISOR)
        self.setWindowTitle(self.tr("Conversations") if self.supervisor
                            else self.tr("My conversations"))
        self.setStyleSheet(STYLE + "QDialog QWidget { font-size: 15px; }")
        self.resize(1366, 740)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        ctx = till.ctx
        today = ctx.local(datetime.now(UTC)).date()
        cashiers = [e for e in till.staff.staff() if e.role is Role.CASHIER] if self.supervisor \
            else [who]
        shift = till.shifts.current()
        self.list = ListScreen(service, who, cashiers, today, shift.id if shift else None)
        self.list.filters.set_items(self._scorecard_items())
        self.list.filters.load_shifts(service, who)
        self.conversation = ConversationView(service, who, output_factory=output_factory,
                                             language=who.language)
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
                lambda: self.list.filters.set_items(self._scorecard_items()))
            self.tabs.addTab(self.scorecard, self.tr("Scorecard"))
        layout.addWidget(self.tabs)
        self.list.open_requested.connect(self.open_conversation)
        self.conversation.back_requested.connect(self.show_list)
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
        self.conversation.open(recording_id)
        self.conversation.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        self.conversation.close_audio()  # the plain audio leaves memory with the conversation
        self.pages.setCurrentWidget(self.list)
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:  # Qt override: Esc goes back to the list first
        if (event.key() == Qt.Key.Key_Escape and self.tabs.currentWidget() is self.pages
                and self.pages.currentWidget() is self.conversation):
            self.show_list()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:  # Qt override: closing (or the till's lock) ends playback
        self.conversation.close_audio()
        super().done(result)


def _open_vault(till: Till):
    from forsell.services.recordings import open_vault

    return open_vault(till.ctx)
