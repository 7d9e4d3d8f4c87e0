"""The FAKE Yandex SpeechKit v3 async API and operations service over loopback with httpx."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from forsell.fakes.fake_yandex import DEFAULT_FOLDER, DEFAULT_IAM, DEFAULT_KEY
from forsell.fakes.script import make_ogg

API_KEY = {"Authorization": f"Api-Key {DEFAULT_KEY}"}


def request_body(
    audio: bytes,
    languages: list[str] | None = None,
    normalization: str = "TEXT_NORMALIZATION_ENABLED",
) -> dict[str, Any]:
    return {
        "content": base64.b64encode(audio).decode(),
        "recognitionModel": {
            "model": "general",
            "audioFormat": {"containerAudio": {"containerAudioType": "OGG_OPUS"}},
            "textNormalization": {"textNormalization": normalization},
            "languageRestriction": {
                "restrictionType": "WHITELIST",
                "languageCode": languages or ["ru-RU", "kk-KZ"],
            },
        },
        "speakerLabeling": {"speakerLabeling": "SPEAKER_LABELING_ENABLED"},
    }


def submit(url: str, body: dict[str, Any], headers: dict[str, str] = API_KEY) -> httpx.Response:
    return httpx.post(f"{url}/stt/v3/recognizeFileAsync", json=body, headers=headers)


def lines(response: httpx.Response) -> list[dict[str, Any]]:
    return [json.loads(line) for line in response.text.splitlines() if line.strip()]


def test_operation_lifecycle_and_recognition_stream(yandex, ogg) -> None:
    fake, url = yandex
    fake.polls_until_done = 2
    op = submit(url, request_body(ogg, ["ru-RU"]))
    assert op.status_code == 200 and op.headers["x-fake"] == "true"
    assert op.json()["done"] is False
    assert {"id", "description", "createdAt", "createdBy", "modifiedAt", "done"} <= set(op.json())
    op_id = op.json()["id"]
    early = httpx.get(
        f"{url}/stt/v3/getRecognition", params={"operationId": op_id}, headers=API_KEY
    )
    assert early.status_code == 400 and early.json()["code"] == 9
    polled = [
        httpx.get(f"{url}/operations/{op_id}", headers=API_KEY).json()["done"] for _ in range(3)
    ]
    assert polled == [False, False, True]
    stream = httpx.get(
        f"{url}/stt/v3/getRecognition", params={"operationId": op_id}, headers=API_KEY
    )
    assert stream.status_code == 200
    results = [x["result"] for x in lines(stream)]
    finals = [r["final"] for r in results if "final" in r]
    refined = [r["finalRefinement"] for r in results if "finalRefinement" in r]
    assert finals and len(finals) == len(refined)
    assert all(r["channelTag"] == "0" for r in results)
    alternative = finals[0]["alternatives"][0]
    word = alternative["words"][0]
    assert isinstance(word["startTimeMs"], str) and int(word["startTimeMs"]) < int(
        word["endTimeMs"]
    )
    assert alternative["languages"][0]["languageCode"] == "ru-RU"
    assert alternative["text"] == alternative["text"].lower()  # raw: no normalisation
    normalised = refined[0]["normalizedText"]["alternatives"][0]["text"]
    assert normalised[0].isupper()
    ends = [int(f["alternatives"][0]["endTimeMs"]) for f in finals]
    assert ends == sorted(ends) and ends[-1] <= 3000
    assert [r["finalIndex"] for r in refined] == [str(i) for i in range(len(refined))]


def test_snake_case_request_bearer_token_and_operation_id_param(yandex, ogg) -> None:
    _, url = yandex
    body = {
        "content": base64.b64encode(ogg).decode(),
        "recognition_model": {
            "model": "general",
            "audio_format": {"container_audio": {"container_audio_type": "OGG_OPUS"}},
            "language_restriction": {"restriction_type": "WHITELIST", "language_code": ["kk-KK"]},
            "text_normalization": {"text_normalization": "TEXT_NORMALIZATION_DISABLED"},
        },
    }
    bearer = {"Authorization": f"Bearer {DEFAULT_IAM}", "x-folder-id": DEFAULT_FOLDER}
    op_id = submit(url, body, bearer).json()["id"]
    assert httpx.get(f"{url}/operations/{op_id}", headers=bearer).json()["done"] is False
    assert httpx.get(f"{url}/operations/{op_id}", headers=bearer).json()["done"] is True
    stream = httpx.get(
        f"{url}/stt/v3/getRecognition", params={"operation_id": op_id}, headers=bearer
    )
    results = [x["result"] for x in lines(stream)]
    assert not any("finalRefinement" in r for r in results)  # normalisation was disabled
    language = results[0]["final"]["alternatives"][0]["languages"][0]["languageCode"]
    assert language == "kk-KZ"


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Api-Key wrong"},
        {"Authorization": "Bearer wrong"},
        {},
        {"Authorization": DEFAULT_KEY},
    ],
)
def test_bad_credentials_are_401_grpc_style(yandex, ogg, headers) -> None:
    _, url = yandex
    r = submit(url, request_body(ogg), headers)
    assert r.status_code == 401
    assert r.json()["code"] == 16 and r.json()["message"]
    assert httpx.get(f"{url}/operations/x", headers=headers).status_code == 401


def test_other_folder_is_403(yandex, ogg) -> None:
    _, url = yandex
    r = submit(url, request_body(ogg), {**API_KEY, "x-folder-id": "someone-else"})
    assert (r.status_code, r.json()["code"]) == (403, 7)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda b: b.pop("content"), "content or uri"),
        (lambda b: b.update(uri="https://storage.yandexcloud.net/b/a.ogg"), "content or uri"),
        (lambda b: b["recognitionModel"].pop("audioFormat"), "audio_format"),
        (
            lambda b: b["recognitionModel"]["audioFormat"]["containerAudio"].update(
                containerAudioType="AAC"
            ),
            "container_audio_type",
        ),
        (
            lambda b: b["recognitionModel"]["languageRestriction"].update(languageCode=["xx-XX"]),
            "language_code",
        ),
        (lambda b: b.update(content="***not base64***"), "base64"),
    ],
)
def test_bad_requests_are_400_invalid_argument(yandex, ogg, mutate, fragment) -> None:
    _, url = yandex
    body = request_body(ogg)
    mutate(body)
    r = submit(url, body)
    assert r.status_code == 400 and r.json()["code"] == 3
    assert fragment in r.json()["message"]


def test_invalid_json_is_400(yandex) -> None:
    _, url = yandex
    r = httpx.post(
        f"{url}/stt/v3/recognizeFileAsync",
        content=b"{not json",
        headers={**API_KEY, "content-type": "application/json"},
    )
    assert (r.status_code, r.json()["code"]) == (400, 3)


def test_size_and_duration_limits(yandex, ogg) -> None:
    fake, url = yandex
    fake.max_bytes = len(ogg) - 1
    too_big = submit(url, request_body(ogg))
    assert too_big.status_code == 400 and "1 GB" in too_big.json()["message"]
    fake.max_bytes, fake.max_seconds = 1 << 30, 2.5
    too_long = submit(url, request_body(ogg))
    assert too_long.status_code == 400 and "4 hours" in too_long.json()["message"]
    assert fake.stats()["billed_requests"] == 0


def test_undecodable_audio_fails_the_operation(yandex) -> None:
    _, url = yandex
    op_id = submit(url, request_body(b"not audio at all")).json()["id"]
    httpx.get(f"{url}/operations/{op_id}", headers=API_KEY)
    done = httpx.get(f"{url}/operations/{op_id}", headers=API_KEY).json()
    assert done["done"] is True and done["error"]["code"] == 3
    r = httpx.get(f"{url}/stt/v3/getRecognition", params={"operationId": op_id}, headers=API_KEY)
    assert r.status_code == 400


def test_unknown_operation_is_404(yandex) -> None:
    _, url = yandex
    assert httpx.get(f"{url}/operations/nope", headers=API_KEY).json()["code"] == 5
    r = httpx.get(f"{url}/stt/v3/getRecognition", params={"operationId": "nope"}, headers=API_KEY)
    assert (r.status_code, r.json()["code"]) == (404, 5)


def test_silence_streams_nothing(yandex) -> None:
    _, url = yandex
    op_id = submit(url, request_body(make_ogg(1.0, silent=True))).json()["id"]
    for _ in range(2):
        httpx.get(f"{url}/operations/{op_id}", headers=API_KEY)
    r = httpx.get(f"{url}/stt/v3/getRecognition", params={"operationId": op_id}, headers=API_KEY)
    assert r.status_code == 200 and lines(r) == []


def test_billing_per_audio_and_stats(yandex, ogg) -> None:
    fake, url = yandex
    submit(url, request_body(ogg))
    submit(url, request_body(ogg))
    stats = httpx.get(f"{url}/_fake/stats").json()
    assert stats["billed_requests"] == 2 and list(stats["billed_twice"].values()) == [2]
    assert fake.billed_count(ogg) == 2


def test_faults_apply_to_both_hosts_routes(yandex, ogg) -> None:
    fake, url = yandex
    op_id = submit(url, request_body(ogg)).json()["id"]
    fake.faults.add("error", "GET /operations/*", status=503, times=1)
    unavailable = httpx.get(f"{url}/operations/{op_id}", headers=API_KEY)
    assert (unavailable.status_code, unavailable.json()["code"]) == (503, 14)
    fake.faults.add("rate_limit", "/stt/v3/*", retry_after=2, times=1)
    limited = submit(url, request_body(ogg))
    assert limited.status_code == 429 and limited.headers["retry-after"] == "2"
    assert limited.json()["code"] == 8
