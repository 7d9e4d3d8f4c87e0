"""The ElevenLabs Scribe client against the FAKE ElevenLabs server on loopback."""

from __future__ import annotations

import json

import httpx
import pytest

from forsell.fakes.script import make_ogg
from forsell.sync.errors import (
    AuthFailed,
    BadResponse,
    ConnectionLost,
    RateLimited,
    Rejected,
    ServerFailed,
    TimedOut,
)
from forsell.sync.providers.base import TranscriptionProvider
from forsell.sync.providers.elevenlabs import ElevenLabsConfig, ElevenLabsScribe, EmptyTranscript

from .conftest import EL_KEY

pytestmark = pytest.mark.anyio


def scribe(
    client: httpx.AsyncClient, url: str, key: str | None = EL_KEY, **config
) -> ElevenLabsScribe:
    return ElevenLabsScribe(client, ElevenLabsConfig(base_url=url, **config), api_key=key)


def last_request(fake) -> dict:
    return fake.stats()["log"][-1]


async def test_russian_transcript_with_diarised_words(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient() as client:
        provider = scribe(client, url)
        assert isinstance(provider, TranscriptionProvider)
        submitted = await provider.submit(audio, "audio/ogg", "ru", [], "rec-1")
    t = submitted.transcript
    assert t is not None and submitted.external_id == t.external_id and t.external_id
    assert t.language == "ru"  # the fake answers ISO-639-3 "rus"
    assert t.provider == "elevenlabs"
    assert t.audio_seconds == pytest.approx(4.0, abs=0.05)
    assert t.words and all(w.text.strip() for w in t.words)  # spacing entries are dropped
    assert {w.speaker for w in t.words} == {"speaker_0", "speaker_1"}
    assert all(0.0 < w.confidence <= 1.0 for w in t.words)
    assert all(w.start <= w.end for w in t.words)
    assert 0.0 < t.confidence <= 1.0
    assert t.text.split() == [w.text for w in t.words]
    sent = last_request(fake)
    assert (sent["model_id"], sent["diarize"], sent["num_speakers"]) == ("scribe_v2", True, 2)
    assert (sent["timestamps_granularity"], sent["tag_audio_events"]) == ("word", False)
    assert sent["language_code"] == "ru"
    assert sent["enable_logging"] is None  # zero retention off: the query is not sent


async def test_kazakh_hint_and_normalised_language(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient() as client:
        submitted = await scribe(client, url).submit(audio, "audio/ogg", "kk", [], "rec-1")
    assert submitted.transcript.language == "kk"  # "kaz" on the wire
    assert last_request(fake)["language_code"] == "kk"


async def test_auto_language_sends_no_code(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient() as client:
        submitted = await scribe(client, url).submit(audio, "audio/ogg", None, [], "rec-1")
    assert last_request(fake)["language_code"] is None
    assert submitted.transcript.language in ("ru", "kk")


async def test_zero_retention_and_keyterms(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    terms = ["Капучино", "Бәліш", "Круассан миндальный"]
    async with httpx.AsyncClient() as client:
        provider = scribe(client, url, zero_retention=True, keyterms=True)
        await provider.submit(audio, "audio/ogg", "ru", terms, "rec-1")
        sent = last_request(fake)
        assert sent["enable_logging"] == "false"
        assert sent["keyterms"] == terms
        # Keyterms switched off: none are sent even when the catalog offers them.
        await scribe(client, url).submit(audio, "audio/ogg", "ru", terms, "rec-2")
        assert last_request(fake)["keyterms"] == []


async def test_the_fake_accepts_both_keyterm_encodings(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    form = {"model_id": "scribe_v2", "keyterms": ["латте", "шай"]}  # repeated fields
    async with httpx.AsyncClient() as client:
        r = await client.post(
            f"{url}/v1/speech-to-text",
            headers={"xi-api-key": EL_KEY},
            data=form,
            files={"file": ("a.ogg", audio, "audio/ogg")},
        )
        assert r.status_code == 200
        assert last_request(fake)["keyterms"] == ["латте", "шай"]
        r = await client.post(
            f"{url}/v1/speech-to-text",
            headers={"xi-api-key": EL_KEY},
            data={"model_id": "scribe_v2", "keyterms": json.dumps(["латте", "шай"])},
            files={"file": ("a.ogg", audio, "audio/ogg")},
        )
        assert r.status_code == 200
        assert last_request(fake)["keyterms"] == ["латте", "шай"]


async def test_fetch_recovers_the_same_transcript_without_paying(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient() as client:
        provider = scribe(client, url)
        submitted = await provider.submit(audio, "audio/ogg", "ru", [], "rec-1")
        again = await provider.fetch(submitted.external_id)
    assert again == submitted.transcript
    assert fake.billed_count(audio) == 1


async def test_fetching_an_unknown_id_is_rejected(elevenlabs) -> None:
    _, url = elevenlabs
    async with httpx.AsyncClient() as client:
        with pytest.raises(Rejected) as caught:
            await scribe(client, url).fetch("no-such-id")
    assert "not found" in caught.value.reason.lower()


async def test_deleting_a_transcript_200_then_404_both_done_401_is_auth_failed(
    elevenlabs, audio
) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient() as client:
        provider = scribe(client, url)
        submitted = await provider.submit(audio, "audio/ogg", "ru", [], "rec-1")
        with pytest.raises(AuthFailed):
            await scribe(client, url, key="wrong").delete(submitted.external_id)
        assert fake.stats()["deleted"] == []
        assert await provider.delete(submitted.external_id) is True  # 200
        assert await provider.delete(submitted.external_id) is True  # 404: gone already
        with pytest.raises(Rejected):
            await provider.fetch(submitted.external_id)
    assert fake.stats()["deleted"] == [submitted.external_id]


async def test_single_use_tokens_from_our_backend(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    issued: list[str] = []

    async def token() -> str:
        issued.append(fake.mint_token())  # stands in for our backend's mint endpoint
        return issued[-1]

    async with httpx.AsyncClient() as client:
        provider = ElevenLabsScribe(client, ElevenLabsConfig(base_url=url), token_source=token)
        await provider.submit(audio, "audio/ogg", "ru", [], "rec-1")
        await provider.submit(make_ogg(2.0, seed=9), "audio/ogg", "ru", [], "rec-2")
        assert len(set(issued)) == 2  # a fresh token per request

        async def reused() -> str:
            return issued[0]

        stale = ElevenLabsScribe(client, ElevenLabsConfig(base_url=url), token_source=reused)
        with pytest.raises(AuthFailed):
            await stale.submit(audio, "audio/ogg", "ru", [], "rec-3")


async def test_wrong_key_is_auth_failed(elevenlabs, audio) -> None:
    _, url = elevenlabs
    async with httpx.AsyncClient() as client:
        with pytest.raises(AuthFailed) as caught:
            await scribe(client, url, key="wrong").submit(audio, "audio/ogg", "ru", [], "r")
    assert caught.value.destination == "elevenlabs"
    assert "invalid_api_key" in caught.value.detail
    assert "wrong" not in caught.value.detail  # the key never lands in an error text


async def test_422_is_rejected_with_its_field(elevenlabs, audio) -> None:
    _, url = elevenlabs
    async with httpx.AsyncClient() as client:
        with pytest.raises(Rejected) as caught:
            await scribe(client, url, model_id="scribe_v9").submit(
                audio, "audio/ogg", "ru", [], "r"
            )
    assert caught.value.reason.startswith("model_id:")
    assert caught.value.key == "sync.rejected"


async def test_429_with_and_without_retry_after(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient() as client:
        provider = scribe(client, url)
        fake.faults.add("rate_limit", "POST /v1/speech-to-text", retry_after=7, times=1)
        with pytest.raises(RateLimited) as caught:
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        assert caught.value.retry_after_s == 7.0
        assert "system_busy" in caught.value.detail
        fake.faults.add("rate_limit", "POST /v1/speech-to-text", times=1)
        with pytest.raises(RateLimited) as caught:
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        assert caught.value.retry_after_s is None  # the outbox's own backoff decides
        fake.max_concurrent = 0  # plan concurrency exceeded
        with pytest.raises(RateLimited) as caught:
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        assert "too_many_concurrent_requests" in caught.value.detail
    assert fake.billed_count(audio) == 0


async def test_5xx_is_server_failed(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    fake.faults.add("error", "POST /v1/speech-to-text", status=503, times=1)
    async with httpx.AsyncClient() as client:
        with pytest.raises(ServerFailed) as caught:
            await scribe(client, url).submit(audio, "audio/ogg", "ru", [], "r")
    assert caught.value.status == 503


async def test_silence_is_an_empty_transcript_kept_for_a_free_fetch(elevenlabs) -> None:
    _fake, url = elevenlabs
    silence = make_ogg(3.0, silent=True)
    async with httpx.AsyncClient() as client:
        provider = scribe(client, url)
        with pytest.raises(EmptyTranscript) as caught:
            await provider.submit(silence, "audio/ogg", None, [], "r")
        assert isinstance(caught.value, BadResponse) and caught.value.external_id
        with pytest.raises(EmptyTranscript):
            await provider.fetch(caught.value.external_id)
        # With "upload recordings without speech" on, silence is a valid answer.
        lenient = scribe(client, url, accept_empty=True)
        submitted = await lenient.submit(silence, "audio/ogg", None, [], "r")
    assert submitted.transcript.text == "" and submitted.transcript.words == ()


async def test_timeout_and_dropped_connections(elevenlabs, audio) -> None:
    fake, url = elevenlabs
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, read=0.5)) as client:
        provider = scribe(client, url)
        fake.faults.add("timeout", "POST /v1/speech-to-text", hang_s=5.0, times=1)
        with pytest.raises(TimedOut):
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        fake.faults.add("reset", "POST /v1/speech-to-text", times=1)
        with pytest.raises(ConnectionLost):
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
        fake.faults.add("commit_then_drop", "POST /v1/speech-to-text", times=1)
        with pytest.raises(ConnectionLost):
            await provider.submit(audio, "audio/ogg", "ru", [], "r")
    assert fake.billed_count(audio) == 1  # billed, and the answer was lost


@pytest.mark.parametrize(
    ("ctype", "body"),
    [
        ("text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
        ("application/json", '{"language_code": "rus", "text": "Сәлем", "words": [{"te'.encode()),
        ("application/json", b"[]"),
        ("application/json", b'{"language_code": "rus", "words": []}'),
        ("application/json", b'{"text": "x", "words": [{"type": "word", "text": "x"}]}'),
        ("application/json", b'{"text": "", "words": [], "transcription_id": "t1"}'),
    ],
)
async def test_malformed_answers_are_bad_responses(odd, ctype: str, body: bytes, audio) -> None:
    server, url = odd
    server.reply = (200, ctype, body)
    async with httpx.AsyncClient() as client:
        with pytest.raises(BadResponse):
            await scribe(client, url).submit(audio, "audio/ogg", "ru", [], "r")


async def test_an_html_error_page_keeps_its_status_meaning(odd, audio) -> None:
    server, url = odd
    server.reply = (502, "text/html", b"<html>Bad Gateway</html>")
    async with httpx.AsyncClient() as client:
        with pytest.raises(ServerFailed):
            await scribe(client, url).submit(audio, "audio/ogg", "ru", [], "r")


async def test_unreachable_provider_is_network_down(audio) -> None:
    from forsell.sync.errors import NetworkDown

    async with httpx.AsyncClient() as client:
        with pytest.raises(NetworkDown):
            await scribe(client, "http://127.0.0.1:9").submit(audio, "audio/ogg", "ru", [], "r")
