"""Starting the till GUI: fonts, languages, one instance per data folder, a clear word on a bad
database."""

from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from forsell.logs import record_fatal_errors
from forsell.services import backup_swap
from forsell.services import settings as s
from forsell.services.app import DatabaseProblem, open_till

from . import error_hook, theme
from .backups import schedule_backups
from .i18n import Languages
from .kiosk import show_on_screen
from .tasks import Task, fewer_full_collections, tasks
from .wheel_guard import guard_wheel

log = logging.getLogger(__name__)

RAISE_REQUEST = b"raise\n"
PING = b"ping\n"  # a second start with --tray: the running one stays as it is
CONNECT_TIMEOUT_MS = 500


def instance_name(data_dir: Path) -> str:
    """A local socket name per data folder (two folders may run side by side); a restore
    asks it whether the till runs (``services/backup_swap.py``)."""
    return backup_swap.instance_name(data_dir)


class InstanceServer(QObject):
    """The first instance listens; a later start asks it to come to the front."""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            # A crashed instance leaves its socket file behind on Unix; nobody answered on it
            # (single_instance checked), so it is safe to take over.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # One message per connection: wait for it here (the sender writes it right after
            # connecting) instead of keeping the socket and its notifiers alive in the loop.
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
                request = bytes(socket.readAll().data())
            else:
                request = b""
            socket.abort()
            socket.deleteLater()
            if request.startswith(RAISE_REQUEST.strip()):
                self.raise_requested.emit()

    def close(self) -> None:
        self.server.close()


def single_instance(
    data_dir: Path, parent: QObject | None = None, raise_existing: bool = True
) -> InstanceServer | None:
    """Returns our server if we are the first instance for ``data_dir``.

    Returns None when another instance already runs; it has then been asked to raise its window
    (unless ``raise_existing`` is False: an autostart with --tray leaves it alone).
    """
    name = instance_name(data_dir)
    socket = QLocalSocket()
    socket.connectToServer(name)
    if socket.waitForConnected(CONNECT_TIMEOUT_MS):
        socket.write(RAISE_REQUEST if raise_existing else PING)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return None
    return InstanceServer(name, parent)


def database_problem_text(problem: DatabaseProblem) -> str:
    """What went wrong with the database file and what the user can do about it."""
    path = str(problem.path)
    backups = str(Path(problem.path).parent / "backups")
    texts = {
        "disk_full": QCoreApplication.translate(
            "Startup",
            "The disk that holds {path} is full. "
            "Free some space on it (the database itself is fine) and start again.",
        ),
        "locked": QCoreApplication.translate(
            "Startup",
            "The database {path} is in use by another program. Close the other program "
            "(or another copy of 4Sell Cashier) and start again.",
        ),
        "corrupt": QCoreApplication.translate(
            "Startup",
            "The database {path} is damaged. Restore the latest copy from the folder "
            "{backups} (close the app, replace the file, start again) or call support.",
        ),
        "missing": QCoreApplication.translate(
            "Startup",
            "The database {path} is empty or missing, although this till has been used. "
            "Nothing was created in its place. Restore the latest copy from the folder {backups} "
            "(close the app, copy it to {path}, start again) or call support.",
        ),
        "read_only": QCoreApplication.translate(
            "Startup",
            "The database {path} cannot be written. Check the folder's permissions "
            "and that the disk is not full or write-protected.",
        ),
        "too_new": QCoreApplication.translate(
            "Startup",
            "The database {path} was written by a newer version of 4Sell Cashier. "
            "Install the newer version to open it.",
        ),
    }
    template = texts.get(
        problem.kind,
        QCoreApplication.translate("Startup", "The database {path} cannot be opened ({kind})."),
    )
    text = template.format(path=path, backups=backups, kind=problem.kind)
    if problem.kind in ("corrupt", "missing") and problem.backup is not None:
        text += " " + QCoreApplication.translate(
            "Startup", "The newest copy that passes its check is {backup}."
        ).format(backup=str(problem.backup))
    return text


def freeze_heap(full: bool = True) -> None:
    """Moves what is alive now out of the garbage collector's sight (see
    :func:`freeze_startup_heap`); ``full=False`` collects only young garbage first."""
    gc.collect(2 if full else 1)
    gc.freeze()


def freeze_startup_heap() -> None:
    """Moves everything alive after start-up out of the garbage collector's sight.

    Qt, SQLAlchemy and the rest leave a few hundred thousand long-lived objects; a full
    collection walks all of them (~90 ms here) with the GIL held, and the sync thread's
    allocations trigger one every few seconds during a drain — a visible stutter at the till.
    Frozen objects are never collected (garbage is collected first, so nothing leaks).
    """
    freeze_heap()


def start_sync(sync, bridge) -> None:
    """Starts the background sync; a failure here is logged and never stops the till."""
    freeze_startup_heap()
    try:
        sync.start(bridge.push)
    except Exception:
        log.exception("sync did not start")
    bridge.refresh()


def restart_sync(sync, bridge) -> None:
    """New settings or keys from the admin: the engine is rebuilt from them."""
    try:
        sync.stop()
    except Exception:
        log.exception("sync did not stop cleanly")
    start_sync(sync, bridge)


def prepare_review_in_background(recorder) -> Task:
    """The demo conversations (first run) and scores for transcripts that came without one,
    as a task of the UI pool: on a 100,000-product store the scorer alone takes many seconds,
    and the login screen must paint and answer meanwhile. Trouble is logged; selling goes on.
    Closing the app cancels it between two conversations."""

    from .review.live import conversation_events

    def failed(exc: Exception) -> None:
        log.error("preparing conversations for review failed: %s", exc)

    def prepare(task: Task) -> int:
        with fewer_full_collections():
            return recorder.prepare_review(cancelled=lambda: task.cancelled)

    def done(scored: int) -> None:
        # What the review loaded (the audio stack, the scorer) is long-lived: out of the
        # collector's sight, without a full collection on the GUI thread (it took 2 s at
        # 100,000 products and found nothing; young garbage is collected first).
        freeze_heap(full=False)
        if scored:
            conversation_events().notify()

    return tasks().run_with_progress(prepare, done, failed)


def score_arrivals(recorder, sync, bridge):
    """Each transcript the sync stores is scored in the task pool (coalesced: one run at a
    time, plus one owed), and a recording that ended or a score that came tells open review
    lists to reload. Returns the scheduler (a child of the application)."""
    from .review.live import ScoringScheduler, conversation_events

    scheduler = ScoringScheduler(recorder.score_new, QCoreApplication.instance())
    sync.add_transcript_listener(scheduler.transcript_stored)  # called on the sync thread
    bridge.state_changed.connect(
        lambda state: conversation_events().notify() if state == "idle" else None
    )
    return scheduler


def schedule_retention(till, first_after_ms: int = 60_000) -> QTimer:
    """The retention purge in the task pool: once shortly after the start (not before the
    first paint and the start-up checks), then every day while the till runs (tray or window).
    Returns the timer (a child of the application). Trouble is logged; selling goes on."""
    from forsell.services.retention import PURGE_EVERY, purge_now

    def purge() -> None:
        tasks().run(
            lambda: purge_now(till.ctx),
            lambda report: log.info("retention purge done: %d removed", report.removed),
            lambda exc: log.error("retention purge failed: %s", exc),
            key="retention",
        )

    timer = QTimer(QCoreApplication.instance())
    timer.setInterval(int(PURGE_EVERY.total_seconds() * 1000))
    timer.timeout.connect(purge)
    timer.start()
    QTimer.singleShot(first_after_ms, purge)
    return timer


_terminate_wakeup: list[object] = []


def quit_on_terminate(app: QApplication) -> Callable[[Callable[[], None]], None]:
    """SIGTERM and SIGHUP (logout, shutdown, ``kill``, a package removal) end the till the way
    Quit does: recordings sealed, sync work given back to the outbox, the database closed.
    Returns the function that names how the till ends once its window exists (until then the
    event loop just ends).

    Python runs a signal handler only when the interpreter gets control, and Qt's event loop may
    sleep in C for a long time; the wake-up fd makes the signal a socket event Qt sees at once.
    The ending is queued, not run in the handler: a signal during start-up then ends the till as
    soon as its event loop runs, instead of being lost before it.
    """
    ending: list[Callable[[], None]] = [lambda: app.exit(0)]
    if os.name != "posix":
        return ending.append
    wake_read, wake_write = socket.socketpair()
    for end in (wake_read, wake_write):
        end.setblocking(False)
    signal.set_wakeup_fd(wake_write.fileno())
    notifier = QSocketNotifier(wake_read.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        try:
            wake_read.recv(64)
        except OSError:
            pass

    notifier.activated.connect(drain)  # running Python here lets the handler below run

    def terminate(number: int, _frame: object) -> None:
        log.info("signal %s: the till ends as Quit does", signal.Signals(number).name)
        QTimer.singleShot(0, lambda: ending[-1]())

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, terminate)
    _terminate_wakeup[:] = [wake_read, wake_write, notifier]  # alive as long as the process
    return ending.append


def run_gui(data_dir: Path, start_in_tray: bool = False, kiosk: bool = False) -> int:
    """The till application's event loop; returns the process exit code.

    ``start_in_tray`` (``--tray``, for autostart at login): no window, only the tray icon; where
    the desktop has no tray the window shows anyway, or the till could not be reached.
    ``kiosk`` (``--kiosk``, or the admin's "Kiosk mode" setting): full screen, no frame, an
    admin's PIN to close.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("4Sell Cashier")
    app.setFont(theme.app_font(theme.register_fonts()))
    app.setStyleSheet(theme.STYLE)
    guard_wheel()  # every spin box and combo box: the wheel scrolls the page until focused
    error_hook.install(data_dir / "logs")  # nothing unexpected is swallowed from here on
    record_fatal_errors(data_dir / "logs")  # a crash below Python still leaves its stacks
    end_on_signal_with = quit_on_terminate(app)
    background = tasks()  # the one task pool, alive as long as the application
    languages = Languages()
    languages.switch(languages.current)
    instance = single_instance(data_dir, raise_existing=not start_in_tray)
    if instance is None:
        return 0  # the running till came to the front (or, with --tray, stays as it is)
    try:
        till = open_till(data_dir)
    except DatabaseProblem as problem:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Startup", "4Sell Cashier cannot start"),
            database_problem_text(problem),
            QMessageBox.StandardButton.Ok,
        )
        box.setAccessibleName("database problem")
        box.exec()
        instance.close()
        return 2
    from forsell.services.fiscal import FiscalService
    from forsell.services.sync import SyncService

    from .main_window import MainWindow
    from .recording_bridge import RecordingBridge, start_recorder
    from .sync_status import SyncBridge
    from .tray import SyncTray

    bridge = RecordingBridge()
    recorder = start_recorder(till, bridge)  # seals recordings a crash cut off
    sync = SyncService(till)
    sync_bridge = SyncBridge(sync)
    window = MainWindow(
        till, languages, recorder=recorder, bridge=bridge, sync=sync, sync_bridge=sync_bridge
    )
    end_on_signal_with(window.shut_down)
    tray = None
    if SyncTray.available():
        tray = SyncTray(sync, sync_bridge, lambda: till.ctx.timezone)
        window.set_tray(tray)
        tray.start()
        app.setQuitOnLastWindowClosed(False)  # a hidden window is not the end: Quit is
    score_arrivals(recorder, sync, bridge)
    start_sync(sync, sync_bridge)
    window.sync_settings_saved.connect(lambda: restart_sync(sync, sync_bridge))
    instance.raise_requested.connect(window.bring_to_front)
    if kiosk or till.ctx.settings.get(s.KIOSK):
        window.start_kiosk()  # full screen whatever --tray says: a kiosk has no desktop
    elif not (start_in_tray and tray is not None):
        show_on_screen(window)
    # quick_check reads the whole database: in the task pool, never before the first paint.
    window.run_start_checks()
    # After the first paint: the demo store's sample conversations (first run) and scores for
    # transcripts that came without one. Trouble here is logged; selling goes on.
    QTimer.singleShot(200, lambda: prepare_review_in_background(recorder))
    schedule_retention(till)
    schedule_backups(till)
    # Fiscal receipts: the cash register's own lane, started whether or not one is chosen (it
    # notices a register chosen later); its status is in the tray.
    fiscal = FiscalService(till.ctx, till.ctx.keyring_backend)
    fiscal.start()
    window.fiscal = fiscal
    if tray is not None:
        tray.fiscal = fiscal.overview
    try:
        return app.exec()
    finally:
        # Running jobs stop at their next step; recorders being closed finish sealing first.
        background.shutdown(timeout=15.0)
        sync_bridge.stop()
        fiscal.stop()
        try:
            sync.stop()  # in-flight work is given back to the outbox, nothing lost
        except Exception:
            log.exception("sync did not stop cleanly")
        if tray is not None:
            tray.stop()
        recorder.close()  # seals a running recording before the database closes
        instance.close()
        till.close()
