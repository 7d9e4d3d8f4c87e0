"""Each fake runs once per test module on loopback; every test starts from a reset fake."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.fake_elevenlabs import FakeElevenLabs
from forsell.fakes.fake_yandex import FakeYandex
from forsell.fakes.script import make_ogg
from forsell.fakes.server import FakeServer


@pytest.fixture(scope="session")
def ogg() -> bytes:
    return make_ogg(3.0, seed=1)


@pytest.fixture(scope="session")
def other_ogg() -> bytes:
    return make_ogg(2.0, seed=2)


@pytest.fixture(scope="module")
def elevenlabs_server() -> Iterator[tuple[FakeElevenLabs, FakeServer]]:
    fake = FakeElevenLabs()
    with FakeServer(fake) as server:
        yield fake, server


@pytest.fixture
def elevenlabs(elevenlabs_server: tuple[FakeElevenLabs, FakeServer]) -> tuple[FakeElevenLabs, str]:
    fake, server = elevenlabs_server
    fake.reset()
    fake.max_concurrent, fake.processing_s, fake.accept_any_audio = 10, 0.0, False
    fake.default_language = "ru"
    return fake, server.url


@pytest.fixture(scope="module")
def yandex_server() -> Iterator[tuple[FakeYandex, FakeServer]]:
    fake = FakeYandex()
    with FakeServer(fake) as server:
        yield fake, server


@pytest.fixture
def yandex(yandex_server: tuple[FakeYandex, FakeServer]) -> tuple[FakeYandex, str]:
    fake, server = yandex_server
    fake.reset()
    fake.polls_until_done, fake.max_bytes, fake.max_seconds = 1, 1 << 30, 4 * 3600
    return fake, server.url


@pytest.fixture(scope="module")
def backend_server() -> Iterator[tuple[FakeBackend, FakeServer]]:
    fake = FakeBackend()
    with FakeServer(fake) as server:
        yield fake, server
    fake.close()


@pytest.fixture
def backend(backend_server: tuple[FakeBackend, FakeServer]) -> tuple[FakeBackend, str]:
    fake, server = backend_server
    fake.reset()
    fake.resume_commits()
    return fake, server.url
