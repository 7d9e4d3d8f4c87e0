"""Which provider gets a recording, and when the fallback may take over.

``choose`` lists the usable providers, primary first. Audio goes only to recipients the data
map declares (``PolicyRecipients``): a provider the privacy policy in force does not name (Yandex)
is left out unless the store's admin has acknowledged it (an audited setting), and Kazdream, named
by the policy but without a public API yet, never gets audio. A provider outside Kazakhstan is left
out unless the store's audio-abroad consent switch (``SYNC_AUDIO_ABROAD``) is on (ElevenLabs never
processes in Kazakhstan; Yandex does when ``YANDEX_IN_KAZAKHSTAN``); one without credentials is
skipped. Nothing left → ``NoProvider``, with every reason.

``transcribe`` runs one audio-lane job. The rule that keeps us from paying twice: once a provider
has accepted the audio (its external id is stored), the recording is only ever *fetched* from
that provider — never resubmitted, never sent to the fallback. The fallback is tried only when
the primary failed in a way that cannot have billed: it refused the credentials (401/403), was
busy (429), failed on its side (5xx) or could not be reached. After a timeout or a dropped
connection the upload may have been accepted, so the job waits and retries the same provider.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

import httpx

from forsell.domain import settings as st
from forsell.domain.settings import SettingDef

from ..errors import (
    AuthFailed,
    BadResponse,
    NetworkDown,
    NoProvider,
    RateLimited,
    Retryable,
    ServerFailed,
    SyncError,
)
from ..transcripts import TranscriptState, TranscriptStore
from .base import Transcript, TranscriptionProvider
from .elevenlabs import ElevenLabsConfig, ElevenLabsScribe, EmptyTranscript, TokenSource
from .yandex import YandexConfig, YandexSpeechKit

#: Errors that prove the provider did not take (and bill) the audio: safe to fall back.
_NOT_BILLED = (AuthFailed, RateLimited, ServerFailed, NetworkDown)
_NONE = {"", st.NO_FALLBACK, "off"}

#: Every speech provider the code can name, as the data map and the settings spell them. Kazdream
#: has a slot but no public API yet: it is declared so, and never receives audio.
PROVIDERS = ("elevenlabs", "kazdream", "yandex")
NO_PUBLIC_API = frozenset({"kazdream"})


@dataclass(frozen=True)
class PolicyRecipients:
    """Which speech providers may receive audio under the privacy policy (clause 2.4).

    ``named``: recipients the policy in force names (from the data map, read by services).
    ``acknowledged``: providers it does not name that the store's admin accepted knowingly.
    The default names nobody: a config built without the data map sends audio nowhere.
    """

    named: frozenset[str] = frozenset()
    acknowledged: frozenset[str] = frozenset()

    def refusal(self, name: str) -> str | None:
        """Why ``name`` may not receive audio, or None when it may."""
        if name in NO_PUBLIC_API:
            return f"{name}: no public API yet, it receives no audio"
        if name in self.named or name in self.acknowledged:
            return None
        return f"{name}: not named by the privacy policy in force and not acknowledged by the admin"


@dataclass(frozen=True)
class RoutingConfig:
    """The store's routing settings and credentials (built by services from settings/secrets)."""

    primary: str = st.SYNC_PRIMARY.default
    fallback: str = st.SYNC_FALLBACK.default
    audio_abroad: bool = st.SYNC_AUDIO_ABROAD.default
    language: str = st.SYNC_LANGUAGE.default  # auto | ru | kk
    keyterms: bool = False
    upload_without_speech: bool = False
    elevenlabs: ElevenLabsConfig = field(default_factory=ElevenLabsConfig)
    yandex: YandexConfig = field(default_factory=YandexConfig)
    elevenlabs_key: str | None = None
    elevenlabs_token_source: TokenSource | None = None
    yandex_key: str | None = None
    recipients: PolicyRecipients = field(default_factory=PolicyRecipients)

    @classmethod
    def from_settings(
        cls,
        value: Callable[[SettingDef[Any]], object],
        secret: Callable[[str], str | None],
        token_source: TokenSource | None = None,
        named: Iterable[str] = (),
    ) -> RoutingConfig:
        """From the registry's settings (``value(settings.SYNC_PRIMARY)``) and secret names
        ("elevenlabs-key"). ``named``: the recipients the policy in force names (the data map's
        ``named_in_policy``); the admin's acknowledgements come from the settings.

        sync/ may not import services, so services pass their typed getter in as a callable.
        """

        def s(setting: SettingDef[Any]) -> str:
            return str(value(setting))

        def b(setting: SettingDef[Any]) -> bool:
            return bool(value(setting))

        without_speech = b(st.SYNC_UPLOAD_WITHOUT_SPEECH)
        return cls(
            primary=s(st.SYNC_PRIMARY),
            fallback=s(st.SYNC_FALLBACK),
            audio_abroad=b(st.SYNC_AUDIO_ABROAD),
            language=s(st.SYNC_LANGUAGE),
            keyterms=b(st.ELEVENLABS_KEYTERMS),
            upload_without_speech=without_speech,
            elevenlabs=ElevenLabsConfig(
                base_url=s(st.ELEVENLABS_URL),
                model_id=s(st.ELEVENLABS_MODEL),
                zero_retention=b(st.ELEVENLABS_ZERO_RETENTION),
                keyterms=b(st.ELEVENLABS_KEYTERMS),
                accept_empty=without_speech,
            ),
            yandex=YandexConfig(
                stt_url=s(st.YANDEX_URL),
                operations_url=s(st.YANDEX_OPERATIONS_URL),
                folder_id=s(st.YANDEX_FOLDER_ID),
                in_kazakhstan=b(st.YANDEX_IN_KAZAKHSTAN),
            ),
            elevenlabs_key=secret("elevenlabs-key"),
            elevenlabs_token_source=token_source,
            yandex_key=secret("yandex-key"),
            recipients=PolicyRecipients(
                named=frozenset(named),
                acknowledged=st.acknowledged_names(s(st.SYNC_ACKNOWLEDGED_RECIPIENTS)),
            ),
        )

    @property
    def language_hint(self) -> str | None:
        return self.language if self.language in ("ru", "kk") else None


def build(
    name: str, config: RoutingConfig, client: httpx.AsyncClient
) -> TranscriptionProvider | None:
    """The provider called ``name``, or None when it has no credentials (or is unknown)."""
    if name == "elevenlabs":
        if not config.elevenlabs_key and config.elevenlabs_token_source is None:
            return None
        return ElevenLabsScribe(
            client,
            config.elevenlabs,
            api_key=config.elevenlabs_key or None,
            token_source=config.elevenlabs_token_source,
        )
    if name == "yandex":
        if not config.yandex_key:
            return None
        return YandexSpeechKit(client, config.yandex, api_key=config.yandex_key)
    # Kazdream (NO_PUBLIC_API): no public API yet; it becomes one more branch and module here.
    return None


def configured(
    config: RoutingConfig,
    client: httpx.AsyncClient,
    extra: Mapping[str, TranscriptionProvider] | None = None,
) -> dict[str, TranscriptionProvider]:
    """Every provider with credentials, by name, regardless of the abroad switch: a pending
    job is *fetched* from whoever holds it (a fetch sends no audio)."""
    names = [
        n
        for n in dict.fromkeys([config.primary, config.fallback, "elevenlabs", "yandex"])
        if n not in _NONE
    ]
    found = {n: p for n in names if (p := (extra or {}).get(n) or build(n, config, client))}
    return found


def choose(
    config: RoutingConfig,
    client: httpx.AsyncClient,
    extra: Mapping[str, TranscriptionProvider] | None = None,
) -> list[TranscriptionProvider]:
    """Primary → fallback, only those that may get audio; NoProvider if none may.

    ``extra``: providers by name that replace the built-in ones (e.g. a fake-… provider).
    """
    chosen: list[TranscriptionProvider] = []
    why: list[str] = []
    for name in dict.fromkeys([config.primary, config.fallback]):
        if name in _NONE:
            continue
        refused = config.recipients.refusal(name)
        if refused is not None:
            why.append(refused)  # checked first: audio never reaches one outside the data map
            continue
        provider = (extra or {}).get(name) or build(name, config, client)
        if provider is None:
            why.append(f"{name}: no credentials")
        elif not provider.in_kazakhstan and not config.audio_abroad:
            why.append(f"{name}: outside Kazakhstan and sending audio abroad is off")
        else:
            chosen.append(provider)
    if not chosen:
        raise NoProvider("; ".join(why) or "no provider configured")
    return chosen


def _now() -> datetime:
    return datetime.now(UTC)


#: Runs a blocking call off the event loop (the engine passes its own executor's ``blocking``).
Blocking = Callable[..., Awaitable[Any]]


#: ``transcribe(state=…)`` not given: read it.
UNREAD = object()


async def _to_thread(fn: Callable[..., Any], *args: Any) -> Any:
    return await asyncio.to_thread(fn, *args)


async def transcribe(
    recording_id: str,
    audio: bytes | Callable[[], bytes],
    store: TranscriptStore,
    chosen: list[TranscriptionProvider],
    *,
    holders: Mapping[str, TranscriptionProvider] | None = None,
    audio_seconds: float,
    language: str | None = None,
    keyterms: list[str] | None = None,
    mime: str = "audio/ogg",
    blocking: Blocking | None = None,
    state: TranscriptState | object | None = UNREAD,
) -> Transcript | None:
    """One audio-lane job: the transcript (saved), or None when it is still being processed.

    ``audio`` may be a callable so the recording is decrypted only when it is really sent.
    ``holders``: providers that may hold an earlier submit (``configured``); defaults to
    ``chosen``. Raises the ``sync.errors`` tree; the outbox schedules the retry.

    Every ``store`` call is SQLite (and crypto): it runs through ``blocking`` (default: a worker
    thread), one short transaction each, never on the event loop and never open across a request.
    ``state``: the recording's ``store.state`` if the caller has just read it (saves a trip).
    """
    run = blocking or _to_thread
    if state is UNREAD:
        state = await run(store.state, recording_id)
    if state is not None and state.has_transcript:
        return await run(store.load, recording_id)
    if state is not None and state.external_id:
        return await _fetch(
            recording_id,
            state.provider,
            state.external_id,
            store,
            holders or {p.name: p for p in chosen},
            run,
        )
    return await _submit(
        recording_id,
        audio,
        store,
        chosen,
        audio_seconds=audio_seconds,
        language=language,
        keyterms=keyterms or [],
        mime=mime,
        run=run,
    )


async def _fetch(
    recording_id: str,
    provider_name: str,
    external_id: str,
    store: TranscriptStore,
    holders: Mapping[str, TranscriptionProvider],
    run: Blocking,
) -> Transcript | None:
    provider = holders.get(provider_name)
    if provider is None:
        raise NoProvider(f"{provider_name} holds this recording but is not configured")
    try:
        transcript = await provider.fetch(external_id)
    except SyncError as error:
        await run(store.record_call, provider.name, recording_id, "fetch", False, error.key, 0.0)
        raise
    await run(
        store.record_call,
        provider.name,
        recording_id,
        "fetch",
        False,
        "ok" if transcript else "pending",
        0.0,
    )
    if transcript is not None:
        await run(store.save, recording_id, transcript)
    return transcript


async def transcribe_with_fallback(
    recording_id: str,
    audio: bytes | Callable[[], bytes],
    store: TranscriptStore,
    chosen: list[TranscriptionProvider],
    *,
    audio_seconds: float,
    language: str | None = None,
    keyterms: list[str] | None = None,
    mime: str = "audio/ogg",
    blocking: Blocking | None = None,
) -> Transcript | None:
    """Submits to the first provider that takes it (see the module docstring for when the next
    one may be tried). The external id is committed before anything else happens."""
    if not chosen:
        raise NoProvider("no provider")
    run = blocking or _to_thread
    state = await run(store.state, recording_id)
    if state is not None and (state.external_id or state.has_transcript):
        raise RuntimeError(f"{recording_id} is already at {state.provider}: fetch, never resubmit")
    return await _submit(
        recording_id,
        audio,
        store,
        chosen,
        audio_seconds=audio_seconds,
        language=language,
        keyterms=keyterms or [],
        mime=mime,
        run=run,
    )


async def _submit(
    recording_id: str,
    audio: bytes | Callable[[], bytes],
    store: TranscriptStore,
    chosen: list[TranscriptionProvider],
    *,
    audio_seconds: float,
    language: str | None,
    keyterms: list[str],
    mime: str,
    run: Blocking,
) -> Transcript | None:
    """transcribe_with_fallback once the caller has checked the recording is at no provider."""
    if not chosen:
        raise NoProvider("no provider")
    data = (await run(audio)) if callable(audio) else audio
    errors: list[SyncError] = []
    for provider in chosen:
        started = _now()
        try:
            submitted = await provider.submit(
                data, mime, language, keyterms or [], idempotency_key=recording_id
            )
        except EmptyTranscript as error:
            # Billed and answered, but empty: keep the id so the retry is a free fetch.
            await run(
                store.record_submit,
                recording_id,
                provider.name,
                error.external_id or None,
                True,
                error.key,
                audio_seconds,
                started,
            )
            raise
        except SyncError as error:
            # An answer lost after the provider had the whole upload (or a 2xx we could not
            # read) may well have been charged: the log counts it billed, so it matches the
            # provider's bill when the retry has to submit again.
            billed = error.delivered
            await run(
                partial(
                    store.record_call,
                    provider.name,
                    recording_id,
                    "submit",
                    billed,
                    error.key,
                    audio_seconds if billed else 0.0,
                    at=started,
                )
            )
            errors.append(error)
            if isinstance(error, _NOT_BILLED) and not error.delivered:
                continue
            raise
        # The external id (with the call and a transcript that came back at once) is committed
        # in one transaction before anything else happens.
        await run(
            store.record_submit,
            recording_id,
            provider.name,
            submitted.external_id or None,
            True,
            "ok",
            audio_seconds,
            started,
            submitted.transcript,
        )
        if submitted.transcript is None and not submitted.external_id:
            raise BadResponse(f"{provider.name}: neither a transcript nor an id")
        return submitted.transcript
    # Every provider failed before billing: a retryable failure wins, so the job comes back.
    retryable = [e for e in errors if isinstance(e, Retryable)]
    raise retryable[-1] if retryable else errors[0]
