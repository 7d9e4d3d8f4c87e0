"""The admin's scorecard editor in the review window: edit and save, refused invalid drafts,
read-only for supervisors, presets, and the dry run on saved conversations — checked against the
service, the database and an independent scoring in the test."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QApplication

from forsell.analytics import Scorer, formats
from forsell.domain.numbers import format_percent
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME
from forsell.services.review.service import analytics_transcript, sale_receipt, store_catalog
from forsell.store.models import Recording
from forsell.ui.backoffice_kit import RED
from forsell.ui.i18n import Languages
from forsell.ui.review.review_window import ReviewDialog
from forsell.ui.review.scorecard_editor import ScorecardEditor

from .conftest import employee, find
from .review_data import review_fixture  # noqa: F401 - the "review" fixture
from .test_review_list import type_text

Left = Qt.MouseButton.LeftButton


def _dialog(qtbot, review, who) -> ReviewDialog:
    dialog = ReviewDialog(review.till, who, service=review.service)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    if dialog.scorecard is not None:
        dialog.tabs.setCurrentWidget(dialog.scorecard)
    return dialog


def _admin(review):
    return employee(review.till, Role.ADMIN)


def _row_of(editor: ScorecardEditor, item_id: str) -> int:
    return next(i for i, item in enumerate(editor.doc["items"]) if item["id"] == item_id)


def _select(qtbot, editor: ScorecardEditor, item_id: str) -> None:
    row = _row_of(editor, item_id)
    rect = editor.table.visualRect(editor.table.model().index(row, 0))
    qtbot.mouseClick(editor.table.viewport(), Left, pos=rect.center())
    assert editor.form.item_id.text() == item_id


def _choose(qtbot, combo, data) -> None:
    """Picks an entry with the keyboard, as a person would (``activated`` fires)."""
    combo.setFocus()
    while combo.currentData() != data:
        key = Qt.Key.Key_Down if combo.findData(data) > combo.currentIndex() else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def _setting(review, key: str):
    with sqlite3.connect(review.till.ctx.data_dir / DB_NAME) as db:
        row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None  # settings are stored as JSON


def test_an_admin_adds_a_phrase_and_saves_it(qtbot, review):
    dialog = _dialog(qtbot, review, _admin(review))
    editor = dialog.scorecard
    assert find(dialog, "save scorecard").isEnabled() is False  # nothing changed yet
    _select(qtbot, editor, "greeting")
    box = find(dialog, "item phrases ru")
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(box, "салам алейкум")
    assert "салам алейкум" in editor.json.toPlainText()  # the JSON follows the form
    assert editor.preset.currentData() == "custom"  # no longer the café preset as shipped
    assert not editor.problems
    qtbot.mouseClick(find(dialog, "save scorecard"), Left)
    assert "салам алейкум" in review.service.scorecard().item("greeting").phrases["ru"]
    assert review.service.scorecard_choice() == "custom"
    assert not find(dialog, "save scorecard").isEnabled()
    assert not editor.feedback.is_error


def test_invalid_edits_show_each_problem_and_are_not_saved(qtbot, review):
    dialog = _dialog(qtbot, review, _admin(review))
    editor = dialog.scorecard
    _select(qtbot, editor, "loyalty_card")
    points = find(dialog, "item points")
    points.setFocus()
    points.selectAll()
    qtbot.keyClicks(points, "0")
    assert points.value() == 0
    item_id = find(dialog, "item id")
    item_id.selectAll()
    qtbot.keyClicks(item_id, "greeting")
    assert [i["id"] for i in editor.doc["items"]].count("greeting") == 2
    bad = [p for p in editor.problems if p.item == editor.table.currentRow()]
    assert {p.field for p in bad} == {"weight", "id"}, [p.original for p in editor.problems]
    assert any("greeting" in p.message for p in bad)  # "… already the ID of another item"
    assert find(dialog, "item problems").isVisible()
    assert find(dialog, "scorecard problems").count() == 2
    assert RED in points.styleSheet() and RED in item_id.styleSheet()  # the fields are marked
    assert not find(dialog, "save scorecard").isEnabled()
    assert editor.feedback.is_error
    editor.save()  # even if called, the service refuses and nothing is stored
    assert _setting(review, "review.scorecard_custom") in (None, "")
    assert review.service.scorecard_choice() == "cafe"
    assert editor.doc["items"][editor.table.currentRow()]["id"] == "greeting"  # draft kept

    # A broken JSON keeps the text as typed, turns the forms off and says where it broke.
    editor.tabs.setCurrentWidget(editor.json)
    editor.json.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.json, ",,")
    assert editor.json.toPlainText().endswith("},,")
    assert editor.json_broken and not editor.tabs.isTabEnabled(0)
    assert [p.item for p in editor.problems] == [None]
    assert "JSON" in editor.problems[0].message
    for _ in range(2):
        qtbot.keyClick(editor.json, Qt.Key.Key_Backspace)
    assert not editor.json_broken and editor.tabs.isTabEnabled(0)
    assert len(editor.problems) == 2  # back to the two problems of the draft


@pytest.mark.parametrize(
    ("language", "place", "message"),
    [
        (
            "ru",
            "Пункт {n} «Вопрос о бонусной карте», баллы",
            "обязательному пункту нужно больше 0 баллов",
        ),
        (
            "kk",
            "{n}-тармақ «Бонус картасы туралы сұрақ», ұпай",
            "міндетті тармаққа 0-ден көп ұпай керек",
        ),
    ],
)
def test_problems_are_shown_in_the_admins_language(qtbot, review, language, place, message):
    languages = Languages()
    languages.switch(language)
    try:
        dialog = _dialog(qtbot, review, dataclasses.replace(_admin(review), language=language))
        editor = dialog.scorecard
        _select(qtbot, editor, "loyalty_card")
        points = find(dialog, "item points")
        points.setFocus()
        points.selectAll()
        qtbot.keyClicks(points, "0")
        row = _row_of(editor, "loyalty_card")
        (problem,) = editor.problems
        assert (problem.item, problem.field, problem.original.code) == (
            row,
            "weight",
            "scorecard.required_weight",
        )
        shown = find(dialog, "scorecard problems").item(0).text()
        assert shown == f"⚠ {place.format(n=row + 1)}: {message}"
        assert find(dialog, "item problems").text() == shown
    finally:
        languages.uninstall()


def test_a_supervisor_sees_the_card_read_only_and_a_cashier_not_at_all(qtbot, review):
    dialog = _dialog(qtbot, review, review.supervisor)
    editor = dialog.scorecard
    assert dialog.tabs.indexOf(editor) >= 0
    assert editor.table.rowCount() == len(review.service.scorecard().items)
    _select(qtbot, editor, "greeting")
    assert find(dialog, "item phrases ru").isReadOnly()
    assert editor.json.isReadOnly()
    assert not find(dialog, "item kind").isEnabled()
    assert not editor.preset.isEnabled()
    assert not editor.save_button.isVisible() and not editor.add_button.isVisible()
    assert not editor.preview_button.isVisible()
    cashier = _dialog(qtbot, review, review.first)
    assert cashier.scorecard is None and cashier.tabs.count() == 1


def test_switching_to_the_shop_preset_and_back(qtbot, review):
    dialog = _dialog(qtbot, review, _admin(review))
    editor = dialog.scorecard
    shop = formats.parse_scorecard(json.loads(review.service.preset_text("shop")))
    _choose(qtbot, editor.preset, "shop")
    assert editor.table.rowCount() == len(shop.items)
    assert editor.name.text() == shop.name
    assert json.loads(editor.json.toPlainText()) == json.loads(review.service.preset_text("shop"))
    qtbot.mouseClick(find(dialog, "save scorecard"), Left)
    assert review.service.scorecard_choice() == "shop"
    assert review.service.scorecard().name == shop.name
    assert _setting(review, "review.scorecard") == "shop"
    _choose(qtbot, editor.preset, "cafe")
    qtbot.mouseClick(find(dialog, "save scorecard"), Left)
    assert review.service.scorecard_choice() == "cafe"


def _recompute(review, card_text: str) -> list[float | None]:
    """Scores every transcribed demo conversation with ``card_text``, here in the test."""
    till = review.till
    with till.ctx.db.read() as session:
        scorer = Scorer(formats.parse_scorecard(json.loads(card_text)), store_catalog(session))
    out = []
    for conv in (review.good, review.poor):
        with till.ctx.db.read() as session:
            rec = session.get(Recording, conv.recording_id)
            categories = {p.sku: p.category for p in scorer.catalog.products}
            receipt, _ = sale_receipt(session, rec.sale_id, rec.started_at, categories)
        transcript = analytics_transcript(review.transcripts.load(conv.recording_id))
        result = scorer.score(transcript, receipt, catalog=formats.receipt_catalog(receipt))
        out.append(result.score if result.scorable else None)
    return out


def test_trying_a_draft_on_saved_conversations_matches_a_recomputation(qtbot, review):
    dialog = _dialog(qtbot, review, _admin(review))
    editor = dialog.scorecard
    _select(qtbot, editor, "greeting")
    points = find(dialog, "item points")
    points.setFocus()
    points.selectAll()
    qtbot.keyClicks(points, "60")
    assert editor.doc["items"][_row_of(editor, "greeting")]["weight"] == 60
    with qtbot.waitSignal(editor.previewed, timeout=20000) as signal:
        qtbot.mouseClick(find(dialog, "try scorecard"), Left)
    preview = signal.args[0]
    before = _recompute(review, review.service.preset_text("cafe"))
    after = _recompute(review, editor.json.toPlainText())
    with sqlite3.connect(review.till.ctx.data_dir / DB_NAME) as db:  # what score_pending stored
        stored = sorted(
            r[0]
            for r in db.execute("SELECT scored_percent FROM conversation_scores WHERE scorable = 1")
        )
    assert sorted(b for b in before if b is not None) == stored
    assert preview.conversations == 2  # the third demo conversation has no transcript
    assert preview.changed == sum(1 for b, a in zip(before, after, strict=True) if b != a) >= 1
    assert preview.average_before == round(sum(stored) / len(stored), 1)
    scored_after = [a for a in after if a is not None]
    assert preview.average_after == round(sum(scored_after) / len(scored_after), 1)
    text = find(dialog, "preview result").text()
    assert format_percent(preview.average_before, 1) in text
    assert format_percent(preview.average_after, 1) in text
    assert review.service.scorecard_choice() == "cafe"  # nothing saved


def test_screenshots_in_english_and_russian(qtbot, review, tmp_path):
    folder = Path(os.environ.get("FORSELL_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    admin = _admin(review)
    for language in ("en", "ru"):
        languages = Languages()
        languages.switch(language)
        try:
            dialog = _dialog(qtbot, review, dataclasses.replace(admin, language=language))
            editor = dialog.scorecard
            _select(qtbot, editor, "loyalty_card")
            points = find(dialog, "item points")
            points.setFocus()
            points.selectAll()
            qtbot.keyClicks(points, "0")  # one problem on screen, as an admin would meet it
            QApplication.processEvents()  # the posted relayout for the problem list, not a wait
            path = folder / f"scorecard_{language}.png"
            assert dialog.grab().save(str(path))
            image = QImage(str(path))
            assert (
                len(
                    {
                        image.pixel(x, y)
                        for x in range(0, image.width(), 7)
                        for y in range(0, image.height(), 7)
                    }
                )
                >= 40
            )
            dialog.close()
        finally:
            languages.uninstall()


def test_a_card_from_the_backend_says_so_until_the_admin_saves_their_own(qtbot, review):
    from forsell.services.pulls import PullApplier

    card = json.loads(review.service.preset_text("shop"))
    result = PullApplier(review.till.ctx).apply(
        "scorecards", [{"id": "hq-shop", "version": 7, "scorecard": card}], None
    )
    assert result.applied == 1
    dialog = _dialog(qtbot, review, _admin(review))
    editor = dialog.scorecard
    note = find(dialog, "scorecard from backend")
    assert "7" in note.text()
    assert editor.name.text() == card["name"]
    _select(qtbot, editor, editor.doc["items"][0]["id"])
    points = find(dialog, "item points")
    points.setFocus()
    points.selectAll()
    qtbot.keyClicks(points, "33")
    qtbot.mouseClick(find(dialog, "save scorecard"), Left)
    assert not editor.backend_note.isVisible()  # the admin's own card now, until the next pull
