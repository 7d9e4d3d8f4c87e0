"""Helpers for the sync tests: a migrated SQLite file, a hand-moved clock, outbox rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from forsell.store.db import Database, open_database
from forsell.store.outbox import enqueue


class Clock:
    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC) + timedelta(seconds=1)  # after the rows added

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class WallClock:
    """Real time, shiftable forward (for engine tests that run on real time)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


def database(tmp_path: Path, name: str = "cashier.sqlite") -> Database:
    return open_database(tmp_path / name, tmp_path / "backups")


def add_jobs(
    db: Database, count: int, lane: str = "business", kind: str = "sale", payload_bytes: int = 50
) -> list[str]:
    """``count`` outbox rows; returns their entity ids in order."""
    ids = []
    with db.write() as session:
        for i in range(count):
            entity = f"e{i:05d}"
            enqueue(session, kind, entity, {"n": i, "pad": "x" * payload_bytes}, lane=lane)
            ids.append(entity)
    return ids


class MemoryTokens:
    """The device token where the secret store would keep it."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.sets = 0

    def get(self) -> str | None:
        return self.token

    def set(self, token: str) -> None:
        self.token = token
        self.sets += 1


def wait_until(predicate, timeout: float = 10.0, what: str = "condition") -> None:
    """Polls ``predicate`` (cheap, thread-safe) until true; fails the test after ``timeout``."""
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def add_audit_events(db: Database, count: int, pad: int = 0) -> list[str]:
    """Business events the FAKE backend accepts (kind audit); returns their outbox job ids."""
    from sqlalchemy import select

    from forsell.store.models import OutboxJob

    with db.write() as session:
        for i in range(count):
            enqueue(
                session,
                "audit",
                f"a{i:05d}",
                {"id": f"a{i:05d}", "action": "login", "pad": "x" * pad},
            )
    with db.read() as session:
        return list(session.scalars(select(OutboxJob.id).where(OutboxJob.kind == "audit")))
