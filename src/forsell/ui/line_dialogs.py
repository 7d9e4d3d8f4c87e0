"""Small touch-friendly dialogs for one value: quantity or weight, discount, price.

They do not close on OK by themselves: ``submitted`` carries the parsed value, the till applies
it and calls ``accept()``, or ``show_error()`` so the cashier can correct it in place.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.cart import Discount, DiscountKind
from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt, parse_kzt
from forsell.domain.numbers import format_quantity

from .messages import message_for
from .widgets import Keypad, set_role

_DECIMAL = re.compile(r"^\s*(\d{1,6})(?:[.,](\d{1,3}))?\s*$")


def parse_thousandths(text: str) -> int:
    """``"1,25"`` → 1250 (kg or pieces in thousandths, the cart's unit)."""
    match = _DECIMAL.match(text)
    if not match:
        raise CashierError("qty.not_positive", "Not a quantity")
    whole, frac = match.group(1), (match.group(2) or "0").ljust(3, "0")
    return int(whole) * 1000 + int(frac)


def milli_text(qty_milli: int, weighted: bool) -> str:
    """A quantity for the field to edit: ``0,350`` kg, all three places, as the scale gives it."""
    return format_quantity(qty_milli, weighted, exact=True)


class ValueDialog(QDialog):
    submitted = Signal(object)

    def __init__(self, title: str, prompt: str, accessible: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(10)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.layout_.addWidget(self.prompt)
        self.options = QHBoxLayout()
        self.layout_.addLayout(self.options)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setStyleSheet("font-size: 26px;")
        self.layout_.addWidget(self.edit)
        self.error = QLabel()
        self.error.setAccessibleName("dialog error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(Keypad(self.edit))
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setAccessibleName("cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("OK (Enter)"))
        self.ok_button.setAccessibleName("ok")
        self.ok_button.setDefault(True)
        set_role(self.ok_button, "primary")
        self.ok_button.clicked.connect(self._submit)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button, 1)
        self.layout_.addLayout(row)
        self.edit.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.edit.selectAll()
        self.edit.setFocus()

    def parse(self, text: str) -> object:
        raise NotImplementedError

    def _submit(self) -> None:
        try:
            value = self.parse(self.edit.text())
        except CashierError as exc:
            self.show_error(message_for(exc))
            return
        self.submitted.emit(value)


class QuantityDialog(ValueDialog):
    """Pieces, or the weight in kg for goods sold by weight."""

    def __init__(
        self, name: str, weighted: bool, current_milli: int | None, parent: QWidget | None = None
    ) -> None:
        # self.tr needs the C++ object, which exists only after super().__init__.
        if weighted:
            title = QCoreApplication.translate("QuantityDialog", "Weight")
            prompt = QCoreApplication.translate("QuantityDialog", "Weight of {name}, kg:")
        else:
            title = QCoreApplication.translate("QuantityDialog", "Quantity")
            prompt = QCoreApplication.translate("QuantityDialog", "How many: {name}?")
        prompt = prompt.format(name=name)
        super().__init__(title, prompt, "weight" if weighted else "quantity", parent)
        self.weighted = weighted
        if current_milli:
            self.edit.setText(milli_text(current_milli, weighted))
            self.edit.selectAll()

    def parse(self, text: str) -> int:
        if not self.weighted:
            text = text.strip()
            if not text.isdigit():
                raise CashierError("qty.not_whole", "Whole pieces")
            return int(text) * 1000
        return parse_thousandths(text)


class DiscountDialog(ValueDialog):
    """A discount as a percent or an amount off; an empty field removes the discount."""

    def __init__(
        self,
        title: str,
        base: int,
        current: Discount | None,
        parent: QWidget | None = None,
        *,
        item: str = "",
    ) -> None:
        if item:  # a line discount names its line: the cart may hold several alike
            prompt = QCoreApplication.translate(
                "DiscountDialog", "Discount on {item} ({base}):"
            ).format(item=item, base=format_kzt(base))
        else:
            prompt = QCoreApplication.translate("DiscountDialog", "Discount on {base}:").format(
                base=format_kzt(base)
            )
        super().__init__(title, prompt, "discount value", parent)
        self.percent = QPushButton(self.tr("Percent %"))
        self.percent.setAccessibleName("percent")
        self.amount = QPushButton(self.tr("Amount ₸"))
        self.amount.setAccessibleName("amount")
        group = QButtonGroup(self)
        for button in (self.percent, self.amount):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            group.addButton(button)
            self.options.addWidget(button)
        self.percent.setChecked(True)
        if current is not None:
            if current.kind is DiscountKind.AMOUNT:
                self.amount.setChecked(True)
                self.edit.setText(format_kzt(current.value, symbol=False))
            else:
                self.edit.setText(f"{current.value / 100:g}".replace(".", ","))
            self.edit.selectAll()

    def parse(self, text: str) -> Discount | None:
        if not text.strip():
            return None
        tiyn_or_bp = parse_kzt(text)  # same grammar for 12,5 % and 1 250,50 ₸
        kind = DiscountKind.PERCENT if self.percent.isChecked() else DiscountKind.AMOUNT
        return Discount(kind, tiyn_or_bp)


class PriceDialog(ValueDialog):
    def __init__(self, name: str, current: int, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("PriceDialog", "Price"),
            QCoreApplication.translate("PriceDialog", "New price of {name}:").format(name=name),
            "new price",
            parent,
        )
        self.edit.setText(format_kzt(current, symbol=False))
        self.edit.selectAll()

    def parse(self, text: str) -> int:
        price = parse_kzt(text)
        if price <= 0:
            raise CashierError("product.price", "Price must be above zero")
        return price
