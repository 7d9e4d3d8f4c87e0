"""Incremental Ogg/Opus encoding into memory, handed out in chunks.

libsndfile writes an Ogg page about every second of audio (its default page latency) and, after
the header, only appends: it seeks and reads only while opening. So the bytes appended since the
last ``take()`` are whole pages, and the chunks concatenate into one valid stream. ``flush()``
does not force a page in libsndfile 1.2.2 (measured), and the page ending at second N is written
only when the first packet after N arrives. So ``take_due()`` takes just after each 2-second
boundary plus one 20 ms packet (and a little slack): every chunk then carries its full two
seconds, and a crash loses at most the chunk being filled (tests/audio/test_encoder.py).

Compression level → bitrate on 16 kHz espeak speech (measured, tests/bench/bench_audio.py):
0.9 → 22.9 kbit/s (10.3 MB/h), 0.92 → 19.6 (8.8 MB/h), 0.93 → 18.1 (8.2 MB/h),
0.95 → 15.2 (6.8 MB/h), 1.0 → 6.1. 0.93 keeps wideband speech clear under the 10 MB/h goal
with room for noisy rooms (noise costs bits).
"""

from __future__ import annotations

import io

import numpy as np
import soundfile as sf

RATE = 16_000
DEFAULT_COMPRESSION = 0.93
PAGE_SLACK = 640  # frames past a boundary by which libsndfile has written that page (2 packets)


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

    def readinto(self, buffer) -> int:  # type: ignore[override]
        return 0

    def tell(self) -> int:
        return self.size

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = {io.SEEK_SET: offset, io.SEEK_CUR: self.size + offset,
                  io.SEEK_END: self.size + offset}[whence]
        if target != self.size:  # would rewrite bytes already handed out
            raise io.UnsupportedOperation("the encoder output only appends")
        return self.size

    def take(self) -> bytes:
        data = bytes(self._pending)
        self._pending.clear()
        return data


class OpusChunker:
    """``write()`` 16 kHz mono float32; ``take()`` the new encoded bytes; ``close()`` the tail."""

    def __init__(self, compression_level: float = DEFAULT_COMPRESSION,
                 chunk_s: float = 2.0) -> None:
        self._every = max(RATE, int(chunk_s * RATE) // RATE * RATE)  # whole pages (seconds)
        self._next_take = self._every + PAGE_SLACK
        self._out = _AppendOnly()
        self._file = sf.SoundFile(self._out, "w", samplerate=RATE, channels=1, format="OGG",
                                  subtype="OPUS", compression_level=compression_level)
        self.frames = 0
        self.closed = False

    def write(self, pcm16k: np.ndarray) -> None:
        if pcm16k.size:
            self._file.write(np.asarray(pcm16k, dtype=np.float32))
            self.frames += len(pcm16k)

    def take(self) -> bytes:
        return self._out.take()

    def take_due(self) -> bytes | None:
        """The new bytes if a chunk boundary has passed (its page is out), else None."""
        if self.frames < self._next_take:
            return None
        self._next_take = (self.frames // self._every + 1) * self._every + PAGE_SLACK
        return self.take()

    def close(self) -> bytes:
        """Ends the stream (last page, end-of-stream flag); returns the bytes not yet taken."""
        if not self.closed:
            self._file.close()
            self.closed = True
        return self._out.take()

    @property
    def bytes_total(self) -> int:
        return self._out.size

    @property
    def duration_ms(self) -> int:
        return self.frames * 1000 // RATE
