"""The conversation list: filters, a sortable page of conversations, paging; Enter opens one.

Every query runs off the GUI thread (a text search decrypts transcripts on the fly); only the
latest answer is shown, so typing fast never shows an older search's rows.

An open list follows what arrives (``live.conversation_events``: a recording ended, a
transcript or a score came): it reloads its page at most once a second, keeping the selected
conversation selected and the view where it was; a hidden list reloads when it shows again.
"""

from __future__ import annotations

import logging
import time
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_score
from forsell.domain.roles import Role
from forsell.services.auth import EmployeeView
from forsell.services.review.service import ConversationRow, ReviewService

from ..backoffice_kit import Feedback, make_button
from ..messages import message_for
from ..tasks import tasks
from .filters_panel import FiltersPanel
from .live import conversation_events
from .player import clock_text

log = logging.getLogger(__name__)
PAGE = 50
SORTABLE = {0: ("oldest", "newest"), 5: ("score_asc", "score_desc")}  # column → (asc, desc)
CASHIER_COLUMN = 1  # the cashier's name takes the spare width...
STATUS_COLUMN = 8  # ...or, in a cashier's own list (always their name: hidden), the status
# A header longer than its column's values is elided down to this (its tooltip keeps it whole):
# "Не выполнено" over one digit must not push the table, and the window, wider.
HEADER_CAP = 110
LIVE_MIN_S = 1.0  # at most one reload a second for news (a burst of 15 transcripts is one)
SPEAKERS_UNCERTAIN = "speakers_uncertain"


class ConversationTable(QTableWidget):
    opened = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override: Enter opens
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.opened.emit(self.item(self.currentRow(), 0).data(Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)


class ListScreen(QWidget):
    open_requested = Signal(str)  # recording id
    loaded = Signal()  # a page is shown (tests, automation)

    def __init__(
        self,
        service: ReviewService,
        who: EmployeeView,
        cashiers: list[EmployeeView],
        today: date,
        current_shift: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.who = service, who
        self.supervisor = who.role.at_least(Role.SUPERVISOR)
        self.rows: list[ConversationRow] = []
        self.total = 0
        self.offset = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.filters = FiltersPanel(today, cashiers, current_shift, show_cashier=self.supervisor)
        layout.addWidget(self.filters)
        self.table = ConversationTable(0, 9)
        self.table.setAccessibleName("conversations")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setStyleSheet("QTableWidget { font-size: 15px; }")
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.stretch = CASHIER_COLUMN if self.supervisor else STATUS_COLUMN
        header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(CASHIER_COLUMN, not self.supervisor)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.feedback = Feedback("list message")
        self.feedback.setMinimumHeight(0)
        self.page_label = QLabel()
        self.page_label.setAccessibleName("page")
        self.previous = make_button(self.tr("◀ Previous"), "previous page")
        self.next = make_button(self.tr("Next ▶"), "next page")
        self.open_button = make_button(self.tr("Open (Enter)"), "open conversation", "primary")
        bottom.addWidget(self.feedback, 1)
        for widget in (self.page_label, self.previous, self.next, self.open_button):
            bottom.addWidget(widget)
        layout.addLayout(bottom)
        self.filters.changed.connect(self.first_page)
        self.previous.clicked.connect(lambda: self.load(max(0, self.offset - PAGE)))
        self.next.clicked.connect(lambda: self.load(self.offset + PAGE))
        self.open_button.clicked.connect(self._open_current)
        self.table.opened.connect(self.open_requested)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._open_row(r))
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.timeout.connect(self._live_reload)
        self._live_at = 0.0  # when the last reload for news started (monotonic)
        self._stale = False  # news came while hidden
        self._keep_view = False  # the answer of a reload for news keeps the scroll position
        conversation_events().changed.connect(self.conversation_news)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Cashier"),
                self.tr("Length"),
                self.tr("Receipt"),
                self.tr("Sum"),
                self.tr("Score"),
                self.tr("Upsell"),
                self.tr("Failed"),
                self.tr("Status"),
            ]
        )
        for column in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(column)
            item.setToolTip(item.text())
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its values and its header; when that is wider than the table,
        headers are elided down to HEADER_CAP, and a still wider page scrolls sideways instead
        of widening the window."""
        header = self.table.horizontalHeader()
        columns = [
            c
            for c in range(self.table.columnCount())
            if c != self.stretch and not self.table.isColumnHidden(c)
        ]
        values = {c: self.table.sizeHintForColumn(c) for c in columns}
        full = {c: max(values[c], header.sectionSizeHint(c)) for c in columns}
        room = self.table.viewport().width() - max(self.table.sizeHintForColumn(self.stretch), 120)
        capped = sum(full.values()) > room
        for column in columns:
            title = header.sectionSizeHint(column)
            if capped:
                title = min(title, max(values[column], HEADER_CAP))
            self.table.setColumnWidth(column, max(values[column], title))

    def resizeEvent(self, event) -> None:  # Qt override: the room for full headers changed
        super().resizeEvent(event)
        self._fit_columns()

    # --- loading --------------------------------------------------------------------------------

    def first_page(self) -> None:
        self.load(0)

    # --- news ------------------------------------------------------------------------------------

    def conversation_news(self) -> None:
        """A conversation was recorded, transcribed or scored: reload this page soon (at most
        once every ``LIVE_MIN_S``; news meanwhile joins the reload already planned)."""
        if self._live.isActive():
            return
        wait = max(0.0, LIVE_MIN_S - (time.monotonic() - self._live_at))
        self._live.start(round(wait * 1000))

    def _live_reload(self) -> None:
        if not self.isVisible():
            self._stale = True  # the conversation is open: the list catches up on return
            return
        if tasks().busy(self, "list"):  # a page or a search is on its way: not replaced
            self._live.start(200)
            return
        self._live_at = time.monotonic()
        self.load(self.offset, keep_view=True)

    def showEvent(self, event) -> None:  # Qt override: back from a conversation
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.conversation_news()

    def load(self, offset: int = 0, keep_view: bool = False) -> None:
        """Loads the page at ``offset``; ``keep_view``: a reload for news, the scroll position
        stays (the selected conversation stays selected either way)."""
        self._keep_view = keep_view
        self.offset = offset
        query = self.filters.current(limit=PAGE, offset=offset)
        service, who = self.service, self.who
        if not keep_view:  # news reloads quietly
            self.page_label.setText(self.tr("Searching…") if query.text else self.tr("Loading…"))
        tasks().run(
            lambda: (service.list(who, query), service.count(who, query)),
            self._show,
            self._failed,
            owner=self,
            key="list",
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, CashierError):
            self.feedback.error(message_for(exc))
        else:
            log.error("conversation list failed: %s", type(exc).__name__)
            self.feedback.error(self.tr("The list cannot be loaded. Try again."))
        self.page_label.setText("")

    def _show(self, answer: tuple[list[ConversationRow], int]) -> None:
        keep_view, self._keep_view = self._keep_view, False
        current = self.table.currentRow()
        selected = self.rows[current].recording_id if 0 <= current < len(self.rows) else None
        scroll = self.table.verticalScrollBar().value()
        sideways = self.table.horizontalScrollBar().value()
        self.rows, self.total = answer
        self.feedback.clear_message()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, (text, align) in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.recording_id)
                self.table.setItem(r, c, item)
        self._fit_columns()
        if self.rows:
            first, last = self.offset + 1, self.offset + len(self.rows)
            self.page_label.setText(
                self.tr("{first}–{last} of {total}").format(
                    first=first, last=last, total=self.total
                )
            )
        else:
            self.page_label.setText(self.tr("No conversations match."))
        self.previous.setEnabled(self.offset > 0)
        self.next.setEnabled(self.offset + len(self.rows) < self.total)
        self.open_button.setEnabled(bool(self.rows))
        self._reselect(selected, current, scroll if keep_view else None)
        if keep_view:
            self.table.horizontalScrollBar().setValue(sideways)
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.loaded.emit()

    def _reselect(self, selected: str | None, was_at: int, scroll: int | None) -> None:
        """The conversation selected before a reload stays selected wherever it moved; for news
        (``scroll`` given) the view stays where it was: at the top it shows what came, further
        down the selected row stays in its place on screen."""
        ids = [row.recording_id for row in self.rows]
        if selected is None or selected not in ids:
            if scroll is not None:
                self.table.verticalScrollBar().setValue(scroll)
            return
        at = ids.index(selected)
        if at != self.table.currentRow() or not self.table.selectionModel().hasSelection():
            self.table.selectRow(at)
        if scroll is not None:
            moved = at - was_at if scroll > 0 and was_at >= 0 else 0
            bar = self.table.verticalScrollBar()
            per_item = self.table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
            step = 1 if per_item else self.table.rowHeight(at)
            bar.setValue(scroll + moved * step)

    def _cells(self, row: ConversationRow) -> list[tuple[str, Qt.AlignmentFlag]]:
        left, right, centre = (
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignRight,
            Qt.AlignmentFlag.AlignHCenter,
        )
        score = format_score(row.score)
        upsell = f"{row.conversions}/{row.offers}" if row.offers else "—"
        if row.extra_revenue:
            upsell += f"  +{format_kzt(row.extra_revenue)}"
        marks = []
        if row.flagged:
            marks.append("⚑ " + self.tr("flagged"))
        if row.disputed:
            marks.append("⚠ " + self.tr("disputed"))
        if row.reviewed:
            marks.append("✓ " + self.tr("reviewed"))
        if not row.has_transcript:
            marks.append(self.tr("no transcript"))
        elif row.status == "not_scorable":
            marks.append(
                self.tr("Speakers uncertain — listen and confirm or swap")
                if row.not_scorable_reason == SPEAKERS_UNCERTAIN
                else self.tr("not scored")
            )
        elif row.score is None and row.status != "shredded":
            # A transcript waits for its score: say so instead of an empty status.
            marks.append(self.tr("not scored yet"))
        return [
            (row.started_at.strftime("%d.%m %H:%M"), left),
            (row.employee, left),
            (clock_text(row.duration_s), right),
            (str(row.receipt_no) if row.receipt_no is not None else "—", right),
            (format_kzt(row.sale_total) if row.sale_total is not None else "—", right),
            (score, right),
            (upsell, centre),
            (str(len(row.failed_items) or ""), centre),
            (", ".join(marks), left),
        ]

    # --- opening --------------------------------------------------------------------------------

    def _header_clicked(self, column: int) -> None:
        if column not in SORTABLE:
            return
        asc, desc = SORTABLE[column]
        sort = self.filters.sort
        target = desc if sort.currentData() == asc else asc
        sort.setCurrentIndex(sort.findData(target))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_requested.emit(self.rows[row].recording_id)

    def _open_current(self) -> None:
        self._open_row(self.table.currentRow())
