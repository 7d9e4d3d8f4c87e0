"""The dashboard: per cashier, shift, day or week — a table, bar charts, a leaderboard, sales by
hour; CSV export and a PDF report for the period. The numbers come from services/dashboard.py
(SQL over local data), fetched off the GUI thread.
"""

from __future__ import annotations

import html
import logging
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
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
from forsell.domain.numbers import format_number, format_percent, format_share
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.review.dashboard import Dashboard, DashboardRow, DashboardView

from ..backoffice_kit import Feedback, attempt, make_button
from ..messages import message_for
from ..printing import make_document, save_pdf
from ..tasks import tasks
from .charts import BarChart
from .table_fit import fit_columns_wrapping_headers

log = logging.getLogger(__name__)


def percent(value: float | None) -> str:
    return format_share(value)


def score_text(value: float | None) -> str:
    return format_percent(value, 1)


class DashboardPage(QWidget):
    loaded = Signal()

    def __init__(self, till: Till, who: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.who = till, who
        self.dashboard = Dashboard(till)
        self.view: DashboardView | None = None
        self.item_titles: dict[str, str] = {}
        today = till.ctx.local(datetime.now(UTC)).date()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        self.date_from = self._date("period from", today - timedelta(days=6))
        self.date_to = self._date("period to", today)
        self.group = QComboBox()
        self.group.setAccessibleName("group by")
        for label, value in (
            (self.tr("By cashier"), "cashier"),
            (self.tr("By shift"), "shift"),
            (self.tr("By day"), "day"),
            (self.tr("By week"), "week"),
        ):
            self.group.addItem(label, value)
        self.csv_button = make_button(self.tr("Export CSV…"), "export CSV")
        self.pdf_button = make_button(self.tr("PDF report…"), "PDF report")
        controls.addWidget(QLabel(self.tr("Period")))
        controls.addWidget(self.date_from)
        controls.addWidget(QLabel("–"))
        controls.addWidget(self.date_to)
        controls.addWidget(self.group)
        controls.addStretch(1)
        controls.addWidget(self.csv_button)
        controls.addWidget(self.pdf_button)
        layout.addLayout(controls)
        self.feedback = Feedback("dashboard message")
        self.feedback.setMinimumHeight(0)
        layout.addWidget(self.feedback)
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName("dashboard table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setStyleSheet("QTableWidget { font-size: 14px; }")
        layout.addWidget(self.table, 3)
        charts = QHBoxLayout()
        self.score_chart = BarChart(accessible="score chart")
        self.revenue_chart = BarChart(accessible="upsell chart")
        self.hour_chart = BarChart(accessible="sales by hour")
        self.leaderboard = QTableWidget(0, 4)
        self.leaderboard.setAccessibleName("leaderboard")
        self.leaderboard.verticalHeader().hide()
        self.leaderboard.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leaderboard.setStyleSheet("QTableWidget { font-size: 13px; }")
        self.leaderboard.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for widget, stretch in (
            (self.score_chart, 2),
            (self.revenue_chart, 2),
            (self.hour_chart, 2),
            (self.leaderboard, 3),
        ):
            charts.addWidget(widget, stretch)
        layout.addLayout(charts, 2)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.group.currentIndexChanged.connect(self.refresh)
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.refresh()

    def showEvent(self, event) -> None:  # Qt override: not into the first date field
        super().showEvent(event)
        # Qt focuses the first date field, which then shows its day selected like a half-typed
        # edit; the table is where a supervisor reads, and Tab still reaches the dates.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _date(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    def set_item_titles(self, titles: dict[str, str]) -> None:
        self.item_titles = titles

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        group = self.group.currentData()
        who, board = self.who, self.dashboard
        # A year of a busy store is many thousands of rows: read in the task pool, and say so.
        self.feedback.setStyleSheet("color: #5f6670;")
        self.feedback.setText(self.tr("Computing…"))
        tasks().run(
            lambda: board.summary(who, start, end, group),
            self.show_view,
            self._failed,
            owner=self,
            key="summary",
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, CashierError):
            self.feedback.error(message_for(exc))
        else:
            log.error("dashboard failed: %s", type(exc).__name__)
            self.feedback.error(self.tr("The dashboard cannot be computed. Try again."))

    def columns(self, view: DashboardView) -> list[str]:
        return [
            self.tr("Group"),
            self.tr("Conversations"),
            self.tr("Sales recorded"),
            self.tr("Average score"),
            self.tr("Offer rate"),
            self.tr("Conversion"),
            self.tr("Upsell revenue"),
            self.tr("Sales"),
            self.tr("Average ticket"),
            self.tr("Items per ticket"),
            self.tr("Talk / silence"),
        ] + [self.item_titles.get(i, i) for i in view.items]

    def cells(self, row: DashboardRow, view: DashboardView) -> list[str]:
        talk = self.tr("{talk} s / {silence}").format(
            talk=format_number(row.talk_s), silence=percent(row.silence_share)
        )
        return [
            row.label or self.tr("Total"),
            str(row.conversations),
            f"{row.sales_recorded}/{row.sales} ({percent(row.recorded_share)})",
            score_text(row.average_score),
            percent(row.offer_rate),
            f"{row.conversions}/{row.offers} ({percent(row.conversion_rate)})",
            format_kzt(row.upsell_revenue),
            format_kzt(row.sales_total),
            format_kzt(row.average_ticket) if row.average_ticket is not None else "—",
            "—" if row.items_per_ticket is None else format_number(row.items_per_ticket, 2),
            talk,
        ] + [percent(row.pass_rates.get(i)) for i in view.items]

    def show_view(self, view: DashboardView) -> None:
        self.view = view
        self.feedback.clear_message()
        headers = self.columns(view)
        rows = [*view.rows, view.total]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(self.cells(row, view)):
                item = QTableWidgetItem(text)
                if row is view.total:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        fit_columns_wrapping_headers(self.table)
        labelled = [(r.label, r) for r in view.rows]
        self.score_chart.set_data(
            [(label, r.average_score or 0.0) for label, r in labelled],
            lambda v: format_number(v),
            self.tr("Average score, %"),
        )
        self.revenue_chart.set_data(
            [(label, r.upsell_revenue / 100) for label, r in labelled],
            lambda v: format_number(v),
            self.tr("Upsell revenue, ₸"),
        )
        known = sorted(view.sales_by_hour) or [9]
        hours = range(min(8, known[0]), max(20, known[-1]) + 1)  # a working day, zeros included
        self.hour_chart.set_data(
            [(f"{h}", view.sales_by_hour.get(h, (0, 0))[1] / 100) for h in hours],
            lambda v: f"{format_number(v / 1000)}k" if v >= 1000 else format_number(v),
            self.tr("Sales by hour, ₸"),
        )
        self.leaderboard.setHorizontalHeaderLabels(
            [self.tr("Leaderboard"), self.tr("Score"), self.tr("Conv."), self.tr("Upsell")]
        )
        self.leaderboard.setRowCount(len(view.leaderboard))
        for r, lead in enumerate(view.leaderboard):
            for c, text in enumerate(
                (
                    f"{r + 1}. {lead.employee}",
                    score_text(lead.average_score),
                    percent(lead.conversion_rate),
                    format_kzt(lead.upsell_revenue),
                )
            ):
                self.leaderboard.setItem(r, c, QTableWidgetItem(text))
        fit_columns_wrapping_headers(self.leaderboard, cap=90, stretch=0)
        self.loaded.emit()

    # --- export ---------------------------------------------------------------------------------

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the dashboard as CSV"),
            str(Path.home() / "dashboard.csv"),
            "CSV (*.csv)",
        )
        if path:
            self.export_csv(Path(path))

    def csv_titles(self, view: DashboardView) -> dict[str, str]:
        """The spreadsheet's column titles in the supervisor's language (money in tenge)."""
        titles = {
            "group": self.tr("Grouped by"),
            "key": self.tr("Code"),
            "label": self.tr("Group"),
            "conversations": self.tr("Conversations"),
            "scored": self.tr("Scored"),
            "sales": self.tr("Sales"),
            "sales_recorded": self.tr("Sales recorded"),
            "recorded_share": self.tr("Share recorded"),
            "average_score": self.tr("Average score"),
            "offers": self.tr("Offers"),
            "offer_rate": self.tr("Offer rate"),
            "conversions": self.tr("Conversions"),
            "conversion_rate": self.tr("Conversion"),
            "upsell_revenue": self.tr("Upsell revenue, ₸"),
            "sales_total": self.tr("Sales total, ₸"),
            "average_ticket": self.tr("Average ticket, ₸"),
            "items_per_ticket": self.tr("Items per ticket"),
            "talk_s": self.tr("Talk, s"),
            "silence_share": self.tr("Share of silence"),
            "total": self.tr("Total"),
            "group_cashier": self.tr("By cashier"),
            "group_shift": self.tr("By shift"),
            "group_day": self.tr("By day"),
            "group_week": self.tr("By week"),
        }
        for item in view.items:
            titles[f"pass_{item}"] = self.tr("Passed: {item}").format(
                item=self.item_titles.get(item, item)
            )
        return titles

    def export_csv(self, path: Path) -> bool:
        titles = self.csv_titles(self.view) if self.view is not None else None
        ok, _ = attempt(
            self.feedback,
            lambda: self.dashboard.export_csv(self.who, path, self.view, titles=titles),
        )
        if ok:
            self.feedback.ok(self.tr("Saved to {path}").format(path=str(path)))
        return ok

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report as PDF"),
            str(Path.home() / "review-report.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def report_html(self) -> str:
        view = self.view
        assert view is not None
        headers = self.columns(view)
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = ""
        for row in (*view.rows, view.total):
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in self.cells(row, view))
            body += f"<tr>{cells}</tr>"
        title = self.tr("Conversation quality {start} – {end}").format(
            start=view.date_from.strftime("%d.%m.%Y"), end=view.date_to.strftime("%d.%m.%Y")
        )
        return (
            f'<html><body style="font-size:9pt"><h2>{html.escape(title)}</h2>'
            f'<table border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}</table>'
            '<p><img src="chart:score" width="620"></p>'
            '<p><img src="chart:upsell" width="620"></p>'
            '<p><img src="chart:hours" width="620"></p></body></html>'
        )

    def save_pdf(self, path: Path) -> bool:
        """The period's report (table and charts) as an A4 PDF."""
        if self.view is None:
            return False
        image = QTextDocument.ResourceType.ImageResource
        resources = {
            (image, QUrl("chart:score")): self.score_chart.image(),
            (image, QUrl("chart:upsell")): self.revenue_chart.image(),
            (image, QUrl("chart:hours")): self.hour_chart.image(),
        }
        ok, _ = attempt(
            self.feedback, lambda: save_pdf(make_document(self.report_html(), resources), path)
        )
        if ok and not (path.is_file() and path.stat().st_size):
            self.feedback.error(
                self.tr("Could not write {path}. Choose another folder.").format(path=str(path))
            )
            return False
        if ok:  # audited like the CSV export: who took the period's numbers out, and when
            view = self.view
            ok, _ = attempt(
                self.feedback, lambda: self.dashboard.record_pdf_export(self.who, path, view)
            )
        if ok:
            self.feedback.ok(self.tr("Saved to {path}").format(path=str(path)))
        return ok
