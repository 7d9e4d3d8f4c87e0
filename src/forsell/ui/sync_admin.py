"""The admin's "Sync" tab: where data goes, with which keys, and what the server refused.

Keys and tokens are typed into password fields and go only to the OS secret store (through
services/sync_settings.py); a stored one is never shown again, only "set" or "not set". Without a
usable secret store the key fields are disabled and the tab says what is missing. Sending audio
abroad is off by default and its switch explains the consent it needs. Next to the provider
choice each provider's standing under the privacy policy is shown (provider_recipients.py). The
dead-letter list (items the server refused for good) can be retried or dropped; the service
audits both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain import settings as st
from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.sync import SyncService
from forsell.services.sync_settings import SyncSettings, SyncSettingsService

from . import setting_fields as fields
from .messages import message_for, text_for_key
from .problems import problem_text
from .provider_recipients import ProviderRecipientsPanel
from .sync_status import age_text

SECRET_FIELDS = ("backend-token", "elevenlabs-key", "yandex-key")


def _note(text: str, colour: str = "#5f6b73") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour}; font-size: 14px;")
    return label


class SyncAdminPage(QWidget):
    """Connection settings, secrets, per-lane counts and the dead-letter list."""

    saved = Signal()  # the app restarts the engine with the new settings

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        service: SyncService,
        parent: QWidget | None = None,
        *,
        keyring_backend=None,
    ) -> None:
        super().__init__(parent)
        self.till, self.admin, self.service = till, admin, service
        self.settings = SyncSettingsService(till.ctx, keyring_backend)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self._connection_box())
        layout.addWidget(self._recognition_box())
        layout.addWidget(self._keys_box())
        self.error = _note("", "#b00020")
        self.error.setAccessibleName("sync settings error")
        layout.addWidget(self.error)
        save = QPushButton(self.tr("Save sync settings"))
        save.setAccessibleName("save sync settings")
        save.clicked.connect(self.save)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self._queue_box())
        layout.addWidget(self._pulls_box())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.load()

    # --- building -------------------------------------------------------------------------

    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Connection"))
        form = QFormLayout(box)
        self.enabled = fields.check_box(st.SYNC_ENABLED)
        self.enabled.setAccessibleName("sync enabled")
        self.backend_url = QLineEdit()
        self.backend_url.setAccessibleName("backend address")
        self.backend_url.setPlaceholderText("https://analytics.example.kz")
        self.demo = _note(
            self.tr(
                "DEMO MODE: this till talks to FAKE servers on this computer. "
                "Transcripts are made up by them, they are not real speech "
                "recognition."
            ),
            "#7a4b00",
        )
        self.demo.setAccessibleName("sync demo note")
        self.demo.setStyleSheet(
            self.demo.styleSheet() + " background: #fff4d6; padding: 6px;"
            " border: 1px solid #e0b84c; border-radius: 4px;"
        )
        form.addRow(self.enabled)
        fields.add_row(form, st.SYNC_BACKEND_URL, self.backend_url)
        form.addRow(self.demo)
        return box

    def _recognition_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Speech recognition"))
        form = QFormLayout(box)
        names = {
            "elevenlabs": "ElevenLabs Scribe",
            "yandex": "Yandex SpeechKit",
            st.NO_FALLBACK: self.tr("No fallback"),
        }
        self.primary = fields.combo_box(st.SYNC_PRIMARY, names)
        self.primary.setAccessibleName("primary provider")
        self.fallback = fields.combo_box(st.SYNC_FALLBACK, names)
        self.fallback.setAccessibleName("fallback provider")
        self.language = fields.combo_box(
            st.SYNC_LANGUAGE,
            {"auto": self.tr("Detect (Russian or Kazakh)"), "ru": "Русский", "kk": "Қазақша"},
        )
        self.language.setAccessibleName("conversation language")
        self.abroad = fields.check_box(st.SYNC_AUDIO_ABROAD)
        self.abroad.setAccessibleName("send audio abroad")
        self.without_speech = fields.check_box(st.SYNC_UPLOAD_WITHOUT_SPEECH)
        self.without_speech.setAccessibleName("upload without speech")
        self.zero_retention = fields.check_box(st.ELEVENLABS_ZERO_RETENTION)
        self.zero_retention.setAccessibleName("elevenlabs zero retention")
        self.keyterms = fields.check_box(st.ELEVENLABS_KEYTERMS)
        self.keyterms.setAccessibleName("elevenlabs keyterms")
        self.elevenlabs_url = QLineEdit()
        self.elevenlabs_url.setAccessibleName("elevenlabs address")
        self.yandex_url = QLineEdit()
        self.yandex_url.setAccessibleName("yandex address")
        self.folder = QLineEdit()
        self.folder.setAccessibleName("yandex folder")
        self.folder.setPlaceholderText("b1g…")
        fields.add_row(form, st.SYNC_PRIMARY, self.primary)
        fields.add_row(form, st.SYNC_FALLBACK, self.fallback)
        # Right under the provider choice: who the policy names, and who needs acknowledging.
        self.recipients = ProviderRecipientsPanel(self.settings, self.admin, box)
        form.addRow(self.recipients)
        fields.add_row(form, st.SYNC_LANGUAGE, self.language)
        form.addRow(self.abroad)
        form.addRow(fields.note(st.SYNC_AUDIO_ABROAD))  # the consent it needs, always in view
        for switch in (self.without_speech, self.zero_retention, self.keyterms):
            form.addRow(switch)
        for setting, field in (
            (st.ELEVENLABS_URL, self.elevenlabs_url),
            (st.YANDEX_URL, self.yandex_url),
            (st.YANDEX_FOLDER_ID, self.folder),
        ):
            if setting.max_length is not None:
                field.setMaxLength(setting.max_length)
            fields.add_row(form, setting, field)
        return box

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Keys (kept in the system's secret store, never shown again)"))
        form = QFormLayout(box)
        self.store_problem = _note("", "#b00020")
        self.store_problem.setAccessibleName("secret store problem")
        form.addRow(self.store_problem)
        labels = {
            "backend-token": self.tr("Analytics server token"),
            "elevenlabs-key": self.tr("ElevenLabs API key"),
            "yandex-key": self.tr("Yandex API key"),
        }
        self.secret_edits: dict[str, QLineEdit] = {}
        self.secret_states: dict[str, QLabel] = {}
        for name in SECRET_FIELDS:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            edit.setPlaceholderText(self.tr("type a new one to replace it"))
            state = QLabel()
            state.setAccessibleName(f"{name} state")
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(state)
            form.addRow(labels[name], row)
            self.secret_edits[name], self.secret_states[name] = edit, state
        return box

    def _queue_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Waiting and refused"))
        layout = QVBoxLayout(box)
        self.counts = QLabel()
        self.counts.setAccessibleName("sync counts")
        self.counts.setWordWrap(True)
        self.dead = QTableWidget(0, 5)
        self.dead.setAccessibleName("dead letters")
        self.dead.setHorizontalHeaderLabels(
            [
                self.tr("Created"),
                self.tr("What"),
                self.tr("Attempts"),
                self.tr("Reason"),
                self.tr("Detail"),
            ]
        )
        self.dead.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dead.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dead.verticalHeader().hide()
        self.dead.horizontalHeader().setStretchLastSection(True)
        self.dead.setMinimumHeight(160)
        retry = QPushButton(self.tr("Retry selected"))
        retry.setAccessibleName("retry dead letters")
        retry.clicked.connect(self.retry_selected)
        drop = QPushButton(self.tr("Drop selected for good"))
        drop.setAccessibleName("drop dead letters")
        drop.clicked.connect(self.drop_selected)
        self.queue_message = _note("")
        self.queue_message.setAccessibleName("dead letters message")
        buttons = QHBoxLayout()
        buttons.addWidget(retry)
        buttons.addWidget(drop)
        buttons.addStretch(1)
        layout.addWidget(self.counts)
        layout.addWidget(self.dead)
        layout.addLayout(buttons)
        layout.addWidget(self.queue_message)
        return box

    def _pulls_box(self) -> QGroupBox:
        """What the server sends this till (catalog, staff, settings, checklist): when each was
        last brought up to date, and the items it could not apply, with why."""
        box = QGroupBox(self.tr("Store data from the server"))
        layout = QVBoxLayout(box)
        self.pulled = QLabel()
        self.pulled.setAccessibleName("pulled from the server")
        self.pulled.setWordWrap(True)
        self.pull_problems = QLabel()
        self.pull_problems.setAccessibleName("pull problems")
        self.pull_problems.setWordWrap(True)
        self.pull_problems.setStyleSheet("color: #8a5300;")
        layout.addWidget(self.pulled)
        layout.addWidget(self.pull_problems)
        return box

    def load_pulls(self, last_pull_at) -> None:
        names = {
            "catalog": self.tr("Products and prices"),
            "staff": self.tr("Staff"),
            "settings": self.tr("Store settings"),
            "scorecards": self.tr("Quality checklist"),
            "policy": self.tr("Privacy policy"),
        }
        lines = []
        for resource, name in names.items():
            when = last_pull_at.get(resource)
            if when is None:
                lines.append(self.tr("{what}: nothing received yet").format(what=name))
            else:
                lines.append(
                    self.tr("{what}: updated {when}").format(
                        what=name, when=self.till.ctx.local(when).strftime("%d.%m.%Y %H:%M")
                    )
                )
        self.pulled.setText("\n".join(lines))
        problems = self.service.pull_problems()
        self.pull_problems.setVisible(bool(problems))
        if problems:
            rows = [
                self.tr("Not applied (the rest was): {resource} — {problem}").format(
                    resource=names.get(p.resource, p.resource), problem=p.problem
                )
                for p in problems
            ]
            self.pull_problems.setText("\n".join(rows))

    # --- showing --------------------------------------------------------------------------

    def load(self) -> None:
        current = self.settings.current()
        self.enabled.setChecked(current.enabled)
        self.backend_url.setText(current.backend_url)
        for combo, value in (
            (self.primary, current.primary),
            (self.fallback, current.fallback),
            (self.language, current.language),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.abroad.setChecked(current.audio_abroad)
        self.without_speech.setChecked(current.upload_without_speech)
        self.zero_retention.setChecked(current.elevenlabs_zero_retention)
        self.keyterms.setChecked(current.elevenlabs_keyterms)
        self.elevenlabs_url.setText(current.elevenlabs_url)
        self.yandex_url.setText(current.yandex_url)
        self.folder.setText(current.yandex_folder_id)
        self.demo.setVisible(current.demo_fakes)
        self.recipients.load()
        self._load_secrets()
        self.load_queue()

    def _load_secrets(self) -> None:
        problem = self.settings.secret_store_problem()
        stored = None if problem else self.settings.secrets_set()
        if stored is None:
            hint = problem_text(problem.problem) if problem else ""
            self.store_problem.setText(
                self.tr(
                    "The system's secret store is unavailable, so keys cannot be saved or used: "
                    "{hint}"
                ).format(hint=hint)
            )
        self.store_problem.setVisible(stored is None)
        for name, edit in self.secret_edits.items():
            edit.clear()
            edit.setEnabled(stored is not None)
            state = self.secret_states[name]
            if stored is None:
                state.setText(self.tr("unavailable"))
            else:
                state.setText(self.tr("set") if stored[name] else self.tr("not set"))

    def load_queue(self) -> None:
        view = self.service.status()
        parts = []
        for lane, title in (
            (view.business, self.tr("Sales and shifts")),
            (view.audio, self.tr("Recordings")),
        ):
            text = self.tr(
                "{lane}: {pending} waiting ({failed} after an error), {sending} "
                "sending, {dead} refused"
            ).format(
                lane=title,
                pending=lane.pending,
                failed=lane.failed,
                sending=lane.in_flight,
                dead=lane.dead,
            )
            if lane.oldest_pending_age_s is not None:
                text += " · " + self.tr("oldest {age}").format(
                    age=age_text(lane.oldest_pending_age_s)
                )
            if lane.last_error_key:
                text += " · " + text_for_key(lane.last_error_key)
            parts.append(text)
        self.counts.setText("\n".join(parts))
        self.load_pulls(view.last_pull_at)
        letters = self.service.dead_letters()
        self.dead.setRowCount(len(letters))
        for row, letter in enumerate(letters):
            when = self.till.ctx.local(letter.created_at).strftime("%d.%m.%Y %H:%M")
            cells = (
                when,
                f"{letter.kind} {letter.entity_id[:8]}",
                str(letter.attempts),
                text_for_key(letter.error_key) if letter.error_key else "",
                letter.error_detail or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, letter.id)
                self.dead.setItem(row, column, item)
        self.dead.resizeColumnsToContents()

    # --- acting ---------------------------------------------------------------------------

    def form(self) -> SyncSettings:
        current = self.settings.current()
        return SyncSettings(
            enabled=self.enabled.isChecked(),
            backend_url=self.backend_url.text(),
            primary=self.primary.currentData(),
            fallback=self.fallback.currentData(),
            language=self.language.currentData(),
            audio_abroad=self.abroad.isChecked(),
            upload_without_speech=self.without_speech.isChecked(),
            elevenlabs_url=self.elevenlabs_url.text(),
            elevenlabs_zero_retention=self.zero_retention.isChecked(),
            elevenlabs_keyterms=self.keyterms.isChecked(),
            yandex_url=self.yandex_url.text(),
            yandex_folder_id=self.folder.text(),
            demo_fakes=current.demo_fakes,
        )

    def save(self) -> bool:
        secrets = {
            name: edit.text()
            for name, edit in self.secret_edits.items()
            if edit.isEnabled() and edit.text().strip()
        }
        try:
            self.settings.save(self.admin, self.form(), secrets)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return False
        self.error.setText("")
        self._load_secrets()  # typed keys vanish from the fields; "set" shows instead
        self.saved.emit()
        self.load_queue()
        return True

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.dead.selectionModel().selectedRows()})
        return [self.dead.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows]

    def retry_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.queue_message.setText(self.tr("Select the items first."))
            return
        count = self.service.retry_dead(self.admin, ids)
        self.queue_message.setText(self.tr("Sent again: {n}.").format(n=count))
        self.load_queue()

    def drop_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.queue_message.setText(self.tr("Select the items first."))
            return
        count = self.service.drop_dead(self.admin, ids)
        self.queue_message.setText(
            self.tr("Dropped: {n}. This is in the audit log.").format(n=count)
        )
        self.load_queue()
