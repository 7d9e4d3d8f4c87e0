"""Admin dialogs driven like an admin would: type, click save, reopen."""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.ui.admin_dialogs import StaffDialog, StoreSettingsDialog


def _admin(till):
    return next(e for e in till.staff.staff() if e.role is Role.ADMIN)


def type_text(widget, text: str) -> None:
    """Types any Unicode text as key events (QTest.keyClicks aborts on non-Latin-1 letters)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _button(dialog, name: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name)


def test_footer_and_receipt_language_are_saved(qtbot, till):
    dialog = StoreSettingsDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    dialog.footer.setPlainText("Разговор у кассы записывается для контроля качества.")
    dialog.language.setCurrentIndex(dialog.language.findData("kk"))
    qtbot.mouseClick(_button(dialog, "save settings"), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert till.ctx.settings.get(s.RECEIPT_FOOTER).startswith("Разговор у кассы")
    assert till.ctx.settings.get(s.RECEIPT_LANGUAGE) == "kk"


def test_wrong_bin_is_shown_and_nothing_saved(qtbot, till):
    dialog = StoreSettingsDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    dialog.bin.setText("123456789012")
    qtbot.mouseClick(_button(dialog, "save settings"), Qt.MouseButton.LeftButton)
    assert "12" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert till.ctx.settings.get(s.STORE_BIN) == ""


def test_admin_adds_a_cashier_who_can_log_in(qtbot, till):
    dialog = StaffDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    before = dialog.list.count()
    type_text(dialog.name, "Ерлан Беков")
    qtbot.keyClicks(dialog.pin, "4321")
    qtbot.mouseClick(_button(dialog, "add employee"), Qt.MouseButton.LeftButton)
    assert dialog.list.count() == before + 1
    assert dialog.pin.text() == ""  # a typed PIN does not linger in the form
    new = next(e for e in till.staff.staff() if e.name == "Ерлан Беков")
    assert till.staff.login(new.id, "4321").role is Role.CASHIER


def test_the_staff_search_finds_kazakh_names_typed_on_a_russian_layout(qtbot, till):
    """Typing "гулнур" shows Гүлнұр and no one else; an empty search shows everyone again."""
    dialog = StaffDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Гүлнұр Сейітқызы")
    qtbot.keyClicks(dialog.pin, "7312")
    qtbot.mouseClick(_button(dialog, "add employee"), Qt.MouseButton.LeftButton)

    def shown() -> list[str]:
        rows = range(dialog.list.count())
        return [dialog.list.item(r).text() for r in rows if not dialog.list.isRowHidden(r)]

    everyone = len(shown())
    type_text(dialog.search, "гулнур")
    assert [t.split(" — ")[0] for t in shown()] == ["Гүлнұр Сейітқызы"]
    dialog.search.clear()
    assert len(shown()) == everyone > 1


def test_short_pin_is_refused_with_a_message(qtbot, till):
    dialog = StaffDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Ерлан")
    qtbot.keyClicks(dialog.pin, "12")
    qtbot.mouseClick(_button(dialog, "add employee"), Qt.MouseButton.LeftButton)
    assert dialog.error.text()
    assert "Ерлан" not in {e.name for e in till.staff.staff()}


def test_admin_dialog_holds_settings_and_staff_as_tabs(qtbot, till):
    from forsell.ui.admin_dialogs import AdminDialog

    dialog = AdminDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.settings_page.isVisible()
    assert not dialog.settings_page.isWindow() and not dialog.staff_page.isWindow()
    dialog.settings_page.footer.setPlainText("Запись разговоров ведётся")
    qtbot.mouseClick(_button(dialog.settings_page, "save settings"), Qt.MouseButton.LeftButton)
    assert till.ctx.settings.get(s.RECEIPT_FOOTER) == "Запись разговоров ведётся"
    assert dialog.result() == dialog.DialogCode.Accepted


# --- the settings registry drives the form ----------------------------------------------------


def test_spin_boxes_take_their_range_from_the_registry(qtbot, till):
    dialog = StoreSettingsDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    lock, limit = s.AUTO_LOCK_SECONDS, s.CASHIER_DISCOUNT_LIMIT_BP
    assert (dialog.lock.minimum(), dialog.lock.maximum()) == (lock.low, lock.high)
    assert (dialog.limit.minimum() * 100, dialog.limit.maximum() * 100) == (limit.low, limit.high)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == list(
        s.RECEIPT_LANGUAGE.choices
    )


def test_a_changed_range_in_the_registry_reaches_the_screen(qtbot, till, monkeypatch):
    # Nothing in ui/ repeats a bound: change it in the registry and the spin box follows.
    from forsell.domain import settings as registry

    monkeypatch.setattr(
        registry,
        "AUTO_LOCK_SECONDS",
        dataclasses.replace(registry.AUTO_LOCK_SECONDS, low=60, high=900),
    )
    dialog = StoreSettingsDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    assert (dialog.lock.minimum(), dialog.lock.maximum()) == (60, 900)


def test_labels_and_descriptions_come_from_the_registry(qtbot, till):
    dialog = StoreSettingsDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    for setting, field in (
        (s.STORE_NAME, dialog.name),
        (s.RECEIPT_FOOTER, dialog.footer),
        (s.AUTO_LOCK_SECONDS, dialog.lock),
    ):
        title = next(label for label in dialog.findChildren(QLabel) if label.buddy() is field)
        assert title.text() == setting.label  # the English source, no translator installed
        assert field.toolTip() == setting.description == field.accessibleDescription()
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert s.RECEIPT_FOOTER.description in shown  # the recording notice hint, visible


def test_a_setting_label_is_translated_in_the_settings_context(qtbot, till, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    seen = []

    def translate(context, text, *args):
        seen.append((context, text))
        return f"[{text}]"

    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(translate))
    dialog = StoreSettingsDialog(till, _admin(till))
    qtbot.addWidget(dialog)
    assert ("settings", s.STORE_NAME.label) in seen
    assert f"[{s.STORE_NAME.label}]" in [label.text() for label in dialog.findChildren(QLabel)]


def test_a_refused_setting_is_named_by_its_label_not_its_key(qtbot):
    from forsell.domain.errors import CashierError
    from forsell.ui.messages import message_for

    with pytest.raises(CashierError) as refused:
        s.LOCKOUT_ATTEMPTS.check(0)  # a setting without a message of its own
    text = message_for(refused.value)
    assert s.LOCKOUT_ATTEMPTS.label in text and s.LOCKOUT_ATTEMPTS.key not in text
