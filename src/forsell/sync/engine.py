"""The sync engine: one background thread, one asyncio loop, two lanes that never wait for each other.

Each lane (``business`` → our backend, ``audio`` → transcription providers) is its own task with
its own semaphore (bounded concurrency per destination), its own offline/auth state and its own
work tasks, so a stuck audio upload never delays a sale's event. The HTTP pool is large enough
for both lanes' semaphores together, so one lane cannot take the other's connections.

Database calls run on a small executor (a SQLite busy wait must not stall the loop) and each is
one short transaction: no transaction stays open across network I/O. Work tasks are kept in sets
(strong references: the loop only keeps weak ones). Stopping gives in-flight jobs back at once;
a crash leaves them leased, and an expired lease makes them due again.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

import httpx

from forsell.store.db import Database
from forsell.store.models import SyncState, utcnow

from . import backoff
from .backend import (
    ACCEPTED,
    DUPLICATE,
    MAX_BATCH_BYTES,
    MAX_EVENT_BYTES,
    MAX_EVENTS,
    BackendClient,
    Device,
    Event,
    batches,
)
from .errors import (
    AuthFailed,
    BadResponse,
    DiskFull,
    NetworkDown,
    NoProvider,
    Rejected,
    Retryable,
    SyncError,
)
from .outbox import Job, OutboxQueue

log = logging.getLogger(__name__)
BUSINESS, AUDIO = "business", "audio"
ONLINE, OFFLINE, PAUSED, AUTH_FAILED, NOT_CONFIGURED, STOPPED = (
    "online", "offline", "paused", "auth_failed", "not_configured", "stopped")


class TokenStore(Protocol):
    """Where the device token lives (the OS secret store, "backend-token")."""

    def get(self) -> str | None: ...
    def set(self, token: str) -> None: ...


Blocking = Callable[..., Awaitable[Any]]


class AudioHandler(Protocol):
    """The audio lane's work (sync/audio_lane.py): one recording job at a time."""

    def bind(self, client: httpx.AsyncClient) -> None: ...
    async def handle(self, job: Job, blocking: Blocking) -> str: ...  # sent | skipped | pending
    def transcript_body(self, recording_id: str) -> dict: ...  # blocking; redacted


@dataclass(frozen=True)
class EngineConfig:
    backend_concurrency: int = 2
    audio_concurrency: int = 4
    lease_s: float = 300.0
    idle_poll_s: float = 1.0  # how soon a new outbox row is noticed when idle
    probe_min_s: float = 5.0
    probe_max_s: float = 30.0
    auth_retry_s: float = 300.0  # audio keys: try again this often (admin may have fixed them)
    no_provider_wait_s: float = 600.0
    poll_max_s: float = 30.0  # asynchronous providers: the longest wait between polls
    timeout: httpx.Timeout = field(default_factory=lambda: httpx.Timeout(
        connect=5.0, read=60.0, write=60.0, pool=30.0))
    business: backoff.RetryPolicy = backoff.BUSINESS
    audio: backoff.RetryPolicy = backoff.AUDIO
    max_events: int = MAX_EVENTS
    max_batch_bytes: int = MAX_BATCH_BYTES
    max_event_bytes: int = MAX_EVENT_BYTES


@dataclass(frozen=True)
class LaneStatus:
    lane: str
    state: str
    sent: int = 0  # since start / in this run
    duplicates: int = 0
    skipped: int = 0  # recordings without speech, not uploaded
    failed: int = 0
    dead: int = 0
    in_flight: int = 0
    last_success_at: datetime | None = None
    last_error_key: str | None = None
    last_error_detail: str | None = None


@dataclass(frozen=True)
class EngineStatus:
    running: bool
    paused: bool
    business: LaneStatus
    audio: LaneStatus


@dataclass(eq=False)
class _Lane:
    name: str
    policy: backoff.RetryPolicy
    concurrency: int
    configured: bool
    status: LaneStatus = None  # type: ignore[assignment]
    sem: asyncio.Semaphore | None = None
    wake: asyncio.Event | None = None
    tasks: set = field(default_factory=set)
    held: dict = field(default_factory=dict)  # job id → Job, for giving back on stop
    offline_until: float | None = None
    probe_delay: float = 0.0
    failed_token: str | None = None
    auth_retry_at: float = 0.0
    idle: bool = False
    next_due: datetime | None = None
    success_saved_at: float = -1e9

    def __post_init__(self) -> None:
        self.status = LaneStatus(self.name, ONLINE if self.configured else NOT_CONFIGURED)


class SyncEngine:
    def __init__(self, db: Database, *, backend_url: str, device: Device, tokens: TokenStore,
                 audio: AudioHandler | None = None, config: EngineConfig | None = None,
                 clock: Callable[[], datetime] = utcnow,
                 transport: httpx.AsyncBaseTransport | None = None,
                 on_status: Callable[[EngineStatus], None] | None = None) -> None:
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
        self._lanes = {
            BUSINESS: _Lane(BUSINESS, self.config.business, self.config.backend_concurrency,
                            bool(backend_url)),
            AUDIO: _Lane(AUDIO, self.config.audio, self.config.audio_concurrency,
                         audio is not None),
        }
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
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main(None, ready)),
                                        name="sync-engine", daemon=True)
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

    def sync_now(self) -> None:
        """Try everything now: wakes idle lanes, probes at once, retries a failed auth once."""
        self._call(self._kick)

    def pause(self) -> None:
        self._paused = True
        self._call(self._changed)

    def resume(self) -> None:
        self._paused = False
        self._call(self._kick)

    def status(self) -> EngineStatus:
        with self._lock:
            lanes = {name: replace(lane.status, state=self._state_of(lane), in_flight=len(lane.held))
                     for name, lane in self._lanes.items()}
        return EngineStatus(self.running, self._paused, lanes[BUSINESS], lanes[AUDIO])

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

    def _state_of(self, lane: _Lane) -> str:
        if not lane.configured:
            return NOT_CONFIGURED
        if self._paused:
            return PAUSED
        if lane.failed_token is not None or lane.auth_retry_at:
            return AUTH_FAILED
        if lane.offline_until is not None:
            return OFFLINE
        return ONLINE

    async def _main(self, deadline: float | None, ready: threading.Event | None) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        self._executor = ThreadPoolExecutor(4, thread_name_prefix="sync-db")
        for lane in self._lanes.values():
            lane.sem = asyncio.Semaphore(lane.concurrency)
            lane.wake = asyncio.Event()
        if ready is not None:
            ready.set()
        cfg = self.config
        limits = httpx.Limits(max_connections=cfg.backend_concurrency + cfg.audio_concurrency + 2,
                              max_keepalive_connections=cfg.backend_concurrency
                              + cfg.audio_concurrency + 2)
        lane_tasks: set[asyncio.Task] = set()
        try:
            await self._blocking(self.queue.release_expired)
            async with httpx.AsyncClient(timeout=cfg.timeout, limits=limits,
                                         transport=self.transport) as client:
                self.backend = BackendClient(client, self.backend_url, self.tokens.get)
                if self.audio is not None:
                    self.audio.bind(client)
                for lane in self._lanes.values():
                    if lane.configured:
                        lane_tasks.add(asyncio.create_task(self._run_lane(lane),
                                                           name=f"sync-{lane.name}"))
                self._changed()
                if deadline is None:
                    await self._stopping.wait()
                else:
                    await self._drain(deadline)
                self._request_stop()
                for task in list(lane_tasks):
                    task.cancel()
                await asyncio.gather(*lane_tasks, return_exceptions=True)
                work = [t for lane in self._lanes.values() for t in lane.tasks]
                for task in work:
                    task.cancel()
                await asyncio.gather(*work, return_exceptions=True)
        finally:
            self._give_back_all()
            self._executor.shutdown(wait=True)
            self._loop = None

    async def _drain(self, deadline: float) -> None:
        """run_once: until every configured lane is idle with nothing due before the deadline."""
        while time.monotonic() < deadline:
            if all(self._lane_finished(lane, deadline) for lane in self._lanes.values()):
                # one more look: work that just finished may have queued follow-ups
                await asyncio.sleep(0.05)
                if all(self._lane_finished(lane, deadline) for lane in self._lanes.values()):
                    return
            await asyncio.sleep(0.05)

    def _lane_finished(self, lane: _Lane, deadline: float) -> bool:
        if not lane.configured or self._state_of(lane) == AUTH_FAILED:
            return not lane.tasks
        if lane.tasks or not lane.idle:
            return False
        if lane.next_due is None:
            return True
        wait = (lane.next_due - self.clock()).total_seconds()
        return time.monotonic() + wait > deadline

    def _request_stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
        for lane in self._lanes.values():
            if lane.wake is not None:
                lane.wake.set()

    def _kick(self) -> None:
        now = time.monotonic()
        for lane in self._lanes.values():
            if lane.offline_until is not None:
                lane.offline_until = now
            lane.failed_token = None
            lane.auth_retry_at = 0.0
            lane.idle = False
            if lane.wake is not None:
                lane.wake.set()
        self._changed()

    async def _blocking(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def _wait(self, lane: _Lane, timeout: float | None) -> None:
        try:
            await asyncio.wait_for(lane.wake.wait(), timeout)
        except TimeoutError:
            pass
        lane.wake.clear()

    def _changed(self) -> None:
        """Status changed: tell on_status, at most every 100 ms, off the loop (it may read the DB)."""
        if self.on_status is None or self._status_pending or self._loop is None:
            return
        self._status_pending = True

        def emit() -> None:
            self._status_pending = False
            try:
                self.on_status(self.status())
            except Exception:  # a broken listener must not stop the sync
                log.exception("sync status listener failed")

        self._loop.call_later(0.1, lambda: self._loop.run_in_executor(self._executor, emit)
                              if self._loop is not None else None)

    def _update(self, lane: _Lane, **changes: Any) -> None:
        with self._lock:
            status = lane.status
            for name in ("sent", "duplicates", "skipped", "failed", "dead"):
                if name in changes:
                    changes[name] += getattr(status, name)
            lane.status = replace(status, **changes)
        self._changed()

    # --- a lane -----------------------------------------------------------------------------------

    async def _gate(self, lane: _Lane) -> bool:
        """Waits while the lane may not send (paused, offline, not authorised); False = stop."""
        while not self._stopping.is_set():
            if self._paused:
                await self._wait(lane, None)
                continue
            if lane.failed_token is not None:  # the backend refused this token: wait for a new one
                current = await self._blocking(self.tokens.get) or ""
                if current != lane.failed_token:
                    lane.failed_token = None
                    self._changed()
                    continue
                await self._wait(lane, self.config.probe_max_s)
                continue
            if lane.auth_retry_at:
                if time.monotonic() < lane.auth_retry_at:
                    await self._wait(lane, lane.auth_retry_at - time.monotonic())
                    continue
                lane.auth_retry_at = 0.0
            if lane.offline_until is not None:
                left = lane.offline_until - time.monotonic()
                if left > 0:
                    await self._wait(lane, left)
                    continue
                if await self._probe(lane):
                    lane.offline_until = None
                    lane.probe_delay = 0.0
                    self._changed()
                    continue
                self._go_offline(lane)
                continue
            return True
        return False

    async def _probe(self, lane: _Lane) -> bool:
        if lane.name == BUSINESS:
            return await self.backend.health()
        return True  # providers: the next job is the probe (its failure costs no attempt)

    def _go_offline(self, lane: _Lane, error: SyncError | None = None) -> None:
        cfg = self.config
        lane.probe_delay = min(cfg.probe_max_s, max(cfg.probe_min_s, lane.probe_delay * 2))
        # jitter within [delay/2, delay]: spread, but never quicker than half the floor
        lane.offline_until = time.monotonic() + random.uniform(lane.probe_delay / 2,
                                                               lane.probe_delay)
        if error is not None:
            self._update(lane, last_error_key=error.key, last_error_detail=error.detail)

    async def _ensure_token(self, lane: _Lane) -> bool:
        if await self._blocking(self.tokens.get):
            return True
        try:
            token = await self.backend.register(self.device)
        except NetworkDown as exc:
            self._go_offline(lane, exc)
            return False
        except AuthFailed as exc:
            lane.failed_token = ""
            self._update(lane, last_error_key=exc.key, last_error_detail=exc.detail)
            return False
        except SyncError as exc:
            self._update(lane, last_error_key=exc.key, last_error_detail=exc.detail)
            await self._wait(lane, self.config.probe_min_s)
            return False
        await self._blocking(self.tokens.set, token)
        log.info("device registered with the backend")
        return True

    async def _run_lane(self, lane: _Lane) -> None:
        cfg = self.config
        busy = False  # the last claim found work: claim again without the idle check first
        while await self._gate(lane):
            slots = 0
            try:
                if lane.name == BUSINESS and not await self._ensure_token(lane):
                    continue
                if not busy and not await self._blocking(self.queue.has_due, lane.name):
                    lane.next_due = await self._blocking(self.queue.next_due_at, lane.name)
                    lane.idle = True
                    await self._wait(lane, cfg.idle_poll_s)
                    continue
                lane.idle = False
                await lane.sem.acquire()
                slots = 1
                if lane.name == AUDIO:  # one recording per slot: claim for all free slots at once
                    while not lane.sem.locked():
                        await lane.sem.acquire()
                        slots += 1
                if self._paused or self._stopping.is_set() or lane.offline_until is not None:
                    jobs = []
                elif lane.name == BUSINESS:  # one batch per slot
                    jobs = await self._blocking(self.queue.claim, lane.name, cfg.max_events,
                                                cfg.lease_s, cfg.max_batch_bytes)
                else:
                    jobs = await self._blocking(self.queue.claim, lane.name, slots, cfg.lease_s)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - a database hiccup: log, breathe, go on
                log.warning("sync %s lane: %s", lane.name, exc)
                for _ in range(slots):
                    lane.sem.release()
                busy = False
                await self._wait(lane, cfg.idle_poll_s)
                continue
            busy = bool(jobs)
            groups = [jobs] if lane.name == BUSINESS and jobs else [[job] for job in jobs]
            for _ in range(slots - len(groups)):
                lane.sem.release()
            work = self._business_work if lane.name == BUSINESS else self._audio_work
            for group in groups:
                for job in group:
                    lane.held[job.id] = job
                task = asyncio.create_task(work(lane, group))
                lane.tasks.add(task)
                task.add_done_callback(lambda t, lane=lane: self._work_done(lane, t))
            if groups:
                self._changed()

    def _work_done(self, lane: _Lane, task: asyncio.Task) -> None:
        lane.tasks.discard(task)
        lane.sem.release()
        if not task.cancelled() and task.exception() is not None:
            log.error("sync %s work failed", lane.name, exc_info=task.exception())
        lane.wake.set()
        self._changed()

    # --- outcomes -----------------------------------------------------------------------------

    async def _outcome(self, fn: Callable[..., Any], *args: Any) -> None:
        try:
            await self._blocking(fn, *args)
        except Exception as exc:  # noqa: BLE001 - the lease expires, the job comes back
            log.warning("sync: could not record an outcome: %s", exc)

    async def _done(self, lane: _Lane, jobs: list[Job], sent: int = 0, duplicates: int = 0,
                    skipped: int = 0) -> None:
        if not jobs:
            return
        await self._outcome(self.queue.done, jobs)
        if time.monotonic() - lane.success_saved_at > 1.0:  # for the tray after a restart
            lane.success_saved_at = time.monotonic()
            await self._outcome(_save_success, self.db, lane.name, self.clock())
        for job in jobs:
            lane.held.pop(job.id, None)
        self._update(lane, sent=sent, duplicates=duplicates, skipped=skipped,
                     last_success_at=self.clock())

    async def _give_back(self, lane: _Lane, jobs: list[Job], error: SyncError | None) -> None:
        for job in jobs:
            await self._outcome(self.queue.release, job, error)
            lane.held.pop(job.id, None)

    async def _fail(self, lane: _Lane, jobs: list[Job], error: SyncError) -> None:
        """A failed try: dead letter (permanent, or too old) or a retry after a backoff."""
        dead = failed = 0
        now = self.clock()
        for job in jobs:
            if lane.policy.gives_up(error, job.created_at, now):
                await self._outcome(self.queue.dead, job, error)
                dead += 1
            else:
                delay = lane.policy.delay(job.attempts, error)
                if isinstance(error, NoProvider):
                    delay = max(delay, self.config.no_provider_wait_s)
                await self._outcome(self.queue.retry, job, error, delay)
                failed += 1
            lane.held.pop(job.id, None)
        log.info("sync %s: %d job(s) failed (%s: %s)", lane.name, len(jobs), error.key, error.detail)
        self._update(lane, failed=failed, dead=dead, last_error_key=error.key,
                     last_error_detail=error.detail)

    async def _handle_error(self, lane: _Lane, jobs: list[Job], error: SyncError) -> None:
        if isinstance(error, NetworkDown):  # costs no attempt: the probe decides when to go on
            await self._give_back(lane, jobs, error)
            self._go_offline(lane, error)
        elif isinstance(error, AuthFailed):
            await self._give_back(lane, jobs, error)
            if lane.name == BUSINESS:
                lane.failed_token = await self._blocking(self.tokens.get) or ""
            else:
                lane.auth_retry_at = time.monotonic() + self.config.auth_retry_s
            self._update(lane, last_error_key=error.key, last_error_detail=error.detail)
        else:
            await self._fail(lane, jobs, error)

    # --- business lane ----------------------------------------------------------------------

    def _events(self, jobs: list[Job]) -> tuple[list[tuple[Job, Event]], list[tuple[Job, SyncError]]]:
        """Builds the events (transcript bodies at send time); refuses the ones that cannot go."""
        ok: list[tuple[Job, Event]] = []
        refused: list[tuple[Job, SyncError]] = []
        for job in jobs:
            payload = job.payload
            if job.kind == "transcript":
                if self.audio is None:
                    refused.append((job, Rejected("transcripts_unavailable")))
                    continue
                try:
                    payload = self.audio.transcript_body(job.payload["recording_id"])
                except SyncError as exc:
                    refused.append((job, exc))
                    continue
            event = Event(job.id, job.kind, job.entity_id, job.created_at.isoformat(), payload)
            if event.size > self.config.max_event_bytes:
                refused.append((job, Rejected("too_large", f"event of {event.size} bytes")))
            else:
                ok.append((job, event))
        return ok, refused

    async def _business_work(self, lane: _Lane, jobs: list[Job]) -> None:
        try:
            try:
                ok, refused = await self._blocking(self._events, jobs)
            except OSError as exc:
                await self._fail(lane, jobs, DiskFull(str(exc)) if exc.errno == 28
                                 else BadResponse(str(exc)))
                return
            for job, error in refused:
                await self._fail(lane, [job], error)
            by_id = {event.id: job for job, event in ok}
            cfg = self.config
            for batch in batches([e for _, e in ok], cfg.max_events, cfg.max_batch_bytes):
                if not await self._send(lane, batch, by_id):
                    left = [job for job, _ in ok if job.id in lane.held]
                    await self._give_back(lane, left, None)
                    return
        except asyncio.CancelledError:
            await self._give_back(lane, [lane.held[j.id] for j in jobs if j.id in lane.held], None)
            raise

    async def _send(self, lane: _Lane, batch: list[Event], by_id: dict[str, Job]) -> bool:
        """One request; False when the lane must stop sending (offline, auth)."""
        jobs = [by_id[e.id] for e in batch]
        try:
            results = await self.backend.send_events(self.device.device_id, batch)
        except Rejected as exc:  # the whole request refused: find the bad one by halving
            if len(batch) == 1:
                await self._fail(lane, jobs, exc)
                return True
            half = len(batch) // 2
            return (await self._send(lane, batch[:half], by_id)
                    and await self._send(lane, batch[half:], by_id))
        except (NetworkDown, AuthFailed) as exc:
            await self._handle_error(lane, jobs, exc)
            return False
        except SyncError as exc:
            await self._fail(lane, jobs, exc)
            return True
        done = [by_id[r.id] for r in results if r.status in (ACCEPTED, DUPLICATE)]
        duplicates = sum(r.status == DUPLICATE for r in results)
        await self._done(lane, done, sent=len(done) - duplicates, duplicates=duplicates)
        for result in results:
            if result.status not in (ACCEPTED, DUPLICATE):
                await self._fail(lane, [by_id[result.id]], Rejected(result.reason or "rejected"))
        return True

    # --- audio lane -------------------------------------------------------------------------

    async def _audio_work(self, lane: _Lane, jobs: list[Job]) -> None:
        try:
            for job in jobs:
                try:
                    outcome = await self.audio.handle(job, self._blocking)
                except SyncError as exc:
                    await self._handle_error(lane, [job], exc)
                    continue
                except OSError as exc:
                    await self._fail(lane, [job], DiskFull(str(exc)) if exc.errno == 28
                                     else BadResponse(f"{type(exc).__name__}: {exc}"))
                    continue
                except Exception as exc:  # a bug must not kill the lane: the job waits
                    log.exception("sync audio job %s", job.id)
                    await self._fail(lane, [job], BadResponse(type(exc).__name__))
                    continue
                if outcome == "pending":  # the provider is still transcribing: poll later
                    await self._outcome(self.queue.postpone, job,
                                        min(self.config.poll_max_s, 2.0 * job.attempts))
                    lane.held.pop(job.id, None)
                    continue
                skipped = outcome == "skipped"
                await self._done(lane, [job], sent=int(not skipped), skipped=int(skipped))
                # A transcript event now waits in the business lane. Not woken at once: its idle
                # poll picks up a whole batch of them instead of one request per recording.
                self._lanes[BUSINESS].idle = False
        except asyncio.CancelledError:
            await self._give_back(lane, [lane.held[j.id] for j in jobs if j.id in lane.held], None)
            raise

    def _give_back_all(self) -> None:
        """On stop: whatever is still held goes back to pending at once (no lease wait)."""
        for lane in self._lanes.values():
            for job in list(lane.held.values()):
                try:
                    self.queue.release(job)
                except Exception as exc:  # noqa: BLE001 - its lease expires: nothing is lost
                    log.warning("sync: job %s stays leased: %s", job.id, exc)
            lane.held.clear()


def _save_success(db: Database, lane: str, when: datetime) -> None:
    with db.write() as session:
        session.merge(SyncState(key=f"last_success.{lane}", value=when.isoformat()))


def last_success(db: Database, lane: str) -> datetime | None:
    with db.read() as session:
        row = session.get(SyncState, f"last_success.{lane}")
    return datetime.fromisoformat(row.value) if row and row.value else None


__all__ = ["AUDIO", "BUSINESS", "AudioHandler", "EngineConfig", "EngineStatus", "LaneStatus",
           "Retryable", "SyncEngine", "TokenStore", "last_success"]
