"""Both Ogg/Opus encoders (libopusenc and the libsndfile fallback) against the same contract."""

import ctypes
import io

import numpy as np
import pytest
import soundfile as sf
import soxr

from forsell.audio import libopusenc
from forsell.audio.dsp import VoiceActivity
from forsell.audio.encoder import (
    OpusChunker,
    OpusEncChunker,
    SndfileChunker,
    encoder_class,
    target_bitrate,
)
from platform_services import libopusenc as libopusenc_installed
from platform_services import needs

RATE = 16_000
needs_libopusenc = needs(libopusenc_installed)
ENCODERS = [
    pytest.param(OpusEncChunker, id="libopusenc", marks=needs_libopusenc),
    pytest.param(SndfileChunker, id="libsndfile"),
]


def _speech(speech_ru, seconds: float) -> np.ndarray:
    pcm, rate = speech_ru
    one = soxr.resample(pcm, rate, RATE).astype(np.float32)
    reps = int(seconds * RATE / len(one)) + 1
    return np.tile(one, reps)[: int(seconds * RATE)]


def _chunks(
    cls: type[OpusChunker], pcm: np.ndarray, block: int = 320, compression_level: float = 0.93
) -> list[bytes]:
    enc = cls(compression_level, chunk_s=2.0)
    out = []
    for i in range(0, len(pcm), block):  # blocks as the recorder writes them
        enc.write(pcm[i : i + block])
        new = enc.take_due()
        if new is not None:
            out.append(new)
    out.append(enc.close())
    return out


@pytest.mark.parametrize("cls", ENCODERS)
def test_chunks_concatenate_into_one_stream_soundfile_decodes(cls, speech_ru):
    pcm = _speech(speech_ru, 9.0)
    chunks = _chunks(cls, pcm)
    assert len(chunks) == 5 and all(chunks)
    # soundfile.read(BytesIO) is how playback decodes
    decoded, rate = sf.read(io.BytesIO(b"".join(chunks)), dtype="float32")
    assert rate == RATE and len(decoded) == len(pcm)
    # Opus is lossy, but the waveform's energy follows the input's
    assert abs(np.std(decoded) - np.std(pcm)) < 0.2 * np.std(pcm)


@pytest.mark.parametrize("cls", ENCODERS)
def test_each_chunk_carries_its_two_seconds(cls, speech_ru):
    """A crash loses at most the last chunk: all chunks but the last decode to all the audio
    except ≤ 2.5 s (libsndfile pages every second; flush() forces nothing)."""
    pcm = _speech(speech_ru, 11.0)
    chunks = _chunks(cls, pcm, block=333)  # resampled blocks are not 20 ms exactly
    assert len(chunks) == 6
    for keep in range(1, len(chunks)):
        decoded, _ = sf.read(io.BytesIO(b"".join(chunks[:keep])), dtype="float32")
        expected = min(keep * 2.0, len(pcm) / RATE)
        assert expected - len(decoded) / RATE <= 0.05  # each chunk holds its full 2 s
    decoded, _ = sf.read(io.BytesIO(b"".join(chunks[:-1])), dtype="float32")
    assert len(pcm) / RATE - len(decoded) / RATE <= 2.5


@pytest.mark.parametrize("cls", ENCODERS)
def test_decoded_speech_is_still_speech_and_in_place(cls, speech_ru):
    """Intelligibility proxy: the VAD finds (nearly) all the speech it found in the input,
    and the decoded waveform lines up with the input (no offset, SNR well above 0 dB)."""
    pcm = _speech(speech_ru, 12.0)
    decoded, _ = sf.read(io.BytesIO(b"".join(_chunks(cls, pcm))), dtype="float32")
    before, after = VoiceActivity(), VoiceActivity()
    before.feed(pcm)
    after.feed(decoded)
    assert before.speech_ms > 8000
    assert abs(after.speech_ms - before.speech_ms) <= 0.05 * before.speech_ms
    snr = 10 * np.log10(np.sum(pcm**2) / np.sum((pcm - decoded) ** 2))
    assert snr > 10  # measured ~16 dB for both encoders; a shifted stream gives < 3 dB


@pytest.mark.parametrize("cls", ENCODERS)
def test_bitrate_of_speech_is_under_10_mb_per_hour(cls, speech_ru):
    pcm = _speech(speech_ru, 30.0)
    size = sum(len(c) for c in _chunks(cls, pcm))
    per_hour = size * 3600 / 30.0
    assert per_hour <= 10e6
    assert per_hour * 11 <= 115.2e6  # ≥ 11× smaller than 16-bit PCM WAV at 16 kHz


@pytest.mark.parametrize("cls", ENCODERS)
def test_compression_level_still_trades_size(cls, speech_ru):
    pcm = _speech(speech_ru, 10.0)
    small = sum(len(c) for c in _chunks(cls, pcm, compression_level=0.97))
    large = sum(len(c) for c in _chunks(cls, pcm, compression_level=0.9))
    assert small < 0.8 * large
    assert target_bitrate(0.93) == 23_500 and target_bitrate(2.0) == 6_000


@pytest.mark.parametrize("cls", ENCODERS)
def test_take_after_close_is_empty_and_nothing_touches_disk(cls, tmp_path, speech_ru):
    enc = cls()
    enc.write(_speech(speech_ru, 1.0))
    tail = enc.close()
    assert tail and enc.close() == b"" and enc.take() == b""
    assert enc.duration_ms == 1000 and enc.bytes_total == len(tail)
    assert list(tmp_path.iterdir()) == []


@needs_libopusenc
def test_a_recording_without_audio_is_still_a_valid_stream():
    """(libsndfile's own zero-length Ogg/Opus stream does not open in libsndfile.)"""
    enc = OpusEncChunker()
    data = enc.take() + enc.close()
    decoded, rate = sf.read(io.BytesIO(data), dtype="float32")
    assert rate == RATE and len(decoded) == 0


def test_factory_picks_libopusenc_when_it_loads_else_libsndfile():
    expected = OpusEncChunker if libopusenc.load() is not None else SndfileChunker
    enc = OpusChunker(0.93, 2.0)
    assert type(enc) is expected and isinstance(enc, OpusChunker)
    enc.close()
    assert encoder_class(("libopusenc-not-installed.so.0",)) is SndfileChunker
    assert libopusenc.load(("libopusenc-not-installed.so.0",)) is None


@needs_libopusenc
def test_libopusenc_reports_bad_settings():
    with pytest.raises(libopusenc.OpusEncError, match="ope_encoder_ctl"):
        libopusenc.PullEncoder(RATE, bitrate=23_500, complexity=42)
    assert libopusenc.version().startswith("libopusenc")


def test_ctl_declares_only_the_fixed_parameters_and_passes_the_value_as_int32():
    """ope_encoder_ctl is variadic: a value declared as a fixed argument reaches the library in
    the wrong place on Apple arm64, so only ``enc`` and ``request`` may be in argtypes."""
    calls = []

    class Lib:
        def ope_encoder_ctl(self, *args):
            calls.append(args)
            return libopusenc.OPE_OK

    assert libopusenc.ctl(Lib(), 7, libopusenc.OPUS_SET_BITRATE_REQUEST, 23_500) == 0
    ((enc, request, value),) = calls
    assert (enc, request) == (7, libopusenc.OPUS_SET_BITRATE_REQUEST)
    assert type(value) is ctypes.c_int32 and value.value == 23_500


@needs_libopusenc
def test_the_bound_ctl_has_argtypes_for_enc_and_request_only():
    lib = libopusenc.load()
    assert tuple(lib.ope_encoder_ctl.argtypes) == (ctypes.c_void_p, ctypes.c_int)
    assert lib.ope_encoder_ctl.restype is ctypes.c_int


def _pull_encode(pcm: np.ndarray, *, bitrate: int, complexity: int) -> bytes:
    enc = libopusenc.PullEncoder(RATE, bitrate=bitrate, complexity=complexity)
    enc.write(np.ascontiguousarray(pcm, dtype=np.float32))
    return enc.pages(flush=False) + enc.drain()


@needs_libopusenc
def test_the_requested_bitrate_and_complexity_take_effect(speech_ru):
    """The ctl really reaches the encoder: the stream's bitrate follows the one asked for, and
    another complexity encodes the same audio differently."""
    pcm = _speech(speech_ru, 10.0)
    rates = {}
    for bitrate in (8_000, 32_000):
        data = _pull_encode(pcm, bitrate=bitrate, complexity=5)
        decoded, rate = sf.read(io.BytesIO(data), dtype="float32")
        assert rate == RATE and len(decoded) == len(pcm)  # valid Ogg Opus, all the audio
        rates[bitrate] = len(data) * 8 / 10.0
    # VBR on speech with pauses lands below the target, never far above; 4x the target gives
    # about 3-4x the size (libopusenc's default, 64 kbit/s mono, would give both the same size).
    assert 0.5 * 8_000 <= rates[8_000] <= 1.3 * 8_000, rates
    assert 0.5 * 32_000 <= rates[32_000] <= 1.3 * 32_000, rates
    assert rates[32_000] > 2.5 * rates[8_000], rates
    simple = _pull_encode(pcm, bitrate=16_000, complexity=0)
    thorough = _pull_encode(pcm, bitrate=16_000, complexity=10)
    assert simple != thorough
