"""The real RecordingSink: each chunk sealed under its recording's data key and committed at once.

Runs on the recorder's writer thread with its own database engine (one session per thread,
docs/threads.md). Each chunk is its own short transaction, so a crash or a power cut loses at
most the chunk being written; start-up recovery (services/recordings.py) seals what is left.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import update

from forsell.store.db import Database
from forsell.store.models import Recording, RecordingChunk
from forsell.store.outbox import AUDIO, enqueue
from forsell.vault.chunks import seal
from forsell.vault.keys import KeyVault

from .sink import RecordingStart, RecordingStats

log = logging.getLogger(__name__)

#: Less voice than this and a recording is kept but not queued for transcription.
MIN_SPEECH_MS = 1_000


class EncryptedArchive:
    """Recordings into the main database, sealed with per-recording keys from ``vault``."""

    def __init__(self, db_path: Path, vault: KeyVault, device_id: str) -> None:
        self.db = Database(db_path)  # this thread's own engine and connections
        self.vault = vault
        self.device_id = device_id
        self._keys: dict[str, bytes] = {}  # data keys of open recordings, in memory only

    def begin(self, start: RecordingStart) -> None:
        self._keys[start.recording_id] = self.vault.create(start.recording_id)
        with self.db.write() as session:
            session.add(
                Recording(
                    id=start.recording_id,
                    device_id=self.device_id,
                    sale_id=start.sale_id,
                    shift_id=start.shift_id,
                    employee_id=start.employee_id,
                    reason=start.reason,
                    started_at=start.started_at,
                    status="recording",
                )
            )
        log.info("recording %s started (%s)", start.recording_id, start.reason)

    def chunk(self, recording_id: str, index: int, data: bytes, final: bool) -> None:
        dek = self._keys[recording_id]
        sealed = seal(dek, recording_id, index, final, data)
        with self.db.write() as session:
            session.add(
                RecordingChunk(recording_id=recording_id, idx=index, final=final, blob=sealed.blob)
            )
            session.execute(
                update(Recording)
                .where(Recording.id == recording_id)
                .values(chunks=index + 1, bytes=Recording.bytes + len(data))
            )

    def end(self, recording_id: str, stats: RecordingStats) -> None:
        queued = stats.speech_ms >= MIN_SPEECH_MS and not stats.silent
        with self.db.write() as session:
            rec = session.get_one(Recording, recording_id)
            rec.ended_at = stats.ended_at
            rec.duration_ms = stats.duration_ms
            rec.speech_ms = stats.speech_ms
            rec.bytes = stats.bytes
            rec.chunks = stats.chunks
            rec.overflows = stats.overflows
            rec.silent = stats.silent
            rec.end_reason = stats.end_reason
            rec.status = "queued" if queued else "sealed"
            if queued:  # the outbox's audio lane: transcription picks it up (sync/audio_lane.py)
                enqueue(
                    session,
                    "recording",
                    recording_id,
                    {
                        "id": recording_id,
                        "sale_id": rec.sale_id,
                        "duration_ms": stats.duration_ms,
                        "speech_ms": stats.speech_ms,
                    },
                    lane=AUDIO,
                )
        self._keys.pop(recording_id, None)
        log.info(
            "recording %s sealed: %d ms, %d ms speech, %d chunks, %s",
            recording_id,
            stats.duration_ms,
            stats.speech_ms,
            stats.chunks,
            stats.end_reason,
        )

    def link_sale(self, recording_id: str, sale_id: str) -> None:
        with self.db.write() as session:
            session.execute(
                update(Recording).where(Recording.id == recording_id).values(sale_id=sale_id)
            )

    def close(self) -> None:
        self.db.dispose()
