"""Catalog CSV import: what a row may hold. Every bad row is refused with its line (and column),
all of them in one pass, and nothing is written while any row is bad."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.catalog import (
    CSV_COLUMNS,
    CSV_MAX_LENGTH,
    REQUIRED,
    CsvImportError,
    ProductDraft,
    _uncell,
)
from forsell.store.models import Category, Product

from .conftest import Products, Staff, admin_of

HEADER = ",".join(CSV_COLUMNS)
GOOD = "N-1,,Новый товар,,,,,,100,16,pcs,0,,"  # a row every check accepts


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _rows(tmp_path: Path, *rows: str) -> Path:
    return _file(tmp_path, "\n".join([HEADER, *rows]) + "\n")


def _snapshot(till: Till) -> list[tuple]:
    with till.ctx.db.read() as session:
        products = session.execute(
            select(
                Product.id,
                Product.sku,
                Product.barcode,
                Product.name_ru,
                Product.name_kk,
                Product.name_en,
                Product.price,
                Product.vat_bp,
                Product.active,
                Product.category_id,
                Product.synonyms,
            ).order_by(Product.sku)
        )
        categories = session.execute(select(Category.id, Category.name_ru).order_by(Category.id))
        return [tuple(r) for r in products] + [tuple(c) for c in categories]


def _refused(till: Till, path: Path) -> list[tuple]:
    """(line, column, code, params) of every problem; the catalog must be unchanged."""
    before = _snapshot(till)
    with pytest.raises(CsvImportError) as error:
        till.catalog.import_csv(admin_of(till), path)
    assert _snapshot(till) == before
    return [(p.line, p.column, p.code, dict(p.params)) for p in error.value.problems]


# --- 1. columns -------------------------------------------------------------------------------


def test_a_header_column_outside_the_format_is_named(till: Till, tmp_path: Path) -> None:
    bad_barcode = GOOD.replace("N-1,", "N-2,²³")
    path = _file(tmp_path, f"{HEADER},price_usd,\n{GOOD},5,\n{bad_barcode},5,\n")
    assert _refused(till, path) == [
        (1, None, "csv.unknown_column", {"name": "price_usd"}),
        (1, None, "csv.unknown_column", {"name": ""}),  # a trailing comma: a nameless column
        (3, "barcode", "csv.barcode_digits", {"barcode": "²³"}),  # the rows are checked too
    ]


def test_a_column_named_twice_is_refused(till: Till, tmp_path: Path) -> None:
    # The second name_ru would silently win over the first one.
    path = _file(tmp_path, "sku,name_ru,price,vat_percent,name_ru\nA,Хлеб,100,12,Батон\n")
    assert _refused(till, path) == [(1, None, "csv.column_repeats", {"name": "name_ru"})]


def test_a_row_with_more_fields_than_the_header_is_refused_on_its_line(
    till: Till, tmp_path: Path
) -> None:
    # "1,5" unquoted: the decimal comma split the price and shifted every cell after it.
    path = _rows(tmp_path, GOOD, "N-2,,Сахар,,,,,,1,5,16,pcs,0,,", "N-3,,Соль,,,,,,80,16,pcs,0,,")
    assert _refused(till, path) == [(3, None, "csv.extra_fields", {"count": 15, "columns": 14})]


def test_a_short_row_is_still_read_as_empty_optional_cells(till: Till, tmp_path: Path) -> None:
    path = _file(tmp_path, "sku,name_ru,price,vat_percent,unit\nS-1,Соль,80,12\n")
    result = till.catalog.import_csv(admin_of(till), path)
    assert (result.added, result.updated) == (1, 0)
    assert till.catalog.search("S-1")[0].weighted is False


# --- 2. barcodes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "barcode",
    [
        "４８７０００",  # fullwidth digits: isdigit() says yes
        "²³",  # superscripts: isdigit() says yes
        "٤٨٧٠٠٠",  # Arabic-Indic digits
        "४८७",  # Devanagari digits
        "487 000",
        "4870-001",
    ],
)
def test_a_barcode_is_ascii_digits_only(till: Till, tmp_path: Path, barcode: str) -> None:
    path = _rows(tmp_path, f"N-1,{barcode},Товар,,,,,,100,16,pcs,0,")
    assert _refused(till, path) == [(2, "barcode", "csv.barcode_digits", {"barcode": barcode})]


def test_a_barcode_has_at_most_32_digits(till: Till, tmp_path: Path) -> None:
    path = _rows(tmp_path, "N-1," + "4" * 33 + ",Товар,,,,,,100,16,pcs,0,")
    assert _refused(till, path) == [
        (2, "barcode", "csv.too_long", {"length": 33, "limit": 32}),
    ]
    ok = _rows(tmp_path, "N-1," + "4" * 32 + ",Товар,,,,,,100,16,pcs,0,")
    till.catalog.import_csv(admin_of(till), ok)
    assert till.catalog.by_barcode("4" * 32) is not None


# --- 3. control characters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "char"),
    [
        ('"Мол\x00око"', "U+0000"),  # NUL: SQLite's FTS and C strings end the name here
        ('"Мол\tоко"', "U+0009"),
        ('"Молоко\n3,2 %"', "U+000A"),  # a quoted line break: names are one line
        ('"Молоко\r3,2 %"', "U+000A"),  # read as text: a lone CR is a line break too
        ('"Мол\x1bоко"', "U+001B"),  # ESC: starts printer commands on an ESC/POS receipt
        ('"Мол\x7fоко"', "U+007F"),
        ('"Мол\x85око"', "U+0085"),  # C1 "next line"
        ('"Мол\x9bоко"', "U+009B"),  # C1 CSI
        ('"Мол\u2028око"', "U+2028"),  # Unicode's line separator
    ],
)
def test_a_control_character_in_a_name_is_refused_with_line_and_column(
    till: Till, tmp_path: Path, cell: str, char: str
) -> None:
    path = _rows(tmp_path, GOOD, f"N-2,,{cell},,,,,,100,16,pcs,0,")
    assert _refused(till, path) == [(3, "name_ru", "csv.control_char", {"char": char})]


@pytest.mark.parametrize("column", [c for c in CSV_COLUMNS if c != "barcode"])
def test_every_text_column_refuses_a_nul(till: Till, tmp_path: Path, column: str) -> None:
    cells = dict(zip(CSV_COLUMNS, GOOD.split(","), strict=True))
    cells[column] = (cells[column] or "x") + "\x00"
    path = _rows(tmp_path, ",".join(cells[c] for c in CSV_COLUMNS))
    assert _refused(till, path) == [(2, column, "csv.control_char", {"char": "U+0000"})]


def test_a_record_over_several_lines_is_reported_at_its_first_line(
    till: Till, tmp_path: Path
) -> None:
    path = _rows(tmp_path, GOOD, 'N-2,,"Молоко\n\n3,2 %",,,,,,100,16,pcs,0,', "N-3,,,,,,,,1,0,,,")
    assert [(line, code) for line, _, code, _ in _refused(till, path)] == [
        (3, "csv.control_char"),
        (6, "csv.empty"),  # the line it is really on, after the three lines of line 3
    ]


def test_plain_unicode_names_are_welcome(till: Till, tmp_path: Path) -> None:
    names = ["Құрт «Ақ» № 1", "Кофе ☕ 250 мл", "Crème brûlée", "Чай\u00a0зелёный"]
    rows = [f"U-{i},,{name},,,,,,100,16,pcs,0," for i, name in enumerate(names)]
    till.catalog.import_csv(admin_of(till), _rows(tmp_path, *rows))
    assert [till.catalog.search(f"U-{i}")[0].names["ru"] for i in range(4)] == names


# --- 4. lengths -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "limit"),
    [
        ("sku", 64),
        ("name_ru", 200),
        ("name_kk", 200),
        ("name_en", 200),
        ("category_ru", 120),
        ("category_kk", 120),
        ("category_en", 120),
        ("price", 32),
        ("vat_percent", 32),
        ("unit", 32),
        ("favourite", 32),
        ("synonyms", 5050),
    ],
)
def test_an_over_long_cell_is_refused_with_its_limit(
    till: Till, tmp_path: Path, column: str, limit: int
) -> None:
    assert CSV_MAX_LENGTH[column] == limit  # the limits the README documents
    long = "1" * (limit + 1) if column in ("price", "vat_percent") else "Я" * (limit + 1)
    if column == "synonyms":
        long = "|".join(["сироп"] * 1011)  # 6065 characters of one repeated synonym
    cells = dict(zip(CSV_COLUMNS, GOOD.split(","), strict=True)) | {column: long}
    path = _rows(tmp_path, GOOD.replace("N-1", "N-0"), ",".join(cells[c] for c in CSV_COLUMNS))
    assert _refused(till, path) == [
        (3, column, "csv.too_long", {"length": len(long), "limit": limit}),
    ]


def test_cells_at_their_limit_are_imported_whole(till: Till, tmp_path: Path) -> None:
    sku, name, category = "S" * 64, "Н" * 200, "К" * 120
    path = _rows(tmp_path, f"{sku},,{name},,,{category},,,100,16,pcs,0,")
    till.catalog.import_csv(admin_of(till), path)
    (saved,) = till.catalog.search(sku)
    assert (saved.sku, saved.names["ru"]) == (sku, name)
    assert [c.names["ru"] for c in till.catalog.categories() if c.id == saved.category_id] == [
        category
    ]


def test_a_5000_character_sku_is_refused(till: Till, tmp_path: Path) -> None:
    path = _rows(tmp_path, "A" * 5000 + ",,Товар,,,,,,100,16,pcs,0,")
    assert _refused(till, path) == [(2, "sku", "csv.too_long", {"length": 5000, "limit": 64})]


# --- 5. a field past the csv module's own limit ------------------------------------------------


def test_a_field_over_the_csv_module_limit_is_a_problem_of_its_line(
    till: Till, tmp_path: Path
) -> None:
    huge = "x" * (csv.field_size_limit() + 1)
    path = _rows(
        tmp_path,
        GOOD,
        f'N-2,,"{huge}\nстрока 2 того же поля\nстрока 3, с запятой",,,,,,100,16,pcs,0,',
        "N-3,,Хороший,,,,,,100,16,pcs,0,",
        "N-4,,,,,,,,100,16,pcs,0,",
    )
    problems = _refused(till, path)
    assert [(line, column, code) for line, column, code, _ in problems] == [
        (3, None, "csv.field_over_limit"),
        (7, "name_ru", "csv.empty"),  # read from its real start after the three-line record
    ]
    assert problems[0][3]["limit"] == csv.field_size_limit()


def test_a_huge_header_field_is_reported_not_crashed_on(till: Till, tmp_path: Path) -> None:
    path = _file(tmp_path, '"' + "x" * (csv.field_size_limit() + 5) + '"\n' + GOOD + "\n")
    assert [(line, code) for line, _, code, _ in _refused(till, path)] == [
        (1, "csv.field_over_limit")
    ]


# --- 6. one pass, nothing written ---------------------------------------------------------------


def test_every_kind_of_bad_row_is_reported_together(
    till: Till, products: Products, tmp_path: Path
) -> None:
    path = _rows(
        tmp_path,
        GOOD,  # 2
        f"N-2,{products.bread.barcode},Чужой штрихкод,,,,,,100,16,pcs,0,",  # 3: a database check
        "N-3,²³,Верхние индексы,,,,,,100,16,pcs,0,",  # 4
        "N-4,,Лишнее,,,,,,100,16,pcs,0,,,",  # 5
        "N-5,,Нулевой\x00символ,,,,,,100,16,pcs,0,",  # 6
        "A" * 5000 + ",,Длинный артикул,,,,,,100,16,pcs,0,",  # 7
        f'N-7,,"{"x" * (csv.field_size_limit() + 1)}",,,,,,100,16,pcs,0,',  # 8
        "N-8,,Хороший,,,,,,100,16,pcs,0,",  # 9
    )
    assert [(line, code) for line, _, code, _ in _refused(till, path)] == [
        (3, "csv.barcode_taken"),
        (4, "csv.barcode_digits"),
        (5, "csv.extra_fields"),
        (6, "csv.control_char"),
        (7, "csv.too_long"),
        (8, "csv.field_over_limit"),
    ]


def test_below_admin_the_approval_is_asked_before_any_row_is_read(
    till: Till, staff: Staff, tmp_path: Path
) -> None:
    with pytest.raises(CashierError) as error:
        till.catalog.import_csv(staff.cashier, _rows(tmp_path, "N-1,²³,Товар,,,,,,100,16,pcs,0,"))
    assert error.value.key == "approval.catalog_edit"


# --- any text at all ------------------------------------------------------------------------------

# Cells that pass, cells each rule refuses, and plain random text with control characters.
_CELL = st.one_of(
    st.sampled_from(
        ["", "100", "1250.50", "12", "0", "pcs", "kg", "1", "4870001", "Хлеб", "'=1+1", "a|b"]
    ),
    st.sampled_from(["²³", "４８", "\x00", "\t", "a\nb", "\x85", '"', "'", ",", ";"]),
    st.text(max_size=12),
    st.integers(0, 6).map(lambda n: "Я" * (0, 63, 65, 200, 201, 5051, 131_073)[n]),
)
_NAME = st.one_of(st.sampled_from(CSV_COLUMNS), st.text(max_size=8))
_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30)
#: A value each column takes, so that some random files are imported.
_VALID = {
    "sku": st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=8),
    "barcode": st.one_of(st.just(""), st.from_regex(r"[0-9]{1,32}", fullmatch=True)),
    "name_ru": st.text(st.characters(categories=("L", "N")), min_size=1, max_size=30),
    "name_kk": _TEXT,
    "name_en": _TEXT,
    "category_ru": _TEXT,
    "category_kk": _TEXT,
    "category_en": _TEXT,
    "price": st.sampled_from(["100", "1250.50", "1 250,50", "7"]),
    "vat_percent": st.sampled_from(["0", "12", "16", "12%"]),
    "unit": st.sampled_from(["", "pcs", "kg", "KG"]),
    "favourite": st.sampled_from(["", "0", "1", "да"]),
    "synonyms": st.sampled_from(["", "латтешка|кофе с молоком", "a|A|a"]),
}


@st.composite
def _row(draw: st.DrawFn, header: list[str]) -> list[str]:
    row = [
        draw(_VALID[name] if name in _VALID and draw(st.integers(0, 19)) else _CELL)
        for name in header
    ]
    change = draw(st.integers(-1, 12))  # now and then a row one cell short or long
    if change == -1 and row:
        row.pop()
    elif change == 0:
        row.append(draw(_CELL))
    return row


@st.composite
def _csv_text(draw: st.DrawFn) -> str:
    required = sorted(REQUIRED)
    kind = draw(st.integers(0, 9))  # mostly the documented columns in any order
    if kind < 7:
        header = draw(st.permutations(CSV_COLUMNS))
    else:
        names = draw(st.lists(_NAME, max_size=15))
        header = [*required, *names] if kind < 9 else names
    rows = draw(st.lists(_row(header), max_size=6))
    sku_at = header.index("sku") if "sku" in header else None
    if sku_at is not None and draw(st.integers(0, 3)):  # mostly unique SKUs
        for i, row in enumerate(rows):
            if sku_at < len(row):
                row[sku_at] = f"P-{i}"
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=draw(st.sampled_from([*",,,,,,,", ";", "\t"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
        lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])),
    )
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    if not draw(st.integers(0, 3)):  # a stray quote or a cut: text no writer would make
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(['"', "", '"\n', ",,"])) + text[at:]
    return text


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_csv_text())
def test_any_csv_text_is_imported_whole_or_refused_line_by_line(
    till: Till, tmp_path: Path, text: str
) -> None:
    path = _file(tmp_path, text)
    before = _snapshot(till)
    lines = len(io.StringIO(text, newline="").readlines())
    refused: CsvImportError | None = None
    try:
        result = till.catalog.import_csv(admin_of(till), path)
    except CsvImportError as error:
        refused = error
    if refused is not None:
        assert refused.problems
        for problem in refused.problems:
            assert problem.line is not None and 1 <= problem.line <= max(lines, 1), problem
        assert _snapshot(till) == before  # nothing written
        return
    # Accepted: no cell was past the csv module's limit, so the file reads back here, and each
    # of its records is a product now, under its SKU and with its Russian name.
    records = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    header, body = records[0], records[1:]
    files = [dict(zip(header, record, strict=False)) for record in body]
    skus = [_uncell(cells["sku"].strip()) for cells in files]
    with till.ctx.db.read() as session:
        stored = {
            p.sku: p.name_ru for p in session.scalars(select(Product).where(Product.sku.in_(skus)))
        }
    assert result.added + result.updated == len(files) == len(stored)
    for sku, cells in zip(skus, files, strict=True):
        assert stored[sku] == _uncell(cells["name_ru"].strip())


# --- the product editor keeps to the same rules ---------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "key"),
    [
        (ProductDraft("E-1", "Чай", 100, 0, barcode="４８７"), "product.barcode"),
        (ProductDraft("E-1", "Чай", 100, 0, barcode="48x7"), "product.barcode"),
        (ProductDraft("E" * 65, "Чай", 100, 0), "product.too_long"),
        (ProductDraft("E-1", "Ч" * 201, 100, 0), "product.too_long"),
        (ProductDraft("E-1", "Чай", 100, 0, barcode="4" * 33), "product.too_long"),
        (ProductDraft("E-1", "Ч\x00ай", 100, 0), "product.control_char"),
        (ProductDraft("E-1", "Чай", 100, 0, name_kk="Ш\tай"), "product.control_char"),
        (ProductDraft("E-1", "Чай", 100, 0, synonyms=("ча\x00й",)), "product.control_char"),
    ],
)
def test_the_editor_refuses_what_an_import_would_refuse(
    till: Till, draft: ProductDraft, key: str
) -> None:
    """Whatever the editor saves is exported, and the export must import back."""
    with pytest.raises(CashierError) as error:
        till.catalog.save(admin_of(till), draft)
    assert error.value.key == key


def test_an_edited_product_at_the_limits_exports_and_imports_back(
    till: Till, tmp_path: Path
) -> None:
    draft = ProductDraft("E" * 64, "=Ч" + "ч" * 198, 100, 0, barcode="4" * 32)
    till.catalog.save(admin_of(till), draft)
    path = tmp_path / "export.csv"
    count = till.catalog.export_csv(path)
    result = till.catalog.import_csv(admin_of(till), path)
    assert (result.added, result.updated) == (0, count)
    assert till.catalog.by_barcode("4" * 32).names["ru"] == draft.name_ru
