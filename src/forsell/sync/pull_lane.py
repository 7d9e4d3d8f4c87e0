"""The pull lane: store data the backend publishes (catalog and prices, staff, store settings,
scorecards), fetched page by page with a cursor and handed to the services to apply; then the
privacy policy the backend has in force (one document, no cursor, fetched whole every round).

The engine may not import services, so what a page *means* arrives as a callback (``ApplyPage``,
built in ``services/sync.py``): it runs on the engine's DB thread and applies one page in ONE
transaction together with the page's cursor, so a crash between pages re-fetches at most the
page that was not committed, and a restart never re-fetches what was applied.

Pulls go to the same destination as the business lane (our backend) with the same token, so they
share its state instead of keeping their own: no pull while the business lane is offline or its
token was refused; a pull that finds the network down puts the business lane offline (its probe
decides when to go on) and a 401 stops it for auth, exactly as a refused batch would. Other
failures wait a full-jitter backoff (``EngineConfig.business``), so nothing spins. The lane runs
at start (once the device is registered), every ``pull_interval_s`` and on ``sync_now``; it is
its own task and never holds up the business or audio lanes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select

from forsell.store.db import Database
from forsell.store.models import SyncState

from .backend import PULLED
from .errors import AuthFailed, BadResponse, NetworkDown, SyncError
from .lanes import AUDIO, BUSINESS, Host
from .probe import Gate

log = logging.getLogger(__name__)

IDLE, PULLING, WAITING, FAILED = "idle", "pulling", "waiting", "failed"


class PageApplied(Protocol):
    """What the services report for one applied page."""

    applied: int
    skipped: int


#: (resource, items, cursor) → the page's result; blocking, one transaction (services/pulls.py).
ApplyPage = Callable[[str, list, "str | None"], PageApplied]
#: A step after the pages of a round (the store's registration, ``sync/registration.py``):
#: (backend client, blocking) → None; raises the ``sync.errors`` tree like a pull.
RoundStep = Callable[[Any, Callable[..., Any]], Awaitable[None]]


def cursor_key(resource: str) -> str:
    return f"pull.{resource}.cursor"


def success_key(resource: str) -> str:
    return f"pull.{resource}.last_success"


def read_cursor(db: Database, resource: str) -> str | None:
    with db.read() as session:
        row = session.get(SyncState, cursor_key(resource))
    return str(row.value) if row is not None and row.value else None


def last_pulls(db: Database) -> dict[str, datetime]:
    """When each resource was last pulled completely (kept across restarts)."""
    keys = {success_key(r): r for r in PULLED}
    with db.read() as session:
        rows = session.execute(
            select(SyncState.key, SyncState.value).where(SyncState.key.in_(keys))
        ).all()
    return {keys[key]: datetime.fromisoformat(value) for key, value in rows if value}


@dataclass(frozen=True)
class PullStatus:
    state: str = IDLE  # idle | pulling | waiting (offline, auth, paused) | failed (backing off)
    applied: int = 0  # items applied since start / in this run
    skipped: int = 0  # bad items skipped (each counted and reported by the services)
    pages: int = 0
    last_success_at: dict[str, datetime] = field(default_factory=dict)  # per resource, UTC
    last_error_key: str | None = None
    last_error_detail: str | None = None


class PullLane:
    def __init__(
        self,
        host: Host,
        gate: Gate,
        apply: ApplyPage,
        resources: tuple[str, ...] = PULLED,
        steps: tuple[RoundStep, ...] = (),
    ) -> None:
        self.host = host
        self.steps = steps
        self.gate = gate
        self.apply = apply
        self.resources = resources
        self.status = PullStatus()
        self.wake: asyncio.Event | None = None
        self.failures = 0  # rounds failed in a row (the backoff's attempt)
        self.finished = False  # run_once: this run's round is over

    def kick(self) -> None:
        """sync_now: pull at once (on the engine's loop)."""
        self.failures = 0
        if self.wake is not None:
            self.wake.set()

    def _set(self, **changes: Any) -> None:
        self.status = replace(self.status, **changes)
        self.host.changed()

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self.wake.wait(), max(0.0, seconds))
        except TimeoutError:
            pass
        self.wake.clear()

    async def run(self, once: bool = False) -> None:
        """The lane's task: rounds over every resource until the engine stops (``once``: one)."""
        self.wake = asyncio.Event()
        self.finished = False
        try:
            self.status = replace(
                self.status, last_success_at=await self.host.blocking(last_pulls, self.host.db)
            )
            while not self.host.stopping:
                if not await self._ready(once):
                    break
                ok = await self._round()
                if once:
                    break
                if ok:
                    self.failures = 0
                    await self._sleep(self.host.config.pull_interval_s)
                elif self.status.state == FAILED:
                    self.failures += 1
                    await self._sleep(self.host.config.business.delay(self.failures))
        finally:
            self.finished = True

    async def _ready(self, once: bool) -> bool:
        """Waits (a cheap local check each ``idle_poll_s``, no request) until the device has a
        token and the backend may be called; False = stop (or, for ``once``, cannot pull now)."""
        host = self.host
        business = host.lanes[BUSINESS]
        while not host.stopping:
            blocked = host.paused or business.held_back
            if not blocked and await host.blocking(host.tokens.get):
                return True
            if once and blocked:
                return False
            if self.status.state != WAITING:
                self._set(state=WAITING)
            await self._sleep(host.config.idle_poll_s)
        return False

    async def _round(self) -> bool:
        """Every resource, page by page while ``more``; False when it stopped on an error."""
        host = self.host
        business = host.lanes[BUSINESS]
        self._set(state=PULLING)
        for resource in self.resources:
            cursor = await host.blocking(read_cursor, host.db, resource)
            more = True
            while more:
                if host.stopping or host.paused or business.held_back:
                    self._set(state=WAITING)
                    return False
                try:
                    page = await host.backend.pull(resource, cursor)
                    if page.more and (not page.cursor or page.cursor == cursor):
                        raise BadResponse(
                            f"pull {resource}: more pages but the cursor did not move"
                        )
                except NetworkDown as exc:
                    self.gate.go_offline(business, exc)  # the business lane's probe decides
                    self._failed(exc, WAITING)
                    return False
                except AuthFailed as exc:
                    await self.gate.stop_for_auth(business, exc)
                    self._failed(exc, WAITING)
                    return False
                except SyncError as exc:
                    self._failed(exc, FAILED)
                    return False
                try:
                    result = await host.blocking(self.apply, resource, page.items, page.cursor)
                except Exception as exc:  # noqa: BLE001 - the page rolled back: try again later
                    log.warning("sync pull %s: page not applied: %s", resource, exc)
                    self._failed(SyncError(f"pull {resource}: {type(exc).__name__}"), FAILED)
                    return False
                self._page_done(result)
                cursor = page.cursor or cursor
                more = page.more
            done = dict(self.status.last_success_at)
            done[resource] = host.clock()
            self._set(last_success_at=done)
        for step in self.steps:
            if not await self._step(step):
                return False
        self._set(state=IDLE, last_error_key=None, last_error_detail=None)
        return True

    async def _step(self, step: RoundStep) -> bool:
        """A step after the pages, with the same failure handling as a page."""
        business = self.host.lanes[BUSINESS]
        try:
            await step(self.host.backend, self.host.blocking)
        except NetworkDown as exc:
            self.gate.go_offline(business, exc)
            self._failed(exc, WAITING)
            return False
        except AuthFailed as exc:
            await self.gate.stop_for_auth(business, exc)
            self._failed(exc, WAITING)
            return False
        except SyncError as exc:
            self._failed(exc, FAILED)
            return False
        except Exception as exc:  # a bug in a step must not stop the pulls
            log.exception("sync pull: a round step failed")
            self._failed(SyncError(f"round step: {type(exc).__name__}"), FAILED)
            return False
        # A step may have released held work (an accepted registration frees recordings): the
        # audio lane looks at once instead of at its next idle poll.
        audio = self.host.lanes.get(AUDIO)
        if audio is not None and audio.wake is not None:
            audio.idle = False
            audio.wake.set()
        return True

    def _page_done(self, result: PageApplied) -> None:
        self._set(
            applied=self.status.applied + result.applied,
            skipped=self.status.skipped + result.skipped,
            pages=self.status.pages + 1,
        )
        if result.applied or result.skipped:
            # Applying audited it: the business lane has new outbox rows to send.
            business = self.host.lanes[BUSINESS]
            business.idle = False
            if business.wake is not None:
                business.wake.set()

    def _failed(self, error: SyncError, state: str) -> None:
        log.info("sync pull: %s (%s)", error.key, error.detail)
        self._set(state=state, last_error_key=error.key, last_error_detail=error.detail)
