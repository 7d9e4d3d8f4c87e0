"""The data map and the schema stay in step, in both directions, on a real migrated SQLite file.

A column added to a model or a migration without saying here what personal data it holds, why,
for how long and who gets it fails these tests; so does a column the map still lists after it
was dropped. The loader refuses a malformed map with the place of the mistake.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, String

from forsell.services.privacy.data_map import (
    DataMapError,
    database_schema,
    default_path,
    load,
    model_differences,
    parse,
    schema_differences,
    shipped,
)
from forsell.store.db import open_database
from forsell.store.models import Base

#: Tables no model declares: a migration alone creates them.
MIGRATION_ONLY = {"alembic_version", "product_search", "product_words"}


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh database file, migrated to the newest revision the way the app opens it."""
    folder = tmp_path_factory.mktemp("datamap")
    open_database(folder / "cashier.sqlite", folder / "backups").dispose()
    return folder / "cashier.sqlite"


@pytest.fixture
def copy(migrated: Path, tmp_path: Path) -> Path:
    target = tmp_path / "cashier.sqlite"
    shutil.copy(migrated, target)
    return target


def raw_map() -> dict:
    return json.loads(default_path().read_text(encoding="utf-8"))


def test_every_table_and_column_of_the_migrated_database_is_in_the_map(migrated: Path) -> None:
    schema = database_schema(migrated)
    assert {"employees", "sales", "recording_chunks", "product_search"} <= set(schema)
    assert schema_differences(shipped(), schema) == []


def test_every_model_column_is_in_the_map_and_only_migrations_add_other_tables() -> None:
    assert model_differences(shipped()) == []
    assert set(shipped().tables) - set(Base.metadata.tables) == MIGRATION_ONLY


def test_a_column_added_to_the_database_is_reported(copy: Path) -> None:
    with sqlite3.connect(copy) as conn:
        conn.execute("ALTER TABLE employees ADD COLUMN phone TEXT")
        conn.execute("CREATE TABLE customers (id TEXT PRIMARY KEY, email TEXT)")
    assert schema_differences(shipped(), database_schema(copy)) == [
        "table customers is in the database but not in the data map",
        "column employees.phone is in the database but not in the data map",
    ]


def test_a_listed_column_the_database_no_longer_has_is_reported(copy: Path) -> None:
    with sqlite3.connect(copy) as conn:
        conn.execute("ALTER TABLE sales DROP COLUMN card_reference")
        conn.execute("DROP TABLE pin_guards")
    assert schema_differences(shipped(), database_schema(copy)) == [
        "table pin_guards is in the data map but not in the database",
        "column sales.card_reference is in the data map but not in the database",
    ]


def test_a_column_a_model_gains_is_reported() -> None:
    metadata = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["recordings"].append_column(Column("customer_name", String(120)))
    assert model_differences(shipped(), metadata) == [
        "column recordings.customer_name is in the database but not in the data map"
    ]


def test_a_map_listing_a_column_no_model_has_is_reported() -> None:
    raw = raw_map()
    raw["tables"]["employees"]["columns"]["email"] = None
    assert model_differences(parse(raw)) == [
        "column employees.email is in the data map but not in the database"
    ]


def test_every_personal_column_says_what_why_how_long_and_to_whom() -> None:
    data_map = shipped()
    personal = [c for t in data_map.tables.values() for c in t.columns.values() if c.personal]
    assert len(personal) > 100
    for column in personal:
        assert column.category in data_map.categories, column
        assert column.purpose and column.legal_basis in data_map.legal_bases, column
        assert column.retention in data_map.retention, column
        assert set(column.recipients) <= set(data_map.recipients), column
    assert data_map.tables["employees"].columns["name"].category == "employee_identity"
    assert data_map.tables["recording_chunks"].columns["blob"].category == "audio"
    assert data_map.tables["transcripts"].columns["sealed"].category == "transcript"
    assert data_map.tables["sales"].columns["total"].retention == "accounting_period"
    assert data_map.retention["accounting_period"].years == 5
    # PIN hashes never leave the till; audio goes to speech providers only, never the backend.
    assert data_map.tables["employees"].columns["pin_hash"].recipients == ()
    assert "backend" not in data_map.tables["recording_chunks"].columns["blob"].recipients
    assert not data_map.tables["products"].personal_data


def test_recipients_and_what_the_policy_says_of_them() -> None:
    recipients = shipped().recipients
    assert set(recipients) == {"backend", "elevenlabs", "kazdream", "yandex", "kassa24", "webkassa"}
    assert shipped().named_by_policy() == {"backend", "elevenlabs", "kazdream"}
    assert set(shipped().speech_providers()) == {"elevenlabs", "kazdream", "yandex"}
    assert not recipients["kazdream"].public_api
    assert all(r.country and r.receives for r in recipients.values())
    assert {f.path.split()[0] for f in shipped().local_files} >= {
        "cashier.sqlite",
        "keys.sqlite",
        "backups/",
        "logs/",
    }


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda m: m.update(version=2), "version"),
        (lambda m: m["tables"]["sales"].update(category="gossip"), "tables.sales.columns.id"),
        (lambda m: m["tables"]["sales"].pop("retention"), "tables.sales.columns.id"),
        (
            lambda m: m["tables"]["sales"]["columns"].update(total={"recipients": ["tiktok"]}),
            "tables.sales.columns.total.recipients",
        ),
        (
            lambda m: m["tables"]["sales"]["columns"].update(total={"colour": "red"}),
            "tables.sales.columns.total",
        ),
        (lambda m: m["tables"]["products"].update(columns={"id": None}), "tables.products"),
        (lambda m: m["recipients"]["yandex"].pop("named_in_policy"), "recipients.yandex"),
        (lambda m: m["recipients"]["yandex"].update(kind="friend"), "recipients.yandex.kind"),
        (lambda m: m["retention"]["accounting_period"].update(years=-5), "retention."),
        (lambda m: m.pop("local_files"), "local_files"),
    ],
)
def test_a_malformed_map_is_refused_with_the_place_of_the_mistake(change, where: str) -> None:
    raw = raw_map()
    change(raw)
    with pytest.raises(DataMapError) as caught:
        parse(raw)
    assert caught.value.where.startswith(where)


def test_a_file_that_is_not_json_or_missing_is_refused_clearly(tmp_path: Path) -> None:
    broken = tmp_path / "data-map.json"
    broken.write_text('{"tables": [\n', encoding="utf-8")
    with pytest.raises(DataMapError, match="not valid JSON at line 2"):
        load(broken)
    with pytest.raises(DataMapError, match="cannot be read"):
        load(tmp_path / "missing.json")
