"""The conversation list on real scored conversations: filters, search, roles, opening."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from forsell.ui.review.review_window import ReviewDialog

from .conftest import find
from .review_data import TEA, review_fixture  # noqa: F401 - the "review" fixture

Key = Qt.Key


def _dialog(qtbot, review, who) -> ReviewDialog:
    dialog = ReviewDialog(review.till, who, service=review.service)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    return dialog


def type_text(field, text: str) -> None:
    """Key events carrying Cyrillic text (QTest.keyClicks types Latin-1 only)."""
    field.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _ids(dialog: ReviewDialog) -> set[str]:
    return {row.recording_id for row in dialog.list.rows}


def _choose(qtbot, dialog, combo_name: str, value) -> None:
    combo = find(dialog, combo_name)
    with qtbot.waitSignal(dialog.list.loaded):
        combo.setCurrentIndex(combo.findData(value))


def test_a_supervisor_sees_every_conversation_and_filters_narrow_the_list(qtbot, review):
    dialog = _dialog(qtbot, review, review.supervisor)
    everything = {review.good.recording_id, review.poor.recording_id, review.silent.recording_id}
    assert _ids(dialog) == everything
    assert find(dialog, "page").text().endswith("3")
    _choose(qtbot, dialog, "cashier", review.second.id)
    assert _ids(dialog) == {review.poor.recording_id}
    _choose(qtbot, dialog, "cashier", None)
    _choose(qtbot, dialog, "upsell", "converted")
    assert _ids(dialog) == {review.good.recording_id}
    _choose(qtbot, dialog, "upsell", None)
    _choose(qtbot, dialog, "has transcript", False)
    assert _ids(dialog) == {review.silent.recording_id}
    _choose(qtbot, dialog, "has transcript", None)
    _choose(qtbot, dialog, "failed item", "greeting")
    assert _ids(dialog) == {review.poor.recording_id}
    _choose(qtbot, dialog, "failed item", None)
    with qtbot.waitSignal(dialog.list.loaded):
        find(dialog, "score from").setValue(50)
    assert _ids(dialog) == {review.good.recording_id}
    with qtbot.waitSignal(dialog.list.loaded):
        find(dialog, "score from").setValue(0)
    _choose(qtbot, dialog, "sort", "score_asc")
    assert [r.recording_id for r in dialog.list.rows][:2] == [
        review.poor.recording_id,
        review.good.recording_id,
    ]


def test_search_over_the_transcripts_updates_the_list(qtbot, review):
    dialog = _dialog(qtbot, review, review.supervisor)
    with qtbot.waitSignal(dialog.list.loaded, timeout=5000):
        type_text(find(dialog, "search"), "круассан")
    assert _ids(dialog) == {review.good.recording_id}
    field = find(dialog, "search")
    field.clear()
    with qtbot.waitSignal(dialog.list.loaded, timeout=5000):
        type_text(field, "ждите")
        qtbot.keyClick(field, Key.Key_Return)
    assert _ids(dialog) == {review.poor.recording_id}
    with qtbot.waitSignal(dialog.list.loaded, timeout=5000):
        type_text(field, " нечто")
        qtbot.keyClick(field, Key.Key_Return)
    assert _ids(dialog) == set()
    assert dialog.list.table.rowCount() == 0


def test_a_cashier_sees_only_their_own(qtbot, review):
    dialog = _dialog(qtbot, review, review.second)
    assert _ids(dialog) == {review.poor.recording_id}
    assert not dialog.list.filters.cashier.isVisible()
    table = dialog.list.table
    assert table.isColumnHidden(1)  # "Cashier": always their own name
    assert table.horizontalHeaderItem(1).text() == "Cashier"
    assert dialog.dashboard is None
    assert dialog.windowTitle() == "My conversations"
    supervisor = _dialog(qtbot, review, review.supervisor)
    assert not supervisor.list.table.isColumnHidden(1)


def test_enter_opens_the_selected_conversation_and_escape_goes_back(qtbot, review):
    dialog = _dialog(qtbot, review, review.supervisor)
    table = dialog.list.table
    row = [r.recording_id for r in dialog.list.rows].index(review.good.recording_id)
    table.setFocus()
    table.selectRow(row)
    with qtbot.waitSignal(dialog.conversation.loaded):
        qtbot.keyClick(table, Key.Key_Return)
    assert dialog.pages.currentWidget() is dialog.conversation
    assert "Данияр Ахметов" in find(dialog, "conversation title").text()
    qtbot.keyClick(dialog, Key.Key_Escape)
    assert dialog.pages.currentWidget() is dialog.list
    assert dialog.isVisible()


def _shift_choices(dialog) -> list[tuple[str, object]]:
    combo = find(dialog, "shift")
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_the_shift_filter_offers_past_shifts_for_every_role(qtbot, review):
    till = review.till
    closed = till.shifts.current()
    z = till.shifts.close(review.supervisor, {}).z_number
    till.shifts.open(review.first, 0)
    later = review.conversation(
        review.first, [TEA], [], transcribe=False, seed=3, ago=timedelta(seconds=5)
    )
    current = till.shifts.current()
    for who in (review.supervisor, review.second):
        dialog = _dialog(qtbot, review, who)
        opened = current.opened_at.strftime("%d.%m.%Y %H:%M")
        before = closed.opened_at.strftime("%d.%m.%Y %H:%M")
        assert _shift_choices(dialog) == [
            ("All shifts", None),
            (f"Current shift · since {opened} · {review.first.name}", current.id),
            (f"Z {z} · {before} · {review.supervisor.name}", closed.id),
        ]
        _choose(qtbot, dialog, "shift", closed.id)
        if who is review.supervisor:
            assert _ids(dialog) == {
                review.good.recording_id,
                review.poor.recording_id,
                review.silent.recording_id,
            }
            _choose(qtbot, dialog, "shift", current.id)
            assert _ids(dialog) == {later.recording_id}
        else:  # every shift is listed, but only the cashier's own conversations in it
            assert _ids(dialog) == {review.poor.recording_id}
            _choose(qtbot, dialog, "shift", current.id)
            assert _ids(dialog) == set()


# --- going through the list one conversation after another ------------------------------------


def _open(qtbot, dialog, recording_id: str) -> None:
    view = dialog.conversation
    with qtbot.waitSignal(view.loaded, timeout=10000):
        dialog.open_conversation(recording_id)


def _buttons(dialog) -> tuple[bool, bool]:
    return (
        find(dialog, "previous conversation").isEnabled(),
        find(dialog, "next conversation").isEnabled(),
    )


def test_page_down_and_up_walk_the_list_across_its_pages(qtbot, review, monkeypatch):
    from forsell.ui.review import list_screen, review_window

    monkeypatch.setattr(list_screen, "PAGE", 2)  # three conversations: two pages
    monkeypatch.setattr(review_window, "PAGE", 2)
    dialog = _dialog(qtbot, review, review.supervisor)
    order = [row.recording_id for row in dialog.list.rows]  # newest first, page 1
    assert len(order) == 2
    view = dialog.conversation
    _open(qtbot, dialog, order[0])
    assert _buttons(dialog) == (False, True)
    view.transcript.setFocus()  # the keys work wherever focus is in the conversation
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.keyClick(view.transcript, Key.Key_PageDown)
    assert view.recording_id == order[1] and _buttons(dialog) == (True, True)
    with qtbot.waitSignal(view.loaded, timeout=10000):  # the third is on the next page
        qtbot.mouseClick(find(dialog, "next conversation"), Qt.MouseButton.LeftButton)
    assert dialog.list.offset == 2 and _buttons(dialog) == (True, False)
    third = view.recording_id
    assert third not in order and third in {
        review.good.recording_id,
        review.poor.recording_id,
        review.silent.recording_id,
    }
    qtbot.keyClick(view.transcript, Key.Key_PageDown)  # the last one: nothing happens
    assert view.recording_id == third
    with qtbot.waitSignal(view.loaded, timeout=10000):  # and back over the page boundary
        qtbot.keyClick(view.transcript, Key.Key_PageUp)
    assert view.recording_id == order[1] and dialog.list.offset == 0
    qtbot.keyClick(dialog, Key.Key_Escape)  # back to the list, on the row just seen
    assert dialog.list.table.currentRow() == 1


def test_next_after_marking_reviewed_under_not_reviewed_does_not_skip_one(qtbot, review):
    dialog = _dialog(qtbot, review, review.supervisor)
    _choose(qtbot, dialog, "reviewed", False)
    order = [row.recording_id for row in dialog.list.rows]
    assert len(order) == 3
    view = dialog.conversation
    _open(qtbot, dialog, order[0])
    with qtbot.waitSignal(dialog.list.loaded):  # it leaves the "not reviewed" list
        qtbot.mouseClick(find(dialog, "reviewed"), Qt.MouseButton.LeftButton)
    assert order[0] not in _ids(dialog) and _buttons(dialog) == (False, True)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.keyClick(view, Key.Key_PageDown)
    assert view.recording_id == order[1]  # the next one, not the one after it
    with qtbot.waitSignal(dialog.list.loaded):
        qtbot.mouseClick(find(dialog, "reviewed"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.keyClick(view, Key.Key_PageDown)
    assert view.recording_id == order[2] and _buttons(dialog) == (False, False)


def test_ctrl_enter_marks_reviewed_and_opens_the_next(qtbot, review):
    dialog = _dialog(qtbot, review, review.supervisor)
    _choose(qtbot, dialog, "reviewed", False)
    order = [row.recording_id for row in dialog.list.rows]
    view = dialog.conversation
    _open(qtbot, dialog, order[0])
    for i in (1, 2):
        qtbot.keyClick(view, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        # (view.loaded fires at once too: the reviewed one is shown again with its mark)
        qtbot.waitUntil(
            lambda i=i: view.detail is not None and view.detail.row.recording_id == order[i],
            timeout=10000,
        )
        assert review.service.detail(review.supervisor, order[i - 1]).row.reviewed
    with qtbot.waitSignal(dialog.list.loaded):  # the last: reviewed, and it stays open
        qtbot.keyClick(view, Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert view.recording_id == order[2] and find(dialog, "reviewed").isChecked()
    assert review.service.detail(review.supervisor, order[2]).row.reviewed
    assert _ids(dialog) == set()  # nothing left to review


def test_search_typed_without_kazakh_letters_finds_a_kazakh_transcript(qtbot, review):
    """Typing "муздай" on a Russian layout finds the conversation where "Мұздай латте" was said,
    and the Kazakh spelling finds it too."""
    iced = review.conversation(
        review.first, [TEA], [("speaker_0", 0.5, "Мұздай латте алайық па")], seed=3
    )
    review.service.score_pending()
    dialog = _dialog(qtbot, review, review.supervisor)
    field = find(dialog, "search")
    for typed in ("муздай", "МҰЗДАЙ"):
        field.clear()
        with qtbot.waitSignal(dialog.list.loaded, timeout=5000):
            type_text(field, typed)
            qtbot.keyClick(field, Key.Key_Return)
        assert _ids(dialog) == {iced.recording_id}, typed
