"""Integration: the review player's sound reaches a real speaker — the PulseAudio null sink
"counter" — through PortAudio, and pause and 2× are heard as such.

The sink's monitor is the source "virtmic" (docs/recipes.md), so what the player sends to the
"speaker" is recorded back with the app's own Microphone and compared with the recording: the
waveform must be the recording's, sample for sample after the output latency (1×), and the
speech must last half as long at 2×. The recording is decoded progressively, as the
conversation view does: playback starts on the first block while the rest decodes on another thread.
"""

from __future__ import annotations

import io
import threading
import time
from typing import Self

import numpy as np
import pytest
import soundfile as sf

from forsell.audio.capture import Microphone
from forsell.ui.review.audio_engine import Decoding, PlaybackEngine
from forsell.ui.review.player import DeviceOutput
from platform_services import needs, pulseaudio

from .fakes import active_span

pytestmark = needs(pulseaudio)

RATE = 16_000
FRAME = RATE // 50  # 20 ms loudness frames


def _ogg(speech: tuple[np.ndarray, int]) -> bytes:
    import soxr

    pcm, rate = speech
    pcm = soxr.resample(pcm, rate, RATE).astype(np.float32)
    pcm = np.concatenate([np.zeros(RATE // 2, np.float32), pcm, np.zeros(RATE // 2, np.float32)])
    out = io.BytesIO()
    sf.write(out, pcm, RATE, format="OGG", subtype="OPUS")
    return out.getvalue()


def _envelope(pcm: np.ndarray) -> np.ndarray:
    n = len(pcm) // FRAME
    return np.sqrt(np.mean(pcm[: n * FRAME].reshape(n, FRAME) ** 2, axis=1))


class Capture:
    """What reaches the speaker, recorded from its monitor by the app's own Microphone."""

    def __init__(self) -> None:
        self.mic = Microphone("virtmic")
        self.blocks: list[np.ndarray] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self.mic.start()
        assert self.mic.first_frame.wait(5), "no callback from PulseAudio"
        assert self.mic.rate == RATE
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            block = self.mic.read(0.1)
            if block is not None:
                self.blocks.append(block)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)
        self.mic.stop()

    @property
    def heard(self) -> np.ndarray:
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)


def _play(engine: PlaybackEngine, speed: float, decoding: Decoding | None = None) -> np.ndarray:
    output = DeviceOutput()
    with Capture() as capture:
        output.start(engine)
        try:
            time.sleep(0.4)  # silence first: the baseline
            engine.set_speed(speed)
            engine.seek(0.0)
            engine.play()
            if decoding is not None:  # the rest decodes while the first block plays
                threading.Thread(target=decoding.finish, daemon=True).start()
            deadline = time.monotonic() + engine.duration / speed + 5
            while not engine.at_end and time.monotonic() < deadline:
                time.sleep(0.05)
            assert engine.at_end, "playback did not reach the end"
            time.sleep(0.6)  # the device's buffer drains
        finally:
            output.stop()
    return capture.heard


def test_the_player_is_heard_at_the_speaker_at_1x_and_2x(speech_ru):
    decoding = Decoding(_ogg(speech_ru)).start()
    engine = PlaybackEngine(decoding)
    heard = _play(engine, 1.0, decoding)
    played = decoding.pcm
    assert decoding.complete and len(played) > 3 * RATE
    quiet = _envelope(heard[: RATE // 4])
    assert quiet.max() < 0.005  # nothing before Play
    # What the speaker got is the recording itself, sample for sample, after the output latency
    # (found by cross-correlation; the null sink at 16 kHz mono changes nothing).
    n = len(heard) + len(played)
    xcorr = np.fft.irfft(np.fft.rfft(heard, n) * np.conj(np.fft.rfft(played, n)), n)
    lag = int(np.argmax(xcorr[: len(heard) - len(played) + 1]))
    aligned = heard[lag : lag + len(played)]
    assert len(aligned) == len(played)  # the whole recording was heard, to its end
    best = float(np.corrcoef(aligned, played)[0, 1])
    assert best > 0.98, best  # a dropout or a glitch would pull this down
    assert 0.4 <= lag / RATE < 1.5  # after the 0.4 s of silence before Play, not much later
    first, last = active_span(played)
    heard_first, heard_last = active_span(heard)
    assert heard_last - heard_first == pytest.approx(last - first, abs=0.25)

    fast = _play(engine, 2.0)  # WSOLA: half the time, the same speech
    fast_first, fast_last = active_span(fast)
    print(
        f"\nSPEAKER: waveform correlation {best:.4f}, starting {lag / RATE:.2f} s into the "
        f"capture (0.4 s before Play); speech {last - first:.2f} s played, "
        f"{heard_last - heard_first:.2f} s heard at 1x, {fast_last - fast_first:.2f} s at 2x"
    )
    assert fast_last - fast_first == pytest.approx((last - first) / 2, abs=0.25)
