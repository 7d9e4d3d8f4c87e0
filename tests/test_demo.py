"""The demo without accounts: ``services/demo.py`` points a till at the FAKE servers,
``forsell-cashier fakes`` runs them, and a demo till's sales and recordings drain to them through
``forsell-cashier sync --once`` — also after the plug was pulled — exactly once.

The fakes run in this process (real HTTP on loopback); the CLI runs as a separate process. The
drain tests need the real Secret Service (the child process must read the keys this process
stored): installer/linux/run-tests.sh runs the tests inside a D-Bus session with one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import httpx
import keyring
import pytest
from sqlalchemy import select

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.fakes.__main__ import describe
from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.fake_elevenlabs import FakeElevenLabs
from forsell.fakes.fake_yandex import FakeYandex
from forsell.fakes.server import FakeServer
from forsell.services import settings as s
from forsell.services.app import DB_NAME, open_till
from forsell.services.consent import ConsentService
from forsell.services.demo import (
    DemoRefused,
    FakeEndpoints,
    SecretStoreUnavailable,
    configure_demo,
    configure_demo_folder,
)
from forsell.store.models import AuditEntry
from forsell.vault.secrets import SERVICE
from platform_services import needs, secret_service
from sync.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.slow
needs_secret_service = needs(secret_service)

ENDPOINTS = FakeEndpoints.from_description(
    describe(
        {
            "elevenlabs": "http://127.0.0.1:8700",
            "yandex": "http://127.0.0.1:8701",
            "backend": "http://127.0.0.1:8702",
        }
    )
)


def cli(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", *args],
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def secret(device_id: str, name: str, backend=None) -> str | None:
    return (backend or keyring.get_keyring()).get_password(SERVICE, f"{device_id}:{name}")


# --- services/demo.py ---------------------------------------------------------------------------


def test_configure_points_a_fresh_folder_at_the_fakes(tmp_path: Path) -> None:
    keys = MemoryKeyring()
    setup = configure_demo_folder(tmp_path / "data", ENDPOINTS, keys)
    till = open_till(tmp_path / "data", seed_demo=False)
    try:
        get = till.ctx.settings.get
        assert get(s.SYNC_ENABLED) and get(s.SYNC_DEMO_FAKES) and get(s.SYNC_AUDIO_ABROAD)
        assert get(s.SYNC_BACKEND_URL) == "http://127.0.0.1:8702"
        assert get(s.ELEVENLABS_URL) == "http://127.0.0.1:8700"
        assert get(s.YANDEX_URL) == get(s.YANDEX_OPERATIONS_URL) == "http://127.0.0.1:8701"
        assert get(s.YANDEX_FOLDER_ID) == ENDPOINTS.yandex_folder_id
        assert get(s.RECORDING_ENABLED) and get(s.RECORDING_DEVICE) == ""  # microphone: default
        consent = ConsentService(till.ctx)
        cashiers = [e for e in till.staff.staff() if e.role is Role.CASHIER]
        assert len(cashiers) == 2 and all(consent.has_consent(e.id) for e in cashiers)
        assert set(setup.recorded) == {e.name for e in cashiers}
        device = till.ctx.device_id
        assert secret(device, "elevenlabs-key", keys) == ENDPOINTS.elevenlabs_key
        assert secret(device, "yandex-key", keys) == ENDPOINTS.yandex_key
        with till.ctx.db.read() as session:
            assert "sync_settings_changed" in set(session.scalars(select(AuditEntry.action)))
    finally:
        till.close()
    # The keys are in the secret store only: no file of the data folder holds them.
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert ENDPOINTS.elevenlabs_key.encode() not in path.read_bytes(), path
    # Again: no setting changes (the keys are written again, the device token is dropped so
    # that the till registers anew with whatever fake backend runs now).
    again = configure_demo_folder(tmp_path / "data", ENDPOINTS, keys)
    assert [c for c in again.changed if not c.startswith("secret:")] == []
    assert "secret:backend-token" in again.changed


@needs_secret_service
def test_configure_keeps_the_fake_keys_in_the_real_secret_service(tmp_path: Path) -> None:
    setup = configure_demo_folder(tmp_path / "data", ENDPOINTS)
    assert "SecretService" in setup.secret_store
    till = open_till(tmp_path / "data", seed_demo=False)
    device = till.ctx.device_id
    till.close()
    assert secret(device, "elevenlabs-key") == ENDPOINTS.elevenlabs_key
    assert secret(device, "yandex-key") == ENDPOINTS.yandex_key


def test_without_a_secret_store_nothing_is_configured_and_the_cli_says_how_to_fix_it(
    tmp_path: Path,
) -> None:
    from keyring.backends.fail import Keyring as Fail

    with pytest.raises(SecretStoreUnavailable) as caught:
        configure_demo_folder(tmp_path / "data", ENDPOINTS, Fail())
    assert caught.value.kind == "no_backend" and "gnome-keyring" in caught.value.hint
    till = open_till(tmp_path / "data", seed_demo=False)
    assert not till.ctx.settings.get(s.SYNC_ENABLED)
    till.close()
    done = cli(
        "demo",
        "--configure-only",
        "--data-dir",
        str(tmp_path / "cli"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "secret store" in done.stderr and "install gnome-keyring" in done.stderr


def test_a_folder_syncing_with_real_providers_is_not_turned_into_a_demo(tmp_path: Path) -> None:
    till = open_till(tmp_path / "data")
    try:
        till.ctx.settings.set(s.SYNC_ENABLED, True)
        till.ctx.settings.set(s.SYNC_BACKEND_URL, "https://backend.example.kz")
        with pytest.raises(DemoRefused, match="real providers"):
            configure_demo(till, ENDPOINTS, MemoryKeyring())
        assert till.ctx.settings.get(s.SYNC_BACKEND_URL) == "https://backend.example.kz"
        till.ctx.settings.set(s.SYNC_ENABLED, False)
        real = replace(ENDPOINTS, elevenlabs_url="https://api.elevenlabs.io")
        with pytest.raises(DemoRefused, match="FAKE servers on this machine"):
            configure_demo(till, real, MemoryKeyring())  # "audio abroad" only for a fake
    finally:
        till.close()


# --- forsell-cashier fakes ----------------------------------------------------------------------


def test_fakes_command_serves_and_stops_by_itself(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "forsell.cli",
            "fakes",
            "--json",
            "--stop-after",
            "2",
            "--data-dir",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert info["settings"]["sync.demo_fakes"] == "true"
        health = httpx.get(info["urls"]["backend"] + "/v1/health", timeout=5).json()
        assert health["fake"] is True
        assert proc.wait(timeout=30) == 0
        assert "FAKE servers stopped" in proc.stdout.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (tmp_path / "fake-backend.sqlite").is_file()  # its de-duplication survives a restart


# --- a demo till drains to the fakes, also after the plug was pulled ---------------------------


class Fakes:
    """The three fakes on loopback; the backend in a file, so a restart keeps what it got."""

    def __init__(self, folder: Path) -> None:
        self.db = folder / "fake-backend.sqlite"
        self.elevenlabs = FakeElevenLabs()
        self.servers = [
            FakeServer(self.elevenlabs, name="elevenlabs"),
            FakeServer(FakeYandex(), name="yandex"),
        ]
        self.backend: FakeBackend | None = None
        self.backend_server: FakeServer | None = None
        self.backend_port = 0

    def start(self) -> None:
        for server in self.servers:
            server.start()
        self.start_backend()

    def start_backend(self) -> None:
        self.backend = FakeBackend(self.db)
        self.backend_server = FakeServer(self.backend, port=self.backend_port, name="backend")
        self.backend_server.start()
        self.backend_port = self.backend_server.port  # the same address after a restart

    def stop_backend(self) -> None:
        assert self.backend_server is not None and self.backend is not None
        self.backend_server.stop()
        self.backend.close()

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        if self.backend_server is not None and self.backend_server.running:
            self.stop_backend()

    def endpoints(self) -> FakeEndpoints:
        return FakeEndpoints.from_description(
            describe(
                {
                    "elevenlabs": self.servers[0].url,
                    "yandex": self.servers[1].url,
                    "backend": self.backend_server.url,
                }
            )
        )


@pytest.fixture
def fakes(tmp_path: Path):
    running = Fakes(tmp_path)
    running.start()
    yield running
    running.stop()


def sync_once(data_dir: Path, timeout: float = 30) -> tuple[int, dict[str, list[str]]]:
    done = cli("sync", "--once", "--timeout", str(timeout), "--data-dir", str(data_dir))
    rows = {
        line.split()[0]: line.split()[1:]
        for line in done.stdout.splitlines()
        if line.split()[:1] in (["business"], ["audio"])
    }
    return done.returncode, rows


@needs_secret_service
def test_a_demo_sale_with_a_recording_reaches_the_fakes_exactly_once(tmp_path, fakes) -> None:
    from forsell.services.recordings import open_vault
    from recording_child import sealed_recording

    data_dir = tmp_path / "data"
    till = open_till(data_dir)
    try:
        configure_demo(till, fakes.endpoints())
        cashier = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
        till.shifts.open(cashier, 0)
        sale = till.sale_for(cashier)
        sale.add(till.catalog.favourites()[0])
        sale.pay(Payment(cash_tendered=1_000_000))
        vault = open_vault(till.ctx)
        rid = sealed_recording(till, vault, 4.0, employee_id=cashier.id)
        vault.close()
    finally:
        till.close()

    # The plug is pulled: nothing is lost, the CLI says not everything was sent.
    fakes.stop_backend()
    code, rows = sync_once(data_dir, timeout=5)  # offline: it keeps probing until then
    assert code == 1 and rows["business"][-1] != "0", rows

    fakes.start_backend()
    code, rows = sync_once(data_dir)
    assert code == 0, rows
    stats = fakes.backend.stats()
    kinds = stats["events_by_kind"]
    assert kinds.get("sale") == 1 and kinds.get("transcript") == 1, kinds
    assert fakes.elevenlabs.stats()["billed_requests"] == 1
    events = fakes.backend.events()
    assert any(e["kind"] == "transcript" and e["entity_id"] == rid for e in events), events

    # Again: nothing is sent twice.
    total = stats["events_total"]
    code, rows = sync_once(data_dir)
    assert code == 0 and rows["business"][0] == "0" and rows["audio"][0] == "0", rows
    stats = fakes.backend.stats()
    assert stats["events_total"] == total and stats["duplicates_seen"] == 0
    assert fakes.elevenlabs.stats()["billed_twice"] == {}
    assert (data_dir / DB_NAME).is_file()


# --- forsell-cashier score ----------------------------------------------------------------------

CASES = Path(__file__).resolve().parent / "analytics" / "corpus" / "cases"


def test_score_prints_the_checklist_of_a_corpus_conversation(tmp_path: Path) -> None:
    case = json.loads((CASES / "gen-000.json").read_text(encoding="utf-8"))
    assert case["store"] == "cafe"
    (tmp_path / "t.json").write_text(
        json.dumps(case["transcript"], ensure_ascii=False), encoding="utf-8"
    )
    (tmp_path / "r.json").write_text(
        json.dumps(case["receipt"], ensure_ascii=False), encoding="utf-8"
    )
    done = cli(
        "score", "--transcript", str(tmp_path / "t.json"), "--receipt", str(tmp_path / "r.json")
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["scorable"] is True
    assert {item["id"]: item["outcome"] for item in result["items"]} == case["expected"]["items"]

    (tmp_path / "broken.json").write_text(
        '{"format": "forsell-transcript", "utter', encoding="utf-8"
    )
    done = cli(
        "score",
        "--transcript",
        str(tmp_path / "broken.json"),
        "--receipt",
        str(tmp_path / "r.json"),
    )
    assert done.returncode == 2 and done.stdout == ""
    assert json.loads(done.stderr)["error"] == "bad_input"


def test_the_demo_fakes_transcribe_in_the_store_language(tmp_path: Path) -> None:
    """The demo store's FAKE speech providers speak its language, read at each request: a
    Russian store hears Russian, the same store switched to Kazakh hears Kazakh next (before,
    the fakes answered Russian whatever the store spoke)."""
    from forsell.cli import _Fakes
    from forsell.fakes.fake_elevenlabs import DEFAULT_KEY
    from forsell.fakes.script import make_ogg
    from forsell.services.demo import store_language

    data_dir = tmp_path / "data"
    assert store_language(data_dir) is None  # no store yet: the fakes fall back to Russian
    open_till(data_dir).close()
    assert store_language(data_dir) == "ru"
    servers = _Fakes(data_dir, None)
    assert servers.start() is None
    try:
        url = servers.servers["elevenlabs"].url

        def heard() -> tuple[str, str]:
            body = httpx.post(
                f"{url}/v1/speech-to-text",
                data={"model_id": "scribe_v2"},  # no language_code: the till's "auto"
                headers={"xi-api-key": DEFAULT_KEY},
                files={"file": ("rec.ogg", make_ogg(2.0, seed=3), "audio/ogg")},
                timeout=10,
            ).json()
            return body["language_code"], body["text"]

        assert heard()[0] == "rus"
        till = open_till(data_dir)
        try:
            till.ctx.settings.set(s.RECEIPT_LANGUAGE, "kk")
        finally:
            till.close()
        code, text = heard()
        assert code == "kaz" and set(text) & set("қғңөұүіәһ"), text
    finally:
        servers.stop()
