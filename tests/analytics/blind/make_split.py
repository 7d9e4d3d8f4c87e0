"""Writes split.json: every conversation in raw/ assigned to dev or test by a hash of its id.
Run once when conversations are added; existing assignments never change (same hash)."""

import json

from .evaluate import SPLIT, load_raw, split_of

if __name__ == "__main__":
    assignment = {conv["id"]: split_of(conv["id"]) for conv, _ in load_raw()}
    SPLIT.write_text(json.dumps(assignment, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    counts = {s: sum(v == s for v in assignment.values()) for s in ("dev", "test")}
    print(f"{len(assignment)} conversations: {counts}")
