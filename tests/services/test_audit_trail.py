"""The audit trail at the till: the entries of a till upgraded to the chain are sealed at its
first start under a genesis checkpoint; the audit screen's paging and CSV export."""

from __future__ import annotations

import csv
import json
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.services.app import DB_NAME, Till, open_till
from forsell.services.audit_trail import AuditFilter, AuditTrail, verify_trail
from forsell.store import audit
from forsell.store.db import _alembic_config, make_engine
from forsell.store.models import AuditEntry
from platform_services import needs, secret_service

from .conftest import Staff

pytestmark = needs(secret_service)


def legacy_till(folder: Path, rows: int) -> None:
    """A till at schema 0014 (before the chain) whose audit table holds ``rows`` entries."""
    folder.mkdir(parents=True)
    path = folder / DB_NAME
    engine = make_engine(path)
    with engine.begin() as conn:
        from alembic import command

        command.upgrade(_alembic_config(conn), "0014")
    engine.dispose()
    conn = sqlite3.connect(path)
    for i in range(rows):
        conn.execute(
            "INSERT INTO audit (id, at, device_id, employee_id, action, details) VALUES "
            "(?, ?, 'd', NULL, 'login', ?)",
            (f"old-{i:03d}", f"2026-01-01 10:00:{i:02d}.000000", json.dumps({"i": i})),
        )
    conn.commit()
    conn.close()


def test_an_upgraded_till_seals_its_old_entries_under_a_genesis_checkpoint(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "till"
    legacy_till(folder, 25)
    till = open_till(folder, seed_demo=False)
    try:
        report = verify_trail(till.ctx)
        assert report.intact and report.entries == 26
        assert [(c.reason, c.count, c.seq) for c in report.checkpoints] == [("genesis", 25, 26)]
    finally:
        till.close()
    conn = sqlite3.connect(folder / DB_NAME)
    order = [r[0] for r in conn.execute("SELECT id FROM audit WHERE seq <= 25 ORDER BY seq")]
    conn.execute("UPDATE audit SET details = '{\"i\": 1000}' WHERE id = 'old-007'")
    conn.commit()
    conn.close()
    assert order == [f"old-{i:03d}" for i in range(25)]
    till = open_till(folder, seed_demo=False)
    try:
        broken = verify_trail(till.ctx).broken
        assert broken is not None and (broken.kind, broken.seq) == ("altered", 8)
    finally:
        till.close()


def test_a_new_till_keeps_a_sealed_trail_from_its_first_entry(till: Till, staff: Staff) -> None:
    till.staff.login(staff.cashier.id, "1111")
    till.staff.login(staff.admin.id, "9000")
    report = verify_trail(till.ctx)
    assert report.intact and report.entries >= 2 and report.first_seq == 1
    assert report.checkpoints == ()


def test_the_screen_pages_newest_first_and_filters(till: Till, staff: Staff) -> None:
    for _ in range(5):
        till.staff.login(staff.cashier.id, "1111")
    trail = AuditTrail(till.ctx)
    first = trail.page(staff.supervisor, AuditFilter(action="login"), size=3)
    assert [line.action for line in first.lines] == ["login"] * 3
    assert first.lines[0].who == staff.cashier.name
    assert first.next_before == first.lines[-1].seq
    rest = trail.page(staff.supervisor, AuditFilter(action="login"), before=first.next_before)
    assert len(rest.lines) == 2 and rest.next_before is None
    seqs = [line.seq for line in first.lines + rest.lines]
    assert seqs == sorted(seqs, reverse=True)
    mine = trail.page(staff.supervisor, AuditFilter(employee_id=staff.admin.id))
    assert all(line.employee_id == staff.admin.id for line in mine.lines)
    today = till.ctx.local(till.ctx.clock()).date()
    assert trail.page(staff.supervisor, AuditFilter(since=today, until=today)).lines
    empty = trail.page(staff.supervisor, AuditFilter(until=date(2020, 1, 1)))
    assert empty.lines == () and empty.next_before is None
    assert "login" in trail.actions(staff.supervisor)


def test_a_cashier_may_not_read_the_trail(till: Till, staff: Staff) -> None:
    with pytest.raises(CashierError) as refused:
        AuditTrail(till.ctx).page(staff.cashier, AuditFilter())
    assert refused.value.key == "supervisor.only"


def test_export_writes_a_private_csv_and_is_audited(
    till: Till, staff: Staff, tmp_path: Path
) -> None:
    till.staff.login(staff.cashier.id, "1111")
    out = tmp_path / "audit.csv"
    count = AuditTrail(till.ctx).export_csv(staff.admin, AuditFilter(action="login"), out)
    assert count >= 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 for Excel
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))  # the store's locale is Russian
    assert rows[0] == ["seq", "time_utc", "employee_id", "employee", "action", "details"]
    assert len(rows) == count + 1 and {r[4] for r in rows[1:]} == {"login"}
    exported = AuditTrail(till.ctx).page(staff.admin, AuditFilter(action="audit_exported"))
    assert json.loads(exported.lines[0].details)["count"] == count
    out.chmod(0o644)  # a file the save dialog agreed to replace is replaced, private again
    assert AuditTrail(till.ctx).export_csv(staff.admin, AuditFilter(), out) > count
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert verify_trail(till.ctx).intact


def test_the_pdf_document_holds_the_filter_the_exporter_and_the_chain_check(
    till: Till, staff: Staff
) -> None:
    for _ in range(3):
        till.staff.login(staff.cashier.id, "1111")
    trail = AuditTrail(till.ctx)
    flt = AuditFilter(employee_id=staff.cashier.id, action="login")
    doc = trail.document(staff.supervisor, flt, limit=2)
    assert doc.total == 3 and [line.action for line in doc.lines] == ["login", "login"]
    assert doc.lines[0].seq < doc.lines[1].seq  # oldest first, as a document reads
    assert doc.employee_name == staff.cashier.name
    assert doc.exported_by == staff.supervisor.name
    assert doc.chain is not None and doc.chain.intact and doc.chain_problem == ""
    trail.record_pdf_export(staff.supervisor, doc)
    (made,) = trail.page(staff.admin, AuditFilter(action="audit_pdf_exported")).lines
    assert json.loads(made.details) == {
        "chain": "intact",
        "count": 2,
        "employee": staff.cashier.id,
        "filter_action": "login",
        "since": None,
        "total": 3,
        "until": None,
    }
    # A changed row: the next document says the chain is broken.
    with till.ctx.db.write() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.seq == doc.lines[0].seq))
        entry.action = "logout"
    broken = trail.document(staff.supervisor, AuditFilter()).chain
    assert broken is not None and not broken.intact
    with pytest.raises(CashierError):
        trail.document(staff.cashier, flt)


def test_a_till_without_the_key_hook_writes_unsealed_and_says_so(till: Till) -> None:
    till.ctx.db.audit.key = None
    with till.ctx.db.write() as session:
        audit.record(session, till.ctx.device_id, "login", None)
    broken = verify_trail(till.ctx).broken
    assert broken is not None and broken.kind == "unsealed"


def test_a_price_change_is_audited_with_the_price_before_and_after(
    till: Till, staff: Staff
) -> None:
    from dataclasses import replace

    from forsell.services.catalog import ProductDraft

    product = till.catalog.search("T-WATER")[0]
    draft = ProductDraft(
        "T-WATER", "Вода тестовая", 17_500, 0, "4879990000040", "Сынақ суы", "Test water"
    )
    till.catalog.save(staff.admin, replace(draft, id=product.id))
    page = AuditTrail(till.ctx).page(staff.admin, AuditFilter(action="product_changed"))
    details = json.loads(page.lines[0].details)
    assert (details["sku"], details["price_before"], details["price"]) == (
        "T-WATER",
        15_000,
        17_500,
    )
    assert page.lines[0].employee_id == staff.admin.id
