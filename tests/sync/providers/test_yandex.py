"""The Yandex SpeechKit v3 async client against the FAKE Yandex server on loopback."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from forsell.fakes.script import make_ogg
from forsell.sync.errors import AuthFailed, BadResponse, RateLimited, Rejected, ServerFailed
from forsell.sync.providers.base import TranscriptionProvider
from forsell.sync.providers.yandex import YandexConfig, YandexSpeechKit, parse_recognition

from .conftest import YA_FOLDER, YA_KEY

pytestmark = pytest.mark.anyio


def speechkit(client: httpx.AsyncClient, url: str, key: str = YA_KEY, **config) -> YandexSpeechKit:
    return YandexSpeechKit(
        client, YandexConfig(stt_url=url, operations_url=url, **config), api_key=key
    )


async def poll(provider: YandexSpeechKit, op_id: str, limit: int = 10):
    for _ in range(limit):
        transcript = await provider.fetch(op_id)
        if transcript is not None:
            return transcript
    raise AssertionError("the operation never finished")


async def test_submit_returns_the_operation_and_fetch_polls_until_done(yandex, audio) -> None:
    fake, url = yandex
    fake.polls_until_done = 2
    async with httpx.AsyncClient() as client:
        provider = speechkit(client, url, folder_id=YA_FOLDER)
        assert isinstance(provider, TranscriptionProvider)
        submitted = await provider.submit(audio, "audio/ogg", "ru", ["латте"], "rec-1")
        assert submitted.transcript is None and submitted.external_id
        assert await provider.fetch(submitted.external_id) is None
        assert await provider.fetch(submitted.external_id) is None
        t = await provider.fetch(submitted.external_id)
    assert t is not None
    assert (t.provider, t.external_id, t.language) == ("yandex", submitted.external_id, "ru")
    assert t.words and all(w.speaker == "0" and w.confidence is None for w in t.words)
    assert [w.start for w in t.words] == sorted(w.start for w in t.words)
    assert 0 < t.audio_seconds <= 4.0
    # The normalised text (finalRefinement) wins over the raw lower-case final.
    assert t.text[0].isupper() and any(ch in t.text for ch in ",.!?")
    assert fake.billed_count(audio) == 1
    sent = fake.stats()["log"][-1]
    assert sent["languages"] == ["ru-RU"]
    assert (sent["container"], sent["speaker_labeling"]) == ("OGG_OPUS", "SPEAKER_LABELING_ENABLED")


async def test_kazakh_and_auto_language_restrictions(yandex, audio) -> None:
    fake, url = yandex
    async with httpx.AsyncClient() as client:
        provider = speechkit(client, url)
        op = await provider.submit(audio, "audio/ogg", "kk", [], "rec-1")
        assert fake.stats()["log"][-1]["languages"] == ["kk-KZ"]
        assert (await poll(provider, op.external_id)).language == "kk"
        await provider.submit(audio, "audio/ogg", None, [], "rec-2")
        assert fake.stats()["log"][-1]["languages"] == ["ru-RU", "kk-KZ"]


def test_request_body_is_the_documented_shape() -> None:
    provider = YandexSpeechKit(httpx.AsyncClient(), api_key="k")
    body = provider.body(b"OggS...", "ru")
    assert base64.b64decode(body["content"]) == b"OggS..."
    model = body["recognitionModel"]
    assert model["model"] == "general"
    assert model["audioFormat"] == {"containerAudio": {"containerAudioType": "OGG_OPUS"}}
    assert model["languageRestriction"] == {
        "restrictionType": "WHITELIST",
        "languageCode": ["ru-RU"],
    }
    assert body["speakerLabeling"] == {"speakerLabeling": "SPEAKER_LABELING_ENABLED"}


async def test_wrong_key_and_wrong_folder_are_auth_failures(yandex, audio) -> None:
    _, url = yandex
    async with httpx.AsyncClient() as client:
        with pytest.raises(AuthFailed) as caught:
            await speechkit(client, url, key="wrong").submit(audio, "audio/ogg", "ru", [], "r")
        assert caught.value.destination == "yandex"
        with pytest.raises(AuthFailed):
            await speechkit(client, url, folder_id="someone-else").submit(
                audio, "audio/ogg", "ru", [], "r"
            )


async def test_undecodable_audio_fails_the_operation_for_good(yandex) -> None:
    _, url = yandex
    async with httpx.AsyncClient() as client:
        provider = speechkit(client, url)
        op = await provider.submit(b"not audio at all", "audio/ogg", "ru", [], "r")
        with pytest.raises(Rejected) as caught:
            await poll(provider, op.external_id)
    assert caught.value.reason == "invalid_argument"


async def test_unknown_operation_is_rejected(yandex) -> None:
    _, url = yandex
    async with httpx.AsyncClient() as client:
        with pytest.raises(Rejected) as caught:
            await speechkit(client, url).fetch("f8dnosuchoperation")
    assert "not found" in caught.value.reason


async def test_429_and_5xx(yandex, audio) -> None:
    fake, url = yandex
    async with httpx.AsyncClient() as client:
        provider = speechkit(client, url)
        fake.faults.add("rate_limit", "POST /stt/v3/recognizeFileAsync", retry_after=3, times=1)
        with pytest.raises(RateLimited) as caught:
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        assert caught.value.retry_after_s == 3.0
        fake.faults.add("error", "GET /operations/*", status=503, times=1)
        op = await provider.submit(audio, "audio/ogg", "ru", [], "r")
        with pytest.raises(ServerFailed):
            await provider.fetch(op.external_id)
        assert await poll(provider, op.external_id)  # the next poll goes through


async def test_silence_is_an_empty_recognition(yandex) -> None:
    _, url = yandex
    async with httpx.AsyncClient() as client:
        provider = speechkit(client, url)
        op = await provider.submit(make_ogg(2.0, silent=True), "audio/ogg", None, [], "r")
        with pytest.raises(BadResponse):
            await poll(provider, op.external_id)


async def test_malformed_streams(odd, audio) -> None:
    server, url = odd
    async with httpx.AsyncClient() as client:
        provider = speechkit(client, url)
        server.reply = (200, "text/html", b"<html>502</html>")
        with pytest.raises(BadResponse):
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        server.reply = (200, "application/json", b'{"done": false}')
        with pytest.raises(BadResponse):  # an operation without an id
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        server.reply = (200, "application/json", b'{"id": "op", "done": tr')
        with pytest.raises(BadResponse):
            await provider.submit(audio, "audio/ogg", "ru", [], "r")


def test_stream_parsing_odd_shapes() -> None:
    def line(obj: dict) -> str:
        return json.dumps(obj, ensure_ascii=False) + "\n"

    def final(index: int, text: str, start: int, channel: str = "0") -> dict:
        return {
            "audioCursors": {"finalIndex": str(index)},
            "channelTag": channel,
            "final": {
                "channelTag": channel,
                "alternatives": [
                    {
                        "text": text,
                        "startTimeMs": str(start),
                        "endTimeMs": str(start + 500),
                        "languages": [{"languageCode": "kk-KK", "probability": "0.8"}],
                        "words": [
                            {"text": text, "startTimeMs": str(start), "endTimeMs": str(start + 500)}
                        ],
                    }
                ],
            },
        }

    # Unwrapped objects (no "result"), two channels, finals out of order, old Kazakh code.
    body = (line(final(1, "рақмет", 2000, "1")) + line(final(0, "сәлем", 0, "0"))).encode()
    t = parse_recognition(body, "op-1")
    assert [(w.text, w.speaker, w.start) for w in t.words] == [
        ("сәлем", "0", 0.0),
        ("рақмет", "1", 2.0),
    ]
    assert (t.text, t.language, t.audio_seconds) == ("сәлем рақмет", "kk", 2.5)
    with pytest.raises(BadResponse):
        parse_recognition(body[:-20], "op-1")  # truncated
    with pytest.raises(BadResponse):
        parse_recognition(b"", "op-1")  # nothing recognised
    with pytest.raises(BadResponse):
        parse_recognition(
            b'{"final": {"alternatives": [{"words": [{"text": "x", "startTimeMs": "soon"}]}]}}',
            "op-1",
        )
