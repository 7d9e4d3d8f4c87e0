"""The data map (``resources/privacy/data-map.json``): every table and column of the till's
database with the personal data it holds, and every recipient the till can send data to.

The map is the one answer to "what do you keep about me, why, for how long, and who gets it"
(policy 2.3, 2.4, 2.5/3.5, 6.1-6.3). Tests keep it in step with the schema in both directions
(:func:`schema_differences`), and routing takes the speech providers' standing from it: one the
policy in force does not name gets audio only after the admin's audited acknowledgement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData

from forsell.paths import resources_dir

#: Recipient kinds the map may declare.
RECIPIENT_KINDS = ("backend", "speech_provider", "cash_register")


def default_path() -> Path:
    """Where the shipped data map lives (source tree or installed bundle)."""
    return resources_dir() / "privacy" / "data-map.json"


class DataMapError(ValueError):
    """The data map file is missing, not JSON, or breaks its own rules; ``where`` names the
    entry (``tables.sales.columns.total``) so the one who edits it finds the line at once."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"data map: {where}: {problem}")
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class RetentionRule:
    """How long data is kept: in words, and as a number where the law or the store fixes one."""

    id: str
    text: str
    days: int | None = None
    years: int | None = None


@dataclass(frozen=True)
class Recipient:
    """Someone outside this till that the code can send data to."""

    id: str
    name: str
    kind: str  # backend | speech_provider | cash_register
    country: str
    receives: str
    named_in_policy: bool
    public_api: bool


@dataclass(frozen=True)
class Column:
    """One column; ``personal`` False means it holds no personal data (the rest is then empty)."""

    table: str
    name: str
    personal: bool
    category: str = ""
    purpose: str = ""
    legal_basis: str = ""
    retention: str = ""
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """One table and all of its columns."""

    name: str
    personal_data: bool
    columns: Mapping[str, Column]
    note: str = ""


@dataclass(frozen=True)
class LocalFile:
    """A file or folder in the data folder that holds personal data."""

    path: str
    holds: str
    retention: str


@dataclass(frozen=True)
class SubjectLink:
    """How one table's rows of a data subject are found: by ``columns`` holding the subject's
    own id, or as the rows whose ``match`` column equals the ``on`` column of the rows already
    found in table ``within``."""

    table: str
    columns: tuple[str, ...] = ()
    match: str = ""
    within: str = ""
    on: str = "id"


@dataclass(frozen=True)
class Subject:
    """A kind of data subject (``employee``, ``customer``) and every table that holds them."""

    kind: str
    text: str
    tables: Mapping[str, SubjectLink]


@dataclass(frozen=True)
class DataMap:
    """The whole map, checked: every id a column refers to is declared."""

    version: int
    categories: Mapping[str, str]
    legal_bases: Mapping[str, str]
    retention: Mapping[str, RetentionRule]
    recipients: Mapping[str, Recipient]
    tables: Mapping[str, Table]
    local_files: tuple[LocalFile, ...]
    #: Which tables hold each kind of data subject (clauses 6.2-6.3: the answer to a request).
    subjects: Mapping[str, Subject] = field(default_factory=dict)

    def speech_providers(self) -> dict[str, Recipient]:
        """The speech-recognition providers, by the name routing uses."""
        return {k: r for k, r in self.recipients.items() if r.kind == "speech_provider"}

    def named_by_policy(self) -> frozenset[str]:
        """Recipients the privacy policy in force names."""
        return frozenset(k for k, r in self.recipients.items() if r.named_in_policy)

    def columns(self) -> dict[str, set[str]]:
        """Table → the names of its columns, as the map lists them."""
        return {name: set(table.columns) for name, table in self.tables.items()}


# --- reading ------------------------------------------------------------------------------------


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DataMapError(where, "expected a mapping")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataMapError(where, "expected non-empty text")
    return value.strip()


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise DataMapError(where, "expected true or false")
    return value


def _count(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise DataMapError(where, "expected a positive whole number")
    return value


def _declared(value: Any, where: str, known: Mapping[str, object], what: str) -> str:
    name = _text(value, where)
    if name not in known:
        raise DataMapError(where, f"unknown {what} {name!r}")
    return name


def _retention(raw: Any) -> dict[str, RetentionRule]:
    rules = {}
    for rid, raw_rule in _mapping(raw, "retention").items():
        where = f"retention.{rid}"
        body = _mapping(raw_rule, where)
        rules[rid] = RetentionRule(
            rid,
            _text(body.get("text"), f"{where}.text"),
            _count(body.get("days"), f"{where}.days"),
            _count(body.get("years"), f"{where}.years"),
        )
    return rules


def _recipients(raw: Any) -> dict[str, Recipient]:
    found = {}
    for rid, raw_recipient in _mapping(raw, "recipients").items():
        where = f"recipients.{rid}"
        body = _mapping(raw_recipient, where)
        kind = _text(body.get("kind"), f"{where}.kind")
        if kind not in RECIPIENT_KINDS:
            raise DataMapError(f"{where}.kind", f"one of {', '.join(RECIPIENT_KINDS)}")
        found[rid] = Recipient(
            rid,
            _text(body.get("name"), f"{where}.name"),
            kind,
            _text(body.get("country"), f"{where}.country"),
            _text(body.get("receives"), f"{where}.receives"),
            _flag(body.get("named_in_policy"), f"{where}.named_in_policy"),
            _flag(body.get("public_api"), f"{where}.public_api"),
        )
    return found


_DEFAULTS = ("category", "purpose", "legal_basis", "retention", "recipients")


def _column(
    table: str, name: str, raw: Any, defaults: Mapping[str, Any], ids: Mapping[str, Mapping]
) -> Column:
    where = f"tables.{table}.columns.{name}"
    body = {} if raw is None else _mapping(raw, where)
    unknown = set(body) - {"personal", "note", *_DEFAULTS}
    if unknown:
        raise DataMapError(where, f"unknown field(s) {', '.join(sorted(unknown))}")
    if not _flag(body.get("personal", True), f"{where}.personal"):
        return Column(table, name, False)
    merged = {**defaults, **body}
    missing = [k for k in _DEFAULTS if merged.get(k) is None]
    if missing:
        raise DataMapError(where, f"personal data needs {', '.join(missing)}")
    recipients = merged["recipients"]
    if not isinstance(recipients, list):
        raise DataMapError(f"{where}.recipients", "expected a list ([] for nobody)")
    return Column(
        table,
        name,
        True,
        _declared(merged["category"], f"{where}.category", ids["categories"], "category"),
        _text(merged["purpose"], f"{where}.purpose"),
        _declared(merged["legal_basis"], f"{where}.legal_basis", ids["legal_bases"], "basis"),
        _declared(merged["retention"], f"{where}.retention", ids["retention"], "retention rule"),
        tuple(
            _declared(r, f"{where}.recipients", ids["recipients"], "recipient") for r in recipients
        ),
    )


def _table(name: str, raw: Any, ids: Mapping[str, Mapping]) -> Table:
    where = f"tables.{name}"
    body = _mapping(raw, where)
    personal = _flag(body.get("personal_data"), f"{where}.personal_data")
    note = str(body.get("note") or "")
    raw_columns = body.get("columns")
    if not personal:
        if not isinstance(raw_columns, list) or not all(isinstance(c, str) for c in raw_columns):
            raise DataMapError(f"{where}.columns", "expected the list of column names")
        columns = {c: Column(name, c, False) for c in raw_columns}
        return Table(name, False, columns, note)
    defaults = {k: body.get(k) for k in _DEFAULTS}
    columns = {
        c: _column(name, c, value, defaults, ids)
        for c, value in _mapping(raw_columns, f"{where}.columns").items()
    }
    if not any(c.personal for c in columns.values()):
        raise DataMapError(where, "personal_data is true but no column is personal")
    return Table(name, True, columns, note)


def _subjects(raw: Any, tables: Mapping[str, Table]) -> dict[str, Subject]:
    if raw is None:
        return {}
    found = {}
    for kind, raw_subject in _mapping(raw, "subjects").items():
        if kind == "about":
            continue
        where = f"subjects.{kind}"
        body = _mapping(raw_subject, where)
        links = {}
        raw_links = _mapping(body.get("tables"), f"{where}.tables")
        for name, raw_link in raw_links.items():
            at = f"{where}.tables.{name}"
            if name not in tables or not tables[name].personal_data:
                raise DataMapError(at, "not a table with personal data in this map")
            link = _mapping(raw_link, at)
            columns = tuple(link.get("columns") or ())
            within = str(link.get("in") or "")
            if within and within not in raw_links:
                raise DataMapError(f"{at}.in", f"{within!r} is not listed for this subject")
            if within and within not in tables:
                raise DataMapError(f"{at}.in", f"unknown table {within!r}")
            match, on = str(link.get("match") or ""), str(link.get("on") or "id")
            if bool(columns) == bool(within and match):
                raise DataMapError(at, "give either columns, or match and in")
            for column in (*columns, match):
                if column and column not in tables[name].columns:
                    raise DataMapError(at, f"unknown column {column!r}")
            if within and on not in tables[within].columns:
                raise DataMapError(f"{at}.on", f"unknown column {within}.{on}")
            links[name] = SubjectLink(name, columns, match, within, on)
        found[kind] = Subject(kind, _text(body.get("text"), f"{where}.text"), links)
    return found


def parse(raw: Any) -> DataMap:
    """The map from already-parsed JSON; DataMapError when it breaks a rule."""
    body = _mapping(raw, "(top)")
    version = body.get("version")
    if version != 1:
        raise DataMapError("version", "this app reads version 1")
    categories = {
        k: _text(v, f"categories.{k}")
        for k, v in _mapping(body.get("categories"), "categories").items()
    }
    bases = {
        k: _text(v, f"legal_bases.{k}")
        for k, v in _mapping(body.get("legal_bases"), "legal_bases").items()
    }
    ids: dict[str, Mapping[str, object]] = {
        "categories": categories,
        "legal_bases": bases,
        "retention": _retention(body.get("retention")),
        "recipients": _recipients(body.get("recipients")),
    }
    tables = {n: _table(n, t, ids) for n, t in _mapping(body.get("tables"), "tables").items()}
    files = []
    raw_files = body.get("local_files")
    if not isinstance(raw_files, list):
        raise DataMapError("local_files", "expected a list")
    for i, raw_file in enumerate(raw_files):
        where = f"local_files[{i}]"
        entry = _mapping(raw_file, where)
        files.append(
            LocalFile(
                _text(entry.get("path"), f"{where}.path"),
                _text(entry.get("holds"), f"{where}.holds"),
                _text(entry.get("retention"), f"{where}.retention"),
            )
        )
    return DataMap(
        1,
        categories,
        bases,
        ids["retention"],  # type: ignore[arg-type]
        ids["recipients"],  # type: ignore[arg-type]
        tables,
        tuple(files),
        _subjects(body.get("subjects"), tables),
    )


def load(path: Path | None = None) -> DataMap:
    """Reads and checks the data map at ``path`` (default: the shipped one)."""
    path = path or default_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataMapError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataMapError(
            str(path), f"not valid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})"
        ) from None
    return parse(raw)


@lru_cache(maxsize=1)
def shipped() -> DataMap:
    """The shipped data map, read once per process."""
    return load()


# --- the schema it must match -------------------------------------------------------------------


def database_schema(path: Path) -> dict[str, set[str]]:
    """Table → column names of the SQLite file at ``path``, as it really is.

    SQLite's own tables (``sqlite_*``) and the shadow tables behind a full-text index
    (``product_search_data`` …) are left out: the index is listed under its own name.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
        schema = {}
        for name, _sql in rows:
            if name.startswith("sqlite_"):
                continue
            if any(name.startswith(f"{v}_") for v in virtual):
                continue
            info = conn.execute(f"PRAGMA table_info('{name}')").fetchall()
            schema[name] = {row[1] for row in info}
        return schema
    finally:
        conn.close()


def schema_differences(
    data_map: DataMap, schema: Mapping[str, set[str]], *, every_listed_table: bool = True
) -> list[str]:
    """What the map and ``schema`` disagree on, in words; empty when they agree.

    Both directions: a table or column in the schema the map does not list (someone added data
    without saying what it is for), and one the map lists that the schema does not have.
    ``every_listed_table`` False: a listed table missing from ``schema`` is not reported.
    """
    problems = []
    listed = data_map.columns()
    for table in sorted(set(schema) - set(listed)):
        problems.append(f"table {table} is in the database but not in the data map")
    if every_listed_table:
        for table in sorted(set(listed) - set(schema)):
            problems.append(f"table {table} is in the data map but not in the database")
    for table in sorted(set(schema) & set(listed)):
        for column in sorted(schema[table] - listed[table]):
            problems.append(f"column {table}.{column} is in the database but not in the data map")
        for column in sorted(listed[table] - schema[table]):
            problems.append(f"column {table}.{column} is in the data map but not in the database")
    return problems


def model_schema(metadata: MetaData | None = None) -> dict[str, set[str]]:
    """Table → column names as the SQLAlchemy models declare them (default: the till's models).

    Tables that only a migration creates (the full-text indexes, Alembic's own) are not here;
    :func:`database_schema` of a migrated file covers them.
    """
    if metadata is None:
        from forsell.store.models import Base

        metadata = Base.metadata
    return {name: {c.name for c in table.columns} for name, table in metadata.tables.items()}


def model_differences(data_map: DataMap, metadata: MetaData | None = None) -> list[str]:
    """What the map and the models disagree on, as :func:`schema_differences`; a table the map
    lists without a model is no difference here (a migration alone creates it)."""
    return schema_differences(data_map, model_schema(metadata), every_listed_table=False)
