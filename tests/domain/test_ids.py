"""Ids created on the till: UUID version 7, strictly increasing."""

from __future__ import annotations

import itertools
import time
import uuid

from forsell.domain.ids import new_id


def test_ids_are_uuid7_and_strictly_increasing() -> None:
    ids = [new_id() for _ in range(10_000)]
    for value in ids:
        parsed = uuid.UUID(value)
        assert str(parsed) == value  # canonical lower-case form
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
    assert all(a < b for a, b in itertools.pairwise(ids))
    assert len(set(ids)) == len(ids)


def test_id_carries_the_creation_time() -> None:
    before = time.time_ns() // 1_000_000
    ms = uuid.UUID(new_id()).int >> 80
    after = time.time_ns() // 1_000_000
    # Within the burst allowance (ids borrow the next millisecond after 4096 in one).
    assert before <= ms <= after + 5
