"""GUI event-loop lag while sync drains a large backlog (goal: p99 ≤ 50 ms).

Runs tests/ui/test_sync_responsiveness.py (a real MainWindow offscreen, the SyncService against
the FAKE servers in their own process) ``--runs`` times and prints one JSON line per metric.
Usage: python tests/bench/bench_gui_lag.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"GUI LAG .* in (?P<s>[\d.]+) s: (?P<n>\d+) ticks, p50 (?P<p50>[\d.]+) ms, "
                  r"p99 (?P<p99>[\d.]+) ms, max (?P<max>[\d.]+) ms")


def one_run() -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
                          "tests/ui/test_sync_responsiveness.py"], check=False, cwd=ROOT,
                         capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    match = LINE.search(out.stdout)
    if match is None:
        raise SystemExit(f"no GUI LAG line; pytest said:\n{out.stdout[-2000:]}")
    return {k: float(v) for k, v in match.groupdict().items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    detail = {"runs": runs, "load1": round(os.getloadavg()[0], 2), "events": 3_000, "recordings": 100}
    for metric, key, goal in (("gui_lag_p99", "p99", 50), ("gui_lag_p50", "p50", None),
                              ("gui_lag_max", "max", None)):
        value = statistics.median(r[key] for r in runs)
        print(json.dumps({"metric": metric, "value": value, "unit": "ms", "goal": goal,
                          "detail": detail}), flush=True)


if __name__ == "__main__":
    main()
