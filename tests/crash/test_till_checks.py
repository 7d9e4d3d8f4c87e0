"""The crash suite's checks see what they must: a lost outbox row, a doubled one, a gap in the
receipt numbers, a damaged page, plain audio. Each is made by hand in a real till's database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.store.db import check_integrity

from . import till_checks
from .test_damaged_pages import flip
from .till_child import scannable, sign_in


@pytest.fixture(scope="module")
def sound_db(tmp_path_factory) -> Path:
    """A till with three paid sales, closed cleanly."""
    folder = tmp_path_factory.mktemp("checks") / "till"
    till = open_till(folder)
    cashier = sign_in(till, Role.CASHIER)
    till.shifts.open(cashier, 0)
    (code,) = scannable(till, 1)
    for _ in range(3):
        sale = till.sale_for(cashier)
        sale.scan(code)
        sale.pay(Payment(cash_tendered=sale.view().total))
    till.close()
    return folder / DB_NAME


@pytest.fixture
def db(sound_db: Path, tmp_path: Path) -> Path:
    """A copy of the sound till's database for one test to spoil."""
    return Path(shutil.copy(sound_db, tmp_path / DB_NAME))


def _problems(db: Path, sql: str = "") -> list[str]:
    conn = sqlite3.connect(db)
    try:
        if sql:
            with conn:
                conn.execute(sql)
        return till_checks.numbering(conn) + till_checks.outbox(conn)
    finally:
        conn.close()


def test_a_sound_till_passes(db: Path) -> None:
    assert _problems(db) == [] and till_checks.integrity(db) == []


def test_a_missing_or_doubled_outbox_row_is_found(db: Path) -> None:
    assert _problems(
        db,
        "INSERT INTO outbox (id, lane, kind, entity_id, payload, created_at, state, attempts, "
        "next_attempt_at) SELECT id || 'x', lane, kind, entity_id, payload, created_at, state, "
        "attempts, next_attempt_at FROM outbox WHERE kind = 'sale' LIMIT 1",
    ) == ["outbox sale: 1 row(s) twice, e.g. " + _first_sale(db)]
    problems = _problems(db, "DELETE FROM outbox WHERE kind = 'sale'")
    assert problems == ["outbox sale: 3 row(s) missing, e.g. " + _first_sale(db)]


def test_a_gap_in_the_receipt_numbers_is_found(db: Path) -> None:
    problems = _problems(db, "UPDATE sales SET receipt_no = 4 WHERE receipt_no = 2")
    assert problems == ["receipt numbers not gapless: missing [2], doubled [], got [1, 3, 4]"]


def test_a_damaged_page_is_found_and_named(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    flip(db, "products", 0)
    assert till_checks.integrity(db)
    report = check_integrity(db)
    assert not report.ok and report.tables == ("products",), report


def test_plain_audio_is_found(tmp_path: Path) -> None:
    spill = tmp_path / "spill.tmp"
    spill.write_bytes(b"\0" * 100 + b"OggS\0\2" + b"\0" * 20 + b"OpusHead")
    try:
        assert till_checks.plain_audio([tmp_path]) == [
            f"plain audio (b'OpusHead') in {tmp_path}/spill.tmp"
        ]
    finally:
        # Gone at once: tests/test_no_plain_audio.py scans the whole temp folder for audio.
        spill.unlink()


def _first_sale(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT min(id) FROM sales").fetchone()[0]
    finally:
        conn.close()
