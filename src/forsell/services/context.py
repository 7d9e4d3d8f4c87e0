"""What every service needs: the database, settings, this device's id and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from forsell.domain.ids import new_id
from forsell.store.db import Database
from forsell.store.models import utcnow

from . import settings as s
from .audit_trail import AuditKeeper
from .pins import PinKeeper

if TYPE_CHECKING:
    from .doctor import DatabaseDamage


@dataclass
class TillContext:
    db: Database
    data_dir: Path
    clock: Callable[[], datetime] = utcnow
    #: The OS secret store's keyring backend (None: keyring's default); the PIN pepper is there.
    keyring_backend: Any = None
    settings: s.Settings = field(init=False)
    #: PIN hashing with this till's pepper (see ``services/pins.py``).
    pins: PinKeeper = field(init=False)
    #: The audit trail's key (see ``services/audit_trail.py``); every entry is sealed with it.
    audit: AuditKeeper = field(init=False)
    #: Set by the start-up check when the database fails ``quick_check``: no new sale then.
    sales_refused: DatabaseDamage | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.settings = s.Settings(self.db)
        if not self.settings.get(s.DEVICE_ID):
            self.settings.set(s.DEVICE_ID, new_id())
        self.pins = PinKeeper(self, self.keyring_backend)
        self.audit = AuditKeeper(self, self.keyring_backend)
        self.db.audit.key = self.audit.key
        self.db.audit.clock = self.clock

    @property
    def device_id(self) -> str:
        """This till's id (a UUIDv7 made at the first start); every record it syncs carries it."""
        return self.settings.get(s.DEVICE_ID)

    @property
    def timezone(self) -> ZoneInfo:
        """The store's time zone (the IANA name in the settings, e.g. ``Asia/Almaty``)."""
        return ZoneInfo(self.settings.get(s.TIMEZONE))

    def local(self, when: datetime) -> datetime:
        """``when`` (stored in UTC) in the store's time zone, for display."""
        return when.astimezone(self.timezone)

    def close(self) -> None:
        """Closes the database connections."""
        self.db.dispose()
