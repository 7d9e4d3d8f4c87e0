"""``forsell-cashier audit verify`` and doctor's "Audit trail" line, as separate processes on a
real data folder with the real Secret Service: 0 intact, 1 naming the first broken entry (its
number and time, never its details), 2 when the audit key is not in the secret store."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from forsell.services.app import DB_NAME, open_till
from forsell.vault.secrets import AUDIT_KEY, SecretStore
from platform_services import needs, secret_service

pytestmark = [pytest.mark.slow, needs(secret_service)]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A demo till where the cashier signed in and a supervisor opened a shift."""
    folder = tmp_path / "till"
    till = open_till(folder)
    try:
        cashier = next(e for e in till.staff.staff() if e.name == "Данияр Ахметов")
        till.staff.login(cashier.id, "1111")
        supervisor = next(e for e in till.staff.staff() if e.role.value == "supervisor")
        till.shifts.open(till.staff.login(supervisor.id, "5000"), 0)
    finally:
        till.close()
    return folder


def sql(folder: Path, statement: str, *params: object) -> None:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def entries(folder: Path) -> int:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    finally:
        conn.close()


def test_an_untouched_trail_is_intact(data_dir: Path) -> None:
    done = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{entries(data_dir)} entries, chain intact"


def test_details_edited_in_the_file_exit_1_naming_the_entry_not_its_details(
    data_dir: Path,
) -> None:
    sql(
        data_dir,
        "UPDATE audit SET details = ? WHERE action = 'login'",
        json.dumps({"secret": "Тайна"}),
    )
    conn = sqlite3.connect(data_dir / DB_NAME)
    seq, at = conn.execute("SELECT seq, at FROM audit WHERE action = 'login'").fetchone()
    conn.close()
    done = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"entry {seq} ({at[:19]} UTC)" in done.stdout
    assert "altered" in done.stdout
    assert "Тайна" not in done.stdout and "secret" not in done.stdout


def test_a_deleted_entry_exits_1(data_dir: Path) -> None:
    sql(data_dir, "DELETE FROM audit WHERE seq = 2")
    done = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert "entry 2 was removed" in done.stdout


def test_a_forged_entry_exits_1(data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / DB_NAME)
    seq, last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    conn.execute(
        "INSERT INTO audit (id, at, device_id, employee_id, action, details, seq, prev_hash, "
        "hash) VALUES ('forged', '2026-12-05 10:00:00.000000', 'd', NULL, 'refund', '{}', ?, ?, "
        "?)",
        (seq + 1, last, "f" * 64),
    )
    conn.commit()
    conn.close()
    done = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert done.returncode == 1
    assert f"entry {seq + 1} (2026-12-05 10:00:00 UTC)" in done.stdout


def test_a_missing_audit_key_exits_2_with_what_to_do(data_dir: Path) -> None:
    till = open_till(data_dir, seed_demo=False)
    device = till.ctx.device_id
    till.close()
    store = SecretStore(device)
    kept = store.get(AUDIT_KEY)
    store.delete(AUDIT_KEY)
    try:
        done = run_cli("audit", "verify", "--data-dir", str(data_dir))
        assert done.returncode == 2
        assert "audit key is missing from the secret store" in done.stderr
        assert "Traceback" not in done.stderr
        doctor = run_cli("doctor", "--data-dir", str(data_dir))
        line = next(x for x in doctor.stdout.splitlines() if "Audit trail" in x)
        assert line.startswith("FAIL  Audit trail: cannot check: the secret store holds no")
        # The till goes on: a new entry is written unsealed, not under a new key.
        till = open_till(data_dir, seed_demo=False)
        admin = next(e for e in till.staff.staff() if e.role.value == "admin")
        till.staff.login(admin.id, "9000")
        till.close()
        assert store.get(AUDIT_KEY) is None
    finally:
        store.set(AUDIT_KEY, kept)
    # With the key back, the entries written without it are sealed under a checkpoint.
    till = open_till(data_dir, seed_demo=False)
    till.close()
    done = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stdout
    conn = sqlite3.connect(data_dir / DB_NAME)
    reason = conn.execute(
        "SELECT details FROM audit WHERE action = 'audit.checkpoint' ORDER BY seq DESC"
    ).fetchone()[0]
    conn.close()
    assert json.loads(reason)["reason"] == "unsealed"


def test_doctor_has_an_audit_trail_line(data_dir: Path) -> None:
    done = run_cli("doctor", "--data-dir", str(data_dir))
    line = next(x for x in done.stdout.splitlines() if "Audit trail" in x)
    assert line == f"PASS  Audit trail: {entries(data_dir)} entries, chain intact"
    sql(data_dir, "DELETE FROM audit WHERE seq = 2")
    done = run_cli("doctor", "--data-dir", str(data_dir))
    line = next(x for x in done.stdout.splitlines() if "Audit trail" in x)
    assert line.startswith("FAIL  Audit trail: chain broken: entry 2 was removed")
