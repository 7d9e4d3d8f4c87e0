"""Supervisor review: conversations listed and filtered, opened, heard, overridden and disputed.

The API the UI codes against: ``ReviewService`` and the frozen views of ``review_views``.
This module is the facade; the work lives in sibling modules, one reason to change each:

- ``review_views``: the frozen dataclasses and the filter/status vocabularies;
- ``review_scoring``: the scorer's inputs, the scorecard, scoring and sealing results;
- ``review_query``: who sees what, the list's filters and order, the on-the-fly text search;
- ``review_detail``: one conversation opened (transcript, items, offers, receipt, measures);
- ``review_actions``: overrides, flags, reviewed, flips and disputes, with audit and outbox.

Scores live in clear columns for fast filters (percent, item outcomes, offers, conversions,
revenue); what was said lives only in the transcript and the score's evidence, both sealed under
the recording's DEK.
"""

from __future__ import annotations

from collections.abc import Callable

from forsell.analytics import Scorecard
from forsell.domain.problems import Problem
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.keys import KeyVault

from .. import pulls
from ..access import public, requires
from ..auth import EmployeeView
from ..privacy.requests import refuse_blocked_playback
from ..recordings import RecordingLibrary
from . import scorecard as review_scorecard
from .actions import ReviewActions
from .detail import DetailBuilder
from .query import ConversationQuery, TextMatcher, allowed, recent_shifts
from .scorecard import ScorecardPreview
from .scoring import (
    REVIEW_SCORECARD,
    REVIEW_SCORECARD_CUSTOM,
    ConversationScoring,
    ScorecardProblem,
    analytics_transcript,
    load_scorecard_setting,
    recompute_percent,
    sale_receipt,
    store_catalog,
)
from .views import (
    ACTION_KINDS,
    OUTCOMES,
    SORTS,
    STATUSES,
    UPSELL_FILTERS,
    AudioMeasures,
    ConversationDetail,
    ConversationFilter,
    ConversationRow,
    DisputeView,
    EvidenceView,
    ItemView,
    OfferView,
    OverrideView,
    ShiftOption,
    UtteranceView,
    WordView,
)

__all__ = [
    "ACTION_KINDS",
    "OUTCOMES",
    "REVIEW_SCORECARD",
    "REVIEW_SCORECARD_CUSTOM",
    "SORTS",
    "STATUSES",
    "UPSELL_FILTERS",
    "AudioMeasures",
    "ConversationDetail",
    "ConversationFilter",
    "ConversationRow",
    "DisputeView",
    "EvidenceView",
    "ItemView",
    "OfferView",
    "OverrideView",
    "ReviewService",
    "ScorecardPreview",
    "ScorecardProblem",
    "ShiftOption",
    "TextMatcher",
    "UtteranceView",
    "WordView",
    "analytics_transcript",
    "load_scorecard_setting",
    "recompute_percent",
    "sale_receipt",
    "store_catalog",
]


class ReviewService:
    """Review use cases; every method is one or a few short transactions.

    ``who`` is the logged-in employee: a cashier sees and disputes only their own
    conversations; supervisors and admins see all, override, flag, flip and resolve.
    Errors are ``CashierError`` with keys ``review.*`` (``ui/`` translates them).
    """

    def __init__(self, till, vault: KeyVault) -> None:  # till: services.app.Till
        self.till = till
        self.ctx = till.ctx
        self.vault = vault
        self.transcripts = TranscriptStore(self.ctx.db, vault)
        self.library = RecordingLibrary(self.ctx, vault)
        self.scoring = ConversationScoring(self.ctx, vault, self.transcripts)
        self.query = ConversationQuery(self.ctx, vault)
        self.details = DetailBuilder(
            self.ctx, self.scoring, self.query, self.transcripts, self.library
        )
        self.actions = ReviewActions(self.ctx, self.scoring)

    # --- scoring ---------------------------------------------------------------------------

    @public
    def scorecard(self) -> Scorecard:
        """The store's current scorecard (preset or custom)."""
        return self.scoring.scorecard()

    @public
    def scorecard_text(self) -> str:
        """The JSON text an admin edits: the custom one, or the chosen preset's file."""
        return self.scoring.scorecard_text()

    @requires(Role.ADMIN)
    def save_scorecard(self, admin: EmployeeView, json_text: str) -> Scorecard:
        """Validates and stores the admin's scorecard (raises ScorecardProblem); audited."""
        return self.scoring.save_scorecard(admin, json_text)

    @public
    def scorecard_choice(self) -> str:
        """What the store scores with: a preset's name (``cafe``, ``shop``) or ``custom``."""
        return review_scorecard.scorecard_choice(self.ctx)

    @public
    def preset_text(self, name: str) -> str:
        """The JSON text of a preset, for the editor to start from."""
        return review_scorecard.preset_text(name)

    @public
    def check_scorecard(self, json_text: str) -> tuple[Problem, ...]:
        """The problems ``save_scorecard`` would refuse the text for (empty: valid), as data."""
        return review_scorecard.scorecard_problems(json_text)

    @requires(Role.ADMIN)
    def use_scorecard_preset(self, admin: EmployeeView, name: str) -> None:
        """The store goes back to a preset; audited. New conversations are scored with it."""
        review_scorecard.use_preset(self.ctx, admin, name)

    @requires(Role.SUPERVISOR)
    def preview_scorecard(
        self, who: EmployeeView, json_text: str, limit: int = 50
    ) -> ScorecardPreview:
        """Tries a draft on the latest ``limit`` transcribed conversations against the current
        card, saving nothing (raises ScorecardProblem for an invalid draft)."""
        return review_scorecard.preview(self.ctx, self.scoring, who, json_text, limit)

    @public
    def scorecard_source(self):
        """Where the active card came from when it is the backend's (``pulls.ScorecardSource``:
        source, id, version, at), else None — the editor warns that a pull replaces edits."""
        return pulls.scorecard_source(self.ctx)

    @public
    def score_pending(
        self, limit: int | None = None, cancelled: Callable[[], bool] | None = None
    ) -> int:
        """Scores every transcribed conversation that has no score yet (after sync, at start);
        stops between two conversations once ``cancelled()``."""
        return self.scoring.score_pending(limit, cancelled)

    # --- the list -------------------------------------------------------------------------

    @requires(Role.CASHIER)
    def list(self, who: EmployeeView, f: ConversationFilter) -> list[ConversationRow]:
        """Conversations matching ``f``, a page of them; a cashier gets only their own."""
        return self.query.list(who, f)

    @requires(Role.CASHIER)
    def count(self, who: EmployeeView, f: ConversationFilter) -> int:
        """How many conversations match ``f`` (all pages)."""
        return self.query.count(who, f)

    @requires(Role.CASHIER)
    def shifts(self, who: EmployeeView, limit: int = 50) -> list[ShiftOption]:
        """Recent shifts for the shift filter, newest first. Every role gets all shifts; a
        cashier's list filtered by one still shows only their own conversations."""
        del who  # the same for every role; kept so every call names who asks
        return recent_shifts(self.ctx, limit)

    # --- one conversation -----------------------------------------------------------------

    @requires(Role.CASHIER)
    def detail(self, who: EmployeeView, recording_id: str) -> ConversationDetail:
        """The conversation with transcript, items and evidence, offers and the receipt.
        Audited as ``transcript_viewed`` (who, when)."""
        allowed(self.ctx, who, recording_id)
        view = self.details.build(recording_id, who.language)
        with self.ctx.db.write() as session:
            audit.record(
                session, self.ctx.device_id, "transcript_viewed", who.id, recording_id=recording_id
            )
        return view

    @requires(Role.CASHIER)
    def audio(self, who: EmployeeView, recording_id: str) -> bytes:
        """The Ogg/Opus audio decrypted into memory. Not audited: a conversation view decodes
        its audio as soon as it opens, long before anyone listens; ``played`` is the audit."""
        allowed(self.ctx, who, recording_id)
        refuse_blocked_playback(self.ctx, who, recording_id)  # policy 6.3: admins only
        return self.library.ogg(recording_id)

    @requires(Role.CASHIER)
    def played(self, who: EmployeeView, recording_id: str) -> None:
        """Audits ``recording_played`` (who, when): call it when the sound actually starts,
        once per opening of the conversation, not for every pause and play."""
        allowed(self.ctx, who, recording_id)
        with self.ctx.db.write() as session:
            audit.record(
                session, self.ctx.device_id, "recording_played", who.id, recording_id=recording_id
            )

    # --- manual review (each returns the refreshed conversation) ---------------------------

    @requires(Role.SUPERVISOR)
    def override(
        self, who: EmployeeView, recording_id: str, item_id: str, outcome: str | None, comment: str
    ) -> ConversationDetail:
        """A supervisor sets an item's outcome (``None`` takes the override back)."""
        self.actions.override(who, recording_id, item_id, outcome, comment)
        return self.details.build(recording_id, who.language)

    @requires(Role.SUPERVISOR)
    def flag(
        self, who: EmployeeView, recording_id: str, flagged: bool, comment: str = ""
    ) -> ConversationDetail:
        """Flags (or unflags) a conversation for coaching."""
        self.actions.flag(who, recording_id, flagged, comment)
        return self.details.build(recording_id, who.language)

    @requires(Role.SUPERVISOR)
    def mark_reviewed(
        self, who: EmployeeView, recording_id: str, reviewed: bool = True
    ) -> ConversationDetail:
        """Marks a conversation reviewed (or not) and returns its fresh detail.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown`` (no such
        conversation), ``review.not_yours``."""
        self.actions.mark_reviewed(who, recording_id, reviewed)
        return self.details.build(recording_id, who.language)

    @requires(Role.SUPERVISOR)
    def flip_speakers(self, who: EmployeeView, recording_id: str) -> ConversationDetail:
        """Swaps cashier and customer and scores again; overrides stay the supervisor's word."""
        self.actions.flip_speakers(who, recording_id)
        return self.details.build(recording_id, who.language)

    @requires(Role.SUPERVISOR)
    def confirm_speakers(self, who: EmployeeView, recording_id: str) -> ConversationDetail:
        """The supervisor listened: the cashier and the customer are right as shown ("Roles are
        right"). Scores again with that decision kept, so a conversation whose speakers the
        scorer could not tell apart ("speakers_uncertain") gets its score; audited like a flip.

        Raises ``CashierError``: ``supervisor.only``, ``review.unknown``,
        ``review.not_scored``, ``review.no_transcript``."""
        self.actions.confirm_speakers(who, recording_id)
        return self.details.build(recording_id, who.language)

    @requires(Role.CASHIER)
    def dispute(
        self, who: EmployeeView, recording_id: str, item_id: str, comment: str
    ) -> ConversationDetail:
        """The cashier disputes an item of their own conversation, with a comment."""
        self.actions.dispute(who, recording_id, item_id, comment)
        return self.details.build(recording_id, who.language)

    @requires(Role.SUPERVISOR)
    def resolve_dispute(
        self, who: EmployeeView, recording_id: str, item_id: str, accept: bool, comment: str
    ) -> ConversationDetail:
        """A supervisor accepts (a failed item then passes) or rejects the open dispute."""
        self.actions.resolve_dispute(who, recording_id, item_id, accept, comment)
        return self.details.build(recording_id, who.language)
