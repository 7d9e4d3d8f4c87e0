"""product options: option groups per product (milk, syrup, size), their options with a price
delta, and the options chosen on each sale line

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 15:30:00
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE product_option_groups (
            id VARCHAR(36) NOT NULL PRIMARY KEY,
            product_id VARCHAR(36) NOT NULL REFERENCES products (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            name_ru VARCHAR(120) NOT NULL,
            name_kk VARCHAR(120) NOT NULL DEFAULT '',
            name_en VARCHAR(120) NOT NULL DEFAULT '',
            min_choices INTEGER NOT NULL DEFAULT 0,
            max_choices INTEGER NOT NULL DEFAULT 1
        )
        """
    )
    op.execute(
        "CREATE INDEX ix_product_option_groups_product "
        "ON product_option_groups (product_id, position)"
    )
    op.execute(
        """
        CREATE TABLE product_options (
            id VARCHAR(36) NOT NULL PRIMARY KEY,
            group_id VARCHAR(36) NOT NULL
                REFERENCES product_option_groups (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            name_ru VARCHAR(120) NOT NULL,
            name_kk VARCHAR(120) NOT NULL DEFAULT '',
            name_en VARCHAR(120) NOT NULL DEFAULT '',
            price_delta BIGINT NOT NULL DEFAULT 0,
            sku VARCHAR(64) NOT NULL DEFAULT '',
            preselected BOOLEAN NOT NULL DEFAULT 0
        )
        """
    )
    op.execute("CREATE INDEX ix_product_options_group ON product_options (group_id, position)")
    # Native ADD COLUMN: a batch copy of sale_lines would rewrite every sold line. A JSON list of
    # the chosen options frozen at sale time; NULL on every line sold before this revision.
    op.execute("ALTER TABLE sale_lines ADD COLUMN options JSON")


def downgrade() -> None:
    op.execute("ALTER TABLE sale_lines DROP COLUMN options")
    op.execute("DROP INDEX ix_product_options_group")
    op.execute("DROP TABLE product_options")
    op.execute("DROP INDEX ix_product_option_groups_product")
    op.execute("DROP TABLE product_option_groups")
