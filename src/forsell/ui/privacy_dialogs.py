"""The privacy policy on screen: the admin's acceptance of a new version at login, and
Help → Privacy (the version in force, who accepted it, the operator's contacts, the text)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.privacy.policy import PolicyInForce, PrivacyPolicyService

from .messages import message_for
from .widgets import set_role


def policy_text_view(policy: PolicyInForce, language: str) -> QTextBrowser:
    """The policy's text in ``language``, rendered from its Markdown, links opening outside."""
    view = QTextBrowser()
    view.setAccessibleName("privacy policy text")
    view.setOpenExternalLinks(True)
    view.setMarkdown(policy.text(language))
    view.setMinimumHeight(260)
    return view


class PolicyAcceptanceDialog(QDialog):
    """A version in force that no admin has accepted yet: read it, then Accept or Later.
    ``Later`` changes nothing, so the next admin login asks again; ``accepted_policy`` carries
    the policy once the admin's acceptance is stored (and audited)."""

    accepted_policy = Signal(object)  # PolicyInForce

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        policy: PolicyInForce,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.admin, self.policy = till, admin, policy
        self.setAccessibleName("privacy policy acceptance")
        self.setWindowTitle(
            self.tr("Privacy policy, version {version}").format(version=policy.version)
        )
        self.setMinimumSize(760, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Version {version} of the privacy policy, published {date}, is in force. "
                "As the store's administrator, read it and accept it. “Later” asks again "
                "at your next login."
            ).format(version=policy.version, date=policy.published.strftime("%d.%m.%Y"))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = policy_text_view(policy, language)
        layout.addWidget(self.text, 1)
        self.error = QLabel()
        self.error.setAccessibleName("privacy policy error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        later = QPushButton(self.tr("Later"))
        later.setAccessibleName("accept the privacy policy later")
        later.setAutoDefault(False)
        later.clicked.connect(self.reject)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setAccessibleName("accept the privacy policy")
        set_role(self.accept_button, "primary")
        self.accept_button.clicked.connect(self.accept_policy)
        row.addWidget(later)
        row.addStretch(1)
        row.addWidget(self.accept_button)
        layout.addLayout(row)

    def accept_policy(self) -> None:
        """Stores the admin's acceptance of the version shown."""
        service = PrivacyPolicyService(self.till.ctx)
        try:
            accepted = service.accept(self.admin, self.policy.version)
        except CashierError as exc:  # a newer version arrived while this one was read
            self.error.setText(message_for(exc))
            return
        self.accepted_policy.emit(accepted)
        self.accept()


class PrivacyDialog(QDialog):
    """Help → Privacy: anyone at the till may read the policy in force and whom to ask."""

    def __init__(self, till: Till, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        policy = PrivacyPolicyService(till.ctx).in_force()
        self.setAccessibleName("privacy")
        self.setWindowTitle(self.tr("Privacy"))
        self.setMinimumSize(780, 620)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        operator = policy.operator
        rows = [
            ("policy version", self.tr("Privacy policy in force"), self._version(policy)),
            ("policy accepted", self.tr("Accepted"), self._accepted(policy)),
            (
                "operator",
                self.tr("Operator"),
                self.tr("{name}, BIN {bin}").format(name=operator.name, bin=operator.bin),
            ),
            ("operator email", self.tr("E-mail"), operator.email),
            ("operator phone", self.tr("Phone"), operator.phone),
        ]
        for name, label, value in rows:
            shown = QLabel(value)
            shown.setAccessibleName(name)
            shown.setWordWrap(True)
            form.addRow(label, shown)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Questions about your personal data, or a request to see, correct, block or "
                "destroy it: write or call the operator."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text = policy_text_view(policy, language)
        layout.addWidget(self.text, 1)
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName("close privacy")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def _version(self, policy: PolicyInForce) -> str:
        published = policy.published.strftime("%d.%m.%Y")
        if policy.received_at is None:  # shipped with the app: in force since installed
            return self.tr("{version}, published {date}").format(
                version=policy.version, date=published
            )
        # clause 5.4: in force from its publication within the service, i.e. its arrival here
        return self.tr("{version}, published {date}, in force here since {since}").format(
            version=policy.version,
            date=published,
            since=self.till.ctx.local(policy.received_at).strftime("%d.%m.%Y %H:%M"),
        )

    def _accepted(self, policy: PolicyInForce) -> str:
        if policy.accepted_at is None:
            return self.tr("Not accepted yet: an administrator is asked at login")
        return self.tr("by {name}, {when}").format(
            name=policy.accepted_by,
            when=self.till.ctx.local(policy.accepted_at).strftime("%d.%m.%Y %H:%M"),
        )
