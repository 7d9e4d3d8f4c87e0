"""privacy_policies: the policy versions the till has and the admin's acceptance of each

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 09:00:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table only: the shipped policy needs no row until an admin accepts it, so a till
    # that upgrades asks its admin at the next login, as the policy's clause 5.3 wants.
    op.execute(
        """
        CREATE TABLE privacy_policies (
            version VARCHAR(16) NOT NULL PRIMARY KEY,
            published VARCHAR(10) NOT NULL,
            texts JSON NOT NULL,
            operator JSON,
            source VARCHAR(16) NOT NULL,
            stored_at DATETIME NOT NULL,
            accepted_by VARCHAR(36) REFERENCES employees (id),
            accepted_at DATETIME
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE privacy_policies")
