"""Crash reports a shop can send to support: the error's type and where it happened, never the
error's message or the program's values (they may name a customer or a cashier), never the
user's home folder; the newest few are kept."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from forsell.logs import KEEP_CRASH_REPORTS, write_crash_report

PERSONAL = "Айгерим Сарсенова +77011234567"


def _failure() -> tuple[type[BaseException], BaseException, object]:
    customer = {"name": PERSONAL}  # a local value that must not reach the report
    try:
        customer["phone"]
    except KeyError:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        return kind, exc, tb
    raise AssertionError("no failure")


def test_the_report_names_the_error_and_its_places_but_no_data(tmp_path: Path):
    kind, exc, tb = _failure()
    exc.args = (PERSONAL,)  # as a KeyError on a customer's name would say it
    facts = {"version": "0.1.0", "system": "Linux-6.1"}
    path = write_crash_report(tmp_path / "logs", kind, tb, facts)  # type: ignore[arg-type]
    assert path is not None and path.parent == tmp_path / "logs"
    text = path.read_text(encoding="utf-8")
    assert "error: KeyError" in text and "version: 0.1.0" in text
    assert "tests/test_crash_reports.py:" in text or "test_crash_reports.py:" in text
    assert "in _failure" in text  # the function where it failed
    assert PERSONAL not in text and "+7701" not in text and "phone" not in text
    checkout = str(Path(__file__).resolve().parents[1])  # where this code lies on this machine
    assert str(Path.home()) not in text and checkout not in text and str(tmp_path) not in text


def test_only_the_newest_reports_are_kept(tmp_path: Path):
    kind, _exc, tb = _failure()
    start = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    for minute in range(KEEP_CRASH_REPORTS + 5):
        write_crash_report(tmp_path, kind, tb, {}, now=start + timedelta(minutes=minute))  # type: ignore[arg-type]
    kept = sorted(p.name for p in tmp_path.glob("crash-*.txt"))
    assert len(kept) == KEEP_CRASH_REPORTS
    assert kept[0].startswith("crash-20261205-090500")  # the five oldest went


def test_a_folder_that_cannot_be_written_gives_no_report_and_no_second_failure(tmp_path: Path):
    kind, _exc, tb = _failure()
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    assert write_crash_report(blocker, kind, tb, {}) is None  # type: ignore[arg-type]
