"""Opening the till: data folder, database (migrated), demo store on first run, the services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from forsell.domain.roles import Role
from forsell.paths import resources_dir
from forsell.store.db import DatabaseProblem, open_database
from forsell.store.models import Employee

from .access import public, requires
from .auth import EmployeeView, StaffService
from .catalog import CatalogService
from .context import TillContext
from .refunds import RefundService
from .shifts import ShiftService
from .till import TillService

DB_NAME = "cashier.sqlite"

__all__ = ["DB_NAME", "DEMO_STAFF", "DatabaseProblem", "Till", "open_till", "seed_demo_store"]

#: The demo staff of a fresh install (README lists these PINs).
DEMO_STAFF = [
    ("Администратор", Role.ADMIN, "9000", "ru"),
    ("Айгерим Сапарова", Role.SUPERVISOR, "5000", "kk"),
    ("Данияр Ахметов", Role.CASHIER, "1111", "ru"),
    ("Мария Ким", Role.CASHIER, "2222", "ru"),
]


@dataclass
class Till:
    ctx: TillContext
    staff: StaffService
    catalog: CatalogService
    shifts: ShiftService
    refunds: RefundService

    @requires(Role.CASHIER)
    def sale_for(self, employee: EmployeeView) -> TillService:
        """The signed-in ``employee``'s sale in progress (a new, empty cart)."""
        return TillService(self.ctx, self.catalog, employee)

    @public
    def close(self) -> None:
        self.ctx.close()


def open_till(data_dir: Path, *, seed_demo: bool = True, clock=None) -> Till:
    """Opens the till in ``data_dir``; raises ``store.db.DatabaseProblem`` if it cannot."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(data_dir / DB_NAME, data_dir / "backups")
    ctx = TillContext(db, data_dir, **({"clock": clock} if clock else {}))
    till = Till(ctx, StaffService(ctx), CatalogService(ctx), ShiftService(ctx), RefundService(ctx))
    if seed_demo:
        seed_demo_store(till)
    return till


def seed_demo_store(till: Till) -> bool:
    """First run only: the demo catalog and staff. Returns True if it seeded."""
    with till.ctx.db.read() as session:
        if session.scalar(select(func.count(Employee.id))):
            return False
    seeded = [till.staff.add_employee(name, role, pin, language)
              for name, role, pin, language in DEMO_STAFF]
    admin = next(e for e in seeded if e.role is Role.ADMIN)
    till.catalog.import_csv(admin, resources_dir() / "demo" / "catalog.csv")
    return True
