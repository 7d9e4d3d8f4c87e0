"""Recordings for tests: sealed ones without a microphone, and a recorder process to kill.

As a module: ``sealed_recording`` puts a recording through the real pieces (OpusChunker,
EncryptedArchive, KeyVault), like tests/services/test_recordings.py, for tests that need
recordings but no sound card.

As a script (tests/test_recording_crash.py runs it): ``python tests/recording_child.py DATA_DIR
DEVICE`` opens the till in DATA_DIR, unlocks its key file with the KEK from the real OS secret
store, records from DEVICE into an EncryptedArchive, prints ``STARTED <id>`` once the recording
runs and ``CHUNKS <id> <n>`` a second after the third chunk is on disk, then keeps recording
until it is killed.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from forsell.audio.archive import EncryptedArchive
from forsell.audio.encoder import OpusChunker
from forsell.audio.sink import RecordingStart, RecordingStats
from forsell.domain.ids import new_id
from forsell.services.app import DB_NAME, Till
from forsell.vault.keys import KeyVault

RATE = 16_000


def voice(seconds: float) -> np.ndarray:
    """A voiced, speech-like signal: a 180 Hz buzz with syllable-rate amplitude changes."""
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2
    return (0.3 * envelope * np.sign(np.sin(2 * np.pi * 180 * t))).astype(np.float32)


def record_into(
    archive: EncryptedArchive,
    seconds: float,
    *,
    finish: bool = True,
    employee_id: str | None = None,
) -> str:
    """Feeds ``seconds`` of voice through the real encoder into ``archive`` in ~2 s chunks;
    without ``finish`` it stops as a killed process would (no final chunk, no end)."""
    rid = new_id()
    archive.begin(RecordingStart(rid, datetime.now(UTC), None, None, employee_id, "manual"))
    enc = OpusChunker()
    index = 0
    for block in np.array_split(voice(seconds), max(1, int(seconds * 10))):
        enc.write(block)
        due = enc.take_due()
        if due is not None:
            archive.chunk(rid, index, due, False)
            index += 1
    if finish:
        archive.chunk(rid, index, enc.close(), True)
        archive.end(
            rid,
            RecordingStats(
                datetime.now(UTC),
                enc.duration_ms,
                enc.duration_ms,
                enc.bytes_total,
                index + 1,
                0,
                "manual",
                0.3,
                False,
            ),
        )
    return rid


def sealed_recording(
    till: Till, vault: KeyVault, seconds: float = 4.0, *, employee_id: str | None = None
) -> str:
    """A finished recording of ``seconds`` of voice, sealed into the till's database."""
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    try:
        return record_into(archive, seconds, employee_id=employee_id)
    finally:
        archive.close()


def _chunks_on_disk(db_path: Path, rid: str) -> int:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(
            "SELECT count(*) FROM recording_chunks WHERE recording_id = ?", (rid,)
        ).fetchone()
    conn.close()
    return row[0]


def main(data_dir: Path, device: str) -> None:
    from forsell.audio.capture import Microphone
    from forsell.audio.recorder import Recorder, RecorderConfig
    from forsell.services.app import open_till
    from forsell.services.recordings import open_vault

    till = open_till(data_dir, seed_demo=False)
    vault = open_vault(till.ctx)  # the KEK from the real secret store (same D-Bus session)
    archive = EncryptedArchive(data_dir / DB_NAME, vault, till.ctx.device_id)
    mic = Microphone(device)
    recording = threading.Event()
    errors: list[str] = []
    # No pre-roll: the recording starts when we say, so the test knows how long it ran.
    rec = Recorder(
        mic,
        archive,
        RecorderConfig(preroll_s=0.0),
        on_state=lambda state: state == "recording" and recording.set(),
        on_error=lambda kind, detail: errors.append(f"{kind}: {detail}"),
    )
    rec.open()
    if not mic.first_frame.wait(10):
        sys.exit(f"no frames from {device}: {errors}")
    rid = rec.start(reason="manual")
    if not recording.wait(10):
        sys.exit(f"the recording did not start: {errors}")
    print("STARTED", rid, flush=True)
    db_path = data_dir / DB_NAME
    while _chunks_on_disk(db_path, rid) < 3:
        time.sleep(0.05)
    time.sleep(1.0)  # be killed in the middle of the fourth chunk, not at its edge
    print("CHUNKS", rid, _chunks_on_disk(db_path, rid), flush=True)
    while True:  # keeps recording until SIGKILL
        time.sleep(60)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
