"""``forsell-cashier doctor``: is this machine ready to run the till?

Each check is a small function that takes the platform service it looks at (the keyring backend,
a sounddevice-style device query) as a parameter, so tests hand in the real thing of whatever
environment they run in. Checks never raise: they return a frozen ``CheckResult`` saying what was
found and, on failure, what to do. Secrets never appear in a result.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forsell.store.db import DatabaseProblem, current_revision, head_revision, open_database

from .app import DB_NAME

MIN_FREE_BYTES = 200 * 1024 * 1024
PROBE_SERVICE = "forsell-cashier-doctor"
KEYRING_HINT = ("run inside a desktop session with GNOME Keyring/KWallet unlocked, "
                "or install gnome-keyring")
PORTAUDIO_HINT = "apt-get install libportaudio2 libasound2-plugins"

#: A device query with sounddevice's signature: ``query()`` lists all devices,
#: ``query(kind="input")`` returns the default input device (or raises).
DeviceQuery = Callable[..., Any]


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    found: str
    hint: str = ""  # what to do; only for failures

    def line(self) -> str:
        text = f"{'PASS' if self.ok else 'FAIL'}  {self.name}: {self.found}"
        return f"{text} — fix: {self.hint}" if self.hint else text


def _fail(name: str, found: str, hint: str) -> CheckResult:
    return CheckResult(name, False, found, hint)


# --- data folder -----------------------------------------------------------------------------


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path("/")


def _size_text(size: int) -> str:
    return f"{size / 1024**3:.1f} GB" if size >= 10 * 1024**3 else f"{size // 1024**2} MB"


def check_data_dir(data_dir: Path, min_free_bytes: int = MIN_FREE_BYTES) -> CheckResult:
    """The data folder exists (or can be created), is writable and has room for the database."""
    name = "data folder"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _fail(name, f"{data_dir} cannot be created ({exc.strerror or exc})",
                     f"choose another folder with --data-dir, or fix the path {data_dir}")
    try:
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".doctor-") as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as exc:
        return _fail(name, f"{data_dir} is not writable ({exc.strerror or exc})",
                     f"make {data_dir} writable by this user, or choose another with --data-dir")
    free = shutil.disk_usage(_nearest_existing(data_dir)).free
    free_text = _size_text(free) + " free"
    if free < min_free_bytes:
        return _fail(name, f"{data_dir} has only {free_text}",
                     f"free at least {min_free_bytes // 1024**2} MB on that disk")
    return CheckResult(name, True, f"{data_dir} (writable, {free_text})")


# --- database --------------------------------------------------------------------------------


def _database_hint(problem: DatabaseProblem, backups: Path) -> str:
    return {
        "locked": "another program holds the database (is the till already running?): "
                  "close it and run doctor again",
        "corrupt": f"the file is damaged: stop the app and restore the newest copy from {backups}/ "
                   f"over {problem.path}",
        "read_only": f"make {problem.path} and its folder writable by this user",
        "too_new": "it was written by a newer 4Sell Cashier: install that version "
                   f"(or restore an older copy from {backups}/)",
    }.get(problem.kind, f"restore the newest copy from {backups}/")


def check_database(data_dir: Path) -> CheckResult:
    """The database opens (migrating it after a backup copy) and is at this app's schema head."""
    name = "database"
    path = data_dir / DB_NAME
    backups = data_dir / "backups"
    try:
        db = open_database(path, backups)
    except DatabaseProblem as problem:
        detail = f" ({problem.detail})" if problem.detail else ""
        return _fail(name, f"{path} is {problem.kind.replace('_', '-')}{detail}",
                     _database_hint(problem, backups))
    except OSError as exc:
        return _fail(name, f"{path} cannot be opened ({exc.strerror or exc})",
                     "fix the data folder first (see the data folder check)")
    try:
        revision = current_revision(db.engine)
    finally:
        db.dispose()
    head = head_revision()
    if revision != head:
        return _fail(name, f"{path} at schema {revision}, this app needs {head}",
                     f"restore the newest copy from {backups}/")
    return CheckResult(name, True, f"{path} at schema {revision} (the app's head)")


# --- secret store ----------------------------------------------------------------------------


def _backend_label(backend: Any) -> str:
    cls = type(backend)
    return f"{getattr(backend, 'name', cls.__name__)} ({cls.__module__})"


def _unsafe_reason(backend: Any) -> str | None:
    """Why this backend must not hold the till's keys, or None if it may."""
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail"):
        return "no secret store found"
    if module.startswith("keyrings.alt"):
        return "keyrings.alt keeps secrets in a plain file"
    if "plaintext" in type(backend).__name__.lower():
        return "it stores secrets in clear"
    if module.startswith("keyring.backends.chainer") and not getattr(backend, "backends", None):
        return "no secret store found"
    return None


def check_secret_store(backend: Any) -> CheckResult:
    """``backend`` is a keyring backend (``keyring.get_keyring()``); does a real round trip."""
    name = "secret store"
    label = _backend_label(backend)
    reason = _unsafe_reason(backend)
    if reason:
        return _fail(name, f"{label}: {reason}", KEYRING_HINT)
    username = f"probe-{secrets.token_hex(4)}"
    value = secrets.token_urlsafe(16)
    try:
        backend.set_password(PROBE_SERVICE, username, value)
        try:
            read_back = backend.get_password(PROBE_SERVICE, username)
        finally:
            backend.delete_password(PROBE_SERVICE, username)
    except Exception as exc:  # noqa: BLE001 — any backend error (D-Bus, locked collection...) means unusable
        return _fail(name, f"{label}: store/read/delete failed ({type(exc).__name__})", KEYRING_HINT)
    if read_back != value:
        return _fail(name, f"{label}: a stored secret did not read back", KEYRING_HINT)
    return CheckResult(name, True, f"{label}, store/read/delete works")


# --- audio -----------------------------------------------------------------------------------


def sounddevice_query() -> DeviceQuery:
    """The real device query. Importing sounddevice raises OSError when PortAudio is missing."""
    import sounddevice

    return sounddevice.query_devices


def _input_devices(devices: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [d for d in devices if d.get("max_input_channels", 0) > 0]


def check_audio(load_query: Callable[[], DeviceQuery] = sounddevice_query) -> CheckResult:
    """PortAudio is installed and there is a microphone; reports the default input device."""
    name = "audio input"
    try:
        query = load_query()
    except OSError as exc:
        return _fail(name, f"PortAudio is missing ({exc})", PORTAUDIO_HINT)
    try:
        inputs = _input_devices(list(query()))
    except Exception as exc:  # noqa: BLE001 — PortAudioError and friends: the audio system itself is broken
        return _fail(name, f"cannot list audio devices ({exc})",
                     f"{PORTAUDIO_HINT}; check that the sound server runs")
    if not inputs:
        return _fail(name, "no input device",
                     "plug in a microphone and select it as the input device in the sound settings")
    try:
        default = query(kind="input")["name"]
    except Exception:  # noqa: BLE001 — inputs exist but none is the default
        return CheckResult(name, True, f"no default input set; {len(inputs)} input(s), "
                                       f"first: {inputs[0]['name']}")
    return CheckResult(name, True, f"default input '{default}' ({len(inputs)} input device(s))")


# --- all together ----------------------------------------------------------------------------


def run_checks(data_dir: Path, keyring_backend: Any,
               load_query: Callable[[], DeviceQuery] = sounddevice_query) -> tuple[CheckResult, ...]:
    """Every check, in the order a person would fix them."""
    return (
        check_data_dir(data_dir),
        check_database(data_dir),
        check_secret_store(keyring_backend),
        check_audio(load_query),
    )
