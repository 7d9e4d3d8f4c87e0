"""Destruction of a data subject's data (policy 6.3) against a real till: real SQLite, the real
encoder and key file. Recordings shredded, derived rows deleted, an employee pseudonymised,
sales kept, events queued; a destruction interrupted after any step resumes and finishes; a
second run changes nothing."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from forsell.audio.archive import EncryptedArchive
from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.services.privacy import destruction
from forsell.services.privacy.deletion_certificate import certificate_html
from forsell.services.privacy.destruction import (
    EVENT_KIND,
    PROVIDER_DELETE,
    STEPS,
    pseudonym,
)
from forsell.services.privacy.requests import (
    PrivacyRequests,
    resume_destructions,
    subject_employee,
    subject_receipt,
)
from forsell.services.recordings import KEY_FILE, RecordingLibrary
from forsell.store.models import (
    AuditEntry,
    ConversationItemResult,
    ConversationMark,
    ConversationScore,
    Employee,
    OutboxJob,
    PrivacyDestruction,
    PrivacyRequest,
    Recording,
    RecordingChunk,
    RecordingConsent,
    Sale,
    TranscriptRow,
)
from forsell.sync.providers.base import Transcript
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.chunks import RecordingUnreadable
from forsell.vault.keys import KeyVault
from recording_child import record_into

KEK = os.urandom(32)
CASHIER_PIN = "1111"


@pytest.fixture
def till(tmp_path):
    till = open_till(tmp_path / "till")
    yield till
    till.close()


@pytest.fixture
def vault(till):
    v = KeyVault(till.ctx.data_dir / KEY_FILE, KEK)
    yield v
    v.close()


def _admin(till):
    return next(e for e in till.staff.staff() if e.role is Role.ADMIN)


def _cashier(till):
    return next(e for e in till.staff.staff() if e.role is Role.CASHIER)


def _sold_and_recorded(till, vault, said: str = "") -> tuple[int, str, str]:
    """One sale by the demo cashier with its recording, transcript and score."""
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    cashier = till.staff.login(_cashier(till).id, CASHIER_PIN)
    if till.shifts.current() is None:
        till.shifts.open(cashier, 0)
    rid = record_into(archive, 2.0, finish=True, employee_id=cashier.id)
    sale = till.sale_for(cashier)
    sale.add(till.catalog.search("Капучино")[0])
    receipt = sale.pay(Payment(cash_tendered=10_000_00))
    archive.link_sale(rid, receipt.sale_id)
    with till.ctx.db.write() as session:
        session.execute(update(Recording).where(Recording.id == rid).values(employee_id=cashier.id))
        session.add(
            ConversationScore(
                recording_id=rid, scorecard_id="cafe", percent=80.0, employee_id=cashier.id
            )
        )
        session.add(
            ConversationItemResult(
                recording_id=rid, item_id="greet", outcome="pass", scored_outcome="pass"
            )
        )
        session.add(ConversationMark(recording_id=rid, flagged=True, flag_comment="say hello"))
        session.add(OutboxJob(kind="score", entity_id=rid, payload={"id": rid}))
    TranscriptStore(till.ctx.db, vault).save(
        rid, Transcript(said or "здравствуйте", "ru", (), 0.9, 2.0, "elevenlabs", "ext-" + rid)
    )
    return receipt.receipt_no, receipt.sale_id, rid


def _request(till, service, subject, kind: str = "destruction") -> str:
    return service.register(_admin(till), kind, "Заявитель", subject).id


def _count(till, model, *where) -> int:
    with till.ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def test_a_customer_destruction_shreds_the_conversation_and_keeps_the_sale(till, vault):
    receipt_no, sale_id, rid = _sold_and_recorded(till, vault, said="мой номер 87011234567")
    _, _, other = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request_id = _request(till, service, subject_receipt(receipt_no))

    cert = service.destroy(request_id, admin)

    assert cert.done and cert.recordings_shredded == (rid,) and cert.keys_left == 0
    with pytest.raises(RecordingUnreadable):
        vault.get(rid)
    with pytest.raises(CashierError) as gone:
        RecordingLibrary(till.ctx, vault).ogg(rid)
    assert gone.value.key == "recording.unreadable"
    assert RecordingLibrary(till.ctx, vault).ogg(other)[:4] == b"OggS"  # the next customer's
    for model in (TranscriptRow, ConversationScore, ConversationItemResult, ConversationMark):
        assert _count(till, model, model.recording_id == rid) == 0
        assert _count(till, model, model.recording_id == other) == 1
    assert _count(till, RecordingChunk, RecordingChunk.recording_id == rid) == 0
    assert _count(till, OutboxJob, OutboxJob.kind == "score", OutboxJob.entity_id == rid) == 0
    # tax law: the sale stays; the recording's row stays as the record that it existed
    assert _count(till, Sale, Sale.id == sale_id) == 1
    with till.ctx.db.read() as session:
        assert session.get(Recording, rid).status == "shredded"
        assert session.get(PrivacyRequest, request_id).status == "closed"
        (event,) = session.scalars(select(OutboxJob).where(OutboxJob.kind == EVENT_KIND))
        assert event.payload["recording_ids"] == [rid] and event.payload["sale_ids"] == [sale_id]
        (job,) = session.scalars(select(OutboxJob).where(OutboxJob.kind == PROVIDER_DELETE))
        assert job.payload == {"provider": "elevenlabs", "transcription_id": "ext-" + rid}
        assert job.lane == "audio"
    assert cert.events == (event.id,) and cert.backend == "pending"
    assert cert.deleted["transcripts"] == (rid,) and cert.kept["sales"] == 1
    assert cert.kept_why["sales"] == "tax_law"
    assert [p.state for p in cert.providers] == ["pending"]
    text = json.dumps(cert.to_json(), ensure_ascii=False)
    assert "87011234567" not in text and "номер" not in text


def test_an_employee_gets_a_pseudonym_and_keeps_their_sales_shifts_and_consents(till, vault):
    _, sale_id, rid = _sold_and_recorded(till, vault)
    cashier = _cashier(till)
    name = cashier.name
    admin = _admin(till)
    with till.ctx.db.write() as session:
        session.add(
            RecordingConsent(
                employee_id=cashier.id,
                given_at=datetime.now(UTC),
                recorded_by=admin.id,
            )
        )
    service = PrivacyRequests(till.ctx, vault)
    request_id = service.register(admin, "destruction", name, subject_employee(name)).id

    cert = service.destroy(request_id, admin)

    alias = pseudonym(cashier.id)
    assert cert.pseudonym == alias and alias.startswith("Сотрудник #")
    with till.ctx.db.read() as session:
        employee = session.get(Employee, cashier.id)
        assert employee.name == alias and not employee.active
        request = session.get(PrivacyRequest, request_id)
        assert request.requester == alias and request.subject == {"employee": cashier.id}
        assert session.get(Sale, sale_id).employee_id == cashier.id
        assert session.scalar(
            select(func.count())
            .select_from(RecordingConsent)
            .where(RecordingConsent.employee_id == cashier.id)
        )
        audit_text = json.dumps(
            [e.details for e in session.scalars(select(AuditEntry))], ensure_ascii=False
        )
    assert name not in audit_text
    assert name not in json.dumps(cert.to_json(), ensure_ascii=False)
    assert name not in certificate_html(cert, datetime.now(UTC))
    assert cert.kept["shifts"] >= 1 and cert.kept_why["shifts"] == "tax_law"
    with pytest.raises(CashierError):  # nobody signs in as them again
        till.staff.login(cashier.id, CASHIER_PIN)
    with pytest.raises(RecordingUnreadable):
        vault.get(rid)


def test_destroying_twice_says_when_and_changes_nothing(till, vault):
    receipt_no, _, _ = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request_id = _request(till, service, subject_receipt(receipt_no))
    service.destroy(request_id, admin)
    with till.ctx.db.read() as session:
        jobs = session.scalar(select(func.count()).select_from(OutboxJob))
        journal = session.get(PrivacyDestruction, request_id)
        steps = dict(journal.steps)
    with pytest.raises(CashierError) as again:
        service.destroy(request_id, admin)
    assert again.value.key == "privacy.already_destroyed"
    assert again.value.params["date"] == till.ctx.local(journal.finished_at).date().isoformat()
    with till.ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxJob)) == jobs
        assert dict(session.get(PrivacyDestruction, request_id).steps) == steps


def test_other_kinds_of_request_and_cashiers_are_refused(till, vault):
    receipt_no, _, rid = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    blocking = _request(till, service, subject_receipt(receipt_no), kind="blocking")
    with pytest.raises(CashierError) as refused:
        service.destroy(blocking, _admin(till))
    assert refused.value.key == "privacy.not_destruction"
    request_id = _request(till, service, subject_receipt(receipt_no))
    with pytest.raises(CashierError) as cashier:
        service.destroy(request_id, _cashier(till))
    assert cashier.value.key == "admin.only"
    assert vault.exists(rid)


def test_the_last_admin_cannot_be_destroyed(till, vault):
    admin = _admin(till)
    service = PrivacyRequests(till.ctx, vault)
    request_id = _request(till, service, subject_employee(admin.id))
    with pytest.raises(CashierError) as refused:
        service.destroy(request_id, admin)
    assert refused.value.key == "privacy.destroy_last_admin"
    with till.ctx.db.read() as session:
        assert session.get(Employee, admin.id).name == admin.name


class _Interrupted(Exception):
    pass


@pytest.mark.parametrize("step", STEPS)
def test_an_interrupted_destruction_resumes_at_start_and_finishes(till, vault, step, monkeypatch):
    receipt_no, sale_id, rid = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request_id = _request(till, service, subject_receipt(receipt_no))

    def fail(done: str) -> None:
        if done == step:
            raise _Interrupted(done)

    monkeypatch.setattr(destruction, "after_step", fail)
    with pytest.raises(_Interrupted):
        service.destroy(request_id, admin)
    monkeypatch.setattr(destruction, "after_step", None)
    with till.ctx.db.read() as session:
        journal = session.get(PrivacyDestruction, request_id)
        assert journal.finished_at is None and step in journal.steps

    assert resume_destructions(till.ctx, vault) == [request_id]

    cert = service.destruction_certificate(request_id, admin)
    assert cert.done and cert.recordings_shredded == (rid,) and cert.keys_left == 0
    assert _count(till, TranscriptRow, TranscriptRow.recording_id == rid) == 0
    assert _count(till, OutboxJob, OutboxJob.kind == EVENT_KIND) == 1
    assert _count(till, OutboxJob, OutboxJob.kind == PROVIDER_DELETE) == 1
    assert _count(till, Sale, Sale.id == sale_id) == 1
    with till.ctx.db.read() as session:
        actions = [
            e.action
            for e in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action.like("privacy_%"))
                .order_by(AuditEntry.at)
            )
        ]
    assert actions.count("privacy_recordings_shredded") == 1
    assert actions.count("privacy_subject_destroyed") == 1


def test_a_staff_pull_does_not_bring_the_destroyed_name_back(till, vault):
    from forsell.services.pulls import PullApplier

    cashier = _cashier(till)
    service = PrivacyRequests(till.ctx, vault)
    request_id = service.register(_admin(till), "destruction", "x", subject_employee(cashier.id))
    service.destroy(request_id.id, _admin(till))
    result = PullApplier(till.ctx).apply(
        "staff",
        [{"id": cashier.id, "name": cashier.name, "role": "cashier", "active": True}],
        "c1",
    )
    assert result.applied == 0 and any("pseudonym" in p for p in result.problems)
    with till.ctx.db.read() as session:
        assert session.get(Employee, cashier.id).name == pseudonym(cashier.id)


def test_doctor_names_a_destruction_cut_off_and_one_pending_at_the_backend(
    till, vault, monkeypatch
):
    from forsell.services.doctor import check_destructions

    receipt_no, _, _ = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    request_id = _request(till, service, subject_receipt(receipt_no))
    assert check_destructions(till.ctx.data_dir).found == "0 carried out"

    def fail(step: str) -> None:
        raise _Interrupted(step)

    monkeypatch.setattr(destruction, "after_step", fail)
    with pytest.raises(_Interrupted):
        service.destroy(request_id, _admin(till))
    cut = check_destructions(till.ctx.data_dir)
    assert not cut.ok and request_id in cut.found and "privacy destroy" in cut.hint
    monkeypatch.setattr(destruction, "after_step", None)
    service.destroy(request_id, _admin(till))
    done = check_destructions(till.ctx.data_dir)
    assert done.ok and done.found == "1 carried out, 1 deletion event(s) pending at the backend"
    with till.ctx.db.write() as session:
        session.execute(update(OutboxJob).where(OutboxJob.kind == EVENT_KIND).values(state="done"))
    assert check_destructions(till.ctx.data_dir).found == "1 carried out"


def test_a_transcript_arriving_after_the_destruction_is_deleted_at_the_provider(till, vault):
    from forsell.sync.transcripts import TranscriptStore, TranscriptUnreadable

    receipt_no, _, rid = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    service.destroy(_request(till, service, subject_receipt(receipt_no)), _admin(till))
    late = Transcript("поздно", "ru", (), 0.9, 2.0, "elevenlabs", "late-1")
    with pytest.raises(TranscriptUnreadable):  # the upload was on its way when it was destroyed
        TranscriptStore(till.ctx.db, vault).record_submit(
            rid, "elevenlabs", "late-1", True, "ok", 2.0, datetime.now(UTC), late
        )
    assert _count(till, TranscriptRow, TranscriptRow.recording_id == rid) == 0
    with till.ctx.db.read() as session:
        jobs = session.scalars(select(OutboxJob).where(OutboxJob.kind == PROVIDER_DELETE))
        asked = {job.payload["transcription_id"] for job in jobs}
    assert asked == {"ext-" + rid, "late-1"}
