"""Refunds and voids: find a receipt by number or its scanned code, choose what goes back."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_quantity
from forsell.domain.refund import refund_amount
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.receipts import ReceiptLineView, ReceiptView
from forsell.services.refunds import RefundView

from .approval import with_approval
from .backoffice_kit import Feedback, attempt, make_button, style_dialog, styled_label
from .printing import print_with_dialog
from .receipt_view import Printer, ReceiptDialog

COLUMNS = 5  # item, sold, refunded, to refund, amount


def _qty_text(line: ReceiptLineView, milli: int) -> str:
    # The same locale as the spin boxes, so that "0,750" sold and "0,750" to refund look alike.
    return format_quantity(milli, line.weighted, exact=True)


class RefundDialog(QDialog):
    """Refund some or all lines of a receipt, or void a sale of the open shift."""

    def __init__(
        self,
        till: Till,
        employee: EmployeeView,
        parent: QWidget | None = None,
        query: str = "",
        printer: Printer = print_with_dialog,
        paper: Callable[[ReceiptView], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.printer = printer
        #: The counter's ESC/POS printer when one is set up: the refund receipt comes out of it
        #: at once, as a sale's does after payment.
        self.paper = paper
        # The refund receipt shown after the last refund (printed from there like a sale's).
        self.refund_receipt: ReceiptDialog | None = None
        self.receipt: ReceiptView | None = None
        self.result_refund: RefundView | None = None
        self.voided = False
        self.spins: dict[str, QSpinBox | QDoubleSpinBox] = {}
        style_dialog(self, self.tr("Refund or void"), min_width=860)
        self.resize(920, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addLayout(self._search_row())
        self.header = styled_label(
            self.tr("Scan the code on the receipt or type its number."), "muted"
        )
        self.header.setAccessibleName("receipt summary")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._total_row())
        layout.addLayout(self._method_row())
        self.feedback = Feedback("refund message")
        layout.addWidget(self.feedback)
        layout.addLayout(self._button_row())
        self._show_receipt()
        if query:
            self.search.setText(query)
            self.find()
        else:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- layout -----------------------------------------------------------------------------

    def _search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.search = QLineEdit()
        self.search.setAccessibleName("receipt search")
        self.search.setPlaceholderText(self.tr("Receipt number or scanned code"))
        # A scanner ends with Enter: here it means "find", not "confirm the refund".
        self.search.installEventFilter(self)
        find = make_button(self.tr("Find"), "find receipt")
        find.clicked.connect(self.find)
        row.addWidget(self.search, 1)
        row.addWidget(find)
        return row

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, COLUMNS)
        table.setAccessibleName("receipt lines")
        table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Sold"),
                self.tr("Refunded"),
                self.tr("To refund"),
                self.tr("Amount"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(56)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the spin boxes instead
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 100), (2, 130), (3, 160), (4, 130)):  # fits "Возвращено"
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(col, width)
        return table

    def _total_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refund_all_button = make_button(self.tr("Refund all"), "refund all")
        self.refund_all_button.clicked.connect(self.refund_all)
        self.total_label = styled_label("", "big")
        self.total_label.setAccessibleName("refund total")
        self.total_label.setWordWrap(False)
        self.total_label.setMinimumWidth(340)  # no jumping about as the amount grows
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.refund_all_button)
        row.addStretch(1)
        row.addWidget(self.total_label)
        return row

    def _method_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.cash = QRadioButton(self.tr("Cash back"))
        self.cash.setAccessibleName("refund cash")
        self.card = QRadioButton(self.tr("Back to card"))
        self.card.setAccessibleName("refund card")
        self.method = QButtonGroup(self)
        self.method.addButton(self.cash)
        self.method.addButton(self.card)
        self.cash.setChecked(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("refund reason")
        self.reason.setPlaceholderText(self.tr("Reason (e.g. damaged, wrong item)"))
        row.addWidget(self.cash)
        row.addWidget(self.card)
        row.addWidget(self.reason, 1)
        return row

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.void_button = make_button(self.tr("Void sale…"), "void sale", "danger")
        self.void_button.clicked.connect(self.void)
        close = make_button(self.tr("Close (Esc)"), "close refund")
        close.clicked.connect(self.reject)
        self.confirm = make_button(self.tr("Refund (Enter)"), "confirm refund", "primary")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self.confirm_refund)
        row.addWidget(self.void_button)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.confirm)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.find()
            return True
        return super().eventFilter(watched, event)

    # --- actions ----------------------------------------------------------------------------

    def find(self, query: str | None = None) -> None:
        text = self.search.text() if query is None else query
        ok, receipt = attempt(self.feedback, lambda: self.till.refunds.find(text))
        if ok:
            self.receipt = receipt
            self._show_receipt()
            self.search.selectAll()
            if self.spins:
                next(iter(self.spins.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def refund_all(self) -> None:
        for spin in self.spins.values():
            spin.setValue(spin.maximum())

    def items(self) -> dict[str, int]:
        """Line id → quantity to refund in thousandths (only lines with something chosen)."""
        chosen = {}
        for line_id, spin in self.spins.items():
            milli = (
                round(spin.value() * 1000)
                if isinstance(spin, QDoubleSpinBox)
                else spin.value() * 1000
            )
            if milli:
                chosen[line_id] = milli
        return chosen

    def refund_total(self) -> int:
        if self.receipt is None:
            return 0
        chosen = self.items()
        return sum(
            refund_amount(
                l.net, l.qty_milli, l.refunded_milli, l.refunded_amount, chosen[l.line_id]
            )
            for l in self.receipt.lines
            if l.line_id in chosen
        )

    def confirm_refund(self) -> None:
        if self.receipt is None:
            self.feedback.error(self.tr("Find the receipt first."))
            return
        sale_id, items = self.receipt.sale_id, self.items()
        method = "card" if self.card.isChecked() else "cash"
        reason = self.reason.text().strip()
        ok, refund = attempt(
            self.feedback,
            lambda: with_approval(
                self,
                self.till,
                self.employee,
                lambda approval: self.till.refunds.refund(
                    self.employee, sale_id, items, method, reason, approval
                ),
            ),
        )
        if not ok:
            return
        if refund is None:
            self.feedback.error(self.tr("Nothing was refunded: a supervisor did not approve."))
            return
        self.result_refund = refund
        self._reload()
        text = (
            self.tr("Refunded {amount} in cash. Approved by {name}.")
            if method == "cash"
            else self.tr("Refunded {amount} to the card. Approved by {name}.")
        )
        self.feedback.ok(text.format(amount=format_kzt(refund.total), name=refund.approver_name))
        if refund.receipt is not None:
            if self.paper is not None:
                self.paper(refund.receipt)
            self._show_refund_receipt(refund.receipt)

    def _show_refund_receipt(self, receipt: ReceiptView) -> None:
        """The refund receipt, like the sale's after payment: Print, PDF, Enter closes it."""
        dialog = ReceiptDialog(receipt, self, printer=self.printer)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.refund_receipt = dialog
        dialog.open()

    def void(self) -> None:
        if self.receipt is None:
            self.feedback.error(self.tr("Find the receipt first."))
            return
        receipt = self.receipt
        ask = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Void sale"),
            self.tr("Void sale No. {number} of {total}? The whole sale is cancelled.").format(
                number=receipt.receipt_no, total=format_kzt(receipt.total)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        ask.setAccessibleName("confirm void")
        ask.button(QMessageBox.StandardButton.Yes).setText(self.tr("Void sale"))
        ask.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        ask.setDefaultButton(QMessageBox.StandardButton.No)
        if ask.exec() != QMessageBox.StandardButton.Yes:
            return
        ok, done = attempt(
            self.feedback,
            lambda: with_approval(
                self,
                self.till,
                self.employee,
                lambda approval: (
                    self.till.refunds.void(self.employee, receipt.sale_id, approval) or True
                ),
            ),
        )
        if not ok:
            return
        if not done:
            self.feedback.error(self.tr("The sale was not voided: a supervisor did not approve."))
            return
        self.voided = True
        self._reload()
        self.feedback.ok(self.tr("Sale No. {number} is voided.").format(number=receipt.receipt_no))

    def _reload(self) -> None:
        if self.receipt is not None:
            sale_id = self.receipt.sale_id
            ok, receipt = attempt(self.feedback, lambda: self.till.refunds.find(sale_id))
            if ok:
                self.receipt = receipt
        self._show_receipt()

    # --- showing the receipt ----------------------------------------------------------------

    def _show_receipt(self) -> None:
        r = self.receipt
        # Delete the old spin boxes now, not at the next event loop turn, so that nothing (a
        # screen reader, a test) finds two "refund qty 1" while the receipt is reloaded.
        for row in range(self.table.rowCount()):
            self.table.removeCellWidget(row, 3)
        for spin in self.spins.values():
            shiboken6.delete(spin)
        self.spins.clear()
        self.table.setRowCount(0)
        usable = r is not None and not r.voided
        if r is not None:
            self.header.setText(self._summary(r))
            self.table.setRowCount(len(r.lines))
            for row, line in enumerate(r.lines):
                self._add_line(row, line, usable)
            self.card.setEnabled(r.card > 0)
            self.cash.setChecked(r.card == 0 or r.cash > 0)
            self.card.setChecked(r.cash == 0 and r.card > 0)
        for widget in (self.confirm, self.refund_all_button, self.void_button, self.reason):
            widget.setEnabled(usable)
        self._update_total()

    def _summary(self, r: ReceiptView) -> str:
        paid = []
        if r.cash:
            paid.append(self.tr("cash {amount}").format(amount=format_kzt(r.cash)))
        if r.card:
            paid.append(self.tr("card {amount}").format(amount=format_kzt(r.card)))
        text = self.tr(
            "<b>Receipt No. {number}</b> · {when} · {cashier}<br>"
            "Total {total} ({paid}) · refunded so far {refunded}"
        ).format(
            number=r.receipt_no,
            when=r.created_at.strftime("%d.%m.%Y %H:%M"),
            cashier=r.cashier_name,
            total=format_kzt(r.total),
            paid=", ".join(paid),
            refunded=format_kzt(r.refunded_total),
        )
        if r.voided:
            text += "<br><b>" + self.tr("This sale is voided.") + "</b>"
        return text

    def _add_line(self, row: int, line: ReceiptLineView, usable: bool) -> None:
        name = QTableWidgetItem(line.name(self.employee.language))
        name.setToolTip(f"{line.sku} · {format_kzt(line.unit_price)}")
        self.table.setItem(row, 0, name)
        for col, milli in ((1, line.qty_milli), (2, line.refunded_milli)):
            item = QTableWidgetItem(_qty_text(line, milli))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)
        spin: QSpinBox | QDoubleSpinBox
        if line.weighted:
            spin = QDoubleSpinBox()
            spin.setDecimals(3)
            spin.setSingleStep(0.1)
            spin.setMaximum(line.refundable_milli / 1000)
            spin.setSuffix(self.tr(" kg"))
        else:
            spin = QSpinBox()
            spin.setMaximum(line.refundable_milli // 1000)
            spin.setSuffix(self.tr(" pcs"))
        spin.setAccessibleName(f"refund qty {line.line_no}")
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setEnabled(usable and line.refundable_milli > 0)
        spin.valueChanged.connect(self._update_total)
        self.table.setCellWidget(row, 3, spin)
        self.spins[line.line_id] = spin
        amount = QTableWidgetItem("")
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 4, amount)

    def _update_total(self) -> None:
        if self.receipt is not None:
            chosen = self.items()
            for row, line in enumerate(self.receipt.lines):
                milli = chosen.get(line.line_id, 0)
                amount = (
                    refund_amount(
                        line.net, line.qty_milli, line.refunded_milli, line.refunded_amount, milli
                    )
                    if milli
                    else 0
                )
                cell = self.table.item(row, 4)
                if cell is not None:
                    cell.setText(format_kzt(amount) if milli else "")
        self.total_label.setText(
            self.tr("To refund: {amount}").format(amount=format_kzt(self.refund_total()))
        )
