"""What happens to a job after a try: done, given back, retried after a backoff, or dead-lettered.

Each outcome is one short transaction in the outbox, run off the loop. A failure to record an
outcome is logged and left alone: the job's lease expires and it comes back, so nothing is lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from .errors import AuthFailed, NetworkDown, NoProvider, SyncError
from .lanes import Host, Lane, save_success
from .outbox import Job
from .probe import Gate

log = logging.getLogger(__name__)


class Outcomes:
    def __init__(self, host: Host, gate: Gate) -> None:
        self.host = host
        self.gate = gate

    async def record(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            await self.host.blocking(fn, *args)
        except Exception as exc:  # noqa: BLE001 - the lease expires, the job comes back
            log.warning("sync: could not record an outcome: %s", exc)

    async def done(
        self, lane: Lane, jobs: list[Job], sent: int = 0, duplicates: int = 0, skipped: int = 0
    ) -> None:
        if not jobs:
            return
        host = self.host
        await self.record(host.queue.done, jobs)
        lane.trial = False  # an answer: the provider is reachable
        if time.monotonic() - lane.success_saved_at > 1.0:  # for the tray after a restart
            lane.success_saved_at = time.monotonic()
            await self.record(save_success, host.db, lane.name, host.clock())
        for job in jobs:
            lane.held.pop(job.id, None)
        host.update(
            lane, sent=sent, duplicates=duplicates, skipped=skipped, last_success_at=host.clock()
        )

    async def give_back(self, lane: Lane, jobs: list[Job], error: SyncError | None) -> None:
        """Back to pending without counting the attempt (offline, not authorised, stopping)."""
        for job in jobs:
            await self.record(self.host.queue.release, job, error)
            lane.held.pop(job.id, None)

    async def postpone(self, lane: Lane, job: Job, delay_s: float) -> None:
        await self.record(self.host.queue.postpone, job, delay_s)
        lane.trial = False  # the provider answered "not ready yet"
        lane.held.pop(job.id, None)

    async def fail(self, lane: Lane, jobs: list[Job], error: SyncError) -> None:
        """A failed try: dead letter (permanent, or too old) or a retry after a backoff."""
        host = self.host
        dead = failed = 0
        now = host.clock()
        for job in jobs:
            if lane.policy.gives_up(error, job.created_at, now):
                await self.record(host.queue.dead, job, error)
                dead += 1
            else:
                delay = lane.policy.delay(job.attempts, error)
                if isinstance(error, NoProvider):
                    delay = max(delay, host.config.no_provider_wait_s)
                await self.record(host.queue.retry, job, error, delay)
                failed += 1
            lane.held.pop(job.id, None)
        log.info(
            "sync %s: %d job(s) failed (%s: %s)", lane.name, len(jobs), error.key, error.detail
        )
        host.update(
            lane, failed=failed, dead=dead, last_error_key=error.key, last_error_detail=error.detail
        )

    async def handle_error(
        self, lane: Lane, jobs: list[Job], error: SyncError, sent_in_epoch: int | None = None
    ) -> None:
        """``sent_in_epoch``: the lane's ``auth_epoch`` when the request went out."""
        if (
            isinstance(error, AuthFailed)
            and sent_in_epoch is not None
            and sent_in_epoch != lane.auth_epoch
        ):
            # Refused credentials that were replaced while the request was out: not a reason
            # to stop the lane (it stopped a freshly fixed lane for auth_retry_s); try again.
            await self.give_back(lane, jobs, error)
            return
        if isinstance(error, NetworkDown):  # costs no attempt: the probe decides when to go on
            # Offline first, then give back: a given-back job must not be claimed again at once.
            self.gate.go_offline(lane, error)
            await self.give_back(lane, jobs, error)
        elif isinstance(error, AuthFailed):
            # Stop the lane first, then give the jobs back. The other way round (as it once was)
            # the lane's idle poll could claim a given-back job while the rest were still being
            # released and send it with the refused token: a second 401, jobs left in flight.
            await self.gate.stop_for_auth(lane, error)
            await self.give_back(lane, jobs, error)
        else:
            lane.trial = False  # an answer (an error, but the network is there)
            await self.fail(lane, jobs, error)

    def give_back_all(self) -> None:
        """On stop (off the loop): whatever is still held goes back to pending at once."""
        for lane in self.host.lanes.values():
            for job in list(lane.held.values()):
                try:
                    self.host.queue.release(job)
                except Exception as exc:  # noqa: BLE001 - its lease expires: nothing is lost
                    log.warning("sync: job %s stays leased: %s", job.id, exc)
            lane.held.clear()
