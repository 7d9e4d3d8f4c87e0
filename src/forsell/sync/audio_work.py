"""The audio lane's work as the engine runs it: one recording job per slot, its outcome recorded.

What a recording job *does* (decrypt, route, submit, save) is ``audio_lane.AudioLane``; this
module only turns its answer or its error into an outbox outcome, so a bug in one recording
never kills the lane.
"""

from __future__ import annotations

import asyncio
import logging

from .errors import BadResponse, DiskFull, StoreNotRegistered, SyncError
from .lanes import BUSINESS, Host, Lane
from .outbox import Job
from .outcomes import Outcomes

log = logging.getLogger(__name__)


class AudioWork:
    def __init__(self, host: Host, outcomes: Outcomes) -> None:
        self.host = host
        self.outcomes = outcomes

    async def run(self, lane: Lane, jobs: list[Job]) -> None:
        host, outcomes = self.host, self.outcomes
        try:
            for job in jobs:
                epoch = lane.auth_epoch
                try:
                    outcome = await host.audio.handle(job, host.blocking)
                except StoreNotRegistered as exc:
                    await self._hold(lane, job, exc)
                    continue
                except SyncError as exc:
                    await outcomes.handle_error(lane, [job], exc, sent_in_epoch=epoch)
                    continue
                except OSError as exc:
                    await outcomes.fail(
                        lane,
                        [job],
                        DiskFull(str(exc))
                        if exc.errno == 28
                        else BadResponse(f"{type(exc).__name__}: {exc}"),
                    )
                    continue
                except Exception as exc:  # a bug must not kill the lane: the job waits
                    log.exception("sync audio job %s", job.id)
                    await outcomes.fail(lane, [job], BadResponse(type(exc).__name__))
                    continue
                if outcome == "pending":  # the provider is still transcribing: poll later
                    await outcomes.postpone(
                        lane, job, min(host.config.poll_max_s, 2.0 * job.attempts)
                    )
                    continue
                if lane.status.last_error_key == StoreNotRegistered.key:
                    host.update(lane, last_error_key=None, last_error_detail=None)
                skipped = outcome == "skipped"
                await outcomes.done(lane, [job], sent=int(not skipped), skipped=int(skipped))
                # A transcript event now waits in the business lane. Not woken at once: its idle
                # poll picks up a whole batch of them instead of one request per recording.
                host.lanes[BUSINESS].idle = False
        except asyncio.CancelledError:
            await outcomes.give_back(
                lane, [lane.held[j.id] for j in jobs if j.id in lane.held], None
            )
            raise

    async def _hold(self, lane: Lane, job: Job, error: StoreNotRegistered) -> None:
        """Back to the queue without counting an attempt (a week of waiting for the operator
        must not make it a dead letter), with the reason the admin's sync screen shows."""
        await self.outcomes.record(
            self.host.queue.release, job, error, self.host.config.unregistered_wait_s
        )
        lane.held.pop(job.id, None)
        self.host.update(lane, last_error_key=error.key, last_error_detail=error.detail)
