"""The built artefacts, as a shop gets them: build the bundle and the .deb (installer/linux/
build.sh), install the package with dpkg, use the INSTALLED command (--version, doctor with this
session's real Secret Service and PulseAudio, the till's login screen on a real X display, the
tray started and stopped), then remove and purge it.

A missing library or resource fails here: ``ldd`` over every shared object of the installed
bundle, and the app's own output on start. The screenshot of the login screen is kept in
``dist/smoke/`` (CI keeps it as an artefact). Needs root and dpkg (CI runs as root); on a
developer's machine without them the test is skipped with the reason.
"""

from __future__ import annotations

import fcntl
import json
import os
import pwd
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

import x11_desktop
from platform_services import need, needs, pulseaudio, secret_service, tools
from x11_desktop import wait_for, windows

REPO = Path(__file__).resolve().parents[2]
INSTALLED = Path("/opt/forsell-cashier")
COMMAND = "/usr/bin/forsell-cashier"
SMOKE = REPO / "dist" / "smoke"
SMOKE_USER = "forsell-smoke"
LOCK = Path("/run/lock/forsell-cashier-package-test.lock")

pytestmark = [
    pytest.mark.slow,
    needs(tools("dpkg", "dpkg-deb", "Xvfb", "xdotool", "trayer"), secret_service, pulseaudio),
]


def _root() -> None:
    if os.geteuid() != 0:
        need("installing a .deb needs root (CI runs as root)")


def _installed() -> bool:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Status}", "forsell-cashier"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode == 0 and done.stdout.strip() == "installed"


def _purge() -> None:
    subprocess.run(["dpkg", "--purge", "forsell-cashier"], capture_output=True, check=False)


@pytest.fixture(scope="module")
def package() -> Iterator[dict]:
    """The .deb built from this checkout, installed; purged afterwards whatever happened.

    The package is installed machine-wide: two test runs on one machine (two checkouts) take
    turns through a lock once their builds are done, instead of installing over each other."""
    _root()
    SMOKE.mkdir(parents=True, exist_ok=True)
    build = subprocess.run(
        ["bash", str(REPO / "installer/linux/build.sh")],
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    (SMOKE / "build.log").write_text(build.stdout + build.stderr, encoding="utf-8")
    assert build.returncode == 0, (build.stdout + build.stderr)[-4000:]
    report = json.loads((REPO / "dist" / "build-report.json").read_text(encoding="utf-8"))
    assert report["bundle_mb"] <= report["budget_mb"]
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, even on a crash
        if _installed():
            need("forsell-cashier is already installed on this machine: not touching it")
        try:
            done = subprocess.run(
                ["dpkg", "-i", report["deb"]], capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, done.stdout + done.stderr
            yield report
        finally:
            _purge()
            subprocess.run(["userdel", SMOKE_USER], capture_output=True, check=False)


def test_every_shared_object_of_the_installed_bundle_finds_its_libraries(package):
    missing = []
    for path in INSTALLED.rglob("*.so*"):
        if not path.is_file() or path.is_symlink():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
        missing += [
            f"{path.name}: {line.strip()}" for line in out.splitlines() if "not found" in line
        ]
    assert not missing, "\n".join(missing[:40])
    # What the bundle promises to carry (the spec's comments say why).
    internal = INSTALLED / "_internal"
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").exists()
    assert (internal / "resources" / "fonts" / "DejaVuSansMono.ttf").exists()  # receipt images
    assert list((internal / "native").glob("libportaudio.so*"))
    assert list((internal / "native").glob("libopusenc.so*"))
    assert (internal / "resources" / "i18n" / "forsell_kk.qm").exists()
    assert list((internal / "forsell" / "store" / "migrations" / "versions").glob("0001_*.py"))
    assert not (internal / "forsell" / "fakes").exists()  # the shop flavour has no FAKE servers


def test_an_ordinary_user_can_run_the_installed_till(package):
    """The till runs as the cashier's account, not root: every file is readable by all, every
    program and folder executable."""
    not_for_all = [
        str(path)
        for path in [INSTALLED, *INSTALLED.rglob("*")]
        if not path.is_symlink()
        and (
            path.stat().st_mode & 0o004 == 0 or (path.is_dir() and path.stat().st_mode & 0o001 == 0)
        )
    ]
    assert not not_for_all, not_for_all[:10]
    assert (INSTALLED / "forsell-cashier").stat().st_mode & 0o111 == 0o111
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", COMMAND, "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr


def test_the_installed_command_says_its_version(package):
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    done = subprocess.run(
        [COMMAND, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"forsell-cashier {version['version']}"
    assert os.path.realpath(COMMAND) == str(INSTALLED / "forsell-cashier")
    # The shop build has no FAKE servers, and says so instead of failing on an import.
    demo = subprocess.run(
        [COMMAND, "demo", "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert demo.returncode == 0  # --help is answered by the parser
    demo = subprocess.run(
        [COMMAND, "fakes"], capture_output=True, text=True, timeout=60, check=False
    )
    assert demo.returncode == 1 and "shop build" in demo.stderr, demo.stderr


def test_doctor_of_the_installed_app_passes_with_real_secret_service_and_microphone(
    package, tmp_path: Path
):
    done = subprocess.run(
        [COMMAND, "doctor", "--data-dir", str(tmp_path / "till")],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for check in ("secret store", "database", "audio input", "version"):
        assert any(line.startswith("PASS") and check in line for line in lines), (check, lines)
    assert "installed bundle" in done.stdout


@pytest.fixture
def desktop() -> Iterator[dict[str, str]]:
    """A private Xvfb display at the counter's 1366×768 with a system tray panel (trayer)."""
    with x11_desktop.desktop(tray=True) as env:
        yield env


def _screenshot(env: dict[str, str], path: Path) -> None:
    """The whole X display into ``path``, taken by Qt (xcb) the way a user's screen shows."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv)\n"
        "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True, timeout=60)


def _stop(app: subprocess.Popen, data_dir: Path) -> str:
    """SIGTERM, as a logout or a shutdown sends it: the till must end cleanly (exit 0). On a
    first start it may be seeding and scoring the demo conversations; it stops between two, and
    a loaded CI machine is slow, hence the generous wait (systemd waits 90 s before SIGKILL)."""
    app.send_signal(signal.SIGTERM)
    try:
        output = app.communicate(timeout=90)[0]
    except subprocess.TimeoutExpired:
        app.kill()
        said = app.communicate()[0][-2000:]
        log = data_dir / "logs" / "cashier.log"
        tail = log.read_text(encoding="utf-8")[-3000:] if log.exists() else "(no log)"
        raise AssertionError(f"did not end on SIGTERM: {said}\nits log:\n{tail}") from None
    assert app.returncode == 0, f"exit code {app.returncode}: {output[-3000:]}"
    return output


def _no_missing_parts(output: str) -> None:
    for sign in ("Traceback", "ModuleNotFoundError", "No such file", "Could not load the Qt"):
        assert sign not in output, output[-3000:]


def test_the_installed_till_starts_to_its_login_screen_and_ends_on_sigterm(
    package, desktop, tmp_path: Path
):
    from PySide6.QtGui import QImage

    app = subprocess.Popen(
        [COMMAND, "--data-dir", str(tmp_path / "till")],
        env=desktop,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # The demo store is seeded on the first start; its name is in the window title.
        wait_for(lambda: windows(desktop, "4Sell Demo", visible=True), 120, "the till window")
        time.sleep(2.0)  # the first paint of the login screen's staff list
        shot = SMOKE / "installed-login-screen.png"
        _screenshot(desktop, shot)
    except AssertionError:
        app.kill()
        raise AssertionError(app.communicate()[0][-3000:]) from None
    _no_missing_parts(_stop(app, tmp_path / "till"))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)
    colours = {image.pixel(x, y) for x in range(0, 1366, 17) for y in range(0, 768, 13)}
    assert len(colours) > 20, "the screen is (nearly) blank"


def test_the_installed_tray_starts_hidden_and_stops(package, desktop, tmp_path: Path):
    app = subprocess.Popen(
        [COMMAND, "--tray", "--data-dir", str(tmp_path / "till")],
        env=desktop,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # Qt names the embedded icon window after the application.
        wait_for(lambda: windows(desktop, "^4Sell Cashier$"), 120, "the tray icon")
        time.sleep(1.0)
        assert not windows(desktop, "4Sell Demo", visible=True)  # no till window with --tray
    except AssertionError:
        app.kill()
        raise AssertionError(app.communicate()[0][-3000:]) from None
    _no_missing_parts(_stop(app, tmp_path / "till"))


def test_remove_keeps_the_data_and_purge_deletes_it(package, tmp_path: Path):
    """Last in this module: it takes the package away."""
    home = tmp_path / "home"
    subprocess.run(["userdel", SMOKE_USER], capture_output=True, check=False)  # a crashed run's
    subprocess.run(
        ["useradd", "--no-create-home", "--home-dir", str(home), SMOKE_USER],
        check=True,
        capture_output=True,
    )
    user = pwd.getpwnam(SMOKE_USER)
    data = home / ".local" / "share" / "forsell-cashier"
    data.mkdir(parents=True)
    (data / "cashier.sqlite").write_bytes(b"a till's sales")
    os.chown(data, user.pw_uid, user.pw_gid)

    done = subprocess.run(
        ["dpkg", "--remove", "forsell-cashier"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert not INSTALLED.exists() and not Path(COMMAND).exists()
    assert (data / "cashier.sqlite").read_bytes() == b"a till's sales"

    done = subprocess.run(
        ["dpkg", "--purge", "forsell-cashier"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert not data.exists()
    assert home.exists()  # only the till's folder, never the rest of the home
    assert not Path("/etc/xdg/autostart/forsell-cashier-tray.desktop").exists()
