"""Stand-ins for what a test machine lacks: a microphone and an OS secret store.

Both are doubles of third-party things (a sound card, the keyring backend), never of our code:
the real ConversationRecorder, Recorder, EncryptedArchive, vault and SQLite run on top of them.
"""

from __future__ import annotations

import threading
import time

import numpy as np
from sqlalchemy import select

from forsell.audio.capture import DeviceError
from forsell.services.app import Till
from forsell.store.models import Recording
from sync.memory_keyring import MemoryKeyring

__all__ = ["FakeMic", "MemoryKeyring", "recordings"]


class FakeMic:
    """A 16 kHz microphone hearing a steady tone, in real time (20 ms blocks).

    ``present = False``: opening fails like an unplugged device (DeviceError); ``silent``:
    it delivers exact zeros, like a muted input.
    """

    rate = 16_000
    BLOCK = 320

    def __init__(self, present: bool = True, amplitude: float = 0.1) -> None:
        self.present, self.amplitude, self.silent = present, amplitude, False
        self.overflows = 0
        self.error: str | None = None
        self.starts = 0
        self.open = False
        self._pos = 0
        self._next = 0.0
        self._lock = threading.Lock()

    def start(self) -> None:
        if not self.present:
            raise DeviceError("Error querying device: no such microphone")
        with self._lock:
            self.starts += 1
            self.open = True
            self._next = time.monotonic()

    def stop(self) -> None:
        self.open = False

    def read(self, timeout: float) -> np.ndarray | None:
        wait = self._next - time.monotonic()
        if wait > timeout:
            time.sleep(timeout)  # the device's own pace, not a test waiting
            return None
        if wait > 0:
            time.sleep(wait)
        self._next += self.BLOCK / self.rate
        t = np.arange(self._pos, self._pos + self.BLOCK) / self.rate
        self._pos += self.BLOCK
        if self.silent:
            return np.zeros(self.BLOCK, dtype=np.float32)
        return (self.amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def recordings(till: Till) -> list[Recording]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(Recording).order_by(Recording.started_at)))
