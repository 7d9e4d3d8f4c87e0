"""The till's line about the receipt printer: quiet while it prints, red with "Retry" when not.

Printing runs on the background task pool, one job at a time in the order of the sales: a printer
that is off, out of paper or slow never holds up the cashier, and the sale was committed before
printing began. The receipts that failed are kept; "Retry" prints them again (after the paper is
changed, say) and the line goes away once they all printed. The supervisor's "open the drawer"
goes the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from forsell.domain.errors import CashierError
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.counter_printer import CounterPrinter, PrinterFault
from forsell.services.receipts import ReceiptView

from .messages import message_for
from .problems import problem_text
from .receipt_view import receipt_labels
from .tasks import tasks
from .widgets import set_role

log = logging.getLogger(__name__)


class PrinterBar(QWidget):
    """Hidden while all is well; on a fault: what went wrong, "Retry" and "Hide"."""

    printed = Signal(str)  # the sale id of a receipt that came out of the printer
    failed = Signal(str)  # the fault's problem code

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer = CounterPrinter(till.ctx)
        self.waiting: list[ReceiptView] = []  # receipts that did not print, oldest first
        self.queue: list[ReceiptView] = []  # receipts to print after the one printing now
        self.printing: ReceiptView | None = None
        # A pale red band (the theme styles labels, not bare widgets) around the red message.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("PrinterBar { background: #fdecea; border-radius: 6px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setAccessibleName("printer problem")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.retry_button = QPushButton()
        self.retry_button.setAccessibleName("retry printing")
        self.retry_button.setMinimumHeight(48)
        self.retry_button.clicked.connect(self.retry)
        row.addWidget(self.retry_button)
        self.hide_button = QPushButton()
        self.hide_button.setAccessibleName("hide printer problem")
        self.hide_button.setMinimumHeight(48)
        self.hide_button.clicked.connect(self.dismiss)
        row.addWidget(self.hide_button)
        for button in (self.retry_button, self.hide_button):
            button.setAutoDefault(False)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Retry"))
        self.hide_button.setText(self.tr("Hide"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paper(self) -> Callable[[ReceiptView], None] | None:
        """The counter's receipt printer for other screens (a journal copy, a refund receipt),
        with this bar's fault handling; None when no receipt printer is set up (those screens
        then print through the system's print dialog)."""
        return self.print_receipt if self.printer.configured() else None

    def print_receipt(self, receipt: ReceiptView) -> None:
        """Prints ``receipt`` in the background when a printer is set up (else nothing). Jobs
        go to the printer one at a time, in the order the sales were paid."""
        if not self.printer.configured():
            return
        if receipt not in self.queue:
            self.queue.append(receipt)
        self._next()

    def _next(self) -> None:
        if self.printing is not None or not self.queue:
            return
        receipt = self.printing = self.queue.pop(0)
        labels = receipt_labels(receipt.language)
        tasks().run(
            lambda: self.printer.print_receipt(receipt, labels),
            lambda _none: self._printed(receipt),
            lambda exc: self._failed(exc, receipt),
            owner=self,
        )

    def retry(self) -> None:
        """Prints the receipts that failed again, oldest first."""
        if self.waiting:
            self.message.setText(self.tr("Printing again…"))
            self.retry_button.setEnabled(False)
            for receipt in list(self.waiting):
                self.print_receipt(receipt)

    def dismiss(self) -> None:
        """Hides the line; the receipts can still be found and printed again later."""
        self.waiting.clear()
        self.hide()

    def open_drawer(self, who: EmployeeView) -> None:
        """Opens the cash drawer for ``who`` (a supervisor's; refused and said here otherwise)."""
        tasks().run(
            lambda: self.printer.open_drawer(who),
            lambda _none: None,
            lambda exc: self._failed(exc, None),
            owner=self,
            key="drawer",
        )

    def _printed(self, receipt: ReceiptView) -> None:
        self.printing = None
        if receipt in self.waiting:
            self.waiting.remove(receipt)
        if not self.waiting:
            self.hide()
        self.printed.emit(receipt.sale_id)
        self._next()
        self.retry_button.setEnabled(self.printing is None and not self.queue)

    def _failed(self, exc: Exception, receipt: ReceiptView | None) -> None:
        if isinstance(exc, PrinterFault):
            text, code = problem_text(exc.problem), exc.code
        elif isinstance(exc, CashierError):  # a refusal: who may not open the drawer
            text, code = message_for(exc), exc.key
        else:
            log.error("printing failed", exc_info=exc)
            text, code = self.tr("The printer could not be reached."), "printer.error"
        if receipt is None:
            self.message.setText(text)
        else:
            self.printing = None
            if receipt not in self.waiting:
                self.waiting.append(receipt)
            numbers = ", ".join(str(r.receipt_no) for r in self.waiting)
            self.message.setText(
                self.tr("Receipt No. {no} did not print: {why}. The sale is complete.").format(
                    no=numbers, why=text
                )
            )
        self.retry_button.setVisible(bool(self.waiting))
        self.retry_button.setEnabled(self.printing is None and not self.queue)
        self.show()
        self.failed.emit(code)
        if receipt is not None:
            self._next()
