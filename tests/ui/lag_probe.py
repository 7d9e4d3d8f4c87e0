"""An event-loop lag probe: a 10 ms timer on the GUI thread and the gaps between its ticks.

A blocked GUI thread shows as one long gap (a 7 s import on the GUI thread is a 7,000 ms gap);
a responsive one ticks every 10 ms give or take the scheduler. Used by the GUI-lag tests and by
``tests/bench/bench_gui_lag.py``.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 10


@dataclass(frozen=True)
class Lag:
    ticks: int
    p50: float  # ms late, the timer's own 10 ms taken off
    p99: float
    max: float
    seconds: float
    #: the second-longest gap: one scheduler hiccup on a loaded machine is not the app's lag
    second: float = 0.0

    def line(self, what: str) -> str:
        return (
            f"GUI LAG {what} in {self.seconds:.1f} s: {self.ticks} ticks, p50 {self.p50:.1f}"
            f" ms, p99 {self.p99:.1f} ms, max {self.max:.1f} ms"
        )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


class LagProbe:
    def __init__(self, parent: QObject | None = None) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer(parent)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks.clear()
        self.ticks.append(time.perf_counter())
        self.timer.start()

    def stop(self) -> Lag:
        self.timer.stop()
        self.ticks.append(time.perf_counter())  # a freeze up to the very end counts too
        gaps = [max(0.0, (b - a) * 1000 - INTERVAL_MS) for a, b in itertools.pairwise(self.ticks)]
        return Lag(
            len(gaps),
            percentile(gaps, 0.50),
            percentile(gaps, 0.99),
            max(gaps, default=0),
            self.ticks[-1] - self.ticks[0],
            sorted(gaps)[-2] if len(gaps) > 1 else 0.0,
        )
