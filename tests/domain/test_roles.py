"""Who needs a supervisor's PIN."""

from __future__ import annotations

import pytest

from forsell.domain.roles import Action, Role, discount_needs_approval, needs_approval


@pytest.mark.parametrize("action", [a for a in Action if a is not Action.CATALOG_EDIT])
def test_cashier_needs_approval_supervisor_does_not(action: Action) -> None:
    assert needs_approval(Role.CASHIER, action)
    assert not needs_approval(Role.SUPERVISOR, action)
    assert not needs_approval(Role.ADMIN, action)


def test_catalog_edit_is_for_admins() -> None:
    assert needs_approval(Role.CASHIER, Action.CATALOG_EDIT)
    assert needs_approval(Role.SUPERVISOR, Action.CATALOG_EDIT)
    assert not needs_approval(Role.ADMIN, Action.CATALOG_EDIT)


def test_discount_limit() -> None:
    assert not discount_needs_approval(Role.CASHIER, 1000, 10_000, 1000)  # exactly 10 %
    assert discount_needs_approval(Role.CASHIER, 1001, 10_000, 1000)
    assert not discount_needs_approval(Role.SUPERVISOR, 10_000, 10_000, 1000)
    assert not discount_needs_approval(Role.CASHIER, 0, 0, 1000)
