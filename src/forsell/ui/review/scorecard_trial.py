"""The editor's "Try on saved conversations" bar: a draft scored on the latest conversations
against the current card, off the GUI thread, saving nothing."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from forsell.domain.errors import CashierError
from forsell.domain.numbers import format_percent
from forsell.services.auth import EmployeeView
from forsell.services.review.service import ReviewService, ScorecardPreview

from ..backoffice_kit import RED, make_button, styled_label
from ..messages import message_for
from ..tasks import tasks

log = logging.getLogger(__name__)


def _average(value: float | None) -> str:
    return format_percent(value, 1)


class TrialBar(QWidget):
    previewed = Signal(object)  # ScorecardPreview

    def __init__(
        self, service: ReviewService, who: EmployeeView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.who = service, who
        self.allowed = True
        self.count = QSpinBox()
        self.count.setAccessibleName("preview conversations")
        self.count.setRange(5, 500)
        self.count.setValue(50)
        self.button = make_button(self.tr("Try on saved conversations"), "try scorecard")
        self.result = styled_label()
        self.result.setAccessibleName("preview result")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Latest")))
        row.addWidget(self.count)
        row.addWidget(self.button)
        row.addWidget(self.result, 1)

    def set_allowed(self, allowed: bool) -> None:
        """Off while the draft has problems (the service would refuse it anyway)."""
        self.allowed = allowed
        self.button.setEnabled(allowed and not tasks().busy(self, "trial"))

    def start(self, json_text: str) -> None:
        limit = self.count.value()
        self.button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Scoring…"))
        service, who = self.service, self.who
        tasks().run(
            lambda: service.preview_scorecard(who, json_text, limit),
            self._done,
            self._failed,
            owner=self,
            key="trial",
        )

    def _done(self, result: ScorecardPreview) -> None:
        self.result.setText(
            self.tr(
                "{n} conversations: {changed} would score differently; average {before} → {after}. "
                "Nothing was saved."
            ).format(
                n=result.conversations,
                changed=result.changed,
                before=_average(result.average_before),
                after=_average(result.average_after),
            )
        )
        self.button.setEnabled(self.allowed)
        self.previewed.emit(result)

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(self.allowed)
        self.result.setStyleSheet(f"color: {RED};")
        if isinstance(error, CashierError):
            self.result.setText(message_for(error))
        else:
            log.error("scorecard preview failed: %s", type(error).__name__)
            self.result.setText(self.tr("Trying the card failed; nothing was changed."))
