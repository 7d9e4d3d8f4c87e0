"""The GUI thread keeps running through the slow paths: a 100,000-row catalog import through the
dialog, and scoring 100 conversations at start-up. Also the measurement behind
``tests/bench/bench_gui_lag.py`` (it parses the "GUI LAG" lines; the figures go there).

The bounds are generous on purpose (a loaded 2-core machine, 8 people's tests at once): work on
the GUI thread shows as one gap of seconds (the import alone took 6.7 s there), while work in
the task pool shares the GIL and leaves gaps of a few ms. The 99th percentile is the main
check (one unlucky scheduler hiccup cannot fail it); the longest gap must stay below a second,
far below what any of these jobs takes on the GUI thread.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forsell.domain.roles import Role
from forsell.services.catalog import CSV_COLUMNS
from forsell.services.conversation import ConversationRecorder
from forsell.store.models import ConversationScore
from forsell.ui.app import freeze_startup_heap, prepare_review_in_background
from forsell.ui.catalog_dialog import CatalogDialog
from forsell.ui.tasks import tasks

from .backoffice_fixtures import shown
from .lag_probe import LagProbe
from .review_data import COFFEE, GOOD, POOR, TEA, ReviewData

P99_MS = 100
MAX_MS = 1_000
ROWS = int(os.environ.get("FORSELL_LAG_ROWS", "100000"))
CONVERSATIONS = int(os.environ.get("FORSELL_LAG_CONVERSATIONS", "100"))


def _catalog_file(path, rows: int):
    lines = [",".join(CSV_COLUMNS)]
    lines += [
        f"LAG-{i:06d},{4_600_000_000_000 + i},Товар номер {i},Тауар {i},Item {i},"
        f"Группа {i % 50},Топ {i % 50},Group {i % 50},{100 + i % 900},12,pcs,{i % 2},"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_large_import_through_the_dialog_never_blocks_the_gui(qtbot, till, admin, tmp_path):
    path = _catalog_file(tmp_path / "big.csv", ROWS)
    freeze_startup_heap()  # the app's state after start-up (see the scoring test)
    dialog = shown(qtbot, CatalogDialog(till, admin))
    qtbot.waitUntil(lambda: not dialog.busy)
    probe = LagProbe(dialog)
    probe.start()
    dialog.import_from(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=300_000)
    lag = probe.stop()
    print(f"\n{lag.line(f'during a {ROWS}-row import through the dialog')}")
    assert dialog.last_import is not None and dialog.last_import.added == ROWS
    assert len(till.catalog.search(f"LAG-{ROWS - 1:06d}")) == 1
    assert lag.ticks > 50
    assert lag.p99 < P99_MS and lag.max < MAX_MS, lag


@pytest.fixture
def unscored(till):
    """``CONVERSATIONS`` transcribed conversations without a score (as after a sync)."""
    staff = till.staff.staff()
    supervisor = next(e for e in staff if e.role is Role.SUPERVISOR)
    cashier = next(e for e in staff if e.role is Role.CASHIER)
    till.shifts.open(supervisor, 0)
    data = ReviewData(till)
    for i in range(CONVERSATIONS):
        data.conversation(
            cashier,
            [COFFEE] if i % 2 else [TEA],
            GOOD if i % 2 else POOR,
            seconds=2.0,
            seed=i,
            ago=timedelta(seconds=600 - i),
        )
    yield data
    data.close()


def _scores(till) -> int:
    with till.ctx.db.read() as session:
        return session.scalar(select(func.count(ConversationScore.recording_id)))


def test_scoring_at_start_up_never_blocks_the_gui(qtbot, till, unscored, monkeypatch):
    recorder = ConversationRecorder(till)
    monkeypatch.setattr(recorder, "open_keys", lambda: unscored.vault)
    assert _scores(till) == 0
    # As the app does before this job starts (start_sync): without it, full collections that
    # the worker's allocations trigger walk pytest's whole heap with the GIL held (~150 ms).
    freeze_startup_heap()
    probe = LagProbe(tasks())
    probe.start()
    task = prepare_review_in_background(recorder)
    qtbot.waitUntil(lambda: task.finished, timeout=300_000)
    # Stopped before the test's own wait below: that wait blocks the GUI thread by design (and
    # for as long as any other pool job runs), which is no lag of the app's.
    lag = probe.stop()
    tasks().wait(10)
    print(f"\n{lag.line(f'while {CONVERSATIONS} conversations are scored')}")
    assert task.ok and task.result == CONVERSATIONS
    assert _scores(till) == CONVERSATIONS
    assert lag.ticks > 10
    # Scoring now takes about a second: with ~100 ticks the 99th percentile is the longest gap,
    # so one scheduler hiccup (a second test suite on the same 2 cores) would decide; the
    # second-longest gap is the robust check, the longest must still stay under a second.
    assert min(lag.p99, lag.second) < P99_MS and lag.max < MAX_MS, lag


def test_closing_the_app_stops_scoring_between_conversations(qtbot, till, unscored, monkeypatch):
    recorder = ConversationRecorder(till)
    monkeypatch.setattr(recorder, "open_keys", lambda: unscored.vault)
    task = prepare_review_in_background(recorder)
    qtbot.waitUntil(lambda: _scores(till) > 0, timeout=60_000)
    task.cancel()
    qtbot.waitUntil(lambda: task.finished, timeout=60_000)
    assert 0 < _scores(till) < CONVERSATIONS
