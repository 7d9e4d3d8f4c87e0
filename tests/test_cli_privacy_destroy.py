"""``forsell-cashier privacy destroy`` as an admin runs it: a separate process, a real data
folder, the real keyring. Confirmation by typing the request id; a destruction killed with
SIGKILL half-way is finished by the next run; a second run says when it was done and exits 2
without changing anything; the certificate is written as JSON and PDF without the name."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from platform_services import needs, secret_service

pytestmark = pytest.mark.slow

ADMIN_PIN = "9000"
NAME = "Данияр Ахметов"
#: Runs the CLI with a kill after one step of the destruction: a real SIGKILL, nothing flushed.
KILLED_AFTER = """
import os, signal, sys
from forsell.services.privacy import destruction
def kill(step):
    if step == sys.argv[1]:
        os.kill(os.getpid(), signal.SIGKILL)
destruction.after_step = kill
from forsell.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}


def run_cli(*args: str, stdin: str = f"{ADMIN_PIN}\n") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        env=_env(),
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def till_with_a_cashier(tmp_path: Path):
    """A till where the cashier Данияр sold once and was recorded."""
    from forsell.audio.archive import EncryptedArchive
    from forsell.domain.payment import Payment
    from forsell.services.app import DB_NAME, open_till
    from forsell.services.recordings import open_vault
    from forsell.sync.providers.base import Transcript
    from forsell.sync.transcripts import TranscriptStore
    from recording_child import sealed_recording

    till = open_till(tmp_path / "till")
    vault = open_vault(till.ctx)
    cashier = next(e for e in till.staff.staff() if e.name == NAME)
    rid = sealed_recording(till, vault, 2.0, employee_id=cashier.id)
    signed_in = till.staff.login(cashier.id, "1111")
    till.shifts.open(signed_in, 0)
    sale = till.sale_for(signed_in)
    sale.add(till.catalog.search("Капучино")[0])
    receipt = sale.pay(Payment(cash_tendered=10_000_00))
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    archive.link_sale(rid, receipt.sale_id)
    archive.close()
    TranscriptStore(till.ctx.db, vault).save(
        rid, Transcript("здравствуйте", "ru", (), 0.9, 2.0, "elevenlabs", "el-" + rid)
    )
    vault.close()
    till.close()
    return tmp_path / "till", cashier.id, rid


def _register(data_dir: Path, kind: str = "destruction") -> str:
    done = run_cli(
        "privacy", "request", "--data-dir", str(data_dir), "--kind", kind,
        "--from", NAME, "--employee", NAME, "--pin-stdin",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[1]


def _query(data_dir: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(data_dir / "cashier.sqlite") as con:
        return con.execute(sql, args).fetchall()


def _key_exists(data_dir: Path, rid: str) -> bool:
    with sqlite3.connect(data_dir / "keys.sqlite") as con:
        found = con.execute("SELECT 1 FROM data_keys WHERE recording_id = ?", (rid,))
        return bool(found.fetchall())


def test_destroy_explains_itself() -> None:
    done = run_cli("privacy", "destroy", "--help", stdin="")
    assert done.returncode == 0
    for option in ("--certificate", "--pin-stdin", "--yes"):
        assert option in done.stdout


@needs(secret_service)
def test_destroy_asks_for_the_id_refuses_other_kinds_and_resumes_after_a_kill(
    till_with_a_cashier, tmp_path: Path
) -> None:
    data_dir, employee_id, rid = till_with_a_cashier
    blocking = _register(data_dir, kind="blocking")
    other = run_cli("privacy", "destroy", blocking, "--data-dir", str(data_dir), "--pin-stdin")
    assert other.returncode == 2 and "not destruction" in other.stderr
    assert "Traceback" not in other.stderr
    request_id = _register(data_dir)

    typo = run_cli(
        "privacy", "destroy", request_id, "--data-dir", str(data_dir), "--pin-stdin",
        stdin=f"{ADMIN_PIN}\nnot-the-id\n",
    )  # fmt: skip
    assert typo.returncode == 2 and "nothing was destroyed" in typo.stderr
    assert _key_exists(data_dir, rid)

    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER, "rows_deleted", "privacy", "destroy", request_id,
         "--data-dir", str(data_dir), "--pin-stdin", "--yes"],
        env=_env(), input=f"{ADMIN_PIN}\n", capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    ((steps, finished),) = _query(
        data_dir, "SELECT steps, finished_at FROM privacy_destructions WHERE request_id = ?",
        request_id,
    )  # fmt: skip
    assert finished is None and set(json.loads(steps)) == {"keys_destroyed", "rows_deleted"}
    assert not _key_exists(data_dir, rid)
    assert _query(data_dir, "SELECT name FROM employees WHERE id = ?", employee_id) == [(NAME,)]

    certificates = tmp_path / "certificates"
    resumed = run_cli(
        "privacy", "destroy", request_id, "--data-dir", str(data_dir), "--pin-stdin",
        "--certificate", str(certificates), stdin=f"{ADMIN_PIN}\n{request_id}\n",
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert "1 recording(s) shredded" in resumed.stdout
    ((alias,),) = _query(data_dir, "SELECT name FROM employees WHERE id = ?", employee_id)
    assert alias.startswith("Сотрудник #") and alias in resumed.stdout
    assert _query(data_dir, "SELECT COUNT(*) FROM transcripts") == [(0,)]
    assert _query(data_dir, "SELECT COUNT(*) FROM sales WHERE employee_id = ?", employee_id) == [
        (1,)
    ]
    assert _query(data_dir, "SELECT COUNT(*) FROM outbox WHERE kind = 'subject_deleted'") == [(1,)]
    assert _query(data_dir, "SELECT COUNT(*) FROM outbox WHERE kind = 'provider_delete'") == [(1,)]
    cert_json = certificates / f"destruction-{request_id}.json"
    cert_pdf = certificates / f"destruction-{request_id}.pdf"
    text = cert_json.read_text(encoding="utf-8")
    assert NAME not in text and "здравствуйте" not in text
    cert = json.loads(text)
    assert cert["recordings_shredded"] == {"count": 1, "ids": [rid], "keys_left": 0}
    assert cert["backend"]["state"] == "pending" and cert["pseudonym"] == alias
    assert cert_pdf.read_bytes()[:5] == b"%PDF-"
    assert oct(cert_json.stat().st_mode & 0o777) == "0o600"

    outbox = _query(data_dir, "SELECT COUNT(*) FROM outbox")
    again = run_cli(
        "privacy", "destroy", request_id, "--data-dir", str(data_dir), "--pin-stdin", "--yes"
    )
    assert again.returncode == 2 and "already carried out on" in again.stderr
    assert "Traceback" not in again.stderr
    assert _query(data_dir, "SELECT COUNT(*) FROM outbox") == outbox

    status = run_cli(
        "privacy", "certificate", request_id, "--data-dir", str(data_dir), "--pin-stdin"
    )
    assert status.returncode == 0 and "waits to be sent" in status.stdout


@needs(secret_service)
def test_russian_terminal_gets_russian_words(till_with_a_cashier) -> None:
    data_dir, _, _ = till_with_a_cashier
    request_id = _register(data_dir)
    environment = {**_env(), "LANG": "ru_RU.UTF-8", "LANGUAGE": "ru"}
    done = subprocess.run(
        [sys.executable, "-m", "forsell.cli", "privacy", "destroy", request_id,
         "--data-dir", str(data_dir), "--pin-stdin"],
        env=environment, input=f"{ADMIN_PIN}\nнет\n", capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "номер запроса не введён" in done.stderr
