"""product search index (FTS5 trigram) for search-as-you-type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

A trigram index answers substring and prefix queries of three or more letters in Russian, Kazakh
and English without scanning the catalog; triggers keep it in step with ``products``.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = "name_ru, name_kk, name_en, sku, barcode"


def upgrade() -> None:
    # Trigrams need three letters; one- and two-letter queries match word prefixes of this
    # case-folded copy of the names (SQLite's LIKE folds only ASCII, not Cyrillic).
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name_ru, name_kk, name_en, sku FROM products")).all()
    for row in rows:
        key = " " + " ".join(str(v or "") for v in row[1:]).casefold()
        conn.execute(
            sa.text("UPDATE products SET search_key = :k WHERE id = :i"), {"k": key, "i": row[0]}
        )
    op.execute(
        f"CREATE VIRTUAL TABLE product_search USING fts5({_COLUMNS}, "
        "content='products', content_rowid='rowid', tokenize='trigram case_sensitive 0')"
    )
    op.execute(
        f"""CREATE TRIGGER product_search_ai AFTER INSERT ON products BEGIN
          INSERT INTO product_search(rowid, {_COLUMNS})
          VALUES (new.rowid, new.name_ru, new.name_kk, new.name_en, new.sku, new.barcode);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER product_search_ad AFTER DELETE ON products BEGIN
          INSERT INTO product_search(product_search, rowid, {_COLUMNS})
          VALUES ('delete', old.rowid, old.name_ru, old.name_kk, old.name_en, old.sku, old.barcode);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER product_search_au AFTER UPDATE ON products BEGIN
          INSERT INTO product_search(product_search, rowid, {_COLUMNS})
          VALUES ('delete', old.rowid, old.name_ru, old.name_kk, old.name_en, old.sku, old.barcode);
          INSERT INTO product_search(rowid, {_COLUMNS})
          VALUES (new.rowid, new.name_ru, new.name_kk, new.name_en, new.sku, new.barcode);
        END"""
    )
    op.execute("INSERT INTO product_search(product_search) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS product_search_{trigger}")
    op.execute("DROP TABLE IF EXISTS product_search")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("search_key")
