import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget

from forsell.domain.money import format_kzt
from forsell.services.catalog import CSV_COLUMNS
from forsell.ui.catalog_dialog import CatalogDialog
from forsell.ui.i18n import Languages

from .backoffice_fixtures import (
    approve_with,
    by_name,
    shot,
    shown,
)

LEFT = Qt.MouseButton.LeftButton
HEADER = ",".join(CSV_COLUMNS)


def _import(qtbot, dialog, path):
    """Imports through the dialog and waits for the answer (the rows are written off the GUI
    thread); the result, or None when nothing was imported."""
    dialog.import_from(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    return dialog.last_import


def _export(qtbot, dialog, path):
    dialog.export_to(path)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    return dialog.last_export


def _editor(qtbot, dialog, button: str):
    qtbot.mouseClick(by_name(dialog, QPushButton, button), LEFT)
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible())
    return dialog.editor


def test_lists_and_searches_the_catalog(qtbot, till, admin):
    dialog = shown(qtbot, CatalogDialog(till, admin))
    table = by_name(dialog, QTableWidget, "products")
    qtbot.waitUntil(lambda: table.rowCount() > 150)  # the demo catalog, read off the GUI thread
    shot(dialog, "catalog")
    qtbot.keyClicks(by_name(dialog, QLineEdit, "catalog search"), "DAI-018")
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (0, 1, 5, 7)] == [
        "DAI-018",
        "4870107000182",
        format_kzt(649_050),
        "kg",
    ]


def test_the_filter_finds_kazakh_names_typed_on_a_russian_layout(qtbot, till, admin):
    """Typing "муздай" finds "Мұздай латте" and "Мұздай американо" (Айс латте, Айс американо)."""
    dialog = shown(qtbot, CatalogDialog(till, admin))
    table = by_name(dialog, QTableWidget, "products")
    qtbot.waitUntil(lambda: table.rowCount() > 150)
    by_name(dialog, QLineEdit, "catalog search").setText("муздай")  # keyClicks: Latin-1 only
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert sorted(table.item(r, 0).text() for r in range(2)) == ["COF-015", "COF-016"]


def test_bad_import_lists_lines_and_imports_nothing(qtbot, till, admin, tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text(
        f"{HEADER}\n"
        "NEW-1,,Новый чай,,New tea,Чай,,Tea,500,16,pcs,0\n"
        "NEW-2,,Второй,,Second,Чай,,Tea,сто,16,pcs,0\n"
        "NEW-3,,Третий,,Third,Чай,,Tea,700,16,litre,0\n",
        encoding="utf-8",
    )
    dialog = shown(qtbot, CatalogDialog(till, admin))
    assert _import(qtbot, dialog, csv) is None
    problems = by_name(dialog, QListWidget, "import problems")
    lines = [problems.item(i).text() for i in range(problems.count())]
    assert lines == [
        ("line 3, column “price”: “сто” is not an amount: type digits, e.g. 1250 or 1250,50"),
        "line 4, column “unit”: “litre” is not a unit: write pcs or kg",
    ]
    assert "nothing was imported" in by_name(dialog, QLabel, "catalog message").text()
    assert till.catalog.search("NEW-1") == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ru",
            [
                (
                    "строка 3, столбец «price»: «сто» — не сумма: введите цифры, например 1250 или "
                    "1250,50"
                ),
                "строка 4, столбец «unit»: «litre» — не единица: пишите pcs или kg",
                "строка 5, столбец «sku»: артикул NEW-1 уже есть в строке 2",
                "строка 6, столбец «favourite»: «maybe» — не 1 и не 0",
            ],
        ),
        (
            "kk",
            [
                "3-жол, «price» бағаны: «сто» сома емес: цифрмен жазыңыз, мысалы 1250 не 1250,50",
                "4-жол, «unit» бағаны: «litre» өлшем бірлігі емес: pcs не kg деп жазыңыз",
                "5-жол, «sku» бағаны: NEW-1 артикулы 2-жолда бар",
                "6-жол, «favourite» бағаны: «maybe» 1 де, 0 де емес",
            ],
        ),
    ],
)
def test_bad_rows_are_listed_in_the_admins_language(
    qtbot, till, admin, tmp_path, language, expected
):
    csv = tmp_path / "bad.csv"
    csv.write_text(
        f"{HEADER}\n"
        "NEW-1,,Новый чай,,New tea,Чай,,Tea,500,16,pcs,0\n"
        "NEW-2,,Второй,,Second,Чай,,Tea,сто,16,pcs,0\n"
        "NEW-3,,Третий,,Third,Чай,,Tea,700,16,litre,0\n"
        "NEW-1,,Повтор,,,,,,700,16,pcs,0\n"
        "NEW-5,,Любимый?,,,,,,700,16,pcs,maybe\n",
        encoding="utf-8",
    )
    languages = Languages()
    languages.switch(language)
    try:
        dialog = shown(qtbot, CatalogDialog(till, admin))
        assert _import(qtbot, dialog, csv) is None
        problems = by_name(dialog, QListWidget, "import problems")
        lines = [problems.item(i).text() for i in range(problems.count())]
        assert lines == expected
        assert not any(
            english in line for line in lines for english in ("line", "column", "is not", "repeats")
        )
    finally:
        languages.uninstall()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "line 1: “price_usd” is not a catalog column: remove it or correct its name",
                "line 3, column “barcode”: “４８７０００” is not a barcode: digits only",
                "line 4, column “name_ru”: contains the control character U+0000: remove it",
                "line 5, column “sku”: 5000 characters, at most 64 are allowed",
                "line 6: a field is longer than 131072 characters, so the row cannot be read",
                "line 7: 16 fields, but the header has only 15 columns",
            ],
        ),
        (
            "kk",
            [
                "1-жол: «price_usd» каталог бағаны емес: оны өшіріңіз не атауын түзетіңіз",
                "3-жол, «barcode» бағаны: «４８７０００» штрихкод емес: тек цифрлар болуы керек",
                "4-жол, «name_ru» бағаны: ішінде U+0000 басқару таңбасы бар: оны өшіріңіз",
                "5-жол, «sku» бағаны: таңба саны 5000, ең көбі 64 болуы мүмкін",
                "6-жол: өріс 131072 таңбадан ұзын, сондықтан жолды оқу мүмкін емес",
                "7-жол: өрістер саны 16, ал тақырыпта тек 15 баған бар",
            ],
        ),
    ],
)
def test_a_hostile_file_is_refused_line_by_line_never_with_an_internal_error(
    qtbot, till, admin, tmp_path, language, expected
):
    """Extra columns, foreign digits, NUL, a 5,000-character SKU and a field past the csv
    module's limit: each is a problem of its line, in the admin's language."""
    huge, long_sku = "x" * 131_073, "S" * 5000
    csv = tmp_path / "hostile.csv"
    csv.write_text(
        f"{HEADER},price_usd\n"
        "NEW-1,,Новый чай,,,,,,500,16,pcs,0,,,5\n"
        "NEW-2,４８７０００,Чай,,,,,,500,16,pcs,0,,,5\n"
        "NEW-3,,Ч\x00ай,,,,,,500,16,pcs,0,,,5\n"
        f"{long_sku},,Чай,,,,,,500,16,pcs,0,,,5\n"
        f'NEW-5,,"{huge}",,,,,,500,16,pcs,0,,,5\n'
        "NEW-6,,Чай,,,,,,500,16,pcs,0,,,5,6\n",
        encoding="utf-8",
    )
    languages = Languages()
    languages.switch(language)
    try:
        dialog = shown(qtbot, CatalogDialog(till, admin))
        assert _import(qtbot, dialog, csv) is None
        problems = by_name(dialog, QListWidget, "import problems")
        assert [problems.item(i).text() for i in range(problems.count())] == expected
        assert till.catalog.search("NEW-1") == []
    finally:
        languages.uninstall()


def test_good_import_and_export_round_trip(qtbot, till, admin, tmp_path):
    csv = tmp_path / "good.csv"
    csv.write_text(
        f"{HEADER}\nNEW-1,4870999000011,Новый чай,Жаңа шай,New tea,Чай,Шай,Tea,1250,16,pcs,1\n",
        encoding="utf-8",
    )
    dialog = shown(qtbot, CatalogDialog(till, admin))
    result = _import(qtbot, dialog, csv)
    assert (result.added, result.updated) == (1, 0)
    assert not by_name(dialog, QListWidget, "import problems").isVisible()
    assert till.catalog.by_barcode("4870999000011").price == 125_000
    out = tmp_path / "out.csv"
    count = _export(qtbot, dialog, out)
    assert count == len(out.read_text(encoding="utf-8").splitlines()) - 1
    assert "NEW-1,4870999000011,Новый чай,Жаңа шай,New tea" in out.read_text(encoding="utf-8")
    again = _import(qtbot, dialog, out)  # what we export, we can import back unchanged
    assert (again.added, again.updated) == (0, count)
    second = tmp_path / "again.csv"
    _export(qtbot, dialog, second)
    assert second.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_add_product_with_errors_shown_in_the_editor(qtbot, till, admin):
    dialog = shown(qtbot, CatalogDialog(till, admin))
    editor = _editor(qtbot, dialog, "add product")
    qtbot.keyClicks(by_name(editor, QLineEdit, "product sku"), "TEA-900")
    by_name(editor, QLineEdit, "product name ru").setText(
        "Чай с чабрецом"
    )  # QTest types ASCII only
    qtbot.keyClicks(by_name(editor, QLineEdit, "product price"), "1 250,50")
    qtbot.keyClicks(by_name(editor, QLineEdit, "product barcode"), "4870107000175")  # cheese's
    qtbot.mouseClick(by_name(editor, QPushButton, "save product"), LEFT)
    assert "already used by DAI-017" in by_name(editor, QLabel, "product error").text()
    by_name(editor, QLineEdit, "product barcode").setText("4870999000028")
    by_name(editor, QCheckBox, "favourite").setChecked(True)
    shot(editor, "product_editor")
    with qtbot.waitSignal(editor.accepted):
        qtbot.keyClick(by_name(editor, QLineEdit, "product price"), Qt.Key.Key_Return)
    saved = till.catalog.by_barcode("4870999000028")
    assert (saved.sku, saved.price, saved.vat_bp, saved.favourite) == (
        "TEA-900",
        125_050,
        1600,
        True,
    )
    assert "Saved TEA-900" in by_name(dialog, QLabel, "catalog message").text()


def test_edit_product_price(qtbot, till, admin):
    dialog = shown(qtbot, CatalogDialog(till, admin))
    qtbot.keyClicks(by_name(dialog, QLineEdit, "catalog search"), "COF-001")
    table = by_name(dialog, QTableWidget, "products")
    table.selectRow(0)
    editor = _editor(qtbot, dialog, "edit product")
    price = by_name(editor, QLineEdit, "product price")
    assert price.text() == format_kzt(90_000, symbol=False)
    price.setText("950")
    qtbot.mouseClick(by_name(editor, QPushButton, "save product"), LEFT)
    assert next(p for p in till.catalog.search("COF-001") if p.sku == "COF-001").price == 95_000
    assert table.item(0, 5).text() == format_kzt(95_000)


def test_edit_without_selection_and_cashier_needs_approval(qtbot, till, cashier, tmp_path):
    dialog = shown(qtbot, CatalogDialog(till, cashier))
    qtbot.mouseClick(by_name(dialog, QPushButton, "edit product"), LEFT)
    assert "Choose a product" in by_name(dialog, QLabel, "catalog message").text()
    csv = tmp_path / "one.csv"
    csv.write_text(f"{HEADER}\nNEW-5,,Пятый,,Fifth,,,,100,0,pcs,0\n", encoding="utf-8")
    driver = approve_with(qtbot, ["1111"])  # a cashier's PIN does not approve catalog edits
    assert _import(qtbot, dialog, csv) is None
    assert driver.seen is not None
    assert till.catalog.search("NEW-5") == []


def test_synonyms_are_edited_in_the_product_editor_and_reach_the_scorer(qtbot, till, admin):
    from PySide6.QtWidgets import QPlainTextEdit

    from forsell.services.review.scoring import store_catalog

    dialog = shown(qtbot, CatalogDialog(till, admin))
    qtbot.keyClicks(by_name(dialog, QLineEdit, "catalog search"), "COF-003")
    by_name(dialog, QTableWidget, "products").selectRow(0)
    editor = _editor(qtbot, dialog, "edit product")
    box = by_name(editor, QPlainTextEdit, "product synonyms")
    assert box.toPlainText() == ""
    assert editor.minimumSizeHint().height() <= 768  # still fits the till's screen
    box.setPlainText("американку, чёрный кофе\nАмериканку\n")  # QTest types ASCII only
    qtbot.mouseClick(by_name(editor, QPushButton, "save product"), LEFT)
    with till.ctx.db.read() as session:
        scorer_view = {p.sku: p for p in store_catalog(session).products}
    assert scorer_view["COF-003"].synonyms == ("американку", "чёрный кофе")
    again = _editor(qtbot, dialog, "edit product")  # reopened: one per line
    assert by_name(again, QPlainTextEdit, "product synonyms").toPlainText() == (
        "американку\nчёрный кофе"
    )


def test_a_file_that_is_not_utf8_is_explained_in_russian(qtbot, till, admin, tmp_path):
    path = tmp_path / "cp1251.csv"
    path.write_bytes(f"{HEADER}\nN-1,,Чай,,,,,,500,16,pcs,0\n".encode("cp1251"))
    languages = Languages()
    languages.switch("ru")
    try:
        dialog = shown(qtbot, CatalogDialog(till, admin))
        assert _import(qtbot, dialog, path) is None
        text = by_name(dialog, QLabel, "catalog message").text()
        assert (
            text == f"{path} — не текст в кодировке UTF-8. Сохраните его как «CSV UTF-8» и "
            "импортируйте снова."
        )
    finally:
        languages.uninstall()
