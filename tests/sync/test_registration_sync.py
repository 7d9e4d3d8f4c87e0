"""The store's registration through the sync, against the FAKE backend and ElevenLabs on
loopback: submitted → pending → accepted; a rejection shows its reason; no audio reaches the
speech provider before the registration is accepted (privacy policy 1.5-1.6)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.privacy import registration as r
from forsell.services.sync import SyncService

from .chaos_fixtures import CHAOS, Counter_, fake_world, outbox_states

CONFIG = replace(CHAOS, unregistered_wait_s=60.0)
FORM = {
    "legal_name": "ИП Ахметов Данияр",
    "bin": "061211600012",
    "legal_address": "Астана, ул. Кенесары 40",
    "contact_name": "Ахметов Данияр Серикович",
    "phone": "+7 (701) 234-56-78",
    "email": "daniyar@shop.kz",
}
SCAN = b"%PDF-1.7\n" + bytes(range(256)) * 400 + b"\n%%EOF\n"


@pytest.fixture
def world(tmp_path: Path):
    with fake_world(tmp_path / "till") as world:
        # A real store: its sync is not the demo's (the fakes stand in for real servers here).
        world.till.ctx.settings.set(s.SYNC_DEMO_FAKES, False)
        yield world


def admin_of(till):
    return next(e for e in till.staff.staff() if e.role is Role.ADMIN)


def submit(world, tmp_path: Path) -> r.RegistrationService:
    service = r.RegistrationService(world.till.ctx, world.keys)
    admin = admin_of(world.till)
    service.save_draft(admin, FORM)
    scan = tmp_path / "certificate.pdf"
    scan.write_bytes(SCAN)
    service.add_document(admin, scan)
    service.submit(admin)
    return service


def a_recorded_sale(world) -> str:
    sale_id = Counter_(world.till).sell()
    return world.recordings.record(sale_id)


def run(world) -> None:
    SyncService(world.till, world.keys, config=CONFIG).run_once(timeout=20)


def test_submitted_pending_accepted_and_no_audio_before_acceptance(world, tmp_path):
    backend, elevenlabs = world.backend, world.elevenlabs
    device = world.till.ctx.device_id
    a_recorded_sale(world)

    run(world)  # not registered at all: sales go, audio waits
    assert elevenlabs.stats()["requests"] == 0
    status = SyncService(world.till, world.keys, config=CONFIG).status()
    assert status.audio.pending == 1
    assert status.audio.last_error_key == "sync.store_not_registered"
    assert outbox_states(world.till.ctx.db, "business") == {
        "done": outbox_states(world.till.ctx.db, "business")["done"]
    }

    service = submit(world, tmp_path)
    run(world)
    assert service.view().status == r.PENDING
    form = backend.registration.form(device)
    assert form is not None and form["phone"] == "+77012345678" and form["bin"] == FORM["bin"]
    (held,) = backend.registration.documents(device).values()
    assert held == {
        "media_type": r.PDF,
        "size": len(SCAN),
        "sha256": hashlib.sha256(SCAN).hexdigest(),
    }
    assert elevenlabs.stats()["requests"] == 0  # pending is not accepted

    backend.registration.decide("accepted", device_id=device)
    run(world)
    assert service.view().status == r.ACCEPTED
    assert elevenlabs.stats()["requests"] >= 1
    assert outbox_states(world.till.ctx.db, "audio") == {"done": 1}
    status = SyncService(world.till, world.keys, config=CONFIG).status()
    assert status.audio.last_error_key is None
    service.close()


def test_a_rejection_comes_back_with_its_reason_and_audio_stays(world, tmp_path):
    device = world.till.ctx.device_id
    a_recorded_sale(world)
    service = submit(world, tmp_path)
    run(world)
    world.backend.registration.decide(
        "rejected", "Скан свидетельства не читается", device_id=device
    )
    run(world)
    view = service.view()
    assert (view.status, view.reason) == (r.REJECTED, "Скан свидетельства не читается")
    assert view.editable
    assert world.elevenlabs.stats()["requests"] == 0
    assert outbox_states(world.till.ctx.db, "audio") == {"pending": 1}
    service.close()


def test_the_fake_refuses_what_the_contract_refuses(world):
    import httpx

    backend_url = world.servers[0].url
    token = world.backend.register_device(world.till.ctx.device_id)
    auth = {"Authorization": f"Bearer {token}"}
    doc = "0190a000-0000-7000-8000-00000000d0c1"
    with httpx.Client(base_url=backend_url, timeout=10) as client:
        fake_pdf = client.put(
            f"/v1/registration/documents/{doc}",
            content=b"not a pdf at all",
            headers={**auth, "Content-Type": "application/pdf"},
        )
        assert (fake_pdf.status_code, fake_pdf.json()) == (415, {"detail": "content_mismatch"})
        big = client.put(
            f"/v1/registration/documents/{doc}",
            content=b"%PDF-" + b"0" * (10 * 1024 * 1024),
            headers={**auth, "Content-Type": "application/pdf"},
        )
        assert (big.status_code, big.json()) == (413, {"detail": "too_large"})
        word = client.put(
            f"/v1/registration/documents/{doc}",
            content=b"PK\x03\x04",
            headers={**auth, "Content-Type": "application/msword"},
        )
        assert word.status_code == 415
        bad_form = client.post(
            "/v1/registration",
            json={**FORM, "bin": "061211600013", "documents": [doc]},
            headers={**auth, "Idempotency-Key": "registration-test-1"},
        )
        assert bad_form.status_code == 422
        kinds = {d["type"] for d in bad_form.json()["detail"]}
        assert kinds == {"bin_check_digit", "phone_format", "document_missing"}
        assert client.get("/v1/registration", headers=auth).json()["status"] == "not_submitted"
        assert client.get("/v1/registration").status_code == 401


def test_the_demo_till_needs_no_registration(tmp_path):
    with fake_world(tmp_path / "till") as world:  # sync.demo_fakes on, providers on loopback
        a_recorded_sale(world)
        run(world)
        assert world.elevenlabs.stats()["requests"] >= 1
        assert outbox_states(world.till.ctx.db, "audio") == {"done": 1}
