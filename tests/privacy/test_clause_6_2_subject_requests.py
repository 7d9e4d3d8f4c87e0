"""Privacy policy clauses 6.2-6.3 as code: the data subject may learn the fact, purposes and
methods of processing and ask for clarification, blocking or destruction.

The answer to a request lists every table the data map says holds that subject, and the map
itself cannot forget one: a personal-data column that points at an employee, or a table keyed
by a recording, must be named in the map's ``subjects`` block.
"""

from __future__ import annotations

import os

import pytest

from forsell.audio.archive import EncryptedArchive
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.services.privacy import data_map as dm
from forsell.services.privacy.requests import (
    PrivacyRequests,
    subject_employee,
    subject_receipt,
)
from forsell.services.recordings import KEY_FILE
from forsell.store.models import Base
from forsell.vault.keys import KeyVault
from recording_child import record_into

#: Columns that name an employee without a foreign key in the models (kept as plain ids so a
#: recording or score outlives its row in ``employees``).
EMPLOYEE_ID_COLUMNS = {"employee_id"}


def _employee_columns() -> dict[str, set[str]]:
    """Table → its columns that hold an employee's id, from the models."""
    found: dict[str, set[str]] = {}
    for name, table in Base.metadata.tables.items():
        for column in table.columns:
            points_at_staff = any(fk.column.table.name == "employees" for fk in column.foreign_keys)
            if points_at_staff or column.name in EMPLOYEE_ID_COLUMNS:
                found.setdefault(name, set()).add(column.name)
    found.setdefault("employees", set()).add("id")
    return found


def test_every_column_that_names_an_employee_is_in_the_employee_subject() -> None:
    subject = dm.shipped().subjects["employee"].tables
    for table, columns in _employee_columns().items():
        assert table in subject, f"{table} holds employees' data but the data map omits it"
        assert columns <= set(subject[table].columns), (table, columns)


def test_every_table_of_a_recording_is_in_both_subjects() -> None:
    # A conversation is the cashier's and the customer's at once.
    subjects = dm.shipped().subjects
    keyed_by_recording = {
        name
        for name, table in Base.metadata.tables.items()
        if "recording_id" in table.columns and dm.shipped().tables[name].personal_data
    }
    for kind in ("employee", "customer"):
        missing = keyed_by_recording - set(subjects[kind].tables)
        assert not missing, f"{kind}: {sorted(missing)}"


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path)
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    yield till, vault
    vault.close()
    till.close()


def _sell_with_recording(till, vault) -> int:
    cashier = till.staff.login(
        next(e for e in till.staff.staff() if e.role is Role.CASHIER).id, "1111"
    )
    till.shifts.open(cashier, 0)
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    rid = record_into(archive, 2.0, finish=True, employee_id=cashier.id)
    sale = till.sale_for(cashier)
    sale.add(till.catalog.search("Капучино")[0])
    receipt = sale.pay(Payment(cash_tendered=10_000_00))
    archive.link_sale(rid, receipt.sale_id)
    return receipt.receipt_no


@pytest.mark.parametrize("kind", ["employee", "customer"])
def test_the_answer_lists_every_table_the_data_map_says_holds_that_subject(till, kind) -> None:
    till, vault = till
    receipt_no = _sell_with_recording(till, vault)
    admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
    cashier = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
    subject = subject_employee(cashier.id) if kind == "employee" else subject_receipt(receipt_no)
    service = PrivacyRequests(till.ctx, vault)
    request = service.register(admin, "information", "the subject", subject)

    answer = service.report(admin, request.id)

    data_map = dm.shipped()
    assert [t["table"] for t in answer["tables"]] == list(data_map.subjects[kind].tables)
    assert answer["data_held"] is True
    for table in answer["tables"]:
        personal = {c for c, col in data_map.tables[table["table"]].columns.items() if col.personal}
        assert set(table["columns"]) == personal  # personal columns only, each with its purpose
        for column in table["columns"].values():
            assert column["purpose"] and column["legal_basis"] and column["retention"]
    # the fact, the purposes and the methods of processing, and who gets the data (clause 6.3)
    assert answer["purposes"] and answer["methods"] and answer["legal_bases"]
    assert answer["retention"] and "backend" in answer["recipients"]
