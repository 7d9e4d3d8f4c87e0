"""The committed demo conversations: small, readable, and sealed + scored on a demo store."""

from __future__ import annotations

import io
import os

import soundfile

from forsell.analytics import formats
from forsell.services.demo_conversations import (
    demo_folder,
    load_demo_conversations,
    seed_demo_conversations,
)
from forsell.services.recordings import KEY_FILE, RecordingLibrary
from forsell.services.review.service import ConversationFilter, ReviewService
from forsell.vault.keys import KeyVault


def test_assets_are_small_and_well_formed():
    total = sum(f.stat().st_size for f in demo_folder().iterdir())
    assert total < 1_000_000
    convs = load_demo_conversations()
    assert 6 <= len(convs) <= 8
    languages = {c.transcript.language for c in convs}
    assert languages == {"ru", "kk"}
    for c in convs:
        info = soundfile.info(io.BytesIO(c.ogg))
        assert info.samplerate == 16_000 and 10 < info.duration < 31
        assert abs(info.duration * 1000 - c.duration_ms) < 100
        assert c.transcript.words[-1].end <= info.duration
        formats.parse_receipt(c.receipt)
        formats.parse_transcript({"words": [w.__dict__ for w in c.transcript.words]})


def test_sealed_into_the_vault_decrypt_decode_and_score(till, staff):
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    try:
        assert seed_demo_conversations(till, vault) == 7
        library = RecordingLibrary(till.ctx, vault)
        assert library.verify_all() == []
        rows = ReviewService(till, vault).list(staff.supervisor, ConversationFilter())
        for row in rows:
            pcm, rate = library.pcm(row.recording_id)
            assert rate == 16_000 and abs(len(pcm) / rate - row.duration_s) < 0.1
        assert sum(r.score is not None for r in rows) == 6
        assert any(r.conversions for r in rows) and any(r.offers > r.conversions for r in rows)
        assert not any(p.suffix == ".ogg" for p in till.ctx.data_dir.rglob("*"))
    finally:
        vault.close()


def test_not_seeded_twice_or_on_a_store_with_recordings(till, staff):
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    try:
        assert seed_demo_conversations(till, vault) == 7
        assert seed_demo_conversations(till, vault) == 0
    finally:
        vault.close()
