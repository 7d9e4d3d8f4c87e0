"""Encrypted archival backups that survive a dead disk: create, verify, restore, rotation.

A backup (``4sell-backup-<till>-<UTC stamp>.fsb``) holds a consistent snapshot of the database
(its settings included) and of the key file, and this till's secrets from the OS secret store (the
KEK that wraps every recording's key, the PIN key, the audit key, the provider and backend keys),
sealed with AES-256-GCM under the till's backup key (``vault/backup_file.py``). The backup key is
in the secret store and, wrapped under the recovery passphrase, in every file's header: a new
machine with an empty secret store restores with the passphrase alone.

A restore verifies the whole file into a staging folder first; the live data is swapped only
after that, through a commit marker that the next start (or the next restore) finishes, so a
kill leaves either the old data or the new. Destruction reaches the copies: the tombstones of
destroyed keys (``KeyVault.destroy``) in the live key file, and those the caller passes (the
backend's list), are re-applied to the restored data before it is swapped in.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import sqlite3
import tarfile
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from forsell import __version__
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store.db import MIGRATIONS
from forsell.vault.backup_file import (
    BACKUP_KEY_BYTES,
    BackupHeader,
    BackupUnreadable,
    OpeningReader,
    SealingWriter,
    key_id,
    read_header,
    unwrap_with_passphrase,
    wrap_with_passphrase,
)
from forsell.vault.keys import read_audio_purges, read_tombstones
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from . import settings as s
from .access import public, requires
from .auth import EmployeeView
from .backup_swap import (
    DB_NAME,
    KEY_FILE,
    PARTIAL,
    RESTORE_MARKER,
    STAGING_PREFIX,
    WORK_PREFIX,
    finish_interrupted_restore,
    fsync_dir,
    till_running,
)
from .context import TillContext

log = logging.getLogger(__name__)

SUFFIX = ".fsb"
#: The secret store names a backup carries (those the store holds for this till).
SECRET_NAMES = (
    "kek-v1",
    "pin-pepper-v1",
    "audit-key-v1",
    "backend-token",
    "elevenlabs-key",
    "yandex-key",
    "backup-key-v1",
    "backup-passphrase-wrap-v1",
)
BACKUP_KEY = "backup-key-v1"
#: The backup key wrapped under the passphrase (public enough for a file header): kept so that
#: every new backup carries it without the passphrase being typed again.
PASSPHRASE_WRAP = "backup-passphrase-wrap-v1"
MIN_PASSPHRASE = 12
#: One backup at a time in this process (the shift's close and the daily one may meet).
_CREATING = threading.Lock()
#: The schedule: one backup a day (and one at each shift's close); doctor warns a little later.
DAILY_HOURS = 24
OVERDUE_HOURS = 26
_RECORDING_TABLES = (
    "recording_chunks",
    "transcripts",
    "conversation_item_results",
    "conversation_marks",
    "conversation_scores",
    "review_actions",
    "disputes",
)


#: Told (done, total) in bytes as a backup is sealed or opened.
Progress = Callable[[int, int], None]


class BackupRefused(Exception):
    """A backup, verify or restore cannot go on; nothing live was changed. ``reason``:
    no_folder | folder_read_only | disk_full | write_failed | no_passphrase | short_passphrase |
    no_key | not_a_backup | file_missing | newer_format | newer_schema | truncated | altered |
    wrong_passphrase | other_key | damaged_database | secret_store | till_running."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# --- the backup key and the passphrase -------------------------------------------------------


def _secrets(device_id: str, backend: Any) -> SecretStore:
    return SecretStore(device_id, backend)


def stored_backup_key(store: SecretStore) -> bytes | None:
    """This till's backup key from the secret store, or None."""
    text = store.get(BACKUP_KEY)
    return base64.b64decode(text) if text else None


#: A printed recovery code: 25 characters of an alphabet without look-alikes (0/O, 1/I/L), in
#: groups of five: about 124 bits, typed back with or without dashes, in any case.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 25


def new_recovery_code() -> str:
    """A random recovery code to print and keep instead of a passphrase a person chose."""
    import secrets as random_source

    code = "".join(random_source.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(code[i : i + 5] for i in range(0, CODE_LENGTH, 5))


def normalise_passphrase(passphrase: str) -> str:
    """A recovery code as typed back (lower case, spaces or no dashes) in its printed form;
    any other passphrase unchanged."""
    bare = "".join(c for c in passphrase.upper() if c not in "- ")
    if len(bare) == CODE_LENGTH and all(c in CODE_ALPHABET for c in bare):
        return "-".join(bare[i : i + 5] for i in range(0, CODE_LENGTH, 5))
    return passphrase


def set_passphrase(store: SecretStore, passphrase: str) -> None:
    """Sets the recovery passphrase: the backup key (made now if there is none) is wrapped under
    it and the wrap kept for the headers of new backups. The passphrase is never stored; older
    backups keep opening with the passphrase of their time (or this till's secret store)."""
    passphrase = normalise_passphrase(passphrase)
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupRefused("short_passphrase", f"at least {MIN_PASSPHRASE} characters")
    key = stored_backup_key(store)
    if key is None:
        key = os.urandom(BACKUP_KEY_BYTES)
        store.set(BACKUP_KEY, base64.b64encode(key).decode())
    store.set(PASSPHRASE_WRAP, json.dumps(wrap_with_passphrase(key, passphrase)))


# --- create ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupMade:
    path: Path
    bytes: int
    plain_bytes: int
    removed: tuple[Path, ...]  # older backups rotated out


def backup_name(device_id: str, when: datetime) -> str:
    """The file name of a backup: the till (first 8 characters of its id) and the UTC time."""
    return f"4sell-backup-{device_id[:8]}-{when.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"


def backups_in(folder: Path, device_id: str = "") -> list[Path]:
    """The finished backups in ``folder`` (of the till ``device_id`` only, when given: tills
    may share a drive, and one's rotation must never delete another's), oldest first; a
    ``.partial`` never counts."""
    if not folder.is_dir():
        return []
    pattern = f"4sell-backup-{device_id[:8]}-*{SUFFIX}" if device_id else f"4sell-backup-*{SUFFIX}"
    return sorted(p for p in folder.glob(pattern) if p.is_file())


def _folder_problem(exc: OSError, folder: Path) -> BackupRefused:
    import errno

    if exc.errno == errno.ENOSPC:
        return BackupRefused("disk_full", str(folder))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupRefused("folder_read_only", str(folder))
    return BackupRefused("write_failed", f"{folder}: {exc.strerror or exc}")


def _snapshot(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file through its backup API (safe with WAL)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file in the archive
        finally:
            dst.close()
    finally:
        src.close()


def create_backup(
    data_dir: Path,
    device_id: str,
    folder: Path,
    *,
    keep: int = 7,
    keyring_backend: Any = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    on_progress: Progress | None = None,
) -> BackupMade:
    """Writes one sealed backup of this till into ``folder`` and rotates to the newest ``keep``
    of this till's; one at a time in this process (a shift's close and the daily one may meet).

    Written under a temporary name, fsynced, then renamed: a kill, a full disk or a read-only
    folder never leaves a file that looks like a backup. Needs the recovery passphrase set."""
    with _CREATING:
        return _create_backup(
            data_dir, device_id, folder, keep, keyring_backend, clock, on_progress
        )


def _create_backup(
    data_dir: Path,
    device_id: str,
    folder: Path,
    keep: int,
    keyring_backend: Any,
    clock: Callable[[], datetime],
    on_progress: Progress | None,
) -> BackupMade:
    store = _secrets(device_id, keyring_backend)
    key = stored_backup_key(store)
    wrap = store.get(PASSPHRASE_WRAP)
    if key is None or wrap is None:
        raise BackupRefused("no_passphrase")
    if not folder.is_dir():
        raise BackupRefused("no_folder", str(folder))
    if not os.access(folder, os.W_OK):
        raise BackupRefused("folder_read_only", str(folder))
    secrets = {name: v for name in SECRET_NAMES if (v := store.get(name)) is not None}
    when = clock()
    target = folder / backup_name(device_id, when)
    partial = target.with_name(target.name + PARTIAL)
    for leftover in folder.glob(f"4sell-backup-*{SUFFIX}{PARTIAL}"):
        leftover.unlink(missing_ok=True)  # a killed backup's remains never take a slot
    # The plain snapshots stay inside the (private) data folder, never in the backup folder.
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=data_dir))
    try:
        _snapshot(data_dir / DB_NAME, work / DB_NAME)
        if (data_dir / KEY_FILE).exists():
            _snapshot(data_dir / KEY_FILE, work / KEY_FILE)
        fields = {
            "till": device_id,
            "created_at": when.isoformat(),
            "app_version": __version__,
            "schema": _revision(work / DB_NAME),
            "passphrase": json.loads(wrap),
        }
        manifest = json.dumps({**fields, "passphrase": None, "secrets": secrets}).encode()
        try:
            with partial.open("xb") as out:
                total = sum(p.stat().st_size for p in work.iterdir())
                report = (lambda done: on_progress(done, total)) if on_progress else None
                writer = SealingWriter(out, key, fields, report)
                with tarfile.open(fileobj=writer, mode="w|") as tar:
                    info = tarfile.TarInfo("manifest.json")
                    info.size = len(manifest)
                    tar.addfile(info, _BytesReader(manifest))
                    for name in (DB_NAME, KEY_FILE):
                        if (work / name).exists():
                            tar.add(work / name, arcname=name)
                writer.close()
                out.flush()
                os.fsync(out.fileno())
            partial.replace(target)
            fsync_dir(folder)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise _folder_problem(exc, folder) from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    removed = tuple(backups_in(folder, device_id)[:-keep]) if keep > 0 else ()
    for old in removed:
        old.unlink(missing_ok=True)
    return BackupMade(target, target.stat().st_size, writer.plain_bytes, removed)


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data, self._pos = data, 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else self._pos + n
        out = self._data[self._pos : end]
        self._pos += len(out)
        return out


def _revision(db_path: Path) -> str | None:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        found = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if found is None:
            return None
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        db.close()


def known_revisions() -> set[str]:
    """Every schema revision this app can open (or migrate from)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}


# --- open and verify -------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupContents:
    """What an opened (fully verified) backup holds; ``folder`` has the database and key file."""

    folder: Path
    till: str
    created_at: str
    app_version: str
    schema: str | None
    secrets: dict[str, str]
    chunks: int


def backup_key_for(header: BackupHeader, store_key: bytes | None, passphrase: str | None) -> bytes:
    """The key that opens a file: the secret store's when it made the file, else the
    passphrase's; BackupRefused('other_key') when only the passphrase would do and none came."""
    if store_key is not None and key_id(store_key) == header.key_id:
        return store_key
    wrap = header.passphrase_wrap
    if passphrase is None:
        raise BackupRefused("other_key")
    if wrap is None:
        raise BackupRefused("no_key", "the file carries no passphrase wrap")
    try:
        return unwrap_with_passphrase(wrap, normalise_passphrase(passphrase))
    except BackupUnreadable as exc:
        raise BackupRefused(exc.reason, exc.detail) from None


def open_backup(
    path: Path,
    into: Path,
    key_for: Callable[[BackupHeader], bytes],
    on_progress: Progress | None = None,
) -> BackupContents:
    """Decrypts and checks every chunk of ``path`` into the folder ``into`` (the secrets stay in
    memory), then checks the database and the key file with ``integrity_check`` and the schema
    against this app's. Raises BackupRefused; ``into`` may then hold partial files."""
    try:
        stream: BinaryIO = path.open("rb")
    except FileNotFoundError:
        raise BackupRefused("file_missing", f"{path} does not exist") from None
    with stream:
        try:
            header = read_header(stream)
            total = path.stat().st_size
            report = (lambda done: on_progress(done, total)) if on_progress else None
            reader = OpeningReader(stream, header, key_for(header), report)
            manifest: dict[str, Any] | None = None
            with tarfile.open(fileobj=reader, mode="r|") as tar:
                for member in tar:
                    if member.name == "manifest.json":
                        got = tar.extractfile(member)
                        manifest = json.loads(got.read()) if got else None
                    elif member.name in (DB_NAME, KEY_FILE) and member.isfile():
                        got = tar.extractfile(member)
                        if got is None:
                            raise BackupRefused("altered", member.name)
                        with (into / member.name).open("xb") as out:
                            shutil.copyfileobj(got, out, 1 << 20)
                    else:
                        raise BackupRefused("altered", f"an unexpected member {member.name!r}")
            reader.drain()
        except BackupUnreadable as exc:
            raise BackupRefused(exc.reason, exc.detail) from None
        except tarfile.TarError as exc:
            raise BackupRefused("altered", f"the archive inside: {exc}") from None
    if manifest is None or not (into / DB_NAME).exists():
        raise BackupRefused("altered", "the database or the manifest is missing")
    for name in (DB_NAME, KEY_FILE):
        if (into / name).exists():
            verdict = _integrity(into / name)
            if verdict != "ok":
                raise BackupRefused("damaged_database", f"{name}: {verdict}")
    schema = _revision(into / DB_NAME)
    if schema is not None and schema not in known_revisions():
        raise BackupRefused("newer_schema", f"schema {schema}, app {manifest.get('app_version')}")
    return BackupContents(
        into,
        str(manifest.get("till", "")),
        str(manifest.get("created_at", "")),
        str(manifest.get("app_version", "")),
        schema,
        dict(manifest.get("secrets") or {}),
        reader.chunks,
    )


def _integrity(path: Path) -> str:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(db.execute("PRAGMA integrity_check(5)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        db.close()


def verify_backup(
    path: Path,
    *,
    passphrase: str | None = None,
    store: SecretStore | None = None,
    work_dir: Path | None = None,
    on_progress: Progress | None = None,
) -> BackupContents:
    """Decrypts and checks the whole file in a temporary folder (in ``work_dir``, e.g. the data
    folder, else the system's; deleted afterwards) without touching live data; the secret
    store's backup key is used when it made the file."""
    store_key = _store_key_or_none(store)
    with tempfile.TemporaryDirectory(prefix="4sell-verify-", dir=work_dir) as tmp:
        return open_backup(
            path, Path(tmp), lambda h: backup_key_for(h, store_key, passphrase), on_progress
        )


def verify_on_this_machine(
    path: Path,
    *,
    passphrase: str | None = None,
    keyring_backend: Any = None,
    work_dir: Path | None = None,
    on_progress: Progress | None = None,
) -> BackupContents:
    """``verify_backup`` with this machine's secret store for the till that made the file."""
    till = str(header_of(path).fields.get("till", ""))
    store = SecretStore(till, keyring_backend)
    return verify_backup(
        path, passphrase=passphrase, store=store, work_dir=work_dir, on_progress=on_progress
    )


def _store_key_or_none(store: SecretStore | None) -> bytes | None:
    if store is None:
        return None
    try:
        return stored_backup_key(store)
    except SecretStoreUnavailable:
        return None


def header_of(path: Path) -> BackupHeader:
    """The header alone (which till, when; for choosing the secret store account)."""
    try:
        with path.open("rb") as stream:
            return read_header(stream)
    except FileNotFoundError:
        raise BackupRefused("file_missing", f"{path} does not exist") from None
    except BackupUnreadable as exc:
        raise BackupRefused(exc.reason, exc.detail) from None


# --- tombstones ------------------------------------------------------------------------------


def apply_tombstones(folder: Path, tombstones: dict[str, str]) -> int:
    """Destroys again, in the database and key file in ``folder``, every recording destroyed
    after the backup was taken: its data key goes (with a tombstone of its own), and its rows
    (recording, chunks, transcript, scores, marks, review actions). Returns how many keys went."""
    if not tombstones:
        return 0
    ids = list(tombstones)
    destroyed = 0
    keys = folder / KEY_FILE
    if keys.exists():
        db = sqlite3.connect(keys, isolation_level=None)
        try:
            db.execute("PRAGMA secure_delete=ON")
            db.executescript(
                "CREATE TABLE IF NOT EXISTS destroyed_keys (recording_id TEXT PRIMARY KEY, "
                "destroyed_at TEXT NOT NULL, reported_at TEXT)"
            )
            db.execute("BEGIN IMMEDIATE")
            for rid in ids:
                destroyed += db.execute(
                    "DELETE FROM data_keys WHERE recording_id = ?", (rid,)
                ).rowcount
                db.execute(
                    "INSERT OR IGNORE INTO destroyed_keys (recording_id, destroyed_at) "
                    "VALUES (?, ?)",
                    (rid, tombstones[rid]),
                )
            db.execute("COMMIT")
            db.execute("VACUUM")  # no freed page keeps a destroyed key
        finally:
            db.close()
    db = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    try:
        db.execute("PRAGMA secure_delete=ON")
        present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        db.execute("BEGIN IMMEDIATE")
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            for table in (*_RECORDING_TABLES, "recordings"):
                if table in present:
                    column = "id" if table == "recordings" else "recording_id"
                    db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", batch)
            if "outbox" in present:
                # Work still queued about them (an upload, a transcript) would only fail later;
                # their own tombstone events still go to the backend.
                db.execute(
                    f"DELETE FROM outbox WHERE entity_id IN ({marks}) AND kind != ?",
                    (*batch, TOMBSTONE_EVENT),
                )
        db.execute("COMMIT")
    finally:
        db.close()
    return destroyed


def apply_audio_purges(folder: Path, purges: dict[str, str]) -> int:
    """Deletes again, in the database in ``folder``, the audio of every recording whose audio
    retention purged after the backup was taken (its transcript stays: the backup's own key
    still opens it), with the audio work still queued about it, and keeps the audio tombstones
    in the key file there so that the restored till re-applies them to the next restore.
    Returns how many recordings still had audio."""
    if not purges:
        return 0
    ids = list(purges)
    keys = folder / KEY_FILE
    if keys.exists():
        db = sqlite3.connect(keys, isolation_level=None)
        try:
            db.executescript(
                "CREATE TABLE IF NOT EXISTS purged_audio (recording_id TEXT PRIMARY KEY, "
                "purged_at TEXT NOT NULL, reported_at TEXT)"
            )
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT OR IGNORE INTO purged_audio (recording_id, purged_at) VALUES (?, ?)",
                [(rid, purges[rid]) for rid in ids],
            )
            db.execute("COMMIT")
        finally:
            db.close()
    db = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    purged = 0
    try:
        db.execute("PRAGMA secure_delete=ON")  # the freed pages keep no audio
        present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "recording_chunks" not in present:
            return 0
        columns = {r[1] for r in db.execute("PRAGMA table_info(recordings)")}
        db.execute("BEGIN IMMEDIATE")
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            purged += len(
                db.execute(
                    f"SELECT DISTINCT recording_id FROM recording_chunks "
                    f"WHERE recording_id IN ({marks})",
                    batch,
                ).fetchall()
            )
            db.execute(f"DELETE FROM recording_chunks WHERE recording_id IN ({marks})", batch)
            if "audio_purged_at" in columns:
                for rid in batch:
                    db.execute(
                        "UPDATE recordings SET audio_purged_at = ? "
                        "WHERE id = ? AND audio_purged_at IS NULL",
                        (_sql_time(purges[rid]), rid),
                    )
            if "outbox" in present:
                db.execute(
                    f"DELETE FROM outbox WHERE lane = 'audio' AND entity_id IN ({marks})", batch
                )
        db.execute("COMMIT")
    finally:
        db.close()
    return purged


def _sql_time(iso: str) -> str:
    """An ISO 8601 UTC moment as the database keeps its times (naive UTC, a space)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


#: The outbox event that tells the backend a recording's key was destroyed.
TOMBSTONE_EVENT = "recording_destroyed"


#: The outbox event that tells the backend retention purged a recording's audio (text kept).
AUDIO_TOMBSTONE_EVENT = "recording_audio_purged"


def report_tombstones(ctx: TillContext) -> int:
    """Puts an outbox event for every tombstone not reported yet — destroyed keys and purged
    audio — (the backend keeps the lists for restores on a new machine); returns how many.
    Reads the key file without its KEK. A kill between the outbox commit and the mark sends one
    again: the backend keeps a set."""
    from forsell.vault.keys import DOCUMENT_KEY_PREFIX

    keys = ctx.data_dir / KEY_FILE
    if not keys.exists():
        return 0
    db = sqlite3.connect(keys, isolation_level=None, timeout=10)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        reported = 0
        for table, moment, event, field in (
            ("destroyed_keys", "destroyed_at", TOMBSTONE_EVENT, "destroyed_at"),
            ("purged_audio", "purged_at", AUDIO_TOMBSTONE_EVENT, "purged_at"),
        ):
            if table not in tables:
                continue
            columns = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
            if "reported_at" not in columns:  # made before audio tombstones were reported
                db.execute(f"ALTER TABLE {table} ADD COLUMN reported_at TEXT")
            rows = db.execute(
                f"SELECT recording_id, {moment} FROM {table} WHERE reported_at IS NULL"
            ).fetchall()
            if not rows:
                continue
            _enqueue_tombstones(ctx, event, field, rows, DOCUMENT_KEY_PREFIX)
            now = datetime.now(UTC).isoformat()
            db.executemany(
                f"UPDATE {table} SET reported_at = ? WHERE recording_id = ?",
                [(now, rid) for rid, _ in rows],
            )
            reported += len(rows)
        return reported
    finally:
        db.close()


def _enqueue_tombstones(
    ctx: TillContext, event: str, field: str, rows: list[tuple[str, str]], skip_prefix: str
) -> None:
    from forsell.store.outbox import enqueue

    with ctx.db.write() as session:
        for rid, at in rows:
            if not rid.startswith(skip_prefix):
                enqueue(session, event, rid, {"recording_id": rid, field: at})


def backend_address(folder: Path, secrets: dict[str, str]) -> tuple[str, str] | None:
    """The backend's address (from the settings of the database in ``folder``) and the device
    token (from the backup's secrets); None when this till had no backend."""
    db = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
    try:
        row = db.execute(
            "SELECT value FROM settings WHERE key = ?", (s.SYNC_BACKEND_URL.key,)
        ).fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        db.close()
    url = json.loads(row[0]) if row and row[0] else ""
    token = secrets.get("backend-token")
    return (url, token) if url and token else None


def backend_tombstones(
    url: str, token: str, timeout: float = 20.0
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
    """The tombstones the backend keeps for this till — destroyed recordings, and recordings
    whose audio retention purged — or None when it cannot be reached."""
    from forsell.sync.backend import fetch_tombstones
    from forsell.sync.errors import SyncError

    try:
        return fetch_tombstones(url, token, timeout)
    except (SyncError, OSError) as exc:
        log.warning("the backend's tombstones could not be read: %s", exc)
        return None


# --- restore ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    till: str
    created_at: str
    tombstones_applied: int
    #: True: the backend's tombstones were applied too; False: it could not be reached (say
    #: so: recordings destroyed on a lost machine may be back); None: no backend configured.
    backend_reached: bool | None
    #: Recordings whose audio retention had purged after the backup was taken: deleted again.
    audio_purged: int = 0


def has_staff(data_dir: Path) -> bool:
    """True when ``data_dir`` holds a database with employees (a restore then needs an admin)."""
    path = data_dir / DB_NAME
    if not path.exists() or path.stat().st_size == 0:
        return False
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT 1 FROM employees LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError:
        return False
    finally:
        db.close()


def restore_backup(
    path: Path,
    data_dir: Path,
    *,
    passphrase: str | None = None,
    keyring_backend: Any = None,
    ask_backend: bool = True,
    before_swap: Callable[[], None] | None = None,
    on_progress: Progress | None = None,
) -> Restored:
    """Restores ``path`` into ``data_dir``; the till must be closed. The whole file is verified
    into a staging folder first; the tombstones of the live key file and, with ``ask_backend``,
    the backend's list are re-applied there; the secrets go back into the secret store; only
    then is the live data swapped, through a commit marker (``finish_interrupted_restore``)."""
    if till_running(data_dir):
        raise BackupRefused("till_running", str(data_dir))
    done = _stage_restore(
        path,
        data_dir,
        passphrase=passphrase,
        keyring_backend=keyring_backend,
        ask_backend=ask_backend,
        before_swap=before_swap,
        on_progress=on_progress,
    )
    finish_interrupted_restore(data_dir)
    return done


def restore_at_next_start(
    path: Path,
    data_dir: Path,
    *,
    passphrase: str | None = None,
    keyring_backend: Any = None,
    ask_backend: bool = True,
    on_progress: Progress | None = None,
) -> Restored:
    """The running till's restore (the admin screen): everything ``restore_backup`` does up to
    and including the commit marker, but the database the till has open is not swapped under
    it: the next start of the till moves the restored files in. The caller must close the till
    at once; anything written to the live data until then is lost with it."""
    return _stage_restore(
        path,
        data_dir,
        passphrase=passphrase,
        keyring_backend=keyring_backend,
        ask_backend=ask_backend,
        before_swap=None,
        on_progress=on_progress,
    )


def restore_pending(data_dir: Path) -> bool:
    """True when a verified restore waits for the next start of the till."""
    return (data_dir / RESTORE_MARKER).exists()


def _stage_restore(
    path: Path,
    data_dir: Path,
    *,
    passphrase: str | None,
    keyring_backend: Any,
    ask_backend: bool,
    before_swap: Callable[[], None] | None,
    on_progress: Progress | None,
) -> Restored:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not restore_pending(data_dir):  # a staged one waits for the start: never undo it here
        finish_interrupted_restore(data_dir)
    header = header_of(path)
    till = str(header.fields.get("till", ""))
    store = SecretStore(till, keyring_backend)
    store_key = _store_key_or_none(store)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=data_dir))
    try:
        contents = open_backup(
            path, staging, lambda h: backup_key_for(h, store_key, passphrase), on_progress
        )
        tombstones = read_tombstones(data_dir / KEY_FILE)
        address = backend_address(staging, contents.secrets) if ask_backend else None
        remote = backend_tombstones(*address) if address else None
        reached = None if address is None else remote is not None
        remote_destroyed, remote_purged = remote or ([], [])
        tombstones.update(dict(remote_destroyed))
        applied = apply_tombstones(staging, tombstones)
        purges = dict(remote_purged)
        purges.update(read_audio_purges(data_dir / KEY_FILE))
        audio_purged = apply_audio_purges(
            staging, {rid: at for rid, at in purges.items() if rid not in tombstones}
        )
        try:
            for name, value in contents.secrets.items():
                store.set(name, value)
        except SecretStoreUnavailable as exc:
            raise BackupRefused("secret_store", exc.hint) from None
        for name in (DB_NAME, KEY_FILE):
            if (staging / name).exists():
                with (staging / name).open("rb+") as f:
                    os.fsync(f.fileno())
        fsync_dir(staging)
        if before_swap is not None:
            before_swap()
        marker = data_dir / RESTORE_MARKER
        if marker.exists():  # an earlier staged restore, not yet moved in: this one wins
            old = data_dir / json.loads(marker.read_text())["staging"]
            marker.unlink()
            shutil.rmtree(old, ignore_errors=True)
        temp_marker = marker.with_name(marker.name + PARTIAL)
        with temp_marker.open("w") as f:
            json.dump({"staging": staging.name, "from": path.name}, f)
            f.flush()
            os.fsync(f.fileno())
        temp_marker.replace(marker)  # the commit point: from here the new data wins
        fsync_dir(data_dir)
    except BaseException:
        marker = data_dir / RESTORE_MARKER
        if not (marker.exists() and staging.name in marker.read_text()):
            shutil.rmtree(staging, ignore_errors=True)
        raise
    return Restored(contents.till, contents.created_at, applied, reached, audio_purged)


# --- the till's own backups: settings, schedule ----------------------------------------------


@dataclass(frozen=True)
class BackupStatus:
    folder: Path | None
    newest: Path | None
    newest_at: datetime | None
    overdue: bool
    folder_missing: bool
    passphrase_set: bool


class TillBackups:
    """This till's backups as the admin and the background work see them."""

    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    def _store(self) -> SecretStore:
        return SecretStore(self.ctx.device_id, self.ctx.keyring_backend)

    def _folder(self) -> Path | None:
        folder = self.ctx.settings.get(s.BACKUP_FOLDER)
        return Path(folder).expanduser() if folder else None

    @requires(Role.ADMIN)
    def set_passphrase(self, who: EmployeeView, passphrase: str) -> None:
        """Sets the recovery passphrase (admin)."""
        set_passphrase(self._store(), passphrase)

    @requires(Role.ADMIN)
    def save_settings(self, who: EmployeeView, folder: str, keep: int) -> None:
        """Where scheduled backups go (blank: none) and how many are kept (admin); raises
        CashierError(``setting.invalid``) for a value the registry refuses."""
        self.ctx.settings.set(s.BACKUP_FOLDER, folder)
        self.ctx.settings.set(s.BACKUP_KEEP, keep)

    @requires(Role.ADMIN)
    def create_now(
        self, who: EmployeeView, folder: Path | None = None, on_progress: Progress | None = None
    ) -> BackupMade:
        """A backup now, into ``folder`` or the chosen backup folder (admin); ``on_progress``
        is told (bytes sealed, bytes in all) after each chunk."""
        return self._create(folder, on_progress)

    def _create(self, folder: Path | None, on_progress: Progress | None = None) -> BackupMade:
        folder = folder or self._folder()
        if folder is None:
            raise CashierError("backup.no_folder", "no backup folder is set")
        return create_backup(
            self.ctx.data_dir,
            self.ctx.device_id,
            folder,
            keep=self.ctx.settings.get(s.BACKUP_KEEP),
            keyring_backend=self.ctx.keyring_backend,
            clock=self.ctx.clock,
            on_progress=on_progress,
        )

    @requires(Role.ADMIN)
    def status(self, who: EmployeeView) -> BackupStatus:
        """The newest backup and whether one is due (admin)."""
        return self.status_now()

    @public  # the till's own check (doctor, the background)
    def status_now(self) -> BackupStatus:
        """The newest backup in the chosen folder and whether it is older than allowed."""
        folder = self._folder()
        found = backups_in(folder, self.ctx.device_id) if folder else []
        newest = found[-1] if found else None
        newest_at = (
            datetime.fromtimestamp(newest.stat().st_mtime, UTC) if newest is not None else None
        )
        try:
            passphrase_set = self._store().get(PASSPHRASE_WRAP) is not None
        except SecretStoreUnavailable:  # a missing secret store is doctor's own line
            passphrase_set = False
        overdue = folder is not None and (
            newest_at is None or self.ctx.clock() - newest_at > timedelta(hours=OVERDUE_HOURS)
        )
        return BackupStatus(
            folder,
            newest,
            newest_at,
            overdue,
            folder is not None and not folder.is_dir(),
            passphrase_set,
        )

    @public  # the till's own background work
    def run_if_due(self, *, shift_closed: bool = False) -> BackupMade | None:
        """The background's backup: at a shift's close, or once a day; None when nothing was
        due or no folder and passphrase are set (never raises for those). New tombstones are
        put in the outbox for the backend first, whether a backup is due or not."""
        report_tombstones(self.ctx)
        status = self.status_now()
        if status.folder is None or not status.passphrase_set or status.folder_missing:
            return None
        daily_due = status.newest_at is None or (
            self.ctx.clock() - status.newest_at >= timedelta(hours=DAILY_HOURS)
        )
        if not shift_closed and not daily_due:
            return None
        return self._create(status.folder)
