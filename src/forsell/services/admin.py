"""The store admin's tasks: store settings and staff (add, change PIN, deactivate)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import Employee

from . import settings as s
from .access import public, requires
from .auth import EmployeeView, check_pin_format
from .context import TillContext


@dataclass(frozen=True)
class StoreSettings:
    """The editable part of the store's settings, as one form."""

    store_name: str
    store_bin: str
    store_address: str
    device_name: str
    receipt_footer: str
    receipt_language: str
    cashier_discount_limit_bp: int
    auto_lock_seconds: int
    kiosk: bool = False  # full screen, no frame, an admin PIN to leave (next start)


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    active: bool


def _check_bin(value: str) -> None:
    """BIN: 12 digits with a check digit (Kazakhstan's algorithm with two weight series)."""
    if not value:
        return
    if len(value) != 12 or not value.isdigit():
        raise CashierError("admin.bin", "A BIN is 12 digits")
    digits = [int(c) for c in value]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(d * w for d, w in zip(digits[:11], weights, strict=True)) % 11
        if check != 10:
            break
    if check == 10 or check != digits[11]:
        raise CashierError("admin.bin", "A BIN is 12 digits")


class StoreAdmin:
    """Admin-only use cases; the caller passes the admin who acts, for the audit trail."""

    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    @public
    def store_settings(self) -> StoreSettings:
        """The store's details as the admin screen shows them: name, BIN, address, till name,
        receipt footer and language, the cashier's discount limit and auto-lock time."""
        g = self.ctx.settings.get
        return StoreSettings(
            g(s.STORE_NAME),
            g(s.STORE_BIN),
            g(s.STORE_ADDRESS),
            g(s.DEVICE_NAME),
            g(s.RECEIPT_FOOTER),
            g(s.RECEIPT_LANGUAGE),
            g(s.CASHIER_DISCOUNT_LIMIT_BP),
            g(s.AUTO_LOCK_SECONDS),
            g(s.KIOSK),
        )

    @requires(Role.ADMIN)
    def save_store_settings(self, who: EmployeeView, new: StoreSettings) -> None:
        """Saves the form after every value passed the registry's check (the rule the backend's
        pulls obey too) and the BIN its check digit; audited as ``settings_changed``.

        Raises ``CashierError``, saving nothing: ``admin.only`` (not an admin), ``admin.bin`` (not
        12 digits with a valid check digit), or the refused setting's own key."""
        values = (
            (s.STORE_NAME, new.store_name.strip()),
            (s.STORE_BIN, new.store_bin),
            (s.STORE_ADDRESS, new.store_address.strip()),
            (s.DEVICE_NAME, new.device_name.strip() or s.DEVICE_NAME.default),
            (s.RECEIPT_FOOTER, new.receipt_footer.strip()),
            (s.RECEIPT_LANGUAGE, new.receipt_language),
            (s.CASHIER_DISCOUNT_LIMIT_BP, new.cashier_discount_limit_bp),
            (s.AUTO_LOCK_SECONDS, new.auto_lock_seconds),
            (s.KIOSK, new.kiosk),
        )
        for setting, value in values:
            setting.check(value)
        _check_bin(new.store_bin)
        st = self.ctx.settings
        for setting, value in values:
            if st.get(setting) != value:
                st.set(setting, value)
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "settings_changed", who.id)

    @public
    def staff(self) -> list[StaffMember]:
        """Everyone on the staff list, active or not, by name, as ``StaffMember`` views."""
        with self.ctx.db.read() as session:
            rows = session.scalars(select(Employee).order_by(Employee.name)).all()
            return [StaffMember(e.id, e.name, Role(e.role), e.active) for e in rows]

    @requires(Role.ADMIN)
    def add_employee(self, who: EmployeeView, name: str, role: Role, pin: str) -> StaffMember:
        """Adds an employee with a PIN (kept only as a peppered scrypt hash), audited; returns the
        new member.

        Raises ``CashierError``: ``admin.only``, ``admin.name`` (empty name), ``pin.format`` (not 4
        to 8 digits), the ``pin.*`` refusals when no PIN key is usable."""
        if not name.strip():
            raise CashierError("admin.name", "Enter the employee's name")
        check_pin_format(pin)
        with self.ctx.db.write() as session:
            digest, salt = self.ctx.pins.seal(session, pin)
            e = Employee(name=name.strip(), role=role.value, pin_hash=digest, pin_salt=salt)
            session.add(e)
            session.flush()
            audit.record(
                session,
                self.ctx.device_id,
                "employee_added",
                who.id,
                subject_id=e.id,
                role=role.value,
            )
            return StaffMember(e.id, e.name, role, True)

    @requires(Role.ADMIN)
    def change_pin(self, who: EmployeeView, employee_id: str, pin: str) -> None:
        """Gives an employee a new PIN and lifts a lock-out after wrong PINs; audited.

        Raises ``CashierError``: ``admin.only``, ``pin.format``, ``login.unknown`` (no such
        employee)."""
        check_pin_format(pin)
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee_id)
            if e is None:
                raise CashierError("login.unknown", "No such employee")
            digest, salt = self.ctx.pins.seal(session, pin)
            e.pin_hash, e.pin_salt, e.failed_logins, e.locked_until = digest, salt, 0, None
            audit.record(session, self.ctx.device_id, "pin_changed", who.id, subject_id=e.id)

    @requires(Role.ADMIN)
    def set_active(self, who: EmployeeView, employee_id: str, active: bool) -> None:
        """Lets an employee log in again (``active``) or stops them from logging in; audited.

        Raises ``CashierError``: ``admin.only``, ``login.unknown``, ``admin.last_admin`` (the last
        active admin cannot be switched off)."""
        with self.ctx.db.write() as session:
            e = session.get(Employee, employee_id)
            if e is None:
                raise CashierError("login.unknown", "No such employee")
            if not active and e.role == Role.ADMIN.value:
                admins = session.scalar(
                    select(func.count(Employee.id)).where(
                        Employee.role == Role.ADMIN.value, Employee.active
                    )
                )
                if admins <= 1:
                    raise CashierError("admin.last_admin", "The last admin cannot be deactivated")
            e.active = active
            audit.record(
                session,
                self.ctx.device_id,
                "employee_activated" if active else "employee_deactivated",
                who.id,
                subject_id=e.id,
            )
