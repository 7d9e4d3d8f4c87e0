"""Cold start: a fresh till process until the login screen is painted, and until it is idle.

Each run spawns ``cold_start_probe.py`` (the app as ``forsell-cashier --data-dir D`` runs it,
with a test-only probe; the product has no benchmark hook) and times from the spawn:

- ``cold_start_first_paint``: interpreter start, imports, opening and checking the database,
  building the window, until the first frame with the login screen has been drawn;
- ``cold_start_idle``: on until the review preparation the app starts 200 ms after showing the
  window (demo conversations on a first run, scores for transcripts that came without one) has
  finished and the GUI thread has done what followed it. The cashier can type a PIN before
  that, but while it runs on the GUI thread the till does not answer.

The first start of a data folder does more (it seeds the demo conversations and scores them
against the whole catalog); it is reported on its own as ``cold_start_first_run_idle`` (one
sample: only the first start is a first start). The runs after it are the everyday start, warm
OS file cache; median and p90 of ``runs``. The review preparation needs the key vault, i.e. a
secret store (run the benches through tests/bench/run.sh); without one it returns at once and
the lines say ``review_keys: false``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from dataset import till_sizes
from metric_line import line, machine_load

FIRST_RUN_TIMEOUT_S = 900  # the first start scores the demo conversations against the catalog
TIMEOUT_S = 120
GOAL_PAINT_MS = 1500


@dataclass(frozen=True)
class Start:
    first_paint_ms: float
    idle_ms: float
    review_ms: float  # prepare_review itself
    review_keys: bool
    exit_ms: float  # spawn to process exit (the clean shutdown included)


def _env() -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.multimedia.symbolsresolver=false",
    )


def one_start(data_dir: Path, timeout_s: float = TIMEOUT_S) -> Start | str:
    """One start until idle; the problem as text if it did not get there."""
    cmd = [sys.executable, str(HERE / "cold_start_probe.py"), "--data-dir", str(data_dir)]
    spawned = time.time()
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        out, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return f"not idle within {timeout_s} s; probe said: {out.strip()[-300:]}"
    exit_ms = (time.perf_counter() - started) * 1000
    said = {
        words[1]: words[2:]
        for words in (text.split() for text in out.splitlines())
        if len(words) > 2 and words[0] == "PROBE"
    }
    if proc.returncode != 0 or not {"first_paint", "review_prepared", "idle"} <= said.keys():
        tail = (err.strip().splitlines() or ["(no stderr)"])[-1]
        return f"exit {proc.returncode}, probe said {sorted(said)}; last stderr: {tail}"

    def since_spawn(words: list[str]) -> float:
        return (float(words[0]) - spawned) * 1000

    review = said["review_prepared"]
    return Start(
        since_spawn(said["first_paint"]),
        since_spawn(said["idle"]),
        float(review[1]) * 1000,
        review[2] == "1",
        exit_ms,
    )


def _p90(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]


def bench_cold_start(data_dir: Path, runs: int = 20, log=print) -> list[dict]:
    """The first start of ``data_dir`` (one sample), then ``runs`` everyday starts."""
    sizes = till_sizes(data_dir)
    load_start = machine_load()
    log(f"bench: cold start (first start of the folder + {runs} runs) ...")

    def failed(problem: str) -> list[dict]:
        return [
            line(name, None, "ms", goal, dataset=sizes, load_start=load_start, error=problem)
            for name, goal in (
                ("cold_start_first_paint_ms", GOAL_PAINT_MS),
                ("cold_start_idle_ms", None),
            )
        ]

    first = one_start(data_dir, FIRST_RUN_TIMEOUT_S)
    if isinstance(first, str):
        return failed(first)
    first_line = line(
        "cold_start_first_run_idle_ms",
        round(first.idle_ms, 1),
        "ms",
        None,
        dataset=sizes,
        load_start=load_start,
        n=1,
        first_paint_ms=round(first.first_paint_ms, 1),
        review_ms=round(first.review_ms, 1),
        review_keys=first.review_keys,
        measured="first start of the data folder: spawn until the review "
        "preparation (demo conversations seeded and scored) is done "
        "and the GUI thread is free",
    )
    load_start = machine_load()
    starts: list[Start] = []
    for _ in range(runs):
        start = one_start(data_dir)
        if isinstance(start, str):
            return [first_line, *failed(start)]
        starts.append(start)
    paint = [s.first_paint_ms for s in starts]
    idle = [s.idle_ms for s in starts]
    common = {
        "n": runs,
        "review_keys": all(s.review_keys for s in starts),
        "exit_ms_median": round(statistics.median(s.exit_ms for s in starts), 1),
        "cache": "warm OS file cache (after the first start)",
    }
    return [
        first_line,
        line(
            "cold_start_first_paint_ms",
            round(statistics.median(paint), 1),
            "ms",
            GOAL_PAINT_MS,
            dataset=sizes,
            load_start=load_start,
            **common,
            p90=round(_p90(paint), 1),
            runs=[round(v) for v in paint],
            measured="spawn until the first frame with the login screen is drawn",
        ),
        line(
            "cold_start_idle_ms",
            round(statistics.median(idle), 1),
            "ms",
            None,
            dataset=sizes,
            load_start=load_start,
            **common,
            p90=round(_p90(idle), 1),
            review_ms_median=round(statistics.median(s.review_ms for s in starts), 1),
            runs=[round(v) for v in idle],
            measured="spawn until the review preparation started 200 ms after the window "
            "shows has finished and the GUI thread is free",
        ),
    ]
