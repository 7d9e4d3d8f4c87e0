"""Selling: scan or search, the cart, the touch grid, and one key for every action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.cart import check_quantity
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services.app import Till
from forsell.services.catalog import ProductView
from forsell.services.fiscal import refreshed_receipt
from forsell.services.receipts import ReceiptView
from forsell.services.till import CartView, TillService

from .approval import approve_then
from .cart_panel import CartPanel
from .fiscal_band import FiscalBand
from .line_dialogs import DiscountDialog, PriceDialog, QuantityDialog
from .messages import message_for
from .options_dialog import OptionsDialog
from .park_dialog import RecallDialog
from .payment_dialog import CARD, CASH, PaymentDialog
from .printer_bar import PrinterBar
from .product_grid import ProductGrid
from .receipt_view import ReceiptDialog
from .recording_indicator import RecordingBar
from .scanner import ScannerFilter
from .search_panel import SearchPanel
from .widgets import ActionButton, set_role

K = QKeySequence
Key = Qt.Key
#: Actions the main window carries out (dialogs that belong to shifts, refunds, the catalog).
WINDOW_ACTIONS = (
    "journal",
    "refund",
    "cash in/out",
    "open shift",
    "close shift",
    "X report",
    "catalog",
    "conversations",
    "lock",
)


class TillScreen(QWidget):
    action_requested = Signal(str)  # one of WINDOW_ACTIONS
    cart_changed = Signal()
    paid = Signal(object)  # the ReceiptView of the sale just paid (the customer display shows it)

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.till = till
        self.sale: TillService | None = None
        self.buttons: dict[str, ActionButton] = {}
        self.search = SearchPanel(till)
        self.cart = CartPanel()
        self.grid = ProductGrid(till)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.setSpacing(10)
        # Stays while the database fails its start-up check: why selling stopped, how to restore.
        self.sales_stopped = QLabel()
        self.sales_stopped.setAccessibleName("sales stopped")
        self.sales_stopped.setWordWrap(True)
        self.sales_stopped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.sales_stopped, "error")
        self.sales_stopped.hide()
        outer.addWidget(self.sales_stopped)
        # The receipt printer's faults, with "Retry"; hidden while it prints.
        self.printer_bar = PrinterBar(till)
        outer.addWidget(self.printer_bar)
        # Receipts not registered with the tax office for 48 h and more: informs, never blocks.
        self.fiscal_band = FiscalBand(till)
        outer.addWidget(self.fiscal_band)
        self.paid.connect(lambda _receipt: self.fiscal_band.check())
        body = QHBoxLayout()
        body.setSpacing(14)
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.search)
        # The recorder's line: calm above the cart, hidden when this till records nothing.
        self.recording = RecordingBar()
        left.addWidget(self.recording)
        left.addWidget(self.cart, 1)
        left.addLayout(self._line_row())
        body.addLayout(left, 11)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.grid, 1)
        right.addLayout(self._pay_block())
        body.addLayout(right, 9)
        outer.addLayout(self._action_row())
        self.search.product_chosen.connect(self.add_product)
        self.search.code_entered.connect(self.scan)
        self.search.cart_navigate.connect(self.cart.move_selection)
        self.search.field.delete_line.connect(self.remove_line)
        self.search.field.quantity_key.connect(self.change_quantity)
        self.grid.product_chosen.connect(self.add_product)
        self.manual_shortcut = QShortcut(K("Ctrl+Shift+R"), self, self._manual_key)
        self.scanner = ScannerFilter(self, self.search.type_text)
        self.scanner.scanned.connect(self.scan)
        self.scanner.install()
        self.retranslate()

    # --- layout -------------------------------------------------------------------------------

    def _button(
        self, name: str, keys: list, slot: Callable[[], None], role: str = "", min_height: int = 68
    ) -> ActionButton:
        # 68 px: a title may wrap onto two lines in a narrow button ("Receipt discount" among six,
        # «Менің әңгімелерім» among eleven), and two lines and the key need more than 60.
        button = ActionButton(name, keys, self, role)
        button.setMinimumHeight(min_height)
        button.clicked.connect(slot)
        self.buttons[name] = button
        return button

    def _line_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        star = [K(Key.Key_Asterisk), K(Qt.KeyboardModifier.KeypadModifier | Key.Key_Asterisk)]
        row.addWidget(self._button("quantity", star, self.change_quantity))
        row.addWidget(self._button("remove line", [K(Key.Key_Delete)], self.remove_line))
        row.addWidget(self._button("line discount", [K("Ctrl+D")], self.line_discount))
        row.addWidget(self._button("receipt discount", [K("Ctrl+Shift+D")], self.receipt_discount))
        row.addWidget(self._button("price", [K("Ctrl+R")], self.override_price))
        row.addWidget(self._button("options", [K("Ctrl+O")], self.edit_options))
        # The scan field keeps Delete and * for itself (a line edit claims them before any
        # shortcut) and forwards them: Delete when it is empty, * always (search_panel).
        return row

    def _pay_block(self) -> QVBoxLayout:
        block = QVBoxLayout()
        block.setSpacing(6)
        methods = QHBoxLayout()
        methods.addWidget(self._button("cash", [K(Key.Key_F5)], lambda: self.pay(CASH)))
        methods.addWidget(self._button("card", [K(Key.Key_F6)], lambda: self.pay(CARD)))
        block.addLayout(methods)
        block.addWidget(
            self._button("pay", [K(Key.Key_F12)], lambda: self.pay(CASH), "primary", min_height=72)
        )
        return block

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self._button("new sale", [K(Key.Key_F2)], self.new_sale))
        row.addWidget(self._button("park", [K(Key.Key_F3)], self.park))
        row.addWidget(self._button("recall", [K(Key.Key_F4)], self.recall))
        for name, key in (
            ("journal", K(Key.Key_F1)),
            ("refund", K(Key.Key_F7)),
            ("cash in/out", K(Key.Key_F8)),
            ("open shift", K(Key.Key_F9)),
            ("close shift", K(Key.Key_F10)),
            ("X report", K(Key.Key_F11)),
            ("conversations", K("Ctrl+K")),
            ("catalog", K("Ctrl+P")),
            ("store admin", K("Ctrl+M")),
            ("lock", K("Ctrl+L")),
        ):
            row.addWidget(
                self._button(name, [key], lambda _=False, n=name: self.action_requested.emit(n))
            )
        # A supervisor's, and only with a printer (the drawer opens through it).
        row.addWidget(self._button("open drawer", [K("Ctrl+Shift+O")], self.open_drawer))
        return row

    def retranslate(self) -> None:
        labels = {
            "quantity": self.tr("Quantity"),
            "remove line": self.tr("Remove"),
            "line discount": self.tr("Line discount"),
            "receipt discount": self.tr("Receipt discount"),
            "price": self.tr("Price"),
            "options": self.tr("Options"),
            "cash": self.tr("Cash"),
            "card": self.tr("Card"),
            "pay": self.tr("Pay"),
            "new sale": self.tr("New sale"),
            "park": self.tr("Park"),
            "recall": self.tr("Recall"),
            "journal": self.tr("Receipts"),
            "refund": self.tr("Refund"),
            "cash in/out": self.tr("Cash in/out"),
            "open shift": self.tr("Open shift"),
            "close shift": self.tr("Close shift"),
            "X report": self.tr("X report"),
            "catalog": self.tr("Catalog"),
            "conversations": self._conversations_label(),
            "store admin": self.tr("Settings & staff"),
            "lock": self.tr("Lock"),
            "open drawer": self.tr("Open drawer"),
        }
        for name, label in labels.items():
            self.buttons[name].set_label(label)

    def _conversations_label(self) -> str:
        # Supervisors review everyone's conversations; a cashier sees only their own.
        if self.sale is not None and not self.sale.employee.role.at_least(Role.SUPERVISOR):
            return self.tr("My conversations")
        return self.tr("Conversations")

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- session ------------------------------------------------------------------------------

    def set_sale(self, sale: TillService) -> None:
        """The logged-in employee's sale in progress (kept across a lock)."""
        self.sale = sale
        language = sale.employee.language
        self.search.language = language
        self.grid.set_language(language)
        self.buttons["catalog"].setVisible(sale.employee.role is Role.ADMIN)
        self.buttons["store admin"].setVisible(sale.employee.role is Role.ADMIN)
        self.buttons["open drawer"].setVisible(
            sale.employee.role.at_least(Role.SUPERVISOR) and self.printer_bar.printer.configured()
        )
        self.buttons["conversations"].set_label(self._conversations_label())
        self.search.banner.clear_notice()
        self.refresh_shift()
        self.show_cart(sale.view())
        self.focus_scan()

    def refresh_shift(self) -> None:
        is_open = self.till.shifts.current() is not None
        self.buttons["open shift"].setEnabled(not is_open)
        for name in ("close shift", "cash in/out", "X report"):
            self.buttons[name].setEnabled(is_open)
        if not is_open:
            self.notify(self.tr("No shift is open. Open a shift first (F9)."))

    def _manual_key(self) -> None:
        if self.recording.manual.isVisible():
            self.recording.manual.click()

    def focus_scan(self) -> None:
        """The scan field takes the keyboard, and the till window the activation: without a
        window manager nothing gives it back after a dialog, and the till's shortcuts work only
        in the active window (digits would still reach the field, F-keys would not)."""
        window = self.window()
        if window.isVisible() and QApplication.activeModalWidget() is None:
            window.activateWindow()
        self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_selling(self, text: str) -> None:
        """Shows why no sale can be made and how to restore the database (the services refuse
        the sales themselves); Pay stays off."""
        self.sales_stopped.setText(text)
        self.sales_stopped.setVisible(bool(text))
        self.buttons["pay"].setEnabled(False)

    def notify(self, text: str) -> None:
        self.search.banner.show_notice(text)

    def show_cart(self, view: CartView, select: int | None = None) -> None:
        self.cart.show_cart(view, select)
        self.buttons["pay"].setEnabled(not view.empty and not self.sales_stopped.text())
        self.cart_changed.emit()

    def _failed(self, error: CashierError) -> None:
        self.notify(message_for(error))
        self.focus_scan()

    # --- building the cart ----------------------------------------------------------------

    def scan(self, code: str) -> None:
        if self.sale is None:
            return
        code = code.strip()
        try:
            view = self.sale.scan(code)
        except CashierError as exc:
            asks = exc.key in ("scan.needs_weight", "scan.needs_options")
            product = self.till.catalog.by_barcode(code) if asks else None
            if product is not None:
                self.search.reset()
                self.add_product(product)
                return
            self.notify(message_for(exc))
            # The code stays in the field so the cashier can search by name; a new scan still
            # goes through the scanner filter, untouched by this text.
            self.search.reset(code if exc.key == "scan.unknown" else "")
            return
        self.search.banner.clear_notice()
        self.search.reset()
        self.show_cart(view, len(view.lines) - 1)

    def add_product(self, product: ProductView) -> None:
        if self.sale is None:
            return
        groups = self.till.catalog.option_groups(product.id)
        if product.weighted:
            self._ask_quantity(
                product.name(self.sale.employee.language),
                True,
                None,
                lambda qty: self._weighed(product, qty, groups),
                select_last=True,
            )
            return
        if groups:
            self._ask_options(
                product.name(self.sale.employee.language),
                product.price,
                groups,
                None,
                lambda ids: self.sale.add(product, 1000, ids),
            )
            return
        try:
            view = self.sale.add(product, 1000)
        except CashierError as exc:
            self._failed(exc)
            return
        self.search.reset()
        self.show_cart(view, len(view.lines) - 1)

    def _weighed(self, product: ProductView, qty: int, groups: tuple) -> CartView | None:
        """The weight entered: into the cart at once, or — for goods with options (a salad
        with its dressing, sweets in a gift box) — once the options are chosen, as for goods
        sold by the piece. None when the chooser opens instead."""
        if not groups:
            return self.sale.add(product, qty)
        check_quantity(qty, True)  # a wrong weight is refused in the weight dialog itself
        name = product.name(self.sale.employee.language)
        # After the weight dialog has closed, so the chooser gets the focus, not the scan field.
        QTimer.singleShot(
            0,
            self,
            lambda: self._ask_options(
                name, product.price, groups, None, lambda ids: self.sale.add(product, qty, ids)
            ),
        )
        return None

    def _ask_options(
        self,
        name: str,
        base_price: int,
        groups: tuple,
        index: int | None,
        apply: Callable[[tuple[str, ...]], CartView],
    ) -> None:
        """Opens the chooser for a new line (``index`` None: the preselected options) or for
        line ``index`` (its options); ``apply`` puts the choice into the cart."""
        if index is None:
            chosen = tuple(o.id for g in groups for o in g.options if o.preselected)
        else:
            chosen = self.sale.line_option_ids(index)
        lang = self.sale.employee.language
        editing = index is not None
        dialog = OptionsDialog(name, base_price, groups, chosen, lang, self, editing=editing)

        def submitted(ids: tuple[str, ...]) -> None:
            try:
                view = apply(ids)
            except CashierError as exc:
                dialog.show_error(message_for(exc))
                return
            dialog.accept()
            self.search.reset()
            self.show_cart(view, len(view.lines) - 1 if index is None else index)

        self._open(dialog, submitted)
        dialog.setFocus()

    def edit_options(self) -> None:
        """The selected line's options, to change them (the customer wants oat milk after all)."""
        index = self._selected()
        if index is None:
            return
        line = self.sale.view().lines[index]
        groups = self.till.catalog.option_groups(line.product_id)
        if not groups:
            self.notify(self.tr("This item has no options."))
            return
        base = line.unit_price - sum(delta for _name, delta in line.options)
        self._ask_options(
            line.name, base, groups, index, lambda ids: self.sale.set_line_options(index, ids)
        )

    def _ask_quantity(
        self,
        name: str,
        weighted: bool,
        current: int | None,
        apply: Callable[[int], CartView | None],
        select_last: bool = False,
    ) -> None:
        dialog = QuantityDialog(name, weighted, current, self)

        def submitted(qty: int) -> None:
            try:
                view = apply(qty)
            except CashierError as exc:
                dialog.show_error(message_for(exc))
                return
            dialog.accept()
            if view is None:  # another dialog carries on (the options of a weighed item)
                return
            self.search.reset()
            self.show_cart(view, len(view.lines) - 1 if select_last else None)

        self._open(dialog, submitted)

    def _open(self, dialog, submitted: Callable[[object], None]) -> None:
        dialog.submitted.connect(submitted)
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.focus_scan()))
        dialog.open()

    def _selected(self) -> int | None:
        index = self.cart.selected_index()
        if index is None or self.sale is None:
            self.notify(self.tr("Choose a line in the cart first."))
            return None
        return index

    def change_quantity(self) -> None:
        index = self._selected()
        if index is None:
            return
        line = self.sale.view().lines[index]
        self._ask_quantity(
            line.name, line.weighted, line.qty_milli, lambda qty: self.sale.set_quantity(index, qty)
        )

    def remove_line(self) -> None:
        index = self._selected()
        if index is None:
            return
        self.show_cart(self.sale.remove_line(index), max(0, index - 1))

    def _with_approval(self, dialog, call: Callable[[object, object], CartView]) -> None:
        """Opens ``dialog``; its value goes to ``call(value, approval)``, via override if needed."""

        def submitted(value: object) -> None:
            def done(view: CartView) -> None:
                dialog.accept()
                self.show_cart(view)

            approve_then(
                dialog,
                self.till,
                self.sale.employee,
                lambda approval: call(value, approval),
                done,
                lambda exc: dialog.show_error(message_for(exc)),
            )

        self._open(dialog, submitted)

    def line_discount(self) -> None:
        index = self._selected()
        if index is None:
            return
        cart = self.sale.cart.lines[index]
        name = self.sale.view().lines[index].name
        dialog = DiscountDialog(
            self.tr("Line discount"), cart.gross, cart.discount, self, item=name
        )
        self._with_approval(dialog, lambda d, a: self.sale.set_line_discount(index, d, a))

    def receipt_discount(self) -> None:
        view = self.sale.view() if self.sale else None
        if view is None or view.empty:
            self.notify(self.tr("The cart is empty: scan an item first."))
            return
        # The receipt discount applies to what is left after the line discounts: name that.
        dialog = DiscountDialog(
            self.tr("Receipt discount"),
            self.sale.receipt_discount_base(),
            view.receipt_discount,
            self,
        )
        self._with_approval(dialog, lambda d, a: self.sale.set_receipt_discount(d, a))

    def override_price(self) -> None:
        index = self._selected()
        if index is None:
            return
        line = self.sale.view().lines[index]
        dialog = PriceDialog(line.name, line.unit_price, self)
        self._with_approval(dialog, lambda p, a: self.sale.override_price(index, p, a))

    # --- the sale as a whole ---------------------------------------------------------------

    def new_sale(self) -> None:
        """Empty cart: just a fresh start. Otherwise cancelling the sale needs a confirmation."""
        if self.sale is None:
            return
        if self.sale.view().empty:
            self.search.reset()
            self.search.banner.clear_notice()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel the sale?"),
            self.tr("Remove all items and start a new sale?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAccessibleName("confirm cancel")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Cancel the sale"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep selling"))

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self.show_cart(self.sale.cancel())
                self.search.reset()

        box.buttonClicked.connect(answered)
        box.finished.connect(lambda _r: (box.deleteLater(), self.focus_scan()))
        box.open()

    def park(self) -> None:
        try:
            view = self.sale.park()
        except CashierError as exc:
            self._failed(exc)
            return
        self.show_cart(view)
        self.notify(self.tr("The sale is parked. Recall it with F4."))

    def recall(self) -> None:
        parked = self.sale.parked()
        if not parked:
            self.notify(self.tr("No parked sales."))
            return
        if not self.sale.view().empty:
            # Recall needs an empty cart: ask before the list, not after a choice is made.
            self._park_then_recall()
            return
        self._choose_parked(parked)

    def _park_then_recall(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Recall"),
            self.tr("The cart is not empty. Park this sale first, then choose the one to recall?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAccessibleName("park before recall")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Park and recall"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep selling"))
        box.finished.connect(lambda _r: (box.deleteLater(), self.focus_scan()))

        def answered(button) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return
            try:
                self.show_cart(self.sale.park())
            except CashierError as exc:
                self._failed(exc)
                return
            self._choose_parked(self.sale.parked())

        box.buttonClicked.connect(answered)
        box.open()

    def _choose_parked(self, parked: list) -> None:
        dialog = RecallDialog(parked, self)

        def chosen(parked_id: str) -> None:
            try:
                self.show_cart(self.sale.recall(parked_id))
            except CashierError as exc:
                self._failed(exc)

        dialog.chosen.connect(chosen)
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.focus_scan()))
        dialog.open()

    def pay(self, method: str) -> None:
        if self.sale is None or self.sale.view().empty:
            self.notify(self.tr("The cart is empty: scan an item first."))
            return
        dialog = PaymentDialog(self.sale, method, self)
        dialog.paid.connect(self.show_receipt)
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.focus_scan()))
        dialog.open()

    def open_drawer(self) -> None:
        """Opens the cash drawer without a sale (the service refuses below a supervisor)."""
        if self.sale is not None:
            self.printer_bar.open_drawer(self.sale.employee)

    def show_receipt(self, receipt: ReceiptView) -> None:
        self.printer_bar.print_receipt(receipt)  # in the background; the sale is already saved
        self.paid.emit(receipt)
        self.show_cart(self.sale.view())
        self.search.reset()
        ctx = self.till.ctx
        dialog = ReceiptDialog(receipt, self, refresh=lambda shown: refreshed_receipt(ctx, shown))
        dialog.finished.connect(lambda _r: (dialog.deleteLater(), self.focus_scan()))
        self.receipt_dialog = dialog
        # Opened after the payment dialog has closed, so Enter lands on "new sale" here.
        dialog.open()
