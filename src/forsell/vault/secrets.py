"""The one adapter to the OS secret store (keyring): reports its backend, fails loudly.

Without a usable secret store the app must not invent a place for keys: recording stays off and
the till and ``doctor`` say what is missing and how to fix it.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors

from forsell.domain.problems import Problem

SERVICE = "forsell-cashier"
KEK_BYTES = 32
#: The PIN pepper: an HMAC-SHA256 key, kept beside the KEK under this name.
PIN_PEPPER = "pin-pepper-v1"
PEPPER_BYTES = 32
#: The audit key: an HMAC-SHA256 key that seals the audit trail's hash chain (store/audit.py).
AUDIT_KEY = "audit-key-v1"
AUDIT_KEY_BYTES = 32

#: Backends that would keep secrets in a plain file or nowhere: refused.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


#: Why secrets cannot be kept; each has its problem code ``secret_store.<kind>``.
KINDS = ("no_backend", "insecure_backend", "locked", "error")


class SecretStoreUnavailable(Exception):
    """``kind``: no_backend | insecure_backend | locked | error. ``problem`` says how to fix it
    as data (``secret_store.<kind>``) for ``ui/`` and the CLI to word; ``hint`` is its English
    fallback, for logs and ``doctor``."""

    def __init__(self, kind: str, backend: str, detail: str = "") -> None:
        super().__init__(f"secret store unavailable ({kind}): {backend} {detail}".strip())
        self.kind = kind if kind in KINDS else "error"
        self.backend = backend
        self.detail = detail

    @property
    def problem(self) -> Problem:
        params: dict[str, object] = {"backend": self.backend}
        if self.detail:
            params["detail"] = self.detail
        return Problem(f"secret_store.{self.kind}", params)

    @property
    def hint(self) -> str:
        return self.problem.message


def _backends(backend: keyring.backend.KeyringBackend) -> list[keyring.backend.KeyringBackend]:
    return list(getattr(backend, "backends", None) or [backend])


def describe(backend: keyring.backend.KeyringBackend) -> str:
    return (
        ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in _backends(backend)) or "none"
    )


@dataclass
class SecretStore:
    """Secrets of this till (one ``account`` per data folder/device)."""

    account: str
    backend: keyring.backend.KeyringBackend | None = None

    def __post_init__(self) -> None:
        if self.backend is None:
            self.backend = keyring.get_keyring()

    @property
    def backend_name(self) -> str:
        return describe(self.backend)

    def check(self) -> None:
        """Raises SecretStoreUnavailable unless secrets can really be kept safely."""
        backends = _backends(self.backend)
        if not backends or all(
            type(b).__module__.startswith(_REFUSED_MODULES[:2]) for b in backends
        ):
            raise SecretStoreUnavailable("no_backend", self.backend_name)
        if any(type(b).__module__.startswith(_REFUSED_MODULES[2]) for b in backends):
            raise SecretStoreUnavailable("insecure_backend", self.backend_name)

    def _name(self, what: str) -> str:
        return f"{self.account}:{what}"

    def get(self, what: str) -> str | None:
        self.check()
        try:
            return self.backend.get_password(SERVICE, self._name(what))
        except keyring.errors.KeyringLocked as exc:
            raise SecretStoreUnavailable("locked", self.backend_name) from exc
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable("error", self.backend_name, type(exc).__name__) from exc

    def set(self, what: str, value: str) -> None:
        self.check()
        try:
            self.backend.set_password(SERVICE, self._name(what), value)
        except keyring.errors.KeyringLocked as exc:
            raise SecretStoreUnavailable("locked", self.backend_name) from exc
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable("error", self.backend_name, type(exc).__name__) from exc

    def delete(self, what: str) -> None:
        self.check()
        try:
            self.backend.delete_password(SERVICE, self._name(what))
        except keyring.errors.PasswordDeleteError:
            pass

    def key_encryption_key(self) -> bytes:
        """The KEK of this till, created on first use. Never leaves memory except to the store."""
        stored = self.get("kek-v1")
        if stored is None:
            self.set("kek-v1", base64.b64encode(os.urandom(KEK_BYTES)).decode())
            stored = self.get("kek-v1")  # read back: proves the store really kept it
            if stored is None:
                raise SecretStoreUnavailable("error", self.backend_name, "the new key was not kept")
        kek = base64.b64decode(stored)
        if len(kek) != KEK_BYTES:
            raise SecretStoreUnavailable("error", self.backend_name, "the stored key is damaged")
        return kek

    def pin_pepper(self) -> bytes | None:
        """The PIN pepper of this till (an HMAC key mixed into every PIN before it is hashed), or
        None when the store holds none. Creating one is the caller's decision (``new_pin_pepper``):
        a new pepper beside hashes made with a lost one would lock everyone out without a word."""
        stored = self.get(PIN_PEPPER)
        if stored is None:
            return None
        pepper = base64.b64decode(stored)
        if len(pepper) != PEPPER_BYTES:
            raise SecretStoreUnavailable("error", self.backend_name, "the stored pepper is damaged")
        return pepper

    def new_pin_pepper(self) -> bytes:
        """Stores a fresh random PIN pepper in place of any earlier one and returns it."""
        self.set(PIN_PEPPER, base64.b64encode(os.urandom(PEPPER_BYTES)).decode())
        pepper = self.pin_pepper()  # read back: proves the store really kept it
        if pepper is None:
            raise SecretStoreUnavailable("error", self.backend_name, "the new pepper was not kept")
        return pepper

    def audit_key(self) -> bytes | None:
        """The key that seals this till's audit trail, or None when the store holds none.
        Creating one is the caller's decision (``new_audit_key``): a new key beside entries
        sealed with a lost one would make the whole trail look forged."""
        stored = self.get(AUDIT_KEY)
        if stored is None:
            return None
        key = base64.b64decode(stored)
        if len(key) != AUDIT_KEY_BYTES:
            raise SecretStoreUnavailable(
                "error", self.backend_name, "the stored audit key is damaged"
            )
        return key

    def new_audit_key(self) -> bytes:
        """Stores a fresh random audit key and returns it (read back from the store)."""
        self.set(AUDIT_KEY, base64.b64encode(os.urandom(AUDIT_KEY_BYTES)).decode())
        key = self.audit_key()
        if key is None:
            raise SecretStoreUnavailable(
                "error", self.backend_name, "the new audit key was not kept"
            )
        return key
