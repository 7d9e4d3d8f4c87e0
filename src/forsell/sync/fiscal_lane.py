"""The fiscal lane: a cash register's operations registered one at a time, in their order.

The queue is the outbox (lane ``fiscal``) plus ``fiscal_operations``, both written in the
transaction that committed the sale (``store/fiscal_queue.py``). The lane looks only at the
head of a register's line — its lowest-numbered operation not yet registered — and sends nothing
behind it until the head is registered, because the cash register refuses an operation dated
before the previous one. So a refund of a sale that is still waiting always goes out after it.

    head waiting, due      ──send──▶ registered (attributes stored, outbox job done)
                                  ├─ no answer / 5xx / dropped ─▶ retried (same Uid: the
                                  │     service answers the first result; never twice)
                                  ├─ token refused ─▶ job given back, lane stops until nudged
                                  ├─ shift over 24 h ─▶ the register's shift is closed (Z),
                                  │     then the operation is sent again in the new shift
                                  └─ refused ─▶ dead letter; the register's line is blocked
                                        until an admin retries it or sets it aside (loudly:
                                        status, tray, ``doctor``, ``fiscal status``)

An operation that misses its first chance goes out with its original time and its autonomous
number (the documented ``ReceiptDate`` and ``AFP``). Kazakhstan lets a cash register work
autonomously for at most 72 hours: :func:`autonomous_age` tells the till how long the oldest
operation has waited, and the till warns ahead of the limit and stops selling at it.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from forsell.store.db import Database
from forsell.store.fiscal_queue import FISCAL, REFUSED, REGISTERED, WAITING
from forsell.store.models import FiscalOperation, OutboxJob, utcnow

from . import backoff
from .cash_registers.base import (
    SHIFT_OVER_24H,
    CashRegisterClient,
    FiscalAttributes,
    FiscalRefused,
    FiscalRequest,
)
from .errors import AuthFailed, Permanent, Retryable, SyncError
from .outbox import DEAD, DONE, FAILED

log = logging.getLogger(__name__)

#: An operation this late at its first attempt is sent as autonomous (original time + AFP).
LATE_AFTER = timedelta(seconds=10)
#: The law's limit on autonomous work, and when the till starts warning about it.
AUTONOMOUS_LIMIT = timedelta(hours=72)
AUTONOMOUS_WARN = timedelta(hours=48)
FISCAL_POLICY = backoff.RetryPolicy(base_s=0.5, cap_s=60.0, dead_after=None)

# What one step of the lane did.
SENT, IDLE, WAIT, RETRY, AUTH, BLOCKED, NO_CLIENT = (
    "sent",
    "idle",
    "wait",
    "retry",
    "auth",
    "blocked",
    "no_client",
)


@dataclass(frozen=True)
class Step:
    outcome: str
    delay_s: float = 0.0  # for WAIT/RETRY: when to look again
    error: SyncError | None = None
    operation_id: str | None = None


@dataclass(frozen=True)
class _Head:
    """The head of a register's line: its operation and its outbox job, read in one query."""

    id: str
    kind: str
    seq: int
    occurred_at: datetime
    state: str
    autonomous: bool
    reason_key: str | None
    job_id: str
    job_state: str
    next_attempt_at: datetime
    attempts: int
    payload: dict


_HEAD_COLUMNS = (
    FiscalOperation.id,
    FiscalOperation.kind,
    FiscalOperation.seq,
    FiscalOperation.occurred_at,
    FiscalOperation.state,
    FiscalOperation.autonomous,
    FiscalOperation.reason_key,
    OutboxJob.id,
    OutboxJob.state,
    OutboxJob.next_attempt_at,
    OutboxJob.attempts,
    OutboxJob.payload,
)


class FiscalLane:
    """Registers one cash register's line. ``client`` is None while none is configured (no
    token, or a service whose client waits for a contract): operations wait, nothing is lost.

    One lane per register sends at a time, and sends no claim first: a request cut off by a
    crash is simply sent again with the same ``Uid``, which the service answers with the first
    result. That keeps a registration to one read and one write of the database.
    """

    def __init__(
        self,
        db: Database,
        register_key: str,
        client: CashRegisterClient | None,
        clock: Callable[[], datetime] = utcnow,
        policy: backoff.RetryPolicy = FISCAL_POLICY,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.register_key = register_key
        self.register_id = register_key.split(":", 1)[1]
        self.client = client
        self.clock = clock
        self.policy = policy
        self.rng = rng

    # --- reading the head ---------------------------------------------------------------------

    def _head(self) -> _Head | None:
        with self.db.read() as session:
            row = session.execute(
                select(*_HEAD_COLUMNS)
                .join(
                    OutboxJob,
                    (OutboxJob.entity_id == FiscalOperation.id) & (OutboxJob.lane == FISCAL),
                )
                .where(
                    FiscalOperation.register_key == self.register_key,
                    FiscalOperation.state.in_((WAITING, REFUSED)),
                )
                .order_by(FiscalOperation.seq)
                .limit(1)
            ).first()
        return None if row is None else _Head(*row)

    # --- one step -----------------------------------------------------------------------------

    async def step(self) -> Step:
        """Looks at the head of the line and, when it is due, sends it once."""
        now = self.clock()
        head = await asyncio.to_thread(self._head)
        if head is None:
            return Step(IDLE)
        if head.job_state == DEAD or head.state == REFUSED:
            refusal = FiscalRefused((head.reason_key or "fiscal.invalid").split(".", 1)[-1])
            return Step(BLOCKED, error=refusal, operation_id=head.id)
        if self.client is None:
            return Step(NO_CLIENT, operation_id=head.id)
        if head.job_state == DONE:  # a crash between the two updates of one transaction? never;
            # but an admin's set-aside may race the read: look again
            return Step(WAIT, 0.0, operation_id=head.id)
        # Backoff applies after a failed attempt; a new operation is due at once, whatever
        # the clock that stamped it said.
        if head.attempts and head.next_attempt_at > now:
            return Step(WAIT, (head.next_attempt_at - now).total_seconds(), operation_id=head.id)
        attempt = head.attempts + 1
        autonomous = attempt > 1 or now - head.occurred_at > LATE_AFTER or head.autonomous
        request = FiscalRequest(
            operation_id=head.id,
            register_id=self.register_id,
            kind=head.kind,
            seq=head.seq,
            occurred_at=head.occurred_at,
            autonomous=autonomous,
            payload=head.payload,
        )
        try:
            attributes = await self._send(request)
        except AuthFailed as exc:  # not this operation's fault: no attempt counted
            return Step(AUTH, error=exc, operation_id=head.id)
        except Retryable as exc:
            delay = self.policy.delay(attempt, exc, self.rng)
            await asyncio.to_thread(self._retry, head, exc, delay, autonomous)
            return Step(RETRY, delay, exc, head.id)
        except Permanent as exc:
            await asyncio.to_thread(self._refused, head, exc)
            log.warning("fiscal: operation %s (%s) refused: %s", head.id, head.kind, exc.detail)
            return Step(BLOCKED, error=exc, operation_id=head.id)
        await asyncio.to_thread(self._registered, head, attributes)
        return Step(SENT, operation_id=head.id)

    async def _send(self, request: FiscalRequest) -> FiscalAttributes:
        assert self.client is not None
        try:
            return await self.client.register(request)
        except FiscalRefused as exc:
            if exc.reason != SHIFT_OVER_24H:
                raise
        # The register's shift ran past 24 hours (the till's shift was left open): close it
        # with a Z on the register — under a Uid derived from the operation's, so a retry of
        # this step never closes twice — and register the operation in the new shift.
        log.warning("fiscal: register %s shift over 24 h; closing it", self.register_id)
        close = FiscalRequest(
            operation_id=f"{request.operation_id}-z",
            register_id=request.register_id,
            kind="shift_close",
            seq=request.seq,
            occurred_at=request.occurred_at,
            autonomous=request.autonomous,
            payload={},
        )
        await self.client.register(close)
        return await self.client.register(request)

    # --- writing outcomes (blocking, each one short transaction) -------------------------------

    def _registered(self, head: _Head, attributes: FiscalAttributes) -> None:
        now = self.clock()
        with self.db.write() as session:
            session.execute(
                update(FiscalOperation)
                .where(FiscalOperation.id == head.id)
                .values(
                    state=REGISTERED,
                    fiscal_sign=attributes.fiscal_sign,
                    fiscal_number=attributes.fiscal_number,
                    register_number=attributes.register_number,
                    qr_url=attributes.qr_url,
                    autonomous=attributes.autonomous,
                    totals=attributes.totals,
                    registered_at=now,
                    reason_key=None,
                    reason_detail=None,
                )
            )
            session.execute(
                update(OutboxJob)
                .where(OutboxJob.id == head.job_id)
                .values(
                    state=DONE,
                    done_at=now,
                    attempts=OutboxJob.attempts + 1,
                    lease_until=None,
                    error_key=None,
                    last_error=None,
                )
            )

    def _retry(self, head: _Head, error: SyncError, delay: float, autonomous: bool) -> None:
        now = self.clock()
        with self.db.write() as session:
            session.execute(
                update(OutboxJob)
                .where(OutboxJob.id == head.job_id)
                .values(
                    state=FAILED,
                    attempts=OutboxJob.attempts + 1,
                    error_key=error.key,
                    last_error=error.detail,
                    next_attempt_at=now + timedelta(seconds=delay),
                )
            )
            session.execute(
                update(FiscalOperation)
                .where(FiscalOperation.id == head.id)
                .values(autonomous=autonomous, reason_key=error.key, reason_detail=error.detail)
            )

    def _refused(self, head: _Head, error: SyncError) -> None:
        with self.db.write() as session:
            session.execute(
                update(OutboxJob)
                .where(OutboxJob.id == head.job_id)
                .values(
                    state=DEAD,
                    attempts=OutboxJob.attempts + 1,
                    error_key=error.key,
                    last_error=error.detail,
                )
            )
            session.execute(
                update(FiscalOperation)
                .where(FiscalOperation.id == head.id)
                .values(state=REFUSED, reason_key=error.key, reason_detail=error.detail)
            )

    # --- draining -----------------------------------------------------------------------------

    async def drain(self, until_idle: bool = True, max_steps: int | None = None) -> Step:
        """Steps until the line is empty or cannot move now (waiting, blocked, unauthorised);
        returns the step that stopped it."""
        steps = 0
        while True:
            step = await self.step()
            steps += 1
            if step.outcome != SENT or (max_steps is not None and steps >= max_steps):
                return step


def autonomous_age(db: Database, now: datetime) -> timedelta | None:
    """How long the oldest operation not yet registered has waited (None: none waits)."""
    with db.read() as session:
        oldest = session.scalar(
            select(func.min(FiscalOperation.occurred_at)).where(
                FiscalOperation.state.in_((WAITING, REFUSED))
            )
        )
    return None if oldest is None else now - oldest
