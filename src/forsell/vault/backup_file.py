"""The sealed backup file (``.fsb``): a header, then a stream of AES-256-GCM chunks.

Layout::

    MAGIC | header length (4 bytes, big-endian) | header (JSON, UTF-8)
    then records: ciphertext length (4 bytes) | AES-GCM ciphertext with its 16-byte tag

The contents key of a file is derived with HKDF from the till's backup key and the file's own
random id, so no two files share a key even though the backup key stays the same; the nonce of
chunk ``i`` is ``i`` (11 bytes) plus a last-chunk flag, and every chunk's associated data is the
SHA-256 of the magic and the header. So an altered header, a reordered, dropped or repeated
chunk, a truncated file (no chunk flagged last) and bytes appended after the last chunk are all
refused, each chunk checked on its own as it streams, never the whole file in memory.

The backup key itself is in the OS secret store and, wrapped under a key derived with scrypt from
the recovery passphrase, in the header: a new machine with an empty secret store opens the file
with the passphrase alone.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"4SELL-BACKUP\n"
#: The file format this app writes and the newest it reads.
FORMAT = 1
BACKUP_KEY_BYTES = 32
CHUNK_BYTES = 1 << 20
TAG_BYTES = 16
_MAX_HEADER = 1 << 16
#: scrypt work factor for the passphrase: about 0.1 s and 32 MB on a till's CPU.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 15, 8, 1
_WRAP_AAD = b"4sell backup key v1"


class BackupUnreadable(Exception):
    """``reason``: not_a_backup | newer_format | truncated | altered | wrong_passphrase |
    other_key (made under another backup key: the passphrase is needed)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode())


def key_id(backup_key: bytes) -> str:
    """A short public name of a backup key (which key made a file), not usable to find it."""
    return hashlib.sha256(b"4sell backup key id" + backup_key).hexdigest()[:16]


def _passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def wrap_with_passphrase(backup_key: bytes, passphrase: str) -> dict[str, Any]:
    """The backup key sealed under a key derived from ``passphrase`` (scrypt, stored salt and
    work factor): what a header carries so that the passphrase alone opens the file."""
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _passphrase_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {
        "kdf": "scrypt",
        "salt": _b64(salt),
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "nonce": _b64(nonce),
        "wrapped": _b64(AESGCM(kek).encrypt(nonce, backup_key, _WRAP_AAD)),
    }


def unwrap_with_passphrase(wrap: dict[str, Any], passphrase: str) -> bytes:
    """The backup key, or BackupUnreadable('wrong_passphrase')."""
    try:
        n, r, p = int(wrap["n"]), int(wrap["r"]), int(wrap["p"])
        if wrap.get("kdf") != "scrypt" or n > 1 << 20 or r > 32 or p > 16:
            raise BackupUnreadable("newer_format", "an unknown passphrase key derivation")
        kek = _passphrase_key(passphrase, _unb64(wrap["salt"]), n, r, p)
        return AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["wrapped"]), _WRAP_AAD)
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise BackupUnreadable("wrong_passphrase") from None


def _contents_key(backup_key: bytes, file_id: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=file_id, info=b"4sell backup v1")
    return AESGCM(hkdf.derive(backup_key))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


@dataclass(frozen=True)
class BackupHeader:
    """What a backup file says about itself before it is opened (authenticated by every chunk)."""

    fields: dict[str, Any]
    raw: bytes  # magic + length + JSON, exactly as in the file

    @property
    def key_id(self) -> str:
        return str(self.fields.get("key_id", ""))

    @property
    def passphrase_wrap(self) -> dict[str, Any] | None:
        return self.fields.get("passphrase")

    @property
    def aad(self) -> bytes:
        return hashlib.sha256(self.raw).digest()


def read_header(stream: BinaryIO) -> BackupHeader:
    """The header of a backup file; ``stream`` is left at the first chunk."""
    magic = stream.read(len(MAGIC))
    if magic != MAGIC:
        raise BackupUnreadable("not_a_backup")
    size_bytes = stream.read(4)
    if len(size_bytes) < 4:
        raise BackupUnreadable("truncated", "in the header")
    (size,) = struct.unpack(">I", size_bytes)
    if size > _MAX_HEADER:
        raise BackupUnreadable("altered", "the header length")
    body = stream.read(size)
    if len(body) < size:
        raise BackupUnreadable("truncated", "in the header")
    try:
        fields = json.loads(body.decode("utf-8"))
        version = int(fields["format"])
    except (ValueError, KeyError, TypeError):
        raise BackupUnreadable("altered", "the header") from None
    if version > FORMAT:
        raise BackupUnreadable("newer_format", f"format {version}, this app reads up to {FORMAT}")
    return BackupHeader(fields, magic + size_bytes + body)


class SealingWriter(io.RawIOBase):
    """A writable stream that seals everything written to it into ``out`` (header first).
    ``close`` writes the last chunk; without it the file reads as truncated."""

    def __init__(
        self,
        out: BinaryIO,
        backup_key: bytes,
        fields: dict[str, Any],
        on_chunk: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_chunk = on_chunk  # told the plain bytes sealed so far, after each chunk
        file_id = os.urandom(16)
        fields = {
            **fields,
            "format": FORMAT,
            "file_id": _b64(file_id),
            "key_id": key_id(backup_key),
        }
        body = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        raw = MAGIC + struct.pack(">I", len(body)) + body
        out.write(raw)
        self._out = out
        self._aead = _contents_key(backup_key, file_id)
        self._aad = hashlib.sha256(raw).digest()
        self._buffer = bytearray()
        self._index = 0
        self.plain_bytes = 0
        self.sealed_bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        self._buffer += view
        self.plain_bytes += len(view)
        while len(self._buffer) >= CHUNK_BYTES:
            # A full buffer is never the last chunk: close() always writes one after it.
            self._seal(bytes(self._buffer[:CHUNK_BYTES]), last=False)
            del self._buffer[:CHUNK_BYTES]
        return len(view)

    def _seal(self, plain: bytes, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._index, last), plain, self._aad)
        self._out.write(struct.pack(">I", len(sealed)))
        self._out.write(sealed)
        self._index += 1
        self.sealed_bytes += len(plain)
        if self._on_chunk is not None:
            self._on_chunk(self.sealed_bytes)

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
        super().close()


class OpeningReader(io.RawIOBase):
    """A readable stream of the plain contents; raises BackupUnreadable at the first chunk that
    does not open, at a missing last chunk and at bytes after it."""

    def __init__(
        self,
        stream: BinaryIO,
        header: BackupHeader,
        backup_key: bytes,
        on_chunk: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_chunk = on_chunk  # told the file bytes read so far, after each chunk
        self.file_bytes = len(header.raw)
        self._in = stream
        self._aead = _contents_key(backup_key, _unb64(header.fields["file_id"]))
        self._aad = header.aad
        self._plain = b""
        self._pos = 0
        self._index = 0
        self._done = False
        self.chunks = 0

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        size_bytes = self._in.read(4)
        if len(size_bytes) < 4:
            raise BackupUnreadable("truncated", f"after chunk {self._index}")
        (size,) = struct.unpack(">I", size_bytes)
        if size > CHUNK_BYTES + TAG_BYTES or size < TAG_BYTES:
            raise BackupUnreadable("altered", f"chunk {self._index}'s length")
        sealed = self._in.read(size)
        if len(sealed) < size:
            raise BackupUnreadable("truncated", f"in chunk {self._index}")
        for last in (False, True):
            try:
                plain = self._aead.decrypt(_nonce(self._index, last), sealed, self._aad)
            except InvalidTag:
                continue
            break
        else:
            if self._index == 0:
                # The first chunk not opening is an altered header as often as a bad chunk.
                raise BackupUnreadable("altered", "the header or chunk 0")
            raise BackupUnreadable("altered", f"chunk {self._index}")
        self._index += 1
        self.chunks += 1
        self.file_bytes += 4 + size
        if self._on_chunk is not None:
            self._on_chunk(self.file_bytes)
        self._plain, self._pos = plain, 0
        if last:
            if self._in.read(1):
                raise BackupUnreadable("altered", "data after the last chunk")
            self._done = True

    def readinto(self, target: Any) -> int:
        view = memoryview(target).cast("B")
        while self._pos >= len(self._plain):
            if self._done:
                return 0
            self._next_chunk()
        n = min(len(view), len(self._plain) - self._pos)
        view[:n] = self._plain[self._pos : self._pos + n]
        self._pos += n
        return n

    def drain(self) -> None:
        """Reads (and so checks) every chunk up to the last one."""
        while not self._done:
            self._next_chunk()
        self._plain, self._pos = b"", 0
