"""The conversation's audio player: decrypted Ogg decoded into memory, played without a file.

Why our own player instead of QtMultimedia's QMediaPlayer: the waveform needs the decoded
samples anyway (so decoding happens once, off the GUI thread); the output goes through PortAudio
(sounddevice) like the till's microphone, so there is no second audio stack and no ~400 MB
PySide6-Addons dependency; and the position is exact — the count of samples handed out — which
is what the word highlight needs, and what a test can drive without a sound card (``ClockOutput``).
Speed-up keeps the pitch (WSOLA, audio_engine.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .audio_engine import SPEEDS, Decoding, PlaybackEngine

log = logging.getLogger(__name__)
POLL_MS = 50  # the GUI follows the position at 20 Hz
SKIP_S = 5.0


class AudioOutput(Protocol):
    """Pulls samples from the engine at the pace of something real (a sound card, a clock)."""

    def start(self, engine: PlaybackEngine) -> None: ...
    def stop(self) -> None: ...


class DeviceOutput:
    """The default sound output through PortAudio; the callback pulls from the engine."""

    def __init__(self, device: str | int | None = None) -> None:
        self.device = device
        self._stream = None

    def start(self, engine: PlaybackEngine) -> None:
        if self._stream is not None:
            return
        import sounddevice

        def callback(outdata, frames, _time, _status) -> None:
            outdata[:, 0] = engine.render(frames)

        self._stream = sounddevice.OutputStream(
            samplerate=engine.rate,
            channels=1,
            dtype="float32",
            device=self.device,
            callback=callback,
            blocksize=int(engine.rate * 0.02),
            # A fifth of a second queued at the device: a busy till (sync, scoring, an import)
            # may keep this callback from running for longer than one 20 ms block, and the
            # supervisor would hear the gap; a pause or a seek still answers within 0.2 s.
            latency=0.2,
        )
        self._stream.start()

    def stop(self) -> None:
        if self._stream is not None:
            stream, self._stream = self._stream, None
            stream.stop()
            stream.close()


class ClockOutput(QObject):
    """No sound card: the engine is pulled as fast as ``clock`` (seconds) moves, in silence.

    A till without speakers still lets the supervisor follow the transcript in time; tests pass
    a clock they move by hand, so playback runs through the real engine at a known pace.
    """

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.engine: PlaybackEngine | None = None
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self.pull)

    def start(self, engine: PlaybackEngine) -> None:
        self.engine = engine
        self._last = self.clock()
        self._timer.start()

    def pull(self) -> None:
        now = self.clock()
        frames = int((now - self._last) * self.engine.rate) if self.engine else 0
        if frames > 0:
            self._last += frames / self.engine.rate
            self.engine.render(frames)

    def stop(self) -> None:
        self._timer.stop()


def default_output() -> AudioOutput:
    return DeviceOutput()


class Player(QWidget):
    """Play/pause (Space), ±5 s (←/→), speed 1×/1.5×/2× (keys 1/2/3 or the speed button)."""

    position_changed = Signal(float)
    state_changed = Signal(bool)  # playing
    speed_changed = Signal(float)
    no_device = Signal(str)  # the sound card failed: why (technical); playback goes on silently

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        output_factory: Callable[[], AudioOutput] = default_output,
    ) -> None:
        super().__init__(parent)
        self.engine: PlaybackEngine | None = None
        self._output_factory = output_factory
        self.output: AudioOutput | None = None
        self._last_position = -1.0
        self._was_playing = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.back = self._button("back 5 seconds", "−5 s", lambda: self.skip(-SKIP_S))
        self.play_button = self._button("play", "▶", self.toggle)
        self.play_button.setMinimumWidth(130)
        self.forward = self._button("forward 5 seconds", "+5 s", lambda: self.skip(SKIP_S))
        self.speed_button = self._button("speed", "1×", self.next_speed)
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setAccessibleName("position")
        self.time_label.setMinimumWidth(110)
        self.status = QLabel()
        self.status.setAccessibleName("player status")
        self.status.setProperty("role", "muted")
        for widget in (self.back, self.play_button, self.forward, self.speed_button):
            row.addWidget(widget)
        row.addWidget(self.time_label)
        row.addWidget(self.status, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.set_enabled(False)
        self.retranslate()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the player, not a button
        button.clicked.connect(slot)
        return button

    def install_shortcuts(self, scope: QWidget) -> list[QShortcut]:
        """Keys on ``scope`` (the conversation view) so that they work wherever focus is in it."""
        keys: list[tuple[QKeySequence, Callable[[], None]]] = [
            (QKeySequence(Qt.Key.Key_Space), self.toggle),
            (QKeySequence(Qt.Key.Key_Left), lambda: self.skip(-SKIP_S)),
            (QKeySequence(Qt.Key.Key_Right), lambda: self.skip(SKIP_S)),
        ]
        keys += [
            (QKeySequence(str(i + 1)), lambda s=s: self.set_speed(s)) for i, s in enumerate(SPEEDS)
        ]
        shortcuts = []
        for key, slot in keys:
            shortcut = QShortcut(key, scope, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcuts.append(shortcut)
        return shortcuts

    def retranslate(self) -> None:
        # "5 s" is "5 с" in Russian and Kazakh: the skip buttons speak the UI language too.
        self.back.setText(self.tr("−{n} s").format(n=f"{SKIP_S:g}"))
        self.forward.setText(self.tr("+{n} s").format(n=f"{SKIP_S:g}"))
        self.back.setToolTip(self.tr("Back 5 seconds (←)"))
        self.forward.setToolTip(self.tr("Forward 5 seconds (→)"))
        self.speed_button.setToolTip(self.tr("Speed: 1×, 1.5×, 2× (keys 1, 2, 3)"))
        self._show_state()

    # --- loading --------------------------------------------------------------------------------

    def set_audio(self, source: Decoding | np.ndarray, rate: int | None = None) -> None:
        """Samples, or a :class:`Decoding` still running (playable from its first block)."""
        self.close_audio()
        self.engine = PlaybackEngine(source, rate)
        self.set_enabled(True)
        self._show_position(0.0)

    def set_enabled(self, enabled: bool) -> None:
        for button in (self.back, self.play_button, self.forward, self.speed_button):
            button.setEnabled(enabled)

    def close_audio(self) -> None:
        """Stops the output and forgets the samples (they leave memory with the engine)."""
        self._timer.stop()
        if self.output is not None:
            try:
                self.output.stop()
            except Exception:  # noqa: BLE001 - a vanished device must not stop the window closing
                log.warning("sound output did not stop cleanly")
            self.output = None
        self.engine = None
        self.set_enabled(False)
        if self._was_playing:  # the next recording starts paused, and its first play is news
            self._was_playing = False
            self._show_state()
            self.state_changed.emit(False)

    # --- controls -------------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self.engine is not None and self.engine.playing

    @property
    def position(self) -> float:
        return self.engine.position if self.engine else 0.0

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.engine is None:
            return
        self._ensure_output()
        self.engine.play()
        self._timer.start()
        self._poll()

    def pause(self) -> None:
        if self.engine is None:
            return
        self.engine.pause()
        self._poll()

    def play_from(self, seconds: float) -> None:
        """Seek and play (a click on evidence: hear the words)."""
        self.seek(seconds)
        self.play()

    def seek(self, seconds: float) -> None:
        if self.engine is None:
            return
        self.engine.seek(seconds)
        self._poll()

    def skip(self, delta: float) -> None:
        self.seek(self.position + delta)

    def set_speed(self, speed: float) -> None:
        if self.engine is None:
            return
        self.engine.set_speed(speed)
        self.speed_button.setText(_speed_text(speed))
        self.speed_changed.emit(speed)

    def next_speed(self) -> None:
        if self.engine is None:
            return
        index = SPEEDS.index(self.engine.speed) if self.engine.speed in SPEEDS else 0
        self.set_speed(SPEEDS[(index + 1) % len(SPEEDS)])

    def _ensure_output(self) -> None:
        if self.output is not None:
            return
        try:
            self.output = self._output_factory()
            self.output.start(self.engine)
        except Exception as exc:  # noqa: BLE001 - no sound card, PortAudio missing, device busy
            log.warning("no sound output (%s): playing without sound", type(exc).__name__)
            self.output = ClockOutput(parent=self)
            self.output.start(self.engine)
            self.status.setText(self.tr("No sound output: the transcript follows in silence."))
            self.no_device.emit(type(exc).__name__)

    # --- following the position -----------------------------------------------------------------

    def _poll(self) -> None:
        if self.engine is None:
            return
        position = self.engine.position
        if position != self._last_position:
            self._last_position = position
            self._show_position(position)
            self.position_changed.emit(position)
        playing = self.engine.playing
        if playing != self._was_playing:
            self._was_playing = playing
            self._show_state()
            self.state_changed.emit(playing)
        if not playing:
            self._timer.stop()

    def _show_state(self) -> None:
        self.play_button.setText(
            "❚❚ " + self.tr("Pause") if self.playing else "▶ " + self.tr("Play")
        )
        self.play_button.setToolTip(
            self.tr("Pause (Space)") if self.playing else self.tr("Play (Space)")
        )

    def _show_position(self, position: float) -> None:
        total = self.engine.duration if self.engine else 0.0
        self.time_label.setText(f"{clock_text(position)} / {clock_text(total)}")


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _speed_text(speed: float) -> str:
    return f"{speed:g}×"
