"""The conversation list's filters (``services.review_views.ConversationFilter``), in two rows.

Every change emits ``changed`` at once, except the text search, which waits until typing pauses
(the search decrypts transcripts on the fly, so each keystroke must not start one).

The window must fit a 1366×768 till screen in every language: each row is its own layout (no
shared grid columns adding up), and the choice boxes may shrink below their longest text, which
is then elided with the full text in a tooltip.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from forsell.services.auth import EmployeeView
from forsell.services.review.service import ConversationFilter, ReviewService, ShiftOption

TYPING_PAUSE_MS = 350
PERIODS = ("all", "today", "7", "30", "custom")


class ElidingCombo(QComboBox):
    """A choice box that asks for its full text but may shrink to ``min_chars`` characters; a
    cut text ends in "…" (Qt would clip it mid-letter) and the tooltip shows it whole."""

    def __init__(self, min_chars: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_chars = min_chars
        self.currentIndexChanged.connect(self._update_tooltip)
        self.currentIndexChanged.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:  # Qt override: shrinkable, unlike QComboBox
        full = super().minimumSizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        chrome = (
            self.style()
            .sizeFromContents(  # the frame, padding and arrow around the text
                QStyle.ContentsType.CT_ComboBox, option, QSize(0, full.height()), self
            )
            .width()
        )
        text = min(self._longest_text(), self.fontMetrics().averageCharWidth() * self.min_chars)
        # Other choices may shrink to ``min_chars``, but the one chosen is always read whole.
        chosen = chrome + self.fontMetrics().horizontalAdvance(self.currentText()) + 4
        return QSize(max(min(full.width(), chrome + text), chosen), full.height())

    def sizeHint(self) -> QSize:  # Qt override: never less than the chosen text needs
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumSizeHint().width()), hint.height())

    def _longest_text(self) -> int:
        metrics = self.fontMetrics()
        return max(
            (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )

    def _label_rect_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        rect = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return rect.width()

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.currentText()) > self._label_rect_width()

    def _update_tooltip(self) -> None:
        self.setToolTip(self.currentText() if self.elided() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override: elide, don't clip
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, self._label_rect_width()
        )
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def _combo(name: str, choices: list[tuple[str, object]], min_chars: int = 8) -> QComboBox:
    combo = ElidingCombo(min_chars)
    combo.setAccessibleName(name)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


class FiltersPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        today: date,
        cashiers: list[EmployeeView],
        current_shift: str | None,
        show_cashier: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setStyleSheet(
            "QComboBox, QLineEdit, QSpinBox, QDateEdit { font-size: 14px;"
            " min-height: 26px; padding: 2px 6px; } QLabel { font-size: 14px; }"
        )
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        self.text = QLineEdit()
        self.text.setAccessibleName("search")
        self.text.setPlaceholderText(self.tr("Search what was said…"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(140)
        self.period = _combo(
            "period",
            [
                (self.tr("All dates"), "all"),
                (self.tr("Today"), "today"),
                (self.tr("Last 7 days"), "7"),
                (self.tr("Last 30 days"), "30"),
                (self.tr("Dates…"), "custom"),
            ],
        )
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_from.setAccessibleName("date from")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_to.setAccessibleName("date to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setEnabled(False)
        self.cashier = _combo(
            "cashier", [(self.tr("All cashiers"), None)] + [(e.name, e.id) for e in cashiers]
        )
        self.cashier.setVisible(show_cashier)
        # Until load_shifts() lists the past ones, only the open shift can be chosen.
        shifts: list[tuple[str, object]] = [(self.tr("All shifts"), None)]
        if current_shift:
            shifts.append((self.tr("Current shift"), current_shift))
        self.shift = _combo("shift", shifts)
        # Past shifts have long labels: the closed combo keeps a fixed width (the 1366-px
        # window must not grow), the open list is as wide as its longest label.
        self.shift.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.shift.setMinimumContentsLength(12)
        self.score_min = QSpinBox()
        self.score_min.setAccessibleName("score from")
        self.score_max = QSpinBox()
        self.score_max.setAccessibleName("score to")
        for spin, value in ((self.score_min, 0), (self.score_max, 100)):
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(value)
        self.failed_item = _combo("failed item", [(self.tr("Any checklist result"), None)], 14)
        self.upsell = _combo(
            "upsell",
            [
                (self.tr("Any upsell"), None),
                (self.tr("Offered"), "offered"),
                (self.tr("Converted"), "converted"),
                (self.tr("Not offered"), "not_offered"),
            ],
        )
        self.flagged = self._yes_no(
            "flagged", self.tr("Flagged: any"), self.tr("Flagged"), self.tr("Not flagged")
        )
        self.reviewed = self._yes_no(
            "reviewed", self.tr("Reviewed: any"), self.tr("Reviewed"), self.tr("Not reviewed")
        )
        self.transcript = self._yes_no(
            "has transcript",
            self.tr("Transcript: any"),
            self.tr("With transcript"),
            self.tr("No transcript"),
        )
        self.sort = _combo(
            "sort",
            [
                (self.tr("Newest first"), "newest"),
                (self.tr("Oldest first"), "oldest"),
                (self.tr("Lowest score first"), "score_asc"),
                (self.tr("Highest score first"), "score_desc"),
            ],
        )
        score = QLabel(self.tr("Score"))
        dash = QLabel("–")
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.text, 1)  # the search takes what the choices leave
        for widget in (
            self.period,
            self.date_from,
            self.date_to,
            self.cashier,
            self.shift,
            self.upsell,
            self.sort,
        ):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        for widget in (
            score,
            self.score_min,
            dash,
            self.score_max,
            self.failed_item,
            self.flagged,
            self.reviewed,
            self.transcript,
        ):
            bottom.addWidget(widget)
        bottom.addStretch(0)
        rows.addLayout(top)
        rows.addLayout(bottom)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.text.textChanged.connect(self._typing.start)
        self.text.returnPressed.connect(self._search_now)
        self.period.currentIndexChanged.connect(self._period_changed)
        for combo in (
            self.cashier,
            self.shift,
            self.failed_item,
            self.upsell,
            self.flagged,
            self.reviewed,
            self.transcript,
            self.sort,
        ):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.score_min, self.score_max):
            spin.valueChanged.connect(self.changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.changed)

    def _yes_no(self, name: str, any_text: str, yes: str, no: str) -> QComboBox:
        return _combo(name, [(any_text, None), (yes, True), (no, False)])

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """The scorecard's items (id, title) for "failed item"."""
        current = self.failed_item.currentData()
        self.failed_item.blockSignals(True)
        while self.failed_item.count() > 1:
            self.failed_item.removeItem(1)
        for item_id, title in items:
            self.failed_item.addItem(self.tr("Failed: {item}").format(item=title), item_id)
        index = self.failed_item.findData(current)
        self.failed_item.setCurrentIndex(max(0, index))
        self.failed_item.blockSignals(False)

    def load_shifts(self, service: ReviewService, who: EmployeeView, limit: int = 50) -> None:
        """Offers the recent shifts (``ReviewService.shifts``) in the shift filter."""
        self.set_shifts(service.shifts(who, limit))

    def set_shifts(self, shifts: list[ShiftOption]) -> None:
        """The shift filter's choices after "All shifts": newest first, the open one first of
        all; the current choice is kept when it is still listed."""
        current = self.shift.currentData()
        self.shift.blockSignals(True)
        while self.shift.count() > 1:
            self.shift.removeItem(1)
        for option in shifts:
            self.shift.addItem(self.shift_label(option), option.shift_id)
        self.shift.setCurrentIndex(max(0, self.shift.findData(current)))
        self.shift.view().setMinimumWidth(self.shift.view().sizeHintForColumn(0) + 24)
        self.shift.blockSignals(False)
        if self.shift.currentData() != current:
            self.changed.emit()  # the chosen shift is gone: the list shows every shift now

    def shift_label(self, option: ShiftOption) -> str:
        when = option.opened_at.strftime("%d.%m.%Y %H:%M")
        if option.closed_at is None:
            return self.tr("Current shift · since {time} · {name}").format(
                time=when, name=option.opened_by
            )
        if option.z_number is not None:
            return self.tr("Z {number} · {time} · {name}").format(
                number=option.z_number, time=when, name=option.opened_by
            )
        return self.tr("Shift of {time} · {name}").format(time=when, name=option.opened_by)

    def _search_now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.changed.emit()

    def _dates(self) -> tuple[date | None, date | None]:
        period = self.period.currentData()
        if period == "today":
            return self.today, self.today
        if period in ("7", "30"):
            return self.today - timedelta(days=int(period) - 1), self.today
        if period == "custom":
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        return None, None

    def current(
        self, sort_override: str | None = None, limit: int = 50, offset: int = 0
    ) -> ConversationFilter:
        date_from, date_to = self._dates()
        return ConversationFilter(
            date_from=date_from,
            date_to=date_to,
            shift_id=self.shift.currentData(),
            employee_id=self.cashier.currentData(),
            score_min=float(self.score_min.value()) if self.score_min.value() > 0 else None,
            score_max=float(self.score_max.value()) if self.score_max.value() < 100 else None,
            failed_item=self.failed_item.currentData(),
            upsell=self.upsell.currentData(),
            flagged=self.flagged.currentData(),
            reviewed=self.reviewed.currentData(),
            has_transcript=self.transcript.currentData(),
            text=self.text.text().strip(),
            sort=sort_override or self.sort.currentData(),
            limit=limit,
            offset=offset,
        )
