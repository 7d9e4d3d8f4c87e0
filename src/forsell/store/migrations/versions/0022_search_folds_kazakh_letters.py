"""product search folds Kazakh letters to Russian ones ("шырганак" finds "шырғанақ")

Revision ID: 0022
Revises: 0018
Create Date: 2026-12-05 15:40:00

Both full-text indexes of products (trigrams, 0002; word prefixes, 0004) read the names as
stored, so a Kazakh name typed on a Russian layout found nothing. They become contentless
indexes of the folded names: the triggers write the folded text, the search folds the query the
same way (``forsell.domain.search_text``), and only rowids are read back from them.
"""

from alembic import op

revision = "0022"
down_revision = "0018"
branch_labels = None
depends_on = None

# Frozen here (not imported): a later change of the rule needs its own revision that rebuilds.
_FOLD = {
    "қ": "к",
    "ғ": "г",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "і": "и",
    "ә": "а",
    "һ": "х",
}
_PAIRS = [*_FOLD.items(), *((k.upper(), v.upper()) for k, v in _FOLD.items())]

_SEARCH = ("name_ru", "name_kk", "name_en", "sku", "barcode")
_WORDS = ("name_ru", "name_kk", "name_en", "sku")


def _folded(column: str) -> str:
    expression = column
    for kazakh, russian in _PAIRS:
        expression = f"replace({expression}, '{kazakh}', '{russian}')"
    return expression


def _values(prefix: str, columns: tuple[str, ...]) -> str:
    return ", ".join(_folded(f"{prefix}.{c}") for c in columns)


def _drop(table: str) -> None:
    for trigger in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
    op.execute(f"DROP TABLE IF EXISTS {table}")


def _folded_index(table: str, columns: tuple[str, ...], options: str) -> None:
    names = ", ".join(columns)
    op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({names}, content='', {options})")
    # A contentless index forgets a row only when told the values it indexed: the folded ones.
    op.execute(
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON products BEGIN
          INSERT INTO {table}(rowid, {names}) VALUES (new.rowid, {_values("new", columns)});
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON products BEGIN
          INSERT INTO {table}({table}, rowid, {names})
          VALUES ('delete', old.rowid, {_values("old", columns)});
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER {table}_au AFTER UPDATE ON products BEGIN
          INSERT INTO {table}({table}, rowid, {names})
          VALUES ('delete', old.rowid, {_values("old", columns)});
          INSERT INTO {table}(rowid, {names}) VALUES (new.rowid, {_values("new", columns)});
        END"""
    )
    op.execute(
        f"INSERT INTO {table}(rowid, {names}) "
        f"SELECT rowid, {_values('products', columns)} FROM products"
    )


def _stored_index(table: str, columns: tuple[str, ...], options: str) -> None:
    """The index as 0002/0004 made it: names as stored, the products table as its content."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE {table} USING fts5({names}, content='products', "
        f"content_rowid='rowid', {options})"
    )
    op.execute(
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON products BEGIN
          INSERT INTO {table}(rowid, {names}) VALUES (new.rowid, {new});
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON products BEGIN
          INSERT INTO {table}({table}, rowid, {names}) VALUES ('delete', old.rowid, {old});
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER {table}_au AFTER UPDATE ON products BEGIN
          INSERT INTO {table}({table}, rowid, {names}) VALUES ('delete', old.rowid, {old});
          INSERT INTO {table}(rowid, {names}) VALUES (new.rowid, {new});
        END"""
    )
    op.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


_TRIGRAMS = "tokenize='trigram case_sensitive 0'"
_PREFIXES = "tokenize='unicode61 remove_diacritics 0', prefix='1 2'"


def upgrade() -> None:
    _drop("product_search")
    _drop("product_words")
    _folded_index("product_search", _SEARCH, _TRIGRAMS)
    _folded_index("product_words", _WORDS, _PREFIXES)


def downgrade() -> None:
    _drop("product_search")
    _drop("product_words")
    _stored_index("product_search", _SEARCH, _TRIGRAMS)
    _stored_index("product_words", _WORDS, _PREFIXES)
