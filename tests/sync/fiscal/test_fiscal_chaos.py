"""200 operations through every fault, a token expiry and two restarts: each registered exactly
once, in order, with its original time (the 1,000-operation run is a benchmark)."""

from __future__ import annotations

from .chaos import run_chaos


def test_chaos_each_operation_registered_once_in_order_with_its_time(tmp_path) -> None:
    result = run_chaos(tmp_path, 200)
    assert result.registered == result.operations == 200
    # The faults really fired, including answers lost after the register had registered.
    assert result.faults.get("commit_then_drop", 0) > 0 and result.replays > 0
    assert result.faults.get("error", 0) > 0 and result.faults.get("reset", 0) > 0
