"""products.synonyms: other names customers and cashiers use for a product (upsell detection)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 10:00:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Native ADD/DROP COLUMN, not a batch copy: a copy of ``products`` would renumber rowids and
    # drop the triggers that keep both full-text search indexes in step (see 0004).
    # A JSON list of phrases; NULL = none (every product before this revision).
    op.execute("ALTER TABLE products ADD COLUMN synonyms JSON")


def downgrade() -> None:
    op.execute("ALTER TABLE products DROP COLUMN synonyms")
