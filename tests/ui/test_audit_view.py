"""The audit screen in a real window, offscreen: a supervisor opens Back office → Audit trail,
filters by action, pages back and forth, exports a private CSV; a cashier has no such menu.
Pictures in Russian, Kazakh and English go to ``$FORSELL_SCREENSHOT_DIR`` (audit_<lang>.png) or
else to tmp_path."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableWidget

from forsell.domain.roles import Role
from forsell.store import audit
from forsell.ui.audit_view import AuditDialog
from forsell.ui.i18n import LANGUAGES
from forsell.ui.main_window import MainWindow
from forsell.ui.tasks import tasks

from .conftest import CASHIER_PIN, SUPERVISOR_PIN, employee, find, log_in, modal

#: The heading of the chain check and the "Signed in" action in each language.
INTACT = {"ru": "Цепочка цела", "kk": "Тізбек бүтін", "en": "Chain intact"}
SIGNED_IN = {"ru": "Вход в систему", "kk": "Жүйеге кіру", "en": "Signed in"}


def shot_dir(tmp_path: Path) -> Path:
    root = os.environ.get("FORSELL_SCREENSHOT_DIR")
    folder = Path(root) if root else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def supervisor_logs_in(qtbot, window: MainWindow, language: str) -> None:
    who = employee(window.till, Role.SUPERVISOR)
    qtbot.mouseClick(find(window.login, f"employee {who.name}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window.login, LANGUAGES[language]), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(window.login, "login PIN"), SUPERVISOR_PIN)
    qtbot.keyClick(find(window.login, "login PIN"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till_screen)


def many_logins(window: MainWindow, count: int) -> None:
    till = window.till
    cashier = employee(till, Role.CASHIER)
    with till.ctx.db.write() as session:
        for _ in range(count):
            audit.record(session, till.ctx.device_id, "login", cashier.id)


def loaded(qtbot, dialog: AuditDialog) -> None:
    qtbot.waitUntil(lambda: not tasks().busy(dialog), timeout=10_000)


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_a_supervisor_reads_filters_pages_and_exports_the_trail(
    qtbot, window: MainWindow, tmp_path: Path, language: str
) -> None:
    many_logins(window, 130)
    supervisor_logs_in(qtbot, window, language)
    assert window.back_office_menu.menuAction().isVisible()
    window.audit_action.trigger()
    dialog = modal(qtbot, AuditDialog)
    loaded(qtbot, dialog)
    chain = find(dialog, "audit chain", QLabel).text()
    assert chain.startswith(INTACT[language])
    table = find(dialog, "audit entries", QTableWidget)
    assert table.rowCount() == 100  # a page
    newest = int(table.item(0, 0).text())
    assert table.item(0, 3).text() == SIGNED_IN[language]  # the supervisor's own login

    actions = find(dialog, "audit action")
    actions.setCurrentIndex(actions.findData("login_failed"))
    assert actions.currentIndex() == -1  # nobody typed a wrong PIN: not offered
    actions.setCurrentIndex(actions.findData("login"))
    qtbot.mouseClick(find(dialog, "audit show", QPushButton), Qt.MouseButton.LeftButton)
    loaded(qtbot, dialog)
    labels = {table.item(r, 3).text() for r in range(table.rowCount())}
    assert labels == {SIGNED_IN[language]}

    older = find(dialog, "audit older", QPushButton)
    assert older.isEnabled()
    qtbot.mouseClick(older, Qt.MouseButton.LeftButton)
    loaded(qtbot, dialog)
    assert table.rowCount() == 31  # 130 + the supervisor's login, 100 a page
    assert int(table.item(0, 0).text()) < newest
    assert not older.isEnabled()
    qtbot.mouseClick(find(dialog, "audit newer", QPushButton), Qt.MouseButton.LeftButton)
    loaded(qtbot, dialog)
    assert table.rowCount() == 100 and int(table.item(0, 0).text()) == newest

    dialog.resize(1180, 720)
    assert dialog.grab().save(str(shot_dir(tmp_path) / f"audit_{language}.png"))

    out = tmp_path / "audit.csv"
    dialog.export_to(out)
    loaded(qtbot, dialog)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 131
    # The auditor's spreadsheet: titles in the UI language, ";" as the store's (Russian) Excel.
    assert lines[0].split(";")[1] == QCoreApplication.translate("AuditDialog", "Time (UTC)")
    assert str(out) in find(dialog, "audit feedback", QLabel).text()
    dialog.reject()


def test_a_cashier_has_no_back_office_menu(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, employee(window.till, Role.CASHIER), CASHIER_PIN)
    assert not window.back_office_menu.menuAction().isVisible()
    assert not window.audit_action.isEnabled()
    window.audit_action.trigger()  # the shortcut does nothing either
    QApplication.processEvents()
    assert not isinstance(QApplication.activeModalWidget(), AuditDialog)


def test_the_till_purges_in_the_background_after_its_start(qtbot, till) -> None:
    """An untranscribed recording older than its 90 days is shredded by the scheduled purge
    (in the task pool); the purge's report is in the audit trail."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from forsell.domain.ids import new_id
    from forsell.services.recordings import open_vault
    from forsell.store.models import AuditEntry, Recording
    from forsell.ui.app import schedule_retention

    vault = open_vault(till.ctx)
    rid = new_id()
    vault.create(rid)
    vault.close()
    started = datetime.now(UTC) - timedelta(days=91)
    with till.ctx.db.write() as session:
        session.add(
            Recording(id=rid, device_id=till.ctx.device_id, started_at=started, status="queued")
        )
    timer = schedule_retention(till, first_after_ms=0)
    try:
        assert timer.interval() == 24 * 3600 * 1000

        def shredded() -> bool:
            with till.ctx.db.read() as session:
                return session.get(Recording, rid).shredded_at is not None

        qtbot.waitUntil(shredded, timeout=10_000)
        tasks().wait()
        with till.ctx.db.read() as session:
            report = session.scalar(
                select(AuditEntry).where(AuditEntry.action == "retention_purged")
            )
        assert report.details["untranscribed_shredded"] == 1
    finally:
        timer.stop()
        timer.deleteLater()
