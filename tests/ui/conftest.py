"""Real widgets, offscreen, on a real SQLite till in tmp_path with the demo store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # Qt reads the platform at import: set it first
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from forsell.domain.roles import Role
from forsell.services.app import Till, open_till
from forsell.services.auth import EmployeeView
from forsell.ui import theme
from forsell.ui.main_window import MainWindow
from forsell.ui.tasks import tasks

CASHIER_PIN = "1111"  # Данияр Ахметов (demo staff)
SUPERVISOR_PIN = "5000"
ADMIN_PIN = "9000"


@pytest.fixture(autouse=True, scope="session")
def styled_app(qapp: QApplication) -> QApplication:
    qapp.setFont(theme.app_font(theme.register_fonts()))
    qapp.setStyleSheet(theme.STYLE)
    return qapp


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    opened = open_till(tmp_path / "data")
    yield opened
    # No job a test's widgets started may run on, or answer, once its database is closed: a
    # query on a closed SQLite connection fails in C, not in Python.
    tasks().wait()
    opened.close()


def employee(till: Till, role: Role, name: str | None = None) -> EmployeeView:
    return next(
        e for e in till.staff.staff() if e.role is role and (name is None or e.name == name)
    )


@pytest.fixture
def cashier(till: Till) -> EmployeeView:
    """The demo cashier, logged in (their login is in the audit trail)."""
    return till.staff.login(employee(till, Role.CASHIER).id, CASHIER_PIN)


@pytest.fixture
def supervisor(till: Till) -> EmployeeView:
    return till.staff.login(employee(till, Role.SUPERVISOR).id, SUPERVISOR_PIN)


@pytest.fixture
def admin(till: Till) -> EmployeeView:
    return till.staff.login(employee(till, Role.ADMIN).id, ADMIN_PIN)


@pytest.fixture
def open_shift(till: Till) -> None:
    till.shifts.open(employee(till, Role.SUPERVISOR), 0)


@pytest.fixture
def window(qtbot, till: Till) -> Iterator[MainWindow]:
    win = MainWindow(till)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.languages.uninstall()


def find(parent: QWidget, name: str, cls: type[QWidget] = QWidget) -> QWidget:
    """The visible widget with accessible name ``name`` (what a screen reader would find)."""
    found = [w for w in parent.findChildren(cls) if w.accessibleName() == name and w.isVisible()]
    assert found, f"no visible widget named {name!r}"
    assert len(found) == 1, f"{len(found)} visible widgets named {name!r}"
    return found[0]


def modal(qtbot, cls: type[QWidget]) -> QWidget:
    """Waits for a window-modal dialog of ``cls`` to be open and returns it."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), cls))
    return QApplication.activeModalWidget()


def log_in(qtbot, win: MainWindow, who: EmployeeView, pin: str) -> None:
    from PySide6.QtCore import Qt

    qtbot.mouseClick(find(win.login, f"employee {who.name}"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(win.login, "login PIN"), pin)
    qtbot.keyClick(find(win.login, "login PIN"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.till_screen)


# --- appended for test_whole_shift.py and test_screenshots.py --------------------------------


@pytest.fixture
def as_started(window):
    """The window as ui/app.py starts it: the default language installed (Russian)."""
    from PySide6.QtCore import QLocale

    saved = QLocale()
    window.languages.switch(window.languages.current)
    yield window
    window.languages.uninstall()
    QLocale.setDefault(saved)  # switch() changed it for the whole process
