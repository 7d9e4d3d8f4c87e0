"""conversation_scores.speakers_confirmed: a supervisor said who is the cashier and who the customer

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 06:00:00
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # With unlabelled speakers whose roles cannot be told apart the scorer says
    # "speakers_uncertain" instead of judging the wrong person. A supervisor who listened and
    # confirmed the roles ("Roles are right") or swapped them decides it: every later scoring
    # of the conversation (a new scorecard, an override) keeps that decision. Native ADD
    # COLUMN, no table copy; every kept score starts undecided.
    op.execute(
        "ALTER TABLE conversation_scores ADD COLUMN speakers_confirmed BOOLEAN NOT NULL DEFAULT 0"
    )


def downgrade() -> None:
    # Native DROP COLUMN (SQLite 3.35+); the column is in no index.
    op.execute("ALTER TABLE conversation_scores DROP COLUMN speakers_confirmed")
