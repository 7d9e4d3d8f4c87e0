"""Speakers uncertain: a stored "the supervisor decided who is who" flag, "Roles are right",
and a flip that counts as a decision. Real till, real SQLite, real key file; the scorer is the
real one, taught the upcoming ``confirmed=`` keyword by a subclass (as the analytics change will
do it): with undecided speakers it answers "speakers_uncertain"."""

from __future__ import annotations

import dataclasses
import os
import threading
from typing import ClassVar

import pytest

from forsell.analytics import Scorer
from forsell.domain.errors import CashierError
from forsell.services.demo_conversations import seed_demo_conversations
from forsell.services.recordings import KEY_FILE
from forsell.services.review.service import ConversationFilter, ReviewService
from forsell.services.review.speakers import SPEAKERS_UNCERTAIN
from forsell.store.models import ConversationScore
from forsell.vault.keys import KeyVault

from .conftest import audit_rows, outbox_rows


class UncertainScorer(Scorer):
    """The real scorer, but unable to tell the speakers apart unless told."""

    calls: ClassVar[list[dict]] = []

    def score(self, transcript, receipt=None, *, flip=False, catalog=None, confirmed=False):
        self.calls.append({"flip": flip, "confirmed": confirmed})
        result = super().score(transcript, receipt, flip=flip, catalog=catalog, confirmed=True)
        if flip or confirmed or not result.scorable:
            return result
        return dataclasses.replace(result, scorable=False, reason=SPEAKERS_UNCERTAIN, score=None)


@pytest.fixture
def vault(till):
    v = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    yield v
    v.close()


def uncertain(review: ReviewService) -> None:
    """Swaps the review's scorer for the uncertain one (same scorecard and catalog)."""
    real = review.scoring.current_scorer()
    review.scoring._scorer = UncertainScorer(real.scorecard, real.catalog)
    UncertainScorer.calls = []


@pytest.fixture
def review(till, vault):
    assert seed_demo_conversations(till, vault, score=False) == 7
    service = ReviewService(till, vault)
    uncertain(service)
    assert service.score_pending() == 7
    return service


def _rows(review, staff):
    return review.list(staff.supervisor, ConversationFilter())


def _score(till, rid) -> ConversationScore:
    with till.ctx.db.read() as session:
        row = session.get(ConversationScore, rid)
        session.expunge(row)
        return row


def test_uncertain_speakers_are_listed_with_their_reason(review, staff) -> None:
    rows = _rows(review, staff)
    uncertain_rows = [r for r in rows if r.not_scorable_reason == SPEAKERS_UNCERTAIN]
    assert uncertain_rows, "the uncertain scorer left every conversation scored"
    assert all(r.status == "not_scorable" and r.score is None for r in uncertain_rows)
    assert all(r.not_scorable_reason is None for r in rows if r.status == "scored")
    detail = review.detail(staff.supervisor, uncertain_rows[0].recording_id)
    assert not detail.scorable and detail.not_scorable_reason == SPEAKERS_UNCERTAIN
    # Undecided: the scorer was never told anything.
    assert {c["confirmed"] for c in UncertainScorer.calls} == {False}


def test_roles_are_right_rescores_keeps_the_decision_and_is_audited(review, staff, till) -> None:
    rid = next(
        r.recording_id for r in _rows(review, staff) if r.not_scorable_reason == SPEAKERS_UNCERTAIN
    )
    events_before = len(outbox_rows(till, "score"))
    detail = review.confirm_speakers(staff.supervisor, rid)
    assert detail.scorable and detail.score is not None and not detail.speakers_flipped
    stored = _score(till, rid)
    assert stored.speakers_confirmed and stored.scorable and stored.reason is None
    assert UncertainScorer.calls[-1] == {"flip": False, "confirmed": True}
    # The new score goes to the backend, and so does the supervisor's action (audited).
    scores = outbox_rows(till, "score")
    assert len(scores) == events_before + 1
    assert scores[-1].payload["speakers_confirmed"] is True
    assert scores[-1].payload["scorable"] is True
    review_events = [e.payload for e in outbox_rows(till, "review")]
    assert review_events[-1]["kind"] == "confirm_speakers"
    assert review_events[-1]["recording_id"] == rid
    assert any(
        a.action == "review_confirm_speakers" and a.employee_id == staff.supervisor.id
        for a in audit_rows(till)
    )
    # Scored again later (a new scorecard, an override): the decision stays.
    review.scoring.score_one(rid)
    assert UncertainScorer.calls[-1] == {"flip": False, "confirmed": True}
    assert _score(till, rid).scorable
    row = next(r for r in _rows(review, staff) if r.recording_id == rid)
    assert row.status == "scored" and row.not_scorable_reason is None


def test_a_flip_is_a_decision_too(review, staff, till) -> None:
    rid = next(
        r.recording_id for r in _rows(review, staff) if r.not_scorable_reason == SPEAKERS_UNCERTAIN
    )
    flipped = review.flip_speakers(staff.supervisor, rid)
    assert flipped.speakers_flipped and flipped.scorable
    assert _score(till, rid).speakers_confirmed
    back = review.flip_speakers(staff.supervisor, rid)  # flipped back: still decided
    assert not back.speakers_flipped and back.scorable
    assert UncertainScorer.calls[-1] == {"flip": False, "confirmed": True}


def test_roles_are_right_is_a_supervisors_and_needs_a_score(review, staff, till) -> None:
    rid = _rows(review, staff)[0].recording_id
    with pytest.raises(CashierError) as refused:
        review.confirm_speakers(staff.cashier, rid)
    assert refused.value.key == "supervisor.only"
    with till.ctx.db.write() as session:
        session.delete(session.get(ConversationScore, rid))
    with pytest.raises(CashierError) as missing:
        review.confirm_speakers(staff.supervisor, rid)
    assert missing.value.key == "review.not_scored"


def test_two_scoring_runs_at_once_score_each_conversation_once(till, vault) -> None:
    assert seed_demo_conversations(till, vault, score=False) == 7
    services = [ReviewService(till, vault) for _ in range(3)]
    start = threading.Barrier(len(services))
    counts: list[int] = []

    def run(service: ReviewService) -> None:
        start.wait()
        counts.append(service.score_pending())

    threads = [threading.Thread(target=run, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(counts) == 7
    events = [e.entity_id for e in outbox_rows(till, "score")]
    assert sorted(events) == sorted(set(events)) and len(events) == 7


def test_a_score_that_appeared_meanwhile_is_not_written_again(till, vault, staff) -> None:
    """Across processes (the CLI's ``sync --once`` beside the app) only the write's own
    transaction can tell: ``only_new`` checks there."""
    assert seed_demo_conversations(till, vault, score=False) == 7
    review = ReviewService(till, vault)
    rid = _rows(review, staff)[0].recording_id
    assert review.scoring.score_one(rid, only_new=True) is True
    assert review.scoring.score_one(rid, only_new=True) is False
    assert [e.entity_id for e in outbox_rows(till, "score")] == [rid]
