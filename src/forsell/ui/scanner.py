"""The barcode scanner is a keyboard ("keyboard wedge"): it types the code fast and presses Enter.

An application event filter holds printable keystrokes that arrive on the till screen for a few
milliseconds. Keys that follow each other within ``GAP_MS`` and end in Enter are a scan, wherever
the focus is (cart table, a button, the search field), and go to ``scanned``. Anything slower is a
person typing: the held text is handed to the search field as typed, about 40 ms later.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

GAP_MS = 30  # scanners send a key every 1–10 ms; no person types faster than ~60 ms per key
MIN_CODE = 4  # shorter bursts are key chatter, not a barcode
COMMAND_CHARS = "*"  # the quantity key: never part of a barcode, goes straight to the screen
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class ScannerFilter(QObject):
    """Splits keystrokes on ``scope`` into scans (``scanned``) and typing (``type_text``)."""

    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        type_text: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(scope)
        self.scope = scope
        self.type_text = type_text
        self.clock = clock
        self._held: list[str] = []
        self._last = 0.0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(GAP_MS + 10)
        self._flush_timer.timeout.connect(self.flush)

    def install(self) -> None:
        app = QApplication.instance()
        assert app is not None, "installed from a running QApplication"
        app.installEventFilter(self)

    def remove(self) -> None:
        self._flush_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _applies_to(self, obj: QObject) -> bool:
        if not isinstance(obj, QWidget) or not self.scope.isVisible():
            return False
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            return False  # dialogs get their keys untouched
        return obj is self.scope or self.scope.isAncestorOf(obj)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() != QEvent.Type.KeyPress or not self._applies_to(obj):
            return False
        assert isinstance(event, QKeyEvent)
        now = self.clock()
        fast = bool(self._held) and (now - self._last) * 1000 <= GAP_MS
        if event.key() in _ENTER:
            if fast and len(self._held) >= MIN_CODE:
                code = "".join(self._held)
                self._held.clear()
                self._flush_timer.stop()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        text = event.text()
        if (
            text
            and text.isprintable()
            and text not in COMMAND_CHARS
            and not event.modifiers() & _COMMAND_MODIFIERS
        ):
            if self._held and not fast:
                self.flush()
            self._held.append(text)
            self._last = now
            self._flush_timer.start()
            return True
        self.flush()  # arrows, Backspace, Delete… act on the text typed so far
        return False

    def flush(self) -> None:
        """Hands held keystrokes over as typing (to the focused field, else the search field)."""
        self._flush_timer.stop()
        if not self._held:
            return
        text = "".join(self._held)
        self._held.clear()
        focus = QApplication.focusWidget()
        if (
            isinstance(focus, QLineEdit)
            and not focus.isReadOnly()
            and self.scope.isAncestorOf(focus)
        ):
            focus.insert(text)
        else:
            self.type_text(text)
