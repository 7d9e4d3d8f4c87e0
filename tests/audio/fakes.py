"""A stand-in for ``sounddevice.InputStream`` for tests without a sound server.

It drives the real ``Microphone`` code: a thread calls the Microphone's callback with blocks of
the requested size, channel count and rate at real-time pace (or ``speed`` × faster), sets
``input_overflow`` when told to, and when the "device" dies it stops and calls the
``finished_callback`` exactly as PortAudio does (observed with ``pacmd kill-source-output``).
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import sounddevice as sd
import soundfile as sf

from forsell.audio.capture import DeviceError


class FakeDevice:
    """A microphone whose signal, presence and failures the test controls."""

    def __init__(self, rate: int = 48_000, channels: int = 2, speed: float = 1.0) -> None:
        self.rate, self.channels, self.speed = rate, channels, speed
        self.present = True
        self.signal = np.zeros(0, dtype=np.float32)  # played once, then silence (zeros)
        self.noise = 0.0  # RMS of background noise (0: digital zero)
        self.overflow_every = 0  # flag every Nth block as overflowed
        self.stall = threading.Event()  # set: the callback stops coming
        self.streams: list[FakeStream] = []
        self._lock = threading.Lock()
        self._pos = 0
        self._rng = np.random.default_rng(7)

    def play(self, pcm: np.ndarray, rate: int) -> None:
        """Queues speech at the device's rate (the resampling is the recorder's job)."""
        import soxr

        with self._lock:
            self.signal = soxr.resample(pcm, rate, self.rate).astype(np.float32)
            self._pos = 0

    def next_block(self, frames: int) -> np.ndarray:
        with self._lock:
            part = self.signal[self._pos : self._pos + frames]
            self._pos += len(part)
        block = np.zeros((frames, self.channels), dtype=np.float32)
        if self.noise:
            block += self._rng.normal(0, self.noise, (frames, 1)).astype(np.float32)
        block[: len(part)] += part[:, None]
        return block

    def probe(self, device: Any) -> tuple[Any, int, int]:
        if not self.present:
            raise DeviceError(f"No input device matching {device!r}")
        return device, self.rate, self.channels

    def stream(self, **kwargs: Any) -> FakeStream:
        if not self.present:
            raise sd.PortAudioError("Error opening InputStream: device unavailable")
        stream = FakeStream(self, **kwargs)
        self.streams.append(stream)
        return stream

    def unplug(self) -> None:
        """The device disappears: the running stream dies, reopening fails."""
        self.present = False
        for stream in self.streams:
            stream.die()


class FakeStream:
    def __init__(
        self,
        fake: FakeDevice,
        *,
        samplerate: int,
        channels: int,
        blocksize: int,
        callback: Callable,
        finished_callback: Callable,
        **_: Any,
    ) -> None:
        assert samplerate == fake.rate and channels == fake.channels
        self.device, self.blocksize = fake, blocksize
        self.callback, self.finished = callback, finished_callback
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.active = False

    def start(self) -> None:
        self.active = True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        period = self.blocksize / self.device.rate / self.device.speed
        due = time.monotonic()
        n = 0
        while not self._stop.is_set():
            due += period
            delay = due - time.monotonic()
            if delay > 0:
                self._stop.wait(delay)
            if self._stop.is_set():
                break
            if self.device.stall.is_set():
                continue
            n += 1
            status = sd.CallbackFlags()
            if self.device.overflow_every and n % self.device.overflow_every == 0:
                status = sd.CallbackFlags(sd._lib.paInputOverflow)
            self.callback(self.device.next_block(self.blocksize), self.blocksize, None, status)
        self.active = False
        self.finished()

    def die(self) -> None:
        self._stop.set()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2)

    def close(self) -> None:
        self.stop()


def espeak(text: str, voice: str) -> tuple[np.ndarray, int]:
    """Speech from espeak-ng as float32 mono and its rate (read from its stdout, no file)."""
    import io

    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "--stdout", text], check=True, capture_output=True
    ).stdout
    pcm, rate = sf.read(io.BytesIO(wav), dtype="float32")
    return pcm, rate


def decode(ogg: bytes) -> np.ndarray:
    import io

    pcm, rate = sf.read(io.BytesIO(ogg), dtype="float32")
    assert rate == 16_000
    return pcm


def active_span(
    pcm: np.ndarray, rate: int = 16_000, threshold: float = 0.01
) -> tuple[float, float]:
    """(first, last) second where the 10 ms RMS exceeds ``threshold``."""
    win = rate // 100
    n = len(pcm) // win
    rms = np.sqrt(np.mean(pcm[: n * win].reshape(n, win) ** 2, axis=1))
    loud = np.flatnonzero(rms > threshold)
    if not loud.size:
        return (0.0, 0.0)
    return loud[0] * win / rate, (loud[-1] + 1) * win / rate
