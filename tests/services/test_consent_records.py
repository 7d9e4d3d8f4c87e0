"""Consent records under law No. 94-V: text version, purpose, who gave, recorded and withdrew it,
why; a withdrawal holds the person's recordings until an admin destroys them; all audited."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from forsell.audio.archive import EncryptedArchive
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import DB_NAME, open_till
from forsell.services.consent import ConsentService
from forsell.services.privacy.consent_records import (
    ABROAD,
    NOT_REGISTERED,
    consent_text,
    current_version,
    versions,
)
from forsell.services.recordings import KEY_FILE
from forsell.store.consent_hold import RECORDING, hold_reason
from forsell.store.models import AuditEntry, Recording, RecordingConsent
from forsell.vault.keys import KeyVault
from recording_child import record_into

PIN = "1111"  # the demo cashier's


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path)
    yield till
    till.close()


@pytest.fixture
def vault(till):
    v = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    yield v
    v.close()


def _by_role(till, role, n: int = 0):
    return [e for e in till.staff.staff() if e.role is role][n]


def _audit(till, action: str) -> list[AuditEntry]:
    with till.ctx.db.read() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.at)
            )
        )


def _record(till, vault, employee_id: str) -> str:
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    try:
        return record_into(archive, 1.5, employee_id=employee_id)
    finally:
        archive.close()


def test_the_consent_text_names_operator_bin_term_third_parties_abroad_and_data(till):
    settings = till.ctx.settings
    settings.set(s.STORE_NAME, "Кофейня «Тест»")
    assert current_version() == versions()[-1]
    for language in ("ru", "kk", "en"):
        text = consent_text(settings, language).markdown
        assert "Кофейня «Тест»" in text and current_version() in text
        assert NOT_REGISTERED[language] in text, "no BIN on file yet: the text says so"
        for name in ("ElevenLabs", "Kazdream", "4Sell", "94-V"):
            assert name in text, (language, name)
        assert "{" not in text, "every placeholder is filled"
    settings.set(s.STORE_BIN, "123456789012")
    en = consent_text(settings, "en").markdown
    assert "BIN 123456789012" in en and "not registered yet" not in en
    for words in ("Term", "Third parties", "transfer abroad", "Data processed", "withdraw"):
        assert words in en


def test_an_unknown_version_is_refused(till):
    with pytest.raises(CashierError) as err:
        consent_text(till.ctx.settings, "ru", "1999-01-01")
    assert err.value.key == "consent.unknown_version"


def test_a_consent_keeps_version_language_purpose_subject_and_who_recorded_it(till):
    consent = ConsentService(till.ctx)
    admin, cashier = _by_role(till, Role.ADMIN), _by_role(till, Role.CASHIER)
    consent.give_consent(admin, cashier.id, (RECORDING, ABROAD), language="kk")
    consent.give_consent(admin, cashier.id, (RECORDING,))  # already in force: nothing new
    records = consent.records(cashier, cashier.id)
    assert sorted(r.purpose for r in records) == [ABROAD, RECORDING]
    for r in records:
        assert (r.text_version, r.text_language) == (current_version(), "kk")
        assert r.employee_id == cashier.id and r.recorded_by == admin.name and r.in_force
    assert consent.has_consent(cashier.id) and consent.has_consent(cashier.id, ABROAD)
    given = _audit(till, "consent_given")
    assert [(e.employee_id, e.details["subject_id"], e.details["purpose"]) for e in given] == [
        (admin.id, cashier.id, RECORDING),
        (admin.id, cashier.id, ABROAD),
    ]
    assert given[0].details["text_version"] == current_version()
    other = _by_role(till, Role.CASHIER, 1)
    with pytest.raises(CashierError):
        consent.records(other, cashier.id)  # someone else's consents are not a cashier's business


def test_a_consent_to_an_older_text_still_counts(till):
    consent = ConsentService(till.ctx)
    cashier = _by_role(till, Role.CASHIER)
    with till.ctx.db.write() as session:
        session.add(
            RecordingConsent(
                employee_id=cashier.id,
                text_version="legacy",
                given_at=till.ctx.clock(),
                recorded_by=_by_role(till, Role.ADMIN).id,
            )
        )
    assert consent.has_consent(cashier.id)
    assert consent.records(cashier, cashier.id)[0].text_version == "legacy"


def test_the_cashier_withdraws_with_their_pin_and_a_wrong_pin_withdraws_nothing(till):
    consent = ConsentService(till.ctx)
    admin, cashier = _by_role(till, Role.ADMIN), _by_role(till, Role.CASHIER)
    till.shifts.open(cashier, 0)
    consent.set_enabled(admin, True)
    consent.give_consent(admin, cashier.id, (RECORDING, ABROAD))
    with pytest.raises(CashierError) as err:
        consent.withdraw_own(cashier, "0000")
    assert err.value.key == "login.wrong_pin"
    assert consent.gate(cashier.id).open
    consent.withdraw_own(cashier, PIN)
    assert consent.gate(cashier.id).reason == "no_consent"
    assert not consent.has_consent(cashier.id, ABROAD)
    for r in consent.records(cashier, cashier.id):
        assert r.withdrawn_at is not None and r.withdrawn_by == cashier.name
        assert r.withdrawn_by_subject and r.withdrawal_reason is None
    (entry,) = _audit(till, "consent_withdrawn")
    assert entry.employee_id == cashier.id and entry.details["on_behalf"] is False
    assert entry.details["purposes"] == [ABROAD, RECORDING]


def test_an_admin_withdraws_on_behalf_only_with_a_reason(till):
    consent = ConsentService(till.ctx)
    admin, cashier = _by_role(till, Role.ADMIN), _by_role(till, Role.CASHIER)
    consent.give_consent(admin, cashier.id)
    with pytest.raises(CashierError) as err:
        consent.withdraw_consent(admin, cashier.id, "  ")
    assert err.value.key == "consent.reason"
    assert consent.has_consent(cashier.id)
    consent.withdraw_consent(admin, cashier.id, "written request of 05.12")
    (record,) = consent.records(admin, cashier.id)
    assert record.withdrawn_by == admin.name and not record.withdrawn_by_subject
    assert record.withdrawal_reason == "written request of 05.12"
    (entry,) = _audit(till, "consent_withdrawn")
    assert entry.employee_id == admin.id and entry.details["subject_id"] == cashier.id
    assert entry.details["on_behalf"] is True
    assert entry.details["reason"] == "written request of 05.12"


def test_a_withdrawal_holds_earlier_recordings_until_the_admin_destroys_them(till, vault):
    consent = ConsentService(till.ctx)
    admin = _by_role(till, Role.ADMIN)
    cashier, other = _by_role(till, Role.CASHIER), _by_role(till, Role.CASHIER, 1)
    consent.give_consent(admin, cashier.id)
    consent.give_consent(admin, other.id)
    mine = [_record(till, vault, cashier.id) for _ in range(2)]
    theirs = _record(till, vault, other.id)
    with till.ctx.db.read() as session:
        assert hold_reason(session, mine[0]) is None  # consent in force: nothing held
    assert consent.withdraw_own(cashier, PIN) == 2
    with till.ctx.db.read() as session:
        assert [hold_reason(session, rid) for rid in mine] == ["consent_withdrawn"] * 2
        assert hold_reason(session, theirs) is None  # another person's recordings go on
    assert consent.held_recordings(admin, cashier.id) == mine
    view = next(v for v in consent.consents() if v.employee_id == cashier.id)
    assert view.given_at is None and view.withdrawn_at is not None and view.held == 2

    # Consent given again: what the withdrawal held stays held; new recordings are not.
    consent.give_consent(admin, cashier.id)
    later = _record(till, vault, cashier.id)
    with till.ctx.db.read() as session:
        assert hold_reason(session, later) is None
    assert consent.held_recordings(admin, cashier.id) == mine

    with pytest.raises(CashierError):
        consent.destroy_held(cashier, cashier.id, vault)  # an admin's decision
    assert consent.destroy_held(admin, cashier.id, vault) == 2
    assert consent.held_recordings(admin, cashier.id) == []
    with till.ctx.db.read() as session:
        rows = {r.id: r for r in session.scalars(select(Recording))}
    assert all(rows[rid].status == "shredded" and not vault.exists(rid) for rid in mine)
    assert rows[theirs].shredded_at is None and rows[later].shredded_at is None
    (entry,) = _audit(till, "consent_held_destroyed")
    assert entry.employee_id == admin.id and entry.details == {
        "subject_id": cashier.id,
        "count": 2,
    }
