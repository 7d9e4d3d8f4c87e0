"""Every released schema upgrades to head with its data; migrations also run backwards."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from forsell.domain.payment import Payment
from forsell.services.app import DB_NAME, open_till
from forsell.store.db import head_revision, open_database

from .conftest import FIXTURES, migrate_to, revision_of

SCHEMA_0001 = FIXTURES / "schema_0001.sqlite"
CASHIER_PIN = "1111"


@pytest.fixture
def migrated_0001(tmp_path: Path):
    """The saved revision-0001 database, copied and opened as the till (upgrade to head)."""
    assert revision_of(SCHEMA_0001) == "0001"
    shutil.copy(SCHEMA_0001, tmp_path / DB_NAME)
    till = open_till(tmp_path, seed_demo=False)
    yield till, tmp_path
    till.close()


def test_saved_0001_database_is_backed_up_then_upgraded(migrated_0001) -> None:
    _, data_dir = migrated_0001
    assert revision_of(data_dir / DB_NAME) == head_revision()
    backups = list((data_dir / "backups").glob("cashier-*.sqlite"))
    assert len(backups) == 1
    assert revision_of(backups[0]) == "0001"
    assert _same_rows(backups[0], SCHEMA_0001)


def _same_rows(a: Path, b: Path) -> bool:
    def dump(path: Path) -> list[str]:
        db = sqlite3.connect(path)
        try:
            return list(db.iterdump())
        finally:
            db.close()

    return dump(a) == dump(b)


def test_saved_data_survives_the_upgrade(migrated_0001) -> None:
    till, _ = migrated_0001
    names = {e.name for e in till.staff.staff()}
    assert names == {"Администратор", "Айгерим Сапарова", "Данияр Ахметов"}
    assert till.ctx.device_id == "01930000-0000-7000-8000-00000000d001"
    kazy = till.catalog.get("01930000-0000-7000-8000-000000000b03")
    assert kazy is not None
    assert kazy.names == {
        "ru": "Казы конская",
        "kk": "Жылқы қазысы",
        "en": "Horse meat sausage kazy",
    }
    assert (kazy.price, kazy.vat_bp, kazy.weighted) == (850_000, 1200, True)
    assert till.catalog.by_barcode("4870200000028").names["kk"] == "Қымыз 0,5 л"
    receipt = till.refunds.find("1")
    assert receipt.total == 417_500
    assert [(line.sku, line.qty_milli) for line in receipt.lines] == [
        ("BAK-001", 2000),
        ("MEA-001", 350),
    ]
    assert receipt.cashier_name == "Данияр Ахметов"
    shift = till.shifts.current()
    assert shift is not None and shift.opening_float == 1_000_000
    db = sqlite3.connect(till.ctx.db.path)
    assert db.execute("SELECT kind FROM outbox ORDER BY id").fetchall() == [
        ("shift_opened",),
        ("sale",),
    ]
    db.close()


@pytest.mark.parametrize(
    ("query", "sku"),
    [
        ("бау", "BAK-001"),  # 3-letter substring, Russian (trigram index built by the backfill)
        ("ырс", "BAK-001"),  # inside a word
        ("қым", "DAI-001"),  # Kazakh letters
        ("ШУБ", "DRK-001"),  # any case
        ("kum", "DAI-001"),
        ("к", "MEA-001"),  # 1-letter word prefix, Cyrillic (prefix index built by 0004)
        ("Ж", "MEA-001"),
        ("т", "CND-001"),
        ("ір", "CND-001"),
        ("DRK-001", "DRK-001"),
        ("4006381333931", "DRK-001"),
    ],
)
def test_search_works_on_migrated_products(migrated_0001, query: str, sku: str) -> None:
    till, _ = migrated_0001
    assert sku in [p.sku for p in till.catalog.search(query)]


def test_one_letter_prefix_matches_word_starts_only(migrated_0001) -> None:
    till, _ = migrated_0001
    # "ш" starts "Шубат"/"шұбаты"; inside "Ірімшік" it is no word start, so no match there.
    assert [p.sku for p in till.catalog.search("ш")] == ["DRK-001"]


def test_the_migrated_till_keeps_working(migrated_0001) -> None:
    till, _ = migrated_0001
    cashier = next(e for e in till.staff.staff() if e.name == "Данияр Ахметов")
    assert till.staff.login(cashier.id, CASHIER_PIN) == cashier
    sale = till.sale_for(cashier)
    sale.scan("4870200000011")
    receipt = sale.pay(Payment(cash_tendered=100_000))
    assert receipt.receipt_no == 2  # gapless after the saved receipt 1


def test_empty_database_downgrades_to_base_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "round.sqlite"
    open_database(path, tmp_path / "backups").dispose()
    assert revision_of(path) == head_revision()

    migrate_to(path, "base")
    assert revision_of(path) is None
    db = sqlite3.connect(path)
    # SQLite's own sqlite_stat1 (PRAGMA optimize as connections close) is no app table.
    tables = {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite~_%' ESCAPE '~'"
        )
    }
    db.close()
    assert tables <= {"alembic_version"}

    migrate_to(path, "head")
    assert revision_of(path) == head_revision()
    open_database(path, tmp_path / "backups").dispose()


def test_0002_downgrade_keeps_data_and_upgrade_rebuilds_search(migrated_0001) -> None:
    till, data_dir = migrated_0001
    till.close()
    path = data_dir / DB_NAME
    migrate_to(path, "0001")
    assert revision_of(path) == "0001"
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM products").fetchone()[0] == 5
    columns = {r[1] for r in db.execute("PRAGMA table_info(products)")}
    db.close()
    assert "search_key" not in columns
    again = open_till(data_dir, seed_demo=False)
    try:
        assert [p.sku for p in again.catalog.search("каз")] == ["MEA-001"]
        assert {p.sku for p in again.catalog.search("к")} == {"MEA-001", "DAI-001"}
    finally:
        again.close()


def test_0008_copies_start_cashier_and_failed_items_onto_kept_scores(tmp_path: Path) -> None:
    """A 0007 till with scores upgrades: every score is kept and gets its recording's start
    and cashier and its failed items; the percent-only index gives way to the order index."""
    path = tmp_path / "scores.sqlite"
    migrate_to(path, "0007")
    db = sqlite3.connect(path)
    rows = {
        "r1": (
            "2026-01-05 18:59:59.000000",
            "emp-a",
            50.0,
            {"greeting": "fail", "farewell": "fail", "ask_needs": "pass"},
        ),
        "r2": ("2026-01-06 00:00:00.000000", "emp-b", 100.0, {"greeting": "pass"}),
        "r3": ("2026-01-06 09:30:00.250000", None, None, {}),
    }
    for rid, (at, emp, percent, outcomes) in rows.items():
        db.execute(
            "INSERT INTO recordings (id, device_id, employee_id, reason, started_at, "
            "duration_ms, speech_ms, codec, sample_rate, bytes, chunks, overflows, "
            "silent, status) VALUES (?, 'dev', ?, 'sale', ?, 1, 0, 'ogg-opus', 16000, 0, "
            "0, 0, 0, 'sealed')",
            (rid, emp, at),
        )
        db.execute(
            "INSERT INTO conversation_scores (recording_id, scorecard_id, "
            "scorecard_version, percent, scored_percent, scorable, reason, outcomes, "
            "item_weights, offers, conversions, extra_revenue, flipped, sealed, "
            "scored_at) VALUES (?, 'cafe', 1, ?, ?, ?, NULL, ?, '{}', 1, 0, 0, 0, ?, "
            "'2026-01-07 10:00:00.000000')",
            (
                rid,
                percent,
                percent,
                int(percent is not None),
                json.dumps(outcomes),
                b"sealed-" + rid.encode(),
            ),
        )
        db.executemany(
            "INSERT INTO conversation_item_results VALUES (?, ?, ?, ?)",
            [(rid, k, v, v) for k, v in outcomes.items()],
        )
    db.commit()
    db.close()

    migrate_to(path, "0008")
    db = sqlite3.connect(path)
    try:
        got = {
            r[0]: r[1:]
            for r in db.execute(
                "SELECT recording_id, started_at, employee_id, failed, percent, sealed "
                "FROM conversation_scores"
            )
        }
        indexes = {
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'conversation_scores' "
                "AND type = 'index'"
            )
        }
    finally:
        db.close()
    assert set(got) == set(rows)
    for rid, (at, emp, percent, outcomes) in rows.items():
        failed = sorted(k for k, v in outcomes.items() if v == "fail")
        assert got[rid][:2] == (at, emp)
        assert sorted(filter(None, (got[rid][2] or "").split("|"))) == failed
        assert got[rid][3:] == (percent, b"sealed-" + rid.encode())
    assert got["r1"][2] in ("|farewell|greeting|", "|greeting|farewell|")
    assert got["r2"][2] is None and got["r3"][2] is None
    assert "ix_conversation_scores_order" in indexes
    assert "ix_conversation_scores_percent" not in indexes

    migrate_to(path, "0007")  # and back: the columns go, the scores stay
    db = sqlite3.connect(path)
    try:
        columns = {r[1] for r in db.execute("PRAGMA table_info(conversation_scores)")}
        assert db.execute("SELECT count(*) FROM conversation_scores").fetchone()[0] == 3
    finally:
        db.close()
    assert not columns & {"started_at", "employee_id", "failed"}


def test_0010_adds_speakers_confirmed_undecided_to_kept_scores(tmp_path: Path) -> None:
    """A 0009 till with a score upgrades: the score is kept, nobody has decided who is who
    yet; the app writes the flag through the model; and back, the column goes, the score
    stays."""
    path = tmp_path / "speakers.sqlite"
    migrate_to(path, "0009")
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO recordings (id, device_id, employee_id, reason, started_at, duration_ms, "
        "speech_ms, codec, sample_rate, bytes, chunks, overflows, silent, status) VALUES "
        "('r1', 'dev', NULL, 'sale', '2026-01-05 10:00:00.000000', 1, 0, 'ogg-opus', 16000, "
        "0, 0, 0, 0, 'sealed')"
    )
    db.execute(
        "INSERT INTO conversation_scores (recording_id, scorecard_id, scorecard_version, "
        "percent, scored_percent, scorable, reason, outcomes, item_weights, offers, "
        "conversions, extra_revenue, flipped, sealed, scored_at) VALUES ('r1', 'cafe', 1, "
        "NULL, NULL, 0, 'speakers_uncertain', '{}', '{}', 0, 0, 0, 0, x'00', "
        "'2026-01-07 10:00:00.000000')"
    )
    db.commit()
    db.close()

    migrate_to(path, "0010")
    assert revision_of(path) == "0010"
    db = sqlite3.connect(path)
    try:
        assert db.execute(
            "SELECT reason, speakers_confirmed FROM conversation_scores"
        ).fetchall() == [("speakers_uncertain", 0)]
    finally:
        db.close()

    database = open_database(path, tmp_path / "backups")
    try:
        from forsell.store.models import ConversationScore

        with database.write() as session:
            session.get(ConversationScore, "r1").speakers_confirmed = True
        with database.read() as session:
            assert session.get(ConversationScore, "r1").speakers_confirmed is True
    finally:
        database.dispose()

    migrate_to(path, "0009")
    db = sqlite3.connect(path)
    try:
        columns = {r[1] for r in db.execute("PRAGMA table_info(conversation_scores)")}
        assert db.execute("SELECT count(*) FROM conversation_scores").fetchone()[0] == 1
    finally:
        db.close()
    assert "speakers_confirmed" not in columns


def test_0012_keeps_every_consent_in_force_as_a_legacy_recording_consent(tmp_path: Path) -> None:
    """A 0010 till with a consent upgrades: it stays in force, for recording, to the "legacy"
    text (the signed paper); a consent to the transfer abroad is new in 0012 and goes on the
    way back, which keeps the recording consent."""
    path = tmp_path / "consents.sqlite"
    migrate_to(path, "0010")
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO employees (id, name, role, pin_hash, pin_salt, language, active, "
        "failed_logins, lockouts, created_at) VALUES ('e1', 'Dana', 'cashier', x'00', x'00', "
        "'ru', 1, 0, 0, '2026-01-01 10:00:00.000000')"
    )
    db.execute(
        "INSERT INTO recording_consents (id, employee_id, given_at, recorded_by) VALUES "
        "('c1', 'e1', '2026-01-05 10:00:00.000000', 'e1')"
    )
    db.commit()
    db.close()

    migrate_to(path, "0012")
    db = sqlite3.connect(path)
    try:
        assert db.execute(
            "SELECT purpose, text_version, withdrawn_at, withdrawn_by FROM recording_consents"
        ).fetchall() == [("recording", "legacy", None, None)]
        db.execute(
            "INSERT INTO recording_consents (id, employee_id, purpose, given_at, recorded_by) "
            "VALUES ('c2', 'e1', 'abroad', '2026-01-06 10:00:00.000000', 'e1')"
        )
        db.commit()
    finally:
        db.close()

    migrate_to(path, "0010")
    db = sqlite3.connect(path)
    try:
        columns = {r[1] for r in db.execute("PRAGMA table_info(recording_consents)")}
        assert db.execute("SELECT id FROM recording_consents").fetchall() == [("c1",)]
    finally:
        db.close()
    assert not columns & {"purpose", "text_version", "withdrawn_by", "withdrawal_reason"}


def _found(db: sqlite3.Connection, table: str, query: str) -> list[str]:
    return [
        sku
        for (sku,) in db.execute(
            f"SELECT sku FROM products WHERE rowid IN "
            f"(SELECT rowid FROM {table} WHERE {table} MATCH ?) ORDER BY sku",
            (query,),
        )
    ]


def test_0023_folds_only_kazakh_text_and_forgets_what_0022_indexed(tmp_path: Path) -> None:
    """0023's triggers fold a cell only when it has a Kazakh letter; what they write is what
    0022's wrote, so a product indexed before the upgrade is forgotten when it is renamed after
    it (a contentless index forgets only the exact values it was given), and back down again."""
    path = tmp_path / "search.sqlite"
    migrate_to(path, "0020")
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO products (id, sku, barcode, name_ru, name_kk, name_en, price, vat_bp, "
        "weighted, favourite, active, updated_at) VALUES ('p1', 'SEA-1', NULL, 'Облепиха', "
        "'Шырғанақ', 'Sea buckthorn', 90000, 1200, 0, 0, 1, '2026-01-01 10:00:00.000000')"
    )
    db.commit()
    db.close()

    migrate_to(path, "0023")
    db = sqlite3.connect(path)
    try:
        assert _found(db, "product_search", '"шырганак"') == ["SEA-1"]
        db.execute("UPDATE products SET name_kk = 'Қымыз', name_ru = 'Кумыс' WHERE id = 'p1'")
        db.execute(
            "INSERT INTO products (id, sku, barcode, name_ru, name_kk, name_en, price, vat_bp, "
            "weighted, favourite, active, updated_at) VALUES ('p2', 'MILK-1', '4870001', "
            "'Молоко', 'Сүт', 'Milk', 50000, 1200, 0, 0, 1, '2026-01-01 10:00:00.000000')"
        )
        db.commit()
        for table in ("product_search", "product_words"):
            # 0022's folded words are gone: a stale entry would still match them.
            assert _found(db, table, '"шырганак"') == []
            assert _found(db, table, '"облепиха"') == []
            assert _found(db, table, '"кымыз"') == ["SEA-1"]
            assert _found(db, table, '"сут"') == ["MILK-1"]
            assert _found(db, table, '"milk"') == ["MILK-1"]
        assert _found(db, "product_search", '"487000"') == ["MILK-1"]
        assert _found(db, "product_words", "к*") == ["SEA-1"]
    finally:
        db.close()

    migrate_to(path, "0020")
    db = sqlite3.connect(path)
    try:
        db.execute("DELETE FROM products WHERE id = 'p2'")
        db.execute("UPDATE products SET name_kk = 'Құрт' WHERE id = 'p1'")
        db.commit()
        for table in ("product_search", "product_words"):
            assert _found(db, table, '"сут"') == []
            assert _found(db, table, '"кымыз"') == []
            assert _found(db, table, '"курт"') == ["SEA-1"]
    finally:
        db.close()
