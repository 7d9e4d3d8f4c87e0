"""Scoring conversations: the scorer's inputs (transcript, receipt with line times, catalog),
the store's scorecard, and the sealed result with its clear numeric summary.

Numbers (percent, item outcomes, offers, conversions, revenue) go to clear columns for fast
filters; the evidence (what was said) only inside the result sealed under the recording's DEK
with AAD ``score|<rid>``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, func, select
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
from forsell.analytics.upsell import option_items
from forsell.domain.errors import CashierError
from forsell.domain.options import ChosenOption
from forsell.domain.problems import Problem
from forsell.paths import resources_dir
from forsell.store import audit
from forsell.store.consent_hold import held_clause, hold_reason
from forsell.store.models import (
    Category,
    ConversationItemResult,
    ConversationScore,
    Product,
    Recording,
    Sale,
    TranscriptRow,
)
from forsell.store.outbox import enqueue
from forsell.store.privacy_block import blocked_clause
from forsell.sync.providers.base import Transcript as ProviderTranscript
from forsell.sync.transcripts import TranscriptStore, TranscriptUnreadable
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable
from forsell.vault.keys import KeyVault

from .. import settings as s
from ..access import internal
from ..auth import EmployeeView
from ..settings import REVIEW_SCORECARD, REVIEW_SCORECARD_CUSTOM

log = logging.getLogger(__name__)

#: One ``score_pending`` run at a time in this process (start-up, each transcript stored, the
#: CLI): a second run waits and then finds only what the first left unscored.
_pending_runs = threading.Lock()


class ScorecardProblem(CashierError):
    """``save_scorecard`` refused the document; ``problems``: every thing wrong, as data."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__(
            "review.scorecard_invalid",
            "The scorecard has problems: {problems}",
            problems="; ".join(map(str, problems)),
        )
        self.problems = tuple(problems)


def score_aad(recording_id: str) -> bytes:
    """The associated data that ties a sealed score to its recording: moved to another one, it fails
    to open."""
    return f"score|{recording_id}".encode()


def preset_path(name: str) -> Path:
    """A preset's file (``resources/scorecards/<name>.json``); the café one if there is none."""
    path = resources_dir() / "scorecards" / f"{Path(name).name}.json"
    return path if path.exists() else resources_dir() / "scorecards" / "cafe.json"


def load_scorecard_setting(settings: s.Settings) -> Scorecard:
    """The store's scorecard: the custom one if chosen and valid, else the named preset."""
    name = settings.get(REVIEW_SCORECARD)
    if name == "custom":
        text = settings.get(REVIEW_SCORECARD_CUSTOM)
        if text:
            return formats.parse_scorecard(formats.loads(text), "custom scorecard")
        name = "cafe"
    return formats.load_scorecard(preset_path(name))


def store_catalog(session: Session) -> Catalog:
    """The till's products as the scorer sees them: names in every language and categories."""
    cats = {c.id: c for c in session.scalars(select(Category))}
    return Catalog(
        tuple(
            scorer_product(p, cats) for p in session.scalars(select(Product).where(Product.active))
        )
    )


def scorer_product(p: Product, cats: dict[str, Category]) -> CatalogProduct:
    """One product as the scorer sees it (``cats``: category id → category)."""
    names = {k: v for k, v in (("ru", p.name_ru), ("kk", p.name_kk), ("en", p.name_en)) if v}
    cat = cats.get(p.category_id) if p.category_id else None
    cat_names = tuple(n for n in ((cat.name_ru, cat.name_kk, cat.name_en) if cat else ()) if n)
    # Synonyms (revision 0007, pulled from the backend) count as names for upsell offers.
    synonyms = tuple(str(w) for w in (p.synonyms or ()) if str(w).strip())
    return CatalogProduct(p.sku, names, cat.name_ru if cat else "", cat_names, synonyms)


def catalog_stamp(session: Session) -> tuple[int, datetime | None]:
    """(products, newest change): a new value means the catalog changed since."""
    count, newest = session.execute(
        select(func.count(Product.id), func.max(Product.updated_at))
    ).one()
    return int(count), newest


def analytics_transcript(t: ProviderTranscript, *, bad_audio: bool = False) -> Transcript:
    """A recogniser's words → utterances (speaker turns, or pauses) for the scorer."""
    words = [
        {
            "text": w.text,
            "start": w.start,
            "end": w.end,
            "speaker": "speaker_0" if w.speaker is None else str(w.speaker),
        }
        for w in t.words
        if w.text.strip()
    ]
    doc: dict = {"words": words, "language": t.language}
    if t.confidence is not None:
        doc["confidence"] = min(1.0, max(0.0, t.confidence))
    if bad_audio:
        doc["audio_quality"] = "bad"
    return formats.parse_transcript(doc, f"transcript {t.external_id or ''}")


def sale_receipt(
    session: Session, sale_id: str | None, started_at: datetime, categories: dict[str, str]
) -> tuple[Receipt, list[str]]:
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
        line = ReceiptLine(
            ln.sku,
            ln.name_ru,
            ln.qty_milli / 1000,
            ln.unit_price,
            at,
            categories.get(ln.sku, ""),
            names,
            ln.net,
        )
        # The line's options (a syrup, size L) count as items of their own for upsell linking.
        extras = option_items(line, [ChosenOption.from_json(o) for o in ln.options or ()])
        lines += [line, *extras]
        ids += [ln.id] * (1 + len(extras))
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


#: Separates the failed item ids in ``conversation_scores.failed`` ("|a|b|").
FAILED_SEP = "|"


def failed_key(outcomes: dict[str, str]) -> str | None:
    """``conversation_scores.failed`` for these effective outcomes: "|a|b|", None if none
    failed. The list matches an item as "|id|" inside it (review_query)."""
    failed = sorted(k for k, v in outcomes.items() if v == "fail")
    return FAILED_SEP + FAILED_SEP.join(failed) + FAILED_SEP if failed else None


def item_points(kind: str, outcome: str, weight: int, penalty: int) -> tuple[float, float]:
    """(points earned, points possible) of one item with this outcome."""
    if kind == "required":
        if outcome == "not_applicable":
            return 0.0, 0.0
        return (float(weight) if outcome == "pass" else 0.0), float(weight)
    if kind == "bonus":
        return (float(weight) if outcome == "pass" else 0.0), 0.0
    if kind == "forbidden":
        return (-float(penalty) if outcome == "fail" else 0.0), 0.0
    return 0.0, 0.0


@internal  # ReviewService's entry points declare who may change the card
class ConversationScoring:
    """Scores conversations with the store's scorecard; the scorer is rebuilt only when the
    scorecard setting changes. ``ctx``: the till's context (db, settings, clock, device id)."""

    #: How often the catalog is looked at for changes while scoring, in seconds.
    CATALOG_CHECK_S = 5.0

    def __init__(self, ctx, vault: KeyVault, transcripts: TranscriptStore) -> None:
        self.ctx = ctx
        self.vault = vault
        self.transcripts = transcripts
        self._scorer: Scorer | None = None
        self._scorer_key: tuple[str, str] | None = None
        self._stamp: tuple[int, datetime | None] = (0, None)
        self._card: tuple[tuple[str, str], Scorecard] | None = None
        self._checked = 0.0
        # Scoring runs on pool threads (after sync, at start, a supervisor's flip): one at a time
        # builds or updates the shared scorer.
        self._lock = threading.Lock()

    def scorecard(self) -> Scorecard:
        """The store's current scorecard (preset or custom). Cheap: it does not build the
        catalog index (seconds at 100,000 products), so a screen may ask for it."""
        st = self.ctx.settings
        key = (st.get(REVIEW_SCORECARD), st.get(REVIEW_SCORECARD_CUSTOM))
        scorer = self._scorer
        if scorer is not None and key == self._scorer_key:
            return scorer.scorecard
        if self._card is None or self._card[0] != key:
            self._card = (key, load_scorecard_setting(st))
        return self._card[1]

    def scorecard_text(self) -> str:
        """The JSON text an admin edits: the custom one, or the chosen preset's file."""
        st = self.ctx.settings
        if st.get(REVIEW_SCORECARD) == "custom" and st.get(REVIEW_SCORECARD_CUSTOM):
            return st.get(REVIEW_SCORECARD_CUSTOM)
        return preset_path(st.get(REVIEW_SCORECARD)).read_text(encoding="utf-8")

    def save_scorecard(self, admin: EmployeeView, json_text: str) -> Scorecard:
        """Validates and stores the admin's scorecard; raises ScorecardProblem listing every
        problem (as ``analytics.formats`` finds them). New conversations are scored with it.

        Returns the saved scorecard. Raises ``CashierError`` ``admin.only`` for anyone else."""
        try:
            doc = formats.loads(json_text, "scorecard")
        except formats.FormatError as e:
            raise ScorecardProblem(e.problems) from None
        try:
            card = formats.parse_scorecard(doc)
        except formats.FormatError as e:
            raise ScorecardProblem(e.problems) from None
        self.ctx.settings.set(REVIEW_SCORECARD_CUSTOM, json_text)
        self.ctx.settings.set(REVIEW_SCORECARD, "custom")
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "scorecard_saved",
                admin.id,
                name=card.name[:64],
                items=len(card.items),
            )
        self._scorer = None
        return card

    def current_scorer(self) -> Scorer:
        """The scorer for the scorecard in force and the current catalog. Its catalog index is
        built once (a few seconds at 100,000 products) and then kept current: products changed
        since are added to it or taken out; only a new scorecard or removed rows rebuild it."""
        st = self.ctx.settings
        key = (st.get(REVIEW_SCORECARD), st.get(REVIEW_SCORECARD_CUSTOM))
        with self._lock:
            if self._scorer is None or key != self._scorer_key:
                return self.current_scorer_locked(key)
            if time.monotonic() - self._checked >= self.CATALOG_CHECK_S:
                self._checked = time.monotonic()
                if not self._update_catalog(self._scorer):
                    self._scorer = None
                    return self.current_scorer_locked(key)
            return self._scorer

    def current_scorer_locked(self, key: tuple[str, str]) -> Scorer:
        """A full rebuild (``_lock`` held)."""
        with self.ctx.db.read() as session:
            self._stamp = catalog_stamp(session)
            catalog = store_catalog(session)
        self._scorer = Scorer(load_scorecard_setting(self.ctx.settings), catalog)
        self._scorer_key = key
        self._checked = time.monotonic()
        return self._scorer

    #: More changed products than this since the last look: a rebuild is quicker.
    MAX_INCREMENTAL = 1000

    def _update_catalog(self, scorer: Scorer) -> bool:
        """Brings the scorer's catalog index up to date with products changed since it looked;
        False when it needs a rebuild instead (rows removed, or a large import)."""
        with self.ctx.db.read() as session:
            stamp = catalog_stamp(session)
            if stamp == self._stamp:
                return True
            seen_count, seen_newest = self._stamp
            if stamp[0] < seen_count or seen_newest is None:
                return False
            changed = list(
                session.scalars(
                    select(Product)
                    .where(Product.updated_at > seen_newest)
                    .limit(self.MAX_INCREMENTAL + 1)
                )
            )
            if len(changed) > self.MAX_INCREMENTAL:
                return False
            cats = {c.id: c for c in session.scalars(select(Category))}
            for p in changed:
                scorer.index.remove(p.sku)  # a renamed product loses its old names
                if p.active:
                    scorer.index.add(scorer_product(p, cats))
            self._stamp = stamp
        return True

    def score_pending(
        self, limit: int | None = None, cancelled: Callable[[], bool] | None = None
    ) -> int:
        """Scores every transcribed conversation that has no score yet (after sync, at start).
        Returns how many were scored; a shredded or unreadable one is skipped. Stops between
        two conversations once ``cancelled()`` (the app is closing). Runs one at a time; one
        scored meanwhile by someone else (opened in the review) is not scored twice."""
        with _pending_runs:
            return self._score_pending(limit, cancelled)

    def _score_pending(self, limit: int | None, cancelled: Callable[[], bool] | None) -> int:
        with self.ctx.db.read() as session:
            query = (
                select(TranscriptRow.recording_id)
                .join(Recording, Recording.id == TranscriptRow.recording_id)
                .outerjoin(
                    ConversationScore, ConversationScore.recording_id == TranscriptRow.recording_id
                )
                .where(
                    TranscriptRow.state == "done",
                    TranscriptRow.sealed.is_not(None),
                    ConversationScore.recording_id.is_(None),
                    Recording.shredded_at.is_(None),
                    ~held_clause(),  # the speaker withdrew consent: never scored
                    ~blocked_clause(),  # the subject asked for blocking (policy 6.3)
                )
                .order_by(Recording.started_at)
            )
            ids = list(session.scalars(query.limit(limit) if limit else query))
        done = 0
        for rid in ids:
            if cancelled is not None and cancelled():
                break
            try:
                if not self.score_one(rid, only_new=True):
                    continue  # scored meanwhile (opened in the review, another process)
            except TranscriptUnreadable:
                log.warning("recording %s: transcript unreadable, not scored", rid)
                continue
            done += 1
        if done:
            log.info("scored %d conversations", done)
        return done

    def score_one(
        self,
        recording_id: str,
        *,
        flip: bool | None = None,
        overrides: dict[str, str] | None = None,
        confirmed: bool | None = None,
        only_new: bool = False,
    ) -> bool:
        """(Re-)scores one conversation: scorer outside any transaction, then one write.
        ``flip``/``confirmed`` (a supervisor decided who is who): None keeps the stored ones.
        ``only_new``: nothing is written if a score appeared meanwhile (checked in the write's
        transaction, so two scorers racing store one score and send one "score" event).
        Returns whether the score was stored."""
        with self.ctx.db.read() as session:
            if hold_reason(session, recording_id) is not None:
                return False  # the speaker withdrew consent: never scored, even when opened
        scorer = self.current_scorer()
        t = self.transcripts.load(recording_id)
        with self.ctx.db.read() as session:
            rec = session.get(Recording, recording_id)
            old = session.get(ConversationScore, recording_id)
            if flip is None:
                flip = bool(old.flipped) if old else False
            if confirmed is None:
                confirmed = bool(old.speakers_confirmed) if old else False
            categories = {p.sku: p.category for p in scorer.catalog.products}
            receipt, line_ids = sale_receipt(session, rec.sale_id, rec.started_at, categories)
            sale_id, employee_id, started_at = rec.sale_id, rec.employee_id, rec.started_at
        result = scorer.score(
            analytics_transcript(t, bad_audio=rec.silent),
            receipt,
            flip=flip,
            catalog=formats.receipt_catalog(receipt),
            confirmed=confirmed,
        )
        doc = result.to_dict()
        doc["line_ids"] = line_ids
        doc["scorecard"] = {"name": scorer.scorecard.name, "version": scorer.scorecard.version}
        dek = self.vault.get(recording_id)
        nonce = os.urandom(NONCE_BYTES)
        sealed = nonce + AESGCM(dek).encrypt(
            nonce, json.dumps(doc, ensure_ascii=False).encode(), score_aad(recording_id)
        )
        scored = {r.id: r.outcome for r in result.items}
        weights = {
            it.id: [it.kind, it.weight, it.penalty]
            for it in scorer.scorecard.items
            if it.id in scored
        }
        effective = {**scored, **{k: v for k, v in (overrides or {}).items() if k in scored}}
        percent = (
            recompute_percent(effective, weights) if result.scorable and overrides else result.score
        )
        up = result.upsell
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            row = session.get(ConversationScore, recording_id)
            if only_new and row is not None:
                return False
            row = row or ConversationScore(recording_id=recording_id)
            row.scorecard_id = scorer.scorecard.name[:64]
            row.scorecard_version = scorer.scorecard.version
            row.percent = percent if result.scorable else None
            row.scored_percent = result.score if result.scorable else None
            row.scorable = result.scorable
            row.reason = result.reason
            row.outcomes = effective
            row.failed = failed_key(effective)
            row.item_weights = weights
            row.offers = len(up.offers)
            row.conversions = up.conversions
            row.extra_revenue = up.extra_revenue
            row.flipped = flip
            row.speakers_confirmed = confirmed
            row.sealed = sealed
            row.scored_at = now
            # Copies of the recording's (for the list's score order and a cashier's own list).
            row.started_at = started_at
            row.employee_id = employee_id
            session.merge(row)
            session.execute(
                delete(ConversationItemResult).where(
                    ConversationItemResult.recording_id == recording_id
                )
            )
            session.add_all(
                ConversationItemResult(
                    recording_id=recording_id,
                    item_id=item_id,
                    outcome=effective[item_id],
                    scored_outcome=outcome,
                )
                for item_id, outcome in scored.items()
            )
            enqueue(
                session,
                "score",
                recording_id,
                {
                    "id": recording_id,
                    "recording_id": recording_id,
                    "sale_id": sale_id,
                    "employee_id": employee_id,
                    "scorecard": row.scorecard_id,
                    "scorecard_version": row.scorecard_version,
                    "scorable": result.scorable,
                    "reason": result.reason,
                    "score": row.percent,
                    "scored_score": row.scored_percent,
                    "items": effective,
                    "offers": row.offers,
                    "conversions": row.conversions,
                    "extra_revenue": row.extra_revenue,
                    "speakers_flipped": flip,
                    "speakers_confirmed": confirmed,
                    "scored_at": now.isoformat(),
                },
            )
        return True

    def sealed_result(self, recording_id: str, sealed: bytes | None) -> dict | None:
        """The decrypted score result of a recording, or None when there is none or its key was
        shredded. Raises ``CashierError`` ``review.score_altered`` when it fails authentication."""
        if sealed is None:
            return None
        try:
            dek = self.vault.get(recording_id)
        except RecordingUnreadable:
            return None
        try:
            plain = AESGCM(dek).decrypt(
                sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], score_aad(recording_id)
            )
        except InvalidTag:
            raise CashierError(
                "review.score_altered", "The score of {rid} was altered", rid=recording_id
            ) from None
        return json.loads(plain)
