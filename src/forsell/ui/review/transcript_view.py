"""The transcript: one paragraph per utterance with the speaker's role, words you can click.

The document is built word by word with a cursor, so the character range of every word is
known: the current word is highlighted with an extra selection (no re-layout at 20 Hz), and a
click on a word (an anchor ``#w<index>``) asks the player to seek to its start.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from forsell.services.review.service import UtteranceView, WordView

from ..theme import MUTED, PRIMARY
from .player import clock_text

HIGHLIGHT = QColor("#ffe08a")
ROLE_COLOURS = {"cashier": PRIMARY, "customer": "#6a4c93"}


def role_label(role: str) -> str:
    labels = {
        "cashier": QCoreApplication.translate("Transcript", "Cashier"),
        "customer": QCoreApplication.translate("Transcript", "Customer"),
    }
    return labels.get(role, role)


class TranscriptView(QTextBrowser):
    seek_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("transcript")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        #: (first char, last char, start s, end s) of every word, in time order
        self.words: list[tuple[int, int, float, float]] = []
        self._starts: list[float] = []
        self.current = -1

    def set_message(self, text: str) -> None:
        self.words, self._starts, self.current = [], [], -1
        self.setExtraSelections([])
        self.setPlainText(text)

    def set_utterances(self, utterances: Sequence[UtteranceView]) -> None:
        self.clear()
        self.words, self.current = [], -1
        cursor = QTextCursor(self.document())
        plain = QTextCharFormat()
        for n, utterance in enumerate(utterances):
            if n:
                cursor.insertBlock()
            head = QTextCharFormat()
            head.setFontWeight(QFont.Weight.Bold)
            head.setForeground(QColor(ROLE_COLOURS.get(utterance.role, MUTED)))
            cursor.insertText(role_label(utterance.role), head)
            stamp = QTextCharFormat()
            stamp.setForeground(QColor(MUTED))
            cursor.insertText(f"  {clock_text(utterance.start)}  ", stamp)
            words = utterance.words or (WordView(utterance.text, utterance.start, utterance.end),)
            for i, word in enumerate(words):
                if i:
                    cursor.insertText(" ", plain)
                link = QTextCharFormat()
                link.setAnchor(True)
                link.setAnchorHref(f"#w{len(self.words)}")
                first = cursor.position()
                cursor.insertText(word.text, link)
                self.words.append((first, cursor.position(), word.start, word.end))
        self.words.sort(key=lambda w: w[2])
        self._starts = [w[2] for w in self.words]
        self.setExtraSelections([])
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _clicked(self, url: QUrl) -> None:
        fragment = url.fragment() or url.toString().lstrip("#")
        if fragment.startswith("w") and fragment[1:].isdigit():
            index = int(fragment[1:])
            # Anchors are numbered in document order; find that word by its character range.
            in_doc = sorted(self.words, key=lambda w: w[0])
            if index < len(in_doc):
                self.seek_requested.emit(in_doc[index][2])

    def word_at_time(self, seconds: float) -> int:
        """The index (time order) of the word being said at ``seconds``, or -1 between words."""
        i = bisect.bisect_right(self._starts, seconds) - 1
        if i >= 0 and seconds <= self.words[i][3] + 0.15:
            return i
        return -1

    def follow(self, seconds: float) -> None:
        """Highlights the word at the playhead (called at the player's 20 Hz)."""
        index = self.word_at_time(seconds)
        if index == self.current:
            return
        self.current = index
        if index < 0:
            self.setExtraSelections([])
            return
        first, last, _start, _end = self.words[index]
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        selection.format = fmt
        self.setExtraSelections([selection])
        view = QTextCursor(self.document())
        view.setPosition(first)
        self.setTextCursor(view)
        self.ensureCursorVisible()

    def current_word(self) -> str:
        if self.current < 0:
            return ""
        first, last, _s, _e = self.words[self.current]
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def word_rect_center(self, text_index: int):
        """Viewport point in the middle of the ``text_index``-th word in document order (tests,
        automation: where a click lands on that word)."""
        first, last, _s, _e = sorted(self.words, key=lambda w: w[0])[text_index]
        cursor = QTextCursor(self.document())
        cursor.setPosition((first + last) // 2)
        return self.cursorRect(cursor).center()
