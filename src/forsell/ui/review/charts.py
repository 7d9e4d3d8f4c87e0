"""Bar charts drawn with QPainter (no QtCharts): labelled bars, values on top, one colour.

``BarChart.set_data([(label, value), …], format)``: values are plain numbers; ``format`` turns
one into the text shown above its bar (money, percent). Drawn to any QPaintDevice, so the same
chart goes on screen and, as an image, into the PDF report.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..theme import BORDER, MUTED, PRIMARY, TEXT

BAR = QColor(PRIMARY)


def _plain(value: float) -> str:
    return f"{value:g}"


class BarChart(QWidget):
    def __init__(
        self, title: str = "", accessible: str = "chart", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(accessible)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.bars: list[tuple[str, float]] = []
        self.fmt: Callable[[float], str] = _plain

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(420, 220)

    def set_data(
        self,
        bars: Sequence[tuple[str, float]],
        fmt: Callable[[float], str] = _plain,
        title: str | None = None,
    ) -> None:
        self.bars = list(bars)
        self.fmt = fmt
        if title is not None:
            self.title = title
        self.setAccessibleDescription("; ".join(f"{label}: {fmt(v)}" for label, v in self.bars))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        self.draw(painter, QRectF(self.rect()))
        painter.end()

    def image(self, width: int = 900, height: int = 300) -> QImage:
        """The chart as a picture (for the PDF report)."""
        picture = QImage(width, height, QImage.Format.Format_RGB32)
        picture.fill(QColor("white"))
        painter = QPainter(picture)
        self.draw(painter, QRectF(0, 0, width, height))
        painter.end()
        return picture

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(area, QColor("white"))
        painter.setPen(QColor(BORDER))
        painter.drawRect(area.adjusted(0, 0, -1, -1))
        font = QFont(painter.font())
        font.setPixelSize(13)
        painter.setFont(font)
        top = area.top() + 6
        if self.title:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor(TEXT))
            painter.drawText(
                QRectF(area.left() + 8, top, area.width() - 16, 18),
                Qt.AlignmentFlag.AlignLeft,
                self.title,
            )
            painter.setFont(font)
            top += 22
        if not self.bars:
            painter.setPen(QColor(MUTED))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "—")
            return
        label_h, value_h = 30, 16
        plot = QRectF(
            area.left() + 8,
            top + value_h,
            area.width() - 16,
            area.bottom() - top - value_h - label_h - 4,
        )
        peak = max((v for _l, v in self.bars), default=0) or 1
        slot = plot.width() / len(self.bars)
        width = max(2.0, min(48.0, slot * 0.7))
        # Labels wrap at spaces; when even one word is wider than a bar's slot (24 hours on a
        # narrow chart), only every n-th label is drawn, so that they never run together.
        metrics = QFontMetrics(font)
        word = max(
            (metrics.horizontalAdvance(w) for label, _v in self.bars for w in label.split()),
            default=0,
        )
        every = max(1, math.ceil((word + 6) / slot)) if slot > 0 else 1
        for i, (label, value) in enumerate(self.bars):
            x = plot.left() + slot * i + (slot - width) / 2
            h = max(0.0, value) / peak * plot.height()
            bar = QRectF(x, plot.bottom() - h, width, h)
            painter.fillRect(bar, BAR)
            painter.setPen(QColor(TEXT))
            text_box = QRectF(plot.left() + slot * i, bar.top() - value_h, slot, value_h)
            if slot >= 34:
                painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, self.fmt(value))
            painter.setPen(QColor(MUTED))
            if i % every:
                continue
            centre = plot.left() + slot * (i + 0.5)
            label_box = QRectF(centre - slot * every / 2, plot.bottom() + 2, slot * every, label_h)
            painter.drawText(
                label_box,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                label,
            )
        painter.setPen(QColor(BORDER))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
