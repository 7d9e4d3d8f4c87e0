"""Settings & staff → Retention, offscreen: the admin sees the five periods from the registry,
saves new ones (audited), is told why untranscribed audio may not go before transcribed audio,
and sees what the newest purge removed. Pictures in ru, kk, en go to
``$FORSELL_SCREENSHOT_DIR`` (retention_<lang>.png) or else to tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox

from forsell.domain.roles import Role
from forsell.services.retention import RetentionPolicy, RetentionService
from forsell.ui.admin_dialogs import AdminDialog
from forsell.ui.i18n import Languages

from .conftest import ADMIN_PIN, employee, find

SAVED = {
    "ru": "Сроки хранения сохранены.",
    "kk": "Сақтау мерзімдері сақталды.",
    "en": "Retention periods saved.",
}
TOO_SHORT = {
    "ru": "Аудио без расшифровки",
    "kk": "Транскриптсіз аудио",
    "en": "Audio without a transcript",
}

SKIPPED = {
    "ru": "файл ключей не открылся.",
    "kk": "кілттер файлы ашылмады.",
    "en": "the key file could not be opened.",
}


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_an_admin_sets_the_retention_periods(qtbot, till, tmp_path: Path, language: str) -> None:
    languages = Languages()
    languages.switch(language)
    try:
        RetentionService(till.ctx).purge()  # nothing due: the page says so
        admin = till.staff.login(employee(till, Role.ADMIN).id, ADMIN_PIN)
        dialog = AdminDialog(till, admin)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.tabs.setCurrentWidget(dialog.retention_page)
        qtbot.waitExposed(dialog)
        page = dialog.retention_page
        audio = find(page, "retention audio_days", QSpinBox)
        assert (audio.minimum(), audio.maximum(), audio.value()) == (1, 3650, 30)
        audio.setValue(14)
        find(page, "retention sales_years", QSpinBox).setValue(6)
        save = find(page, "save retention", QPushButton)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert find(page, "retention feedback", QLabel).text() == SAVED[language]
        assert RetentionService(till.ctx).policy() == RetentionPolicy(14, 90, 365, 5, 6)

        find(page, "retention untranscribed_days", QSpinBox).setValue(10)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert find(page, "retention feedback", QLabel).text().startswith(TOO_SHORT[language])
        assert RetentionService(till.ctx).policy().untranscribed_days == 90  # nothing stored
        # The purge above had no key file: the page says what it skipped.
        assert find(page, "last purge", QLabel).text().endswith(SKIPPED[language])
        root = os.environ.get("FORSELL_SCREENSHOT_DIR")
        folder = Path(root) if root else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        dialog.resize(900, 640)
        assert dialog.grab().save(str(folder / f"retention_{language}.png"))
        dialog.reject()
    finally:
        languages.uninstall()
