"""PINs peppered with a key from the real OS secret store: a copied database alone verifies no
PIN, old hashes move to the pepper at the next login, and the way back after a reset."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services.app import Till, open_till
from forsell.services.auth import EmployeeView
from forsell.services.pins import (
    PEPPERED_BYTES,
    RESET_COMMAND,
    hash_pin,
    is_peppered,
    peppered_hash,
    reset_all_pins,
)
from forsell.store.models import AuditEntry, Employee
from forsell.vault.secrets import PIN_PEPPER, SecretStore
from platform_services import needs, secret_service
from sync.memory_keyring import MemoryKeyring

pytestmark = needs(secret_service)

ADMIN_PIN = "9000"  # the demo admin


def _admin(till: Till) -> EmployeeView:
    return next(e for e in till.staff.staff() if e.role is Role.ADMIN)


def _stored(till: Till, employee_id: str) -> Employee:
    with till.ctx.db.read() as session:
        return session.get(Employee, employee_id)


@pytest.fixture
def fresh(tmp_path: Path):
    """A till of its own (its own device id, so its own entry in the secret store)."""
    till = open_till(tmp_path / "till")
    yield till
    SecretStore(till.ctx.device_id).delete(PIN_PEPPER)
    till.close()


def _add(till: Till, name: str, role: Role, pin: str) -> str:
    from forsell.services.admin import StoreAdmin

    admin = till.staff.login(_admin(till).id, ADMIN_PIN)
    return StoreAdmin(till.ctx).add_employee(admin, name, role, pin).id


def test_a_new_pin_is_kept_only_peppered_and_logs_in(fresh: Till) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    stored = _stored(fresh, eid)
    assert is_peppered(stored.pin_hash) and len(stored.pin_hash) == PEPPERED_BYTES
    # The plain scrypt of the PIN (what a thief would test guesses against) is not what is kept.
    assert hash_pin("4821", stored.pin_salt)[0] not in stored.pin_hash
    assert fresh.staff.login(eid, "4821").name == "Ерлан"
    with pytest.raises(CashierError) as wrong:
        fresh.staff.login(eid, "4822")
    assert wrong.value.key == "login.wrong_pin"


def test_a_copied_database_without_the_pepper_verifies_no_pin(fresh: Till, tmp_path: Path) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    right = SecretStore(fresh.ctx.device_id).pin_pepper()
    fresh.close()
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "till", copy)
    stolen = open_till(copy, seed_demo=False, keyring_backend=MemoryKeyring())
    try:
        staff = {e.id: e for e in stolen.staff.staff()}
        for employee_id, pin in ((eid, "4821"), (_admin(stolen).id, ADMIN_PIN)):
            with pytest.raises(CashierError) as refused:
                stolen.staff.login(employee_id, pin)
            assert refused.value.key == "pin.pepper_lost", staff[employee_id].name
            assert refused.value.params["command"] == RESET_COMMAND
            assert _stored(stolen, employee_id).failed_logins == 0  # nobody gets locked out
        with pytest.raises(CashierError) as refused:
            stolen.staff.admin_by_pin(ADMIN_PIN, "recordings list")
        assert refused.value.key == "pin.pepper_lost"
        # No pepper was invented beside the peppered hashes.
        assert SecretStore(stolen.ctx.device_id, stolen.ctx.keyring_backend).pin_pepper() is None
        # With the right PIN and the hash in hand, only the right pepper reproduces it.
        e = _stored(stolen, eid)
        assert peppered_hash("4821", right, e.pin_salt)[0] == e.pin_hash
        assert peppered_hash("4821", os.urandom(32), e.pin_salt)[0] != e.pin_hash
        assert hash_pin("4821", e.pin_salt)[0] not in e.pin_hash
    finally:
        stolen.close()


def test_a_wrong_pepper_is_named_not_taken_for_wrong_pins(fresh: Till, tmp_path: Path) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    fresh.close()
    other = MemoryKeyring()
    copy = open_till(tmp_path / "till", seed_demo=False, keyring_backend=other)
    try:
        SecretStore(copy.ctx.device_id, other).new_pin_pepper()  # another till's key
        with pytest.raises(CashierError) as refused:
            copy.staff.login(eid, "4821")
        assert refused.value.key == "pin.pepper_wrong"
        assert _stored(copy, eid).failed_logins == 0
        assert copy.ctx.pins.problem().key == "pin.pepper_wrong"
    finally:
        copy.close()


def test_a_plain_hash_is_checked_once_the_old_way_then_peppered(fresh: Till) -> None:
    admin_id = _admin(fresh).id
    before = _stored(fresh, admin_id)
    assert not is_peppered(before.pin_hash)  # the demo staff start in the old form
    with pytest.raises(CashierError):
        fresh.staff.login(admin_id, "9001")
    assert _stored(fresh, admin_id).pin_hash == before.pin_hash  # a wrong PIN changes nothing
    fresh.staff.login(admin_id, ADMIN_PIN)
    after = _stored(fresh, admin_id)
    assert is_peppered(after.pin_hash) and after.pin_salt != before.pin_salt
    pepper = SecretStore(fresh.ctx.device_id).pin_pepper()
    assert peppered_hash(ADMIN_PIN, pepper, after.pin_salt)[0] == after.pin_hash
    fresh.staff.login(admin_id, ADMIN_PIN)  # and it still opens, now with the pepper
    assert _stored(fresh, admin_id).pin_hash == after.pin_hash


def test_a_pulled_plain_hash_replaces_a_peppered_one_and_is_peppered_at_login(
    fresh: Till,
) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    with fresh.ctx.db.write() as session:  # what a staff pull from the backend writes
        e = session.get(Employee, eid)
        e.pin_hash, e.pin_salt = hash_pin("5931")
    assert fresh.staff.login(eid, "5931").name == "Ерлан"
    assert is_peppered(_stored(fresh, eid).pin_hash)


def test_a_reset_secret_store_gets_no_new_pepper_silently(fresh: Till, tmp_path: Path) -> None:
    from forsell.services.admin import StoreAdmin

    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    admin = _admin(fresh)
    fresh.close()
    SecretStore(fresh.ctx.device_id).delete(PIN_PEPPER)  # the secret store was reset
    till = open_till(tmp_path / "till")
    try:
        assert till.ctx.pins.problem().key == "pin.pepper_lost"
        with pytest.raises(CashierError) as refused:
            till.staff.login(eid, "4821")
        assert refused.value.key == "pin.pepper_lost"
        with pytest.raises(CashierError) as refused:  # nor by giving someone a new PIN
            StoreAdmin(till.ctx).add_employee(admin, "Асель", Role.CASHIER, "3333")
        assert refused.value.key == "pin.pepper_lost"
        assert SecretStore(till.ctx.device_id).pin_pepper() is None
    finally:
        till.close()


def test_reset_pins_gives_everyone_a_new_pin_once_and_audits_it(
    fresh: Till, tmp_path: Path
) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    for _ in range(5):  # wrong PINs before the reset: the lock goes with the reset
        with pytest.raises(CashierError):
            fresh.staff.login(eid, "0000")
    assert _stored(fresh, eid).locked_until is not None
    fresh.close()
    SecretStore(fresh.ctx.device_id).delete(PIN_PEPPER)
    till = open_till(tmp_path / "till")
    try:
        made = reset_all_pins(till.ctx)
        assert till.ctx.pins.problem() is None
        names = {p.name for p in made}
        assert names == {e.name for e in till.staff.staff()} and "Ерлан" in names
        by_name = {e.name: e for e in till.staff.staff()}
        for p in made:
            assert len(p.pin) == 6 and p.pin.isdigit()
            signed_in = till.staff.login(by_name[p.name].id, p.pin)
            assert signed_in.name == p.name and signed_in.must_change_pin
        with till.ctx.db.read() as session:
            entries = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "pin_reset")
            ).all()
        assert {e.details["subject_id"] for e in entries} == {e.id for e in by_name.values()}
        assert all(p.pin not in str(e.details) for e in entries for p in made)
    finally:
        till.close()


def test_reset_pins_refuses_anyone_but_the_owner_of_the_data_folder(
    fresh: Till, tmp_path: Path
) -> None:
    folder = tmp_path / "till"
    owner = folder.stat().st_uid
    os.chown(folder, owner + 4242, -1)  # tests run as root in CI: a folder of someone else
    try:
        with pytest.raises(CashierError) as refused:
            reset_all_pins(fresh.ctx)
        assert refused.value.key == "pins.not_owner"
    finally:
        os.chown(folder, owner, -1)


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_reset_command_prints_pins_that_open_the_till(fresh: Till, tmp_path: Path) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    fresh.close()
    SecretStore(fresh.ctx.device_id).delete(PIN_PEPPER)
    folder = str(tmp_path / "till")
    unconfirmed = _cli("staff", "reset-pins", "--data-dir", folder)
    assert unconfirmed.returncode == 1 and "nothing was changed" in unconfirmed.stderr
    done = _cli("staff", "reset-pins", "--yes", "--data-dir", folder)
    assert done.returncode == 0, done.stderr
    assert "PINs cannot be checked now" in done.stdout
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("Ерлан")]
    [[_, role, pin]] = rows
    assert role == "cashier"
    till = open_till(tmp_path / "till")
    try:
        assert till.staff.login(eid, pin).name == "Ерлан"
        with pytest.raises(CashierError):
            till.staff.login(eid, "4821")  # the old PIN is gone with the old pepper
    finally:
        till.close()


def test_a_running_till_takes_the_pins_of_a_reset_made_meanwhile(fresh: Till) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")  # this till now holds the pepper in memory
    # The owner runs the reset from another process while the till stays open.
    other = open_till(fresh.ctx.data_dir, seed_demo=False)
    try:
        made = {p.name: p.pin for p in reset_all_pins(other.ctx)}
    finally:
        other.close()
    assert fresh.staff.login(eid, made["Ерлан"]).name == "Ерлан"


def test_a_one_time_pin_is_replaced_by_the_employees_own(fresh: Till) -> None:
    eid = _add(fresh, "Ерлан", Role.CASHIER, "4821")
    [one_time] = [p.pin for p in reset_all_pins(fresh.ctx) if p.name == "Ерлан"]
    erlan = fresh.staff.login(eid, one_time)
    assert erlan.must_change_pin
    with pytest.raises(CashierError) as refused:
        fresh.staff.change_own_pin(erlan, "12")
    assert refused.value.key == "pin.format"
    assert not fresh.staff.change_own_pin(erlan, "7391").must_change_pin
    assert not fresh.staff.login(eid, "7391").must_change_pin
    with pytest.raises(CashierError):
        fresh.staff.login(eid, one_time)  # used up


def test_doctor_names_a_lost_pin_key_and_the_way_back(fresh: Till, tmp_path: Path) -> None:
    import keyring

    from forsell.services.doctor import check_pin_key

    data = tmp_path / "till"
    _add(fresh, "Ерлан", Role.CASHIER, "4821")  # a peppered hash exists from now on
    backend = keyring.get_keyring()
    assert check_pin_key(data, backend).ok
    fresh.close()
    SecretStore(fresh.ctx.device_id).delete(PIN_PEPPER)  # the secret store was reset
    lost = check_pin_key(data, backend)
    assert not lost.ok and "lost this till's PIN key" in lost.found
    assert "forsell-cashier staff reset-pins" in lost.hint
    assert lost.line().startswith("FAIL  PIN key: nobody can sign in")
