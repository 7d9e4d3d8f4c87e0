"""Property-based fuzzing of every answer the sync reads: the analytics backend's and the speech
providers'. Whatever comes back — a mutated or truncated body, random bytes, any status, odd
headers, or no answer at all — the client either returns a well-formed result or raises the
``sync.errors`` tree (data the lanes record and retry or dead-letter), never another exception.

Answers come from an ``httpx.MockTransport``, so each example costs microseconds; example counts
are modest so the suite stays fast on two cores.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from forsell.store.models import OutboxJob
from forsell.sync.backend import ACCEPTED, DUPLICATE, REJECTED, BackendClient, Device, Event
from forsell.sync.backoff import RetryPolicy
from forsell.sync.engine import EngineConfig, SyncEngine
from forsell.sync.errors import KEYS, SyncError
from forsell.sync.providers.base import Submitted, Transcript
from forsell.sync.providers.elevenlabs import ElevenLabsConfig, ElevenLabsScribe
from forsell.sync.providers.yandex import YandexConfig, YandexSpeechKit, parse_recognition

from .sync_fixtures import MemoryTokens, add_jobs, database

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# --- what an answer can be ---------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """``value`` (a valid answer) with parts dropped, retyped or replaced by random JSON."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(json_values)
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            fate = draw(st.integers(0, 5))
            if fate == 0:
                continue  # dropped
            out[key] = draw(mutated(item, depth + 1)) if fate < 5 else draw(json_values)
        if draw(st.booleans()):
            out.update(draw(st.dictionaries(st.text(max_size=6), json_values, max_size=2)))
        return out
    if isinstance(value, list):
        items = [draw(mutated(item, depth + 1)) for item in value]
        if draw(st.booleans()):
            items += draw(st.lists(json_values, max_size=2))
        return items
    if choice == 1:
        return draw(json_scalars)
    return value


STATUSES = st.sampled_from(
    [200, 200, 200, 201, 202, 204, 301, 302, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 503]
) | st.integers(100, 599)
CONTENT_TYPES = st.sampled_from(
    ["application/json", "application/json", "text/html; charset=utf-8", "text/plain", ""]
)
RETRY_AFTER = st.sampled_from(
    [None, "5", "0", "-3", "abc", "1e309", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT"]
)


@st.composite
def answers(draw: st.DrawFn, valid: Any) -> httpx.Response | Exception:
    """One answer: usually a mutated valid body, sometimes bytes, truncated JSON or no answer."""
    kind = draw(st.integers(0, 11))
    if kind == 0:  # no answer at all
        exc = draw(
            st.sampled_from(
                [
                    httpx.ConnectError,
                    httpx.ReadTimeout,
                    httpx.ReadError,
                    httpx.RemoteProtocolError,
                    httpx.WriteError,
                    httpx.PoolTimeout,
                ]
            )
        )
        return exc("fuzz")
    status = 200 if kind <= 6 else draw(STATUSES)
    if kind == 1:
        body = draw(st.binary(max_size=64))
    elif kind == 2:
        text = json.dumps(draw(mutated(valid)))
        body = text[: draw(st.integers(0, len(text)))].encode()
    else:
        body = json.dumps(draw(mutated(valid)), ensure_ascii=draw(st.booleans())).encode()
    headers = {}
    ctype = draw(CONTENT_TYPES)
    if ctype:
        headers["content-type"] = ctype
    wait = draw(RETRY_AFTER)
    if wait is not None:
        headers["retry-after"] = wait
    return httpx.Response(status, content=body, headers=headers)


def transport(by_path: Callable[[str], httpx.Response | Exception]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        answer = by_path(request.url.path)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return httpx.MockTransport(handle)


def outcome(call: Callable[[httpx.AsyncClient], Any], mock: httpx.MockTransport) -> Any:
    """Runs ``call(client)``; a SyncError comes back as the value (it is data to the lanes)."""

    async def run() -> Any:
        async with httpx.AsyncClient(transport=mock) as client:
            try:
                return await call(client)
            except SyncError as error:
                return error

    return asyncio.run(run())


def assert_clear(error: SyncError) -> None:
    assert error.key in KEYS and isinstance(error.detail, str) and len(error.detail) <= 500


# --- the analytics backend ---------------------------------------------------------------------

DEVICE = Device("0190a000-0000-7000-8000-000000000001", "123456789012", "Касса 1", "test")
EVENTS = [Event(f"e{i}", "sale", f"s{i}", "2026-01-01T00:00:00+00:00", {"n": i}) for i in range(3)]
VALID_BATCH = {
    "results": [
        {"id": "e0", "status": ACCEPTED},
        {"id": "e1", "status": DUPLICATE},
        {"id": "e2", "status": REJECTED, "reason": "bad"},
    ]
}


def backend(client: httpx.AsyncClient) -> BackendClient:
    return BackendClient(client, "http://backend.test", lambda: "token")


@FUZZ
@given(answer=answers(VALID_BATCH))
# Found by this test: a result without an id raised KeyError out of the lane.
@example(answer=httpx.Response(200, json={"results": [{"status": ACCEPTED}]}))
@example(answer=httpx.Response(200, json={"results": [{"id": 7, "status": ACCEPTED}]}))
def test_an_events_batch_answer_is_a_result_per_event_or_a_clear_error(answer) -> None:
    got = outcome(
        lambda c: backend(c).send_events(DEVICE.device_id, EVENTS), transport(lambda _: answer)
    )
    if isinstance(got, SyncError):
        assert_clear(got)
        return
    # Nothing lost: exactly one result per event sent, in order, each with a known status.
    assert [r.id for r in got] == [e.id for e in EVENTS]
    assert all(r.status in (ACCEPTED, DUPLICATE, REJECTED) for r in got)


@FUZZ
@given(answer=answers({"token": "device-token"}))
def test_a_registration_answer_is_a_token_or_a_clear_error(answer) -> None:
    got = outcome(lambda c: backend(c).register(DEVICE), transport(lambda _: answer))
    if isinstance(got, SyncError):
        assert_clear(got)
    else:
        assert isinstance(got, str) and got


@FUZZ
@given(answer=answers({"items": [{"id": "p1", "name": "Латте"}], "cursor": "c2", "more": True}))
def test_a_pull_answer_is_a_page_or_a_clear_error(answer) -> None:
    got = outcome(lambda c: backend(c).pull("catalog", "c1"), transport(lambda _: answer))
    if isinstance(got, SyncError):
        assert_clear(got)
    else:
        assert isinstance(got.items, list) and isinstance(got.more, bool)


# --- the speech providers ----------------------------------------------------------------------

ELEVENLABS_ANSWER = {
    "transcription_id": "tr1",
    "language_code": "kk",
    "language_probability": 0.9,
    "text": "Сәлеметсіз бе, латте бар ма?",
    "audio_duration_secs": 2.5,
    "words": [
        {
            "text": "Сәлеметсіз",
            "start": 0.1,
            "end": 0.6,
            "type": "word",
            "speaker_id": "speaker_0",
            "logprob": -0.2,
        },
        {"text": " ", "start": 0.6, "end": 0.7, "type": "spacing", "speaker_id": "speaker_0"},
        {
            "text": "бе",
            "start": 0.7,
            "end": 0.9,
            "type": "word",
            "speaker_id": "speaker_1",
            "logprob": 0.0,
        },
    ],
}


def assert_transcript(got: Any) -> None:
    assert isinstance(got, Transcript)
    assert isinstance(got.text, str) and all(isinstance(w.text, str) for w in got.words)
    assert all(isinstance(w.start, float) and isinstance(w.end, float) for w in got.words)
    assert isinstance(got.audio_seconds, float)
    assert got.confidence is None or 0.0 <= got.confidence <= 1.0


def scribe(client: httpx.AsyncClient) -> ElevenLabsScribe:
    return ElevenLabsScribe(client, ElevenLabsConfig(base_url="http://el.test"), api_key="k")


@FUZZ
@given(answer=answers(ELEVENLABS_ANSWER), fetch=st.booleans())
def test_an_elevenlabs_answer_is_a_transcript_or_a_clear_error(answer, fetch: bool) -> None:
    async def call(client: httpx.AsyncClient) -> Any:
        if fetch:
            return await scribe(client).fetch("tr1")
        return await scribe(client).submit(b"OggS", "audio/ogg", "kk", [], idempotency_key="r1")

    got = outcome(call, transport(lambda _: answer))
    if isinstance(got, SyncError):
        assert_clear(got)
    elif isinstance(got, Submitted):
        assert got.transcript is not None
        assert_transcript(got.transcript)
    else:
        assert_transcript(got)


YANDEX_OPERATION = {"id": "op1", "done": True, "response": {}}
YANDEX_STREAM = [
    {
        "channelTag": "0",
        "audioCursors": {"finalIndex": "0"},
        "final": {
            "channelTag": "0",
            "alternatives": [
                {
                    "text": "латте пожалуйста",
                    "startTimeMs": "100",
                    "endTimeMs": "1500",
                    "words": [
                        {"text": "латте", "startTimeMs": "100", "endTimeMs": "600"},
                        {"text": "пожалуйста", "startTimeMs": "700", "endTimeMs": "1500"},
                    ],
                    "languages": [{"languageCode": "ru-RU", "probability": 0.9}],
                }
            ],
        },
    },
    {
        "channelTag": "0",
        "finalRefinement": {
            "finalIndex": "0",
            "normalizedText": {
                "alternatives": [{"text": "Латте, пожалуйста.", "startTimeMs": "100"}]
            },
        },
    },
]


@st.composite
def recognition_streams(draw: st.DrawFn) -> bytes:
    items = [draw(mutated({"result": item})) for item in YANDEX_STREAM]
    array = draw(st.booleans())  # the array form, or one object a line
    text = json.dumps(items) if array else "\n".join(json.dumps(i) for i in items)
    if draw(st.integers(0, 4)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode()


@FUZZ
@given(body=recognition_streams() | st.binary(max_size=64), html=st.booleans())
# Found by this test: each raised TypeError, KeyError or AttributeError out of the lane.
@example(body=b'[null, {"result": null}]', html=False)
@example(body=b'{"result": {"final": {"alternatives": true}}}', html=False)
@example(body=b'{"result": {"final": {"alternatives": {"0": {}}}}}', html=False)
@example(body=b'[{"result": {"final": {"alternatives": [{"text": "a", "words": 1}]}}}]', html=False)
@example(body=b'{"final": {"alternatives": [{"text": "a", "startTimeMs": 1e999}]}}', html=False)
def test_a_yandex_recognition_stream_is_a_transcript_or_a_clear_error(body: bytes, html) -> None:
    try:
        got = parse_recognition(body, "op1", html)
    except SyncError as error:
        assert_clear(error)
    else:
        assert_transcript(got)


@FUZZ
@given(
    operation=answers(YANDEX_OPERATION),
    recognition=answers(YANDEX_STREAM[0]),
    fetch=st.booleans(),
)
def test_a_yandex_answer_is_an_operation_a_transcript_or_a_clear_error(
    operation, recognition, fetch: bool
) -> None:
    def by_path(path: str) -> httpx.Response | Exception:
        return recognition if path.endswith("getRecognition") else operation

    async def call(client: httpx.AsyncClient) -> Any:
        kit = YandexSpeechKit(
            client,
            YandexConfig(stt_url="http://stt.test", operations_url="http://ops.test"),
            api_key="k",
        )
        if fetch:
            return await kit.fetch("op1")
        return await kit.submit(b"OggS", "audio/ogg", "ru", [], idempotency_key="r1")

    got = outcome(call, transport(by_path))
    if isinstance(got, SyncError):
        assert_clear(got)
    elif isinstance(got, Submitted):
        assert isinstance(got.external_id, str) and got.external_id and got.transcript is None
    elif got is not None:  # None: still being recognised
        assert_transcript(got)


# --- the business lane, end to end: nothing lost, every failure recorded ------------------------


@pytest.fixture(scope="module")
def till_db(tmp_path_factory: pytest.TempPathFactory):
    db = database(tmp_path_factory.mktemp("fuzz"))  # one database: migrations run once
    yield db
    db.dispose()


LANE_FUZZ = EngineConfig(
    backend_concurrency=2,
    lease_s=30.0,
    idle_poll_s=0.02,
    probe_min_s=0.01,
    probe_max_s=0.02,
    timeout=httpx.Timeout(2.0),
    business=RetryPolicy(base_s=0.01, cap_s=0.02),
)


#: The backend's answer to a batch, with "@k" standing for the k-th event id of the request (the
#: answers are drawn before the run; which events a request carries depends on timing).
BATCH_TEMPLATE = {"results": [{"id": f"@{k}", "status": ACCEPTED} for k in range(5)]}


def for_request(answer: httpx.Response | Exception, ids: list[str]) -> httpx.Response:
    if isinstance(answer, Exception):
        raise answer
    body = answer.content
    for k in range(5):
        real = ids[k] if k < len(ids) else f"not-sent-{k}"
        body = body.replace(f'"@{k}"'.encode(), json.dumps(real).encode())
    headers = {k: v for k, v in answer.headers.items() if k.lower() != "content-length"}
    return httpx.Response(answer.status_code, content=body, headers=headers)


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(bad=st.lists(answers(BATCH_TEMPLATE), min_size=1, max_size=3))
def test_the_business_lane_loses_nothing_whatever_the_backend_answers(
    till_db, bad: list[httpx.Response | Exception]
) -> None:
    with till_db.write() as session:
        session.execute(delete(OutboxJob))
    add_jobs(till_db, 5)
    answered = 0

    def backend_answer(request: httpx.Request) -> httpx.Response:
        nonlocal answered
        if request.url.path != "/v1/events:batch":
            return httpx.Response(200, json={"status": "ok"})  # the health probe
        ids = [e["id"] for e in json.loads(request.content)["events"]]
        answered += 1
        if answered > len(bad):  # the backend has recovered
            return httpx.Response(
                200, json={"results": [{"id": i, "status": ACCEPTED} for i in ids]}
            )
        return for_request(bad[answered - 1], ids)

    engine = SyncEngine(
        till_db,
        backend_url="http://backend.test",
        device=DEVICE,
        tokens=MemoryTokens("token"),
        config=LANE_FUZZ,
        transport=httpx.MockTransport(backend_answer),
    )
    status = engine.run_once(timeout=2.0)
    with till_db.read() as session:
        rows = session.scalars(select(OutboxJob)).all()
    assert len(rows) == 5  # nothing lost
    assert {r.state for r in rows} <= {"done", "dead", "failed", "pending"}, rows
    for row in rows:
        if row.state in ("dead", "failed"):  # a dead letter, or a retry scheduled: says why
            assert row.error_key in KEYS and row.last_error
        elif row.state == "pending":  # given back untried (offline, the token refused)
            assert status.business.last_error_key in KEYS, status.business
