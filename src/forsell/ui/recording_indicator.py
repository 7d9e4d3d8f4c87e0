"""What the cashier sees of the recorder: a calm line above the cart and a banner when it fails.

- recording: a red dot, the elapsed time (m:ss) and a small level meter;
- the tail after payment: the same in a softer red;
- allowed but idle: a grey "microphone ready";
- not allowed: the short reason (off, no consent, paused by a supervisor…);
- the microphone failing (no device, only digital silence, no frames): a warning banner that
  goes away by itself when the sound comes back. Selling never waits for any of it.

All slots run on the GUI thread (the bridge queues the writer thread's calls).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.services.conversation import RecorderStatus

from .problems import problem_text
from .theme import BORDER, MUTED
from .widgets import set_role

RED = "#d32f2f"
SOFT_RED = "#ef9a9a"
GREY = "#9aa5ab"
AMBER = "#e0a100"
PROBLEMS = ("device_error", "silent_input", "no_frames")
FLOOR_DB = -60.0  # the meter's left end; speech at the counter is around -20 dB


def meter_percent(level: float) -> int:
    """RMS 0..1 on a dB scale: quiet speech still moves the meter, silence leaves it empty."""
    if level <= 0:
        return 0
    db = 20 * math.log10(max(level, 1e-9))
    return max(0, min(100, round((db - FLOOR_DB) / -FLOOR_DB * 100)))


def elapsed_text(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class LevelMeter(QProgressBar):
    """A small horizontal level bar (0..100 on a dB scale)."""

    def __init__(self, accessible: str = "recording level", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible)
        self.setRange(0, 100)
        self.setTextVisible(False)
        self.setFixedSize(90, 10)
        self.setStyleSheet(
            f"QProgressBar {{ border: 1px solid {BORDER}; border-radius: 3px; background: white; }}"
            "QProgressBar::chunk { background: #2e9d7e; border-radius: 2px; }"
        )

    def show_level(self, level: float) -> None:
        self.setValue(meter_percent(level))


class RecordingIndicator(QWidget):
    """Dot, words, time and meter in one line (accessible name "recording indicator")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("recording indicator")
        self.status = RecorderStatus("not_logged_in")
        self.state = "idle"
        self.pause_reason = ""
        self.recording_id = ""
        self.elapsed = 0.0
        self.mode = "hidden"  # recording | tail | ready | blocked | problem | hidden
        self.dot_color = GREY
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.dot = QLabel()
        self.dot.setFixedSize(14, 14)
        self.text = QLabel()
        self.text.setAccessibleName("recording state")
        self.time = QLabel()
        self.time.setAccessibleName("recording time")
        self.time.setStyleSheet("font-weight: bold;")
        self.meter = LevelMeter()
        for w in (self.dot, self.text, self.time, self.meter):
            row.addWidget(w)
        self._render()

    # --- inputs ---------------------------------------------------------------------------

    def set_status(self, status: RecorderStatus, pause_reason: str = "") -> None:
        self.status, self.pause_reason = status, pause_reason
        if status.blocked is not None:
            self.state, self.recording_id, self.elapsed = "idle", "", 0.0
            self.meter.show_level(0.0)
        self._render()

    def on_state(self, state: str) -> None:
        self.state = state
        if state == "idle":
            self.recording_id, self.elapsed = "", 0.0
        self._render()

    def on_level(self, level: float, elapsed: float, recording_id: str) -> None:
        if self.status.blocked is not None:
            return  # a late call from a recorder that was just closed
        was_running = bool(self.recording_id)
        self.recording_id, self.elapsed = recording_id, elapsed
        self.meter.show_level(level)
        if recording_id:
            self.time.setText(elapsed_text(elapsed))
        if was_running != bool(recording_id):
            self._render()

    # --- drawing --------------------------------------------------------------------------

    def _mode(self) -> str:
        blocked = self.status.blocked
        if blocked == "not_logged_in":
            return "hidden"
        if blocked is not None:
            return "blocked"
        if self.state in PROBLEMS:
            return "problem"
        if self.state == "tail":
            return "tail"
        if self.state == "recording" or self.recording_id:
            return "recording"
        return "ready"

    def _render(self) -> None:
        self.mode = mode = self._mode()
        self.setVisible(mode != "hidden")
        running = mode in ("recording", "tail") or (mode == "problem" and bool(self.recording_id))
        self.dot_color = {"recording": RED, "tail": SOFT_RED, "problem": AMBER}.get(mode, GREY)
        if mode == "problem" and self.recording_id:
            self.dot_color = RED  # still recording (what comes in), and the cashier must know
        self.dot.setStyleSheet(f"background: {self.dot_color}; border-radius: 7px;")
        self.time.setVisible(running)
        self.meter.setVisible(mode in ("recording", "tail", "problem"))
        if running:
            self.time.setText(elapsed_text(self.elapsed))
        text = self._words(mode)
        self.text.setText(text)
        self.text.setStyleSheet(f"color: {MUTED};" if mode in ("ready", "blocked") else "")
        self.setToolTip(text)
        self.setAccessibleDescription(text)

    def _words(self, mode: str) -> str:
        if mode == "recording":
            return self.tr("Recording")
        if mode == "tail":
            return self.tr("Recording (finishing)")
        if mode == "ready":
            return self.tr("Microphone ready")
        if mode == "problem":
            return self.tr("Microphone problem")
        return {
            "off": self.tr("Recording off"),
            "no_consent": self.tr("No consent"),
            "no_shift": self.tr("Recording starts with the shift"),
            "paused": self.tr("Paused by supervisor: {reason}").format(reason=self.pause_reason),
            "no_secret_store": self.tr("Recording off: no secure key store"),
        }.get(self.status.blocked or "", "")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class RecordingBar(QWidget):
    """The indicator, the cashier's manual record button, the supervisor's pause button, and
    the banner for problems. Hidden entirely when the till has no recorder."""

    manual_clicked = Signal()
    pause_clicked = Signal()
    consent_clicked = Signal()  # the employee's own consent screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.indicator = RecordingIndicator()
        row.addWidget(self.indicator)
        row.addStretch(1)
        self.manual = self._small_button("manual recording", self.manual_clicked.emit)
        self.pause = self._small_button("pause recording", self.pause_clicked.emit)
        self.my_consent = self._small_button("my consent", self.consent_clicked.emit)
        row.addWidget(self.manual)
        row.addWidget(self.pause)
        row.addWidget(self.my_consent)
        layout.addLayout(row)
        self.banner = QLabel()
        self.banner.setAccessibleName("recording banner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.banner, "banner")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.can_pause = False
        self._render()

    def _small_button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
        button.setStyleSheet(
            "QPushButton { min-height: 26px; padding: 2px 10px; font-size: 14px; }"
        )
        button.clicked.connect(slot)
        return button

    # --- inputs (GUI thread) ----------------------------------------------------------------

    def set_status(
        self, status: RecorderStatus, pause_reason: str = "", can_pause: bool = False
    ) -> None:
        self.can_pause = can_pause
        self.indicator.set_status(status, pause_reason)
        self._render()

    def on_state(self, state: str) -> None:
        self.indicator.on_state(state)
        self._render()

    def on_level(self, level: float, elapsed: float, recording_id: str) -> None:
        running = self.indicator.recording_id
        self.indicator.on_level(level, elapsed, recording_id)
        if bool(running) != bool(recording_id):
            self._render()

    @property
    def recording(self) -> bool:
        """A recording is running (what the manual button stops)."""
        return self.indicator.mode in ("recording", "tail") or bool(self.indicator.recording_id)

    # --- drawing ----------------------------------------------------------------------------

    def _render(self) -> None:
        ind = self.indicator
        status = ind.status
        self.manual.setVisible(status.blocked is None)
        self.manual.setText(
            self.tr("■ Stop recording (Ctrl+Shift+R)")
            if self.recording
            else self.tr("● Record (Ctrl+Shift+R)")
        )
        self.pause.setVisible(self.can_pause)
        self.my_consent.setVisible(status.blocked != "not_logged_in")
        self.my_consent.setText(self.tr("My consent"))
        self.pause.setText(
            self.tr("Resume recording")
            if status.blocked == "paused"
            else self.tr("Pause recording")
        )
        banner = self._banner_text()
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        self.setVisible(ind.mode != "hidden")

    def _banner_text(self) -> str:
        if self.indicator.status.blocked == "no_secret_store":
            return self.tr(
                "Recording is off: this computer has no safe place for the recording "
                "keys. Selling works as usual. Fix: {hint}"
            ).format(
                hint=problem_text(self.indicator.status.hint) if self.indicator.status.hint else ""
            )
        if self.indicator.mode != "problem":
            return ""
        return {
            "device_error": self.tr("Microphone not working — check the cable; retrying."),
            "silent_input": self.tr(
                "The microphone gives only silence — check that it is plugged in and not muted."
            ),
            "no_frames": self.tr("No sound arrives from the microphone — check the cable."),
        }[self.indicator.state]

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
