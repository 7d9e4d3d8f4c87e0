"""Opening the till's SQLite database: WAL, busy timeout, migrations after a backup copy.

A database written by a newer app is refused (its schema may mean something this code does not
know). Every failure to open becomes a ``DatabaseProblem`` naming the file and what to do.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from forsell.domain.errors import StorageFault

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
KEEP_BACKUPS = 5


class DatabaseProblem(Exception):
    """The database cannot be used. ``kind`` is one of: disk_full, locked, corrupt, read_only,
    too_new, missing (empty or gone on a till that has been used). ``backup`` is the newest
    backup copy that passes its check, where restoring one is the fix."""

    def __init__(self, kind: str, path: Path, detail: str = "", backup: Path | None = None) -> None:
        super().__init__(f"{kind}: {path} {detail}".strip())
        self.kind = kind
        self.path = path
        self.detail = detail
        self.backup = backup


#: The newest revision in migrations/versions. A database already at it opens without loading
#: Alembic (~180 ms of the till's cold start); tests/store checks it equals Alembic's head.
SCHEMA_HEAD = "0023"


def _alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # only when the packaged migrations folder is missing or empty
        raise RuntimeError("no database migrations are packaged with this build")
    return head


def make_engine(path: Path) -> Engine:
    # hide_parameters: an error's text never carries the row's values (names, amounts) into a log.
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy own transactions (the pysqlite driver's own BEGIN handling is broken).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "close")
    def _on_close(dbapi_connection, _record):
        # SQLite's advice for the planner's statistics: PRAGMA optimize as a connection closes
        # (the app never runs ANALYZE itself). It analyzes only the tables this connection's
        # queries could have planned better (none yet, or 25x more rows since), and
        # analysis_limit keeps that to a few hundred rows per index: milliseconds, even at
        # 100,000 conversations. A read-only or busy file just skips it.
        try:
            dbapi_connection.execute("PRAGMA analysis_limit=400")
            dbapi_connection.execute("PRAGMA optimize")
        except sqlite3.Error as exc:
            log.info("PRAGMA optimize skipped: %s", exc)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the lock up front, so a gapless number read inside the transaction
        # cannot be taken by another writer before the commit.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


#: SQLite's primary result codes (the low byte of an extended code) that say the storage, not
#: the statement, failed — and what the person at the till must be told about each.
_FAULT_BY_CODE = {
    13: "disk_full",  # SQLITE_FULL
    5: "locked",  # SQLITE_BUSY: another connection kept the write lock past the busy timeout
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    14: "read_only",  # SQLITE_CANTOPEN: the folder or file cannot be opened for writing
    11: "damaged",  # SQLITE_CORRUPT
    26: "damaged",  # SQLITE_NOTADB
    10: "io",  # SQLITE_IOERR (its extended SQLITE_IOERR_NOMEM etc. share the primary code)
}


def storage_fault(exc: BaseException) -> str | None:
    """The kind of storage fault behind a SQLite/SQLAlchemy error, or None for other errors.

    Decided by SQLite's result code (Python 3.11+ gives it on every ``sqlite3.Error``), never by
    the English message: "database or disk is full" is a full disk, not a damaged file.
    """
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    # SQLite's unix VFS turns a write that failed with ENOSPC into SQLITE_FULL itself.
    return _FAULT_BY_CODE.get(code & 0xFF)


#: Less free space than this on the database's disk turns an I/O error into "disk_full".
NEARLY_FULL_BYTES = 1024 * 1024


def disk_nearly_full(path: Path) -> bool:
    """True when the disk holding ``path`` has (almost) no room left for this user."""
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free < NEARLY_FULL_BYTES
        except OSError:
            continue
    return False


def refine_fault(kind: str | None, path: Path) -> str | None:
    """A generic I/O error on a full disk is the full disk. SQLite reports ENOSPC as SQLITE_FULL
    only for its page writes: growing the ``-shm`` index of a WAL database (every start after
    a clean exit) fails with SQLITE_IOERR_SHMSIZE, which must not read as a damaged file."""
    if kind == "io" and disk_nearly_full(path):
        return "disk_full"
    return kind


def _classify(path: Path, exc: BaseException) -> DatabaseProblem:
    kind = refine_fault(storage_fault(exc), path)
    # At opening, anything but these three (damaged, disk error, no code) means "corrupt".
    problem_kind = kind if kind in ("disk_full", "locked", "read_only") else "corrupt"
    return DatabaseProblem(problem_kind, path, str(getattr(exc, "orig", exc)))


def backup_copy(path: Path, backup_dir: Path, label: str) -> Path:
    """A verified, consistent copy through SQLite's backup API (safe with WAL).

    The copy is written under a temporary name, checked with ``PRAGMA integrity_check`` and only
    then renamed into place, so that a kill, a full disk or a damaged source never leaves a file
    that looks like a backup; the oldest copies are removed only after a new one is in place.
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    remove_unfinished_backups(backup_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = backup_dir / f"{path.stem}-{stamp}-{label}.sqlite"
    partial = target.with_name(target.name + PARTIAL)
    try:
        src = sqlite3.connect(path)
        try:
            dst = sqlite3.connect(partial)
            try:
                with dst:
                    src.backup(dst)
                verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"the copy fails its integrity check: {verdict}")
        with partial.open("rb+") as copy:
            os.fsync(copy.fileno())
        partial.replace(target)
    except BaseException:
        remove_unfinished_backups(backup_dir)
        raise
    for old in backups(backup_dir, path.stem)[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


#: The suffix of a backup being written; such a file is never a backup.
PARTIAL = ".partial"


def backups(backup_dir: Path, stem: str = "cashier") -> list[Path]:
    """The finished backup copies, oldest first (a 0-byte file left by an older version is not
    one)."""
    if not backup_dir.is_dir():
        return []
    found = []
    for candidate in sorted(backup_dir.glob(f"{stem}-*.sqlite")):
        try:
            if candidate.stat().st_size > 0:
                found.append(candidate)
        except OSError:
            continue
    return found


def remove_unfinished_backups(backup_dir: Path) -> None:
    """Removes what a killed or failed backup left: partial copies, their journals, and the
    0-byte "backups" and stray journals of older versions — none of them may take a slot."""
    if not backup_dir.is_dir():
        return
    for leftover in backup_dir.iterdir():
        name = leftover.name
        stray = PARTIAL in name or name.endswith(("-journal", "-wal", "-shm"))
        try:
            empty = name.endswith(".sqlite") and leftover.stat().st_size == 0
        except OSError:
            continue
        if stray or empty:
            log.warning("removing an unfinished backup: %s", name)
            leftover.unlink(missing_ok=True)


def newest_good_backup(backup_dir: Path, stem: str = "cashier") -> Path | None:
    """The newest backup that passes ``PRAGMA quick_check`` (what to restore after damage)."""
    for candidate in reversed(backups(backup_dir, stem)):
        try:
            conn = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
            try:
                if conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    return candidate
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return None


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class AuditHooks:
    """What the audit trail (store/audit.py) needs from above the store: the key that seals
    the chain (from the OS secret store, which the store layer cannot reach) and the till's
    clock. Services set them once the till's context exists; every session of the database
    carries them in ``session.info["audit"]``, so that ``audit.record(session, …)`` needs no
    more arguments than before. Without a key the entry is written unsealed (see audit.py)."""

    key: Callable[[Session], bytes | None] | None = None
    clock: Callable[[], datetime] = field(default=_utcnow)


class Database:
    """The engine plus session factories. One session per thread and per unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self.audit = AuditHooks()
        info = {"audit": self.audit}
        self._read = sessionmaker(self.engine, expire_on_commit=False, info=info)
        self._write = sessionmaker(
            self.engine.execution_options(immediate=True), expire_on_commit=False, info=info
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed on success and rolled back on any exception.

        A storage fault (full disk, lock held past the busy timeout, read-only or damaged file,
        failing disk) is raised as ``StorageFault`` with its kind, so that the person at the till
        is told the truth and what to do; other database errors propagate unchanged.
        """
        try:
            with self._write() as session, session.begin():
                yield session
        except (DBAPIError, sqlite3.Error) as exc:
            kind = refine_fault(storage_fault(exc), self.path)
            if kind is None:
                raise
            log.error("write to %s failed: %s (%s)", self.path.name, kind, type(exc).__name__)
            raise StorageFault(kind, type(exc).__name__) from exc

    def dispose(self) -> None:
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if has_table is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _is_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def open_database(path: Path, backup_dir: Path, *, used_before: bool = False) -> Database:
    """Opens (creating if needed) and migrates the database; raises ``DatabaseProblem``.

    A missing or empty file is a new till only where nothing says otherwise: with backup copies
    beside it, or ``used_before`` (the caller found other traces, e.g. a key file), it is damage
    — creating a fresh database there would restart receipt numbers and seed a demo store over a
    real one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if _is_empty(path) and (used_before or backups(backup_dir, path.stem)):
        raise DatabaseProblem(
            "missing",
            path,
            "empty or missing on a till that has been used",
            backup=newest_good_backup(backup_dir, path.stem),
        )
    db = Database(path)
    try:
        current = current_revision(db.engine)
        if current != SCHEMA_HEAD:
            _migrate(db, path, backup_dir, current)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM settings").scalar()
            # A read-only file opens and reads fine; a no-op write fails now, not at the first sale.
            conn.exec_driver_sql("UPDATE settings SET key = key WHERE 0")
    except DatabaseProblem:
        db.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        db.dispose()
        problem = _classify(path, exc)
        if problem.kind == "corrupt":
            problem.backup = newest_good_backup(backup_dir, path.stem)
        raise problem from exc
    return db


def _migrate(db: Database, path: Path, backup_dir: Path, current: str | None) -> None:
    """Alembic upgrade to head after a backup copy; a database from a newer app is refused."""
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise DatabaseProblem("too_new", path, f"schema {current}, this app knows up to {head}")
    if current == head:
        return
    taken = backup_copy(path, backup_dir, f"before-{head}") if current is not None else None
    log.info("migrating %s from %s to %s", path.name, current, head)
    try:
        with db.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
    except BaseException:
        # The upgrade ran in one transaction and was rolled back: the database is as the copy
        # is, so a failed start does not take one of the backup slots.
        if taken is not None:
            taken.unlink(missing_ok=True)
        raise


# --- integrity -------------------------------------------------------------------------------

_PAGE = re.compile(r"\bpage (\d+)\b", re.IGNORECASE)
_NAMED = re.compile(r"\b(?:index|in) ([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class IntegrityReport:
    """What ``PRAGMA quick_check`` (or ``integrity_check``) found: nothing when ``ok``."""

    problems: tuple[str, ...]
    tables: tuple[str, ...]  # the damaged tables, named through their indexes and pages

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(path: Path, *, full: bool = False, limit: int = 100) -> IntegrityReport:
    """Runs SQLite's own check on ``path`` (read-only): ``quick_check`` is O(size) and misses
    only index/table mismatches; ``full`` runs ``integrity_check``, which finds those too.

    SQLite's messages are its own diagnostics, not ours to translate; they are read here only to
    find which table a damaged index or page belongs to, so that the report can name it.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pragma = "integrity_check" if full else "quick_check"
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}({int(limit)})")]
        except sqlite3.DatabaseError as exc:
            # A page too damaged to walk stops the check itself ("database disk image is
            # malformed"), without a page number: each table is then checked on its own.
            rows = [str(exc)]
        if rows == ["ok"]:
            return IntegrityReport((), ())
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
        tables: list[str] = []
        for line in rows:
            for name in _NAMED.findall(line):
                if name in owner and owner[name] not in tables:
                    tables.append(owner[name])
            for page in _PAGE.findall(line):
                try:
                    found = conn.execute(
                        "SELECT name FROM dbstat WHERE pageno = ?", (int(page),)
                    ).fetchone()
                except sqlite3.Error:  # dbstat not compiled in, or the page is unreadable
                    found = None
                if found and owner.get(found[0], found[0]) not in tables:
                    tables.append(owner.get(found[0], found[0]))
        if not tables:
            tables = _damaged_tables(conn, pragma)
        return IntegrityReport(tuple(rows), tuple(tables))
    finally:
        conn.close()


def _damaged_tables(conn: sqlite3.Connection, pragma: str) -> list[str]:
    """The tables whose own check (the table with its indexes) fails or cannot finish."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name"
        )
    ]
    damaged = []
    for name in names:
        quoted = name.replace('"', '""')
        try:
            verdict = [r[0] for r in conn.execute(f'PRAGMA {pragma}("{quoted}")')]
        except sqlite3.DatabaseError:
            verdict = ["unreadable"]
        if verdict != ["ok"]:
            damaged.append(name)
    return damaged
