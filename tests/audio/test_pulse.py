"""Integration: the real PortAudio → PulseAudio path. A null sink ("counter") plays espeak-ng
speech; its monitor, remapped as the source "virtmic", is the microphone (docs/recipes.md).
installer/linux/run-tests.sh starts that PulseAudio and exports PULSE_SERVER."""

from __future__ import annotations

import io
import subprocess

import pytest
import soundfile as sf

from forsell.audio.capture import Microphone, list_input_devices, list_pulse_sources
from forsell.audio.recorder import Recorder, RecorderConfig
from forsell.audio.sink import MemorySink
from platform_services import needs, pulseaudio, require, tools

from .conftest import KK, RU
from .fakes import active_span, decode
from .test_recorder import Events

pytestmark = needs(pulseaudio)


def _pactl(*args: str) -> str:
    return subprocess.run(["pactl", *args], check=True, capture_output=True, text=True).stdout


def test_devices_include_pulse():
    names = {d.name for d in list_input_devices()}
    assert {"pulse", "default"} <= names


@pytest.mark.parametrize(("voice", "text"), [("ru", RU), ("kk", KK)])
def test_speech_played_into_the_null_sink_is_in_the_recording(voice, text):
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "--stdout", text], check=True, capture_output=True
    ).stdout
    played, rate = sf.read(io.BytesIO(wav), dtype="float32")
    # espeak's WAV ends with ~0.3 s of silence: compare the spans of actual speech
    played_first, played_last = active_span(played, rate)
    played_s = played_last - played_first
    assert len(played) / rate - played_s < 0.6
    mic = Microphone("virtmic")
    sink, ev = MemorySink(), Events()
    rec = Recorder(
        mic, sink, RecorderConfig(preroll_s=1.0), on_state=ev.on_state, on_level=ev.on_level
    )
    rec.open()
    try:
        assert mic.first_frame.wait(5), "no callback from PulseAudio"
        rid = rec.start(employee_id="emp")
        ev.wait(lambda: any(elapsed >= 1.0 for _, elapsed, *_ in ev.levels))  # 1 s of silence
        subprocess.run(["paplay"], input=wav, check=True, timeout=30)
        rec.stop(after_s=1.0)
        assert sink.wait_ended(1, timeout=10)
    finally:
        rec.close()
    r = sink.get(rid)
    pcm = decode(r.audio())
    first, last = active_span(pcm)
    head = pcm[: int(first * 16_000)]
    speech = pcm[int(first * 16_000) : int(last * 16_000)]
    # silence before the speech (the null sink gives zeros), apart from the onset's last 50 ms
    assert len(head) >= 8_000 and abs(head[:-800]).max() < 0.001
    assert speech.std() > 0.03
    assert abs((last - first) - played_s) <= 0.3, (last - first, played_s)
    assert r.stats.speech_ms > 0.5 * played_s * 1000 and not r.stats.silent
    assert r.stats.overflows == 0 and mic.overflows == 0


def test_a_missing_device_is_a_device_error_and_retried():
    mic = Microphone("no-such-microphone")
    ev = Events()
    rec = Recorder(
        mic, MemorySink(), RecorderConfig(retry_s=0.3), on_state=ev.on_state, on_error=ev.on_error
    )
    rec.open()
    try:
        ev.wait(lambda: len(ev.errors) >= 2, timeout=10)
        assert ev.states == ["device_error"]
    finally:
        rec.close()


def test_stream_killed_mid_recording_is_sealed_as_device_lost():
    require(tools("pacmd"))
    module = _pactl("load-module", "module-cli-protocol-unix").strip()
    mic = Microphone("virtmic")
    sink, ev = MemorySink(), Events()
    rec = Recorder(
        mic, sink, RecorderConfig(retry_s=0.5), on_state=ev.on_state, on_error=ev.on_error
    )
    rec.open()
    try:
        assert mic.first_frame.wait(5)
        rid = rec.start()
        ev.wait(lambda: "recording" in ev.states)
        outputs = [
            line.split()[0]
            for line in _pactl("list", "short", "source-outputs").splitlines()
            if "protocol-native" in line
        ]
        for out in outputs:  # what the server does to a client whose device vanished
            subprocess.run(["pacmd", "kill-source-output", out], check=True)
        assert sink.wait_ended(1, timeout=10)
        assert sink.get(rid).stats.end_reason == "device_lost"
        assert "device_error" in ev.states
        ev.wait(lambda: len(sink.recordings()) == 2, timeout=10)  # reopened, the sale goes on
    finally:
        rec.close()
        _pactl("unload-module", module)


def test_pulse_sources_are_listed_by_description_without_monitors():
    sources = {d.name: d for d in list_pulse_sources()}
    assert "virtmic" in sources and sources["virtmic"].label == "VirtualMic"
    assert sources["virtmic"].is_default  # run-tests.sh makes it the default source
    assert not [name for name in sources if name.endswith(".monitor")]


def test_a_source_chosen_by_name_records_from_that_source():
    mic = Microphone(next(d.name for d in list_pulse_sources() if d.label == "VirtualMic"))
    mic.start()
    try:
        assert mic.first_frame.wait(5), "no callback from PulseAudio"
    finally:
        mic.stop()
    assert mic.error is None
