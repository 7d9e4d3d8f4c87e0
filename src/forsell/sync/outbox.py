"""Reading the transactional outbox: claims with leases, the job state machine, status counts.

    pending ──claim──▶ in_flight ──done──▶ done
                          │  ├──retry──▶ failed (next_attempt_at later) ──claim──▶ in_flight …
                          │  └──dead───▶ dead ──retry_dead (admin)──▶ pending
                          └── lease expires (crash mid-upload) ──▶ claimable again

A claim is one short ``BEGIN IMMEDIATE`` transaction, so two queues (threads or processes) on one
file never claim the same job. The lease time a claim wrote is the claim's token: ``done``,
``retry`` and ``dead`` only touch a row still held under that lease, so a worker whose lease ran
out (and whose job someone else now holds) cannot overwrite the new owner's outcome.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from forsell.store.db import Database
from forsell.store.models import OutboxJob, utcnow

from .errors import SyncError

PENDING, IN_FLIGHT, DONE, FAILED, DEAD = "pending", "in_flight", "done", "failed", "dead"
STATES = (PENDING, IN_FLIGHT, DONE, FAILED, DEAD)


@dataclass(frozen=True)
class Job:
    id: str
    lane: str
    kind: str
    entity_id: str
    payload: dict
    created_at: datetime
    attempts: int  # including this claim
    lease_until: datetime  # the claim's token
    size: int  # bytes of the JSON payload (for batch caps)


@dataclass(frozen=True)
class DeadLetter:
    id: str
    lane: str
    kind: str
    entity_id: str
    created_at: datetime
    attempts: int
    error_key: str | None
    last_error: str | None


@dataclass(frozen=True)
class LaneCounts:
    pending: int = 0  # pending + failed (waiting for a retry)
    in_flight: int = 0
    failed: int = 0
    dead: int = 0
    done: int = 0
    oldest_pending_at: datetime | None = None


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    """SQLite allows at most 32,766 bound parameters; stay far below it."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _changed(session: Session, statement: Executable, **kwargs: Any) -> int:
    """Rows an UPDATE or DELETE touched. Session.execute is typed as returning a plain Result;
    for these statements it is a CursorResult, which carries the row count."""
    return cast(CursorResult[Any], session.execute(statement, **kwargs)).rowcount


def _payload_size(payload: dict) -> int:
    return len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())


class OutboxQueue:
    """The sync engine's view of the ``outbox`` table. Each call is one short transaction."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.clock = clock

    # --- claiming -----------------------------------------------------------------------------

    def _due(self, lane: str, now: datetime):
        return and_(
            OutboxJob.lane == lane,
            or_(
                and_(OutboxJob.state.in_((PENDING, FAILED)), OutboxJob.next_attempt_at <= now),
                and_(OutboxJob.state == IN_FLIGHT, OutboxJob.lease_until < now),
            ),
        )

    def claim(
        self,
        lane: str,
        limit: int,
        lease_s: float,
        max_bytes: int | None = None,
        kinds: Iterable[str] | None = None,
    ) -> list[Job]:
        """Up to ``limit`` due jobs (oldest first, at most ``max_bytes`` of payload), leased.

        A job with an expired lease (its worker crashed or hung) is due again.
        """
        now = self.clock()
        lease = now + timedelta(seconds=lease_s)
        jobs: list[Job] = []
        # Plain column rows and one UPDATE … WHERE id IN (…), not ORM objects flushed one by one:
        # a claim of 500 jobs then costs a few ms of Python instead of ~100 ms, and that time
        # holds the GIL the till's GUI thread needs (tests/bench/bench_gui_lag.py measures the
        # GUI's lag while sync drains a large backlog).
        with self.db.write() as session:
            query = select(
                OutboxJob.id,
                OutboxJob.lane,
                OutboxJob.kind,
                OutboxJob.entity_id,
                OutboxJob.payload,
                OutboxJob.created_at,
                OutboxJob.attempts,
            ).where(self._due(lane, now))
            if kinds is not None:
                query = query.where(OutboxJob.kind.in_(list(kinds)))
            rows = session.execute(
                query.order_by(OutboxJob.next_attempt_at, OutboxJob.created_at, OutboxJob.id).limit(
                    limit
                )
            ).all()
            total = 0
            for row in rows:
                size = _payload_size(row.payload)
                if max_bytes is not None and jobs and total + size > max_bytes:
                    break
                total += size
                jobs.append(
                    Job(
                        row.id,
                        row.lane,
                        row.kind,
                        row.entity_id,
                        row.payload,
                        row.created_at,
                        row.attempts + 1,
                        lease,
                        size,
                    )
                )
            for ids in _chunks([job.id for job in jobs]):
                session.execute(
                    update(OutboxJob)
                    .where(OutboxJob.id.in_(ids))
                    .values(state=IN_FLIGHT, lease_until=lease, attempts=OutboxJob.attempts + 1),
                    execution_options={"synchronize_session": False},
                )
        return jobs

    def has_due(self, lane: str) -> bool:
        """Cheap check for the idle poll (uses the ``lane, state, next_attempt_at`` index)."""
        with self.db.read() as session:
            return (
                session.scalar(select(OutboxJob.id).where(self._due(lane, self.clock())).limit(1))
                is not None
            )

    def next_due_at(self, lane: str) -> datetime | None:
        """When the earliest waiting job of the lane becomes due (None: nothing waits)."""
        with self.db.read() as session:
            waiting = session.scalar(
                select(func.min(OutboxJob.next_attempt_at)).where(
                    OutboxJob.lane == lane, OutboxJob.state.in_((PENDING, FAILED))
                )
            )
            leased = session.scalar(
                select(func.min(OutboxJob.lease_until)).where(
                    OutboxJob.lane == lane, OutboxJob.state == IN_FLIGHT
                )
            )
        times = [t for t in (waiting, leased) if t is not None]
        return min(times) if times else None

    # --- outcomes -----------------------------------------------------------------------------

    def _held(self, job: Job):
        return and_(
            OutboxJob.id == job.id,
            OutboxJob.state == IN_FLIGHT,
            OutboxJob.lease_until == job.lease_until,
        )

    def done(self, jobs: Iterable[Job]) -> int:
        """Marks jobs sent; returns how many were still held by this claim."""
        jobs = list(jobs)
        if not jobs:
            return 0
        now = self.clock()
        count = 0
        # One UPDATE per claim (jobs claimed together share their lease), not one per job.
        by_lease: dict[datetime, list[str]] = {}
        for job in jobs:
            by_lease.setdefault(job.lease_until, []).append(job.id)
        with self.db.write() as session:
            for lease, all_ids in by_lease.items():
                for ids in _chunks(all_ids):
                    count += _changed(
                        session,
                        update(OutboxJob)
                        .where(
                            OutboxJob.id.in_(ids),
                            OutboxJob.state == IN_FLIGHT,
                            OutboxJob.lease_until == lease,
                        )
                        .values(
                            state=DONE,
                            done_at=now,
                            lease_until=None,
                            error_key=None,
                            last_error=None,
                        ),
                        execution_options={"synchronize_session": False},
                    )
        return count

    def retry(self, job: Job, error: SyncError, delay_s: float) -> bool:
        """Failed this time: due again after ``delay_s`` seconds."""
        with self.db.write() as session:
            return bool(
                _changed(
                    session,
                    update(OutboxJob)
                    .where(self._held(job))
                    .values(
                        state=FAILED,
                        lease_until=None,
                        error_key=error.key,
                        last_error=error.detail,
                        next_attempt_at=self.clock() + timedelta(seconds=delay_s),
                    ),
                )
            )

    def release(self, job: Job, error: SyncError | None = None, delay_s: float = 0.0) -> bool:
        """Gives a job back without counting the attempt (lane paused, stopped, not authorised)."""
        values = {
            "state": PENDING,
            "lease_until": None,
            "attempts": OutboxJob.attempts - 1,
            "next_attempt_at": self.clock() + timedelta(seconds=delay_s),
        }
        if error is not None:
            values.update(error_key=error.key, last_error=error.detail)
        with self.db.write() as session:
            return bool(
                _changed(session, update(OutboxJob).where(self._held(job)).values(**values))
            )

    def postpone(self, job: Job, delay_s: float) -> bool:
        """Not a failure, just not ready (a provider still transcribing): look again later."""
        with self.db.write() as session:
            return bool(
                _changed(
                    session,
                    update(OutboxJob)
                    .where(self._held(job))
                    .values(
                        state=PENDING,
                        lease_until=None,
                        next_attempt_at=self.clock() + timedelta(seconds=delay_s),
                    ),
                )
            )

    def dead(self, job: Job, error: SyncError) -> bool:
        """To the dead-letter list: an admin sees it there, retries or drops it."""
        with self.db.write() as session:
            return bool(
                _changed(
                    session,
                    update(OutboxJob)
                    .where(self._held(job))
                    .values(
                        state=DEAD, lease_until=None, error_key=error.key, last_error=error.detail
                    ),
                )
            )

    def release_expired(self) -> int:
        """Start-up tidy-up: jobs leased by a process that is gone go back to pending."""
        with self.db.write() as session:
            return _changed(
                session,
                update(OutboxJob)
                .where(OutboxJob.state == IN_FLIGHT, OutboxJob.lease_until < self.clock())
                .values(state=PENDING, lease_until=None),
            )

    # --- status -------------------------------------------------------------------------------

    def counts(self, lane: str) -> LaneCounts:
        with self.db.read() as session:
            by_state = dict(
                session.execute(
                    select(OutboxJob.state, func.count())
                    .where(OutboxJob.lane == lane)
                    .group_by(OutboxJob.state)
                ).all()
            )
            oldest = session.scalar(
                select(func.min(OutboxJob.created_at)).where(
                    OutboxJob.lane == lane, OutboxJob.state.in_((PENDING, FAILED, IN_FLIGHT))
                )
            )
        failed = by_state.get(FAILED, 0)
        return LaneCounts(
            by_state.get(PENDING, 0) + failed,
            by_state.get(IN_FLIGHT, 0),
            failed,
            by_state.get(DEAD, 0),
            by_state.get(DONE, 0),
            oldest,
        )

    def last_error(self, lane: str) -> tuple[str | None, str | None]:
        """(message key, detail) of the most recently failed waiting job of the lane."""
        with self.db.read() as session:
            row = session.execute(
                select(OutboxJob.error_key, OutboxJob.last_error)
                .where(
                    OutboxJob.lane == lane,
                    OutboxJob.state.in_((FAILED, DEAD, PENDING)),
                    OutboxJob.error_key.is_not(None),
                )
                .order_by(OutboxJob.next_attempt_at.desc())
                .limit(1)
            ).first()
        return (row[0], row[1]) if row else (None, None)

    # --- dead letters -------------------------------------------------------------------------

    def dead_letters(self, limit: int = 500) -> list[DeadLetter]:
        with self.db.read() as session:
            rows = session.scalars(
                select(OutboxJob)
                .where(OutboxJob.state == DEAD)
                .order_by(OutboxJob.created_at)
                .limit(limit)
            ).all()
            return [
                DeadLetter(
                    r.id,
                    r.lane,
                    r.kind,
                    r.entity_id,
                    r.created_at,
                    r.attempts,
                    r.error_key,
                    r.last_error,
                )
                for r in rows
            ]

    def retry_dead(self, ids: Iterable[str]) -> int:
        """Dead letters back to pending with a fresh attempt count; returns how many."""
        ids = list(ids)
        with self.db.write() as session:
            return _changed(
                session,
                update(OutboxJob)
                .where(OutboxJob.id.in_(ids), OutboxJob.state == DEAD)
                .values(
                    state=PENDING,
                    attempts=0,
                    next_attempt_at=self.clock(),
                    lease_until=None,
                    error_key=None,
                    last_error=None,
                ),
            )

    def drop_dead(self, ids: Iterable[str]) -> int:
        """Deletes dead letters for good (the caller audits it); returns how many."""
        ids = list(ids)
        with self.db.write() as session:
            return _changed(
                session, delete(OutboxJob).where(OutboxJob.id.in_(ids), OutboxJob.state == DEAD)
            )

    def purge_done(self, older_than: timedelta) -> int:
        """Sent jobs are kept a while (for the admin's history), then deleted."""
        with self.db.write() as session:
            return _changed(
                session,
                delete(OutboxJob).where(
                    OutboxJob.state == DONE, OutboxJob.done_at < self.clock() - older_than
                ),
            )
