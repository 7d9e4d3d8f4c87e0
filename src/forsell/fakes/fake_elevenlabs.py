"""FAKE ElevenLabs Speech-to-Text (Scribe) batch API — it recognises nothing.

Behaves like the documented service (docs/providers.md) so that our client can be tested against it:

* ``POST /v1/speech-to-text`` multipart: ``model_id`` (``scribe_v1``/``scribe_v2``) and ``file``
  required; ``language_code``, ``diarize``, ``num_speakers``, ``timestamps_granularity``,
  ``tag_audio_events``, ``keyterms`` (a JSON-encoded list or repeated fields), ``webhook``;
  booleans as ``true``/``false``; query ``enable_logging``. Auth: ``xi-api-key`` header or a
  single-use ``?token=`` from ``POST /v1/single-use-token/batch_scribe``. Wrong key → 401
  ``{"detail":{"status":"invalid_api_key",…}}``; bad form → 422 ``{"detail":[{loc,msg,type}]}``;
  more requests in flight than ``max_concurrent`` → 429 ``too_many_concurrent_requests``; every
  answer of that route carries ``current-concurrent-requests``/``maximum-concurrent-requests``.
* ``GET``/``DELETE /v1/speech-to-text/transcripts/{id}``: DELETE answers 200
  ``{"message": …}`` and forgets the transcript (``stats()["deleted"]`` lists the ids), 404
  ``transcript_not_found`` for an id it does not hold, 401 for a wrong key.
* 200 body: ``language_code`` (ISO-639-3 ``rus``/``kaz``, as observed in practice),
  ``language_probability``, ``text``, ``words[]`` (word and spacing entries with ``logprob`` ≤ 0,
  ``start``/``end`` in seconds, ``speaker_id``), ``transcription_id``, ``audio_duration_secs``
  (the real duration of the upload, read with soundfile).

The transcript is a SCRIPTED dialogue chosen by a hash of the audio (:mod:`.script`); responses
say so with ``x-fake: true``. Billed requests are counted per audio hash, so tests can see a
transcription paid for twice (``/_fake/stats``). Not modelled: ``cloud_storage_url``,
multichannel, entity detection, speaker roles, webhook delivery.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import secrets
import threading
import time
from collections import Counter
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .common import control_routes, parse_bool, validation_error
from .faults import Faults, FaultyApp
from .script import (
    LANGUAGE_CODES,
    AudioError,
    Heard,
    LanguageSource,
    audio_sha256,
    current_language,
    hear,
    probe,
)

DEFAULT_KEY = "fake-elevenlabs-key"
MODELS = ("scribe_v1", "scribe_v2")
GRANULARITIES = ("none", "word", "character")
LANGUAGES = {"ru", "rus", "kk", "kaz", "en", "eng"}
MAX_KEYTERMS = 1000
MAX_KEYTERM_CHARS = 50
LOG_LIMIT = 1000


def _detail(status: str, message: str) -> dict[str, Any]:
    return {"detail": {"status": status, "message": message}}


class FakeElevenLabs:
    """The fake service; ``.app`` is the ASGI app, ``.faults`` its fault rules."""

    def __init__(
        self,
        api_keys: tuple[str, ...] | list[str] = (DEFAULT_KEY,),
        *,
        max_concurrent: int = 10,
        processing_s: float = 0.0,
        seed: int = 0,
        token_ttl_s: float = 15 * 60,
        accept_any_audio: bool = False,
        default_language: LanguageSource = "ru",
    ) -> None:
        self.api_keys = set(api_keys)
        #: The language of the scripted dialogue when a request names none ("auto"): a code, or
        #: a function answering the store's language at each request (the demo till's).
        self.default_language = default_language
        self.max_concurrent = max_concurrent
        self.processing_s = processing_s  # simulated transcription time, inside the slot
        self.token_ttl_s = token_ttl_s
        self.accept_any_audio = accept_any_audio  # undecodable audio: guess 16 kbit/s, not 400
        self.faults = Faults(seed=seed)
        self._lock = threading.Lock()
        self.reset()
        routes = [
            Route("/v1/speech-to-text", self._transcribe, methods=["POST"]),
            Route(
                "/v1/speech-to-text/transcripts/{transcription_id}",
                self._transcript,
                methods=["GET", "DELETE"],
            ),
            Route("/v1/single-use-token/{token_type}", self._mint_token, methods=["POST"]),
            *control_routes(self.stats, self.faults, self.reset),
        ]
        self.app = FaultyApp(
            Starlette(routes=routes),
            self.faults,
            error_body=lambda status: _detail("internal_server_error", "FAKE server error"),
            rate_limit_body=lambda: _detail(
                "system_busy", "The system is busy, please retry later"
            ),
        )

    # --- state ------------------------------------------------------------------------------

    def reset(self) -> None:
        with self._lock:
            self._in_flight = 0
            self._max_in_flight = 0
            self._transcripts: dict[str, dict[str, Any]] = {}
            self._billed: Counter[str] = Counter()
            self._billed_seconds = 0.0
            self._tokens: dict[str, float] = {}
            self._counts: Counter[str] = Counter()
            self._log: list[dict[str, Any]] = []
            self._deleted: list[str] = []  # transcription ids deleted by DELETE, in order
        self.faults.clear()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "fake": "elevenlabs",
                "requests": self._counts["requests"],
                "billed_requests": sum(self._billed.values()),
                "billed_seconds": round(self._billed_seconds, 3),
                "billed_by_audio": dict(self._billed),
                "billed_twice": {h: n for h, n in self._billed.items() if n > 1},
                "transcripts": len(self._transcripts),
                "deleted": list(self._deleted),
                "in_flight": self._in_flight,
                "max_in_flight_seen": self._max_in_flight,
                "concurrency_rejections": self._counts["concurrency_rejections"],
                "unauthorized": self._counts["unauthorized"],
                "tokens_issued": self._counts["tokens_issued"],
                "faults": self.faults.snapshot(),
                "log": list(self._log),
            }

    def billed_count(self, audio: bytes) -> int:
        """How many times this exact audio was transcribed (paid for)."""
        with self._lock:
            return self._billed[audio_sha256(audio)]

    def mint_token(self) -> str:
        """A single-use token, as our backend would mint one for a shop PC."""
        token = "sutkn_" + secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = time.monotonic() + self.token_ttl_s
            self._counts["tokens_issued"] += 1
        return token

    # --- auth -------------------------------------------------------------------------------

    def _authorised(self, request: Request, allow_token: bool) -> bool:
        key = request.headers.get("xi-api-key")
        if key is not None:
            return key in self.api_keys
        token = request.query_params.get("token")
        if allow_token and token:
            with self._lock:
                expires = self._tokens.pop(token, None)  # single use: gone on first sight
            return expires is not None and expires > time.monotonic()
        return False

    def _unauthorised(self) -> JSONResponse:
        with self._lock:
            self._counts["unauthorized"] += 1
        return JSONResponse(_detail("invalid_api_key", "Invalid API key"), status_code=401)

    def _concurrency_headers(self) -> dict[str, str]:
        with self._lock:
            current = self._in_flight
        return {
            "current-concurrent-requests": str(current),
            "maximum-concurrent-requests": str(self.max_concurrent),
        }

    # --- routes -----------------------------------------------------------------------------

    async def _mint_token(self, request: Request) -> Response:
        await request.body()
        if not self._authorised(request, allow_token=False):
            return self._unauthorised()
        if request.path_params["token_type"] not in ("batch_scribe", "realtime_scribe"):
            return validation_error(
                (
                    ["path", "token_type"],
                    "Input should be 'realtime_scribe' or 'batch_scribe'",
                    "enum",
                )
            )
        return JSONResponse({"token": self.mint_token()})

    async def _transcribe(self, request: Request) -> Response:
        with self._lock:
            self._counts["requests"] += 1
        if not self._authorised(request, allow_token=True):
            await request.body()  # read the upload, so the client is not cut off mid-send
            return self._unauthorised()
        with self._lock:
            busy = self._in_flight >= self.max_concurrent
            if busy:
                self._counts["concurrency_rejections"] += 1
            else:
                self._in_flight += 1
                self._max_in_flight = max(self._max_in_flight, self._in_flight)
        if busy:
            await request.body()
            return JSONResponse(
                _detail(
                    "too_many_concurrent_requests",
                    f"Too many concurrent requests; your plan allows {self.max_concurrent}",
                ),
                status_code=429,
                headers=self._concurrency_headers(),
            )
        try:
            response = await self._transcribe_slot(request)
            response.headers.update(self._concurrency_headers())
            return response
        finally:
            with self._lock:
                self._in_flight -= 1

    async def _transcribe_slot(self, request: Request) -> Response:
        async with request.form(max_files=10, max_fields=MAX_KEYTERMS + 50) as form:
            return await self._transcribe_form(request, form)

    async def _transcribe_form(self, request: Request, form: Any) -> Response:
        options, problems = _read_form(form)
        upload = form.get("file")
        if upload is None:
            if form.get("cloud_storage_url") or form.get("source_url"):
                return JSONResponse(
                    _detail("invalid_request", "the FAKE cannot fetch URLs"), status_code=400
                )
            problems.append((["body", "file"], "Field required", "missing"))
        elif not isinstance(upload, UploadFile):
            problems.append(
                (["body", "file"], "Expected UploadFile, received: <class 'str'>", "value_error")
            )
        if problems:
            return validation_error(*problems)
        assert isinstance(upload, UploadFile)
        audio = await upload.read()
        try:
            duration, silent = await run_in_threadpool(probe, audio)
        except AudioError as exc:
            if not self.accept_any_audio:
                return JSONResponse(_detail("invalid_content", str(exc)), status_code=400)
            duration, silent = len(audio) / 2000, False
        if self.processing_s > 0:
            await asyncio.sleep(self.processing_s)
        heard = hear(
            audio,
            options["language_code"],
            duration_s=duration,
            silent=silent,
            default_language=current_language(self.default_language),
        )
        body = self._commit(heard, options, request.query_params.get("enable_logging"))
        if options["webhook"]:
            return JSONResponse(
                {
                    "message": "Request accepted; the result goes to your webhooks",
                    "request_id": body["transcription_id"],
                    "transcription_id": body["transcription_id"],
                },
                status_code=202,
            )
        return JSONResponse(body)

    def _commit(
        self, heard: Heard, options: dict[str, Any], enable_logging: str | None
    ) -> dict[str, Any]:
        """Bills the transcription and keeps it for GET (the effect "commit_then_drop" keeps)."""
        with self._lock:
            self._billed[heard.sha256] += 1
            self._billed_seconds += heard.duration_s
            n = self._billed[heard.sha256]
            tid = hashlib.sha256(f"{heard.sha256}:{n}".encode()).hexdigest()[:20]
            body = _response_body(heard, options, tid)
            self._transcripts[tid] = body
            self._log.append(
                {
                    "transcription_id": tid,
                    "audio_sha256": heard.sha256,
                    "enable_logging": enable_logging,
                    **options,
                }
            )
            del self._log[:-LOG_LIMIT]
        return body

    async def _transcript(self, request: Request) -> Response:
        if not self._authorised(request, allow_token=False):
            return self._unauthorised()
        tid = request.path_params["transcription_id"]
        with self._lock:
            body = (
                self._transcripts.pop(tid, None)
                if request.method == "DELETE"
                else self._transcripts.get(tid)
            )
        if body is None:
            return JSONResponse(
                _detail("transcript_not_found", "Transcript not found"), status_code=404
            )
        if request.method == "DELETE":
            with self._lock:
                self._deleted.append(tid)
            return JSONResponse({"message": "Transcript deleted"})
        return JSONResponse(body)


def _read_form(form: Any) -> tuple[dict[str, Any], list[tuple[list[Any], str, str]]]:
    """The options of a transcription request and every validation problem, FastAPI-style."""
    problems: list[tuple[list[Any], str, str]] = []
    model = form.get("model_id")
    if model is None:
        problems.append((["body", "model_id"], "Field required", "missing"))
    elif model not in MODELS:
        problems.append(
            (["body", "model_id"], "Input should be 'scribe_v1' or 'scribe_v2'", "enum")
        )
    options: dict[str, Any] = {"model_id": model}
    for name, default in (("diarize", False), ("tag_audio_events", True), ("webhook", False)):
        raw = form.get(name)
        value = default if raw is None else parse_bool(str(raw))
        if value is None:
            problems.append(
                (
                    ["body", name],
                    "Input should be a valid boolean, unable to interpret input",
                    "bool_parsing",
                )
            )
        options[name] = value
    language = form.get("language_code")
    if language is not None and str(language).lower() not in LANGUAGES:
        problems.append((["body", "language_code"], "Unsupported language code", "value_error"))
    options["language_code"] = language
    granularity = form.get("timestamps_granularity", "word")
    if granularity not in GRANULARITIES:
        problems.append(
            (
                ["body", "timestamps_granularity"],
                "Input should be 'none', 'word' or 'character'",
                "enum",
            )
        )
    options["timestamps_granularity"] = granularity
    speakers = form.get("num_speakers")
    options["num_speakers"] = None
    if speakers is not None:
        try:
            options["num_speakers"] = int(speakers)
            if not 1 <= options["num_speakers"] <= 32:
                raise ValueError
        except ValueError:
            problems.append(
                (["body", "num_speakers"], "Input should be an integer from 1 to 32", "int_parsing")
            )
    options["keyterms"] = _keyterms(form.getlist("keyterms"), problems)
    return options, problems


def _keyterms(values: list[Any], problems: list[tuple[list[Any], str, str]]) -> list[str]:
    """Newer SDKs send one JSON-encoded list; older ones repeat the field. Both are accepted."""
    terms: list[Any] = [str(v) for v in values]
    if len(terms) == 1 and terms[0].lstrip().startswith("["):
        try:
            terms = json.loads(terms[0])
        except ValueError:
            problems.append((["body", "keyterms"], "Invalid JSON", "json_invalid"))
            return []
        if not isinstance(terms, list):
            problems.append((["body", "keyterms"], "Input should be a valid list", "list_type"))
            return []
    if len(terms) > MAX_KEYTERMS:
        problems.append((["body", "keyterms"], f"At most {MAX_KEYTERMS} keyterms", "too_long"))
    for i, term in enumerate(terms):
        if not isinstance(term, str) or not 0 < len(term) <= MAX_KEYTERM_CHARS:
            problems.append(
                (
                    ["body", "keyterms", i],
                    f"A keyterm is a string of 1..{MAX_KEYTERM_CHARS} characters",
                    "string_type",
                )
            )
    return [t for t in terms if isinstance(t, str)]


def _response_body(heard: Heard, options: dict[str, Any], tid: str) -> dict[str, Any]:
    diarized = bool(options["diarize"]) and options["num_speakers"] != 1
    granularity = options["timestamps_granularity"]
    words: list[dict[str, Any]] = []
    flat = [w for u in heard.utterances for w in u.words]
    if granularity != "none":
        for i, word in enumerate(flat):
            speaker = f"speaker_{word.speaker if diarized else 0}"
            entry: dict[str, Any] = {
                "text": word.text,
                "type": "word",
                "logprob": word.logprob,
                "start": word.start,
                "end": word.end,
                "speaker_id": speaker,
            }
            if granularity == "character":
                step = (word.end - word.start) / len(word.text)
                entry["characters"] = [
                    {
                        "text": c,
                        "start": round(word.start + k * step, 3),
                        "end": round(word.start + (k + 1) * step, 3),
                    }
                    for k, c in enumerate(word.text)
                ]
            words.append(entry)
            if i + 1 < len(flat):
                words.append(
                    {
                        "text": " ",
                        "type": "spacing",
                        "logprob": 0.0,
                        "start": word.end,
                        "end": flat[i + 1].start,
                        "speaker_id": speaker,
                    }
                )
    return {
        "language_code": LANGUAGE_CODES[heard.language][0],
        "language_probability": heard.probability,
        "text": heard.text,
        "words": words,
        "transcription_id": tid,
        "audio_duration_secs": round(heard.duration_s, 3),
    }
