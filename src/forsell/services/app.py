"""Opening the till: data folder, database (migrated), demo store on first run, the services."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update

from forsell.domain.roles import Role
from forsell.paths import PRIVATE_DIR_MODE, make_private, resources_dir
from forsell.store.db import DatabaseProblem, open_database
from forsell.store.models import Employee, ParkedSale

from .auth import EmployeeView, StaffService, new_employee
from .catalog import CatalogService
from .context import TillContext
from .recordings import KEY_FILE
from .refunds import RefundService
from .shifts import ShiftService
from .till import TillService

DB_NAME = "cashier.sqlite"

log = logging.getLogger(__name__)

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

    def sale_for(self, employee: EmployeeView) -> TillService:
        """The selling service for the employee who just logged in, with a cart of their own."""
        return TillService(self.ctx, self.catalog, employee)

    def close(self) -> None:
        """Closes the database connections; called once when the till quits."""
        self.ctx.close()


def open_till(data_dir: Path, *, seed_demo: bool = True, clock=None) -> Till:
    """Opens the till in ``data_dir``; raises ``store.db.DatabaseProblem`` if it cannot."""
    data_dir.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    loosened = make_private(data_dir)  # made by an older version, or copied in by hand
    if loosened:
        log.warning("%d path(s) in the data folder were open to other users; now private",
                    len(loosened))
    # A key file means recordings were made here: an empty database beside it is damage.
    db = open_database(data_dir / DB_NAME, data_dir / "backups",
                       used_before=(data_dir / KEY_FILE).exists())
    with db.write() as session:
        # No cashier holds a cart across a start: a parked sale that was recalled and then cut
        # off by a crash before payment goes back to the list.
        session.execute(update(ParkedSale).where(ParkedSale.recalled_at.is_not(None))
                        .values(recalled_at=None))
    ctx = TillContext(db, data_dir, **({"clock": clock} if clock else {}))
    till = Till(ctx, StaffService(ctx), CatalogService(ctx), ShiftService(ctx), RefundService(ctx))
    if seed_demo:
        seed_demo_store(till)
    return till


def seed_demo_store(till: Till) -> bool:
    """First run only: the demo catalog and staff. Returns True if it seeded.

    A kill at any point leaves either no staff (and the next start seeds again: the catalog
    import updates the products it already wrote) or all of them: the staff are added in one
    transaction, after the catalog, so a till is never left without a cashier or an admin.
    """
    with till.ctx.db.read() as session:
        if session.scalar(select(func.count(Employee.id))):
            return False
    till.catalog.import_csv(resources_dir() / "demo" / "catalog.csv")
    with till.ctx.db.write() as session:
        if session.scalar(select(func.count(Employee.id))):
            return False  # another start seeded meanwhile
        for name, role, pin, language in DEMO_STAFF:
            new_employee(session, name, role, pin, language)
    return True
