"""The app's log files: ``<data folder>/logs/cashier.log``, rotated, never PINs or secrets.

Log records name things by id (sale id, receipt number, employee id), never by a PIN, a key or a
customer's words; keep it that way when you add a log line.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

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


# --- crash reports -------------------------------------------------------------------------------
# A crash report is what a shop owner may mail to support: it must hold nothing about the shop's
# customers or staff. So it names the error's type but never its message (a KeyError's message
# is the key: a name, a phone number), the code's places (module path, line, function) but never
# local values, and module paths from the package on (a full path names the user's home folder).

CRASH_PREFIX = "crash-"
LEFT_OUT = (
    "(the error's message and the program's data are left out: they may name a customer or a "
    "member of staff; the full record is in cashier.log on this computer)"
)
KEEP_CRASH_REPORTS = 20


def _code_place(filename: str) -> str:
    """``.../site-packages/forsell/ui/app.py`` → ``forsell/ui/app.py``; a path outside any
    package keeps only its file name."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages", "_internal", "src", "lib"):
        if marker in parts:
            rest = parts[len(parts) - parts[::-1].index(marker) :]
            if rest:
                return "/".join(rest)
    return Path(filename).name


def crash_report_text(
    kind: type[BaseException], tb: TracebackType | None, facts: dict[str, str]
) -> str:
    """The report's text: ``facts`` (version, Qt, system), the error's type, where it happened."""
    lines = ["4Sell Cashier crash report", ""]
    lines += [f"{key}: {value}" for key, value in facts.items()]
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    lines += [
        f"error: {name}",
        LEFT_OUT,
        "where (innermost last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_code_place(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_crash_report(
    folder: Path,
    kind: type[BaseException],
    tb: TracebackType | None,
    facts: dict[str, str],
    now: datetime | None = None,
) -> Path | None:
    """Writes ``crash-<UTC time>.txt`` in ``folder`` and keeps the newest few; None when the
    folder cannot be written (a full or read-only disk must not turn one failure into two)."""
    moment = now or datetime.now(UTC)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{CRASH_PREFIX}{moment:%Y%m%d-%H%M%S-%f}.txt"
        path.write_text(crash_report_text(kind, tb, facts), encoding="utf-8")
        for old in sorted(folder.glob(f"{CRASH_PREFIX}*.txt"))[:-KEEP_CRASH_REPORTS]:
            old.unlink(missing_ok=True)
    except OSError:
        return None
    return path


def record_fatal_errors(folder: Path) -> Path | None:
    """A crash Python cannot catch (a segfault in a library, an abort) still leaves the stack of
    every thread in ``fatal-errors.log`` (faulthandler: code places only, no values)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / "fatal-errors.log").open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(file=handle, all_threads=True)
    _fatal_log_handles.append(handle)  # faulthandler needs the file open for the process's life
    return folder / "fatal-errors.log"


_fatal_log_handles: list[IO[str]] = []
