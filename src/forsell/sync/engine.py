"""The sync engine: one background thread, one asyncio loop, two lanes that never wait for each
other.

Each lane (``business`` → our backend, ``audio`` → transcription providers) is its own task with
its own semaphore (bounded concurrency per destination), its own offline/auth state and its own
work tasks, so a stuck audio upload never delays a sale's event. The HTTP pool is large enough
for both lanes' semaphores together, so one lane cannot take the other's connections.

This module is the thread, the loop, the lanes' claim loop, lifecycle and status. When a lane may
send is ``probe.py``; what a try's outcome does to a job is ``outcomes.py``; the lanes' work is
``business_lane.py`` and ``audio_work.py``; shared types are ``lanes.py``.

Blocking calls (SQLite, decryption, the secret store) run on the engine's executor through
``blocking`` (a SQLite busy wait must not stall the loop) and each is one short transaction: no
transaction stays open across network I/O. Work tasks are kept in sets (strong references: the
loop only keeps weak ones). Stopping gives in-flight jobs back at once; a crash leaves them
leased, and an expired lease makes them due again.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from typing import Any

import httpx

from forsell.store.db import Database
from forsell.store.models import utcnow

from .audio_work import AudioWork
from .backend import BackendClient, Device
from .business_lane import BusinessWork
from .errors import Retryable
from .lanes import (
    AUDIO,
    AUTH_FAILED,
    BUSINESS,
    NOT_CONFIGURED,
    OFFLINE,
    ONLINE,
    PAUSED,
    AudioHandler,
    EngineConfig,
    EngineStatus,
    Lane,
    LaneStatus,
    TokenStore,
    last_success,
)
from .new_jobs import watch_new_jobs
from .outbox import OutboxQueue
from .outcomes import Outcomes
from .probe import Gate
from .pull_lane import ApplyPage, PullLane, RoundStep

log = logging.getLogger(__name__)


class SyncEngine:
    def __init__(
        self,
        db: Database,
        *,
        backend_url: str,
        device: Device,
        tokens: TokenStore,
        audio: AudioHandler | None = None,
        config: EngineConfig | None = None,
        clock: Callable[[], datetime] = utcnow,
        transport: httpx.AsyncBaseTransport | None = None,
        on_status: Callable[[EngineStatus], None] | None = None,
        pull: ApplyPage | None = None,
        round_steps: tuple[RoundStep, ...] = (),
    ) -> None:
        self.db = db
        self.queue = OutboxQueue(db, clock)
        self.backend_url = backend_url
        self.device = device
        self.tokens = tokens
        self.audio = audio
        self.config = config or EngineConfig()
        self.clock = clock
        self.transport = transport
        self.on_status = on_status
        self.lanes = {
            BUSINESS: Lane(
                BUSINESS, self.config.business, self.config.backend_concurrency, bool(backend_url)
            ),
            AUDIO: Lane(AUDIO, self.config.audio, self.config.audio_concurrency, audio is not None),
        }
        self.gate = Gate(self)
        self.outcomes = Outcomes(self, self.gate)
        self._work = {
            BUSINESS: BusinessWork(self, self.outcomes).run,
            AUDIO: AudioWork(self, self.outcomes).run,
        }
        # Backend pulls: only with a backend and someone (services) to apply the pages.
        # ``round_steps`` run after each pull round (the store's registration).
        self.pull = (
            PullLane(self, self.gate, pull, steps=round_steps)
            if pull is not None and backend_url
            else None
        )
        self._lock = threading.Lock()
        self._paused = False
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._status_pending = False
        self.backend: BackendClient | None = None

    # --- control, from any thread ---------------------------------------------------------------

    def start(self) -> None:
        if self._thread and self._thread.is_alive():
            return
        ready = threading.Event()
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._main(None, ready)), name="sync-engine", daemon=True
        )
        self._thread.start()
        ready.wait(10)

    def stop(self, timeout: float = 15.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._request_stop)
            except RuntimeError:  # the loop closed meanwhile
                pass
        if thread is not None:
            thread.join(timeout)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stopping(self) -> bool:
        return self._stopping is not None and self._stopping.is_set()

    def sync_now(self) -> None:
        """Try everything now: wakes idle lanes, probes at once, retries a failed auth once,
        pulls at once."""
        self._call(self._kick)

    def _kick(self) -> None:
        self.gate.kick()
        if self.pull is not None:
            self.pull.kick()

    def pause(self) -> None:
        self._paused = True
        self._call(self.changed)

    def resume(self) -> None:
        self._paused = False
        self._call(self.gate.kick)

    def status(self) -> EngineStatus:
        with self._lock:
            lanes = {
                name: replace(lane.status, state=self._state_of(lane), in_flight=len(lane.held))
                for name, lane in self.lanes.items()
            }
            pull = self.pull.status if self.pull is not None else None
        return EngineStatus(self.running, self._paused, lanes[BUSINESS], lanes[AUDIO], pull)

    def run_once(self, timeout: float) -> EngineStatus:
        """Drains both lanes in the calling thread until nothing due is left or ``timeout``."""
        asyncio.run(self._main(time.monotonic() + timeout, None))
        return self.status()

    def _call(self, fn: Callable[[], None]) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(fn)
            except RuntimeError:
                pass

    # --- the loop ---------------------------------------------------------------------------------

    def _state_of(self, lane: Lane) -> str:
        if not lane.configured:
            return NOT_CONFIGURED
        if self._paused:
            return PAUSED
        if lane.auth_stopped:
            return AUTH_FAILED
        if lane.offline_until is not None or lane.trial:
            return OFFLINE
        return ONLINE

    async def _main(self, deadline: float | None, ready: threading.Event | None) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        cfg = self.config
        # ONE thread for every blocking call. SQLite lets one writer in at a time and a writer that
        # finds the lock taken sleeps in its busy handler (1, 2, 5 … 100 ms steps), so threads of
        # one process racing for it lose far more than they win (measured: 4 threads cost a third
        # of the drain rate; 10 cost more). In one thread they queue for microseconds instead.
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="sync-db")
        for lane in self.lanes.values():
            lane.sem = asyncio.Semaphore(lane.concurrency)
            lane.wake = asyncio.Event()
        if ready is not None:
            ready.set()
        pool = cfg.backend_concurrency + cfg.audio_concurrency + 2
        limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
        lane_tasks: set[asyncio.Task] = set()
        unwatch = watch_new_jobs(self.db, self._jobs_committed)
        try:
            await self.blocking(self.queue.release_expired)
            async with httpx.AsyncClient(
                timeout=cfg.timeout, limits=limits, transport=self.transport
            ) as client:
                self.backend = BackendClient(client, self.backend_url, self.tokens.get)
                if self.audio is not None:
                    self.audio.bind(client)
                for lane in self.lanes.values():
                    if lane.configured:
                        lane_tasks.add(
                            asyncio.create_task(self._run_lane(lane), name=f"sync-{lane.name}")
                        )
                if self.pull is not None:  # run_once pulls one round
                    lane_tasks.add(
                        asyncio.create_task(
                            self.pull.run(once=deadline is not None), name="sync-pull"
                        )
                    )
                self.changed()
                if deadline is None:
                    await self._stopping.wait()
                else:
                    await self._drain(deadline)
                self._request_stop()
                for task in list(lane_tasks):
                    task.cancel()
                await asyncio.gather(*lane_tasks, return_exceptions=True)
                work = [t for lane in self.lanes.values() for t in lane.tasks]
                for task in work:
                    task.cancel()
                await asyncio.gather(*work, return_exceptions=True)
        finally:
            unwatch()
            # First let a claim still running on the executor finish (it registers its jobs in
            # lane.held even when its lane task was cancelled meanwhile), then give back all.
            self._executor.shutdown(wait=True)
            self.outcomes.give_back_all()
            self._loop = None

    async def _drain(self, deadline: float) -> None:
        """run_once: until the pull round is over and every configured lane is idle with
        nothing due before the deadline (a pull's audit rows are sent in the same run)."""
        while time.monotonic() < deadline:
            if (self.pull is None or self.pull.finished) and all(
                self._lane_finished(lane, deadline) for lane in self.lanes.values()
            ):
                # one more look: work that just finished may have queued follow-ups
                await asyncio.sleep(0.05)
                if all(self._lane_finished(lane, deadline) for lane in self.lanes.values()):
                    return
            await asyncio.sleep(0.05)

    def _lane_finished(self, lane: Lane, deadline: float) -> bool:
        if not lane.configured or self._state_of(lane) == AUTH_FAILED:
            return not lane.tasks
        if lane.tasks or not lane.idle:
            return False
        if lane.next_due is None:
            return True
        wait = (lane.next_due - self.clock()).total_seconds()
        return time.monotonic() + wait > deadline

    def _jobs_committed(self, lanes: frozenset[str]) -> None:
        """From the committing thread: new outbox jobs for ``lanes`` are in the database."""
        self._call(lambda: self._wake_idle(lanes))

    def _wake_idle(self, lanes: frozenset[str]) -> None:
        # Only a lane asleep in its idle poll: one that is offline, paused or refused keeps its
        # own wait (a sale must not turn into a probe or a secret-store read).
        for name in lanes:
            lane = self.lanes.get(name)
            if lane is not None and lane.idle and lane.wake is not None:
                lane.wake.set()

    def _request_stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
        for lane in self.lanes.values():
            if lane.wake is not None:
                lane.wake.set()

    async def blocking(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def wait(self, lane: Lane, timeout: float | None) -> None:
        try:
            await asyncio.wait_for(lane.wake.wait(), timeout)
        except TimeoutError:
            pass
        lane.wake.clear()

    def changed(self) -> None:
        """Status changed: tell on_status, at most every 100 ms, off the loop (it reads the DB)."""
        if self.on_status is None or self._status_pending or self._loop is None:
            return
        self._status_pending = True

        def emit() -> None:
            self._status_pending = False
            try:
                self.on_status(self.status())
            except Exception:  # a broken listener must not stop the sync
                log.exception("sync status listener failed")

        self._loop.call_later(
            0.1,
            lambda: (
                self._loop.run_in_executor(self._executor, emit) if self._loop is not None else None
            ),
        )

    def update(self, lane: Lane, **changes: Any) -> None:
        with self._lock:
            status = lane.status
            for name in ("sent", "duplicates", "skipped", "failed", "dead"):
                if name in changes:
                    changes[name] += getattr(status, name)
            lane.status = replace(status, **changes)
        self.changed()

    # --- a lane: claim for free slots, start work tasks -----------------------------------------

    def _must_hold(self, lane: Lane) -> bool:
        return self._paused or self.stopping or lane.held_back

    def _claim_held(self, lane: Lane, *args: Any) -> list:
        """On the executor: claims and puts the jobs in ``lane.held`` at once. A stop that cancels
        the lane task while the claim waits for SQLite would otherwise lose them to their lease."""
        jobs = self.queue.claim(lane.name, *args)
        with self._lock:
            lane.held.update((job.id, job) for job in jobs)
        return jobs

    async def _claim(self, lane: Lane, slots: int) -> list:
        cfg = self.config
        if self._must_hold(lane):
            return []
        if lane.name == BUSINESS:  # one batch per slot
            jobs = await self.blocking(
                self._claim_held, lane, cfg.max_events, cfg.lease_s, cfg.max_batch_bytes
            )
        else:  # one recording per slot
            jobs = await self.blocking(self._claim_held, lane, slots, cfg.lease_s)
        if jobs and self._must_hold(lane):
            # The lane went offline, lost its auth or was paused while the claim ran (another
            # task's failure): these jobs must not go out, they go back untouched.
            await self.outcomes.give_back(lane, jobs, None)
            return []
        return jobs

    async def _run_lane(self, lane: Lane) -> None:
        cfg = self.config
        busy = False  # the last claim found work: claim again without the idle check first
        while await self.gate.open(lane):
            slots = 0
            try:
                if lane.name == BUSINESS and not await self.gate.ensure_token(lane):
                    continue
                if not busy and not await self.blocking(self.queue.has_due, lane.name):
                    lane.next_due = await self.blocking(self.queue.next_due_at, lane.name)
                    lane.idle = True
                    if lane.trial and lane.next_due is None:  # nothing left to find out with
                        lane.trial = False
                        self.changed()
                    await self.wait(lane, cfg.idle_poll_s)
                    continue
                lane.idle = False
                await lane.sem.acquire()
                slots = 1
                if lane.name == AUDIO:  # one recording per slot: claim for all free slots at once
                    while not lane.sem.locked():
                        await lane.sem.acquire()
                        slots += 1
                jobs = await self._claim(lane, slots)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - a database hiccup: log, breathe, go on
                log.warning("sync %s lane: %s", lane.name, exc)
                for _ in range(slots):
                    lane.sem.release()
                busy = False
                await self.wait(lane, cfg.idle_poll_s)
                continue
            busy = bool(jobs)
            groups = [jobs] if lane.name == BUSINESS and jobs else [[job] for job in jobs]
            for _ in range(slots - len(groups)):
                lane.sem.release()
            for group in groups:  # their jobs are in lane.held since the claim
                task = asyncio.create_task(self._work[lane.name](lane, group))
                lane.tasks.add(task)
                task.add_done_callback(lambda t, lane=lane: self._work_done(lane, t))
            if groups:
                self.changed()

    def _work_done(self, lane: Lane, task: asyncio.Task) -> None:
        lane.tasks.discard(task)
        lane.sem.release()
        if not task.cancelled() and task.exception() is not None:
            log.error("sync %s work failed", lane.name, exc_info=task.exception())
        lane.wake.set()
        self.changed()


__all__ = [
    "AUDIO",
    "BUSINESS",
    "AudioHandler",
    "EngineConfig",
    "EngineStatus",
    "LaneStatus",
    "Retryable",
    "SyncEngine",
    "TokenStore",
    "last_success",
]
