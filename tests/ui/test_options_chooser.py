"""The options chooser at the till: a latte with oat milk and vanilla syrup from the demo café,
by touch and by keyboard; required groups; editing a line's options; touch-sized targets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QPushButton

from forsell.domain.money import format_kzt
from forsell.domain.options import OptionGroup, ProductOption
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.ui.line_dialogs import QuantityDialog
from forsell.ui.options_dialog import OptionsDialog
from forsell.ui.receipt_view import receipt_html

from .conftest import CASHIER_PIN, employee, find, log_in, modal
from .test_till import ARABICA, cell, rows, scan

Key = Qt.Key
LATTE = "product Латте 300 мл"  # COF-007, 1 400 ₸: milk, syrup and extras in the demo catalog


@pytest.fixture
def selling(qtbot, window, till, open_shift):
    log_in(qtbot, window, employee(till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
    return window


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def option(dialog: OptionsDialog, option_id: str) -> QPushButton:
    return next(
        b
        for row in dialog.rows
        for i, b in zip(row.ids, row.buttons, strict=True)
        if (i or "none") == option_id
    )


def ids_of(dialog: OptionsDialog, group: int) -> list[str]:
    return [o.id for o in dialog.rows[group].group.options]


def test_a_latte_with_oat_milk_and_vanilla_syrup_by_touch_edited_and_printed(qtbot, selling):
    tap(qtbot, find(selling, LATTE))
    dialog = modal(qtbot, OptionsDialog)
    qtbot.keyClick(dialog, Key.Key_Escape)  # the customer changed their mind: nothing added
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert rows(selling) == 0
    tap(qtbot, find(selling, LATTE))
    dialog = modal(qtbot, OptionsDialog)
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == 3 + 3 + 2 + 2  # milks, None + syrups, None + the shot, Cancel, Add
    small = [
        (b.accessibleName(), b.width(), b.height())
        for b in buttons
        if b.width() < 44 or b.height() < 44
    ]
    assert small == []
    milk, syrup, _extras = dialog.rows
    assert milk.buttons[milk.ids.index(ids_of(dialog, 0)[0])].isChecked()  # regular, preselected
    assert syrup.buttons[0].isChecked() and syrup.ids[0] == ""  # "None" until a syrup is tapped
    tap(qtbot, milk.buttons[1])  # oat +200
    tap(qtbot, syrup.buttons[1])  # vanilla +250
    assert find(dialog, "price with options").text().endswith(format_kzt(185_000))
    tap(qtbot, find(dialog, "add with options"))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert rows(selling) == 1
    assert cell(selling, 0, 0).splitlines() == [
        "Латте 300 мл",
        "   + овсяное  +200\u00a0₸",
        "   + ванильный  +250\u00a0₸",
    ]
    assert cell(selling, 0, 2) == format_kzt(185_000)
    assert find(selling, "total").text().endswith(format_kzt(185_000))
    # The customer wants lactose-free milk after all: the line's options are edited (Ctrl+O).
    tap(qtbot, find(selling, "options"))
    editor = modal(qtbot, OptionsDialog)
    assert editor.chosen_ids() == (ids_of(editor, 0)[1], ids_of(editor, 1)[0])
    tap(qtbot, editor.rows[0].buttons[2])  # lactose-free +150
    tap(qtbot, find(editor, "add with options"))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert rows(selling) == 1
    assert cell(selling, 0, 2) == format_kzt(180_000)
    assert "безлактозное" in cell(selling, 0, 0)
    # The receipt prints the options under their line, with their price changes.
    receipt = selling.till_screen.sale.pay(Payment(cash_tendered=200_000))
    document = QTextDocument()
    document.setHtml(receipt_html(receipt))
    printed = [line.strip() for line in document.toPlainText().splitlines() if line.strip()]
    at = printed.index("Латте 300 мл")
    total = format_kzt(180_000).replace("\u00a0", " ")  # plain text turns no-break spaces
    assert printed[at + 1 : at + 7] == [  # one table cell per line
        "+ безлактозное",
        "+150 ₸",
        "+ ванильный",
        "+250 ₸",
        f"1 × {total}",
        total,
    ]


def test_by_keyboard_and_a_required_group_before_add(qtbot, selling, till):
    scan(qtbot, find(selling, "scan field"), ARABICA)  # no options: straight into the cart
    assert rows(selling) == 1 and QApplication.activeModalWidget() is None
    tap(qtbot, find(selling, "options"))
    assert "no options" in find(selling, "notice").text()
    tap(qtbot, find(selling, LATTE))
    dialog = modal(qtbot, OptionsDialog)
    qtbot.keyClick(dialog, Key.Key_2)  # milk: 1 regular, 2 oat; on to the next group
    qtbot.keyClick(dialog, Key.Key_Right)  # syrup: None → vanilla
    qtbot.keyClick(dialog, Key.Key_Space)
    qtbot.keyClick(dialog, Key.Key_Down)  # extras: the extra shot is its 1
    qtbot.keyClick(dialog, Key.Key_1)
    chosen = (ids_of(dialog, 0)[1], ids_of(dialog, 1)[0], ids_of(dialog, 2)[0])
    assert dialog.chosen_ids() == chosen
    qtbot.keyClick(dialog, Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert rows(selling) == 2
    assert cell(selling, 1, 2) == format_kzt(140_000 + 20_000 + 25_000 + 30_000)
    # The customer wants beans ground: a required question without a preselected answer.
    arabica = till.catalog.by_barcode(ARABICA)
    size = OptionGroup(
        "g-size",
        {"ru": "Помол"},
        (ProductOption("beans", {"ru": "зерно"}), ProductOption("fine", {"ru": "мелкий"}, 10_000)),
        min_choices=1,
    )
    till.catalog.set_option_groups(employee(till, Role.ADMIN), arabica.id, (size,))
    scan(qtbot, find(selling, "scan field"), ARABICA)  # a scan opens the chooser too
    dialog = modal(qtbot, OptionsDialog)
    add = find(dialog, "add with options")
    assert not add.isEnabled()
    qtbot.keyClick(dialog, Key.Key_Return)
    assert "Помол" in find(dialog, "dialog error").text()
    assert rows(selling) == 2
    tap(qtbot, option(dialog, "fine"))
    assert add.isEnabled()
    tap(qtbot, option(dialog, "fine"))  # a second tap keeps the only answer of a required group
    assert option(dialog, "fine").isChecked()
    tap(qtbot, add)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert rows(selling) == 3 and cell(selling, 2, 2) == format_kzt(460_000)


def test_weighed_goods_ask_their_options_after_the_weight(qtbot, selling, till):
    """Bananas by the kilo, ripe or green: the weight first, then the same chooser as for a
    latte, and the line carries both (the weight dialog alone used to put it in the cart)."""
    bananas = next(p for p in till.catalog.search("Бананы") if p.weighted)
    ripeness = OptionGroup(
        "g-ripe",
        {"ru": "Спелость"},
        (
            ProductOption("ripe", {"ru": "спелые"}, preselected=True),
            ProductOption("green", {"ru": "зелёные"}, -5_000),
        ),
        min_choices=1,
    )
    till.catalog.set_option_groups(employee(till, Role.ADMIN), bananas.id, (ripeness,))
    selling.till_screen.add_product(bananas)
    weight = modal(qtbot, QuantityDialog)
    qtbot.keyClicks(find(weight, "weight"), "0")
    qtbot.keyClick(find(weight, "weight"), Key.Key_Return)  # a wrong weight stays in its dialog
    assert QApplication.activeModalWidget() is weight and rows(selling) == 0
    find(weight, "weight").clear()
    qtbot.keyClicks(find(weight, "weight"), "2")
    qtbot.keyClick(find(weight, "weight"), Key.Key_Return)
    chooser = modal(qtbot, OptionsDialog)
    assert rows(selling) == 0  # nothing in the cart before the options are chosen
    tap(qtbot, option(chooser, "green"))
    tap(qtbot, find(chooser, "add with options"))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert rows(selling) == 1
    line = selling.till_screen.sale.view().lines[0]
    assert line.qty_milli == 2000 and line.weighted
    assert [name for name, _delta in line.options] == ["зелёные"]
    assert line.unit_price == bananas.price - 5_000


@pytest.mark.slow  # three language switches of the whole window: ~5-10 s on a loaded machine
def test_screenshots_of_the_chooser_and_the_cart_in_each_language(
    qtbot, as_started, till, open_shift, tmp_path
):
    from dataclasses import replace

    from .test_screenshots import SIZE, shoot, shot_dir

    window = as_started
    folder = shot_dir(tmp_path)
    window.resize(*SIZE)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == SIZE)
    cashier = employee(till, Role.CASHIER, "Данияр Ахметов")
    log_in(qtbot, window, cashier, CASHIER_PIN)
    screen = window.till_screen
    latte = next(p for p in till.catalog.search("COF-007") if p.sku == "COF-007")
    screen.add_product(latte)
    dialog = modal(qtbot, OptionsDialog)
    tap(qtbot, dialog.rows[0].buttons[1])  # oat milk
    tap(qtbot, dialog.rows[1].buttons[1])  # vanilla syrup
    tap(qtbot, find(dialog, "add with options"))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    for language in ("ru", "kk", "en"):
        window.languages.switch(language)
        screen.sale.employee = replace(cashier, language=language)
        screen.grid.set_language(language)
        screen.show_cart(screen.sale.view())
        shoot(window, folder, f"options_cart_{language}")
        screen.add_product(latte)
        dialog = modal(qtbot, OptionsDialog)
        tap(qtbot, dialog.rows[0].buttons[1])
        tap(qtbot, dialog.rows[1].buttons[2])  # caramel this time
        shoot(window, folder, f"options_chooser_{language}", dialog)
        dialog.reject()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert sorted(p.name for p in folder.glob("options_*.png")) == sorted(
        f"options_{what}_{language}.png"
        for what in ("cart", "chooser")
        for language in ("ru", "kk", "en")
    )


def test_the_product_editor_edits_options_in_the_csv_cells_syntax(qtbot, till, admin):
    from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget

    from forsell.ui.catalog_dialog import CatalogDialog

    from .backoffice_fixtures import by_name, shown

    dialog = shown(qtbot, CatalogDialog(till, admin))
    qtbot.keyClicks(by_name(dialog, QLineEdit, "catalog search"), "COF-003")
    by_name(dialog, QTableWidget, "products").selectRow(0)
    tap(qtbot, by_name(dialog, QPushButton, "edit product"))
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible())
    editor = dialog.editor
    assert editor.minimumSizeHint().height() <= 768  # still fits the till's screen
    field = by_name(editor, QLineEdit, "product options")
    americano = till.catalog.search("COF-003")[0]
    before = till.catalog.option_groups(americano.id)
    assert field.text().startswith("Сироп/Шәрбат/Syrup [0-1]: ванильный/ванильді/vanilla +250")
    field.setText("Сироп [0-1]: ваниль +2OO")  # a letter O for a zero
    tap(qtbot, by_name(editor, QPushButton, "save product"))
    assert "+2OO" in by_name(editor, QLabel, "product error").text()
    assert till.catalog.option_groups(americano.id) == before  # nothing written
    field.setText("Размер [1]: S -100*, L +300")
    with qtbot.waitSignal(editor.accepted):
        tap(qtbot, by_name(editor, QPushButton, "save product"))
    [size] = till.catalog.option_groups(americano.id)
    assert (size.required, [(o.names["ru"], o.price_delta) for o in size.options]) == (
        True,
        [("S", -10_000), ("L", 30_000)],
    )
