"""Scores the labelled corpus and compares with the labels: precision and recall per checklist
item and for upsell offers and conversions. Shared by the corpus test and the benchmark."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from forsell.analytics import Scorer, formats

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    scorable_right: int = 0
    cases: int = 0
    misses: list[str] = field(default_factory=list)


def load_cases() -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / "cases").glob("*.json"))
    ]


def scorers() -> dict[str, Scorer]:
    catalog = formats.load_catalog(HERE / "catalog.json")
    cards = ROOT / "resources" / "scorecards"
    return {
        store: Scorer(formats.load_scorecard(cards / f"{store}.json"), catalog)
        for store in ("cafe", "shop")
    }


def _detected(kind: str, outcome: str) -> bool:
    """The phrase was found: a pass for what should be said, a fail for what should not."""
    return outcome == ("fail" if kind in ("forbidden", "fatal") else "pass")


def _offer_matches(pred, exp: dict) -> bool:
    kind, value = exp["target"].split(":", 1)
    if pred.utterance != exp["utterance"]:
        return False
    return value in pred.skus if kind == "sku" else pred.category == value


def evaluate(cases: list[dict] | None = None) -> Report:
    cases = load_cases() if cases is None else cases
    by_store = scorers()
    report = Report()
    for case in cases:
        scorer = by_store[case["store"]]
        result = scorer.score(
            formats.parse_transcript(case["transcript"]), formats.parse_receipt(case["receipt"])
        )
        exp = case["expected"]
        report.cases += 1
        if result.scorable == exp["scorable"] and (
            exp["scorable"] or result.reason == exp.get("reason")
        ):
            report.scorable_right += 1
        else:
            report.misses.append(f"{case['id']}: scorable {result.scorable}/{result.reason}")
        if not exp["scorable"] or not result.scorable:
            continue
        for item in scorer.scorecard.items:
            want = exp["items"][item.id]
            got = result.item(item.id).outcome
            if want == "not_applicable" or got == "not_applicable":
                c = report.counts["not_applicable"]
                c.tp += want == got
                c.fp += got == "not_applicable" and want != got
                c.fn += want == "not_applicable" and want != got
                if want != got:
                    report.misses.append(f"{case['id']}: {item.id} want {want} got {got}")
                continue
            w, g = _detected(item.kind, want), _detected(item.kind, got)
            c = report.counts[item.id]
            c.tp += w and g
            c.fp += g and not w
            c.fn += w and not g
            if w != g:
                report.misses.append(f"{case['id']}: {item.id} want {want} got {got}")
        offers = list(result.upsell.offers)
        used: set[int] = set()
        for e in exp["offers"]:
            hit = next(
                (i for i, o in enumerate(offers) if i not in used and _offer_matches(o, e)), None
            )
            oc, cc = report.counts["upsell_offer_detect"], report.counts["upsell_conversion"]
            if hit is None:
                oc.fn += 1
                cc.fn += e["converted"]
                report.misses.append(f"{case['id']}: missed offer {e['target']}")
                continue
            used.add(hit)
            oc.tp += 1
            o = offers[hit]
            cc.tp += e["converted"] and o.converted
            cc.fn += e["converted"] and not o.converted
            cc.fp += o.converted and not e["converted"]
            if o.converted != e["converted"]:
                report.misses.append(f"{case['id']}: offer {e['target']} conversion")
        for i, o in enumerate(offers):
            if i not in used:
                report.counts["upsell_offer_detect"].fp += 1
                report.counts["upsell_conversion"].fp += o.converted
                report.misses.append(
                    f"{case['id']}: extra offer {o.term} {o.skus} {o.category} in utt {o.utterance}"
                )
        rev = report.counts["extra_revenue_exact"]
        if result.upsell.extra_revenue == exp["extra_revenue"]:
            rev.tp += 1
        else:
            rev.fn += 1
    return report


if __name__ == "__main__":
    r = evaluate()
    for name, c in sorted(r.counts.items()):
        print(f"{name:22} P={c.precision:.3f} R={c.recall:.3f}  tp={c.tp} fp={c.fp} fn={c.fn}")
    print(f"scorable right {r.scorable_right}/{r.cases}")
    print("\n".join(r.misses))
