"""The app's log files: ``<data folder>/logs/cashier.log``, rotated, never PINs or secrets.

Log records name things by id (sale id, receipt number, employee id), never by a PIN, a key or a
customer's words; keep it that way when you add a log line.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s %(threadName)s: %(message)s"


def configure(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Sends ``forsell.*`` logs to a rotating file; returns its path, or None if not writable."""
    folder = data_dir / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "cashier.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only data folder must not stop the till; doctor reports it
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger("forsell")
    root.setLevel(level)
    root.addHandler(handler)
    return folder / "cashier.log"
