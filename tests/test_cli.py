"""``forsell-cashier`` as a user runs it: a separate process, real data folder, real keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import forsell
from forsell.services.app import DB_NAME

pytestmark = pytest.mark.slow

HAS_SECRET_SERVICE = bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS"))
NEEDS_SECRET_SERVICE = "needs a D-Bus session with an unlocked Secret Service " \
                       "(installer/linux/run-tests.sh runs the tests inside one)"


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "forsell.cli", *args], env=environment,
                          check=False, capture_output=True, text=True, timeout=120)


def check_line(output: str, name: str) -> str:
    lines = [line for line in output.splitlines() if line[6:].startswith(f"{name}:")]
    assert len(lines) == 1, output
    return lines[0]


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout == f"forsell-cashier {forsell.__version__}\n"


def test_doctor_prints_one_line_per_check(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path), "doctor")
    for name in ("data folder", "database", "secret store", "audio input"):
        assert check_line(done.stdout, name)[:6] in {"PASS  ", "FAIL  "}
    assert check_line(done.stdout, "data folder").startswith("PASS")
    assert check_line(done.stdout, "database").startswith("PASS")
    assert (tmp_path / DB_NAME).is_file()
    assert done.returncode == (1 if "FAIL" in done.stdout else 0)


def test_data_dir_may_follow_the_command_and_defaults_to_platformdirs(tmp_path: Path) -> None:
    after = run_cli("doctor", "--data-dir", str(tmp_path / "after"))
    assert f"PASS  data folder: {tmp_path / 'after'} " in after.stdout
    default = run_cli("doctor", XDG_DATA_HOME=str(tmp_path / "xdg"))
    assert f"data folder: {tmp_path / 'xdg' / 'forsell-cashier'} " in default.stdout


@pytest.mark.skipif(not HAS_SECRET_SERVICE, reason=NEEDS_SECRET_SERVICE)
def test_doctor_passes_the_secret_store_with_a_secret_service(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path), "doctor")
    assert check_line(done.stdout, "secret store").startswith(
        "PASS  secret store: SecretService Keyring"), done.stdout


@pytest.mark.skipif(not (HAS_SECRET_SERVICE and os.environ.get("PULSE_SERVER")),
                    reason="needs the Secret Service and the PulseAudio virtual microphone "
                           "(installer/linux/run-tests.sh provides both)")
def test_doctor_passes_everything_on_a_ready_machine(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path), "doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
    assert done.stdout.rstrip().endswith("all checks passed")


def test_doctor_fails_without_a_secret_store(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path), "doctor",
                   PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert done.returncode == 1
    line = check_line(done.stdout, "secret store")
    assert line.startswith("FAIL  secret store: fail Keyring")
    assert "install gnome-keyring" in line


def test_doctor_reports_a_corrupt_database_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / DB_NAME
    db.write_bytes(b"\x00garbage, not SQLite\xff" * 200)
    done = run_cli("--data-dir", str(tmp_path), "doctor")
    assert done.returncode == 1
    line = check_line(done.stdout, "database")
    assert line.startswith(f"FAIL  database: {db} is corrupt")
    assert f"restore the newest copy from {tmp_path / 'backups'}/" in line
    assert "Traceback" not in done.stdout + done.stderr


def test_doctor_and_version_do_not_load_qt(tmp_path: Path) -> None:
    script = ("import sys; from forsell.cli import main; "
              f"main(['--data-dir', {str(tmp_path)!r}, 'doctor']); "
              "print('Qt loaded' if 'PySide6' in sys.modules else 'no Qt')")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.stdout.splitlines()[-1] == "no Qt", done.stdout + done.stderr
