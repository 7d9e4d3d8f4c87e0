"""The review window from the till, and screenshots of its three screens at 1366×768.

The pictures go to ``$FORSELL_SCREENSHOT_DIR`` (for a person to look at, e.g. /tmp/shots) or
else to tmp_path; each must be a real picture with many colours (a blank screen fails).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage

from forsell.ui.review.player import ClockOutput
from forsell.ui.review.review_window import ReviewDialog

from .conftest import CASHIER_PIN, SUPERVISOR_PIN, employee, find, log_in, modal
from .review_data import review_fixture  # noqa: F401 - the "review" fixture

MIN_COLOURS = 40


def _save(widget, folder: Path, name: str) -> Path:
    path = folder / f"review-{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1366, 768)
    colours = {image.pixel(x, y) for x in range(0, 1366, 7) for y in range(0, 768, 7)}
    assert len(colours) >= MIN_COLOURS
    return path


def test_screenshots_of_the_list_the_conversation_and_the_dashboard(qtbot, review, tmp_path):
    folder = Path(os.environ.get("FORSELL_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    dialog = ReviewDialog(
        review.till, review.supervisor, service=review.service, output_factory=ClockOutput
    )
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    _save(dialog, folder, "list")
    view = dialog.conversation
    with qtbot.waitSignals([view.loaded, view.audio_ready], timeout=10000):
        dialog.open_conversation(review.good.recording_id)
    view.player.seek(5.3)
    _save(dialog, folder, "conversation")
    dialog.tabs.setCurrentWidget(dialog.dashboard)
    qtbot.waitUntil(lambda: dialog.dashboard.view is not None)
    _save(dialog, folder, "dashboard")


def test_the_till_opens_conversations_for_a_supervisor_and_my_conversations_for_a_cashier(
    qtbot, window, till, review
):
    supervisor = employee(till, review.supervisor.role)
    log_in(qtbot, window, supervisor, SUPERVISOR_PIN)
    button = find(window.till_screen, "conversations")
    # The supervisor's language (Kazakh in the demo) is switched on at login.
    assert button.label() == QCoreApplication.translate("TillScreen", "Conversations")
    window.recorder = None
    window._review_vault = lambda: review.vault  # the test's vault: its KEK is not in a keyring
    qtbot.keyClick(
        window.till_screen.search.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
    )
    dialog = modal(qtbot, ReviewDialog)
    qtbot.waitUntil(lambda: len(dialog.list.rows) == 3)
    assert dialog.dashboard is not None
    window.lock()  # locking the till closes the review: nothing stays on screen
    qtbot.waitUntil(lambda: not dialog.isVisible())
    cashier = employee(till, review.first.role, review.first.name)
    log_in(qtbot, window, cashier, CASHIER_PIN)
    assert find(window.till_screen, "conversations").label() == QCoreApplication.translate(
        "TillScreen", "My conversations"
    )
    qtbot.mouseClick(find(window.till_screen, "conversations"), Qt.MouseButton.LeftButton)
    mine = modal(qtbot, ReviewDialog)
    qtbot.waitUntil(lambda: len(mine.list.rows) == 2)
    assert {r.employee_id for r in mine.list.rows} == {review.first.id}
    row = window.till_screen.buttons
    assert all(b.width() >= 80 for b in row.values() if b.isVisible())  # tidy at 1366 px
