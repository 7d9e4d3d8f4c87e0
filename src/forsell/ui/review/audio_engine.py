"""Playback of a decoded recording from memory: position, seeking and pitch-keeping speed-up.

No Qt and no device here: ``PlaybackEngine.render(n)`` hands out the next ``n`` output samples
at the current speed and moves the position; whoever pulls (the sound card's callback, or a
clock when there is no sound card) decides when. That keeps the position exact (it is the
number of source samples handed out) and lets tests drive playback without a device.

Speed-up keeps the pitch with WSOLA (waveform-similarity overlap-add): 40 ms Hann frames laid
down every 20 ms of output, each taken from about ``speed`` × 20 ms further into the recording,
shifted by up to ±10 ms to the spot that best continues the previous frame. For speech this
is clean at 1.5× and 2× and costs a few milliseconds of numpy per second of audio.
"""

from __future__ import annotations

import io
import threading

import numpy as np

SPEEDS = (1.0, 1.5, 2.0)


FIRST_BLOCK_S = 2.0  # decoded before the player may start: ~2 ms of libopus
BLOCK_S = 10.0  # then block by block (a cancelled decode stops within one block)


class Decoding:
    """An Ogg/Opus recording decoded block by block into a buffer of its whole length.

    Why: decoding a 5-minute recording takes ~400 ms here (libopus), its first two seconds ~2 ms.
    The player starts on the first block while a task of the UI pool decodes the rest; readers
    (the audio callback) look only below ``ready``. The buffer is sized from the Ogg header's
    length; should the stream hold more, it is replaced by a longer copy (``pcm`` is read
    fresh each time), and if it holds less it is cut at the end. All in memory, never on disk.
    """

    def __init__(self, ogg: bytes) -> None:
        import soundfile

        self._file = soundfile.SoundFile(io.BytesIO(ogg))
        self.rate = int(self._file.samplerate)
        self.pcm = np.zeros(max(0, self._file.frames), dtype=np.float32)
        self.ready = 0  # samples decoded so far
        self.complete = False
        self._cancelled = False

    @classmethod
    def of(cls, pcm: np.ndarray, rate: int) -> Decoding:
        """Samples already in memory (tests, tones): a finished decoding."""
        done = cls.__new__(cls)
        done._file, done.rate = None, int(rate)
        done.pcm = np.ascontiguousarray(pcm, dtype=np.float32)
        done.ready, done.complete, done._cancelled = len(done.pcm), True, False
        return done

    @property
    def duration(self) -> float:
        return len(self.pcm) / self.rate

    def step(self, seconds: float) -> bool:
        """Decodes the next block; False at the end (then ``complete`` is set)."""
        if self.complete:
            return False
        block = self._file.read(max(1, int(seconds * self.rate)), dtype="float32", always_2d=True)
        n = len(block)
        if n == 0:
            self._end()
            return False
        end = self.ready + n
        if end > len(self.pcm):  # more than the header said: grow (readers see the new array)
            grown = np.zeros(end + self.rate * int(BLOCK_S), dtype=np.float32)
            grown[: self.ready] = self.pcm[: self.ready]
            self.pcm = grown
        self.pcm[self.ready : end] = block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
        self.ready = end  # after the samples are in place
        return True

    def start(self) -> Decoding:
        """The first block: enough to start playing."""
        self.step(FIRST_BLOCK_S)
        return self

    def finish(self) -> Decoding:
        """The rest, until the end or :meth:`cancel`. A broken stream ends the audio where it
        broke (what was decoded stays playable) and raises."""
        try:
            while not self._cancelled and self.step(BLOCK_S):
                pass
        except Exception:
            self._end()
            raise
        if self._cancelled and self._file is not None:
            self._file.close()  # let go of the decrypted bytes now, not at garbage collection
        return self

    def cancel(self) -> None:
        """Another conversation was opened: stop decoding this one."""
        self._cancelled = True

    def _end(self) -> None:
        self.pcm = self.pcm[: self.ready]
        self.complete = True
        if self._file is not None:
            self._file.close()


def peaks(pcm: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel column the lowest and highest sample (what a waveform draws)."""
    columns = max(1, columns)
    if len(pcm) == 0:
        zero = np.zeros(columns, dtype=np.float32)
        return zero, zero
    edges = np.linspace(0, len(pcm), columns + 1).astype(np.int64)[:-1]
    edges = np.minimum(edges, len(pcm) - 1)
    return np.minimum.reduceat(pcm, edges), np.maximum.reduceat(pcm, edges)


class Wsola:
    """Streaming WSOLA over ``source``; ``frame()`` returns the next ``hop`` output samples."""

    def __init__(self, source: np.ndarray, rate: int, speed: float, start: int) -> None:
        self.x = source
        self.n = max(64, int(rate * 0.040) // 2 * 2)  # frame length (even)
        self.hop = self.n // 2  # output hop: 50 % overlap, Hann sums to one
        self.tolerance = self.n // 4
        self.speed = speed
        self.window = np.hanning(self.n + 1)[:-1].astype(np.float32)  # periodic Hann
        self.analysis = float(start)  # where the next frame should come from, in source samples
        self.previous: int | None = None
        self.acc = np.zeros(self.n, dtype=np.float32)

    def _segment(self, at: int) -> np.ndarray:
        seg = self.x[max(0, at) : at + self.n]
        if len(seg) < self.n:
            seg = np.pad(seg, (0, self.n - len(seg)))
        return seg

    def frame(self) -> np.ndarray:
        nominal = round(self.analysis)
        if self.previous is None:
            best = nominal
        else:
            natural = self._segment(self.previous + self.hop)
            lo = max(0, nominal - self.tolerance)
            region = self.x[lo : nominal + self.tolerance + self.n]
            if len(region) >= self.n and np.any(natural):
                corr = np.correlate(region, natural, mode="valid")
                best = lo + int(np.argmax(corr))
            else:
                best = nominal
        self.acc += self._segment(best) * self.window
        out = self.acc[: self.hop].copy()
        self.acc[: -self.hop] = self.acc[self.hop :]
        self.acc[-self.hop :] = 0.0
        self.previous = best
        self.analysis += self.hop * self.speed
        return out

    @property
    def position(self) -> float:
        """The source sample the audio handed out so far has reached."""
        return self.analysis


class PlaybackEngine:
    """Thread-safe: the audio callback renders while the GUI seeks, pauses and changes speed.

    Plays a :class:`Decoding` that may still be running: past its ``ready`` samples it hands out
    silence without moving on (decoding runs ~50× faster than playback at 2×, so in practice
    only a seek far ahead in the first few hundred milliseconds ever waits)."""

    def __init__(self, source: Decoding | np.ndarray, rate: int | None = None) -> None:
        if not isinstance(source, Decoding):
            source = Decoding.of(source, rate if rate is not None else 16_000)
        self.source = source
        self.rate = source.rate
        self._lock = threading.Lock()
        self._pos = 0  # source samples (at 1×)
        self._speed = 1.0
        self._playing = False
        self._stretch: Wsola | None = None
        self._pending = np.zeros(0, dtype=np.float32)

    # --- state ----------------------------------------------------------------------------------

    @property
    def pcm(self) -> np.ndarray:
        return self.source.pcm

    @property
    def duration(self) -> float:
        return len(self.source.pcm) / self.rate

    @property
    def position(self) -> float:
        with self._lock:
            return self._pos / self.rate

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def at_end(self) -> bool:
        return self.source.complete and self._pos >= len(self.source.pcm)

    def play(self) -> None:
        with self._lock:
            if self.at_end:  # played to the end: start over
                self._reset(0)
            self._playing = True

    def pause(self) -> None:
        with self._lock:
            self._playing = False

    def seek(self, seconds: float) -> None:
        with self._lock:
            self._reset(round(min(max(0.0, seconds), self.duration) * self.rate))

    def set_speed(self, speed: float) -> None:
        with self._lock:
            self._speed = float(speed)
            self._reset(self._pos)

    def _reset(self, pos: int) -> None:
        self._pos = min(max(0, pos), len(self.pcm))
        self._stretch = None
        self._pending = np.zeros(0, dtype=np.float32)

    # --- the audio side -------------------------------------------------------------------------

    def render(self, frames: int) -> np.ndarray:
        """The next ``frames`` output samples (silence while paused or after the end)."""
        out = np.zeros(frames, dtype=np.float32)
        with self._lock:
            if not self._playing:
                return out
            source = self.source
            complete = source.complete  # read before ready: then ready is final if complete
            ready, pcm = source.ready, source.pcm
            if self._speed == 1.0:
                chunk = pcm[self._pos : min(self._pos + frames, ready)]
                out[: len(chunk)] = chunk
                self._pos += len(chunk)
            elif complete or ready - self._pos > self._stretch_margin(frames):
                self._render_stretched(out, pcm, len(pcm) if complete else ready)
            if complete and self._pos >= len(pcm):
                self._playing = False  # the end: the GUI sees it on its next poll
        return out

    def _stretch_margin(self, frames: int) -> int:
        """Samples WSOLA may look at beyond the position for ``frames`` of output."""
        return int(frames * self._speed) + self.rate // 10

    def _render_stretched(self, out: np.ndarray, pcm: np.ndarray, limit: int) -> None:
        if self._stretch is None or self._stretch.x is not pcm:
            self._stretch = Wsola(pcm, self.rate, self._speed, self._pos)
        filled = 0
        while filled < len(out) and self._pos < limit:
            if len(self._pending) == 0:
                self._pending = self._stretch.frame()
                self._pos = min(limit, int(self._stretch.position))
            take = min(len(out) - filled, len(self._pending))
            out[filled : filled + take] = self._pending[:take]
            self._pending = self._pending[take:]
            filled += take
