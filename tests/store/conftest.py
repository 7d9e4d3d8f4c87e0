"""Shared helpers for store tests: databases at a chosen Alembic revision, on real files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from forsell.store.db import _alembic_config, make_engine

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def migrate_to(path: Path, revision: str) -> None:
    """Runs ``alembic upgrade``/``downgrade`` on ``path`` the way forsell.store.db does."""
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = _alembic_config(conn)
            current = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"
            ).scalar()
            version = (
                conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                if current
                else None
            )
            if revision == "base" or (version is not None and revision < version):
                command.downgrade(cfg, revision)
            else:
                command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def revision_of(path: Path) -> str | None:
    db = sqlite3.connect(path)
    try:
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        row = None
    finally:
        db.close()
    return row[0] if row else None


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cashier.sqlite"


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "backups"
