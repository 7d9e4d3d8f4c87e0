"""Money is not written to a database that failed its start-up check (``quick_check``): each
write could spread the damage, and restoring the last good copy would lose it anyway. Sales,
refunds and cash movements all ask ``require_sound_database`` first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forsell.domain.errors import CashierError

from .context import TillContext

if TYPE_CHECKING:
    from .doctor import DatabaseDamage

__all__ = ["require_sound_database", "sales_refusal"]


def require_sound_database(ctx: TillContext) -> None:
    """Raises ``sale.database_damaged(_no_backup)`` when the start-up check found damage."""
    if ctx.sales_refused is not None:
        raise sales_refusal(ctx.sales_refused)


def sales_refusal(damage: DatabaseDamage) -> CashierError:
    """Why no sale is made on a damaged database and how to restore it, as the till says it."""
    tables = ", ".join(damage.tables) or "?"
    if damage.backup is None:
        return CashierError(
            "sale.database_damaged_no_backup",
            "Selling is stopped: the database {path} is damaged (table(s) {tables}) and no "
            "copy in {backups} passes its check; call support",
            path=str(damage.path),
            tables=tables,
            backups=str(damage.backups),
        )
    return CashierError(
        "sale.database_damaged",
        "Selling is stopped: the database {path} is damaged (table(s) {tables}); close the "
        "app, copy {backup} over it and start again",
        path=str(damage.path),
        tables=tables,
        backup=str(damage.backup),
    )
