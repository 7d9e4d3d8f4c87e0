"""The platform services some tests use for real, and what such a test does without one.

On a developer's machine a missing service skips the test, with the reason and the command that
provides it. In CI (``CI=true``) it fails the test instead: CI installs and starts every one of
them (``bash installer/linux/run-tests.sh``), so a missing service there means a broken machine,
and a skipped test would let the suite pass without testing anything.

Each probe returns None when the service is usable, else why not. A test asks for them with the
``needs(...)`` mark (checked by tests/conftest.py before the test runs) or, inside a fixture or a
test, with ``require(...)``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import NoReturn

import pytest

RUN_TESTS = "bash installer/linux/run-tests.sh"
Probe = Callable[[], str | None]


def in_ci() -> bool:
    """True on the CI machine, where every platform service must be there."""
    return os.environ.get("CI") == "true"


def need(reason: str) -> NoReturn:
    """A platform service is missing: fail in CI, skip elsewhere."""
    if in_ci():
        pytest.fail(f"CI=true and a platform service is missing: {reason}", pytrace=False)
    pytest.skip(f"{reason} (run: {RUN_TESTS})")


def require(*probes: Probe) -> None:
    """Calls ``need`` with the first missing service's reason; returns when all are there."""
    for probe in probes:
        problem = probe()
        if problem is not None:
            need(problem)


def needs(*probes: Probe) -> pytest.MarkDecorator:
    """A mark (on a test, a class or ``pytestmark``): the test runs only with ``probes`` met."""
    # with_args: a lone callable would otherwise be taken for the function to decorate
    return pytest.mark.platform_services.with_args(*probes)


# --- probes -------------------------------------------------------------------------------------


@cache
def secret_service() -> str | None:
    """An unlocked Secret Service on the D-Bus session, and keyring's default backend using it
    (the CLI tests' child processes pick the default)."""
    try:
        import keyring
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises when no Secret Service answers
        backend = keyring.get_keyring()
        names = " ".join(type(b).__module__ for b in getattr(backend, "backends", [backend]))
        if "SecretService" not in names and "libsecret" not in names:
            return f"keyring's backend is {names}, not the Secret Service"
        backend.get_password("forsell-tests", "probe")
    except Exception as exc:  # noqa: BLE001 - any failure means: no usable Secret Service
        return f"no Secret Service on the D-Bus session ({type(exc).__name__}: {exc})"
    return None


@cache
def pulseaudio() -> str | None:
    """A PulseAudio server with the null sink ``counter`` and the microphone ``virtmic`` that
    hears it, and paplay to play into it."""
    if not os.environ.get("PULSE_SERVER"):
        return "PULSE_SERVER is unset: no PulseAudio with the null sink and virtmic"
    missing = tools("pactl", "paplay")()
    if missing:
        return missing
    try:
        sources = subprocess.run(
            ["pactl", "list", "short", "sources"],
            check=True,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (subprocess.SubprocessError, OSError) as exc:
        return f"PulseAudio does not answer at {os.environ['PULSE_SERVER']} ({exc})"
    names = {line.split("\t")[1] for line in sources.splitlines() if "\t" in line}
    if not {"virtmic", "counter.monitor"} <= names:
        return f"PulseAudio has no virtmic/counter.monitor source (it has {sorted(names)})"
    return None


def tools(*names: str) -> Probe:
    """Programs on PATH (espeak-ng, sox, Xvfb, trayer, xdotool, pacmd...)."""

    def probe() -> str | None:
        missing = [name for name in names if shutil.which(name) is None]
        return f"{', '.join(missing)} not installed" if missing else None

    probe.__name__ = f"tools({', '.join(names)})"
    return probe


def espeak() -> str | None:
    """espeak-ng, the voice of the speech the audio tests play and record."""
    return tools("espeak-ng")()


@cache
def libopusenc() -> str | None:
    """libopusenc (Debian package libopusenc0), the recorder's Ogg Opus encoder."""
    from forsell.audio import libopusenc as binding

    return None if binding.load() is not None else "libopusenc0 is not installed"


def venv_tool(name: str) -> str:
    """The path of a console script of the Python running the tests (pyside6-lupdate...),
    installed with the project's venv; a missing one is ``need``-ed."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        need(f"{name} is not installed next to {sys.executable}")
    return found
