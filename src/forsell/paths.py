"""Where things live: the user data folder and the shipped resources."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "forsell-cashier"
APP_AUTHOR = "4Sell"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
