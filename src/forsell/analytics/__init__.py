"""Quality scorecards and upsell linking over transcripts and receipts (no GUI, no database).

from forsell.analytics import Scorer, formats
scorer = Scorer(formats.load_scorecard("cafe.json"), formats.load_catalog("catalog.csv"))
result = scorer.score(formats.load_transcript("t.json"), formats.load_receipt("r.json"))
"""

from .formats import (
    FormatError,
    load_catalog,
    load_receipt,
    load_scorecard,
    load_transcript,
    parse_catalog,
    parse_receipt,
    parse_scorecard,
    parse_transcript,
)
from .model import Catalog, CatalogProduct, Receipt, ReceiptLine, Transcript, Utterance, Word
from .scorecard import Item, Scorecard, Window
from .scoring import Evidence, ItemResult, Scorer, ScoreResult, score
from .upsell import Offer, UpsellResult

__all__ = [
    "Catalog",
    "CatalogProduct",
    "Evidence",
    "FormatError",
    "Item",
    "ItemResult",
    "Offer",
    "Receipt",
    "ReceiptLine",
    "ScoreResult",
    "Scorecard",
    "Scorer",
    "Transcript",
    "UpsellResult",
    "Utterance",
    "Window",
    "Word",
    "load_catalog",
    "load_receipt",
    "load_scorecard",
    "load_transcript",
    "parse_catalog",
    "parse_receipt",
    "parse_scorecard",
    "parse_transcript",
    "score",
]
