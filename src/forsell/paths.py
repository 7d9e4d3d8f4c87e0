"""Where things live: the user data folder and the shipped resources."""

from __future__ import annotations

import os
import stat
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


# --- private files -----------------------------------------------------------------------------
# The data folder holds sales, staff PIN hashes, wrapped recording keys, logs and backups: on a
# shared computer no other local account may read them. On POSIX the folder is 0700 and every file
# the app writes 0600 (a 0077 umask for the whole process, set once at start, covers databases and
# their -wal/-shm, backups, logs, exports and PDFs alike). On Windows the data folder lies in the
# user's profile and inherits its ACL, which already keeps other users out; modes are not used.

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_umask() -> None:
    """Files and folders this process creates from now on are its user's alone (POSIX)."""
    if os.name == "posix":
        os.umask(0o077)


def open_to_others(data_dir: Path) -> list[Path]:
    """Everything in ``data_dir`` (and the folder itself) that group or others may access."""
    if os.name != "posix" or not data_dir.exists():
        return []
    found = []
    for path in [data_dir, *sorted(data_dir.rglob("*"))]:
        try:
            mode = path.lstat().st_mode
        except OSError:
            continue  # gone meanwhile (a -journal, a rotated log)
        if stat.S_ISLNK(mode):
            continue
        if mode & 0o077:
            found.append(path)
    return found


def make_private(data_dir: Path) -> list[Path]:
    """Takes group and other access away from the data folder and all in it; returns what was
    changed (a folder made by an older version, or files copied in by hand)."""
    changed = []
    for path in open_to_others(data_dir):
        wanted = PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE
        try:
            path.chmod(wanted)
        except OSError:
            continue  # not ours to change (another owner): doctor names it
        changed.append(path)
    return changed
