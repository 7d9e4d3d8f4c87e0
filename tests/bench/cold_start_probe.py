"""Starts the till as ``forsell-cashier --data-dir D`` does, with a test-only probe around it.

    python tests/bench/cold_start_probe.py --data-dir D [--until paint|idle]

The product carries no benchmark hook; this wrapper installs two probes before the app starts
(wrapping, not changing, two product functions) and then runs ``forsell.cli.main``:

- first paint: an event filter on the login screen (installed as it is built) notes its first
  Paint event; a zero timer after it fires once that paint has finished, i.e. the first frame
  with the login screen is drawn. Prints ``PROBE first_paint <unix time>``.
- idle: ``ConversationRecorder.prepare_review`` (the review preparation the app runs 200 ms after
  showing the window: the demo conversations on a first run, scores for transcripts that came
  without one) is timed; once it has returned, on whatever thread it ran, a zero timer on the GUI
  thread fires after the work that followed it there. Prints ``PROBE review_prepared
  <unix time> <seconds it took> <keys: 1 if the key vault was unlocked, else 0>`` and
  ``PROBE idle <unix time>``.

With ``--until paint`` the app quits after the first paint, with ``--until idle`` (default) after
idle. Unix times, so the parent can subtract its spawn time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from forsell import cli
from forsell.services import conversation
from forsell.ui import login_screen


def say(*words: object) -> None:
    print("PROBE", *words, flush=True)


class Probe(QObject):
    """Lives on the GUI thread; ``review_done`` may be emitted from any thread."""

    review_done = Signal()

    def __init__(self, until: str) -> None:
        super().__init__()
        self.until = until
        self.painted = False
        self.review_done.connect(self._after_review)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True  # the paint itself runs right after this filter returns
            QTimer.singleShot(0, self._first_paint_done)
        return False

    def _first_paint_done(self) -> None:
        say("first_paint", f"{time.time():.4f}")
        if self.until == "paint":
            QCoreApplication.quit()

    def _after_review(self) -> None:
        QTimer.singleShot(0, self._idle)  # after whatever the app does next on this thread

    def _idle(self) -> None:
        say("idle", f"{time.time():.4f}")
        if self.until == "idle":
            QCoreApplication.quit()


def install(until: str) -> Probe:
    probe = Probe(until)
    built = login_screen.LoginScreen.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        built(self, *args, **kwargs)
        self.installEventFilter(probe)

    login_screen.LoginScreen.__init__ = init  # type: ignore[method-assign]
    prepare: Callable[..., None] = conversation.ConversationRecorder.prepare_review

    def prepare_review(self: Any, *args: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        try:
            prepare(self, *args, **kwargs)
        finally:
            keys = int(getattr(self, "vault", None) is not None)
            say(
                "review_prepared",
                f"{time.time():.4f}",
                f"{time.perf_counter() - started:.4f}",
                keys,
            )
            probe.review_done.emit()

    conversation.ConversationRecorder.prepare_review = prepare_review  # type: ignore[method-assign]
    return probe


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", required=True)
    p.add_argument("--until", choices=("paint", "idle"), default="idle")
    args = p.parse_args()
    probe = install(args.until)
    code = cli.main(["--data-dir", args.data_dir])
    del probe
    return code


if __name__ == "__main__":
    sys.exit(main())
