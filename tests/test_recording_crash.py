"""A recorder process killed with SIGKILL mid-recording loses at most its last ~2 s.

The child (tests/recording_child.py) records a steady tone from the PulseAudio microphone
``virtmic`` into the till's encrypted archive, with the KEK from the real Secret Service, and
is killed without any chance to clean up. The restarted till recovers the recording: sealed as
interrupted from its last durable chunk, authentic, with no orphan key or open row left.
Run with the real services: ``bash installer/linux/run-tests.sh tests/test_recording_crash.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from forsell.services.app import open_till
from forsell.services.recordings import RecordingLibrary, open_vault
from forsell.store.models import Recording
from platform_services import needs, pulseaudio, secret_service, tools

pytestmark = [pytest.mark.slow, needs(secret_service, pulseaudio, tools("sox"))]

CHILD = Path(__file__).with_name("recording_child.py")
LOSS_S = 2.5  # the chunk being filled (2 s) plus the encoder's page slack and pipe latency


def _tone(path: Path, seconds: int) -> Path:
    """A steady 440 Hz tone as a 16 kHz WAV (outside the data folder: the harness's file)."""
    subprocess.run(
        [
            "sox",
            "-n",
            "-r",
            "16000",
            "-c",
            "1",
            "-b",
            "16",
            str(path),
            "synth",
            str(seconds),
            "sine",
            "440",
            "vol",
            "0.3",
        ],
        check=True,
    )
    return path


def _line(child: subprocess.Popen, word: str) -> list[str]:
    said = child.stdout.readline().split()
    if not said or said[0] != word:
        child.kill()
        pytest.fail(f"the recorder child said {said}, not {word}: {child.communicate()[1]}")
    return said


def test_a_killed_recorder_leaves_an_interrupted_recording_missing_at_most_2_s(tmp_path):
    data_dir = tmp_path / "till"
    open_till(data_dir).close()  # seeded once, so the child starts quickly
    # The tone plays for the whole test: the microphone hears it from the first sample on.
    player = subprocess.Popen(["paplay", str(_tone(tmp_path / "tone.wav", 60))])
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), "virtmic"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, rid = _line(child, "STARTED")
        started = time.monotonic()
        _, said_rid, chunks = _line(child, "CHUNKS")
        os.kill(child.pid, signal.SIGKILL)
        recorded_s = time.monotonic() - started
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        for process in (child, player):
            if process.poll() is None:
                process.kill()
        child.communicate()
        player.wait(timeout=30)
    assert said_rid == rid and int(chunks) >= 3

    till = open_till(data_dir)
    vault = open_vault(till.ctx)
    try:
        library = RecordingLibrary(till.ctx, vault)
        with till.ctx.db.read() as session:
            assert session.get(Recording, rid).status == "recording"  # cut off, as left
        report = library.recover()
        assert (report.interrupted, report.discarded, report.orphan_keys) == (1, 0, 0)
        (view,) = library.list()
        assert view.id == rid and view.status == "interrupted" and view.end_reason == "crash"
        pcm, rate = library.pcm(rid)
        kept_s = len(pcm) / rate
        # everything but at most the last ~2 s, and never more than was recorded
        assert recorded_s - LOSS_S <= kept_s <= recorded_s + 0.1, (kept_s, recorded_s)
        assert kept_s >= 6.0  # at least the three chunks the child saw on disk
        assert abs(view.duration_ms / 1000 - kept_s) < 0.1
        assert abs(pcm[rate // 2 :]).max() > 0.1  # the tone is in it, not silence
        assert library.verify_all() == []
        with till.ctx.db.read() as session:
            statuses = session.scalars(select(Recording.status)).all()
            ids = set(session.scalars(select(Recording.id)))
        assert "recording" not in statuses
        assert vault.recording_ids() == ids == {rid}  # no orphan key, no key-less row
    finally:
        vault.close()
        till.close()
