"""Windows a supervisor or admin opens over the till close the same way: a "Close (Esc)" button
on the right, once per window; the review has one too (it had none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTabWidget

from forsell.domain.roles import Role
from forsell.ui.admin_dialogs import AdminDialog
from forsell.ui.review.player import ClockOutput
from forsell.ui.review.review_window import ReviewDialog

from .conftest import employee
from .review_data import review_fixture  # noqa: F401 - the "review" fixture


def _closes(qtbot, dialog, name: str) -> None:
    (close,) = [b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name]
    assert close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_settings_close_once_below_every_tab(qtbot, till):
    dialog = AdminDialog(till, employee(till, Role.ADMIN))
    tabs = dialog.findChild(QTabWidget)
    for i in range(tabs.count()):  # no tab brings a Close or Cancel of its own
        own = [b.text() for b in tabs.widget(i).findChildren(QPushButton)]
        assert not [t for t in own if t.startswith(("Close", "Cancel"))], (tabs.tabText(i), own)
    qtbot.addWidget(dialog)
    dialog.show()
    _closes(qtbot, dialog, "close settings")


def test_the_review_has_a_close_button(qtbot, review):
    dialog = ReviewDialog(
        review.till, review.supervisor, service=review.service, output_factory=ClockOutput
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.list.loaded):
        dialog.show()
    _closes(qtbot, dialog, "close review")
