"""The review window fits a 1366×768 till screen in every UI language (and the pseudo-localisation
that stretches every string), and screenshots of it in Russian and Kazakh for a person to look at.

The pictures go to ``$FORSELL_SCREENSHOT_DIR`` (e.g. /tmp/shots) or else to tmp_path.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from forsell.ui.i18n import Languages
from forsell.ui.review.player import ClockOutput
from forsell.ui.review.review_window import ReviewDialog

from .review_data import review_fixture  # noqa: F401 - the "review" fixture

SCREEN = (1366, 768)


@pytest.fixture
def language(request, monkeypatch):
    code = request.param
    if code == "pseudo":
        monkeypatch.setenv("FORSELL_PSEUDO_L10N", "1")
    languages = Languages()
    languages.switch("en" if code == "pseudo" else code)
    yield "en" if code == "pseudo" else code
    languages.uninstall()


def _open(qtbot, review, language: str) -> ReviewDialog:
    who = dataclasses.replace(review.supervisor, language=language)
    dialog = ReviewDialog(review.till, who, service=review.service, output_factory=ClockOutput)
    qtbot.addWidget(dialog)
    dialog.resize(*SCREEN)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    return dialog


def _fits(widget) -> tuple[int, int]:
    QApplication.processEvents()  # posted relayouts after a page change, not a wait
    hint = widget.minimumSizeHint()
    return hint.width(), hint.height()


@pytest.mark.parametrize("language", ["en", "ru", "kk", "pseudo"], indirect=True)
def test_every_review_tab_fits_the_till_screen(qtbot, review, language):
    dialog = _open(qtbot, review, language)
    view = dialog.conversation
    pages = {"list": dialog.list, "dashboard": dialog.dashboard, "scorecard": dialog.scorecard}
    assert all(pages.values())
    for name, page in pages.items():
        width, height = _fits(page)
        assert width <= SCREEN[0] and height <= SCREEN[1], (name, width, height)
    with qtbot.waitSignals([view.loaded, view.audio_ready], timeout=10000):
        dialog.open_conversation(review.good.recording_id)
    width, height = _fits(view)
    assert width <= SCREEN[0] and height <= SCREEN[1], ("conversation", width, height)
    for tab in (dialog.pages, dialog.dashboard, dialog.scorecard):
        dialog.tabs.setCurrentWidget(tab)
        width, height = _fits(dialog)  # the window itself, with its tabs and margins
        assert width <= SCREEN[0] and height <= SCREEN[1], (tab, width, height)
    assert (dialog.width(), dialog.height()) == SCREEN  # nothing forced the window wider


@pytest.mark.parametrize("language", ["kk"], indirect=True)
def test_a_squeezed_filter_still_shows_its_chosen_text_whole(qtbot, review, language):
    dialog = _open(qtbot, review, language)
    filters = dialog.list.filters
    header = dialog.list.table.horizontalHeaderItem(7)
    assert header.toolTip() == header.text() != ""
    dialog.resize(filters.minimumSizeHint().width() + 40, SCREEN[1])  # as narrow as it goes
    QApplication.processEvents()
    combos = (
        filters.period,
        filters.upsell,
        filters.failed_item,
        filters.transcript,
        filters.shift,
    )
    # Longer choices may be narrower in the closed box, but never the one the supervisor chose.
    assert not [c.currentText() for c in combos if c.elided()]
    assert any(c.width() < c._longest_text() for c in combos), "nothing was squeezed"
    dialog.resize(*SCREEN)
    QApplication.processEvents()
    assert not filters.period.elided() and filters.period.toolTip() == ""


@pytest.mark.parametrize("language", ["ru", "kk"], indirect=True)
def test_long_dashboard_headers_wrap_instead_of_widening_their_columns(qtbot, review, language):
    dialog = _open(qtbot, review, language)
    page = dialog.dashboard
    qtbot.waitUntil(lambda: page.view is not None)
    for table in (page.table, page.leaderboard):
        _check_headers(table)
    assert _check_headers(page.table) >= 2  # "Жазбасы бар сатылымдар" and others did wrap


def _check_headers(table) -> int:
    from PySide6.QtCore import QRect, Qt

    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    wrapped = 0
    stretched = {
        c
        for c in range(table.columnCount())
        if header.sectionResizeMode(c) == header.ResizeMode.Stretch
    }
    for column in range(table.columnCount()):
        if column in stretched:
            continue
        title = table.horizontalHeaderItem(column).text()
        width = table.columnWidth(column)
        assert table.horizontalHeaderItem(column).toolTip() == title
        longest_word = max(metrics.horizontalAdvance(w) for w in title.split())
        assert width <= max(table.sizeHintForColumn(column), 120, longest_word + 24), (title, width)
        assert longest_word <= width - 24, (title, width)  # no word is cut
        needed = metrics.boundingRect(
            QRect(0, 0, width - 24, 10_000), int(Qt.TextFlag.TextWordWrap), title
        ).height()
        assert needed <= header.height(), (title, needed, header.height())  # not cut off
        wrapped += needed > metrics.height()
    return wrapped


def _save(dialog: ReviewDialog, folder: Path, name: str) -> None:
    path = folder / f"review_{name}.png"
    assert dialog.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == SCREEN
    assert (
        len({image.pixel(x, y) for x in range(0, SCREEN[0], 7) for y in range(0, SCREEN[1], 7)})
        >= 40
    )  # a real picture, not a blank one


@pytest.mark.parametrize("language", ["ru", "kk"], indirect=True)
def test_screenshots_in_russian_and_kazakh(qtbot, review, language, tmp_path):
    folder = Path(os.environ.get("FORSELL_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    dialog = _open(qtbot, review, language)
    _save(dialog, folder, f"{language}_list")
    view = dialog.conversation
    with qtbot.waitSignals([view.loaded, view.audio_ready], timeout=10000):
        dialog.open_conversation(review.good.recording_id)
    view.player.seek(5.3)
    _save(dialog, folder, f"{language}_conversation")
    dialog.tabs.setCurrentWidget(dialog.dashboard)
    qtbot.waitUntil(lambda: dialog.dashboard.view is not None)
    _save(dialog, folder, f"{language}_dashboard")
