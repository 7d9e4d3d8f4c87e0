"""A transcript the sync stores is scored at once, without anyone opening the conversation, and
its score goes to the backend — with the FAKE backend and ElevenLabs on loopback, a real till,
real SQLite, a real key file.

Two ways in: the background sync tells its "transcript stored" listeners (the app hands each to
its task pool; here a thread per notification stands in, racing on purpose), and the headless
``run_once`` (``forsell-cashier sync --once``) scores after its drain and sends those scores.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from forsell.services.conversation import ConversationRecorder
from forsell.services.sync import SyncService
from forsell.store.models import ConversationScore, OutboxJob, TranscriptRow

from .chaos_fixtures import Counter_, fake_world, wait_for
from .test_offline_online import CONFIG

RECORDINGS = 5


def scored_ids(db) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(ConversationScore.recording_id)))


def transcribed_ids(db) -> set[str]:
    with db.read() as session:
        return set(
            session.scalars(select(TranscriptRow.recording_id).where(TranscriptRow.state == "done"))
        )


def score_events(db) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(OutboxJob.entity_id).where(OutboxJob.kind == "score")))


def pending_business(db) -> int:
    with db.read() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(OutboxJob)
                .where(OutboxJob.lane == "business", OutboxJob.state != "done")
            )
            or 0
        )


def test_each_transcript_stored_is_scored_once_and_its_score_sent(tmp_path: Path) -> None:
    with fake_world(tmp_path / "till", demo_items=False) as world:
        till, backend = world.till, world.backend
        shop = Counter_(till)
        rids = {world.recordings.record(shop.sell()) for _ in range(RECORDINGS)}
        recorder = ConversationRecorder(till, keyring_backend=world.keys)
        stored_at: dict[str, float] = {}
        scored_at: dict[str, float] = {}
        runs: list[threading.Thread] = []
        lock = threading.Lock()

        def score() -> None:
            recorder.score_new()
            now = time.monotonic()
            with lock:
                for rid in scored_ids(till.ctx.db) - set(scored_at):
                    scored_at[rid] = now

        def stored(rid: str) -> None:  # on the sync thread: hand the work elsewhere, at once
            stored_at[rid] = time.monotonic()
            run = threading.Thread(target=score, name="score-run")
            runs.append(run)
            run.start()

        service = SyncService(till, world.keys, config=CONFIG)
        service.add_transcript_listener(stored)
        assert service.start()
        try:
            wait_for(lambda: transcribed_ids(till.ctx.db) >= rids, 60, "every transcript")
            wait_for(lambda: scored_ids(till.ctx.db) >= rids, 60, "every score")
            wait_for(
                lambda: {e["entity_id"] for e in backend.events("score")} >= rids,
                60,
                "the scores at the backend",
            )
        finally:
            service.stop()
            for run in runs:
                run.join(30)
            recorder.close()
        assert set(stored_at) == rids  # one "transcript stored" per recording
        events = score_events(till.ctx.db)
        assert sorted(events) == sorted(rids), "each conversation scored exactly once"
        sent = [e["entity_id"] for e in backend.events("score")]
        assert sorted(sent) == sorted(rids)
        lags = [scored_at[rid] - stored_at[rid] for rid in rids]
        print(f"transcript stored → score row: max {max(lags) * 1000:.0f} ms")


def test_sync_once_scores_what_it_transcribed_and_sends_the_scores(tmp_path: Path) -> None:
    with fake_world(tmp_path / "till", demo_items=False) as world:
        till, backend = world.till, world.backend
        shop = Counter_(till)
        rids = {world.recordings.record(shop.sell()) for _ in range(3)}
        summary = SyncService(till, world.keys, config=CONFIG).run_once(60)
        assert summary.ok, summary
        assert transcribed_ids(till.ctx.db) == rids
        assert scored_ids(till.ctx.db) == rids
        assert sorted(score_events(till.ctx.db)) == sorted(rids)
        assert sorted(e["entity_id"] for e in backend.events("score")) == sorted(rids)
        assert pending_business(till.ctx.db) == 0
        # Nothing new: a second run scores nothing and sends no score again.
        again = SyncService(till, world.keys, config=CONFIG).run_once(30)
        assert again.ok and again.business.sent == 0
        assert sorted(score_events(till.ctx.db)) == sorted(rids)
