"""Staff login by PIN, lockout after wrong PINs, and supervisor overrides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.roles import Action, Role
from forsell.store import audit
from forsell.store.models import Employee, PinGuard

from . import settings as s
from .access import internal, public, requires
from .context import TillContext
from .pins import SCRYPT, hash_pin, is_one_time

# The plain form and its parameters: what the backend's staff pulls carry.
_SCRYPT = SCRYPT


def check_pin_format(pin: str) -> str:
    """Returns ``pin`` when it is 4 to 8 digits; else raises ``CashierError`` ``pin.format``."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise CashierError("pin.format", "A PIN is 4 to 8 digits")
    return pin


#: PIN entry points guarded as a whole (see ``PinGuard``); their audit actions are
#: ``<entry>_refused`` and ``<entry>_locked``.
OVERRIDE_ENTRY = "override"
ADMIN_PIN_ENTRY = "admin_pin"
#: The longest lock, however many lockouts came before.
MAX_LOCK = timedelta(days=1)


def lock_span(base_seconds: int, earlier_lockouts: int) -> timedelta:
    """How long a lock lasts: the base span, doubled for each consecutive lockout before it."""
    return min(timedelta(seconds=base_seconds) * 2 ** min(earlier_lockouts, 16), MAX_LOCK)


@dataclass(frozen=True)
class EmployeeView:
    id: str
    name: str
    role: Role
    language: str
    #: Signed in with a one-time PIN of ``staff reset-pins``: must choose a new PIN now.
    must_change_pin: bool = False


@dataclass(frozen=True)
class Approval:
    """A supervisor's PIN was checked for this action."""

    approver_id: str
    approver_name: str
    action: Action


def _view(e: Employee, signed_in: bool = False) -> EmployeeView:
    must_change = signed_in and is_one_time(e.pin_hash)
    return EmployeeView(e.id, e.name, Role(e.role), e.language, must_change)


def new_employee(
    session: Session,
    name: str,
    role: Role,
    pin: str,
    language: str = "ru",
    ctx: TillContext | None = None,
) -> Employee:
    """Adds an employee inside the caller's transaction (several can then be added atomically);
    raises ``pin.format`` for a PIN that is not 4–8 digits.

    With the till's ``ctx`` the PIN is peppered (raising the ``pin.*`` refusals of
    ``PinKeeper.seal``); without it, it is kept in the plain form and peppered at the first
    login: only for the demo staff, whose PINs the README publishes anyway, so that a first
    start needs no secret store."""
    check_pin_format(pin)
    digest, salt = ctx.pins.seal(session, pin) if ctx is not None else hash_pin(pin)
    employee = Employee(
        name=name, role=role.value, pin_hash=digest, pin_salt=salt, language=language
    )
    session.add(employee)
    session.flush()
    return employee


class StaffService:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    @public
    def staff(self) -> list[EmployeeView]:
        """Active employees for the login screen, supervisors and admins last."""
        with self.ctx.db.read() as session:
            rows = session.scalars(select(Employee).where(Employee.active)).all()
        return sorted((_view(e) for e in rows), key=lambda v: (v.role.rank, v.name))

    @internal
    def add_employee(self, name: str, role: Role, pin: str, language: str = "ru") -> EmployeeView:
        """The first run's staff, before anyone can sign in; the admin's screen adds staff
        through ``StoreAdmin.add_employee`` (admin only, audited). Raises ``CashierError``
        ``pin.format`` if the PIN is not 4–8 digits."""
        with self.ctx.db.write() as session:
            return _view(new_employee(session, name, role, pin, language, self.ctx))

    @public
    def login(self, employee_id: str, pin: str) -> EmployeeView:
        """Checks the PIN; after too many wrong ones the employee is locked for a while.

        Returns the employee. Raises ``CashierError``: ``login.unknown``, ``login.wrong_pin`` (with
        the attempts left), ``login.locked`` (until when); ``pin.pepper_lost``,
        ``pin.pepper_wrong``, ``pin.secret_store`` when no PIN can be checked (not counted as a
        wrong PIN)."""
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee_id)
            if e is None or not e.active:
                raise CashierError("login.unknown", "No such employee")
            if e.locked_until and e.locked_until > now:
                raise CashierError(
                    "login.locked",
                    "Locked until {until}",
                    until=self.ctx.local(e.locked_until).strftime("%H:%M"),
                )
            if self.ctx.pins.matches(session, e, pin):
                e.failed_logins = 0
                e.lockouts = 0
                e.locked_until = None
                audit.record(session, self.ctx.device_id, "login", e.id)
                return _view(e, signed_in=True)
            e.failed_logins += 1
            limit = self.ctx.settings.get(s.LOCKOUT_ATTEMPTS)
            audit.record(session, self.ctx.device_id, "login_failed", e.id, attempt=e.failed_logins)
            if e.failed_logins >= limit:
                e.failed_logins = 0
                e.locked_until = now + lock_span(
                    self.ctx.settings.get(s.LOCKOUT_SECONDS), e.lockouts
                )
                e.lockouts += 1
                audit.record(session, self.ctx.device_id, "login_locked", e.id, lockout=e.lockouts)
                error = CashierError(
                    "login.locked",
                    "Locked until {until}",
                    until=self.ctx.local(e.locked_until).strftime("%H:%M"),
                )
            else:
                error = CashierError(
                    "login.wrong_pin",
                    "Wrong PIN, {left} attempts left",
                    left=limit - e.failed_logins,
                )
        raise error  # after the commit, so the failed attempt counts

    @public  # the supervisor's PIN is the authority
    def approve(self, pin: str, action: Action, requested_by: str | None) -> Approval:
        """Supervisor override: any active supervisor or admin whose PIN matches approves.

        Wrong PINs are counted for the override as a whole (any supervisor's PIN is accepted, so
        they cannot be counted per person): after ``login.lockout_attempts`` of them in a row
        overrides are refused (``override.locked``) for ``login.lockout_seconds``, twice as long
        at each further lockout; every refusal and lock is audited.

        Returns the ``Approval``. Raises ``CashierError`` ``override.wrong_pin`` when no active
        supervisor or admin has this PIN, ``override.locked`` while overrides are locked."""
        roles = (Role.SUPERVISOR, Role.ADMIN)
        approver = self._guarded_check(
            OVERRIDE_ENTRY, pin, roles, "override.locked", requested_by, override=action.value
        )
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "override",
                requested_by,
                approver_id=approver.id,
                override=action.value,
            )
        return Approval(approver.id, approver.name, action)

    @public  # the admin's PIN is the authority
    def admin_by_pin(self, pin: str, purpose: str) -> EmployeeView:
        """The active admin whose PIN this is (for lawful exports from the command line).

        Guarded like the override (``admin_pin.locked`` after too many wrong PINs in a row,
        persisted across runs of the command, with backoff); refusals are audited.

        Raises ``CashierError`` ``admin_pin.wrong`` when no active admin has this PIN,
        ``admin_pin.locked`` while the admin PIN is locked."""
        return self._guarded_check(
            ADMIN_PIN_ENTRY, pin, (Role.ADMIN,), "admin_pin.locked", None, purpose=purpose
        )

    def _guarded_check(
        self,
        entry: str,
        pin: str,
        roles: tuple[Role, ...],
        locked_key: str,
        requested_by: str | None,
        **details: object,
    ) -> EmployeeView:
        """The active employee of one of ``roles`` whose PIN this is, counted at ``entry``."""
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            guard = session.get(PinGuard, entry) or PinGuard(entry=entry, failures=0, lockouts=0)
            session.add(guard)
            if guard.locked_until and guard.locked_until > now:
                audit.record(
                    session,
                    self.ctx.device_id,
                    f"{entry}_refused",
                    requested_by,
                    locked=True,
                    **details,
                )
                error = CashierError(
                    locked_key,
                    "Too many wrong PINs; locked until {until}",
                    until=self.ctx.local(guard.locked_until).strftime("%H:%M"),
                )
            else:
                candidates = session.scalars(
                    select(Employee).where(
                        Employee.active, Employee.role.in_([r.value for r in roles])
                    )
                ).all()
                for candidate in candidates:
                    if candidate.locked_until and candidate.locked_until > now:
                        continue
                    if self.ctx.pins.matches(session, candidate, pin):
                        guard.failures = 0
                        guard.lockouts = 0
                        guard.locked_until = None
                        return _view(candidate)
                guard.failures += 1
                audit.record(
                    session,
                    self.ctx.device_id,
                    f"{entry}_refused",
                    requested_by,
                    attempt=guard.failures,
                    **details,
                )
                if guard.failures >= self.ctx.settings.get(s.LOCKOUT_ATTEMPTS):
                    guard.failures = 0
                    guard.locked_until = now + lock_span(
                        self.ctx.settings.get(s.LOCKOUT_SECONDS), guard.lockouts
                    )
                    guard.lockouts += 1
                    audit.record(
                        session,
                        self.ctx.device_id,
                        f"{entry}_locked",
                        requested_by,
                        lockout=guard.lockouts,
                    )
                    error = CashierError(
                        locked_key,
                        "Too many wrong PINs; locked until {until}",
                        until=self.ctx.local(guard.locked_until).strftime("%H:%M"),
                    )
                else:
                    wrong = "override.wrong_pin" if entry == OVERRIDE_ENTRY else "admin_pin.wrong"
                    error = CashierError(
                        wrong, "Not the PIN of a {roles}", roles="/".join(r.value for r in roles)
                    )
        raise error  # after the commit, so the wrong try counts

    @requires(Role.CASHIER)
    def change_own_pin(self, employee: EmployeeView, pin: str) -> EmployeeView:
        """The signed-in ``employee`` chooses a new PIN (after a one-time PIN of the reset);
        audited. Returns the employee, with nothing left to change.

        Raises ``CashierError``: ``pin.format``, ``login.unknown``, the ``pin.*`` refusals when
        no PIN key is usable."""
        check_pin_format(pin)
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee.id)
            if e is None or not e.active:
                raise CashierError("login.unknown", "No such employee")
            e.pin_hash, e.pin_salt = self.ctx.pins.seal(session, pin)
            audit.record(session, self.ctx.device_id, "pin_changed", e.id, subject_id=e.id)
            return _view(e)

    @public  # says only whether PINs work, nothing about anyone
    def pin_problem(self) -> CashierError | None:
        """Why no PIN can be checked now (``pin.pepper_lost``, ``pin.pepper_wrong``,
        ``pin.secret_store``), or None when they can."""
        return self.ctx.pins.problem()

    @public  # the login screen's language buttons
    def set_language(self, employee_id: str, language: str) -> None:
        """Remembers the employee's interface language (``ru``, ``kk``, ``en``) for their next
        login; an unknown id is ignored."""
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee_id)
            if e is not None:
                e.language = language


def require(approval: Approval | None, action: Action, needed: bool) -> None:
    """Raises NeedsApproval when approval is ``needed`` and no matching one was given."""
    if needed and (approval is None or approval.action is not action):
        raise NeedsApproval(
            action.value, "A supervisor must approve: {action}", action=action.value
        )
