"""Product synonyms: edited in the catalog, carried by the CSV, and counted by
the scorer as offering the product."""

from __future__ import annotations

from pathlib import Path

import pytest

from forsell.analytics.formats import parse_receipt, parse_transcript
from forsell.analytics.scoring import Scorer
from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.catalog import (
    CSV_COLUMNS,
    MAX_SYNONYMS,
    CsvImportError,
    ProductDraft,
    split_synonyms,
)
from forsell.services.review.scoring import load_scorecard_setting, store_catalog

from .conftest import admin_of

NAPOLEON = ProductDraft("T-NAP", "Торт Наполеон кусок", 95_000, 1600, name_kk="Наполеон торты")


def _scorer_synonyms(till: Till, sku: str) -> tuple[str, ...]:
    with till.ctx.db.read() as session:
        return next(p for p in store_catalog(session).products if p.sku == sku).synonyms


def test_split_synonyms_takes_commas_and_lines_and_drops_repeats() -> None:
    assert split_synonyms(" наполеончик,\nкусок  торта ,, Наполеончик\n\n") == (
        "наполеончик",
        "кусок торта",
    )
    assert split_synonyms("a|b, c", "|") == ("a", "b, c")
    assert split_synonyms("") == ()


def test_saved_synonyms_reach_the_scorers_catalog(till: Till) -> None:
    saved = till.catalog.save(
        admin_of(till),
        ProductDraft(**{**NAPOLEON.__dict__, "synonyms": ("наполеончик", "кусок торта")}),
    )
    assert saved.synonyms == ("наполеончик", "кусок торта")
    assert till.catalog.get(saved.id).synonyms == ("наполеончик", "кусок торта")
    assert _scorer_synonyms(till, "T-NAP") == ("наполеончик", "кусок торта")
    cleared = till.catalog.save(
        admin_of(till), ProductDraft(**{**NAPOLEON.__dict__, "id": saved.id})
    )
    assert cleared.synonyms == () and _scorer_synonyms(till, "T-NAP") == ()


def test_too_many_or_too_long_synonyms_are_refused(till: Till) -> None:
    many = tuple(f"имя {i}" for i in range(MAX_SYNONYMS + 1))
    with pytest.raises(CashierError) as too_many:
        till.catalog.save(admin_of(till), ProductDraft(**{**NAPOLEON.__dict__, "synonyms": many}))
    assert too_many.value.key == "product.synonyms"
    with pytest.raises(CashierError) as too_long:
        till.catalog.save(
            admin_of(till), ProductDraft(**{**NAPOLEON.__dict__, "synonyms": ("ы" * 101,)})
        )
    assert too_long.value.key == "product.synonym_long"
    assert till.catalog.search("T-NAP") == []


def _csv(tmp_path: Path, text: str, name: str = "catalog.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_carries_synonyms_both_ways(till: Till, tmp_path: Path) -> None:
    assert CSV_COLUMNS[-2:] == ["synonyms", "options"]
    header = ",".join(CSV_COLUMNS)
    till.catalog.import_csv(
        admin_of(till),
        _csv(
            tmp_path,
            f"{header}\n"
            "T-NAP,,Торт Наполеон кусок,,,Десерты,,,950,16,pcs,0,"
            "наполеончик| кусок торта |наполеончик\n",
        ),
    )
    assert _scorer_synonyms(till, "T-NAP") == ("наполеончик", "кусок торта")
    out = tmp_path / "out.csv"
    till.catalog.export_csv(out)
    row = next(
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("T-NAP,")
    )
    assert row.endswith(",наполеончик|кусок торта,")  # and no options
    # A product without synonyms exports an empty synonyms column.
    assert next(
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("COF-001,")
    ).endswith(",0,,")
    before = out.read_text(encoding="utf-8")
    till.catalog.import_csv(admin_of(till), out)  # round trip: the same file again
    again = tmp_path / "again.csv"
    till.catalog.export_csv(again)
    assert again.read_text(encoding="utf-8") == before


def test_a_csv_without_the_column_keeps_synonyms_and_an_empty_cell_clears_them(
    till: Till, tmp_path: Path
) -> None:
    till.catalog.save(
        admin_of(till), ProductDraft(**{**NAPOLEON.__dict__, "synonyms": ("наполеончик",)})
    )
    old = ",".join(c for c in CSV_COLUMNS if c != "synonyms")
    till.catalog.import_csv(
        admin_of(till), _csv(tmp_path, f"{old}\nT-NAP,,Торт Наполеон,,,,,,990,16,pcs,0\n")
    )
    assert _scorer_synonyms(till, "T-NAP") == ("наполеончик",)
    header = ",".join(CSV_COLUMNS)
    till.catalog.import_csv(
        admin_of(till),
        _csv(tmp_path, f"{header}\nT-NAP,,Торт Наполеон,,,,,,990,16,pcs,0,\n", "clear.csv"),
    )
    assert _scorer_synonyms(till, "T-NAP") == ()


def test_a_row_with_too_many_synonyms_is_reported(till: Till, tmp_path: Path) -> None:
    header = ",".join(CSV_COLUMNS)
    many = "|".join(f"имя {i}" for i in range(MAX_SYNONYMS + 1))
    with pytest.raises(CsvImportError) as rejected:
        till.catalog.import_csv(
            admin_of(till), _csv(tmp_path, f"{header}\nT-X,,Икс,,,,,,100,0,pcs,0,{many}\n")
        )
    assert [(p.line, p.column, p.code) for p in rejected.value.problems] == [
        (2, "synonyms", "csv.synonyms")
    ]


TRANSCRIPT = {
    "utterances": [
        {"speaker": "A", "start": 0.5, "end": 2.5, "text": "Здравствуйте что будете заказывать"},
        {"speaker": "B", "start": 3.0, "end": 4.5, "text": "Американо пожалуйста"},
        {"speaker": "A", "start": 5.0, "end": 7.5, "text": "Хотите добавить мильфей к заказу"},
        {"speaker": "B", "start": 8.0, "end": 9.0, "text": "Да давайте"},
        {"speaker": "A", "start": 10.0, "end": 12.0, "text": "Спасибо за покупку хорошего дня"},
    ]
}
RECEIPT = {
    "lines": [
        {"sku": "COF-003", "name": "Американо 250 мл", "qty": 1, "price": 100_000, "added_at": 4.8},
        {"sku": "T-NAP", "name": "Торт Наполеон кусок", "qty": 1, "price": 95_000, "added_at": 9.5},
    ]
}


def _offers(till: Till):
    with till.ctx.db.read() as session:
        scorer = Scorer(load_scorecard_setting(till.ctx.settings), store_catalog(session))
    result = scorer.score(parse_transcript(TRANSCRIPT), parse_receipt(RECEIPT))
    assert result.scorable
    return result.upsell.offers


def test_an_offer_by_a_synonym_is_detected_and_converted(till: Till) -> None:
    saved = till.catalog.save(admin_of(till), NAPOLEON)
    # «мильфей» (the cake's French name) is in no name: no offer yet.
    assert not [o for o in _offers(till) if "T-NAP" in o.skus]
    till.catalog.save(
        admin_of(till),
        ProductDraft(
            **{
                **NAPOLEON.__dict__,
                "id": saved.id,
                "synonyms": split_synonyms("мильфей, кусок торта"),
            }
        ),
    )
    offer = next(o for o in _offers(till) if "T-NAP" in o.skus)
    assert offer.term == "мильфей" and offer.start == 5.0
    assert offer.converted and offer.sku == "T-NAP" and offer.revenue == 95_000
