"""AES-256-GCM sealing of recording chunks.

Associated data binds each chunk to its recording, its position and whether it is the last one,
so a chunk swapped in from another recording, moved, altered, or a recording cut short after any
chunk, fails to open. Every chunk has a fresh random 96-bit nonce.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class RecordingUnreadable(Exception):
    """``reason``: altered | reordered | missing | truncated | shredded."""

    def __init__(self, recording_id: str, reason: str, chunk: int | None = None) -> None:
        where = f" at chunk {chunk}" if chunk is not None else ""
        super().__init__(f"recording {recording_id} cannot be read: {reason}{where}")
        self.recording_id = recording_id
        self.reason = reason
        self.chunk = chunk


@dataclass(frozen=True)
class SealedChunk:
    index: int
    final: bool
    blob: bytes  # nonce || ciphertext+tag


def _aad(recording_id: str, index: int, final: bool) -> bytes:
    return f"forsell-rec-v1|{recording_id}|{index}|{int(final)}".encode()


def seal(dek: bytes, recording_id: str, index: int, final: bool, plaintext: bytes) -> SealedChunk:
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(dek).encrypt(nonce, plaintext, _aad(recording_id, index, final))
    return SealedChunk(index, final, nonce + body)


def open_chunk(dek: bytes, recording_id: str, chunk: SealedChunk) -> bytes:
    nonce, body = chunk.blob[:NONCE_BYTES], chunk.blob[NONCE_BYTES:]
    try:
        return AESGCM(dek).decrypt(nonce, body, _aad(recording_id, chunk.index, chunk.final))
    except InvalidTag:
        raise RecordingUnreadable(recording_id, "altered", chunk.index) from None


def open_all(dek: bytes, recording_id: str, chunks: Iterable[SealedChunk]) -> Iterator[bytes]:
    """Yields each chunk's plaintext in order; raises unless the sequence is whole and genuine."""
    expected = 0
    ended = False
    for chunk in chunks:
        if ended:
            raise RecordingUnreadable(recording_id, "reordered", chunk.index)
        if chunk.index != expected:
            reason = "missing" if chunk.index > expected else "reordered"
            raise RecordingUnreadable(recording_id, reason, expected)
        yield open_chunk(dek, recording_id, chunk)
        ended = chunk.final
        expected += 1
    if not ended:
        raise RecordingUnreadable(recording_id, "truncated", expected)
