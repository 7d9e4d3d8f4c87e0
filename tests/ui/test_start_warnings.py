"""The till starts without a single Qt warning: a warning at every start (a tab order between
widgets of different windows, a style sheet Qt cannot parse) hides the one that matters."""

from __future__ import annotations

from PySide6.QtCore import QtMsgType

from forsell.domain.roles import Role
from forsell.ui.i18n import Languages
from forsell.ui.main_window import MainWindow

from .conftest import SUPERVISOR_PIN, employee, log_in

#: What the offscreen test platform says about itself: not the till's doing.
PLATFORM_NOISE = ("This plugin does not support",)


def _warnings(qtlog) -> list[str]:
    return [
        r.message
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg)
        and not r.message.startswith(PLATFORM_NOISE)
    ]


def test_no_qt_warning_from_start_to_the_first_sale(qtbot, qtlog, till):
    languages = Languages()
    languages.switch(languages.current)  # as ui/app.py starts: Russian
    try:
        window = MainWindow(till, languages)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        log_in(qtbot, window, employee(till, Role.SUPERVISOR), SUPERVISOR_PIN)
        window.run_action("close shift")  # built at start of a close: its 14 counts in order
        window.run_action("open shift")
        assert not _warnings(qtlog), "\n".join(_warnings(qtlog))
    finally:
        languages.uninstall()
