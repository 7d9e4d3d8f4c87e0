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
import platform
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from forsell import __version__
from forsell.logs import write_crash_report

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
        self.last_report: Path | None = None
        self.opened: list[QUrl] = []  # what "Open logs folder" asked the desktop to open
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
            if self.last_report is not None:
                text += "\n\n" + QCoreApplication.translate(
                    "ErrorHook",
                    "A report without personal data was saved for support: {file}",
                ).format(file=self.last_report.name)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("ErrorHook", "Unexpected error"),
                text,
                QMessageBox.StandardButton.Ok,
            )
            box.setAccessibleName("unexpected error")
            open_logs = None
            if self.logs_folder is not None:
                open_logs = box.addButton(
                    QCoreApplication.translate("ErrorHook", "Open logs folder"),
                    QMessageBox.ButtonRole.ActionRole,
                )
            self.shown += 1
            box.exec()
            if open_logs is not None and box.clickedButton() is open_logs:
                self.open_logs_folder()
        finally:
            self.showing = False

    def open_logs_folder(self) -> None:
        """Opens the logs folder in the desktop's file manager (support asks for its files)."""
        if self.logs_folder is None:
            return
        url = QUrl.fromLocalFile(str(self.logs_folder))
        self.opened.append(url)
        QDesktopServices.openUrl(url)


def crash_facts() -> dict[str, str]:
    """What support needs to place a crash report: never anything about the shop or its people."""
    return {
        "version": __version__,
        "build": "installed bundle" if getattr(sys, "frozen", False) else "source",
        "python": platform.python_version(),
        "qt": qVersion(),
        "system": platform.platform(terse=True),
    }


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
        if logs_folder is not None:
            reporter.last_report = write_crash_report(logs_folder, kind, tb, crash_facts())
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
