"""Transcripts at rest, sealed under their recording's data key, and the provider bill.

A transcript is as personal as the audio it came from, so it is sealed with the same per-recording
DEK (AES-256-GCM, fresh nonce, AAD ``transcript|<rid>``): shredding the recording's key shreds
its transcript too, in the database and in every backup copy.

``provider_calls`` counts every request to a provider: seconds and estimated cost per provider,
and double billing — a billed submit that *started* after the recording's external id was
already known (``billed_twice``) is a bug in our retry logic, never bad luck, and must be zero.
A submit whose answer was lost after the provider had the whole upload (``SyncError.delivered``)
is logged billed: the provider may well have charged it, and the retry that has to submit again
is charged again, so the log errs towards the provider's bill, never below it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select

from forsell.store.db import Database
from forsell.store.models import ProviderCall, Recording, TranscriptRow
from forsell.store.outbox import AUDIO, enqueue
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable
from forsell.vault.keys import KeyVault

from . import redact
from .audio_lane import PROVIDER_DELETE, PROVIDERS_THAT_DELETE
from .errors import Rejected
from .providers.base import Transcript, Word

#: Estimated USD per audio hour when the caller gives no rate (docs/providers.md; Yandex's is a
#: placeholder: no public price for v3 asynchronous recognition could be confirmed).
DEFAULT_RATES = {"elevenlabs": 0.40, "yandex": 0.40}


class TranscriptUnreadable(Rejected):
    """The transcript cannot be opened: ``reason`` shredded | altered | missing. Permanent."""

    def __init__(self, recording_id: str, reason: str) -> None:
        super().__init__(f"transcript_{reason}", detail=f"transcript of {recording_id}: {reason}")
        self.recording_id = recording_id


@dataclass(frozen=True)
class TranscriptState:
    recording_id: str
    provider: str
    state: str  # submitted | done | failed
    external_id: str | None
    has_transcript: bool


@dataclass(frozen=True)
class Usage:
    provider: str
    seconds: float  # audio seconds of billed submits
    cost_usd: float  # estimate: seconds × the provider's rate
    billed_calls: int
    calls: int


def _aad(recording_id: str) -> bytes:
    return f"transcript|{recording_id}".encode()


def _now() -> datetime:
    return datetime.now(UTC)


def _mark(session, recording_id: str, provider: str, external_id: str | None) -> None:
    row = session.get(TranscriptRow, recording_id)
    if row is None:
        if external_id is not None and _shredded(session, recording_id):
            # Destroyed while its upload was on the way: nothing is kept here, and the
            # provider is asked to forget what it made of it (policy 6.3).
            if provider in PROVIDERS_THAT_DELETE:
                enqueue(
                    session,
                    PROVIDER_DELETE,
                    external_id,
                    {"provider": provider, "transcription_id": external_id},
                    lane=AUDIO,
                )
            return
        session.add(
            TranscriptRow(
                recording_id=recording_id,
                provider=provider,
                state="submitted",
                external_id=external_id,
                submitted_at=_now(),
            )
        )
        return
    if row.external_id is None and external_id is not None:
        row.submitted_at = _now()
    row.provider = provider
    if external_id is not None:
        row.external_id = external_id


def _shredded(session, recording_id: str) -> bool:
    rec = session.get(Recording, recording_id)
    return rec is not None and rec.shredded_at is not None


def _call(
    provider: str,
    recording_id: str,
    kind: str,
    billed: bool,
    outcome: str,
    seconds: float,
    at: datetime | None,
) -> ProviderCall:
    return ProviderCall(
        provider=provider,
        recording_id=recording_id,
        at=at or _now(),
        kind=kind,
        billed=billed,
        outcome=outcome,
        audio_seconds=seconds if billed else 0.0,
    )


def to_json(transcript: Transcript) -> bytes:
    return json.dumps(asdict(transcript), ensure_ascii=False, separators=(",", ":")).encode()


def from_json(data: bytes) -> Transcript:
    raw = json.loads(data)
    raw["words"] = tuple(Word(**w) for w in raw["words"])
    return Transcript(**raw)


class TranscriptStore:
    """Reads and writes ``transcripts`` and ``provider_calls``; every method is one transaction."""

    def __init__(
        self, db: Database, vault: KeyVault, rates: Mapping[str, float] | None = None
    ) -> None:
        self._db = db
        self._vault = vault
        self.rates = {**DEFAULT_RATES, **(rates or {})}

    # -- the transcript ------------------------------------------------------------------

    def mark_submitted(self, recording_id: str, provider: str, external_id: str | None) -> None:
        """Remembers the provider's id at once, committed, so a lost answer costs a fetch.

        The first time an id is known stays as ``submitted_at``: ``billed_twice`` compares
        later submits against it.
        """
        with self._db.write() as session:
            _mark(session, recording_id, provider, external_id)

    def save(self, recording_id: str, transcript: Transcript) -> None:
        """Seals the transcript under the recording's DEK; raises TranscriptUnreadable
        ('shredded') if the recording's key is gone (nothing is written then)."""
        sealed = self._seal(recording_id, transcript)
        with self._db.write() as session:
            self._put(session, recording_id, transcript, sealed)

    def record_submit(
        self,
        recording_id: str,
        provider: str,
        external_id: str | None,
        billed: bool,
        outcome: str,
        seconds: float,
        at: datetime,
        transcript: Transcript | None = None,
    ) -> None:
        """After a submit: ``mark_submitted`` + ``record_call`` (+ ``save`` when the transcript
        came back at once) in ONE short transaction.

        The id is still committed before anything else happens (together with what came with
        it), and one commit instead of three is most of the audio lane's SQLite work per job.
        If the transcript cannot be sealed (the recording was shredded meanwhile) the id and the
        call are committed anyway, then TranscriptUnreadable is raised.
        """
        sealed = None
        if transcript is not None:
            try:
                sealed = self._seal(recording_id, transcript)
            except TranscriptUnreadable:
                self.record_submit(
                    recording_id, provider, external_id, billed, outcome, seconds, at
                )
                raise
        with self._db.write() as session:
            if external_id is not None:
                _mark(session, recording_id, provider, external_id)
            session.add(_call(provider, recording_id, "submit", billed, outcome, seconds, at))
            if transcript is not None and sealed is not None:
                session.flush()  # the row _mark added, so _put finds it
                self._put(session, recording_id, transcript, sealed)

    def _seal(self, recording_id: str, transcript: Transcript) -> bytes:
        dek = self._dek(recording_id)
        nonce = os.urandom(NONCE_BYTES)
        return nonce + AESGCM(dek).encrypt(nonce, to_json(transcript), _aad(recording_id))

    def _put(self, session, recording_id: str, transcript: Transcript, sealed: bytes) -> None:
        rate = self.rates.get(transcript.provider, 0.0)
        row = session.get(TranscriptRow, recording_id)
        if row is None:
            row = TranscriptRow(
                recording_id=recording_id, provider=transcript.provider, submitted_at=_now()
            )
            session.add(row)
        row.provider = transcript.provider
        row.external_id = transcript.external_id or row.external_id
        row.state = "done"
        row.language = transcript.language
        row.audio_seconds = transcript.audio_seconds
        row.cost_usd = transcript.audio_seconds / 3600.0 * rate
        row.sealed = sealed
        row.done_at = _now()

    def load(self, recording_id: str) -> Transcript:
        """The transcript, authenticated; TranscriptUnreadable if shredded/altered/missing."""
        with self._db.read() as session:
            row = session.get(TranscriptRow, recording_id)
            sealed = row.sealed if row is not None else None
        if sealed is None:
            raise TranscriptUnreadable(recording_id, "missing")
        dek = self._dek(recording_id)
        try:
            plain = AESGCM(dek).decrypt(
                sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], _aad(recording_id)
            )
        except InvalidTag:
            raise TranscriptUnreadable(recording_id, "altered") from None
        return from_json(plain)

    def _dek(self, recording_id: str) -> bytes:
        try:
            return self._vault.get(recording_id)
        except RecordingUnreadable:
            raise TranscriptUnreadable(recording_id, "shredded") from None

    def state(self, recording_id: str) -> TranscriptState | None:
        with self._db.read() as session:
            row = session.get(TranscriptRow, recording_id)
            if row is None:
                return None
            return TranscriptState(
                recording_id, row.provider, row.state, row.external_id, row.sealed is not None
            )

    def mark_failed(self, recording_id: str) -> None:
        """The provider gave up on it for good (dead letter); a later retry may resubmit."""
        with self._db.write() as session:
            row = session.get(TranscriptRow, recording_id)
            if row is not None and row.sealed is None:
                row.state = "failed"
                row.external_id = None

    # -- the bill --------------------------------------------------------------------------

    def record_call(
        self,
        provider: str,
        recording_id: str,
        kind: str,
        billed: bool,
        outcome: str,
        seconds: float,
        at: datetime | None = None,
    ) -> None:
        """One request to a provider. ``at``: when the request *started* (for a submit, that is
        what decides whether the external id was already known)."""
        with self._db.write() as session:
            session.add(_call(provider, recording_id, kind, billed, outcome, seconds, at))

    def billed_twice(self) -> int:
        """Recordings with a billed submit started after their external id was known."""
        with self._db.read() as session:
            query = (
                select(func.count(func.distinct(ProviderCall.recording_id)))
                .join(TranscriptRow, TranscriptRow.recording_id == ProviderCall.recording_id)
                .where(
                    ProviderCall.kind == "submit",
                    ProviderCall.billed.is_(True),
                    TranscriptRow.external_id.is_not(None),
                    ProviderCall.at > TranscriptRow.submitted_at,
                )
            )
            return int(session.scalar(query) or 0)

    def billed_submits(self, recording_id: str) -> int:
        with self._db.read() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(ProviderCall)
                    .where(
                        ProviderCall.recording_id == recording_id,
                        ProviderCall.kind == "submit",
                        ProviderCall.billed.is_(True),
                    )
                )
                or 0
            )

    def usage_by_provider(self) -> dict[str, Usage]:
        """Seconds transcribed (billed submits) and the estimated cost, per provider."""
        with self._db.read() as session:
            rows = session.execute(
                select(
                    ProviderCall.provider,
                    func.coalesce(func.sum(ProviderCall.audio_seconds), 0.0),
                    func.count().filter(ProviderCall.billed.is_(True)),
                    func.count(),
                ).group_by(ProviderCall.provider)
            ).all()
        return {
            p: Usage(p, float(s), float(s) / 3600.0 * self.rates.get(p, 0.0), int(b), int(n))
            for p, s, b, n in rows
        }

    # -- what the backend may see ----------------------------------------------------------

    def redacted_for_backend(self, recording_id: str) -> dict[str, object]:
        """The transcript for our analytics backend: personal data redacted, never audio."""
        t = self.load(recording_id)
        words = redact.redact_words(
            {
                "text": w.text,
                "start": w.start,
                "end": w.end,
                "speaker": w.speaker,
                "confidence": w.confidence,
            }
            for w in t.words
        )
        return {
            "recording_id": recording_id,
            "provider": t.provider,
            "language": t.language,
            "confidence": t.confidence,
            "audio_seconds": t.audio_seconds,
            "text": redact.redact(t.text),
            "words": words,
            "speakers": sorted({str(w["speaker"]) for w in words if w.get("speaker") is not None}),
            "redacted": True,
        }
