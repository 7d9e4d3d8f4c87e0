"""Where a recording goes: the interface between the recorder and its storage.

The real sink (archive.py) encrypts and stores chunks; MemorySink keeps everything in memory for
tests and for the three-second microphone test, which must store nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class RecordingStart:
    recording_id: str  # forsell.domain.ids.new_id()
    started_at: datetime  # aware UTC, time of the first sample kept (pre-roll included)
    sale_id: str | None
    shift_id: str | None
    employee_id: str | None
    reason: str  # "sale" | "manual"


@dataclass(frozen=True)
class RecordingStats:
    ended_at: datetime  # aware UTC
    duration_ms: int  # audio actually encoded
    speech_ms: int  # voice activity
    bytes: int  # encoded bytes (before encryption)
    chunks: int
    overflows: int  # PortAudio input overflows during this recording
    end_reason: (
        str  # "sale_done" | "cancelled" | "manual" | "max_length" | "device_lost" | "shutdown"
    )
    peak_level: float  # 0..1 max RMS level seen
    silent: bool  # only digital silence / no frames


class RecordingSink(Protocol):
    def begin(self, start: RecordingStart) -> None: ...
    def chunk(self, recording_id: str, index: int, data: bytes, final: bool) -> None: ...
    def end(self, recording_id: str, stats: RecordingStats) -> None: ...
    def link_sale(self, recording_id: str, sale_id: str) -> None: ...


@dataclass
class MemoryRecording:
    start: RecordingStart
    chunks: list[tuple[int, bytes, bool]] = field(default_factory=list)
    stats: RecordingStats | None = None
    sale_id: str | None = None

    def audio(self, *, drop_last: int = 0) -> bytes:
        """The Ogg/Opus stream: all chunk bytes in order (optionally without the last ones)."""
        kept = self.chunks[: len(self.chunks) - drop_last] if drop_last else self.chunks
        return b"".join(data for _, data, _ in kept)


class MemorySink:
    """A RecordingSink that keeps recordings in memory. Thread-safe; checks the call order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._recordings: dict[str, MemoryRecording] = {}
        self._ended = threading.Condition(self._lock)

    def begin(self, start: RecordingStart) -> None:
        with self._lock:
            if start.recording_id in self._recordings:
                raise ValueError(f"recording {start.recording_id} begun twice")
            self._recordings[start.recording_id] = MemoryRecording(start, sale_id=start.sale_id)

    def chunk(self, recording_id: str, index: int, data: bytes, final: bool) -> None:
        with self._lock:
            rec = self._recordings[recording_id]
            if index != len(rec.chunks) or (rec.chunks and rec.chunks[-1][2]):
                raise ValueError(f"chunk {index} out of order in {recording_id}")
            rec.chunks.append((index, bytes(data), final))

    def end(self, recording_id: str, stats: RecordingStats) -> None:
        with self._lock:
            rec = self._recordings[recording_id]
            if not rec.chunks or not rec.chunks[-1][2]:
                raise ValueError(f"recording {recording_id} ended without a final chunk")
            rec.stats = stats
            self._ended.notify_all()

    def link_sale(self, recording_id: str, sale_id: str) -> None:
        with self._lock:
            self._recordings[recording_id].sale_id = sale_id

    # --- reading back -------------------------------------------------------------------
    def recordings(self) -> list[MemoryRecording]:
        """In the order they were begun."""
        with self._lock:
            return list(self._recordings.values())

    def get(self, recording_id: str) -> MemoryRecording:
        with self._lock:
            return self._recordings[recording_id]

    def wait_ended(self, count: int, timeout: float) -> bool:
        """Waits until ``count`` recordings have ended (their stats arrived)."""
        with self._lock:
            return self._ended.wait_for(
                lambda: sum(r.stats is not None for r in self._recordings.values()) >= count,
                timeout,
            )
