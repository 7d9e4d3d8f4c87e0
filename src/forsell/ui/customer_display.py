"""The customer's window on a second screen: what is in the cart, the total, and after payment
what was tendered and the change; under it the notice that conversations at the counter may be
recorded (when the store records).

It speaks the receipt language (a store setting), not the cashier's, and follows the till live:
the till screen's ``cart_changed`` and ``paid`` signals drive it. With a second screen it fills
that screen; with one screen it is an ordinary window the cashier can move.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from forsell.domain.money import format_kzt as money_text
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.counter_printer import quantity_text
from forsell.services.receipts import ReceiptView
from forsell.services.till import CartView

from .i18n import ReceiptTexts

# Lines shown at once; older ones scroll off the top (the newest scan is what the customer
# looks for).
VISIBLE_LINES = 8

_SOURCES = {
    "welcome": QT_TRANSLATE_NOOP("Receipt", "Welcome!"),
    "total": QT_TRANSLATE_NOOP("Receipt", "TOTAL"),
    "paid": QT_TRANSLATE_NOOP("Receipt", "Paid"),
    "card": QT_TRANSLATE_NOOP("Receipt", "Card"),
    "change": QT_TRANSLATE_NOOP("Receipt", "Change"),
    "thanks": QT_TRANSLATE_NOOP("Receipt", "Thank you for your purchase!"),
    "more": QT_TRANSLATE_NOOP("Receipt", "… and {count} more"),
    "notice": QT_TRANSLATE_NOOP(
        "Receipt",
        "Conversations at this counter may be recorded to check the quality of service.",
    ),
}
# Qt's marker returns ``object`` to a type checker; the texts are the English source strings.
_T: dict[str, str] = {key: str(text) for key, text in _SOURCES.items()}


def second_screen() -> QScreen | None:
    """A screen other than the primary one (the customer's), or None with one screen."""
    primary = QGuiApplication.primaryScreen()
    return next((sc for sc in QGuiApplication.screens() if sc is not primary), None)


class CustomerDisplay(QWidget):
    """A top-level window for the customer; call :meth:`show_cart` and :meth:`show_paid`."""

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.till = till
        self.setAccessibleName("customer display")
        self.setStyleSheet(
            "QWidget#customerDisplay { background: #10222e; }"
            "QLabel { color: #f4f7f9; font-size: 26px; }"
            "QLabel[role='store'] { font-size: 30px; font-weight: 600; }"
            "QLabel[role='total'] { font-size: 54px; font-weight: 700; color: #ffffff; }"
            "QLabel[role='muted'] { color: #a9bbc7; font-size: 20px; }"
        )
        self.setObjectName("customerDisplay")
        self._names: dict[tuple[str, str], str] = {}  # (product id, language) → name
        self._paid = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 24)
        layout.setSpacing(14)
        self.store = self._label("store", "store")
        layout.addWidget(self.store)
        self.lines_grid = QGridLayout()
        self.lines_grid.setHorizontalSpacing(24)
        layout.addLayout(self.lines_grid)
        layout.addStretch(1)
        self.total = self._label("total", "total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total)
        self.payment = self._label("payment")
        self.payment.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.payment)
        self.notice = self._label("recording notice", "muted")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.line_labels: list[QLabel] = []
        self.show_cart(None)

    @staticmethod
    def _label(accessible: str, role: str = "") -> QLabel:
        label = QLabel()
        label.setAccessibleName(accessible)
        if role:
            label.setProperty("role", role)
        return label

    @property
    def language(self) -> str:
        """The receipt language (store setting) the customer reads."""
        return self.till.ctx.settings.get(s.RECEIPT_LANGUAGE)

    def _money(self, tiyn: int) -> str:
        """An amount as the customer's (receipt) language writes it, not the cashier's."""
        return money_text(tiyn, language=self.language)

    def _each(self, qty_milli: int, weighted: bool, unit_price: int) -> str:
        """``2 × 700 ₸``, ``0,35 × 1 200 ₸``: the line's quantity and unit price."""
        return f"{quantity_text(qty_milli, weighted, self.language)} × {self._money(unit_price)}"

    def _header(self, t: ReceiptTexts) -> None:
        self.store.setText(self.till.ctx.settings.get(s.STORE_NAME))
        recording = self.till.ctx.settings.get(s.RECORDING_ENABLED)
        self.notice.setText(t(_T["notice"]) if recording else "")
        self.notice.setVisible(recording)

    def _name(self, product_id: str, fallback: str) -> str:
        key = (product_id, self.language)
        if key not in self._names:
            product = self.till.catalog.get(product_id)
            self._names[key] = product.name(self.language) if product else fallback
        return self._names[key]

    def _set_lines(self, rows: list[tuple[str, str, str]]) -> None:
        for label in self.line_labels:
            self.lines_grid.removeWidget(label)
            label.hide()  # gone from the screen now, deleted when Qt gets to it
            label.deleteLater()
        self.line_labels = []
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                label = QLabel(text)
                label.setAccessibleName(f"customer line {r} {c}")
                if c:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.lines_grid.addWidget(label, r, c)
                label.show()  # a label added to a shown window stays hidden until then
                self.line_labels.append(label)
        self.lines_grid.setColumnStretch(0, 1)

    def show_cart(self, view: CartView | None) -> None:
        """The cart as it is now; an empty cart after a payment leaves the payment shown."""
        t = ReceiptTexts(self.language)
        self._header(t)
        if view is None or view.empty:
            if not self._paid:
                self._set_lines([])
                self.total.setText(t(_T["welcome"]))
                self.payment.setText("")
            return
        self._paid = False
        lines = view.lines[-VISIBLE_LINES:]
        rows = [
            (
                self._name(line.product_id, line.name),
                self._each(line.qty_milli, line.weighted, line.unit_price),
                self._money(line.net),
            )
            for line in lines
        ]
        if len(view.lines) > VISIBLE_LINES:
            hidden = len(view.lines) - VISIBLE_LINES
            rows.insert(0, (t(_T["more"]).format(count=hidden), "", ""))
        self._set_lines(rows)
        self.total.setText(f"{t(_T['total'])}  {self._money(view.total)}")
        self.payment.setText("")

    def show_paid(self, receipt: ReceiptView) -> None:
        """The total, what the customer gave and the change, until the next scan."""
        t = ReceiptTexts(self.language)
        self._header(t)
        self._paid = True
        self.total.setText(f"{t(_T['total'])}  {self._money(receipt.total)}")
        parts = []
        if receipt.tendered:
            parts.append(f"{t(_T['paid'])}: {self._money(receipt.tendered)}")
        if receipt.card:
            parts.append(f"{t(_T['card'])}: {self._money(receipt.card)}")
        parts.append(f"{t(_T['change'])}: {self._money(receipt.change)}")
        self.payment.setText("   ".join(parts) + "\n" + t(_T["thanks"]))

    def place(self) -> None:
        """Full screen on the second screen when there is one, else a window beside the till."""
        screen = second_screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(800, 480)
            self.show()
