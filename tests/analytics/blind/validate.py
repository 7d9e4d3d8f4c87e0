"""Checks an authoring file's structure (not its labels): python3 validate.py FILE.json"""

import json
import sys
from pathlib import Path

KINDS = {"cafe", "fast_food", "bakery", "grocery", "pharmacy", "canteen"}
LABELS = {"greeting", "needs_question", "upsell_offer", "loyalty_question", "farewell", "forbidden"}
bad = []
for path in sys.argv[1:]:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    cats = d["catalogs"]
    for store, products in cats.items():
        skus = [p["sku"] for p in products]
        if len(set(skus)) != len(skus):
            bad.append(f"{store}: duplicate sku")
        for p in products:
            for k in ("sku", "ru", "kk", "category", "price"):
                if k not in p:
                    bad.append(f"{store} {p.get('sku')}: missing {k}")
    ids = set()
    for c in d["conversations"]:
        cid = c.get("id")
        if cid in ids:
            bad.append(f"{cid}: duplicate id")
        ids.add(cid)
        if c.get("store") not in cats:
            bad.append(f"{cid}: store {c.get('store')} has no catalog")
            continue
        skus = {p["sku"] for p in cats[c["store"]]}
        if c.get("kind") not in KINDS:
            bad.append(f"{cid}: kind")
        if c.get("language") not in {"ru", "kk", "mixed"}:
            bad.append(f"{cid}: language")
        if c.get("style") not in {"clean", "asr", "misheard", "translit"}:
            bad.append(f"{cid}: style")
        utts = c.get("utterances") or []
        if len(utts) < 2:
            bad.append(f"{cid}: too few utterances")
        voices = {u["speaker"] for u in utts}
        if c.get("cashier") not in voices:
            bad.append(f"{cid}: cashier voice never speaks")
        for u in utts:
            if not u.get("text", "").strip():
                bad.append(f"{cid}: empty utterance")
            if c.get("style") in ("asr", "misheard", "translit") and any(
                ch in u["text"] for ch in ".,!?;:"
            ):
                bad.append(f"{cid}: punctuation in {c['style']} style: {u['text']!r}")
            if c.get("style") in ("asr", "misheard", "translit") and u["text"] != u["text"].lower():
                bad.append(f"{cid}: capitals in {c['style']} style")
        for line in c.get("receipt", []):
            if line.get("sku") not in skus:
                bad.append(f"{cid}: receipt sku {line.get('sku')} not in catalog")
            if not (0 <= line.get("after", -1) < len(utts)):
                bad.append(f"{cid}: receipt line after={line.get('after')} out of range")
            if not isinstance(line.get("upsell_converted"), bool):
                bad.append(f"{cid}: upsell_converted must be true/false")
        if set(c.get("labels", {})) != LABELS or not all(
            isinstance(v, bool) for v in c["labels"].values()
        ):
            bad.append(f"{cid}: labels must be exactly {sorted(LABELS)} as true/false")
        offers = c.get("offers", [])
        if bool(offers) != bool(c.get("labels", {}).get("upsell_offer")):
            bad.append(f"{cid}: labels.upsell_offer must be true iff offers non-empty")
        for o in offers:
            if not (0 <= o.get("utterance", -1) < len(utts)):
                bad.append(f"{cid}: offer utterance out of range")
            elif utts[o["utterance"]]["speaker"] != c.get("cashier"):
                bad.append(f"{cid}: offer utterance {o['utterance']} is not the cashier's")
            s = o.get("sku", "")
            if not (s in skus or s.startswith("category:")):
                bad.append(f"{cid}: offer sku {s} not in catalog")
        conv_offers = sum(1 for o in offers if o.get("converted"))
        conv_lines = sum(1 for l in c.get("receipt", []) if l.get("upsell_converted"))
        if conv_offers != conv_lines:
            bad.append(
                f"{cid}: {conv_offers} converted offers but {conv_lines} upsell_converted lines"
            )
    print(f"{path}: {len(d['conversations'])} conversations, {len(cats)} catalogs")
print("\n".join(bad) if bad else "structure OK")
sys.exit(1 if bad else 0)
