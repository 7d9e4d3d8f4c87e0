"""How scores read: no "0/0" or "-15/0" on an item card, no empty status in the list."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from forsell.services.review.views import ConversationRow
from forsell.ui.review.items_panel import points_text
from forsell.ui.review.list_screen import ListScreen


@pytest.mark.parametrize(
    ("points", "max_points", "shown"),
    [
        (8, 10, "8/10"),
        (0, 10, "0/10"),  # could earn, earned nothing: worth saying
        (2.5, 5, "2.5/5"),
        (-15, 0, "-15"),  # a penalty: what it took, not "-15/0"
        (0, 0, ""),  # not applicable, nothing to earn: no "0/0"
    ],
)
def test_points_read_as_earned_of_possible_or_as_a_penalty(
    points: float, max_points: float, shown: str
) -> None:
    assert points_text(points, max_points) == shown


def _row(**changes: object) -> ConversationRow:
    base = ConversationRow(
        "rid",
        datetime(2026, 12, 5, 10, 0, tzinfo=UTC),
        60.0,
        "emp",
        "Данияр",
        7,
        120_000,
        None,
        (),
        0,
        0,
        0,
        False,
        False,
        True,
        False,
        "scored",
    )
    return replace(base, **changes)


def _status(row: ConversationRow) -> str:
    screen = SimpleNamespace(tr=lambda text: text)  # the source texts, no translator needed
    return ListScreen._cells(screen, row)[-1][0]


def test_a_transcript_without_a_score_says_not_scored_yet() -> None:
    assert _status(_row(score=None)) == "not scored yet"
    assert _status(_row(score=83.0)) == ""
    assert _status(_row(score=None, has_transcript=False, status="transcribing")) == (
        "no transcript"
    )
