"""Signal processing on the writer thread: resampling, level, voice activity, digital silence."""

from __future__ import annotations

import numpy as np
import soxr
import webrtcvad

RATE = 16_000


class Resampler:
    """Streaming resampler to 16 kHz mono float32 (soxr keeps its filter state between blocks,
    so block edges leave no clicks). A 16 kHz input passes through untouched."""

    def __init__(self, in_rate: int, out_rate: int = RATE) -> None:
        self.in_rate, self.out_rate = in_rate, out_rate
        self._stream = (
            None
            if in_rate == out_rate
            else soxr.ResampleStream(in_rate, out_rate, 1, dtype="float32", quality="HQ")
        )

    def process(self, block: np.ndarray, last: bool = False) -> np.ndarray:
        block = np.ascontiguousarray(block, dtype=np.float32)
        if self._stream is None:
            return block
        return self._stream.resample_chunk(block, last=last)


def level(block: np.ndarray) -> float:
    """RMS of a float block, 0..1 (a full-scale square wave is 1)."""
    if block.size == 0:
        return 0.0
    # One BLAS dot product: the writer thread calls this for every 20 ms block, where
    # square + mean cost three numpy calls and a float64 temporary (a third of the
    # recording path's non-encoder CPU, tests/bench/bench_audio.py).
    flat = block.reshape(-1)
    rms = float(np.sqrt(np.dot(flat, flat) / flat.size))
    return min(1.0, rms)


def is_digital_silence(block: np.ndarray) -> bool:
    """Exact zeros: what a muted or disconnected input (or a dead driver) delivers. A real
    microphone always has some noise, so a single non-zero sample means it is alive."""
    return not block.any()


class SilenceWatch:
    """Seconds of uninterrupted digital silence so far."""

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self._zeros = 0

    def feed(self, block: np.ndarray) -> None:
        if is_digital_silence(block):
            self._zeros += len(block)
        else:
            self._zeros = 0

    @property
    def silent_s(self) -> float:
        return self._zeros / self.rate

    def reset(self) -> None:
        self._zeros = 0


class VoiceActivity:
    """WebRTC's VAD (aggressiveness 3) on 30 ms frames of 16 kHz int16.

    Measured here on espeak-ng speech and 10 s of silence / white / pink noise / 50 Hz hum:
    mode 3 finds 86 % of a Russian phrase's frames (the rest are pauses between words), 0 ms
    in silence, white and pink noise, 90 ms in hum; modes 1-2 call white noise speech for
    90-150 ms per 10 s. A plain energy detector cannot tell steady noise from speech at all.
    An optional RMS ``floor`` skips frames too quiet to be speech (0: off; the VAD already
    handles quiet input, and a floor drops soft syllables).
    """

    FRAME = RATE * 30 // 1000  # samples

    def __init__(self, mode: int = 3, floor: float = 0.0) -> None:
        self._vad = webrtcvad.Vad(mode)
        self._floor = floor
        self._carry = np.zeros(0, dtype=np.float32)
        self.speech_frames = 0
        self.frames = 0
        self.last_is_speech = False

    def feed(self, pcm16k: np.ndarray) -> None:
        data = np.concatenate((self._carry, pcm16k)) if self._carry.size else pcm16k
        whole = len(data) // self.FRAME * self.FRAME
        if whole:
            # int16 bytes for all whole frames at once: one conversion per block, not per frame
            pcm = to_int16(data[:whole]).tobytes()
            size = self.FRAME * 2
            for start in range(0, whole, self.FRAME):
                loud = self._floor <= 0 or level(data[start : start + self.FRAME]) >= self._floor
                speech = loud and self._vad.is_speech(pcm[start * 2 : start * 2 + size], RATE)
                self.frames += 1
                self.speech_frames += speech
                self.last_is_speech = speech
        self._carry = data[whole:].copy()

    @property
    def speech_ms(self) -> int:
        return self.speech_frames * 30

    def reset(self) -> None:
        self.speech_frames = self.frames = 0


def to_int16(pcm: np.ndarray) -> np.ndarray:
    return (np.clip(pcm, -1.0, 1.0) * 32767.0).astype(np.int16)
