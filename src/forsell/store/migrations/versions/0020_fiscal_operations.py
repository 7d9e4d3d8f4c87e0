"""fiscal_operations: every sale, refund, cash movement and shift open/close waiting for, or
registered with, the online cash register (fiscal sign, registration number, QR)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 15:30:00
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE fiscal_operations (
            id VARCHAR(36) NOT NULL PRIMARY KEY,
            register_key VARCHAR(64) NOT NULL,
            seq INTEGER NOT NULL,
            kind VARCHAR(16) NOT NULL,
            entity_id VARCHAR(36) NOT NULL,
            occurred_at DATETIME NOT NULL,
            amount BIGINT NOT NULL,
            state VARCHAR(16) NOT NULL,
            autonomous BOOLEAN NOT NULL,
            fiscal_sign VARCHAR(64),
            fiscal_number VARCHAR(64),
            register_number VARCHAR(32),
            qr_url VARCHAR(512),
            registered_at DATETIME,
            reason_key VARCHAR(48),
            reason_detail TEXT,
            totals JSON,
            CONSTRAINT uq_fiscal_register_seq UNIQUE (register_key, seq)
        )
        """
    )
    op.execute("CREATE INDEX ix_fiscal_operations_entity_id ON fiscal_operations (entity_id)")
    # The lane's head-of-line read: a register's oldest waiting operation.
    op.execute(
        "CREATE INDEX ix_fiscal_register_state_seq ON fiscal_operations (register_key, state, seq)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_fiscal_register_state_seq")
    op.execute("DROP INDEX ix_fiscal_operations_entity_id")
    op.execute("DROP TABLE fiscal_operations")
