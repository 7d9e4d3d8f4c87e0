"""The review screens' frozen views: what ``ReviewService`` hands the UI.

Plain data only, so the UI never touches a session; ``services/review.py`` re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..receipts import ReceiptView

#: upsell filter values
UPSELL_FILTERS = ("offered", "converted", "not_offered")
SORTS = ("newest", "oldest", "score_asc", "score_desc")
#: review_actions.kind
ACTION_KINDS = (
    "override",
    "flag",
    "unflag",
    "reviewed",
    "unreviewed",
    "flip",
    "confirm_speakers",
    "dispute",
    "resolve",
)
#: ConversationRow.status: scored | not_scorable | transcribing | no_transcript | shredded
STATUSES = ("scored", "not_scorable", "transcribing", "no_transcript", "shredded")

#: an item's outcome (a supervisor's override uses the same words)
OUTCOMES = ("pass", "fail", "not_applicable")


@dataclass(frozen=True)
class ConversationFilter:
    date_from: date | None = None  # store-local dates, inclusive
    date_to: date | None = None
    shift_id: str | None = None
    employee_id: str | None = None
    score_min: float | None = None  # percent 0..100
    score_max: float | None = None
    failed_item: str | None = None  # scorecard item id
    upsell: str | None = None  # None | "offered" | "converted" | "not_offered"
    flagged: bool | None = None
    reviewed: bool | None = None
    has_transcript: bool | None = None
    text: str = ""  # full-text over transcripts, decrypted on the fly
    sort: str = "newest"  # newest | oldest | score_asc | score_desc
    limit: int = 200
    offset: int = 0


@dataclass(frozen=True)
class ConversationRow:
    recording_id: str
    started_at: datetime  # store-local
    duration_s: float
    employee_id: str | None
    employee: str
    receipt_no: int | None
    sale_total: int | None  # tiyn
    score: float | None  # percent; None when not scored (yet) or not scorable
    failed_items: tuple[str, ...]
    offers: int
    conversions: int
    extra_revenue: int  # tiyn
    flagged: bool
    reviewed: bool
    has_transcript: bool
    disputed: bool  # an open dispute
    status: str  # see STATUSES
    shift_id: str | None = None
    sale_id: str | None = None
    #: why a ``not_scorable`` one has no score: no_speech | bad_audio | no_customer_speech |
    #: speakers_uncertain (a supervisor confirms or swaps the roles) | None
    not_scorable_reason: str | None = None


@dataclass(frozen=True)
class EvidenceView:
    words: str
    start: float  # seconds from the start of the recording
    end: float
    role: str  # cashier | customer
    phrase: str = ""  # the scorecard phrase (or product name) it matched
    #: why it counts: phrase | choice | question_word | open_question | quantity | asked |
    #: clarify | offer | size (``analytics.scoring.Evidence.why``)
    why: str = "phrase"


@dataclass(frozen=True)
class OverrideView:
    outcome: str  # pass | fail | not_applicable
    comment: str
    by_id: str
    by: str
    at: datetime  # store-local


@dataclass(frozen=True)
class DisputeView:
    comment: str
    by_id: str
    by: str
    at: datetime  # store-local
    state: str  # open | accepted | rejected
    resolution: str = ""
    resolved_by: str = ""
    resolved_at: datetime | None = None


@dataclass(frozen=True)
class ItemView:
    """One checklist item in a conversation; ``outcome`` already includes an override."""

    item_id: str
    title: str
    kind: str  # required | bonus | forbidden | fatal
    outcome: str  # pass | fail | not_applicable
    points: float
    max_points: float
    evidence: tuple[EvidenceView, ...]
    override: OverrideView | None
    dispute: DisputeView | None
    scored_outcome: str = ""  # what the scorer said, before an override
    reason: str = ""  # matched | not_said | said_by_customer | outside_window | moot | …
    #: what the item looks for: its detector (greeting, needs_question, …; "" for phrases only)
    #: and a few of its phrases in the viewer's language, for "Looked for …"
    detector: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordView:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class UtteranceView:
    role: str  # cashier | customer (after a flip)
    speaker: str  # the diarization label
    start: float
    end: float
    text: str
    words: tuple[WordView, ...]


@dataclass(frozen=True)
class OfferView:
    product: str  # what was offered: the product's name or the category
    category: str
    at: float  # seconds from the start of the recording
    converted: bool
    line_sku: str | None  # the receipt line that converted it
    revenue: int  # tiyn
    text: str = ""  # the cashier's words


@dataclass(frozen=True)
class AudioMeasures:
    """What is known from the audio alone (before or without a transcript)."""

    duration_s: float
    talk_s: float
    silence_share: float  # 0..1
    loudness_dbfs: float | None  # RMS over the whole recording, when measured


@dataclass(frozen=True)
class ConversationDetail:
    row: ConversationRow
    utterances: tuple[UtteranceView, ...]
    speakers_flipped: bool
    items: tuple[ItemView, ...]
    score: float | None
    scorable: bool
    not_scorable_reason: str | None  # no_speech | bad_audio | no_customer_speech |
    #   speakers_uncertain | None
    offers: tuple[OfferView, ...]
    receipt: ReceiptView | None
    upsold_line_ids: frozenset[str]
    audio_measures: AudioMeasures | None
    scorecard: str = ""  # the scorecard's name and version it was scored with
    #: A conversation left unscored ("speakers uncertain") still shows a forbidden phrase said
    #: by the voice most like the cashier's in an utterance only a cashier says (a sum, an order
    #: question): the supervisor must hear it even before the roles are confirmed.
    held_forbidden: tuple[EvidenceView, ...] = ()


@dataclass(frozen=True)
class ShiftOption:
    """A shift for the list's shift filter (newest first)."""

    shift_id: str
    opened_at: datetime  # store-local
    opened_by_id: str
    opened_by: str  # the name of who opened it
    z_number: int | None  # set when the shift was closed with a Z report
    closed_at: datetime | None = None  # store-local; None while the shift is open
