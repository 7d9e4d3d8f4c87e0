"""The privacy policy in a real window, offscreen: an admin who logs in is asked to accept the
version in force (Accept / Later, asked again until accepted), and Help → Privacy shows the
version, who accepted it and when, the operator's contacts and the text, in the viewer's language.

Pictures of both dialogs go to ``$FORSELL_SCREENSHOT_DIR/policy`` (for a person to look at) or
else to tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from forsell.domain.roles import Role
from forsell.services.privacy.policy import PrivacyPolicyService, shipped_operator
from forsell.store.models import AuditEntry
from forsell.ui.i18n import LANGUAGES
from forsell.ui.main_window import MainWindow
from forsell.ui.privacy_dialogs import PolicyAcceptanceDialog, PrivacyDialog

from .conftest import ADMIN_PIN, employee, find, modal

#: Words of each language's policy title and of its acceptance button (not the English source).
TITLE = {"ru": "Политика конфиденциальности", "kk": "құпиялылық саясаты", "en": "Privacy policy"}
ACCEPT = {"ru": "Принять", "kk": "Қабылдау", "en": "Accept"}


def shot_dir(tmp_path: Path) -> Path:
    root = os.environ.get("FORSELL_SCREENSHOT_DIR")
    folder = Path(root) / "policy" if root else tmp_path / "policy"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def admin_logs_in(qtbot, window: MainWindow, language: str) -> None:
    admin = employee(window.till, Role.ADMIN)
    qtbot.mouseClick(find(window.login, f"employee {admin.name}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window.login, LANGUAGES[language]), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(window.login, "login PIN"), ADMIN_PIN)
    qtbot.keyClick(find(window.login, "login PIN"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till_screen)


def open_dialogs(window: MainWindow, cls: type) -> list:
    QApplication.processEvents()
    return [d for d in window.findChildren(cls) if d.isVisible()]


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_an_admin_accepts_the_policy_at_login_and_help_privacy_shows_it(
    qtbot, window: MainWindow, tmp_path: Path, language: str
) -> None:
    till = window.till
    shots = shot_dir(tmp_path)
    admin_logs_in(qtbot, window, language)
    dialog = modal(qtbot, PolicyAcceptanceDialog)
    text = find(dialog, "privacy policy text").toPlainText()
    assert TITLE[language] in text and "5.4." in text and "6.3." in text
    assert shipped_operator().email in text  # clause 5.6, fields filled in
    accept = find(dialog, "accept the privacy policy")
    assert accept.text() == ACCEPT[language]
    dialog.resize(900, 640)
    assert dialog.grab().save(str(shots / f"acceptance_{language}.png"))

    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not open_dialogs(window, PolicyAcceptanceDialog))
    policy = PrivacyPolicyService(till.ctx).in_force()
    admin = employee(till, Role.ADMIN)
    assert policy.accepted and policy.accepted_by == admin.name
    with till.ctx.db.read() as session:
        entry = session.query(AuditEntry).filter_by(action="privacy_policy_accepted").one()
    assert (entry.employee_id, entry.details["version"]) == (admin.id, "1.0")

    # Help → Privacy, from the window's menu
    assert [a.objectName() for a in window.help_menu.actions()] == ["privacy"]
    window.privacy_action.trigger()
    privacy = modal(qtbot, PrivacyDialog)
    version = find(privacy, "policy version", QLabel).text()
    assert version.startswith("1.0") and "01.12.2026" in version
    accepted = find(privacy, "policy accepted", QLabel).text()
    assert admin.name in accepted
    assert till.ctx.local(policy.accepted_at).strftime("%d.%m.%Y %H:%M") in accepted
    operator = shipped_operator()
    assert find(privacy, "operator email", QLabel).text() == operator.email
    assert find(privacy, "operator phone", QLabel).text() == operator.phone
    assert operator.bin in find(privacy, "operator", QLabel).text()
    assert TITLE[language] in find(privacy, "privacy policy text").toPlainText()
    privacy.resize(900, 700)
    assert privacy.grab().save(str(shots / f"privacy_{language}.png"))
    privacy.accept()

    # accepted: the next admin login is not asked again
    window.lock()
    admin_logs_in(qtbot, window, language)
    assert not open_dialogs(window, PolicyAcceptanceDialog)


def test_later_leaves_it_unaccepted_and_the_next_admin_login_asks_again(
    qtbot, window: MainWindow
) -> None:
    admin_logs_in(qtbot, window, "ru")
    dialog = modal(qtbot, PolicyAcceptanceDialog)
    qtbot.mouseClick(find(dialog, "accept the privacy policy later"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not open_dialogs(window, PolicyAcceptanceDialog))
    assert PrivacyPolicyService(window.till.ctx).awaiting_acceptance() is not None
    window.privacy_action.trigger()
    privacy = modal(qtbot, PrivacyDialog)
    assert "не принята" in find(privacy, "policy accepted", QLabel).text().lower()
    privacy.accept()
    window.lock()
    admin_logs_in(qtbot, window, "ru")
    assert modal(qtbot, PolicyAcceptanceDialog).policy.version == "1.0"


def test_a_cashier_is_never_asked_but_may_read_the_policy(qtbot, window: MainWindow) -> None:
    from .conftest import CASHIER_PIN, log_in

    log_in(qtbot, window, employee(window.till, Role.CASHIER), CASHIER_PIN)
    assert not open_dialogs(window, PolicyAcceptanceDialog)
    window.privacy_action.trigger()
    privacy = modal(qtbot, PrivacyDialog)
    assert find(privacy, "policy version", QLabel).text().startswith("1.0")
