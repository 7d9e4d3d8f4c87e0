"""How an item's points read on its card: no "0/0", no "-15/0"."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from forsell.ui.review.items_panel import points_text


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
