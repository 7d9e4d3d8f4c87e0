"""Tables whose headers are longer than their values: the header wraps onto two or three lines.

The dashboard's Kazakh and Russian headers ("Жазбасы бар сатылымдар" over "7/7 (100 %)") made
its table scroll sideways at 1366 px although every value was short. Here a column is as wide as
its values, or its header up to ``cap`` pixels (never narrower than the header's longest word),
and a longer header wraps inside that width; the
header row grows to the tallest wrapped title. Tooltips keep each header whole.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionHeader, QTableWidget

PADDING = 12  # the header section's margins and sort indicator room, both sides


def fit_columns_wrapping_headers(
    table: QTableWidget, cap: int = 120, stretch: int | None = None, value_cap: int | None = None
) -> None:
    """Sizes every column but ``stretch`` to its values and its wrapped title (see above).
    With ``value_cap``, values wider than it wrap too (a table with word wrap whose rows grow
    to their contents), never narrower than their longest word: the stretched column keeps the
    room it needs."""
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    metrics = header.fontMetrics()
    tallest = 0
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        title = item.text() if item is not None else ""
        if item is not None:
            item.setToolTip(title)
        if column == stretch:
            continue
        values = table.sizeHintForColumn(column)
        if value_cap is not None and values > value_cap:
            values = max(value_cap, _longest_word(table, column) + 2 * PADDING)
        natural = metrics.horizontalAdvance(title) + 2 * PADDING
        # A word cannot wrap: the longest one ("предложений") sets the least width.
        word = max((metrics.horizontalAdvance(w) for w in title.split()), default=0)
        width = max(values, min(natural, cap), word + 2 * PADDING)
        table.setColumnWidth(column, width)
        text = metrics.boundingRect(
            QRect(0, 0, width - 2 * PADDING, 10_000), int(Qt.TextFlag.TextWordWrap), title
        )
        tallest = max(tallest, text.height())
    option = QStyleOptionHeader()
    option.initFrom(header)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
    header.setFixedHeight(max(tallest, metrics.height()) + 2 * margin + 10)


def _longest_word(table: QTableWidget, column: int) -> int:
    metrics = table.fontMetrics()
    words = (
        word
        for row in range(table.rowCount())
        if (item := table.item(row, column)) is not None
        for word in item.text().split()
    )
    return max((metrics.horizontalAdvance(w) for w in words), default=0)
