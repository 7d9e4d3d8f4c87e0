"""One conversation opened: transcript by speaker role, checklist items with evidence,
overrides and disputes, offers against the receipt, and audio-only measures.
"""

from __future__ import annotations

import math

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from forsell.analytics import Item
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store.models import (
    ConversationScore,
    Dispute,
    Employee,
    Product,
    Recording,
    ReviewAction,
    Sale,
    TranscriptRow,
)
from forsell.sync.transcripts import TranscriptStore, TranscriptUnreadable

from ..access import internal
from ..auth import EmployeeView
from ..receipts import ReceiptView, load_receipt
from ..recordings import RecordingLibrary
from .query import ConversationQuery
from .scoring import ConversationScoring, analytics_transcript, item_points
from .views import (
    AudioMeasures,
    ConversationDetail,
    ConversationFilter,
    DisputeView,
    EvidenceView,
    ItemView,
    OfferView,
    OverrideView,
    UtteranceView,
    WordView,
)


def load_overrides(ctx, session: Session, recording_id: str) -> dict[str, OverrideView]:
    """Each item's standing override (the latest; ``None`` outcome takes one back)."""
    out: dict[str, OverrideView] = {}
    names = dict(session.execute(select(Employee.id, Employee.name)).all())
    for a in session.scalars(
        select(ReviewAction)
        .where(ReviewAction.recording_id == recording_id, ReviewAction.kind == "override")
        .order_by(ReviewAction.at, ReviewAction.id)
    ):
        if a.outcome is None:
            out.pop(a.item_id, None)  # the override was taken back
        else:
            out[a.item_id] = OverrideView(
                a.outcome, a.comment, a.employee_id, names.get(a.employee_id, ""), ctx.local(a.at)
            )
    return out


def load_disputes(ctx, session: Session, recording_id: str) -> dict[str, DisputeView]:
    """The disputes of one conversation by checklist item: comment, who and when, state, resolution
    and who resolved it."""
    names = dict(session.execute(select(Employee.id, Employee.name)).all())
    out: dict[str, DisputeView] = {}
    for d in session.scalars(
        select(Dispute)
        .where(Dispute.recording_id == recording_id)
        .order_by(Dispute.opened_at, Dispute.id)
    ):
        out[d.item_id] = DisputeView(
            d.comment,
            d.employee_id,
            names.get(d.employee_id, ""),
            ctx.local(d.opened_at),
            d.state,
            d.resolution,
            names.get(d.resolved_by, "") if d.resolved_by else "",
            ctx.local(d.resolved_at) if d.resolved_at else None,
        )
    return out


@internal  # ReviewService.detail checks who may open the conversation first
class DetailBuilder:
    """Builds ``ConversationDetail``; scores a transcribed, not yet scored one first."""

    def __init__(
        self,
        ctx,
        scoring: ConversationScoring,
        query: ConversationQuery,
        transcripts: TranscriptStore,
        library: RecordingLibrary,
    ) -> None:
        self.ctx = ctx
        self.scoring = scoring
        self.query = query
        self.transcripts = transcripts
        self.library = library

    def build(self, recording_id: str, language: str = "ru") -> ConversationDetail:
        """``language``: the viewer's (checklist item titles are shown in it)."""
        has_score = False
        with self.ctx.db.read() as session:
            t_state = session.scalar(
                select(TranscriptRow.state).where(TranscriptRow.recording_id == recording_id)
            )
            has_score = session.get(ConversationScore, recording_id) is not None
        if t_state == "done" and not has_score:
            try:  # transcribed but not scored yet: score it now rather than show nothing
                # (unless the background scoring stored one meanwhile: one score, one event)
                self.scoring.score_one(recording_id, only_new=True)
            except TranscriptUnreadable:
                pass
        who_all = EmployeeView("", "", Role.ADMIN, "ru")
        with self.ctx.db.read() as session:
            r = session.execute(
                self.query.base_query(who_all, ConversationFilter()).where(
                    Recording.id == recording_id
                )
            ).one()
            row = self.query.row(r)
            rec = session.get(Recording, recording_id)
            score = session.get(ConversationScore, recording_id)
            sealed = score.sealed if score else None
            sale = session.get(Sale, rec.sale_id) if rec.sale_id else None
            receipt = load_receipt(self.ctx, session, sale) if sale else None
            overrides = load_overrides(self.ctx, session, recording_id)
            disputes = load_disputes(self.ctx, session, recording_id)
            duration_ms, speech_ms, shredded = rec.duration_ms, rec.speech_ms, rec.shredded_at
        result = self.scoring.sealed_result(recording_id, sealed) if score else None
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
                    UtteranceView(
                        roles.get(u.speaker, "customer" if roles else "cashier"),
                        u.speaker,
                        u.start,
                        u.end,
                        u.text,
                        tuple(WordView(w.text, w.start, w.end) for w in u.words),
                    )
                    for u in analytics_transcript(t).utterances
                )
        items = self.items(result, score, overrides, disputes, language)
        offers, upsold = self.offers(result, receipt, language)
        measures = self.measures(
            duration_ms, speech_ms, not row.has_transcript and not shredded, recording_id
        )
        card = (result or {}).get("scorecard", {})
        return ConversationDetail(
            row,
            utterances,
            flipped,
            items,
            score.percent if score else None,
            bool(score.scorable) if score else False,
            score.reason if score else None,
            offers,
            receipt,
            upsold,
            measures,
            f"{card.get('name', '')} v{card.get('version', '')}" if card else "",
            self.held_forbidden(result, score),
        )

    def held_forbidden(
        self, result: dict | None, score: ConversationScore | None
    ) -> tuple[EvidenceView, ...]:
        """The forbidden phrases the scorer reported although it left the conversation unscored
        (``held`` in the sealed result); none for a scored conversation (its items have them)."""
        if not result or (score is not None and score.scorable):
            return ()
        return tuple(
            EvidenceView(
                e["text"], e["start"], e["end"], e["role"], e.get("phrase", ""), e.get("why", "")
            )
            for it in result.get("held", [])
            if it.get("outcome") == "fail"
            for e in it.get("evidence", [])
        )

    def items(
        self,
        result: dict | None,
        score: ConversationScore | None,
        overrides: dict[str, OverrideView],
        disputes: dict[str, DisputeView],
        lang: str = "ru",
    ) -> tuple[ItemView, ...]:
        """The checklist as the conversation screen shows it: each item's title in ``lang``, outcome
        after overrides, points, evidence, override and dispute; empty when not scorable."""
        if not result or not score or not score.scorable:
            return ()
        card = self.scoring.scorecard()
        out = []
        for it in result.get("items", []):
            try:
                card_item = card.item(it["id"])
            except KeyError:
                card_item = None
            title_map = card_item.title if card_item else {}
            title = title_map.get(lang) or title_map.get("ru") or title_map.get("en") or it["id"]
            outcome = (score.outcomes or {}).get(it["id"], it["outcome"])
            kind, weight, penalty = (score.item_weights or {}).get(
                it["id"], [it["kind"], it["max_points"], 0]
            )
            points, max_points = item_points(kind, outcome, weight, penalty)
            evidence = tuple(
                EvidenceView(
                    e["text"],
                    e["start"],
                    e["end"],
                    e["role"],
                    e.get("phrase", ""),
                    e.get("why", "phrase"),
                )
                for e in it.get("evidence", [])
            )
            out.append(
                ItemView(
                    it["id"],
                    title,
                    kind,
                    outcome,
                    points,
                    max_points,
                    evidence,
                    overrides.get(it["id"]),
                    disputes.get(it["id"]),
                    it["outcome"],
                    it.get("reason", ""),
                    card_item.detector or "" if card_item else "",
                    examples(card_item, lang) if card_item else (),
                )
            )
        return tuple(out)

    def offers(
        self,
        result: dict | None,
        receipt: ReceiptView | None,
        language: str = "ru",
    ) -> tuple[tuple[OfferView, ...], frozenset[str]]:
        """The offers heard, products named in the viewer's language (as on the receipt)."""
        if not result:
            return (), frozenset()
        names = offered_names(
            self.ctx,
            {s for o in result.get("upsell", {}).get("offers", []) for s in o.get("skus") or []},
            language,
        )
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
            offers.append(
                OfferView(
                    product,
                    o.get("category", ""),
                    o["start"],
                    bool(o.get("converted")),
                    o.get("sku"),
                    int(o.get("revenue") or 0),
                    o.get("text", ""),
                )
            )
        if receipt is not None:
            upsold &= {ln.line_id for ln in receipt.lines}
        return tuple(offers), frozenset(upsold)

    def measures(
        self, duration_ms: int, speech_ms: int, loudness: bool, recording_id: str
    ) -> AudioMeasures | None:
        """Length, talk time and share of silence of a recording, with its loudness in dBFS when
        ``loudness`` is asked for (decodes the audio); None for an empty recording."""
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
        return AudioMeasures(duration_ms / 1000, talk / 1000, round(1 - talk / duration_ms, 3), db)


def examples(item: Item, lang: str, count: int = 3) -> tuple[str, ...]:
    """A few of the item's phrases, the viewer's language first, for "Looked for …"."""
    ordered = [lang] + [other for other in ("ru", "kk", "en") if other != lang]
    phrases = [p.rstrip("*") for code in ordered for p in item.phrases.get(code, ())]
    return tuple(dict.fromkeys(phrases))[:count]


def offered_names(ctx, skus: set[str], language: str) -> dict[str, str]:
    """The offered products' names in the viewer's language, read for these SKUs only (the
    scorer's catalog index is not needed to show a conversation)."""
    if not skus:
        return {}
    with ctx.db.read() as session:
        rows = session.execute(
            select(Product.sku, Product.name_ru, Product.name_kk, Product.name_en).where(
                Product.sku.in_(sorted(skus)[:500])
            )
        ).all()
    pick = {"ru": 1, "kk": 2, "en": 3}.get(language, 1)
    return {row[0]: row[pick] or row[1] for row in rows}
