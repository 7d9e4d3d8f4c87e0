"""The admin's sync settings: addresses, providers, the audio-abroad consent, and the secrets.

Settings go to the settings table; API keys and the device token go only to the OS secret store
(vault/secrets.py), never to the database, a file or a log. A stored secret is never read back
for display: the screen only learns whether it is set. Every save is audited (with the names of
the settings and secrets that changed, never their values).

Speech providers are recipients declared in the data map. One the privacy policy in force does
not name (Yandex) may be chosen only after an admin has acknowledged it; the acknowledgement is a
setting, and giving or withdrawing it is audited with who and when.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.domain.settings import acknowledged_names
from forsell.store import audit
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from . import settings as s
from .access import public, requires
from .auth import EmployeeView
from .context import TillContext
from .privacy.data_map import DataMap, shipped

#: SecretStore names of the secrets the sync screen edits.
SECRETS = ("backend-token", "elevenlabs-key", "yandex-key")


@dataclass(frozen=True)
class SyncSettings:
    """The editable sync settings, as one form (no secrets in here)."""

    enabled: bool
    backend_url: str
    primary: str
    fallback: str
    language: str
    audio_abroad: bool
    upload_without_speech: bool
    elevenlabs_url: str
    elevenlabs_zero_retention: bool
    elevenlabs_keyterms: bool
    yandex_url: str
    yandex_folder_id: str
    demo_fakes: bool


_FIELDS = {
    "enabled": s.SYNC_ENABLED,
    "backend_url": s.SYNC_BACKEND_URL,
    "primary": s.SYNC_PRIMARY,
    "fallback": s.SYNC_FALLBACK,
    "language": s.SYNC_LANGUAGE,
    "audio_abroad": s.SYNC_AUDIO_ABROAD,
    "upload_without_speech": s.SYNC_UPLOAD_WITHOUT_SPEECH,
    "elevenlabs_url": s.ELEVENLABS_URL,
    "elevenlabs_zero_retention": s.ELEVENLABS_ZERO_RETENTION,
    "elevenlabs_keyterms": s.ELEVENLABS_KEYTERMS,
    "yandex_url": s.YANDEX_URL,
    "yandex_folder_id": s.YANDEX_FOLDER_ID,
    "demo_fakes": s.SYNC_DEMO_FAKES,
}


def _check_backend_url(new: SyncSettings) -> None:
    """The backend's address may stay empty only while sync is off (or talks to the fakes)."""
    if not new.backend_url and new.enabled and not new.demo_fakes:
        raise CashierError(
            s.SYNC_BACKEND_URL.error,
            "Not a web address: {url}",
            setting=s.SYNC_BACKEND_URL.key,
            url=new.backend_url,
        )


@dataclass(frozen=True)
class ProviderStanding:
    """A speech provider as the data map declares it, and whether the admin acknowledged it."""

    name: str  # as settings and routing spell it
    title: str
    country: str
    named_in_policy: bool
    public_api: bool
    acknowledged: bool

    @property
    def may_receive_audio(self) -> bool:
        """Whether routing may send it audio at all (credentials and abroad aside)."""
        return self.public_api and (self.named_in_policy or self.acknowledged)


def _check_recipients(new: SyncSettings, data_map: DataMap, acknowledged: frozenset[str]) -> None:
    """A provider outside the policy in force may be chosen only once acknowledged."""
    providers = data_map.speech_providers()
    for name in (new.primary, new.fallback):
        standing = providers.get(name)
        if standing is None or standing.named_in_policy or name in acknowledged:
            continue
        raise CashierError(
            "sync.recipient_not_acknowledged",
            "{provider} is not named by the privacy policy in force: acknowledge it first",
            provider=standing.name,
        )


class SyncSettingsService:
    """Reads and saves the sync settings and secrets of this till (admin only)."""

    def __init__(
        self, ctx: TillContext, keyring_backend=None, data_map: DataMap | None = None
    ) -> None:
        self.ctx = ctx
        self._backend = keyring_backend
        self._data_map = data_map

    @property
    def data_map(self) -> DataMap:
        """The data map the recipients rule reads (the shipped one unless a test gives another)."""
        return self._data_map or shipped()

    def _acknowledged(self) -> frozenset[str]:
        return acknowledged_names(self.ctx.settings.get(s.SYNC_ACKNOWLEDGED_RECIPIENTS))

    @public
    def providers(self) -> list[ProviderStanding]:
        """Every speech provider of the data map, with its standing under the policy in force."""
        acknowledged = self._acknowledged()
        return [
            ProviderStanding(
                name,
                r.name,
                r.country,
                r.named_in_policy,
                r.public_api,
                name in acknowledged,
            )
            for name, r in sorted(self.data_map.speech_providers().items())
        ]

    @requires(Role.ADMIN)
    def acknowledge_recipient(self, who: EmployeeView, provider: str, given: bool = True) -> bool:
        """Records (``given``) or withdraws the admin's acknowledgement that ``provider`` gets
        audio although the policy in force does not name it; audited with who and when.

        Returns whether anything changed. Raises CashierError("admin.only", "sync.provider"
        for a provider the data map does not list or the policy already names).
        """
        standing = self.data_map.speech_providers().get(provider)
        if standing is None or standing.named_in_policy:
            raise CashierError(
                "sync.provider", "{provider}: nothing to acknowledge", provider=provider
            )
        current = self._acknowledged()
        wanted = current | {provider} if given else current - {provider}
        if wanted == current:
            return False
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "recipient_acknowledged" if given else "recipient_acknowledgement_withdrawn",
                who.id,
                provider=provider,
                named_in_policy=False,
            )
        self.ctx.settings.set(s.SYNC_ACKNOWLEDGED_RECIPIENTS, ",".join(sorted(wanted)))
        return True

    def _store(self) -> SecretStore:
        return SecretStore(self.ctx.device_id, self._backend)

    @public
    def current(self) -> SyncSettings:
        """The store's sync settings as the admin's Sync screen edits them."""
        get = self.ctx.settings.get
        return SyncSettings(**{name: get(setting) for name, setting in _FIELDS.items()})

    @public
    def secret_store_problem(self) -> SecretStoreUnavailable | None:
        """None when secrets can be kept; else what is wrong (``.kind``, ``.problem``)."""
        try:
            self._store().check()
        except SecretStoreUnavailable as problem:
            return problem
        return None

    @public
    def secrets_set(self) -> dict[str, bool] | None:
        """Which secrets are stored (name → set or not); None if the secret store is unusable.
        The values are looked at only to answer set/not set, and are never returned."""
        store = self._store()
        try:
            return {name: bool(store.get(name)) for name in SECRETS}
        except SecretStoreUnavailable:
            return None

    @requires(Role.ADMIN)
    def save(
        self,
        who: EmployeeView,
        new: SyncSettings,
        secrets: dict[str, str] | None = None,
        clear: tuple[str, ...] = (),
    ) -> list[str]:
        """Saves ``new``; sets each non-empty secret in ``secrets`` and deletes those in ``clear``.

        Returns the names of what changed (settings keys and secret names). Raises CashierError
        ("admin.only", "sync.url", "sync.provider", "sync.recipient_not_acknowledged",
        "sync.secret_store"); on a secret-store
        failure nothing at all is saved, so the form and the store never disagree.
        """
        new = SyncSettings(
            **{
                f.name: (
                    getattr(new, f.name).strip()
                    if isinstance(getattr(new, f.name), str)
                    else getattr(new, f.name)
                )
                for f in fields(new)
            }
        )
        for name, setting in _FIELDS.items():  # the registry's rule, as for every setting
            setting.check(getattr(new, name))
        _check_backend_url(new)
        _check_recipients(new, self.data_map, self._acknowledged())
        secrets = {k: v.strip() for k, v in (secrets or {}).items() if k in SECRETS and v.strip()}
        clear = tuple(name for name in clear if name in SECRETS and name not in secrets)
        if secrets or clear:
            problem = self.secret_store_problem()
            if problem is not None:
                raise CashierError(
                    "sync.secret_store", "Secret store unavailable: {hint}", hint=problem.problem
                )
            store = self._store()
            try:
                for name, value in secrets.items():
                    store.set(name, value)
                for name in clear:
                    store.delete(name)
            except SecretStoreUnavailable as problem:
                raise CashierError(
                    "sync.secret_store", "Secret store unavailable: {hint}", hint=problem.problem
                ) from None
        changed = [
            setting.key
            for name, setting in _FIELDS.items()
            if self.ctx.settings.get(setting) != getattr(new, name)
        ]
        for name, setting in _FIELDS.items():
            if setting.key in changed:
                self.ctx.settings.set(setting, getattr(new, name))
        changed += [f"secret:{name}" for name in (*secrets, *clear)]
        if changed:
            with self.ctx.db.write() as session:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "sync_settings_changed",
                    who.id,
                    changed=sorted(changed),
                )
        return changed
