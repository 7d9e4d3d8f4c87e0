"""The cashier's own consent screen: the consent text, what is on file, and withdrawal.

Opened from the recording line of the till ("My consent"). The employee reads the consent text
in their language (it names the store, its BIN, the purposes, the transfer abroad, the third
parties, the term and the data), sees each consent on file (text version, when, recorded by
whom) and may withdraw it at once, confirmed with their own PIN. ``withdrawn`` tells the main
window, which stops a running recording there and then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.consent import ConsentRecordView, ConsentService
from forsell.services.privacy.consent_records import ABROAD, PURPOSES

from .messages import message_for
from .widgets import set_role

WHEN = "%d.%m.%Y %H:%M"


translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


def purpose_text(purpose: str) -> str:
    """What a consent is for, in the UI's language."""
    if purpose == ABROAD:
        return translate(
            "ConsentTexts", "Sending the audio to a speech service abroad (ElevenLabs, USA)"
        )
    return translate("ConsentTexts", "Recording of conversations at the counter")


def record_text(record: ConsentRecordView | None) -> str:
    """One consent on file, told to its subject: given (version, when, recorded by), or
    withdrawn (when, by whom, why), or none."""
    if record is None:
        return translate("ConsentTexts", "No consent on file.")
    given = translate(
        "ConsentTexts", "Given on {when} (consent text version {version}), recorded by {admin}."
    ).format(
        when=record.given_at.strftime(WHEN), version=record.text_version, admin=record.recorded_by
    )
    if record.withdrawn_at is None:
        return given
    when = record.withdrawn_at.strftime(WHEN)
    if record.withdrawn_by_subject:
        out = translate("ConsentTexts", "Withdrawn by you on {when}.").format(when=when)
    else:
        out = translate(
            "ConsentTexts", "Withdrawn on {when} by {admin} on your behalf: {reason}"
        ).format(when=when, admin=record.withdrawn_by or "", reason=record.withdrawal_reason or "")
    return f"{given} {out}"


def latest(records: list[ConsentRecordView], purpose: str) -> ConsentRecordView | None:
    """The newest record of ``purpose`` (records come newest first)."""
    return next((r for r in records if r.purpose == purpose), None)


class MyConsentDialog(QDialog):
    """The signed-in employee's consent: read it, see it, withdraw it with the PIN."""

    withdrawn = Signal(int)  # recordings now held

    def __init__(self, till: Till, employee: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.consent = ConsentService(till.ctx)
        self.setWindowTitle(self.tr("My consent to recording"))
        self.setMinimumSize(760, 640)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName("consent text")
        self.text.setOpenLinks(False)
        shown = self.consent.text(employee.language)
        self.text.setMarkdown(shown.markdown)
        layout.addWidget(self.text, 1)
        heading = QLabel(self.tr("What is on file for you, {name}:").format(name=employee.name))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.status: dict[str, QLabel] = {}
        for purpose in PURPOSES:
            label = QLabel()
            label.setAccessibleName(f"consent status {purpose}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.status[purpose] = label
            layout.addWidget(label)
        self.outcome = QLabel()
        self.outcome.setAccessibleName("withdrawal outcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        layout.addLayout(self._withdraw_row())
        self.error = QLabel()
        self.error.setAccessibleName("consent error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        self.show_records()

    def _withdraw_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.pin = QLineEdit()
        self.pin.setAccessibleName("your PIN")
        self.pin.setPlaceholderText(self.tr("Your PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setMinimumHeight(44)
        self.pin.returnPressed.connect(self.withdraw)
        row.addWidget(self.pin, 1)
        self.withdraw_button = QPushButton(self.tr("Withdraw my consent"))
        self.withdraw_button.setAccessibleName("withdraw my consent")
        self.withdraw_button.setMinimumHeight(44)
        self.withdraw_button.clicked.connect(self.withdraw)
        row.addWidget(self.withdraw_button)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setAccessibleName("close")
        close.setMinimumHeight(44)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        return row

    def show_records(self) -> None:
        records = self.consent.records(self.employee, self.employee.id)
        for purpose, label in self.status.items():
            label.setText(
                f"<b>{purpose_text(purpose)}</b>: {record_text(latest(records, purpose))}"
            )
        in_force = any(r.in_force for r in records)
        self.withdraw_button.setEnabled(in_force)
        self.pin.setEnabled(in_force)

    def withdraw(self) -> None:
        try:
            held = self.consent.withdraw_own(self.employee, self.pin.text())
        except CashierError as exc:
            self.error.setText(message_for(exc))
            self.pin.clear()
            return
        self.pin.clear()
        self.error.clear()
        self.show_records()
        self.outcome.setText(
            self.tr(
                "Your consent is withdrawn. Nothing more is recorded of you; {held} of your "
                "recordings are held: they are not sent, transcribed or scored, and the "
                "administrator may destroy them."
            ).format(held=held)
        )
        self.withdrawn.emit(held)
