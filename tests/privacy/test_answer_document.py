"""The answer to a data-subject request as a document (policy 6.2-6.3, Law No. 94-V): what is
held with counts, purposes, ways, legal bases, recipients, retention and the operator, in
Russian, Kazakh and English, never the values themselves; and the correction of an employee's
name (policy 6.2: clarification)."""

from __future__ import annotations

import json
import stat

import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import open_till
from forsell.services.privacy import data_map as dm
from forsell.services.privacy import document_words as words
from forsell.services.privacy.documents import LANGUAGES, make_answer, write_private
from forsell.services.privacy.policy import PrivacyPolicyService
from forsell.services.privacy.requests import (
    KINDS,
    PrivacyRequests,
    correctable_fields,
    subject_employee,
    subject_receipt,
    subject_words,
)
from forsell.store.models import AuditEntry

#: Letters Kazakh has and Russian does not: a "Kazakh" text without any is Russian.
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CASHIER = "Данияр Ахметов"


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path)
    yield till
    till.close()


def _people(till):
    staff = till.staff.staff()
    admin = next(e for e in staff if e.role is Role.ADMIN)
    cashier = next(e for e in staff if e.name == CASHIER)
    return admin, cashier


def _sale(till, cashier) -> int:
    signed_in = till.staff.login(cashier.id, "1111")
    till.shifts.open(signed_in, 0)
    sale = till.sale_for(signed_in)
    sale.add(till.catalog.search("Капучино")[0])
    return sale.pay(Payment(cash_tendered=10_000_00)).receipt_no


def test_every_id_of_the_data_map_has_russian_and_kazakh_words() -> None:
    data_map = dm.shipped()
    subject_tables = {t for s in data_map.subjects.values() for t in s.tables}
    assert subject_tables <= set(words.TABLE_WORDS)
    assert set(data_map.categories) <= set(words.CATEGORY_WORDS)
    assert set(data_map.legal_bases) <= set(words.BASIS_WORDS)
    assert set(data_map.retention) <= set(words.RETENTION_WORDS)
    assert set(data_map.recipients) <= set(words.RECIPIENT_WORDS)
    assert set(data_map.subjects) <= set(words.SUBJECT_WORDS)
    assert set(KINDS) == set(words.KIND_WORDS)


def test_kazakh_words_are_kazakh_and_differ_from_russian() -> None:
    pairs = [
        *[(ru, kk) for ru, kk in words.CATEGORY_WORDS.values()],
        *[(ru, kk) for ru, kk in words.BASIS_WORDS.values()],
        *[(ru, kk) for ru, kk in words.RETENTION_WORDS.values()],
        *[(ru[1], kk[1]) for _, ru, kk in words.TABLE_WORDS.values()],
        *[(ru[2], kk[2]) for ru, kk in words.RECIPIENT_WORDS.values()],
        *[(w[0], w[1]) for w in words.WORDS.values() if len(w[0]) > 20],
    ]
    for ru, kk in pairs:
        assert ru != kk
        # A short phrase may do without them ("Сатып алушы, № 5 чек"); a sentence cannot.
        assert len(kk) < 40 or KAZAKH_LETTERS & set(kk), f"not Kazakh: {kk}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_answer_about_a_cashier_names_what_is_held_and_the_operator(till, language) -> None:
    admin, cashier = _people(till)
    _sale(till, cashier)
    service = PrivacyRequests(till.ctx)
    request = service.register(admin, "information", "Данияр", subject_employee(CASHIER))

    document = make_answer(service, admin, request.id, language)

    html = document.html
    operator = PrivacyPolicyService(till.ctx).in_force().operator
    for detail in (operator.name, operator.bin, operator.email, operator.phone, CASHIER):
        assert detail in html
    sales_name = {"ru": "Чеки", "kk": "Чектер", "en": "Receipts"}[language]
    assert f"<td>{sales_name}</td><td>1</td>" in html
    assert {"ru": "Правовые основания", "kk": "Құқықтық негіздер", "en": "Legal bases"}[
        language
    ] in html
    assert "Капучино" not in html  # counts, never what was sold
    assert document.report["request"]["id"] == request.id
    assert json.loads(document.json_bytes())["data_held"] is True
    # the same answer in the other languages, for a subject who reads another one
    assert set(document.pages) == set(LANGUAGES)


def test_a_customers_answer_names_no_cashier_and_no_words(till) -> None:
    admin, cashier = _people(till)
    receipt_no = _sale(till, cashier)
    service = PrivacyRequests(till.ctx)
    by_receipt = service.register(admin, "information", "a customer", subject_receipt(receipt_no))
    by_words = service.register(admin, "information", "a customer", subject_words("капучино"))

    html = make_answer(service, admin, by_receipt.id, "ru").html
    assert f"чек № {receipt_no}" in html and CASHIER not in html and cashier.id not in html
    for document_request in (by_words,):
        # without the key file a search in words is refused, saying why
        with pytest.raises(CashierError) as refused:
            make_answer(service, admin, document_request.id, "ru")
        assert refused.value.key == "privacy.vault_needed"


def test_nothing_held_is_said_so(till) -> None:
    admin, _ = _people(till)
    service = PrivacyRequests(till.ctx)
    request = service.register(admin, "information", "someone", subject_receipt(99_999))
    assert "Бұл кассада осы адам туралы дербес деректер жоқ" in (
        make_answer(service, admin, request.id, "kk").html
    )


def test_a_document_is_written_private_and_never_half(tmp_path) -> None:
    path = write_private(tmp_path / "answer.pdf", b"%PDF-1.4 one")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(CashierError) as exists:
        write_private(path, b"%PDF-1.4 two")
    assert exists.value.key == "privacy.file_exists" and path.read_bytes() == b"%PDF-1.4 one"
    path.chmod(0o644)
    write_private(path, b"%PDF-1.4 three", replace=True)
    assert path.read_bytes() == b"%PDF-1.4 three"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["answer.pdf"]  # no partial file left


# --- correction (policy 6.2) ------------------------------------------------------------------


def test_the_name_is_the_correctable_field_of_the_shipped_data_map() -> None:
    assert correctable_fields() == ("name",)


def test_correction_changes_the_name_keeps_the_request_findable_and_audits_no_value(
    till,
) -> None:
    admin, cashier = _people(till)
    service = PrivacyRequests(till.ctx)
    request = service.register(admin, "correction", CASHIER, subject_employee(CASHIER))

    view = service.correct(admin, request.id, "name", "  Данияр   Ахметұлы ")

    assert view.status == "answered" and view.subject == {"employee": cashier.id}
    assert {e.id: e.name for e in till.staff.staff()}[cashier.id] == "Данияр Ахметұлы"
    assert service.find(admin, view.subject).counts()["employees"] == 1
    with till.ctx.db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "privacy_data_corrected")
        ).one()
    assert entry.details == {"request_id": request.id, "subject_id": cashier.id, "field": "name"}
    assert entry.employee_id == admin.id


@pytest.mark.parametrize(
    ("kind", "subject", "field", "value", "key"),
    [
        ("information", subject_employee(CASHIER), "name", "X", "privacy.not_correction"),
        ("correction", subject_receipt(1), "name", "X", "privacy.correct_employee_only"),
        ("correction", subject_employee(CASHIER), "role", "admin", "privacy.field_unknown"),
        ("correction", subject_employee(CASHIER), "name", " \t ", "privacy.value_missing"),
        ("correction", subject_employee(CASHIER), "name", "Я" * 121, "privacy.value_too_long"),
        ("correction", subject_employee(CASHIER), "name", "Дан\x00ияр", "privacy.value_control"),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(
    till, kind, subject, field, value, key
) -> None:
    admin, _ = _people(till)
    service = PrivacyRequests(till.ctx)
    request = service.register(admin, kind, "x", subject)
    with pytest.raises(CashierError) as refused:
        service.correct(admin, request.id, field, value)
    assert refused.value.key == key
    assert CASHIER in {e.name for e in till.staff.staff()}


def test_only_an_admin_corrects(till) -> None:
    admin, cashier = _people(till)
    service = PrivacyRequests(till.ctx)
    request = service.register(admin, "correction", CASHIER, subject_employee(CASHIER))
    with pytest.raises(CashierError) as refused:
        service.correct(cashier, request.id, "name", "Someone else")
    assert refused.value.key == "admin.only"
