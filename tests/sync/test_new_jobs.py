"""New outbox jobs wake their lane when committed (sync/new_jobs.py), not at the next idle poll."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from forsell.store.outbox import enqueue
from forsell.sync.new_jobs import watch_new_jobs

from .sync_fixtures import add_jobs, database


def failed_sale(db) -> None:
    with db.write() as session:
        enqueue(session, "sale", "rolled-back", {})
        session.flush()
        raise RuntimeError("the sale failed")


def test_a_commit_with_jobs_names_their_lanes_and_a_rollback_nothing(tmp_path: Path) -> None:
    db = database(tmp_path)
    other = database(tmp_path, "other.sqlite")
    heard: list[frozenset[str]] = []
    stop = watch_new_jobs(db, heard.append)
    try:
        add_jobs(db, 2)
        add_jobs(db, 1, lane="audio", kind="recording")
        with pytest.raises(RuntimeError, match="the sale failed"):
            failed_sale(db)
        with db.write() as session:  # a commit without outbox jobs
            session.execute(text("SELECT 1"))
        add_jobs(other, 1)  # another database's jobs are not this engine's
        assert heard == [frozenset({"business"}), frozenset({"audio"})]
    finally:
        stop()
    add_jobs(db, 1)  # stopped: heard no more
    assert len(heard) == 2
    db.dispose()
    other.dispose()


def test_a_failing_listener_never_fails_the_sale(tmp_path: Path) -> None:
    db = database(tmp_path)

    def broken(_lanes: frozenset[str]) -> None:
        raise RuntimeError("listener bug")

    stop = watch_new_jobs(db, broken)
    try:
        assert add_jobs(db, 1) == ["e00000"]
    finally:
        stop()
    db.dispose()
