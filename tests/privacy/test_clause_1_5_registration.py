"""Privacy policy 1.5-1.6, as code: "registration with a form and scanned documents enables full
use of the service".

What the clause promises, each checked against the real code:

* the form asks for what the policy names and no more (2.1 only necessary data; 2.3 the contact
  person's name, phone and e-mail) plus the store's identity the law needs (BIN/IIN);
* the scans are kept sealed, never in clear on disk (as the policy's security section and the
  vault promise for recordings);
* "full use" — recordings going to the speech-recognition providers the policy names — starts
  only once the operator has *accepted* the registration; before that, and after a rejection,
  the till sells but no audio leaves it (the audio lane's own reason ``store_not_registered``);
* the registration is a resource of the backend contract (form, documents, status with reason).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from forsell.domain.roles import Role
from forsell.services.app import open_till
from forsell.services.privacy import registration as reg
from forsell.sync.audio_lane import _check_registered
from forsell.sync.errors import KEYS, StoreNotRegistered
from sync.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "resources" / "api" / "forsell-backend.openapi.yaml"
FORM = {
    "legal_name": "ТОО «Тест»",
    "bin": "061211600012",
    "legal_address": "Алматы",
    "contact_name": "Иванов Иван Иванович",
    "phone": "+77012345678",
    "email": "ivan@test.kz",
}


@pytest.fixture(scope="module")
def till(tmp_path_factory):
    opened = open_till(tmp_path_factory.mktemp("clause_1_5") / "till")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def service(till):
    keys = MemoryKeyring()
    service = reg.RegistrationService(till.ctx, keys)
    yield service
    service.close()


@pytest.fixture(scope="module")
def admin(till):
    return next(e for e in till.staff.staff() if e.role is Role.ADMIN)


def test_the_form_asks_for_the_named_data_and_no_more() -> None:
    assert set(reg.FIELDS) == {
        "legal_name",  # the company or the entrepreneur
        "bin",  # its BIN/IIN
        "legal_address",
        "contact_name",  # 2.3: the contact person's name,
        "phone",  # phone
        "email",  # and e-mail
    }


def test_scanned_documents_are_part_of_the_registration(service, admin, tmp_path) -> None:
    service.save_draft(admin, FORM)
    assert service.view().problems == {"documents": reg.DOCS_MISSING}
    scan = tmp_path / "certificate.pdf"
    scan.write_bytes(b"%PDF-1.4\nclause 1.5 scan\n%%EOF\n")
    service.add_document(admin, scan)
    assert service.view().problems == {}
    assert set(reg.MEDIA_TYPES) == {"application/pdf", "image/jpeg", "image/png"}


def test_scans_are_never_in_clear_on_disk(service, till) -> None:
    till.ctx.db.dispose()
    for path in till.ctx.data_dir.rglob("*"):
        if path.is_file():
            assert b"clause 1.5 scan" not in path.read_bytes(), path.name


def test_full_use_waits_for_the_operators_acceptance(service, admin, till) -> None:
    assert reg.registration_required(till.ctx)  # a real store (not the demo's fakes)
    service.submit(admin)
    for status, allowed in (
        (reg.PENDING, False),
        (reg.REJECTED, False),
        (reg.ACCEPTED, True),
    ):
        service.apply_status(status, "reason" if status == reg.REJECTED else None)
        assert service.audio_allowed() is allowed, status
        if status == reg.REJECTED:
            service.submit(admin)  # corrected and sent again


def test_the_audio_lane_has_its_own_reason_code() -> None:
    assert StoreNotRegistered.key == "sync.store_not_registered" in KEYS
    with pytest.raises(StoreNotRegistered):
        _check_registered(lambda: False)
    _check_registered(lambda: True)
    _check_registered(None)  # the engine alone (its own tests) knows no registration


def test_the_contract_has_the_registration_resource() -> None:
    spec = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    paths = spec["paths"]
    assert {"post", "get"} <= set(paths["/v1/registration"])
    assert "put" in paths["/v1/registration/documents/{document_id}"]
    status = spec["components"]["schemas"]["RegistrationStatus"]["properties"]
    assert set(status["status"]["enum"]) == {"not_submitted", "pending", "accepted", "rejected"}
    assert "reason" in status
    form = spec["components"]["schemas"]["RegistrationForm"]
    assert set(reg.FIELDS) | {"documents"} <= set(form["required"])
