"""The mouse wheel scrolls the page, not the value under the pointer.

A settings page is taller than the screen: scrolling it with the wheel passed over spin boxes
and combo boxes, and each one it crossed changed its value. A spin box or combo box now takes
the wheel only once it has the focus (a click or Tab); otherwise the wheel goes to the scroll
area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

_GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Application-wide event filter: see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, _GUARDED):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True  # the value stays as it is


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


_guard: WheelGuard | None = None


def guard_wheel(widget: QWidget | None = None) -> None:
    """Installs the guard on the application once (``widget`` None), or on one widget; a guarded
    widget takes the focus by click or Tab only, never by the wheel."""
    global _guard
    app = QCoreApplication.instance()
    if _guard is None:
        _guard = WheelGuard(app)
    if widget is None:
        if app is not None:
            app.installEventFilter(_guard)
        return
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard)
