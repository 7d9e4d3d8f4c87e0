"""Opening the till: data folder, database (migrated), demo store on first run, the services."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.paths import PRIVATE_DIR_MODE, make_private, resources_dir
from forsell.store import audit
from forsell.store.db import DatabaseProblem, open_database
from forsell.store.models import Employee, ParkedSale, Product, Sale

from .access import public, requires
from .auth import EmployeeView, StaffService, new_employee
from .backup_swap import finish_interrupted_restore, restore_source
from .catalog import CatalogService
from .context import TillContext
from .recordings import KEY_FILE
from .refunds import RefundService
from .shifts import ShiftService
from .till import TillService

if TYPE_CHECKING:
    from .doctor import DatabaseDamage

DB_NAME = "cashier.sqlite"

log = logging.getLogger(__name__)
#: The audit action of the first start after a restore: the trail continues from the backup's.
RESTORED = "backup_restored"

__all__ = [
    "DB_NAME",
    "DEMO_STAFF",
    "DatabaseProblem",
    "StartCheck",
    "Till",
    "open_till",
    "seed_demo_store",
]

#: The demo staff of a fresh install (README lists these PINs).
DEMO_STAFF = [
    ("Администратор", Role.ADMIN, "9000", "ru"),
    ("Айгерим Сапарова", Role.SUPERVISOR, "5000", "kk"),
    ("Данияр Ахметов", Role.CASHIER, "1111", "ru"),
    ("Мария Ким", Role.CASHIER, "2222", "ru"),
]


@dataclass(frozen=True)
class StartCheck:
    """What the till found after it started, in the background (see ``Till.check_at_start``)."""

    pins_problem: CashierError | None  # why no PIN can be checked (pin.*), or None
    damage: DatabaseDamage | None  # the database fails quick_check: sales are refused


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
    def check_at_start(self) -> StartCheck:
        """The checks that are too slow for the start itself (``quick_check`` reads the whole
        database; the secret store may answer slowly), for a background task. A damaged
        database stops new sales from now on (``sale.database_damaged``)."""
        from .doctor import database_damage

        damage = database_damage(self.ctx.data_dir)
        if damage is not None:
            log.error(
                "the database fails quick_check (%s); new sales are refused until it is restored",
                damage.first_problem,
            )
        self.ctx.sales_refused = damage
        return StartCheck(self.staff.pin_problem(), damage)

    @public
    def close(self) -> None:
        """Closes the database connections; called once when the till quits."""
        self.ctx.close()


def open_till(
    data_dir: Path, *, seed_demo: bool = True, clock=None, keyring_backend: Any = None
) -> Till:
    """Opens the till in ``data_dir``; raises ``store.db.DatabaseProblem`` if it cannot.
    ``keyring_backend``: the OS secret store that keeps the PIN pepper (None: keyring's)."""
    data_dir.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    loosened = make_private(data_dir)  # made by an older version, or copied in by hand
    if loosened:
        log.warning(
            "%d path(s) in the data folder were open to other users; now private", len(loosened)
        )
    # A restore killed past its commit point (or staged by the running till's admin screen) is
    # finished now; one killed before it, forgotten.
    restored_from = restore_source(data_dir)
    restored = finish_interrupted_restore(data_dir)
    if restored:
        log.warning("finished the restore of %s", restored_from)
    # A key file means recordings were made here: an empty database beside it is damage.
    db = open_database(
        data_dir / DB_NAME, data_dir / "backups", used_before=(data_dir / KEY_FILE).exists()
    )
    with db.write() as session:
        # No cashier holds a cart across a start: a parked sale that was recalled and then cut
        # off by a crash before payment goes back to the list.
        session.execute(
            update(ParkedSale).where(ParkedSale.recalled_at.is_not(None)).values(recalled_at=None)
        )
    ctx = TillContext(
        db, data_dir, **({"clock": clock} if clock else {}), keyring_backend=keyring_backend
    )
    # The first start after the upgrade seals the entries written before the audit chain.
    ctx.audit.seal_now()
    if restored:
        # The restored trail is shorter than the one the backend holds: this entry tells the
        # backend (and an auditor) that a branch starts here, instead of a forged chain.
        with db.write() as session:
            audit.record(session, ctx.device_id, RESTORED, None, file=restored_from or "")
    till = Till(ctx, StaffService(ctx), CatalogService(ctx), ShiftService(ctx), RefundService(ctx))
    if seed_demo:
        seed_demo_store(till)
    return till


def seed_demo_store(till: Till) -> bool:
    """First run only: the demo staff, then the demo catalog (imported as the demo admin, since
    a catalog import is an admin's). Returns True if it seeded anything.

    A kill at any point is repaired by the next start: the staff are added in one transaction,
    so a till never has some of them only; and a demo till whose first run was cut off before
    its catalog (the demo staff, no product, no sale) gets the catalog then.
    """
    demo_names = {name for name, *_ in DEMO_STAFF}
    # Every start passes here: a read, and the product/sale look-ups only on a demo-staffed till
    # (a real till's million sales are never counted at start-up).
    with till.ctx.db.read() as session:
        names = set(session.scalars(select(Employee.name)))
    fresh = not names
    if fresh:
        with till.ctx.db.write() as session:
            for name, role, pin, language in DEMO_STAFF:
                new_employee(session, name, role, pin, language)
        names = demo_names
    catalog_missing = False
    if names == demo_names:
        with till.ctx.db.read() as session:
            catalog_missing = (
                session.scalar(select(Product.id).limit(1)) is None
                and session.scalar(select(Sale.id).limit(1)) is None
            )
    if catalog_missing:
        admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
        till.catalog.import_csv(admin, resources_dir() / "demo" / "catalog.csv", audited=False)
    return fresh or catalog_missing
