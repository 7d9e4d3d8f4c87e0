"""The speech providers as recipients of audio, under the Sync tab's provider choice.

Each provider is a recipient declared in the data map. Kazdream is named by the privacy policy but
has no public API yet: the panel says it receives no audio. A provider the policy in force does not
name (Yandex) gets a warning and a button that asks the admin to confirm before it is acknowledged;
the acknowledgement (and its withdrawal) is audited by the service with who and when.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from forsell.services.auth import EmployeeView
from forsell.services.sync_settings import ProviderStanding, SyncSettingsService

# Asks the admin a yes/no question (title, text); tests pass their own answer.
Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A modal yes/no question; No is the default, so Enter never acknowledges by accident."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ProviderRecipientsPanel(QWidget):
    """Per provider: named by the policy, no public API yet, or not named (warning + button)."""

    changed = Signal()

    def __init__(
        self,
        settings: SyncSettingsService,
        admin: EmployeeView,
        parent: QWidget | None = None,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self.settings, self.admin, self.confirm = settings, admin, confirm
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.notes: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for standing in settings.providers():
            note = QLabel()
            note.setWordWrap(True)
            note.setAccessibleName(f"{standing.name} recipient note")
            row = QHBoxLayout()
            row.addWidget(note, 1)
            if standing.public_api and not standing.named_in_policy:
                button = QPushButton()
                button.setAccessibleName(f"acknowledge {standing.name}")
                button.clicked.connect(lambda _=False, name=standing.name: self._toggle(name))
                row.addWidget(button)
                self.buttons[standing.name] = button
            self._layout.addLayout(row)
            self.notes[standing.name] = note
        self.load()

    def load(self) -> None:
        """Shows each provider's standing as the service reports it now."""
        for standing in self.settings.providers():
            note = self.notes.get(standing.name)
            if note is None:
                continue
            text, colour = self._describe(standing)
            note.setText(text)
            note.setStyleSheet(f"color: {colour}; font-size: 14px;")
            button = self.buttons.get(standing.name)
            if button is not None:
                button.setText(
                    self.tr("Withdraw acknowledgement")
                    if standing.acknowledged
                    else self.tr("Acknowledge…")
                )

    def _describe(self, standing: ProviderStanding) -> tuple[str, str]:
        if not standing.public_api:
            return (
                self.tr(
                    "{name}: named by the privacy policy, but it has no public API yet, so it "
                    "cannot be chosen and receives no audio."
                ).format(name=standing.title),
                "#5f6b73",
            )
        if standing.named_in_policy:
            return (
                self.tr("{name}: named by the privacy policy as a recipient of audio.").format(
                    name=standing.title
                ),
                "#5f6b73",
            )
        if standing.acknowledged:
            return (
                self.tr(
                    "{name} is NOT named by the privacy policy in force. An admin acknowledged "
                    "it as a recipient of audio (in the audit log), so it may be chosen."
                ).format(name=standing.title),
                "#7a4b00",
            )
        return (
            self.tr(
                "Warning: {name} is NOT named by the privacy policy in force. It receives no "
                "audio and cannot be chosen until an admin acknowledges it."
            ).format(name=standing.title),
            "#b00020",
        )

    def _toggle(self, name: str) -> None:
        standing = next(p for p in self.settings.providers() if p.name == name)
        if standing.acknowledged:
            question = self.tr(
                "Withdraw the acknowledgement of {name}? It will receive no more audio, and it "
                "must not stay chosen as first choice or fallback."
            )
        else:
            question = self.tr(
                "{name} is not named by the privacy policy in force. Acknowledge it as a "
                "recipient of the staff's voice recordings only if their written consent names "
                "it, and the transfer abroad where it applies. This is recorded in the audit "
                "log with your name and the time. Acknowledge?"
            )
        title = self.tr("Recipient of audio")
        if not self.confirm(self, title, question.format(name=standing.title)):
            return
        self.settings.acknowledge_recipient(self.admin, name, not standing.acknowledged)
        self.load()
        self.changed.emit()
