"""refunds.receipt_no: every refund gets its own refund receipt number; indexes that let the
receipt journal page a shift or a period newest first without reading every sale

Revision ID: 0019
Revises: 0022
Create Date: 2026-12-05 15:30:00
"""

from alembic import op

revision = "0019"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE refunds ADD COLUMN receipt_no INTEGER")
    # Refunds made before this revision printed nothing; they get numbers in the order they
    # were made, per till, so that the journal can show and reprint them as refund receipts.
    op.execute(
        """
        CREATE TEMP TABLE refund_order AS
        SELECT refunds.id AS id,
               row_number() OVER (
                   PARTITION BY shifts.device_id ORDER BY refunds.created_at, refunds.rowid
               ) AS n
        FROM refunds JOIN shifts ON shifts.id = refunds.shift_id
        """
    )
    op.execute("CREATE UNIQUE INDEX temp.ix_refund_order ON refund_order (id)")
    op.execute(
        "UPDATE refunds SET receipt_no = "
        "(SELECT n FROM refund_order WHERE refund_order.id = refunds.id)"
    )
    op.execute("DROP TABLE refund_order")
    op.execute("CREATE INDEX ix_refunds_created ON refunds (created_at)")
    op.execute("CREATE INDEX ix_refunds_shift_created ON refunds (shift_id, created_at)")
    op.execute("CREATE INDEX ix_sales_shift_created ON sales (shift_id, created_at)")
    # A day or a period of this till: without it SQLite reads every sale of the till through
    # the (device_id, receipt_no) index and sorts them (seconds at a million sale lines).
    op.execute("CREATE INDEX ix_sales_device_created ON sales (device_id, created_at)")
    # The journal's search by amount and by cashier over a long period.
    op.execute("CREATE INDEX ix_sales_device_total ON sales (device_id, total)")
    op.execute("CREATE INDEX ix_sales_employee_created ON sales (employee_id, created_at)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_sales_employee_created")
    op.execute("DROP INDEX ix_sales_device_total")
    op.execute("DROP INDEX ix_sales_device_created")
    op.execute("DROP INDEX ix_sales_shift_created")
    op.execute("DROP INDEX ix_refunds_shift_created")
    op.execute("DROP INDEX ix_refunds_created")
    op.execute("ALTER TABLE refunds DROP COLUMN receipt_no")
