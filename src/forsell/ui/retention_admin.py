"""Settings & staff → Retention: how long the till keeps audio, transcripts, the audit trail and
sales (privacy policy 6.3), and what the newest purge removed.

The five periods come from the settings registry (label, description, range); the service checks
them again (untranscribed audio never shorter than transcribed audio) and audits the change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from forsell.services import settings as st
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.retention import RetentionPolicy, RetentionService

from . import setting_fields as fields
from .backoffice_kit import Feedback, attempt, make_button, styled_label

#: (policy field, setting, True for years) in the order the page shows them.
PERIODS = (
    ("audio_days", st.RETENTION_AUDIO_DAYS, False),
    ("untranscribed_days", st.RETENTION_UNTRANSCRIBED_DAYS, False),
    ("transcript_days", st.RETENTION_TRANSCRIPT_DAYS, False),
    ("audit_years", st.RETENTION_AUDIT_YEARS, True),
    ("sales_years", st.RETENTION_SALES_YEARS, True),
)


class RetentionPage(QWidget):
    """The retention periods (an admin saves them) and the newest purge's report."""

    def __init__(self, till: Till, admin: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.admin = admin
        self.service = RetentionService(till.ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(
            styled_label(
                self.tr(
                    "The till removes old data by itself at start-up and every day. Audio is "
                    "destroyed so that no copy can be played again."
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.boxes: dict[str, QSpinBox] = {}
        policy = self.service.policy()
        for name, setting, years in PERIODS:
            box = fields.spin_box(setting)
            box.setSuffix(self.tr(" years") if years else self.tr(" days"))
            box.setValue(getattr(policy, name))
            box.setAccessibleName(f"retention {name}")
            box.setMinimumWidth(160)
            self.boxes[name] = box
            fields.add_row(form, setting, box)
        layout.addLayout(form)
        self.last = styled_label("", "muted")
        self.last.setAccessibleName("last purge")
        layout.addWidget(self.last)
        self.feedback = Feedback("retention feedback")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = make_button(self.tr("Save periods"), "save retention", "primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.show_last_purge()

    def current(self) -> RetentionPolicy:
        """The periods as the spin boxes show them."""
        return RetentionPolicy(**{name: box.value() for name, box in self.boxes.items()})

    def save(self) -> None:
        """Stores the periods (checked and audited by the service); a refusal is shown here."""
        done, _ = attempt(
            self.feedback, lambda: self.service.set_policy(self.admin, self.current())
        )
        if done:
            self.feedback.ok(self.tr("Retention periods saved."))

    def show_last_purge(self) -> None:
        """The newest purge that removed something: when, and how many of each kind."""
        reports = self.service.reports(1)
        if not reports:
            self.last.setText(self.tr("No purge has removed anything yet."))
            return
        at, details = reports[0]
        when = self.till.ctx.local(at).strftime("%d.%m.%Y %H:%M")
        skipped = details.get("skipped") or {}
        notes = []
        if "recordings" in skipped:
            notes.append(self.tr("Recordings were skipped: the key file could not be opened."))
        if "audit" in skipped:
            notes.append(self.tr("The audit trail was skipped: the audit key is missing."))
        text = self.tr(
            "Last purge {when}: audio {audio}, transcripts {transcripts}, sales {sales}, "
            "audit entries {audit}."
        ).format(
            when=when,
            audio=details.get("audio_shredded", 0) + details.get("untranscribed_shredded", 0),
            transcripts=details.get("transcripts_deleted", 0),
            sales=details.get("sales_deleted", 0),
            audit=details.get("audit_deleted", 0),
        )
        self.last.setText(" ".join([text, *notes]))
