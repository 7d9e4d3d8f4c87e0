"""A blocked data subject (policy 6.3): the sync never uploads their recordings to the speech
provider — the FAKE ElevenLabs and the FAKE backend on loopback, a real till, real SQLite, a real
key file — while another customer's recording goes as usual."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from forsell.domain.roles import Role
from forsell.services.consent import ConsentService
from forsell.services.privacy.requests import PrivacyRequests, subject_receipt
from forsell.services.sync import SyncService
from forsell.store.models import OutboxJob, Sale, TranscriptRow

from .chaos_fixtures import Counter_, fake_world
from .test_offline_online import CONFIG


def test_a_blocked_customers_recording_is_never_uploaded(tmp_path: Path) -> None:
    with fake_world(tmp_path / "till", demo_items=False) as world:
        till = world.till
        staff = till.staff.staff()
        admin = next(e for e in staff if e.role is Role.ADMIN)
        for cashier in staff:
            ConsentService(till.ctx).give_consent(admin, cashier.id)
        shop = Counter_(till)
        blocked_sale, kept_sale = shop.sell(), shop.sell()
        blocked = world.recordings.record(blocked_sale)
        kept = world.recordings.record(kept_sale)
        with till.ctx.db.read() as session:
            receipt_no = session.scalar(select(Sale.receipt_no).where(Sale.id == blocked_sale))
        requests = PrivacyRequests(till.ctx, world.recordings.vault)
        request = requests.register(admin, "blocking", "a customer", subject_receipt(receipt_no))
        assert requests.block(admin, request.id) == 1

        summary = SyncService(till, world.keys, config=CONFIG).run_once(60)

        assert summary.ok, summary
        assert world.elevenlabs.stats()["billed_requests"] == 1, "only the other customer's"
        assert summary.audio.sent == 1 and summary.audio.skipped == 1
        with till.ctx.db.read() as session:
            transcribed = set(session.scalars(select(TranscriptRow.recording_id)))
            job = session.scalar(
                select(OutboxJob).where(OutboxJob.lane == "audio", OutboxJob.entity_id == blocked)
            )
        assert transcribed == {kept}
        assert job.state == "done"  # settled, not retried forever
        assert blocked not in {e["entity_id"] for e in world.backend.events("transcript")}
