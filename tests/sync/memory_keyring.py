"""A secret store in this process's memory (what the Secret Service is to a real till).

Also loadable by a child process: ``PYTHON_KEYRING_BACKEND=memory_keyring.MemoryKeyring`` with
this folder on ``PYTHONPATH`` (the CLI tests).
"""

from __future__ import annotations

import os

import keyring.backend
import keyring.errors
from jaraco.classes import properties


class MemoryKeyring(keyring.backend.KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # Only when chosen on purpose (passed in, or named in PYTHON_KEYRING_BACKEND): keyring's
        # automatic choice sees every imported backend class and must never pick a test's.
        if os.environ.get("PYTHON_KEYRING_BACKEND", "").endswith("." + cls.__name__):
            return 1
        raise RuntimeError("test keyring: pass it in explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
