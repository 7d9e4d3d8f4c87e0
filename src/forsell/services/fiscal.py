"""Fiscal registration for the till: receipts' fiscal status, the lane's thread, the admin's
setup and checks, the autonomous-work limit.

    service = FiscalService(till_context, keyring_backend)
    service.start()                       # the fiscal lane's thread (tray and app)
    receipt_fiscal_status(ctx, sale_id)   # what a receipt (or the journal) shows
    service.overview()                    # `fiscal status`, `doctor`, the tray
    service.retry(admin) / set_aside(admin, id)   # dead letters, audited

The API token lives in the OS secret store under ``fiscal-token``; settings name the service,
its address and the cash register (``cashregister.*``).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, update

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.fiscal_queue import FISCAL, REFUSED, REGISTERED, WAITING, configured_register
from forsell.store.models import FiscalOperation, OutboxJob
from forsell.sync import fiscal_lane as fl
from forsell.sync.cash_registers import kassa24
from forsell.sync.cash_registers.base import CashRegisterClient, CashRegisterInfo
from forsell.sync.errors import (
    AuthFailed,
    ConnectionLost,
    NetworkDown,
    Retryable,
    ServerFailed,
    SyncError,
    TimedOut,
)
from forsell.sync.fiscal_sync import AUTH_FAILED, FiscalLaneStatus, FiscalSync
from forsell.sync.outbox import DEAD, PENDING
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from . import settings as s
from .access import internal, public, requires
from .auth import EmployeeView
from .context import TillContext
from .receipts import ReceiptView, fiscal_operation_of, with_fiscal

log = logging.getLogger(__name__)

TOKEN_SECRET = "fiscal-token"
SET_ASIDE = "set_aside"
# How close to the legal limit the till is (``autonomous_level``).
FINE, WARN, SOON, LIMIT = "fine", "warn", "soon", "limit"
SOON_AFTER = fl.AUTONOMOUS_LIMIT - timedelta(hours=6)


@dataclass(frozen=True)
class FiscalReceiptStatus:
    """A receipt's fiscal registration, for the receipt, a reprint and the journal."""

    state: str  # registered | waiting | refused | set_aside
    kind: str
    autonomous_number: int  # the register's number for it (AFP when sent late)
    fiscal_sign: str | None = None
    fiscal_number: str | None = None
    register_number: str | None = None
    qr_url: str | None = None
    registered_at: datetime | None = None
    reason_key: str | None = None  # why it waits or was refused (message key)
    autonomous: bool = False


@dataclass(frozen=True)
class RefusedOperation:
    id: str
    kind: str
    entity_id: str
    occurred_at: datetime
    reason_key: str | None
    detail: str | None


@dataclass(frozen=True)
class FiscalOverview:
    provider: str
    register: str
    configured: bool
    waiting: int
    registered: int
    refused: tuple[RefusedOperation, ...]
    oldest_waiting_at: datetime | None
    autonomous_level: str
    lane: FiscalLaneStatus | None


def _status_of(op: FiscalOperation) -> FiscalReceiptStatus:
    return FiscalReceiptStatus(
        state=op.state,
        kind=op.kind,
        autonomous_number=op.seq,
        fiscal_sign=op.fiscal_sign,
        fiscal_number=op.fiscal_number,
        register_number=op.register_number,
        qr_url=op.qr_url,
        registered_at=op.registered_at,
        reason_key=op.reason_key,
        autonomous=op.autonomous,
    )


def receipt_fiscal_status(ctx: TillContext, entity_id: str) -> FiscalReceiptStatus | None:
    """The fiscal status of a sale or refund (by its id); None when it was never queued for
    registration (fiscal registration off at the time). Cheap: one indexed read."""
    with ctx.db.read() as session:
        op = fiscal_operation_of(session, entity_id)
        return _status_of(op) if op is not None else None


def void_fiscal_status(ctx: TillContext, sale_id: str) -> FiscalReceiptStatus | None:
    """The refund the cash register got for a voided sale (None: none was queued)."""
    with ctx.db.read() as session:
        op = session.scalars(
            select(FiscalOperation).where(
                FiscalOperation.entity_id == sale_id, FiscalOperation.kind == "refund"
            )
        ).first()
        return _status_of(op) if op is not None else None


def refreshed_receipt(ctx: TillContext, receipt: ReceiptView) -> ReceiptView:
    """``receipt`` with its current fiscal status (the receipt on screen polls this until the
    attributes arrive; a reprint carries them once they exist)."""
    with ctx.db.read() as session:
        return with_fiscal(receipt, fiscal_operation_of(session, receipt.sale_id))


def autonomous_level(age: timedelta | None) -> str:
    """How close the oldest unregistered operation is to the legal limit on autonomous work."""
    if age is None or age < fl.AUTONOMOUS_WARN:
        return FINE
    if age < SOON_AFTER:
        return WARN
    return SOON if age < fl.AUTONOMOUS_LIMIT else LIMIT


@dataclass(frozen=True)
class AutonomousWork:
    """How long the cash register has worked without reaching the operator, for the till's
    band: ``level`` (FINE, WARN, SOON, LIMIT), the hours waited and the hours left."""

    level: str
    hours: int = 0
    hours_left: int = 0


def autonomous_work(ctx: TillContext) -> AutonomousWork:
    """The till's band: FINE while fiscal registration is off or nothing waits long. One
    aggregate read (call it off the GUI thread)."""
    if configured_register_of(ctx) is None:
        return AutonomousWork(FINE)
    age = fl.autonomous_age(ctx.db, ctx.clock())
    level = autonomous_level(age)
    if age is None or level == FINE:
        return AutonomousWork(FINE)
    left = max(timedelta(0), fl.AUTONOMOUS_LIMIT - age)
    hours = int(age.total_seconds() // 3600)
    return AutonomousWork(level, hours, int(left.total_seconds() // 3600))


def require_within_autonomous_limit(ctx: TillContext) -> None:
    """Refuses a sale once the cash register has worked autonomously for the legal limit.

    Raises ``CashierError`` ``fiscal.autonomous_limit`` (with ``hours``)."""
    if configured_register_of(ctx) is None:
        return
    age = fl.autonomous_age(ctx.db, ctx.clock())
    if autonomous_level(age) == LIMIT:
        raise CashierError(
            "fiscal.autonomous_limit",
            "The cash register has not reached the tax office for {hours} hours: "
            "selling stops until it registers the waiting receipts",
            hours=int(fl.AUTONOMOUS_LIMIT.total_seconds() // 3600),
        )


def configured_register_of(ctx: TillContext) -> str | None:
    """``"<provider>:<cash register id>"`` when fiscal registration is on, else None."""
    with ctx.db.read() as session:
        return configured_register(session)


class FiscalService:
    """The fiscal lane for one till, and the admin's view of it."""

    def __init__(self, ctx: TillContext, keyring_backend: Any = None) -> None:
        self.ctx = ctx
        self.secrets = SecretStore(ctx.device_id, keyring_backend)
        self.sync: FiscalSync | None = None
        # The lane builds its client before every step: the token is read from the secret
        # store (a D-Bus call on Linux) once, and again only after a change or a nudge.
        self._cached_token: str | None = None

    # --- the client -----------------------------------------------------------------------

    def _token(self) -> str | None:
        if self._cached_token:
            return self._cached_token
        try:
            self._cached_token = self.secrets.get(TOKEN_SECRET)
        except SecretStoreUnavailable:
            return None
        return self._cached_token

    @internal
    def client_for(self, http: httpx.AsyncClient) -> tuple[str, CashRegisterClient | None] | None:
        """The configured register and its client (None while it cannot have one)."""
        key = configured_register_of(self.ctx)
        if key is None:
            return None
        provider = key.split(":", 1)[0]
        if provider != kassa24.NAME:  # Webkassa: its client waits for a contract
            return key, None
        if self.sync is not None and self.sync.status().state == AUTH_FAILED:
            self._cached_token = None  # the admin may have stored a new one from another process
        token = self._token()
        if not token:
            return key, None
        return key, kassa24.Kassa24Client(http, token, self.ctx.settings.get(s.FISCAL_URL))

    # --- the lane's thread ----------------------------------------------------------------

    @public
    def start(self) -> FiscalSync:
        """Starts the fiscal lane's thread (once); returns it (its ``status()`` for the tray)."""
        if self.sync is None:
            self.sync = FiscalSync(self.ctx.db, self.client_for, self.ctx.clock)
            self.sync.start()
        return self.sync

    @public
    def stop(self) -> None:
        """Stops the lane's thread after its current request; nothing waiting is lost."""
        if self.sync is not None:
            self.sync.stop()
            self.sync = None

    @public
    def nudge(self) -> None:
        """Makes the lane look at its line now (a new token, a retried refusal)."""
        self._cached_token = None
        if self.sync is not None:
            self.sync.nudge()

    @public
    def register_now(self, timeout: float = 60.0) -> fl.Step | None:
        """Drains the line once in this thread (``fiscal retry``, ``sync once``)."""

        async def drain() -> fl.Step | None:
            async with httpx.AsyncClient(timeout=httpx.Timeout(20.0)) as http:
                setup = self.client_for(http)
                if setup is None:
                    return None
                key, client = setup
                return await fl.FiscalLane(self.ctx.db, key, client, self.ctx.clock).drain()

        return asyncio.run(asyncio.wait_for(drain(), timeout))

    # --- admin ----------------------------------------------------------------------------

    @requires(Role.ADMIN)
    def set_token(self, admin: EmployeeView, token: str) -> None:
        """Stores the Kassa24 API token in the OS secret store (audited, never logged)."""
        self.secrets.set(TOKEN_SECRET, token.strip())
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "fiscal_token_set", admin.id)
        self.nudge()

    @public
    def cash_registers(self, timeout: float = 20.0) -> list[CashRegisterInfo]:
        """The cash registers the token may use (the admin picks one). Raises ``SyncError``."""
        token = self._token()
        if not token:
            raise CashierError("fiscal.no_token", "Enter the cash register service's token")

        async def ask() -> list[CashRegisterInfo]:
            async with httpx.AsyncClient(timeout=httpx.Timeout(timeout)) as http:
                client = kassa24.Kassa24Client(http, token, self.ctx.settings.get(s.FISCAL_URL))
                return await client.registers()

        return asyncio.run(ask())

    @requires(Role.ADMIN)
    def choose_register(self, admin: EmployeeView, provider: str, register_id: str) -> None:
        """Turns fiscal registration on with this register (audited)."""
        self.ctx.settings.set(s.FISCAL_PROVIDER, provider)
        self.ctx.settings.set(s.FISCAL_REGISTER, register_id)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "fiscal_register_chosen",
                admin.id,
                provider=provider,
                register=register_id,
            )
        self.nudge()

    @requires(Role.ADMIN)
    def retry(self, admin: EmployeeView, ids: list[str] | None = None) -> int:
        """Refused operations back into the line (all, or those ``ids``); audited."""
        with self.ctx.db.write() as session:
            query = select(FiscalOperation.id).where(FiscalOperation.state == REFUSED)
            if ids:
                query = query.where(FiscalOperation.id.in_(ids))
            chosen = list(session.scalars(query))
            if chosen:
                session.execute(
                    update(FiscalOperation)
                    .where(FiscalOperation.id.in_(chosen))
                    .values(state=WAITING)
                )
                session.execute(
                    update(OutboxJob)
                    .where(
                        OutboxJob.lane == FISCAL,
                        OutboxJob.entity_id.in_(chosen),
                        OutboxJob.state == DEAD,
                    )
                    .values(
                        state=PENDING,
                        attempts=0,
                        next_attempt_at=self.ctx.clock(),
                        lease_until=None,
                    )
                )
            audit.record(
                session,
                self.ctx.device_id,
                "fiscal_retried",
                admin.id,
                count=len(chosen),
                ids=chosen[:100],
            )
        self.nudge()
        return len(chosen)

    @requires(Role.ADMIN)
    def set_aside(self, admin: EmployeeView, operation_id: str) -> bool:
        """A refused operation leaves the line for good (registered by hand at the service, or
        not to be registered); the line moves on. Audited."""
        with self.ctx.db.write() as session:
            op = session.get(FiscalOperation, operation_id)
            if op is None or op.state != REFUSED:
                return False
            op.state = SET_ASIDE
            session.execute(
                update(OutboxJob)
                .where(OutboxJob.lane == FISCAL, OutboxJob.entity_id == operation_id)
                .values(state="done", done_at=self.ctx.clock(), lease_until=None)
            )
            audit.record(
                session,
                self.ctx.device_id,
                "fiscal_set_aside",
                admin.id,
                operation=operation_id,
                kind=op.kind,
                entity=op.entity_id,
                reason=op.reason_key,
            )
        self.nudge()
        return True

    @requires(Role.ADMIN)
    def retry_now(self, admin: EmployeeView, ids: list[str] | None = None) -> int:
        """The admin page's "Retry now": refused operations back in the line, then the line is
        drained at once — by the running lane when this service runs it, else in this thread
        (call it off the GUI thread). Returns how many refusals went back. Audited."""
        count = self.retry(admin, ids)
        if self.sync is None:
            self.register_now(timeout=30.0)
        return count

    @public
    def has_token(self) -> bool:
        """Whether the secret store holds an API token (never the token itself)."""
        return bool(self._token())

    @public
    def register_choice(self) -> tuple[str, str]:
        """The chosen service and cash register id as settings hold them (empty: none)."""
        return (
            str(self.ctx.settings.get(s.FISCAL_PROVIDER) or ""),
            str(self.ctx.settings.get(s.FISCAL_REGISTER) or ""),
        )

    # --- status ---------------------------------------------------------------------------

    @public
    def overview(self) -> FiscalOverview:
        """Everything ``fiscal status``, ``doctor`` and the tray show."""
        now = self.ctx.clock()
        with self.ctx.db.read() as session:
            counts = dict(
                session.execute(
                    select(FiscalOperation.state, func.count()).group_by(FiscalOperation.state)
                ).all()
            )
            refused = [
                RefusedOperation(
                    o.id, o.kind, o.entity_id, o.occurred_at, o.reason_key, o.reason_detail
                )
                for o in session.scalars(
                    select(FiscalOperation)
                    .where(FiscalOperation.state == REFUSED)
                    .order_by(FiscalOperation.seq)
                )
            ]
            key = configured_register(session)
        age = fl.autonomous_age(self.ctx.db, now)
        provider, _, register = (key or ":").partition(":")
        return FiscalOverview(
            provider=provider or self.ctx.settings.get(s.FISCAL_PROVIDER),
            register=register,
            configured=key is not None,
            waiting=counts.get(WAITING, 0),
            registered=counts.get(REGISTERED, 0),
            refused=tuple(refused),
            oldest_waiting_at=None if age is None else now - age,
            autonomous_level=autonomous_level(age),
            lane=self.sync.status() if self.sync else None,
        )


#: The errors that mean "the service cannot be reached now" (the network, its timeouts, its
#: 5xx): the admin checks the connection; receipts wait.
UNREACHABLE_KEYS = frozenset(
    cls.key for cls in (Retryable, NetworkDown, ConnectionLost, TimedOut, ServerFailed)
)
#: The service refused the API token.
WRONG_TOKEN_KEY = AuthFailed.key


def describe_error(error: SyncError) -> str:
    """The error's message key (ui/ and cli_messages word it)."""
    return error.key


# --- doctor ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FiscalCheck:
    """``doctor``'s line: is the cash register service reachable, the register's shift, the
    oldest operation not yet registered."""

    ok: bool
    found: str
    hint: str = ""


def check(ctx: TillContext, keyring_backend: Any, timeout: float = 5.0) -> FiscalCheck:
    """Asks the service for the register's shift (one short call) and reads the line."""
    service = FiscalService(ctx, keyring_backend)
    overview = service.overview()
    if not overview.configured:
        return FiscalCheck(True, "off (no cash register chosen; receipts are not fiscal)")
    where = f"{overview.provider} register {overview.register}"
    line = f"{overview.waiting} waiting, {len(overview.refused)} refused"
    if overview.oldest_waiting_at is not None:
        line += f", oldest since {overview.oldest_waiting_at:%Y-%m-%d %H:%M} UTC"
    if overview.refused:
        return FiscalCheck(
            False,
            f"{where}: {line} ({overview.refused[0].reason_key})",
            "an admin resolves it: `forsell-cashier fiscal retry` (or set it aside)",
        )
    if overview.autonomous_level in (SOON, LIMIT):
        return FiscalCheck(
            False,
            f"{where}: {line}; the 72-hour limit on autonomous work is near or reached",
            "connect the till to the internet so the waiting receipts are registered",
        )
    if overview.provider != kassa24.NAME:
        return FiscalCheck(True, f"{where}: {line}; its client waits for a contract")
    token = service._token()
    if not token:
        return FiscalCheck(
            False, f"{where}: no API token", "enter it: `forsell-cashier fiscal setup`"
        )

    async def ask() -> str:
        async with httpx.AsyncClient(timeout=httpx.Timeout(timeout)) as http:
            client = kassa24.Kassa24Client(http, token, ctx.settings.get(s.FISCAL_URL))
            shift = await client.shift_state(overview.register)
        return "shift open" if shift.open else "shift closed"

    try:
        state = asyncio.run(ask())
    except SyncError as exc:
        return FiscalCheck(
            False,
            f"{where}: not reachable ({exc.key}); {line}",
            "receipts wait and are registered when it answers; check the network and token",
        )
    return FiscalCheck(True, f"{where}: reachable, {state}; {line}")


# --- X and Z reports ----------------------------------------------------------------------------

#: The till's report figures each fiscal kind is compared with.
REPORT_FIELDS = {
    "sale": "sales_total",
    "refund": "refunds_total",
    "cash_in": "cash_in",
    "cash_out": "cash_out",
}


@dataclass(frozen=True)
class FiscalShiftTotals:
    """What the cash register has registered for a till shift, beside the till's own figures."""

    registered: dict[str, int]  # kind → tiyn registered (sale, refund, cash_in, cash_out)
    waiting: int  # operations of the shift not registered yet
    refused: int
    register_z: dict[str, int] | None  # the register's own sums at its Z, once registered

    def differences(self, report: Any) -> dict[str, int]:
        """kind → till minus registered, for each kind that differs (a waiting operation, or a
        sale voided after it was registered, makes a difference)."""
        found = {}
        for kind, name in REPORT_FIELDS.items():
            gap = int(getattr(report, name)) - self.registered.get(kind, 0)
            if gap:
                found[kind] = gap
        return found


def shift_fiscal_totals(ctx: TillContext, shift_id: str) -> FiscalShiftTotals | None:
    """The fiscal side of a shift's X or Z report; None when nothing of it was queued for
    registration (fiscal registration off during the shift)."""
    from sqlalchemy import literal, union_all

    from forsell.store.models import CashMovement, Refund, Sale

    entities = union_all(
        select(Sale.id).where(Sale.shift_id == shift_id),
        select(Refund.id).where(Refund.shift_id == shift_id),
        select(CashMovement.id).where(CashMovement.shift_id == shift_id),
        select(literal(shift_id, FiscalOperation.entity_id.type)),
    ).subquery()
    # A refund under a sale's own id is that sale's void: the till's report leaves the voided
    # sale out, so the register's refund of it counts against its sales.
    of_sale = FiscalOperation.entity_id.in_(select(Sale.id).where(Sale.shift_id == shift_id))
    with ctx.db.read() as session:
        rows = session.execute(
            select(
                FiscalOperation.kind,
                FiscalOperation.state,
                FiscalOperation.amount,
                FiscalOperation.totals,
                of_sale,
            ).where(FiscalOperation.entity_id.in_(select(entities)))
        ).all()
    if not rows:
        return None
    registered: dict[str, int] = {}
    waiting = refused = 0
    z = None
    for kind, state, amount, totals, voids_sale in rows:
        if state == REGISTERED:
            if kind == "refund" and voids_sale:
                registered["sale"] = registered.get("sale", 0) - amount
            elif kind in REPORT_FIELDS:
                registered[kind] = registered.get(kind, 0) + amount
            if kind == "shift_close":
                z = totals
        elif state == WAITING:
            waiting += 1
        elif state == REFUSED:
            refused += 1
    return FiscalShiftTotals(registered, waiting, refused, z)
