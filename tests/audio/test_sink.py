from datetime import UTC, datetime

import pytest

from forsell.audio.sink import MemorySink, RecordingStart, RecordingStats


def _start(rid: str = "r1") -> RecordingStart:
    return RecordingStart(rid, datetime(2025, 1, 1, tzinfo=UTC), None, "s1", "e1", "sale")


def _stats() -> RecordingStats:
    return RecordingStats(
        datetime(2025, 1, 1, tzinfo=UTC), 1000, 500, 10, 2, 0, "sale_done", 0.1, False
    )


def test_memory_sink_keeps_chunks_in_order_and_links():
    sink = MemorySink()
    sink.begin(_start())
    sink.chunk("r1", 0, b"ab", False)
    sink.chunk("r1", 1, b"cd", True)
    sink.end("r1", _stats())
    sink.link_sale("r1", "sale-9")
    rec = sink.get("r1")
    assert rec.audio() == b"abcd" and rec.audio(drop_last=1) == b"ab"
    assert rec.sale_id == "sale-9" and rec.stats == _stats()
    assert sink.wait_ended(1, timeout=0)


def test_memory_sink_refuses_a_wrong_order():
    sink = MemorySink()
    sink.begin(_start())
    with pytest.raises(ValueError, match="out of order"):
        sink.chunk("r1", 1, b"x", False)
    with pytest.raises(ValueError, match="without a final chunk"):
        sink.end("r1", _stats())  # no final chunk yet
    with pytest.raises(ValueError, match="begun twice"):
        sink.begin(_start())
