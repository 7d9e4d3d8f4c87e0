"""ElevenLabs Scribe (batch speech-to-text), called with httpx directly.

Not the official SDK: it retries the billed POST on 408/409/429/5xx with no idempotency key, so a
timeout after the upload can be paid twice. Here one ``submit`` is exactly one POST; the outbox
decides about retries, and a ``transcription_id`` that came back is recovered with ``fetch``
(``GET /v1/speech-to-text/transcripts/{id}``) instead of a second upload.

Auth: the ``xi-api-key`` header from the secret store, or — to keep the key off shop PCs — a
single-use token (``?token=``) that our backend mints; ``token_source`` is an async callable
that returns a fresh one per request.

An empty transcript (``text`` "" and no words) is treated as ``BadResponse`` unless
``accept_empty``: recordings are uploaded only when the voice detector heard speech, so "nothing
recognised" is more likely a provider fault than the truth. The error carries the
``transcription_id`` (``external_id``) so the retry is a free ``fetch``, not a billed resubmit; if
the answer stays empty the audio lane's dead-after sends it to the admin's dead-letter list.
With ``sync.upload_without_speech`` on, pass ``accept_empty=True``: silence is then a valid result.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ..answers import json_object, raise_for_answer, raise_unless_deleted
from ..errors import AuthFailed, BadResponse
from ._http import field_error, send
from .base import Submitted, Transcript, Word, mean_confidence, normalise_language

NAME = "elevenlabs"
BASE_URLS = {
    "default": "https://api.elevenlabs.io",
    "us": "https://api.us.elevenlabs.io",
    "eu": "https://api.eu.residency.elevenlabs.io",
    "in": "https://api.in.residency.elevenlabs.io",
    "sg": "https://api.sg.residency.elevenlabs.io",
}
#: Upper end of the public $0.22–0.40 per audio hour (docs/providers.md); an estimate, not a bill.
USD_PER_HOUR = 0.40
TokenSource = Callable[[], Awaitable[str]]


@dataclass(frozen=True)
class ElevenLabsConfig:
    base_url: str = BASE_URLS["default"]
    model_id: str = "scribe_v2"
    zero_retention: bool = False  # enable_logging=false (enterprise plans only)
    keyterms: bool = False  # send catalog product names (+20 % price)
    num_speakers: int = 2  # cashier and customer
    accept_empty: bool = False
    usd_per_hour: float = USD_PER_HOUR


class EmptyTranscript(BadResponse):
    """A 200 with nothing recognised; ``external_id`` lets the retry be a fetch."""

    def __init__(self, external_id: str | None) -> None:
        super().__init__(f"{NAME}: empty transcript", delivered=True)
        self.external_id = external_id


class ElevenLabsScribe:
    """``TranscriptionProvider`` for ElevenLabs Scribe. Processing is never in Kazakhstan."""

    name = NAME
    in_kazakhstan = False

    def __init__(
        self,
        client: httpx.AsyncClient,
        config: ElevenLabsConfig | None = None,
        *,
        api_key: str | None = None,
        token_source: TokenSource | None = None,
    ) -> None:
        if not api_key and token_source is None:
            raise ValueError("ElevenLabs needs an API key or a single-use token source")
        self._client = client
        self.config = config or ElevenLabsConfig()
        self._api_key = api_key
        self._token_source = token_source
        self.usd_per_hour = self.config.usd_per_hour

    async def _auth(self) -> tuple[dict[str, str], dict[str, str]]:
        """(headers, query) for one request."""
        if self._api_key:
            return {"xi-api-key": self._api_key}, {}
        assert self._token_source is not None
        token = await self._token_source()  # our backend's errors pass through as they are
        if not token:
            raise AuthFailed(f"{NAME}: no single-use token", destination=NAME)
        return {}, {"token": token}

    def _form(self, language: str | None, keyterms: list[str]) -> dict[str, str]:
        form = {
            "model_id": self.config.model_id,
            "diarize": "true",
            "num_speakers": str(self.config.num_speakers),
            "timestamps_granularity": "word",
            "tag_audio_events": "false",
        }
        if language in ("kk", "ru"):
            form["language_code"] = language
        if self.config.keyterms and keyterms:
            # The newer SDK's encoding: one field holding a JSON list.
            form["keyterms"] = json.dumps(keyterms, ensure_ascii=False)
        return form

    async def submit(
        self,
        audio: bytes,
        mime: str,
        language: str | None,
        keyterms: list[str],
        idempotency_key: str,
    ) -> Submitted:
        # ElevenLabs has no idempotency key; ``idempotency_key`` is unused on purpose (the
        # transcription_id is what makes a lost answer recoverable).
        headers, params = await self._auth()
        if self.config.zero_retention:
            params["enable_logging"] = "false"
        request = self._client.build_request(
            "POST",
            f"{self.config.base_url.rstrip('/')}/v1/speech-to-text",
            params=params,
            headers=headers,
            data=self._form(language, keyterms),
            files={"file": ("audio.ogg", audio, mime or "audio/ogg")},
        )
        response = await send(self._client, request, NAME)
        raise_for_answer(response, NAME)
        transcript = self._parse(json_object(response, NAME))
        return Submitted(transcript.external_id, transcript)

    async def fetch(self, external_id: str) -> Transcript | None:
        headers, params = await self._auth()
        base = self.config.base_url.rstrip("/")
        request = self._client.build_request(
            "GET",
            f"{base}/v1/speech-to-text/transcripts/{external_id}",
            params=params,
            headers=headers,
        )
        response = await send(self._client, request, NAME)
        raise_for_answer(response, NAME)
        transcript = self._parse(json_object(response, NAME), external_id)
        return transcript

    async def delete(self, external_id: str) -> bool:
        """Asks ElevenLabs to forget a transcript it keeps
        (``DELETE /v1/speech-to-text/transcripts/{id}``, the same auth as ``fetch``). True when
        it is gone: deleted now (200) or unknown there (404, deleted before or expired).
        A bad key raises ``AuthFailed``, the rest the ``sync.errors`` tree."""
        headers, params = await self._auth()
        base = self.config.base_url.rstrip("/")
        request = self._client.build_request(
            "DELETE",
            f"{base}/v1/speech-to-text/transcripts/{external_id}",
            params=params,
            headers=headers,
        )
        raise_unless_deleted(await send(self._client, request, NAME), NAME)
        return True

    def _parse(self, data: dict[str, Any], known_id: str | None = None) -> Transcript:
        external_id = data.get("transcription_id") or known_id
        if isinstance(data.get("transcripts"), list):  # multichannel shape: we send one channel
            channels = [c for c in data["transcripts"] if isinstance(c, dict)]
            if not channels:
                raise field_error(NAME, "transcripts[] is empty")
            data = {**channels[0], "transcription_id": external_id}
        text = data.get("text")
        raw_words = data.get("words", [])
        if not isinstance(text, str) or not isinstance(raw_words, list):
            raise field_error(NAME, "text/words missing")
        words = tuple(
            _word(w) for w in raw_words if isinstance(w, dict) and w.get("type", "word") == "word"
        )
        if not text.strip() and not words and not self.config.accept_empty:
            raise EmptyTranscript(external_id if isinstance(external_id, str) else None)
        seconds = data.get("audio_duration_secs")
        if not isinstance(seconds, int | float):
            seconds = max((w.end for w in words), default=0.0)
        return Transcript(
            text=text,
            language=normalise_language(_str(data.get("language_code"))),
            words=words,
            confidence=mean_confidence(words),
            audio_seconds=float(seconds),
            provider=NAME,
            external_id=external_id if isinstance(external_id, str) else None,
        )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _word(w: dict[str, Any]) -> Word:
    try:
        start, end = float(w["start"]), float(w["end"])
        text = str(w["text"])
    except (KeyError, TypeError, ValueError):
        raise field_error(NAME, "a word without text/start/end") from None
    logprob = w.get("logprob")
    confidence = None
    if isinstance(logprob, int | float) and not isinstance(logprob, bool):
        confidence = min(1.0, max(0.0, math.exp(min(float(logprob), 0.0))))
    return Word(
        text=text, start=start, end=end, speaker=_str(w.get("speaker_id")), confidence=confidence
    )
