"""The first labelled corpus (``corpus/``), kept as a regression set: the scorer must keep the
precision and recall measured on it, so a change that makes it worse fails here.

Its phrases and its conversations were written by the same hands, so its figures flatter; the
accuracy that counts is the blind corpus's test split (``blind/``, ``test_blind_corpus.py``).
Re-measured when the scorer moved to lemmas and dialogue acts: forbidden recall is low here
because this corpus counts «девушка»/«нету» as forbidden, which the labelling guide does not."""

import pytest

from .corpus.evaluate import evaluate, load_cases

#: measured on the corpus at the time of writing (see the benchmark); floors leave a little room
FLOORS = {
    "greeting": (0.95, 0.95),
    "ask_needs": (0.85, 0.95),
    "loyalty_card": (0.95, 0.85),
    "farewell": (0.95, 0.95),
    "forbidden_words": (0.95, 0.45),
    "upsell_offer": (0.9, 0.9),
    "upsell_offer_detect": (0.75, 0.8),
    "upsell_conversion": (0.95, 0.88),
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


def test_scorable_is_right(report) -> None:
    # The misses are conversations of three or four lines whose voices the scorer marks
    # "speakers uncertain" rather than guess (measured: 75 of 80 right).
    assert report.scorable_right >= report.cases - 5, "\n".join(report.misses)
