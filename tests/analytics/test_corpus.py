"""The labelled corpus (``corpus/``): the scorer must keep the precision and recall measured
when it was written, so a change that makes it worse fails here."""

import pytest

from .corpus.evaluate import evaluate, load_cases

#: measured on the corpus at the time of writing (see the benchmark); floors leave a little room
FLOORS = {
    "greeting": (0.95, 0.95),
    "ask_needs": (0.95, 0.9),
    "loyalty_card": (0.95, 0.85),
    "farewell": (0.95, 0.95),
    "forbidden_words": (0.95, 0.85),
    "upsell_offer": (0.95, 0.9),
    "upsell_offer_detect": (0.95, 0.9),
    "upsell_conversion": (0.95, 0.95),
    "not_applicable": (0.95, 0.95),
}


@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_the_corpus_is_big_and_varied() -> None:
    cases = load_cases()
    assert len(cases) >= 60
    assert {c["language"] for c in cases} == {"ru", "kk", "mixed"}
    assert {c["store"] for c in cases} == {"cafe", "shop"}
    assert sum(not c["expected"]["scorable"] for c in cases) >= 3


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_precision_and_recall_floors(report, metric: str) -> None:
    counts = report.counts[metric]
    low_p, low_r = FLOORS[metric]
    assert counts.tp > 0
    assert counts.precision >= low_p and counts.recall >= low_r, (
        f"{metric}: P={counts.precision:.3f} R={counts.recall:.3f}\n" + "\n".join(report.misses)
    )


def test_scorable_is_always_right(report) -> None:
    assert report.scorable_right == report.cases
