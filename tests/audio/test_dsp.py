import numpy as np
import soxr

from forsell.audio.dsp import Resampler, SilenceWatch, VoiceActivity, level


def test_streaming_resampler_matches_one_shot_and_keeps_length():
    t = np.arange(48_000 * 2) / 48_000
    x = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    r = Resampler(48_000)
    out = np.concatenate(
        [r.process(x[i : i + 960]) for i in range(0, len(x), 960)]
        + [r.process(np.zeros(0, np.float32), last=True)]
    )
    assert abs(len(out) - 32_000) <= 2
    ref = soxr.resample(x, 48_000, 16_000)
    n = min(len(ref), len(out))
    assert np.max(np.abs(out[1000 : n - 1000] - ref[1000 : n - 1000])) < 1e-3
    assert Resampler(16_000).process(x[:320]) is not None  # passthrough


def test_level_is_rms():
    assert level(np.zeros(100, np.float32)) == 0.0
    assert abs(level(np.full(100, 0.5, np.float32)) - 0.5) < 1e-6
    assert level(np.full(10, 3.0, np.float32)) == 1.0


def test_silence_watch_counts_only_exact_zeros():
    w = SilenceWatch(16_000)
    w.feed(np.zeros(16_000, np.float32))
    w.feed(np.zeros(8_000, np.float32))
    assert w.silent_s == 1.5
    w.feed(np.full(10, 1e-6, np.float32))  # the faintest noise is a live microphone
    assert w.silent_s == 0


def _vad_ms(pcm: np.ndarray) -> int:
    v = VoiceActivity()
    for i in range(0, len(pcm), 320):  # the recorder's 20 ms blocks
        v.feed(pcm[i : i + 320])
    return v.speech_ms


def test_voice_activity_hears_espeak_and_not_silence_or_noise(speech_ru, speech_kk):
    rng = np.random.default_rng(3)
    for pcm, rate in (speech_ru, speech_kk):
        speech = soxr.resample(pcm, rate, 16_000).astype(np.float32)
        duration_ms = len(speech) * 1000 // 16_000
        assert _vad_ms(speech) > 0.7 * duration_ms
    assert _vad_ms(np.zeros(160_000, np.float32)) == 0
    white = (rng.standard_normal(160_000) * 0.02).astype(np.float32)
    assert _vad_ms(white) <= 300  # of 10 s
