"""Conversations as they arrive: scoring each transcript the sync stores, and news for open lists.

    sync thread ── transcript stored (SyncService listener) ──► ScoringScheduler.transcript_stored
                                                                 │ queued signal
    GUI thread ◄─────────────────────────────────────────────────┘
       ScoringScheduler.request ──► tasks().run_with_progress(score, key="score-pending")
                                     └─► ui-task worker: score_pending (one run at a time)
       scored / transcribed / a recording ended ──► conversation_events().changed
                                                       └─► an open ListScreen reloads (≤ 1/s)

Nothing here starts a thread: scoring runs in the one task pool (``ui/tasks.py``). Bursts
coalesce: while a run is going, more requests only mark that one more run is owed, and that
run (after the current one) picks up every transcript still without a score.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from ..tasks import Task, emit_safely, fewer_full_collections, tasks

log = logging.getLogger(__name__)

SCORE_KEY = "score-pending"


class ConversationEvents(QObject):
    """News that the conversation list changed: a recording ended, a transcript or a score
    arrived. ``notify()`` from any thread; ``changed`` is delivered on the GUI thread."""

    changed = Signal()
    _notified = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notified.connect(self.changed, Qt.ConnectionType.QueuedConnection)

    def notify(self) -> None:
        """Any thread: something in the list of conversations changed."""
        emit_safely(self._notified)


_events: ConversationEvents | None = None


def conversation_events() -> ConversationEvents:
    """The application's conversation news, created on first use as a child of the
    QApplication (it lives exactly as long as the application)."""
    global _events
    if _events is None or not shiboken6.isValid(_events):
        _events = ConversationEvents(QCoreApplication.instance())
    return _events


class ScoringScheduler(QObject):
    """Scores what the sync stores, in the task pool. ``score(cancelled) -> int`` scores every
    transcribed conversation without a score (``ConversationRecorder.score_new``); it runs on a
    worker, one run at a time from here (and serialised in services against other callers)."""

    scored = Signal(int)  # a run finished: how many it scored (GUI thread)
    _stored = Signal(str)  # recording id, emitted on the sync thread

    def __init__(
        self, score: Callable[[Callable[[], bool]], int], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._score = score
        self._task: Task | None = None
        self._owed = False
        self.runs = 0  # runs started (tests, logs)
        self._stored.connect(self._on_stored, Qt.ConnectionType.QueuedConnection)

    def transcript_stored(self, recording_id: str) -> None:
        """Any thread (the sync listener): a transcript was stored; returns at once."""
        emit_safely(self._stored, recording_id)

    def _on_stored(self, recording_id: str) -> None:
        log.debug("transcript stored for %s: scoring scheduled", recording_id)
        conversation_events().notify()  # the list shows "transcribed" before the score comes
        self.request()

    def request(self) -> None:
        """GUI thread: score what has no score yet, now or right after the run going on."""
        if self._task is not None:
            self._owed = True
            return
        self._owed = False
        score = self._score

        def job(task: Task) -> int:
            with fewer_full_collections():
                return score(lambda: task.cancelled)

        self.runs += 1
        self._task = tasks().run_with_progress(
            job, self._done, self._failed, owner=self, key=SCORE_KEY
        )

    def busy(self) -> bool:
        return self._task is not None

    def _done(self, count: int) -> None:
        self._task = None
        if count:
            conversation_events().notify()
        self.scored.emit(count)
        if self._owed:
            self.request()

    def _failed(self, exc: Exception) -> None:
        self._task = None
        log.error("scoring new conversations failed: %s", type(exc).__name__)
        self.scored.emit(0)
        if self._owed:
            self.request()
