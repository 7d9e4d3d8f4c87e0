"""What every service needs: the database, settings, this device's id and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from forsell.domain.ids import new_id
from forsell.store.db import Database
from forsell.store.models import utcnow

from . import settings as s


@dataclass
class TillContext:
    db: Database
    data_dir: Path
    clock: Callable[[], datetime] = utcnow
    settings: s.Settings = field(init=False)

    def __post_init__(self) -> None:
        self.settings = s.Settings(self.db)
        if not self.settings.get(s.DEVICE_ID):
            self.settings.set(s.DEVICE_ID, new_id())

    @property
    def device_id(self) -> str:
        return self.settings.get(s.DEVICE_ID)

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.get(s.TIMEZONE))

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.timezone)

    def close(self) -> None:
        self.db.dispose()
