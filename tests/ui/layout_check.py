"""Finds text that does not fit the widget showing it: the check behind the layout tests.

A widget "clips" when the words it was given need more room than its contents rectangle has:
a single-line label or a button narrower than its text, a word-wrapped label shorter than the
lines it wraps into, a tab narrower than its title, a combo box narrower than its current item,
or text Qt (or our own code) shortened with "…".
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableWidget,
    QWidget,
)

#: Anti-aliasing and rounding may draw a pixel past the advance; one pixel is not a clipped word.
SLACK = 1
ELLIPSIS = "…"


def _name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _label_width_needed(label: QLabel) -> int:
    """The widest line of the label, as drawn (rich text through a document of its font)."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        return int(doc.idealWidth() + 0.99)
    metrics = label.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _label(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    room_w = room.width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return (
                f"wrapped label {_name(label)!r} {label.text()!r} needs {needed}px high, "
                f"has {label.height()}"
            )
        # A word longer than the line cannot wrap: its end is cut whatever the height.
        words = _plain(label).split()
        longest = max(words, key=label.fontMetrics().horizontalAdvance, default="")
        needed = label.fontMetrics().horizontalAdvance(longest)
        if needed > room_w + SLACK:
            return f"wrapped label {_name(label)!r}: {longest!r} needs {needed}px, has {room_w}"
        return None
    needed = _label_width_needed(label)
    if needed > room_w + SLACK:
        return f"label {_name(label)!r} {_plain(label)!r} needs {needed}px, has {room_w}"
    return None


def _button(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint().width()
    if isinstance(button, QPushButton | QCheckBox | QRadioButton) and hint > button.width() + SLACK:
        kind = type(button).__name__
        return f"{kind} {_name(button)!r} {button.text()!r} needs {hint}px, has {button.width()}"
    return None


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        need, has = bar.tabSizeHint(i).width(), bar.tabRect(i).width()
        if need > has + SLACK:
            found.append(f"tab {bar.tabText(i)!r} needs {need}px, has {has}")
        if bar.tabRect(i).right() > bar.width() and not bar.usesScrollButtons():
            found.append(f"tab {bar.tabText(i)!r} lies beyond its bar")
    if bar.usesScrollButtons() and bar.count():
        last = bar.tabRect(bar.count() - 1)
        if last.right() > bar.width():  # the cashier would have to scroll to find a tab
            found.append(f"tab bar {_name(bar)!r} scrolls: {bar.tabText(bar.count() - 1)!r}")
    return found


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > field.width() + SLACK:
        return f"combo box {_name(combo)!r} {text!r} needs {needed}px, has {field.width()}"
    return None


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def clipped_texts(root: QWidget) -> list[str]:
    """Every clipped or elided text on the visible part of ``root``."""
    QApplication.processEvents()
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not shown(widget):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label(widget)
            if problem is None and ELLIPSIS in widget.text() and widget.toolTip():
                problem = f"label {_name(widget)!r} elided to {widget.text()!r}"
        elif isinstance(widget, QAbstractButton):
            problem = _button(widget)
            if problem is None and ELLIPSIS in widget.text() and widget.toolTip():
                problem = f"button {_name(widget)!r} elided to {widget.text()!r}"
        elif isinstance(widget, QComboBox):
            problem = _combo(widget)
        elif isinstance(widget, QTabBar):
            found.extend(_tabs(widget))
        if problem:
            found.append(problem)
    return found


#: A cell's text sits inside the grid line and the item's own margins on both sides.
CELL_PADDING = 8


def clipped_cells(table: QTableWidget) -> list[str]:
    """Every cell of ``table`` whose text is wider than its column (one line) or, in a table that
    wraps, taller than its row once wrapped: what an elided or cut name looks like in a table."""
    QApplication.processEvents()
    found: list[str] = []
    for row in range(table.rowCount()):
        if table.isRowHidden(row):
            continue
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text() or table.isColumnHidden(column):
                continue
            metrics = table.fontMetrics()
            room = table.columnWidth(column) - CELL_PADDING
            if table.wordWrap():
                wrapped = metrics.boundingRect(
                    QRect(0, 0, max(1, room), 100_000), int(Qt.TextFlag.TextWordWrap), item.text()
                )
                words = max(metrics.horizontalAdvance(w) for w in item.text().split() or [""])
                if wrapped.height() > table.rowHeight(row) + SLACK or words > room + SLACK:
                    found.append(f"{_name(table)} cell ({row}, {column}) cut: {item.text()!r}")
            elif metrics.horizontalAdvance(item.text()) > room + SLACK:
                found.append(f"{_name(table)} cell ({row}, {column}) cut: {item.text()!r}")
    return found
