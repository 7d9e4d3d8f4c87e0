"""Sync for the till: builds the engine from settings, secrets and the key vault; status for the UI.

API (used by ui/tray.py, ui/sync_status.py, ui/sync_admin.py and ``forsell-cashier sync``)::

    service = SyncService(till, keyring_backend=None)
    service.start(on_status)      # background thread; on_status(SyncStatusView) from that thread
    service.stop()                # clean stop (in-flight work is given back, nothing lost)
    service.sync_now(); service.pause(); service.resume()
    service.status() -> SyncStatusView          # a frozen snapshot, cheap enough to poll at 1 Hz
    service.dead_letters() -> list[DeadLetterView]
    service.retry_dead(admin, ids) -> int; service.drop_dead(admin, ids) -> int   # audited
    service.run_once(timeout) -> SyncSummary    # headless drain (the CLI), then scoring
    service.add_transcript_listener(fn)         # fn(recording_id) from the sync thread

A transcript stored by the audio lane is scored by the till: the app hands each "transcript
stored" (``add_transcript_listener``) to its task pool; ``run_once`` scores what arrived in its
own thread after the drain and sends those scores too.

``on_status`` is called on the sync thread: the UI turns it into a Qt signal (or polls status()).
Error keys (``last_error_key``) are message keys from ``sync/errors.py`` (``KEYS``) that ui/
translates; ``last_error_detail`` is technical, for the admin screen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from forsell import __version__
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import AuditEntry, utcnow
from forsell.sync import engine as eng
from forsell.sync.backend import Device
from forsell.sync.errors import Rejected
from forsell.sync.outbox import OutboxQueue
from forsell.sync.pull_lane import last_pulls
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from . import settings as s
from .access import public, requires
from .auth import EmployeeView
from .privacy import registration
from .pulls import PullApplier

#: Overall states of the whole sync, in the order the tray shows them.
NOT_CONFIGURED, PAUSED, AUTH_FAILED, OFFLINE, ONLINE = (
    "not_configured",
    "paused",
    "auth_failed",
    "offline",
    "online",
)
LANES = ("business", "audio")


@dataclass(frozen=True)
class LaneStatusView:
    lane: str  # business | audio
    state: str  # online | offline | paused | auth_failed | not_configured | stopped
    pending: int  # waiting to be sent (includes failed ones waiting for a retry)
    in_flight: int
    failed: int  # of pending: failed at least once, retry scheduled
    dead: int  # dead letters (an admin decides)
    oldest_pending_age_s: float | None
    last_success_at: datetime | None  # UTC
    last_error_key: str | None
    last_error_detail: str | None


@dataclass(frozen=True)
class PullProblemView:
    """An item from the backend that was not applied: when, which resource, "<item>: <why>"."""

    at: datetime
    resource: str
    problem: str


@dataclass(frozen=True)
class SyncStatusView:
    state: str  # online | offline | paused | auth_failed | not_configured
    running: bool  # the background thread is running
    business: LaneStatusView
    audio: LaneStatusView
    demo_fakes: bool  # transcripts come from FAKE servers: the UI must say so
    #: resource (catalog, staff, settings, scorecards) → when it was last pulled completely (UTC)
    last_pull_at: Mapping[str, datetime] = field(default_factory=dict)

    @property
    def lanes(self) -> tuple[LaneStatusView, LaneStatusView]:
        """The business and the audio lane, in the order they are shown."""
        return (self.business, self.audio)


@dataclass(frozen=True)
class DeadLetterView:
    id: str
    lane: str
    kind: str
    entity_id: str
    created_at: datetime  # UTC
    attempts: int
    error_key: str | None
    error_detail: str | None


@dataclass(frozen=True)
class LaneSummary:
    lane: str
    sent: int
    duplicates: int
    failed: int  # failures in this run (each scheduled for a retry)
    dead: int  # moved to the dead-letter list in this run
    remaining: int  # still waiting after the run
    skipped: int = 0  # recordings without speech, not uploaded (setting upload_without_speech)


@dataclass(frozen=True)
class PullSummary:
    """Backend pulls in one run: items applied, bad items skipped, resources pulled completely."""

    applied: int = 0
    skipped: int = 0
    resources: tuple[str, ...] = ()
    error_key: str | None = None  # why the pull stopped, if it did


@dataclass(frozen=True)
class SyncSummary:
    state: str
    business: LaneSummary
    audio: LaneSummary
    timed_out: bool
    pulls: PullSummary = field(default_factory=PullSummary)

    @property
    def ok(self) -> bool:
        """Everything that was due got sent: nothing left, nothing dead-lettered."""
        return self.state not in (NOT_CONFIGURED, AUTH_FAILED) and all(
            lane.remaining == 0 and lane.dead == 0 for lane in (self.business, self.audio)
        )


def _added(first: eng.EngineStatus, second: eng.EngineStatus) -> eng.EngineStatus:
    """Two drains of one run as one: the counts added, the state and errors the second's."""

    def lane(a: eng.LaneStatus, b: eng.LaneStatus) -> eng.LaneStatus:
        return replace(
            b,
            sent=a.sent + b.sent,
            duplicates=a.duplicates + b.duplicates,
            skipped=a.skipped + b.skipped,
            failed=a.failed + b.failed,
            dead=a.dead + b.dead,
        )

    return replace(
        second,
        business=lane(first.business, second.business),
        audio=lane(first.audio, second.audio),
        pull=first.pull or second.pull,  # the second pulls again only what the first did
    )


# --- the service ------------------------------------------------------------------------------

if TYPE_CHECKING:
    from forsell.sync.providers.routing import RoutingConfig

log = logging.getLogger(__name__)


def _named_recipients() -> frozenset[str]:
    """Recipients the policy in force names, from the data map; nobody when the map cannot be
    read, so a broken map stops audio instead of letting it go anywhere."""
    from .privacy.data_map import DataMapError, shipped

    try:
        return shipped().named_by_policy()
    except DataMapError as exc:
        log.error("sync: no audio is sent, the data map is unusable: %s", exc)
        return frozenset()


TOKEN_SECRET = "backend-token"


class _Token:
    """The device token in the OS secret store ("backend-token")."""

    def __init__(self, secrets: SecretStore) -> None:
        self._secrets = secrets

    def get(self) -> str | None:
        return self._secrets.get(TOKEN_SECRET)

    def set(self, token: str) -> None:
        self._secrets.set(TOKEN_SECRET, token)


def _lane_view(
    lane: str,
    engine_lane: eng.LaneStatus | None,
    queue: OutboxQueue,
    state: str,
    last_success: datetime | None,
    now: datetime,
) -> LaneStatusView:
    counts = queue.counts(lane)
    key, detail = (
        (engine_lane.last_error_key, engine_lane.last_error_detail) if engine_lane else (None, None)
    )
    if key is None and counts.failed:
        key, detail = queue.last_error(lane)
    success = (engine_lane.last_success_at if engine_lane else None) or last_success
    oldest = counts.oldest_pending_at
    return LaneStatusView(
        lane,
        state,
        counts.pending,
        counts.in_flight,
        counts.failed,
        counts.dead,
        (now - oldest).total_seconds() if oldest else None,
        success,
        key,
        detail,
    )


class SyncService:
    """Everything the till needs from sync. Methods are safe to call from the GUI thread.
    Running and watching sync needs no one signed in (the tray, ``forsell-cashier sync``);
    deciding about dead letters is an admin's."""

    def __init__(
        self,
        till: Any,
        keyring_backend: Any = None,
        *,
        transport: Any = None,
        config: eng.EngineConfig | None = None,
        providers: Callable[[Any], Mapping[str, Any]] | None = None,
    ) -> None:
        """``transport`` (httpx), ``config`` and ``providers`` (FAKE providers by name) are for
        tests, benchmarks and the demo; the till passes only ``till`` and the keyring backend."""
        self.till = till
        self.ctx = till.ctx
        self.secrets = SecretStore(self.ctx.device_id, keyring_backend)
        # Real UTC time, not ctx.clock: outbox rows get their due time from the real clock too.
        self.queue = OutboxQueue(self.ctx.db)
        self._transport = transport
        self._config = config
        self._providers = providers
        self._vault = None
        self._engine: eng.SyncEngine | None = None
        self._on_status: Callable[[SyncStatusView], None] | None = None
        self._transcript_listeners: list[Callable[[str], None]] = []
        self._stored_in_run = 0
        self._registration: registration.RegistrationService | None = None

    # --- configuration ----------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        """True when sync is switched on and a backend address is set."""
        settings = self.ctx.settings
        return bool(settings.get(s.SYNC_ENABLED) and settings.get(s.SYNC_BACKEND_URL).strip())

    def _secret(self, name: str) -> str | None:
        try:
            return self.secrets.get(name)
        except SecretStoreUnavailable:
            return None

    @public
    def routing_config(self) -> RoutingConfig:
        """Where audio may go now: the sync settings, the provider keys, and the recipients the
        data map declares (one the policy does not name only once the admin acknowledged it)."""
        from forsell.sync.providers.routing import RoutingConfig

        return RoutingConfig.from_settings(
            self.ctx.settings.get, self._secret, named=_named_recipients()
        )

    def _audio_lane(self):
        """The audio lane, or None without a usable key vault (recordings cannot be read)."""
        from forsell.sync.audio_lane import AudioLane

        from .recordings import RecordingLibrary, open_vault

        try:
            self._vault = self._vault or open_vault(self.ctx, self.secrets.backend)
        except Exception as exc:  # noqa: BLE001 - no vault: the audio lane is off, sales go on
            log.warning(
                "sync: audio lane off, the key vault cannot be opened: %s", type(exc).__name__
            )
            return None
        library = RecordingLibrary(self.ctx, self._vault)

        def audio_of(rid: str) -> bytes:
            try:
                return library.ogg(rid)
            except CashierError as exc:  # shredded, tampered or gone: it can never be sent
                raise Rejected(exc.key.replace(".", "_"), f"recording {rid}: {exc.key}") from None

        def keyterms() -> list[str]:
            return [p.names.get("ru", "") for p in self.till.catalog.favourites()][:100]

        return AudioLane(
            self.ctx.db,
            self._vault,
            audio_of,
            self.routing_config,
            providers=self._providers,
            keyterms=keyterms,
            on_stored=self._transcript_stored,
            # Its own rule, apart from routing: no audio to any provider before the store's
            # registration is accepted (privacy policy 1.5-1.6; the demo's fakes excepted).
            registered=lambda: registration.audio_allowed(self.ctx),
        )

    def _build(self) -> eng.SyncEngine:
        settings = self.ctx.settings
        device = Device(
            self.ctx.device_id, settings.get(s.STORE_BIN), settings.get(s.DEVICE_NAME), __version__
        )
        engine = eng.SyncEngine(
            self.ctx.db,
            backend_url=settings.get(s.SYNC_BACKEND_URL).strip(),
            device=device,
            tokens=_Token(self.secrets),
            audio=self._audio_lane(),
            config=self._config,
            transport=self._transport,
            on_status=(lambda _status: self._emit()) if self._on_status else None,
            pull=PullApplier(self.ctx).apply,
            round_steps=(self._registration_step,),
        )
        if settings.get(s.SYNC_PAUSED):
            engine.pause()
        return engine

    async def _registration_step(self, backend: Any, blocking: Callable[..., Any]) -> None:
        """After each pull round: send a submitted registration, or read the backend's answer."""
        from forsell.sync.registration import sync_registration

        if self._registration is None:
            self._registration = registration.RegistrationService(self.ctx, self.secrets.backend)
        await sync_registration(backend, self._registration, blocking)

    def _close_registration(self) -> None:
        if self._registration is not None:
            self._registration.close()
            self._registration = None

    # --- transcripts stored ---------------------------------------------------------------------

    @public
    def add_transcript_listener(self, listener: Callable[[str], None]) -> None:
        """``listener(recording_id)`` after the audio lane stored a transcript (and enqueued its
        event). Called on the sync thread: it must return at once — the app schedules the
        scoring in its task pool. Kept across engine restarts."""
        self._transcript_listeners.append(listener)

    def _transcript_stored(self, recording_id: str) -> None:
        self._stored_in_run += 1
        for listener in list(self._transcript_listeners):
            try:
                listener(recording_id)
            except Exception:
                log.exception("transcript listener failed")

    # --- control ------------------------------------------------------------------------------

    @public
    def start(self, on_status: Callable[[SyncStatusView], None] | None = None) -> bool:
        """Starts the background sync; False (and nothing runs) when sync is not configured."""
        self._on_status = on_status
        if not self.configured:
            self._emit()
            return False
        if self._engine is None or not self._engine.running:
            self._engine = self._build()
            self._engine.start()
        return True

    @public
    def stop(self) -> None:
        """Stops the sync thread (work in flight goes back to the outbox, nothing is lost) and
        closes the key file."""
        if self._engine is not None:
            self._engine.stop()
            self._engine = None
        if self._vault is not None:
            self._vault.close()
            self._vault = None
        self._close_registration()

    @public
    def sync_now(self) -> None:
        """Asks the running engine to try every lane and pull now (Sync now); none when stopped."""
        if self._engine is not None:
            self._engine.sync_now()

    @public
    def pause(self) -> None:
        """Pauses sending and pulling, remembered across restarts; selling and recording go on."""
        self.ctx.settings.set(s.SYNC_PAUSED, True)
        if self._engine is not None:
            self._engine.pause()
        self._emit()

    @public
    def resume(self) -> None:
        """Lets a paused sync go on (remembered across restarts)."""
        self.ctx.settings.set(s.SYNC_PAUSED, False)
        if self._engine is not None:
            self._engine.resume()
        self._emit()

    def _emit(self) -> None:
        if self._on_status is not None:
            try:
                self._on_status(self.status())
            except Exception:
                log.exception("sync status listener failed")

    # --- status -------------------------------------------------------------------------------

    @public
    def status(self) -> SyncStatusView:
        """A frozen snapshot for the status bar and the tray: overall state, per lane what waits,
        since when and the last error, and the last pulls; cheap enough to poll."""
        engine = self._engine
        engine_status = engine.status() if engine is not None else None
        paused = self.ctx.settings.get(s.SYNC_PAUSED)
        now = utcnow()
        lanes = []
        for lane in LANES:
            lane_status = getattr(engine_status, lane) if engine_status else None
            if not self.configured:
                state = NOT_CONFIGURED
            elif lane_status is not None:
                state = lane_status.state
            else:
                state = PAUSED if paused else "stopped"
            lanes.append(
                _lane_view(
                    lane, lane_status, self.queue, state, eng.last_success(self.ctx.db, lane), now
                )
            )
        lanes[1] = self._held_for_registration(lanes[1])
        states = {lane.state for lane in lanes}
        if not self.configured:
            overall = NOT_CONFIGURED
        elif paused:
            overall = PAUSED
        else:
            overall = next((st for st in (AUTH_FAILED, OFFLINE) if st in states), ONLINE)
        return SyncStatusView(
            overall,
            bool(engine and engine.running),
            lanes[0],
            lanes[1],
            bool(self.ctx.settings.get(s.SYNC_DEMO_FAKES)),
            self._last_pulls(engine_status),
        )

    def _held_for_registration(self, audio: LaneStatusView) -> LaneStatusView:
        """Recordings wait because the store's registration is not accepted: the admin's sync
        screen says so even before (or without) a try of the audio lane."""
        if audio.last_error_key is not None or not audio.pending:
            return audio
        if registration.audio_allowed(self.ctx):
            return audio
        return replace(
            audio,
            last_error_key=registration.HELD_AUDIO_KEY,
            last_error_detail="the store's registration is not accepted yet",
        )

    def _last_pulls(self, engine_status) -> Mapping[str, datetime]:
        """The running pull lane keeps these in memory (loaded from the DB at its start); read the
        DB only without one, so a status built 10× a second during a drain adds no query."""
        pull = engine_status.pull if engine_status is not None else None
        if pull is not None and pull.last_success_at:
            return pull.last_success_at
        return last_pulls(self.ctx.db)

    # --- dead letters -------------------------------------------------------------------------

    @public
    def pull_problems(self, limit: int = 10) -> list[PullProblemView]:
        """The newest items the backend sent that this till skipped, with why (from the
        ``backend_pull`` audit entries, where applying a page records them, and the refused
        privacy policies)."""
        with self.ctx.db.read() as session:
            rows = session.execute(
                select(AuditEntry.at, AuditEntry.details)
                .where(AuditEntry.action.in_(("backend_pull", "privacy_policy_refused")))
                .order_by(AuditEntry.at.desc())
                .limit(50)
            ).all()
        found: list[PullProblemView] = []
        for at, details in rows:
            for problem in (details or {}).get("problems") or ():
                found.append(PullProblemView(at, str(details.get("resource", "")), str(problem)))
                if len(found) >= limit:
                    return found
        return found

    @public
    def dead_letters(self) -> list[DeadLetterView]:
        """Outbox items that are not retried until an admin says so (refused by the backend or a
        provider), with the reason."""
        return [
            DeadLetterView(
                d.id,
                d.lane,
                d.kind,
                d.entity_id,
                d.created_at,
                d.attempts,
                d.error_key,
                d.last_error,
            )
            for d in self.queue.dead_letters()
        ]

    def _audited(self, admin: EmployeeView, action: str, ids: list[str], count: int) -> None:
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, action, admin.id, count=count, ids=ids[:100])

    @requires(Role.ADMIN)
    def retry_dead(self, admin: EmployeeView, ids: list[str]) -> int:
        """Dead letters back into the queue (admin only, audited); returns how many."""
        ids = list(ids)
        count = self.queue.retry_dead(ids)
        self._audited(admin, "sync_dead_retried", ids, count)
        self.sync_now()
        return count

    @requires(Role.ADMIN)
    def drop_dead(self, admin: EmployeeView, ids: list[str]) -> int:
        """Dead letters deleted for good (admin only, audited); returns how many."""
        ids = list(ids)
        count = self.queue.drop_dead(ids)
        self._audited(admin, "sync_dead_dropped", ids, count)
        return count

    # --- headless -----------------------------------------------------------------------------

    @public
    def run_once(self, timeout: float = 300.0) -> SyncSummary:
        """Drains both lanes in this thread (the CLI); the background sync must not be running.
        Transcripts stored in the drain are scored here afterwards (no GUI scores them) and
        their "score" events sent in a second drain while time is left."""
        if not self.configured:
            return self._summary(NOT_CONFIGURED, None, False)
        started = time.monotonic()
        self._stored_in_run = 0
        try:
            status = self._drain(timeout)
            scored = self._score_stored() if self._stored_in_run and self._vault else 0
            if scored and time.monotonic() - started < timeout:  # and send those scores
                more = self._drain(max(0.0, timeout - (time.monotonic() - started)))
                status = _added(status, more)
        finally:
            if self._vault is not None:
                self._vault.close()
                self._vault = None
            self._close_registration()
        lanes = (status.business, status.audio)
        state = next(
            (st for st in (AUTH_FAILED, OFFLINE) if any(ln.state == st for ln in lanes)), ONLINE
        )
        timed_out = time.monotonic() - started >= timeout
        return self._summary(state, status, timed_out)

    def _drain(self, timeout: float) -> eng.EngineStatus:
        engine = self._build()
        if self.ctx.settings.get(s.SYNC_PAUSED):
            engine.resume()  # an explicit "sync now" from the command line
        return engine.run_once(timeout)

    def _score_stored(self) -> int:
        """Scores the transcripts that have no score yet (headless: the drain just stored
        some); returns how many. Trouble is logged: the drain's own result stands."""
        from .review.service import ReviewService

        try:
            return ReviewService(self.till, self._vault).score_pending()
        except Exception:
            log.exception("scoring after the sync failed")
            return 0

    def _summary(self, state: str, status: eng.EngineStatus | None, timed_out: bool) -> SyncSummary:
        def lane(name: str) -> LaneSummary:
            counts = self.queue.counts(name)
            got = getattr(status, name) if status else None
            if got is None:
                return LaneSummary(name, 0, 0, 0, 0, counts.pending + counts.in_flight)
            return LaneSummary(
                name,
                got.sent,
                got.duplicates,
                got.failed,
                got.dead,
                counts.pending + counts.in_flight,
                got.skipped,
            )

        pull = status.pull if status else None
        pulls = (
            PullSummary()
            if pull is None
            else PullSummary(
                pull.applied, pull.skipped, tuple(sorted(pull.last_success_at)), pull.last_error_key
            )
        )
        return SyncSummary(state, lane("business"), lane("audio"), timed_out, pulls)
