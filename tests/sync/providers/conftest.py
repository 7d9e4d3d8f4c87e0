"""FAKE provider servers on loopback for the provider tests (real HTTP, real sockets)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from forsell.domain.ids import new_id
from forsell.fakes.fake_elevenlabs import DEFAULT_KEY, FakeElevenLabs
from forsell.fakes.fake_yandex import DEFAULT_FOLDER, FakeYandex
from forsell.fakes.fake_yandex import DEFAULT_KEY as YANDEX_DEFAULT_KEY
from forsell.fakes.script import make_ogg
from forsell.fakes.server import FakeServer
from forsell.store.db import Database, open_database
from forsell.store.models import Recording
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.keys import KeyVault

EL_KEY = DEFAULT_KEY
YA_KEY = YANDEX_DEFAULT_KEY
YA_FOLDER = DEFAULT_FOLDER


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def elevenlabs_fake() -> Iterator[tuple[FakeElevenLabs, FakeServer]]:
    fake = FakeElevenLabs()
    with FakeServer(fake) as server:
        yield fake, server


@pytest.fixture
def elevenlabs(elevenlabs_fake) -> tuple[FakeElevenLabs, str]:
    fake, server = elevenlabs_fake
    fake.reset()
    fake.max_concurrent = 10
    return fake, server.url


@pytest.fixture
def audio() -> bytes:
    return make_ogg(4.0, seed=3)


class Odd:
    """A loopback server answering what a broken proxy or provider might: set ``.reply``."""

    def __init__(self) -> None:
        self.reply: tuple[int, str, bytes] = (200, "application/json", b"{}")
        self.requests = 0

        async def any_route(request: Request) -> Response:
            await request.body()
            self.requests += 1
            status, ctype, body = self.reply
            return Response(body, status_code=status, media_type=ctype)

        paths = [
            "/v1/speech-to-text",
            "/v1/speech-to-text/transcripts/{tid}",
            "/stt/v3/recognizeFileAsync",
            "/stt/v3/getRecognition",
            "/operations/{oid}",
        ]
        self.app = Starlette(routes=[Route(p, any_route, methods=["GET", "POST"]) for p in paths])


@pytest.fixture(scope="session")
def odd_server() -> Iterator[tuple[Odd, FakeServer]]:
    odd = Odd()
    with FakeServer(odd.app, name="odd") as server:
        yield odd, server


@pytest.fixture
def odd(odd_server) -> tuple[Odd, str]:
    o, server = odd_server
    o.requests = 0
    return o, server.url


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.sqlite", tmp_path / "backups")
    yield database
    database.dispose()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[KeyVault]:
    keys = KeyVault(tmp_path / "keys.sqlite", os.urandom(32))
    yield keys
    keys.close()


@pytest.fixture
def store(db: Database, vault: KeyVault) -> TranscriptStore:
    return TranscriptStore(db, vault)


@pytest.fixture
def recording(db: Database, vault: KeyVault) -> Callable[[], str]:
    def make() -> str:
        rid = new_id()
        vault.create(rid)
        with db.write() as session:
            session.add(
                Recording(
                    id=rid,
                    device_id="dev-1",
                    started_at=datetime.now(UTC),
                    duration_ms=4000,
                    speech_ms=3000,
                    status="queued",
                )
            )
        return rid

    return make


@pytest.fixture(scope="session")
def yandex_fake():
    fake = FakeYandex()
    with FakeServer(fake) as server:
        yield fake, server


@pytest.fixture
def yandex(yandex_fake):
    fake, server = yandex_fake
    fake.reset()
    fake.polls_until_done = 1
    return fake, server.url
