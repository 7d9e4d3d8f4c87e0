"""Sealed chunks: every way of tampering with a recording is detected."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.vault.chunks import RecordingUnreadable, SealedChunk, open_all, open_chunk, seal

DEK = os.urandom(32)
RID = "0192f0c1-0000-7000-8000-000000000001"


def _recording(parts: list[bytes], rid: str = RID, dek: bytes = DEK) -> list[SealedChunk]:
    return [seal(dek, rid, i, i == len(parts) - 1, p) for i, p in enumerate(parts)]


def _read(chunks, rid: str = RID, dek: bytes = DEK) -> bytes:
    return b"".join(open_all(dek, rid, chunks))


@given(st.lists(st.binary(max_size=300), min_size=1, max_size=8))
def test_a_whole_recording_round_trips(parts):
    assert _read(_recording(parts)) == b"".join(parts)


def test_nonces_are_fresh_for_the_same_plaintext():
    a, b = seal(DEK, RID, 0, True, b"x" * 64), seal(DEK, RID, 0, True, b"x" * 64)
    assert a.blob[:12] != b.blob[:12] and a.blob != b.blob


def test_a_flipped_byte_is_detected():
    chunks = _recording([b"hello", b"world", b"!"])
    blob = bytearray(chunks[1].blob)
    blob[20] ^= 0x01
    chunks[1] = SealedChunk(1, False, bytes(blob))
    with pytest.raises(RecordingUnreadable) as err:
        _read(chunks)
    assert (err.value.reason, err.value.chunk) == ("altered", 1)


def test_swapped_chunks_are_detected():
    chunks = _recording([b"one", b"two", b"three"])
    # the store keeps the index beside the blob: swapping blobs between rows is the attack
    swapped = [
        SealedChunk(0, False, chunks[1].blob),
        SealedChunk(1, False, chunks[0].blob),
        chunks[2],
    ]
    with pytest.raises(RecordingUnreadable) as err:
        _read(swapped)
    assert err.value.reason == "altered"


def test_reordered_rows_are_detected():
    chunks = _recording([b"one", b"two", b"three"])
    with pytest.raises(RecordingUnreadable) as err:
        _read([chunks[1], chunks[0], chunks[2]])
    assert err.value.reason in {"missing", "reordered"}


def test_truncation_after_any_chunk_is_detected():
    chunks = _recording([b"a", b"b", b"c", b"d"])
    for keep in range(1, 4):
        with pytest.raises(RecordingUnreadable) as err:
            _read(chunks[:keep])
        assert err.value.reason == "truncated"


def test_relabelling_a_middle_chunk_as_final_is_detected():
    chunks = _recording([b"a", b"b", b"c"])
    with pytest.raises(RecordingUnreadable) as err:
        _read([chunks[0], SealedChunk(1, True, chunks[1].blob)])
    assert err.value.reason == "altered"


def test_a_missing_middle_chunk_is_detected():
    chunks = _recording([b"a", b"b", b"c"])
    with pytest.raises(RecordingUnreadable) as err:
        _read([chunks[0], chunks[2]])
    assert err.value.reason == "missing"


def test_a_chunk_from_another_recording_is_detected():
    other = _recording([b"x", b"y"], rid="0192f0c1-0000-7000-8000-000000000002")
    mine = _recording([b"a", b"b"])
    with pytest.raises(RecordingUnreadable):
        _read([mine[0], SealedChunk(1, True, other[1].blob)])


def test_the_wrong_key_opens_nothing():
    chunks = _recording([b"secret words"])
    with pytest.raises(RecordingUnreadable) as err:
        open_chunk(os.urandom(32), RID, chunks[0])
    assert err.value.reason == "altered"
