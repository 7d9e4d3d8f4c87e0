"""The store's registration wizard (privacy policy 1.5-1.6): company, contact person, scanned
documents, submit; and the admin screen's Registration tab that shows the status and opens it.

Every field is checked as the admin types, in their language, and saved as a draft at once
(``RegistrationService.save_draft``), so the wizard reopens where it was after a restart. Scans
are sealed into the vault by the service; the wizard makes a small PNG thumbnail of a picture
(a PDF gets a generic icon) and shows the thumbnails. It opens by itself on the first admin login
of a real store (not the demo) whose registration was never submitted, and from the admin
screen (Settings & staff → Registration) at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from forsell.domain.errors import CashierError
from forsell.domain.numbers import format_number
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.privacy import registration as reg

from .messages import message_for

THUMB = QSize(96, 96)
_MB = 1024 * 1024


translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


def reason_text(code: str, **params: object) -> str:
    """A field's or a scan's reason code (``services/privacy``) in the admin's language."""
    # One literal per translate() call (lupdate reads each whole); long ones are two sentences.
    texts = {
        "bin.empty": translate("RegistrationWizard", "Enter the BIN or IIN: 12 digits."),
        "bin.not_digits": translate(
            "RegistrationWizard", "A BIN/IIN has digits only (spaces are allowed)."
        ),
        "bin.length": translate("RegistrationWizard", "A BIN/IIN has exactly 12 digits."),
        "bin.check_digit": translate(
            "RegistrationWizard", "This BIN/IIN does not exist: its check digit is wrong."
        )
        + " "
        + translate("RegistrationWizard", "Check it for a typo."),
        "bin.never_issued": translate(
            "RegistrationWizard", "No BIN/IIN starts with these 11 digits."
        )
        + " "
        + translate("RegistrationWizard", "Check it for a typo."),
        "phone.empty": translate(
            "RegistrationWizard", "Enter the contact phone: +7 and 10 digits."
        ),
        "phone.format": translate("RegistrationWizard", "Write the phone as +7 and 10 digits,")
        + " "
        + translate("RegistrationWizard", "e.g. +7 701 234 56 78 or 8 (701) 234-56-78."),
        "email.empty": translate("RegistrationWizard", "Enter the contact e-mail."),
        "email.format": translate(
            "RegistrationWizard", "This is not an e-mail address, e.g. owner@cafe.kz."
        ),
        "text.empty": translate("RegistrationWizard", "Required."),
        "text.too_long": translate("RegistrationWizard", "Too long."),
        "documents.missing": translate(
            "RegistrationWizard", "Add at least one scan of the registration documents."
        ),
        "document.too_large": translate(
            "RegistrationWizard", "This file is {size} MB; a scan may be at most {limit} MB."
        )
        + " "
        + translate(
            "RegistrationWizard", "Scan at a lower resolution or split it into several files."
        ),
        "document.type": translate(
            "RegistrationWizard", "Only PDF, JPEG or PNG scans can be added."
        ),
        "document.mismatch": translate(
            "RegistrationWizard", "This file is not what its name says, or it is damaged."
        )
        + " "
        + translate("RegistrationWizard", "Save the scan again as PDF, JPEG or PNG."),
        "document.unreadable": translate(
            "RegistrationWizard", "This file cannot be read. Is it still there?"
        ),
        "document.too_many": translate("RegistrationWizard", "At most {limit} scans can be added."),
    }
    text = texts.get(code, code)
    shown = dict(params)
    if code == "document.too_large":  # bytes → MB as people say it: 200, 10, 10.5
        shown = {k: format_number(int(str(v)) / _MB, 1) for k, v in params.items()}
    try:
        return text.format(**shown)
    except (KeyError, ValueError):
        return text


def size_text(size: int) -> str:
    """A scan's size as people say it: 340 KB, 2.5 MB."""
    if size < _MB:
        return translate("RegistrationWizard", "{size} KB").format(size=max(1, round(size / 1024)))
    return translate("RegistrationWizard", "{size} MB").format(size=format_number(size / _MB, 1))


def status_text(view: reg.RegistrationView) -> str:
    """What the registration's status means for the store, in words."""
    if not view.required:
        return (
            translate(
                "RegistrationWizard", "This till talks only to the demo's servers on this computer."
            )
            + " "
            + translate(
                "RegistrationWizard",
                "No registration is needed: no recording leaves this computer.",
            )
        )
    texts = {
        reg.DRAFT: translate("RegistrationWizard", "Not submitted yet.")
        + " "
        + translate(
            "RegistrationWizard", "Until the registration is accepted, selling works as usual,"
        )
        + " "
        + translate("RegistrationWizard", "but no recording is sent for speech recognition."),
        reg.SUBMITTED: translate(
            "RegistrationWizard", "Submitted: it is sent to the operator when the till is online."
        ),
        reg.PENDING: translate("RegistrationWizard", "The operator received it and is checking it.")
        + " "
        + translate("RegistrationWizard", "Recordings wait until then."),
        reg.ACCEPTED: translate("RegistrationWizard", "Accepted: the store is registered.")
        + " "
        + translate("RegistrationWizard", "Recordings are sent for speech recognition as set up."),
        # The operator's own words on a line of their own: they end as the operator wrote them.
        reg.REJECTED: translate("RegistrationWizard", "Rejected by the operator: {reason}").format(
            reason=f"\n«{view.reason or ''}»\n"
        )
        + translate("RegistrationWizard", "Correct the form and submit it again."),
    }
    return texts[view.status]


def make_thumbnail(image: bytes) -> bytes | None:
    """A small PNG of a scanned picture (None if Qt cannot read it)."""
    picture = QImage.fromData(QByteArray(image))
    if picture.isNull():
        return None
    small = picture.scaled(
        THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; it takes str
    return bytes(data.data())


def _pdf_icon() -> QIcon:
    pixmap = QPixmap(THUMB)
    pixmap.fill(QColor("#f2f2f2"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#b00020"))
    font = painter.font()
    font.setBold(True)
    font.setPointSize(18)
    painter.setFont(font)
    painter.drawRect(pixmap.rect().adjusted(8, 4, -9, -5))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "PDF")
    painter.end()
    return QIcon(pixmap)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


class _FieldsPage(QWizardPage):
    """Line edits checked as the admin types and saved as a draft on every change."""

    def __init__(self, wizard: RegistrationWizard, names: dict[str, str]) -> None:
        super().__init__()
        self.owner = wizard
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        view = wizard.service.view()
        for name, label in names.items():
            edit = QLineEdit(getattr(view, name))
            edit.setAccessibleName(f"registration {name}")
            edit.setEnabled(view.editable)
            error = _error_label()
            error.setAccessibleName(f"registration {name} problem")
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            self.edits[name], self.errors[name] = edit, error
            edit.textChanged.connect(lambda text, n=name: self._changed(n, text))
            if edit.text():
                self._show(name, edit.text())

    def _changed(self, name: str, text: str) -> None:
        self._show(name, text)
        self.owner.save({name: text})
        self.completeChanged.emit()

    def _show(self, name: str, text: str, *, even_empty: bool = False) -> bool:
        why = reg.field_problem(name, text)
        if why is not None and not text.strip() and not even_empty:
            why = None  # not yet typed: no red text before the admin started
        self.errors[name].setText(reason_text(why) if why else "")
        return why is None

    def validatePage(self) -> bool:  # Qt's name
        ok = [self._show(n, e.text(), even_empty=True) for n, e in self.edits.items()]
        return all(ok) or not self.owner.service.view().editable


class CompanyPage(_FieldsPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(
            wizard,
            {
                "legal_name": translate("RegistrationWizard", "Company or entrepreneur"),
                "bin": translate("RegistrationWizard", "BIN / IIN"),
                "legal_address": translate("RegistrationWizard", "Legal address"),
            },
        )
        self.setTitle(translate("RegistrationWizard", "The store's owner"))
        self.setSubTitle(
            translate(
                "RegistrationWizard",
                "As in the state registration: a company's BIN, or an entrepreneur's IIN.",
            )
        )


class ContactPage(_FieldsPage):
    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__(
            wizard,
            {
                "contact_name": translate("RegistrationWizard", "Contact person (full name)"),
                "phone": translate("RegistrationWizard", "Phone"),
                "email": translate("RegistrationWizard", "E-mail"),
            },
        )
        self.setTitle(translate("RegistrationWizard", "Contact person"))
        self.setSubTitle(
            translate(
                "RegistrationWizard",
                "The operator writes or calls this person about the registration.",
            )
        )


class DocumentsPage(QWizardPage):
    """Scans: added from a file (sealed in the vault at once), shown as thumbnails."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(translate("RegistrationWizard", "Scanned documents"))
        self.setSubTitle(
            translate("RegistrationWizard", "The certificate of state registration and the like:")
            + " "
            + translate("RegistrationWizard", "PDF, JPEG or PNG, up to {limit} MB each.").format(
                limit=reg.MAX_DOCUMENT_BYTES // _MB
            )
        )
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 60, THUMB.height() + 40))
        self.list.setAccessibleName("registration documents")
        self.add_button = QPushButton(translate("RegistrationWizard", "Add a scan…"))
        self.add_button.setAccessibleName("add registration document")
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(translate("RegistrationWizard", "Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.error = _error_label()
        self.error.setAccessibleName("registration documents problem")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        editable = wizard.service.view().editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        pdf = _pdf_icon()
        for doc in self.owner.service.view().documents:
            icon = pdf
            if doc.has_thumbnail:
                png = self.owner.service.thumbnail(self.owner.admin, doc.id)
                pixmap = QPixmap()
                if png and pixmap.loadFromData(png):
                    icon = QIcon(pixmap)
            item = QListWidgetItem(icon, f"{doc.file_name}\n{size_text(doc.size)}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            self.list.addItem(item)
        self.completeChanged.emit()

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("RegistrationWizard", "Add a scan"),
            "",
            translate("RegistrationWizard", "Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> bool:
        """Seals the file into the vault; a refused one is named with the reason."""
        try:
            self.owner.service.add_document(self.owner.admin, path, thumbnail=make_thumbnail)
        except reg.DocumentRefused as refused:
            self.error.setText(f"{path.name}: {reason_text(refused.reason, **refused.params)}")
            return False
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return False
        self.error.setText("")
        self.refresh()
        return True

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.owner.service.remove_document(
                self.owner.admin, item.data(Qt.ItemDataRole.UserRole)
            )
            self.refresh()

    def validatePage(self) -> bool:  # Qt's name
        if self.list.count() == 0 and self.owner.service.view().editable:
            self.error.setText(reason_text(reg.DOCS_MISSING))
            return False
        return True


class SubmitPage(QWizardPage):
    """The status, and Submit (the wizard's Finish button)."""

    def __init__(self, wizard: RegistrationWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(translate("RegistrationWizard", "Submit"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("registration status")
        self.error = _error_label()
        self.error.setAccessibleName("registration submit problem")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # Qt's name
        view = self.owner.service.view()
        self.status.setText(status_text(view))
        self.status.setStyleSheet("color: #b00020;" if view.status == reg.REJECTED else "")
        self.setSubTitle(
            translate(
                "RegistrationWizard",
                "Submit sends the form and the scans to the operator when the till is online.",
            )
            if view.editable
            else ""
        )

    def validatePage(self) -> bool:  # Qt's name
        if not self.owner.service.view().editable:
            return True
        try:
            view = self.owner.service.submit(self.owner.admin)
        except CashierError as exc:
            problems = exc.params.get("problems") if exc.key == "registration.incomplete" else None
            if isinstance(problems, dict):
                self.error.setText("\n".join(reason_text(code) for code in problems.values()))
            else:
                self.error.setText(message_for(exc))
            return False
        self.status.setText(status_text(view))
        self.owner.submitted = True
        return True


class RegistrationWizard(QWizard):
    """The wizard; reopens at the page the admin left (the draft keeps it)."""

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        parent: QWidget | None = None,
        *,
        service: reg.RegistrationService | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service or reg.RegistrationService(till.ctx)
        self._own_service = service is None
        self.admin = admin
        self.submitted = False
        self.setWindowTitle(translate("RegistrationWizard", "Store registration"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 480)
        self.setButtonText(
            QWizard.WizardButton.FinishButton, translate("RegistrationWizard", "Submit")
        )
        self.setButtonText(QWizard.WizardButton.NextButton, translate("RegistrationWizard", "Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("RegistrationWizard", "Back"))
        self.setButtonText(
            QWizard.WizardButton.CancelButton, translate("RegistrationWizard", "Later")
        )
        self.company = CompanyPage(self)
        self.contact = ContactPage(self)
        self.documents = DocumentsPage(self)
        self.submit_page = SubmitPage(self)
        for page in (self.company, self.contact, self.documents, self.submit_page):
            self.addPage(page)
        self._resume_at: int | None = min(self.service.view().page, len(self.pageIds()) - 1)
        self.currentIdChanged.connect(self._page_changed)
        self.finished.connect(lambda _r: self._close_service())

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        # Back at the page the draft was left on, through the pages before it (so Back works);
        # a page whose fields no longer pass stops there, with its messages shown.
        target, self._resume_at = self._resume_at, None
        while target and self._page_index() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def save(self, values: dict[str, str]) -> None:
        """A field changed: into the draft at once (nothing typed is lost on a crash)."""
        if self.service.view().editable:
            self.service.save_draft(self.admin, values, self._page_index())

    def _page_index(self) -> int:
        ids = self.pageIds()
        return ids.index(self.currentId()) if self.currentId() in ids else 0

    def _page_changed(self, page_id: int) -> None:
        if page_id in self.pageIds() and self.service.view().editable:  # -1: closing
            self.service.save_draft(self.admin, {}, self._page_index())

    def _close_service(self) -> None:
        if self._own_service:
            self.service.close()


class RegistrationTab(QWidget):
    """The admin screen's tab: the status (with the operator's reason) and the wizard."""

    def __init__(self, till: Till, admin: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.admin = till, admin
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("registration status")
        self.open_button = QPushButton(
            translate("RegistrationWizard", "Open the registration wizard…")
        )
        self.open_button.setAccessibleName("open registration wizard")
        self.open_button.clicked.connect(self.open_wizard)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(status_text(reg.RegistrationService(self.till.ctx).view()))

    def open_wizard(self, on_open: Callable[[RegistrationWizard], None] | None = None) -> None:
        wizard = RegistrationWizard(self.till, self.admin, self)
        wizard.finished.connect(lambda _r: self.refresh())
        wizard.finished.connect(lambda _r: wizard.deleteLater())
        wizard.open()
        if callable(on_open):
            on_open(wizard)
