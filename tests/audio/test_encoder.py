import io

import numpy as np
import soundfile as sf
import soxr

from forsell.audio.encoder import OpusChunker

RATE = 16_000


def _speech(speech_ru, seconds: float) -> np.ndarray:
    pcm, rate = speech_ru
    one = soxr.resample(pcm, rate, RATE).astype(np.float32)
    reps = int(seconds * RATE / len(one)) + 1
    return np.tile(one, reps)[: int(seconds * RATE)]


def _chunks(pcm: np.ndarray, block: int = 320) -> list[bytes]:
    enc = OpusChunker(chunk_s=2.0)
    out = []
    for i in range(0, len(pcm), block):  # blocks as the recorder writes them
        enc.write(pcm[i:i + block])
        new = enc.take_due()
        if new is not None:
            out.append(new)
    out.append(enc.close())
    return out


def test_chunks_concatenate_into_one_stream(speech_ru):
    pcm = _speech(speech_ru, 9.0)
    chunks = _chunks(pcm)
    assert len(chunks) == 5 and all(chunks)
    decoded, rate = sf.read(io.BytesIO(b"".join(chunks)), dtype="float32")
    assert rate == RATE and len(decoded) == len(pcm)
    # Opus is lossy, but the waveform's energy follows the input's
    assert abs(np.std(decoded) - np.std(pcm)) < 0.2 * np.std(pcm)


def test_each_chunk_carries_its_two_seconds(speech_ru):
    """A crash loses at most the last chunk: all chunks but the last decode to all the audio
    except ≤ 2.5 s (libsndfile pages every second; flush() forces nothing)."""
    pcm = _speech(speech_ru, 11.0)
    chunks = _chunks(pcm, block=333)  # resampled blocks are not 20 ms exactly
    assert len(chunks) == 6
    for keep in range(1, len(chunks)):
        decoded, _ = sf.read(io.BytesIO(b"".join(chunks[:keep])), dtype="float32")
        expected = min(keep * 2.0, len(pcm) / RATE)
        assert expected - len(decoded) / RATE <= 0.05  # each chunk holds its full 2 s
    decoded, _ = sf.read(io.BytesIO(b"".join(chunks[:-1])), dtype="float32")
    assert len(pcm) / RATE - len(decoded) / RATE <= 2.5


def test_bitrate_of_speech_is_under_10_mb_per_hour(speech_ru):
    pcm = _speech(speech_ru, 30.0)
    size = sum(len(c) for c in _chunks(pcm))
    per_hour = size * 3600 / 30.0
    assert per_hour <= 10e6
    assert per_hour * 11 <= 115.2e6  # ≥ 11× smaller than 16-bit PCM WAV at 16 kHz


def test_take_after_close_is_empty_and_nothing_touches_disk(tmp_path, speech_ru):
    enc = OpusChunker()
    enc.write(_speech(speech_ru, 1.0))
    assert enc.close() and enc.close() == b""
    assert enc.duration_ms == 1000
    assert list(tmp_path.iterdir()) == []
