"""The last line of defence: every unexpected exception is logged and shown, never swallowed.

Without a hook, an exception escaping a Qt slot is printed to a console nobody reads and the
screen simply stays as it was (a payment dialog sat silent on a failed write that way). Python
calls ``sys.excepthook`` for exceptions that escape a slot, and ``threading.excepthook`` for
those that end a worker thread; both go to the log with their traceback, and the person at the
till sees a dialog saying that something failed, that the till goes on, and where the details
are. Dialogs are shown on the GUI thread only (a queued signal carries reports from other
threads) and one at a time: a burst of failures gives one dialog, not a cascade.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("forsell.unexpected")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class _Reporter(QObject):
    """Lives on the GUI thread for the application's lifetime; shows the dialog there."""

    failed = Signal(str)  # the exception's type name (no message: it may carry data)

    def __init__(self, logs_folder: Path | None) -> None:
        super().__init__(QCoreApplication.instance())
        self.logs_folder = logs_folder
        self.showing = False
        self.shown = 0
        self.failed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, kind: str) -> None:
        if self.showing or QApplication.instance() is None:
            return  # one dialog at a time; the log has every failure
        self.showing = True
        try:
            where = str(self.logs_folder) if self.logs_folder else "logs"
            text = QCoreApplication.translate(
                "ErrorHook",
                "Something went wrong ({kind}). What you were doing may not have been "
                "finished: check it before going on. The till keeps working; the details are "
                "in the log folder {folder}. If it happens again, call support.",
            ).format(kind=kind, folder=where)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("ErrorHook", "Unexpected error"),
                text,
                QMessageBox.StandardButton.Ok,
            )
            box.setAccessibleName("unexpected error")
            self.shown += 1
            box.exec()
        finally:
            self.showing = False


def install(logs_folder: Path | None) -> _Reporter:
    """Routes uncaught exceptions (GUI thread and worker threads) to the log and a dialog.

    Call once, on the GUI thread, after the QApplication exists. Returns the reporter (tests
    read ``shown``). Ctrl+C in a terminal still ends the app as Python would.
    """
    reporter = _Reporter(logs_folder)
    previous: ExceptHook = sys.excepthook

    def report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.critical("unexpected %s", kind.__name__, exc_info=(kind, exc, tb))
        try:
            reporter.failed.emit(kind.__name__)
        except RuntimeError:  # the application is already gone (shutting down)
            pass

    def report_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        report(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = report
    threading.excepthook = report_thread
    return reporter
