"""Incremental Ogg/Opus encoding into memory, handed out in chunks.

``OpusChunker(compression_level, chunk_s)`` is what the recorder builds; it returns the best
encoder this machine has, both with the same interface (``write``, ``take``, ``take_due``,
``close``, ``frames``, ``bytes_total``, ``duration_ms``):

- ``OpusEncChunker``: libopusenc through ctypes (audio/libopusenc.py; Debian package
  ``libopusenc0``, which installer/linux/setup.sh installs). Why: with libsndfile's encoder, which
  always runs at complexity 10 and cannot be told otherwise, the whole recording pipeline cost
  2.6-2.8x the CPU of ``opusenc`` at its defaults. libopusenc is the library ``opusenc``
  itself is built on; at complexity 10 it costs what ``opusenc`` costs (62-65 CPU-s per hour of
  speech here), at ``COMPLEXITY`` 5 about half (32-34 s/h) with the same size and VAD result,
  for 0.6 dB segmental SNR and 0.15 dB log-spectral distance (tests/bench/bench_audio.py,
  ``audio_complexity_seg_snr_loss_db``). The whole pipeline (Recorder into the encrypted
  archive, 48 kHz input) then costs 1.47x ``opusenc`` told the same (complexity 5, same target
  bitrate; goal <= 1.5x): the encoding itself costs what ``opusenc`` does, the rest is
  resampling, VAD, level and the recorder's Python.
  Its pull API hands out pages when asked, so ``take_due()`` ends a page right at each chunk
  boundary. libopusenc resamples to 48 kHz internally (Opus' own rate); the header keeps
  16 kHz as the input rate, so soundfile decodes at 16 kHz with the exact sample count.
- ``SndfileChunker``: soundfile/libsndfile, the fallback where libopusenc does not load
  (Windows, macOS, a Linux without the package).

Both take the same ``compression_level`` (libsndfile's scale) with libsndfile's own mapping to
a target bitrate, ``(1 - level) * 250 kbit/s + 6 kbit/s`` (23.5 kbit/s at 0.93); both run VBR,
so speech comes out near 19-20 kbit/s (8.6-8.8 MB/h) with either.

libsndfile writes an Ogg page about every second of audio (its default page latency) and, after
the header, only appends: it seeks and reads only while opening. So the bytes appended since the
last ``take()`` are whole pages, and the chunks concatenate into one valid stream. ``flush()``
does not force a page in libsndfile 1.2.2 (measured), and the page ending at second N is written
only when the first packet after N arrives. So ``take_due()`` takes just after each 2-second
boundary plus one 20 ms packet (and a little slack): every chunk then carries its full two
seconds, and a crash loses at most the chunk being filled (tests/audio/test_encoder.py). The
libopusenc encoder keeps that schedule and forces its page out at the same moment.

Compression level -> bitrate with libsndfile on 16 kHz espeak speech (measured,
tests/bench/bench_audio.py): 0.9 -> 22.9 kbit/s (10.3 MB/h), 0.92 -> 19.6 (8.8 MB/h),
0.93 -> 18.1 (8.2 MB/h), 0.95 -> 15.2 (6.8 MB/h), 1.0 -> 6.1. 0.93 keeps wideband speech clear
under the 10 MB/h goal with room for noisy rooms (noise costs bits).
"""

from __future__ import annotations

import io
from functools import cache

import numpy as np
import soundfile as sf

from . import libopusenc

RATE = 16_000
DEFAULT_COMPRESSION = 0.93
PAGE_SLACK = 640  # frames past a boundary by which libsndfile has written that page (2 packets)
COMPLEXITY = 5  # libopusenc; 10 costs 2x the CPU for no audible gain on speech (see the bench)


def target_bitrate(compression_level: float) -> int:
    """libsndfile's compression level -> Opus target bitrate (its formula, bit/s, mono)."""
    level = min(1.0, max(0.0, compression_level))
    return round((1.0 - level) * 250_000 + 6_000)


class _AppendOnly(io.RawIOBase):
    """A write-only file that forgets what was taken, so memory stays one chunk deep."""

    def __init__(self) -> None:
        super().__init__()
        self._pending = bytearray()
        self.size = 0

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True  # libsndfile probes; reading yields nothing

    def seekable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._pending += data
        self.size += len(data)
        return len(data)

    def readinto(self, buffer) -> int:
        return 0

    def tell(self) -> int:
        return self.size

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = {
            io.SEEK_SET: offset,
            io.SEEK_CUR: self.size + offset,
            io.SEEK_END: self.size + offset,
        }[whence]
        if target != self.size:  # would rewrite bytes already handed out
            raise io.UnsupportedOperation("the encoder output only appends")
        return self.size

    def take(self) -> bytes:
        data = bytes(self._pending)
        self._pending.clear()
        return data


class OpusChunker:
    """``write()`` 16 kHz mono float32; ``take()`` the new encoded bytes; ``close()`` the tail.

    ``OpusChunker(...)`` builds the encoder ``encoder_class()`` picks; the subclasses encode.
    """

    name = "abstract"

    def __new__(cls, *args, **kwargs):  # the arguments go to __init__
        return super().__new__(encoder_class() if cls is OpusChunker else cls)

    def __init__(
        self, compression_level: float = DEFAULT_COMPRESSION, chunk_s: float = 2.0
    ) -> None:
        self._every = max(RATE, int(chunk_s * RATE) // RATE * RATE)  # whole seconds
        self._next_take = self._every + PAGE_SLACK
        self.frames = 0
        self.closed = False
        self._size = 0

    # what a subclass provides
    def _encode(self, pcm: np.ndarray) -> None:
        raise NotImplementedError

    def _new_bytes(self) -> bytes:
        """The encoded bytes not handed out yet, as whole pages."""
        raise NotImplementedError

    def _finish(self) -> bytes:
        """Ends the stream; returns the bytes not handed out yet."""
        raise NotImplementedError

    def write(self, pcm16k: np.ndarray) -> None:
        if pcm16k.size:
            self._encode(np.ascontiguousarray(pcm16k, dtype=np.float32))
            self.frames += len(pcm16k)

    def take(self) -> bytes:
        data = b"" if self.closed else self._new_bytes()
        self._size += len(data)
        return data

    def take_due(self) -> bytes | None:
        """The new bytes if a chunk boundary has passed (its page is out), else None."""
        if self.frames < self._next_take:
            return None
        self._next_take = (self.frames // self._every + 1) * self._every + PAGE_SLACK
        return self.take()

    def close(self) -> bytes:
        """Ends the stream (last page, end-of-stream flag); returns the bytes not yet taken."""
        if self.closed:
            return b""
        tail = self._finish()
        self.closed = True
        self._size += len(tail)
        return tail

    @property
    def bytes_total(self) -> int:
        """Bytes handed out by take()/take_due()/close() so far."""
        return self._size

    @property
    def duration_ms(self) -> int:
        return self.frames * 1000 // RATE


class SndfileChunker(OpusChunker):
    """libsndfile's Ogg/Opus encoder (complexity fixed at 10), through soundfile."""

    name = "libsndfile"

    def __init__(
        self, compression_level: float = DEFAULT_COMPRESSION, chunk_s: float = 2.0
    ) -> None:
        super().__init__(compression_level, chunk_s)
        self._out = _AppendOnly()
        self._file = sf.SoundFile(
            self._out,
            "w",
            samplerate=RATE,
            channels=1,
            format="OGG",
            subtype="OPUS",
            compression_level=compression_level,
        )

    def _encode(self, pcm: np.ndarray) -> None:
        self._file.write(pcm)

    def _new_bytes(self) -> bytes:
        return self._out.take()

    def _finish(self) -> bytes:
        self._file.close()
        return self._out.take()


class OpusEncChunker(OpusChunker):
    """libopusenc's Ogg Opus encoder at ``COMPLEXITY``; pages forced out at each take."""

    name = "libopusenc"

    def __init__(
        self,
        compression_level: float = DEFAULT_COMPRESSION,
        chunk_s: float = 2.0,
        *,
        complexity: int = COMPLEXITY,
    ) -> None:
        super().__init__(compression_level, chunk_s)
        self._enc = libopusenc.PullEncoder(
            RATE, bitrate=target_bitrate(compression_level), complexity=complexity
        )

    def _encode(self, pcm: np.ndarray) -> None:
        self._enc.write(pcm)

    def _new_bytes(self) -> bytes:
        # flush: the packets encoded so far (all audio up to ~30 ms ago) end a page now
        return self._enc.pages(flush=True)

    def _finish(self) -> bytes:
        return self._enc.drain()


@cache
def encoder_class(library_names: tuple[str, ...] = libopusenc.LIBRARY_NAMES) -> type[OpusChunker]:
    """OpusEncChunker where libopusenc loads, else SndfileChunker."""
    return OpusEncChunker if libopusenc.load(library_names) is not None else SndfileChunker
