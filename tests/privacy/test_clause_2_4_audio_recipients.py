"""Policy clause 2.4: audio goes only to the speech-recognition providers the policy names
(ElevenLabs and Kazdream Technologies), and only as much as transcription needs.

Real FAKE provider servers on loopback receive (or never receive) the audio through the real
audio lane and sync engine; the routing settings are read the way the till reads them, with the
recipients of the shipped data map. Yandex SpeechKit is not named by the policy: it gets audio only
after an admin's acknowledgement, which is audited with who and when.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from forsell.domain import settings as st
from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.fake_elevenlabs import DEFAULT_KEY as EL_KEY
from forsell.fakes.fake_elevenlabs import FakeElevenLabs
from forsell.fakes.fake_yandex import DEFAULT_FOLDER, FakeYandex
from forsell.fakes.fake_yandex import DEFAULT_KEY as YA_KEY
from forsell.fakes.script import make_ogg
from forsell.fakes.server import FakeServer
from forsell.services.privacy.data_map import shipped
from forsell.store.db import Database, open_database
from forsell.store.models import OutboxJob, Recording
from forsell.store.outbox import AUDIO, enqueue
from forsell.sync.audio_lane import AudioLane
from forsell.sync.backend import Device
from forsell.sync.backoff import RetryPolicy
from forsell.sync.engine import EngineConfig, SyncEngine
from forsell.sync.errors import NoProvider
from forsell.sync.providers.routing import RoutingConfig, choose
from forsell.vault.keys import KeyVault

DEVICE = Device("0190a000-0000-7000-8000-0000000000d1", "123456789012", "Касса 1", "test")
FAST = EngineConfig(
    backend_concurrency=1,
    audio_concurrency=1,
    lease_s=30,
    idle_poll_s=0.05,
    probe_min_s=0.1,
    probe_max_s=0.3,
    timeout=httpx.Timeout(5.0),
    business=RetryPolicy(base_s=0.05, cap_s=0.2),
    audio=RetryPolicy(base_s=0.05, cap_s=0.2),
)
AUDIO_BYTES = make_ogg(3.0, seed=24)


class MemoryTokens:
    """The backend device token, kept in memory for the test."""

    def __init__(self) -> None:
        self.token: str | None = None

    def get(self) -> str | None:
        return self.token

    def set(self, token: str) -> None:
        self.token = token

    def clear(self) -> None:
        self.token = None


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, Any]]:
    backend, elevenlabs, yandex = FakeBackend(), FakeElevenLabs(accept_any_audio=True), FakeYandex()
    with (
        FakeServer(backend) as b,
        FakeServer(elevenlabs) as e,
        FakeServer(yandex) as y,
    ):
        yield {
            "backend": (backend, b.url),
            "elevenlabs": (elevenlabs, e.url),
            "yandex": (yandex, y.url),
        }
    backend.close()


@pytest.fixture
def fakes(servers: dict[str, Any]) -> dict[str, Any]:
    for name in ("elevenlabs", "yandex"):
        servers[name][0].reset()
    return servers


@pytest.fixture
def till_files(tmp_path: Path) -> Iterator[tuple[Database, KeyVault]]:
    db = open_database(tmp_path / "cashier.sqlite", tmp_path / "backups")
    vault = KeyVault(tmp_path / "keys.sqlite", b"k" * 32)
    yield db, vault
    vault.close()
    db.dispose()


def settings_with(**changes: object) -> Callable[[st.SettingDef[Any]], object]:
    """The till's setting getter: every default, with ``changes`` by key."""
    values = {d.key: d.default for d in st.ALL}
    values.update({k.replace("__", "."): v for k, v in changes.items()})
    return lambda setting: values[setting.key]


def routing_for(fakes: dict[str, Any], **changes: object) -> RoutingConfig:
    """Routing as the till builds it: settings, keys, and the shipped data map's recipients."""
    get = settings_with(
        sync__elevenlabs_url=fakes["elevenlabs"][1],
        sync__yandex_url=fakes["yandex"][1],
        sync__yandex_operations_url=fakes["yandex"][1],
        sync__yandex_folder_id=DEFAULT_FOLDER,
        **changes,
    )
    keys = {"elevenlabs-key": EL_KEY, "yandex-key": YA_KEY}
    return RoutingConfig.from_settings(get, keys.get, named=shipped().named_by_policy())


def queue_recording(db: Database, vault: KeyVault) -> str:
    rid = "0190a000-0000-7000-9000-0000000000d1"
    vault.create(rid)
    with db.write() as session:
        session.add(
            Recording(
                id=rid,
                device_id=DEVICE.device_id,
                started_at=datetime.now(UTC),
                duration_ms=3_000,
                speech_ms=2_500,
                status="queued",
            )
        )
        enqueue(
            session,
            "recording",
            rid,
            {"id": rid, "sale_id": None, "duration_ms": 3_000, "speech_ms": 2_500},
            lane=AUDIO,
        )
    return rid


def sync_once(db: Database, vault: KeyVault, fakes: dict[str, Any], config: RoutingConfig):
    """One sync pass of the real engine; returns the recording's job and how often the audio
    was decrypted for sending."""
    decrypted: list[str] = []

    def audio_of(rid: str) -> bytes:
        decrypted.append(rid)
        return AUDIO_BYTES

    lane = AudioLane(db, vault, audio_of, lambda: config)
    engine = SyncEngine(
        db,
        backend_url=fakes["backend"][1],
        device=DEVICE,
        tokens=MemoryTokens(),
        audio=lane,
        config=FAST,
    )
    engine.run_once(timeout=30)
    with db.read() as session:
        job = session.scalars(select(OutboxJob).where(OutboxJob.kind == "recording")).one()
        session.expunge(job)
    return job, decrypted


def test_audio_never_reaches_a_provider_the_policy_does_not_name(till_files, fakes) -> None:
    db, vault = till_files
    queue_recording(db, vault)
    config = routing_for(fakes, sync__primary="yandex", sync__fallback="none")
    job, decrypted = sync_once(db, vault, fakes, config)
    yandex = fakes["yandex"][0]
    assert yandex.stats()["requests"] == 0 and yandex.billed_count(AUDIO_BYTES) == 0
    assert decrypted == []  # refused before the recording was even decrypted
    assert job.error_key == "sync.provider_none"
    assert "not named by the privacy policy" in (job.last_error or "")


def test_once_acknowledged_the_same_provider_gets_the_audio(till_files, fakes) -> None:
    db, vault = till_files
    queue_recording(db, vault)
    config = routing_for(
        fakes,
        sync__primary="yandex",
        sync__fallback="none",
        sync__acknowledged_recipients="yandex",
    )
    _job, decrypted = sync_once(db, vault, fakes, config)
    assert fakes["yandex"][0].billed_count(AUDIO_BYTES) == 1
    assert len(decrypted) == 1


def test_a_named_provider_gets_the_audio_and_the_unacknowledged_fallback_never(
    till_files, fakes
) -> None:
    db, vault = till_files
    queue_recording(db, vault)
    # The fallback a pull or an older version may have left in the settings: refused by routing.
    config = routing_for(fakes, sync__fallback="yandex", sync__audio_abroad=True)
    job, _decrypted = sync_once(db, vault, fakes, config)
    assert job.state == "done"
    assert fakes["elevenlabs"][0].stats()["billed_requests"] == 1
    assert fakes["yandex"][0].stats()["requests"] == 0
    # The backend got the transcript event, and nothing of the audio (policy 2.4, 2.5).
    sent = fakes["backend"][0].events(device_id=DEVICE.device_id)
    assert any(e["kind"] == "transcript" for e in sent)
    carried = json.dumps(sent, default=str)
    assert "OggS" not in carried and base64.b64encode(AUDIO_BYTES[:60]).decode() not in carried


@pytest.mark.anyio
async def test_kazdream_is_named_but_never_gets_audio_without_a_public_api(fakes) -> None:
    config = routing_for(fakes, sync__fallback="none")
    config = replace(config, primary="kazdream")
    async with httpx.AsyncClient() as client:
        with pytest.raises(NoProvider) as caught:
            choose(config, client)
    assert "kazdream: no public API yet" in caught.value.detail


@pytest.mark.anyio
async def test_every_provider_the_map_says_the_policy_does_not_name_is_refused(fakes) -> None:
    unnamed = [name for name, r in shipped().speech_providers().items() if not r.named_in_policy]
    assert unnamed == ["yandex"]
    async with httpx.AsyncClient() as client:
        for name in unnamed:
            config = routing_for(fakes, sync__fallback="none", sync__audio_abroad=True)
            config = replace(config, primary=name)
            with pytest.raises(NoProvider) as caught:
                choose(config, client)
            assert f"{name}: not named by the privacy policy" in caught.value.detail


@pytest.mark.anyio
async def test_the_audio_abroad_switch_still_applies_to_an_acknowledged_provider(fakes) -> None:
    config = routing_for(
        fakes,
        sync__primary="yandex",
        sync__fallback="none",
        sync__acknowledged_recipients="yandex",
        sync__yandex_in_kazakhstan=False,
    )
    async with httpx.AsyncClient() as client:
        with pytest.raises(NoProvider) as caught:
            choose(config, client)
    assert "outside Kazakhstan" in caught.value.detail


# --- the admin's acknowledgement, through the services the Sync tab calls --------------------


@pytest.fixture(scope="module")
def till(tmp_path_factory: pytest.TempPathFactory):
    from forsell.services.app import open_till

    made = open_till(tmp_path_factory.mktemp("till") / "data")
    yield made
    made.close()


def test_a_not_named_provider_is_chosen_only_after_an_audited_acknowledgement(till) -> None:
    from dataclasses import replace as replaced

    from forsell.domain.errors import CashierError
    from forsell.services.sync import SyncService
    from forsell.services.sync_settings import SyncSettingsService
    from forsell.store.models import AuditEntry

    admin = next(e for e in till.staff.staff() if e.role.value == "admin")
    settings = SyncSettingsService(till.ctx)
    wanted = replaced(settings.current(), primary="yandex", fallback="elevenlabs")
    with pytest.raises(CashierError) as caught:
        settings.save(admin, wanted)
    assert caught.value.key == "sync.recipient_not_acknowledged"
    assert till.ctx.settings.get(st.SYNC_PRIMARY) == "elevenlabs"
    sync = SyncService(till)
    try:
        assert "yandex" not in sync.routing_config().recipients.acknowledged
        assert settings.acknowledge_recipient(admin, "yandex") is True
        settings.save(admin, wanted)
        assert till.ctx.settings.get(st.SYNC_PRIMARY) == "yandex"
        routing = sync.routing_config()
        assert routing.recipients.refusal("yandex") is None
        assert routing.recipients.refusal("elevenlabs") is None
    finally:
        sync.stop()
    with till.ctx.db.read() as session:
        [entry] = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "recipient_acknowledged")
        ).all()
    assert entry.employee_id == admin.id and entry.details["provider"] == "yandex"
    assert entry.at is not None
    with pytest.raises(CashierError):  # ElevenLabs is named: nothing to acknowledge
        settings.acknowledge_recipient(admin, "elevenlabs")
