"""The admin's screen for data-subject requests (privacy policy 6.2-6.3).

The list of requests (kind, received, due, status; an open request past its due date in red),
a new request, and on the selected one: find the subject's data (tables and counts), the answer
(shown, saved as PDF or JSON), export into a new folder, a correction (correction requests),
blocking and destruction (destruction requests). Export, correction, blocking and destruction
ask for an admin's PIN, as the command line does: they take data out of the till or cannot be
taken back. Every service call runs in the UI task pool; a refusal is said in the feedback line
in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.roles import Role
from forsell.services.access import refuse_below
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.privacy.documents import make_answer, table_title, write_private
from forsell.services.privacy.requests import (
    Findings,
    PrivacyRequests,
    RequestView,
    correctable_fields,
)

from .backoffice_kit import RED, Feedback, make_button, style_dialog, styled_label
from .privacy_request_forms import (
    AnswerDialog,
    CorrectDialog,
    ExportDialog,
    NewRequestDialog,
    PinConfirmDialog,
    block_dialog,
    destroy_dialog,
    failure_text,
    kind_names,
    status_names,
    viewer_language,
)
from .tasks import tasks

if TYPE_CHECKING:
    from forsell.services.recordings import KeyVault

DAY = "%d.%m.%Y"


class PrivacyRequestsDialog(QDialog):
    """Data-subject requests: admins only (a cashier or supervisor is refused at the door)."""

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        parent: QWidget | None = None,
        *,
        vault: KeyVault | None = None,
    ) -> None:
        refuse_below(admin, Role.ADMIN)  # the services' own check, before anything is shown
        super().__init__(parent)
        style_dialog(self, self.tr("Data-subject requests"), 900)
        self.setMinimumHeight(640)
        self.till, self.admin = till, admin
        self.service = PrivacyRequests(till.ctx, vault)
        self.views: list[RequestView] = []
        self.last_findings: Findings | None = None
        self.answer_dialog: AnswerDialog | None = None
        self.confirmation: PinConfirmDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            styled_label(
                self.tr(
                    "Requests of staff and customers about their personal data. The answer is "
                    "due 30 days after a request arrives."
                ),
                "muted",
            )
        )
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("request list")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 2)
        layout.addLayout(self._buttons())
        self.findings_view = QTextBrowser()
        self.findings_view.setAccessibleName("request result")
        layout.addWidget(self.findings_view, 1)
        self.feedback = Feedback("privacy requests feedback")
        layout.addWidget(self.feedback)
        self._set_headers()
        self._selection_changed()
        self.reload()

    def _buttons(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        self.new_button = make_button(self.tr("New request…"), "new request", "primary")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.clicked.connect(self.new_request)
        self.find_button = make_button(self.tr("Find"), "find subject data")
        self.find_button.clicked.connect(self.find_subject)
        self.answer_button = make_button(self.tr("Answer…"), "answer request")
        self.answer_button.clicked.connect(self.answer)
        self.export_button = make_button(self.tr("Export…"), "export subject data")
        self.export_button.clicked.connect(self.export)
        self.correct_button = make_button(self.tr("Correct…"), "correct subject data")
        self.correct_button.clicked.connect(self.correct)
        self.block_button = make_button(self.tr("Block…"), "block subject", "danger")
        self.block_button.clicked.connect(self.block)
        self.destroy_button = make_button(self.tr("Destroy…"), "destroy subject data", "danger")
        self.destroy_button.clicked.connect(self.destroy_subject)
        close = make_button(self.tr("Close"), "close requests")
        close.clicked.connect(self.accept)
        self.row_buttons = (
            self.find_button,
            self.answer_button,
            self.export_button,
            self.correct_button,
            self.block_button,
            self.destroy_button,
        )
        # Two rows: the Kazakh and Russian labels do not fit in one at the dialog's width.
        for buttons in (
            (self.new_button, self.find_button, self.answer_button, self.export_button),
            (self.correct_button, self.block_button, self.destroy_button),
        ):
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            if buttons[0] is self.correct_button:
                row.addWidget(close)
            rows.addLayout(row)
        return rows

    def _set_headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("From"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("Status"),
            ]
        )

    # --- running actions ----------------------------------------------------------------------

    def _run(
        self,
        call: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        *,
        keep_message: bool = False,
    ) -> None:
        """``call`` in the task pool; ``done`` with its result, or the refusal said (in
        ``failed`` or the feedback line). The request buttons wait meanwhile."""
        if not keep_message:
            self.feedback.clear_message()
        for button in (*self.row_buttons, self.new_button):
            button.setEnabled(False)

        def finished(result: Any) -> None:
            self._selection_changed()
            self.new_button.setEnabled(True)
            done(result)

        def refused(exc: Exception) -> None:
            self._selection_changed()
            self.new_button.setEnabled(True)
            (failed or self.feedback.error)(failure_text(exc))

        tasks().run(call, finished, refused, owner=self)

    def _confirm(
        self,
        dialog: PinConfirmDialog,
        purpose: str,
        action: Callable[[EmployeeView], Any],
        done: Callable[[Any], None],
    ) -> None:
        """Opens ``dialog``; its PIN is checked in the task pool and ``action`` runs as the
        admin whose PIN it is (the command line's rule), then ``done`` with the result."""

        def confirmed(pin: str) -> None:
            def finished(result: Any) -> None:
                if shiboken6.isValid(dialog):  # closed meanwhile: the work is done all the same
                    dialog.accept()
                self.reload()
                done(result)

            def refused(text: str) -> None:
                (dialog.refused if shiboken6.isValid(dialog) else self.feedback.error)(text)

            self._run(lambda: action(self.till.staff.admin_by_pin(pin, purpose)), finished, refused)

        dialog.pin_given.connect(confirmed)
        dialog.finished.connect(dialog.deleteLater)
        self.confirmation = dialog
        dialog.open()

    # --- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the requests in the task pool and shows them."""
        # The news of the action that asked for the reload stays on screen.
        self._run(lambda: self.service.requests(self.admin), self._show, keep_message=True)

    def _show(self, views: list[RequestView]) -> None:
        selected = self.selected()
        self.views = views
        today = self.till.ctx.local(self.till.ctx.clock()).date()
        kinds, statuses = kind_names(), status_names()
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            overdue = view.status == "open" and view.due_on < today
            texts = (
                kinds.get(view.kind, view.kind),
                view.requester,
                view.received_on.strftime(DAY),
                view.due_on.strftime(DAY),
                statuses.get(view.status, view.status)
                + (" — " + self.tr("overdue") if overdue else ""),
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, view.id)
                if overdue and col in (3, 4):
                    item.setForeground(QBrush(QColor(RED)))
                    item.setToolTip(self.tr("The answer is overdue."))
                self.table.setItem(row, col, item)
            if selected is not None and view.id == selected.id:
                self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> RequestView | None:
        """The request chosen in the list."""
        row = self.table.currentRow()
        if row < 0 or row >= len(self.views) or not self.table.selectedItems():
            return None
        return self.views[row]

    def _selection_changed(self) -> None:
        view = self.selected()
        for button in self.row_buttons:
            button.setEnabled(view is not None)
        self.correct_button.setEnabled(view is not None and view.kind == "correction")
        self.destroy_button.setEnabled(view is not None and view.kind == "destruction")

    # --- actions ------------------------------------------------------------------------------

    def new_request(self) -> None:
        today = self.till.ctx.local(self.till.ctx.clock()).date()
        dialog = NewRequestDialog(self.till.staff.staff(), today, self)

        def accepted() -> None:
            kind, requester = dialog.kind.currentData(), dialog.requester.text()
            subject, received = dialog.subject(), dialog.received_on()
            self._run(
                lambda: self.service.register(self.admin, kind, requester, subject, received),
                self._registered,
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _registered(self, view: RequestView) -> None:
        self.feedback.ok(
            self.tr("Request registered; the answer is due {due}.").format(
                due=view.due_on.strftime(DAY)
            )
        )
        self.reload()

    def find_subject(self) -> None:
        view = self.selected()
        if view is not None:
            self._run(lambda: self.service.find(self.admin, view.subject), self._found)

    def _found(self, findings: Findings) -> None:
        self.last_findings = findings
        if findings.empty:
            self.findings_view.setPlainText(
                self.tr("No data about this person is held at this till.")
            )
            return
        language, data_map = viewer_language(), self.service.data_map
        lines = [
            self.tr("{table} — records: {count}").format(
                table=table_title(data_map, table, language), count=count
            )
            for table, count in findings.counts().items()
            if count
        ]
        self.findings_view.setPlainText("\n".join(lines))

    def answer(self) -> None:
        view = self.selected()
        if view is None:
            return
        language = viewer_language()
        self._run(lambda: make_answer(self.service, self.admin, view.id, language), self._answered)

    def _answered(self, document) -> None:
        dialog = AnswerDialog(document, self.write_file, self)
        dialog.finished.connect(dialog.deleteLater)
        self.answer_dialog = dialog
        self.reload()  # the request is "answered" now
        dialog.open()

    def write_file(self, path: Path, data: bytes, feedback: Feedback) -> None:
        """Writes a document privately (0600) in the task pool; says where, or why not."""

        def say(text: str, ok: bool) -> None:
            # The answer's window may be closed before the disk answers: then say it here.
            shown = feedback if shiboken6.isValid(feedback) else self.feedback
            (shown.ok if ok else shown.error)(text)

        self._run(
            lambda: write_private(path, data, replace=True),
            lambda written: say(self.tr("Saved to {path}").format(path=str(written)), True),
            lambda text: say(text, False),
        )

    def export(self) -> None:
        view = self.selected()
        if view is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose where to put the export"), str(Path.home())
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Asks for the PIN, then exports into a new folder inside ``folder``."""
        view = self.selected()
        if view is None:
            return
        stamp = self.till.ctx.local(self.till.ctx.clock()).strftime("%Y%m%d-%H%M%S")
        out = folder / f"subject-data-{stamp}-{view.id[-6:]}"
        dialog = ExportDialog(out, self)
        self._confirm(
            dialog,
            "privacy export",
            lambda admin: self.service.export(admin, view.id, out, audio=dialog.audio.isChecked()),
            lambda files: self.feedback.ok(
                self.tr("{count} files written to {path}.").format(count=len(files), path=str(out))
            ),
        )

    def correct(self) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = CorrectDialog(correctable_fields(self.service.data_map), self)
        self._confirm(
            dialog,
            "privacy correct",
            lambda admin: self.service.correct(
                admin, view.id, dialog.field.currentData(), dialog.value.text()
            ),
            lambda _view: self.feedback.ok(self.tr("Corrected. The correction is audited.")),
        )

    def block(self) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = block_dialog(self)
        self._confirm(
            dialog,
            "privacy block",
            lambda admin: self.service.block(admin, view.id),
            lambda count: self.feedback.ok(
                self.tr("Blocked: {count} recordings.").format(count=count)
            ),
        )

    def destroy_subject(self) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = destroy_dialog(self)
        self._confirm(
            dialog,
            "privacy destroy",
            lambda admin: self.service.destroy(view.id, admin),
            lambda certificate: self.feedback.ok(
                self.tr(
                    "Destroyed: {count} recordings shredded. The certificate: "
                    "forsell-cashier privacy certificate {id}"
                ).format(count=len(certificate.recordings_shredded), id=view.id)
            ),
        )
