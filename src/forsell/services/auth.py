"""Staff login by PIN, lockout after wrong PINs, and supervisor overrides."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.roles import Action, Role
from forsell.store import audit
from forsell.store.models import Employee

from . import settings as s
from .access import internal, public
from .context import TillContext

# scrypt with n=2**14 costs ~40 ms here: cheap for one login, slow for brute-forcing a 4-digit PIN
# from a stolen database file (10,000 PINs ≈ 7 minutes per employee).
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    salt = salt or os.urandom(16)
    return hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT), salt


def check_pin_format(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise CashierError("pin.format", "A PIN is 4 to 8 digits")
    return pin


def _pin_matches(employee: Employee, pin: str) -> bool:
    candidate, _ = hash_pin(pin, employee.pin_salt)
    return hmac.compare_digest(candidate, employee.pin_hash)


@dataclass(frozen=True)
class EmployeeView:
    id: str
    name: str
    role: Role
    language: str


@dataclass(frozen=True)
class Approval:
    """A supervisor's PIN was checked for this action."""

    approver_id: str
    approver_name: str
    action: Action


def _view(e: Employee) -> EmployeeView:
    return EmployeeView(e.id, e.name, Role(e.role), e.language)


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
        through ``StoreAdmin.add_employee`` (admin only, audited)."""
        digest, salt = hash_pin(check_pin_format(pin))
        with self.ctx.db.write() as session:
            e = Employee(name=name, role=role.value, pin_hash=digest, pin_salt=salt, language=language)
            session.add(e)
            session.flush()
            return _view(e)

    @public
    def login(self, employee_id: str, pin: str) -> EmployeeView:
        """Checks the PIN; after too many wrong ones the employee is locked for a while."""
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee_id)
            if e is None or not e.active:
                raise CashierError("login.unknown", "No such employee")
            if e.locked_until and e.locked_until > now:
                raise CashierError("login.locked", "Locked until {until}",
                                   until=self.ctx.local(e.locked_until).strftime("%H:%M"))
            if _pin_matches(e, pin):
                e.failed_logins = 0
                e.locked_until = None
                audit.record(session, self.ctx.device_id, "login", e.id)
                return _view(e)
            e.failed_logins += 1
            limit = self.ctx.settings.get(s.LOCKOUT_ATTEMPTS)
            audit.record(session, self.ctx.device_id, "login_failed", e.id, attempt=e.failed_logins)
            if e.failed_logins >= limit:
                e.failed_logins = 0
                e.locked_until = now + timedelta(seconds=self.ctx.settings.get(s.LOCKOUT_SECONDS))
                audit.record(session, self.ctx.device_id, "login_locked", e.id)
                error = CashierError("login.locked", "Locked until {until}",
                                     until=self.ctx.local(e.locked_until).strftime("%H:%M"))
            else:
                error = CashierError("login.wrong_pin", "Wrong PIN, {left} attempts left",
                                     left=limit - e.failed_logins)
        raise error  # after the commit, so the failed attempt counts

    @public  # the supervisor's PIN is the authority
    def approve(self, pin: str, action: Action, requested_by: str) -> Approval:
        """Supervisor override: any active supervisor or admin whose PIN matches approves."""
        with self.ctx.db.write() as session:
            approvers = session.scalars(
                select(Employee).where(Employee.active, Employee.role.in_([Role.SUPERVISOR.value, Role.ADMIN.value]))
            ).all()
            for approver in approvers:
                if approver.locked_until and approver.locked_until > self.ctx.clock():
                    continue
                if _pin_matches(approver, pin):
                    audit.record(session, self.ctx.device_id, "override", requested_by,
                                 approver_id=approver.id, override=action.value)
                    return Approval(approver.id, approver.name, action)
            audit.record(session, self.ctx.device_id, "override_refused", requested_by,
                         override=action.value)
        raise CashierError("override.wrong_pin", "Not a supervisor's PIN")

    @public  # the admin's PIN is the authority
    def admin_by_pin(self, pin: str, purpose: str) -> EmployeeView:
        """The active admin whose PIN this is (for lawful exports from the command line)."""
        with self.ctx.db.write() as session:
            admins = session.scalars(select(Employee).where(
                Employee.active, Employee.role == Role.ADMIN.value)).all()
            for admin in admins:
                if not (admin.locked_until and admin.locked_until > self.ctx.clock()) \
                        and _pin_matches(admin, pin):
                    return _view(admin)
            audit.record(session, self.ctx.device_id, "admin_pin_refused", None, purpose=purpose)
        raise CashierError("override.wrong_pin", "Not an admin's PIN")

    @public  # the login screen's language buttons
    def set_language(self, employee_id: str, language: str) -> None:
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee_id)
            if e is not None:
                e.language = language


def require(approval: Approval | None, action: Action, needed: bool) -> None:
    """Raises NeedsApproval when approval is ``needed`` and no matching one was given."""
    if needed and (approval is None or approval.action is not action):
        raise NeedsApproval(action.value, "A supervisor must approve: {action}", action=action.value)
