"""review: sale line times, conversation scores, item results, marks, review actions, disputes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Old sale lines have no time: upsell linking treats them as rung up before any offer.
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("added_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("recordings", schema=None) as batch_op:
        batch_op.create_index("ix_recordings_started", ["started_at"], unique=False)
        batch_op.create_index(
            "ix_recordings_employee_started", ["employee_id", "started_at"], unique=False
        )

    op.create_table(
        "conversation_scores",
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("scorecard_id", sa.String(length=64), nullable=False),
        sa.Column("scorecard_version", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Double(), nullable=True),
        sa.Column("scored_percent", sa.Double(), nullable=True),
        sa.Column("scorable", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("outcomes", sa.JSON(), nullable=False),
        sa.Column("item_weights", sa.JSON(), nullable=False),
        sa.Column("offers", sa.Integer(), nullable=False),
        sa.Column("conversions", sa.Integer(), nullable=False),
        sa.Column("extra_revenue", sa.BigInteger(), nullable=False),
        sa.Column("flipped", sa.Boolean(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=True),
        sa.Column("scored_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"]),
        sa.PrimaryKeyConstraint("recording_id"),
    )
    op.create_index("ix_conversation_scores_percent", "conversation_scores", ["percent"])

    op.create_table(
        "conversation_item_results",
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("scored_outcome", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"]),
        sa.PrimaryKeyConstraint("recording_id", "item_id"),
    )
    op.create_index(
        "ix_item_results_item", "conversation_item_results", ["item_id", "outcome", "recording_id"]
    )

    op.create_table(
        "conversation_marks",
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("open_disputes", sa.Integer(), nullable=False),
        sa.Column("flag_comment", sa.String(length=500), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"]),
        sa.PrimaryKeyConstraint("recording_id"),
    )

    op.create_table(
        "review_actions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("employee_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("comment", sa.String(length=500), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"]),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_review_actions_recording", "review_actions", ["recording_id", "at"])

    op.create_table(
        "disputes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("recording_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("employee_id", sa.String(length=36), nullable=False),
        sa.Column("comment", sa.String(length=500), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.String(length=500), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"]),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"]),
        sa.ForeignKeyConstraint(["resolved_by"], ["employees.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_disputes_recording", "disputes", ["recording_id", "item_id"])
    op.create_index("ix_disputes_state", "disputes", ["state"])


def downgrade() -> None:
    op.drop_index("ix_disputes_state", table_name="disputes")
    op.drop_index("ix_disputes_recording", table_name="disputes")
    op.drop_table("disputes")
    op.drop_index("ix_review_actions_recording", table_name="review_actions")
    op.drop_table("review_actions")
    op.drop_table("conversation_marks")
    op.drop_index("ix_item_results_item", table_name="conversation_item_results")
    op.drop_table("conversation_item_results")
    op.drop_index("ix_conversation_scores_percent", table_name="conversation_scores")
    op.drop_table("conversation_scores")
    with op.batch_alter_table("recordings", schema=None) as batch_op:
        batch_op.drop_index("ix_recordings_employee_started")
        batch_op.drop_index("ix_recordings_started")
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_column("added_at")
