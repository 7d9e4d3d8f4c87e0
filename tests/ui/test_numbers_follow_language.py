"""The screens write numbers in the language they speak: switching to English turns
"1 233,33 ₸" and "95 %" into "1,233.33 ₸" and "95%", and switching back restores them."""

from __future__ import annotations

from forsell.domain.money import format_kzt
from forsell.domain.numbers import NBSP
from forsell.services.till import CartLineView
from forsell.ui.cart_panel import qty_text
from forsell.ui.i18n import Languages
from forsell.ui.review.dashboard import percent, score_text


def _weighed(qty_milli: int) -> CartLineView:
    fields = dict.fromkeys(CartLineView.__dataclass_fields__)
    return CartLineView(**{**fields, "qty_milli": qty_milli, "weighted": True})


def test_money_percentages_and_weights_follow_the_screens_language(qapp) -> None:
    languages = Languages()
    try:
        languages.switch("en")
        assert format_kzt(123333) == f"1,233.33{NBSP}₸"
        assert score_text(95.0) == "95%"
        assert percent(0.5) == "50%"
        assert qty_text(_weighed(500)) == f"0.5{NBSP}kg"
        languages.switch("kk")
        assert format_kzt(123333) == f"1{NBSP}233,33{NBSP}₸"
        assert score_text(95.0) == f"95{NBSP}%"  # not "95.0 %" beside the money
        assert qty_text(_weighed(500)) == f"0,5{NBSP}кг"
    finally:
        languages.uninstall()
    assert format_kzt(123333) == f"1{NBSP}233,33{NBSP}₸"  # the language before the switch
