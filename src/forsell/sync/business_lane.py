"""The business lane's work: a claimed batch of outbox jobs → events → ``POST /v1/events:batch``.

Transcript events get their body at send time (redacted, built from the sealed transcript), so
no transcript text sits in clear in the outbox. An event over the per-event cap, or one the
backend refuses, is a dead letter; a whole request refused (413/422) is halved until the bad
event is found, so one bad event never holds back the others.
"""

from __future__ import annotations

import asyncio

from .backend import ACCEPTED, DUPLICATE, LATER, Event, batches
from .errors import (
    AUDIT_GAP_PATIENCE_S,
    AuditChainRefused,
    AuditGap,
    AuthFailed,
    BadResponse,
    DiskFull,
    NetworkDown,
    Rejected,
    SyncError,
)
from .lanes import Host, Lane
from .outbox import Job
from .outcomes import Outcomes


class BusinessWork:
    def __init__(self, host: Host, outcomes: Outcomes) -> None:
        self.host = host
        self.outcomes = outcomes

    def events(
        self, jobs: list[Job]
    ) -> tuple[list[tuple[Job, Event]], list[tuple[Job, SyncError]]]:
        """Builds the events (blocking: transcript bodies are read and redacted here); refuses
        the ones that cannot go."""
        audio = self.host.audio
        ok: list[tuple[Job, Event]] = []
        refused: list[tuple[Job, SyncError]] = []
        for job in jobs:
            payload = job.payload
            if job.kind == "transcript":
                if audio is None:
                    refused.append((job, Rejected("transcripts_unavailable")))
                    continue
                try:
                    payload = audio.transcript_body(job.payload["recording_id"])
                except SyncError as exc:
                    refused.append((job, exc))
                    continue
            event = Event(job.id, job.kind, job.entity_id, job.created_at.isoformat(), payload)
            if event.size > self.host.config.max_event_bytes:
                refused.append((job, Rejected("too_large", f"event of {event.size} bytes")))
            else:
                ok.append((job, event))
        return ok, refused

    async def run(self, lane: Lane, jobs: list[Job]) -> None:
        outcomes = self.outcomes
        try:
            try:
                ok, refused = await self.host.blocking(self.events, jobs)
            except OSError as exc:
                await outcomes.fail(
                    lane, jobs, DiskFull(str(exc)) if exc.errno == 28 else BadResponse(str(exc))
                )
                return
            for job, error in refused:
                await outcomes.fail(lane, [job], error)
            by_id = {event.id: job for job, event in ok}
            cfg = self.host.config
            for batch in batches([e for _, e in ok], cfg.max_events, cfg.max_batch_bytes):
                if not await self.send(lane, batch, by_id):
                    left = [job for job, _ in ok if job.id in lane.held]
                    await outcomes.give_back(lane, left, None)
                    return
        except asyncio.CancelledError:
            await outcomes.give_back(
                lane, [lane.held[j.id] for j in jobs if j.id in lane.held], None
            )
            raise

    async def send(self, lane: Lane, batch: list[Event], by_id: dict[str, Job]) -> bool:
        """One request; False when the lane must stop sending (offline, auth)."""
        outcomes = self.outcomes
        jobs = [by_id[e.id] for e in batch]
        epoch = lane.auth_epoch
        try:
            results = await self.host.backend.send_events(self.host.device.device_id, batch)
        except Rejected as exc:  # the whole request refused: find the bad one by halving
            if len(batch) == 1:
                await outcomes.fail(lane, jobs, exc)
                return True
            half = len(batch) // 2
            return await self.send(lane, batch[:half], by_id) and await self.send(
                lane, batch[half:], by_id
            )
        except (NetworkDown, AuthFailed) as exc:
            await outcomes.handle_error(lane, jobs, exc, sent_in_epoch=epoch)
            return False
        except SyncError as exc:
            await outcomes.fail(lane, jobs, exc)
            return True
        done = [by_id[r.id] for r in results if r.status in (ACCEPTED, DUPLICATE)]
        duplicates = sum(r.status == DUPLICATE for r in results)
        await outcomes.done(lane, done, sent=len(done) - duplicates, duplicates=duplicates)
        for result in results:
            if result.status not in (ACCEPTED, DUPLICATE):
                job = by_id[result.id]
                await outcomes.fail(lane, [job], self.refusal(job, result.status, result.reason))
        return True

    def refusal(self, job: Job, status: str, reason: str | None) -> SyncError:
        """The error a refused event stands for: an audit entry the backend wants later is
        retried (for a day), one that does not continue its chain is refused for good."""
        reason = reason or status
        if status == LATER:
            waited = (self.host.clock() - job.created_at).total_seconds()
            if waited < AUDIT_GAP_PATIENCE_S:
                return AuditGap(reason)
            return AuditChainRefused("audit_gap", f"{reason} (for {waited / 3600:.0f} h)")
        if reason.startswith("audit_chain_broken"):
            return AuditChainRefused("audit_chain_broken", reason)
        return Rejected(reason)
