"""Pointing a till's data folder at the FAKE servers, for a demo without any accounts.

``forsell-cashier demo`` (cli.py) starts the fakes and calls ``configure_demo_folder``; so does
``demo --configure-only`` for fakes run in another terminal. The demo till then:

- sends sales to the FAKE backend and audio to the FAKE ElevenLabs/Yandex (URLs on loopback);
- says on screen that transcripts are FAKE (``SYNC_DEMO_FAKES``);
- allows "audio abroad", because the "abroad" provider is a fake on this machine (logged);
- keeps the fake API keys in the OS secret store like real ones (never in a file);
- records the demo cashiers (recording on, their consent recorded by the demo admin); the
  microphone setting is left as it is.

services may not import the fakes (tests/test_layers.py): the caller passes their addresses
and keys in as ``FakeEndpoints``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store.consent_hold import ABROAD, RECORDING
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from . import settings as s
from .app import DB_NAME, Till, open_till
from .consent import ConsentService
from .sync_settings import SyncSettingsService

__all__ = [
    "DemoRefused",
    "DemoSetup",
    "FakeEndpoints",
    "SecretStoreUnavailable",
    "configure_demo",
    "configure_demo_folder",
]

log = logging.getLogger(__name__)
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class DemoRefused(Exception):
    """The folder cannot become a demo till (the message says why and what to do)."""


@dataclass(frozen=True)
class FakeEndpoints:
    """Where the FAKE servers listen and the keys they accept."""

    elevenlabs_url: str
    yandex_url: str
    backend_url: str
    elevenlabs_key: str
    yandex_key: str
    yandex_folder_id: str
    kassa24_url: str = ""  # the FAKE cash register ("": fiscal registration left as it is)
    kassa24_token: str = ""
    kassa24_register: str = ""

    @classmethod
    def from_description(cls, info: Mapping[str, Any]) -> FakeEndpoints:
        """From ``forsell.fakes.__main__.describe(urls)`` (what ``python -m forsell.fakes``
        prints with ``--json``)."""
        urls, settings, secrets = info["urls"], info["settings"], info["secrets"]
        return cls(
            urls["elevenlabs"],
            urls["yandex"],
            urls["backend"],
            secrets["elevenlabs-key"],
            secrets["yandex-key"],
            settings[s.YANDEX_FOLDER_ID.key],
            urls.get("kassa24", ""),
            secrets.get("fiscal-token", ""),
            settings.get(s.FISCAL_REGISTER.key, ""),
        )


@dataclass(frozen=True)
class DemoSetup:
    data_dir: Path
    backend_url: str
    secret_store: str  # the keyring backend that keeps the fake keys
    recorded: tuple[str, ...]  # names of the cashiers who will be recorded
    changed: tuple[str, ...]  # settings keys and "secret:<name>" that changed


def _loopback_only(endpoints: FakeEndpoints) -> None:
    # "Audio abroad" is switched on below only because nothing leaves this machine.
    urls = (endpoints.elevenlabs_url, endpoints.yandex_url, endpoints.backend_url)
    for url in urls + ((endpoints.kassa24_url,) if endpoints.kassa24_url else ()):
        if urlsplit(url).hostname not in LOOPBACK:
            raise DemoRefused(f"the demo talks only to FAKE servers on this machine, not {url}")


def configure_demo(till: Till, endpoints: FakeEndpoints, keyring_backend: Any = None) -> DemoSetup:
    """Configures an open till for the fakes (idempotent: running it again changes nothing
    but the device token, which is dropped so the till registers with the fake backend anew).

    Raises SecretStoreUnavailable (``.hint`` says how to fix it) when keys cannot be kept, and
    DemoRefused when the folder already syncs with real providers or has no admin.
    """
    _loopback_only(endpoints)
    ctx = till.ctx
    sync = SyncSettingsService(ctx, keyring_backend)
    current = sync.current()
    if current.enabled and not current.demo_fakes:
        raise DemoRefused(
            f"sync in {ctx.data_dir} is set up for real providers; the demo would replace "
            "their keys. Use another folder: forsell-cashier demo --data-dir /tmp/forsell-demo"
        )
    store = SecretStore(ctx.device_id, keyring_backend)
    store.check()  # SecretStoreUnavailable: no backend, or one that keeps secrets in a file
    store.get("backend-token")  # … or a locked one
    admin = next((e for e in till.staff.staff() if e.role is Role.ADMIN), None)
    if admin is None:
        raise DemoRefused(f"the till in {ctx.data_dir} has no active admin to configure it")
    demo = replace(
        current,
        enabled=True,
        backend_url=endpoints.backend_url,
        primary="elevenlabs",
        # Yandex stays configured but is no fallback: the privacy policy does not name it, so
        # it needs an admin's acknowledgement in Settings → Sync, even in the demo.
        fallback="none",
        audio_abroad=True,
        elevenlabs_url=endpoints.elevenlabs_url,
        yandex_url=endpoints.yandex_url,
        yandex_folder_id=endpoints.yandex_folder_id,
        demo_fakes=True,
    )
    try:
        # A fresh fake backend does not know the old token: registering again is harmless
        # (events are de-duplicated per device id, which stays).
        changed = sync.save(
            admin,
            demo,
            secrets={
                "elevenlabs-key": endpoints.elevenlabs_key,
                "yandex-key": endpoints.yandex_key,
            },
            clear=("backend-token",),
        )
    except CashierError as exc:
        if exc.key == "sync.secret_store":
            raise SecretStoreUnavailable(
                "error", store.backend_name, str(exc.params.get("hint", ""))
            ) from None
        raise
    if ctx.settings.get(s.YANDEX_OPERATIONS_URL) != endpoints.yandex_url:
        ctx.settings.set(s.YANDEX_OPERATIONS_URL, endpoints.yandex_url)
        changed.append(s.YANDEX_OPERATIONS_URL.key)
    log.warning(
        "DEMO: sending audio abroad is allowed because ElevenLabs here is the FAKE "
        "server at %s on this machine; transcripts are scripted, not real recognition",
        endpoints.elevenlabs_url,
    )
    if endpoints.kassa24_url:
        changed += _demo_fiscal(till, admin, endpoints, keyring_backend)
    consent = ConsentService(ctx)
    if not consent.enabled:
        consent.set_enabled(admin, True)
        changed.append(s.RECORDING_ENABLED.key)
    cashiers = [e for e in till.staff.staff() if e.role is Role.CASHIER]
    for cashier in cashiers:
        # Both purposes: the demo's "abroad" provider is the FAKE ElevenLabs on this machine.
        consent.give_consent(admin, cashier.id, purposes=(RECORDING, ABROAD))  # once only
    return DemoSetup(
        ctx.data_dir,
        endpoints.backend_url,
        store.backend_name,
        tuple(e.name for e in cashiers),
        tuple(changed),
    )


def _demo_fiscal(
    till: Till, admin: Any, endpoints: FakeEndpoints, keyring_backend: Any
) -> list[str]:
    """Fiscal receipts go to the FAKE cash register (nothing reaches a tax office)."""
    from .fiscal import TOKEN_SECRET, FiscalService

    ctx = till.ctx
    changed = []
    if ctx.settings.get(s.FISCAL_URL) != endpoints.kassa24_url:
        ctx.settings.set(s.FISCAL_URL, endpoints.kassa24_url)
        changed.append(s.FISCAL_URL.key)
    service = FiscalService(ctx, keyring_backend)
    if service.secrets.get(TOKEN_SECRET) != endpoints.kassa24_token:
        service.set_token(admin, endpoints.kassa24_token)
        changed.append(f"secret:{TOKEN_SECRET}")
    register = endpoints.kassa24_register
    wanted = (s.FISCAL_PROVIDER, "kassa24"), (s.FISCAL_REGISTER, register)
    if any(ctx.settings.get(setting) != value for setting, value in wanted):
        service.choose_register(admin, "kassa24", register)
        changed += [setting.key for setting, _ in wanted]
    return changed


def store_language(data_dir: Path) -> str | None:
    """The store's language (its receipts' language: ``ru``, ``kk`` or ``en``) in the till's
    database in ``data_dir``, read afresh, or None while there is no store there yet.

    The demo's FAKE speech providers ask this at every transcription, so a Kazakh store hears
    Kazakh conversations, and an admin who switches the language hears the new one next. A
    read-only connection of its own: the fakes run beside the till (or in another process)."""
    path = data_dir / DB_NAME
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2)) as db:
            row = db.execute(
                "SELECT value FROM settings WHERE key = ?", (s.RECEIPT_LANGUAGE.key,)
            ).fetchone()
    except sqlite3.Error as exc:  # being restored or migrated: the next request reads again
        log.warning("DEMO: the store's language cannot be read from %s: %s", path, exc)
        return None
    if row is None:
        return s.RECEIPT_LANGUAGE.default
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, str) else None


def configure_demo_folder(
    data_dir: Path, endpoints: FakeEndpoints, keyring_backend: Any = None
) -> DemoSetup:
    """Opens (on first use: creates, with the demo store) the till in ``data_dir`` and
    configures it for the fakes. Raises DatabaseProblem as ``open_till`` does."""
    till = open_till(data_dir)
    try:
        return configure_demo(till, endpoints, keyring_backend)
    finally:
        till.close()
