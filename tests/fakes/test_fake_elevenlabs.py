"""The FAKE ElevenLabs speech-to-text over loopback with plain httpx: shapes, errors, limits."""

from __future__ import annotations

import io
import json
import threading
from typing import Any

import httpx
import pytest
import soundfile as sf

from forsell.fakes.fake_elevenlabs import DEFAULT_KEY
from forsell.fakes.script import make_ogg

KEY = {"xi-api-key": DEFAULT_KEY}


def transcribe(
    url: str,
    audio: bytes,
    data: dict[str, Any] | None = None,
    headers: dict[str, str] | None = KEY,
    params: dict[str, str] | None = None,
    timeout: float = 10.0,
) -> httpx.Response:
    fields = {"model_id": "scribe_v2"} if data is None else data
    return httpx.post(
        f"{url}/v1/speech-to-text",
        data=fields,
        headers=headers,
        params=params,
        files={"file": ("rec.ogg", audio, "audio/ogg")},
        timeout=timeout,
    )


def test_a_transcription_has_the_documented_shape(elevenlabs, ogg) -> None:
    _, url = elevenlabs
    r = transcribe(
        url,
        ogg,
        {
            "model_id": "scribe_v2",
            "diarize": "true",
            "num_speakers": "2",
            "timestamps_granularity": "word",
            "tag_audio_events": "false",
        },
    )
    assert r.status_code == 200
    assert r.headers["x-fake"] == "true"
    assert r.headers["maximum-concurrent-requests"] == "10"
    assert r.headers["current-concurrent-requests"] == "1"  # this request itself
    body = r.json()
    assert set(body) == {
        "language_code",
        "language_probability",
        "text",
        "words",
        "transcription_id",
        "audio_duration_secs",
    }
    assert body["language_code"] in {"rus", "kaz"}
    assert 0 < body["language_probability"] <= 1
    assert body["audio_duration_secs"] == pytest.approx(sf.info(io.BytesIO(ogg)).duration, abs=0.01)
    words = body["words"]
    assert {w["type"] for w in words} == {"word", "spacing"}
    assert all(w["logprob"] <= 0 for w in words)
    assert all(0 <= w["start"] <= w["end"] <= body["audio_duration_secs"] for w in words)
    assert [w["start"] for w in words] == sorted(w["start"] for w in words)
    assert {w["speaker_id"] for w in words} == {"speaker_0", "speaker_1"}
    assert "".join(w["text"] for w in words) == body["text"]


def test_same_audio_same_transcript_other_audio_other_times(elevenlabs, ogg, other_ogg) -> None:
    _, url = elevenlabs
    first, again = transcribe(url, ogg).json(), transcribe(url, ogg).json()
    other = transcribe(url, other_ogg).json()
    assert first["words"] == again["words"]
    assert first["transcription_id"] != again["transcription_id"]  # each call is a new job
    assert other["audio_duration_secs"] == pytest.approx(2.0, abs=0.01)
    assert other["words"][-1]["end"] <= 2.0 < first["words"][-1]["end"]


def test_language_hint_picks_the_language(elevenlabs, ogg) -> None:
    _, url = elevenlabs
    kk = transcribe(url, ogg, {"model_id": "scribe_v1", "language_code": "kk"}).json()
    ru = transcribe(url, ogg, {"model_id": "scribe_v1", "language_code": "rus"}).json()
    assert (kk["language_code"], ru["language_code"]) == ("kaz", "rus")
    assert kk["text"] != ru["text"]


def test_auto_language_is_the_store_language_not_a_coin_toss(elevenlabs) -> None:
    fake, url = elevenlabs
    recordings = [make_ogg(2.0, seed=seed) for seed in range(6)]
    assert {transcribe(url, audio).json()["language_code"] for audio in recordings} == {"rus"}
    fake.default_language = "kk"  # a Kazakh-speaking store's demo
    assert {transcribe(url, audio).json()["language_code"] for audio in recordings} == {"kaz"}


def test_without_diarization_one_speaker_and_character_times(elevenlabs, ogg) -> None:
    _, url = elevenlabs
    body = transcribe(
        url, ogg, {"model_id": "scribe_v2", "timestamps_granularity": "character"}
    ).json()
    assert {w["speaker_id"] for w in body["words"]} == {"speaker_0"}
    word = next(w for w in body["words"] if w["type"] == "word")
    assert "".join(c["text"] for c in word["characters"]) == word["text"]
    none = transcribe(url, ogg, {"model_id": "scribe_v2", "timestamps_granularity": "none"})
    assert none.json()["words"] == [] and none.json()["text"]


def test_silence_gives_an_empty_transcript(elevenlabs) -> None:
    _, url = elevenlabs
    body = transcribe(url, make_ogg(1.5, silent=True)).json()
    assert body["text"] == "" and body["words"] == []
    assert body["audio_duration_secs"] == pytest.approx(1.5, abs=0.01)


def test_keyterms_as_json_string_and_as_repeated_fields(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    as_json = transcribe(
        url, ogg, {"model_id": "scribe_v2", "keyterms": json.dumps(["капучино", "бәліш"])}
    )
    repeated = transcribe(url, ogg, {"model_id": "scribe_v2", "keyterms": ["латте", "чай"]})
    assert as_json.status_code == repeated.status_code == 200
    assert [e["keyterms"] for e in fake.stats()["log"]] == [["капучино", "бәліш"], ["латте", "чай"]]
    bad = transcribe(url, ogg, {"model_id": "scribe_v2", "keyterms": json.dumps(["x" * 51])})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "keyterms", 0]


@pytest.mark.parametrize(
    ("data", "loc", "kind"),
    [
        ({}, ["body", "model_id"], "missing"),
        ({"model_id": "whisper-1"}, ["body", "model_id"], "enum"),
        ({"model_id": "scribe_v2", "diarize": "maybe"}, ["body", "diarize"], "bool_parsing"),
        ({"model_id": "scribe_v2", "num_speakers": "40"}, ["body", "num_speakers"], "int_parsing"),
        (
            {"model_id": "scribe_v2", "timestamps_granularity": "ms"},
            ["body", "timestamps_granularity"],
            "enum",
        ),
    ],
)
def test_bad_forms_get_422_with_fastapi_details(elevenlabs, ogg, data, loc, kind) -> None:
    _, url = elevenlabs
    r = transcribe(url, ogg, data)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert {"loc": loc, "type": kind} == {k: detail[0][k] for k in ("loc", "type")}
    assert isinstance(detail[0]["msg"], str) and detail[0]["msg"]


def test_a_missing_file_is_422(elevenlabs) -> None:
    _, url = elevenlabs
    r = httpx.post(f"{url}/v1/speech-to-text", headers=KEY, data={"model_id": "scribe_v2"})
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"loc": ["body", "file"], "msg": "Field required", "type": "missing"}
    ]


def test_undecodable_audio_is_400_and_not_billed(elevenlabs) -> None:
    fake, url = elevenlabs
    r = transcribe(url, b"OggS but not really audio")
    assert r.status_code == 400 and r.json()["detail"]["status"] == "invalid_content"
    assert fake.stats()["billed_requests"] == 0


def test_wrong_or_missing_key_is_401(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    expected = {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}
    for headers in ({"xi-api-key": "wrong"}, {}):
        r = transcribe(url, ogg, headers=headers)
        assert (r.status_code, r.json()) == (401, expected)
    assert fake.stats()["unauthorized"] == 2 and fake.stats()["billed_requests"] == 0


def test_a_single_use_token_works_once(elevenlabs, ogg) -> None:
    _, url = elevenlabs
    minted = httpx.post(f"{url}/v1/single-use-token/batch_scribe", headers=KEY)
    assert minted.status_code == 200
    token = minted.json()["token"]
    assert transcribe(url, ogg, headers={}, params={"token": token}).status_code == 200
    assert transcribe(url, ogg, headers={}, params={"token": token}).status_code == 401
    assert httpx.post(f"{url}/v1/single-use-token/batch_scribe").status_code == 401


def test_an_expired_token_is_refused(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    fake.token_ttl_s = 0.0
    try:
        token = fake.mint_token()
    finally:
        fake.token_ttl_s = 15 * 60
    assert transcribe(url, ogg, headers={}, params={"token": token}).status_code == 401


def test_zero_retention_flag_is_recorded(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    transcribe(url, ogg, params={"enable_logging": "false"})
    assert fake.stats()["log"][0]["enable_logging"] == "false"


def test_get_and_delete_a_transcript(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    body = transcribe(url, ogg).json()
    path = f"{url}/v1/speech-to-text/transcripts/{body['transcription_id']}"
    assert httpx.get(path, headers=KEY).json() == body
    assert httpx.get(path, headers={"xi-api-key": "wrong"}).status_code == 401
    assert httpx.delete(path, headers=KEY).status_code == 200
    gone = httpx.get(path, headers=KEY)
    assert gone.status_code == 404 and gone.json()["detail"]["status"] == "transcript_not_found"
    assert fake.stats()["billed_requests"] == 1  # fetching is not transcribing


def test_billing_is_counted_per_audio(elevenlabs, ogg, other_ogg) -> None:
    fake, url = elevenlabs
    for audio in (ogg, other_ogg, ogg):
        assert transcribe(url, audio).status_code == 200
    stats = httpx.get(f"{url}/_fake/stats").json()
    assert stats["billed_requests"] == 3
    assert list(stats["billed_twice"].values()) == [2]
    assert fake.billed_count(ogg) == 2 and fake.billed_count(other_ogg) == 1
    assert stats["billed_seconds"] == pytest.approx(8.0, abs=0.05)


def test_more_concurrent_requests_than_the_plan_get_429(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    fake.max_concurrent, fake.processing_s = 2, 1.0
    results: list[httpx.Response] = []
    lock = threading.Lock()

    def one() -> None:
        r = transcribe(url, ogg)
        with lock:
            results.append(r)

    threads = [threading.Thread(target=one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200, 200, 429]
    busy = next(r for r in results if r.status_code == 429)
    assert busy.json()["detail"]["status"] == "too_many_concurrent_requests"
    assert busy.headers["current-concurrent-requests"] == "2"
    assert busy.headers["maximum-concurrent-requests"] == "2"
    assert fake.stats()["concurrency_rejections"] == 1
    assert fake.stats()["billed_requests"] == 2


def test_system_busy_429_comes_from_fault_injection(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    fake.faults.add("rate_limit", "POST /v1/speech-to-text", times=1)
    busy = transcribe(url, ogg)
    assert busy.status_code == 429 and "retry-after" not in busy.headers
    assert busy.json()["detail"]["status"] == "system_busy"
    assert transcribe(url, ogg).status_code == 200
    assert fake.stats()["billed_requests"] == 1


def test_commit_then_drop_bills_but_never_answers(elevenlabs, ogg) -> None:
    fake, url = elevenlabs
    fake.faults.add("commit_then_drop", "/v1/speech-to-text", times=1)
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        transcribe(url, ogg)
    assert fake.billed_count(ogg) == 1  # paid, and the client never learnt the id
    assert transcribe(url, ogg).status_code == 200
    assert fake.stats()["billed_twice"] == {fake.stats()["log"][0]["audio_sha256"]: 2}


def test_lenient_mode_accepts_any_bytes(elevenlabs) -> None:
    fake, url = elevenlabs
    fake.accept_any_audio = True
    r = transcribe(url, b"x" * 4000)
    assert r.status_code == 200 and r.json()["audio_duration_secs"] == 2.0
