"""The blind corpus (``blind/``): conversations written and labelled from the labelling guide by
writers who never saw the scoring code, split once into dev (tuned on) and test (reported only).

These floors are the figures measured when the scorer last changed, a little below, so that a
change that makes scoring worse on either split fails here. They are not the goals (docs/
labelling.md lists those and the latest figures)."""

import json

import pytest

from .blind.evaluate import RAW, SPLIT, evaluate, load_raw

#: (split, speakers) → item → (precision floor, recall floor)
FLOORS = {
    mode: {
        "greeting": (0.98, 0.98),
        "ask_needs": (0.97, 0.94),
        "upsell_offer": (0.97, 0.93),
        "loyalty_card": (0.98, 0.98),
        "farewell": (0.97, 0.97),
        "forbidden_words": (0.96, 0.97),
        "upsell_converted_lines": (0.95, 0.93),
    }
    for mode in ("labelled", "unlabelled")
}

#: Dev is tuned on, so it stands higher: a change that loses what tuning won fails here (the
#: floors above still hold the test split). Converted-upsell recall stands lower than the rest
#: because dev took in w21-w22 and w25-w26, which had been held out (0.95 when they joined;
#: 0.97 after the rules that read their misses by form).
DEV_FLOORS = {
    mode: {
        "greeting": (0.99, 0.99),
        "ask_needs": (0.99, 0.98),
        "upsell_offer": (0.99, 0.975),
        "loyalty_card": (0.99, 0.99),
        "farewell": (0.99, 0.99),
        "forbidden_words": (0.99, 0.98),
        "upsell_converted_lines": (0.99, 0.965),
    }
    for mode in ("labelled", "unlabelled")
}


def test_the_corpus_is_big_varied_and_split_once() -> None:
    convs = [c for c, _ in load_raw()]
    assert len(convs) >= 300 and len({c["id"] for c in convs}) == len(convs)
    assert {c["language"] for c in convs} == {"ru", "kk", "mixed"}
    assert {c["kind"] for c in convs} == {
        "cafe", "fast_food", "bakery", "grocery", "pharmacy", "canteen"
    }  # fmt: skip
    lower = sum(c["style"] in ("asr", "misheard", "translit") for c in convs)
    assert lower >= len(convs) / 3
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    assert set(split) == {c["id"] for c in convs}, "run make_split after adding conversations"
    assert min(sum(v == s for v in split.values()) for s in ("dev", "test")) >= 140
    assert len(list(RAW.glob("*.json"))) >= 6


@pytest.fixture(scope="module", params=["dev", "test"])
def reports(request):
    return {mode: evaluate(request.param, mode) for mode in ("labelled", "unlabelled")}


@pytest.mark.parametrize("mode", sorted(FLOORS))
def test_floors(reports, mode: str) -> None:
    report = reports[mode]
    floors = DEV_FLOORS if report.split == "dev" else FLOORS
    for item, (low_p, low_r) in floors[mode].items():
        c = report.counts[item]
        assert c.tp > 0
        assert c.precision >= low_p and c.recall >= low_r, (
            f"{report.split} {mode} {item}: P={c.precision:.3f} R={c.recall:.3f}"
        )


def test_roles_are_guessed_right_or_marked_uncertain(reports) -> None:
    r = reports["unlabelled"]
    assert r.roles_wrong <= 2
    assert r.unscored.get("speakers_uncertain", 0) <= r.conversations * 0.05
