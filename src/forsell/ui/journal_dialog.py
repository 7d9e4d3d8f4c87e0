"""The receipt journal (F1 at the till): find a sale or refund receipt, look at it, print a
copy, or start a refund of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt
from forsell.domain.roles import Role
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.journal import (
    SALE,
    JournalCursor,
    JournalEntry,
    JournalPage,
    JournalPeriod,
    JournalQuery,
    ReceiptJournal,
)
from forsell.services.receipts import ReceiptView

from .backoffice_kit import Feedback, attempt, make_button, style_dialog, styled_label
from .messages import message_for
from .printing import print_with_dialog
from .receipt_view import RECEIPT_WIDTH_PX, Printer, receipt_document
from .tasks import tasks

COLUMNS = 7  # number, time, what, cashier, paid by, total, fiscal registration
PERIODS = (JournalPeriod.SHIFT, JournalPeriod.TODAY, JournalPeriod.DATES)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class JournalDialog(QDialog):
    """Receipts newest first; the chosen one is shown as printed. A cashier sees the open
    shift's receipts; a supervisor or an admin any day or period."""

    def __init__(
        self,
        till: Till,
        employee: EmployeeView,
        parent: QWidget | None = None,
        printer: Printer = print_with_dialog,
        paper: Callable[[ReceiptView], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.employee, self.printer = till, employee, printer
        #: The counter's ESC/POS printer when one is set up (faults show on the till's bar).
        self.paper = paper
        self.journal = ReceiptJournal(till.ctx)
        self.entries: list[JournalEntry] = []
        self.more: JournalCursor | None = None
        self.query = JournalQuery()
        self.receipt: ReceiptView | None = None
        self.refund_dialog: QDialog | None = None
        style_dialog(self, self.tr("Receipt journal"), min_width=1000)
        self.resize(1180, 760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(12)
        layout.addLayout(self._filter_row())
        self.scope = styled_label("", "muted")
        self.scope.setAccessibleName("journal scope")
        layout.addWidget(self.scope)
        body = QHBoxLayout()
        body.setSpacing(14)
        left = QVBoxLayout()
        self.table = self._make_table()
        left.addWidget(self.table, 1)
        self.more_button = make_button(self.tr("Older receipts"), "journal more")
        self.more_button.clicked.connect(self.load_more)
        left.addWidget(self.more_button)
        body.addLayout(left, 3)
        self.view = QTextBrowser()
        self.view.setAccessibleName("journal receipt")
        self.view.setMinimumWidth(RECEIPT_WIDTH_PX + 40)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.addWidget(self.view, 2)
        layout.addLayout(body, 1)
        self.feedback = Feedback("journal message")
        layout.addWidget(self.feedback)
        layout.addLayout(self._button_row())
        self._limit_to_role()
        self.search()

    # --- layout -----------------------------------------------------------------------------

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        self.period = QComboBox()
        self.period.setAccessibleName("journal period")
        for period, label in zip(
            PERIODS, (self.tr("This shift"), self.tr("Today"), self.tr("Dates")), strict=True
        ):
            self.period.addItem(label, period.value)
        self.period.currentIndexChanged.connect(self._period_changed)
        today = _qdate(self.till.ctx.clock().astimezone(self.till.ctx.timezone).date())
        self.first = QDateEdit(today)
        self.last = QDateEdit(today)
        for edit, name in ((self.first, "journal from"), (self.last, "journal to")):
            edit.setAccessibleName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setEnabled(False)
        self.text = QLineEdit()
        self.text.setAccessibleName("journal search")
        self.text.setPlaceholderText(self.tr("Receipt number, amount, time (14:05) or cashier"))
        self.text.setClearButtonEnabled(True)
        # A scanned receipt code ends with Enter: here it means "search".
        self.text.installEventFilter(self)
        find = make_button(self.tr("Find"), "journal find")
        find.clicked.connect(self.search)
        row.addWidget(self.period)
        row.addWidget(self.first)
        row.addWidget(self.last)
        row.addWidget(self.text, 1)
        row.addWidget(find)
        return row

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, COLUMNS)
        table.setAccessibleName("journal receipts")
        table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("Receipt"),
                self.tr("Cashier"),
                self.tr("Paid by"),
                self.tr("Total"),
                self.tr("Fiscal"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(44)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3, 4, 5, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.itemSelectionChanged.connect(self._selected)
        return table

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.reprint_button = make_button(self.tr("Print a copy (Ctrl+P)"), "reprint", "primary")
        self.reprint_button.clicked.connect(self.reprint)
        self.refund_button = make_button(self.tr("Refund… (F7)"), "journal refund")
        self.refund_button.clicked.connect(self.start_refund)
        close = make_button(self.tr("Close (Esc)"), "close journal")
        close.clicked.connect(self.reject)
        for button in (self.reprint_button, self.refund_button, close):
            button.setAutoDefault(False)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, self.start_refund)
        row.addWidget(self.reprint_button)
        row.addWidget(self.refund_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def _limit_to_role(self) -> None:
        if self.employee.role.at_least(Role.SUPERVISOR):
            self.scope.hide()
            return
        # The service gives a cashier their shift whatever is asked; the screen says so.
        self.period.setEnabled(False)
        self.scope.setText(self.tr("You see the receipts of the open shift."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.search()
            return True
        return super().eventFilter(watched, event)

    # --- searching --------------------------------------------------------------------------

    def _period_changed(self) -> None:
        dates = self.period.currentData() == JournalPeriod.DATES.value
        self.first.setEnabled(dates)
        self.last.setEnabled(dates)
        self.search()

    def current_query(self) -> JournalQuery:
        first, last = self.first.date(), self.last.date()
        return JournalQuery(
            JournalPeriod(self.period.currentData()),
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
            self.text.text(),
        )

    def search(self) -> None:
        """Reads the first page of what the filters ask for, in the background."""
        self.query = self.current_query()
        self._load(None)

    def load_more(self) -> None:
        if self.more is not None:
            self._load(self.more)

    def _load(self, after: JournalCursor | None) -> None:
        query, who = self.query, self.employee
        self.more_button.setEnabled(False)
        tasks().run(
            lambda: self.journal.page(who, query, after),
            lambda page: self._show_page(page, append=after is not None),
            self._failed,
            owner=self,
            key="page",
        )

    def _failed(self, exc: Exception) -> None:
        self.feedback.error(
            message_for(exc)
            if isinstance(exc, CashierError)
            else self.tr("The journal cannot be read now. Try again.")
        )

    def _show_page(self, page: JournalPage, append: bool) -> None:
        if not append:
            self.entries = []
            self.table.setRowCount(0)
        for entry in page.entries:
            self._add_row(entry)
        self.entries += page.entries
        self.more = page.more
        self.more_button.setEnabled(page.more is not None)
        if page.no_shift:
            self.feedback.error(self.tr("No shift is open: open a shift or choose another day."))
        elif not self.entries:
            self.feedback.ok(self.tr("No receipts match."))
        else:
            self.feedback.clear_message()
        if not append and self.entries:
            self.table.selectRow(0)
        elif not self.entries:
            self._show_receipt(None)

    def _add_row(self, entry: JournalEntry) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        texts = (
            str(entry.receipt_no),
            entry.created_at.strftime("%d.%m %H:%M"),
            self._what(entry),
            entry.cashier_name,
            self._paid_by(entry.method),
            format_kzt(-entry.total if entry.kind != SALE else entry.total),
            self._fiscal(entry),
        )
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if col in (0, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)

    def _what(self, entry: JournalEntry) -> str:
        if entry.kind != SALE:
            return self.tr("Refund of receipt No. {no}").format(no=entry.refund_of_no)
        return self.tr("Sale (voided)") if entry.voided else self.tr("Sale")

    def _fiscal(self, entry: JournalEntry) -> str:
        """The receipt's fiscal registration in a word or two (empty: fiscal registration off);
        a voided sale adds its refund at the cash register."""
        if entry.fiscal_state == "registered":
            text = self.tr("No. {number}").format(number=entry.fiscal_number or "")
        else:
            text = {
                "waiting": self.tr("Waiting"),
                "refused": self.tr("Refused"),
                "set_aside": self.tr("Set aside"),
            }.get(entry.fiscal_state or "", "")
        if entry.void_fiscal_state == "registered":
            void = self.tr("void: refund No. {number}").format(number=entry.void_fiscal_number)
        else:
            void = {
                "waiting": self.tr("void: refund waiting"),
                "refused": self.tr("void: refund refused"),
                "set_aside": self.tr("void: refund set aside"),
            }.get(entry.void_fiscal_state or "", "")
        return f"{text}; {void}" if void else text

    def _paid_by(self, method: str) -> str:
        return {"cash": self.tr("Cash"), "card": self.tr("Card")}.get(
            method, self.tr("Cash + card")
        )

    # --- the chosen receipt -----------------------------------------------------------------

    def selected(self) -> JournalEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selected(self) -> None:
        entry = self.selected()
        if entry is None:
            self._show_receipt(None)
            return
        ok, receipt = attempt(
            self.feedback, lambda: self.journal.receipt(self.employee, entry.kind, entry.id)
        )
        self._show_receipt(receipt if ok else None)

    def _show_receipt(self, receipt: ReceiptView | None) -> None:
        self.receipt = receipt
        document = receipt_document(receipt) if receipt is not None else None
        if document is not None:
            document.setParent(self.view)
            self.view.setDocument(document)
        else:
            self.view.clear()
        self.reprint_button.setEnabled(receipt is not None)
        self._offer_refund(receipt)

    def _offer_refund(self, receipt: ReceiptView | None) -> None:
        """A refund receipt cannot be refunded itself: its button opens the refund of the sale
        it returned (what a cashier holding the refund slip means), and says so. A voided sale
        has nothing left to refund: the button is off and its tooltip tells why."""
        self.refund_button.setEnabled(receipt is not None and not receipt.voided)
        if receipt is not None and receipt.is_refund:
            self.refund_button.setText(
                self.tr("Refund sale No. {no}… (F7)").format(no=receipt.refund_of_no)
            )
            self.refund_button.setToolTip(
                self.tr(
                    "This is a refund receipt. The refund is made from the sale it returned: "
                    "receipt No. {no}."
                ).format(no=receipt.refund_of_no)
            )
            return
        self.refund_button.setText(self.tr("Refund… (F7)"))
        self.refund_button.setToolTip(
            self.tr("A voided sale has nothing left to refund.")
            if receipt is not None and receipt.voided
            else ""
        )

    def reprint(self) -> None:
        """Prints the chosen receipt marked as a copy, on the sale receipt's printing path."""
        entry = self.selected()
        if entry is None or not self.reprint_button.isEnabled():
            return
        ok, copy = attempt(
            self.feedback, lambda: self.journal.copy_of(self.employee, entry.kind, entry.id)
        )
        if not ok or copy is None:
            return
        if self.paper is not None:
            self.paper(copy)
            done = self.tr("A copy of receipt No. {no} was sent to the receipt printer.")
        elif self.printer(receipt_document(copy, None), self):
            done = self.tr("A copy of receipt No. {no} was printed.")
        else:
            # Cancelled in the print dialog: no copy exists, so the audit trail gets no entry.
            self.feedback.clear_message()
            return
        recorded, _ = attempt(
            self.feedback, lambda: self.journal.record_reprint(self.employee, copy)
        )
        if recorded:
            self.feedback.ok(done.format(no=copy.receipt_no))

    def start_refund(self) -> None:
        """The refund dialog with the chosen sale already found (for a refund receipt: the sale
        it returned); the journal is read again when it closes, so the refund shows up."""
        receipt = self.receipt
        if receipt is None or not self.refund_button.isEnabled():
            return
        from .refund_dialog import RefundDialog

        dialog = RefundDialog(
            self.till,
            self.employee,
            self,
            query=receipt.sale_id,
            printer=self.printer,
            paper=self.paper,
        )
        dialog.finished.connect(lambda _r: self._refund_closed(dialog))
        self.refund_dialog = dialog
        dialog.open()

    def _refund_closed(self, dialog: QDialog) -> None:
        dialog.deleteLater()
        self.refund_dialog = None
        self.search()
