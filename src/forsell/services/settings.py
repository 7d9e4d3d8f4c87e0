"""Store and device settings in the ``settings`` table, read and written through the one
registry of declarations (``forsell.domain.settings``: key, type, allowed values, default, label).

The declarations are re-exported here, so services write ``s.STORE_NAME``; ``ui/`` translates
their labels; the core never shows text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import select

# The declarations, under the names services have always used (s.STORE_NAME, s.ALL, …).
from forsell.domain.settings import *
from forsell.domain.settings import REGISTRY, SettingDef, T
from forsell.store.db import Database
from forsell.store.models import Setting as SettingRow


class Settings:
    """Typed access to the ``settings`` table, cached in memory (only this process writes it)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        with db.read() as session:
            self._cache: dict[str, Any] = {
                row.key: row.value for row in session.scalars(select(SettingRow))
            }

    def reload(self) -> None:
        """Re-reads the table after a write that did not go through :meth:`set` (a backend pull
        writes settings in the same transaction as its cursor)."""
        with self._db.read() as session:
            self._cache = {row.key: row.value for row in session.scalars(select(SettingRow))}

    def get(self, setting: SettingDef[T]) -> T:
        """The setting's value (its default when never set), of the type it was declared with."""
        value = self._cache.get(setting.key, setting.default)
        convert = cast(Callable[[Any], T], setting.type)  # int/str/bool: JSON gives them back
        return convert(value)

    def set(self, setting: SettingDef[T], value: T) -> None:
        """Stores ``value`` after the registry's check (CashierError(``setting.error``) when it
        is not allowed); ``setting`` must be a registered declaration."""
        if REGISTRY.get(setting.key) is not setting:
            raise KeyError(f"{setting.key} is not a registered setting")
        setting.check(value)
        with self._db.write() as session:
            session.merge(SettingRow(key=setting.key, value=value))
        self._cache[setting.key] = value
