"""Opening the database file: WAL, migrations after a backup, and refusing what we cannot use."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select, text

from forsell.store.db import DatabaseProblem, head_revision, open_database
from forsell.store.models import Setting
from platform_services import require, tools

from .conftest import digest, migrate_to, revision_of


def test_empty_file_is_migrated_to_head_in_wal_mode(db_path: Path, backup_dir: Path) -> None:
    db = open_database(db_path, backup_dir)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with db.write() as session:
            session.add(Setting(key="probe", value={"ok": True}))
        with db.read() as session:
            stored = session.scalar(select(Setting.value).where(Setting.key == "probe"))
        assert stored == {"ok": True}
    finally:
        db.dispose()
    assert revision_of(db_path) == head_revision()
    # WAL is a property of the file: a fresh connection sees it too.
    plain = sqlite3.connect(db_path)
    assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    plain.close()
    # Nothing to protect in a new file, so no backup.
    assert not backup_dir.exists() or not any(backup_dir.iterdir())


def test_reopening_at_head_makes_no_backup(db_path: Path, backup_dir: Path) -> None:
    open_database(db_path, backup_dir).dispose()
    open_database(db_path, backup_dir).dispose()
    assert not backup_dir.exists() or not any(backup_dir.iterdir())


def test_older_database_is_backed_up_before_migrating(db_path: Path, backup_dir: Path) -> None:
    db_path.parent.mkdir(parents=True)
    migrate_to(db_path, "0001")
    marker = sqlite3.connect(db_path)
    with marker:
        marker.execute("INSERT INTO settings(key, value) VALUES ('store.name', '\"Старый\"')")
    marker.close()

    open_database(db_path, backup_dir).dispose()

    backups = list(backup_dir.glob(f"cashier-*-before-{head_revision()}.sqlite"))
    assert len(backups) == 1
    assert revision_of(backups[0]) == "0001"  # a copy of the file as it was
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT value FROM settings").fetchall() == [('"Старый"',)]
    copy.close()
    assert revision_of(db_path) == head_revision()


def test_only_the_last_backups_are_kept(db_path: Path, backup_dir: Path) -> None:
    db_path.parent.mkdir(parents=True)
    for _ in range(7):
        migrate_to(db_path, "0001")
        open_database(db_path, backup_dir).dispose()
    assert len(list(backup_dir.glob("cashier-*.sqlite"))) == 5


def test_database_from_a_newer_app_is_refused_and_untouched(
    db_path: Path, backup_dir: Path
) -> None:
    open_database(db_path, backup_dir).dispose()
    raw = sqlite3.connect(db_path)
    with raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    raw.close()
    before = digest(db_path)

    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "too_new"
    assert problem.value.path == db_path
    assert "0099_from_the_future" in str(problem.value)
    assert digest(db_path) == before
    assert revision_of(db_path) == "0099_from_the_future"
    assert not backup_dir.exists() or not any(backup_dir.iterdir())


def test_random_bytes_are_reported_as_corrupt(db_path: Path, backup_dir: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(random.Random(7).randbytes(64 * 1024))
    before = digest(db_path)
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "corrupt"
    assert digest(db_path) == before


def test_truncated_database_is_reported_as_corrupt(db_path: Path, backup_dir: Path) -> None:
    open_database(db_path, backup_dir).dispose()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:100] + random.Random(3).randbytes(len(data) - 100))
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "corrupt"


@contextmanager
def _read_only(*paths: Path) -> Iterator[None]:
    """Makes ``paths`` unwritable even for root (ext4 immutable flag), or skips the test."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    require(tools("chattr"))  # as root, file permissions alone would not stop us
    done = []
    try:
        for p in paths:
            result = subprocess.run(
                ["chattr", "+i", str(p)], check=False, capture_output=True, text=True
            )
            if result.returncode:  # a property of the folder's file system, not a service
                pytest.skip(
                    f"running as root and chattr +i is not supported here: {result.stderr.strip()}"
                )
            done.append(p)
        yield
    finally:
        for p in done:
            subprocess.run(["chattr", "-i", str(p)], check=True)


def test_read_only_file_is_reported_as_read_only(db_path: Path, backup_dir: Path) -> None:
    open_database(db_path, backup_dir).dispose()
    with _read_only(db_path), pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "read_only"


def test_read_only_folder_is_reported_as_read_only(db_path: Path, backup_dir: Path) -> None:
    open_database(db_path, backup_dir).dispose()
    with _read_only(db_path, db_path.parent), pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "read_only"


def test_session_write_rolls_back_on_error(db_path: Path, backup_dir: Path) -> None:
    db = open_database(db_path, backup_dir)
    try:
        # The error must come from inside db.write() to prove that it rolls back.
        with pytest.raises(RuntimeError), db.write() as session:  # noqa: PT012
            session.add(Setting(key="half", value=1))
            session.flush()
            raise RuntimeError("boom")
        with db.read() as session:
            assert (
                session.execute(text("SELECT count(*) FROM settings WHERE key = 'half'")).scalar()
                == 0
            )
    finally:
        db.dispose()


def test_the_fast_path_head_is_alembic_head() -> None:
    # open_database skips loading Alembic for a database already at SCHEMA_HEAD: a new revision
    # must move this constant too, or old databases would never be migrated.
    from forsell.store.db import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_closing_runs_pragma_optimize_so_the_planner_gets_statistics(
    db_path: Path, backup_dir: Path
) -> None:
    # The app never runs ANALYZE; PRAGMA optimize as each connection closes analyzes the tables
    # its queries used, once they hold data.
    db = open_database(db_path, backup_dir)
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO recordings (id, device_id, employee_id, reason, started_at, "
                "duration_ms, speech_ms, codec, sample_rate, bytes, chunks, overflows, silent, "
                "status) VALUES (:id, 'dev', :emp, 'sale', :at, 0, 0, 'ogg-opus', 16000, 0, 0, 0, "
                "0, 'sealed')"
            ),
            [
                {
                    "id": f"r{i:05d}",
                    "emp": f"e{i % 4}",
                    "at": f"2026-01-01 10:{i % 60:02d}:00.000000",
                }
                for i in range(500)
            ],
        )
    with db.read() as session:
        assert (
            session.execute(
                text(
                    "SELECT count(*) FROM recordings WHERE employee_id = 'e1' "
                    "AND started_at > '2026-01-01'"
                )
            ).scalar()
            == 125
        )
    stats = sqlite3.connect(db_path)
    try:
        before = stats.execute(
            "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchall()
    finally:
        stats.close()
    assert before == []
    db.dispose()
    stats = sqlite3.connect(db_path)
    try:
        analyzed = {
            r[0] for r in stats.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'recordings'")
        }
    finally:
        stats.close()
    assert "ix_recordings_employee_started" in analyzed
