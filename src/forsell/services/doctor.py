"""``forsell-cashier doctor``: is this machine ready to run the till?

Each check is a small function that takes the platform service it looks at (the keyring backend,
a sounddevice-style device query) as a parameter, so tests hand in the real thing of whatever
environment they run in. Checks never raise: they return a frozen ``CheckResult`` saying what was
found and, on failure, what to do. Secrets never appear in a result, and no check writes audio
anywhere: the recordings check decrypts into memory, the microphone test keeps three seconds of
samples in memory only (``mic_test``).
"""

from __future__ import annotations

import errno
import json
import math
import os
import secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forsell.domain.errors import CashierError
from forsell.paths import make_private, open_to_others
from forsell.store.db import (
    DatabaseProblem,
    IntegrityReport,
    check_integrity,
    current_revision,
    head_revision,
    newest_good_backup,
    open_database,
)
from forsell.vault.keys import KeyFileProblem, KeyVault
from forsell.vault.secrets import SecretStoreUnavailable

from .app import DB_NAME
from .context import TillContext
from .recordings import KEY_FILE, RecordingLibrary, open_vault

#: Also what the command line catches around recordings (cli.py imports services only).
__all__ = [
    "CashierError",
    "CheckResult",
    "DatabaseDamage",
    "DatabaseProblem",
    "KeyFileProblem",
    "SecretStoreUnavailable",
    "check_recording_keys",
    "check_recordings",
    "configured_device",
    "database_damage",
    "mic_test",
    "run_checks",
]

MIN_FREE_BYTES = 200 * 1024 * 1024
PROBE_SERVICE = "forsell-cashier-doctor"
KEYRING_HINT = (
    "run inside a desktop session with GNOME Keyring/KWallet unlocked, or install gnome-keyring"
)
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
        """The check as ``doctor`` prints it: PASS or FAIL, its name, what it found and, for a
        failure, the fix."""
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
        return _fail(
            name,
            f"{data_dir} cannot be created ({exc.strerror or exc})",
            f"choose another folder with --data-dir, or fix the path {data_dir}",
        )
    try:
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".doctor-") as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            return _fail(
                name,
                f"{data_dir}: the disk is full",
                "free some space on that disk (nothing in the data folder is damaged by this)",
            )
        return _fail(
            name,
            f"{data_dir} is not writable ({exc.strerror or exc})",
            f"make {data_dir} writable by this user, or choose another with --data-dir",
        )
    free = shutil.disk_usage(_nearest_existing(data_dir)).free
    free_text = _size_text(free) + " free"
    if free < min_free_bytes:
        return _fail(
            name,
            f"{data_dir} has only {free_text}",
            f"free at least {min_free_bytes // 1024**2} MB on that disk",
        )
    return CheckResult(name, True, f"{data_dir} (writable, {free_text})")


# --- database --------------------------------------------------------------------------------


def _restore_from(problem: DatabaseProblem, backups: Path) -> str:
    if problem.backup is not None:
        return f"the newest good copy {problem.backup}"
    return f"the newest copy from {backups}/ (none there passes its check: call support)"


def _database_hint(problem: DatabaseProblem, backups: Path) -> str:
    return {
        "disk_full": f"the disk holding {problem.path.parent} is full: free some space there "
        "(the database itself is not damaged) and run doctor again",
        "locked": "another program holds the database (is the till already running?): "
        "close it and run doctor again",
        "corrupt": "the file is damaged: stop the app and restore "
        f"{_restore_from(problem, backups)} over {problem.path}",
        "missing": f"the database is empty or gone although this till was used: stop the app and "
        f"restore {_restore_from(problem, backups)} as {problem.path}",
        "read_only": f"make {problem.path} and its folder writable by this user",
        "too_new": "it was written by a newer 4Sell Cashier: install that version "
        f"(or restore an older copy from {backups}/)",
    }.get(problem.kind, f"restore the newest copy from {backups}/")


def check_database(data_dir: Path, full: bool = False) -> CheckResult:
    """The database opens (migrating it after a backup copy), is at this app's schema head and
    passes SQLite's own check: ``quick_check``, or with ``full`` the slower ``integrity_check``
    that also finds index rows missing for their table rows."""
    name = "database"
    path = data_dir / DB_NAME
    backups = data_dir / "backups"
    try:
        db = open_database(path, backups, used_before=(data_dir / KEY_FILE).exists())
    except DatabaseProblem as problem:
        detail = f" ({problem.detail})" if problem.detail else ""
        return _fail(
            name,
            f"{path} is {problem.kind.replace('_', '-')}{detail}",
            _database_hint(problem, backups),
        )
    except OSError as exc:
        return _fail(
            name,
            f"{path} cannot be opened ({exc.strerror or exc})",
            "fix the data folder first (see the data folder check)",
        )
    try:
        revision = current_revision(db.engine)
    finally:
        db.dispose()
    head = head_revision()
    if revision != head:
        return _fail(
            name,
            f"{path} at schema {revision}, this app needs {head}",
            f"restore the newest copy from {backups}/",
        )
    kind = "integrity_check" if full else "quick_check"
    try:
        report = check_integrity(path, full=full)
    except sqlite3.DatabaseError as exc:
        report = IntegrityReport((str(exc),), ())
    if not report.ok:
        where = f" in table(s) {', '.join(report.tables)}" if report.tables else ""
        first = report.problems[0]
        more = f" (+{len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        good = newest_good_backup(backups)
        restore = f"the newest good copy {good}" if good else f"the newest copy from {backups}/"
        return _fail(
            name,
            f"{path} fails {kind}{where}: {first}{more}",
            f"stop selling on this till; close the app and restore {restore} over "
            f"{path} (sales since that copy must be re-entered or recovered by support)",
        )
    return CheckResult(name, True, f"{path} at schema {revision} (the app's head), {kind} ok")


@dataclass(frozen=True)
class DatabaseDamage:
    """What ``PRAGMA quick_check`` found wrong with the till's database, and the way back: the
    till refuses new sales until the newest good copy is restored."""

    path: Path  # the damaged database
    tables: tuple[str, ...]  # the damaged tables, where SQLite's report names them
    first_problem: str  # SQLite's own first line (its diagnostics, not translated)
    backup: Path | None  # the newest backup that passes its check (None: none does)
    backups: Path  # the folder of the backup copies


def database_damage(data_dir: Path) -> DatabaseDamage | None:
    """Runs ``quick_check`` on the till's database (read-only; O(size), so off the GUI thread)
    and returns the damage with the newest good backup, or None when the file is sound."""
    path = data_dir / DB_NAME
    try:
        report = check_integrity(path)
    except sqlite3.DatabaseError as exc:
        report = IntegrityReport((str(exc),), ())
    if report.ok:
        return None
    backups = data_dir / "backups"
    tables = report.tables or _unreadable_tables(path)
    return DatabaseDamage(path, tables, report.problems[0], newest_good_backup(backups), backups)


def _unreadable_tables(path: Path) -> tuple[str, ...]:
    """The tables whose rows cannot be read to the end: where SQLite stops the check with
    "malformed" instead of reporting pages, reading each table names the damaged one. Reads
    the whole file once, only on a database already found damaged."""
    found: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return ()
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for name in names:
            try:
                quoted = name.replace('"', '""')  # a name from the schema, quoted as SQL wants
                for _ in conn.execute(f'SELECT * FROM "{quoted}"'):
                    pass
            except sqlite3.Error:
                found.append(name)
    except sqlite3.Error:
        pass  # the schema itself is unreadable: nothing to name
    finally:
        conn.close()
    return tuple(found)


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
        return _fail(
            name, f"{label}: store/read/delete failed ({type(exc).__name__})", KEYRING_HINT
        )
    if read_back != value:
        return _fail(name, f"{label}: a stored secret did not read back", KEYRING_HINT)
    return CheckResult(name, True, f"{label}, store/read/delete works")


def check_pin_key(
    data_dir: Path, keyring_backend: Any, secret_store_ok: bool = True
) -> CheckResult:
    """The PIN key (pepper) in the secret store matches the staff's PIN hashes: without it
    nobody can sign in, and the fix is ``staff reset-pins``."""
    from .pins import RESET_COMMAND, PinKeeper

    name = "PIN key"
    if not secret_store_ok:
        return _fail(
            name, "nobody can sign in: the secret store does not work (see above)", KEYRING_HINT
        )
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return _fail(
            name, "cannot check: the database does not open", "fix the database first (see above)"
        )
    ctx = TillContext(db, data_dir)
    try:
        problem = PinKeeper(ctx, keyring_backend).problem()
    finally:
        ctx.close()
    if problem is None:
        return CheckResult(name, True, "the secret store holds this till's PIN key")
    if problem.key == "pin.secret_store":
        return _fail(name, f"nobody can sign in: {problem.params.get('hint', '')}", KEYRING_HINT)
    return _fail(
        name,
        "nobody can sign in: the secret store "
        + (
            "lost this till's PIN key"
            if problem.key == "pin.pepper_lost"
            else "holds another till's PIN key"
        ),
        f"the owner of the data folder runs `{RESET_COMMAND}`",
    )


def check_audit_trail(
    data_dir: Path, keyring_backend: Any, secret_store_ok: bool = True
) -> CheckResult:
    """The audit trail's hash chain holds, checked with the audit key from the secret store
    (what ``forsell-cashier audit verify`` does)."""
    from .audit_trail import AuditKeyMissing, summary, verify_trail

    name = "Audit trail"
    if not secret_store_ok:
        return _fail(name, "cannot check: the secret store does not work (see above)", KEYRING_HINT)
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return _fail(
            name, "cannot check: the database does not open", "fix the database first (see above)"
        )
    ctx = TillContext(db, data_dir, keyring_backend=keyring_backend)
    try:
        report = verify_trail(ctx)
    except AuditKeyMissing:
        return _fail(
            name,
            "cannot check: the secret store holds no audit key for this till",
            "restore this till's 'forsell-cashier' entry in the secret store from its backup",
        )
    except SecretStoreUnavailable as problem:
        return _fail(name, f"cannot check: {problem.kind.replace('_', ' ')}", problem.hint)
    finally:
        ctx.close()
    if report.intact:
        return CheckResult(name, True, summary(report))
    return _fail(
        name,
        summary(report),
        "someone changed the database file outside the till: keep a copy of it as evidence, "
        "compare with a backup, and tell the store owner",
    )


def check_audit_on_backend(data_dir: Path) -> CheckResult:
    """Whether the analytics backend accepts the audit trail as one unbroken chain: an entry
    it refused (a number or previous seal that does not continue its copy) fails the line;
    entries waiting for earlier ones are only counted. Read-only."""
    name = "Audit trail on the backend"
    path = data_dir / DB_NAME
    if not path.exists():
        return CheckResult(name, True, "nothing sent yet")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            refused = con.execute(
                "SELECT count(*), min(last_error) FROM outbox WHERE kind = 'audit' "
                "AND state = 'dead' AND error_key = 'sync.audit_chain'"
            ).fetchone()
            waiting = con.execute(
                "SELECT count(*) FROM outbox WHERE kind = 'audit' AND state != 'done' "
                "AND error_key = 'sync.audit_gap'"
            ).fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # no outbox yet, or the database check reports the problem
        return CheckResult(name, True, "nothing sent yet")
    if refused[0]:
        return _fail(
            name,
            f"the backend refused {refused[0]} audit entr{'y' if refused[0] == 1 else 'ies'}: "
            f"{refused[1]}",
            "the trail here does not continue the copy the backend holds (an older backup was "
            "restored, or the database was changed): keep the database as evidence and tell "
            "the store owner; the entries stay in the sync screen's dead letters",
        )
    if waiting:
        return CheckResult(
            name, True, f"{waiting} entr{'y' if waiting == 1 else 'ies'} wait for earlier ones"
        )
    return CheckResult(name, True, "no entry refused")


def check_retention(data_dir: Path) -> CheckResult:
    """The retention periods in force and what the newest purge removed (the till purges at
    start-up and daily); a purge that had to skip something fails with the reason."""
    from .retention import RetentionService

    name = "Retention"
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return _fail(
            name, "cannot check: the database does not open", "fix the database first (see above)"
        )
    ctx = TillContext(db, data_dir)
    try:
        service = RetentionService(ctx)
        p = service.policy()
        reports = service.reports(1)
    finally:
        ctx.close()
    periods = (
        f"audio {p.audio_days} d after its transcript, {p.untranscribed_days} d without one; "
        f"transcripts {p.transcript_days} d; audit {p.audit_years} y; sales {p.sales_years} y"
    )
    if not reports:
        return CheckResult(name, True, f"{periods}; no purge has removed anything yet")
    at, details = reports[0]
    removed = sum(v for v in details.values() if isinstance(v, int))
    found = f"{periods}; last purge {at:%Y-%m-%d %H:%M} UTC removed {removed}"
    skipped = details.get("skipped") or {}
    if skipped:
        why = "; ".join(f"{kind}: {reason}" for kind, reason in skipped.items())
        return _fail(name, f"{found}, skipped {why}", KEYRING_HINT)
    return CheckResult(name, True, found)


def check_updates(data_dir: Path) -> CheckResult:
    """This till's version and build, and a newer version the 4Sell service announced (a notice,
    never a failure: the till works on; a person installs the update)."""
    import sys

    from forsell import __version__

    from .settings import Settings
    from .updates import update_available

    name = "version"
    build = "installed bundle" if getattr(sys, "frozen", False) else "source"
    found = f"{__version__} ({build})"
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return CheckResult(name, True, f"{found}; updates not checked: the database does not open")
    try:
        newer = update_available(Settings(db))
    finally:
        db.dispose()
    if newer is None:
        return CheckResult(name, True, f"{found}; no newer version announced")
    return CheckResult(
        name,
        True,
        f"{found}; version {newer} is available: install its package "
        '(README, "Install in a shop"); the till never updates itself',
    )


# --- recording keys and recordings ----------------------------------------------------------

RECORDING_OFF = "recording stays off (selling goes on)"


def _key_file_hint(key_file: Path) -> str:
    return (
        f"{key_file} was made under another key-encryption key (the secret store was reset, "
        "or the data folder comes from another machine): restore this till's "
        "'forsell-cashier' entry in the secret store, or move the key file aside (its "
        "recordings stay unreadable) so that a new one is created"
    )


class _Unavailable(Exception):
    """Why the recording keys cannot be opened: ``found`` and ``hint`` of a failed check."""

    def __init__(self, found: str, hint: str) -> None:
        super().__init__(found)
        self.found, self.hint = found, hint


def _open_keys(data_dir: Path, keyring_backend: Any) -> tuple[TillContext, KeyVault]:
    """The till's context and its unlocked key file, as the till opens them (open_vault).

    Raises _Unavailable. The KEK is created on first use, as the till would do.
    """
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        raise _Unavailable(
            "cannot check: the database does not open",
            "fix the database first (see the database check)",
        ) from None
    ctx = TillContext(db, data_dir)
    try:
        return ctx, open_vault(ctx, keyring_backend)
    except SecretStoreUnavailable as problem:
        ctx.close()
        raise _Unavailable(
            f"{RECORDING_OFF}: {problem.kind.replace('_', ' ')} ({problem.backend})", problem.hint
        ) from None
    except (KeyFileProblem, sqlite3.DatabaseError) as exc:
        ctx.close()
        key_file = data_dir / KEY_FILE
        raise _Unavailable(
            f"{RECORDING_OFF}: the key file {key_file} cannot be used ({exc})",
            f"restore {key_file} from a copy, or move it aside (its recordings "
            "stay unreadable) so that a new one is created",
        ) from None


def check_recording_keys(
    data_dir: Path, keyring_backend: Any, secret_store_ok: bool = True
) -> CheckResult:
    """The KEK comes out of the secret store and unwraps every data key in the key file."""
    name = "recording keys"
    if not secret_store_ok:
        return _fail(
            name, f"{RECORDING_OFF}: the secret store does not work (see above)", KEYRING_HINT
        )
    try:
        ctx, vault = _open_keys(data_dir, keyring_backend)
    except _Unavailable as problem:
        return _fail(name, problem.found, problem.hint)
    try:
        ids = sorted(vault.recording_ids())
        wrong = []
        for rid in ids:
            try:
                vault.get(rid)
            except KeyFileProblem:
                wrong.append(rid)
    finally:
        vault.close()
        ctx.close()
    if wrong:
        return _fail(
            name,
            f"{RECORDING_OFF}: {len(wrong)} of {len(ids)} data keys in "
            f"{vault.path} do not open with this till's key-encryption key",
            _key_file_hint(vault.path),
        )
    return CheckResult(
        name,
        True,
        f"{vault.path}: {len(ids)} data key(s), all open with the "
        "key-encryption key from the secret store",
    )


def check_recordings(data_dir: Path, keyring_backend: Any) -> CheckResult:
    """Every chunk of every recording authenticates (decrypted into memory, nothing written)."""
    name = "recordings"
    try:
        ctx, vault = _open_keys(data_dir, keyring_backend)
    except _Unavailable as problem:
        return _fail(
            name,
            "not verified: " + problem.found.removeprefix(f"{RECORDING_OFF}: "),
            "fix the recording keys check first",
        )
    try:
        library = RecordingLibrary(ctx, vault)
        views = library.list(limit=1_000_000)
        try:
            problems = library.verify_all()
        except KeyFileProblem:
            return _fail(
                name,
                "not verified: a data key does not open with this till's key-encryption key",
                "fix the recording keys check first",
            )
    finally:
        vault.close()
        ctx.close()
    open_now = sum(v.status == "recording" for v in views)
    shredded = sum(v.status == "shredded" for v in views)
    checked = len(views) - open_now - shredded
    extra = "".join(
        f", {n} {what}"
        for n, what in (
            (open_now, "still recording (or cut off: the till seals them at start-up)"),
            (shredded, "shredded"),
        )
        if n
    )
    if problems:
        listed = "; ".join(f"{rid}: {reason}" for rid, reason in problems)
        return _fail(
            name,
            f"{len(problems)} of {checked} recording(s) do not authenticate ({listed})",
            "they were altered, cut short or their keys are gone: restore the database "
            f"from {data_dir / 'backups'}/ if that copy is intact, else export what "
            "still reads and shred the damaged ones",
        )
    return CheckResult(name, True, f"{checked} recording(s), every chunk authenticates{extra}")


# --- privacy: destructions --------------------------------------------------------------------


def check_destructions(data_dir: Path) -> CheckResult:
    """Destructions of data subjects' data (policy 6.3): none left half-done by a crash, and
    how many deletion events still wait for the analytics backend (the sync retries them, so
    that alone is no failure). Read-only; a database before revision 0015 has none."""
    name = "privacy destructions"
    path = data_dir / DB_NAME
    if not path.exists():
        return CheckResult(name, True, "none")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT request_id, steps, finished_at FROM privacy_destructions"
            ).fetchall()
            waiting = set()
            for request_id, steps, _ in rows:
                events = json.loads(steps or "{}").get("event_queued", {}).get("events", [])
                for event_id in events:
                    state = con.execute(
                        "SELECT state FROM outbox WHERE id = ?", (event_id,)
                    ).fetchone()
                    if state is not None and state[0] != "done":
                        waiting.add(request_id)
        finally:
            con.close()
    except sqlite3.Error:  # no such table yet, or the database check reports the problem
        return CheckResult(name, True, "none")
    unfinished = [rid for rid, _, finished in rows if finished is None]
    if unfinished:
        return _fail(
            name,
            f"{len(unfinished)} destruction(s) cut off half-way ({', '.join(unfinished)})",
            "start the till, or run `forsell-cashier privacy destroy ID`: it finishes from "
            "its journal",
        )
    pending = f", {len(waiting)} deletion event(s) pending at the backend" if waiting else ""
    return CheckResult(name, True, f"{len(rows)} carried out{pending}")


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
        return _fail(
            name,
            f"cannot list audio devices ({exc})",
            f"{PORTAUDIO_HINT}; check that the sound server runs",
        )
    if not inputs:
        return _fail(
            name,
            "no input device",
            "plug in a microphone and select it as the input device in the sound settings",
        )
    try:
        default = query(kind="input")["name"]
    except Exception:  # noqa: BLE001 — inputs exist but none is the default
        return CheckResult(
            name, True, f"no default input set; {len(inputs)} input(s), first: {inputs[0]['name']}"
        )
    return CheckResult(name, True, f"default input '{default}' ({len(inputs)} input device(s))")


def configured_device(data_dir: Path) -> str | None:
    """The microphone set in the till's settings (None: the system's default input, also when
    the database does not open: the mic test then tests the default input)."""
    from . import settings as s

    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return None
    ctx = TillContext(db, data_dir)
    try:
        return ctx.settings.get(s.RECORDING_DEVICE) or None
    finally:
        ctx.close()


# --- three seconds from the microphone ------------------------------------------------------


def _dbfs(value: float) -> str:
    return f"{20 * math.log10(value):.0f} dBFS" if value > 0 else "-inf dBFS"


def _device_label(device: str | None) -> str:
    if device:
        return f"'{device}'"
    try:
        import sounddevice

        return f"the default input '{sounddevice.query_devices(kind='input')['name']}'"
    except Exception:  # noqa: BLE001 — only for the label; the test itself reports real errors
        return "the default input"


def mic_test(
    device: str | None, seconds: float = 3.0, on_listening: Callable[[str], None] | None = None
) -> CheckResult:
    """Records ``seconds`` from ``device`` (None: the default input) into memory and measures it.

    Nothing is stored. FAILs when the device cannot be opened, no frames arrive, or it delivers
    only digital silence (exact zeros: a muted or dead input, the classic silent failure).
    ``on_listening`` is called once the first frames arrive, i.e. when the seconds start.
    """
    from .mic_test import FIRST_FRAME_TIMEOUT_S, capture

    name = "microphone test"
    label = _device_label(device)
    result = capture(
        device,
        seconds,
        on_listening=on_listening
        and (lambda rate: on_listening(f"listening {seconds:.0f} s on {label} at {rate} Hz")),
    )
    if result.problem == "cannot_open":
        return _fail(
            name,
            f"{label} cannot be opened ({result.detail})",
            "plug the microphone in, or set another device in the till's settings "
            "(Ctrl+M, Microphone); `forsell-cashier doctor` names the default input",
        )
    if result.problem == "no_frames":
        return _fail(
            name,
            f"{label}: no audio frames arrived in {FIRST_FRAME_TIMEOUT_S:.0f} s",
            "the device is busy, unplugged or the sound server hangs: close other "
            "programs using it, re-plug it, restart the sound server",
        )
    if result.problem == "stalled":
        return _fail(
            name,
            f"{label}: less than half of {seconds:.1f} s of audio arrived "
            f"({result.detail or 'the stream stalled'})",
            "re-plug the microphone or restart the sound server, then test again",
        )
    found = (
        f"{label}, {result.rate} Hz, {result.seconds:.1f} s: peak {result.peak:.3f} "
        f"({_dbfs(result.peak)}), RMS {result.rms:.4f} ({_dbfs(result.rms)})"
    )
    if result.silent:
        return _fail(
            name,
            f"{found}, only digital silence (exact zeros)",
            "the input is muted or not connected: unmute it and raise its level in the "
            "sound settings (PulseAudio: pactl set-source-mute SOURCE 0), or choose "
            "another microphone in the till's settings",
        )
    said = (
        f"speech heard ({result.speech_ms / 1000:.1f} s)"
        if result.heard
        else "no speech heard (speak during the test to check it)"
    )
    if result.overflows:
        said += f", {result.overflows} input overflow(s)"
    return CheckResult(name, True, f"{found}, {said}")


# --- file modes ------------------------------------------------------------------------------


def check_file_modes(data_dir: Path) -> CheckResult:
    """Nothing in the data folder is open to other local users (POSIX); wider modes are fixed."""
    name = "file modes"
    if os.name != "posix":
        return CheckResult(name, True, "the data folder inherits the user profile's access rules")
    changed = make_private(data_dir)
    left = open_to_others(data_dir)
    if left:
        shown = ", ".join(str(p) for p in left[:5]) + (" …" if len(left) > 5 else "")
        return _fail(
            name,
            f"{len(left)} path(s) other users can read: {shown}",
            f"run as the owner: chmod -R go-rwx {data_dir}",
        )
    if changed:
        shown = ", ".join(p.name or str(p) for p in changed[:5]) + (
            " …" if len(changed) > 5 else ""
        )
        return CheckResult(
            name,
            True,
            f"{len(changed)} path(s) were open to other users and are "
            f"now private (folder 0700, files 0600): {shown}",
        )
    return CheckResult(name, True, f"{data_dir} is private (folder 0700, files 0600)")


# --- backups ---------------------------------------------------------------------------------


def check_backups(data_dir: Path, keyring_backend: Any) -> CheckResult:
    """The newest encrypted backup is recent enough for the schedule, and its folder is there."""
    from .backup import OVERDUE_HOURS, TillBackups

    name = "backups"
    if not (data_dir / DB_NAME).exists():
        return CheckResult(name, True, "no till here yet")
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return CheckResult(name, True, "see the database line")
    ctx = TillContext(db, data_dir, keyring_backend=keyring_backend)
    try:
        status = TillBackups(ctx).status_now()
    finally:
        ctx.close()
    if status.folder is None:
        return CheckResult(
            name,
            True,
            "no backup folder set: a dead disk would lose everything (set backup.folder and "
            "run `forsell-cashier backup passphrase`)",
        )
    if status.folder_missing:
        return _fail(
            name,
            f"the backup folder {status.folder} is missing",
            "plug in the backup drive, or choose another folder (setting backup.folder)",
        )
    if not status.passphrase_set:
        return _fail(
            name, "no recovery passphrase is set", "run `forsell-cashier backup passphrase`"
        )
    if status.overdue or status.newest is None:
        when = status.newest_at.isoformat(timespec="minutes") if status.newest_at else "never"
        return _fail(
            name,
            f"the newest backup is older than {OVERDUE_HOURS} hours (made {when})",
            "start the till or the tray (they back up daily), or run "
            "`forsell-cashier backup create`",
        )
    return CheckResult(name, True, f"newest {status.newest.name} in {status.folder}")


# --- all together ----------------------------------------------------------------------------


def check_fiscal(data_dir: Path, keyring_backend: Any) -> CheckResult:
    """Fiscal registration: the cash register service reachable, its shift, what waits."""
    from . import fiscal

    name = "Fiscal registration"
    try:
        db = open_database(data_dir / DB_NAME, data_dir / "backups")
    except (DatabaseProblem, OSError):
        return _fail(
            name, "cannot check: the database does not open", "fix the database first (see above)"
        )
    ctx = TillContext(db, data_dir, keyring_backend=keyring_backend)
    try:
        result = fiscal.check(ctx, keyring_backend)
    finally:
        ctx.close()
    return CheckResult(name, result.ok, result.found, result.hint)


def run_checks(
    data_dir: Path,
    keyring_backend: Any,
    load_query: Callable[[], DeviceQuery] = sounddevice_query,
    full: bool = False,
) -> tuple[CheckResult, ...]:
    """Every check, in the order a person would fix them (``full``: the slow integrity check)."""
    store = check_secret_store(keyring_backend)
    return (
        check_data_dir(data_dir),
        check_file_modes(data_dir),
        check_database(data_dir, full),
        store,
        check_pin_key(data_dir, keyring_backend, store.ok),
        check_audit_trail(data_dir, keyring_backend, store.ok),
        check_audit_on_backend(data_dir),
        check_retention(data_dir),
        check_recording_keys(data_dir, keyring_backend, store.ok),
        check_recordings(data_dir, keyring_backend),
        check_destructions(data_dir),
        check_backups(data_dir, keyring_backend),
        check_fiscal(data_dir, keyring_backend),
        check_audio(load_query),
        check_updates(data_dir),
    )
