"""The catalog: barcode lookup, search as you type, editing, CSV import and export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.services.app import Till, open_till
from forsell.services.catalog import CSV_COLUMNS, CsvImportError, ProductDraft
from forsell.store.models import Category, Product

from .conftest import Products, admin_of

HEADER = ",".join(CSV_COLUMNS)


def _skus(till: Till, query: str) -> list[str]:
    return [p.sku for p in till.catalog.search(query)]


def test_by_barcode(till: Till, products: Products) -> None:
    assert till.catalog.by_barcode(" 4879990000019 ") == products.bread
    assert till.catalog.by_barcode("0000000000000") is None
    assert till.catalog.by_barcode("") is None


@pytest.mark.parametrize(
    ("query", "sku"),
    [
        ("пшеничный", "T-BREAD"),  # Russian, whole word
        ("ПШЕНИЧ", "T-BREAD"),  # any case, prefix
        ("шени", "T-BREAD"),  # substring inside a word
        ("бидай", "T-BREAD"),  # Kazakh
        ("пастерленген", "T-MILK"),
        ("құрт", "T-KURT"),  # Kazakh-only letters
        ("pasteurised", "T-MILK"),  # English
        ("Wheat", "T-BREAD"),
        ("T-CHEESE", "T-CHEESE"),  # SKU
        ("t-wat", "T-WATER"),  # SKU prefix
        ("4879990000026", "T-MILK"),  # barcode
        ("99900000", "T-MILK"),  # part of a barcode
        ("Ку", "T-KURT"),  # two letters
        ("сү", "T-MILK"),  # two Kazakh letters
        ("t", "T-BREAD"),  # one Latin letter: "test", "t-bread"
        ("курт", "T-KURT"),  # the Kazakh "құрты" typed on a Russian layout
        ("сынак", "T-WATER"),  # "Сынақ суы"
        ("СЫНАҚ", "T-WATER"),
        ("кұрт", "T-KURT"),  # mixed: either letter of a pair finds the name
        ("сы", "T-WATER"),
    ],
)
def test_search_finds(till: Till, products: Products, query: str, sku: str) -> None:
    assert sku in _skus(till, query)


@pytest.mark.parametrize("letter", ["к", "К", "қ"])
def test_one_letter_matches_word_starts_of_both_letters_of_a_pair(
    till: Till, products: Products, letter: str
) -> None:
    # Folded, «к» and «қ» start some 90 demo names: more than one screen (SEARCH_LIMIT).
    found = [p.sku for p in till.catalog.search(letter, limit=200)]
    assert "T-KURT" in found  # "Курт тестовый", "Сынақ құрты"
    assert "T-MILK" not in found


@pytest.mark.parametrize(
    ("query", "inside"),
    [
        ("ыр", "T-CHEESE"),  # in "Сыр"
        ("ый", "T-BREAD"),  # ends "тестовый"
        ("ко", "T-MILK"),  # in "Молоко"
        ("ү", "T-MILK"),
    ],
)  # in "сүт"
def test_short_queries_match_word_starts_only(
    till: Till, products: Products, query: str, inside: str
) -> None:
    assert inside not in _skus(till, query)


def test_search_respects_the_limit_and_empty_queries(till: Till) -> None:
    assert till.catalog.search("") == [] and till.catalog.search("   ") == []
    assert len(till.catalog.search("а", limit=5)) == 5


def test_inactive_products_are_not_found(till: Till, products: Products) -> None:
    with till.ctx.db.write() as session:
        session.get(Product, products.kurt.id).active = False
    assert "T-KURT" not in _skus(till, "курт")
    assert "T-KURT" not in _skus(till, "к")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"хлеб',
        "%",
        "%%",
        "_",
        "50%",
        "a_b",
        "'",
        "*",
        "хлеб*",
        "NEAR(a b)",
        "a AND b",
        "OR",
        "(",
        ")",
        "-",
        "^",
        ":",
        "\\",
        "\\%",
        "col:val",
        "\x00",
        "ё" * 300,
    ],
)
def test_special_characters_do_not_crash(till: Till, products: Products, query: str) -> None:
    found = till.catalog.search(query)
    assert all(isinstance(p.sku, str) for p in found)


def test_percent_and_underscore_are_literal(till: Till, products: Products) -> None:
    assert _skus(till, "%") == [] and _skus(till, "_") == []
    till.catalog.save(admin_of(till), ProductDraft("T-50", "Скидка 50% кофе", 10_000, 1600))
    assert _skus(till, "50%") == ["T-50"]
    assert "T-50" in _skus(till, "50")  # two characters: word prefix
    assert "T-50" not in _skus(till, "0%")  # "%" separates words: this is the prefix "0"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=12))
def test_any_query_gives_a_list(till: Till, query: str) -> None:
    assert isinstance(till.catalog.search(query), list)


def test_demo_catalog_is_searchable(till: Till) -> None:
    assert len(till.catalog.categories()) > 1
    first = till.catalog.categories()[0]
    products = till.catalog.in_category(first.id)
    assert products and all(p.category_id == first.id for p in products)
    assert all(p.favourite for p in till.catalog.favourites())


# --- editing ----------------------------------------------------------------------------------


def test_save_refuses_duplicate_sku_or_barcode(till: Till, products: Products) -> None:
    for draft in (
        ProductDraft("T-BREAD", "Другой хлеб", 100, 1600),
        ProductDraft("T-NEW", "Другое молоко", 100, 1600, barcode=products.milk.barcode),
    ):
        with pytest.raises(CashierError) as error:
            till.catalog.save(admin_of(till), draft)
        assert error.value.key == "product.duplicate"


def test_products_without_barcode_do_not_clash(till: Till, products: Products) -> None:
    saved = till.catalog.save(
        admin_of(till), ProductDraft("T-NOBAR", "Самса тестовая", 40_000, 1600)
    )
    assert saved.barcode == "" and "T-NOBAR" in _skus(till, "самса")


def test_edit_keeps_own_sku_and_updates_search(till: Till, products: Products) -> None:
    draft = ProductDraft(
        "T-KURT", "Курт солёный", 35_000, 1600, name_kk="Тұзды құрт", id=products.kurt.id
    )
    edited = till.catalog.save(admin_of(till), draft)
    assert (edited.id, edited.price, edited.names["ru"]) == (
        products.kurt.id,
        35_000,
        "Курт солёный",
    )
    assert "T-KURT" in _skus(till, "солёный") and "T-KURT" in _skus(till, "тұз")
    assert "T-KURT" not in _skus(till, "тестовый")


@pytest.mark.parametrize(
    "draft",
    [
        ProductDraft(" ", "Имя", 100, 0),
        ProductDraft("S", "", 100, 0),
        ProductDraft("S", "Имя", 0, 0),
        ProductDraft("S", "Имя", 100, 10_001),
        ProductDraft("S", "Имя", 100, 0, id="no-such-id"),
    ],
)
def test_save_checks_the_draft(till: Till, draft: ProductDraft) -> None:
    with pytest.raises(CashierError):
        till.catalog.save(admin_of(till), draft)


# --- CSV ------------------------------------------------------------------------------------


def _csv(tmp_path: Path, *rows: str, name: str = "catalog.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _catalog(till: Till) -> list[tuple]:
    """Everything the CSV carries, per product, without ids."""
    with till.ctx.db.read() as session:
        cats = {c.id: (c.name_ru, c.name_kk, c.name_en) for c in session.scalars(select(Category))}
        return sorted(
            (
                p.sku,
                p.barcode,
                p.name_ru,
                p.name_kk,
                p.name_en,
                cats.get(p.category_id),
                p.price,
                p.vat_bp,
                p.weighted,
                p.favourite,
            )
            for p in session.scalars(select(Product).where(Product.active))
        )


def test_bad_rows_are_all_reported_and_nothing_is_imported(till: Till, tmp_path: Path) -> None:
    before = _catalog(till)
    path = _csv(
        tmp_path,
        "N-1,,Новый товар,,,,,,100,16,pcs,0",  # line 2: good
        ",,Без артикула,,,,,,100,16,pcs,0",  # 3
        "N-3,,Цена словом,,,,,,сто,16,pcs,0",  # 4
        "N-1,,Повтор артикула,,,,,,100,16,pcs,0",  # 5
        "N-5,48x7,Буквы в штрихкоде,,,,,,100,16,pcs,0",  # 6
        "N-6,,НДС велик,,,,,,100,120,pcs,0",  # 7
        "N-7,,Единица,,,,,,100,16,box,0",  # 8
        "N-8,,,,,,,,100,16,pcs,0",  # 9: no Russian name
        "N-9,,Бесплатно,,,,,,0,16,pcs,0",  # 10
        "N-10,,Избранное?,,,,,,100,16,pcs,maybe",  # 11
        "N-11,,Отрицательная,,,,,,-5,16,pcs,0",  # 12
        'N-12,,Хороший,,,,,,"1 250,50",12,kg,1',  # 13: good
    )
    with pytest.raises(CsvImportError) as error:
        till.catalog.import_csv(admin_of(till), path)
    # Each bad row as data: where (line, column), what (code) and the values the text needs.
    problems = {p.line: (p.column, p.code, dict(p.params)) for p in error.value.problems}
    assert problems == {
        3: ("sku", "csv.empty", {}),
        4: ("price", "csv.not_amount", {"text": "сто"}),
        5: ("sku", "csv.sku_repeats", {"sku": "N-1", "first": 2}),
        6: ("barcode", "csv.barcode_digits", {"barcode": "48x7"}),
        7: ("vat_percent", "csv.vat", {"text": "120"}),
        8: ("unit", "csv.unit", {"text": "box"}),
        9: ("name_ru", "csv.empty", {}),
        10: ("price", "csv.price_not_positive", {}),
        11: ("favourite", "csv.favourite", {"text": "maybe"}),
        12: ("price", "csv.not_amount", {"text": "-5"}),
    }
    # The English fallback for logs still says where and what.
    assert str(error.value.problems[1]) == "line 4, column price: 'сто' is not an amount"
    assert error.value.key == "csv.rejected" and error.value.params == {"count": 10}
    assert _catalog(till) == before


def test_missing_columns_and_unreadable_files(till: Till, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("sku,name_ru\nA,Б\n", encoding="utf-8")
    with pytest.raises(CsvImportError) as error:
        till.catalog.import_csv(admin_of(till), path)
    (problem,) = error.value.problems
    assert (problem.line, problem.code) == (1, "csv.missing_columns")
    assert problem.params["columns"] == "price, vat_percent"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CashierError) as error:
        till.catalog.import_csv(admin_of(till), path)
    assert (error.value.key, error.value.params) == ("csv.not_utf8", {"path": str(path)})
    with pytest.raises(CashierError) as error:
        till.catalog.import_csv(admin_of(till), tmp_path / "missing.csv")
    assert error.value.key == "csv.not_found"
    with pytest.raises(CashierError) as error:
        till.catalog.import_csv(
            admin_of(till), tmp_path
        )  # a folder: the OS's reason, not Python's words
    assert error.value.key in ("csv.unreadable", "csv.no_access")
    assert "Errno" not in str(error.value.params.get("error", ""))


def test_barcode_of_another_product_is_refused(
    till: Till, products: Products, tmp_path: Path
) -> None:
    before = _catalog(till)
    path = _csv(
        tmp_path,
        "N-1,,Новый,,,,,,100,16,pcs,0",
        f"N-2,{products.bread.barcode},Чужой штрихкод,,,,,,100,16,pcs,0",
    )
    with pytest.raises(CsvImportError) as error:
        till.catalog.import_csv(admin_of(till), path)
    assert [(p.line, p.column, p.code, p.params["sku"]) for p in error.value.problems] == [
        (3, "barcode", "csv.barcode_taken", "T-BREAD")
    ]
    assert _catalog(till) == before


def test_reimport_updates_products(till: Till, products: Products, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        f"T-BREAD,{products.bread.barcode},Хлеб новый,Жаңа нан,New bread,Выпечка тест,"
        "Нан тест,Bakery test,275.50,12,pcs,1",
        "N-1,,Баурсак,Бауырсақ,Baursak,Выпечка тест,Нан тест,Bakery test,60,16,pcs,0",
    )
    result = till.catalog.import_csv(admin_of(till), path)
    assert (result.added, result.updated) == (1, 1)
    bread = till.catalog.get(products.bread.id)
    assert (bread.price, bread.vat_bp, bread.favourite, bread.names["kk"]) == (
        27_550,
        1200,
        True,
        "Жаңа нан",
    )
    assert "T-BREAD" in _skus(till, "новый") and "N-1" in _skus(till, "бауыр")
    assert "T-BREAD" not in _skus(till, "пшеничный")
    again = till.catalog.import_csv(admin_of(till), path)
    assert (again.added, again.updated) == (0, 2)


def test_export_then_import_leaves_the_catalog_equal(
    till: Till, tmp_path: Path, data_dir: Path
) -> None:
    before = _catalog(till)
    path = tmp_path / "export.csv"
    assert till.catalog.export_csv(path) == len(before)
    result = till.catalog.import_csv(admin_of(till), path)
    assert (result.added, result.updated) == (0, len(before))
    assert _catalog(till) == before
    second = tmp_path / "export2.csv"
    till.catalog.export_csv(second)
    assert second.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")

    # Into an empty till: the same catalog.
    fresh = open_till(tmp_path / "fresh", seed_demo=False)
    try:
        fresh.catalog.import_csv(admin_of(till), path)  # an admin; the empty till has no staff
        assert _catalog(fresh) == before
    finally:
        fresh.close()


def test_an_export_opened_in_a_spreadsheet_runs_no_formula_and_imports_back_unchanged(
    till: Till, tmp_path: Path
) -> None:
    """Names come from imports and backend pulls: a cell starting with = + - @ must reach a
    spreadsheet as text, and the file must still import back to the same names."""
    hostile = {
        "F-1": '=HYPERLINK("http://x.example","click")',
        "F-2": "+cmd|' /C calc'!A0",
        "F-3": "@SUM(1+1)",
        "F-4": "-2+3",
    }
    admin = admin_of(till)
    for sku, name in hostile.items():
        till.catalog.save(admin, ProductDraft(sku=sku, name_ru=name, price=100, vat_bp=0))
    path = tmp_path / "export.csv"
    till.catalog.export_csv(path)
    cells = {row["sku"]: row["name_ru"] for row in csv.DictReader(path.open(encoding="utf-8"))}
    for sku, name in hostile.items():
        assert cells[sku] == "'" + name  # the spreadsheet's own "this is text" mark
    till.catalog.import_csv(admin, path)
    names = {sku: till.catalog.search(sku)[0].names["ru"] for sku in hostile}
    assert names == hostile
