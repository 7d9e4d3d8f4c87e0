"""The retention schedule (privacy policy 6.3: data is kept for the legal period and no longer).

One purge, run by the till in the background at start-up and then daily, and by
``forsell-cashier retention purge``:

- a conversation's **audio**, ``retention.audio_days`` after its transcription succeeded: its
  key is replaced (``KeyVault.replace``) after the transcript and the score were sealed again
  under the new one, and its chunks are deleted — the audio is crypto-shredded in every copy of
  the database, the text stays;
- audio whose transcription **never succeeded**, only once the recording is
  ``retention.untranscribed_days`` old: crypto-shredded whole (``KeyVault.destroy``);
- **transcripts, scores** and review notes, once the conversation is
  ``retention.transcript_days`` old: deleted, and the recording's key destroyed;
- **sales, refunds, shifts**: a shift closed more than ``retention.sales_years`` ago goes with
  its sales, refunds and cash movements (the tax code asks for five years);
- **audit entries** older than ``retention.audit_years``: removed from the start of the trail
  under a purge checkpoint sealed with the audit key, so the chain stays verifiable.

Every purge that removed something writes a ``retention_purged`` audit entry with what, how
many and the cut-off of each kind: that entry is the report an admin reads
(``forsell-cashier retention report``, ``doctor``). Time comes from the till's clock, or from
the ``now`` a caller passes (tests walk every boundary with it).

If the till stops between replacing a key and committing the re-sealed transcript, that
transcript is unreadable: the purge errs on the side of destruction, never of keeping audio.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import CursorResult, and_, delete, exists, select
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import (
    AuditEntry,
    CashMovement,
    ConversationItemResult,
    ConversationMark,
    ConversationScore,
    Dispute,
    OutboxJob,
    Recording,
    RecordingChunk,
    RecordingPause,
    Refund,
    RefundLine,
    ReviewAction,
    Sale,
    SaleLine,
    Shift,
    TranscriptRow,
)
from forsell.sync.transcripts import _aad as transcript_aad
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable
from forsell.vault.keys import KeyVault

from . import settings as s
from .access import public, requires
from .review.scoring import score_aad

if TYPE_CHECKING:
    from .auth import EmployeeView
    from .context import TillContext

log = logging.getLogger(__name__)

#: The audit action of a purge; its details are the report.
PURGED = "retention_purged"
#: How many recordings one transaction handles (a sale never waits long for the write lock).
BATCH = 200


@dataclass(frozen=True)
class RetentionPolicy:
    """The five periods (see the settings ``retention.*``)."""

    audio_days: int = s.RETENTION_AUDIO_DAYS.default
    untranscribed_days: int = s.RETENTION_UNTRANSCRIBED_DAYS.default
    transcript_days: int = s.RETENTION_TRANSCRIPT_DAYS.default
    audit_years: int = s.RETENTION_AUDIT_YEARS.default
    sales_years: int = s.RETENTION_SALES_YEARS.default

    def check(self) -> None:
        """Raises CashierError ``retention.invalid`` for a value out of its range, and
        ``retention.untranscribed_too_short`` when untranscribed audio would go before
        transcribed audio does (M < N)."""
        for setting, value in self._pairs():
            setting.check(value)
        if self.untranscribed_days < self.audio_days:
            raise CashierError(
                "retention.untranscribed_too_short",
                "Audio without a transcript must be kept at least as long as audio with one "
                "({days} days)",
                days=self.audio_days,
            )

    def _pairs(self) -> tuple[tuple[s.SettingDef[int], int], ...]:
        return (
            (s.RETENTION_AUDIO_DAYS, self.audio_days),
            (s.RETENTION_UNTRANSCRIBED_DAYS, self.untranscribed_days),
            (s.RETENTION_TRANSCRIPT_DAYS, self.transcript_days),
            (s.RETENTION_AUDIT_YEARS, self.audit_years),
            (s.RETENTION_SALES_YEARS, self.sales_years),
        )


def years_before(moment: datetime, years: int) -> datetime:
    """The same calendar moment ``years`` earlier (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


@dataclass(frozen=True)
class PurgeReport:
    """What one purge removed, and the cut-off of each kind (UTC, ISO 8601)."""

    at: datetime
    audio_shredded: int = 0
    untranscribed_shredded: int = 0
    transcripts_deleted: int = 0
    scores_deleted: int = 0
    shifts_deleted: int = 0
    sales_deleted: int = 0
    refunds_deleted: int = 0
    audit_deleted: int = 0
    cutoffs: dict[str, str] = field(default_factory=dict)
    #: Why a kind was skipped (no key file, no audit key), for the admin to fix.
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def removed(self) -> int:
        """How many things were removed in all."""
        return sum(
            (
                self.audio_shredded,
                self.untranscribed_shredded,
                self.transcripts_deleted,
                self.scores_deleted,
                self.shifts_deleted,
                self.sales_deleted,
                self.refunds_deleted,
                self.audit_deleted,
            )
        )

    def details(self) -> dict[str, Any]:
        """The report as the audit entry's details."""
        found = asdict(self)
        found.pop("at")
        return found


def _reseal(old: bytes, new: bytes, sealed: bytes | None, aad: bytes) -> bytes | None:
    if sealed is None:
        return None
    try:
        plain = AESGCM(old).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag:
        return None  # already unreadable (tampered): nothing to keep
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(new).encrypt(nonce, plain, aad)


class RetentionService:
    """The retention periods (admin) and the purge (the till's own background work)."""

    def __init__(self, ctx: TillContext, vault: KeyVault | None = None) -> None:
        self.ctx = ctx
        #: The key file; without it audio and transcripts are not touched (reported as skipped).
        self.vault = vault

    # --- the periods ----------------------------------------------------------------------------

    @public  # the periods are no one's private data; the admin screen and doctor show them
    def policy(self) -> RetentionPolicy:
        """The periods in force (the defaults until an admin sets them)."""
        get = self.ctx.settings.get
        return RetentionPolicy(
            get(s.RETENTION_AUDIO_DAYS),
            get(s.RETENTION_UNTRANSCRIBED_DAYS),
            get(s.RETENTION_TRANSCRIPT_DAYS),
            get(s.RETENTION_AUDIT_YEARS),
            get(s.RETENTION_SALES_YEARS),
        )

    @requires(Role.ADMIN)
    def set_policy(self, admin: EmployeeView, policy: RetentionPolicy) -> RetentionPolicy:
        """Stores new periods (all checked first: nothing is stored when one is refused) and
        audits the change. Raises CashierError as :meth:`RetentionPolicy.check`."""
        policy.check()
        before = self.policy()
        for setting, value in policy._pairs():
            self.ctx.settings.set(setting, value)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "retention_changed",
                admin.id,
                before=asdict(before),
                after=asdict(policy),
            )
        return policy

    # --- the purge ------------------------------------------------------------------------------

    @public  # the till's own background work, at start-up and daily
    def purge(self, now: datetime | None = None) -> PurgeReport:
        """Removes what the periods say is due at ``now`` (the till's clock by default) and
        returns what it did; a purge that removed anything is audited with the report."""
        now = now or self.ctx.clock()
        p = self.policy()
        cut = {
            "audio": now - timedelta(days=p.audio_days),
            "untranscribed": now - timedelta(days=p.untranscribed_days),
            "transcripts": now - timedelta(days=p.transcript_days),
            "sales": years_before(now, p.sales_years),
            "audit": years_before(now, p.audit_years),
        }
        counts: dict[str, int] = {}
        skipped: dict[str, str] = {}
        if self.vault is None:
            skipped["recordings"] = "no key file (the secret store is not available)"
        else:
            counts["transcripts_deleted"], counts["scores_deleted"] = self._purge_texts(
                cut["transcripts"], now
            )
            counts["untranscribed_shredded"] = self._purge_untranscribed(cut["untranscribed"], now)
            counts["audio_shredded"] = self._purge_audio(cut["audio"], now)
        counts.update(self._purge_sales(cut["sales"]))
        audit_removed, why = self._purge_audit(cut["audit"])
        counts["audit_deleted"] = audit_removed
        if why:
            skipped["audit"] = why
        report = PurgeReport(
            now,
            **counts,
            cutoffs={kind: audit.canonical_time(moment) for kind, moment in cut.items()},
            skipped=skipped,
        )
        if report.removed or report.skipped:
            with self.ctx.db.write() as session:
                audit.record(session, self.ctx.device_id, PURGED, None, **report.details())
        log.info("retention purge: %d removed %s", report.removed, report.skipped or "")
        return report

    def _due(self, stmt: Any) -> list[str]:
        with self.ctx.db.read() as session:
            return list(session.scalars(stmt))

    def _purge_audio(self, cutoff: datetime, now: datetime) -> int:
        """Transcribed audio past its days: key replaced under the re-sealed text."""
        assert self.vault is not None
        due = self._due(
            select(Recording.id)
            .join(TranscriptRow, TranscriptRow.recording_id == Recording.id)
            .where(
                TranscriptRow.state == "done",
                TranscriptRow.done_at <= cutoff,
                Recording.shredded_at.is_(None),
                Recording.audio_purged_at.is_(None),
            )
        )
        for start in range(0, len(due), BATCH):
            with self.ctx.db.write() as session:
                for rid in due[start : start + BATCH]:
                    self._drop_audio(session, rid, now)
        return len(due)

    def _drop_audio(self, session: Session, rid: str, now: datetime) -> None:
        assert self.vault is not None
        transcript = session.get(TranscriptRow, rid)
        score = session.get(ConversationScore, rid)
        try:
            old = self.vault.get(rid)
            new = self.vault.replace(rid)
        except RecordingUnreadable:
            old = new = b""  # no key any more: the audio is unreadable already
        if new:
            if transcript is not None:
                transcript.sealed = _reseal(old, new, transcript.sealed, transcript_aad(rid))
            if score is not None:
                score.sealed = _reseal(old, new, score.sealed, score_aad(rid))
        session.execute(delete(RecordingChunk).where(RecordingChunk.recording_id == rid))
        recording = session.get(Recording, rid)
        if recording is not None:
            recording.audio_purged_at = now

    def _purge_untranscribed(self, cutoff: datetime, now: datetime) -> int:
        """Audio whose transcription never succeeded, once it is old enough: shredded whole."""
        assert self.vault is not None
        done = exists().where(
            TranscriptRow.recording_id == Recording.id, TranscriptRow.state == "done"
        )
        due = self._due(
            select(Recording.id).where(
                Recording.started_at <= cutoff,
                Recording.shredded_at.is_(None),
                Recording.status != "recording",
                ~done,
            )
        )
        for start in range(0, len(due), BATCH):
            batch = due[start : start + BATCH]
            self.vault.destroy(batch)
            with self.ctx.db.write() as session:
                self._shredded(session, batch, now)
        return len(due)

    @staticmethod
    def _shredded(session: Session, ids: list[str], now: datetime) -> None:
        session.execute(delete(RecordingChunk).where(RecordingChunk.recording_id.in_(ids)))
        for recording in session.scalars(select(Recording).where(Recording.id.in_(ids))):
            recording.shredded_at = now
            recording.status = "shredded"

    def _purge_texts(self, cutoff: datetime, now: datetime) -> tuple[int, int]:
        """Transcripts, scores and review notes of conversations older than the cut-off; the
        recording's key goes too (whatever copy of the text a backup holds is unreadable)."""
        assert self.vault is not None
        due = self._due(
            select(Recording.id).where(
                Recording.started_at <= cutoff,
                exists().where(TranscriptRow.recording_id == Recording.id)
                | exists().where(ConversationScore.recording_id == Recording.id),
            )
        )
        transcripts = scores = 0
        for start in range(0, len(due), BATCH):
            batch = due[start : start + BATCH]
            self.vault.destroy(batch)
            with self.ctx.db.write() as session:
                for model in (ConversationItemResult, ConversationMark, ReviewAction, Dispute):
                    session.execute(delete(model).where(model.recording_id.in_(batch)))
                scores += _count(
                    session.execute(
                        delete(ConversationScore).where(ConversationScore.recording_id.in_(batch))
                    )
                )
                transcripts += _count(
                    session.execute(
                        delete(TranscriptRow).where(TranscriptRow.recording_id.in_(batch))
                    )
                )
                self._shredded(session, batch, now)
        return transcripts, scores

    def _purge_sales(self, cutoff: datetime) -> dict[str, int]:
        """Shifts closed before the cut-off, with their sales, refunds and cash movements. A
        shift whose sale was refunded in a shift that stays waits for that one."""
        kept_refund = exists().where(
            Refund.sale_id == Sale.id,
            Refund.shift_id.not_in(select(Shift.id).where(Shift.closed_at < cutoff)),
        )
        blocked = exists().where(Sale.shift_id == Shift.id, kept_refund)
        shifts = self._due(select(Shift.id).where(Shift.closed_at < cutoff, ~blocked))
        counts = {"shifts_deleted": 0, "sales_deleted": 0, "refunds_deleted": 0}
        for start in range(0, len(shifts), 50):
            batch = shifts[start : start + 50]
            with self.ctx.db.write() as session:
                sale_ids = select(Sale.id).where(Sale.shift_id.in_(batch))
                refund_ids = select(Refund.id).where(
                    Refund.shift_id.in_(batch) | Refund.sale_id.in_(sale_ids)
                )
                session.execute(delete(RefundLine).where(RefundLine.refund_id.in_(refund_ids)))
                counts["refunds_deleted"] += _count(
                    session.execute(delete(Refund).where(Refund.id.in_(refund_ids)))
                )
                session.execute(delete(SaleLine).where(SaleLine.sale_id.in_(sale_ids)))
                counts["sales_deleted"] += _count(
                    session.execute(delete(Sale).where(Sale.shift_id.in_(batch)))
                )
                for model in (CashMovement, RecordingPause):
                    session.execute(delete(model).where(model.shift_id.in_(batch)))
                counts["shifts_deleted"] += _count(
                    session.execute(delete(Shift).where(Shift.id.in_(batch)))
                )
        # The outbox rows that carried them to the backend are their delivery record only.
        with self.ctx.db.write() as session:
            session.execute(
                delete(OutboxJob).where(
                    and_(
                        OutboxJob.state == "done",
                        OutboxJob.created_at < cutoff,
                        OutboxJob.kind.in_(
                            ("sale", "refund", "sale_voided", "shift_opened", "shift_closed")
                            + ("cash_movement",)
                        ),
                    )
                )
            )
        return counts

    def _purge_audit(self, cutoff: datetime) -> tuple[int, str]:
        with self.ctx.db.write() as session:
            key = self.ctx.audit.key(session)
            if key is None:
                return 0, "no audit key in the secret store"
            removed = audit.purge_before(session, key, self.ctx.device_id, cutoff)
            if removed:
                session.execute(
                    delete(OutboxJob).where(
                        OutboxJob.state == "done",
                        OutboxJob.kind == "audit",
                        OutboxJob.created_at < cutoff,
                    )
                )
            return removed, ""

    # --- the report -----------------------------------------------------------------------------

    @public  # counts and dates only
    def reports(self, limit: int = 10) -> list[tuple[datetime, dict[str, Any]]]:
        """The newest purges that removed something: (when, the report's details)."""
        with self.ctx.db.read() as session:
            rows = session.execute(
                select(AuditEntry.at, AuditEntry.details)
                .where(AuditEntry.action == PURGED)
                .order_by(AuditEntry.seq.desc())
                .limit(limit)
            ).all()
        return [(at, dict(details)) for at, details in rows]


#: How often the till purges while it runs (it also purges once shortly after it starts).
PURGE_EVERY = timedelta(days=1)


def purge_now(ctx: TillContext, keyring_backend: Any = None) -> PurgeReport:
    """One purge as the till's background work and ``retention purge`` run it: with the key
    file when the secret store opens it (else recordings are skipped, and the report says so)."""
    from forsell.vault.keys import KeyFileProblem
    from forsell.vault.secrets import SecretStoreUnavailable

    from .recordings import open_vault

    try:
        vault: KeyVault | None = open_vault(ctx, keyring_backend)
    except (SecretStoreUnavailable, KeyFileProblem) as problem:
        log.warning("retention: recordings skipped, the key file cannot be opened (%s)", problem)
        vault = None
    try:
        return RetentionService(ctx, vault).purge()
    finally:
        if vault is not None:
            vault.close()


def _count(result: Any) -> int:
    """Rows a DELETE or UPDATE touched (its result is a CursorResult, which carries the count)."""
    return int(cast(CursorResult[Any], result).rowcount or 0)
