"""The registration form on a real till: a draft that survives a restart, scans sealed in the
vault (never a plain byte on disk), refused scans, submit, the backend's answer, the audio gate."""

from __future__ import annotations

import os
import tracemalloc
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from forsell.domain.errors import CashierError
from forsell.services import settings as s
from forsell.services.app import open_till
from forsell.services.privacy import registration as r
from forsell.store.models import AuditEntry, OutboxJob
from forsell.store.outbox import enqueue
from sync.memory_keyring import MemoryKeyring

from ..conftest import Staff

GOOD = {
    "legal_name": "ТОО «Кофейня на Абая»",
    "bin": "061211600012",
    "legal_address": "Алматы, пр. Абая 10",
    "contact_name": "Сапарова Айгерим Маратовна",
    "phone": "8 (701) 234-56-78",
    "email": "owner@cafe.kz",
}


def png_bytes(seed: int, size: int = 300_000) -> bytes:
    """A PNG signature followed by bytes no other file has (found by grep if left in clear)."""
    body = bytearray()
    counter = 0
    while len(body) < size:
        body += zlib.crc32(f"{seed}:{counter}".encode()).to_bytes(4, "big") * 3
        counter += 1
    return b"\x89PNG\r\n\x1a\n" + bytes(body[:size])


def pdf_bytes(seed: int) -> bytes:
    return b"%PDF-1.7\n" + png_bytes(seed, 50_000)[8:] + b"\ntrailer\n%%EOF\n"


@pytest.fixture
def keys() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def service(till, keys):
    service = r.RegistrationService(till.ctx, keys)
    yield service
    service.close()


def every_file_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


def test_the_draft_survives_closing_and_reopening_the_database(data_dir, clock, staff, keys):
    till = open_till(data_dir, clock=clock)
    service = r.RegistrationService(till.ctx, keys)
    service.save_draft(staff.admin, {"legal_name": GOOD["legal_name"], "bin": "06121160001"}, 0)
    service.save_draft(staff.admin, {"phone": "+7 701"}, page=1)
    service.close()
    till.close()

    till = open_till(data_dir, clock=clock)
    try:
        view = r.RegistrationService(till.ctx, keys).view()
    finally:
        till.close()
    assert view.legal_name == GOOD["legal_name"]
    assert view.bin == "06121160001"  # kept as typed, problem and all
    assert view.phone == "+7 701"
    assert view.page == 1 and view.status == r.DRAFT
    assert view.problems["bin"] == "bin.length" and view.problems["phone"] == "phone.format"


def test_a_scan_is_sealed_no_plain_byte_of_it_is_on_disk(service, till, staff, tmp_path):
    scan = tmp_path / "outside" / "certificate.png"
    scan.parent.mkdir()
    content = png_bytes(1)
    scan.write_bytes(content)
    thumb = b"\x89PNG\r\n\x1a\n" + png_bytes(2, 2_000)[8:]
    doc = service.add_document(staff.admin, scan, thumbnail=lambda image: thumb)
    scan.unlink()  # only the till's copy is left
    till.ctx.db.dispose()  # the WAL is checkpointed, so the main file is what is on disk

    assert doc.media_type == r.PNG and doc.size == len(content) and doc.has_thumbnail
    probes = [content[i : i + 48] for i in (8, 100_000, len(content) - 48)] + [thumb[8:56]]
    leaks = [
        str(path)
        for path, data in every_file_bytes(till.ctx.data_dir)
        if any(p in data for p in probes)
    ]
    assert leaks == []
    assert service.document_bytes(doc.id) == content  # opened in memory only
    assert service.thumbnail(staff.admin, doc.id) == thumb


def test_a_scan_is_told_by_its_content_not_its_name(service, staff, tmp_path):
    pdf = tmp_path / "scan.bin"  # no telling name: the content decides
    pdf.write_bytes(pdf_bytes(3))
    assert service.add_document(staff.admin, pdf).media_type == r.PDF
    jpeg = tmp_path / "photo.jpeg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + png_bytes(4, 10_000)[8:])
    assert service.add_document(staff.admin, jpeg, thumbnail=lambda b: None).media_type == r.JPEG


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("certificate.pdf", b"this is a text file, not a PDF\n" * 40, r.DOC_MISMATCH),
        ("certificate.pdf", png_bytes(5, 5_000), r.DOC_MISMATCH),  # a picture named .pdf
        ("certificate.pdf", b"%PDF-1.4\n" + png_bytes(6, 5_000)[8:], r.DOC_MISMATCH),  # no %%EOF
        ("photo.png", b"\xff\xd8\xff\xe0" + b"x" * 1000, r.DOC_MISMATCH),  # a JPEG named .png
        ("notes.docx", b"PK\x03\x04" + b"x" * 1000, r.DOC_TYPE),
        ("empty.pdf", b"", r.DOC_TYPE),
    ],
)
def test_a_scan_that_is_not_what_it_claims_is_refused(
    service, staff, tmp_path, keys, till, name, content, reason
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(r.DocumentRefused) as refused:
        service.add_document(staff.admin, path)
    assert refused.value.reason == reason
    assert service.view().documents == ()
    # nothing kept: not a row, not a key
    assert not any(k.startswith("doc:") for k in _key_ids(till))


def _key_ids(till) -> list[str]:
    import sqlite3

    from forsell.services.recordings import KEY_FILE

    path = till.ctx.data_dir / KEY_FILE
    if not path.exists():  # refused before the key file was ever needed
        return []
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT recording_id FROM data_keys")]


def test_a_200_mb_scan_is_refused_without_reading_it(service, staff, tmp_path):
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as file:  # sparse: 200 MB on paper, almost nothing on the disk
        file.write(b"%PDF-1.7\n")
        file.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(r.DocumentRefused) as refused:
            service.add_document(staff.admin, huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.reason == r.DOC_TOO_LARGE
    assert refused.value.params["limit"] == r.MAX_DOCUMENT_BYTES
    assert peak < 5 * 1024 * 1024  # not read into memory


def test_a_scan_just_over_the_limit_is_refused_and_one_at_the_limit_kept(service, staff, tmp_path):
    at_limit = tmp_path / "a.png"
    at_limit.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(r.MAX_DOCUMENT_BYTES - 8))
    assert service.add_document(staff.admin, at_limit).size == r.MAX_DOCUMENT_BYTES
    over = tmp_path / "b.png"
    over.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(r.MAX_DOCUMENT_BYTES - 7))
    with pytest.raises(r.DocumentRefused):
        service.add_document(staff.admin, over)


def test_removing_a_scan_shreds_its_key(service, staff, till, tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_bytes(7))
    doc = service.add_document(staff.admin, path)
    assert f"doc:{doc.id}" in _key_ids(till)
    assert service.remove_document(staff.admin, doc.id)
    assert f"doc:{doc.id}" not in _key_ids(till)
    assert service.view().documents == ()


def test_the_start_up_recovery_keeps_the_keys_of_documents(service, staff, till, tmp_path, keys):
    # It destroys keys without a recording; a document's key is not a recording's.
    from forsell.services.recordings import RecordingLibrary, open_vault

    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_bytes(8))
    doc = service.add_document(staff.admin, path)
    vault = open_vault(till.ctx, keys)
    try:
        RecordingLibrary(till.ctx, vault).recover()
    finally:
        vault.close()
    assert service.document_bytes(doc.id) == path.read_bytes()


def test_submit_checks_everything_and_normalises(service, staff, tmp_path, till):
    service.save_draft(staff.admin, {**GOOD, "bin": "061211600013"})
    with pytest.raises(CashierError) as incomplete:
        service.submit(staff.admin)
    assert incomplete.value.key == "registration.incomplete"
    assert incomplete.value.params["problems"] == {
        "bin": "bin.check_digit",
        "documents": r.DOCS_MISSING,
    }
    service.save_draft(staff.admin, {"bin": "061211 600012"})
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_bytes(9))
    service.add_document(staff.admin, path)
    view = service.submit(staff.admin)
    assert view.status == r.SUBMITTED
    assert (view.bin, view.phone) == ("061211600012", "+77012345678")
    with pytest.raises(CashierError):  # locked until the backend answers
        service.save_draft(staff.admin, {"email": "other@cafe.kz"})
    sent = service.submission()
    assert sent is not None and sent.form["phone"] == "+77012345678"
    assert [d["media_type"] for d in sent.documents] == [r.PDF]
    with till.ctx.db.read() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"registration_submitted", "registration_document_added"} <= actions


def test_only_an_admin_fills_the_form(service, staff: Staff):
    with pytest.raises(CashierError) as refused:
        service.save_draft(staff.cashier, {"legal_name": "x"})
    assert refused.value.key == "admin.only"


def test_audio_waits_for_acceptance_and_the_rejection_keeps_its_reason(
    service, staff, till, tmp_path
):
    assert service.view().required and not service.audio_allowed()
    with till.ctx.db.write() as session:
        enqueue(session, "recording", "rec-1", {"id": "rec-1"}, lane="audio")
    with till.ctx.db.write() as session:  # as the audio lane leaves a recording it held
        session.execute(
            update(OutboxJob)
            .where(OutboxJob.entity_id == "rec-1")
            .values(
                error_key=r.HELD_AUDIO_KEY, next_attempt_at=till.ctx.clock() + timedelta(hours=1)
            )
        )
    service.save_draft(staff.admin, GOOD)
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_bytes(10))
    service.add_document(staff.admin, path)
    service.submit(staff.admin)
    assert service.apply_status(r.PENDING)
    assert not service.audio_allowed()
    assert service.apply_status(r.REJECTED, "The BIN belongs to another company")
    view = service.view()
    assert (view.status, view.reason) == (r.REJECTED, "The BIN belongs to another company")
    assert view.editable and not service.audio_allowed()
    service.save_draft(staff.admin, {"bin": "100000000001"})  # corrected …
    service.submit(staff.admin)  # … and sent again
    assert service.apply_status(r.ACCEPTED)
    assert service.audio_allowed() and service.view().reason is None
    with till.ctx.db.read() as session:
        held = session.execute(
            select(OutboxJob.error_key, OutboxJob.next_attempt_at).where(
                OutboxJob.entity_id == "rec-1"
            )
        ).one()
    assert held.error_key is None  # the held recording is due again, now
    assert held.next_attempt_at <= till.ctx.clock()


def test_a_till_talking_only_to_the_demo_fakes_needs_no_registration(till, service):
    settings = till.ctx.settings
    settings.set(s.SYNC_DEMO_FAKES, True)
    settings.set(s.SYNC_PRIMARY, "elevenlabs")
    settings.set(s.SYNC_FALLBACK, "none")
    settings.set(s.ELEVENLABS_URL, "http://127.0.0.1:8700")
    assert not r.registration_required(till.ctx) and service.audio_allowed()
    # the same folder pointed at a real provider needs it again, whatever the demo flag says
    settings.set(s.ELEVENLABS_URL, "https://api.elevenlabs.io")
    assert r.registration_required(till.ctx) and not service.audio_allowed()
    settings.set(s.ELEVENLABS_URL, "http://127.0.0.1:8700")
    settings.set(s.SYNC_FALLBACK, "yandex")  # a real fallback counts too
    assert r.registration_required(till.ctx)
