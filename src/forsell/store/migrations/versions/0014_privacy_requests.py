"""privacy_requests, privacy_blocks: data-subject requests (policy 6.2-6.3) and the recordings
a request blocked

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 09:45:00
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The subject is kept as what was asked for (an employee, a receipt, a time window, words),
    # so the answer can be found again and checked later; due_at is a date the law counts in days.
    op.execute(
        """
        CREATE TABLE privacy_requests (
            id VARCHAR(36) NOT NULL PRIMARY KEY,
            kind VARCHAR(16) NOT NULL,
            requester VARCHAR(200) NOT NULL,
            subject JSON NOT NULL,
            received_on VARCHAR(10) NOT NULL,
            due_on VARCHAR(10) NOT NULL,
            status VARCHAR(16) NOT NULL DEFAULT 'open',
            note TEXT NOT NULL DEFAULT '',
            registered_by VARCHAR(36) NOT NULL REFERENCES employees (id),
            registered_at DATETIME NOT NULL,
            answered_at DATETIME,
            closed_at DATETIME
        )
        """
    )
    op.execute("CREATE INDEX ix_privacy_requests_status ON privacy_requests (status)")
    # A block names either one recording (a customer's) or an employee (all their recordings,
    # those made later too); the audio lane and scoring ask here before touching a recording.
    op.execute(
        """
        CREATE TABLE privacy_blocks (
            id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            request_id VARCHAR(36) NOT NULL REFERENCES privacy_requests (id),
            recording_id VARCHAR(36),
            employee_id VARCHAR(36),
            blocked_by VARCHAR(36) NOT NULL REFERENCES employees (id),
            blocked_at DATETIME NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX ix_privacy_blocks_recording ON privacy_blocks (recording_id)")
    op.execute("CREATE INDEX ix_privacy_blocks_employee ON privacy_blocks (employee_id)")


def downgrade() -> None:
    op.execute("DROP TABLE privacy_blocks")
    op.execute("DROP TABLE privacy_requests")
