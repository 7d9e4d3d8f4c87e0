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


@pytest.fixture
def opened(qtbot, review):
    clock = HandClock()
    dialog = ReviewDialog(review.till, review.supervisor, service=review.service,
                          output_factory=lambda: ClockOutput(clock))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
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
    assert view.player.position == pytest.approx(wave.duration / 2, abs=wave.duration / wave.width() * 2)
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
