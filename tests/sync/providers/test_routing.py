"""Routing, the abroad switch and the fallback rules, against both FAKE providers on loopback."""

from __future__ import annotations

import httpx
import pytest

from forsell.domain import settings as st
from forsell.fakes.script import make_ogg
from forsell.sync.errors import (
    AuthFailed,
    ConnectionLost,
    NetworkDown,
    NoProvider,
    RateLimited,
    Rejected,
    TimedOut,
)
from forsell.sync.providers import routing
from forsell.sync.providers.elevenlabs import ElevenLabsConfig, EmptyTranscript
from forsell.sync.providers.routing import (
    PolicyRecipients,
    RoutingConfig,
    choose,
    configured,
    transcribe,
)
from forsell.sync.providers.yandex import YandexConfig

from .conftest import EL_KEY, YA_KEY

pytestmark = pytest.mark.anyio


def config(
    el_url: str = "http://127.0.0.1:9", ya_url: str = "http://127.0.0.1:9", **overrides
) -> RoutingConfig:
    values = {
        "primary": "elevenlabs",
        "fallback": "yandex",
        "audio_abroad": True,
        "elevenlabs": ElevenLabsConfig(base_url=el_url),
        "yandex": YandexConfig(stt_url=ya_url, operations_url=ya_url),
        "elevenlabs_key": EL_KEY,
        "yandex_key": YA_KEY,
        # ElevenLabs is named by the privacy policy; Yandex is not and is acknowledged here.
        "recipients": PolicyRecipients(
            named=frozenset({"elevenlabs"}), acknowledged=frozenset({"yandex"})
        ),
    }
    values.update(overrides)
    return RoutingConfig(**values)


def names(providers) -> list[str]:
    return [p.name for p in providers]


async def test_abroad_switch_decides_whether_elevenlabs_may_get_audio() -> None:
    async with httpx.AsyncClient() as client:
        assert names(choose(config(audio_abroad=True), client)) == ["elevenlabs", "yandex"]
        assert names(choose(config(audio_abroad=False), client)) == ["yandex"]
        kz_off = config(audio_abroad=False, yandex=YandexConfig(in_kazakhstan=False))
        with pytest.raises(NoProvider) as caught:
            choose(kz_off, client)
        assert caught.value.key == "sync.provider_none"
        assert "abroad" in caught.value.detail
        # Yandex hosted abroad is fine once the admin has turned the switch on.
        assert names(choose(config(yandex=YandexConfig(in_kazakhstan=False)), client)) == [
            "elevenlabs",
            "yandex",
        ]


async def test_providers_without_credentials_are_skipped() -> None:
    async with httpx.AsyncClient() as client:
        assert names(choose(config(elevenlabs_key=None), client)) == ["yandex"]
        assert names(choose(config(yandex_key=""), client)) == ["elevenlabs"]
        with pytest.raises(NoProvider) as caught:
            choose(config(elevenlabs_key=None, yandex_key=None), client)
        assert "no credentials" in caught.value.detail

        async def token() -> str:
            return "t"

        with_token = config(elevenlabs_key=None, elevenlabs_token_source=token)
        assert names(choose(with_token, client)) == ["elevenlabs", "yandex"]
        assert names(choose(config(fallback="none"), client)) == ["elevenlabs"]
        assert names(choose(config(primary="yandex", fallback="elevenlabs"), client)) == [
            "yandex",
            "elevenlabs",
        ]
        with pytest.raises(NoProvider):
            choose(config(primary="kazdream", fallback=""), client)  # no public API yet


def test_config_from_settings_and_secrets() -> None:
    values = {
        st.SYNC_PRIMARY: "yandex",
        st.SYNC_FALLBACK: "elevenlabs",
        st.SYNC_AUDIO_ABROAD: False,
        st.SYNC_LANGUAGE: "kk",
        st.SYNC_UPLOAD_WITHOUT_SPEECH: True,
        st.ELEVENLABS_URL: "https://api.eu.residency.elevenlabs.io",
        st.ELEVENLABS_MODEL: "scribe_v2",
        st.ELEVENLABS_ZERO_RETENTION: True,
        st.ELEVENLABS_KEYTERMS: True,
        st.YANDEX_URL: "https://stt.example",
        st.YANDEX_OPERATIONS_URL: "https://ops.example",
        st.YANDEX_FOLDER_ID: "f1",
        st.YANDEX_IN_KAZAKHSTAN: True,
        st.SYNC_ACKNOWLEDGED_RECIPIENTS: " yandex, ",
    }
    secrets = {"elevenlabs-key": "el", "yandex-key": "ya"}
    cfg = RoutingConfig.from_settings(values.__getitem__, secrets.get, named=["elevenlabs"])
    assert cfg.recipients == PolicyRecipients(frozenset({"elevenlabs"}), frozenset({"yandex"}))
    assert (cfg.primary, cfg.fallback, cfg.audio_abroad, cfg.language_hint) == (
        "yandex",
        "elevenlabs",
        False,
        "kk",
    )
    assert cfg.elevenlabs.base_url == "https://api.eu.residency.elevenlabs.io"
    assert cfg.elevenlabs.zero_retention and cfg.elevenlabs.keyterms
    assert cfg.elevenlabs.accept_empty  # recordings without speech are uploaded: silence is OK
    assert (cfg.yandex.operations_url, cfg.yandex.folder_id) == ("https://ops.example", "f1")
    assert (cfg.elevenlabs_key, cfg.yandex_key) == ("el", "ya")
    assert (
        RoutingConfig.from_settings(
            {**values, st.SYNC_LANGUAGE: "auto"}.__getitem__, secrets.get
        ).language_hint
        is None
    )


async def test_primary_answers_and_the_transcript_is_saved(
    elevenlabs, yandex, store, recording, audio
) -> None:
    (_el, el_url), (ya, ya_url) = elevenlabs, yandex
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url), client)
        t = await transcribe(rid, audio, store, chosen, audio_seconds=4.0, language="ru")
    assert t is not None and t.provider == "elevenlabs"
    assert store.load(rid) == t
    assert store.state(rid).external_id == t.external_id
    assert ya.stats()["requests"] == 0
    usage = store.usage_by_provider()
    assert usage["elevenlabs"].seconds == 4.0 and usage["elevenlabs"].cost_usd > 0


async def test_elevenlabs_is_never_used_when_audio_may_not_leave(
    elevenlabs, yandex, store, recording, audio
) -> None:
    (el, el_url), (ya, ya_url) = elevenlabs, yandex
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url, audio_abroad=False), client)
        assert await transcribe(rid, audio, store, chosen, audio_seconds=4.0) is None
        t = await transcribe(rid, audio, store, chosen, audio_seconds=4.0)  # poll
        t = t or await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
    assert t is not None and t.provider == "yandex"
    assert el.stats()["requests"] == 0 and el.stats()["billed_requests"] == 0
    assert ya.billed_count(audio) == 1


@pytest.mark.parametrize(
    "fault",
    [
        {"kind": "rate_limit", "retry_after": 30},
        {"kind": "error", "status": 503},
    ],
)
async def test_fallback_after_the_primary_refused_before_billing(
    elevenlabs, yandex, store, recording, audio, fault
) -> None:
    (el, el_url), (ya, ya_url) = elevenlabs, yandex
    el.faults.add(route="POST /v1/speech-to-text", **fault)
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url), client)
        assert await transcribe(rid, audio, store, chosen, audio_seconds=4.0) is None
    state = store.state(rid)
    assert state.provider == "yandex" and state.external_id
    assert el.billed_count(audio) == 0 and ya.billed_count(audio) == 1


async def test_fallback_after_the_primary_refused_the_key(
    elevenlabs, yandex, store, recording, audio
) -> None:
    (_el, el_url), (_ya, ya_url) = elevenlabs, yandex
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url, elevenlabs_key="expired"), client)
        assert await transcribe(rid, audio, store, chosen, audio_seconds=4.0) is None
    assert store.state(rid).provider == "yandex"
    outcomes = {(u.provider, u.calls, u.billed_calls) for u in store.usage_by_provider().values()}
    assert outcomes == {("elevenlabs", 1, 0), ("yandex", 1, 1)}


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"kind": "timeout", "hang_s": 5.0}, TimedOut),
        ({"kind": "commit_then_drop"}, ConnectionLost),
        ({"kind": "reset"}, ConnectionLost),
    ],
)
async def test_no_fallback_when_the_primary_may_have_billed(
    elevenlabs, yandex, store, recording, audio, fault, error
) -> None:
    (el, el_url), (ya, ya_url) = elevenlabs, yandex
    el.faults.add(route="POST /v1/speech-to-text", times=1, **fault)
    rid = recording()
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, read=0.5)) as client:
        chosen = choose(config(el_url, ya_url), client)
        with pytest.raises(error):
            await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
    assert ya.stats()["requests"] == 0  # the audio did not go to a second provider


async def test_a_rejected_audio_is_not_sent_to_the_fallback(
    elevenlabs, yandex, store, recording
) -> None:
    (_el, el_url), (ya, ya_url) = elevenlabs, yandex
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(
            config(
                el_url, ya_url, elevenlabs=ElevenLabsConfig(base_url=el_url, model_id="scribe_v9")
            ),
            client,
        )
        with pytest.raises(Rejected):
            await transcribe(rid, make_ogg(2.0), store, chosen, audio_seconds=2.0)
    assert ya.stats()["requests"] == 0


async def test_all_providers_refusing_raises_the_retryable_error(
    elevenlabs, yandex, store, recording, audio
) -> None:
    (_el, el_url), (ya, ya_url) = elevenlabs, yandex
    ya.faults.add("rate_limit", "POST /stt/v3/recognizeFileAsync", retry_after=5)
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url, elevenlabs_key="expired"), client)
        with pytest.raises(RateLimited) as caught:  # so the job comes back later
            await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
    assert caught.value.retry_after_s == 5.0
    ya.faults.clear()
    async with httpx.AsyncClient() as client:
        only_el = choose(config(el_url, ya_url, elevenlabs_key="expired", fallback=""), client)
        with pytest.raises(AuthFailed):
            await transcribe(rid, audio, store, only_el, audio_seconds=4.0)
    assert store.state(rid) is None


async def test_once_accepted_it_is_only_fetched_never_resubmitted(
    elevenlabs, yandex, store, recording, audio
) -> None:
    (el, el_url), (ya, ya_url) = elevenlabs, yandex
    ya.polls_until_done = 3
    rid = recording()
    decrypted = 0

    def decrypt() -> bytes:
        nonlocal decrypted
        decrypted += 1
        return audio

    async with httpx.AsyncClient() as client:
        cfg = config(el_url, ya_url, primary="yandex", fallback="elevenlabs")
        chosen = choose(cfg, client)
        assert await transcribe(rid, decrypt, store, chosen, audio_seconds=4.0) is None
        # Meanwhile the admin turned sending abroad off and Yandex is rate limited for submits:
        # the pending job must still be fetched from Yandex, and nothing goes to ElevenLabs.
        ya.faults.add("rate_limit", "POST /stt/v3/recognizeFileAsync")
        holders = configured(cfg, client)
        t = None
        for _ in range(6):
            t = await transcribe(
                rid, decrypt, store, choose(cfg, client), holders=holders, audio_seconds=4.0
            )
            if t is not None:
                break
        assert t is not None
        assert await transcribe(rid, decrypt, store, chosen, audio_seconds=4.0) == t  # stored
    assert decrypted == 1  # the recording was decrypted for the one upload only
    assert ya.billed_count(audio) == 1 and el.stats()["requests"] == 0
    assert store.billed_twice() == 0
    with pytest.raises(RuntimeError):
        await routing.transcribe_with_fallback(rid, audio, store, chosen, audio_seconds=4.0)


async def test_lost_answer_is_recovered_by_fetch_and_double_billing_is_counted(
    elevenlabs, yandex, store, recording, audio
) -> None:
    (el, el_url), (_, ya_url) = elevenlabs, yandex
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url, fallback=""), client)
        first = await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
        # The engine crashed before marking the job done: the retry finds the stored id.
        again = await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
    assert again == first and el.billed_count(audio) == 1
    assert store.billed_twice() == 0
    # What billed_twice exists to catch: a submit although the id was already stored.
    store.record_call("elevenlabs", rid, "submit", True, "ok", 4.0)
    assert store.billed_twice() == 1


@pytest.mark.parametrize(
    "fault",
    [
        {"kind": "commit_then_drop"},  # billed, then the connection is reset
        {"kind": "commit_then_timeout", "hang_s": 5.0},  # billed, then no answer in time
    ],
)
async def test_an_answer_lost_after_billing_is_logged_billed_like_its_retry(
    elevenlabs, yandex, store, recording, audio, fault
) -> None:
    """ElevenLabs has no idempotency key: when its answer is lost after it charged, the retry
    has to submit again and is charged again. The provider-call log must show both charges,
    so the till's bill matches the provider's."""
    (el, el_url), (ya, ya_url) = elevenlabs, yandex
    el.faults.add(route="POST /v1/speech-to-text", times=1, **fault)
    rid = recording()
    async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, read=0.5)) as client:
        chosen = choose(config(el_url, ya_url), client)
        with pytest.raises((ConnectionLost, TimedOut)):
            await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
        retried = await transcribe(rid, audio, store, chosen, audio_seconds=4.0)
    assert retried is not None and store.load(rid) == retried
    assert el.billed_count(audio) == 2 and ya.stats()["requests"] == 0
    assert store.billed_submits(rid) == el.billed_count(audio)
    usage = store.usage_by_provider()["elevenlabs"]
    assert usage.billed_calls == 2 and usage.seconds == pytest.approx(8.0)
    assert store.billed_twice() == 0  # the id was unknown when the retry started: no bug of ours


async def test_a_refused_connection_is_logged_not_billed(store, recording, audio) -> None:
    rid = recording()
    async with httpx.AsyncClient() as client:
        nobody = choose(config("http://127.0.0.1:9", fallback=""), client)
        with pytest.raises(NetworkDown):
            await transcribe(rid, audio, store, nobody, audio_seconds=4.0)
    assert store.billed_submits(rid) == 0
    assert store.usage_by_provider()["elevenlabs"].calls == 1


async def test_empty_answer_keeps_the_id_so_the_retry_is_a_fetch(
    elevenlabs, yandex, store, recording
) -> None:
    (el, el_url), (_, ya_url) = elevenlabs, yandex
    silence = make_ogg(2.0, silent=True)
    rid = recording()
    async with httpx.AsyncClient() as client:
        chosen = choose(config(el_url, ya_url), client)
        with pytest.raises(EmptyTranscript):
            await transcribe(rid, silence, store, chosen, audio_seconds=2.0)
        assert store.state(rid).external_id
        with pytest.raises(EmptyTranscript):
            await transcribe(rid, silence, store, chosen, audio_seconds=2.0)
    assert el.billed_count(silence) == 1
    assert store.billed_twice() == 0
