"""The backend checks that the audit trail it receives is one unbroken chain, over real HTTP on
loopback: entries sealed by the real audit code, sent by the real sync engine to the FAKE
backend. A forked trail (an older backup restored, then written to) is refused for good and the
till says so (dead letter, sync status, doctor line) unless it starts with the till's own
``backup_restored`` entry; a gap waits for the missing entries; a
signed purge checkpoint starts the chain after retention removed the entries before it."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select, update

from forsell.services.doctor import check_audit_on_backend
from forsell.store import audit
from forsell.store.db import Database
from forsell.store.models import OutboxJob
from forsell.sync.backend import LATER, BackendClient, Event
from forsell.sync.errors import AuditChainRefused, AuditGap

from .sync_fixtures import database
from .test_engine import DEVICE, backend, engine_for  # noqa: F401 - the fixture

KEY = os.urandom(32)


def _trail(db: Database, actions: list[str]) -> None:
    db.audit.key = lambda session: KEY
    for action in actions:
        with db.write() as session:
            audit.record(session, DEVICE.device_id, action, None, shift="1")


def _audit_jobs(db: Database) -> list[OutboxJob]:
    with db.read() as session:
        return list(
            session.scalars(
                select(OutboxJob).where(OutboxJob.kind == "audit").order_by(OutboxJob.created_at)
            )
        )


def _copy(db: Database, source: Path, target: Path) -> Database:
    """What a backup of the database is: the same rows, the same outbox."""
    with db.write() as session:
        session.execute(update(OutboxJob).values(next_attempt_at=datetime.now(UTC)))
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return database(target.parent, target.name)


def test_a_forked_trail_is_refused_for_good_and_the_till_says_so(backend, tmp_path) -> None:  # noqa: F811
    live_dir, old_dir = tmp_path / "till", tmp_path / "restored"
    live_dir.mkdir()
    old_dir.mkdir()
    live = database(live_dir)
    _trail(live, ["login", "shift_opened", "refund"])
    older = _copy(live, live_dir / "cashier.sqlite", old_dir / "cashier.sqlite")
    _trail(live, ["sale_voided", "shift_closed"])
    status = engine_for(live, backend).run_once(timeout=20)
    assert status.business.failed == 0
    assert {j.state for j in _audit_jobs(live)} == {"done"}
    tail = backend.audit_tail(DEVICE.device_id)
    assert tail is not None and tail[0] == 5
    assert check_audit_on_backend(live_dir).ok

    # The older copy goes on writing: its entry 4 is not the backend's entry 4.
    _trail(older, ["login"])
    status = engine_for(older, backend).run_once(timeout=20)
    jobs = _audit_jobs(older)
    assert [j.state for j in jobs] == ["done", "done", "done", "dead"]  # 1-3: duplicates
    assert jobs[-1].error_key == AuditChainRefused.key
    assert "audit_chain_broken" in (jobs[-1].last_error or "")
    assert status.business.last_error_key == AuditChainRefused.key
    assert backend.audit_tail(DEVICE.device_id) == tail  # the backend's copy is unchanged
    line = check_audit_on_backend(old_dir)
    assert not line.ok and "refused 1 audit entry" in line.found and line.hint
    # A restore done through the till says so first: the backend keeps that branch openly.
    _trail(older, ["backup_restored", "login"])
    engine_for(older, backend).run_once(timeout=20)
    assert [j.state for j in _audit_jobs(older)][-2:] == ["done", "done"]
    assert backend.audit_tail(DEVICE.device_id)[0] == 6  # type: ignore[index]
    live.dispose()
    older.dispose()


def _event(job: OutboxJob) -> Event:
    return Event(job.id, job.kind, job.entity_id, job.created_at.isoformat(), job.payload)


def test_a_gap_waits_for_the_missing_entries_and_a_purge_checkpoint_starts_a_chain(
    backend,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = database(tmp_path)
    _trail(db, ["login", "shift_opened", "refund"])
    first, second, third = (_event(j) for j in _audit_jobs(db))

    async def send(events: list[Event]) -> list[tuple[str, str | None]]:
        async with httpx.AsyncClient(timeout=5) as client:
            token = backend.register_device(DEVICE.device_id)
            results = await BackendClient(client, backend.url, lambda: token).send_events(
                DEVICE.device_id, events
            )
        return [(r.status, r.reason) for r in results]

    ((status, reason),) = asyncio.run(send([second]))
    assert status == LATER and reason is not None and reason.startswith("audit_gap")
    assert backend.audit_tail(DEVICE.device_id) is None
    assert asyncio.run(send([first])) == [("accepted", None)]
    # The same batch again is a new try, not a replay of the "later" answer.
    assert asyncio.run(send([second])) == [("accepted", None)]
    assert asyncio.run(send([third])) == [("accepted", None)]

    # A trail whose first entries retention removed before this backend saw them (sent to a
    # backend the store used before): the signed purge checkpoint starts the chain here.
    other = tmp_path / "other"
    other.mkdir()
    fresh = database(other)
    _trail(fresh, ["login", "shift_opened"])
    with fresh.write() as session:
        session.execute(update(OutboxJob).values(state="done"))
        assert audit.purge_before(session, KEY, DEVICE.device_id, datetime.now(UTC)) == 2
        audit.record(session, DEVICE.device_id, "login", None)
    pending = [_event(j) for j in _audit_jobs(fresh) if j.state != "done"]
    assert [e.payload["seq"] for e in pending] == [3, 4]
    assert pending[0].payload["details"]["reason"] == "purge"
    device = "0190a000-0000-7000-8000-0000000000aa"

    async def send_other() -> list[str]:
        async with httpx.AsyncClient(timeout=5) as client:
            token = backend.register_device(device)
            results = await BackendClient(client, backend.url, lambda: token).send_events(
                device, pending
            )
        return [r.status for r in results]

    assert asyncio.run(send_other()) == ["accepted", "accepted"]
    assert backend.audit_tail(device) == (4, pending[1].payload["hash"])
    db.dispose()
    fresh.dispose()


def test_the_till_retries_a_gap_for_a_day_then_refuses_it() -> None:
    from forsell.sync.business_lane import BusinessWork
    from forsell.sync.outbox import Job

    now = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)

    class Host:
        clock = staticmethod(lambda: now)

    work = BusinessWork(Host(), None)  # type: ignore[arg-type]

    def job(age: timedelta) -> Job:
        return Job("j", "business", "audit", "e", {}, now - age, 1, now, 2)

    fresh = work.refusal(job(timedelta(hours=1)), LATER, "audit_gap: expected 4, got 6")
    assert isinstance(fresh, AuditGap) and not isinstance(fresh, AuditChainRefused)
    stale = work.refusal(job(timedelta(hours=25)), LATER, "audit_gap: expected 4, got 6")
    assert isinstance(stale, AuditChainRefused) and stale.reason == "audit_gap"
    broken = work.refusal(job(timedelta(0)), "rejected", "audit_chain_broken: entry 4 …")
    assert isinstance(broken, AuditChainRefused)
    other = work.refusal(job(timedelta(0)), "rejected", "unknown_kind")
    assert not isinstance(other, AuditChainRefused) and other.key == "sync.rejected"
