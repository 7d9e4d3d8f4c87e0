"""Backups that are what they say: verified before they count, nothing half-written takes a slot,
and an emptied database on a used till is damage, never a new till."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from forsell.store.db import (
    KEEP_BACKUPS,
    DatabaseProblem,
    backup_copy,
    backups,
    head_revision,
    open_database,
)

from .conftest import migrate_to, revision_of


def _old_till(db_path: Path, backup_dir: Path, copies: int = 1) -> None:
    """A till at the first schema that was upgraded ``copies`` times (one backup each)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(copies):
        migrate_to(db_path, "0001")
        open_database(db_path, backup_dir).dispose()


def test_a_backup_is_checked_and_leaves_no_temporary_file(db_path, backup_dir):
    _old_till(db_path, backup_dir)
    [copy] = backups(backup_dir)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert sorted(p.name for p in backup_dir.iterdir()) == [copy.name]


def test_what_a_killed_backup_left_takes_no_slot_and_is_removed(db_path, backup_dir):
    _old_till(db_path, backup_dir, copies=KEEP_BACKUPS)
    good = backups(backup_dir)
    # What a kill during the copy leaves, from this version and from older ones.
    leftovers = [
        backup_dir / "cashier-20991231T000000000000-before-0009.sqlite.partial",
        backup_dir / "cashier-20991231T000000000000-before-0009.sqlite.partial-journal",
        backup_dir / "cashier-20991231T000000000001-before-0009.sqlite",  # 0 bytes
        backup_dir / "cashier-20991231T000000000001-before-0009.sqlite-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"" if leftover.suffix == ".sqlite" else b"half")
    assert backups(backup_dir) == good  # a 0-byte file is not a backup, even with a good name

    migrate_to(db_path, "0001")
    open_database(db_path, backup_dir).dispose()
    now = backups(backup_dir)
    assert len(now) == KEEP_BACKUPS and now[:-1] == good[1:]  # the oldest good one made room
    assert not any(p.exists() for p in leftovers)


def test_a_copy_of_a_damaged_database_is_not_kept(tmp_path, backup_dir):
    """SQLite's backup copies pages as they are, so damage travels into the copy: the check
    catches it and the copy never counts as a backup."""
    source = tmp_path / "cashier.sqlite"
    conn = sqlite3.connect(source)
    with conn:
        conn.execute("CREATE TABLE sale_lines (name TEXT)")
        conn.execute("CREATE INDEX by_name ON sale_lines (name)")
        conn.executemany(
            "INSERT INTO sale_lines VALUES (?)", [(f"line {i:05}",) for i in range(3000)]
        )
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'by_name'").fetchone()[0]
    conn.close()
    with source.open("r+b") as raw:  # the index's root page overwritten, as a bad sector would
        raw.seek((root - 1) * page_size)
        raw.write(b"\xff" * 64)

    with pytest.raises(sqlite3.DatabaseError):  # "fails its integrity check" or "malformed"
        backup_copy(source, backup_dir, "manual")
    assert list(backup_dir.iterdir()) == []


def test_a_failed_upgrade_takes_no_backup_slot(db_path, backup_dir, monkeypatch):
    _old_till(db_path, backup_dir)
    before = backups(backup_dir)
    migrate_to(db_path, "0001")

    from alembic import command

    def broken_upgrade(*_args, **_kwargs):
        raise RuntimeError("the upgrade fails half-way")

    monkeypatch.setattr(command, "upgrade", broken_upgrade)
    with pytest.raises(RuntimeError):
        open_database(db_path, backup_dir)
    assert backups(backup_dir) == before
    assert revision_of(db_path) == "0001"  # rolled back, as the remaining copy says


def test_an_emptied_database_on_a_used_till_is_damage_not_a_new_till(db_path, backup_dir):
    _old_till(db_path, backup_dir, copies=2)
    newest = backups(backup_dir)[-1]
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "missing" and problem.value.backup == newest
    assert db_path.stat().st_size == 0  # nothing was created over it

    db_path.unlink()
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.kind == "missing"
    assert not db_path.exists()


def test_a_newest_backup_that_fails_its_check_is_not_offered(db_path, backup_dir):
    _old_till(db_path, backup_dir, copies=2)
    older, newest = backups(backup_dir)
    newest.write_bytes(b"\0" * 4096)  # same name, garbage inside
    db_path.unlink()
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir)
    assert problem.value.backup == older


def test_key_file_alone_marks_a_used_till(db_path, backup_dir):
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_path, backup_dir, used_before=True)
    assert problem.value.kind == "missing" and problem.value.backup is None
    # a really new till: nothing around it
    open_database(db_path, backup_dir).dispose()
    assert revision_of(db_path) == head_revision()
