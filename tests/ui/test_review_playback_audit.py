"""``recording_played`` is audited when a supervisor listens, not when a conversation opens.

Opening a conversation decrypts and decodes its audio at once, so that Space plays without a
wait; paging through conversations must not look, in the audit log, like listening to each.
The output is a ``ClockOutput`` with a hand-moved clock (no sound card needed).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from forsell.store.models import AuditEntry
from forsell.ui.review.player import ClockOutput
from forsell.ui.review.review_window import ReviewDialog

from .review_data import POOR, TEA, review_fixture  # noqa: F401 - the "review" fixture

Key = Qt.Key
CONVERSATIONS = 20


class HandClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def played(review) -> list[tuple[str, str]]:
    """(employee id, recording id) of every ``recording_played`` entry, oldest first."""
    with review.till.ctx.db.read() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "recording_played")
            .order_by(AuditEntry.at, AuditEntry.id)
        )
        return [(row.employee_id, row.details["recording_id"]) for row in rows]


@pytest.fixture
def dialog(qtbot, review):
    for i in range(CONVERSATIONS - 3):  # the fixture brings three
        review.conversation(
            review.second, [TEA], POOR, seconds=3.0, seed=i % 5, ago=timedelta(seconds=200 + i)
        )
    clock = HandClock()
    made = ReviewDialog(
        review.till,
        review.supervisor,
        service=review.service,
        output_factory=lambda: ClockOutput(clock),
    )
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.list.loaded):
        made.show()
    assert len(made.list.rows) == CONVERSATIONS
    made.clock = clock
    return made


def _open_first(qtbot, dialog) -> None:
    view = dialog.conversation
    with qtbot.waitSignals([view.loaded, view.audio_playable], timeout=10000):
        dialog.open_conversation(dialog.list.rows[0].recording_id)


def test_paging_through_twenty_conversations_writes_no_play(qtbot, review, dialog):
    view = dialog.conversation
    _open_first(qtbot, dialog)
    seen = [view.recording_id]
    for _ in range(CONVERSATIONS - 1):
        # Each opening decrypts and decodes its audio (what used to be audited as a play).
        with qtbot.waitSignals([view.loaded, view.audio_playable], timeout=10000):
            qtbot.keyClick(view, Key.Key_PageDown)
        seen.append(view.recording_id)
    assert len(set(seen)) == CONVERSATIONS
    assert played(review) == []


def test_one_play_per_opening_however_often_it_is_paused(qtbot, review, dialog):
    view, player = dialog.conversation, dialog.conversation.player
    _open_first(qtbot, dialog)
    first = view.recording_id
    assert played(review) == []
    qtbot.keyClick(view, Key.Key_Space)
    assert player.playing
    assert played(review) == [(review.supervisor.id, first)]
    dialog.clock.now += 0.5
    qtbot.keyClick(view, Key.Key_Space)  # pause
    assert not player.playing
    qtbot.keyClick(view, Key.Key_Space)  # and play again: the same listening
    assert player.playing
    qtbot.keyClick(view, Key.Key_Right)  # a seek while playing is no new play either
    assert played(review) == [(review.supervisor.id, first)]
    with qtbot.waitSignals([view.loaded, view.audio_playable], timeout=10000):
        qtbot.keyClick(view, Key.Key_PageDown)
    second = view.recording_id
    assert played(review) == [(review.supervisor.id, first)]  # opened, not yet heard
    qtbot.keyClick(view, Key.Key_Space)
    assert played(review) == [(review.supervisor.id, first), (review.supervisor.id, second)]
