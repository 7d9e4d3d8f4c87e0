"""What the engine's parts share: the tuning, a lane's state and status, and the small interfaces.

The engine (``engine.py``) owns the thread and the loop; the gate (``probe.py``), the outcomes
(``outcomes.py``) and the two lanes' work (``business_lane.py``, ``audio_work.py``) see the
engine only through ``Host`` below, so each of them can change without touching the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import httpx

from forsell.store.db import Database
from forsell.store.models import SyncState

from . import backoff
from .backend import MAX_BATCH_BYTES, MAX_EVENT_BYTES, MAX_EVENTS, BackendClient, Device
from .outbox import Job, OutboxQueue

BUSINESS, AUDIO = "business", "audio"
ONLINE, OFFLINE, PAUSED, AUTH_FAILED, NOT_CONFIGURED, STOPPED = (
    "online",
    "offline",
    "paused",
    "auth_failed",
    "not_configured",
    "stopped",
)

#: Runs a blocking call (SQLite, decryption, the secret store) off the event loop.
Blocking = Callable[..., Awaitable[Any]]


class TokenStore(Protocol):
    """Where the device token lives (the OS secret store, "backend-token")."""

    def get(self) -> str | None: ...
    def set(self, token: str) -> None: ...


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
    # Recordings held until the store's registration is accepted: looked at again this often
    # (an accepted answer pulled from the backend makes them due at once anyway).
    unregistered_wait_s: float = 300.0
    poll_max_s: float = 30.0  # asynchronous providers: the longest wait between polls
    pull_interval_s: float = 600.0  # backend pulls (catalog, staff, settings, scorecards)
    timeout: httpx.Timeout = field(
        default_factory=lambda: httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=30.0)
    )
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
    pull: Any = None  # pull_lane.PullStatus when pulls are on


@dataclass(eq=False)
class Lane:
    """One lane's live state; touched only on the engine's loop (status() copies under a lock)."""

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
    # Offline, and the next job is the probe (providers have no cheap health call): the lane
    # still shows offline until that job gets an answer — no "online" flicker in the tray.
    trial: bool = False
    probe_delay: float = 0.0
    failed_token: str | None = None
    auth_retry_at: float = 0.0
    # Bumped by sync_now (e.g. after an admin saved a new key): a 401 to a request sent before
    # that answers for the old credentials and must not stop the lane again.
    auth_epoch: int = 0
    idle: bool = False
    next_due: datetime | None = None
    success_saved_at: float = -1e9

    def __post_init__(self) -> None:
        self.status = LaneStatus(self.name, ONLINE if self.configured else NOT_CONFIGURED)

    @property
    def auth_stopped(self) -> bool:
        """The destination refused our credentials: nothing may be sent until that changes."""
        return self.failed_token is not None or bool(self.auth_retry_at)

    @property
    def held_back(self) -> bool:
        """Offline or not authorised: a claimed job must not go out now."""
        return self.auth_stopped or self.offline_until is not None


class Host(Protocol):
    """The engine as its parts see it (all of it lives on the engine's loop)."""

    db: Database
    queue: OutboxQueue
    config: EngineConfig
    device: Device
    tokens: TokenStore
    audio: AudioHandler | None
    backend: BackendClient | None
    clock: Callable[[], datetime]
    lanes: dict[str, Lane]

    @property
    def paused(self) -> bool: ...
    @property
    def stopping(self) -> bool: ...
    async def blocking(self, fn: Callable[..., Any], *args: Any) -> Any: ...
    async def wait(self, lane: Lane, timeout: float | None) -> None: ...
    def changed(self) -> None: ...
    def update(self, lane: Lane, **changes: Any) -> None: ...


def save_success(db: Database, lane: str, when: datetime) -> None:
    with db.write() as session:
        session.merge(SyncState(key=f"last_success.{lane}", value=when.isoformat()))


def last_success(db: Database, lane: str) -> datetime | None:
    with db.read() as session:
        row = session.get(SyncState, f"last_success.{lane}")
    return datetime.fromisoformat(row.value) if row and row.value else None
