"""After a real recording session no plain audio is on disk: not in the data folder, not in a
temp file, not in any database file.

A Recorder with an EncryptedArchive records espeak-ng speech from the PulseAudio microphone
``virtmic``. Then every file of the data folder, every file of the temp folder modified during
the test (database files among them) is scanned for container headers (Ogg, RIFF,
FLAC, OpusHead) and for 64-sample runs of the PCM that was played and that was captured (int16
little-endian and float32). The speech WAV, the decrypted stream and the captured samples live
in memory only. Run: ``bash installer/linux/run-tests.sh tests/test_no_plain_audio.py``.
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from forsell.audio.archive import EncryptedArchive
from forsell.audio.capture import Microphone
from forsell.audio.dsp import to_int16
from forsell.audio.recorder import Recorder, RecorderConfig
from forsell.services.app import DB_NAME, open_till
from forsell.services.recordings import KEY_FILE, RecordingLibrary
from forsell.vault.keys import KeyVault
from platform_services import espeak, needs, pulseaudio

pytestmark = [pytest.mark.slow, needs(pulseaudio, espeak)]

HEADERS = (b"OggS", b"RIFF", b"fLaC", b"OpusHead")
RUN = 64  # samples
TEXT = "Здравствуйте, хотите добавить десерт к заказу? Спасибо за покупку."


class CapturedMicrophone:
    """The real Microphone; a copy of every block it delivers is kept in memory, so the scan
    can look for exactly the samples the recorder had in its hands."""

    def __init__(self, mic: Microphone) -> None:
        self.mic = mic
        self.blocks: list[np.ndarray] = []

    rate = property(lambda self: self.mic.rate)
    overflows = property(lambda self: self.mic.overflows)
    error = property(lambda self: self.mic.error)

    def start(self) -> None:
        self.mic.start()

    def stop(self) -> None:
        self.mic.stop()

    def read(self, timeout: float) -> np.ndarray | None:
        block = self.mic.read(timeout)
        if block is not None:
            self.blocks.append(block.copy())
        return block


def _loud_runs(pcm: np.ndarray, count: int = 12) -> list[np.ndarray]:
    """``count`` 64-sample runs from the loudest parts: silence would match any zero page."""
    windows = len(pcm) // RUN
    rms = np.sqrt(np.mean(np.square(pcm[: windows * RUN].reshape(windows, RUN)), axis=1))
    loud = np.flatnonzero(rms > 0.05)
    assert len(loud) >= count, "too little loud audio to take needles from"
    picks = loud[np.linspace(0, len(loud) - 1, count).astype(int)]
    return [pcm[i * RUN : (i + 1) * RUN] for i in picks]


def _needles(pcm_float: np.ndarray, label: str) -> dict[bytes, str]:
    needles = {}
    for n, run in enumerate(_loud_runs(pcm_float)):
        needles[run.astype("<f4").tobytes()] = f"{label} float32 run {n}"
        needles[to_int16(run).astype("<i2").tobytes()] = f"{label} int16 run {n}"
    return needles


def _hits(data: bytes, needles: dict[bytes, str]) -> list[str]:
    found = [h.decode() for h in HEADERS if h in data]
    return found + [label for needle, label in needles.items() if needle in data]


def _files_to_scan(data_dir: Path, since: float) -> list[Path]:
    temp = Path(tempfile.gettempdir())
    files = {p for p in data_dir.rglob("*") if p.is_file()}
    for root, _, names in os.walk(temp):
        for name in names:
            path = Path(root, name)
            try:
                # Older files cannot hold this session's audio (other runs' databases included).
                if path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since:
                    files.add(path)
            except OSError:  # vanished or unreadable while we walked: not ours
                continue
    return sorted(files)


def _scan(files: list[Path], needles: dict[bytes, str]) -> dict[str, list[str]]:
    found = {}
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits = _hits(data, needles)
        if hits:
            found[str(path)] = hits
    return found


def test_a_recording_session_leaves_no_plain_audio_anywhere(tmp_path):
    since = time.time() - 1
    data_dir = tmp_path / "till"
    till = open_till(data_dir)
    # The speech stays in memory: espeak writes the WAV to our pipe, paplay reads it from one.
    wav = subprocess.run(
        ["espeak-ng", "-v", "ru", "--stdout", TEXT], check=True, capture_output=True
    ).stdout
    played, _ = sf.read(io.BytesIO(wav), dtype="float32")
    # A random KEK: where the KEK comes from does not matter for what lands on disk.
    vault = KeyVault(data_dir / KEY_FILE, os.urandom(32))
    archive = EncryptedArchive(data_dir / DB_NAME, vault, till.ctx.device_id)
    mic = CapturedMicrophone(Microphone("virtmic"))
    recording, idle = threading.Event(), threading.Event()

    def on_state(state: str) -> None:
        (recording if state == "recording" else idle).set()

    rec = Recorder(mic, archive, RecorderConfig(preroll_s=1.0), on_state=on_state)
    rec.open()
    try:
        assert mic.mic.first_frame.wait(10), "no frames from virtmic"
        rid = rec.start(reason="manual")
        assert recording.wait(10)
        idle.clear()
        subprocess.run(["paplay"], input=wav, check=True, timeout=60)
        rec.stop(after_s=0.5, reason="manual")
        assert idle.wait(10)
    finally:
        rec.close()
        archive.close()

    library = RecordingLibrary(till.ctx, vault)
    ogg = library.ogg(rid)
    captured = np.concatenate(mic.blocks)
    needles = {**_needles(played, "played"), **_needles(captured, "captured")}
    # The scan can fail: the decrypted stream and the captured samples are found in memory.
    assert "OggS" in _hits(ogg, needles) and "OpusHead" in _hits(ogg, needles)
    assert len(_hits(captured.astype("<f4").tobytes(), needles)) >= 12
    assert len(_hits(to_int16(captured).astype("<i2").tobytes(), needles)) >= 12
    pcm, rate = library.pcm(rid)
    assert rate == 16_000 and pcm.std() > 0.02  # the speech really was recorded

    # Once with the databases open (WAL files present), once after everything is closed.
    open_scan = _scan(_files_to_scan(data_dir, since), needles)
    vault.close()
    till.close()
    files = _files_to_scan(data_dir, since)
    assert any(p.name == DB_NAME for p in files) and any(p.name == KEY_FILE for p in files)
    assert open_scan == {}
    assert _scan(files, needles) == {}
