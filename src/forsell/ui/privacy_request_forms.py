"""The small dialogs of the data-subject requests screen: a new request, the answer with its
PDF and JSON, a correction, and the admin's PIN before an action that cannot be taken back.

They only collect and show; the screen (ui/privacy_requests.py) runs every service call in the
task pool and reports the outcome here or in its own feedback line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.auth import EmployeeView
from forsell.services.privacy import requests as r
from forsell.services.privacy.documents import AnswerDocument

from .backoffice_kit import Feedback, make_button, style_dialog, styled_label
from .messages import message_for
from .printing import make_document, pdf_bytes

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


def kind_names() -> dict[str, str]:
    """Request kinds in the user's language (built per call: a language switch shows at once)."""
    return {
        "information": translate("PrivacyRequests", "Information about processing"),
        "export": translate("PrivacyRequests", "Copy of the data"),
        "correction": translate("PrivacyRequests", "Correction"),
        "blocking": translate("PrivacyRequests", "Blocking"),
        "destruction": translate("PrivacyRequests", "Destruction"),
    }


def status_names() -> dict[str, str]:
    """Request statuses in the user's language."""
    return {
        "open": translate("PrivacyRequests", "open"),
        "answered": translate("PrivacyRequests", "answered"),
        "closed": translate("PrivacyRequests", "closed"),
    }


def field_names() -> dict[str, str]:
    """Correctable employee fields in the user's language."""
    return {
        "name": translate("PrivacyRequests", "Name"),
        "phone": translate("PrivacyRequests", "Phone"),
        "email": translate("PrivacyRequests", "Email"),
    }


def failure_text(exc: Exception) -> str:
    """A failed action in the user's language: the core's refusal, or what to do otherwise."""
    if isinstance(exc, CashierError):
        return message_for(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "PrivacyRequests", "The file could not be written ({error}). Choose another folder."
        ).format(error=exc.strerror or exc)
    return QCoreApplication.translate(
        "PrivacyRequests", "Something went wrong and nothing was done. Try again."
    )


def viewer_language() -> str:
    """The language the screen speaks now (ru, kk, en): the answer is shown in it first. A
    locale the till has no translation for shows English, so the answer does too."""
    language = QLocale().language()
    if language == QLocale.Language.Russian:
        return "ru"
    if language == QLocale.Language.Kazakh:
        return "kk"
    return "en"


class NewRequestDialog(QDialog):
    """Who asked, for what, about whom, received when. ``subject()`` and the fields are read by
    the screen after ``accepted``."""

    def __init__(
        self, staff: Sequence[EmployeeView], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        style_dialog(self, self.tr("New data-subject request"), 620)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.requester = QLineEdit()
        self.requester.setAccessibleName("requester")
        self.requester.setMaxLength(200)
        self.requester.setPlaceholderText(self.tr("Name as signed in the request"))
        form.addRow(self.tr("Who asked"), self.requester)
        self.kind = QComboBox()
        self.kind.setAccessibleName("request kind")
        for kind, name in kind_names().items():
            self.kind.addItem(name, kind)
        form.addRow(self.tr("What for"), self.kind)
        self.subject_kind = QComboBox()
        self.subject_kind.setAccessibleName("subject kind")
        for key, name in (
            ("employee", self.tr("An employee")),
            ("receipt", self.tr("A customer by receipt number")),
            ("window", self.tr("A customer by time at this till")),
            ("words", self.tr("A customer by words in conversations")),
        ):
            self.subject_kind.addItem(name, key)
        form.addRow(self.tr("About whom"), self.subject_kind)
        self.subjects = QStackedWidget()
        self.employee = QComboBox()
        self.employee.setAccessibleName("subject employee")
        for person in staff:
            self.employee.addItem(person.name, person.id)
        self.receipt = QSpinBox()
        self.receipt.setAccessibleName("subject receipt")
        self.receipt.setRange(1, 999_999_999)
        self.time_window = QWidget()
        row = QHBoxLayout(self.time_window)
        row.setContentsMargins(0, 0, 0, 0)
        now = QDateTime.currentDateTime()
        self.window_start = QDateTimeEdit(now.addSecs(-3600))
        self.window_end = QDateTimeEdit(now)
        for edit, name in ((self.window_start, "window start"), (self.window_end, "window end")):
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            row.addWidget(edit)
        self.words = QLineEdit()
        self.words.setAccessibleName("subject words")
        self.words.setPlaceholderText(self.tr("Words the customer said"))
        for widget in (self.employee, self.receipt, self.time_window, self.words):
            self.subjects.addWidget(widget)
        self.subject_kind.currentIndexChanged.connect(self.subjects.setCurrentIndex)
        form.addRow("", self.subjects)
        self.received = QDateEdit(QDate(today.year, today.month, today.day))
        self.received.setAccessibleName("received on")
        self.received.setDisplayFormat("dd.MM.yyyy")
        self.received.setCalendarPopup(True)
        form.addRow(self.tr("Received on"), self.received)
        for edit in (self.received, self.window_start, self.window_end):
            edit.setMinimumHeight(44)  # a touch target, like the back office's other fields
        layout.addLayout(form)
        note = styled_label(
            self.tr("The answer is due 30 days after the request arrived."), "muted"
        )
        layout.addWidget(note)
        self.feedback = Feedback("new request error")
        layout.addWidget(self.feedback)
        buttons = QHBoxLayout()
        cancel = make_button(self.tr("Cancel (Esc)"), "cancel")
        cancel.clicked.connect(self.reject)
        self.register_button = make_button(self.tr("Register"), "register request", "primary")
        self.register_button.setDefault(True)
        self.register_button.clicked.connect(self._check)
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        layout.addLayout(buttons)

    def subject(self) -> dict[str, Any]:
        """The subject as the service takes it."""
        key = self.subject_kind.currentData()
        if key == "employee":
            return r.subject_employee(str(self.employee.currentData() or ""))
        if key == "receipt":
            return r.subject_receipt(self.receipt.value())
        if key == "window":
            # Store time without a zone: the service reads it in the store's time zone.
            iso = Qt.DateFormat.ISODate
            start = self.window_start.dateTime().toString(iso)
            end = self.window_end.dateTime().toString(iso)
            return {"window": [start, end]}
        return r.subject_words(self.words.text())

    def received_on(self) -> date:
        """The day the request arrived, as chosen."""
        day = self.received.date()
        return date(day.year(), day.month(), day.day())

    def _check(self) -> None:
        # The service refuses too; these are the mistakes a form can catch before it.
        if not self.requester.text().strip():
            self.feedback.error(self.tr("Say who made the request."))
        elif self.subject_kind.currentData() == "employee" and self.employee.count() == 0:
            self.feedback.error(self.tr("There is no employee to choose."))
        elif self.subject_kind.currentData() == "words" and not self.words.text().strip():
            self.feedback.error(self.tr("Type the words to look for."))
        elif self.window_end.dateTime() < self.window_start.dateTime():
            self.feedback.error(self.tr("The time window ends before it starts."))
        else:
            self.accept()


class PinConfirmDialog(QDialog):
    """An action that cannot be taken back, confirmed with an admin's PIN, as the command line
    asks for it. ``pin_given`` carries the PIN; the screen checks it in the task pool and
    closes the dialog, or calls :meth:`refused`."""

    pin_given = Signal(str)

    def __init__(
        self,
        title: str,
        text: str,
        action: str,
        parent: QWidget | None = None,
        *,
        danger: bool = True,
    ) -> None:
        super().__init__(parent)
        style_dialog(self, title, 560)
        layout = QVBoxLayout(self)
        self.text = styled_label(text)
        self.text.setAccessibleName("confirmation text")
        layout.addWidget(self.text)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Admin PIN"))
        self.pin.setAccessibleName("admin PIN")
        self.pin.setMaxLength(12)
        layout.addWidget(self.pin)
        self.feedback = Feedback("confirmation error")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        cancel = make_button(self.tr("Cancel (Esc)"), "cancel")
        cancel.clicked.connect(self.reject)
        self.confirm = make_button(action, "confirm action", "danger" if danger else "primary")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self._confirm)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.confirm)
        layout.addLayout(row)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm(self) -> None:
        if not self.pin.text():
            self.feedback.error(self.tr("Type your PIN to confirm."))
            return
        self.confirm.setEnabled(False)  # one check at a time; the screen enables it again
        self.pin_given.emit(self.pin.text())

    def refused(self, text: str) -> None:
        """The PIN or the action was refused: say why, let the admin try again."""
        self.pin.clear()
        self.feedback.error(text)
        self.confirm.setEnabled(True)


class CorrectDialog(PinConfirmDialog):
    """What to correct and the corrected value, with the admin's PIN."""

    def __init__(
        self,
        fields: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("PrivacyRequests", "Correct the employee's data"),
            translate(
                "PrivacyRequests",
                "The correction is kept in the audit trail without the old or the new value. "
                "Correct the staff list on the backend as well, or its next update brings the "
                "old value back.",
            ),
            translate("PrivacyRequests", "Correct"),
            parent,
            danger=False,
        )
        self.field = QComboBox()
        self.field.setAccessibleName("field to correct")
        names = field_names()
        for field in fields:
            self.field.addItem(names.get(field, field), field)
        self.value = QLineEdit()
        self.value.setAccessibleName("corrected value")
        self.value.setMaxLength(200)
        self.value.setPlaceholderText(translate("PrivacyRequests", "Corrected value"))
        self.extra.addWidget(self.field)
        self.extra.addWidget(self.value)
        self.value.setFocus(Qt.FocusReason.OtherFocusReason)


class ExportDialog(PinConfirmDialog):
    """Where the export goes, whether with audio, and the admin's PIN."""

    def __init__(self, out: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("PrivacyRequests", "Export the subject's data"),
            translate(
                "PrivacyRequests",
                "The data is written, readable by you only, into the new folder {path}.",
            ).format(path=str(out)),
            translate("PrivacyRequests", "Export"),
            parent,
            danger=False,
        )
        self.audio = QCheckBox(
            translate("PrivacyRequests", "Include the recordings as audio files (decrypted)")
        )
        self.audio.setAccessibleName("export audio")
        self.extra.addWidget(self.audio)


def block_dialog(parent: QWidget | None = None) -> PinConfirmDialog:
    """Blocking the selected request's subject, with the admin's PIN."""
    return PinConfirmDialog(
        translate("PrivacyRequests", "Block the subject"),
        translate(
            "PrivacyRequests",
            "Their recordings will not be uploaded, transcribed or scored, and only an admin can "
            "play them back. An employee's later recordings are blocked too.",
        ),
        translate("PrivacyRequests", "Block"),
        parent,
    )


def destroy_dialog(parent: QWidget | None = None) -> PinConfirmDialog:
    """Destroying the selected request's subject's data, with the admin's PIN."""
    return PinConfirmDialog(
        translate("PrivacyRequests", "Destroy the subject's data"),
        translate(
            "PrivacyRequests",
            "The subject's data is destroyed at this till and on the backend; recordings become "
            "unreadable everywhere. This cannot be undone.",
        ),
        translate("PrivacyRequests", "Destroy"),
        parent,
    )


class AnswerDialog(QDialog):
    """The answer as the subject will read it, saved as PDF (through Qt's printing) or JSON.
    Files are written by ``write`` (the screen's: in the task pool, private to this user)."""

    def __init__(
        self,
        document: AnswerDocument,
        write: Callable[[Path, bytes, Feedback], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        style_dialog(self, self.tr("Answer to the request"), 760)
        self.setMinimumHeight(620)
        self.document, self._write = document, write
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(styled_label(self.tr("Language of the answer")))
        self.language = QComboBox()
        self.language.setAccessibleName("answer language")
        # Each language in its own name: the subject's language, whatever the admin's.
        for code, name in (("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(document.language)))
        self.language.currentIndexChanged.connect(self._show_language)
        row.addWidget(self.language)
        row.addStretch(1)
        layout.addLayout(row)
        self.view = QTextBrowser()
        self.view.setAccessibleName("answer text")
        layout.addWidget(self.view, 1)
        self._show_language()
        self.feedback = Feedback("answer feedback")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        self.pdf_button = make_button(self.tr("Save PDF…"), "save answer PDF", "primary")
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.json_button = make_button(self.tr("Save JSON…"), "save answer JSON")
        self.json_button.clicked.connect(self._ask_json)
        close = make_button(self.tr("Close"), "close answer")
        close.clicked.connect(self.accept)
        row.addWidget(self.pdf_button)
        row.addWidget(self.json_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    @property
    def html(self) -> str:
        """The answer in the language chosen."""
        return self.document.pages[self.language.currentData()]

    def _show_language(self) -> None:
        self.view.setHtml(self.html)

    def _name(self, suffix: str) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d")
        return str(Path.home() / f"answer-{stamp}-{self.document.request_id[-6:]}.{suffix}")

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the answer as PDF"), self._name("pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf_to(Path(path))

    def _ask_json(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the answer as JSON"), self._name("json"), self.tr("JSON (*.json)")
        )
        if path:
            self.save_json_to(Path(path))

    def save_pdf_to(self, path: Path) -> None:
        """Renders the answer to PDF (Qt's text layout: here, on the GUI thread, a few pages)
        and has it written privately; the outcome shows in the feedback line."""
        self._write(path, pdf_bytes(make_document(self.html)), self.feedback)

    def save_json_to(self, path: Path) -> None:
        """The report as JSON, written privately."""
        self._write(path, self.document.json_bytes(), self.feedback)
