"""The outbox queue on a real SQLite file: claims, leases, the state machine, dead letters."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import select

from forsell.store.models import OutboxJob
from forsell.sync.errors import BadResponse, Rejected
from forsell.sync.outbox import OutboxQueue

from .sync_fixtures import Clock, add_jobs, database


def states(db) -> dict[str, str]:
    with db.read() as session:
        return {r.entity_id: r.state for r in session.scalars(select(OutboxJob))}


def test_claim_leases_oldest_first_and_per_lane(tmp_path: Path) -> None:
    db = database(tmp_path)
    clock = Clock()
    add_jobs(db, 3)
    add_jobs(db, 2, lane="audio", kind="recording")
    queue = OutboxQueue(db, clock)
    jobs = queue.claim("business", 2, lease_s=60)
    assert [j.entity_id for j in jobs] == ["e00000", "e00001"]
    assert all(j.attempts == 1 and j.lane == "business" for j in jobs)
    assert queue.claim("business", 10, lease_s=60)[0].entity_id == "e00002"
    assert queue.claim("business", 10, lease_s=60) == []  # all leased
    assert [j.kind for j in queue.claim("audio", 10, lease_s=60)] == ["recording", "recording"]


def test_claim_respects_the_byte_budget_but_always_takes_one(tmp_path: Path) -> None:
    db = database(tmp_path)
    add_jobs(db, 5, payload_bytes=1000)
    queue = OutboxQueue(db, Clock())
    assert len(queue.claim("business", 10, lease_s=60, max_bytes=2500)) == 2
    assert len(queue.claim("business", 10, lease_s=60, max_bytes=10)) == 1


def test_state_machine_done_retry_dead(tmp_path: Path) -> None:
    db = database(tmp_path)
    clock = Clock()
    add_jobs(db, 3)
    queue = OutboxQueue(db, clock)
    a, b, c = queue.claim("business", 3, lease_s=60)
    assert queue.done([a]) == 1
    assert queue.retry(b, BadResponse("html page"), delay_s=30)
    assert queue.dead(c, Rejected("invalid", "HTTP 422"))
    assert states(db) == {"e00000": "done", "e00001": "failed", "e00002": "dead"}
    counts = queue.counts("business")
    assert (counts.pending, counts.failed, counts.dead, counts.done) == (1, 1, 1, 1)
    assert queue.last_error("business") == ("sync.bad_response", "html page")
    assert queue.claim("business", 10, lease_s=60) == []  # b waits for its retry time
    assert queue.has_due("business") is False
    clock.advance(31)
    again = queue.claim("business", 10, lease_s=60)
    assert [j.entity_id for j in again] == ["e00001"] and again[0].attempts == 2


def test_an_expired_lease_is_claimed_again_and_the_old_holder_cannot_overwrite(
    tmp_path: Path,
) -> None:
    db = database(tmp_path)
    clock = Clock()
    add_jobs(db, 1)
    queue = OutboxQueue(db, clock)
    (first,) = queue.claim("business", 1, lease_s=60)  # then the worker "crashes"
    clock.advance(59)
    assert queue.claim("business", 1, lease_s=60) == []
    clock.advance(2)
    (second,) = queue.claim("business", 1, lease_s=60)
    assert second.id == first.id and second.attempts == 2
    # the first worker wakes up late: its outcome must not touch the new claim
    assert queue.retry(first, BadResponse("late"), 10) is False
    assert queue.done([first]) == 0
    assert states(db)["e00000"] == "in_flight"
    assert queue.done([second]) == 1


def test_release_gives_back_without_counting_and_release_expired(tmp_path: Path) -> None:
    db = database(tmp_path)
    clock = Clock()
    add_jobs(db, 2)
    queue = OutboxQueue(db, clock)
    a, _ = queue.claim("business", 2, lease_s=60)
    assert queue.release(a)
    assert queue.claim("business", 1, lease_s=60)[0].attempts == 1
    clock.advance(120)
    assert queue.release_expired() == 2
    assert states(db) == {"e00000": "pending", "e00001": "pending"}


def test_two_queues_on_one_file_never_claim_the_same_job(tmp_path: Path) -> None:
    db = database(tmp_path)
    add_jobs(db, 400)
    other = database(tmp_path)  # a second engine (its own connections) on the same file
    claimed: list[list[str]] = [[], [], [], []]

    def worker(n: int) -> None:
        queue = OutboxQueue(db if n % 2 else other)
        while jobs := queue.claim("business", 7, lease_s=60):
            claimed[n] += [j.id for j in jobs]

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    everything = [i for ids in claimed for i in ids]
    assert len(everything) == 400 and len(set(everything)) == 400
    assert sum(1 for ids in claimed if ids) >= 2  # they really competed
    other.dispose()


def test_oldest_pending_age_and_dead_letters(tmp_path: Path) -> None:
    db = database(tmp_path)
    clock = Clock()
    add_jobs(db, 3)
    queue = OutboxQueue(db, clock)
    jobs = queue.claim("business", 3, lease_s=60)
    for job in jobs:
        queue.dead(job, Rejected("invalid", f"bad {job.entity_id}"))
    assert queue.counts("business").oldest_pending_at is None
    letters = queue.dead_letters()
    assert [d.entity_id for d in letters] == ["e00000", "e00001", "e00002"]
    assert letters[0].error_key == "sync.rejected" and letters[0].last_error == "bad e00000"
    assert queue.retry_dead([letters[0].id]) == 1
    assert queue.drop_dead([letters[1].id, letters[0].id]) == 1  # only dead ones are dropped
    assert states(db) == {"e00000": "pending", "e00002": "dead"}
    (back,) = queue.claim("business", 5, lease_s=60)
    assert back.entity_id == "e00000" and back.attempts == 1
    assert queue.counts("business").oldest_pending_at is not None
