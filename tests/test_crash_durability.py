"""A paid sale survives the till process being killed the instant after payment.

A child process sells and pays, says so, and is killed with SIGKILL (no clean shutdown, no
atexit, no connection close). The reopened till must have the whole sale, its outbox row, and
carry on with the next gapless receipt number.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from forsell.domain.payment import Payment
from forsell.services.app import DB_NAME, DEMO_STAFF, Till, open_till
from forsell.services.auth import EmployeeView
from forsell.services.catalog import ProductDraft
from forsell.store.models import OutboxJob, Sale

pytestmark = pytest.mark.slow

CASHIER_NAME, _, CASHIER_PIN, _ = DEMO_STAFF[2]  # Данияр Ахметов, 1111

# The till in a child process: argv = data dir, cashier name, PIN, then the barcodes it scans.
CHILD = """
import sys, time
from pathlib import Path
from forsell.domain.payment import Payment
from forsell.services.app import open_till

data_dir, cashier_name, pin, *barcodes = sys.argv[1:]
till = open_till(Path(data_dir))
person = next(e for e in till.staff.staff() if e.name == cashier_name)
cashier = till.staff.login(person.id, pin)
till.shifts.open(cashier, 0)
sale = till.sale_for(cashier)
for code in barcodes:
    sale.scan(code)
receipt = sale.pay(Payment(cash_tendered=sale.view().total))
print("PAID", receipt.receipt_no, receipt.sale_id, flush=True)
time.sleep(600)  # the test kills us long before this ends
"""


def login_cashier(till: Till) -> EmployeeView:
    person = next(e for e in till.staff.staff() if e.name == CASHIER_NAME)
    return till.staff.login(person.id, CASHIER_PIN)


def test_a_paid_sale_survives_sigkill_and_numbering_continues(tmp_path: Path) -> None:
    till = open_till(tmp_path)
    admin = next(e for e in till.staff.staff() if e.role.value == "admin")
    latte = till.catalog.save(
        admin,
        ProductDraft(
            sku="CRASH-1", name_ru="Латте", price=125000, vat_bp=1200, barcode="4870000000017"
        ),
    )
    bun = till.catalog.save(
        admin,
        ProductDraft(
            sku="CRASH-2", name_ru="Булочка", price=49950, vat_bp=1200, barcode="4870000000024"
        ),
    )
    till.close()

    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(tmp_path),
            CASHIER_NAME,
            CASHIER_PIN,
            latte.barcode,
            bun.barcode,
            bun.barcode,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said = child.stdout.readline().split()
        if not said or said[0] != "PAID":
            child.kill()
            pytest.fail(f"the child did not pay: {said} {child.communicate()[1]}")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    _, receipt_no, sale_id = said
    assert int(receipt_no) == 1

    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()

    till = open_till(tmp_path)
    try:
        with till.ctx.db.read() as session:
            sale = session.get(Sale, sale_id)
            assert sale is not None
            assert sale.receipt_no == 1
            assert [(l.sku, l.qty_milli, l.net) for l in sale.lines] == [
                ("CRASH-1", 1000, 125000),
                ("CRASH-2", 2000, 99900),
            ]
            assert sale.total == 224900 == sale.cash
            jobs = session.scalars(select(OutboxJob).where(OutboxJob.entity_id == sale_id)).all()
            assert [(j.kind, j.state, j.payload["total"]) for j in jobs] == [
                ("sale", "pending", 224900)
            ]

        cashier = login_cashier(till)
        assert till.shifts.current() is not None  # the shift the killed till opened is still open
        sale = till.sale_for(cashier)
        sale.scan(bun.barcode)
        receipt = sale.pay(Payment(cash_tendered=50000))
        assert receipt.receipt_no == int(receipt_no) + 1
        assert receipt.change == 50
    finally:
        till.close()
