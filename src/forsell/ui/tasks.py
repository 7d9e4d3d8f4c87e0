"""The one way ``ui/`` works off the GUI thread: a bounded pool, answers on the GUI thread.

``tasks().run(call, on_done, on_failed, owner=widget)`` runs ``call()`` on a worker of a bounded
pool (``MAX_WORKERS`` threads); its result (or exception) comes back through a queued signal of
the :class:`TaskManager`, a QObject that lives as long as the application, so ``on_done`` /
``on_failed`` always run on the GUI thread. Nothing else in ``ui/`` starts a thread (a test
enforces it).

Threads (what runs where):

- the GUI thread starts tasks and gets every answer and progress report;
- ``ui-task-N`` workers (``MAX_WORKERS``) run the jobs: queries of the review list, dashboard and
  reports, scoring, catalog import/export, decrypting and decoding audio, the microphone test,
  stopping the recorder. A job gets its own database sessions (one per thread); it never
  touches a widget. More jobs than workers wait in order.

Other promises:

- ``owner``: when that widget is deleted before the answer arrives, the answer is dropped (and
  the task is marked cancelled) instead of calling into a dead object;
- ``key`` (latest only): a new task with the same owner and key cancels the older one and its
  answer is never delivered (a search typed letter by letter shows the last answer only);
- :meth:`TaskManager.run_with_progress` hands the job a :class:`Task`: ``task.report(done,
  total)`` (any thread, throttled to ``PROGRESS_HZ``) and ``task.cancelled`` to stop between
  steps. Core code gets these as plain callables, never Qt;
- a failure is logged with its traceback and handed to ``on_failed`` (or only logged).

CPU-heavy jobs (scoring) share the GIL with the GUI thread. Python makes a running thread hand
it over when another waits, after ``sys.getswitchinterval()``; the GUI thread takes the GIL once
per Python call it makes, so the manager lowers that interval to ``GIL_SWITCH_S`` (0.5 ms) and
the event loop keeps running as long as a job does not sit in one long C call. Jobs that loop
over many items check ``cancelled`` between them. The longest such C call is the garbage
collector: a job that builds large live structures (the scorer over a 100,000-product catalog,
an import's rows) triggers full collections that walk the whole heap with the GIL held — 0.5 to
1.5 s each, every few seconds. Such jobs run inside :func:`fewer_full_collections`.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

log = logging.getLogger(__name__)

MAX_WORKERS = 3  # a slow job (scoring at start, a recorder stop) leaves room for queries
# How long a busy worker may keep the GIL while the GUI thread waits for it. Python's default
# (5 ms) is paid per Python call the GUI thread makes (every event a Python widget handles):
# one repaint of the login screen waited 150-400 ms behind a pure-Python scoring job.
GIL_SWITCH_S = 0.0005
PROGRESS_HZ = 20.0


class Cancelled(Exception):
    """The job stopped because it was cancelled (its answer is dropped)."""


class Task:
    """One background job: cancel it from the GUI thread, check and report from the worker."""

    def __init__(
        self,
        number: int,
        owner: QObject | None,
        key: str | None,
        on_done: Callable[[Any], None] | None,
        on_failed: Callable[[Exception], None] | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        self.number, self.owner, self.key = number, owner, key
        self.finish_on_shutdown = False
        self.owner_id = id(owner) if owner is not None else 0
        self.on_done, self.on_failed, self.on_progress = on_done, on_failed, on_progress
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._progress: tuple[int, int] | None = None
        self._progress_posted = False
        self._last_report = 0.0
        self.finished = False
        self.ok = False
        self.result: Any = None
        self.future: Future | None = None
        self._manager: TaskManager | None = None

    @property
    def cancelled(self) -> bool:
        """Any thread: the job should stop at its next step."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """The answer will not be delivered; a job that checks ``cancelled`` stops early."""
        self._cancel.set()

    def check(self) -> None:
        """Worker: raises :class:`Cancelled` once the task is cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int) -> None:
        """Worker: how far the job is. Only the newest report reaches the GUI, at most
        ``PROGRESS_HZ`` times a second (a 100,000-row import reports per batch)."""
        manager = self._manager
        if manager is None or self.on_progress is None:
            return
        now = time.monotonic()
        with self._lock:
            self._progress = (done, total)
            if self._progress_posted or (
                now - self._last_report < 1 / PROGRESS_HZ and done < total
            ):
                return
            self._progress_posted, self._last_report = True, now
        manager._post_progress(self)

    def _take_progress(self) -> tuple[int, int] | None:
        with self._lock:
            progress, self._progress, self._progress_posted = self._progress, None, False
        return progress


class TaskManager(QObject):
    """The application's background jobs (see the module docstring). One per application:
    use :func:`tasks`."""

    _finished = Signal(object)  # Task, emitted on a worker
    _progressed = Signal(object)  # Task, emitted on a worker

    def __init__(self, parent: QObject | None = None, max_workers: int = MAX_WORKERS) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
        self.max_workers = max_workers
        self._pool = ThreadPoolExecutor(max_workers, thread_name_prefix="ui-task")
        self._serial = 0
        self._running: dict[int, Task] = {}
        self._latest: dict[tuple[int, str], Task] = {}
        self._owners: set[int] = set()  # owners whose ``destroyed`` we listen to
        self._closed = False
        queued = Qt.ConnectionType.QueuedConnection
        self._finished.connect(self._deliver, queued)
        self._progressed.connect(self._deliver_progress, queued)

    # --- GUI thread ---------------------------------------------------------------------------

    def run(
        self,
        call: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
        key: str | None = None,
        finish_on_shutdown: bool = False,
    ) -> Task:
        """Runs ``call()`` on the pool; ``on_done(result)`` or ``on_failed(exc)`` follow on the
        GUI thread unless the task was cancelled, superseded (same ``owner`` and ``key``) or its
        ``owner`` was deleted. ``finish_on_shutdown``: the job still runs (and is waited for)
        when the application ends — sealing a recording must not be skipped."""
        task = self._start(
            lambda _task: call(), on_done, on_failed, None, owner, key, finish_on_shutdown
        )
        return task

    def run_with_progress(
        self,
        call: Callable[[Task], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        owner: QObject | None = None,
        key: str | None = None,
    ) -> Task:
        """Like :meth:`run`, but ``call(task)`` may ``task.report(done, total)`` (delivered to
        ``on_progress`` on the GUI thread) and stop when ``task.cancelled``."""
        return self._start(call, on_done, on_failed, on_progress, owner, key, False)

    def busy(self, owner: QObject | None = None, key: str | None = None) -> bool:
        """Whether a task (of ``owner``, with ``key``) has not delivered its answer yet."""
        return any(
            (owner is None or t.owner is owner) and (key is None or t.key == key)
            for t in self._running.values()
            if not t.cancelled
        )

    def wait(self, timeout: float = 10.0) -> bool:
        """Tests and shutdown: runs the event loop until every answer is delivered (or the
        timeout); True when nothing is left."""
        deadline = time.monotonic() + timeout
        while self._running and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return not self._running

    def shutdown(self, timeout: float = 10.0) -> None:
        """The application ends: cancel everything (but ``finish_on_shutdown`` jobs), let
        running jobs stop at their next step (at most ``timeout`` seconds in all), deliver
        nothing more. A cancelled job still waiting in the queue ends without running."""
        self._closed = True
        for task in self._running.values():
            if not task.finish_on_shutdown:
                task.cancel()
        self._pool.shutdown(wait=False)
        deadline = time.monotonic() + timeout
        for task in list(self._running.values()):
            if task.future is not None and not task.future.done():
                try:
                    task.future.exception(timeout=max(0.0, deadline - time.monotonic()))
                except (TimeoutError, CancelledError):
                    log.warning("background task %d did not stop in time", task.number)
        self._running.clear()
        self._latest.clear()

    def _start(
        self,
        call: Callable[[Task], Any],
        on_done,
        on_failed,
        on_progress,
        owner: QObject | None,
        key: str | None,
        finish_on_shutdown: bool,
    ) -> Task:
        if self._closed:
            raise RuntimeError("the task manager is shut down")
        self._serial += 1
        task = Task(self._serial, owner, key, on_done, on_failed, on_progress)
        task.finish_on_shutdown = finish_on_shutdown
        task._manager = self
        if key is not None:
            slot = (task.owner_id, key)
            older = self._latest.get(slot)
            if older is not None:
                older.cancel()  # its answer is stale; a job that checks stops early
            self._latest[slot] = task
        if owner is not None and task.owner_id not in self._owners:
            # A deleted owner must get no callback; its unfinished jobs may stop early. One
            # connection per owner (not per task: that would keep every answer alive).
            self._owners.add(task.owner_id)
            owner_id = task.owner_id
            owner.destroyed.connect(lambda *_: self._owner_gone(owner_id))
        self._running[task.number] = task
        task.future = self._pool.submit(self._work, task, call)
        return task

    def _owner_gone(self, owner_id: int) -> None:
        if not shiboken6.isValid(self):  # the application is being torn down
            return
        self._owners.discard(owner_id)
        for task in self._running.values():
            if task.owner_id == owner_id:
                task.cancel()
                task.owner = None
                task.on_done = task.on_failed = task.on_progress = None
        for slot in [slot for slot in self._latest if slot[0] == owner_id]:
            del self._latest[slot]

    def _deliver(self, task: Task) -> None:
        self._running.pop(task.number, None)
        slot = (task.owner_id, task.key or "")
        if task.key is not None and self._latest.get(slot) is task:
            del self._latest[slot]
        if task.cancelled or self._closed:
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return
        try:
            if task.ok:
                if task.on_done is not None:
                    task.on_done(task.result)
            elif task.on_failed is not None:
                task.on_failed(task.result)
        except Exception:
            log.exception("handling the answer of background task %d failed", task.number)

    def _deliver_progress(self, task: Task) -> None:
        progress = task._take_progress()
        if progress is None or task.cancelled or task.on_progress is None:
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return
        task.on_progress(*progress)

    # --- worker threads -----------------------------------------------------------------------

    def _work(self, task: Task, call: Callable[[Task], Any]) -> None:
        if task.cancelled:
            task.ok, task.result = False, Cancelled()
        else:
            try:
                task.result, task.ok = call(task), True
            except Cancelled as exc:
                task.result, task.ok = exc, False
            except Exception as exc:  # every failure goes back to the GUI
                log.warning("background task %d failed", task.number, exc_info=True)
                task.result, task.ok = exc, False
        task.finished = True
        emit_safely(self._finished, task)

    def _post_progress(self, task: Task) -> None:
        emit_safely(self._progressed, task)


# Young collections per full one while a big job runs (Python's default is 10): in effect none.
FULL_COLLECTION_EVERY = 1_000_000
_gc_lock = threading.Lock()
_gc_jobs = 0
_gc_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    """Any thread: while a job that allocates many long-lived objects runs, no full garbage
    collection starts (young ones go on as usual). The full collections measured during
    scoring and imports found nothing to free; a cycle that does outlive the young
    generations waits for the first full collection after the job."""
    global _gc_jobs, _gc_saved
    with _gc_lock:
        if _gc_jobs == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(_gc_saved[0], _gc_saved[1], max(_gc_saved[2], FULL_COLLECTION_EVERY))
        _gc_jobs += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_jobs -= 1
            if _gc_jobs == 0 and _gc_saved is not None:
                gc.set_threshold(*_gc_saved)


def emit_safely(signal: Any, *args: object) -> None:
    """Emits from a worker, recorder or sync thread; a QObject already deleted at shutdown
    (RuntimeError from shiboken) just means nobody waits for the news any more."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


_manager: TaskManager | None = None


def tasks() -> TaskManager:
    """The application's task manager, created on first use as a child of the QApplication
    (so it lives exactly as long as the application)."""
    global _manager
    app = QCoreApplication.instance()
    if _manager is None or not shiboken6.isValid(_manager) or _manager._closed:
        _manager = TaskManager(app)
    return _manager
