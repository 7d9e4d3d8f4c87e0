"""The audit screen: who did what at the till, filtered by who, action and dates, a page at a
time, exported as CSV or PDF; its header says whether the audit trail's chain is intact.

Supervisors and admins open it (Back office → Audit trail); the service refuses anyone else.
The trail may hold a million entries: every query, the chain check and the export run in the
task pool, never on the GUI thread, and a page is read by its sequence number (keyset paging),
so the thousandth page is as quick as the first.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.audit_trail import (
    PAGE_SIZE,
    AuditDocument,
    AuditFilter,
    AuditKeyMissing,
    AuditPage,
    AuditTrail,
    ChainReport,
)
from forsell.services.auth import EmployeeView

from .audit_document import csv_headers, export_pdf
from .backoffice_kit import GREEN, RED, Feedback, make_button, style_dialog, styled_label
from .messages import message_for
from .tasks import tasks

translate = QCoreApplication.translate  # lupdate reads translate("AuditView", "…")


def action_label(action: str) -> str:
    """The action in the user's language; an action without a translation shows its code."""
    labels = {
        "login": translate("AuditView", "Signed in"),
        "login_failed": translate("AuditView", "Wrong PIN"),
        "login_locked": translate("AuditView", "Locked after wrong PINs"),
        "override": translate("AuditView", "Supervisor approval"),
        "override_refused": translate("AuditView", "Approval refused (wrong PIN)"),
        "price_override": translate("AuditView", "Price changed in a sale"),
        "line_removed": translate("AuditView", "Line removed"),
        "sale_cancelled": translate("AuditView", "Sale cancelled"),
        "sale_voided": translate("AuditView", "Sale voided"),
        "refund": translate("AuditView", "Refund"),
        "receipt_reprinted": translate("AuditView", "Receipt copy printed"),
        "shift_opened": translate("AuditView", "Shift opened"),
        "shift_closed": translate("AuditView", "Shift closed"),
        "parked_voided": translate("AuditView", "Parked sales voided"),
        "cash_movement": translate("AuditView", "Cash in/out"),
        "product_added": translate("AuditView", "Product added"),
        "product_changed": translate("AuditView", "Product or price changed"),
        "catalog_imported": translate("AuditView", "Catalog imported"),
        "recording_played": translate("AuditView", "Recording played"),
        "transcript_viewed": translate("AuditView", "Transcript viewed"),
        "recording_exported": translate("AuditView", "Recording exported"),
        "recordings_shredded": translate("AuditView", "Recordings destroyed"),
        "settings_changed": translate("AuditView", "Settings changed"),
        "sync_settings_changed": translate("AuditView", "Sync settings changed"),
        "consent_given": translate("AuditView", "Consent given"),
        "consent_withdrawn": translate("AuditView", "Consent withdrawn"),
        "pin_changed": translate("AuditView", "PIN changed"),
        "pin_reset": translate("AuditView", "PINs reset"),
        "employee_added": translate("AuditView", "Employee added"),
        "dashboard_exported": translate("AuditView", "Dashboard exported"),
        "audit_exported": translate("AuditView", "Audit trail exported"),
        "audit_pdf_exported": translate("AuditView", "Audit trail exported as PDF"),
        "backup_restored": translate("AuditView", "Restored from a backup"),
        "audit.checkpoint": translate("AuditView", "Audit trail checkpoint"),
        "retention_purged": translate("AuditView", "Old data removed (retention)"),
        "retention_changed": translate("AuditView", "Retention periods changed"),
        "privacy_request_registered": translate("AuditView", "Data-subject request registered"),
        "privacy_data_exported": translate("AuditView", "Data-subject data exported"),
        "privacy_subject_blocked": translate("AuditView", "Data subject blocked"),
        "drawer_opened": translate("AuditView", "Cash drawer opened without a sale"),
        "printer_settings_changed": translate("AuditView", "Receipt printer settings changed"),
    }
    return labels.get(action, action)


def details_text(details: str) -> str:
    """The entry's details as ``name: value`` pairs ("—" when there are none)."""
    try:
        parsed = json.loads(details)
    except ValueError:
        return details
    if not parsed:
        return "—"
    if not isinstance(parsed, dict):
        return details
    return "; ".join(f"{name}: {value}" for name, value in parsed.items() if value is not None)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AuditDialog(QDialog):
    """The audit trail, newest first. Enter applies the filter; PgDown/PgUp turn pages."""

    COLUMNS = 5

    def __init__(self, till: Till, employee: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.employee = employee
        self.trail = AuditTrail(till.ctx)
        # The ``before`` cursor of each page shown so far (None: the newest page).
        self._cursors: list[int | None] = [None]
        self._next: int | None = None
        style_dialog(self, self.tr("Audit trail"), min_width=1080)
        self.resize(1180, 720)
        layout = QVBoxLayout(self)
        self.chain = styled_label(self.tr("Checking the audit trail…"), "muted")
        self.chain.setAccessibleName("audit chain")
        layout.addWidget(self.chain)
        layout.addLayout(self._filters())
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.feedback = Feedback("audit feedback")
        layout.addWidget(self.feedback)
        layout.addLayout(self._buttons())
        self._load_actions()
        self._check_chain()
        self.apply_filter()

    # --- layout -------------------------------------------------------------------------------

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.who = QComboBox()
        self.who.setAccessibleName("audit who")
        self.who.addItem(self.tr("Everyone"), None)
        for person in self.till.staff.staff():
            self.who.addItem(person.name, person.id)
        self.action = QComboBox()
        self.action.setAccessibleName("audit action")
        self.action.addItem(self.tr("All actions"), None)
        self.action.setMinimumWidth(260)
        self.dates = QCheckBox(self.tr("Dates"))
        self.dates.setAccessibleName("audit dates on")
        today = self.till.ctx.local(self.till.ctx.clock()).date()
        self.since = QDateEdit(_qdate(today.replace(day=1)))
        self.until = QDateEdit(_qdate(today))
        for edit, name in ((self.since, "audit since"), (self.until, "audit until")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setAccessibleName(name)
            edit.setMinimumHeight(44)
            edit.setEnabled(False)
            self.dates.toggled.connect(edit.setEnabled)
        self.apply = make_button(self.tr("Show"), "audit show", "primary")
        self.apply.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.apply.clicked.connect(self.apply_filter)
        row.addWidget(self.who, 2)
        row.addWidget(self.action, 2)
        row.addWidget(self.dates)
        row.addWidget(self.since)
        row.addWidget(styled_label("—"))
        row.addWidget(self.until)
        row.addWidget(self.apply)
        return row

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, self.COLUMNS)
        table.setAccessibleName("audit entries")
        table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Details")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        return table

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.newer = make_button(self.tr("Newer"), "audit newer")
        self.newer.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.newer.clicked.connect(self.newer_page)
        self.older = make_button(self.tr("Older"), "audit older")
        self.older.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.older.clicked.connect(self.older_page)
        self.page_label = styled_label("", "muted")
        self.page_label.setAccessibleName("audit page")
        self.export = make_button(self.tr("Export CSV…"), "audit export")
        self.export.clicked.connect(self.ask_export)
        self.export_pdf = make_button(self.tr("Export PDF…"), "audit export pdf")
        self.export_pdf.clicked.connect(self.ask_export_pdf)
        close = make_button(self.tr("Close"), "audit close")
        close.clicked.connect(self.reject)
        row.addWidget(self.newer)
        row.addWidget(self.older)
        row.addWidget(self.page_label, 1)
        row.addWidget(self.export)
        row.addWidget(self.export_pdf)
        row.addWidget(close)
        return row

    # --- background work ------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        """The filter as the controls show it."""
        on = self.dates.isChecked()
        return AuditFilter(
            employee_id=self.who.currentData(),
            action=self.action.currentData(),
            since=_pydate(self.since.date()) if on else None,
            until=_pydate(self.until.date()) if on else None,
        )

    def _failed(self, exc: Exception) -> None:
        self.feedback.error(
            message_for(exc)
            if isinstance(exc, CashierError)
            else self.tr("The audit trail cannot be read now. Try again.")
        )

    def _load_actions(self) -> None:
        def fill(actions: tuple[str, ...]) -> None:
            for action in actions:
                self.action.addItem(action_label(action), action)

        tasks().run(
            lambda: self.trail.actions(self.employee), fill, self._failed, owner=self, key="acts"
        )

    def _check_chain(self) -> None:
        def show(report: ChainReport) -> None:
            if report.intact:
                self.chain.setStyleSheet(f"color: {GREEN}; font-weight: 600;")
                self.chain.setText(
                    self.tr("Chain intact: entries checked with the audit key: {count}.").format(
                        count=report.entries
                    )
                )
                return
            broken = report.broken
            assert broken is not None
            when = self.till.ctx.local(broken.at).strftime("%d.%m.%Y %H:%M") if broken.at else "—"
            self.chain.setStyleSheet(f"color: {RED}; font-weight: 600;")
            self.chain.setText(
                self.tr(
                    "The chain is broken at entry {seq} ({when}): the database was changed "
                    "outside the till. Keep a copy of it and tell the store owner."
                ).format(seq=broken.seq, when=when)
            )

        def failed(exc: Exception) -> None:
            self.chain.setStyleSheet(f"color: {RED}; font-weight: 600;")
            if isinstance(exc, AuditKeyMissing):
                self.chain.setText(
                    self.tr(
                        "The chain cannot be checked: the secret store has no audit key "
                        "for this till. Restore its entry from the backup of the secret store."
                    )
                )
            else:
                self.chain.setText(self.tr("The chain cannot be checked now (secret store)."))

        tasks().run(lambda: self.trail.check(self.employee), show, failed, owner=self, key="chain")

    def apply_filter(self) -> None:
        """Shows the newest page of what the filter selects."""
        self._cursors = [None]
        self._load()

    def older_page(self) -> None:
        if self._next is not None:
            self._cursors.append(self._next)
            self._load()

    def newer_page(self) -> None:
        if len(self._cursors) > 1:
            self._cursors.pop()
            self._load()

    def _load(self) -> None:
        flt, before = self.current_filter(), self._cursors[-1]
        self.feedback.clear_message()
        self.older.setEnabled(False)
        tasks().run(
            lambda: self.trail.page(self.employee, flt, before, PAGE_SIZE),
            self._show,
            self._failed,
            owner=self,
            key="page",  # a newer query replaces one still running
        )

    def _show(self, page: AuditPage) -> None:
        self._next = page.next_before
        self.table.setRowCount(len(page.lines))
        for row, line in enumerate(page.lines):
            when = self.till.ctx.local(line.at).strftime("%d.%m.%Y %H:%M:%S")
            cells = (
                str(line.seq),
                when,
                line.who or "—",
                action_label(line.action),
                details_text(line.details),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == self.COLUMNS - 1:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.newer.setEnabled(len(self._cursors) > 1)
        self.older.setEnabled(page.next_before is not None)
        number = len(self._cursors)
        self.page_label.setText(
            self.tr("Page {page}, newest first; entries on it: {count}").format(
                page=number, count=len(page.lines)
            )
            if page.lines
            else self.tr("No entries match.")
        )

    # --- export -------------------------------------------------------------------------------

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail as CSV"),
            str(Path.home() / "audit.csv"),
            "CSV (*.csv)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Writes what the filter selects to ``path`` in the task pool (the file is private)."""
        flt = self.current_filter()
        self.export.setEnabled(False)
        self.feedback.ok(self.tr("Exporting…"))

        def done(count: int) -> None:
            self.export.setEnabled(True)
            self.feedback.ok(
                self.tr("Entries exported: {count}, to {path}.").format(count=count, path=str(path))
            )

        def failed(exc: Exception) -> None:
            self.export.setEnabled(True)
            if isinstance(exc, OSError):
                self.feedback.error(
                    self.tr("The file cannot be written: {reason}").format(
                        reason=exc.strerror or str(exc)
                    )
                )
            else:
                self._failed(exc)

        headers = csv_headers()
        tasks().run(
            lambda: self.trail.export_csv(self.employee, flt, path, headers),
            done,
            failed,
            owner=self,
            key="export",
        )

    def ask_export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail as PDF"),
            str(Path.home() / "audit.pdf"),
            "PDF (*.pdf)",
        )
        if path:
            self.export_pdf_to(Path(path))

    def export_pdf_to(self, path: Path) -> None:
        """Writes what the filter selects as a PDF with the chain's verification, in the task
        pool (the file is private; the export is audited)."""
        flt, who, trail = self.current_filter(), self.employee, self.trail
        self.export_pdf.setEnabled(False)
        self.feedback.ok(self.tr("Exporting…"))

        def done(doc: AuditDocument) -> None:
            self.export_pdf.setEnabled(True)
            self.feedback.ok(
                self.tr("Entries exported: {count}, to {path}.").format(
                    count=len(doc.lines), path=str(path)
                )
            )

        def failed(exc: Exception) -> None:
            self.export_pdf.setEnabled(True)
            if isinstance(exc, OSError):
                self.feedback.error(
                    self.tr("The file cannot be written: {reason}").format(
                        reason=exc.strerror or str(exc)
                    )
                )
            else:
                self._failed(exc)

        tasks().run(
            lambda: export_pdf(trail, who, trail.document(who, flt), path),
            done,
            failed,
            owner=self,
            key="export_pdf",
        )
