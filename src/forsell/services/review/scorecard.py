"""The admin's scorecard editor, behind the UI: presets, validation without saving, and a dry run
of a draft on the conversations already on this till.

Validation is the same as ``save_scorecard``'s (``analytics.formats``), so the editor shows
exactly the problems a save would refuse. The dry run scores with both cards in memory and saves
nothing: the stored scores change only when the admin saves (new conversations use the new card).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from forsell.analytics import Scorer, formats
from forsell.domain.errors import CashierError
from forsell.domain.problems import Problem
from forsell.store import audit
from forsell.store.models import ConversationScore, Recording, TranscriptRow
from forsell.sync.transcripts import TranscriptUnreadable
from forsell.vault.chunks import RecordingUnreadable

from ..access import internal
from ..auth import EmployeeView
from .scoring import (
    REVIEW_SCORECARD,
    ConversationScoring,
    ScorecardProblem,
    analytics_transcript,
    preset_path,
    sale_receipt,
    store_catalog,
)

#: The presets in resources/scorecards, in the order the editor offers them.
PRESETS = ("cafe", "shop")


@dataclass(frozen=True)
class ScorecardPreview:
    """A draft tried on the latest transcribed conversations; scores are percent (0..100)."""

    conversations: int  # conversations scored with both cards (unreadable ones are left out)
    changed: int  # conversations whose score (or scorability) differs between the cards
    average_before: float | None  # over the scorable ones, current card
    average_after: float | None  # over the scorable ones, the draft
    scorable_before: int
    scorable_after: int


def scorecard_problems(json_text: str) -> tuple[Problem, ...]:
    """Every problem ``save_scorecard`` would refuse ``json_text`` for, each with its place
    (``("items", 2, "weight")``); empty when the text is a valid scorecard."""
    try:
        # Strict and bounded: a pasted document nested 100,000 deep is a problem, not a crash.
        doc = formats.loads(json_text, "scorecard")
    except formats.FormatError as e:
        return tuple(e.problems)
    try:
        formats.parse_scorecard(doc)
    except formats.FormatError as e:
        return tuple(e.problems)
    return ()


def preset_text(name: str) -> str:
    """The JSON text of a preset (``cafe``, ``shop``).

    Raises ``CashierError`` ``review.no_preset`` for another name."""
    if name not in PRESETS:
        raise CashierError("review.no_preset", "There is no scorecard preset {name}", name=name)
    return preset_path(name).read_text(encoding="utf-8")


def scorecard_choice(ctx) -> str:
    """What the store uses: a preset's name or ``custom``."""
    name = ctx.settings.get(REVIEW_SCORECARD)
    return name if name in (*PRESETS, "custom") else "cafe"


@internal  # ReviewService.use_scorecard_preset declares who may
def use_preset(ctx, admin: EmployeeView, name: str) -> None:
    """The store goes back to a preset (the custom text is kept for later); audited.

    Raises ``CashierError``: ``admin.only``, ``review.no_preset``."""
    preset_text(name)  # refuses an unknown name
    ctx.settings.set(REVIEW_SCORECARD, name)
    with ctx.db.write() as session:
        audit.record(session, ctx.device_id, "scorecard_saved", admin.id, name=name, preset=True)


@internal  # ReviewService.preview_scorecard declares who may
def preview(
    ctx, scoring: ConversationScoring, who: EmployeeView, json_text: str, limit: int = 50
) -> ScorecardPreview:
    """Scores the latest ``limit`` transcribed conversations with the draft and with the current
    card, in memory. Raises ScorecardProblem for an invalid draft. Audited (who, how many)."""
    problems = scorecard_problems(json_text)
    if problems:
        raise ScorecardProblem(problems)
    current = scoring.current_scorer()
    with ctx.db.read() as session:
        draft = Scorer(
            formats.parse_scorecard(formats.loads(json_text, "scorecard")), store_catalog(session)
        )
        ids = list(
            session.scalars(
                select(TranscriptRow.recording_id)
                .join(Recording, Recording.id == TranscriptRow.recording_id)
                .where(
                    TranscriptRow.state == "done",
                    TranscriptRow.sealed.is_not(None),
                    Recording.shredded_at.is_(None),
                )
                .order_by(Recording.started_at.desc())
                .limit(max(1, limit))
            )
        )
    before: list[float | None] = []
    after: list[float | None] = []
    for rid in ids:
        pair = _score_both(ctx, scoring, current, draft, rid)
        if pair is not None:
            before.append(pair[0])
            after.append(pair[1])
    with ctx.db.write() as session:
        audit.record(
            session, ctx.device_id, "scorecard_previewed", who.id, conversations=len(before)
        )
    changed = sum(1 for b, a in zip(before, after, strict=True) if b != a)
    return ScorecardPreview(
        len(before),
        changed,
        _average(before),
        _average(after),
        sum(b is not None for b in before),
        sum(a is not None for a in after),
    )


def _score_both(
    ctx, scoring: ConversationScoring, current: Scorer, draft: Scorer, recording_id: str
) -> tuple[float | None, float | None] | None:
    """(current, draft) percent of one conversation (None: not scorable); None if unreadable.
    The scorer's own numbers, before any supervisor override: the cards are what is compared."""
    try:
        t = scoring.transcripts.load(recording_id)
    except (TranscriptUnreadable, RecordingUnreadable):
        return None
    with ctx.db.read() as session:
        rec = session.get(Recording, recording_id)
        old = session.get(ConversationScore, recording_id)
        flip = bool(old.flipped) if old else False
        categories = {p.sku: p.category for p in current.catalog.products}
        receipt, _ids = sale_receipt(session, rec.sale_id, rec.started_at, categories)
    transcript = analytics_transcript(t, bad_audio=rec.silent)
    scores = []
    for scorer in (current, draft):
        result = scorer.score(
            transcript, receipt, flip=flip, catalog=formats.receipt_catalog(receipt)
        )
        scores.append(result.score if result.scorable else None)
    return scores[0], scores[1]


def _average(values: list[float | None]) -> float | None:
    scored = [v for v in values if v is not None]
    return round(sum(scored) / len(scored), 1) if scored else None
