"""The scorecard editor's service side: validation without saving, presets, and the dry run of
a draft on the demo conversations (saving nothing)."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from forsell.domain.errors import CashierError
from forsell.services.app import DB_NAME
from forsell.services.demo_conversations import seed_demo_conversations
from forsell.services.recordings import KEY_FILE
from forsell.services.review.service import ReviewService, ScorecardProblem
from forsell.vault.keys import KeyVault

from .conftest import audit_rows


@pytest.fixture
def review(till):
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    assert seed_demo_conversations(till, vault) == 7
    yield ReviewService(till, vault)
    vault.close()


def _stored_scores(till) -> list[float]:
    with sqlite3.connect(till.ctx.data_dir / DB_NAME) as db:
        return [
            r[0]
            for r in db.execute("SELECT scored_percent FROM conversation_scores WHERE scorable = 1")
        ]


def test_check_lists_what_save_would_refuse_with_places(review, staff):
    card = json.loads(review.scorecard_text())
    card["items"][1]["id"] = card["items"][0]["id"]
    card["items"][2]["weight"] = 0
    text = json.dumps(card, ensure_ascii=False)
    problems = review.check_scorecard(text)
    assert {(p.place, p.code) for p in problems} == {
        (("items", 1, "id"), "scorecard.id_twice"),
        (("items", 2, "weight"), "scorecard.required_weight"),
    }
    assert any(str(p).startswith("items[1].id:") for p in problems)  # the English fallback
    with pytest.raises(ScorecardProblem) as refused:
        review.save_scorecard(staff.admin, text)
    assert refused.value.problems == problems
    (broken,) = review.check_scorecard("{oops")
    assert broken.code == "format.not_json" and broken.params["line"] == 1
    assert str(broken).startswith("not valid JSON at line 1")
    assert review.check_scorecard(review.scorecard_text()) == ()


def test_presets_are_chosen_by_an_admin_only(review, staff, till):
    assert review.scorecard_choice() == "cafe"
    with pytest.raises(CashierError):
        review.use_scorecard_preset(staff.supervisor, "shop")
    with pytest.raises(CashierError):
        review.use_scorecard_preset(staff.admin, "../cafe")
    review.use_scorecard_preset(staff.admin, "shop")
    assert review.scorecard_choice() == "shop"
    assert review.scorecard().name == json.loads(review.preset_text("shop"))["name"]
    assert json.loads(review.scorecard_text()) == json.loads(review.preset_text("shop"))
    assert audit_rows(till, "scorecard_saved")[-1].employee_id == staff.admin.id


def test_the_current_card_as_a_draft_changes_nothing(review, staff, till):
    preview = review.preview_scorecard(staff.supervisor, review.scorecard_text(), limit=50)
    stored = _stored_scores(till)
    assert preview.conversations == 7 and preview.changed == 0
    assert preview.scorable_before == preview.scorable_after == len(stored)
    assert preview.average_before == preview.average_after == round(sum(stored) / len(stored), 1)
    assert (
        review.preview_scorecard(staff.supervisor, review.scorecard_text(), limit=3).conversations
        == 3
    )
    assert audit_rows(till, "scorecard_previewed")[0].employee_id == staff.supervisor.id


def test_a_draft_is_tried_but_not_saved_and_bad_ones_are_refused(review, staff, till):
    before = sorted(_stored_scores(till))
    card = json.loads(review.scorecard_text())
    # Greeting becomes the only required item (the others bonuses): the scores move.
    for item in card["items"]:
        if item["id"] != "greeting" and item["kind"] == "required":
            item["kind"] = "bonus"
    preview = review.preview_scorecard(staff.admin, json.dumps(card, ensure_ascii=False))
    assert preview.changed >= 1
    assert preview.average_after is not None and preview.average_after != preview.average_before
    assert review.scorecard_choice() == "cafe" and review.scorecard().name == card["name"]
    assert sorted(_stored_scores(till)) == before  # the stored scores are untouched
    with pytest.raises(ScorecardProblem):
        review.preview_scorecard(staff.admin, json.dumps({"items": []}))
    with pytest.raises(CashierError):
        review.preview_scorecard(staff.cashier, review.scorecard_text())
