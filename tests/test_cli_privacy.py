"""``forsell-cashier privacy …`` as an admin runs it: a separate process, a real data folder,
the real keyring; every action asks for the admin's PIN, refusals exit 2 without a traceback."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from platform_services import needs, secret_service

pytestmark = pytest.mark.slow

ADMIN_PIN = "9000"


def run_cli(*args: str, stdin: str = f"{ADMIN_PIN}\n") -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        env=environment,
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def till_with_a_customer(tmp_path: Path):
    """A till with one sale by the cashier Данияр and the recording of that conversation."""
    from forsell.audio.archive import EncryptedArchive
    from forsell.domain.payment import Payment
    from forsell.services.app import DB_NAME, open_till
    from forsell.services.recordings import open_vault
    from recording_child import sealed_recording

    till = open_till(tmp_path / "till")
    vault = open_vault(till.ctx)
    cashier = next(e for e in till.staff.staff() if e.name == "Данияр Ахметов")
    rid = sealed_recording(till, vault, 2.0, employee_id=cashier.id)
    signed_in = till.staff.login(cashier.id, "1111")
    till.shifts.open(signed_in, 0)
    sale = till.sale_for(signed_in)
    sale.add(till.catalog.search("Капучино")[0])
    receipt = sale.pay(Payment(cash_tendered=10_000_00))
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    archive.link_sale(rid, receipt.sale_id)
    archive.close()
    yield till, receipt.receipt_no, rid
    vault.close()
    till.close()


def _request(data_dir: Path, *subject: str) -> str:
    done = run_cli(
        "privacy", "request", "--data-dir", str(data_dir), "--kind", "export",
        "--from", "Айгерим", *subject, "--pin-stdin",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("request ") and " due " in done.stdout
    return done.stdout.split()[1]


@pytest.mark.parametrize("action", ["request", "find", "report", "export", "block", "correct"])
def test_every_privacy_action_explains_itself(action: str) -> None:
    done = run_cli("privacy", action, "--help", stdin="")
    assert done.returncode == 0 and "--pin-stdin" in done.stdout


@needs(secret_service)
def test_a_customers_request_from_register_to_export_and_block(till_with_a_customer, tmp_path):
    till, receipt_no, rid = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    request_id = _request(till.ctx.data_dir, "--receipt", str(receipt_no))

    found = run_cli("privacy", "find", "--data-dir", data_dir, "--receipt", str(receipt_no),
                    "--pin-stdin")  # fmt: skip
    assert found.returncode == 0, found.stderr
    assert "sales: 1 row(s)" in found.stdout and f"recordings: 1 row(s)  {rid}" in found.stdout

    report = run_cli("privacy", "report", request_id, "--data-dir", data_dir, "--pin-stdin")
    assert report.returncode == 0, report.stderr
    answer = json.loads(report.stdout)
    assert answer["data_held"] and answer["request"]["id"] == request_id
    sales = next(t for t in answer["tables"] if t["table"] == "sales")
    assert sales["values"][0]["receipt_no"] == receipt_no

    out = tmp_path / "for-the-customer"
    export = run_cli("privacy", "export", request_id, "--out", str(out), "--audio",
                     "--data-dir", data_dir, "--pin-stdin")  # fmt: skip
    assert export.returncode == 0, export.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert sorted(p.name for p in out.iterdir()) == [f"recording-{rid}.ogg", "subject-data.json"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in out.iterdir())

    block = run_cli("privacy", "block", request_id, "--data-dir", data_dir, "--pin-stdin")
    assert block.returncode == 0, block.stderr
    assert "1 recording(s) blocked" in block.stdout
    from forsell.store.privacy_block import SUBJECT_BLOCKED, block_reason

    with till.ctx.db.read() as session:
        assert block_reason(session, rid) == SUBJECT_BLOCKED


@needs(secret_service)
def test_a_wrong_pin_and_an_unknown_request_exit_2_with_a_message(till_with_a_customer):
    till, receipt_no, _ = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    wrong = run_cli("privacy", "find", "--data-dir", data_dir, "--receipt", str(receipt_no),
                    "--pin-stdin", stdin="0000\n")  # fmt: skip
    assert wrong.returncode == 2 and "wrong PIN" in wrong.stderr
    assert "Traceback" not in wrong.stderr and wrong.stdout == ""
    unknown = run_cli("privacy", "report", "no-such-id", "--data-dir", data_dir, "--pin-stdin")
    assert unknown.returncode == 2 and "no request no-such-id" in unknown.stderr.lower()
    assert "Traceback" not in unknown.stderr


@needs(secret_service)
def test_a_subject_with_no_data_is_told_so(till_with_a_customer):
    till, _, _ = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    nobody = run_cli("privacy", "find", "--data-dir", data_dir, "--receipt", "99999",
                     "--pin-stdin")  # fmt: skip
    assert nobody.returncode == 0
    assert nobody.stdout == "no data about this subject is held at this till\n"
    request_id = _request(till.ctx.data_dir, "--receipt", "99999")
    report = run_cli("privacy", "report", request_id, "--data-dir", data_dir, "--pin-stdin")
    assert report.returncode == 0 and json.loads(report.stdout)["data_held"] is False
    assert "no data about this subject is held at this till" in report.stderr


def test_correct_and_the_pdf_explain_themselves() -> None:
    correct = run_cli("privacy", "correct", "--help", stdin="")
    assert correct.returncode == 0 and "--field" in correct.stdout and "--value" in correct.stdout
    report = run_cli("privacy", "report", "--help", stdin="")
    assert report.returncode == 0 and "--pdf" in report.stdout


@needs(secret_service)
def test_report_writes_the_answer_as_a_private_pdf_and_keeps_the_json(till_with_a_customer):
    till, receipt_no, _ = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    request_id = _request(till.ctx.data_dir, "--receipt", str(receipt_no))
    pdf = till.ctx.data_dir.parent / "answer.pdf"

    done = run_cli("privacy", "report", request_id, "--pdf", str(pdf), "--language", "kk",
                   "--data-dir", data_dir, "--pin-stdin")  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["request"]["id"] == request_id  # the JSON output stays
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5_000 and b"%%EOF" in data[-64:]
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    again = run_cli("privacy", "report", request_id, "--pdf", str(pdf),
                    "--data-dir", data_dir, "--pin-stdin")  # fmt: skip
    assert again.returncode == 2 and "exists already" in again.stderr
    assert pdf.read_bytes() == data  # never overwritten


def _correction(data_dir: Path, employee: str) -> str:
    done = run_cli(
        "privacy", "request", "--data-dir", str(data_dir), "--kind", "correction",
        "--from", employee, "--employee", employee, "--pin-stdin",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[1]


@needs(secret_service)
def test_correct_changes_the_employees_name_and_audits_without_it(till_with_a_customer):
    till, _, _ = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    request_id = _correction(till.ctx.data_dir, "Мария Ким")

    done = run_cli("privacy", "correct", request_id, "--field", "name", "--value",
                   " Мария  Ким-Ли ", "--data-dir", data_dir, "--pin-stdin")  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "name corrected" in done.stdout and "Мария" not in done.stdout
    names = {e.name for e in till.staff.staff()}
    assert "Мария Ким-Ли" in names and "Мария Ким" not in names
    from forsell.store.models import AuditEntry

    with till.ctx.db.read() as session:
        entry = session.query(AuditEntry).filter_by(action="privacy_data_corrected").one()
        details = json.dumps(entry.details, ensure_ascii=False)
    assert entry.details["field"] == "name" and entry.details["request_id"] == request_id
    assert "Мария" not in details and "Ким" not in details


@needs(secret_service)
@pytest.mark.parametrize(
    ("case", "field", "value", "says"),
    [
        ("unknown request", "name", "Мария", "no request no-such-id"),
        ("wrong kind", "name", "Мария", "does not ask for a correction"),
        ("empty name", "name", "   ", "type the corrected value"),
        ("not correctable", "role", "admin", "Only these can be corrected: name"),
    ],
)
def test_correct_refuses_bad_input_with_exit_2(till_with_a_customer, case, field, value, says):
    till, receipt_no, _ = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    if case == "unknown request":
        request_id = "no-such-id"
    elif case == "wrong kind":
        request_id = _request(till.ctx.data_dir, "--receipt", str(receipt_no))
    else:
        request_id = _correction(till.ctx.data_dir, "Мария Ким")

    done = run_cli("privacy", "correct", request_id, "--field", field, "--value", value,
                   "--data-dir", data_dir, "--pin-stdin")  # fmt: skip

    assert done.returncode == 2, done.stdout
    assert says.lower() in done.stderr.lower() and "Traceback" not in done.stderr
    assert done.stdout == ""
    assert "Мария Ким" in {e.name for e in till.staff.staff()}


@needs(secret_service)
def test_a_refusal_is_said_in_the_terminals_language(till_with_a_customer) -> None:
    """A Russian or Kazakh terminal gets the refusal in its language, like the screens."""
    till, _, _ = till_with_a_customer
    data_dir = str(till.ctx.data_dir)
    request_id = _correction(till.ctx.data_dir, "Мария Ким")
    for lang, says in (("ru", "Введите исправленное значение"), ("kk", "Түзетілген мәнді")):
        environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
        environment.update(LANG=f"{lang}_KZ.UTF-8", LANGUAGE=lang)
        done = subprocess.run(
            [sys.executable, "-m", "forsell.cli", "privacy", "correct", request_id, "--field",
             "name", "--value", " ", "--data-dir", data_dir, "--pin-stdin"],
            env=environment, input=f"{ADMIN_PIN}\n", check=False, capture_output=True,
            text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 2 and says in done.stderr, (lang, done.stderr)
