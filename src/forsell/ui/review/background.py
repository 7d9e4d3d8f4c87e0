"""Work off the GUI thread with the answer delivered on it: searching, decoding, exporting.

``Background(parent).run(call, done, failed)`` runs ``call`` on a Python thread; its result (or
exception) arrives through a queued signal of a QObject that lives on the GUI thread, so
``done``/``failed`` run there. ``latest_only`` drops answers of older requests (a search typed
letter by letter shows only the last one's result). Each request's thread is a daemon: a slow
decode never keeps the till from quitting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class Background(QObject):
    _finished = Signal(int, bool, object)  # request number, ok, result or exception

    def __init__(self, parent: QObject | None = None, *, latest_only: bool = False) -> None:
        super().__init__(parent)
        self.latest_only = latest_only
        self._serial = 0
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._threads: dict[int, threading.Thread] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(self, call: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[Exception], None]) -> int:
        self._serial += 1
        serial = self._serial
        if self.latest_only:
            self._callbacks.clear()  # older answers are dropped when they arrive
        self._callbacks[serial] = (done, failed)
        thread = threading.Thread(target=self._work, args=(serial, call), daemon=True,
                                  name=f"review-bg-{serial}")
        self._threads[serial] = thread
        thread.start()
        return serial

    def _work(self, serial: int, call: Callable[[], Any]) -> None:
        try:
            result, ok = call(), True
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI
            result, ok = exc, False
        try:
            self._finished.emit(serial, ok, result)
        except RuntimeError:  # the widget is gone: nobody waits for the answer
            pass

    def _deliver(self, serial: int, ok: bool, result: object) -> None:
        self._threads.pop(serial, None)
        callbacks = self._callbacks.pop(serial, None)
        if callbacks is None:
            return
        done, failed = callbacks
        if ok:
            done(result)
        else:
            if not isinstance(result, Exception):
                result = RuntimeError(str(result))
            failed(result)

    def wait(self, timeout: float = 10.0) -> None:
        """Joins the running threads (closing a window; tests)."""
        for thread in list(self._threads.values()):
            thread.join(timeout)
