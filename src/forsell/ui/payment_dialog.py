"""Taking the money: cash with change, card via the external terminal, or both."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError, StorageFault
from forsell.domain.money import format_kzt, parse_kzt
from forsell.domain.payment import Payment
from forsell.services.receipts import ReceiptView
from forsell.services.till import TillService

from .messages import message_for
from .widgets import Keypad, set_role

log = logging.getLogger(__name__)

BANKNOTES = [100_000, 200_000, 500_000, 1_000_000, 2_000_000]  # tiyn: 1 000 … 20 000 ₸
CASH, CARD = "cash", "card"


def _amount(text: str) -> int:
    return parse_kzt(text) if text.strip() else 0


def _centre_labels(form: QFormLayout) -> None:
    """QFormLayout puts a label at the top of its row: beside a tall field (the big tendered
    amount) it looked detached. A label that grows vertically gets the whole row's height
    (QFormLayout caps the others at 7/4 of their own), and centres its text in it."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or label.widget() is None:
            continue
        policy = label.widget().sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Expanding)
        label.widget().setSizePolicy(policy)
        label.widget().setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class PaymentDialog(QDialog):
    """Nothing is committed until "confirm payment" succeeds; then ``paid`` carries the receipt."""

    paid = Signal(object)  # ReceiptView

    def __init__(
        self, sale: TillService, method: str = CASH, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.sale = sale
        self.due = sale.view().total
        self.receipt: ReceiptView | None = None
        self.setWindowTitle(self.tr("Payment"))
        self.setMinimumWidth(820)
        outer = QHBoxLayout(self)
        outer.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(10)
        outer.addLayout(left, 1)
        due = QLabel(self.tr("To pay {amount}").format(amount=format_kzt(self.due)))
        due.setAccessibleName("amount due")
        set_role(due, "total")
        left.addWidget(due)
        left.addLayout(self._method_row())
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.tendered = QLineEdit()
        self.tendered.setAccessibleName("amount tendered")
        self.tendered.setPlaceholderText(format_kzt(self.due, symbol=False))
        self.tendered.setStyleSheet("font-size: 24px;")
        self.tendered_label = QLabel(self.tr("Cash tendered"))
        form.addRow(self.tendered_label, self.tendered)
        self.card_amount = QLineEdit()
        self.card_amount.setAccessibleName("card amount")
        self.card_amount.setPlaceholderText("0")
        form.addRow(QLabel(self.tr("By card")), self.card_amount)
        self.auth_code = QLineEdit()
        self.auth_code.setAccessibleName("auth code")
        self.auth_code.setMaxLength(64)
        self.auth_code.setPlaceholderText(self.tr("optional, from the terminal slip"))
        self.auth_label = QLabel(self.tr("Auth code"))
        form.addRow(self.auth_label, self.auth_code)
        _centre_labels(form)
        left.addLayout(form)
        self.quick = self._quick_buttons()
        left.addWidget(self.quick)
        self.change = QLabel()
        self.change.setAccessibleName("change")
        self.change.setStyleSheet("font-size: 26px; font-weight: bold;")
        left.addWidget(self.change)
        self.error = QLabel()
        self.error.setAccessibleName("payment error")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        left.addWidget(self.error)
        left.addStretch(1)
        right_box = QWidget()
        right_box.setFixedWidth(340)  # the keypad column does not move when the method changes
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(10)
        outer.addWidget(right_box)
        self.keypad = Keypad(self.tendered)
        right.addWidget(self.keypad)
        right.addStretch(1)
        self.confirm = QPushButton(self.tr("Confirm payment (Enter)"))
        self.confirm.setAccessibleName("confirm payment")
        self.confirm.setDefault(True)
        self.confirm.setMinimumHeight(72)
        set_role(self.confirm, "primary")
        self.confirm.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Back to the sale (Esc)"))
        cancel.setAccessibleName("cancel payment")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        right.addWidget(self.confirm)
        right.addWidget(cancel)
        for field in (self.tendered, self.card_amount):
            field.textChanged.connect(self.update_change)
        QApplication.instance().focusChanged.connect(self._focus_moved)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, lambda: self.set_method(CASH))
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, lambda: self.set_method(CARD))
        self.set_method(method)

    def _method_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.cash_button = QPushButton(self.tr("Cash\nF5"))
        self.cash_button.setAccessibleName("cash")
        self.card_button = QPushButton(self.tr("Card\nF6"))
        self.card_button.setAccessibleName("card")
        group = QButtonGroup(self)
        for button, method in ((self.cash_button, CASH), (self.card_button, CARD)):
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, m=method: self.set_method(m))
            group.addButton(button)
            row.addWidget(button)
        return row

    def _quick_buttons(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        exact = QPushButton(self.tr("Exact"))
        exact.setAccessibleName("exact amount")
        exact.clicked.connect(lambda: self._tender(self.cash_due()))
        notes = [exact] + [self._note_button(n) for n in BANKNOTES if n >= self.due]
        for i, button in enumerate(notes):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            grid.addWidget(button, i // 3, i % 3)
        return box

    def _note_button(self, note: int) -> QPushButton:
        button = QPushButton(format_kzt(note))
        button.setAccessibleName(f"tender {note // 100}")
        button.clicked.connect(lambda: self._tender(note))
        return button

    def _tender(self, amount: int) -> None:
        self.tendered.setText(format_kzt(amount, symbol=False))
        self.tendered.setFocus()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new in (self.tendered, self.card_amount, self.auth_code):
            self.keypad.target = new

    def set_method(self, method: str) -> None:
        """Cash: type what the customer gave. Card: the full amount on the terminal."""
        self.method = method
        (self.cash_button if method == CASH else self.card_button).setChecked(True)
        card = method == CARD
        self.auth_label.setVisible(card)
        self.auth_code.setVisible(card)
        # Banknote buttons on the card pane invite a cash answer to a card question.
        self.quick.setVisible(not card)
        if card:
            self.card_amount.setText(format_kzt(self.due, symbol=False))
            self.tendered.clear()
            self.tendered.setPlaceholderText("0")
            self.confirm.setText(self.tr("Terminal approved\nConfirm (Enter)"))
            self.auth_code.setFocus()
        else:
            self.card_amount.clear()
            self.confirm.setText(self.tr("Confirm payment (Enter)"))
            self.tendered.setFocus()
        self.update_change()

    def cash_due(self) -> int:
        try:
            return max(0, self.due - _amount(self.card_amount.text()))
        except CashierError:
            return self.due

    def update_change(self) -> None:
        try:
            tendered = _amount(self.tendered.text())
        except CashierError:
            self.change.setText("")
            return
        due = self.cash_due()
        if self.method == CASH:
            # The grey amount is what Enter on an empty field takes (see ``submit``).
            self.tendered.setPlaceholderText(format_kzt(due, symbol=False))
        if due == 0:
            # Nothing is paid until the terminal approves and the cashier confirms.
            card = self.due if self.method == CARD else self.due - due
            self.change.setText(
                self.tr("Card {amount}: confirm when the terminal approves").format(
                    amount=format_kzt(card)
                )
            )
        elif not self.tendered.text().strip():
            self.change.setText(self.tr("Cash due {amount}").format(amount=format_kzt(due)))
        elif tendered >= due:
            self.change.setText(
                self.tr("Change {amount}").format(amount=format_kzt(tendered - due))
            )
        else:
            self.change.setText(
                self.tr("Still due {amount}").format(amount=format_kzt(due - tendered))
            )

    def _refuse(self, text: str) -> None:
        """Nothing was committed: say why, keep the cart and the amounts for another try."""
        self.error.setText(text)
        # A refusal can take four lines (the storage faults say what to do): the dialog grows
        # to show all of it instead of squeezing the quick-amount buttons over each other.
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        self.tendered.setFocus()
        self.tendered.selectAll()

    def submit(self) -> None:
        try:
            card = _amount(self.card_amount.text())
            tendered = _amount(self.tendered.text())
            if self.method == CASH and not self.tendered.text().strip():
                # The field shows the amount due in grey: Enter takes it, the exact amount.
                tendered = self.cash_due()
            payment = Payment(
                cash_tendered=tendered,
                card=card,
                card_reference=self.auth_code.text().strip() if card else "",
            )
            payment.settle(self.due)  # check before committing; the message names the shortfall
            self.receipt = self.sale.pay(payment)
        except StorageFault as exc:
            # The cashier must not hand over goods for a sale that is not on record.
            self._refuse(
                self.tr("The sale was NOT recorded: do not hand over the goods yet.")
                + " "
                + message_for(exc)
            )
            return
        except CashierError as exc:
            self._refuse(message_for(exc))
            return
        except Exception:
            log.exception("payment failed unexpectedly; the sale was not committed")
            self._refuse(
                self.tr(
                    "The sale was NOT recorded because of an unexpected error (it "
                    "is written in the log). Do not hand over the goods yet: try "
                    "again, and call support if it repeats."
                )
            )
            return
        self.paid.emit(self.receipt)
        self.accept()
