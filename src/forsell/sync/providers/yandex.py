"""Yandex SpeechKit API v3, asynchronous recognition (REST), called with httpx directly.

``submit`` posts the audio (base64 in the JSON body) to ``recognizeFileAsync`` and returns the
operation id at once (``Submitted(id, None)``); ``fetch`` asks the operation service whether it
is done (``None`` while not) and then reads ``getRecognition``: a stream of JSON objects, one
per line (each may be wrapped in ``{"result": …}`` as the REST gateway streams them). Words come
from ``finalRefinement.normalizedText`` where present, else from ``final``; the speaker is the
``channelTag`` (with speaker labelling on, it tells the speakers apart).

Processing can be in Yandex Cloud's Kazakhstan region (``in_kazakhstan``, a store setting).
The price per hour is an estimate the store configures: no public per-minute USD price for v3
asynchronous recognition could be confirmed, so ``USD_PER_HOUR`` is a placeholder, not a fact.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import httpx

from ..answers import is_html, json_object, raise_for_answer
from ..errors import BadResponse, Rejected, ServerFailed
from ._http import field_error, send
from .base import Submitted, Transcript, Word, normalise_language

NAME = "yandex"
MAX_BYTES = 1024**3  # 1 GB per file
MAX_SECONDS = 4 * 3600  # 4 h per file
#: Unverified placeholder estimate (see the module docstring); override from the contract.
USD_PER_HOUR = 0.40
_LANGUAGE_CODES = {"ru": "ru-RU", "kk": "kk-KZ"}
# google.rpc codes in a failed operation that a retry will not fix.
_PERMANENT_CODES = {
    3: "invalid_argument",
    5: "not_found",
    7: "permission_denied",
    9: "failed_precondition",
    11: "out_of_range",
    16: "unauthenticated",
}


@dataclass(frozen=True)
class YandexConfig:
    stt_url: str = "https://stt.api.cloud.yandex.net"
    operations_url: str = "https://operation.api.cloud.yandex.net"
    folder_id: str = ""
    in_kazakhstan: bool = True
    model: str = "general"
    usd_per_hour: float = USD_PER_HOUR


class YandexSpeechKit:
    """``TranscriptionProvider`` for SpeechKit v3 async. Auth: ``Api-Key`` of a service account."""

    name = NAME

    def __init__(
        self, client: httpx.AsyncClient, config: YandexConfig | None = None, *, api_key: str
    ) -> None:
        if not api_key:
            raise ValueError("Yandex SpeechKit needs an API key")
        self._client = client
        self.config = config or YandexConfig()
        self._api_key = api_key
        self.in_kazakhstan = self.config.in_kazakhstan
        self.usd_per_hour = self.config.usd_per_hour

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Api-Key {self._api_key}"}
        if self.config.folder_id:
            headers["x-folder-id"] = self.config.folder_id
        return headers

    def body(self, audio: bytes, language: str | None) -> dict[str, Any]:
        codes = [_LANGUAGE_CODES[language]] if language in _LANGUAGE_CODES else ["ru-RU", "kk-KZ"]
        return {
            "content": base64.b64encode(audio).decode("ascii"),
            "recognitionModel": {
                "model": self.config.model,
                "audioFormat": {"containerAudio": {"containerAudioType": "OGG_OPUS"}},
                "textNormalization": {
                    "textNormalization": "TEXT_NORMALIZATION_ENABLED",
                    "literatureText": False,
                },
                "languageRestriction": {"restrictionType": "WHITELIST", "languageCode": codes},
            },
            "speakerLabeling": {"speakerLabeling": "SPEAKER_LABELING_ENABLED"},
        }

    async def submit(
        self,
        audio: bytes,
        mime: str,
        language: str | None,
        keyterms: list[str],
        idempotency_key: str,
    ) -> Submitted:
        # keyterms: v3 async has no per-request key terms; idempotency: none on this API.
        if len(audio) > MAX_BYTES:
            raise Rejected("too_large", detail=f"{NAME}: {len(audio)} bytes > 1 GB")
        request = self._client.build_request(
            "POST",
            f"{self.config.stt_url.rstrip('/')}/stt/v3/recognizeFileAsync",
            headers=self._headers(),
            json=self.body(audio, language),
        )
        response = await send(self._client, request, NAME)
        raise_for_answer(response, NAME)
        operation = json_object(response, NAME)
        op_id = operation.get("id")
        if not isinstance(op_id, str) or not op_id:
            raise field_error(NAME, "operation without id")
        return Submitted(op_id, None)

    async def fetch(self, external_id: str) -> Transcript | None:
        request = self._client.build_request(
            "GET",
            f"{self.config.operations_url.rstrip('/')}/operations/{external_id}",
            headers=self._headers(),
        )
        response = await send(self._client, request, NAME)
        raise_for_answer(response, NAME)
        operation = json_object(response, NAME)
        if not operation.get("done"):
            return None
        error = operation.get("error")
        if isinstance(error, dict):
            code = error.get("code")
            message = str(error.get("message", ""))[:200]
            if code in _PERMANENT_CODES:
                raise Rejected(_PERMANENT_CODES[code], detail=f"{NAME}: {message}")
            raise ServerFailed(f"{NAME}: operation failed ({code}) {message}", status=500)
        request = self._client.build_request(
            "GET",
            f"{self.config.stt_url.rstrip('/')}/stt/v3/getRecognition",
            params={"operationId": external_id},
            headers=self._headers(),
        )
        response = await send(self._client, request, NAME)
        raise_for_answer(response, NAME)
        return parse_recognition(response.content, external_id, is_html(response))


def _messages(body: bytes, html: bool) -> list[dict[str, Any]]:
    if html:
        raise BadResponse(f"{NAME}: HTML page instead of the recognition stream")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadResponse(f"{NAME}: recognition stream is not UTF-8") from None
    decoder = json.JSONDecoder()
    messages: list[dict[str, Any]] = []
    pos = 0
    # Objects one per line per the docs; a JSON array or concatenated objects are read as well.
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except ValueError:
            raise BadResponse(f"{NAME}: truncated recognition stream") from None
        return [_message(item) for item in items]
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            break
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except ValueError:
            raise BadResponse(f"{NAME}: truncated recognition stream") from None
        messages.append(_message(obj))
    return messages


def _message(item: object) -> dict[str, Any]:
    """One item of the stream: its ``result`` (or the item itself when it has none)."""
    if not isinstance(item, dict):
        raise field_error(NAME, "a stream item that is not an object")
    if isinstance(item.get("error"), dict):
        raise ServerFailed(f"{NAME}: error in the recognition stream", status=500)
    return item["result"] if isinstance(item.get("result"), dict) else item


def _list(value: object) -> list[Any]:
    """An optional list of the answer; anything else counts as absent."""
    return value if isinstance(value, list) else []


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return default


def _ms(value: object) -> float:
    try:
        return int(value) / 1000.0  # int64 travels as a string in JSON
    except (TypeError, ValueError, OverflowError):
        raise field_error(NAME, "a time that is not a number") from None


def parse_recognition(body: bytes, external_id: str, html: bool = False) -> Transcript:
    """Transcript from the ``getRecognition`` stream (exposed for tests of odd shapes)."""
    finals: dict[tuple[str, int], tuple[dict[str, Any], str]] = {}
    refined: dict[tuple[str, int], tuple[dict[str, Any], str]] = {}
    order = 0
    for message in _messages(body, html):
        channel = str(message.get("channelTag", "0"))
        cursors = message.get("audioCursors") or {}
        if isinstance(message.get("final"), dict):
            update = message["final"]
            index = _int(cursors.get("finalIndex") if isinstance(cursors, dict) else None, order)
            order += 1
            finals[(channel, index)] = (update, str(update.get("channelTag", channel)))
        elif isinstance(message.get("finalRefinement"), dict):
            refinement = message["finalRefinement"]
            update = refinement.get("normalizedText")
            if isinstance(update, dict):
                index = _int(refinement.get("finalIndex"), len(refined))
                refined[(channel, index)] = (update, str(update.get("channelTag", channel)))
    chosen = {**finals, **refined}  # the normalised text wins over the raw final
    words: list[Word] = []
    texts: list[tuple[float, str]] = []
    languages: dict[str, float] = {}
    for update, speaker in chosen.values():
        alternatives = _list(update.get("alternatives"))
        if not alternatives or not isinstance(alternatives[0], dict):
            continue
        best = alternatives[0]
        raw_words = best.get("words") or []
        if not isinstance(raw_words, list):
            raise field_error(NAME, "words that are not a list")
        for w in raw_words:
            if not isinstance(w, dict) or "text" not in w:
                raise field_error(NAME, "a word without text")
            words.append(
                Word(
                    text=str(w["text"]),
                    start=_ms(w.get("startTimeMs", 0)),
                    end=_ms(w.get("endTimeMs", 0)),
                    speaker=speaker,
                    confidence=None,
                )
            )
        if best.get("text"):
            texts.append((_ms(best.get("startTimeMs", 0)), str(best["text"])))
        for lang in _list(best.get("languages")):
            if isinstance(lang, dict) and lang.get("languageCode"):
                code = normalise_language(str(lang["languageCode"])) or ""
                try:
                    p = float(lang.get("probability", 0))
                except (TypeError, ValueError):
                    p = 0.0
                languages[code] = max(languages.get(code, 0.0), p)
    words.sort(key=lambda w: (w.start, w.end))
    text = " ".join(t for _, t in sorted(texts, key=lambda x: x[0]))
    if not text.strip() and not words:
        raise BadResponse(f"{NAME}: empty recognition")
    language = max(languages, key=lambda k: languages[k]) if languages else None
    return Transcript(
        text=text,
        language=language or None,
        words=tuple(words),
        confidence=None,
        audio_seconds=max((w.end for w in words), default=0.0),
        provider=NAME,
        external_id=external_id,
    )
