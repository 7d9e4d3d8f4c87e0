"""The benchmark lines (tests/bench, not run by CI) stay readable: every metric states its
dataset size and the machine load, and run_all.py refuses a line that does not."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
import metric_line
import run_all

SIZES = {"products": 100_000, "sale_lines": 1_000_000}


def test_a_line_carries_dataset_and_load_at_start_and_end():
    line = metric_line.line("z_report_p99", 41.2, "ms", 200, dataset=SIZES, load_start=3.5, n=200)
    assert line["dataset"] == SIZES
    assert line["load"]["start"] == 3.5
    assert isinstance(line["load"]["end"], float) and line["load"]["cpus"] >= 1
    assert line["detail"] == {"n": 200}
    assert metric_line.problems(line) == []


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        ({"dataset": None}, "'dataset' names no size"),
        ({"dataset": {}}, "'dataset' names no size"),
        ({"dataset": {"products": 0, "note": "x"}}, "'dataset' names no size"),
        ({"load": {"start": 1.0}}, "'load' lacks"),
    ],
)
def test_a_line_without_a_size_or_the_load_is_a_problem(broken, reason):
    line = {**metric_line.line("m", 1.0, "ms", None, dataset=SIZES), **broken}
    assert any(p.startswith(reason) for p in metric_line.problems(line))


def test_missing_keys_are_named():
    assert metric_line.problems({"metric": "m", "value": 1, "unit": "ms", "goal": None}) == [
        "no 'dataset'",
        "no 'load'",
    ]


def test_run_all_refuses_a_line_without_dataset_and_load(capsys):
    out = run_all.Output({"machine": "test"})
    out(metric_line.line("good", 2.0, "ms", None, dataset=SIZES))
    out({"metric": "old_style", "value": 12.5, "unit": "ms", "goal": 50, "detail": {}})
    good, bad = (json.loads(text) for text in capsys.readouterr().out.splitlines())
    assert good["value"] == 2.0 and "rejected" not in good
    assert bad["value"] is None and bad["reported_value"] == 12.5
    assert "no 'dataset'" in bad["rejected"] and "no 'load'" in bad["rejected"]
    assert out.refused == [f"old_style: {bad['rejected']}"]
