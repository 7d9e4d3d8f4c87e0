"""FAKE Yandex SpeechKit v3 async recognition + operations service — it recognises nothing.

One app serves both hosts of the real service (the client has two base URLs; point both here):

* ``POST /stt/v3/recognizeFileAsync`` JSON ``{content (base64) | uri, recognitionModel:
  {model, audioFormat: {containerAudio: {containerAudioType}}, textNormalization,
  languageRestriction: {restrictionType, languageCode: [...]}}, speakerLabeling}`` (camelCase or
  the snake_case of the docs' curl examples) → an Operation ``{id, description, createdAt,
  createdBy, modifiedAt, done: false, metadata: null}``. Limits: 1 GB and 4 h per file.
* ``GET /operations/{id}`` → ``done: true`` once it has been polled ``polls_until_done`` times
  and ``ready_after_s`` have passed; ``error`` if the audio could not be decoded.
* ``GET /stt/v3/getRecognition?operationId=`` (or ``operation_id``) → newline-delimited JSON
  objects, each ``{"result": {...}}`` as the REST gateway streams them: per utterance a ``final``
  (raw lower-case words), a ``finalRefinement`` (normalised text, unless text normalisation is
  disabled) and an ``eouUpdate``; words carry ``startTimeMs``/``endTimeMs`` as strings;
  ``channelTag`` is ``"0"``.
* Auth ``Authorization: Api-Key <key>`` or ``Bearer <IAM token>`` (+ optional ``x-folder-id``);
  errors are gRPC-style JSON ``{code, message, details}`` (401 → code 16, 403 → 7, 404 → 5,
  400 → 3 or 9).

The transcript is a SCRIPTED dialogue chosen by a hash of the audio (:mod:`.script`); responses
carry ``x-fake: true``. Billing is counted per audio hash at submission (``/_fake/stats``).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
import string
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .common import control_routes
from .faults import Faults, FaultyApp
from .script import (
    LANGUAGE_CODES,
    AudioError,
    Heard,
    LanguageSource,
    Utterance,
    audio_sha256,
    current_language,
    hear,
    probe,
)

DEFAULT_KEY = "fake-yandex-key"
DEFAULT_IAM = "fake-iam-token"
DEFAULT_FOLDER = "fake-folder"
CONTAINERS = {"WAV", "OGG_OPUS", "MP3"}
LANGUAGES = {"ru-RU", "kk-KZ", "kk-KK", "en-US", "auto"}
GRPC_CODE_FOR_STATUS = {400: 3, 401: 16, 403: 7, 404: 5, 429: 8, 500: 13, 501: 12, 503: 14, 504: 4}


def grpc_error(status: int, message: str, code: int | None = None) -> JSONResponse:
    return JSONResponse(
        {"code": code or GRPC_CODE_FOR_STATUS.get(status, 2), "message": message, "details": []},
        status_code=status,
    )


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def camelize(value: Any) -> Any:
    """The REST gateway accepts both spellings of field names; the fake reads camelCase."""
    if isinstance(value, dict):
        return {_camel(k): camelize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [camelize(v) for v in value]
    return value


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeYandex:
    """The fake service; ``.app`` is the ASGI app, ``.faults`` its fault rules."""

    def __init__(
        self,
        api_keys: tuple[str, ...] | list[str] = (DEFAULT_KEY,),
        iam_tokens: tuple[str, ...] | list[str] = (DEFAULT_IAM,),
        *,
        folder_id: str = DEFAULT_FOLDER,
        polls_until_done: int = 1,
        ready_after_s: float = 0.0,
        max_bytes: int = 1 << 30,
        max_seconds: float = 4 * 3600,
        seed: int = 0,
        default_language: LanguageSource = "ru",
    ) -> None:
        self.api_keys = set(api_keys)
        #: The language of the scripted dialogue when a request names none ("auto"): a code, or
        #: a function answering the store's language at each request (the demo till's).
        self.default_language = default_language
        self.iam_tokens = set(iam_tokens)
        self.folder_id = folder_id
        self.polls_until_done = polls_until_done  # GETs that still answer done: false
        self.ready_after_s = ready_after_s
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.faults = Faults(seed=seed)
        self._lock = threading.Lock()
        self.reset()
        routes = [
            Route("/stt/v3/recognizeFileAsync", self._recognize, methods=["POST"]),
            Route("/operations/{operation_id}", self._operation, methods=["GET"]),
            Route("/stt/v3/getRecognition", self._recognition, methods=["GET"]),
            *control_routes(self.stats, self.faults, self.reset),
        ]
        self.app = FaultyApp(
            Starlette(routes=routes),
            self.faults,
            error_body=lambda status: {
                "code": GRPC_CODE_FOR_STATUS.get(status, 13),
                "message": "FAKE server error",
                "details": [],
            },
            rate_limit_body=lambda: {"code": 8, "message": "Resource exhausted", "details": []},
        )

    def reset(self) -> None:
        with self._lock:
            self._operations: dict[str, dict[str, Any]] = {}
            self._billed: Counter[str] = Counter()
            self._billed_seconds = 0.0
            self._counts: Counter[str] = Counter()
            self._log: list[dict[str, Any]] = []
        self.faults.clear()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "fake": "yandex",
                "requests": self._counts["requests"],
                "operations": len(self._operations),
                "polls": self._counts["polls"],
                "recognitions_fetched": self._counts["fetched"],
                "billed_requests": sum(self._billed.values()),
                "billed_seconds": round(self._billed_seconds, 3),
                "billed_by_audio": dict(self._billed),
                "billed_twice": {h: n for h, n in self._billed.items() if n > 1},
                "unauthorized": self._counts["unauthorized"],
                "faults": self.faults.snapshot(),
                "log": list(self._log),
            }

    def billed_count(self, audio: bytes) -> int:
        with self._lock:
            return self._billed[audio_sha256(audio)]

    # --- auth -------------------------------------------------------------------------------

    def _auth_problem(self, request: Request) -> JSONResponse | None:
        scheme, _, credential = request.headers.get("authorization", "").partition(" ")
        scheme = scheme.lower()
        ok = (scheme == "api-key" and credential in self.api_keys) or (
            scheme == "bearer" and credential in self.iam_tokens
        )
        if not ok:
            with self._lock:
                self._counts["unauthorized"] += 1
            return grpc_error(401, "Unauthenticated: the API key or IAM token is invalid")
        folder = request.headers.get("x-folder-id")
        if folder is not None and folder != self.folder_id:
            return grpc_error(403, f"Permission denied to folder {folder}")
        return None

    # --- routes -----------------------------------------------------------------------------

    async def _recognize(self, request: Request) -> Response:
        with self._lock:
            self._counts["requests"] += 1
        length = int(request.headers.get("content-length") or 0)
        if length > self.max_bytes * 4 // 3 + (1 << 16):  # base64 of more than the limit
            return grpc_error(400, "audio file is larger than the 1 GB limit")
        raw = await request.body()
        if (problem := self._auth_problem(request)) is not None:
            return problem
        try:
            body = camelize(json.loads(raw))
            if not isinstance(body, dict):
                raise TypeError("expected a JSON object")
        except (ValueError, TypeError) as exc:
            return grpc_error(400, f"Invalid JSON payload: {exc}")
        try:
            options, problem_text = _read_request(body)
        except (AttributeError, TypeError):  # a field of the wrong JSON type somewhere
            options, problem_text = {}, "Invalid JSON payload: a field has the wrong type"
        if problem_text:
            return grpc_error(400, problem_text)
        try:
            audio = base64.b64decode(body["content"], validate=True)
        except (binascii.Error, TypeError, ValueError):
            return grpc_error(400, "content: invalid base64")
        if len(audio) > self.max_bytes:
            return grpc_error(400, "audio file is larger than the 1 GB limit")
        heard: Heard | None = None
        error: dict[str, Any] | None = None
        try:
            duration, silent = await run_in_threadpool(probe, audio)
            if duration > self.max_seconds:
                return grpc_error(400, "audio is longer than the 4 hours limit")
            heard = hear(
                audio,
                options["language"],
                duration_s=duration,
                silent=silent,
                default_language=current_language(self.default_language),
            )
        except AudioError as exc:
            error = {"code": 3, "message": f"audio decoding failed: {exc}", "details": []}
        op_id = "f8d" + "".join(
            secrets.choice(string.ascii_lowercase + string.digits) for _ in range(17)
        )
        created = _now()
        with self._lock:
            sha = audio_sha256(audio)
            self._billed[sha] += 1
            if heard is not None:
                self._billed_seconds += heard.duration_s
            self._operations[op_id] = {
                "id": op_id,
                "createdAt": created,
                "polls": 0,
                "started": time.monotonic(),
                "heard": heard,
                "error": error,
                "normalize": options["normalize"],
            }
            self._log.append({"operation_id": op_id, "audio_sha256": sha, **options})
            del self._log[:-1000]
        return JSONResponse(self._operation_json(op_id, done=False))

    def _operation_json(self, op_id: str, done: bool) -> dict[str, Any]:
        op = self._operations[op_id]
        body: dict[str, Any] = {
            "id": op_id,
            "description": "STT v3 async recognition",
            "createdAt": op["createdAt"],
            "createdBy": "fake-service-account",
            "modifiedAt": _now() if done else op["createdAt"],
            "done": done,
            "metadata": None,
        }
        if done and op["error"] is not None:
            body["error"] = op["error"]
        return body

    def _is_done(self, op: dict[str, Any]) -> bool:
        return (
            op["polls"] > self.polls_until_done
            and time.monotonic() - op["started"] >= self.ready_after_s
        )

    async def _operation(self, request: Request) -> Response:
        if (problem := self._auth_problem(request)) is not None:
            return problem
        op_id = request.path_params["operation_id"]
        with self._lock:
            op = self._operations.get(op_id)
            if op is None:
                return grpc_error(404, f"Operation {op_id} not found")
            op["polls"] += 1
            self._counts["polls"] += 1
            return JSONResponse(self._operation_json(op_id, self._is_done(op)))

    async def _recognition(self, request: Request) -> Response:
        if (problem := self._auth_problem(request)) is not None:
            return problem
        op_id = request.query_params.get("operationId") or request.query_params.get("operation_id")
        if not op_id:
            return grpc_error(400, "operation_id is required")
        with self._lock:
            op = self._operations.get(op_id)
            if op is None:
                return grpc_error(404, f"Operation {op_id} not found")
            if not self._is_done(op):
                return grpc_error(400, "Operation is not done yet", code=9)
            self._counts["fetched"] += 1
        if op["error"] is not None:
            return grpc_error(400, op["error"]["message"], code=op["error"]["code"])
        lines = _stream(op["heard"], op["normalize"], op_id)
        return Response(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
            media_type="application/json",
        )


def _read_request(body: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """The options the fake uses, or the first problem as the service would word it."""
    if ("content" in body) == ("uri" in body):
        return {}, "exactly one of content or uri is required"
    if "uri" in body:
        return {}, "uri: the FAKE cannot read Object Storage; send content"
    model = body.get("recognitionModel")
    if not isinstance(model, dict):
        return {}, "recognition_model is required"
    fmt = model.get("audioFormat")
    if not isinstance(fmt, dict) or not ("containerAudio" in fmt or "rawAudio" in fmt):
        return {}, "recognition_model.audio_format is required"
    container = fmt.get("containerAudio", {}).get("containerAudioType")
    if "containerAudio" in fmt and container not in CONTAINERS:
        return {}, f"unsupported container_audio_type {container!r}"
    normalization = model.get("textNormalization", {}).get(
        "textNormalization", "TEXT_NORMALIZATION_ENABLED"
    )
    if normalization not in ("TEXT_NORMALIZATION_ENABLED", "TEXT_NORMALIZATION_DISABLED"):
        return {}, f"unsupported text_normalization {normalization!r}"
    restriction = model.get("languageRestriction") or {}
    codes = restriction.get("languageCode", [])
    if restriction and restriction.get("restrictionType") not in ("WHITELIST", "BLACKLIST"):
        return {}, "language_restriction.restriction_type must be WHITELIST or BLACKLIST"
    if not isinstance(codes, list) or any(c not in LANGUAGES for c in codes):
        return {}, f"unsupported language_code {codes!r}"
    whitelist = (
        [c for c in codes if c != "auto"]
        if restriction.get("restrictionType") == "WHITELIST"
        else []
    )
    bases = {c.split("-")[0] for c in whitelist}
    return {
        "model": model.get("model", "general"),
        "container": container,
        "language": whitelist[0] if len(bases) == 1 else None,
        "languages": codes,
        "normalize": normalization == "TEXT_NORMALIZATION_ENABLED",
        "speaker_labeling": (body.get("speakerLabeling") or {}).get("speakerLabeling"),
    }, None


def _raw(text: str) -> str:
    return re.sub(r"[^\w\s+-]", "", text).lower()


def _alternative(u: Utterance, language: str, raw: bool) -> dict[str, Any]:
    words = [
        {
            "text": _raw(w.text) if raw else w.text,
            "startTimeMs": str(int(w.start * 1000)),
            "endTimeMs": str(int(w.end * 1000)),
        }
        for w in u.words
    ]
    return {
        "words": words,
        "text": _raw(u.text) if raw else u.text,
        "startTimeMs": str(int(u.start * 1000)),
        "endTimeMs": str(int(u.end * 1000)),
        "confidence": 0,
        "languages": [{"languageCode": language, "probability": "0.97"}],
    }


def _stream(heard: Heard, normalize: bool, op_id: str) -> list[dict[str, Any]]:
    language = LANGUAGE_CODES[heard.language][1]
    received = str(int(heard.duration_s * 1000))
    out = []
    for index, u in enumerate(heard.utterances):
        head = {
            "sessionUuid": {"uuid": f"fake-{op_id}", "userRequestId": op_id},
            "audioCursors": {
                "receivedDataMs": received,
                "resetTimeMs": "0",
                "partialTimeMs": received,
                "finalTimeMs": str(int(u.end * 1000)),
                "finalIndex": str(index),
                "eouTimeMs": "0",
            },
            "responseWallTimeMs": "190",
        }
        out.append(
            {
                "result": {
                    **head,
                    "final": {"alternatives": [_alternative(u, language, True)], "channelTag": "0"},
                    "channelTag": "0",
                }
            }
        )
        if normalize:
            out.append(
                {
                    "result": {
                        **head,
                        "finalRefinement": {
                            "finalIndex": str(index),
                            "normalizedText": {
                                "alternatives": [_alternative(u, language, False)],
                                "channelTag": "0",
                            },
                        },
                        "channelTag": "0",
                    }
                }
            )
        out.append(
            {"result": {**head, "eouUpdate": {"timeMs": str(int(u.end * 1000))}, "channelTag": "0"}}
        )
    return out
