"""pin_guards: lockout with backoff for the PIN checks that are not one employee's login;
parked_sales.recalled_at: a recalled cart stays stored until it is paid or cancelled

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A supervisor override and the command line's admin PIN accept the PIN of *any* supervisor
    # (admin), so their wrong tries cannot be counted on an employee: they are counted per entry
    # point, here, and survive a restart like a login's.
    op.create_table(
        "pin_guards",
        sa.Column("entry", sa.String(32), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("lockouts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime, nullable=True),
    )
    # Consecutive lockouts of a login: each lasts twice as long as the one before.
    op.execute("ALTER TABLE employees ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0")
    # A recalled parked sale was deleted at once, so a kill before payment lost the cart; now
    # it is only marked while a cashier works on it, and deleted with the payment.
    op.execute("ALTER TABLE parked_sales ADD COLUMN recalled_at DATETIME")


def downgrade() -> None:
    op.drop_table("pin_guards")
    op.execute("ALTER TABLE parked_sales DROP COLUMN recalled_at")
    # Native DROP COLUMN (SQLite 3.35+): a batch copy of employees would trip its foreign keys.
    op.execute("ALTER TABLE employees DROP COLUMN lockouts")
