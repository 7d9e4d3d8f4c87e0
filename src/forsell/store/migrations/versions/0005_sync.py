"""sync: outbox errors, transcripts, provider calls, sync state

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 15:51:59.718981
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "provider_calls",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("billed", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=48), nullable=False),
        sa.Column("audio_seconds", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("provider_calls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provider_calls_provider"), ["provider"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_provider_calls_recording_id"), ["recording_id"], unique=False
        )

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "transcripts",
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=128), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("audio_seconds", sa.Double(), nullable=False),
        sa.Column("cost_usd", sa.Double(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["recording_id"],
            ["recordings.id"],
        ),
        sa.PrimaryKeyConstraint("recording_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("error_key", sa.String(length=48), nullable=True))
        batch_op.add_column(sa.Column("done_at", sa.DateTime(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("done_at")
        batch_op.drop_column("error_key")

    op.drop_table("transcripts")
    op.drop_table("sync_state")
    with op.batch_alter_table("provider_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provider_calls_recording_id"))
        batch_op.drop_index(batch_op.f("ix_provider_calls_provider"))

    op.drop_table("provider_calls")
