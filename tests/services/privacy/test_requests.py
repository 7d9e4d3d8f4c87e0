"""Data-subject requests (policy 6.2-6.3) against a real till: real SQLite, the real encoder and
key file; the subject is found by employee, receipt, time window and words in a sealed
transcript, the answer is built from the data map, export writes private files, block holds."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from forsell.audio.archive import EncryptedArchive
from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, open_till
from forsell.services.privacy import data_map as dm
from forsell.services.privacy.requests import (
    PrivacyRequests,
    subject_employee,
    subject_receipt,
    subject_window,
    subject_words,
)
from forsell.services.recordings import KEY_FILE
from forsell.store.models import AuditEntry, PrivacyRequest, Recording
from forsell.store.privacy_block import SUBJECT_BLOCKED, block_reason
from forsell.sync.providers.base import Transcript
from forsell.sync.transcripts import TranscriptStore
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
    """One sale by the demo cashier with its recording (and, given ``said``, its transcript)."""
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
    if said:
        TranscriptStore(till.ctx.db, vault).save(
            rid, Transcript(said, "ru", (), 0.9, 2.0, "elevenlabs", "ext-" + rid)
        )
    return receipt.receipt_no, receipt.sale_id, rid


def test_registering_needs_an_admin_is_due_in_30_days_and_audited(till):
    service = PrivacyRequests(till.ctx)
    cashier = _cashier(till)
    with pytest.raises(CashierError) as refused:
        service.register(cashier, "information", "Айгуль", subject_employee(cashier.id))
    assert refused.value.key == "admin.only"
    admin = _admin(till)
    request = service.register(
        admin, "information", "Айгуль", subject_employee(cashier.id), received_on="2026-03-02"
    )
    assert request.due_on.isoformat() == "2026-04-01" and request.status == "open"
    with pytest.raises(CashierError) as bad:
        service.register(admin, "gossip", "Айгуль", subject_employee(cashier.id))
    assert bad.value.key == "privacy.kind_unknown"
    with till.ctx.db.read() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "privacy_request_registered")
        )
        assert entry.employee_id == admin.id and entry.details["request_id"] == request.id
        assert "Айгуль" not in json.dumps(entry.details, ensure_ascii=False)
        assert session.get(PrivacyRequest, request.id).registered_by == admin.id


def test_an_employee_is_found_in_every_table_the_data_map_says_holds_staff(till, vault):
    _sold_and_recorded(till, vault, said="здравствуйте")
    cashier = _cashier(till)
    findings = PrivacyRequests(till.ctx, vault).find(_admin(till), subject_employee(cashier.name))
    listed = set(dm.shipped().subjects["employee"].tables)
    assert set(findings.tables) == listed
    # the cashier logged in, opened a shift, sold, was recorded, and the talk was transcribed
    for table in (
        "employees",
        "shifts",
        "sales",
        "sale_lines",
        "audit",
        "recordings",
        "recording_chunks",
        "transcripts",
    ):
        assert findings.counts()[table] > 0, table
    assert findings.rows["employees"] == (cashier.id,)


def test_a_customer_by_receipt_gets_the_sale_its_lines_and_its_recording(till, vault):
    receipt_no, sale_id, rid = _sold_and_recorded(till, vault)
    _sold_and_recorded(till, vault)  # another customer: not theirs
    findings = PrivacyRequests(till.ctx, vault).find(_admin(till), subject_receipt(receipt_no))
    assert findings.rows["sales"] == (sale_id,)
    assert findings.counts()["sale_lines"] == 1
    assert findings.rows["recordings"] == (rid,)
    assert findings.counts()["recording_chunks"] > 0
    assert "employees" not in findings.tables  # the cashier is not the customer


def test_a_customer_by_time_window_and_by_words_in_a_sealed_transcript(till, vault):
    _, sale_id, rid = _sold_and_recorded(till, vault, said="Мне латте без сахара")
    _sold_and_recorded(till, vault, said="Капучино пожалуйста")  # another customer
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    by_words = service.find(admin, subject_words("латте САХАРА"))
    assert by_words.rows["recordings"] == (rid,) and by_words.rows["sales"] == (sale_id,)
    with till.ctx.db.read() as session:
        started = session.get(Recording, rid).started_at
    window = service.find(
        admin, subject_window(started - timedelta(seconds=1), started + timedelta(seconds=1))
    )
    assert rid in window.rows["recordings"]
    assert service.find(admin, subject_words("борщ")).empty
    # the words are never written down in plain text, not even in the audit trail
    with till.ctx.db.read() as session:
        details = [
            json.dumps(a.details, ensure_ascii=False)
            for a in session.scalars(
                select(AuditEntry).where(AuditEntry.action == "privacy_subject_searched")
            )
        ]
    assert details and not any("латте" in d for d in details)
    with pytest.raises(CashierError) as no_vault:
        PrivacyRequests(till.ctx).find(admin, subject_words("латте"))
    assert no_vault.value.key == "privacy.vault_needed"


def test_the_report_is_built_from_the_data_map(till, vault):
    receipt_no, _, _ = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request = service.register(admin, "information", "Покупатель", subject_receipt(receipt_no))
    report = service.report(admin, request.id)
    data_map = dm.shipped()
    sales = next(t for t in report["tables"] if t["table"] == "sales")
    personal = {c for c, col in data_map.tables["sales"].columns.items() if col.personal}
    assert set(sales["columns"]) == personal and sales["rows"] == 1
    assert set(sales["values"][0]) == personal and sales["values"][0]["receipt_no"] == receipt_no
    assert data_map.tables["sales"].columns["total"].purpose in report["purposes"]
    assert report["legal_bases"]["legal_obligation"] == data_map.legal_bases["legal_obligation"]
    assert report["recipients"]["backend"]["name"] == data_map.recipients["backend"].name
    assert "accounting_period" in report["retention"]
    chunks = next(t for t in report["tables"] if t["table"] == "recording_chunks")
    assert all("sealed" in row["blob"] for row in chunks["values"])  # no bytes in the answer
    assert service.get(admin, request.id).status == "answered"


def test_a_subject_with_no_data_gets_an_answer_that_says_so(till, vault):
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request = service.register(admin, "information", "Покупатель", subject_receipt(999_999))
    report = service.report(admin, request.id)
    assert report["data_held"] is False and all(t["rows"] == 0 for t in report["tables"])


def test_export_writes_private_json_and_with_audio_the_recordings(till, vault, tmp_path):
    receipt_no, _, rid = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request = service.register(admin, "export", "Покупатель", subject_receipt(receipt_no))
    out = tmp_path / "answer"
    written = service.export(admin, request.id, out, audio=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert {p.name for p in written} == {"subject-data.json", f"recording-{rid}.ogg"}
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert (out / f"recording-{rid}.ogg").read_bytes()[:4] == b"OggS"
    data = json.loads((out / "subject-data.json").read_text(encoding="utf-8"))
    assert data["request"]["id"] == request.id
    with pytest.raises(CashierError) as again:
        service.export(admin, request.id, out)
    assert again.value.key == "privacy.export_exists"


def test_blocking_a_customer_blocks_their_recording_only(till, vault):
    receipt_no, _, rid = _sold_and_recorded(till, vault)
    _, _, other = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request = service.register(admin, "blocking", "Покупатель", subject_receipt(receipt_no))
    assert service.block(admin, request.id) == 1
    with till.ctx.db.read() as session:
        assert block_reason(session, rid) == SUBJECT_BLOCKED
        assert block_reason(session, other) is None


def test_blocking_an_employee_covers_their_later_recordings_too(till, vault):
    _, _, before = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    request = service.register(admin, "blocking", "Кассир", subject_employee(_cashier(till).id))
    service.block(admin, request.id)
    _, _, after = _sold_and_recorded(till, vault)
    with till.ctx.db.read() as session:
        assert block_reason(session, before) == SUBJECT_BLOCKED
        assert block_reason(session, after) == SUBJECT_BLOCKED


def test_a_blocked_recording_plays_back_only_for_an_admin(till, vault):
    from forsell.services.review.service import ReviewService

    receipt_no, _, rid = _sold_and_recorded(till, vault)
    service = PrivacyRequests(till.ctx, vault)
    admin = _admin(till)
    supervisor = next(e for e in till.staff.staff() if e.role is Role.SUPERVISOR)
    review = ReviewService(till, vault)
    assert review.audio(supervisor, rid)[:4] == b"OggS"  # before the block
    request = service.register(admin, "blocking", "Покупатель", subject_receipt(receipt_no))
    service.block(admin, request.id)
    with pytest.raises(CashierError) as refused:
        review.audio(supervisor, rid)
    assert refused.value.key == "privacy.subject_blocked"
    assert review.audio(admin, rid)[:4] == b"OggS"
