"""Scoring benchmark: precision and recall over the labelled corpus, and throughput.

    .venv/bin/python tests/bench/bench_scoring.py [--conversations 3000]

One JSON object per metric per line on stdout, like the other benches:
``{"metric": ..., "value": ..., "unit": ..., "goal": ..., "detail": {...}}``.
Precision/recall per checklist item count "the phrase was found" (a pass for what should be
said, a fail for a forbidden phrase) against the corpus labels; upsell offers are matched to the
labelled offers by utterance and product/category, conversions by the same pairing. Throughput
scores the corpus conversations over and over with the café/shop presets and the 200-product demo
catalog, in one process (the scorer is CPU-bound pure Python).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "tests" / "bench"))
from metric_line import emit as emit_line
from tests.analytics.corpus.evaluate import evaluate, load_cases, scorers

from forsell.analytics import formats

DATASET: dict = {}  # set in main: the corpus size (and the conversations scored for speed)


def emit(metric: str, value, unit: str, goal, **detail) -> None:
    emit_line(metric, value, unit, goal, dataset=DATASET, **detail)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument(
        "--conversations",
        type=int,
        default=3000,
        help="conversations scored for the throughput figure",
    )
    args = p.parse_args(argv)
    cases = load_cases()
    DATASET.update(labelled_conversations=len(cases))
    report = evaluate(cases)
    corpus = f"{len(cases)} labelled conversations (ru/kk/mixed, café and shop)"
    for name, c in sorted(report.counts.items()):
        if name == "extra_revenue_exact":
            emit(
                "scoring_upsell_revenue_exact",
                round(c.recall, 3),
                "ratio",
                None,
                right=c.tp,
                wrong=c.fn,
                corpus=corpus,
            )
            continue
        for kind, value in (("precision", c.precision), ("recall", c.recall)):
            emit(
                f"scoring_{kind}_{name}",
                round(value, 3),
                "ratio",
                0.85,
                tp=c.tp,
                fp=c.fp,
                fn=c.fn,
                corpus=corpus,
            )
    emit(
        "scoring_scorable_accuracy",
        round(report.scorable_right / report.cases, 3),
        "ratio",
        1.0,
        corpus=corpus,
    )

    by_store = scorers()
    prepared = [
        (
            by_store[c["store"]],
            formats.parse_transcript(c["transcript"]),
            formats.parse_receipt(c["receipt"]),
        )
        for c in cases
    ]
    utterances = sum(len(t.utterances) for _, t, _ in prepared) / len(prepared)
    DATASET.update(scored_conversations=args.conversations)
    started = time.perf_counter()
    for i in range(args.conversations):
        scorer, transcript, receipt = prepared[i % len(prepared)]
        scorer.score(transcript, receipt)
    elapsed = time.perf_counter() - started
    emit(
        "scoring_throughput",
        round(args.conversations / elapsed, 1),
        "conversations/s",
        None,
        conversations=args.conversations,
        seconds=round(elapsed, 2),
        mean_utterances=round(utterances, 1),
        catalog_products=len(by_store["cafe"].catalog.products),
        machine=f"{os.cpu_count()} cpu, python {platform.python_version()}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
