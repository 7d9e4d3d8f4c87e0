"""A conversation whose voices cannot be told apart, as a supervisor meets it: the list says
"speakers uncertain", the conversation offers "Roles are right" next to the flip, and confirming
scores it. Screenshots in ru, kk and en go to ``$FORSELL_SCREENSHOT_DIR`` when it is set."""

from __future__ import annotations

import dataclasses
import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from forsell.domain.roles import Role
from forsell.ui.i18n import Languages
from forsell.ui.review.review_window import ReviewDialog

from .conftest import find
from .review_data import TEA, ReviewData

#: Two voices that only greet and agree: nothing says which one is behind the till.
UNCLEAR = [
    ("speaker_0", 0.5, "Здравствуйте"),
    ("speaker_1", 2.0, "Здравствуйте"),
    ("speaker_0", 4.0, "Угу"),
    ("speaker_1", 6.0, "Ага"),
]


@pytest.fixture
def unclear(till):
    staff = till.staff.staff()
    supervisor = next(e for e in staff if e.role is Role.SUPERVISOR)
    cashier = next(e for e in staff if e.role is Role.CASHIER)
    till.shifts.open(supervisor, 0)
    data = ReviewData(till)
    data.rid = data.conversation(cashier, [TEA], UNCLEAR, ago=timedelta(seconds=60)).recording_id
    data.supervisor = supervisor
    assert data.service.score_pending() == 1
    yield data
    data.close()


@pytest.mark.parametrize("code", ["ru", "kk", "en"])
def test_uncertain_speakers_are_said_and_confirming_scores(qtbot, unclear, code, tmp_path):
    languages = Languages()
    languages.switch(code)
    try:
        who = dataclasses.replace(unclear.supervisor, language=code)
        dialog = ReviewDialog(unclear.till, who, service=unclear.service)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        with qtbot.waitSignal(dialog.list.loaded):
            dialog.show()
        row = next(r for r in dialog.list.rows if r.recording_id == unclear.rid)
        assert row.score is None
        with qtbot.waitSignal(dialog.conversation.loaded, timeout=5000):
            dialog.open_conversation(unclear.rid)
        confirm = find(dialog, "roles are right")
        assert confirm.isEnabled()
        qtbot.waitUntil(lambda: find_visible(dialog, "checklist note"))
        note = find(dialog, "checklist note").text()
        assert note and note == dialog.conversation.items.findChild(QLabel).text()
        folder = Path(os.environ.get("FORSELL_SCREENSHOT_DIR") or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(folder / f"review_{code}_uncertain.png"))
        with qtbot.waitSignal(dialog.conversation.loaded, timeout=10_000):
            qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
        assert dialog.conversation.detail.scorable
        assert dialog.conversation.detail.score is not None
        assert not find_visible(dialog, "roles are right")
    finally:
        languages.uninstall()


def find_visible(parent, name: str) -> bool:
    return any(w.accessibleName() == name and w.isVisible() for w in parent.findChildren(QWidget))


#: The voices still cannot be told apart, but one of them swears while naming the total.
UNCLEAR_WITH_SWEARING = [
    ("speaker_0", 0.5, "Блин, с вас тысяча двести."),
    ("speaker_1", 2.0, "Здравствуйте. Блин, карту забыла."),
]


def test_a_forbidden_phrase_is_shown_before_the_roles_are_confirmed(qtbot, till):
    staff = till.staff.staff()
    supervisor = next(e for e in staff if e.role is Role.SUPERVISOR)
    cashier = next(e for e in staff if e.role is Role.CASHIER)
    till.shifts.open(supervisor, 0)
    data = ReviewData(till)
    try:
        rid = data.conversation(
            cashier, [TEA], UNCLEAR_WITH_SWEARING, ago=timedelta(seconds=60)
        ).recording_id
        assert data.service.score_pending() == 1
        dialog = ReviewDialog(till, supervisor, service=data.service)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.list.loaded):
            dialog.show()
        with qtbot.waitSignal(dialog.conversation.loaded, timeout=5000):
            dialog.open_conversation(rid)
        detail = dialog.conversation.detail
        assert not detail.scorable and detail.not_scorable_reason == "speakers_uncertain"
        # Only the utterance that names the total: the other voice's «блин» is nobody's yet.
        assert [(h.words, h.start) for h in detail.held_forbidden] == [("Блин,", 0.5)]
        qtbot.waitUntil(lambda: find_visible(dialog, "checklist note"))
        note = find(dialog, "checklist note").text()
        assert "forbidden phrase" in note and "at 0:00: «Блин,»" in note
        assert note.count("«") == 1  # the other voice's «блин» is not shown
    finally:
        data.close()
