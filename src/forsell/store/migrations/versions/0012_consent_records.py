"""recording_consents: the consent text's version and language, the purpose, who withdrew and why

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 09:00:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = (
    # Law No. 94-V: a consent is given for a purpose. Consents recorded before this revision
    # covered recording only.
    ("purpose", "VARCHAR(16) NOT NULL DEFAULT 'recording'"),
    # The consent text the employee was shown; "legacy" = recorded before the texts shipped
    # (the signed paper the admin keeps is the text then).
    ("text_version", "VARCHAR(32) NOT NULL DEFAULT 'legacy'"),
    ("text_language", "VARCHAR(2)"),
    ("withdrawn_by", "VARCHAR(36) REFERENCES employees (id)"),
    ("withdrawal_reason", "VARCHAR(200)"),
)


def upgrade() -> None:
    # Native ADD COLUMN, no table copy: every kept consent stays in force, as it was.
    for name, definition in COLUMNS:
        op.execute(f"ALTER TABLE recording_consents ADD COLUMN {name} {definition}")


def downgrade() -> None:
    # Native DROP COLUMN (SQLite 3.35+). A withdrawal loses who and why (the audit trail keeps
    # both); consents to the transfer abroad go, the older schema has no purpose to keep them.
    op.execute("DELETE FROM recording_consents WHERE purpose != 'recording'")
    for name, _definition in reversed(COLUMNS):
        op.execute(f"ALTER TABLE recording_consents DROP COLUMN {name}")
