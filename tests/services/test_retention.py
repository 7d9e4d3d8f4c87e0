"""The retention schedule, driven by the clock across every boundary: for each period, what is
kept the day before is gone the day after — transcribed audio (N days, the text stays readable),
audio whose transcription never succeeds (M days), transcripts and scores (K days), sales,
refunds and shifts (T years), audit entries (Y years, the chain still verifies)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select

from forsell.domain.errors import CashierError
from forsell.domain.ids import new_id
from forsell.domain.payment import Payment
from forsell.services.app import Till, open_till
from forsell.services.audit_trail import verify_trail
from forsell.services.recordings import open_vault
from forsell.services.retention import PURGED, RetentionPolicy, RetentionService, years_before
from forsell.services.review.scoring import score_aad
from forsell.store import audit
from forsell.store.models import (
    AuditEntry,
    ConversationScore,
    Recording,
    RecordingChunk,
    Sale,
    Shift,
    TranscriptRow,
)
from forsell.sync.transcripts import _aad as transcript_aad
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable, open_chunk, seal
from forsell.vault.keys import KeyVault
from platform_services import needs, secret_service

from .conftest import Clock, Products, Staff, counts_for

pytestmark = needs(secret_service)

DAY = timedelta(days=1)
T0 = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)


@pytest.fixture
def vault(till: Till) -> Iterator[KeyVault]:
    opened = open_vault(till.ctx)
    yield opened
    opened.close()


def _seal_json(dek: bytes, doc: dict, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(dek).encrypt(nonce, json.dumps(doc).encode(), aad)


def _open_json(dek: bytes, sealed: bytes, aad: bytes) -> dict:
    return json.loads(AESGCM(dek).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad))


def conversation(
    till: Till, vault: KeyVault, started: datetime, transcript: str | None, done: datetime | None
) -> str:
    """A recording with one sealed chunk; ``transcript``: its state (done, failed, submitted)
    or None for none; a done one has a sealed text and a sealed score."""
    rid = new_id()
    dek = vault.create(rid)
    with till.ctx.db.write() as session:
        session.add(
            Recording(
                id=rid,
                device_id=till.ctx.device_id,
                started_at=started,
                ended_at=started + timedelta(minutes=1),
                status="queued",
                chunks=1,
            )
        )
        session.flush()  # the rows below refer to it
        session.add(
            RecordingChunk(
                recording_id=rid, idx=0, final=True, blob=seal(dek, rid, 0, True, b"OggS").blob
            )
        )
        if transcript is not None:
            session.add(
                TranscriptRow(
                    recording_id=rid,
                    provider="elevenlabs",
                    state=transcript,
                    submitted_at=started,
                    done_at=done,
                    sealed=_seal_json(dek, {"text": "Сәлеметсіз бе"}, transcript_aad(rid))
                    if transcript == "done"
                    else None,
                )
            )
        if transcript == "done":
            session.add(
                ConversationScore(
                    recording_id=rid,
                    scorecard_id="cafe",
                    percent=80.0,
                    started_at=started,
                    sealed=_seal_json(dek, {"items": []}, score_aad(rid)),
                )
            )
    return rid


def state(till: Till, vault: KeyVault, rid: str) -> dict:
    """What is left of a conversation: audio readable? transcript and score readable?"""
    with till.ctx.db.read() as session:
        recording = session.get(Recording, rid)
        chunk = session.scalar(select(RecordingChunk).where(RecordingChunk.recording_id == rid))
        transcript = session.get(TranscriptRow, rid)
        score = session.get(ConversationScore, rid)
    try:
        dek = vault.get(rid)
    except RecordingUnreadable:
        dek = None
    audio = False
    if chunk is not None and dek is not None:
        from forsell.vault.chunks import SealedChunk

        open_chunk(dek, rid, SealedChunk(chunk.idx, chunk.final, chunk.blob))
        audio = True
    text = (
        dek is not None
        and transcript is not None
        and transcript.sealed is not None
        and _open_json(dek, transcript.sealed, transcript_aad(rid))["text"] == "Сәлеметсіз бе"
    )
    scored = (
        dek is not None
        and score is not None
        and _open_json(dek, score.sealed, score_aad(rid)) == {"items": []}
    )
    return {
        "audio": audio,
        "text": text,
        "score": scored,
        "shredded": recording.shredded_at is not None,
    }


def purge(till: Till, vault: KeyVault | None, now: datetime):
    return RetentionService(till.ctx, vault).purge(now=now)


def test_transcribed_audio_goes_n_days_after_its_transcript_and_the_text_stays(
    till: Till, vault: KeyVault
) -> None:
    done = T0 + timedelta(hours=2)
    rid = conversation(till, vault, T0, "done", done)
    key_before = vault.get(rid)
    purge(till, vault, done + 29 * DAY)
    assert state(till, vault, rid) == {
        "audio": True,
        "text": True,
        "score": True,
        "shredded": False,
    }
    report = purge(till, vault, done + 31 * DAY)
    assert report.audio_shredded == 1
    assert state(till, vault, rid) == {
        "audio": False,
        "text": True,
        "score": True,
        "shredded": False,
    }
    assert vault.get(rid) != key_before  # the audio's key is gone from the key file
    purge(till, vault, done + 40 * DAY)  # nothing twice
    assert state(till, vault, rid)["text"]


def test_audio_whose_transcription_never_succeeds_is_kept_m_days_then_shredded(
    till: Till, vault: KeyVault
) -> None:
    failed = conversation(till, vault, T0, "failed", None)
    never = conversation(till, vault, T0, None, None)
    waiting = conversation(till, vault, T0, "submitted", None)
    # Past N (30) days: still kept, there is no transcript yet.
    purge(till, vault, T0 + 31 * DAY)
    purge(till, vault, T0 + 89 * DAY)
    for rid in (failed, never, waiting):
        assert state(till, vault, rid)["audio"]
    report = purge(till, vault, T0 + 91 * DAY)
    assert report.untranscribed_shredded == 3
    for rid in (failed, never, waiting):
        assert state(till, vault, rid) == {
            "audio": False,
            "text": False,
            "score": False,
            "shredded": True,
        }
        assert not vault.exists(rid)


def test_transcripts_and_scores_are_deleted_k_days_after_the_conversation(
    till: Till, vault: KeyVault
) -> None:
    rid = conversation(till, vault, T0, "done", T0 + DAY)
    purge(till, vault, T0 + 364 * DAY)
    assert state(till, vault, rid) == {
        "audio": False,
        "text": True,
        "score": True,
        "shredded": False,
    }
    report = purge(till, vault, T0 + 366 * DAY)
    assert (report.transcripts_deleted, report.scores_deleted) == (1, 1)
    assert state(till, vault, rid)["shredded"] and not vault.exists(rid)
    with till.ctx.db.read() as session:
        assert session.get(TranscriptRow, rid) is None
        assert session.get(ConversationScore, rid) is None
        assert session.get(Recording, rid) is not None  # the row stays as evidence


def _closed_shift_with_a_refunded_sale(till: Till, staff: Staff, products: Products) -> None:
    till.shifts.open(staff.cashier, 0)
    sale = till.sale_for(staff.cashier)
    sale.add(products.bread)
    receipt = sale.pay(Payment(cash_tendered=25_000))
    line = receipt.lines[0]
    till.refunds.refund(staff.supervisor, receipt.sale_id, {line.line_id: 1000}, "cash")
    till.shifts.close(staff.supervisor, counts_for(till.shifts.expected_cash()))


def test_sales_refunds_and_shifts_are_kept_t_years_after_the_shift_closed(
    till: Till, staff: Staff, products: Products, clock: Clock
) -> None:
    _closed_shift_with_a_refunded_sale(till, staff, products)
    closed = clock.now

    def counts() -> tuple[int, int]:
        with till.ctx.db.read() as session:
            return (
                session.scalar(select(func.count()).select_from(Shift)),
                session.scalar(select(func.count()).select_from(Sale)),
            )

    purge(till, None, years_before(closed, -5) - DAY)
    assert counts() == (1, 1)
    report = purge(till, None, years_before(closed, -5) + DAY)
    assert (report.shifts_deleted, report.sales_deleted, report.refunds_deleted) == (1, 1, 1)
    assert counts() == (0, 0)
    assert report.skipped == {"recordings": "no key file (the secret store is not available)"}


@pytest.fixture
def quiet_till(tmp_path: Path, clock: Clock) -> Iterator[Till]:
    """A till with no demo store: its audit trail holds only what the test writes."""
    opened = open_till(tmp_path / "quiet", seed_demo=False, clock=clock)
    yield opened
    opened.close()


def test_audit_entries_are_kept_y_years_and_the_chain_still_verifies(
    quiet_till: Till, clock: Clock
) -> None:
    till = quiet_till
    for _ in range(3):
        with till.ctx.db.write() as session:
            audit.record(session, till.ctx.device_id, "login", None)
        clock.advance(60)
    newest = clock.now - timedelta(seconds=60)
    vault = open_vault(till.ctx)
    try:
        assert purge(till, vault, years_before(newest, -5) - DAY).removed == 0
        assert verify_trail(till.ctx).first_seq == 1
        report = purge(till, vault, years_before(newest, -5) + DAY)
    finally:
        vault.close()
    assert report.audit_deleted == 3
    checked = verify_trail(till.ctx)
    assert checked.intact and checked.first_seq == 4  # the purge checkpoint, then the report
    assert [c.reason for c in checked.checkpoints] == ["purge"]
    reports = RetentionService(till.ctx).reports()
    assert reports[0][1]["audit_deleted"] == 3
    assert reports[0][1]["cutoffs"]["audit"].startswith(str(newest.year))


def test_a_purge_with_nothing_due_writes_nothing(quiet_till: Till) -> None:
    with quiet_till.ctx.db.read() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    vault = open_vault(quiet_till.ctx)
    try:
        report = purge(quiet_till, vault, T0)
    finally:
        vault.close()
    assert report.removed == 0 and report.skipped == {}
    with quiet_till.ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before
        assert session.scalar(select(func.count()).where(AuditEntry.action == PURGED)) == 0


def test_an_admin_changes_the_periods_and_the_boundary_moves(
    till: Till, vault: KeyVault, staff: Staff
) -> None:
    service = RetentionService(till.ctx, vault)
    assert service.policy() == RetentionPolicy(30, 90, 365, 5, 5)
    service.set_policy(staff.admin, RetentionPolicy(10, 20, 100, 6, 7))
    assert service.policy() == RetentionPolicy(10, 20, 100, 6, 7)
    rid = conversation(till, vault, T0, "done", T0)
    service.purge(now=T0 + 9 * DAY)
    assert state(till, vault, rid)["audio"]
    service.purge(now=T0 + 11 * DAY)
    assert not state(till, vault, rid)["audio"] and state(till, vault, rid)["text"]
    with till.ctx.db.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "retention_changed"))
    assert entry.details["after"]["audio_days"] == 10 and entry.employee_id == staff.admin.id


@pytest.mark.parametrize(
    ("policy", "key"),
    [
        (RetentionPolicy(0, 90, 365, 5, 5), "retention.invalid"),
        (RetentionPolicy(30, -1, 365, 5, 5), "retention.invalid"),
        (RetentionPolicy(30, 90, 365, 0, 5), "retention.invalid"),
        (RetentionPolicy(30, 90, 365, 5, 0), "retention.invalid"),
        (RetentionPolicy(30, 29, 365, 5, 5), "retention.untranscribed_too_short"),
    ],
)
def test_periods_out_of_range_are_refused_and_nothing_changes(
    till: Till, staff: Staff, policy: RetentionPolicy, key: str
) -> None:
    service = RetentionService(till.ctx)
    with pytest.raises(CashierError) as refused:
        service.set_policy(staff.admin, policy)
    assert refused.value.key == key
    assert service.policy() == RetentionPolicy()


def test_only_an_admin_sets_the_periods(till: Till, staff: Staff) -> None:
    with pytest.raises(CashierError) as refused:
        RetentionService(till.ctx).set_policy(staff.supervisor, RetentionPolicy())
    assert refused.value.key == "admin.only"
