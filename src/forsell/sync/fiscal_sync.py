"""The fiscal lane's own thread: an asyncio loop that drains the register's line as operations
are committed, independent of the business and audio lanes (a stuck upload never delays a
fiscal receipt, and a cash register that is down never slows the other lanes).

``FiscalSync(db, make_client).start()``; ``nudge()`` after an admin changed the token or
retried a refusal; ``status()`` is a thread-safe snapshot for the tray and ``doctor``. A commit
that adds fiscal jobs wakes the loop at once (``new_jobs.watch_new_jobs``), so a sale's fiscal
attributes arrive as soon as the service answers, not at the next poll.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

import httpx

from forsell.store.db import Database
from forsell.store.fiscal_queue import FISCAL
from forsell.store.models import utcnow

from . import backoff
from . import fiscal_lane as fl
from .cash_registers.base import CashRegisterClient
from .new_jobs import watch_new_jobs

log = logging.getLogger(__name__)

# The lane's state as the tray shows it.
ONLINE, OFFLINE, AUTH_FAILED, BLOCKED, NOT_CONFIGURED, NO_CLIENT, STOPPED = (
    "online",
    "offline",
    "auth_failed",
    "blocked",
    "not_configured",
    "waiting_contract",
    "stopped",
)

#: Builds the client for the configured register: (register key, client or None), or None when
#: fiscal registration is off. Called on the loop's thread before each step (settings may change).
MakeClient = Callable[[httpx.AsyncClient], "tuple[str, CashRegisterClient | None] | None"]


@dataclass(frozen=True)
class FiscalLaneStatus:
    state: str
    registered: int = 0  # since start
    last_error_key: str | None = None
    last_error_detail: str | None = None
    blocked_operation_id: str | None = None
    last_success_at: datetime | None = None


class FiscalSync:
    def __init__(
        self,
        db: Database,
        make_client: MakeClient,
        clock: Callable[[], datetime] = utcnow,
        idle_poll_s: float = 1.0,
        retry_poll_s: float = 30.0,
        timeout: httpx.Timeout | None = None,
        policy: backoff.RetryPolicy = fl.FISCAL_POLICY,
    ) -> None:
        self.db = db
        self.make_client = make_client
        self.clock = clock
        self.idle_poll_s = idle_poll_s
        self.retry_poll_s = retry_poll_s
        self.policy = policy
        self.timeout = timeout or httpx.Timeout(connect=5.0, read=20.0, write=20.0, pool=10.0)
        self._lock = threading.Lock()
        self._status = FiscalLaneStatus(STOPPED)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = False
        self._unwatch: Callable[[], None] | None = None
        self.listeners: list[Callable[[FiscalLaneStatus], None]] = []

    # --- control (any thread) -----------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping = False
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="fiscal-sync", daemon=True
        )
        self._thread.start()
        ready.wait(5.0)
        self._unwatch = watch_new_jobs(self.db, self._on_new_jobs)

    def stop(self, timeout: float = 10.0) -> None:
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None
        self._stopping = True
        self.nudge()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._set(state=STOPPED)

    def nudge(self) -> None:
        """Look at the line now (a new job, a new token, a retried refusal)."""
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:  # the loop closed meanwhile
                pass

    def status(self) -> FiscalLaneStatus:
        with self._lock:
            return self._status

    def _on_new_jobs(self, lanes: frozenset[str]) -> None:
        if FISCAL in lanes:
            self.nudge()

    def _set(self, **changes: object) -> None:
        with self._lock:
            before = self._status
            self._status = replace(before, **changes)  # type: ignore[arg-type]
            now = self._status
        if now != before:
            for listener in list(self.listeners):
                try:
                    listener(now)
                except Exception:
                    log.exception("fiscal: a status listener failed")

    # --- the loop (its own thread) ------------------------------------------------------------

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._wake = asyncio.Event()
        ready.set()
        try:
            loop.run_until_complete(self._main())
        finally:
            self._loop = None
            loop.close()

    async def _main(self) -> None:
        assert self._wake is not None
        async with httpx.AsyncClient(timeout=self.timeout) as http:
            while not self._stopping:
                try:
                    delay = await self._once(http)
                except Exception:  # a bug must not end fiscal registration for the day
                    log.exception("fiscal: step failed")
                    delay = self.retry_poll_s
                if delay is None:
                    continue
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=max(delay, 0.0))
                except TimeoutError:
                    pass
                self._wake.clear()

    async def _once(self, http: httpx.AsyncClient) -> float | None:
        """One step; the seconds to wait before the next (None: go on at once)."""
        setup = await asyncio.to_thread(self.make_client, http)
        if setup is None:
            self._set(state=NOT_CONFIGURED)
            return self.retry_poll_s
        key, client = setup
        step = await fl.FiscalLane(self.db, key, client, self.clock, self.policy).step()
        error = step.error
        if step.outcome == fl.SENT:
            before = self.status()
            self._set(
                state=ONLINE,
                registered=before.registered + 1,
                last_success_at=self.clock(),
                last_error_key=None,
                last_error_detail=None,
                blocked_operation_id=None,
            )
            return None
        if step.outcome == fl.IDLE:
            self._set(state=ONLINE, blocked_operation_id=None)
            return self.idle_poll_s
        if step.outcome == fl.WAIT:
            return min(step.delay_s, self.retry_poll_s)
        if step.outcome == fl.NO_CLIENT:
            self._set(state=NO_CLIENT)
            return self.retry_poll_s
        detail = error.detail if error else None
        key_ = error.key if error else None
        if step.outcome == fl.RETRY:
            self._set(state=OFFLINE, last_error_key=key_, last_error_detail=detail)
            return step.delay_s
        if step.outcome == fl.AUTH:
            self._set(state=AUTH_FAILED, last_error_key=key_, last_error_detail=detail)
            return self.retry_poll_s * 10
        self._set(
            state=BLOCKED,
            last_error_key=key_,
            last_error_detail=detail,
            blocked_operation_id=step.operation_id,
        )
        return self.retry_poll_s
