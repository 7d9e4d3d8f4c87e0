"""The transcription provider interface: audio in memory in, a transcript with words out.

Every provider module implements ``TranscriptionProvider``; routing and the engine know nothing
else about it. A provider that answers at once returns ``Submitted(external_id, transcript)``;
an asynchronous one returns ``Submitted(external_id, None)`` and is asked with ``fetch`` later.
The caller stores ``external_id`` the moment it is known, so a lost answer is recovered with
``fetch`` instead of a second, billed ``submit``. Errors are raised as the ``sync.errors`` tree.
A new provider (Kazdream, once its specification exists) is one more module with this shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Word:
    text: str
    start: float  # seconds from the start of the recording
    end: float
    speaker: str | None  # provider's label, e.g. "speaker_0" or "1"
    confidence: float | None  # 0..1


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str | None  # ISO-639-1 "ru"/"kk" (rus/kaz and ru-RU/kk-KZ are normalised)
    words: tuple[Word, ...]
    confidence: float | None  # 0..1 over the whole transcript
    audio_seconds: float
    provider: str
    external_id: str | None


@dataclass(frozen=True)
class Submitted:
    external_id: str | None
    transcript: Transcript | None  # None = poll later with fetch(external_id)


@runtime_checkable
class TranscriptionProvider(Protocol):
    name: str  # "elevenlabs" | "yandex" | "fake-…"
    in_kazakhstan: bool  # where the audio is processed (the store's abroad switch)
    usd_per_hour: float  # for the cost estimate

    async def submit(
        self,
        audio: bytes,
        mime: str,
        language: str | None,
        keyterms: list[str],
        idempotency_key: str,
    ) -> Submitted: ...

    async def fetch(self, external_id: str) -> Transcript | None: ...  # None = not ready


_LANGUAGES = {"ru": "ru", "rus": "ru", "kk": "kk", "kaz": "kk", "en": "en", "eng": "en"}


def normalise_language(code: str | None) -> str | None:
    """ISO-639-1 for what providers send: ``rus``/``kaz`` (ElevenLabs), ``ru-RU``/``kk-KZ``/
    ``kk-KK`` (Yandex). Unknown codes are kept as their lower-case primary subtag."""
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    if not primary:
        return None
    return _LANGUAGES.get(primary, primary)


def mean_confidence(words: tuple[Word, ...]) -> float | None:
    scores = [w.confidence for w in words if w.confidence is not None]
    return sum(scores) / len(scores) if scores else None
