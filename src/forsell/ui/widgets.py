"""Small building blocks shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

#: The smallest till-button label: still read from a step back from the counter.
MIN_TITLE_PX = 11


def set_role(widget: QWidget, role: str) -> None:
    """Picks a style from theme.STYLE (``role="primary"`` etc.)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ActionButton(QPushButton):
    """A big button with its label (wrapping onto two lines when a translation is long) and,
    under it, the key that triggers it. The button owns the shortcut.

    The shortcut is a QShortcut on ``scope`` rather than the button's own: a button shortcut
    clicks with a 100 ms animation, and the scanner-fast till should not wait for it.
    """

    def __init__(
        self,
        accessible: str,
        keys: list[QKeySequence | str],
        scope: QWidget,
        role: str = "",
        parent: QWidget | None = None,
    ) -> None:
        from PySide6.QtWidgets import QSizePolicy, QVBoxLayout

        super().__init__(parent)
        self.setAccessibleName(accessible)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays in the scan field
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._keys = [QKeySequence(k) for k in keys]
        self.shortcuts = [QShortcut(k, scope, self._trigger) for k in self._keys]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        self._base_px: int | None = None  # the style sheet's title size, before any fitting
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("actionTitle")
        self.key = QLabel(self.key_text())
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setObjectName("actionKey")
        for label in (self.title, self.key):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            # The title takes the room the key leaves: a title that wraps onto a second line
            # after a language switch needs it (a button passes no height-for-width on).
            layout.addWidget(label, 1 if label is self.title else 0)
        if role:
            set_role(self, role)

    def key_text(self) -> str:
        return self._keys[0].toString(QKeySequence.SequenceFormat.NativeText) if self._keys else ""

    def _trigger(self) -> None:
        if self.isEnabled() and self.isVisible():
            self.click()

    def set_label(self, label: str) -> None:
        self.title.setText(label)
        self.setAccessibleDescription(label)
        key = self.key_text()
        self.setToolTip(f"{label} ({key})" if key else label)
        self._fit_title()

    def label(self) -> str:
        return self.title.text()

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """A label wraps between words, never inside one: when its longest word (Kazakh
        "Қалдырылғанды", Russian "Внесение/изъятие") is wider than the button, the type gets
        smaller until it fits, down to a size still read at arm's length."""
        if self._base_px is None:
            self.title.ensurePolished()  # the style sheet's size, not the application font's
            self._base_px = self.title.font().pixelSize()
        room = self.width() - 12  # the layout's margins and the button's border
        words = self.title.text().split() or [""]
        font = QFont(self.title.font())
        size = self._base_px
        while size > MIN_TITLE_PX:
            font.setPixelSize(size)
            if max(QFontMetrics(font).horizontalAdvance(w) for w in words) <= room:
                break
            size -= 1
        wanted = "" if size == self._base_px else f"font-size: {size}px;"
        if self.title.styleSheet() != wanted:
            self.title.setStyleSheet(wanted)

    def minimumSizeHint(self) -> QSize:  # Qt override: two lines of label and the key
        return QSize(72, 56)


class Banner(QLabel):
    """A non-blocking notice above the cart; hides itself after a while."""

    def __init__(self, parent: QWidget | None = None, timeout_ms: int = 8000) -> None:
        super().__init__(parent)
        self.setAccessibleName("notice")
        self.setWordWrap(True)
        set_role(self, "banner")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.clear_notice)
        self.hide()

    def show_notice(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._timer.start()

    def clear_notice(self) -> None:
        self.clear()
        self.hide()


class Keypad(QWidget):
    """Digits for touch screens, typing into ``target`` (buttons never take the focus)."""

    def __init__(self, target, extra: str = ",", parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QGridLayout

        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", extra, "0", "⌫"]
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            if not key:
                continue
            button = QPushButton(key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName("backspace" if key == "⌫" else f"key {key}")
            set_role(button, "key")
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button

    def press(self, key: str) -> None:
        if key == "⌫":
            self.target.backspace()
        else:
            self.target.insert(key)
        self.target.setFocus()


class Tile(QPushButton):
    """A touch tile whose text wraps (QPushButton alone never wraps: long names get cut)."""

    def __init__(
        self, title: str, subtitle: str = "", height: int = 76, parent: QWidget | None = None
    ) -> None:
        from PySide6.QtWidgets import QSizePolicy, QVBoxLayout

        super().__init__(parent)
        self._height = height
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 14px; background: transparent;")
        layout.addWidget(self.title, 1)
        self.subtitle = QLabel(subtitle)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setStyleSheet("font-size: 14px; font-weight: bold; background: transparent;")
        self.subtitle.setVisible(bool(subtitle))
        layout.addWidget(self.subtitle)
        for label in (self.title, self.subtitle):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self) -> QSize:  # Qt override: the labels, not the (empty) button text, size it
        return QSize(120, self._height)

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(60, self._height)
