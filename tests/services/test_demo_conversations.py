"""The committed demo conversations: small, readable, and sealed + scored on a demo store."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

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


#: A supervisor's marks for the seven demo conversations, made from the labelling guide
#: (docs/labelling.md, its checklist) by a labeller who saw only the guide and the dialogues
#: with their receipt lines, never the scorer or its output.
DEMO_LABELS = Path(__file__).with_name("demo_labels.json")
ITEMS = ("greeting", "ask_needs", "upsell_offer", "loyalty_card", "farewell", "forbidden_words")


def test_the_demo_store_scores_as_a_supervisor_marks_by_the_guide(till, staff):
    """What a new user sees first: every item of every demo conversation, through the review
    screens' own path (seeded, scored in the vault, read back as the detail view)."""
    labels = json.loads(DEMO_LABELS.read_text(encoding="utf-8"))
    manifest = sorted(
        json.loads((demo_folder() / "conversations.json").read_text(encoding="utf-8"))[
            "conversations"
        ],
        key=lambda c: (c["day"], c["time"]),
    )
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    try:
        seed_demo_conversations(till, vault)
        review = ReviewService(till, vault)
        rows = sorted(
            review.list(staff.supervisor, ConversationFilter()), key=lambda r: r.started_at
        )
        assert [r.started_at.strftime("%H:%M") for r in rows] == [c["time"] for c in manifest]
        for conv, row in zip(manifest, rows, strict=True):
            want = labels[conv["id"]]
            detail = review.detail(staff.supervisor, row.recording_id)
            assert detail.scorable == want["scored"], conv["id"]
            if not want["scored"]:
                continue
            outcome = {item.item_id: item.outcome for item in detail.items}
            got = {i: outcome[i] == ("fail" if i == "forbidden_words" else "pass") for i in ITEMS}
            assert got == {i: want[i] for i in ITEMS}, conv["id"]
            assert detail.receipt is not None
            converted = [
                n
                for n, line in enumerate(detail.receipt.lines)
                if line.line_id in detail.upsold_line_ids
            ]
            assert converted == want["upsell_converted_lines"], conv["id"]
    finally:
        vault.close()
