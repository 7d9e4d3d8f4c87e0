"""``forsell-cashier retention show|set|report|purge`` and doctor's "Retention" line, as
separate processes on a real data folder with the real Secret Service."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from forsell.services.app import open_till
from platform_services import needs, secret_service

pytestmark = [pytest.mark.slow, needs(secret_service)]

ADMIN_PIN = "9000"


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
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
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    open_till(folder).close()
    return folder


def test_show_lists_the_defaults(data_dir: Path) -> None:
    done = run_cli("retention", "show", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[-3:] == ["30", "days", "(audio-days)"]
    assert "90 days   (untranscribed-days)" in done.stdout
    assert "365 days   (transcript-days)" in done.stdout
    assert "5 years   (audit-years)" in done.stdout and "5 years   (sales-years)" in done.stdout


def test_set_asks_for_an_admin_pin_checks_the_values_and_is_audited(data_dir: Path) -> None:
    args = ("retention", "set", "--data-dir", str(data_dir), "--pin-stdin")
    wrong = run_cli(*args, "--audio-days", "14", stdin="0000\n")
    assert wrong.returncode == 2 and "wrong PIN" in wrong.stderr
    short = run_cli(*args, "--untranscribed-days", "10", stdin=f"{ADMIN_PIN}\n")
    assert short.returncode == 2 and "nothing changed" in short.stderr
    assert "Traceback" not in short.stderr
    done = run_cli(*args, "--audio-days", "14", "--sales-years", "6", stdin=f"{ADMIN_PIN}\n")
    assert done.returncode == 0, done.stderr
    assert "changed by Администратор (audited)" in done.stdout
    shown = run_cli("retention", "show", "--data-dir", str(data_dir)).stdout
    assert "14 days   (audio-days)" in shown and "6 years   (sales-years)" in shown
    assert "90 days   (untranscribed-days)" in shown  # untouched


def test_purge_then_report_and_doctor(data_dir: Path) -> None:
    empty = run_cli("retention", "report", "--data-dir", str(data_dir))
    assert empty.returncode == 0 and "no purge has removed anything yet" in empty.stdout
    purged = run_cli("retention", "purge", "--data-dir", str(data_dir))
    assert purged.returncode == 0, purged.stderr
    assert "UTC: nothing" in purged.stdout and "audit: older than" in purged.stdout
    doctor = run_cli("doctor", "--data-dir", str(data_dir))
    line = next(x for x in doctor.stdout.splitlines() if "Retention" in x)
    assert line.startswith("PASS  Retention: audio 30 d after its transcript, 90 d without one")
