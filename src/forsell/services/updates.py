"""Update notices: the 4Sell service announces its newest version, the till says so.

The announcement arrives as the remote setting ``app.latest_version`` (settings pull). Nothing is
downloaded or installed here: the shop owner installs the new package (README, "Install in a
shop"). A version is compared by its numeric parts (``0.10.0`` is newer than ``0.9.2``); a text
that is not a version gives no notice rather than a wrong one.
"""

from __future__ import annotations

import re

from forsell import __version__

from . import settings as s
from .settings import Settings

_VERSION = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+))?$")


def version_key(text: str) -> tuple[int, int, int] | None:
    """``"1.2.3"`` → (1, 2, 3); ``"1.2"`` → (1, 2, 0); anything else (``"0.0.0+src"``, ``"2.0b1"``,
    blank) → None."""
    match = _VERSION.match(text.strip())
    if match is None:
        return None
    major, minor, patch = match.groups()
    return int(major), int(minor), int(patch or 0)


def newer_version(announced: str, running: str = __version__) -> str | None:
    """``announced`` when it is a version newer than ``running``; else None."""
    new, old = version_key(announced), version_key(running)
    if new is None or old is None or new <= old:
        return None
    return announced.strip()


def update_available(settings: Settings, running: str = __version__) -> str | None:
    """The newer version the service announced for this till, or None."""
    return newer_version(settings.get(s.APP_LATEST_VERSION), running)
