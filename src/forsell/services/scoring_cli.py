"""``forsell-cashier score``: score one saved conversation from files, print the result as JSON.

Admins use it to try a scorecard change on saved conversations before rolling it out. The file
formats are in ``resources/scorecards/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from forsell.analytics import Catalog, FormatError, Scorer, formats
from forsell.domain.problems import Problem
from forsell.paths import resources_dir

#: Exit codes: 0 = a result was printed (scored, or ``"scorable": false`` with the reason);
#: 2 = an input file is missing or not in its format (the problems are printed as JSON).
OK, BAD_INPUT = 0, 2


def default_scorecard() -> Path:
    """The café scorecard shipped in ``resources/scorecards/``: ``score`` uses it without
    ``--scorecard``."""
    return resources_dir() / "scorecards" / "cafe.json"


def score_command(
    transcript_path: str | Path,
    receipt_path: str | Path,
    scorecard_path: str | Path | None = None,
    *,
    catalog_path: str | Path | None = None,
    flip: bool = False,
    confirmed: bool = False,
    describe: Callable[[Problem], str] | None = None,
) -> tuple[int, str]:
    """Scores the conversation in ``transcript_path`` against the sale in ``receipt_path``.

    The scorecard defaults to the café preset. Upsell detection knows the products on the
    receipt; ``catalog_path`` (catalog JSON or the till's catalog CSV) adds the products that
    were offered but not bought; without it the demo catalog is used when it is there.
    ``flip`` swaps cashier and customer when the speaker heuristic got them the wrong way round;
    ``confirmed`` says its roles are right (a conversation whose voices cannot be told apart is
    otherwise ``"scorable": false, "reason": "speakers_uncertain"``).
    Returns (exit code, JSON text).

    A bad input file gives ``{"error": "bad_input", "file", "problems": ["place: English"],
    "details": [{"code", "params", "place", "where", "message"}]}``, plus ``"more_problems": N``
    when more were found than are listed; ``describe`` (the CLI's catalog) adds each problem's
    ``"text"`` in the user's language. Hostile input (a folder, a huge or deeply nested file,
    NaN, mixed time zones …) is a bad input file too: the limits are ``formats.MAX_*``,
    documented in ``resources/scorecards/README.md``. The output is strict JSON (no NaN).
    """
    try:
        scorecard = formats.load_scorecard(scorecard_path or default_scorecard())
        transcript = formats.load_transcript(transcript_path)
        receipt = formats.load_receipt(receipt_path)
        catalog = Catalog()
        demo = resources_dir() / "demo" / "catalog.csv"
        if catalog_path is not None:
            catalog = formats.load_catalog(catalog_path)
        elif demo.is_file():
            catalog = formats.load_catalog(demo)
    except FormatError as e:
        details = [
            {**p.to_dict(), **({"text": describe(p)} if describe else {})} for p in e.problems
        ]
        error: dict[str, object] = {
            "error": "bad_input",
            "file": e.what,
            "problems": [str(p) for p in e.problems],
            "details": details,
        }
        if e.more:
            error["more_problems"] = e.more
        return BAD_INPUT, json.dumps(error, ensure_ascii=False, indent=2, allow_nan=False)
    catalog = formats.receipt_catalog(receipt).merged(catalog)
    result = Scorer(scorecard, catalog).score(transcript, receipt, flip=flip, confirmed=confirmed)
    out = {"scorecard": scorecard.name, **result.to_dict()}
    return OK, json.dumps(out, ensure_ascii=False, indent=2, allow_nan=False)
