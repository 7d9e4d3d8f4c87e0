"""Login by PIN, lockout after wrong PINs, supervisor overrides, and their audit trail."""

from __future__ import annotations

import pytest

from forsell.domain.errors import CashierError
from forsell.domain.roles import Action, Role
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.store.models import Employee

from .conftest import PINS, Clock, Staff, audit_rows, outbox_rows


def test_demo_staff_and_their_roles(till: Till, staff: Staff) -> None:
    assert [e.role for e in till.staff.staff()] == [
        Role.CASHIER,
        Role.CASHIER,
        Role.SUPERVISOR,
        Role.ADMIN,
    ]
    assert (staff.admin.role, staff.supervisor.role) == (Role.ADMIN, Role.SUPERVISOR)
    assert staff.supervisor.language == "kk"


@pytest.mark.parametrize("who", ["admin", "supervisor", "cashier", "cashier2"])
def test_login_with_the_right_pin(till: Till, staff: Staff, who: str) -> None:
    employee = getattr(staff, who)
    assert till.staff.login(employee.id, PINS[who]) == employee
    [entry] = audit_rows(till, "login")
    assert entry.employee_id == employee.id and entry.device_id == till.ctx.device_id
    # The audit row travels to the backend through the outbox, with no PIN in it.
    [job] = [j for j in outbox_rows(till, "audit") if j.entity_id == entry.id]
    # ids are random hex and may contain the digits of a PIN by chance: look at the rest
    payload = {k: v for k, v in job.payload.items() if not k.endswith("id")}
    assert PINS[who] not in str(payload) and PINS[who] not in str(entry.details)


def test_pins_are_not_stored_in_clear(till: Till, staff: Staff) -> None:
    with till.ctx.db.read() as session:
        e = session.get(Employee, staff.cashier.id)
        assert PINS["cashier"].encode() not in e.pin_hash and len(e.pin_hash) == 32


def test_unknown_employee(till: Till) -> None:
    with pytest.raises(CashierError) as error:
        till.staff.login("no-such-id", "1111")
    assert error.value.key == "login.unknown"


def test_wrong_pins_count_down_then_lock_until_the_time_passes(
    till: Till, staff: Staff, clock: Clock
) -> None:
    lefts = []
    for _ in range(4):
        with pytest.raises(CashierError) as error:
            till.staff.login(staff.cashier.id, "0000")
        assert error.value.key == "login.wrong_pin"
        lefts.append(error.value.params["left"])
    assert lefts == [4, 3, 2, 1]
    with pytest.raises(CashierError) as error:
        till.staff.login(staff.cashier.id, "0000")
    assert error.value.key == "login.locked"
    assert error.value.params["until"] == "09:05"  # Almaty time (UTC+5), 5 minutes on

    # Locked: even the right PIN is refused, and it does not reset the lock.
    clock.advance(299)
    with pytest.raises(CashierError) as error:
        till.staff.login(staff.cashier.id, PINS["cashier"])
    assert error.value.key == "login.locked"
    # Another employee is not affected.
    assert till.staff.login(staff.cashier2.id, PINS["cashier2"]) == staff.cashier2

    clock.advance(2)
    assert till.staff.login(staff.cashier.id, PINS["cashier"]) == staff.cashier
    assert len(audit_rows(till, "login_failed")) == 5
    assert len(audit_rows(till, "login_locked")) == 1


def test_a_right_pin_resets_the_count(till: Till, staff: Staff) -> None:
    for _ in range(3):
        with pytest.raises(CashierError):
            till.staff.login(staff.cashier.id, "0000")
    till.staff.login(staff.cashier.id, PINS["cashier"])
    with pytest.raises(CashierError) as error:
        till.staff.login(staff.cashier.id, "0000")
    assert error.value.params["left"] == 4


def test_lockout_limit_is_a_setting(till: Till, staff: Staff) -> None:
    till.ctx.settings.set(s.LOCKOUT_ATTEMPTS, 2)
    with pytest.raises(CashierError):
        till.staff.login(staff.cashier.id, "0000")
    with pytest.raises(CashierError) as error:
        till.staff.login(staff.cashier.id, "0000")
    assert error.value.key == "login.locked"


def test_lockout_survives_reopening_the_till(
    till: Till, staff: Staff, clock: Clock, data_dir
) -> None:
    from forsell.services.app import open_till

    for _ in range(5):
        with pytest.raises(CashierError):
            till.staff.login(staff.cashier.id, "0000")
    till.close()
    again = open_till(data_dir, clock=clock)
    try:
        with pytest.raises(CashierError) as error:
            again.staff.login(staff.cashier.id, PINS["cashier"])
        assert error.value.key == "login.locked"
    finally:
        again.close()


@pytest.mark.parametrize("who", ["supervisor", "admin"])
def test_supervisor_or_admin_pin_approves(till: Till, staff: Staff, who: str) -> None:
    approval = till.staff.approve(PINS[who], Action.REFUND, staff.cashier.id)
    approver = getattr(staff, who)
    assert (approval.approver_id, approval.approver_name, approval.action) == (
        approver.id,
        approver.name,
        Action.REFUND,
    )
    [entry] = audit_rows(till, "override")
    assert entry.employee_id == staff.cashier.id
    assert entry.details == {"approver_id": approver.id, "override": "refund"}


@pytest.mark.parametrize("pin", ["1111", "2222", "0000", "9999"])
def test_cashier_or_wrong_pin_does_not_approve(till: Till, staff: Staff, pin: str) -> None:
    with pytest.raises(CashierError) as error:
        till.staff.approve(pin, Action.VOID_SALE, staff.cashier.id)
    assert error.value.key == "override.wrong_pin"
    assert audit_rows(till, "override") == []
    [refused] = audit_rows(till, "override_refused")
    assert refused.details == {"override": "void_sale", "attempt": 1}


def test_locked_supervisor_cannot_approve(till: Till, staff: Staff) -> None:
    for _ in range(5):
        with pytest.raises(CashierError):
            till.staff.login(staff.supervisor.id, "0000")
    with pytest.raises(CashierError) as error:
        till.staff.approve(PINS["supervisor"], Action.REFUND, staff.cashier.id)
    assert error.value.key == "override.wrong_pin"


def test_pin_format() -> None:
    from forsell.services.auth import check_pin_format

    assert check_pin_format("1234") == "1234"
    for bad in ("123", "123456789", "12a4", "", "١٢٣٤x"):
        with pytest.raises(CashierError):
            check_pin_format(bad)


def test_set_language(till: Till, staff: Staff) -> None:
    till.staff.set_language(staff.cashier.id, "kk")
    assert till.staff.login(staff.cashier.id, PINS["cashier"]).language == "kk"


# --- lockout of the PIN checks that are not a login ---------------------------------------------


def test_wrong_override_pins_lock_overrides_with_backoff_across_restarts(tmp_path) -> None:
    """300 wrong PINs used to be tried at ~29 ms each; now the fifth in a row locks overrides
    for 5 minutes, the next lockout for 10, and a restart does not reset the count."""
    from datetime import UTC, datetime, timedelta

    from forsell.services.app import open_till

    now = [datetime(2026, 12, 5, 9, 0, tzinfo=UTC)]
    data = tmp_path / "data"
    first = open_till(data, clock=lambda: now[0])
    cashier = next(e for e in first.staff.staff() if e.role is Role.CASHIER)
    for _attempt in range(4):
        with pytest.raises(CashierError) as error:
            first.staff.approve("0000", Action.REFUND, cashier.id)
        assert error.value.key == "override.wrong_pin"
    first.close()

    till = open_till(data, clock=lambda: now[0])  # a restart between the tries
    try:
        with pytest.raises(CashierError) as error:
            till.staff.approve("0000", Action.REFUND, cashier.id)
        assert error.value.key == "override.locked"
        # locked: even the right PIN is refused, without trying it
        with pytest.raises(CashierError) as error:
            till.staff.approve(PINS["supervisor"], Action.REFUND, cashier.id)
        assert error.value.key == "override.locked"
        assert len(audit_rows(till, "override_locked")) == 1

        now[0] += timedelta(minutes=5, seconds=1)  # the first lock is over
        for _ in range(5):
            with pytest.raises(CashierError):
                till.staff.approve("0000", Action.REFUND, cashier.id)
        now[0] += timedelta(minutes=9)  # the second lock lasts 10 minutes
        with pytest.raises(CashierError) as error:
            till.staff.approve(PINS["supervisor"], Action.REFUND, cashier.id)
        assert error.value.key == "override.locked"
        now[0] += timedelta(minutes=1, seconds=1)
        approval = till.staff.approve(PINS["supervisor"], Action.REFUND, cashier.id)
        assert approval.action is Action.REFUND
        # a right PIN resets the backoff: the next lockout is 5 minutes again
        for _ in range(5):
            with pytest.raises(CashierError):
                till.staff.approve("0000", Action.REFUND, cashier.id)
        now[0] += timedelta(minutes=5, seconds=1)
        assert till.staff.approve(PINS["supervisor"], Action.REFUND, cashier.id)
    finally:
        till.close()


def test_admin_pin_is_locked_after_wrong_tries(till: Till, staff: Staff) -> None:
    for _ in range(4):
        with pytest.raises(CashierError) as error:
            till.staff.admin_by_pin("0000", "recording export")
        assert error.value.key == "admin_pin.wrong"
    with pytest.raises(CashierError) as error:
        till.staff.admin_by_pin("0000", "recording export")
    assert error.value.key == "admin_pin.locked"
    with pytest.raises(CashierError) as error:
        till.staff.admin_by_pin(PINS["admin"], "recording export")
    assert error.value.key == "admin_pin.locked"
    assert len(audit_rows(till, "admin_pin_refused")) == 6


def test_login_lockouts_grow(till: Till, staff: Staff) -> None:
    from datetime import timedelta

    from forsell.services.auth import lock_span

    assert lock_span(300, 0) == timedelta(minutes=5)
    assert lock_span(300, 1) == timedelta(minutes=10)
    assert lock_span(300, 40) == timedelta(days=1)  # capped
    for _ in range(5):
        with pytest.raises(CashierError):
            till.staff.login(staff.cashier.id, "0000")
    [locked] = audit_rows(till, "login_locked")
    assert locked.details == {"lockout": 1}
