"""One money limit for the till (``domain.money.MAX_TIYN``): a product's price from the editor
or a CSV import stops where a receipt's amounts stop (pulled prices: tests/services/test_pulls.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forsell.domain.errors import CashierError
from forsell.domain.money import MAX_TIYN, format_kzt
from forsell.services.app import Till
from forsell.services.catalog import CSV_COLUMNS, CsvImportError, ProductDraft

from .conftest import admin_of


def _csv_price(tiyn: int) -> str:
    return format_kzt(tiyn, symbol=False).replace("\u00a0", "").replace(",", ".")


@pytest.mark.parametrize(("price", "accepted"), [(MAX_TIYN, True), (MAX_TIYN + 1, False)])
def test_a_csv_price_stops_at_the_limit(
    till: Till, tmp_path: Path, price: int, accepted: bool
) -> None:
    row = dict.fromkeys(CSV_COLUMNS, "") | {
        "sku": "BIG-1",
        "name_ru": "Очень дорого",
        "price": _csv_price(price),
        "vat_percent": "0",
    }
    path = tmp_path / "catalog.csv"
    path.write_text(
        ",".join(CSV_COLUMNS) + "\n" + ",".join(row[c] for c in CSV_COLUMNS) + "\n",
        encoding="utf-8",
    )
    if accepted:
        till.catalog.import_csv(admin_of(till), path)
        assert till.catalog.search("BIG-1")[0].price == MAX_TIYN
    else:
        with pytest.raises(CsvImportError) as refused:
            till.catalog.import_csv(admin_of(till), path)
        [problem] = refused.value.problems
        assert (problem.column, problem.code) == ("price", "csv.price_too_large")
        assert till.catalog.search("BIG-1") == []


@pytest.mark.parametrize(("price", "accepted"), [(MAX_TIYN, True), (MAX_TIYN + 1, False)])
def test_an_edited_price_stops_at_the_limit(till: Till, price: int, accepted: bool) -> None:
    draft = ProductDraft("BIG-2", "Очень дорого", price, 0)
    if accepted:
        till.catalog.save(admin_of(till), draft)
        assert till.catalog.search("BIG-2")[0].price == MAX_TIYN
    else:
        with pytest.raises(CashierError) as refused:
            till.catalog.save(admin_of(till), draft)
        assert refused.value.key == "money.out_of_range"
