"""The checklist of one conversation: outcome, points and the evidence of every item.

Evidence buttons play the matched words. A supervisor overrides an item (with a comment) and
resolves a cashier's dispute; a cashier disputes an item of their own conversation. The panel
only asks (signals); conversation_view calls the service and shows the new state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from forsell.services.review.service import EvidenceView, ItemView

from ..backoffice_kit import GREEN, MUTED, RED, Feedback, make_button, style_dialog
from .player import clock_text

OUTCOME_COLOURS = {"pass": GREEN, "fail": RED, "not_applicable": MUTED}


def outcome_label(outcome: str) -> str:
    labels = {
        "pass": QCoreApplication.translate("ReviewItems", "Passed"),
        "fail": QCoreApplication.translate("ReviewItems", "Failed"),
        "not_applicable": QCoreApplication.translate("ReviewItems", "Not applicable"),
    }
    return labels.get(outcome, outcome)


def dispute_state_label(state: str) -> str:
    labels = {
        "open": QCoreApplication.translate("ReviewItems", "open"),
        "accepted": QCoreApplication.translate("ReviewItems", "accepted"),
        "rejected": QCoreApplication.translate("ReviewItems", "rejected"),
    }
    return labels.get(state, state)


def _points(value: float) -> str:
    return f"{value:g}"


def points_text(points: float, max_points: float) -> str:
    """Reads "8/10" for an item that can earn points; a penalty item (nothing to earn) shows only
    what it took ("-15"), and an item that counted nothing shows no numbers instead of "0/0"."""
    if max_points > 0:
        return f"{_points(points)}/{_points(max_points)}"
    return f"{points:+g}" if points else ""


class QuoteButton(QPushButton):
    """An evidence quote that wraps onto more lines when the card is narrow: a supervisor
    judges the cashier by these words, so none of them may be cut off or hidden behind "…"."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        room = self.width() - 24  # padding and frame (the stylesheet's 8 px a side, plus border)
        wrapped = wrap_words(self.full_text, self.fontMetrics().horizontalAdvance, max(1, room))
        if wrapped != self.text():
            self.setText(wrapped)
            self.updateGeometry()  # one more line: the card grows, the width stays


def wrap_words(text: str, advance: Callable[[str], int], room: int) -> str:
    """``text`` broken into lines no wider than ``room`` (a word longer than that stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and advance(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class ItemCard(QFrame):
    def __init__(self, item: ItemView, panel: ItemsPanel) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("itemCard")
        self.setAccessibleName(f"item {item.item_id}")
        self.setStyleSheet(
            "QFrame#itemCard { background: white; border: 1px solid #d5d9df;"
            " border-radius: 6px; } QLabel { font-size: 14px; }"
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(3)
        head = QHBoxLayout()
        title = QLabel(f"<b>{item.title}</b>")
        title.setWordWrap(True)
        head.addWidget(title, 1)
        points = points_text(item.points, item.max_points)
        self.outcome = QLabel(
            f"{outcome_label(item.outcome)} · {points}" if points else outcome_label(item.outcome)
        )
        self.outcome.setAccessibleName(f"outcome {item.item_id}")
        colour = OUTCOME_COLOURS.get(item.outcome, MUTED)
        self.outcome.setStyleSheet(f"color: {colour}; font-weight: bold;")
        head.addWidget(self.outcome)
        column.addLayout(head)
        row = QHBoxLayout()
        row.setSpacing(4)
        if item.evidence:
            for n, evidence in enumerate(item.evidence[:2]):
                button = QuoteButton(f"▶ {clock_text(evidence.start)} «{evidence.words}»")
                button.setAccessibleName(f"evidence {item.item_id} {n}")
                button.setToolTip(self.tr("Hear it") + f": {evidence.words}")
                button.setStyleSheet("min-height: 28px; padding: 2px 8px; font-size: 13px;")
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                # Long quotes shrink with the panel instead of pushing the card wider.
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                button.setMinimumWidth(90)
                button.clicked.connect(
                    lambda _=False, t=evidence.start: panel.hear_requested.emit(t)
                )
                row.addWidget(button, 1)  # the quotes share the free width
        elif item.reason:
            reason = QLabel(reason_label(item.reason))
            reason.setStyleSheet(f"color: {MUTED};")
            reason.setWordWrap(True)
            row.addWidget(reason, 1)
        else:
            row.addStretch(1)
        column.addLayout(row)
        # Why it counts, or what was looked for: a supervisor must be able to check the score.
        explain = (
            why_label(item.evidence[0])
            if item.evidence
            else looked_for_label(item)
            if item.outcome != "pass" or item.kind == "forbidden"
            else ""
        )
        if explain:
            why = QLabel(explain)
            why.setAccessibleName(f"why {item.item_id}")
            why.setStyleSheet(f"color: {MUTED}; font-size: 12px;")
            why.setWordWrap(True)
            column.addWidget(why)
        if item.override is not None:
            note = QLabel(
                self.tr("Changed by {who}: {comment}").format(
                    who=item.override.by, comment=item.override.comment
                )
            )
            note.setWordWrap(True)
            note.setAccessibleName(f"override note {item.item_id}")
            column.addWidget(note)
        if item.dispute is not None:
            text = self.tr("Disputed by {who} ({state}): {comment}").format(
                who=item.dispute.by,
                state=dispute_state_label(item.dispute.state),
                comment=item.dispute.comment,
            )
            if item.dispute.resolution:
                text += " — " + item.dispute.resolution
            note = QLabel(text)
            note.setWordWrap(True)
            note.setAccessibleName(f"dispute note {item.item_id}")
            column.addWidget(note)
        for name, label, allowed in (
            ("override", self.tr("Change…"), panel.can_override),
            (
                "resolve",
                self.tr("Resolve dispute…"),
                panel.can_override and item.dispute is not None and item.dispute.state == "open",
            ),
            (
                "dispute",
                self.tr("Dispute…"),
                panel.can_dispute and (item.dispute is None or item.dispute.state != "open"),
            ),
        ):
            if not allowed:
                continue
            button = make_button(label, f"{name} {item.item_id}")
            button.setStyleSheet("min-height: 30px; padding: 0 10px; font-size: 13px;")
            button.clicked.connect(
                lambda _=False, n=name: panel.action_requested.emit(n, item.item_id)
            )
            row.addWidget(button)


def why_label(evidence: EvidenceView) -> str:
    """Why this quote decided the item, in the viewer's language."""
    # A scorecard stem («бонусн* карт*») reads as a typo: show the words that were said instead.
    phrase = evidence.words if "*" in evidence.phrase else evidence.phrase
    labels = {
        "phrase": QCoreApplication.translate("ReviewItems", "Counted: the words «{phrase}»."),
        "choice": QCoreApplication.translate(
            "ReviewItems", "Counted: a choice asked about the order."
        ),
        "question_word": QCoreApplication.translate(
            "ReviewItems", "Counted: a question about the order («{phrase}»)."
        ),
        "open_question": QCoreApplication.translate(
            "ReviewItems", "Counted: an open question about what the customer wants."
        ),
        "quantity": QCoreApplication.translate(
            "ReviewItems", "Counted: a question about how much or how many."
        ),
        "asked": QCoreApplication.translate(
            "ReviewItems", "Counted: «{phrase}» asked as a question about the order."
        ),
        "clarify": QCoreApplication.translate(
            "ReviewItems", "Counted: a question about what the customer ordered."
        ),
        "offer": QCoreApplication.translate(
            "ReviewItems", "Counted: «{phrase}» offered before the customer asked for it."
        ),
        "size": QCoreApplication.translate(
            "ReviewItems", "Counted: a bigger size or pack offered."
        ),
    }
    text = labels.get(evidence.why) or labels["phrase"]
    if "{phrase}" in text and not phrase:
        return ""
    return text.format(phrase=phrase)


def looked_for_label(item: ItemView) -> str:
    """What the scorer listened for, when it found nothing (or, forbidden, found nothing bad)."""
    what = {
        "greeting": QCoreApplication.translate(
            "ReviewItems", "a greeting by the cashier at the start"
        ),
        "needs_question": QCoreApplication.translate(
            "ReviewItems", "a question about what the customer wants"
        ),
        "upsell_offer": QCoreApplication.translate(
            "ReviewItems", "an offer of something the customer had not asked for"
        ),
        "loyalty_question": QCoreApplication.translate(
            "ReviewItems", "a question about the loyalty card or app"
        ),
        "farewell": QCoreApplication.translate(
            "ReviewItems", "thanks or a goodbye by the cashier at the end"
        ),
    }.get(item.detector, "")
    examples = ", ".join(f"«{e}»" for e in item.examples)
    if what and examples:
        return QCoreApplication.translate(
            "ReviewItems", "Listened for {what}, such as {examples}."
        ).format(what=what, examples=examples)
    if what:
        return QCoreApplication.translate("ReviewItems", "Listened for {what}.").format(what=what)
    if examples:
        return QCoreApplication.translate("ReviewItems", "Listened for {examples}.").format(
            examples=examples
        )
    return ""


def reason_label(reason: str) -> str:
    labels = {
        "not_said": QCoreApplication.translate("ReviewItems", "Not heard in the conversation."),
        "said_by_customer": QCoreApplication.translate(
            "ReviewItems", "Said by the customer, not the cashier."
        ),
        "outside_window": QCoreApplication.translate(
            "ReviewItems", "Said, but not at the right moment."
        ),
        "no_offer": QCoreApplication.translate("ReviewItems", "No offer was heard."),
        "moot": QCoreApplication.translate("ReviewItems", "Does not apply to this conversation."),
    }
    return labels.get(reason, "")


class ItemsPanel(QScrollArea):
    hear_requested = Signal(float)
    action_requested = Signal(str, str)  # override | resolve | dispute, item id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("checklist")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.can_override = False
        self.can_dispute = False
        self.cards: dict[str, ItemCard] = {}
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setContentsMargins(0, 0, 4, 0)
        self._column.setSpacing(6)
        self.setWidget(self._body)

    def show_items(self, items: Sequence[ItemView], note: str = "") -> None:
        while self._column.count():
            widget = self._column.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.cards = {}
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            label.setAccessibleName("checklist note")
            self._column.addWidget(label)
        for item in items:
            card = ItemCard(item, self)
            self.cards[item.item_id] = card
            self._column.addWidget(card)
            card.show()  # at once, not on the next event loop pass (automation finds it)
        self._column.addStretch(1)


class ItemDecisionDialog(QDialog):
    """Override (choose an outcome), dispute (a comment) or resolve (accept/reject + comment)."""

    def __init__(self, mode: str, item: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        titles = {
            "override": self.tr("Change the outcome"),
            "dispute": self.tr("Dispute"),
            "resolve": self.tr("Resolve the dispute"),
        }
        style_dialog(self, titles[mode], min_width=480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{item.title}</b> — {outcome_label(item.outcome)}"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("outcome")
        for value in ("pass", "fail", "not_applicable"):
            self.outcome.addItem(outcome_label(value), value)
        if item.override is not None:
            self.outcome.addItem(self.tr("As scored (remove the change)"), None)
        self.outcome.setCurrentIndex(
            max(0, self.outcome.findData("fail" if item.outcome == "pass" else "pass"))
        )
        self.outcome.setVisible(mode == "override")
        layout.addWidget(self.outcome)
        self.accept_choice = QRadioButton(self.tr("Accept: the cashier is right"))
        self.accept_choice.setAccessibleName("accept dispute")
        self.reject_choice = QRadioButton(self.tr("Reject: the score stands"))
        self.reject_choice.setAccessibleName("reject dispute")
        group = QButtonGroup(self)
        for choice in (self.accept_choice, self.reject_choice):
            group.addButton(choice)
            choice.setVisible(mode == "resolve")
            layout.addWidget(choice)
        # No default side: the supervisor must choose after reading the cashier's comment.
        if mode == "resolve" and item.dispute is not None:
            layout.addWidget(
                QLabel(self.tr("The cashier wrote: {comment}").format(comment=item.dispute.comment))
            )
        self.comment = QLineEdit()
        self.comment.setAccessibleName("comment")
        self.comment.setPlaceholderText(self.tr("Comment (required)"))
        self.comment.setMaxLength(500)
        layout.addWidget(self.comment)
        self.feedback = Feedback("decision message")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        self.ok = make_button(self.tr("Save"), "save decision", "primary")
        self.ok.setDefault(True)
        cancel = make_button(self.tr("Cancel"), "cancel decision")
        self.ok.clicked.connect(self._submit)
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.ok)
        layout.addLayout(row)
        self.comment.setFocus()

    def _submit(self) -> None:
        chose = self.accept_choice.isChecked() or self.reject_choice.isChecked()
        if self.mode == "resolve" and not chose:
            self.feedback.error(self.tr("Choose: accept the dispute or let the score stand."))
            return
        if not self.comment.text().strip():
            self.feedback.error(self.tr("Write a short comment: it is what the other side reads."))
            return
        self.accept()

    @property
    def chosen_outcome(self) -> str | None:
        return self.outcome.currentData()

    @property
    def accepted_dispute(self) -> bool:
        return self.accept_choice.isChecked()
