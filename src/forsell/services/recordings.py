"""Recordings at rest: keys, crash recovery, listing, playback into memory, export, shredding."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import Employee, Recording, RecordingChunk, Sale, TranscriptRow
from forsell.store.outbox import AUDIO, enqueue
from forsell.vault.chunks import RecordingUnreadable, SealedChunk, open_all, open_chunk, seal
from forsell.vault.keys import KeyVault
from forsell.vault.secrets import SecretStore

from .access import internal, public, requires
from .auth import EmployeeView
from .context import TillContext

log = logging.getLogger(__name__)
KEY_FILE = "keys.sqlite"


def open_vault(ctx: TillContext, backend=None) -> KeyVault:
    """The key file of this till, unlocked with the KEK from the OS secret store.

    Raises ``vault.secrets.SecretStoreUnavailable`` (with a fix hint) when there is no usable
    secret store: the caller turns recording off and says so; selling goes on.
    """
    kek = SecretStore(ctx.device_id, backend).key_encryption_key()
    return KeyVault(ctx.data_dir / KEY_FILE, kek)


@dataclass(frozen=True)
class RecordingView:
    id: str
    started_at: datetime  # store-local
    ended_at: datetime | None
    duration_ms: int
    speech_ms: int
    bytes: int
    chunks: int
    status: str
    end_reason: str | None
    receipt_no: int | None
    employee: str
    overflows: int
    silent: bool


@dataclass(frozen=True)
class RecoveryReport:
    interrupted: int  # sealed from their last durable chunk
    discarded: int  # rows with no audio (or no key) removed
    orphan_keys: int  # keys whose recording row never made it to disk


def _unreadable(exc: RecordingUnreadable) -> CashierError:
    return CashierError(
        "recording.unreadable",
        "Recording {rid} cannot be read: {reason}",
        rid=exc.recording_id,
        reason=exc.reason,
    )


#: The transcript's state, as the list shows a recording that left the "queued" stage.
_TRANSCRIPT_STATUS = {
    "submitted": "transcribing",
    "done": "transcribed",
    "failed": "transcription_failed",
}


def _shown_status(status: str, transcript_state: str | None) -> str:
    """The recording's own status until a transcript is asked for; then the transcript's.
    The recording row stays "queued" after the upload (the sync lane writes the transcript
    row, not the recording), so the list would otherwise say "queued" forever."""
    if status == "queued" and transcript_state in _TRANSCRIPT_STATUS:
        return _TRANSCRIPT_STATUS[transcript_state]
    return status


class RecordingLibrary:
    def __init__(self, ctx: TillContext, vault: KeyVault) -> None:
        self.ctx = ctx
        self.vault = vault

    # --- reading ------------------------------------------------------------------------------

    @public  # ``forsell-cashier recordings list``: times, lengths and sizes, no content
    def list(self, limit: int = 200) -> list[RecordingView]:
        """The newest recordings (at most ``limit``): start (store time), length, speech, size,
        chunks, status, receipt number and employee, as ``forsell-cashier recordings list``
        prints them."""
        with self.ctx.db.read() as session:
            rows = session.execute(
                select(Recording, Sale.receipt_no, Employee.name, TranscriptRow.state)
                .outerjoin(Sale, Sale.id == Recording.sale_id)
                .outerjoin(TranscriptRow, TranscriptRow.recording_id == Recording.id)
                .outerjoin(Employee, Employee.id == Recording.employee_id)
                .order_by(Recording.started_at.desc())
                .limit(limit)
            ).all()
            return [
                RecordingView(
                    r.id,
                    self.ctx.local(r.started_at),
                    self.ctx.local(r.ended_at) if r.ended_at else None,
                    r.duration_ms,
                    r.speech_ms,
                    r.bytes,
                    r.chunks,
                    _shown_status(r.status, transcript),
                    r.end_reason,
                    receipt_no,
                    name or "",
                    r.overflows,
                    r.silent,
                )
                for r, receipt_no, name, transcript in rows
            ]

    def _sealed_chunks(self, session, recording_id: str) -> list[SealedChunk]:
        return [
            SealedChunk(c.idx, c.final, c.blob)
            for c in session.scalars(
                select(RecordingChunk)
                .where(RecordingChunk.recording_id == recording_id)
                .order_by(RecordingChunk.idx)
            )
        ]

    @internal  # review and the lawful export check who may hear it first
    def ogg(self, recording_id: str) -> bytes:
        """The recording's Ogg/Opus stream, decrypted into memory; every chunk authenticated.

        A tampered, reordered, truncated or shredded recording raises CashierError
        ``recording.unreadable`` naming it: never garbage audio.

        An unknown id raises ``recording.unknown``.
        """
        with self.ctx.db.read() as session:
            rec = session.get(Recording, recording_id)
            if rec is None:
                raise CashierError("recording.unknown", "No recording {rid}", rid=recording_id)
            chunks = self._sealed_chunks(session, recording_id)
        try:
            return b"".join(open_all(self.vault.get(recording_id), recording_id, chunks))
        except RecordingUnreadable as exc:
            raise _unreadable(exc) from exc

    @internal  # review's audio checks who may hear it first
    def pcm(self, recording_id: str):
        """Decoded float32 samples and the sample rate, in memory (for playback and checks)."""
        import soundfile  # numpy and libsndfile load only when audio is decoded

        data, rate = soundfile.read(io.BytesIO(self.ogg(recording_id)), dtype="float32")
        return data, rate

    @public  # the doctor's check
    def verify_all(self) -> list[tuple[str, str]]:
        """(recording id, reason) for every recording whose chunks do not all authenticate."""
        problems = []
        with self.ctx.db.read() as session:
            ids = session.scalars(
                select(Recording.id).where(
                    Recording.status != "recording", Recording.shredded_at.is_(None)
                )
            ).all()
        for rid in ids:
            try:
                self.ogg(rid)
            except CashierError as exc:
                problems.append((rid, str(exc.params.get("reason", exc.key))))
        return problems

    # --- lawful export and shredding ----------------------------------------------------------

    @requires(Role.ADMIN)
    def export(self, admin: EmployeeView, recording_id: str, out: Path) -> Path:
        """A decrypted copy for a lawful request, by an admin, audited.

        Returns the written file. Raises ``CashierError``: ``admin.only``, ``recording.unknown``,
        ``recording.unreadable``; nothing is written then."""
        data = self.ogg(recording_id)
        out.write_bytes(data)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "recording_exported",
                admin.id,
                recording_id=recording_id,
                bytes=len(data),
            )
        log.info("recording %s exported by admin %s", recording_id, admin.id)
        return out

    @requires(Role.ADMIN)
    def shred(self, who: EmployeeView, recording_ids: list[str], reason: str) -> int:
        """Crypto-shreds recordings: keys destroyed, chunks deleted, rows kept as evidence."""
        count = self.vault.destroy(recording_ids)
        with self.ctx.db.write() as session:
            session.execute(
                delete(RecordingChunk).where(RecordingChunk.recording_id.in_(recording_ids))
            )
            for rec in session.scalars(select(Recording).where(Recording.id.in_(recording_ids))):
                rec.shredded_at = self.ctx.clock()
                rec.status = "shredded"
            audit.record(
                session,
                self.ctx.device_id,
                "recordings_shredded",
                who.id,
                count=len(recording_ids),
                reason=reason[:200],
            )
        return count

    # --- crash recovery -----------------------------------------------------------------------

    @public  # start-up, before anyone signs in
    def recover(self) -> RecoveryReport:
        """At start-up: recordings cut off by a crash are sealed from their last durable chunk.

        The writer commits each chunk on its own, so what is on disk is a whole prefix of the
        recording. It gets an empty final chunk (so truncation stays detectable afterwards) and
        the status ``interrupted``. Rows without audio or key, and keys without rows, go.
        """
        interrupted = discarded = 0
        with self.ctx.db.write() as session:
            open_rows = session.scalars(
                select(Recording).where(Recording.status == "recording")
            ).all()
            for rec in open_rows:
                chunks = self._sealed_chunks(session, rec.id)
                if not chunks or not self.vault.exists(rec.id):
                    session.execute(
                        delete(RecordingChunk).where(RecordingChunk.recording_id == rec.id)
                    )
                    session.delete(rec)
                    self.vault.destroy(rec.id)
                    discarded += 1
                    continue
                dek = self.vault.get(rec.id)
                ogg, kept, ended = self._durable_prefix(dek, rec.id, chunks)
                session.execute(
                    delete(RecordingChunk).where(
                        RecordingChunk.recording_id == rec.id, RecordingChunk.idx >= kept
                    )
                )
                if not ended:  # an empty final chunk keeps later truncation detectable
                    final = seal(dek, rec.id, kept, True, b"")
                    session.add(
                        RecordingChunk(recording_id=rec.id, idx=kept, final=True, blob=final.blob)
                    )
                    kept += 1
                rec.chunks = kept
                rec.bytes = len(ogg)
                rec.duration_ms = _duration_ms(ogg)
                rec.ended_at = rec.started_at + timedelta(milliseconds=rec.duration_ms)
                rec.status = "interrupted"
                rec.end_reason = "crash"
                if rec.duration_ms >= 1000:
                    enqueue(
                        session,
                        "recording",
                        rec.id,
                        {
                            "id": rec.id,
                            "sale_id": rec.sale_id,
                            "duration_ms": rec.duration_ms,
                            "speech_ms": None,
                        },
                        lane=AUDIO,
                    )
                interrupted += 1
            known = set(session.scalars(select(Recording.id)))
        orphans = [rid for rid in self.vault.recording_ids() if rid not in known]
        if orphans:
            self.vault.destroy(orphans)
        if interrupted or discarded or orphans:
            log.warning(
                "recovered recordings: %d interrupted, %d discarded, %d orphan keys",
                interrupted,
                discarded,
                len(orphans),
            )
        return RecoveryReport(interrupted, discarded, len(orphans))

    @staticmethod
    def _durable_prefix(
        dek: bytes, recording_id: str, chunks: list[SealedChunk]
    ) -> tuple[bytes, int, bool]:
        """The authentic chunks from 0 on: (their audio, how many, whether the last is final)."""
        ogg = bytearray()
        kept = 0
        for chunk in chunks:
            if chunk.index != kept:
                break
            try:
                ogg += open_chunk(dek, recording_id, chunk)
            except RecordingUnreadable:
                break
            kept += 1
            if chunk.final:
                return bytes(ogg), kept, True
        return bytes(ogg), kept, False


def _duration_ms(ogg: bytes) -> int:
    if not ogg:
        return 0
    import soundfile

    try:
        info = soundfile.info(io.BytesIO(ogg))
        return int(info.frames * 1000 / info.samplerate)
    except (RuntimeError, soundfile.LibsndfileError):
        data, rate = soundfile.read(io.BytesIO(ogg), dtype="float32")
        return int(len(data) * 1000 / rate)
