"""Noticing new outbox jobs the moment they are committed, instead of at the next idle poll.

A lane with nothing due sleeps ``idle_poll_s`` (1 s at the till) before it looks at the outbox
again. Without a wake-up a sale committed just after the lane looked waits out the whole poll:
measured with a hung provider, business events took a steady poll interval (~200 ms at a
200 ms poll) from commit to the backend's acceptance, against ~40 ms when some other work
happened to wake the lane. The lanes did not wait for each other; the sale simply was not noticed.

``watch_new_jobs`` listens to this process's ORM sessions on one database: a flush that adds
``OutboxJob`` rows marks the session with their lanes, and its commit calls ``notify(lanes)``.
A rollback forgets them. Jobs committed by another process (the CLI, a second app) are still
found by the idle poll, which stays as the safety net.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

from forsell.store.db import Database
from forsell.store.models import OutboxJob

_LANES = "forsell.sync.new_job_lanes"
log = logging.getLogger(__name__)


def watch_new_jobs(db: Database, notify: Callable[[frozenset[str]], None]) -> Callable[[], None]:
    """Calls ``notify(lanes)`` on the committing thread after each commit on ``db`` that added
    outbox jobs; returns the function that stops watching. ``notify`` must return at once."""
    pool = db.engine.pool

    def ours(session: Session) -> bool:
        bind = session.bind
        return bind is not None and getattr(bind, "pool", None) is pool

    def after_flush(session: Session, _context: object) -> None:
        lanes = {obj.lane for obj in session.new if isinstance(obj, OutboxJob)}
        if lanes and ours(session):
            session.info.setdefault(_LANES, set()).update(lanes)

    def after_commit(session: Session) -> None:
        lanes = session.info.pop(_LANES, None)
        if lanes:
            try:
                notify(frozenset(lanes))
            except Exception:  # the sale is committed already: a wake-up must never fail it
                log.exception("sync: waking the lanes failed")

    def after_rollback(session: Session) -> None:
        session.info.pop(_LANES, None)

    listeners = (
        ("after_flush", after_flush),
        ("after_commit", after_commit),
        ("after_rollback", after_rollback),
    )
    for name, fn in listeners:
        event.listen(Session, name, fn)

    def stop() -> None:
        for name, fn in listeners:
            if event.contains(Session, name, fn):
                event.remove(Session, name, fn)

    return stop
