"""privacy_destructions: the journal of a data subject's destruction (policy 6.3), step by step

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 12:00:00
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One row per destruction request. The plan (which recordings, transcripts, scores and
    # provider transcripts) is written before the first step, so a destruction killed half-way
    # resumes with the same ids even though the rows it had reached are gone; each step's mark
    # commits in the transaction of the step's own changes.
    op.execute(
        """
        CREATE TABLE privacy_destructions (
            request_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES privacy_requests (id),
            subject_kind VARCHAR(16) NOT NULL,
            employee_id VARCHAR(36),
            pseudonym VARCHAR(64),
            plan JSON NOT NULL,
            steps JSON NOT NULL,
            destroyed_by VARCHAR(36) NOT NULL REFERENCES employees (id),
            started_at DATETIME NOT NULL,
            finished_at DATETIME
        )
        """
    )
    op.execute(
        "CREATE INDEX ix_privacy_destructions_employee_id ON privacy_destructions (employee_id)"
    )


def downgrade() -> None:
    op.execute("DROP TABLE privacy_destructions")
