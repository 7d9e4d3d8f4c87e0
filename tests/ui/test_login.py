"""Login screen: PIN, wrong PIN messages, language choice remembered per employee."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forsell.domain.roles import Role

from .conftest import CASHIER_PIN, employee, find, log_in


def test_wrong_pin_shows_a_message_then_the_right_pin_opens_the_till(qtbot, window, till):
    cashier = employee(till, Role.CASHIER, "Данияр Ахметов")
    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    pin = find(window.login, "login PIN")
    qtbot.keyClicks(pin, "9999")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert "Wrong PIN" in find(window.login, "login error").text()
    assert "4" in find(window.login, "login error").text()  # attempts left
    assert window.stack.currentWidget() is window.login
    assert pin.text() == ""
    qtbot.keyClicks(pin, CASHIER_PIN)
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.till_screen
    assert cashier.name in find(window, "cashier").text()


def test_keypad_types_the_pin(qtbot, window, till):
    cashier = employee(till, Role.CASHIER, "Мария Ким")
    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    for digit in "2222":
        qtbot.mouseClick(find(window.login, f"key {digit}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window.login, "log in"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.till_screen


def test_chosen_language_is_remembered_for_the_next_login(qtbot, window, till):
    cashier = employee(till, Role.CASHIER, "Данияр Ахметов")
    assert cashier.language == "ru"
    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window.login, "Қазақша"), Qt.MouseButton.LeftButton)
    assert window.languages.current == "kk"
    qtbot.keyClicks(find(window.login, "login PIN"), CASHIER_PIN)
    qtbot.keyClick(find(window.login, "login PIN"), Qt.Key.Key_Return)
    assert employee(till, Role.CASHIER, cashier.name).language == "kk"
    assert window.till_screen.sale.employee.language == "kk"

    qtbot.mouseClick(find(window.till_screen, "lock"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    assert window.languages.current == "kk"  # her language from last time
    assert find(window.login, "Қазақша").isChecked()


def test_a_language_picked_before_the_name_is_kept(qtbot, window, till):
    cashier = employee(till, Role.CASHIER, "Данияр Ахметов")
    assert cashier.language == "ru"
    qtbot.mouseClick(find(window.login, "English"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    assert window.languages.current == "en" and find(window.login, "English").isChecked()
    qtbot.keyClicks(find(window.login, "login PIN"), CASHIER_PIN)
    qtbot.keyClick(find(window.login, "login PIN"), Qt.Key.Key_Return)
    assert employee(till, Role.CASHIER, cashier.name).language == "en"  # and remembered
    window.languages.uninstall()  # later tests expect the source texts


def test_pseudo_localisation_changes_the_texts_at_once(qtbot, window, monkeypatch):
    button = find(window.login, "log in")
    before = button.text()
    monkeypatch.setenv("FORSELL_PSEUDO_L10N", "1")
    qtbot.mouseClick(find(window.login, "English"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.text() != before)
    assert button.text().startswith("[") and len(button.text()) > len(before)
    assert "Ĺ" not in button.text()  # sanity: accents come from the pseudo table only
    assert find(window.login, "Русский").text() == "Русский"  # language names stay readable


def test_a_locked_out_employee_is_told_until_when(qtbot, window, till):
    cashier = employee(till, Role.CASHIER, "Мария Ким")
    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    pin = find(window.login, "login PIN")
    for _ in range(5):
        qtbot.keyClicks(pin, "0000")
        qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert "Locked until" in find(window.login, "login error").text()
    qtbot.keyClicks(pin, "2222")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.login


def test_till_screen_after_login_uses_the_employee(qtbot, window, till):
    supervisor = employee(till, Role.SUPERVISOR)
    log_in(qtbot, window, supervisor, "5000")
    assert not find(window.till_screen, "open shift").isHidden()
    assert window.till_screen.buttons["catalog"].isHidden()  # admins only


def test_staff_pulled_from_the_server_appear_on_the_login_screen(qtbot, till):
    from PySide6.QtWidgets import QPushButton

    from forsell.fakes.fake_backend import DEMO_ITEMS
    from forsell.services.pulls import PullApplier
    from forsell.services.sync import SyncService
    from forsell.ui.main_window import MainWindow
    from forsell.ui.sync_status import SyncBridge

    service = SyncService(till)
    bridge = SyncBridge(service)
    window = MainWindow(till, sync=service, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    try:
        name = DEMO_ITEMS["staff"][0]["name"]  # a new cashier, demo PIN 3333
        assert f"employee {name}" not in {
            b.accessibleName() for b in window.login.findChildren(QPushButton)
        }
        assert PullApplier(till.ctx).apply("staff", DEMO_ITEMS["staff"], "c1").applied == 1
        bridge.refresh()  # what the engine's status push does after a pull
        qtbot.waitUntil(
            lambda: (
                f"employee {name}"
                in {
                    b.accessibleName()
                    for b in window.login.findChildren(QPushButton)
                    if b.isVisible()
                }
            )
        )
        log_in(qtbot, window, employee(till, Role.CASHIER, name), "3333")
    finally:
        window.languages.uninstall()  # she works in Kazakh: later tests expect the source texts
        bridge.stop()
        service.stop()
