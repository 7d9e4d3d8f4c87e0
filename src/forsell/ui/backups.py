"""The till's scheduled backups in the one background-task API: daily while the till or the
tray runs, and after each shift's close. Trouble is logged and shown by ``doctor``; selling
goes on."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTimer

from forsell.services.app import Till
from forsell.services.backup import TillBackups

from .tasks import tasks

log = logging.getLogger(__name__)

#: How often the till looks whether the daily backup is due (it runs once a day).
CHECK_EVERY_MS = 60 * 60 * 1000


def back_up_if_due(till: Till, *, shift_closed: bool = False) -> None:
    """A backup in the task pool when one is due (or a shift just closed)."""
    tasks().run(
        lambda: TillBackups(till.ctx).run_if_due(shift_closed=shift_closed),
        lambda made: log.info("backup written: %s", made.path) if made else None,
        lambda exc: log.error("scheduled backup failed: %s", exc),
        key="backup",
    )


def schedule_backups(till: Till, first_after_ms: int = 120_000) -> QTimer:
    """Checks shortly after the start, then every hour; returns the timer (the app's child)."""
    timer = QTimer(QCoreApplication.instance())
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(lambda: back_up_if_due(till))
    timer.start()
    QTimer.singleShot(first_after_ms, lambda: back_up_if_due(till))
    return timer
