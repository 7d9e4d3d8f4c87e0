"""Manual review through the UI: override with a comment, flag and reviewed, a cashier's
dispute of their own conversation and the supervisor's resolution — checked in the database."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from forsell.services.app import DB_NAME
from forsell.ui.review.items_panel import ItemDecisionDialog
from forsell.ui.review.review_window import ReviewDialog

from .conftest import find
from .review_data import review_fixture  # noqa: F401 - the "review" fixture

Left = Qt.MouseButton.LeftButton


def _open(qtbot, review, who, recording_id, signal: str = "loaded") -> ReviewDialog:
    dialog = ReviewDialog(review.till, who, service=review.service)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    with qtbot.waitSignal(getattr(dialog.conversation, signal), timeout=5000):
        dialog.open_conversation(recording_id)
    return dialog


def _sql(review, query: str, *args):
    with sqlite3.connect(review.till.ctx.data_dir / DB_NAME) as db:
        return db.execute(query, args).fetchall()


def _decide(qtbot, dialog, button_name: str, comment: str, outcome=None, accept=None) -> None:
    qtbot.mouseClick(find(dialog, button_name), Left)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ItemDecisionDialog))
    decision = QApplication.activeModalWidget()
    if outcome is not None:
        decision.outcome.setCurrentIndex(decision.outcome.findData(outcome))
    if accept is not None:
        (decision.accept_choice if accept else decision.reject_choice).setChecked(True)
    qtbot.mouseClick(find(decision, "save decision"), Left)  # no comment: refused
    assert decision.isVisible() and decision.feedback.is_error
    decision.comment.setText(comment)
    with qtbot.waitSignal(dialog.conversation.loaded):
        qtbot.mouseClick(find(decision, "save decision"), Left)


def test_a_supervisor_override_changes_the_score_and_is_audited(qtbot, review):
    rid = review.poor.recording_id
    dialog = _open(qtbot, review, review.supervisor, rid)
    before = dialog.conversation.detail.score
    assert find(dialog, "outcome greeting").text().startswith("Failed")
    with qtbot.waitSignal(dialog.list.loaded):
        _decide(
            qtbot, dialog, "override greeting", "Greeted before the mic started", outcome="pass"
        )
    after = dialog.conversation.detail.score
    assert after > before
    assert find(dialog, "outcome greeting").text().startswith("Passed")
    assert "Greeted before the mic started" in find(dialog, "override note greeting").text()
    assert f"{round(after)}\u00a0%" in find(dialog, "conversation title").text()
    row = next(r for r in dialog.list.rows if r.recording_id == rid)
    assert row.score == pytest.approx(after)
    (percent,) = _sql(
        review, "SELECT percent FROM conversation_scores WHERE recording_id = ?", rid
    )[0]
    assert percent == pytest.approx(after)
    audits = _sql(
        review, "SELECT employee_id, details FROM audit WHERE action = ?", "review_override"
    )
    assert len(audits) == 1 and audits[0][0] == review.supervisor.id
    assert rid in audits[0][1]


def test_flag_and_reviewed_are_saved(qtbot, review):
    rid = review.good.recording_id
    dialog = _open(qtbot, review, review.supervisor, rid)
    with qtbot.waitSignal(dialog.list.loaded):
        qtbot.mouseClick(find(dialog, "flag"), Left)
    with qtbot.waitSignal(dialog.list.loaded):
        qtbot.mouseClick(find(dialog, "reviewed"), Left)
    row = next(r for r in dialog.list.rows if r.recording_id == rid)
    assert row.flagged and row.reviewed
    said = find(dialog, "conversation message")
    assert said.text() == "Marked reviewed." and not dialog.conversation.feedback.is_error
    kinds = {
        k for (k,) in _sql(review, "SELECT kind FROM review_actions WHERE recording_id = ?", rid)
    }
    assert {"flag", "reviewed"} <= kinds


def test_a_cashier_disputes_an_item_and_the_supervisor_resolves_it(qtbot, review):
    rid = review.poor.recording_id
    cashier = _open(qtbot, review, review.second, rid)
    assert not cashier.conversation.flip.isVisible()  # supervisors only
    assert not [
        w
        for w in cashier.findChildren(QPushButton)
        if w.accessibleName().startswith("override ") and w.isVisible()
    ]
    _decide(qtbot, cashier, "dispute greeting", "Я поздоровалась до записи")
    assert "open" in find(cashier, "dispute note greeting").text()
    assert _sql(review, "SELECT count(*) FROM audit WHERE action = 'review_dispute'")[0][0] == 1
    cashier.close()

    supervisor = _open(qtbot, review, review.supervisor, rid)
    assert any(r.disputed for r in supervisor.list.rows if r.recording_id == rid)
    before = supervisor.conversation.detail.score
    qtbot.mouseClick(find(supervisor, "resolve greeting"), Left)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ItemDecisionDialog))
    decision = QApplication.activeModalWidget()
    # No side is taken for the supervisor: saving with a comment but no choice is refused.
    assert not decision.accept_choice.isChecked() and not decision.reject_choice.isChecked()
    decision.comment.setText("Heard it on the recording")
    qtbot.mouseClick(find(decision, "save decision"), Left)
    assert decision.isVisible() and decision.feedback.is_error
    decision.reject()
    with qtbot.waitSignal(supervisor.list.loaded):
        _decide(qtbot, supervisor, "resolve greeting", "Heard it on the recording", accept=True)
    item = next(i for i in supervisor.conversation.detail.items if i.item_id == "greeting")
    assert item.dispute.state == "accepted" and item.outcome == "pass"
    assert supervisor.conversation.detail.score > before
    assert "accepted" in find(supervisor, "dispute note greeting").text()
    assert _sql(review, "SELECT count(*) FROM audit WHERE action = 'review_resolve'")[0][0] == 1


def test_a_cashier_cannot_open_someone_elses_conversation(qtbot, review):
    dialog = _open(qtbot, review, review.second, review.good.recording_id, "failed")
    assert dialog.conversation.detail is None
    assert dialog.conversation.feedback.is_error


def test_flipping_speakers_scores_again_off_the_gui_thread(qtbot, review):
    """The rescoring runs in the task pool: the button waits, the view and the list follow."""
    import threading

    from forsell.services.review.service import ReviewService

    threads: list[str] = []
    real = ReviewService.flip_speakers

    def spy(self, *args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(self, *args, **kwargs)

    rid = review.poor.recording_id
    dialog = _open(qtbot, review, review.supervisor, rid)
    assert dialog.conversation.detail.speakers_flipped is False
    ReviewService.flip_speakers = spy
    try:
        with qtbot.waitSignal(dialog.conversation.changed, timeout=10_000):
            qtbot.mouseClick(find(dialog, "flip speakers"), Left)
            assert not find(dialog, "flip speakers").isEnabled()  # waits for the answer
    finally:
        ReviewService.flip_speakers = real
    assert threads and threads[0] != threading.main_thread().name
    assert dialog.conversation.detail.speakers_flipped is True
    assert find(dialog, "flip speakers").isEnabled()
    assert _sql(review, "SELECT flipped FROM conversation_scores WHERE recording_id = ?", rid) == [
        (1,)
    ]


def test_each_item_says_why_it_counts_or_what_was_listened_for(qtbot, review):
    """The poor conversation failed its greeting: the card says what the scorer listened for
    (with the scorecard's own words); a passed item says why its quote counted."""
    dialog = _open(qtbot, review, review.supervisor, review.poor.recording_id)
    looked = find(dialog, "why greeting").text()
    assert looked.startswith("Listened for a greeting by the cashier at the start")
    card = review.service.scorecard()
    said_in_their_language = card.item("greeting").phrases[review.supervisor.language][0]
    assert f"«{said_in_their_language}»" in looked
    detail = dialog.conversation.detail
    passed = [i for i in detail.items if i.outcome == "pass" and i.evidence]
    assert passed, "the poor conversation passes something"
    why = find(dialog, f"why {passed[0].item_id}").text()
    assert why.startswith("Counted: ") and why != "Counted: "
