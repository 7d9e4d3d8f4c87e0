"""Filling a (small, test-only) disk to its last byte, so that SQLite meets ENOSPC for real."""

from __future__ import annotations

import os
from pathlib import Path


def fill_to_the_last_byte(filler: Path, leave: int = 0) -> None:
    """Appends zeros to ``filler`` until the disk refuses even one byte, then gives back
    ``leave`` bytes. Delete ``filler`` to free the disk."""
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 1):  # big blocks, then down to the last byte
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
