"""The audio lane's job: one recording → a transcript (sealed) → a business "transcript" event.

    recording job ─▶ speaker withdrew consent? ─▶ skipped (held: ``consent_withdrawn``)
                  ─▶ subject asked for blocking? ─▶ skipped (``subject_blocked``)
                  ─▶ no speech? ─▶ skipped (unless sync.upload_without_speech)
                  ─▶ store not registered (accepted)? ─▶ held, StoreNotRegistered: nothing sent
                  ─▶ external id known, no transcript ─▶ fetch from that provider (never resubmit:
                                                         that would be paying twice)
                  ─▶ else decrypt in memory ─▶ route (primary, fallback; abroad only if the store
                     allows it and the speaker consented to it)
                     ─▶ submit ─▶ external id stored at once ─▶ transcript saved (sealed)
                  ─▶ enqueue business "transcript" {recording_id} (once per recording)
                  ─▶ on_stored(recording_id): the till scores it (services wire this; sync
                     itself knows nothing of scoring or of the UI)

Routing, providers and the transcript store belong to ``sync/providers`` and
``sync/transcripts.py``; they are imported when the first job runs, so the engine itself does not
depend on them. Audio is decrypted by the caller's ``audio_source`` (services owns recordings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import httpx
from sqlalchemy import select

from forsell.store.consent_hold import abroad_consented, hold_reason
from forsell.store.db import Database
from forsell.store.models import OutboxJob
from forsell.store.outbox import enqueue
from forsell.store.privacy_block import block_reason
from forsell.vault.keys import KeyVault

from .errors import NoProvider, Rejected, StoreNotRegistered
from .outbox import Job

SENT, SKIPPED, PENDING = "sent", "skipped", "pending"
#: The audio-lane job of a destruction: ask a provider to delete a transcript it keeps
#: (services/privacy/destruction.py queues it).
PROVIDER_DELETE = "provider_delete"
#: Providers whose API deletes a transcript they keep (``providers/*.delete``). Yandex keeps
#: the result of an asynchronous recognition for a few days on its own and has no delete call.
PROVIDERS_THAT_DELETE = frozenset({"elevenlabs"})
log = logging.getLogger(__name__)


class AudioLane:
    def __init__(
        self,
        db: Database,
        vault: KeyVault,
        audio_source: Callable[[str], bytes],
        routing_config: Callable[[], Any],
        *,
        providers: Callable[[httpx.AsyncClient], Mapping[str, Any]] | None = None,
        keyterms: Callable[[], list[str]] | None = None,
        on_stored: Callable[[str], None] | None = None,
        registered: Callable[[], bool] | None = None,
    ) -> None:
        """``routing_config()`` → ``providers.routing.RoutingConfig`` (read per job, so a changed
        setting or key takes effect without a restart); ``providers(client)`` → providers by name
        that replace the built-in ones (the FAKE provider of the demo and the tests).
        ``on_stored(recording_id)``: a transcript is stored (sealed) and its event enqueued;
        called on the engine's loop, so it must return at once (hand the work elsewhere), and
        whatever it raises is logged, never the job's failure. ``registered()`` (blocking, per
        job): may audio go to a provider at all — False until the store's registration is
        accepted (privacy policy 1.5-1.6); None: no such check (the engine's own tests)."""
        self.db = db
        self.vault = vault
        self.audio_source = audio_source
        self.routing_config = routing_config
        self.providers = providers
        self.keyterms = keyterms
        self.on_stored = on_stored
        self.registered = registered
        self._client: httpx.AsyncClient | None = None
        self._extra: Mapping[str, Any] | None = None
        self._store = None

    def bind(self, client: httpx.AsyncClient) -> None:
        self._client = client
        self._extra = self.providers(client) if self.providers is not None else None

    @property
    def store(self):
        if self._store is None:
            from forsell.sync.transcripts import TranscriptStore

            self._store = TranscriptStore(self.db, self.vault)
        return self._store

    def transcript_body(self, recording_id: str) -> dict:
        """The redacted transcript for the backend (blocking; built at send time)."""
        return self.store.redacted_for_backend(recording_id)

    def _prepare(self, rid: str, speech_ms: Any) -> tuple[Any, Any, Any, bytes, list[str]]:
        """Everything blocking before the upload, in ONE trip to the engine's executor (each trip
        is a thread hand-over that costs milliseconds when the GIL is busy): the routing config
        (settings, secrets), the transcript state, the route, the decrypted audio, the keyterms.

        Returns (config, state, chosen, audio, keyterms); ``config`` alone (state None, audio
        empty) when the recording has no speech and is skipped; nothing at all (chosen None)
        when a withdrawn consent holds it.
        """
        from forsell.sync.providers import routing

        if _held(self.db, rid):
            return None, None, None, b"", []  # skipped, like silence: never sent, never fetched
        if _blocked(self.db, rid):
            return None, None, None, b"", []
        config = self.routing_config()
        if config.audio_abroad and not _abroad_consented(self.db, rid):
            # The store allows audio abroad, the speaker did not consent to it: in-country only.
            config = replace(config, audio_abroad=False)
        if speech_ms == 0 and not config.upload_without_speech:
            return config, None, None, b"", []
        _check_registered(self.registered)
        state = self.store.state(rid)
        if state is not None and (state.has_transcript or state.external_id):
            return config, state, [], b"", []  # fetch (or reuse) only: the audio is not sent again
        chosen = routing.choose(config, self._client, self._extra)  # NoProvider before decrypting
        audio = self.audio_source(rid)  # decrypted in memory, never on disk
        keyterms = self.keyterms() if config.keyterms and self.keyterms else []
        return config, state, chosen, audio, keyterms

    async def handle(self, job: Job, blocking: Callable[..., Any]) -> str:
        """Runs one recording job: "sent", "skipped" or "pending" (the provider is still working).

        Raises the ``sync.errors`` tree; the engine schedules the retry or the dead letter.
        """
        from forsell.sync.providers import routing

        if job.kind == PROVIDER_DELETE:
            return await self._forget_at_provider(job, blocking)
        rid = str(job.payload.get("id") or job.entity_id)
        config, state, chosen, audio, keyterms = await blocking(
            self._prepare, rid, job.payload.get("speech_ms")
        )
        if chosen is None:
            return SKIPPED
        store = self.store
        holders = routing.configured(config, self._client, self._extra)
        try:
            transcript = await routing.transcribe(
                rid,
                audio,
                store,
                chosen,
                holders=holders,
                audio_seconds=(job.payload.get("duration_ms") or 0) / 1000.0,
                language=config.language_hint,
                keyterms=keyterms,
                blocking=blocking,
                state=state,
            )
        except Rejected:
            await blocking(store.mark_failed, rid)  # dead letter: an admin retry resubmits
            raise
        finally:
            del audio  # the only copy of the clear audio goes now, not when the job's frame does
        if transcript is None:
            return PENDING
        await blocking(_enqueue_transcript_event, self.db, rid)
        if self.on_stored is not None:
            try:
                self.on_stored(rid)
            except Exception:  # a listener's bug must not fail a transcript already stored
                log.exception("transcript listener failed for %s", rid)
        return SENT

    async def _forget_at_provider(self, job: Job, blocking: Callable[..., Any]) -> str:
        """A data subject's destruction (policy 6.3): the provider that transcribed one of
        their recordings and keeps the transcript is asked to delete it. No audio, no
        eligibility checks: a blocked or held recording's transcript goes all the same."""
        from forsell.sync.providers import routing

        name = str(job.payload["provider"])
        config = await blocking(self.routing_config)
        provider = routing.configured(config, self._client, self._extra).get(name)
        delete = getattr(provider, "delete", None)
        if delete is None:
            # No key for it any more: the admin sees the dead letter and can retry once a key
            # is set again (the transcript stays at the provider until then).
            raise NoProvider(f"{name}: no credentials to delete a transcript")
        await delete(str(job.payload["transcription_id"]))
        return SENT


def _abroad_consented(db: Database, recording_id: str) -> bool:
    with db.read() as session:
        return abroad_consented(session, recording_id)


def _held(db: Database, recording_id: str) -> bool:
    """Eligibility check of its own: the speaker withdrew consent (``CONSENT_WITHDRAWN``), so
    the recording is held — no upload, no transcript fetched. Checked at every try, so a
    withdrawal made while the job waited for a retry still stops it."""
    with db.read() as session:
        reason = hold_reason(session, recording_id)
    if reason is not None:
        log.info("recording %s not uploaded: %s", recording_id, reason)
    return reason is not None


def _blocked(db: Database, recording_id: str) -> bool:
    """Eligibility check of its own: the data subject asked for blocking (``SUBJECT_BLOCKED``,
    policy 6.3), so the recording is neither uploaded nor its transcript fetched."""
    with db.read() as session:
        reason = block_reason(session, recording_id)
    if reason is not None:
        log.info("recording %s not uploaded: %s", recording_id, reason)
    return reason is not None


def _check_registered(registered: Callable[[], bool] | None) -> None:
    """Its own eligibility rule, apart from routing: no provider, not even to fetch, gets a
    word about this store's recordings before its registration is accepted."""
    if registered is not None and not registered():
        raise StoreNotRegistered("the store's registration is not accepted yet")


def _enqueue_transcript_event(db: Database, recording_id: str) -> None:
    """The business event for a transcript, once per recording (a retried job adds no second)."""
    with db.write() as session:
        exists = session.scalar(
            select(OutboxJob.id)
            .where(OutboxJob.kind == "transcript", OutboxJob.entity_id == recording_id)
            .limit(1)
        )
        if exists is None:
            enqueue(session, "transcript", recording_id, {"recording_id": recording_id})
