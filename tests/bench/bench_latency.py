"""Latencies that unit tests only bound loosely (they assert the behaviour; this measures it).

- ``recorder_start_ms``: how long ``Recorder.start()`` takes on the selling thread when the
  microphone is missing (the device is probed on the recorder's own thread; goal 50 ms at p99).
- ``sync_commit_to_accepted_ms``: from a sale's commit until the FAKE backend accepted it, while
  the audio lane uploads to a healthy, a 5xx-failing and a hanging FAKE ElevenLabs (runs
  tests/sync/test_offline_online.py's scenario test, which prints the numbers). Goal: a failing
  provider costs a sale at most twice the healthy median (+50 ms), and its p95 at most the
  healthy p95 + 1 s.

Prints one JSON object per metric (metric_line.py: metric, value, unit, goal, dataset, load,
detail). Usage: python tests/bench/bench_latency.py [--starts 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
sys.path.insert(0, str(ROOT / "tests" / "bench"))
from metric_line import emit as emit_line
from metric_line import machine_load

SCENARIO_TEST = (
    "tests/sync/test_offline_online.py::test_a_failing_provider_never_delays_business_events"
)


def emit(
    metric: str,
    value: float | None,
    unit: str,
    goal: float | None,
    *,
    dataset: dict,
    load_start: float,
    **detail: object,
) -> None:
    emit_line(metric, value, unit, goal, dataset=dataset, load_start=load_start, **detail)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def recorder_start(starts: int) -> None:
    sys.path.insert(0, str(TESTS))
    from audio.fakes import FakeDevice
    from forsell.audio.capture import Microphone
    from forsell.audio.recorder import Recorder, RecorderConfig
    from forsell.audio.sink import MemorySink

    started = machine_load()
    device = FakeDevice()
    device.present = False
    mic = Microphone("nope", probe=device.probe, stream_factory=device.stream)
    recorder = Recorder(mic, MemorySink(), RecorderConfig(retry_s=0.2))
    recorder.open()
    took = []
    try:
        for _ in range(starts):
            began = time.perf_counter()
            recorder.start()
            took.append((time.perf_counter() - began) * 1000)
            recorder.stop(after_s=0)
    finally:
        recorder.close()
    emit(
        "recorder_start_ms",
        round(percentile(took, 0.99), 3),
        "ms",
        50,
        dataset={"starts": starts},
        load_start=started,
        starts=starts,
        median_ms=round(statistics.median(took), 3),
        max_ms=round(max(took), 3),
        device="missing",
    )


def commit_to_accepted() -> None:
    started = machine_load()
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", SCENARIO_TEST],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    line = next(
        (ln for ln in out.stdout.splitlines() if ln.startswith("COMMIT_TO_ACCEPTED ")), None
    )
    if line is None:
        emit(
            "sync_commit_to_accepted_ms",
            None,
            "ms",
            None,
            dataset={"scenarios": 3},
            load_start=started,
            error=f"pytest exit {out.returncode}: {out.stdout[-500:]}",
        )
        return
    measured = json.loads(line.split(" ", 1)[1])
    scenarios, sales = measured["scenarios"], measured["sales"]
    healthy = scenarios["healthy"]
    for name, stats in scenarios.items():
        failing = name != "healthy"
        key = name.replace(" ", "_")
        emit(
            f"sync_commit_to_accepted_median_ms[{key}]",
            stats["median_ms"],
            "ms",
            round(2 * healthy["median_ms"] + 50, 1) if failing else None,
            dataset={"sales": sales},
            load_start=started,
            sales=sales,
            scenario=name,
            **stats,
        )
        emit(
            f"sync_commit_to_accepted_p95_ms[{key}]",
            stats["p95_ms"],
            "ms",
            round(healthy["p95_ms"] + 1000, 1) if failing else None,
            dataset={"sales": sales},
            load_start=started,
            sales=sales,
            scenario=name,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--starts", type=int, default=200, help="recorder starts to time")
    parser.add_argument("--skip-sync", action="store_true", help="only the recorder")
    args = parser.parse_args(argv)
    recorder_start(args.starts)
    if not args.skip_sync:
        commit_to_accepted()
    return 0


if __name__ == "__main__":
    sys.exit(main())
