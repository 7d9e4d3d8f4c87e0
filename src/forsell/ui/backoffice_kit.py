"""The shared look and small parts of the supervisor/admin dialogs (shift, refund, report, catalog).

One style sheet and one way to report errors keep the back-office dialogs calm and alike: 16 px
text, 44 px touch targets, a red line inside the dialog instead of a crash or a stack of pop-ups.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QWidget

from forsell.domain.errors import CashierError

from .messages import message_for
from .theme import TOUCH_STYLE

T = TypeVar("T")
log = logging.getLogger(__name__)

RED, AMBER, GREEN, MUTED = "#b3261e", "#9a5b00", "#1b6e2d", "#5f6670"

STYLE = f"""
QDialog {{ background: #fbfbfc; }}
QDialog, QDialog QWidget {{ font-size: 16px; }}
QLabel[role="title"] {{ font-size: 20px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="big"] {{ font-size: 20px; font-weight: 600; }}
QPushButton {{
    min-height: 44px; padding: 0 18px; border: 1px solid #c3c8d0; border-radius: 6px;
    background: #ffffff; color: #1d232b;
}}
QPushButton:hover {{ background: #f0f3f7; }}
QPushButton:focus {{ border: 2px solid #2f6fd6; }}
QPushButton:disabled {{ color: #a0a6ad; background: #f3f4f6; border-color: #dde0e4; }}
QPushButton[kind="primary"] {{
    background: #2f6fd6; color: #ffffff; border: 1px solid #2459b0; font-weight: 600;
}}
QPushButton[kind="primary"]:hover {{ background: #2861bf; }}
QPushButton[kind="primary"]:focus {{ border: 2px solid #0f2f66; }}
QPushButton[kind="primary"]:disabled {{ background: #a9c1ea; border-color: #a9c1ea; }}
QPushButton[kind="danger"] {{ color: {RED}; border-color: #e0a9a5; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{
    min-height: 44px; padding: 0 8px; border: 1px solid #c3c8d0; border-radius: 6px;
    background: #ffffff;
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus {{
    border: 2px solid #2f6fd6;
}}
{TOUCH_STYLE}
QTableWidget, QListWidget, QTextBrowser {{
    border: 1px solid #d5d9df; border-radius: 6px; background: #ffffff;
}}
QHeaderView::section {{
    background: #eef1f5; padding: 8px; border: none; border-bottom: 1px solid #d5d9df;
    font-weight: 600;
}}
"""


def style_dialog(dialog: QDialog, title: str, min_width: int = 520) -> None:
    dialog.setWindowTitle(title)
    dialog.setStyleSheet(STYLE)
    dialog.setMinimumWidth(min_width)


def make_button(text: str, accessible: str, kind: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)  # only the dialog's confirm button reacts to Enter
    if kind:
        button.setProperty("kind", kind)
    return button


def styled_label(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def money_edit(accessible: str, placeholder: str = "0") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(200)
    return edit


class Feedback(QLabel):
    """The dialog's one line of news: red for a refusal, green for a success."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible)
        self.setWordWrap(True)
        self.setMinimumHeight(28)

    def error(self, text: str) -> None:
        self.setStyleSheet(f"color: {RED}; font-weight: 600;")
        self.setText(text)

    def ok(self, text: str) -> None:
        self.setStyleSheet(f"color: {GREEN}; font-weight: 600;")
        self.setText(text)

    def clear_message(self) -> None:
        self.setText("")

    @property
    def is_error(self) -> bool:
        return bool(self.text()) and RED in self.styleSheet()


def attempt(feedback: Feedback, call: Callable[[], T]) -> tuple[bool, T | None]:
    """Runs ``call``; a refusal becomes a red line in the dialog instead of an exception in Qt.

    Returns ``(True, value)`` on success and ``(False, None)`` when something said no.
    """
    feedback.clear_message()
    try:
        return True, call()
    except CashierError as exc:
        feedback.error(message_for(exc))
    except Exception:  # a broken disk or database must not take the till down with it
        log.exception("back-office action failed")
        feedback.error(
            QCoreApplication.translate(
                "backoffice",
                "Something went wrong and nothing was saved. Try again; if it keeps "
                "happening, restart the till.",
            )
        )
    return False, None
