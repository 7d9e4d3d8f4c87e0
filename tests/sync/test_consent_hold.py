"""A withdrawn consent holds the person's recordings: the sync never uploads them to the speech
provider — the FAKE ElevenLabs and the FAKE backend on loopback, a real till, real SQLite, a real
key file — while another cashier's recording (consent in force) goes as usual."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from forsell.domain.roles import Role
from forsell.services.consent import ConsentService
from forsell.services.sync import SyncService
from forsell.store.consent_hold import ABROAD, RECORDING
from forsell.store.models import OutboxJob, Recording, TranscriptRow

from .chaos_fixtures import Counter_, fake_world
from .test_offline_online import CONFIG


def _speaker(till, recording_id: str, employee_id: str) -> None:
    with till.ctx.db.write() as session:
        session.execute(
            update(Recording).where(Recording.id == recording_id).values(employee_id=employee_id)
        )


def test_a_withdrawn_cashiers_pending_recording_is_never_uploaded(tmp_path: Path) -> None:
    with fake_world(tmp_path / "till", demo_items=False) as world:
        till = world.till
        staff = till.staff.staff()
        admin = next(e for e in staff if e.role is Role.ADMIN)
        leaving, staying = [e for e in staff if e.role is Role.CASHIER][:2]
        consent = ConsentService(till.ctx)
        for cashier in (leaving, staying):
            consent.give_consent(admin, cashier.id, purposes=(RECORDING, ABROAD))
        shop = Counter_(till)
        held = [world.recordings.record(shop.sell()) for _ in range(2)]
        kept = world.recordings.record(shop.sell())
        for rid in held:
            _speaker(till, rid, leaving.id)
        _speaker(till, kept, staying.id)
        assert consent.withdraw_own(leaving, "1111") == 2  # the demo cashier's PIN

        summary = SyncService(till, world.keys, config=CONFIG).run_once(60)

        assert summary.ok, summary
        stats = world.elevenlabs.stats()
        assert stats["billed_requests"] == 1, "only the consenting cashier's audio was sent"
        assert summary.audio.sent == 1 and summary.audio.skipped == 2
        with till.ctx.db.read() as session:
            transcribed = set(session.scalars(select(TranscriptRow.recording_id)))
            jobs = {
                j.entity_id: j.state
                for j in session.scalars(select(OutboxJob).where(OutboxJob.lane == "audio"))
            }
        assert transcribed == {kept}  # nothing submitted, nothing fetched for the held ones
        assert all(jobs[rid] == "done" for rid in held)  # settled, not retried forever
        assert not {e["entity_id"] for e in world.backend.events("transcript")} & set(held)


def test_a_transcript_that_arrived_before_the_withdrawal_is_not_scored(tmp_path: Path) -> None:
    from forsell.services.conversation import ConversationRecorder
    from forsell.store.models import ConversationScore

    from .chaos_fixtures import wait_for

    with fake_world(tmp_path / "till", demo_items=False) as world:
        till = world.till
        staff = till.staff.staff()
        admin = next(e for e in staff if e.role is Role.ADMIN)
        leaving, staying = [e for e in staff if e.role is Role.CASHIER][:2]
        consent = ConsentService(till.ctx)
        shop = Counter_(till)
        rids = {}
        for cashier in (leaving, staying):
            consent.give_consent(admin, cashier.id, purposes=(RECORDING, ABROAD))
            rids[cashier.id] = world.recordings.record(shop.sell())
            _speaker(till, rids[cashier.id], cashier.id)
        service = SyncService(till, world.keys, config=CONFIG)  # no listener: nothing scored yet
        assert service.start()
        try:
            wait_for(
                lambda: len(transcribed_ids(till)) == 2, 60, "both transcripts stored unscored"
            )
        finally:
            service.stop()
        consent.withdraw_consent(admin, leaving.id, "asked to stop")
        recorder = ConversationRecorder(till, keyring_backend=world.keys)
        try:
            assert recorder.score_new() == 1
        finally:
            recorder.close()
        with till.ctx.db.read() as session:
            scored = set(session.scalars(select(ConversationScore.recording_id)))
        assert scored == {rids[staying.id]}


def test_audio_goes_abroad_only_for_a_speaker_who_consented_to_it(tmp_path: Path) -> None:
    """The store allows audio abroad (ElevenLabs, USA), but a cashier who consented only to
    being recorded is not sent there: with no provider in Kazakhstan configured, their
    recording waits; the cashier who also consented to the transfer abroad is transcribed."""
    with fake_world(tmp_path / "till", demo_items=False) as world:
        till = world.till
        staff = till.staff.staff()
        admin = next(e for e in staff if e.role is Role.ADMIN)
        home, abroad = [e for e in staff if e.role is Role.CASHIER][:2]
        consent = ConsentService(till.ctx)
        consent.give_consent(admin, home.id, purposes=(RECORDING,))
        consent.give_consent(admin, abroad.id, purposes=(RECORDING, ABROAD))
        shop = Counter_(till)
        rids = {}
        for cashier in (home, abroad):
            rids[cashier.id] = world.recordings.record(shop.sell())
            _speaker(till, rids[cashier.id], cashier.id)

        SyncService(till, world.keys, config=CONFIG).run_once(60)

        assert world.elevenlabs.stats()["billed_requests"] == 1
        assert transcribed_ids(till) == {rids[abroad.id]}
        # Withdrawing the transfer abroad stops it for later recordings too.
        consent.withdraw_consent(admin, abroad.id, "no transfer abroad", purposes=(ABROAD,))
        later = world.recordings.record(shop.sell())
        _speaker(till, later, abroad.id)
        SyncService(till, world.keys, config=CONFIG).run_once(60)
        assert world.elevenlabs.stats()["billed_requests"] == 1
        assert later not in transcribed_ids(till)


def test_a_held_conversation_is_not_scored_when_a_supervisor_opens_it(tmp_path: Path) -> None:
    from forsell.services.review import ReviewService
    from forsell.store.models import ConversationScore

    with fake_world(tmp_path / "till", demo_items=False) as world:
        till = world.till
        staff = till.staff.staff()
        admin = next(e for e in staff if e.role is Role.ADMIN)
        cashier = next(e for e in staff if e.role is Role.CASHIER)
        consent = ConsentService(till.ctx)
        consent.give_consent(admin, cashier.id, purposes=(RECORDING, ABROAD))
        rid = world.recordings.record(Counter_(till).sell())
        _speaker(till, rid, cashier.id)
        SyncService(till, world.keys, config=CONFIG).run_once(60)
        assert rid in transcribed_ids(till)
        with till.ctx.db.write() as session:  # not scored yet (as if the transcript just came)
            score = session.get(ConversationScore, rid)
            if score is not None:
                session.delete(score)
        consent.withdraw_consent(admin, cashier.id, "asked to stop")
        review = ReviewService(till, world.recordings.vault)
        assert review.scoring.score_one(rid) is False
        assert review.scoring.score_one(rid, flip=True, confirmed=True) is False  # an override
        with till.ctx.db.read() as session:
            assert session.get(ConversationScore, rid) is None


def transcribed_ids(till) -> set[str]:
    with till.ctx.db.read() as session:
        return set(
            session.scalars(select(TranscriptRow.recording_id).where(TranscriptRow.state == "done"))
        )
