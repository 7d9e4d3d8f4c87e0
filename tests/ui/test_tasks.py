"""The one background-task API of ui/: answers on the GUI thread, a bounded pool, latest only,
cancel, a deleted owner, failures — and no other thread start anywhere in ui/."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from forsell.ui.tasks import Cancelled, Task, TaskManager, tasks

UI = Path(__file__).resolve().parents[2] / "src" / "forsell" / "ui"


@pytest.fixture
def manager(qapp):
    made = TaskManager(max_workers=2)
    yield made
    made.shutdown(timeout=5)
    made.deleteLater()


def test_answers_arrive_on_the_gui_thread(qtbot, manager):
    gui = threading.get_ident()
    ran_on: list[int] = []
    answers: list[tuple[int, int]] = []
    manager.run(
        lambda: ran_on.append(threading.get_ident()) or 42,
        lambda result: answers.append((result, threading.get_ident())),
    )
    assert manager.wait(5)
    assert ran_on and ran_on[0] != gui
    assert answers == [(42, gui)]


def test_the_pool_is_bounded(qtbot, manager):
    gate = threading.Event()
    lock = threading.Lock()
    now = [0]
    most = [0]

    def job() -> None:
        with lock:
            now[0] += 1
            most[0] = max(most[0], now[0])
        gate.wait(5)
        with lock:
            now[0] -= 1

    for _ in range(6):
        manager.run(job)
    qtbot.wait(200)
    gate.set()
    assert manager.wait(5)
    assert most[0] == 2


def test_latest_only_drops_stale_answers(qtbot, manager):
    owner = QWidget()
    gate = threading.Event()
    answers: list[str] = []
    first = manager.run(lambda: gate.wait(5) and "old", answers.append, owner=owner, key="q")
    manager.run(lambda: "new", answers.append, owner=owner, key="q")
    assert first.cancelled
    gate.set()
    assert manager.wait(5)
    assert answers == ["new"]
    # Another owner's task with the same key is not stale.
    other = QWidget()
    manager.run(lambda: "a", answers.append, owner=owner, key="q")
    manager.run(lambda: "b", answers.append, owner=other, key="q")
    assert manager.wait(5)
    assert sorted(answers[1:]) == ["a", "b"]


def test_cancel_stops_a_job_between_steps_and_delivers_nothing(qtbot, manager):
    steps: list[int] = []
    done: list[object] = []
    failed: list[Exception] = []
    started = threading.Event()

    def job(task: Task) -> str:
        for i in range(500):
            started.set()
            task.check()
            steps.append(i)
            threading.Event().wait(0.005)
        return "finished"

    task = manager.run_with_progress(job, done.append, failed.append)
    assert started.wait(5)
    task.cancel()
    assert manager.wait(5)
    assert task.cancelled and isinstance(task.result, Cancelled)
    assert len(steps) < 500
    assert done == [] and failed == []


def test_progress_reaches_the_gui_thread_throttled(qtbot, manager):
    gui = threading.get_ident()
    seen: list[tuple[int, int, int]] = []

    def job(task: Task) -> int:
        for i in range(1, 2001):
            task.report(i, 2000)
        return 2000

    manager.run_with_progress(
        job, on_progress=lambda d, t: seen.append((d, t, threading.get_ident()))
    )
    assert manager.wait(5)
    assert seen and all(thread == gui for *_, thread in seen)
    assert len(seen) < 100  # newest only, not 2,000 updates
    assert seen == sorted(seen)


def test_a_deleted_owner_gets_no_callback_and_nothing_crashes(qtbot, manager):
    class Panel(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.answers: list[object] = []

        def show_answer(self, answer: object) -> None:
            self.answers.append(answer)
            self.setWindowTitle(str(answer))  # would crash on a deleted C++ object

    panel = Panel()
    gate = threading.Event()
    task = manager.run(
        lambda: gate.wait(5) and "late", panel.show_answer, panel.show_answer, owner=panel
    )
    panel.deleteLater()
    qtbot.waitUntil(lambda: task.cancelled, timeout=2000)
    gate.set()
    assert manager.wait(5)
    assert task.finished


def test_failures_reach_on_failed_and_are_logged(qtbot, manager, caplog):
    failed: list[Exception] = []

    def broken() -> None:
        raise ValueError("disk on fire")

    with caplog.at_level(logging.WARNING, logger="forsell.ui.tasks"):
        manager.run(broken, lambda _r: None, failed.append)
        manager.run(broken)  # no on_failed: logged only
        assert manager.wait(5)
    assert len(failed) == 1 and str(failed[0]) == "disk on fire"
    assert sum("failed" in r.message for r in caplog.records) == 2
    assert all(r.exc_info for r in caplog.records)


def test_one_manager_per_application(qapp):
    assert tasks() is tasks()
    assert tasks().parent() is qapp


def test_nothing_else_in_ui_starts_a_thread():
    starts = re.compile(
        r"threading\.Thread\(|QThread\(|QThreadPool|ThreadPoolExecutor\(|"
        r"_thread\.start_new"
    )
    offenders = [
        f"{path.relative_to(UI)}:{n}"
        for path in UI.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if starts.search(line) and path.name != "tasks.py"
    ]
    assert offenders == []
