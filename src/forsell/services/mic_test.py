"""Three seconds from a microphone into memory: the check behind ``doctor --mic-test`` and the
admin's "test microphone" button.

Nothing is stored: the samples live only in the returned ``MicCapture`` (the admin's test plays
them back from there) and are gone with it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from forsell.audio.capture import (
    DeviceError,
    InputDevice,
    Microphone,
    list_input_devices,
    list_pulse_sources,
)
from forsell.audio.dsp import RATE, Resampler, VoiceActivity, is_digital_silence, level

SECONDS = 3.0
FIRST_FRAME_TIMEOUT_S = 5.0  # PulseAudio's first callback can take ~2 s (docs/recipes.md)
SPEECH_HEARD_MS = 300  # ten 30 ms voice frames: more than a click or a cough
UI_INTERVAL_S = 0.05  # the level meter at most 20 times a second

__all__ = ["RATE", "SECONDS", "InputDevice", "MicCapture", "capture", "input_devices", "play"]


@dataclass(frozen=True)
class MicCapture:
    rate: int  # the device's own sample rate
    seconds: float  # audio captured
    peak: float  # largest |sample|
    rms: float  # over the whole capture
    loudest: float  # loudest block's RMS (the level meter's scale)
    speech_ms: int
    silent: bool  # nothing but exact zeros: a muted or dead input
    overflows: int
    pcm: np.ndarray  # 16 kHz mono float32, in memory only
    problem: str = ""  # cannot_open | no_frames | stalled
    detail: str = ""  # the device's own words for the problem

    @property
    def heard(self) -> bool:
        """True when the microphone heard at least 0.3 s of speech (more than a click, a cough)."""
        return self.speech_ms >= SPEECH_HEARD_MS

    @property
    def ok(self) -> bool:
        """True when the test ran through: the device opened and frames kept coming."""
        return not self.problem


def input_devices() -> list[InputDevice]:
    """The microphones this machine offers, for the admin's choice of recording device: the
    PulseAudio/PipeWire sources by their description first (a USB microphone by its name),
    then PortAudio's own devices."""
    return [*list_pulse_sources(), *list_input_devices()]


def _failed(problem: str, detail: str, rate: int = 0) -> MicCapture:
    return MicCapture(
        rate, 0.0, 0.0, 0.0, 0.0, 0, True, 0, np.zeros(0, np.float32), problem, detail
    )


def capture(
    device: str | None,
    seconds: float = SECONDS,
    *,
    on_level: Callable[[float], None] | None = None,
    on_listening: Callable[[int], None] | None = None,
    source_factory: Callable[[str | None], Microphone] | None = None,
) -> MicCapture:
    """Records ``seconds`` from ``device`` (None: the default input) into memory and measures it.

    ``on_listening(rate)`` is called when the first frames arrive; ``on_level(rms)`` ≤ 20 Hz.
    """
    mic = (source_factory or Microphone)(device or None)
    try:
        mic.start()
    except DeviceError as exc:
        return _failed("cannot_open", str(exc))
    blocks: list[np.ndarray] = []
    got = 0
    peak = loudest = energy = 0.0
    heard_any = False
    last_ui = 0.0
    try:
        resampler, vad = Resampler(mic.rate, RATE), VoiceActivity()
        wanted = int(seconds * mic.rate)
        deadline = time.monotonic() + seconds + FIRST_FRAME_TIMEOUT_S
        while got < wanted and time.monotonic() < deadline and mic.error is None:
            block = mic.read(timeout=0.2)
            if block is None:
                continue
            if got == 0 and on_listening:
                on_listening(mic.rate)
            block = block[: wanted - got]
            got += len(block)
            peak = max(peak, float(np.abs(block).max(initial=0.0)))
            energy += float(np.square(block, dtype=np.float64).sum())
            heard_any = heard_any or not is_digital_silence(block)
            pcm = resampler.process(block)
            blocks.append(pcm)
            vad.feed(pcm)
            rms_now = level(block)
            loudest = max(loudest, rms_now)
            now = time.monotonic()
            if on_level and now - last_ui >= UI_INTERVAL_S:
                last_ui = now
                on_level(rms_now)
        overflows = mic.overflows
    finally:
        mic.stop()
    if got == 0:
        return _failed("no_frames", mic.error or "", mic.rate)
    if got < wanted // 2:
        return _failed("stalled", mic.error or "", mic.rate)
    pcm = np.concatenate(blocks) if blocks else np.zeros(0, np.float32)
    return MicCapture(
        mic.rate,
        got / mic.rate,
        peak,
        math.sqrt(energy / got),
        loudest,
        vad.speech_ms,
        not heard_any,
        overflows,
        pcm,
    )


def play(pcm: np.ndarray, rate: int = RATE) -> None:
    """Plays ``pcm`` on the default output and waits for the end (call it off the GUI thread)."""
    import sounddevice

    sounddevice.play(pcm, rate, blocking=True)
