"""Small builders for scoring tests: a conversation is a list of (speaker, start, text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forsell.analytics import (
    Catalog,
    CatalogProduct,
    Receipt,
    ReceiptLine,
    Scorer,
    Transcript,
    Utterance,
    formats,
)

ROOT = Path(__file__).resolve().parents[2]
CARDS = ROOT / "resources" / "scorecards"


def talk(*turns: tuple[str, float, str], **kw) -> Transcript:
    """("c"/"u" or a raw label, start, text) → a transcript; "c" is speaker_0, "u" speaker_1."""
    labels = {"c": "speaker_0", "u": "speaker_1"}
    utts = tuple(
        Utterance(labels.get(who, who), start, start + 0.3 * len(text.split()) + 0.3, text)
        for who, start, text in turns
    )
    return Transcript(utts, **kw)


def receipt(*lines: tuple[str, float] | tuple[str, float, int]) -> Receipt:
    out = []
    for line in lines:
        sku, at, price = (*line, 100_000) if len(line) == 2 else line
        product = CATALOG_BY_SKU[sku]
        out.append(ReceiptLine(sku, product.names["ru"], 1, price, at, product.category))
    return Receipt(tuple(out))


CATALOG = Catalog(
    (
        CatalogProduct(
            "COF-005",
            {"ru": "Капучино 250 мл", "kk": "Капучино 250 мл"},
            "Кофе",
            ("Кофе", "Coffee"),
        ),
        CatalogProduct("COF-007", {"ru": "Латте 300 мл"}, "Кофе", ("Кофе",)),
        CatalogProduct(
            "BAK-001",
            {"ru": "Круассан классический", "kk": "Классикалық круассан"},
            "Выпечка",
            ("Выпечка", "Нан-тоқаш өнімдері"),
        ),
        CatalogProduct(
            "BAK-007", {"ru": "Самса с говядиной", "kk": "Сиыр етті самса"}, "Выпечка", ("Выпечка",)
        ),
        CatalogProduct("DES-002", {"ru": "Тирамису"}, "Десерты", ("Десерты", "Десерттер")),
        CatalogProduct(
            "DES-011", {"ru": "Печенье американское с шоколадом"}, "Десерты", ("Десерты",)
        ),
        CatalogProduct(
            "DRK-006",
            {"ru": "Coca-Cola 0,5 л"},
            "Холодные напитки",
            ("Холодные напитки",),
            ("колу", "кока-кола"),
        ),
        CatalogProduct(
            "FRU-001",
            {"ru": "Яблоки Апорт", "kk": "Апорт алмасы"},
            "Фрукты и овощи",
            ("Фрукты и овощи",),
        ),
    )
)
CATALOG_BY_SKU = {p.sku: p for p in CATALOG.products}


@pytest.fixture(scope="session")
def cafe_scorer() -> Scorer:
    return Scorer(formats.load_scorecard(CARDS / "cafe.json"), CATALOG)


def scorer_over(*products: tuple[str, str, str] | tuple[str, str, str, str]) -> Scorer:
    """A scorer over a small catalog of (sku, ru name, category[, kk name])."""
    catalog = Catalog(
        tuple(
            CatalogProduct(sku, {"ru": ru, **({"kk": p[3]} if len(p) > 3 else {})}, category)
            for p in products
            for sku, ru, category in [p[:3]]
        )
    )
    return Scorer(formats.load_scorecard(CARDS / "cafe.json"), catalog)


def cashier_opens(*turns: tuple[str, float, str]):
    """A conversation the cashier opens, so that the roles are plain."""
    return talk(("c", -4, "Здравствуйте! Что будете?"), *turns)


def lines_on(scorer: Scorer, *lines: tuple[str, float]) -> Receipt:
    """The receipt of ``(sku, added at)`` lines from ``scorer``'s catalog, 500 ₸ each."""
    by_sku = {p.sku: p for p in scorer.index.catalog.products}
    return Receipt(
        tuple(
            ReceiptLine(sku, by_sku[sku].names["ru"], 1, 50_000, at, by_sku[sku].category)
            for sku, at in lines
        )
    )
