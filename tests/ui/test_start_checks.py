"""The checks after start, through the real till window: a database that fails ``quick_check``
stops selling with the restore steps, and PINs that cannot be checked (the secret store lost the
PIN key) are named on the login screen with the command that brings the till back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services.admin import StoreAdmin
from forsell.services.app import Till, open_till
from forsell.services.pins import RESET_COMMAND
from forsell.store.db import backup_copy
from forsell.ui.main_window import MainWindow
from forsell.vault.secrets import PIN_PEPPER, SecretStore
from platform_services import needs, secret_service

from .conftest import ADMIN_PIN, CASHIER_PIN, employee, find, log_in
from .test_till import ARABICA, scan

pytestmark = needs(secret_service)


def _damage_table(db_file: Path, table: str) -> None:
    """Overwrites the b-tree page header of ``table``'s root page, as a failing disk would."""
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with db_file.open("r+b") as raw:
        raw.seek((root[0] - 1) * page_size)
        raw.write(b"\xff" * 16)


@pytest.fixture
def damaged_till(tmp_path: Path):
    data = tmp_path / "data"
    open_till(data).close()
    good = backup_copy(data / "cashier.sqlite", data / "backups", "before-damage")
    _damage_table(data / "cashier.sqlite", "sales")
    till = open_till(data)  # it opens: only quick_check finds this damage
    yield till, good
    till.close()


def _window(qtbot, till: Till) -> MainWindow:
    win = MainWindow(till)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_damaged_database_stops_sales_with_the_restore_steps(qtbot, damaged_till) -> None:
    till, good = damaged_till
    win = _window(qtbot, till)
    try:
        till.shifts.open(employee(till, Role.SUPERVISOR), 0)
        win.run_start_checks()
        qtbot.waitUntil(lambda: win.start_check is not None, timeout=10_000)
        problem = find(win.login, "start-up problem").text()
        assert "(table sales)" in problem and str(good) in problem and "cashier.sqlite" in problem
        log_in(qtbot, win, employee(till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
        stopped = find(win.till_screen, "sales stopped").text()
        assert stopped == problem
        scan(qtbot, find(win, "scan field"), ARABICA)
        assert find(win, "cart table").rowCount() == 0  # the sale did not start
        assert str(good) in win.till_screen.search.banner.text()
        assert not win.till_screen.buttons["pay"].isEnabled()
        with pytest.raises(CashierError) as refused:  # the service refuses, not only the screen
            win.sales[win.employee.id].add(till.catalog.by_barcode(ARABICA))
        assert refused.value.key == "sale.database_damaged"
        assert refused.value.params["tables"] == "sales"
    finally:
        win.languages.uninstall()


def test_no_refund_or_cash_movement_on_a_damaged_database(damaged_till) -> None:
    """Money leaves or enters the drawer only on a sound database, like a sale."""
    till, good = damaged_till
    supervisor = employee(till, Role.SUPERVISOR)
    till.shifts.open(supervisor, 0)
    till.check_at_start()
    with pytest.raises(CashierError) as refused:
        till.shifts.cash_movement(supervisor, 10_000, "размен")
    assert refused.value.key == "sale.database_damaged" and str(good) in str(
        refused.value.params["backup"]
    )
    with pytest.raises(CashierError) as refused:
        till.refunds.refund(supervisor, "no-such-sale", {"line": 1000}, "cash")
    assert refused.value.key == "sale.database_damaged"


def test_the_restore_steps_are_said_in_russian_and_kazakh(qtbot, damaged_till) -> None:
    till, good = damaged_till
    win = _window(qtbot, till)
    try:
        win.run_start_checks()
        qtbot.waitUntil(lambda: win.start_check is not None, timeout=10_000)
        texts = {}
        for language in ("ru", "kk", "en"):
            win.languages.switch(language)
            QCoreApplication.processEvents()
            texts[language] = find(win.login, "start-up problem").text()
            assert str(good) in texts[language]
        assert "Продажи остановлены" in texts["ru"]
        assert "Сату тоқтатылды" in texts["kk"]
        assert "Selling is stopped" in texts["en"]
    finally:
        win.languages.uninstall()


def test_a_sound_database_shows_nothing_and_sells(qtbot, till) -> None:
    win = _window(qtbot, till)
    try:
        till.shifts.open(employee(till, Role.SUPERVISOR), 0)
        win.run_start_checks()
        qtbot.waitUntil(lambda: win.start_check is not None, timeout=10_000)
        assert win.start_check.damage is None and win.start_check.pins_problem is None
        assert not win.login.start_problem.isVisible()
        log_in(qtbot, win, employee(till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
        scan(qtbot, find(win, "scan field"), ARABICA)
        assert find(win, "cart table").rowCount() == 1
    finally:
        win.languages.uninstall()


def test_a_lost_pin_key_is_named_at_start_with_the_way_back(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    till = open_till(data)
    admin = till.staff.login(employee(till, Role.ADMIN).id, ADMIN_PIN)  # now peppered
    StoreAdmin(till.ctx).change_pin(admin, employee(till, Role.CASHIER, "Мария Ким").id, "4821")
    till.close()
    SecretStore(till.ctx.device_id).delete(PIN_PEPPER)  # the secret store was reset
    till = open_till(data)
    win = _window(qtbot, till)
    try:
        win.run_start_checks()
        qtbot.waitUntil(lambda: win.start_check is not None, timeout=10_000)
        shown = find(win.login, "start-up problem").text()
        assert RESET_COMMAND in shown and "secret store" in shown
        who = employee(till, Role.CASHIER, "Мария Ким")
        qtbot.mouseClick(find(win.login, f"employee {who.name}"), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(find(win.login, "login PIN"), "4821")
        qtbot.keyClick(find(win.login, "login PIN"), Qt.Key.Key_Return)
        assert win.stack.currentWidget() is win.login
        assert RESET_COMMAND in find(win.login, "login error").text()
        for language, words in (("ru", "хранилище секретов"), ("kk", "құпия қойма")):
            win.languages.switch(language)
            QCoreApplication.processEvents()
            text = find(win.login, "start-up problem").text()
            assert words in text and RESET_COMMAND in text, text
    finally:
        win.languages.uninstall()
        till.close()


def test_a_one_time_pin_opens_only_the_choice_of_an_own_pin(qtbot, tmp_path: Path) -> None:
    from forsell.services.pins import reset_all_pins
    from forsell.ui.new_pin_dialog import NewPinDialog

    from .conftest import modal

    till = open_till(tmp_path / "data")
    win = _window(qtbot, till)
    try:
        [pin] = [p.pin for p in reset_all_pins(till.ctx) if p.name == "Мария Ким"]
        maria = employee(till, Role.CASHIER, "Мария Ким")
        log_in_clicks = (find(win.login, f"employee {maria.name}"), find(win.login, "login PIN"))
        qtbot.mouseClick(log_in_clicks[0], Qt.MouseButton.LeftButton)
        qtbot.keyClicks(log_in_clicks[1], pin)
        qtbot.keyClick(log_in_clicks[1], Qt.Key.Key_Return)
        dialog = modal(qtbot, NewPinDialog)
        assert win.stack.currentWidget() is win.login and win.employee is None
        qtbot.keyClicks(find(dialog, "new PIN"), "6402")
        qtbot.keyClicks(find(dialog, "new PIN again"), "6403")
        qtbot.mouseClick(find(dialog, "save new PIN"), Qt.MouseButton.LeftButton)
        assert find(dialog, "new PIN error").text()  # the two differ: nothing saved
        qtbot.keyClicks(find(dialog, "new PIN again"), "6402")
        qtbot.mouseClick(find(dialog, "save new PIN"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.stack.currentWidget() is win.till_screen)
        assert win.employee is not None and win.employee.name == "Мария Ким"
        assert not till.staff.login(maria.id, "6402").must_change_pin
    finally:
        win.languages.uninstall()
        till.close()
