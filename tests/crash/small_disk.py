"""A disk that really fills: a small tmpfs of its own (root, as CI runs), else RLIMIT_FSIZE.

On the tmpfs, SQLite meets ENOSPC exactly as on a full disk. Without root, the fallback limits
the size of every file this process writes (``RLIMIT_FSIZE``; Python ignores SIGXFSZ, so a write
past it fails with EFBIG): the same refusal to grow any file, but the kernel says "file too
large", which SQLite reports as an I/O error rather than a full disk.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
from pathlib import Path

import pytest

from full_disk import fill_to_the_last_byte

TMPFS_SIZE = "16m"


class SmallDisk:
    """``root`` is a folder on a disk that ``fill`` fills (to ``leave`` free bytes) and ``free``
    frees again."""

    def __init__(self, root: Path, tmpfs: bool) -> None:
        self.root = root
        self.tmpfs = tmpfs
        self._filler = root / "filler"
        self._limit: tuple[int, int] | None = None

    @property
    def fault_kinds(self) -> tuple[str, ...]:
        """The storage fault the till must report for this disk being full."""
        return ("disk_full",) if self.tmpfs else ("disk_full", "io")

    def fill(self, leave: int = 0, wal_of: Path | None = None) -> None:
        """No room left (but ``leave`` bytes). ``wal_of``: that database's WAL is emptied first,
        so that its next write must grow the file, as on a till whose WAL was checkpointed."""
        if wal_of is not None:
            conn = sqlite3.connect(wal_of)
            try:
                busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                assert busy == 0, "another connection holds the WAL"
            finally:
                conn.close()
        if not self.tmpfs:
            self._limit = resource.getrlimit(resource.RLIMIT_FSIZE)
            resource.setrlimit(resource.RLIMIT_FSIZE, (leave, self._limit[1]))
            return
        fill_to_the_last_byte(self._filler, leave)

    def free(self) -> None:
        if self._limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, self._limit)
            self._limit = None
        self._filler.unlink(missing_ok=True)


def mount_small_disk(where: Path) -> SmallDisk:
    """A tmpfs at ``where`` when this process may mount (root), else the RLIMIT_FSIZE fallback
    on an ordinary folder (also as root with ``CRASH_DISK=rlimit``). Unmount with ``unmount``."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0 and os.environ.get("CRASH_DISK") != "rlimit":
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700", "tmpfs", str(where)],
            capture_output=True,
            text=True,
            check=False,
        )
        if mounted.returncode != 0:
            pytest.fail(f"root could not mount a small tmpfs: {mounted.stderr}")
        return SmallDisk(where, tmpfs=True)
    return SmallDisk(where, tmpfs=False)


def unmount(disk: SmallDisk) -> None:
    disk.free()
    if disk.tmpfs:
        subprocess.run(["umount", "-l", str(disk.root)], check=False)
