"""Selling on the till screen: scanner bursts, search, cart edits, approvals, layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from forsell.domain.money import format_kzt
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.ui.approval import OverrideDialog
from forsell.ui.line_dialogs import DiscountDialog, QuantityDialog
from forsell.ui.park_dialog import RecallDialog
from forsell.ui.widgets import ActionButton

from .conftest import CASHIER_PIN, SUPERVISOR_PIN, employee, find, log_in, modal

ARABICA = "4870101000010"  # Кофе в зёрнах Арабика 250 г, 4 500 ₸
PIALA = "4870102000019"  # Чай чёрный «Пиала» 100 пак., 1 450 ₸


@pytest.fixture
def selling(qtbot, window, till, open_shift):
    log_in(qtbot, window, employee(till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
    return window


def scan(qtbot, widget, code: str) -> None:
    """What a keyboard-wedge scanner does: the digits at once, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def rows(window) -> int:
    return find(window, "cart table").rowCount()


def cell(window, row: int, col: int) -> str:
    return find(window, "cart table").item(row, col).text()


def test_a_scanner_burst_adds_a_line_wherever_the_focus_is(qtbot, selling):
    scan(qtbot, find(selling, "cart table"), ARABICA)
    assert rows(selling) == 1
    assert "Арабика" in cell(selling, 0, 0)
    scan(qtbot, find(selling, "scan field"), ARABICA)
    assert rows(selling) == 1 and cell(selling, 0, 1) == "2"  # same item: one more piece
    assert find(selling, "scan field").text() == ""  # the burst never landed in the field
    assert find(selling, "total").text().endswith(format_kzt(900_000))


def test_unknown_barcode_shows_a_banner_not_a_modal_and_scanning_goes_on(qtbot, selling):
    scan(qtbot, find(selling, "scan field"), "1234567890128")
    banner = find(selling, "notice")
    assert "1234567890128" in banner.text()
    assert QApplication.activeModalWidget() is None
    assert find(selling, "scan field").text() == "1234567890128"
    scan(qtbot, find(selling, "cart table"), PIALA)
    assert rows(selling) == 1 and "Пиала" in cell(selling, 0, 0)


def test_typing_searches_and_enter_adds_the_highlighted_result(qtbot, selling):
    field = find(selling, "scan field")
    qtbot.keyClicks(field, "piala")  # QTest types ASCII only; names in en match too
    results = selling.till_screen.search.results
    qtbot.waitUntil(lambda: results.isVisible() and results.count() > 0)
    assert field.text() == "piala"  # typing reached the field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    expected = results.currentItem().text().split("    ")[0]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert rows(selling) == 1 and cell(selling, 0, 0) == expected
    assert field.text() == "" and not results.isVisible()


def test_star_changes_the_quantity(qtbot, selling):
    field = find(selling, "scan field")
    scan(qtbot, field, PIALA)
    qtbot.keyClick(field, Qt.Key.Key_Asterisk)
    dialog = modal(qtbot, QuantityDialog)
    qty = find(dialog, "quantity")
    qty.selectAll()
    qtbot.keyClicks(qty, "3")
    qtbot.keyClick(qty, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cell(selling, 0, 1) == "3"
    assert cell(selling, 0, 4) == format_kzt(435_000)


def test_wrong_quantity_is_explained_in_the_dialog(qtbot, selling):
    scan(qtbot, find(selling, "scan field"), PIALA)
    qtbot.mouseClick(find(selling, "quantity"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, QuantityDialog)
    qty = find(dialog, "quantity")
    qty.setText("0")
    qtbot.mouseClick(find(dialog, "ok"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "more than zero" in find(dialog, "dialog error").text()
    assert cell(selling, 0, 1) == "1"


def test_delete_removes_the_selected_line(qtbot, selling):
    field = find(selling, "scan field")
    scan(qtbot, field, PIALA)
    scan(qtbot, field, ARABICA)
    assert rows(selling) == 2
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert rows(selling) == 1 and "Пиала" in cell(selling, 0, 0)


def test_weighted_item_from_the_grid_asks_the_weight(qtbot, selling):
    grid = selling.till_screen.grid
    fruit = next(c for c in grid.categories() if c.names["en"] == "Fruit & veg")
    qtbot.mouseClick(find(grid, f"category {fruit.names['ru']}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(grid, "product Бананы"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, QuantityDialog)
    qtbot.keyClicks(find(dialog, "weight"), "1,5")
    qtbot.keyClick(find(dialog, "weight"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rows(selling) == 1)
    assert cell(selling, 0, 1) == "1,5\u00a0кг"
    assert cell(selling, 0, 4) == format_kzt(142_500)


def _discount(qtbot, window, percent: str) -> DiscountDialog:
    qtbot.mouseClick(find(window, "line discount"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, DiscountDialog)
    qtbot.keyClicks(find(dialog, "discount value"), percent)
    qtbot.mouseClick(find(dialog, "ok"), Qt.MouseButton.LeftButton)
    return dialog


def test_discount_within_the_limit_needs_no_supervisor(qtbot, selling):
    scan(qtbot, find(selling, "scan field"), ARABICA)
    dialog = _discount(qtbot, selling, "10")
    assert "Арабика" in dialog.prompt.text()  # which line the discount is for
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cell(selling, 0, 3) == format_kzt(-45_000)


def test_discount_over_the_limit_asks_a_supervisor(qtbot, selling, till):
    assert till.ctx.settings.get(s.CASHIER_DISCOUNT_LIMIT_BP) == 1000
    scan(qtbot, find(selling, "scan field"), ARABICA)
    _discount(qtbot, selling, "50")
    override = modal(qtbot, OverrideDialog)
    assert "10\u00a0%" in override.what.text()  # the limit the discount went over
    assert cell(selling, 0, 3) == ""  # nothing applied while waiting
    qtbot.keyClicks(find(override, "supervisor PIN"), CASHIER_PIN)  # a cashier cannot approve
    qtbot.mouseClick(find(override, "approve"), Qt.MouseButton.LeftButton)
    assert override.isVisible() and find(override, "override error").text()
    qtbot.keyClicks(find(override, "supervisor PIN"), SUPERVISOR_PIN)
    qtbot.mouseClick(find(override, "approve"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert cell(selling, 0, 3) == format_kzt(-225_000)
    assert find(selling, "total").text().endswith(format_kzt(225_000))


def test_receipt_discount_names_the_amount_it_applies_to(qtbot, selling):
    scan(qtbot, find(selling, "scan field"), ARABICA)
    scan(qtbot, find(selling, "scan field"), PIALA)
    _discount(qtbot, selling, "10")  # the Piala line (selected): 1 450 − 145 ₸
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.mouseClick(find(selling, "receipt discount"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, DiscountDialog)
    # 4 500 + 1 305 after the line discount, not the 5 950 ₸ before it
    assert format_kzt(580_500) in dialog.prompt.text()
    assert format_kzt(595_000) not in dialog.prompt.text()
    dialog.reject()


def test_cancelled_override_leaves_the_price_alone(qtbot, selling):
    scan(qtbot, find(selling, "scan field"), ARABICA)
    qtbot.mouseClick(find(selling, "price"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, QApplication.activeModalWidget().__class__)
    find(dialog, "new price").setText("100")
    qtbot.mouseClick(find(dialog, "ok"), Qt.MouseButton.LeftButton)
    override = modal(qtbot, OverrideDialog)
    override.reject()
    assert cell(selling, 0, 2) == format_kzt(450_000)


def test_new_sale_with_items_asks_before_cancelling(qtbot, selling):
    scan(qtbot, find(selling, "scan field"), PIALA)
    qtbot.mouseClick(find(selling, "new sale"), Qt.MouseButton.LeftButton)
    box = modal(qtbot, QMessageBox)
    box.button(QMessageBox.StandardButton.No).click()
    assert rows(selling) == 1
    qtbot.mouseClick(find(selling, "new sale"), Qt.MouseButton.LeftButton)
    box = modal(qtbot, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    assert rows(selling) == 0


def test_park_and_recall(qtbot, selling):
    field = find(selling, "scan field")
    scan(qtbot, field, PIALA)
    qtbot.mouseClick(find(selling, "park"), Qt.MouseButton.LeftButton)
    assert rows(selling) == 0
    qtbot.mouseClick(find(selling, "recall"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, QApplication.activeModalWidget().__class__)
    qtbot.mouseClick(find(dialog, "recall chosen"), Qt.MouseButton.LeftButton)
    assert rows(selling) == 1 and "Пиала" in cell(selling, 0, 0)


def test_recall_with_items_in_the_cart_offers_to_park_them_first(qtbot, selling):
    field = find(selling, "scan field")
    scan(qtbot, field, PIALA)
    qtbot.mouseClick(find(selling, "park"), Qt.MouseButton.LeftButton)
    scan(qtbot, field, ARABICA)
    qtbot.mouseClick(find(selling, "recall"), Qt.MouseButton.LeftButton)
    box = modal(qtbot, QMessageBox)  # asked before any list is shown
    assert box.accessibleName() == "park before recall"
    box.button(QMessageBox.StandardButton.No).click()
    assert rows(selling) == 1 and "Арабика" in cell(selling, 0, 0)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    qtbot.mouseClick(find(selling, "recall"), Qt.MouseButton.LeftButton)
    modal(qtbot, QMessageBox).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecallDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.mouseClick(find(dialog, "recall chosen"), Qt.MouseButton.LeftButton)  # the oldest
    assert rows(selling) == 1 and "Пиала" in cell(selling, 0, 0)
    assert len(selling.till_screen.sale.parked()) == 1  # the Arabica sale waits in its place


def test_search_folds_kazakh_letters_says_nothing_found_and_esc_clears(qtbot, selling):
    field = find(selling, "scan field")
    panel = selling.till_screen.search
    panel.type_text("муздай")  # «Мұздай латте» typed on a Russian layout
    panel.run_search()
    shown = [panel.results.item(i).text() for i in range(panel.results.count())]
    assert any(text.startswith("Айс латте") for text in shown) and panel.results.isVisible()

    field.clear()
    panel.type_text("жжжщщ")
    panel.run_search()
    assert not panel.results.isVisible()
    assert panel.banner.isVisible() and "жжжщщ" in panel.banner.text()

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "" and not panel.results.isVisible()
    assert not panel.banner.isVisible()  # the answer to a search that is gone goes with it


def test_function_keys_work_in_the_active_window(qtbot, selling):
    selling.activateWindow()
    qtbot.waitUntil(selling.isActiveWindow)
    field = find(selling, "scan field")
    scan(qtbot, field, PIALA)
    qtbot.keyClick(field, Qt.Key.Key_F3)  # park
    assert rows(selling) == 0
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock
    assert selling.stack.currentWidget() is selling.login


def test_function_keys_work_again_as_soon_as_a_dialog_closes(qtbot, selling):
    """Without a window manager nothing gives the till back the activation after a dialog:
    the till takes it itself, or its shortcuts stay dead until the screen is tapped."""
    selling.activateWindow()
    qtbot.waitUntil(selling.isActiveWindow)
    field = find(selling, "scan field")
    scan(qtbot, field, PIALA)
    qtbot.mouseClick(find(selling, "quantity"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, QuantityDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(selling.isActiveWindow)
    assert selling.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_F3)  # park: a window shortcut
    assert rows(selling) == 0


def test_auto_lock_returns_to_login_and_keeps_the_cart(qtbot, selling, till):
    scan(qtbot, find(selling, "scan field"), PIALA)
    selling.autolock.set_seconds(1)
    selling.autolock.arm()
    with qtbot.waitSignal(selling.autolock.timed_out, timeout=3000):
        pass
    assert selling.stack.currentWidget() is selling.login
    assert find(selling.login, "selected employee").text().endswith("Данияр Ахметов")
    qtbot.keyClicks(find(selling.login, "login PIN"), CASHIER_PIN)
    qtbot.keyClick(find(selling.login, "login PIN"), Qt.Key.Key_Return)
    assert rows(selling) == 1


def assert_label_fits(label, name: str, size) -> None:
    """No word is cut at the sides and the wrapped text is not cut at the bottom."""
    metrics = label.fontMetrics()
    widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
    assert widest <= label.width(), f"{name!r}: {label.text()!r} is cut at {size}"
    assert label.heightForWidth(label.width()) <= label.height() + 1, (
        f"{name!r}: {label.text()!r} is cut at the bottom at {size}"
    )


KEY_CONTROLS = [
    "scan field",
    "cart table",
    "total",
    "pay",
    "cash",
    "card",
    "new sale",
    "park",
    "recall",
    "journal",
    "refund",
    "cash in/out",
    "open shift",
    "close shift",
    "X report",
    "lock",
    "quantity",
    "remove line",
    "line discount",
    "receipt discount",
    "price",
]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_key_controls_fit_at_common_screen_sizes(qtbot, selling, size):
    selling.resize(*size)
    qtbot.waitUntil(lambda: selling.size().width() == size[0])
    QApplication.processEvents()
    area = QRect(QPoint(0, 0), selling.size())
    for name in KEY_CONTROLS:
        widget = find(selling, name)
        rect = QRect(widget.mapTo(selling, QPoint(0, 0)), widget.size())
        assert area.contains(rect), f"{name} is outside the window at {size}"
        if isinstance(widget, ActionButton):
            assert_label_fits(widget.title, name, size)
            assert_label_fits(widget.key, name, size)
    total = find(selling, "total")
    assert total.fontMetrics().horizontalAdvance(total.text()) <= total.width()
