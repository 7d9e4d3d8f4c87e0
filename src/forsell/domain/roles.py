"""Who may do what at the till."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return {Role.CASHIER: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


class Action(StrEnum):
    """Actions that a cashier may not do alone (supervisor override)."""

    REFUND = "refund"
    DISCOUNT_OVER_LIMIT = "discount_over_limit"
    PRICE_OVERRIDE = "price_override"
    CLOSE_WITH_DISCREPANCY = "close_with_discrepancy"
    VOID_SALE = "void_sale"
    CATALOG_EDIT = "catalog_edit"
    QUIT_TILL = "quit_till"  # stops recording and sync until the till is started again


#: The lowest role that may do each action alone; below it, a supervisor's (or admin's) PIN
#: approves it. Service entry points declare these actions (``services.access.requires``).
ALONE_FROM: dict[Action, Role] = {
    Action.REFUND: Role.SUPERVISOR,
    Action.DISCOUNT_OVER_LIMIT: Role.SUPERVISOR,
    Action.PRICE_OVERRIDE: Role.SUPERVISOR,
    Action.CLOSE_WITH_DISCREPANCY: Role.SUPERVISOR,
    Action.VOID_SALE: Role.SUPERVISOR,
    Action.CATALOG_EDIT: Role.ADMIN,
    Action.QUIT_TILL: Role.SUPERVISOR,
}


def needs_approval(role: Role, action: Action) -> bool:
    """True when the employee on duty needs a supervisor's PIN for ``action``."""
    return not role.at_least(ALONE_FROM[action])


def discount_needs_approval(role: Role, discount_off: int, base: int, limit_bp: int) -> bool:
    """A cashier may give up to ``limit_bp`` of the base on their own; supervisors have no limit."""
    if role.at_least(Role.SUPERVISOR) or base <= 0:
        return False
    return discount_off * 10_000 > base * limit_bp
