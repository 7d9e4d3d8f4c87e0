"""TranscriptStore on a real SQLite file and a real key file: sealing, shredding, the bill."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from forsell.domain.ids import new_id
from forsell.store.db import Database, open_database
from forsell.store.models import Recording, TranscriptRow
from forsell.sync.errors import Rejected
from forsell.sync.providers.base import Transcript, Word
from forsell.sync.transcripts import TranscriptStore, TranscriptUnreadable
from forsell.vault.keys import KeyVault

SECRET_PHRASE = "Айгерим, мой номер +7 701 555 44 33, карта 4111 1111 1111 1111"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "till.sqlite", tmp_path / "backups")
    yield database
    database.dispose()


@pytest.fixture
def vault(tmp_path: Path) -> KeyVault:
    keys = KeyVault(tmp_path / "keys.sqlite", os.urandom(32))
    yield keys
    keys.close()


def new_recording(db: Database, vault: KeyVault) -> str:
    rid = new_id()
    vault.create(rid)
    with db.write() as session:
        session.add(
            Recording(
                id=rid,
                device_id="dev-1",
                started_at=datetime.now(UTC),
                duration_ms=12_000,
                speech_ms=9_000,
                status="queued",
            )
        )
    return rid


def transcript(
    text: str = SECRET_PHRASE,
    provider: str = "elevenlabs",
    external_id: str | None = "tr_1",
    seconds: float = 12.0,
) -> Transcript:
    words = tuple(
        Word(t, float(i), i + 0.4, f"speaker_{i % 2}", 0.9) for i, t in enumerate(text.split())
    )
    return Transcript(
        text=text,
        language="ru",
        words=words,
        confidence=0.9,
        audio_seconds=seconds,
        provider=provider,
        external_id=external_id,
    )


def test_saved_transcript_round_trips(db: Database, vault: KeyVault) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    store.mark_submitted(rid, "elevenlabs", "tr_1")
    assert store.state(rid).external_id == "tr_1"
    assert not store.state(rid).has_transcript
    store.save(rid, transcript())
    assert store.load(rid) == transcript()
    state = store.state(rid)
    assert (state.state, state.provider, state.has_transcript) == ("done", "elevenlabs", True)


def test_no_transcript_text_in_the_database_file_in_clear(
    db: Database, vault: KeyVault, tmp_path: Path
) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    store.save(rid, transcript())
    with db.engine.connect() as conn:  # checkpoint the WAL so the main file holds the rows
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [p for p in tmp_path.iterdir() if p.name.startswith("till.sqlite")]
    raw = b"".join(p.read_bytes() for p in files)
    assert raw  # the file is there and was read
    for piece in ("Айгерим", "номер", "4111", "701 555"):
        assert piece.encode() not in raw, piece
    with db.read() as session:
        sealed = session.get(TranscriptRow, rid).sealed
    assert sealed is not None and len(sealed) > 12 + 16


def test_every_save_uses_a_fresh_nonce(db: Database, vault: KeyVault) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    blobs = set()
    for _ in range(3):
        store.save(rid, transcript())
        with db.read() as session:
            blobs.add(session.get(TranscriptRow, rid).sealed[:12])
    assert len(blobs) == 3


def test_shredding_the_recording_key_makes_the_transcript_unreadable(
    db: Database, vault: KeyVault
) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    store.save(rid, transcript())
    vault.destroy(rid)
    with pytest.raises(TranscriptUnreadable) as caught:
        store.load(rid)
    assert caught.value.reason == "transcript_shredded"
    assert isinstance(caught.value, Rejected)  # permanent: the backend job dead-letters
    with pytest.raises(TranscriptUnreadable):
        store.redacted_for_backend(rid)


def test_a_transcript_moved_to_another_recording_does_not_open(
    db: Database, vault: KeyVault
) -> None:
    store = TranscriptStore(db, vault)
    a, b = new_recording(db, vault), new_recording(db, vault)
    store.save(a, transcript())
    store.save(b, transcript("другой текст"))
    with db.write() as session:
        session.get(TranscriptRow, b).sealed = session.get(TranscriptRow, a).sealed
    with pytest.raises(TranscriptUnreadable) as caught:
        store.load(b)
    assert caught.value.reason == "transcript_altered"


def test_missing_transcript_is_a_clear_error(db: Database, vault: KeyVault) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    store.mark_submitted(rid, "yandex", "op-1")
    with pytest.raises(TranscriptUnreadable) as caught:
        store.load(rid)
    assert caught.value.reason == "transcript_missing"


def test_redacted_for_backend_has_no_personal_data_and_no_audio(
    db: Database, vault: KeyVault
) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    store.save(rid, transcript())
    body = store.redacted_for_backend(rid)
    assert body["text"] == "Айгерим, мой номер [phone], карта [card]"
    texts = [w["text"] for w in body["words"]]
    assert texts == ["Айгерим,", "мой", "номер", "[phone],", "карта", "[card]"]
    assert not any(ch.isdigit() for t in texts for ch in t)
    assert body["speakers"] == ["speaker_0", "speaker_1"]
    assert (body["language"], body["confidence"], body["provider"]) == ("ru", 0.9, "elevenlabs")
    assert not any("audio" in k and k != "audio_seconds" for k in body)
    assert "ogg" not in repr(body).lower()


def test_usage_counts_seconds_and_estimated_cost_per_provider(
    db: Database, vault: KeyVault
) -> None:
    store = TranscriptStore(db, vault, rates={"elevenlabs": 0.40, "yandex": 0.30})
    r1, r2 = new_recording(db, vault), new_recording(db, vault)
    store.record_call("elevenlabs", r1, "submit", False, "sync.rate_limited", 0.0)
    store.record_call("elevenlabs", r1, "submit", True, "ok", 1800.0)
    store.record_call("yandex", r2, "submit", True, "ok", 3600.0)
    store.record_call("yandex", r2, "fetch", False, "pending", 0.0)
    usage = store.usage_by_provider()
    assert usage["elevenlabs"].seconds == 1800.0
    assert usage["elevenlabs"].cost_usd == pytest.approx(0.20)
    assert (usage["elevenlabs"].billed_calls, usage["elevenlabs"].calls) == (1, 2)
    assert usage["yandex"].seconds == 3600.0
    assert usage["yandex"].cost_usd == pytest.approx(0.30)


def test_billed_twice_counts_only_submits_after_the_id_was_known(
    db: Database, vault: KeyVault
) -> None:
    store = TranscriptStore(db, vault)
    lost, paid_twice, fine = (new_recording(db, vault) for _ in range(3))
    past = datetime.now(UTC) - timedelta(seconds=30)
    # A submit whose answer was lost (no id ever known), then a second one: unavoidable, not ours.
    store.record_call("elevenlabs", lost, "submit", False, "sync.connection_lost", 0.0, at=past)
    store.record_call(
        "elevenlabs", lost, "submit", True, "ok", 12.0, at=past + timedelta(seconds=1)
    )
    store.mark_submitted(lost, "elevenlabs", "tr_lost")
    # The normal case: one submit, its id stored after it started.
    store.record_call("elevenlabs", fine, "submit", True, "ok", 12.0, at=past)
    store.mark_submitted(fine, "elevenlabs", "tr_fine")
    assert store.billed_twice() == 0
    # The bug this counter exists for: submitting again although the id was already stored.
    store.record_call("elevenlabs", paid_twice, "submit", True, "ok", 12.0, at=past)
    store.mark_submitted(paid_twice, "elevenlabs", "tr_a")
    store.record_call("elevenlabs", paid_twice, "submit", True, "ok", 12.0)
    assert store.billed_twice() == 1
    assert store.billed_submits(paid_twice) == 2


def test_mark_submitted_keeps_the_first_time_the_id_was_known(
    db: Database, vault: KeyVault
) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    store.mark_submitted(rid, "yandex", "op-1")
    with db.read() as session:
        first = session.get(TranscriptRow, rid).submitted_at
    store.mark_submitted(rid, "yandex", "op-1")
    with db.read() as session:
        assert session.get(TranscriptRow, rid).submitted_at == first


def test_saving_after_the_key_was_shredded_writes_nothing(db: Database, vault: KeyVault) -> None:
    store = TranscriptStore(db, vault)
    rid = new_recording(db, vault)
    vault.destroy(rid)
    with pytest.raises(TranscriptUnreadable):
        store.save(rid, transcript())
    assert store.state(rid) is None
