"""The recording drawn from its decoded samples: min/max per pixel column, a playhead, marks.

Click (or drag) anywhere to seek. Evidence times are marked as small ticks under the wave so
that the supervisor sees where the greeting, the offer and the farewell were.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..theme import BORDER, MUTED, PRIMARY
from .audio_engine import peaks

WAVE = QColor("#7fa79c")
PLAYED = QColor(PRIMARY)
HEAD = QColor("#b00020")


class Waveform(QWidget):
    seek_requested = Signal(float)  # seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("waveform")
        self.setMinimumHeight(72)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(84)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pcm = np.zeros(0, dtype=np.float32)
        self.rate = 16_000
        self.position = 0.0
        self.marks: list[tuple[float, QColor]] = []
        self._cache: tuple[int, np.ndarray, np.ndarray] | None = None
        self.set_message(self.tr("Loading the recording…"))

    def set_message(self, text: str) -> None:
        self.message = text
        self.setAccessibleDescription(text)
        self.update()

    def set_pcm(self, pcm: np.ndarray, rate: int) -> None:
        self.pcm, self.rate = pcm, rate
        self._cache = None
        self.message = ""
        self.update()

    def set_marks(self, marks: list[tuple[float, QColor]]) -> None:
        self.marks = marks
        self.update()

    @property
    def duration(self) -> float:
        return len(self.pcm) / self.rate if self.rate else 0.0

    def set_position(self, seconds: float) -> None:
        self.position = seconds
        self.update()

    def x_for(self, seconds: float) -> float:
        return 0.0 if not self.duration else seconds / self.duration * self.width()

    def seconds_at(self, x: float) -> float:
        return min(max(0.0, x / max(1, self.width()) * self.duration), self.duration)

    def _columns(self) -> tuple[np.ndarray, np.ndarray]:
        width = max(1, self.width())
        if self._cache is None or self._cache[0] != width:
            low, high = peaks(self.pcm, width)
            scale = max(float(np.max(np.abs(self.pcm))) if len(self.pcm) else 0.0, 1e-4)
            self._cache = (width, low / scale, high / scale)  # normalised: quiet speech visible
        return self._cache[1], self._cache[2]

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor(BORDER)))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.message or not len(self.pcm):
            painter.setPen(QColor(MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
            return
        low, high = self._columns()
        mid = (self.height() - 12) / 2
        head_x = self.x_for(self.position)
        for x in range(len(low)):
            painter.setPen(PLAYED if x <= head_x else WAVE)
            painter.drawLine(
                QPointF(x, mid - high[x] * (mid - 4)), QPointF(x, mid - low[x] * (mid - 4))
            )
        for seconds, colour in self.marks:
            mark_x = self.x_for(seconds)
            painter.fillRect(QRectF(mark_x - 1, self.height() - 10, 3, 8), colour)
        painter.setPen(QPen(HEAD, 2))
        painter.drawLine(QPointF(head_x, 0), QPointF(head_x, self.height()))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        if self.duration and event.button() == Qt.MouseButton.LeftButton:
            self.seek_requested.emit(self.seconds_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override: drag to scrub
        if self.duration and event.buttons() & Qt.MouseButton.LeftButton:
            self.seek_requested.emit(self.seconds_at(event.position().x()))
