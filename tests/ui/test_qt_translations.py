"""Qt's own dialogs speak the cashier's language: the file dialog's "Look in:" and "Files of
type:", and the standard Yes/No/Cancel buttons (Qt ships these catalogs as qtbase_*.qm)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from forsell.ui.i18n import Languages

BUTTONS = (
    QMessageBox.StandardButton.Yes
    | QMessageBox.StandardButton.No
    | QMessageBox.StandardButton.Cancel
)


@pytest.fixture
def languages():
    saved = QLocale()
    switcher = Languages()
    yield switcher
    switcher.uninstall()
    QLocale.setDefault(saved)


def _file_dialog_labels(qtbot) -> set[str]:
    dialog = QFileDialog(None, "", "", "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as offscreen shows
    qtbot.addWidget(dialog)
    return {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}


def _buttons(qtbot) -> set[str]:
    box = QMessageBox(QMessageBox.Icon.Question, "", "", BUTTONS)
    qtbot.addWidget(box)
    return {b.text().replace("&", "") for b in box.findChildren(QDialogButtonBox)[0].buttons()}


@pytest.mark.parametrize(
    ("language", "look_in", "types", "buttons"),
    [
        # Qt's Russian catalog lacks these two labels: ours has them.
        ("ru", "Папка:", "Тип файлов:", {"Да", "Нет", "Отмена"}),
        ("kk", "Қайда қарау:", "Файлдар түрі:", {"Иә", "Жоқ", "Бас тарту"}),
        ("en", "Look in:", "Files of type:", {"Yes", "No", "Cancel"}),
    ],
)
def test_qt_dialogs_are_in_the_ui_language(qtbot, languages, language, look_in, types, buttons):
    languages.switch(language)
    labels = _file_dialog_labels(qtbot)
    assert look_in in labels and types in labels, labels
    assert _buttons(qtbot) == buttons


def test_uninstalling_gives_qt_its_english_back(qtbot, languages):
    languages.switch("kk")
    languages.uninstall()
    assert "Look in:" in _file_dialog_labels(qtbot)
