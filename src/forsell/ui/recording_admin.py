"""Recording in the back office: the admin's "Recording" tab and the supervisor's pause dialog.

The tab turns recording on or off (the receipt footer then carries the notice), records each
employee's consent (to recording; to sending their audio abroad), records a withdrawal on their
behalf with a reason and offers to destroy the recordings it holds (ui/consent_withdrawal.py),
chooses the microphone and tests it: three seconds into memory with a live level meter, played
back from memory, and a word on whether speech was heard. Nothing of the test is stored. The
test runs as a task of the UI pool; the UI never waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.numbers import format_seconds
from forsell.services import mic_test
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.consent import ConsentService
from forsell.services.privacy.consent_records import ABROAD
from forsell.services.recordings import open_vault

from .consent_withdrawal import WithdrawConsentDialog
from .messages import message_for
from .recording_indicator import LevelMeter
from .tasks import Task, emit_safely, tasks

TEST_SECONDS = mic_test.SECONDS
DAY = "%d.%m.%y"  # short: the list must fit the dialog in Kazakh too


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


# --- the supervisor's pause ---------------------------------------------------------------------


class PauseDialog(QDialog):
    """Pause recording for this shift with a reason, or resume it (audited by the service)."""

    def __init__(self, till: Till, supervisor: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consent = ConsentService(till.ctx)
        self.supervisor = supervisor
        self.pause_now = self.consent.current_pause()
        layout = QVBoxLayout(self)
        self.setMinimumWidth(460)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("pause reason")
        self.reason.setMaxLength(200)
        self.error = _error_label("pause error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        if self.pause_now is None:
            self.setWindowTitle(self.tr("Pause recording"))
            text = QLabel(
                self.tr("Recording stops for this shift until a supervisor resumes it. Why?")
            )
            self.reason.setPlaceholderText(
                self.tr("Reason, e.g. a customer asked not to be recorded")
            )
            ok.setText(self.tr("Pause recording"))
            ok.setAccessibleName("confirm pause")
        else:
            self.setWindowTitle(self.tr("Resume recording"))
            text = QLabel(
                self.tr("Paused by {name} at {time}: {reason}").format(
                    name=self.pause_now.paused_by,
                    time=self.pause_now.paused_at.strftime("%H:%M"),
                    reason=self.pause_now.reason,
                )
            )
            self.reason.hide()
            ok.setText(self.tr("Resume recording"))
            ok.setAccessibleName("confirm resume")
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        try:
            if self.pause_now is None:
                self.consent.pause(self.supervisor, self.reason.text())
            else:
                self.consent.resume(self.supervisor)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.accept()


# --- the microphone test ------------------------------------------------------------------------


@dataclass(frozen=True)
class MicTestResult:
    seconds: float  # audio captured
    peak: float  # loudest RMS block, 0..1
    speech_ms: int
    played: bool  # played back through the default output
    error: str = ""  # technical detail when the device failed
    problem: str = ""  # cannot_open | no_frames | stalled | failed (see ``_mic_problem_text``)

    @property
    def heard(self) -> bool:
        return self.speech_ms >= mic_test.SPEECH_HEARD_MS


class MicTest(QObject):
    """Three seconds from a microphone into memory, then back out of the speakers.

    ``run()`` returns at once; the work is a task of the UI pool that only emits signals (Qt
    queues them to the GUI thread) and hands its result back through the pool. The samples
    live in the task's memory and are gone when it ends.
    """

    level_changed = Signal(float)
    phase_changed = Signal(str)  # listening | playing
    finished = Signal(object)  # MicTestResult

    def __init__(
        self,
        device: str,
        parent: QObject | None = None,
        *,
        source_factory: Callable[[str | None], object] | None = None,
        play: Callable[[np.ndarray, int], None] = mic_test.play,
        seconds: float = TEST_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.device, self.seconds = device, seconds
        self._source_factory, self._play = source_factory, play
        self.task: Task | None = None

    def run(self) -> None:
        self.task = tasks().run(self._work, self.finished.emit, owner=self)

    def _emit(self, signal, *args: object) -> None:
        emit_safely(signal, *args)  # the dialog may be closed during the test

    def _work(self) -> MicTestResult:
        try:
            return self._capture_and_play()
        except Exception as exc:  # noqa: BLE001 - whatever happens, the UI gets an answer
            detail = f"{type(exc).__name__}: {exc}"
            return MicTestResult(0.0, 0.0, 0, False, detail, "failed")

    def _capture_and_play(self) -> MicTestResult:
        got = mic_test.capture(
            self.device or None,
            self.seconds,
            source_factory=self._source_factory,
            on_listening=lambda _rate: self._emit(self.phase_changed, "listening"),
            on_level=lambda rms: self._emit(self.level_changed, rms),
        )
        if not got.ok:
            return MicTestResult(
                0.0, 0.0, 0, False, got.detail or got.problem, got.problem or "failed"
            )
        self._emit(self.level_changed, 0.0)
        self._emit(self.phase_changed, "playing")
        try:
            self._play(got.pcm, mic_test.RATE)
            played = True
        except Exception:  # noqa: BLE001 - no speakers: the measurement still counts
            played = False
        return MicTestResult(got.seconds, got.loudest, got.speech_ms, played)


# --- the admin tab ----------------------------------------------------------------------------


class RecordingAdminPage(QWidget):
    """The "Recording" tab of the admin dialog."""

    footer_changed = Signal(str)

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        parent: QWidget | None = None,
        *,
        mic_factory: Callable[[str | None], object] | None = None,
        play: Callable[[np.ndarray, int], None] = mic_test.play,
    ) -> None:
        super().__init__(parent)
        self.till, self.admin = till, admin
        self.consent = ConsentService(till.ctx)
        self._mic_factory, self._play = mic_factory, play
        self.mic_test: MicTest | None = None
        self.last_result: MicTestResult | None = None
        self.withdrawal: WithdrawConsentDialog | None = None  # the last one opened
        layout = QVBoxLayout(self)
        self.enabled = QCheckBox(self.tr("Record counter conversations at this till"))
        self.enabled.setAccessibleName("recording enabled")
        self.enabled.setChecked(self.consent.enabled)
        self.enabled.toggled.connect(self.set_enabled)
        layout.addWidget(self.enabled)
        self.footer = QLabel()
        self.footer.setAccessibleName("receipt footer notice")
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet("color: #555;")
        layout.addWidget(self.footer)
        layout.addWidget(self._consent_box(), 1)
        layout.addLayout(self._device_row())
        test_row = QHBoxLayout()
        self.test_level = LevelMeter("test level")
        self.test_level.setFixedSize(200, 14)
        self.test_level.hide()  # shown while a test listens
        self.test_result = QLabel()
        self.test_result.setAccessibleName("microphone test result")
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_level)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        self.error = _error_label("recording error")
        layout.addWidget(self.error)
        self.show_footer()
        self.reload()

    def _consent_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Consent to recording (keep the signed paper):")))
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("consent list")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Employee"), self.tr("Consent given"), self.tr("Abroad"), self.tr("Held")]
        )
        header = self.table.horizontalHeader()
        # Each column as wide as its text, the held count takes the rest: all fit at the
        # dialog's smallest size in every language. The consent text's version is the date's
        # tooltip.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        give = QPushButton(self.tr("Record consent"))
        give.setAccessibleName("record consent")
        give.clicked.connect(self.give_consent)
        abroad = QPushButton(self.tr("Record consent to audio abroad"))
        abroad.setAccessibleName("record consent abroad")
        abroad.clicked.connect(self.give_abroad)
        withdraw = QPushButton(self.tr("Withdraw consent…"))
        withdraw.setAccessibleName("withdraw consent")
        withdraw.clicked.connect(self.withdraw_consent)
        destroy = QPushButton(self.tr("Destroy held recordings…"))
        destroy.setAccessibleName("destroy held")
        destroy.clicked.connect(self.destroy_held)
        # Two rows of compact buttons: the Kazakh and Russian labels do not fit in one row at
        # the dialog's size, and the list keeps its height.
        for button in (give, abroad, withdraw, destroy):
            button.setStyleSheet("QPushButton { min-height: 28px; padding: 2px 10px; }")
        for button in (give, abroad):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        row = QHBoxLayout()
        for button in (withdraw, destroy):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    def _device_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Microphone")))
        self.device = QComboBox()
        self.device.setAccessibleName("microphone")
        current = self.till.ctx.settings.get(s.RECORDING_DEVICE)
        self.device.addItem(self.tr("System default"), "")
        # Shown by description, stored by name: the name is what opens the same source again.
        devices: dict[str, str] = {}
        for found in mic_test.input_devices():
            devices.setdefault(found.name, found.label)
        if current and current not in devices:
            devices[current] = current  # a microphone unplugged now: keep the choice visible
        for name, shown in devices.items():
            self.device.addItem(shown, name)
        self.device.setCurrentIndex(max(0, self.device.findData(current)))
        self.device.currentIndexChanged.connect(self.choose_device)
        row.addWidget(self.device, 1)
        self.test_button = QPushButton(self.tr("Test microphone"))
        self.test_button.setAccessibleName("test microphone")
        self.test_button.clicked.connect(self.start_test)
        row.addWidget(self.test_button)
        return row

    # --- the store's switch and consent ---------------------------------------------------------

    def show_footer(self) -> None:
        footer = self.till.ctx.settings.get(s.RECEIPT_FOOTER)
        if self.consent.enabled and footer == s.RECORDING_NOTICE:
            text = self.tr("The receipt footer now tells customers about recording: {footer}")
        else:
            text = self.tr("Receipt footer: {footer}")
        self.footer.setText(text.format(footer=footer))

    def set_enabled(self, on: bool) -> None:
        try:
            self.consent.set_enabled(self.admin, on)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.error.clear()
        self.show_footer()
        self.footer_changed.emit(self.till.ctx.settings.get(s.RECEIPT_FOOTER))

    def reload(self) -> None:
        selected = self._selected()
        people = self.consent.consents()
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            if person.given_at:
                given = person.given_at.strftime(DAY)
            elif person.withdrawn_at:
                given = self.tr("withdrawn {when}").format(when=person.withdrawn_at.strftime(DAY))
            else:
                given = self.tr("no consent")
            abroad = (
                person.abroad_given_at.strftime(DAY) if person.abroad_given_at else self.tr("no")
            )
            texts = (person.name, given, abroad, str(person.held or ""))
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.employee_id)
                self.table.setItem(row, col, item)
            if person.text_version:
                self.table.item(row, 1).setToolTip(
                    self.tr("Consent text version {version}").format(version=person.text_version)
                )
            if person.employee_id == selected:
                self.table.selectRow(row)

    def _selected(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected_name(self) -> str:
        item = self.table.item(self.table.currentRow(), 0)
        return item.text() if item else ""

    def _on_selected(self, call: Callable[[str], None]) -> None:
        employee_id = self._selected()
        if employee_id is None:
            self.error.setText(self.tr("Choose an employee in the list first."))
            return
        try:
            call(employee_id)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.error.clear()
        self.reload()

    def give_consent(self) -> None:
        self._on_selected(lambda eid: self.consent.give_consent(self.admin, eid))

    def give_abroad(self) -> None:
        self._on_selected(lambda eid: self.consent.give_consent(self.admin, eid, (ABROAD,)))

    def withdraw_consent(self) -> None:
        self._on_selected(lambda eid: self._open_withdrawal(eid, destroy_only=False))

    def destroy_held(self) -> None:
        self._on_selected(lambda eid: self._open_withdrawal(eid, destroy_only=True))

    def _open_withdrawal(self, employee_id: str, *, destroy_only: bool) -> None:
        """The withdrawal (reason, then the offer to destroy what it holds), window-modal."""
        dialog = WithdrawConsentDialog(
            self.till,
            self.admin,
            employee_id,
            self._selected_name(),
            self._vault,
            self,
            destroy_only=destroy_only,
        )
        dialog.changed.connect(self.reload)
        dialog.finished.connect(dialog.deleteLater)
        self.withdrawal = dialog
        dialog.open()

    def _vault(self) -> object:
        try:
            return open_vault(self.till.ctx, self.till.ctx.keyring_backend)
        except Exception as exc:  # no secret store: the keys to destroy cannot be reached
            raise CashierError(
                "review.no_keys",
                "The recordings' keys are not available: {hint}",
                hint=getattr(exc, "problem", ""),
            ) from exc

    # --- the microphone -----------------------------------------------------------------------

    def choose_device(self) -> None:
        self.till.ctx.settings.set(s.RECORDING_DEVICE, self.device.currentData() or "")

    def start_test(self) -> None:
        if self.mic_test is not None:
            return  # one test at a time
        self.test_button.setEnabled(False)
        self.last_result = None
        self.test_result.setText(self.tr("Opening the microphone…"))
        test = MicTest(
            self.device.currentData() or "", self, source_factory=self._mic_factory, play=self._play
        )
        q = Qt.ConnectionType.QueuedConnection
        test.level_changed.connect(self.test_level.show_level, q)
        test.phase_changed.connect(self._test_phase, q)
        test.finished.connect(self._test_done, q)
        self.mic_test = test
        self.test_level.show()
        test.run()

    def _mic_problem_text(self, problem: str) -> str:
        """What went wrong with the microphone and what to do, in the user's language."""
        if problem == "cannot_open":
            return self.tr(
                "The microphone cannot be opened: it is unplugged, used by another program or "
                "not allowed. Plug it in or choose another microphone, then test again."
            )
        if problem in ("no_frames", "stalled"):
            return self.tr(
                "The microphone opened but sends no sound. Reconnect it or choose another "
                "microphone, then test again."
            )
        return self.tr(
            "The microphone test failed. Choose another microphone or restart the till; the "
            "details are in the tooltip."
        )

    def _test_phase(self, phase: str) -> None:
        self.test_result.setText(
            self.tr("Listening for 3 seconds: say something…")
            if phase == "listening"
            else self.tr("Playing the 3 seconds back…")
        )

    def _test_done(self, result: MicTestResult) -> None:
        self.last_result = result
        self.mic_test = None
        self.test_button.setEnabled(True)
        self.test_level.show_level(0.0)
        self.test_level.hide()
        self.test_result.setToolTip(result.error)  # PortAudio's own words, for support
        if result.error:
            self.test_result.setText(self._mic_problem_text(result.problem))
        elif result.heard:
            self.test_result.setText(
                self.tr("Speech heard ({seconds} s of voice). The microphone works.").format(
                    seconds=format_seconds(result.speech_ms / 1000)
                )
            )
        elif result.peak == 0.0:
            self.test_result.setText(
                self.tr("Only silence: the microphone is muted or not connected.")
            )
        else:
            self.test_result.setText(
                self.tr(
                    "Sound but no speech heard: speak during the test, closer to the microphone."
                )
            )
        if not result.error and not result.played:
            self.test_result.setText(
                self.test_result.text() + " " + self.tr("(Playback failed: no speakers?)")
            )
