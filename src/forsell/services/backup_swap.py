"""The last step of a restore, kept small: the till's start finishes (or forgets) a restore that
a kill interrupted, before it opens the database, without loading the backup machinery.

A restore stages the verified database and key file in ``.restore-*`` inside the data folder,
then writes ``restore-in-progress.json`` (the commit point) and moves them in. A marker means:
move in what is still staged; no marker means: the staging folder is a leftover, remove it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

DB_NAME = "cashier.sqlite"
KEY_FILE = "keys.sqlite"
PARTIAL = ".partial"
#: A restore in progress: present from the commit point until the new data is in place.
RESTORE_MARKER = "restore-in-progress.json"
STAGING_PREFIX = ".restore-"
#: The plain snapshots of a backup being made, inside the data folder.
WORK_PREFIX = ".backup-"
_STALE_WORK_S = 6 * 3600


def instance_name(data_dir: Path) -> str:
    """The local socket the running till of ``data_dir`` listens on (its single-instance
    server in ``ui/app.py`` uses this name: two folders may run side by side)."""
    digest = hashlib.sha256(str(data_dir.expanduser().resolve()).encode()).hexdigest()[:16]
    return f"forsell-cashier-{digest}"


def till_running(data_dir: Path) -> bool:
    """True when a till (window or tray) runs on ``data_dir``: its instance socket answers.
    Qt keeps the socket in the temporary folder on POSIX; elsewhere this cannot tell (False)."""
    if os.name != "posix":
        return False
    path = Path(tempfile.gettempdir()) / instance_name(data_dir)
    if not path.exists():
        return False
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(1.0)
    try:
        probe.connect(str(path))
    except OSError:
        return False  # a crashed till's socket file: nobody answers
    finally:
        probe.close()
    return True


def fsync_dir(folder: Path) -> None:
    """Makes renames in ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restore_source(data_dir: Path) -> str | None:
    """The backup file's name of a restore past its commit point, not yet moved in (None
    without one): read before ``finish_interrupted_restore`` so the start can audit it."""
    marker = data_dir / RESTORE_MARKER
    try:
        return str(json.loads(marker.read_text()).get("from") or "")
    except (OSError, ValueError, AttributeError):
        return None


def finish_interrupted_restore(data_dir: Path) -> bool:
    """At start-up (and before a restore): a restore past its commit point is finished, one
    that was not is forgotten (its staging folder removed). True when one was finished."""
    marker = data_dir / RESTORE_MARKER
    (data_dir / (RESTORE_MARKER + PARTIAL)).unlink(missing_ok=True)
    if not marker.exists():
        for leftover in data_dir.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(leftover, ignore_errors=True)
        for leftover in data_dir.glob(f"{WORK_PREFIX}*"):
            try:
                age = time.time() - leftover.stat().st_mtime
            except OSError:
                continue
            if age > _STALE_WORK_S:  # a younger one may be a running till's backup
                shutil.rmtree(leftover, ignore_errors=True)
        return False
    staging = data_dir / json.loads(marker.read_text())["staging"]
    for name in (DB_NAME, KEY_FILE):
        staged = staging / name
        if not staged.exists():
            if name == KEY_FILE and not (staging / DB_NAME).exists():
                continue  # moved already
            if name == KEY_FILE:
                # The backup had no key file: the live one would not fit the restored data.
                for suffix in ("-wal", "-shm", ""):
                    (data_dir / (name + suffix)).unlink(missing_ok=True)
            continue
        # The old database's log must never be read with the new file.
        for suffix in ("-wal", "-shm", "-journal"):
            (data_dir / (name + suffix)).unlink(missing_ok=True)
        staged.replace(data_dir / name)
    fsync_dir(data_dir)
    marker.unlink()
    fsync_dir(data_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return True
