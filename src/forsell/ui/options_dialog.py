"""The options chooser: which milk, which syrup, what size, before a drink goes into the cart.

Touch: one big toggle button per option, in a row per group; an optional single-choice group
starts with "None". Keyboard: ↑/↓ pick the group, ←/→ move along its options, a digit picks
that option of the current group (0 is "None"), Space toggles the focused one, Enter adds, Esc
cancels. Like the small value dialogs, it does not close by itself: ``submitted`` carries the
chosen option ids, the till applies them and calls ``accept()``, or ``show_error()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.domain.options import OptionGroup

from .receipt_view import delta_text
from .widgets import set_role

# Touch targets: at least 44×44 px everywhere; option buttons are larger still.
OPTION_MIN_WIDTH = 132
OPTION_MIN_HEIGHT = 60
PER_ROW = 4
_NONE = ""  # the "None" button of an optional single-choice group


translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


class _GroupRow:
    """One group's heading and buttons (``ids[i]`` is button ``i``'s option id)."""

    def __init__(self, group: OptionGroup, lang: str) -> None:
        self.group = group
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(f"options group {group.id}")
        self.buttons: list[QPushButton] = []
        self.ids: list[str] = []
        if not group.required and not group.multiple:
            self._add(_NONE, translate("OptionsDialog", "None"), 0)
        for option in group.options:
            self._add(option.id, option.name(lang), option.price_delta)

    def _add(self, option_id: str, name: str, delta: int) -> None:
        button = QPushButton()
        button.setProperty("label", name + (f"\n{delta_text(delta)}" if delta else ""))
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the dialog reads the keys itself
        button.setMinimumSize(OPTION_MIN_WIDTH, OPTION_MIN_HEIGHT)
        button.setAccessibleName(f"option {option_id or 'none'}")
        self.buttons.append(button)
        self.ids.append(option_id)

    def chosen(self) -> list[str]:
        return [i for i, b in zip(self.ids, self.buttons, strict=True) if b.isChecked() and i]

    @property
    def answered(self) -> bool:
        return len(self.chosen()) >= self.group.min_choices


class OptionsDialog(QDialog):
    """Chooses a product's options; ``submitted(tuple of option ids)`` on Add."""

    submitted = Signal(object)

    def __init__(
        self,
        name: str,
        base_price: int,
        groups: tuple[OptionGroup, ...],
        chosen: tuple[str, ...] | list[str],
        lang: str,
        parent: QWidget | None = None,
        *,
        editing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OptionsDialog", "Options: {name}").format(name=name))
        self.setAccessibleName("options chooser")
        self.base_price = base_price
        self.lang = lang
        self.current = 0  # the group the keys act on
        self.focused = 0  # the button ←/→ moved to in that group
        self.rows = [_GroupRow(g, lang) for g in groups]
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        title = QLabel(name)
        set_role(title, "total")
        layout.addWidget(title)
        for row in self.rows:
            layout.addWidget(row.heading)
            grid = QGridLayout()
            grid.setSpacing(6)
            for i, button in enumerate(row.buttons):
                grid.addWidget(button, i // PER_ROW, i % PER_ROW)
                button.toggled.connect(lambda on, r=row, b=button: self._toggled(r, b, on))
            layout.addLayout(grid)
        self.price = QLabel()
        self.price.setAccessibleName("price with options")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        set_role(self.price, "total")
        layout.addWidget(self.price)
        self.error = QLabel()
        self.error.setAccessibleName("dialog error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(translate("OptionsDialog", "Cancel (Esc)"))
        self.cancel_button.setAccessibleName("cancel")
        self.cancel_button.setMinimumHeight(OPTION_MIN_HEIGHT)
        self.cancel_button.clicked.connect(self.reject)
        self.add_button = QPushButton(
            translate("OptionsDialog", "Save (Enter)")
            if editing
            else translate("OptionsDialog", "Add (Enter)")
        )
        self.add_button.setAccessibleName("add with options")
        self.add_button.setMinimumHeight(OPTION_MIN_HEIGHT)
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self._submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.add_button, 1)
        layout.addLayout(buttons)
        for row in self.rows:
            for option_id, button in zip(row.ids, row.buttons, strict=True):
                button.setChecked(bool(option_id) and option_id in chosen)
            if row.ids[0] == _NONE and not row.chosen():
                row.buttons[0].setChecked(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Where the arrow keys are: a thick outline, seen from a step back from the counter.
        self.setStyleSheet('QPushButton[keyFocus="true"] { border: 3px solid #1f6f5c; }')
        self._refresh()

    # --- state --------------------------------------------------------------------------------

    def chosen_ids(self) -> tuple[str, ...]:
        """The option ids now chosen, in group order."""
        return tuple(i for row in self.rows for i in row.chosen())

    def unit_price(self) -> int:
        """The product's price plus the deltas of what is chosen now."""
        deltas = {o.id: o.price_delta for row in self.rows for o in row.group.options}
        return self.base_price + sum(deltas[i] for i in self.chosen_ids())

    def _toggled(self, row: _GroupRow, button: QPushButton, on: bool) -> None:
        if on and not row.group.multiple:
            for other in row.buttons:  # one answer: a radio row that can also hold "None"
                if other is not button and other.isChecked():
                    other.blockSignals(True)
                    other.setChecked(False)
                    other.blockSignals(False)
        elif on and len(row.chosen()) > row.group.max_choices:
            button.blockSignals(True)
            button.setChecked(False)  # over the group's limit: the tap does not count
            button.blockSignals(False)
            self.error.setText(
                translate("OptionsDialog", "At most {count} in “{group}”.").format(
                    count=row.group.max_choices, group=row.group.name(self.lang)
                )
            )
            return
        elif not on and not row.group.multiple and not row.chosen():
            # A second tap on the answer: "None" where the group has it, else it stays chosen.
            keep = row.buttons[0] if row.ids[0] == _NONE else button
            keep.blockSignals(True)
            keep.setChecked(True)
            keep.blockSignals(False)
        self.error.clear()
        self._refresh()

    def _refresh(self) -> None:
        for index, row in enumerate(self.rows):
            group = row.group
            if group.required and group.multiple:
                rule = translate("OptionsDialog", "choose {min} to {max}").format(
                    min=group.min_choices, max=group.max_choices
                )
            elif group.required:
                rule = translate("OptionsDialog", "required")
            elif group.multiple:
                rule = translate("OptionsDialog", "up to {max}").format(max=group.max_choices)
            else:
                rule = translate("OptionsDialog", "optional")
            marker = "▶ " if index == self.current else ""
            text = f"{marker}{group.name(self.lang)} · {rule}"
            if not row.answered:
                text += " · " + translate("OptionsDialog", "not chosen yet")
            row.heading.setText(text)
            set_role(row.heading, "" if row.answered else "error")
            for i, button in enumerate(row.buttons):
                # A tick as well as the colour: a chosen option must read at a glance.
                mark = "✓ " if button.isChecked() else ""
                button.setText(mark + button.property("label"))
                if button.sizeHint().width() > button.minimumWidth():  # room for the tick
                    button.setMinimumWidth(button.sizeHint().width())
                focused = index == self.current and i == self.focused
                if button.property("keyFocus") != focused:
                    button.setProperty("keyFocus", focused)
                    button.style().unpolish(button)
                    button.style().polish(button)
        price = format_kzt(self.unit_price())
        self.price.setText(translate("OptionsDialog", "Price {amount}").format(amount=price))
        self.add_button.setEnabled(all(row.answered for row in self.rows))

    def show_error(self, text: str) -> None:
        """The till refused the choice (the catalog changed meanwhile): says why, stays open."""
        self.error.setText(text)

    def _submit(self) -> None:
        missing = [row.group.name(self.lang) for row in self.rows if not row.answered]
        if missing:
            text = translate("OptionsDialog", "Choose: {groups}")
            self.error.setText(text.format(groups=", ".join(missing)))
            return
        self.submitted.emit(self.chosen_ids())

    # --- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        key = event.key()
        if not self.rows:
            super().keyPressEvent(event)
            return
        row = self.rows[self.current]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self.current = max(0, min(len(self.rows) - 1, self.current + step))
            self.focused = 0
            self._refresh()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self.focused = max(0, min(len(row.buttons) - 1, self.focused + step))
            self._refresh()
        elif key == Qt.Key.Key_Space:
            row.buttons[self.focused].click()
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self._digit(row, key - Qt.Key.Key_0)
        else:
            super().keyPressEvent(event)  # Esc rejects

    def _digit(self, row: _GroupRow, digit: int) -> None:
        # Digits count the options from 1 as printed; 0 is "None" where the group has it.
        index = digit if row.ids[0] == _NONE else digit - 1
        if 0 <= index < len(row.buttons):
            self.focused = index
            row.buttons[index].click()
            if not row.group.multiple and self.current < len(self.rows) - 1:
                self.current += 1  # answered: on to the next question
                self.focused = 0
                self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)
