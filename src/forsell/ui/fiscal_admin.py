"""Settings & staff → Cash register: the Kassa24 API token, the choice of cash register,
the fiscal lane's state, and what an admin does about a refused operation.

Everything that talks to the service or the OS secret store (a D-Bus call on Linux) runs on the
background task pool, so a service that does not answer never freezes this screen. The token
goes straight from the field to the secret store: it is never shown again, never in settings and
never in a log. "Retry now" and "Set aside" are the admin's answers to a refusal; the service
records both in the audit trail.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.fiscal import (
    UNREACHABLE_KEYS,
    WRONG_TOKEN_KEY,
    CashRegisterInfo,
    FiscalOverview,
    FiscalService,
    RefusedOperation,
    SyncError,
)

from .backoffice_kit import Feedback, make_button, styled_label
from .messages import message_for, text_for_key
from .tasks import tasks

CONTEXT = "FiscalAdmin"
REFRESH_MS = 3000
KASSA24 = "kassa24"

#: The lane's state (``sync/fiscal_sync.py``) in words.
LANE_STATES = {
    "online": QT_TRANSLATE_NOOP("FiscalAdmin", "Connected: receipts are registered at once."),
    "offline": QT_TRANSLATE_NOOP(
        "FiscalAdmin", "The service does not answer: receipts wait and are registered later."
    ),
    "auth_failed": QT_TRANSLATE_NOOP(
        "FiscalAdmin", "The service refused the token: enter a valid one."
    ),
    "blocked": QT_TRANSLATE_NOOP(
        "FiscalAdmin", "A refused operation holds up the line: retry it or set it aside."
    ),
    "not_configured": QT_TRANSLATE_NOOP("FiscalAdmin", "Off: no cash register chosen."),
    "waiting_contract": QT_TRANSLATE_NOOP(
        "FiscalAdmin", "This service's client waits for a contract: receipts wait."
    ),
    "stopped": QT_TRANSLATE_NOOP("FiscalAdmin", "Registration is not running in this window."),
}

#: What each kind of fiscal operation is called.
KINDS = {
    "sale": QT_TRANSLATE_NOOP("FiscalAdmin", "Sale"),
    "refund": QT_TRANSLATE_NOOP("FiscalAdmin", "Refund"),
    "cash_in": QT_TRANSLATE_NOOP("FiscalAdmin", "Cash in"),
    "cash_out": QT_TRANSLATE_NOOP("FiscalAdmin", "Cash out"),
    "shift_open": QT_TRANSLATE_NOOP("FiscalAdmin", "Shift opened"),
    "shift_close": QT_TRANSLATE_NOOP("FiscalAdmin", "Shift closed (Z)"),
}

_WRONG_TOKEN = QT_TRANSLATE_NOOP(
    "FiscalAdmin",
    "The service refused this token. Check it in your Kassa24 account and enter it again.",
)
_UNREACHABLE = QT_TRANSLATE_NOOP(
    "FiscalAdmin",
    "The cash register service cannot be reached: check the internet connection. "
    "Receipts wait and are registered later.",
)
_AGE = QT_TRANSLATE_NOOP("FiscalAdmin", "{hours} h {minutes} min")


def _tr(text: object) -> str:
    # QT_TRANSLATE_NOOP is typed as returning object; it returns the source string.
    return QCoreApplication.translate(CONTEXT, str(text))


def fiscal_error_text(key: str) -> str:
    """A cash register service's error in the admin's words: a wrong token, the network down,
    a blocked register, or the shared message of the key."""
    if key == WRONG_TOKEN_KEY:
        return _tr(_WRONG_TOKEN)
    if key in UNREACHABLE_KEYS:
        return _tr(_UNREACHABLE)
    return text_for_key(key)


def age_words(age: timedelta) -> str:
    """How long the oldest unregistered operation has waited: "3 h 05 min"."""
    minutes = max(0, int(age.total_seconds() // 60))
    return _tr(_AGE).format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")


class FiscalAdminPage(QWidget):
    """Token, cash register, the lane's state, "Retry now" and "Set aside"."""

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        fiscal: FiscalService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.admin = till, admin
        # The app's running service, so "Retry now" wakes its lane; a stopped one otherwise.
        self.fiscal = fiscal or FiscalService(till.ctx, till.ctx.keyring_backend)
        layout = QVBoxLayout(self)
        layout.addWidget(
            styled_label(
                self.tr(
                    "Every sale and refund is registered with the tax office through an online "
                    "cash register (Kassa24). Selling never waits for it: a receipt that cannot "
                    "be registered yet is registered later, within 72 hours."
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName("fiscal token")
        self.token.setPlaceholderText(self.tr("API token from your Kassa24 account"))
        save_token = make_button(self.tr("Save token"), "save fiscal token")
        save_token.clicked.connect(self.save_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(save_token)
        form.addRow(self.tr("API token"), token_row)
        self.registers = QComboBox()
        self.registers.setAccessibleName("cash registers")
        self.registers.setMinimumContentsLength(24)
        self.fetch_button = make_button(self.tr("Fetch the list"), "fetch cash registers")
        self.fetch_button.clicked.connect(self.fetch_registers)
        self.choose_button = make_button(self.tr("Use this one"), "choose cash register")
        self.choose_button.clicked.connect(self.choose_register)
        register_row = QHBoxLayout()
        register_row.addWidget(self.registers, 1)
        register_row.addWidget(self.fetch_button)
        register_row.addWidget(self.choose_button)
        form.addRow(self.tr("Cash register"), register_row)
        layout.addLayout(form)
        self.feedback = Feedback("fiscal feedback")
        layout.addWidget(self.feedback)
        self.state = styled_label()
        self.state.setAccessibleName("fiscal state")
        layout.addWidget(self.state)
        self.counts = styled_label("", "muted")
        self.counts.setAccessibleName("fiscal counts")
        layout.addWidget(self.counts)
        self.refused = QListWidget()
        self.refused.setAccessibleName("refused operations")
        self.refused.setMaximumHeight(110)
        # A refusal's reason is a sentence: wrapped, never behind a horizontal scroll bar.
        self.refused.setWordWrap(True)
        self.refused.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.refused)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.set_aside_button = make_button(self.tr("Set aside"), "set aside operation")
        self.set_aside_button.setToolTip(
            self.tr("For an operation registered by hand at the service, or not to be registered")
        )
        self.set_aside_button.clicked.connect(self.set_aside)
        buttons.addWidget(self.set_aside_button)
        self.retry_button = make_button(self.tr("Retry now"), "retry fiscal", "primary")
        self.retry_button.clicked.connect(self.retry_now)
        buttons.addWidget(self.retry_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # While the page is open the running lane moves on (after "Retry now", say): look again.
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # Qt override
        self.timer.stop()
        super().hideEvent(event)

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the lane's overview and whether a token is stored, in the background."""
        service = self.fiscal
        tasks().run(
            lambda: (service.overview(), service.has_token(), service.register_choice()),
            lambda found: self.show_overview(*found),
            lambda _exc: self.state.setText(self.tr("The cash register's state cannot be read.")),
            owner=self,
            key="overview",
        )

    def show_overview(
        self, overview: FiscalOverview, has_token: bool, choice: tuple[str, str]
    ) -> None:
        """Fills the state, the counts and the refused operations."""
        self.token.setPlaceholderText(
            self.tr("A token is stored; type a new one to replace it")
            if has_token
            else self.tr("API token from your Kassa24 account")
        )
        if choice[1] and self.registers.findData(choice[1]) < 0:
            self.registers.addItem(choice[1], choice[1])
        if choice[1]:
            self.registers.setCurrentIndex(self.registers.findData(choice[1]))
        if not overview.configured:
            state = "not_configured"
        elif overview.lane is not None:
            state = overview.lane.state
        elif overview.refused:
            state = "blocked"
        else:
            state = "stopped"
        text = _tr(LANE_STATES.get(state, LANE_STATES["stopped"]))
        lane = overview.lane
        if lane is not None and lane.last_error_key and state in ("offline", "auth_failed"):
            text += " " + fiscal_error_text(lane.last_error_key)
        self.state.setText(text)
        counts = self.tr("Registered: {registered}. Waiting: {waiting}. Refused: {refused}.")
        line = counts.format(
            registered=overview.registered, waiting=overview.waiting, refused=len(overview.refused)
        )
        if overview.oldest_waiting_at is not None:
            age = self.till.ctx.clock() - overview.oldest_waiting_at
            line += " " + self.tr("The oldest has waited {age}.").format(age=age_words(age))
        self.counts.setText(line)
        current = self.refused.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.refused.clear()
        for operation in overview.refused:
            item = QListWidgetItem(self.refused_text(operation))
            item.setData(Qt.ItemDataRole.UserRole, operation.id)
            self.refused.addItem(item)
            if operation.id == chosen:  # a refresh keeps the admin's choice
                self.refused.setCurrentItem(item)
        if self.refused.count() and self.refused.currentItem() is None:
            self.refused.setCurrentRow(0)
        self.refused.setVisible(bool(overview.refused))
        self.set_aside_button.setEnabled(bool(overview.refused))

    def refused_text(self, operation: RefusedOperation) -> str:
        """ "Sale, 05.12 14:03: <why>"."""
        when: datetime = self.till.ctx.local(operation.occurred_at)
        why = fiscal_error_text(operation.reason_key) if operation.reason_key else ""
        kind = _tr(KINDS.get(operation.kind, operation.kind))
        return f"{kind}, {when:%d.%m %H:%M}: {why or operation.detail or ''}"

    # --- the token and the cash register ----------------------------------------------------

    def save_token(self) -> None:
        """Stores the typed token in the secret store (in the background) and clears the field."""
        token = self.token.text().strip()
        if not token:
            self.feedback.error(self.tr("Type the token first."))
            return
        self.token.clear()
        service, admin = self.fiscal, self.admin
        tasks().run(
            lambda: service.set_token(admin, token),
            lambda _none: self._token_saved(),
            self._token_failed,
            owner=self,
            key="token",
        )

    def _token_failed(self, error: Exception) -> None:
        if isinstance(error, CashierError):
            self.feedback.error(message_for(error))
            return
        # The OS secret store said no (locked, missing): nothing was stored anywhere else.
        self.feedback.error(
            self.tr(
                "The token could not be saved: the system's secret store is not available. "
                "Unlock it (or install one) and save the token again."
            )
        )

    def _token_saved(self) -> None:
        self.feedback.ok(self.tr("Token saved in the system's secret store. Fetch the list."))
        self.refresh()

    def fetch_registers(self) -> None:
        """Asks the service which cash registers the token may use (in the background)."""
        self.fetch_button.setEnabled(False)
        self.feedback.ok(self.tr("Asking the service…"))
        tasks().run(
            self.fiscal.cash_registers,
            self.show_registers,
            self._fetch_failed,
            owner=self,
            key="registers",
        )

    def show_registers(self, registers: list[CashRegisterInfo]) -> None:
        """Fills the choice with the service's cash registers (the chosen one stays chosen)."""
        self.fetch_button.setEnabled(True)
        chosen = self.registers.currentData()
        self.registers.clear()
        for kkm in registers:
            label = f"{kkm.name} ({kkm.id})"
            if not kkm.allowed:
                label += " — " + self.tr("not allowed for this token")
            self.registers.addItem(label, kkm.id)
        index = self.registers.findData(chosen)
        self.registers.setCurrentIndex(max(index, 0))
        if registers:
            self.feedback.ok(self.tr('Choose the cash register and press "Use this one".'))
        else:
            self.feedback.error(self.tr("This token may use no cash register."))

    def _fetch_failed(self, error: Exception) -> None:
        self.fetch_button.setEnabled(True)
        self._failed(error)

    def choose_register(self) -> None:
        """Turns fiscal registration on with the chosen cash register (audited)."""
        register = self.registers.currentData()
        if not register:
            self.feedback.error(self.tr("Fetch the list and choose a cash register first."))
            return
        try:
            self.fiscal.choose_register(self.admin, KASSA24, str(register))
        except CashierError as exc:
            self.feedback.error(message_for(exc))
            return
        self.feedback.ok(
            self.tr("Receipts are now registered on cash register {id}.").format(id=register)
        )
        self.refresh()

    # --- refusals ----------------------------------------------------------------------------

    def retry_now(self) -> None:
        """Refused operations back in the line and the line sent now (in the background)."""
        self.retry_button.setEnabled(False)
        self.feedback.ok(self.tr("Registering…"))
        service, admin = self.fiscal, self.admin
        tasks().run(
            lambda: service.retry_now(admin),
            self._retried,
            self._retry_failed,
            owner=self,
            key="retry",
        )

    def _retried(self, count: int) -> None:
        self.retry_button.setEnabled(True)
        self.feedback.ok(
            self.tr("Sent again: {n} refused. This is in the audit log.").format(n=count)
        )
        self.refresh()

    def _retry_failed(self, error: Exception) -> None:
        self.retry_button.setEnabled(True)
        self._failed(error)
        self.refresh()

    def set_aside(self) -> None:
        """Takes the selected refused operation out of the line for good (audited)."""
        item = self.refused.currentItem()
        if item is None:
            self.feedback.error(self.tr("Select the refused operation first."))
            return
        done = self.fiscal.set_aside(self.admin, str(item.data(Qt.ItemDataRole.UserRole)))
        if done:
            self.feedback.ok(self.tr("Set aside: the line moves on. This is in the audit log."))
        else:
            self.feedback.error(self.tr("This operation is no longer refused."))
        self.refresh()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SyncError):
            self.feedback.error(fiscal_error_text(error.key))
        elif isinstance(error, CashierError):
            self.feedback.error(message_for(error))
        else:
            self.feedback.error(self.tr("The cash register service cannot be reached."))
