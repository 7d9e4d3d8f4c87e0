"""Manual review: overrides, flags, "reviewed", speaker flips and the cashier's disputes.

Each action is one transaction holding its ``review_actions`` row, its audit entry and its
outbox event (kind "review", for sync). The facade (``services/review.py``) returns the
refreshed ``ConversationDetail`` afterwards.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.store import audit
from forsell.store.models import (
    ConversationItemResult,
    ConversationMark,
    ConversationScore,
    Dispute,
    ReviewAction,
)
from forsell.store.outbox import enqueue
from forsell.sync.transcripts import TranscriptUnreadable

from ..access import internal
from ..auth import EmployeeView
from .detail import load_overrides
from .query import allowed
from .scoring import ConversationScoring, failed_key, recompute_percent
from .views import OUTCOMES


@internal  # ReviewService's entry points declare who may act
class ReviewActions:
    """A supervisor's actions on a conversation, and the cashier's disputes."""

    def __init__(self, ctx, scoring: ConversationScoring) -> None:
        self.ctx = ctx
        self.scoring = scoring

    def act(
        self,
        session: Session,
        who: EmployeeView,
        recording_id: str,
        kind: str,
        item_id: str | None = None,
        outcome: str | None = None,
        comment: str = "",
        score: float | None = None,
    ) -> None:
        """One review action: its row, its audit entry and its outbox event, together."""
        now = self.ctx.clock()
        action = ReviewAction(
            recording_id=recording_id,
            employee_id=who.id,
            kind=kind,
            item_id=item_id,
            outcome=outcome,
            comment=comment[:500],
            at=now,
        )
        session.add(action)
        session.flush()
        audit.record(
            session,
            self.ctx.device_id,
            f"review_{kind}",
            who.id,
            recording_id=recording_id,
            item_id=item_id,
            outcome=outcome,
        )
        enqueue(
            session,
            "review",
            action.id,
            {
                "id": action.id,
                "recording_id": recording_id,
                "kind": kind,
                "item_id": item_id,
                "outcome": outcome,
                "comment": comment[:500],
                "employee_id": who.id,
                "at": now.isoformat(),
                "score": score,
            },
        )

    def mark(self, session: Session, recording_id: str) -> ConversationMark:
        """The conversation's mark (flag, reviewed, open disputes), added to ``session`` if new."""
        mark = session.get(ConversationMark, recording_id)
        if mark is None:
            mark = ConversationMark(
                recording_id=recording_id,
                flagged=False,
                reviewed=False,
                open_disputes=0,
                flag_comment="",
            )
            session.add(mark)
        mark.updated_at = self.ctx.clock()
        return mark

    def scored(self, session: Session, recording_id: str, item_id: str) -> ConversationScore:
        """The score of a scorable conversation that has the checklist item ``item_id``.

        Raises ``CashierError``: ``review.not_scored``, ``review.unknown_item``."""
        score = session.get(ConversationScore, recording_id)
        if score is None or not score.scorable:
            raise CashierError("review.not_scored", "This conversation has no score")
        if item_id not in (score.outcomes or {}):
            raise CashierError("review.unknown_item", "No item {item} in this score", item=item_id)
        return score

    def set_outcome(
        self, session: Session, score: ConversationScore, item_id: str, outcome: str | None
    ) -> None:
        """Sets one item's outcome (None: back to what the scorer said) and recomputes the failed
        items and the percent, in ``session``."""
        cir = session.get(ConversationItemResult, (score.recording_id, item_id))
        cir.outcome = outcome or cir.scored_outcome
        outcomes = dict(score.outcomes)
        outcomes[item_id] = cir.outcome
        score.outcomes = outcomes
        score.failed = failed_key(outcomes)
        score.percent = recompute_percent(outcomes, score.item_weights)

    def override(
        self, who: EmployeeView, recording_id: str, item_id: str, outcome: str | None, comment: str
    ) -> None:
        """A supervisor sets an item's outcome (``None`` takes the override back); the percent
        is recomputed. Audited; a "review" event for sync.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown``,
        ``review.bad_outcome``, ``review.not_scored``, ``review.unknown_item``."""
        allowed(self.ctx, who, recording_id)
        if outcome is not None and outcome not in OUTCOMES:
            raise CashierError("review.bad_outcome", "Unknown outcome {outcome}", outcome=outcome)
        with self.ctx.db.write() as session:
            score = self.scored(session, recording_id, item_id)
            self.set_outcome(session, score, item_id, outcome)
            self.act(
                session, who, recording_id, "override", item_id, outcome, comment, score.percent
            )

    def flag(self, who: EmployeeView, recording_id: str, flagged: bool, comment: str = "") -> None:
        """Flags (or unflags) a conversation for coaching."""
        allowed(self.ctx, who, recording_id)
        with self.ctx.db.write() as session:
            mark = self.mark(session, recording_id)
            mark.flagged = flagged
            mark.flag_comment = comment[:500] if flagged else ""
            self.act(session, who, recording_id, "flag" if flagged else "unflag", comment=comment)

    def mark_reviewed(self, who: EmployeeView, recording_id: str, reviewed: bool = True) -> None:
        """Marks a conversation reviewed or not, kept as a review action.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown``,
        ``review.not_yours``."""
        allowed(self.ctx, who, recording_id)
        with self.ctx.db.write() as session:
            self.mark(session, recording_id).reviewed = reviewed
            self.act(session, who, recording_id, "reviewed" if reviewed else "unreviewed")

    def flip_speakers(self, who: EmployeeView, recording_id: str) -> None:
        """Swaps cashier and customer and scores again; overrides stay the supervisor's word.
        A flip is a decision about who is who, like ``confirm_speakers``: the scorer judges
        the conversation even when it could not tell the speakers apart by itself.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown``,
        ``review.not_scored``, ``review.no_transcript``."""
        self._decide_speakers(who, recording_id, "flip", flip=None)

    def confirm_speakers(self, who: EmployeeView, recording_id: str) -> None:
        """The supervisor listened and says the roles are right as shown ("Roles are right"):
        scored again with that decision kept (a conversation "speakers uncertain" gets its
        score); overrides stay. Audited; a "review" event for sync.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown``,
        ``review.not_scored``, ``review.no_transcript``."""
        self._decide_speakers(who, recording_id, "confirm_speakers", flip=False)

    def _decide_speakers(
        self, who: EmployeeView, recording_id: str, action: str, flip: bool | None
    ) -> None:
        """A supervisor's decision about who is who: scored again, audited and sent."""
        allowed(self.ctx, who, recording_id)
        flipped = self._decided_score(recording_id, flip=flip)
        with self.ctx.db.write() as session:
            percent = session.get(ConversationScore, recording_id).percent
            self.act(
                session,
                who,
                recording_id,
                action,
                outcome="flipped" if flipped else "normal",
                score=percent,
            )

    def _decided_score(self, recording_id: str, flip: bool | None) -> bool:
        """Scores again with the speakers decided: ``flip`` None swaps them, False keeps them as
        they are shown; overrides stay. Returns whether the speakers are now swapped."""
        with self.ctx.db.read() as session:
            score = session.get(ConversationScore, recording_id)
            if score is None:
                raise CashierError("review.not_scored", "This conversation has no score")
            flipped = (not score.flipped) if flip is None else bool(score.flipped)
            overrides = {
                k: v.outcome for k, v in load_overrides(self.ctx, session, recording_id).items()
            }
        try:
            self.scoring.score_one(recording_id, flip=flipped, overrides=overrides, confirmed=True)
        except TranscriptUnreadable:
            raise CashierError("review.no_transcript", "The transcript cannot be read") from None
        return flipped

    def dispute(self, who: EmployeeView, recording_id: str, item_id: str, comment: str) -> None:
        """The cashier disputes an item of their own conversation, with a comment.

        Raises ``CashierError``: ``review.unknown``, ``review.not_yours``,
        ``review.comment_needed``, ``review.not_scored``, ``review.unknown_item``,
        ``review.dispute_open``."""
        rec = allowed(self.ctx, who, recording_id)
        if rec.employee_id != who.id:
            raise CashierError("review.not_yours", "You can dispute only your own conversations")
        if not comment.strip():
            raise CashierError("review.comment_needed", "Say why you dispute it")
        with self.ctx.db.write() as session:
            self.scored(session, recording_id, item_id)
            if session.scalar(
                select(Dispute.id).where(
                    Dispute.recording_id == recording_id,
                    Dispute.item_id == item_id,
                    Dispute.state == "open",
                )
            ):
                raise CashierError("review.dispute_open", "This item is already disputed")
            session.add(
                Dispute(
                    recording_id=recording_id,
                    item_id=item_id,
                    employee_id=who.id,
                    comment=comment[:500],
                    opened_at=self.ctx.clock(),
                    state="open",
                    resolution="",
                )
            )
            self.mark(session, recording_id).open_disputes += 1
            self.act(session, who, recording_id, "dispute", item_id, comment=comment)

    def resolve_dispute(
        self, who: EmployeeView, recording_id: str, item_id: str, accept: bool, comment: str
    ) -> None:
        """A supervisor accepts (a failed item then passes) or rejects the open dispute.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown``,
        ``review.no_dispute``."""
        allowed(self.ctx, who, recording_id)
        with self.ctx.db.write() as session:
            d = session.scalar(
                select(Dispute).where(
                    Dispute.recording_id == recording_id,
                    Dispute.item_id == item_id,
                    Dispute.state == "open",
                )
            )
            if d is None:
                raise CashierError("review.no_dispute", "There is no open dispute on this item")
            d.state = "accepted" if accept else "rejected"
            d.resolved_by = who.id
            d.resolution = comment[:500]
            d.resolved_at = self.ctx.clock()
            mark = self.mark(session, recording_id)
            mark.open_disputes = max(0, mark.open_disputes - 1)
            score = self.scored(session, recording_id, item_id)
            if accept and score.outcomes.get(item_id) == "fail":
                self.set_outcome(session, score, item_id, "pass")
                self.act(
                    session, who, recording_id, "override", item_id, "pass", comment, score.percent
                )
            self.act(
                session,
                who,
                recording_id,
                "resolve",
                item_id,
                "accepted" if accept else "rejected",
                comment,
                score.percent,
            )
