"""Finding conversations: who may see which, the list's filters and order in SQL, and the
full-text search that decrypts transcripts on the fly (never indexed, never written in clear).
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from forsell.analytics.normalize import normalize_text
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store.models import (
    ConversationItemResult,
    ConversationMark,
    ConversationScore,
    Employee,
    Recording,
    Sale,
    Shift,
    TranscriptRow,
)
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable
from forsell.vault.keys import KeyVault

from ..access import internal
from ..auth import EmployeeView
from .scoring import FAILED_SEP
from .views import ConversationFilter, ConversationRow, ShiftOption

SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)
#: Full-text search decrypts transcripts in pages of this many candidate ids.
SEARCH_PAGE = 500


def allowed(ctx, who: EmployeeView, recording_id: str) -> Recording:
    """The recording (detached) if ``who`` may open it: supervisors any, a cashier their own.

    Raises ``CashierError``: ``review.unknown``, ``review.not_yours``."""
    with ctx.db.read() as session:
        rec = session.get(Recording, recording_id)
        if rec is None or rec.status == "recording":
            raise CashierError("review.unknown", "No conversation {rid}", rid=recording_id)
        session.expunge(rec)
    if who.role not in SUPERVISORS and rec.employee_id != who.id:
        raise CashierError("review.not_yours", "You can open only your own conversations")
    return rec


@internal  # ReviewService.list and .count are the entry points
class ConversationQuery:
    """The list and its count; a cashier gets only their own conversations."""

    def __init__(self, ctx, vault: KeyVault) -> None:
        self.ctx = ctx
        self.vault = vault

    def base_query(self, who: EmployeeView, f: ConversationFilter):
        """The filtered select of whole rows (no text search, no order, no paging): every
        table the row shows is joined. Used for a page (LIMIT pushed down in time order) and to
        fetch the rows of a page of ids found by ``lean_query``."""
        cs, mk, tr = ConversationScore, ConversationMark, TranscriptRow
        q = (
            select(
                Recording.id,
                Recording.started_at,
                Recording.duration_ms,
                Recording.employee_id,
                Employee.name,
                Sale.receipt_no,
                Sale.total,
                cs.percent,
                cs.scorable,
                cs.outcomes,
                cs.offers,
                cs.conversions,
                cs.extra_revenue,
                mk.flagged,
                mk.reviewed,
                mk.open_disputes,
                tr.state,
                Recording.shredded_at,
                Recording.shift_id,
                Recording.sale_id,
                cs.reason,
            )
            .outerjoin(Employee, Employee.id == Recording.employee_id)
            .outerjoin(Sale, Sale.id == Recording.sale_id)
            .outerjoin(cs, cs.recording_id == Recording.id)
            .outerjoin(mk, mk.recording_id == Recording.id)
            .outerjoin(tr, tr.recording_id == Recording.id)
            .where(Recording.status != "recording")
        )
        # "+ 0" keeps SQLite walking recordings in time order (the list's sort) and
        # stopping after a page, instead of sorting every score in the range.
        return self.filtered(q, who, f, cs.percent + 0, failed_by="exists")

    def lean_query(
        self,
        who: EmployeeView,
        f: ConversationFilter,
        *cols,
        scored: bool = False,
        count_only: bool = False,
        in_progress: list[str] | tuple[str, ...] = (),
    ):
        """The same filter over only the tables it needs (for counts and for the ids of a
        score-ordered page): no employee/sale joins, and a filter on scores, marks, transcripts
        or a failed item becomes an inner join, so SQLite may start from the small side (the
        failed item's index, the flagged marks) instead of probing five tables per recording.
        ``scored``: only conversations with a percent. Joins are on unique keys, so a count
        over this equals the row count of ``base_query``.

        When the score row is joined anyway, its copies (revision 0008) answer the failed item,
        the cashier and the dates: ``ix_conversation_scores_order`` holds them all, so a
        score-ordered page walks one index and a count reads nothing else.

        ``count_only`` (``cols`` read no recording column): when nothing else is asked of the
        recording, the count starts from the first joined table and leaves out
        ``in_progress`` (the few recordings still being recorded, read beforehand by the
        caller) instead of looking every candidate's recording up (a third of a count's time
        at 100,000 scores). A literal list, not a subquery: with statistics SQLite scans all
        recordings for that subquery (``status`` looks unselective, one value nearly
        everywhere)."""
        cs, mk, tr, ir = (
            ConversationScore,
            ConversationMark,
            TranscriptRow,
            ConversationItemResult,
        )
        on_score = scored or f.score_min is not None or f.score_max is not None or bool(f.upsell)
        # An item id with the separator in it could match across two ids: joined instead.
        failed_on_score = bool(f.failed_item) and on_score and FAILED_SEP not in f.failed_item
        inner = []
        if f.failed_item and not failed_on_score:
            inner.append((ir, (ir.item_id == f.failed_item, ir.outcome == "fail")))
        if f.flagged or f.reviewed:
            inner.append((mk, ()))
        if on_score:
            inner.append((cs, (cs.percent.is_not(None),) if scored else ()))
        if f.has_transcript or f.text.strip():
            inner.append((tr, ()))
        by_recording = (
            bool(f.shift_id)
            or bool(f.text.strip())
            or (
                not on_score
                and (
                    who.role not in SUPERVISORS
                    or f.date_from is not None
                    or f.date_to is not None
                    or bool(f.employee_id)
                )
            )
        )
        # Flagged/reviewed marks are few: probing their recordings beats listing the
        # in-progress ones (a pass over the recordings' status).
        if count_only and inner and not by_recording and not (f.flagged or f.reviewed):
            (first, conds), inner = inner[0], inner[1:]
            rid = first.recording_id
            q = select(*cols).select_from(first).where(rid.not_in(in_progress), *conds)
        else:
            rid = Recording.id
            q = select(*cols).select_from(Recording).where(Recording.status != "recording")
        for table, conds in inner:
            q = q.join(table, and_(table.recording_id == rid, *conds))
        if not (f.flagged or f.reviewed) and (f.flagged is not None or f.reviewed is not None):
            q = q.outerjoin(mk, mk.recording_id == rid)
        if f.has_transcript is False and not f.text.strip():
            q = q.outerjoin(tr, tr.recording_id == rid)
        # With a failed item joined, "+ 0" keeps SQLite from starting at the percent index
        # (half the scores for "≤ 70") when the item's index gives a fifth of them; in score
        # order, or with the item read from the score row, the percent index is the way.
        percent = (
            cs.percent + 0 if f.failed_item and not scored and not failed_on_score else cs.percent
        )
        if on_score:
            return self.filtered(
                q,
                who,
                f,
                percent,
                failed_by="score" if failed_on_score else "join",
                started=cs.started_at,
                employee=cs.employee_id,
            )
        return self.filtered(q, who, f, percent, failed_by="join")

    def filtered(
        self,
        q,
        who: EmployeeView,
        f: ConversationFilter,
        percent,
        *,
        failed_by: str,
        started=Recording.started_at,
        employee=Recording.employee_id,
    ):
        """``q`` narrowed by ``f`` (the joins are the caller's). ``failed_by``: the failed item
        as a correlated EXISTS ("exists"), already joined ("join") or read from the score row's
        ``failed`` ("score"). ``started``/``employee``: the recording's columns or the score
        row's copies (equal, revision 0008).

        Raises ``CashierError`` ``review.bad_filter`` for a value the filter does not know."""
        cs, mk, tr = ConversationScore, ConversationMark, TranscriptRow
        if who.role not in SUPERVISORS:
            q = q.where(employee == who.id)
        tz = self.ctx.timezone
        if f.date_from is not None:
            q = q.where(started >= datetime.combine(f.date_from, time(), tz))
        if f.date_to is not None:
            end = datetime.combine(f.date_to + timedelta(days=1), time(), tz)
            q = q.where(started < end)
        if f.shift_id:
            q = q.where(Recording.shift_id == f.shift_id)
        if f.employee_id:
            q = q.where(employee == f.employee_id)
        if f.score_min is not None:
            q = q.where(percent >= f.score_min)
        if f.score_max is not None:
            q = q.where(percent <= f.score_max)
        if f.failed_item and failed_by == "exists":
            ir = ConversationItemResult
            q = q.where(
                select(ir.recording_id)
                .where(
                    ir.recording_id == Recording.id,
                    ir.item_id == f.failed_item,
                    ir.outcome == "fail",
                )
                .exists()
            )
        elif f.failed_item and failed_by == "score":
            q = q.where(func.instr(cs.failed, FAILED_SEP + f.failed_item + FAILED_SEP) > 0)
        if f.upsell == "offered":
            q = q.where(cs.offers > 0)
        elif f.upsell == "converted":
            q = q.where(cs.conversions > 0)
        elif f.upsell == "not_offered":
            q = q.where(cs.scorable.is_(True), cs.offers == 0)
        elif f.upsell is not None:
            raise CashierError("review.bad_filter", "Unknown upsell filter {value}", value=f.upsell)
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
    def ordered(q, sort: str):
        """``q`` in the order the list asks for: ``newest``, ``oldest``, ``score_asc`` or
        ``score_desc`` (unscored last). Raises ``CashierError`` ``review.bad_filter`` otherwise."""
        if sort == "oldest":
            return q.order_by(Recording.started_at, Recording.id)
        if sort == "score_asc":
            return q.order_by(
                ConversationScore.percent.is_(None),
                ConversationScore.percent,
                Recording.started_at.desc(),
            )
        if sort == "score_desc":
            return q.order_by(
                ConversationScore.percent.is_(None),
                ConversationScore.percent.desc(),
                Recording.started_at.desc(),
            )
        if sort != "newest":
            raise CashierError("review.bad_filter", "Unknown sort {value}", value=sort)
        return q.order_by(Recording.started_at.desc(), Recording.id.desc())

    def row(self, r) -> ConversationRow:
        """One row of the list query as a ``ConversationRow``; its status is ``shredded``,
        ``scored``, ``not_scorable``, ``transcribing`` or ``no_transcript``."""
        (
            rid,
            started,
            duration_ms,
            emp_id,
            emp_name,
            receipt_no,
            total,
            percent,
            scorable,
            outcomes,
            offers,
            conversions,
            revenue,
            flagged,
            reviewed,
            disputes,
            t_state,
            shredded_at,
            shift_id,
            sale_id,
            reason,
        ) = r
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
            rid,
            self.ctx.local(started),
            duration_ms / 1000,
            emp_id,
            emp_name or "",
            receipt_no,
            total,
            percent,
            failed,
            offers or 0,
            conversions or 0,
            revenue or 0,
            bool(flagged),
            bool(reviewed),
            t_state == "done",
            bool(disputes),
            status,
            shift_id,
            sale_id,
            reason if status == "not_scorable" else None,
        )

    def list(self, who: EmployeeView, f: ConversationFilter) -> list[ConversationRow]:
        """Conversations matching ``f``, a page of them (``limit``/``offset``); a cashier gets
        only their own. ``f.text`` decrypts candidate transcripts in memory, page by page."""
        q = self.ordered(self.base_query(who, f), f.sort)
        with self.ctx.db.read() as session:
            if not f.text.strip() and f.sort.startswith("score"):
                return [self.row(r) for r in self._by_score(session, who, f)]
            if not f.text.strip():
                return [
                    self.row(r) for r in session.execute(q.limit(f.limit).offset(f.offset)).all()
                ]
            # One query for the candidates in list order, then transcripts decrypted in
            # batches until the page is full; only the hits' rows are fetched.
            ids = list(session.scalars(q.with_only_columns(Recording.id)))
            matcher = TextMatcher(f.text)
            wanted = f.offset + f.limit
            found: list[str] = []
            for i in range(0, len(ids), SEARCH_PAGE):
                batch = ids[i : i + SEARCH_PAGE]
                hits = self._search(session, batch, matcher)
                found += [rid for rid in batch if rid in hits]
                if len(found) >= wanted:
                    break
            return [self.row(r) for r in self._rows(session, who, f, found[f.offset : wanted])]

    def _by_score(self, session: Session, who: EmployeeView, f: ConversationFilter) -> list:
        """Score order in two steps so SQLite walks the percent index and stops after a page:
        scored conversations first, then (on the last pages) the unscored ones, newest first.
        The scored page's ids come from ``lean_query`` (three narrow tables instead of six
        wide ones per candidate), then only those rows are fetched whole."""
        cs = ConversationScore
        order = cs.percent if f.sort == "score_asc" else cs.percent.desc()
        # The score row's own copy of started_at (revision 0008): the order is one index, so
        # the page stops early instead of sorting the whole percent band by recording time.
        ids = list(
            session.scalars(
                self.lean_query(who, f, Recording.id, scored=True)
                .order_by(order, cs.started_at.desc(), cs.recording_id.desc())
                .limit(f.limit)
                .offset(f.offset)
            )
        )
        rows = self._rows(session, who, f, ids)
        if len(rows) >= f.limit:
            return rows
        scored = self._count(session, who, f, scored=True)
        rest = (
            self.base_query(who, f)
            .where(cs.percent.is_(None))
            .order_by(Recording.started_at.desc(), Recording.id.desc())
        )
        return rows + list(
            session.execute(rest.limit(f.limit - len(rows)).offset(max(0, f.offset - scored)))
        )

    def _rows(
        self, session: Session, who: EmployeeView, f: ConversationFilter, ids: list[str]
    ) -> list:
        """The whole rows of ``ids``, in that order."""
        if not ids:
            return []
        rows = {
            r[0]: r for r in session.execute(self.base_query(who, f).where(Recording.id.in_(ids)))
        }
        return [rows[rid] for rid in ids if rid in rows]

    def _count(
        self, session: Session, who: EmployeeView, f: ConversationFilter, *, scored: bool = False
    ) -> int:
        # unlikely(): after ANALYZE every recording seems to share one status, and SQLite
        # would scan them all (15 ms at 100,000) rather than use the status index.
        in_progress = list(
            session.scalars(
                select(Recording.id).where(func.unlikely(Recording.status == "recording"))
            )
        )
        return int(
            session.scalar(
                self.lean_query(
                    who, f, func.count(), scored=scored, count_only=True, in_progress=in_progress
                )
            )
            or 0
        )

    def count(self, who: EmployeeView, f: ConversationFilter) -> int:
        """How many conversations match ``f`` (all pages). The UI asks this on every filter
        change together with the page, so it runs over ``lean_query``'s narrow joins."""
        with self.ctx.db.read() as session:
            if not f.text.strip():
                return self._count(session, who, f)
            ids = list(session.scalars(self.lean_query(who, f, Recording.id)))
            matcher = TextMatcher(f.text)
            return sum(
                len(self._search(session, ids[i : i + SEARCH_PAGE], matcher))
                for i in range(0, len(ids), SEARCH_PAGE)
            )

    def _search(self, session: Session, ids: list[str], matcher: TextMatcher) -> set[str]:
        """Ids whose transcript contains the query: decrypted in memory, never indexed."""
        hits: set[str] = set()
        sealed = dict(
            session.execute(
                select(TranscriptRow.recording_id, TranscriptRow.sealed).where(
                    TranscriptRow.recording_id.in_(ids)
                )
            ).all()
        )
        for rid in ids:
            blob = sealed.get(rid)
            if blob is None:
                continue
            try:
                dek = self.vault.get(rid)
                plain = AESGCM(dek).decrypt(
                    blob[:NONCE_BYTES], blob[NONCE_BYTES:], f"transcript|{rid}".encode()
                )
            except (RecordingUnreadable, InvalidTag):
                continue
            if matcher.matches(json.loads(plain).get("text", "")):
                hits.add(rid)
        return hits


def recent_shifts(ctx, limit: int = 50) -> list[ShiftOption]:
    """The newest shifts first, with who opened them. Every role gets the same list: a shift
    is not private (the conversation list still limits a cashier to their own)."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(
                Shift.id,
                Shift.opened_at,
                Shift.opened_by,
                Employee.name,
                Shift.z_number,
                Shift.closed_at,
            )
            .outerjoin(Employee, Employee.id == Shift.opened_by)
            .order_by(Shift.opened_at.desc(), Shift.id.desc())
            .limit(max(0, limit))
        ).all()
    return [
        ShiftOption(
            sid, ctx.local(opened), by_id, name or "", z, ctx.local(closed) if closed else None
        )
        for sid, opened, by_id, name, z, closed in rows
    ]


class TextMatcher:
    """A query matched against transcript text after the scorer's normalisation (case, ё/е,
    Kazakh letters, recogniser spellings): its words in a row, each a word start (stems)."""

    def __init__(self, query: str) -> None:
        self.needle = " " + " ".join(normalize_text(query))

    def matches(self, text: str) -> bool:
        """True when the query's words occur in ``text`` in a row, both normalised the same way."""
        if self.needle == " ":
            return False
        return self.needle in " " + " ".join(normalize_text(text))
