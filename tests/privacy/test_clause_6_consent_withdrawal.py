"""Privacy policy clauses 6.1-6.3 and law No. 94-V as code: what the consent says, what is kept
of it, and what its withdrawal does.

6.1-6.2: consent is given for the duration of use of the service plus the legal retention
period. 6.3: the data subject may learn the fact, purposes and methods of processing, ask for
blocking or destruction, and withdraw consent. Law No. 94-V: a consent names the operator and
its BIN, the term, the third parties, any cross-border transfer and the list of data.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from forsell.audio.archive import EncryptedArchive
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import DB_NAME, open_till
from forsell.services.consent import ConsentService
from forsell.services.privacy.consent_records import ABROAD, LANGUAGES, consent_text, versions
from forsell.services.recordings import KEY_FILE
from forsell.store.consent_hold import RECORDING, hold_reason
from forsell.store.models import AuditEntry, Recording
from forsell.vault.keys import KeyVault
from recording_child import record_into

#: What every language's text must name (law No. 94-V), as its words there.
MUST_NAME = {
    "en": ("Operator", "BIN", "Term", "Third parties", "cross-border", "Data processed"),
    "ru": ("Оператор", "БИН", "Срок", "Третьи лица", "трансграничная", "Обрабатываемые данные"),
    "kk": ("Оператор", "БСН", "Мерзімі", "Үшінші тұлғалар", "трансшекаралық", "Өңделетін деректер"),
}
#: Clause 6.1-6.2: the term is the duration of use plus the legal retention period.
TERM = {
    "en": ("duration of use", "retention period"),
    "ru": ("срок использования сервиса", "срок хранения"),
    "kk": ("сервисті пайдалану мерзімі", "сақтау мерзімі"),
}


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path)
    till.ctx.settings.set(s.STORE_BIN, "990840000123")
    yield till
    till.close()


@pytest.mark.parametrize("version", versions())
@pytest.mark.parametrize("language", LANGUAGES)
def test_94v_every_consent_text_names_what_the_law_asks(till, language: str, version: str):
    text = consent_text(till.ctx.settings, language, version).markdown
    for words in MUST_NAME[language] + TERM[language]:
        assert words in text, (language, words)
    assert till.ctx.settings.get(s.STORE_NAME) in text and "990840000123" in text
    for third_party in ("ElevenLabs", "Kazdream", "4Sell"):  # policy 2.4: the providers named
        assert third_party in text


def test_6_3_the_subject_withdraws_and_processing_stops_then_the_data_can_be_destroyed(
    till, tmp_path
):
    consent = ConsentService(till.ctx)
    staff = till.staff.staff()
    admin = next(e for e in staff if e.role is Role.ADMIN)
    cashier = next(e for e in staff if e.role is Role.CASHIER)
    till.shifts.open(cashier, 0)
    consent.set_enabled(admin, True)
    consent.give_consent(admin, cashier.id, (RECORDING, ABROAD))
    record = consent.records(cashier, cashier.id)[0]  # the subject learns what is on file
    assert record.text_version == versions()[-1] and record.recorded_by == admin.name

    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    rid = record_into(archive, 1.0, employee_id=cashier.id)
    archive.close()

    consent.withdraw_own(cashier, "1111")  # the subject's own right, with their PIN
    assert not consent.gate(cashier.id).open  # no new recording
    with till.ctx.db.read() as session:
        assert hold_reason(session, rid) == "consent_withdrawn"  # blocked: not sent or scored
    assert consent.destroy_held(admin, cashier.id, vault) == 1  # destruction on request
    with till.ctx.db.read() as session:
        assert session.get(Recording, rid).status == "shredded"
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)))
    assert not vault.exists(rid)
    vault.close()
    for action in ("consent_given", "consent_withdrawn", "consent_held_destroyed"):
        assert action in actions
