"""The sealed backup format on its own: every chunk authenticated, bound to its place and to
the header; reordering, dropping, truncation and appending refused; the passphrase wrap."""

from __future__ import annotations

import io
import os
import struct

import pytest

from forsell.vault.backup_file import (
    CHUNK_BYTES,
    BackupUnreadable,
    OpeningReader,
    SealingWriter,
    read_header,
    unwrap_with_passphrase,
    wrap_with_passphrase,
)

KEY = os.urandom(32)
PLAIN = os.urandom(3 * CHUNK_BYTES + 1234)  # three full chunks and a short last one


def _sealed(progress: list[int] | None = None) -> bytes:
    out = io.BytesIO()
    writer = SealingWriter(
        out, KEY, {"till": "t-1"}, progress.append if progress is not None else None
    )
    for start in range(0, len(PLAIN), 100_000):
        writer.write(PLAIN[start : start + 100_000])
    writer.close()
    return out.getvalue()


def _open(data: bytes, key: bytes = KEY) -> bytes:
    stream = io.BytesIO(data)
    reader = OpeningReader(stream, read_header(stream), key)
    plain = reader.read()
    reader.drain()
    return plain


def _records(data: bytes) -> tuple[bytes, list[bytes]]:
    """The header bytes and each chunk's record (length + ciphertext)."""
    stream = io.BytesIO(data)
    header = read_header(stream).raw
    records = []
    while size_bytes := stream.read(4):
        (size,) = struct.unpack(">I", size_bytes)
        records.append(size_bytes + stream.read(size))
    return header, records


def test_the_contents_come_back_whole_and_progress_is_told_per_chunk() -> None:
    progress: list[int] = []
    data = _sealed(progress)
    assert _open(data) == PLAIN
    assert progress == sorted(progress) and progress[-1] == len(PLAIN) and len(progress) == 4
    assert PLAIN[:64] not in data


def test_reordered_dropped_or_repeated_chunks_and_truncation_are_refused() -> None:
    header, records = _records(_sealed())
    assert len(records) == 4
    variants = {
        "reordered": [records[1], records[0], *records[2:]],
        "dropped": [records[0], *records[2:]],
        "repeated": [records[0], records[0], *records[1:]],
        "no last chunk": records[:-1],
        "last chunk only": [records[-1]],
    }
    for name, chosen in variants.items():
        with pytest.raises(BackupUnreadable) as refused:
            _open(header + b"".join(chosen))
        assert refused.value.reason in ("altered", "truncated"), name
    with pytest.raises(BackupUnreadable) as cut:
        _open(header + b"".join(records[:-1]))
    assert cut.value.reason == "truncated"
    with pytest.raises(BackupUnreadable) as wrong_key:
        _open(header + b"".join(records), os.urandom(32))
    assert wrong_key.value.reason == "altered"


def test_another_files_chunk_does_not_fit_even_under_the_same_key() -> None:
    header_a, records_a = _records(_sealed())
    _, records_b = _records(_sealed())  # same key, same contents, another file id
    with pytest.raises(BackupUnreadable):
        _open(header_a + b"".join([records_a[0], records_b[1], *records_a[2:]]))


def test_the_passphrase_wrap_opens_with_the_passphrase_only() -> None:
    wrap = wrap_with_passphrase(KEY, "фраза восстановления")
    assert unwrap_with_passphrase(wrap, "фраза восстановления") == KEY
    with pytest.raises(BackupUnreadable) as wrong:
        unwrap_with_passphrase(wrap, "другая фраза")
    assert wrong.value.reason == "wrong_passphrase"
    assert KEY not in repr(wrap).encode()


def test_a_newer_format_is_refused_before_anything_is_opened() -> None:
    data = _sealed()
    newer = data.replace(b'"format": 1', b'"format": 2', 1)
    assert newer != data
    with pytest.raises(BackupUnreadable) as refused:
        read_header(io.BytesIO(newer))
    assert refused.value.reason == "newer_format"
    with pytest.raises(BackupUnreadable) as junk:
        read_header(io.BytesIO(b"PK\x03\x04 a zip file"))
    assert junk.value.reason == "not_a_backup"
