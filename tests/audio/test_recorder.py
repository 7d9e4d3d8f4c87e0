"""The recorder's writer path with the real Microphone over a FakeDevice stream (no sound server).
The same behaviour against real PulseAudio is in test_pulse.py."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from forsell.audio.capture import Microphone
from forsell.audio.recorder import Recorder, RecorderConfig
from forsell.audio.sink import MemorySink

from .fakes import FakeDevice, active_span, decode


class Events:
    def __init__(self) -> None:
        self.states: list[str] = []
        self.state_times: list[float] = []
        self.errors: list[tuple[str, str]] = []
        self.levels: list[tuple[float, float, str | None, float]] = []
        self.cond = threading.Condition()

    def on_state(self, state: str) -> None:
        with self.cond:
            self.states.append(state)
            self.state_times.append(time.monotonic())
            self.cond.notify_all()

    def on_error(self, kind: str, detail: str) -> None:
        with self.cond:
            self.errors.append((kind, detail))
            self.cond.notify_all()

    def on_level(self, lvl: float, elapsed: float, rid: str | None) -> None:
        with self.cond:
            self.levels.append((lvl, elapsed, rid, time.monotonic()))
            self.cond.notify_all()

    def wait(self, predicate, timeout: float = 10.0) -> None:
        with self.cond:
            assert self.cond.wait_for(predicate, timeout), f"states {self.states}"


@pytest.fixture
def rig():
    made = []

    def make(speed: float = 4.0, rate: int = 48_000, sink=None, **config):
        dev = FakeDevice(rate=rate, channels=2, speed=speed)
        dev.noise = 0.002
        mic = Microphone("fake", probe=dev.probe, stream_factory=dev.stream)
        ev = Events()
        sink = sink or MemorySink()
        cfg = RecorderConfig(**{"retry_s": 0.3, "liveness_s": 1.0, **config})
        rec = Recorder(
            mic, sink, cfg, on_level=ev.on_level, on_state=ev.on_state, on_error=ev.on_error
        )
        made.append(rec)
        rec.open()
        return dev, mic, sink, ev, rec

    yield make
    for rec in made:
        rec.close()


def _tone(seconds: float, rate: int = 16_000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)


def test_a_sale_keeps_the_preroll_and_the_tail(rig, speech_ru):
    dev, mic, sink, ev, rec = rig(preroll_s=2.0)
    ev.wait(lambda: mic.frames_seen > 0)
    dev.play(*speech_ru)  # the greeting, before the first scan
    played = len(speech_ru[0]) / speech_ru[1]
    ev.wait(lambda: mic.frames_seen > 48_000 * (played + 0.5))
    before = mic.frames_seen
    rid = rec.start(sale_id=None, shift_id="sh", employee_id="emp")
    ev.wait(lambda: "recording" in ev.states)
    rec.link_sale("sale-1")
    rec.stop(after_s=1.0)
    # The fake device runs 4× real time: what it delivered while this thread asked for the start
    # and the stop belongs in the recording too (a loaded machine makes that longer).
    between = (mic.frames_seen - before) / 48_000
    assert sink.wait_ended(1, timeout=10)
    r = sink.get(rid)
    assert r.sale_id == "sale-1" and r.start.shift_id == "sh" and r.start.reason == "sale"
    pcm = decode(r.audio())
    assert r.stats.end_reason == "sale_done" and r.stats.chunks == len(r.chunks)
    # 2 s of pre-roll + the sale + 1 s tail; the last part of the phrase was in the pre-roll
    seconds = len(pcm) / 16_000
    assert 2.8 <= seconds <= 3.1 + between, (seconds, between)
    assert r.stats.duration_ms == pytest.approx(len(pcm) / 16, abs=30)
    assert active_span(pcm)[1] > 0 and r.stats.speech_ms > 300 and r.stats.peak_level > 0.02
    assert not r.stats.silent and r.stats.bytes == len(r.audio())
    assert "tail" in ev.states and ev.states[-1] == "idle"


def test_chunks_every_two_seconds_and_level_callbacks_throttled(rig):
    dev, mic, sink, ev, rec = rig(preroll_s=0.5)
    ev.wait(lambda: mic.frames_seen > 0)
    dev.play(_tone(8.0), 16_000)
    rid = rec.start(reason="manual")
    ev.wait(lambda: len(sink.get(rid).chunks) >= 3 if sink.recordings() else False)
    rec.stop(after_s=0, reason="manual")
    assert sink.wait_ended(1, timeout=5)
    r = sink.get(rid)
    assert r.stats.end_reason == "manual" and r.chunks[-1][2]
    for i in range(1, len(r.chunks) - 1):  # every middle chunk decodes to two more seconds
        grown = len(decode(r.audio(drop_last=len(r.chunks) - i - 1))) - len(
            decode(r.audio(drop_last=len(r.chunks) - i))
        )
        assert abs(grown - 32_000) <= 400
    times = [t for *_, t in ev.levels]
    gaps = np.diff(times)
    assert len(times) > 10 and np.min(gaps) >= 0.045  # ≤ 20 Hz
    assert any(r_id == rid and lvl > 0.1 for lvl, _, r_id, _ in ev.levels)


def test_a_new_sale_during_the_tail_splits(rig):
    _dev, mic, sink, ev, rec = rig(preroll_s=1.0)
    ev.wait(lambda: mic.frames_seen > 0)
    first = rec.start()
    ev.wait(lambda: "recording" in ev.states)
    rec.stop(after_s=30)
    ev.wait(lambda: "tail" in ev.states)
    second = rec.start()
    assert sink.wait_ended(1, timeout=5)
    assert sink.get(first).stats.end_reason == "sale_done"
    rec.stop(after_s=0)
    assert sink.wait_ended(2, timeout=5)
    assert [r.start.recording_id for r in sink.recordings()] == [first, second]


def test_cancel_tail_keeps_recording(rig):
    _dev, mic, sink, ev, rec = rig()
    ev.wait(lambda: mic.frames_seen > 0)
    rid = rec.start()
    rec.stop(after_s=0.5)
    rec.cancel_tail()
    ev.wait(lambda: any(e[2] == rid and e[1] > 9 for e in ev.levels))  # 8 s pre-roll + 1 s
    assert sink.get(rid).stats is None
    rec.close()
    r = sink.get(rid)
    assert r.stats.end_reason == "shutdown" and r.chunks[-1][2]


def test_max_length_splits_into_a_new_recording_of_the_same_sale(rig):
    _dev, mic, sink, ev, rec = rig(speed=8, preroll_s=0.5, max_length_s=3.0)
    ev.wait(lambda: mic.frames_seen > 0)
    rec.start(employee_id="emp")
    assert sink.wait_ended(2, timeout=10)
    rec.link_sale("sale-7")
    rec.stop(after_s=0)
    assert sink.wait_ended(3, timeout=5)
    recs = sink.recordings()
    assert [r.stats.end_reason for r in recs[:2]] == ["max_length", "max_length"]
    assert all(r.sale_id == "sale-7" and r.start.employee_id == "emp" for r in recs)
    lengths = [len(decode(r.audio())) for r in recs[:2]]
    assert all(abs(n - 48_000) < 400 for n in lengths), lengths


def test_liveness_no_frames_and_digital_silence(rig):
    dev, _mic, _sink, ev, rec = rig(speed=1)
    dev.noise = 0.0  # a dead input delivers exact zeros
    rec.start()
    ev.wait(lambda: "silent_input" in ev.states, timeout=4)
    dev.noise = 0.002
    ev.wait(lambda: ev.states[-1] == "recording", timeout=2)
    dev.stall.set()  # the callback stops coming, with no error from PortAudio
    ev.wait(lambda: ev.states[-1] == "no_frames", timeout=3)
    dev.stall.clear()
    ev.wait(lambda: ev.states[-1] == "recording", timeout=3)


def test_silence_before_a_manual_recording_is_not_a_dead_input(rig):
    """Idle silence (a quiet shop before the cashier presses "record") is the pre-roll, not a
    microphone problem: only silence inside the recording counts."""
    dev, mic, _sink, ev, rec = rig(speed=4, preroll_s=2.0)
    dev.noise = 0.0
    ev.wait(lambda: mic.frames_seen > 48_000 * 3)  # 3 s of zeros while idle (liveness: 1 s)
    rid = rec.start(reason="manual")
    ev.wait(lambda: "silent_input" in ev.states, timeout=6)  # a dead input is still told
    flagged_at = ev.state_times[ev.states.index("silent_input")]
    # How much of the recording (in audio seconds) had passed when it was flagged.
    recorded = [elapsed for _, elapsed, r, at in ev.levels if r == rid and at <= flagged_at]
    assert recorded and max(recorded) >= 0.5, recorded


def test_device_lost_seals_retries_and_resumes_the_sale(rig):
    dev, mic, sink, ev, rec = rig()
    ev.wait(lambda: mic.frames_seen > 0)
    first = rec.start(shift_id="sh")
    ev.wait(lambda: "recording" in ev.states)
    dev.unplug()
    assert sink.wait_ended(1, timeout=5)
    r = sink.get(first)
    assert r.stats.end_reason == "device_lost" and r.chunks[-1][2]
    assert len(decode(r.audio())) > 0
    ev.wait(lambda: ev.states[-1] == "device_error")
    ev.wait(lambda: sum(kind == "device" for kind, _ in ev.errors) >= 3)  # it keeps retrying
    dev.present = True
    ev.wait(lambda: len(sink.recordings()) == 2)  # the sale went on: a new recording
    assert sink.recordings()[1].start.shift_id == "sh"
    rec.stop(after_s=0)
    assert sink.wait_ended(2, timeout=5)


def test_no_device_at_start_is_reported_and_retried(rig):
    dev = FakeDevice()
    dev.present = False
    probing, release, probed = threading.Event(), threading.Event(), threading.Event()

    def slow_probe(device):  # a device that takes its time to say it is not there
        probing.set()
        release.wait(10)
        probed.set()
        return dev.probe(device)

    mic = Microphone("nope", probe=slow_probe, stream_factory=dev.stream)
    ev = Events()
    rec = Recorder(
        mic, MemorySink(), RecorderConfig(retry_s=0.2), on_state=ev.on_state, on_error=ev.on_error
    )
    rec.open()
    try:
        rid = rec.start()  # never waits for the device: the sale must not stall on it
        assert rid and not probed.is_set()
        assert probing.wait(10)  # the recorder's own thread is the one waiting
        release.set()
        ev.wait(lambda: len(ev.errors) >= 2)
        assert ev.states == ["device_error"]
    finally:
        rec.close()


class FlakySink(MemorySink):
    """Fails the first few chunk writes, like a locked database would."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def chunk(self, recording_id, index, data, final):
        if self.failures:
            self.failures -= 1
            raise OSError("database is locked")
        super().chunk(recording_id, index, data, final)


def test_sink_errors_are_reported_and_the_chunk_retried(rig):
    sink = FlakySink(failures=2)
    dev, mic, sink, ev, rec = rig(speed=4, sink=sink, preroll_s=0.5)
    ev.wait(lambda: mic.frames_seen > 0)
    dev.play(_tone(6.0), 16_000)
    rid = rec.start()
    ev.wait(lambda: sum(k == "sink" for k, _ in ev.errors) >= 2)
    ev.wait(lambda: len(sink.get(rid).chunks) >= 1)
    rec.stop(after_s=0)
    assert sink.wait_ended(1, timeout=5)
    r = sink.get(rid)
    assert len(decode(r.audio())) * 1000 // 16_000 == pytest.approx(r.stats.duration_ms, abs=30)
    assert "database is locked" in ev.errors[0][1]
