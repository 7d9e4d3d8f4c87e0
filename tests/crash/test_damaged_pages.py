"""Damaged pages in a copy of a real till's database: ``forsell-cashier doctor --full`` names the
damaged table and the newest backup that is still good, and the till never takes the damaged
file for a new till.

The till is real: the first released schema upgraded (one backup copy), hundreds of sales, a
later backup copy, and a newest copy that is itself damaged, so that "newest good" means
something. Bytes are flipped in the header and in the cell area of a leaf page of the ``sales``
table and of one of its indexes (``ix_sales_shift``), found with SQLite's ``dbstat``.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.services.doctor import check_database
from forsell.store.db import DatabaseProblem, backup_copy, backups
from forsell.store.models import Product

from .till_child import sign_in

pytestmark = pytest.mark.slow

SCHEMA_0001 = Path(__file__).parents[1] / "store" / "fixtures" / "schema_0001.sqlite"
SALES = 300


def _leaf_page(db: Path, name: str) -> tuple[int, int]:
    """(page number, page size) of a leaf page in the middle of table or index ``name``."""
    conn = sqlite3.connect(db)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (name,),
            )
        ]
    finally:
        conn.close()
    assert len(pages) >= 3, f"{name} is too small to damage one page of it: {pages}"
    return pages[len(pages) // 2], size


def flip(db: Path, name: str, offset: int, count: int = 16) -> int:
    """Inverts ``count`` bytes at ``offset`` of a leaf page of ``name``; returns the page."""
    page, size = _leaf_page(db, name)
    with db.open("r+b") as raw:
        raw.seek((page - 1) * size + offset)
        was = raw.read(count)
        raw.seek((page - 1) * size + offset)
        raw.write(bytes(b ^ 0xFF for b in was))
    return page


@pytest.fixture(scope="module")
def real_till(tmp_path_factory) -> tuple[Path, Path, int]:
    """A used till, closed cleanly: (its folder, its newest good backup, its last receipt)."""
    data = tmp_path_factory.mktemp("real") / "till"
    data.mkdir()
    shutil.copy(SCHEMA_0001, data / DB_NAME)
    till = open_till(data)  # upgraded after a backup copy
    cashier = sign_in(till, Role.CASHIER)
    if till.shifts.current() is None:
        till.shifts.open(cashier, 0)
    with till.ctx.db.read() as session:
        codes = list(
            session.scalars(
                select(Product.barcode).where(
                    Product.barcode.is_not(None), Product.weighted.is_(False)
                )
            )
        )
    for n in range(SALES):
        sale = till.sale_for(cashier)
        for k in range(3):
            sale.scan(codes[(n + k) % len(codes)])
        last = sale.pay(Payment(cash_tendered=sale.view().total)).receipt_no
    till.close()
    good = backup_copy(data / DB_NAME, data / "backups", "manual")
    newest = backup_copy(data / DB_NAME, data / "backups", "manual")
    flip(newest, "sales", 0)  # the newest copy went bad on disk too
    assert backups(data / "backups")[-1] == newest
    return data, good, last


def _damaged_copy(real_till, tmp_path: Path, name: str, offset: int) -> Path:
    data, _good, _last = real_till
    copy = tmp_path / "till"
    shutil.copytree(data, copy)
    flip(copy / DB_NAME, name, offset)
    return copy


def _doctor_full(data_dir: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "forsell.cli", "--data-dir", str(data_dir), "doctor", "--full"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = [l for l in done.stdout.splitlines() if "database:" in l]
    return line


CASES = {
    "table page header": ("sales", 0),
    "table page cells": ("sales", 2000),
    "index page header": ("ix_sales_shift", 0),
    "index page cells": ("ix_sales_shift", 2000),
}


@pytest.mark.parametrize("case", list(CASES))
def test_doctor_full_names_the_damaged_table_and_the_newest_good_backup(real_till, tmp_path, case):
    copy = _damaged_copy(real_till, tmp_path, *CASES[case])
    line = _doctor_full(copy)
    assert line.startswith("FAIL") and "integrity_check" in line, line
    assert "in table(s) sales" in line, line
    good = real_till[1]
    assert f"restore the newest good copy {copy / 'backups' / good.name}" in line, line


@pytest.mark.parametrize("case", ["table page header", "index page header"])
def test_the_quick_check_finds_a_damaged_page_header_too(real_till, tmp_path, case):
    copy = _damaged_copy(real_till, tmp_path, *CASES[case])
    result = check_database(copy)
    assert not result.ok and "in table(s) sales" in result.found, result.line()


@pytest.mark.parametrize("case", list(CASES))
def test_a_damaged_database_is_never_taken_for_a_new_till(real_till, tmp_path, case):
    copy = _damaged_copy(real_till, tmp_path, *CASES[case])
    conn = sqlite3.connect(copy / DB_NAME)
    device = conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()
    staff = conn.execute("SELECT count(*) FROM employees").fetchone()
    conn.close()
    refused: DatabaseProblem | None = None
    try:
        till = open_till(copy)
    except DatabaseProblem as problem:
        refused = problem
    if refused is not None:  # refused: then as damage, with the copy to restore
        assert refused.kind == "corrupt" and refused.backup is not None, refused
        return
    try:  # opened: the same till, with its sales, not a fresh demo store
        with till.ctx.db.read() as session:
            sql = session.connection().exec_driver_sql
            assert sql("SELECT value FROM settings WHERE key = 'device_id'").first() == device
            assert sql("SELECT count(*) FROM employees").first() == staff
            assert sql("SELECT max(receipt_no) FROM sales").scalar() == real_till[2]
    finally:
        till.close()
