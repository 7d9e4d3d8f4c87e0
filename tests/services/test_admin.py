"""Store admin: settings and staff, on a real till database."""

from __future__ import annotations

import pytest

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.admin import StoreAdmin, StoreSettings
from forsell.services.app import open_till


@pytest.fixture
def admin_till(tmp_path):
    till = open_till(tmp_path)
    by_role = {e.role: e for e in till.staff.staff()}
    yield till, StoreAdmin(till.ctx), by_role
    till.close()


def _settings(**changes) -> StoreSettings:
    base = {
        "store_name": "Кофейня Алма",
        "store_bin": "990540001238",
        "store_address": "Алматы",
        "device_name": "Касса 2",
        "receipt_footer": "Разговоры записываются для контроля качества",
        "receipt_language": "kk",
        "cashier_discount_limit_bp": 500,
        "auto_lock_seconds": 120,
    }
    base.update(changes)
    return StoreSettings(**base)


def test_admin_saves_settings_that_survive_reopening(admin_till, tmp_path):
    till, admin, staff = admin_till
    admin.save_store_settings(staff[Role.ADMIN], _settings())
    till.close()
    reopened = open_till(tmp_path)
    assert (
        reopened.ctx.settings.get(s.RECEIPT_FOOTER)
        == "Разговоры записываются для контроля качества"
    )
    assert reopened.ctx.settings.get(s.RECEIPT_LANGUAGE) == "kk"
    assert StoreAdmin(reopened.ctx).store_settings() == _settings()
    reopened.close()


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"store_bin": "123456789012"}, "admin.bin"),
        ({"store_bin": "12345"}, "admin.bin"),
        ({"store_name": "  "}, "admin.store_name"),
        ({"receipt_language": "de"}, "admin.language"),
        ({"auto_lock_seconds": 5}, "admin.auto_lock"),
    ],
)
def test_bad_settings_are_refused_and_nothing_changes(admin_till, changes, key):
    _till, admin, staff = admin_till
    before = admin.store_settings()
    with pytest.raises(CashierError) as err:
        admin.save_store_settings(staff[Role.ADMIN], _settings(**changes))
    assert err.value.key == key
    assert admin.store_settings() == before


def test_only_an_admin_changes_settings_or_staff(admin_till):
    _till, admin, staff = admin_till
    for role in (Role.CASHIER, Role.SUPERVISOR):
        with pytest.raises(CashierError, match="admin"):
            admin.save_store_settings(staff[role], _settings())
        with pytest.raises(CashierError):
            admin.add_employee(staff[role], "Новый", Role.CASHIER, "4321")


def test_new_employee_logs_in_and_pin_change_takes_effect(admin_till):
    till, admin, staff = admin_till
    member = admin.add_employee(staff[Role.ADMIN], "Ерлан", Role.CASHIER, "4321")
    assert till.staff.login(member.id, "4321").name == "Ерлан"
    admin.change_pin(staff[Role.ADMIN], member.id, "8765")
    with pytest.raises(CashierError) as err:
        till.staff.login(member.id, "4321")
    assert err.value.key == "login.wrong_pin"
    assert till.staff.login(member.id, "8765").role is Role.CASHIER


def test_deactivated_employee_cannot_log_in_and_last_admin_stays(admin_till):
    till, admin, staff = admin_till
    cashier = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
    admin.set_active(staff[Role.ADMIN], cashier.id, False)
    assert cashier.id not in {e.id for e in till.staff.staff()}
    with pytest.raises(CashierError) as err:
        till.staff.login(cashier.id, "1111")
    assert err.value.key == "login.unknown"
    with pytest.raises(CashierError) as err:
        admin.set_active(staff[Role.ADMIN], staff[Role.ADMIN].id, False)
    assert err.value.key == "admin.last_admin"


def test_bad_pin_format_is_refused(admin_till):
    _till, admin, staff = admin_till
    for pin in ("12", "abcd", "123456789"):
        with pytest.raises(CashierError) as err:
            admin.add_employee(staff[Role.ADMIN], "X", Role.CASHIER, pin)
        assert err.value.key == "pin.format"
