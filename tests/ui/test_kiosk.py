"""Kiosk mode: full screen without a frame, and the till closes only for an admin's PIN
(Alt+F4 and the window's close are one close event; the tray's Quit goes through quit_app)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.admin import StoreAdmin
from forsell.ui.kiosk import LeaveKioskDialog

from .conftest import ADMIN_PIN, SUPERVISOR_PIN, employee, modal


@pytest.fixture
def kiosk(window):
    window.start_kiosk()
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    return window


def _answer(qtbot, pin: str) -> LeaveKioskDialog:
    dialog = modal(qtbot, LeaveKioskDialog)
    for key in pin:
        qtbot.mouseClick(dialog.keypad.buttons[key], Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    return dialog


def test_closing_asks_for_an_admin_pin_and_refuses_anyone_else(qtbot, kiosk, monkeypatch):
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    kiosk.close()  # what Alt+F4 and the window manager send
    assert kiosk.isVisible()
    dialog = _answer(qtbot, SUPERVISOR_PIN)  # a supervisor is not enough
    assert dialog.isVisible() and dialog.error.text() and not quits
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert kiosk.isVisible() and not quits

    kiosk.quit_app()  # the tray's Quit
    _answer(qtbot, ADMIN_PIN)
    qtbot.waitUntil(lambda: bool(quits))
    assert not kiosk.isVisible()


def test_the_admin_turns_kiosk_mode_on_in_the_store_settings(qtbot, till):
    from forsell.ui.admin_dialogs import StoreSettingsDialog

    dialog = StoreSettingsDialog(till, till.staff.login(employee(till, Role.ADMIN).id, ADMIN_PIN))
    qtbot.addWidget(dialog)
    assert not dialog.kiosk.isChecked()
    dialog.kiosk.setChecked(True)
    dialog.save()
    assert till.ctx.settings.get(s.KIOSK) is True
    assert StoreAdmin(till.ctx).store_settings().kiosk
