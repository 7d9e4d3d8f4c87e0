"""One JSON line per metric: the shape every benchmark prints and run_all.py checks.

    from metric_line import emit, machine_load
    started = machine_load()
    ...  # measure
    emit("z_report_p99", 41.2, "ms", 200, dataset={"products": 100_000, "sale_lines": 1_000_000},
         load_start=started, n=200)

prints ``{"metric", "value", "unit", "goal", "dataset", "load", "detail"}``:

- ``dataset``: the sizes the number was measured at (products, sale lines, hours of audio,
  conversations, ...), a non-empty object with at least one positive number;
- ``load``: the machine's 1-minute load average when the measurement started and when the line
  was written, and the CPU count: a load near or above ``cpus`` means other work shared the CPU
  and the number is pessimistic;
- ``detail``: samples (``n``), percentiles, what exactly was timed.

A line without a dataset size or the load is refused by run_all.py (``problems()``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

#: Keys every metric line carries.
REQUIRED = ("metric", "value", "unit", "goal", "dataset", "load")


def machine_load() -> float:
    """The 1-minute load average (runnable processes, all CPUs together)."""
    return round(os.getloadavg()[0], 2)


#: The load when this bench process started: the default start of every line it prints.
PROCESS_START_LOAD = machine_load()


def line(
    metric: str,
    value: float | None,
    unit: str,
    goal: float | None,
    *,
    dataset: Mapping[str, Any],
    load_start: float | None = None,
    **detail: Any,
) -> dict[str, Any]:
    """One metric as a dict (what ``emit`` prints); ``load_start`` defaults to the load when
    this process started."""
    start = PROCESS_START_LOAD if load_start is None else load_start
    return {
        "metric": metric,
        "value": value,
        "unit": unit,
        "goal": goal,
        "dataset": dict(dataset),
        "load": {"start": start, "end": machine_load(), "cpus": os.cpu_count()},
        "detail": detail,
    }


def emit(
    metric: str,
    value: float | None,
    unit: str,
    goal: float | None,
    *,
    dataset: Mapping[str, Any],
    load_start: float | None = None,
    **detail: Any,
) -> dict[str, Any]:
    """Prints one metric line on stdout (flushed) and returns it."""
    out = line(metric, value, unit, goal, dataset=dataset, load_start=load_start, **detail)
    print(json.dumps(out, ensure_ascii=False), flush=True)
    return out


def problems(metric: Mapping[str, Any]) -> list[str]:
    """Why a metric line is not a measurement we can read: missing keys, no dataset size, no
    machine load. Empty when it is fine."""
    found = [f"no {key!r}" for key in REQUIRED if key not in metric]
    dataset = metric.get("dataset")
    if "dataset" in metric and not (
        isinstance(dataset, Mapping) and any(_positive(v) for v in dataset.values())
    ):
        found.append("'dataset' names no size (an object with a positive number)")
    load = metric.get("load")
    if "load" in metric and not (
        isinstance(load, Mapping)
        and all(isinstance(load.get(k), int | float) for k in ("start", "end"))
    ):
        found.append("'load' lacks the 1-minute load average at start and end")
    return found


def _positive(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0
