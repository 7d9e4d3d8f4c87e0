"""Who may be recorded: the store switch, consent, shift pauses — with audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import open_till
from forsell.services.consent import ConsentService
from forsell.store.models import AuditEntry


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path)
    yield till
    till.close()


def _by_role(till, role):
    return next(e for e in till.staff.staff() if e.role is role)


def _actions(till) -> list[str]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)))


def test_nothing_is_recorded_until_the_store_turns_it_on_and_the_cashier_consents(till):
    consent = ConsentService(till.ctx)
    admin, cashier = _by_role(till, Role.ADMIN), _by_role(till, Role.CASHIER)
    till.shifts.open(cashier, 0)
    assert consent.gate(cashier.id).reason == "off"
    consent.set_enabled(admin, True)
    assert consent.gate(cashier.id).reason == "no_consent"
    consent.give_consent(admin, cashier.id)
    assert consent.gate(cashier.id).open
    view = next(c for c in consent.consents() if c.employee_id == cashier.id)
    assert view.given_at is not None and view.given_at.tzinfo is not None
    assert {"recording_enabled", "consent_given"} <= set(_actions(till))


def test_withdrawing_consent_closes_the_gate(till):
    consent = ConsentService(till.ctx)
    admin, cashier = _by_role(till, Role.ADMIN), _by_role(till, Role.CASHIER)
    till.shifts.open(cashier, 0)
    consent.set_enabled(admin, True)
    consent.give_consent(admin, cashier.id)
    consent.withdraw_consent(cashier, cashier.id)  # the employee's own right
    assert consent.gate(cashier.id).reason == "no_consent"
    other = [e for e in till.staff.staff() if e.role is Role.CASHIER][1]
    with pytest.raises(CashierError):
        consent.withdraw_consent(cashier, other.id)  # …but not for someone else


def test_turning_recording_on_puts_the_notice_on_receipts_unless_the_admin_wrote_one(tmp_path):
    till = open_till(tmp_path)
    admin = _by_role(till, Role.ADMIN)
    ConsentService(till.ctx).set_enabled(admin, True)
    assert till.ctx.settings.get(s.RECEIPT_FOOTER) == s.RECORDING_NOTICE
    till.ctx.settings.set(s.RECEIPT_FOOTER, "Наш собственный текст")
    ConsentService(till.ctx).set_enabled(admin, False)
    ConsentService(till.ctx).set_enabled(admin, True)
    assert till.ctx.settings.get(s.RECEIPT_FOOTER) == "Наш собственный текст"
    till.close()


def test_a_supervisor_pauses_a_shift_with_a_reason_and_resumes(till):
    consent = ConsentService(till.ctx)
    admin, cashier = _by_role(till, Role.ADMIN), _by_role(till, Role.CASHIER)
    supervisor = _by_role(till, Role.SUPERVISOR)
    till.shifts.open(cashier, 0)
    consent.set_enabled(admin, True)
    consent.give_consent(admin, cashier.id)
    with pytest.raises(CashierError):
        consent.pause(cashier, "хочу")  # a cashier cannot pause
    with pytest.raises(CashierError) as err:
        consent.pause(supervisor, "   ")
    assert err.value.key == "recording.pause_reason"
    consent.pause(supervisor, "Ремонт микрофона")
    assert consent.gate(cashier.id).reason == "paused"
    assert consent.current_pause().reason == "Ремонт микрофона"
    consent.resume(supervisor)
    assert consent.gate(cashier.id).open
    with till.ctx.db.read() as session:
        paused = session.scalar(select(AuditEntry).where(AuditEntry.action == "recording_paused"))
    assert paused.details["reason"] == "Ремонт микрофона" and paused.employee_id == supervisor.id


def test_only_an_admin_switches_recording_or_records_consent(till):
    consent = ConsentService(till.ctx)
    cashier, supervisor = _by_role(till, Role.CASHIER), _by_role(till, Role.SUPERVISOR)
    for who in (cashier, supervisor):
        with pytest.raises(CashierError):
            consent.set_enabled(who, True)
        with pytest.raises(CashierError):
            consent.give_consent(who, cashier.id)
    assert not consent.enabled
