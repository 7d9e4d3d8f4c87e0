"""Opening the till's SQLite database: WAL, busy timeout, migrations after a backup copy.

A database written by a newer app is refused (its schema may mean something this code does not
know). Every failure to open becomes a ``DatabaseProblem`` naming the file and what to do.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
KEEP_BACKUPS = 5


class DatabaseProblem(Exception):
    """The database cannot be used. ``kind`` is one of: locked, corrupt, read_only, too_new."""

    def __init__(self, kind: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{kind}: {path} {detail}".strip())
        self.kind = kind
        self.path = path
        self.detail = detail


#: The newest revision in migrations/versions. A database already at it opens without loading
#: Alembic (~180 ms of the till's cold start); tests/store checks it equals Alembic's head.
SCHEMA_HEAD = "0008"


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
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10})

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


def _classify(path: Path, exc: BaseException) -> DatabaseProblem:
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        kind = "locked"
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        kind = "read_only"
    else:
        kind = "corrupt"
    return DatabaseProblem(kind, path, str(getattr(exc, "orig", exc)))


def backup_copy(path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL), keeping the last few."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = backup_dir / f"{path.stem}-{stamp}-{label}.sqlite"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    for old in sorted(backup_dir.glob(f"{path.stem}-*.sqlite"))[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return target


class Database:
    """The engine plus session factories. One session per thread and per unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = make_engine(path)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(immediate=True), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction, committed on success and rolled back on any exception."""
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")).first()
        if has_table is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_database(path: Path, backup_dir: Path) -> Database:
    """Opens (creating if needed) and migrates the database; raises ``DatabaseProblem``."""
    path.parent.mkdir(parents=True, exist_ok=True)
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
        raise _classify(path, exc) from exc
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
    if current is not None:
        backup_copy(path, backup_dir, f"before-{head}")
    log.info("migrating %s from %s to %s", path.name, current, head)
    with db.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
