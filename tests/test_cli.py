"""``forsell-cashier`` as a user runs it: a separate process, real data folder, real keyring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile as sf

import forsell
from forsell.services.app import DB_NAME
from platform_services import espeak, needs, pulseaudio, secret_service

pytestmark = pytest.mark.slow


def run_cli(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        env=environment,
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


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


@needs(secret_service)
def test_doctor_passes_the_secret_store_with_a_secret_service(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path), "doctor")
    assert check_line(done.stdout, "secret store").startswith(
        "PASS  secret store: SecretService Keyring"
    ), done.stdout


@needs(secret_service, pulseaudio)
def test_doctor_passes_everything_on_a_ready_machine(tmp_path: Path) -> None:
    done = run_cli("--data-dir", str(tmp_path), "doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
    assert done.stdout.rstrip().endswith("all checks passed")


def test_doctor_fails_without_a_secret_store(tmp_path: Path) -> None:
    done = run_cli(
        "--data-dir",
        str(tmp_path),
        "doctor",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
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
    script = (
        "import sys; from forsell.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'doctor']); "
        "print('Qt loaded' if 'PySide6' in sys.modules else 'no Qt')"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "no Qt", done.stdout + done.stderr


# --- recordings ------------------------------------------------------------------------------
# The CLI unlocks the key file with the KEK from the OS secret store, so the recordings these
# tests make go through the real Secret Service as well (open_vault in this process, the same
# D-Bus session as the CLI's).

needs_secret_service = needs(secret_service)


@pytest.fixture
def till_with_recording(tmp_path: Path):
    """A till with one finished 4 s recording by the cashier Данияр (and its open vault)."""
    from forsell.services.app import open_till
    from forsell.services.recordings import open_vault
    from recording_child import sealed_recording

    till = open_till(tmp_path)
    vault = open_vault(till.ctx)
    cashier = next(e for e in till.staff.staff() if e.name == "Данияр Ахметов")
    rid = sealed_recording(till, vault, 4.0, employee_id=cashier.id)
    yield till, vault, rid
    vault.close()
    till.close()


def _tamper(till, rid: str) -> None:
    from sqlalchemy import select

    from forsell.store.models import RecordingChunk

    with till.ctx.db.write() as session:
        chunk = session.scalar(
            select(RecordingChunk).where(
                RecordingChunk.recording_id == rid, RecordingChunk.idx == 1
            )
        )
        blob = bytearray(chunk.blob)
        blob[40] ^= 0x01
        chunk.blob = bytes(blob)


def _export(data_dir: Path, rid: str, out: Path, pin: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "forsell.cli",
            "recordings",
            "export",
            rid,
            "--out",
            str(out),
            "--pin-stdin",
            "--data-dir",
            str(data_dir),
        ],
        input=f"{pin}\n",
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _audit(till, action: str) -> list:
    from sqlalchemy import select

    from forsell.store.models import AuditEntry

    with till.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


@needs_secret_service
def test_recordings_list_on_an_empty_till(tmp_path: Path) -> None:
    from forsell.services.app import open_till

    open_till(tmp_path).close()  # the demo store: its admin's PIN is 9000
    done = run_cli("recordings", "list", "--data-dir", str(tmp_path), "--pin-stdin", stdin="9000\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"no recordings in {tmp_path}\n"


@needs_secret_service
def test_recordings_list_needs_an_admin_pin(till_with_recording) -> None:
    """Who was recorded on which receipt is personal data: not for any local account."""
    till, _, rid = till_with_recording
    for pin in ("1111", "5000", ""):  # a cashier, a supervisor, nothing typed
        done = run_cli(
            "--data-dir",
            str(till.ctx.data_dir),
            "recordings",
            "list",
            "--pin-stdin",
            stdin=f"{pin}\n",
        )
        assert done.returncode == 1 and "wrong PIN" in done.stderr, done.stderr
        assert rid not in done.stdout and "Данияр" not in done.stdout + done.stderr
    assert len(_audit(till, "admin_pin_refused")) == 3


@needs_secret_service
def test_recordings_list_shows_a_row_per_recording(till_with_recording) -> None:
    till, _, rid = till_with_recording
    done = run_cli(
        "--data-dir", str(till.ctx.data_dir), "recordings", "list", "--pin-stdin", stdin="9000\n"
    )
    assert done.returncode == 0, done.stderr
    header, row, total = done.stdout.splitlines()
    assert header.split()[:3] == ["id", "start", "(local)"]
    cells = row.split()
    assert cells[0] == rid
    assert cells[3:9] == [
        "0:04",
        "4.0",
        cells[5],
        "2",
        "queued",
        "-",
    ]  # a 2 s chunk + the final one
    assert 1 <= int(cells[5]) <= 30  # KB of Ogg/Opus for 4 s of voice
    assert row.endswith("Данияр Ахметов")
    assert total == "1 recording(s)"


@needs_secret_service
def test_a_list_read_by_a_reader_that_left_ends_quietly(till_with_recording) -> None:
    """`recordings list | head -1`: the reader is gone before the rows; no traceback, code 0."""
    till, _, _ = till_with_recording
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader already left: every write meets a broken pipe
    try:
        done = subprocess.run(
            [sys.executable, "-m", "forsell.cli", "--data-dir", str(till.ctx.data_dir)]
            + ["recordings", "list", "--pin-stdin"],
            input="9000\n",
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=environment,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 0


@needs_secret_service
def test_export_with_the_admin_pin_decodes_and_is_audited(till_with_recording, tmp_path) -> None:
    till, _, rid = till_with_recording
    out = tmp_path / "export.ogg"
    done = _export(till.ctx.data_dir, rid, out, "9000")
    assert done.returncode == 0, done.stderr
    assert f"recording {rid} exported to {out}" in done.stdout
    pcm, rate = sf.read(out, dtype="float32")
    assert rate == 16_000 and abs(len(pcm) / rate - 4.0) < 0.1 and pcm.std() > 0.05
    (entry,) = _audit(till, "recording_exported")
    assert entry.details["recording_id"] == rid
    assert "9000" not in done.stdout + done.stderr


@needs_secret_service
def test_export_with_a_wrong_pin_writes_nothing(till_with_recording, tmp_path) -> None:
    till, _, rid = till_with_recording
    out = tmp_path / "export.ogg"
    for pin in ("1111", "5000", "0000"):  # a cashier, a supervisor, nobody
        done = _export(till.ctx.data_dir, rid, out, pin)
        assert done.returncode == 1
        assert "wrong PIN" in done.stderr and "Traceback" not in done.stderr
        assert not out.exists()
    assert len(_audit(till, "admin_pin_refused")) == 3
    assert _audit(till, "recording_exported") == []


@needs_secret_service
def test_export_of_a_tampered_recording_names_it_and_leaves_no_file(
    till_with_recording, tmp_path
) -> None:
    till, _, rid = till_with_recording
    _tamper(till, rid)
    out = tmp_path / "export.ogg"
    done = _export(till.ctx.data_dir, rid, out, "9000")
    assert done.returncode == 1
    assert f"cannot export recording {rid}" in done.stderr and "altered" in done.stderr
    assert not out.exists()
    unknown = _export(till.ctx.data_dir, "no-such-recording", out, "9000")
    assert unknown.returncode == 1
    assert "cannot export recording no-such-recording" in unknown.stderr
    assert not out.exists()
    assert _audit(till, "recording_exported") == []


@pytest.mark.parametrize(
    ("lang", "fix"),
    [
        (
            "C.UTF-8",
            (
                "fix: no secret store was found. Run the till in a desktop session with GNOME "
                "Keyring or KWallet, or install gnome-keyring."
            ),
        ),
        (
            "ru_RU.UTF-8",
            (
                "fix: хранилище секретов не найдено. Запустите кассу в сеансе рабочего "
                "стола с GNOME Keyring или KWallet либо установите gnome-keyring."
            ),
        ),
        (
            "kk_KZ.UTF-8",
            (
                "fix: құпия қойма табылмады. Кассаны GNOME Keyring не KWallet бар жұмыс "
                "үстелі сеансында іске қосыңыз немесе gnome-keyring орнатыңыз."
            ),
        ),
    ],
)
def test_recordings_without_a_secret_store_say_how_to_fix_it(
    tmp_path: Path, lang: str, fix: str
) -> None:
    for args in (
        ("recordings", "list"),
        ("recordings", "export", "x", "--out", str(tmp_path / "x.ogg"), "--pin-stdin"),
    ):
        done = run_cli(
            "--data-dir",
            str(tmp_path),
            *args,
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            LANGUAGE="",
            LC_ALL="",
            LC_MESSAGES="",
            LANG=lang,
        )
        assert done.returncode == 1
        assert "secret store" in done.stderr and fix in done.stderr.splitlines()
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.ogg").exists()


@needs_secret_service
def test_doctor_checks_recording_keys_and_fails_a_tampered_recording(till_with_recording) -> None:
    till, _, rid = till_with_recording
    data_dir = str(till.ctx.data_dir)
    done = run_cli("--data-dir", data_dir, "doctor")
    assert check_line(done.stdout, "recording keys").startswith("PASS"), done.stdout
    assert "1 data key(s)" in check_line(done.stdout, "recording keys")
    assert check_line(done.stdout, "recordings").startswith(
        "PASS  recordings: 1 recording(s), every chunk authenticates"
    ), done.stdout
    _tamper(till, rid)
    done = run_cli("--data-dir", data_dir, "doctor")
    assert done.returncode == 1
    line = check_line(done.stdout, "recordings")
    assert line.startswith("FAIL  recordings: 1 of 1 recording(s) do not authenticate")
    assert f"{rid}: altered" in line


def test_doctor_says_recording_stays_off_without_a_secret_store(tmp_path: Path) -> None:
    done = run_cli(
        "--data-dir",
        str(tmp_path),
        "doctor",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    line = check_line(done.stdout, "recording keys")
    assert line.startswith("FAIL  recording keys: recording stays off")
    assert "install gnome-keyring" in line


def _configure_microphone(data_dir: Path, device: str) -> None:
    from forsell.services import settings
    from forsell.services.app import open_till

    till = open_till(data_dir)
    try:
        till.ctx.settings.set(settings.RECORDING_DEVICE, device)
    finally:
        till.close()


def _mic_test(data_dir: Path, speech: bytes | None) -> tuple[int, str]:
    """Runs ``doctor --mic-test``; plays ``speech`` once the three seconds have begun."""
    child = subprocess.Popen(
        [sys.executable, "-m", "forsell.cli", "doctor", "--mic-test", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    try:
        for line in child.stdout:
            lines.append(line)
            if line.startswith("listening") and speech is not None:
                subprocess.run(["paplay"], input=speech, check=True, timeout=30)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    return child.returncode, "".join(lines)


@needs(pulseaudio, espeak)
def test_mic_test_hears_speech_on_the_configured_microphone(tmp_path: Path) -> None:
    _configure_microphone(tmp_path, "virtmic")
    speech = subprocess.run(
        ["espeak-ng", "-v", "ru", "--stdout", "Здравствуйте, десерт?"],
        check=True,
        capture_output=True,
    ).stdout
    code, out = _mic_test(tmp_path, speech)
    assert code == 0, out
    assert "device: virtmic" in out and "listening 3 s on 'virtmic' at 16000 Hz" in out
    line = check_line(out, "microphone test")
    assert line.startswith("PASS  microphone test: 'virtmic', 16000 Hz, 3.0 s: peak ")
    assert "RMS " in line and "speech heard" in line
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"OggS" not in stored and b"RIFF" not in stored  # nothing recorded was kept


@needs(pulseaudio)
def test_mic_test_fails_on_digital_silence_and_on_a_missing_device(tmp_path: Path) -> None:
    _configure_microphone(tmp_path, "virtmic")
    code, out = _mic_test(tmp_path, None)  # nothing plays: the null sink gives exact zeros
    assert code == 1
    line = check_line(out, "microphone test")
    assert "only digital silence" in line and "unmute" in line
    _configure_microphone(tmp_path, "no-such-microphone")
    code, out = _mic_test(tmp_path, None)
    assert code == 1
    assert check_line(out, "microphone test").startswith(
        "FAIL  microphone test: 'no-such-microphone' cannot be opened"
    )


# --- demo, fakes, score (tests/test_demo.py has the whole demo flow) ---------------------------


def test_help_lists_the_demo_the_fakes_and_score() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("demo", "fakes", "score"):
        assert command in done.stdout
    assert "--stop-after" in run_cli("fakes", "--help").stdout
    assert "--configure-only" in run_cli("demo", "--help").stdout


def test_fakes_on_a_busy_port_say_so_and_exit_1(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run_cli(
            "fakes", "--port-base", str(port), "--stop-after", "1", "--data-dir", str(tmp_path)
        )
    assert done.returncode == 1
    assert f"port {port}" in done.stderr and "in use" in done.stderr


def test_score_needs_both_files() -> None:
    done = run_cli("score", "--transcript", "t.json")
    assert done.returncode == 2 and "--receipt" in done.stderr


def test_score_prints_its_problems_as_data_and_in_the_terminals_language(tmp_path: Path) -> None:
    transcript = tmp_path / "t.json"
    transcript.write_text(
        json.dumps({"utterances": [{"speaker": "a", "start": "x", "end": 1}]}), encoding="utf-8"
    )
    receipt = tmp_path / "r.json"
    receipt.write_text(json.dumps({"lines": []}), encoding="utf-8")
    done = run_cli(
        "score",
        "--transcript",
        str(transcript),
        "--receipt",
        str(receipt),
        LANGUAGE="",
        LC_ALL="",
        LC_MESSAGES="",
        LANG="ru_RU.UTF-8",
    )
    assert done.returncode == 2
    out = json.loads(done.stderr)
    assert out["problems"] == ["utterances[0].start: expected a number, got 'x'"]  # as before
    (detail,) = out["details"]
    assert detail["code"] == "format.not_number" and detail["place"] == ["utterances", 0, "start"]
    assert detail["message"] == "expected a number, got 'x'"
    assert detail["text"] == "utterances[0].start: должно быть числом"


@needs_secret_service
def test_demo_configure_only_says_what_to_run_next(tmp_path: Path) -> None:
    done = run_cli("demo", "--configure-only", "--port-base", "8750", "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "FAKE" in done.stdout and "NOT real speech recognition" in done.stdout
    assert f"forsell-cashier fakes --port-base 8750 --data-dir {tmp_path}" in done.stdout
    assert "Данияр Ахметов" in done.stdout  # recorded, with consent


def test_demo_without_the_fakes_extra_prints_the_command_that_installs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from forsell import cli

    monkeypatch.setitem(sys.modules, "starlette", None)  # what a plain `pip install .` leaves
    for command in ("demo", "fakes"):
        assert cli.main([command, "--data-dir", str(tmp_path)]) == 1
        err = capsys.readouterr().err
        assert f'forsell-cashier {command}: the FAKE servers need the "fakes" extra' in err
        assert "bash installer/linux/setup.sh" in err and "pip install -e '.[fakes]'" in err
        assert "missing: starlette)" in err
    assert list(tmp_path.iterdir()) == []  # nothing was started or written
