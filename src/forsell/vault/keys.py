"""Data keys of recordings, wrapped by the KEK, in their own small database file.

The key file is separate from the main database on purpose: backups and copies of the main
database hold only ciphertext, and deleting a key here shreds the recording in all of them.
``secure_delete`` overwrites deleted rows, and the WAL is checkpointed and truncated after a
destruction so the old page does not linger in the log.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .chunks import NONCE_BYTES, RecordingUnreadable

DEK_BYTES = 32
SCHEMA_VERSION = 1
#: Data keys of the store's scanned registration documents are kept beside the recordings' keys
#: under ``doc:<document id>``: the same KEK, the same crypto-shredding, but never a recording.
DOCUMENT_KEY_PREFIX = "doc:"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS data_keys (
    recording_id TEXT PRIMARY KEY,
    wrapped      BLOB NOT NULL,       -- nonce || AES-GCM(KEK, DEK, aad=recording id)
    created_at   TEXT NOT NULL
);
-- Tombstones: which keys were destroyed, and when. Never shredded themselves: a restore re-applies
-- them to an older backup, so that a destroyed recording does not come back with it.
CREATE TABLE IF NOT EXISTS destroyed_keys (
    recording_id TEXT PRIMARY KEY,
    destroyed_at TEXT NOT NULL,
    reported_at  TEXT                 -- when its event went into the outbox for the backend
);
-- Audio tombstones: recordings whose audio retention purged (KeyVault.replace) while their
-- transcript stayed. A restore of an older backup deletes their audio again.
CREATE TABLE IF NOT EXISTS purged_audio (
    recording_id TEXT PRIMARY KEY,
    purged_at    TEXT NOT NULL,
    reported_at  TEXT                 -- when its event went into the outbox for the backend
);
"""


class KeyFileProblem(Exception):
    """The key file cannot be used (damaged, or wrapped under another KEK)."""


def read_tombstones(path: Path) -> dict[str, str]:
    """The tombstones of the key file at ``path`` (no KEK needed; empty when there is no file or
    it predates tombstones)."""
    if not path.exists():
        return {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'destroyed_keys'"
        ).fetchone()
        if found is None:
            return {}
        return dict(db.execute("SELECT recording_id, destroyed_at FROM destroyed_keys"))
    finally:
        db.close()


def read_audio_purges(path: Path) -> dict[str, str]:
    """The audio tombstones of the key file at ``path``: recording id → when retention purged
    its audio (no KEK needed; empty when there is no file or it predates audio tombstones)."""
    if not path.exists():
        return {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'purged_audio'"
        ).fetchone()
        if found is None:
            return {}
        return dict(db.execute("SELECT recording_id, purged_at FROM purged_audio"))
    finally:
        db.close()


class KeyVault:
    """Creates, unwraps and destroys per-recording data keys. Thread-safe (one connection)."""

    def __init__(self, path: Path, kek: bytes) -> None:
        self.path = path
        self._kek = AESGCM(kek)
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.execute("PRAGMA synchronous=FULL")  # a key lost in a power cut loses audio
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise KeyFileProblem(f"{path} was written by a newer app (schema {version})")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def create(self, recording_id: str) -> bytes:
        """A fresh DEK for ``recording_id``, stored wrapped before it is returned."""
        dek = os.urandom(DEK_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        wrapped = nonce + self._kek.encrypt(nonce, dek, recording_id.encode())
        with self._lock:
            self._db.execute(
                "INSERT INTO data_keys VALUES (?, ?, ?)",
                (recording_id, wrapped, datetime.now(UTC).isoformat()),
            )
        return dek

    def get(self, recording_id: str) -> bytes:
        """The DEK; raises RecordingUnreadable('shredded') if it was destroyed or never existed."""
        with self._lock:
            row = self._db.execute(
                "SELECT wrapped FROM data_keys WHERE recording_id = ?", (recording_id,)
            ).fetchone()
        if row is None:
            raise RecordingUnreadable(recording_id, "shredded")
        wrapped = row[0]
        try:
            return self._kek.decrypt(
                wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], recording_id.encode()
            )
        except InvalidTag:
            raise KeyFileProblem(
                f"the key of recording {recording_id} does not open with this till's KEK"
            ) from None

    def exists(self, recording_id: str) -> bool:
        with self._lock:
            return (
                self._db.execute(
                    "SELECT 1 FROM data_keys WHERE recording_id = ?", (recording_id,)
                ).fetchone()
                is not None
            )

    def recording_ids(self) -> set[str]:
        """The ids of the recordings that have a key (documents' keys are not recordings: the
        start-up recovery destroys keys of recordings that no longer exist)."""
        with self._lock:
            return {
                r[0]
                for r in self._db.execute("SELECT recording_id FROM data_keys")
                if not r[0].startswith(DOCUMENT_KEY_PREFIX)
            }

    def replace(self, recording_id: str) -> bytes:
        """Puts a fresh DEK in place of the recording's key, in one transaction with an audio
        tombstone, and returns it: what was sealed under the old key (its audio, in every copy
        of the database) is unreadable from now on, what the caller seals again under the new
        one stays, and a restore of an older backup (which still holds the old key and the
        audio) deletes the audio again. Raises RecordingUnreadable('shredded') when there is no
        key to replace."""
        dek = os.urandom(DEK_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        wrapped = nonce + self._kek.encrypt(nonce, dek, recording_id.encode())
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                changed = self._db.execute(
                    "UPDATE data_keys SET wrapped = ? WHERE recording_id = ?",
                    (wrapped, recording_id),
                ).rowcount
                if changed:
                    self._db.execute(
                        "INSERT OR IGNORE INTO purged_audio (recording_id, purged_at) "
                        "VALUES (?, ?)",
                        (recording_id, datetime.now(UTC).isoformat()),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if changed == 0:
            raise RecordingUnreadable(recording_id, "shredded")
        return dek

    def destroy(self, recording_ids: list[str] | str) -> int:
        """Crypto-shreds recordings: their audio is unreadable everywhere from now on, and a
        tombstone is kept so that a restore of an older backup destroys them again."""
        ids = [recording_ids] if isinstance(recording_ids, str) else list(recording_ids)
        now = datetime.now(UTC).isoformat()
        with self._lock:
            count = 0
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for rid in ids:
                    count += self._db.execute(
                        "DELETE FROM data_keys WHERE recording_id = ?", (rid,)
                    ).rowcount
                    self._db.execute(
                        "INSERT OR IGNORE INTO destroyed_keys (recording_id, destroyed_at) "
                        "VALUES (?, ?)",
                        (rid, now),
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count

    def tombstones(self) -> dict[str, str]:
        """Every destroyed key's id with when it was destroyed (UTC, ISO 8601)."""
        with self._lock:
            return dict(self._db.execute("SELECT recording_id, destroyed_at FROM destroyed_keys"))

    def audio_purges(self) -> dict[str, str]:
        """Every recording whose audio was purged with its key replaced, with when (UTC)."""
        with self._lock:
            return dict(self._db.execute("SELECT recording_id, purged_at FROM purged_audio"))

    def close(self) -> None:
        with self._lock:
            self._db.close()
