"""Locks the till after a while without a key press, click or touch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
}


class AutoLock(QObject):
    """Emits ``timed_out`` after ``seconds`` of inactivity while armed. 0 seconds turns it off."""

    timed_out = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timed_out)
        self.set_seconds(seconds)
        app = QApplication.instance()
        assert app is not None, "created from a running QApplication"
        app.installEventFilter(self)

    def set_seconds(self, seconds: int) -> None:
        self.seconds = max(0, seconds)
        self._timer.setInterval(self.seconds * 1000)

    def arm(self) -> None:
        if self.seconds:
            self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restart: the cashier is still here
        return False

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
