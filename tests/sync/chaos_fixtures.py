"""Helpers for the sync chaos, offline/online and GUI-drain tests: a till under load, the FAKE
servers with fault plans, a secret store two processes can share, and an app process to SIGKILL.

Recordings are made without a microphone, through the real pieces (OpusChunker →
EncryptedArchive → KeyVault), like tests/services/test_recordings.py; each gets its own voice
(pitch and noise seeded by its number), so the FAKE ElevenLabs' per-audio-hash billing counts
tell the recordings apart.

As a script (test_chaos.py runs it and kills it with SIGKILL)::

    python tests/sync/chaos_fixtures.py DATA_DIR KEYRING_FILE

opens the till in DATA_DIR, starts the SyncService with the CHAOS timings and the secret store in
KEYRING_FILE, prints ``STARTED`` and syncs until it is killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import keyring.backend
import keyring.errors
import numpy as np
from jaraco.classes import properties

from forsell.sync.backoff import RetryPolicy
from forsell.sync.engine import EngineConfig

RATE = 16_000

#: The chaos timings: production behaviour, shrunk. The lease outlives the longest request
#: (read timeout 1.5 s + latency), so a live engine never re-claims its own job.
CHAOS = EngineConfig(
    backend_concurrency=2,
    audio_concurrency=4,
    lease_s=6.0,
    idle_poll_s=0.1,
    probe_min_s=0.2,
    probe_max_s=1.0,
    timeout=httpx.Timeout(1.5),
    max_events=50,
    business=RetryPolicy(base_s=0.05, cap_s=0.5, max_wait_s=2.0),
    audio=RetryPolicy(base_s=0.05, cap_s=0.5, max_wait_s=2.0),
)


# --- a secret store two processes share --------------------------------------------------------


class FileKeyring(keyring.backend.KeyringBackend):
    """Secrets in a JSON file (tests only: the till and its killed sync process share the KEK
    and the device token, as they would share the OS secret store). Re-read on every get."""

    @properties.classproperty
    def priority(cls) -> float:
        # Only when chosen on purpose (passed in, or named in PYTHON_KEYRING_BACKEND): keyring's
        # automatic choice sees every imported backend class and must never pick a test's.
        if os.environ.get("PYTHON_KEYRING_BACKEND", "").endswith("." + cls.__name__):
            return 1
        raise RuntimeError("test keyring: pass it in explicitly")

    def __init__(self, path: str | Path | None = None) -> None:
        super().__init__()
        self.path = Path(path or os.environ["FORSELL_TEST_KEYRING"])
        self._lock = threading.Lock()

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._read().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            data = self._read()
            data[f"{service}\x00{username}"] = password
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data))
            tmp.replace(self.path)  # a reader in the other process never sees half a file

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            data = self._read()
            if data.pop(f"{service}\x00{username}", None) is None:
                raise keyring.errors.PasswordDeleteError(username)
            self.path.write_text(json.dumps(data))


# --- the till ------------------------------------------------------------------------------------


def configure(
    till: Any, keys: keyring.backend.KeyringBackend, backend_url: str, elevenlabs_url: str
) -> None:
    """Sync on, pointed at the FAKE servers; ElevenLabs only (no fallback), audio abroad allowed."""
    from forsell.fakes.fake_elevenlabs import DEFAULT_KEY
    from forsell.services import settings as s
    from forsell.vault.secrets import SecretStore

    values = {
        s.SYNC_ENABLED: True,
        s.SYNC_BACKEND_URL: backend_url,
        s.STORE_BIN: "123456789012",
        s.SYNC_PRIMARY: "elevenlabs",
        s.SYNC_FALLBACK: "none",
        s.SYNC_AUDIO_ABROAD: True,
        s.SYNC_DEMO_FAKES: True,
    }
    for setting, value in values.items():
        till.ctx.settings.set(setting, value)
    settings = {d.key: d for d in s.ALL}
    till.ctx.settings.set(settings["sync.elevenlabs_url"], elevenlabs_url)
    SecretStore(till.ctx.device_id, keys).set("elevenlabs-key", DEFAULT_KEY)


def cashier_of(till: Any) -> Any:
    from forsell.domain.roles import Role

    return next(e for e in till.staff.staff() if e.role is Role.CASHIER)


class Counter_:
    """A shop that sells: real sales through TillService (one business event each)."""

    def __init__(self, till: Any) -> None:
        self.till = till
        self.cashier = cashier_of(till)
        if till.shifts.current() is None:
            till.shifts.open(self.cashier, 0)
        self.products = till.catalog.favourites()[:8]
        self.sold = 0

    def sell(self) -> str:
        from forsell.domain.payment import Payment

        sale = self.till.sale_for(self.cashier)
        sale.add(self.products[self.sold % len(self.products)])
        sale.add(self.products[(self.sold * 7 + 3) % len(self.products)])
        self.sold += 1
        return sale.pay(Payment(cash_tendered=100_000_000)).sale_id


def voice(seconds: float, k: int) -> np.ndarray:
    """Speech-like audio of its own per ``k``: a buzz at a pitch of its own with syllable-rate
    loudness changes, plus a little seeded noise."""
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * (3.5 + (k % 7) * 0.2) * t) ** 2
    pitch = 110 + (k % 150) * 1.3
    noise = np.random.default_rng(k).normal(0, 0.01, t.size)
    return (0.3 * envelope * np.sign(np.sin(2 * np.pi * pitch * t)) + noise).astype(np.float32)


class Recordings:
    """Sealed recordings with speech for the audio lane, written like the recorder writes them."""

    def __init__(self, till: Any, keys: keyring.backend.KeyringBackend) -> None:
        from forsell.audio.archive import EncryptedArchive
        from forsell.services.app import DB_NAME
        from forsell.services.recordings import open_vault

        self.vault = open_vault(till.ctx, keys)
        self.archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, self.vault, till.ctx.device_id)
        self.made = 0

    def record(self, sale_id: str | None, seconds: float = 2.5) -> str:
        from forsell.audio.encoder import OpusChunker
        from forsell.audio.sink import RecordingStart, RecordingStats
        from forsell.domain.ids import new_id

        rid = new_id()
        k = self.made
        self.made += 1
        self.archive.begin(RecordingStart(rid, datetime.now(UTC), sale_id, None, None, "sale"))
        enc = OpusChunker()
        index = 0
        for block in np.array_split(voice(seconds, k), max(1, int(seconds * 10))):
            enc.write(block)
            due = enc.take_due()
            if due is not None:
                self.archive.chunk(rid, index, due, False)
                index += 1
        self.archive.chunk(rid, index, enc.close(), True)
        # speech_ms = the whole recording: the voice detector heard speech, so it is uploaded
        self.archive.end(
            rid,
            RecordingStats(
                datetime.now(UTC),
                enc.duration_ms,
                enc.duration_ms,
                enc.bytes_total,
                index + 1,
                0,
                "sale",
                0.3,
                False,
            ),
        )
        return rid

    def close(self) -> None:
        self.archive.close()
        self.vault.close()


# --- what the till's database says ---------------------------------------------------------------


def outbox_states(db: Any, lane: str | None = None) -> dict[str, int]:
    from sqlalchemy import func, select

    from forsell.store.models import OutboxJob

    query = select(OutboxJob.state, func.count()).group_by(OutboxJob.state)
    if lane is not None:
        query = query.where(OutboxJob.lane == lane)
    with db.read() as session:
        return dict(session.execute(query).all())


def outbox_ids(db: Any, lane: str, kind: str | None = None) -> list[str]:
    from sqlalchemy import select

    from forsell.store.models import OutboxJob

    query = select(OutboxJob.id).where(OutboxJob.lane == lane)
    if kind is not None:
        query = query.where(OutboxJob.kind == kind)
    with db.read() as session:
        return list(session.scalars(query))


def max_attempts(db: Any) -> int:
    from sqlalchemy import func, select

    from forsell.store.models import OutboxJob

    with db.read() as session:
        return int(session.scalar(select(func.max(OutboxJob.attempts))) or 0)


def all_done(db: Any) -> bool:
    states = outbox_states(db)
    return bool(states) and set(states) == {"done"}


@dataclass
class FakeWorld:
    """A till pointed at the FAKE backend and ElevenLabs on loopback (see :func:`fake_world`)."""

    backend: Any
    elevenlabs: Any
    servers: list
    till: Any
    keys: keyring.backend.KeyringBackend
    recordings: Recordings

    @property
    def secrets(self) -> Any:
        from forsell.vault.secrets import SecretStore

        return SecretStore(self.till.ctx.device_id, self.keys)


@contextlib.contextmanager
def fake_world(folder: Path, *, demo_items: bool = True):
    """Starts both FAKE servers, opens a demo till in ``folder`` configured for them (sync on,
    ElevenLabs with its valid key), with a helper that seals recordings; closes all after."""
    from forsell.fakes.fake_backend import FakeBackend
    from forsell.fakes.fake_elevenlabs import FakeElevenLabs
    from forsell.fakes.server import FakeServer
    from forsell.services.app import open_till

    from .memory_keyring import MemoryKeyring

    backend, elevenlabs = FakeBackend(demo_items=demo_items), FakeElevenLabs()
    servers = [FakeServer(backend).start(), FakeServer(elevenlabs).start()]
    till = open_till(folder)
    keys = MemoryKeyring()
    recordings = Recordings(till, keys)
    try:
        configure(till, keys, servers[0].url, servers[1].url)
        yield FakeWorld(backend, elevenlabs, servers, till, keys, recordings)
    finally:
        recordings.close()
        till.close()
        for server in servers:
            server.stop()
        backend.close()


def pulls_done(db: Any) -> bool:
    """Every pull resource has been pulled at least once (its audit entry is committed with it)."""
    from sqlalchemy import func, select

    from forsell.store.models import SyncState
    from forsell.sync.backend import PULL_RESOURCES
    from forsell.sync.pull_lane import success_key

    keys = [success_key(r) for r in PULL_RESOURCES]
    with db.read() as session:
        return session.scalar(select(func.count()).where(SyncState.key.in_(keys))) == len(keys)


def settled(db: Any) -> bool:
    """Nothing left to send, including what the pulls audit. The pulls are read first: their
    audit rows commit with their cursors, so a later read of the outbox already holds them
    (the other order raced in CI: the outbox drained, then a pull queued its audit entry)."""
    return pulls_done(db) and set(outbox_states(db)) == {"done"}


def wait_for(
    predicate: Callable[[], bool], timeout: float, what: str, every: float = 0.05
) -> float:
    """Polls until ``predicate()``; returns the seconds it took; fails the test on timeout."""
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)
    return time.monotonic() - started


# --- the FAKE servers -------------------------------------------------------------------------


@dataclass
class Fakes:
    """The FAKE backend (SQLite file, so it survives a restart) and the FAKE ElevenLabs."""

    backend_db: Path
    backend_rules: list[dict[str, Any]]
    elevenlabs_rules: list[dict[str, Any]]
    seed: int = 4
    backend: Any = None
    backend_server: Any = None
    elevenlabs: Any = None
    elevenlabs_server: Any = None
    backend_restarts: int = 0
    backend_fired: Counter | None = None  # faults fired by backend instances already stopped

    def start(self) -> Fakes:
        from forsell.fakes.fake_elevenlabs import FakeElevenLabs
        from forsell.fakes.server import FakeServer

        self.backend_fired = Counter()
        self._start_backend(0)
        self.elevenlabs = FakeElevenLabs(seed=self.seed)
        self.elevenlabs.faults.set(self.elevenlabs_rules)
        self.elevenlabs_server = FakeServer(self.elevenlabs, name="elevenlabs").start()
        return self

    def _start_backend(self, port: int) -> None:
        from forsell.fakes.fake_backend import FakeBackend
        from forsell.fakes.server import FakeServer

        self.backend = FakeBackend(self.backend_db, seed=self.seed + self.backend_restarts)
        self.backend.faults.set(self.backend_rules)
        self.backend_server = FakeServer(self.backend, port=port, name="backend").start()

    def restart_backend(self) -> None:
        """Stops the FAKE backend and starts a new one on the same file and port."""
        port = self.backend_server.port
        self.backend_server.stop()
        self.backend_fired.update(self.backend.faults.fired())
        self.backend.close()
        self.backend_restarts += 1
        self._start_backend(port)

    def backend_faults_fired(self) -> dict[str, int]:
        return dict(self.backend_fired + Counter(self.backend.faults.fired()))

    @property
    def backend_url(self) -> str:
        return self.backend_server.url

    @property
    def elevenlabs_url(self) -> str:
        return self.elevenlabs_server.url

    def stop(self) -> None:
        for server in (self.backend_server, self.elevenlabs_server):
            if server is not None:
                server.stop()
        if self.backend is not None:
            self.backend.close()


# --- an app process to kill ----------------------------------------------------------------------


def app_process_args(data_dir: Path, keyring_file: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), str(data_dir), str(keyring_file)]


def main(data_dir: Path, keyring_file: Path) -> None:
    from forsell.services.app import open_till
    from forsell.services.sync import SyncService

    till = open_till(data_dir, seed_demo=False)
    service = SyncService(till, FileKeyring(keyring_file), config=CHAOS)
    if not service.start():
        sys.exit("sync is not configured")
    print("STARTED", flush=True)
    while True:  # syncs until SIGKILL
        time.sleep(60)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
