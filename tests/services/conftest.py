"""A real till in a temporary folder: demo staff and catalog, plus a few products of our own.

Seeding hashes four PINs with scrypt, so the seeded folder is built once per session and copied
for each test; every test still gets its own SQLite file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forsell.domain.shift import DENOMINATIONS
from forsell.services.app import DEMO_STAFF, Till, open_till
from forsell.services.auth import EmployeeView
from forsell.services.catalog import ProductDraft, ProductView
from forsell.store.models import AuditEntry, OutboxJob

PINS = {"admin": "9000", "supervisor": "5000", "cashier": "1111", "cashier2": "2222"}
OPENING_FLOAT = 1_000_000  # 10 000 ₸


class Clock:
    """The till's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)  # 09:00 in Almaty (UTC+5 since 2024)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Staff:
    admin: EmployeeView
    supervisor: EmployeeView
    cashier: EmployeeView
    cashier2: EmployeeView


@dataclass(frozen=True)
class Products:
    bread: ProductView  # 250 ₸, 16 % VAT
    milk: ProductView  # 450,50 ₸, 12 % VAT
    cheese: ProductView  # 5 200 ₸ per kg, weighted, has a barcode
    water: ProductView  # 150 ₸, no VAT
    kurt: ProductView  # no barcode


OUR_PRODUCTS = [
    ProductDraft(
        "T-BREAD",
        "Хлеб пшеничный тестовый",
        25_000,
        1600,
        "4879990000019",
        "Сынақ бидай наны",
        "Test wheat bread",
    ),
    ProductDraft(
        "T-MILK",
        "Молоко пастеризованное тестовое",
        45_050,
        1200,
        "4879990000026",
        "Сынақ пастерленген сүт",
        "Test pasteurised milk",
    ),
    ProductDraft(
        "T-CHEESE",
        "Сыр тестовый весовой",
        520_000,
        1600,
        "4879990000033",
        "Сынақ ірімшігі",
        "Test cheese by weight",
        weighted=True,
    ),
    ProductDraft("T-WATER", "Вода тестовая", 15_000, 0, "4879990000040", "Сынақ суы", "Test water"),
    ProductDraft("T-KURT", "Курт тестовый", 30_000, 1600, "", "Сынақ құрты", "Test kurt"),
]


def admin_of(till: Till) -> EmployeeView:
    """The demo store's admin (catalog changes are an admin's)."""
    return next(e for e in till.staff.staff() if e.role.value == "admin")


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "till"
    till = open_till(path)
    try:
        for draft in OUR_PRODUCTS:
            till.catalog.save(admin_of(till), draft)
    finally:
        till.close()
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "till"
    shutil.copytree(seeded_dir, target)
    return target


@pytest.fixture
def till(data_dir: Path, clock: Clock):
    till = open_till(data_dir, clock=clock)
    yield till
    till.close()


@pytest.fixture
def staff(till: Till) -> Staff:
    by_name = {e.name: e for e in till.staff.staff()}
    names = [name for name, *_ in DEMO_STAFF]
    return Staff(*(by_name[n] for n in names))


@pytest.fixture
def products(till: Till) -> Products:
    return Products(*(till.catalog.search(d.sku)[0] for d in OUR_PRODUCTS))


@pytest.fixture
def shift(till: Till, staff: Staff):
    return till.shifts.open(staff.cashier, OPENING_FLOAT)


def outbox_rows(till: Till, kind: str | None = None) -> list[OutboxJob]:
    with till.ctx.db.read() as session:
        stmt = select(OutboxJob).order_by(OutboxJob.id)
        if kind:
            stmt = stmt.where(OutboxJob.kind == kind)
        return list(session.scalars(stmt))


def audit_rows(till: Till, action: str | None = None) -> list[AuditEntry]:
    with till.ctx.db.read() as session:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            stmt = stmt.where(AuditEntry.action == action)
        return list(session.scalars(stmt))


def count(till: Till, model) -> int:
    with till.ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def counts_for(amount: int) -> dict[int, int]:
    """The drawer count that adds up to ``amount`` (whole tenge), largest notes first."""
    assert amount % 100 == 0
    result = {}
    for d in DENOMINATIONS:
        result[d], amount = divmod(amount, d)
    return {d: n for d, n in result.items() if n}
