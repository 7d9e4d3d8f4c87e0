"""conversation_scores: the recording's started_at/employee_id and the failed items, for the list

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-12 10:00:00
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A page sorted by score orders by (percent, started_at): with started_at only on the
    # recording, SQLite fetched every recording of the page's percent band (a quarter of all
    # scores at 100,000) to sort it. started_at and employee_id never change once a recording
    # starts, so the copies cannot go stale; the scorer writes them with every score.
    # ``failed``: the failed item ids as "|a|b|" (NULL: none), kept with the outcomes by the
    # scorer and by overrides, so "failed item + score/upsell" is read from one index instead
    # of joining the item results. Native ADD COLUMN (no table copy), filled right below.
    op.execute("ALTER TABLE conversation_scores ADD COLUMN started_at DATETIME")
    op.execute("ALTER TABLE conversation_scores ADD COLUMN employee_id VARCHAR(36)")
    op.execute("ALTER TABLE conversation_scores ADD COLUMN failed VARCHAR(1000)")
    op.execute(
        "UPDATE conversation_scores SET (started_at, employee_id) = "
        "(SELECT r.started_at, r.employee_id FROM recordings AS r "
        "WHERE r.id = conversation_scores.recording_id)"
    )
    op.execute(
        "UPDATE conversation_scores SET failed = "
        "(SELECT '|' || group_concat(ir.item_id, '|') || '|' "
        "FROM conversation_item_results AS ir "
        "WHERE ir.recording_id = conversation_scores.recording_id AND ir.outcome = 'fail')"
    )
    # The list's score order with every score filter's column after it: a page walks the index
    # and stops, a count reads only the index. It serves "score between" too, so the
    # percent-only index goes.
    op.execute("DROP INDEX ix_conversation_scores_percent")
    op.execute(
        "CREATE INDEX ix_conversation_scores_order ON conversation_scores "
        "(percent, started_at, recording_id, offers, conversions, scorable, employee_id, "
        "failed)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_conversation_scores_order")
    op.execute("CREATE INDEX ix_conversation_scores_percent ON conversation_scores (percent)")
    op.execute("ALTER TABLE conversation_scores DROP COLUMN failed")
    op.execute("ALTER TABLE conversation_scores DROP COLUMN employee_id")
    op.execute("ALTER TABLE conversation_scores DROP COLUMN started_at")
