"""audit.seq, audit.prev_hash, audit.hash: the audit trail becomes a keyed hash chain;
recordings.audio_purged_at: retention destroyed the audio and kept the transcript

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-05 12:00:00
"""

from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE audit ADD COLUMN seq INTEGER")
    op.execute("ALTER TABLE audit ADD COLUMN prev_hash VARCHAR(80)")
    op.execute("ALTER TABLE audit ADD COLUMN hash VARCHAR(80)")
    # The entries written before the chain get their order now (the time they were written, then
    # the order SQLite kept them in) but no hash: the chain's key is in the OS secret store, which
    # a migration cannot reach (it runs before the till knows which store and account to ask, and
    # also from tools that never open one). The app seals them at its first start with the key:
    # each old entry is linked to the one before it by a plain SHA-256, and a "genesis"
    # checkpoint entry, sealed with the key, closes that run (store/audit.py). Rewriting an old
    # entry afterwards breaks the links up to the checkpoint, which nobody can re-seal without
    # the key.
    op.execute(
        """
        CREATE TEMP TABLE audit_order AS
        SELECT id, row_number() OVER (ORDER BY at, rowid) AS n FROM audit
        """
    )
    op.execute("CREATE UNIQUE INDEX temp.ix_audit_order ON audit_order (id)")
    op.execute("UPDATE audit SET seq = (SELECT n FROM audit_order WHERE audit_order.id = audit.id)")
    op.execute("DROP TABLE audit_order")
    # Unique: two writers that both read the same last entry cannot both append after it (the
    # second one's insert fails instead of forking the chain).
    op.execute("CREATE UNIQUE INDEX ix_audit_seq ON audit (seq)")
    # Retention removes the oldest entries by time: the index keeps that a range read.
    op.execute("CREATE INDEX ix_audit_at ON audit (at)")
    # The audit screen pages newest first by seq within a chosen action or employee.
    op.execute("CREATE INDEX ix_audit_action_seq ON audit (action, seq)")
    op.execute("CREATE INDEX ix_audit_employee_seq ON audit (employee_id, seq)")
    # Retention destroys a transcribed conversation's audio before its transcript (the transcript
    # is sealed again under a new key first): the row says since when only the text is left.
    op.execute("ALTER TABLE recordings ADD COLUMN audio_purged_at DATETIME")


def downgrade() -> None:
    op.execute("ALTER TABLE recordings DROP COLUMN audio_purged_at")
    op.execute("DROP INDEX ix_audit_employee_seq")
    op.execute("DROP INDEX ix_audit_action_seq")
    op.execute("DROP INDEX ix_audit_at")
    op.execute("DROP INDEX ix_audit_seq")
    op.execute("ALTER TABLE audit DROP COLUMN hash")
    op.execute("ALTER TABLE audit DROP COLUMN prev_hash")
    op.execute("ALTER TABLE audit DROP COLUMN seq")
