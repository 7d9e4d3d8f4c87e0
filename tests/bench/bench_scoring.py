"""Scoring benchmark: accuracy on the blind corpus's test split, and speed at a real catalog.

    .venv/bin/python tests/bench/bench_scoring.py [--products 100000] [--conversations 2000]

One JSON object per metric per line on stdout, like the other benches.

Accuracy: precision and recall per checklist item on the blind corpus's *test* split (written
from the labelling guide by writers who never saw the scoring code; tuning happens on dev only)
and on its *holdout* (writers who came after the tuning), with labelled speakers and with
unlabelled ones ("speaker_0"/"speaker_1"), goals 0.95 / 0.90.

Speed, on the path the app runs (``ConversationScoring.score_one``: one ``Scorer`` per store
catalog, then ``score(transcript, receipt, catalog=receipt_catalog(receipt))`` per
conversation): a catalog of ``--products`` shop products built from the benchmark dataset's word
lists plus the writers' products, the index build time and the memory it adds, then the blind
corpus's conversations scored over and over.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from metric_line import emit as emit_line
from tests.analytics.blind.evaluate import (
    catalog_of,
    evaluate,
    load_raw,
    receipt_of,
    transcript_of,
)
from words import BRANDS, CATEGORIES, VARIANTS, en_size, kk_size

from forsell.analytics import Catalog, CatalogProduct, Scorer, formats

DATASET: dict = {}
GOALS = {"precision": 0.95, "recall": 0.90}


def emit(metric: str, value, unit: str, goal, **detail) -> None:
    emit_line(metric, value, unit, goal, dataset=DATASET, **detail)


def shop_catalog(n: int, seed: int = 7) -> Catalog:
    """``n`` products named like a Kazakh shop's price list (kind, brand, variant, size)."""
    rng = random.Random(seed)
    kinds = [(names, BRANDS[names[2]], kind) for names, ks in CATEGORIES for kind in ks]
    products = []
    for i in range(n):
        (c_ru, c_kk, c_en), brands, (k_ru, k_kk, k_en, sizes, _base, _loose) = rng.choice(kinds)
        brand = rng.choice(brands)
        v_ru, v_kk, v_en = rng.choice(VARIANTS)
        size = rng.choice(sizes)
        products.append(
            CatalogProduct(
                f"B{i + 1:07d}",
                {
                    "ru": f"{k_ru} {brand} {v_ru} {size}",
                    "kk": f"{k_kk} {brand} {v_kk} {kk_size(size)}",
                    "en": f"{k_en} {brand} {v_en} {en_size(size)}",
                },
                c_ru,
                (c_ru, c_kk, c_en),
            )
        )
    return Catalog(tuple(products))


def accuracy(split: str) -> None:
    for mode in ("labelled", "unlabelled"):
        report = evaluate(split, mode)
        DATASET[f"{split}_conversations"] = report.conversations
        for item, c in sorted(report.counts.items()):
            for kind in ("precision", "recall"):
                goal = None if item == "upsell_offers_each" else GOALS[kind]
                emit(
                    f"scoring_{split}_{mode}_{kind}_{item}",
                    round(getattr(c, kind), 3),
                    "ratio",
                    goal,
                    tp=c.tp,
                    fp=c.fp,
                    fn=c.fn,
                    speakers=mode,
                )
        if mode == "unlabelled":
            emit(
                f"scoring_{split}_speakers_uncertain",
                report.unscored.get("speakers_uncertain", 0),
                "conversations",
                None,
                roles_right=report.roles_right,
                roles_wrong=report.roles_wrong,
            )


def speed(products: int, conversations: int) -> None:
    card = formats.load_scorecard(ROOT / "resources" / "scorecards" / "cafe.json")
    raw = load_raw()
    writers = Catalog(
        tuple(
            {
                p.sku: p for _, cats in raw for ps in cats.values() for p in catalog_of(ps).products
            }.values()
        )
    )
    catalog = shop_catalog(products).merged(writers)
    DATASET.update(catalog_products=len(catalog.products), scored_conversations=conversations)
    gc.collect()
    started = time.perf_counter()
    scorer = Scorer(card, catalog)
    build = time.perf_counter() - started
    # Memory in a second build: tracing allocations slows the build several times over.
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    traced = Scorer(card, catalog)
    added = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del traced
    emit("scoring_index_build", round(build, 2), "s", 2.0, products=len(catalog.products))
    emit("scoring_index_memory", round(added / 2**20, 1), "MB", 150, products=len(catalog.products))
    prepared = []
    for conv, cats in raw:
        transcript, spans = transcript_of(conv, labelled=False)
        receipt = receipt_of(conv, cats[conv["store"]], spans)
        prepared.append((transcript, receipt, formats.receipt_catalog(receipt)))
    # The first pass fills the word caches (lemmas, matches), as the app's first conversations do.
    started = time.perf_counter()
    for transcript, receipt, own in prepared:
        scorer.score(transcript, receipt, catalog=own)
    first = time.perf_counter() - started
    emit(
        "scoring_first_pass",
        round(len(prepared) / first, 1),
        "conversations/s",
        None,
        conversations=len(prepared),
        seconds=round(first, 2),
    )
    started = time.perf_counter()
    for i in range(conversations):
        transcript, receipt, own = prepared[i % len(prepared)]
        scorer.score(transcript, receipt, catalog=own)
    elapsed = time.perf_counter() - started
    emit(
        "scoring_throughput",
        round(conversations / elapsed, 1),
        "conversations/s",
        200,
        conversations=conversations,
        seconds=round(elapsed, 2),
        products=len(catalog.products),
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--products", type=int, default=100_000)
    p.add_argument("--conversations", type=int, default=2000)
    args = p.parse_args(argv)
    accuracy("test")
    accuracy("holdout")
    speed(args.products, args.conversations)
    return 0


if __name__ == "__main__":
    sys.exit(main())
