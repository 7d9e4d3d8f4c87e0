"""The player on a real decrypted, decoded recording, with no sound card.

How playback is tested honestly without an audio device: the player pulls samples from its
engine through an output; here that output is ``ClockOutput`` with a clock the test moves by
hand (a platform service passed in, like the keyring or the microphone elsewhere). Moving the
clock by one second makes the real engine hand out one second of output samples — at 1.5× that
consumes 1.5 s of the recording through the WSOLA stretch — and the GUI sees the position by its
own 20 Hz poll. What is not covered here: sound actually reaching a speaker (DeviceOutput).
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from forsell.ui.review.audio_engine import PlaybackEngine
from forsell.ui.review.player import ClockOutput
from forsell.ui.review.review_window import ReviewDialog

from .conftest import find
from .review_data import review_fixture  # noqa: F401 - the "review" fixture

Key = Qt.Key


class HandClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _shown(qtbot, review, clock: HandClock) -> ReviewDialog:
    """The supervisor's review window, its output pulled by ``clock``, the list loaded."""
    dialog = ReviewDialog(
        review.till,
        review.supervisor,
        service=review.service,
        output_factory=lambda: ClockOutput(clock),
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    return dialog


@pytest.fixture
def opened(qtbot, review):
    clock = HandClock()
    dialog = _shown(qtbot, review, clock)
    view = dialog.conversation
    with qtbot.waitSignals([view.loaded, view.audio_ready], timeout=10000):
        dialog.open_conversation(review.good.recording_id)
    dialog.clock = clock
    return dialog


def _at(qtbot, player, seconds: float, tolerance: float = 0.06) -> None:
    qtbot.waitUntil(lambda: abs(player.position - seconds) <= tolerance, timeout=3000)


def test_play_pause_seek_and_speed_on_a_decoded_recording(qtbot, opened):
    view = opened.conversation
    player = view.player
    assert player.engine.duration == pytest.approx(opened_review_seconds(opened), abs=0.1)
    assert find(opened, "waveform").duration == pytest.approx(player.engine.duration)
    assert "100\u00a0%" in find(opened, "conversation title").text()  # never wraps before "%"
    qtbot.keyClick(view, Key.Key_Space)
    assert player.playing
    assert find(opened, "play").text().endswith("Pause")
    opened.clock.now += 1.0
    _at(qtbot, player, 1.0)
    qtbot.keyClick(view, Key.Key_Space)  # pause: the clock moves on, the position does not
    assert not player.playing
    opened.clock.now += 2.0
    player.output.pull()  # the output asks for two seconds of samples: silence while paused
    assert player.position == pytest.approx(1.0, abs=0.06)
    qtbot.keyClick(view, Key.Key_Right)
    assert player.position == pytest.approx(6.0, abs=0.06)
    qtbot.keyClick(view, Key.Key_Left)
    qtbot.keyClick(view, Key.Key_Left)
    assert player.position == pytest.approx(0.0, abs=0.06)
    qtbot.keyClick(view, Key.Key_2)  # 1.5×
    assert player.engine.speed == 1.5
    assert find(opened, "speed").text() == "1.5×"
    qtbot.keyClick(view, Key.Key_Space)
    opened.clock.now += 2.0
    _at(qtbot, player, 3.0, 0.1)  # two seconds of listening at 1.5× cover three of the recording
    qtbot.mouseClick(find(opened, "speed"), Qt.MouseButton.LeftButton)  # → 2×
    assert player.engine.speed == 2.0
    start = player.position
    opened.clock.now += 1.0
    _at(qtbot, player, start + 2.0, 0.1)
    label = find(opened, "position")
    qtbot.waitUntil(lambda: label.text().startswith("0:05"))  # the label follows at 20 Hz


def opened_review_seconds(dialog) -> float:
    return dialog.conversation.detail.row.duration_s


def test_a_click_on_the_waveform_and_on_a_word_seeks(qtbot, opened):
    view = opened.conversation
    wave = find(opened, "waveform")
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(wave.width() // 2, 30))
    assert view.player.position == pytest.approx(
        wave.duration / 2, abs=wave.duration / wave.width() * 2
    )
    transcript = find(opened, "transcript")
    # The word "бонусная" is said at 9.5 + 3 × 0.45 s (review_data.GOOD, words_of).
    index = next(i for i, w in enumerate(sorted(transcript.words)) if abs(w[2] - 10.85) < 0.01)
    point = transcript.word_rect_center(index)
    qtbot.mouseClick(transcript.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.player.position == pytest.approx(10.85, abs=0.01)
    assert transcript.current_word() == "бонусная"  # highlighted at the playhead


def test_evidence_plays_the_matched_words(qtbot, opened):
    view = opened.conversation
    button = find(opened, "evidence upsell_offer 0")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.player.playing
    assert view.player.position == pytest.approx(5.0, abs=0.06)
    assert find(opened, "transcript").current_word() == "Хотите"


def test_speed_up_keeps_the_pitch_and_shortens_the_time():
    rate = 16_000
    t = np.arange(rate * 6) / rate
    tone = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    for speed in (1.5, 2.0):
        engine = PlaybackEngine(tone, rate)
        engine.set_speed(speed)
        engine.play()
        out = engine.render(rate * 2)
        spectrum = np.abs(np.fft.rfft(out * np.hanning(len(out))))
        assert np.argmax(spectrum) * rate / len(out) == pytest.approx(220, abs=2)
        assert engine.position == pytest.approx(2 * speed, abs=0.05)


# --- playing while the rest decodes -----------------------------------------------------------


def _ogg(seconds: float, rate: int = 16_000) -> tuple[bytes, np.ndarray]:
    """A real Ogg/Opus stream (libsndfile's encoder) of a gliding tone, and its one-shot decode."""
    import io

    import soundfile

    t = np.arange(int(rate * seconds)) / rate
    tone = (0.3 * np.sin(2 * np.pi * (200 + 5 * t) * t)).astype(np.float32)
    buffer = io.BytesIO()
    soundfile.write(buffer, tone, rate, format="OGG", subtype="OPUS")
    whole, _ = soundfile.read(io.BytesIO(buffer.getvalue()), dtype="float32")
    return buffer.getvalue(), whole


def test_a_long_recording_plays_from_its_first_block_while_the_rest_decodes():
    from forsell.ui.review.audio_engine import FIRST_BLOCK_S, Decoding

    ogg, whole = _ogg(60.0)
    decoding = Decoding(ogg).start()
    rate = decoding.rate
    assert decoding.ready == int(FIRST_BLOCK_S * rate) and not decoding.complete
    engine = PlaybackEngine(decoding)
    assert engine.duration == pytest.approx(len(whole) / rate)  # the slider's length at once
    engine.play()
    first = engine.render(rate)  # one second: decoded already
    assert np.array_equal(first, whole[:rate])
    engine.seek(30.0)  # far ahead of the decoded part: silence, and the position waits there
    assert not np.any(engine.render(rate // 2)) and engine.position == pytest.approx(30.0)
    assert engine.playing and not engine.at_end
    decoding.finish()
    assert decoding.complete and np.array_equal(decoding.pcm, whole)  # same as one-shot decoding
    assert np.array_equal(engine.render(rate), whole[30 * rate : 31 * rate])
    engine.set_speed(2.0)
    engine.seek(58.0)
    engine.render(rate * 2)
    assert engine.at_end and not engine.playing


def test_stretched_playback_waits_at_the_decoded_edge_instead_of_reading_silence():
    from forsell.ui.review.audio_engine import Decoding

    ogg, _whole = _ogg(20.0)
    decoding = Decoding(ogg).start()  # two seconds decoded
    engine = PlaybackEngine(decoding)
    engine.set_speed(2.0)
    engine.play()
    heard = np.concatenate([engine.render(1600) for _ in range(20)])  # asks for 4 s of the source
    assert engine.position <= decoding.ready / decoding.rate  # never past what is decoded
    assert engine.position >= 1.5  # but it played up to near the edge
    assert np.any(heard)


def test_a_stream_longer_or_shorter_than_its_header_says_is_played_whole():
    from forsell.ui.review.audio_engine import Decoding

    ogg, whole = _ogg(12.0)
    short = Decoding(ogg).start()
    short.pcm = short.pcm[: short.ready]  # as if the header's length were two seconds
    short.finish()
    assert np.array_equal(short.pcm, whole)
    long = Decoding(ogg).start()
    long.pcm = np.zeros(len(long.pcm) * 2, dtype=np.float32)  # as if it said twice as long
    long.pcm[: long.ready] = whole[: long.ready]
    long.finish()
    assert np.array_equal(long.pcm, whole)


def test_the_player_is_playable_before_the_waveform_is_drawn(qtbot, review):
    """A 3-minute conversation: the player is enabled from the first block, the waveform when
    the whole recording is decoded."""
    from forsell.ui.review.audio_engine import FIRST_BLOCK_S

    ogg, whole = _ogg(180.0)
    review.service.audio = lambda who, recording_id: ogg  # the decrypted bytes of a long one
    dialog = _shown(qtbot, review, HandClock())
    view = dialog.conversation
    at_playable = {}
    view.audio_playable.connect(
        lambda: at_playable.update(
            ready=view.player.engine.source.ready,
            complete=view.player.engine.source.complete,
            enabled=find(dialog, "play").isEnabled(),
            wave=find(dialog, "waveform").duration,
        )
    )
    with qtbot.waitSignals([view.loaded, view.audio_playable, view.audio_ready], timeout=10000):
        dialog.open_conversation(review.good.recording_id)
    assert at_playable == {
        "ready": int(FIRST_BLOCK_S * 16_000),
        "complete": False,
        "enabled": True,
        "wave": 0.0,
    }
    assert find(dialog, "waveform").duration == pytest.approx(180.0, abs=0.1)
    assert np.array_equal(view.player.engine.pcm, whole)


def test_a_cancelled_decoding_stops_within_a_block_and_lets_go_of_the_bytes():
    from forsell.ui.review.audio_engine import FIRST_BLOCK_S, Decoding

    ogg, _whole = _ogg(60.0)
    decoding = Decoding(ogg).start()
    decoding.cancel()  # another conversation was opened
    decoding.finish()
    assert decoding.ready == int(FIRST_BLOCK_S * decoding.rate)  # not one block more
    assert not decoding.complete and decoding._file.closed
