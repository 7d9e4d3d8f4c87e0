"""The wheel scrolls a settings page instead of changing the values it passes over."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from forsell.domain import settings as s
from forsell.ui.setting_fields import combo_box, spin_box


def _wheel(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch towards the user: scroll down / value down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_an_unfocused_field_lets_the_wheel_scroll_the_page(qtbot) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    ranged = next(d for d in vars(s).values() if isinstance(d, s.SettingDef) and d.low is not None)
    chosen = next(d for d in vars(s).values() if isinstance(d, s.SettingDef) and d.choices)
    spin = spin_box(ranged)
    combo = combo_box(chosen, {c: c for c in chosen.choices})
    spin.setValue((spin.minimum() + spin.maximum()) // 2)
    combo.setCurrentIndex(len(chosen.choices) // 2)
    column.addWidget(spin)
    column.addWidget(combo)
    column.addSpacing(3000)  # a page taller than its window
    area = QScrollArea()
    area.setWidget(page)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    other = QWidget(page)
    other.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    other.setFocus()

    before = (spin.value(), combo.currentIndex())
    _wheel(spin)
    _wheel(combo)
    assert (spin.value(), combo.currentIndex()) == before
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead

    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin)
    assert spin.value() == before[0] - 1  # focused: the wheel is the field's again
