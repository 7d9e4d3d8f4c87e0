"""At the counter: a newer version announced by the 4Sell service shows as a notice (never an
install), and an unexpected error leaves a crash report and offers the logs folder."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from forsell.services import settings as s
from forsell.services.doctor import check_updates
from forsell.services.pulls import PullApplier
from forsell.services.updates import newer_version
from forsell.ui import error_hook


@pytest.mark.parametrize(
    ("announced", "running", "notice"),
    [
        ("0.2.0", "0.1.0", "0.2.0"),
        ("0.10.0", "0.9.2", "0.10.0"),  # numbers, not text: 10 > 9
        (" 1.0 ", "0.9.9", "1.0"),
        ("0.1.0", "0.1.0", None),
        ("0.0.9", "0.1.0", None),  # an older announcement never asks for a downgrade
        ("", "0.1.0", None),
        ("latest", "0.1.0", None),
        ("0.2.0", "0.0.0+src", None),  # a source checkout has no comparable version
    ],
)
def test_a_notice_only_for_a_newer_version(announced, running, notice):
    assert newer_version(announced, running) == notice


def test_the_announced_version_arrives_by_pull_and_shows_in_the_status_bar(qtbot, till):
    from forsell.services.sync import SyncService
    from forsell.ui.main_window import MainWindow
    from forsell.ui.sync_status import SyncBridge

    service = SyncService(till)
    bridge = SyncBridge(service)
    window = MainWindow(till, sync=service, sync_bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    try:
        assert not window.update_notice.isVisible()
        page = [{"key": s.APP_LATEST_VERSION.key, "value": "99.0.0"}]
        assert PullApplier(till.ctx).apply("settings", page, "c1").applied == 1
        bridge.refresh()  # what the engine's status push does after a pull
        qtbot.waitUntil(window.update_notice.isVisible)
        assert "99.0.0" in window.update_notice.text()
        assert till.ctx.settings.get(s.APP_LATEST_VERSION) == "99.0.0"  # stored, nothing else
    finally:
        bridge.stop()
        service.stop()
    assert "version 99.0.0 is available" in check_updates(till.ctx.data_dir).found


class _FileManager(QObject):
    """Stands in for the desktop's file manager: Qt hands it the ``file:`` URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_an_unexpected_error_leaves_a_report_and_offers_the_logs_folder(qtbot, tmp_path: Path):
    saved = sys.excepthook, threading.excepthook
    files = _FileManager()
    QDesktopServices.setUrlHandler("file", files, "open")
    try:
        reporter = error_hook.install(tmp_path / "logs")
        texts: list[str] = []

        def press_open_logs() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            texts.append(box.text())
            (button,) = [b for b in box.buttons() if b.text() == "Open logs folder"]
            button.click()

        def slot_that_fails() -> None:
            QTimer.singleShot(50, press_open_logs)
            raise KeyError("Айгерим +77011234567")

        QTimer.singleShot(0, slot_that_fails)
        qtbot.waitUntil(lambda: reporter.shown == 1 and bool(files.opened), timeout=10000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
        sys.excepthook, threading.excepthook = saved
    assert files.opened == [QUrl.fromLocalFile(str(tmp_path / "logs"))]
    (report,) = (tmp_path / "logs").glob("crash-*.txt")
    assert report.name in texts[0]
    text = report.read_text(encoding="utf-8")
    assert "error: KeyError" in text and "in slot_that_fails" in text
    assert "+7701" not in text and "Айгерим" not in text
