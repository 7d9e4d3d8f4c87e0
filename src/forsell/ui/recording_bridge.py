"""The Qt side of the recorder's callbacks: writer-thread calls become queued signals.

The recorder's writer thread must never touch a widget. It calls plain functions
(``RecorderCallbacks``); here they emit signals of a QObject that lives on the GUI thread, so
every connected slot of a widget runs on the GUI thread (Qt queues signals across threads).
Levels are throttled to at most 20 per second (keeping the loudest level in between); state
changes and errors always go through.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, Qt, Signal

from forsell.services.app import Till
from forsell.services.conversation import ConversationRecorder, RecorderCallbacks

from .tasks import emit_safely, tasks

log = logging.getLogger(__name__)

MAX_LEVEL_HZ = 20.0


class RecordingBridge(QObject):
    #: level 0..1 (RMS), seconds recorded so far, recording id ("" while none runs)
    level_changed = Signal(float, float, str)
    #: recorder state: idle | recording | tail | device_error | silent_input | no_frames
    state_changed = Signal(str)
    #: (kind, detail): device | sink; the detail is technical, for the log
    error = Signal(str, str)

    def __init__(self, parent: QObject | None = None, max_hz: float = MAX_LEVEL_HZ) -> None:
        super().__init__(parent)
        self._interval = 1.0 / max_hz
        self._lock = threading.Lock()
        self._last_level = 0.0
        self._pending_max = 0.0

    def attach(self, view) -> None:
        """Connects a view with ``on_state``/``on_level`` slots (a RecordingBar). Queued: the
        signals are emitted on the writer thread, the slots must run on the GUI thread."""
        queued = Qt.ConnectionType.QueuedConnection
        self.state_changed.connect(view.on_state, queued)
        self.level_changed.connect(view.on_level, queued)

    def callbacks(self) -> RecorderCallbacks:
        return RecorderCallbacks(
            on_level=self.push_level, on_state=self.push_state, on_error=self.push_error
        )

    # --- called from any thread ---------------------------------------------------------------

    def push_level(self, level: float, elapsed: float, recording_id: str | None) -> None:
        now = time.monotonic()
        with self._lock:
            self._pending_max = max(self._pending_max, level)
            if now - self._last_level < self._interval:
                return  # too soon: the loudest level so far goes out with the next one
            self._last_level = now
            level, self._pending_max = self._pending_max, 0.0
        emit_safely(self.level_changed, level, elapsed, recording_id or "")

    def push_state(self, state: str) -> None:
        emit_safely(self.state_changed, state)

    def push_error(self, kind: str, detail: str) -> None:
        log.warning("recorder %s problem: %s", kind, detail)
        emit_safely(self.error, kind, detail)


def start_recorder(till: Till, bridge: RecordingBridge, **options) -> ConversationRecorder:
    """The conversation recorder of this till, talking to ``bridge``; recordings cut off by a
    crash are sealed first. A failure here never stops the till from selling."""
    # Closing a recorder waits for its writer to seal the recording: never on the GUI thread.
    options.setdefault("background", lambda call: tasks().run(call, finish_on_shutdown=True))
    recorder = ConversationRecorder(till, bridge.callbacks(), **options)
    try:
        recorder.recover()
    except Exception:  # recovery trouble is logged; selling goes on
        log.exception("recording recovery failed")
    return recorder
