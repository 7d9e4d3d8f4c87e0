"""Supervisor review: conversations listed and filtered, opened, heard, overridden and disputed.

The API the UI codes against (``/work/notes/review.md``). Scores live in clear columns for fast
filters (percent, item outcomes, offers, conversions, revenue); what was said lives only in the
transcript and the score's evidence, both sealed under the recording's DEK.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from forsell.analytics import (
    Catalog,
    CatalogProduct,
    Receipt,
    ReceiptLine,
    Scorecard,
    Scorer,
    formats,
)
from forsell.analytics.model import Transcript
from forsell.analytics.normalize import normalize_text
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.paths import resources_dir
from forsell.store import audit
from forsell.store.models import (
    Category,
    ConversationItemResult,
    ConversationMark,
    ConversationScore,
    Dispute,
    Employee,
    Product,
    Recording,
    ReviewAction,
    Sale,
    TranscriptRow,
)
from forsell.store.outbox import enqueue
from forsell.sync.providers.base import Transcript as ProviderTranscript
from forsell.sync.transcripts import TranscriptStore, TranscriptUnreadable
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable
from forsell.vault.keys import KeyVault

from . import settings as s
from .auth import EmployeeView
from .receipts import ReceiptView, load_receipt
from .recordings import RecordingLibrary
from .settings import SettingDef

log = logging.getLogger(__name__)

#: upsell filter values
UPSELL_FILTERS = ("offered", "converted", "not_offered")
SORTS = ("newest", "oldest", "score_asc", "score_desc")
#: review_actions.kind
ACTION_KINDS = ("override", "flag", "unflag", "reviewed", "unreviewed", "flip", "dispute",
                "resolve")
#: ConversationRow.status: scored | not_scorable | transcribing | no_transcript | shredded
STATUSES = ("scored", "not_scorable", "transcribing", "no_transcript", "shredded")


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


@dataclass(frozen=True)
class EvidenceView:
    words: str
    start: float  # seconds from the start of the recording
    end: float
    role: str  # cashier | customer
    phrase: str = ""  # the scorecard phrase (or product name) it matched


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
    not_scorable_reason: str | None  # no_speech | bad_audio | no_customer_speech | None
    offers: tuple[OfferView, ...]
    receipt: ReceiptView | None
    upsold_line_ids: frozenset[str]
    audio_measures: AudioMeasures | None
    scorecard: str = ""  # the scorecard's name and version it was scored with


class ScorecardProblem(CashierError):
    """``save_scorecard`` refused the document; ``problems``: one line per thing wrong."""

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        super().__init__("review.scorecard_invalid", "The scorecard has problems: {problems}",
                         problems="; ".join(problems))
        self.problems = tuple(problems)


#: The store's scorecard: a preset's name (``resources/scorecards/<name>.json``) or "custom".
REVIEW_SCORECARD = SettingDef("review.scorecard", str, "cafe", "Quality scorecard")
#: The admin's own scorecard, as JSON text (validated before it is saved).
REVIEW_SCORECARD_CUSTOM = SettingDef("review.scorecard_custom", str, "", "Custom scorecard")

OUTCOMES = ("pass", "fail", "not_applicable")
_SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)
#: Full-text search decrypts transcripts in pages of this many candidate ids.
_SEARCH_PAGE = 500


def _score_aad(recording_id: str) -> bytes:
    return f"score|{recording_id}".encode()


def load_scorecard_setting(settings: s.Settings) -> Scorecard:
    """The store's scorecard: the custom one if chosen and valid, else the named preset."""
    name = settings.get(REVIEW_SCORECARD)
    if name == "custom":
        text = settings.get(REVIEW_SCORECARD_CUSTOM)
        if text:
            return formats.parse_scorecard(json.loads(text), "custom scorecard")
        name = "cafe"
    path = resources_dir() / "scorecards" / f"{Path(name).name}.json"
    if not path.exists():
        path = resources_dir() / "scorecards" / "cafe.json"
    return formats.load_scorecard(path)


def store_catalog(session: Session) -> Catalog:
    """The till's products as the scorer sees them: names in every language and categories."""
    cats = {c.id: c for c in session.scalars(select(Category))}
    products = []
    for p in session.scalars(select(Product).where(Product.active)):
        names = {k: v for k, v in (("ru", p.name_ru), ("kk", p.name_kk), ("en", p.name_en)) if v}
        cat = cats.get(p.category_id) if p.category_id else None
        cat_names = tuple(n for n in ((cat.name_ru, cat.name_kk, cat.name_en) if cat else ())
                          if n)
        products.append(CatalogProduct(p.sku, names, cat.name_ru if cat else "", cat_names))
    return Catalog(tuple(products))


def analytics_transcript(t: ProviderTranscript, *, bad_audio: bool = False) -> Transcript:
    """A recogniser's words → utterances (speaker turns, or pauses) for the scorer."""
    words = [{"text": w.text, "start": w.start, "end": w.end,
              "speaker": "speaker_0" if w.speaker is None else str(w.speaker)}
             for w in t.words if w.text.strip()]
    doc: dict = {"words": words, "language": t.language}
    if t.confidence is not None:
        doc["confidence"] = min(1.0, max(0.0, t.confidence))
    if bad_audio:
        doc["audio_quality"] = "bad"
    return formats.parse_transcript(doc, f"transcript {t.external_id or ''}")


def sale_receipt(session: Session, sale_id: str | None, started_at: datetime,
                 categories: dict[str, str]) -> tuple[Receipt, list[str]]:
    """The sale as the scorer's receipt (line times relative to the recording's start) and the
    sale line ids in the same order. Lines from before revision 0006 have no time: they count as
    rung up before the conversation, so they never convert an offer."""
    if not sale_id:
        return Receipt(()), []
    sale = session.get(Sale, sale_id)
    if sale is None:
        return Receipt(()), []
    lines, ids = [], []
    for ln in sale.lines:
        at = (ln.added_at - started_at).total_seconds() if ln.added_at else -1.0
        names = {k: v for k, v in (("ru", ln.name_ru), ("kk", ln.name_kk), ("en", ln.name_en)) if v}
        lines.append(ReceiptLine(ln.sku, ln.name_ru, ln.qty_milli / 1000, ln.unit_price, at,
                                 categories.get(ln.sku, ""), names, ln.net))
        ids.append(ln.id)
    return Receipt(tuple(lines), str(sale.receipt_no)), ids


def recompute_percent(outcomes: dict[str, str], weights: dict[str, list]) -> float | None:
    """The scorer's arithmetic over effective outcomes (after overrides)."""
    points = max_points = 0
    fatal = False
    for item_id, (kind, weight, penalty) in weights.items():
        outcome = outcomes.get(item_id, "not_applicable")
        if kind == "required" and outcome != "not_applicable":
            max_points += weight
            points += weight if outcome == "pass" else 0
        elif kind == "bonus" and outcome == "pass":
            points += weight
        elif kind == "forbidden" and outcome == "fail":
            points -= penalty
        elif kind == "fatal" and outcome == "fail":
            fatal = True
    if fatal:
        return 0.0
    if max_points <= 0:
        return None
    return round(min(100.0, max(0.0, 100.0 * points / max_points)), 1)


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
        self._scorer: Scorer | None = None
        self._scorer_key: tuple[str, str] | None = None

    # --- scoring ---------------------------------------------------------------------------

    def scorecard(self) -> Scorecard:
        """The store's current scorecard (preset or custom)."""
        return self._current_scorer().scorecard

    def scorecard_text(self) -> str:
        """The JSON text an admin edits: the custom one, or the chosen preset's file."""
        st = self.ctx.settings
        if st.get(REVIEW_SCORECARD) == "custom" and st.get(REVIEW_SCORECARD_CUSTOM):
            return st.get(REVIEW_SCORECARD_CUSTOM)
        path = resources_dir() / "scorecards" / f"{Path(st.get(REVIEW_SCORECARD)).name}.json"
        if not path.exists():
            path = resources_dir() / "scorecards" / "cafe.json"
        return path.read_text(encoding="utf-8")

    def save_scorecard(self, admin: EmployeeView, json_text: str) -> Scorecard:
        """Validates and stores the admin's scorecard; raises ScorecardProblem listing every
        problem (as ``analytics.formats`` finds them). New conversations are scored with it."""
        if admin.role is not Role.ADMIN:
            raise CashierError("admin.only", "Only an admin can do this")
        try:
            doc = json.loads(json_text)
        except json.JSONDecodeError as e:
            where = f"not valid JSON at line {e.lineno} column {e.colno}"
            raise ScorecardProblem([f"{where}: {e.msg}"]) from None
        try:
            card = formats.parse_scorecard(doc)
        except formats.FormatError as e:
            raise ScorecardProblem(e.problems) from None
        self.ctx.settings.set(REVIEW_SCORECARD_CUSTOM, json_text)
        self.ctx.settings.set(REVIEW_SCORECARD, "custom")
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "scorecard_saved", admin.id,
                         name=card.name[:64], items=len(card.items))
        self._scorer = None
        return card

    def _current_scorer(self) -> Scorer:
        st = self.ctx.settings
        key = (st.get(REVIEW_SCORECARD), st.get(REVIEW_SCORECARD_CUSTOM))
        if self._scorer is None or key != self._scorer_key:
            with self.ctx.db.read() as session:
                catalog = store_catalog(session)
            self._scorer = Scorer(load_scorecard_setting(st), catalog)
            self._scorer_key = key
        return self._scorer

    def score_pending(self, limit: int | None = None) -> int:
        """Scores every transcribed conversation that has no score yet (after sync, at start).
        Returns how many were scored; a shredded or unreadable one is skipped."""
        with self.ctx.db.read() as session:
            query = (select(TranscriptRow.recording_id)
                     .join(Recording, Recording.id == TranscriptRow.recording_id)
                     .outerjoin(ConversationScore,
                                ConversationScore.recording_id == TranscriptRow.recording_id)
                     .where(TranscriptRow.state == "done", TranscriptRow.sealed.is_not(None),
                            ConversationScore.recording_id.is_(None),
                            Recording.shredded_at.is_(None))
                     .order_by(Recording.started_at))
            ids = list(session.scalars(query.limit(limit) if limit else query))
        done = 0
        for rid in ids:
            try:
                self._score_one(rid)
            except TranscriptUnreadable:
                log.warning("recording %s: transcript unreadable, not scored", rid)
                continue
            done += 1
        if done:
            log.info("scored %d conversations", done)
        return done

    def _score_one(self, recording_id: str, *, flip: bool | None = None,
                   overrides: dict[str, str] | None = None) -> None:
        """(Re-)scores one conversation: scorer outside any transaction, then one write."""
        scorer = self._current_scorer()
        t = self.transcripts.load(recording_id)
        with self.ctx.db.read() as session:
            rec = session.get(Recording, recording_id)
            old = session.get(ConversationScore, recording_id)
            if flip is None:
                flip = bool(old.flipped) if old else False
            categories = {p.sku: p.category for p in scorer.catalog.products}
            receipt, line_ids = sale_receipt(session, rec.sale_id, rec.started_at, categories)
            sale_id, employee_id = rec.sale_id, rec.employee_id
        result = scorer.score(analytics_transcript(t, bad_audio=rec.silent), receipt, flip=flip,
                              catalog=formats.receipt_catalog(receipt))
        doc = result.to_dict()
        doc["line_ids"] = line_ids
        doc["scorecard"] = {"name": scorer.scorecard.name, "version": scorer.scorecard.version}
        dek = self.vault.get(recording_id)
        nonce = os.urandom(NONCE_BYTES)
        sealed = nonce + AESGCM(dek).encrypt(
            nonce, json.dumps(doc, ensure_ascii=False).encode(), _score_aad(recording_id))
        scored = {r.id: r.outcome for r in result.items}
        weights = {it.id: [it.kind, it.weight, it.penalty] for it in scorer.scorecard.items
                   if it.id in scored}
        effective = {**scored, **{k: v for k, v in (overrides or {}).items() if k in scored}}
        percent = (recompute_percent(effective, weights) if result.scorable and overrides
                   else result.score)
        up = result.upsell
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            row = session.get(ConversationScore, recording_id) or ConversationScore(
                recording_id=recording_id)
            row.scorecard_id = scorer.scorecard.name[:64]
            row.scorecard_version = scorer.scorecard.version
            row.percent = percent if result.scorable else None
            row.scored_percent = result.score if result.scorable else None
            row.scorable = result.scorable
            row.reason = result.reason
            row.outcomes = effective
            row.item_weights = weights
            row.offers = len(up.offers)
            row.conversions = up.conversions
            row.extra_revenue = up.extra_revenue
            row.flipped = flip
            row.sealed = sealed
            row.scored_at = now
            session.merge(row)
            session.execute(delete(ConversationItemResult)
                            .where(ConversationItemResult.recording_id == recording_id))
            session.add_all(ConversationItemResult(
                recording_id=recording_id, item_id=item_id, outcome=effective[item_id],
                scored_outcome=outcome) for item_id, outcome in scored.items())
            enqueue(session, "score", recording_id, {
                "id": recording_id, "recording_id": recording_id, "sale_id": sale_id,
                "employee_id": employee_id, "scorecard": row.scorecard_id,
                "scorecard_version": row.scorecard_version, "scorable": result.scorable,
                "reason": result.reason, "score": row.percent, "scored_score": row.scored_percent,
                "items": effective, "offers": row.offers, "conversions": row.conversions,
                "extra_revenue": row.extra_revenue, "speakers_flipped": flip,
                "scored_at": now.isoformat()})

    def _sealed_result(self, recording_id: str, sealed: bytes | None) -> dict | None:
        if sealed is None:
            return None
        try:
            dek = self.vault.get(recording_id)
        except RecordingUnreadable:
            return None
        try:
            plain = AESGCM(dek).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:],
                                        _score_aad(recording_id))
        except InvalidTag:
            raise CashierError("review.score_altered", "The score of {rid} was altered",
                               rid=recording_id) from None
        return json.loads(plain)

    # --- the list -------------------------------------------------------------------------

    def _base_query(self, who: EmployeeView, f: ConversationFilter, *, scored: bool = False):
        """The filtered select (no text search, no order, no paging); ``scored``: only
        conversations with a percent, joined so SQLite may start from the percent index."""
        cs, mk, tr = ConversationScore, ConversationMark, TranscriptRow
        q = (select(Recording.id, Recording.started_at, Recording.duration_ms,
                    Recording.employee_id, Employee.name, Sale.receipt_no, Sale.total,
                    cs.percent, cs.scorable, cs.outcomes, cs.offers, cs.conversions,
                    cs.extra_revenue, mk.flagged, mk.reviewed, mk.open_disputes, tr.state,
                    Recording.shredded_at, Recording.shift_id, Recording.sale_id)
             .outerjoin(Employee, Employee.id == Recording.employee_id)
             .outerjoin(Sale, Sale.id == Recording.sale_id)
             .join(cs, and_(cs.recording_id == Recording.id, cs.percent.is_not(None))
                   if scored else cs.recording_id == Recording.id, isouter=not scored)
             .outerjoin(mk, mk.recording_id == Recording.id)
             .outerjoin(tr, tr.recording_id == Recording.id)
             .where(Recording.status != "recording"))
        if who.role not in _SUPERVISORS:
            q = q.where(Recording.employee_id == who.id)
        tz = self.ctx.timezone
        if f.date_from is not None:
            q = q.where(Recording.started_at >= datetime.combine(f.date_from, time(), tz))
        if f.date_to is not None:
            end = datetime.combine(f.date_to + timedelta(days=1), time(), tz)
            q = q.where(Recording.started_at < end)
        if f.shift_id:
            q = q.where(Recording.shift_id == f.shift_id)
        if f.employee_id:
            q = q.where(Recording.employee_id == f.employee_id)
        # "+ 0" keeps SQLite walking recordings in time order (the list's sort) and
        # stopping after a page, instead of sorting every score in the range.
        percent = cs.percent if f.sort.startswith("score") else cs.percent + 0
        if f.score_min is not None:
            q = q.where(percent >= f.score_min)
        if f.score_max is not None:
            q = q.where(percent <= f.score_max)
        if f.failed_item:
            ir = ConversationItemResult
            q = q.where(select(ir.recording_id).where(
                ir.recording_id == Recording.id, ir.item_id == f.failed_item,
                ir.outcome == "fail").exists())
        if f.upsell == "offered":
            q = q.where(cs.offers > 0)
        elif f.upsell == "converted":
            q = q.where(cs.conversions > 0)
        elif f.upsell == "not_offered":
            q = q.where(cs.scorable.is_(True), cs.offers == 0)
        elif f.upsell is not None:
            raise CashierError("review.bad_filter", "Unknown upsell filter {value}",
                               value=f.upsell)
        if f.flagged is not None:
            q = q.where(func.coalesce(mk.flagged, False).is_(f.flagged))
        if f.reviewed is not None:
            q = q.where(func.coalesce(mk.reviewed, False).is_(f.reviewed))
        if f.has_transcript is True:
            q = q.where(tr.state == "done")
        elif f.has_transcript is False:
            q = q.where(or_(tr.state.is_(None), tr.state != "done"))
        if f.text.strip():
            q = q.where(tr.state == "done", Recording.shredded_at.is_(None))
        return q

    @staticmethod
    def _ordered(q, sort: str):
        if sort == "oldest":
            return q.order_by(Recording.started_at, Recording.id)
        if sort == "score_asc":
            return q.order_by(ConversationScore.percent.is_(None), ConversationScore.percent,
                              Recording.started_at.desc())
        if sort == "score_desc":
            return q.order_by(ConversationScore.percent.is_(None),
                              ConversationScore.percent.desc(), Recording.started_at.desc())
        if sort != "newest":
            raise CashierError("review.bad_filter", "Unknown sort {value}", value=sort)
        return q.order_by(Recording.started_at.desc(), Recording.id.desc())

    def _row(self, r) -> ConversationRow:
        (rid, started, duration_ms, emp_id, emp_name, receipt_no, total, percent, scorable,
         outcomes, offers, conversions, revenue, flagged, reviewed, disputes, t_state,
         shredded_at, shift_id, sale_id) = r
        if shredded_at is not None:
            status = "shredded"
        elif scorable is not None:
            status = "scored" if scorable else "not_scorable"
        elif t_state == "submitted":
            status = "transcribing"
        else:
            status = "no_transcript"
        failed = tuple(k for k, v in (outcomes or {}).items() if v == "fail")
        return ConversationRow(
            rid, self.ctx.local(started), duration_ms / 1000, emp_id, emp_name or "", receipt_no,
            total, percent, failed, offers or 0, conversions or 0, revenue or 0, bool(flagged),
            bool(reviewed), t_state == "done", bool(disputes), status, shift_id, sale_id)

    def list(self, who: EmployeeView, f: ConversationFilter) -> list[ConversationRow]:
        """Conversations matching ``f``, a page of them (``limit``/``offset``); a cashier gets
        only their own. ``f.text`` decrypts candidate transcripts in memory, page by page."""
        q = self._ordered(self._base_query(who, f), f.sort)
        with self.ctx.db.read() as session:
            if not f.text.strip() and f.sort.startswith("score"):
                return [self._row(r) for r in self._by_score(session, who, f)]
            if not f.text.strip():
                return [self._row(r) for r in session.execute(
                    q.limit(f.limit).offset(f.offset)).all()]
            # One query for the candidates in list order, then transcripts decrypted in
            # batches until the page is full; only the hits' rows are fetched.
            ids = list(session.scalars(q.with_only_columns(Recording.id)))
            matcher = TextMatcher(f.text)
            wanted = f.offset + f.limit
            found: list[str] = []
            for i in range(0, len(ids), _SEARCH_PAGE):
                batch = ids[i:i + _SEARCH_PAGE]
                hits = self._search(session, batch, matcher)
                found += [rid for rid in batch if rid in hits]
                if len(found) >= wanted:
                    break
            page = found[f.offset:wanted]
            rows = {r[0]: r for r in session.execute(
                self._base_query(who, f).where(Recording.id.in_(page)))} if page else {}
            out = [rows[rid] for rid in page if rid in rows]
            return [self._row(r) for r in out]

    def _by_score(self, session: Session, who: EmployeeView, f: ConversationFilter) -> list:
        """Score order in two steps so SQLite walks the percent index and stops after a page:
        scored conversations first, then (on the last pages) the unscored ones, newest first."""
        cs = ConversationScore
        base = self._base_query(who, f)
        order = cs.percent if f.sort == "score_asc" else cs.percent.desc()
        rows = list(session.execute(self._base_query(who, f, scored=True)
                                    .order_by(order, Recording.started_at.desc())
                                    .limit(f.limit).offset(f.offset)))
        if len(rows) >= f.limit:
            return rows
        scored = int(session.scalar(select(func.count()).select_from(
            base.where(cs.percent.is_not(None)).with_only_columns(Recording.id).subquery())) or 0)
        rest = base.where(cs.percent.is_(None)).order_by(Recording.started_at.desc())
        return rows + list(session.execute(rest.limit(f.limit - len(rows))
                                           .offset(max(0, f.offset - scored))))

    def count(self, who: EmployeeView, f: ConversationFilter) -> int:
        """How many conversations match ``f`` (all pages)."""
        q = self._base_query(who, f)
        with self.ctx.db.read() as session:
            if not f.text.strip():
                return int(session.scalar(select(func.count()).select_from(
                    q.with_only_columns(Recording.id).subquery())) or 0)
            ids = list(session.scalars(q.with_only_columns(Recording.id)))
            matcher = TextMatcher(f.text)
            return sum(len(self._search(session, ids[i:i + _SEARCH_PAGE], matcher))
                       for i in range(0, len(ids), _SEARCH_PAGE))

    def _search(self, session: Session, ids: list[str], matcher: TextMatcher) -> set[str]:
        """Ids whose transcript contains the query: decrypted in memory, never indexed."""
        hits: set[str] = set()
        sealed = dict(session.execute(select(TranscriptRow.recording_id, TranscriptRow.sealed)
                                      .where(TranscriptRow.recording_id.in_(ids))).all())
        for rid in ids:
            blob = sealed.get(rid)
            if blob is None:
                continue
            try:
                dek = self.vault.get(rid)
                plain = AESGCM(dek).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:],
                                            f"transcript|{rid}".encode())
            except (RecordingUnreadable, InvalidTag):
                continue
            if matcher.matches(json.loads(plain).get("text", "")):
                hits.add(rid)
        return hits

    # --- one conversation -----------------------------------------------------------------

    def _allowed(self, who: EmployeeView, recording_id: str) -> Recording:
        with self.ctx.db.read() as session:
            rec = session.get(Recording, recording_id)
            if rec is None or rec.status == "recording":
                raise CashierError("review.unknown", "No conversation {rid}", rid=recording_id)
            session.expunge(rec)
        if who.role not in _SUPERVISORS and rec.employee_id != who.id:
            raise CashierError("review.not_yours", "You can open only your own conversations")
        return rec

    @staticmethod
    def _require_supervisor(who: EmployeeView) -> None:
        if who.role not in _SUPERVISORS:
            raise CashierError("review.supervisor_only", "Only a supervisor can do this")

    def detail(self, who: EmployeeView, recording_id: str) -> ConversationDetail:
        """The conversation with transcript, items and evidence, offers and the receipt.
        Audited as ``transcript_viewed`` (who, when)."""
        self._allowed(who, recording_id)
        view = self._detail(recording_id)
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "transcript_viewed", who.id,
                         recording_id=recording_id)
        return view

    def audio(self, who: EmployeeView, recording_id: str) -> bytes:
        """The Ogg/Opus audio decrypted into memory. Audited as ``recording_played``."""
        self._allowed(who, recording_id)
        data = self.library.ogg(recording_id)
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "recording_played", who.id,
                         recording_id=recording_id)
        return data

    def _detail(self, recording_id: str) -> ConversationDetail:
        has_score = False
        with self.ctx.db.read() as session:
            t_state = session.scalar(select(TranscriptRow.state)
                                     .where(TranscriptRow.recording_id == recording_id))
            has_score = session.get(ConversationScore, recording_id) is not None
        if t_state == "done" and not has_score:
            try:  # transcribed but not scored yet: score it now rather than show nothing
                self._score_one(recording_id)
            except TranscriptUnreadable:
                pass
        who_all = EmployeeView("", "", Role.ADMIN, "ru")
        with self.ctx.db.read() as session:
            r = session.execute(self._base_query(who_all, ConversationFilter())
                                .where(Recording.id == recording_id)).one()
            row = self._row(r)
            rec = session.get(Recording, recording_id)
            score = session.get(ConversationScore, recording_id)
            sealed = score.sealed if score else None
            sale = session.get(Sale, rec.sale_id) if rec.sale_id else None
            receipt = load_receipt(self.ctx, session, sale) if sale else None
            overrides = self._overrides(session, recording_id)
            disputes = self._disputes(session, recording_id)
            duration_ms, speech_ms, shredded = rec.duration_ms, rec.speech_ms, rec.shredded_at
        result = self._sealed_result(recording_id, sealed) if score else None
        utterances: tuple[UtteranceView, ...] = ()
        flipped = bool(score.flipped) if score else False
        if row.has_transcript and shredded is None:
            try:
                t = self.transcripts.load(recording_id)
            except TranscriptUnreadable:
                t = None
            if t is not None:
                roles = (result or {}).get("speakers", {}).get("roles", {})
                utterances = tuple(
                    UtteranceView(roles.get(u.speaker, "customer" if roles else "cashier"),
                                  u.speaker, u.start, u.end, u.text,
                                  tuple(WordView(w.text, w.start, w.end) for w in u.words))
                    for u in analytics_transcript(t).utterances)
        items = self._items(result, score, overrides, disputes)
        offers, upsold = self._offers(result, receipt)
        measures = self._measures(duration_ms, speech_ms, not row.has_transcript and not shredded,
                                  recording_id)
        card = (result or {}).get("scorecard", {})
        return ConversationDetail(
            row, utterances, flipped, items, score.percent if score else None,
            bool(score.scorable) if score else False, score.reason if score else None, offers,
            receipt, upsold, measures,
            f"{card.get('name', '')} v{card.get('version', '')}" if card else "")

    def _overrides(self, session: Session, recording_id: str) -> dict[str, OverrideView]:
        out: dict[str, OverrideView] = {}
        names = dict(session.execute(select(Employee.id, Employee.name)).all())
        for a in session.scalars(select(ReviewAction).where(
                ReviewAction.recording_id == recording_id, ReviewAction.kind == "override")
                .order_by(ReviewAction.at, ReviewAction.id)):
            if a.outcome is None:
                out.pop(a.item_id, None)  # the override was taken back
            else:
                out[a.item_id] = OverrideView(a.outcome, a.comment, a.employee_id,
                                              names.get(a.employee_id, ""), self.ctx.local(a.at))
        return out

    def _disputes(self, session: Session, recording_id: str) -> dict[str, DisputeView]:
        names = dict(session.execute(select(Employee.id, Employee.name)).all())
        out: dict[str, DisputeView] = {}
        for d in session.scalars(select(Dispute).where(Dispute.recording_id == recording_id)
                                 .order_by(Dispute.opened_at, Dispute.id)):
            out[d.item_id] = DisputeView(
                d.comment, d.employee_id, names.get(d.employee_id, ""),
                self.ctx.local(d.opened_at), d.state, d.resolution,
                names.get(d.resolved_by, "") if d.resolved_by else "",
                self.ctx.local(d.resolved_at) if d.resolved_at else None)
        return out

    def _items(self, result: dict | None, score: ConversationScore | None,
               overrides: dict[str, OverrideView],
               disputes: dict[str, DisputeView]) -> tuple[ItemView, ...]:
        if not result or not score or not score.scorable:
            return ()
        card = self.scorecard()
        lang = "ru"
        out = []
        for it in result.get("items", []):
            try:
                title_map = card.item(it["id"]).title
            except KeyError:
                title_map = {}
            title = title_map.get(lang) or title_map.get("en") or it["id"]
            outcome = (score.outcomes or {}).get(it["id"], it["outcome"])
            kind, weight, penalty = (score.item_weights or {}).get(
                it["id"], [it["kind"], it["max_points"], 0])
            points, max_points = _points(kind, outcome, weight, penalty)
            evidence = tuple(EvidenceView(e["text"], e["start"], e["end"], e["role"],
                                          e.get("phrase", "")) for e in it.get("evidence", []))
            out.append(ItemView(it["id"], title, kind, outcome, points, max_points, evidence,
                                overrides.get(it["id"]), disputes.get(it["id"]), it["outcome"],
                                it.get("reason", "")))
        return tuple(out)

    def _offers(self, result: dict | None,
                receipt: ReceiptView | None) -> tuple[tuple[OfferView, ...], frozenset[str]]:
        if not result:
            return (), frozenset()
        names = {p.sku: p.names.get("ru") or next(iter(p.names.values()), p.sku)
                 for p in self._current_scorer().catalog.products}
        line_ids = result.get("line_ids", [])
        offers, upsold = [], set()
        for o in result.get("upsell", {}).get("offers", []):
            skus = o.get("skus") or []
            if o.get("kind") == "category" or not skus:
                product = o.get("category") or o.get("term", "")
            else:
                product = names.get(skus[0], o.get("term", ""))
            if o.get("converted") and o.get("line") is not None and o["line"] < len(line_ids):
                upsold.add(line_ids[o["line"]])
            offers.append(OfferView(product, o.get("category", ""), o["start"],
                                    bool(o.get("converted")), o.get("sku"),
                                    int(o.get("revenue") or 0), o.get("text", "")))
        if receipt is not None:
            upsold &= {ln.line_id for ln in receipt.lines}
        return tuple(offers), frozenset(upsold)

    def _measures(self, duration_ms: int, speech_ms: int, loudness: bool,
                  recording_id: str) -> AudioMeasures | None:
        if duration_ms <= 0:
            return None
        db = None
        if loudness:  # only without a transcript: decoding costs a few milliseconds per second
            try:
                data, _ = self.library.pcm(recording_id)
                rms = float(np.sqrt(np.mean(np.square(data, dtype=np.float64)))) if len(data) else 0
                db = round(20 * math.log10(rms), 1) if rms > 0 else None
            except CashierError:
                db = None
        talk = min(speech_ms, duration_ms)
        return AudioMeasures(duration_ms / 1000, talk / 1000,
                             round(1 - talk / duration_ms, 3), db)

    # --- manual review --------------------------------------------------------------------

    def _act(self, session: Session, who: EmployeeView, recording_id: str, kind: str,
             item_id: str | None = None, outcome: str | None = None, comment: str = "",
             score: float | None = None) -> None:
        """One review action: its row, its audit entry and its outbox event, together."""
        now = self.ctx.clock()
        action = ReviewAction(recording_id=recording_id, employee_id=who.id, kind=kind,
                              item_id=item_id, outcome=outcome, comment=comment[:500], at=now)
        session.add(action)
        session.flush()
        audit.record(session, self.ctx.device_id, f"review_{kind}", who.id,
                     recording_id=recording_id, item_id=item_id, outcome=outcome)
        enqueue(session, "review", action.id, {
            "id": action.id, "recording_id": recording_id, "kind": kind, "item_id": item_id,
            "outcome": outcome, "comment": comment[:500], "employee_id": who.id,
            "at": now.isoformat(), "score": score})

    def _mark(self, session: Session, recording_id: str) -> ConversationMark:
        mark = session.get(ConversationMark, recording_id)
        if mark is None:
            mark = ConversationMark(recording_id=recording_id, flagged=False, reviewed=False,
                                    open_disputes=0, flag_comment="")
            session.add(mark)
        mark.updated_at = self.ctx.clock()
        return mark

    def _scored(self, session: Session, recording_id: str, item_id: str) -> ConversationScore:
        score = session.get(ConversationScore, recording_id)
        if score is None or not score.scorable:
            raise CashierError("review.not_scored", "This conversation has no score")
        if item_id not in (score.outcomes or {}):
            raise CashierError("review.unknown_item", "No item {item} in this score",
                               item=item_id)
        return score

    def _set_outcome(self, session: Session, score: ConversationScore, item_id: str,
                     outcome: str | None) -> None:
        cir = session.get(ConversationItemResult, (score.recording_id, item_id))
        cir.outcome = outcome or cir.scored_outcome
        outcomes = dict(score.outcomes)
        outcomes[item_id] = cir.outcome
        score.outcomes = outcomes
        score.percent = recompute_percent(outcomes, score.item_weights)

    def override(self, who: EmployeeView, recording_id: str, item_id: str, outcome: str | None,
                 comment: str) -> ConversationDetail:
        """A supervisor sets an item's outcome (``None`` takes the override back); the percent
        is recomputed. Audited; a "review" event for sync."""
        self._require_supervisor(who)
        self._allowed(who, recording_id)
        if outcome is not None and outcome not in OUTCOMES:
            raise CashierError("review.bad_outcome", "Unknown outcome {outcome}", outcome=outcome)
        with self.ctx.db.write() as session:
            score = self._scored(session, recording_id, item_id)
            self._set_outcome(session, score, item_id, outcome)
            self._act(session, who, recording_id, "override", item_id, outcome, comment,
                      score.percent)
        return self._detail(recording_id)

    def flag(self, who: EmployeeView, recording_id: str, flagged: bool,
             comment: str = "") -> ConversationDetail:
        """Flags (or unflags) a conversation for coaching."""
        self._require_supervisor(who)
        self._allowed(who, recording_id)
        with self.ctx.db.write() as session:
            mark = self._mark(session, recording_id)
            mark.flagged = flagged
            mark.flag_comment = comment[:500] if flagged else ""
            self._act(session, who, recording_id, "flag" if flagged else "unflag",
                      comment=comment)
        return self._detail(recording_id)

    def mark_reviewed(self, who: EmployeeView, recording_id: str,
                      reviewed: bool = True) -> ConversationDetail:
        self._require_supervisor(who)
        self._allowed(who, recording_id)
        with self.ctx.db.write() as session:
            self._mark(session, recording_id).reviewed = reviewed
            self._act(session, who, recording_id, "reviewed" if reviewed else "unreviewed")
        return self._detail(recording_id)

    def flip_speakers(self, who: EmployeeView, recording_id: str) -> ConversationDetail:
        """Swaps cashier and customer and scores again; overrides stay the supervisor's word."""
        self._require_supervisor(who)
        self._allowed(who, recording_id)
        with self.ctx.db.read() as session:
            score = session.get(ConversationScore, recording_id)
            if score is None:
                raise CashierError("review.not_scored", "This conversation has no score")
            flip = not score.flipped
            overrides = {k: v.outcome for k, v in self._overrides(session, recording_id).items()}
        try:
            self._score_one(recording_id, flip=flip, overrides=overrides)
        except TranscriptUnreadable:
            raise CashierError("review.no_transcript", "The transcript cannot be read") from None
        with self.ctx.db.write() as session:
            percent = session.get(ConversationScore, recording_id).percent
            self._act(session, who, recording_id, "flip", outcome="flipped" if flip else "normal",
                      score=percent)
        return self._detail(recording_id)

    def dispute(self, who: EmployeeView, recording_id: str, item_id: str,
                comment: str) -> ConversationDetail:
        """The cashier disputes an item of their own conversation, with a comment."""
        rec = self._allowed(who, recording_id)
        if rec.employee_id != who.id:
            raise CashierError("review.not_yours", "You can dispute only your own conversations")
        if not comment.strip():
            raise CashierError("review.comment_needed", "Say why you dispute it")
        with self.ctx.db.write() as session:
            self._scored(session, recording_id, item_id)
            if session.scalar(select(Dispute.id).where(
                    Dispute.recording_id == recording_id, Dispute.item_id == item_id,
                    Dispute.state == "open")):
                raise CashierError("review.dispute_open", "This item is already disputed")
            session.add(Dispute(recording_id=recording_id, item_id=item_id, employee_id=who.id,
                                comment=comment[:500], opened_at=self.ctx.clock(),
                                state="open", resolution=""))
            self._mark(session, recording_id).open_disputes += 1
            self._act(session, who, recording_id, "dispute", item_id, comment=comment)
        return self._detail(recording_id)

    def resolve_dispute(self, who: EmployeeView, recording_id: str, item_id: str, accept: bool,
                        comment: str) -> ConversationDetail:
        """A supervisor accepts (a failed item then passes) or rejects the open dispute."""
        self._require_supervisor(who)
        self._allowed(who, recording_id)
        with self.ctx.db.write() as session:
            d = session.scalar(select(Dispute).where(
                Dispute.recording_id == recording_id, Dispute.item_id == item_id,
                Dispute.state == "open"))
            if d is None:
                raise CashierError("review.no_dispute", "There is no open dispute on this item")
            d.state = "accepted" if accept else "rejected"
            d.resolved_by = who.id
            d.resolution = comment[:500]
            d.resolved_at = self.ctx.clock()
            mark = self._mark(session, recording_id)
            mark.open_disputes = max(0, mark.open_disputes - 1)
            score = self._scored(session, recording_id, item_id)
            if accept and score.outcomes.get(item_id) == "fail":
                self._set_outcome(session, score, item_id, "pass")
                self._act(session, who, recording_id, "override", item_id, "pass", comment,
                          score.percent)
            self._act(session, who, recording_id, "resolve", item_id,
                      "accepted" if accept else "rejected", comment, score.percent)
        return self._detail(recording_id)


def _points(kind: str, outcome: str, weight: int, penalty: int) -> tuple[float, float]:
    if kind == "required":
        if outcome == "not_applicable":
            return 0.0, 0.0
        return (float(weight) if outcome == "pass" else 0.0), float(weight)
    if kind == "bonus":
        return (float(weight) if outcome == "pass" else 0.0), 0.0
    if kind == "forbidden":
        return (-float(penalty) if outcome == "fail" else 0.0), 0.0
    return 0.0, 0.0


class TextMatcher:
    """A query matched against transcript text after the scorer's normalisation (case, ё/е,
    Kazakh letters, recogniser spellings): its words in a row, each a word start (stems)."""

    def __init__(self, query: str) -> None:
        self.needle = " " + " ".join(normalize_text(query))

    def matches(self, text: str) -> bool:
        if self.needle == " ":
            return False
        return self.needle in " " + " ".join(normalize_text(text))
