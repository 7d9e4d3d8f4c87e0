"""Opening a shift with a float, cash in/out during it, and closing it by counting the drawer."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import NeedsApproval
from forsell.domain.money import format_kzt, parse_kzt
from forsell.domain.roles import Action, Role
from forsell.domain.shift import DENOMINATIONS, counted_total
from forsell.services.app import Till
from forsell.services.auth import Approval, EmployeeView
from forsell.services.shifts import ShiftReport, ShiftView

from .approval import OverrideDialog
from .backoffice_kit import (
    AMBER,
    GREEN,
    RED,
    Feedback,
    attempt,
    make_button,
    money_edit,
    style_dialog,
    styled_label,
)
from .backups import back_up_if_due
from .report_view import ReportDialog, show_report
from .tasks import tasks


def _reraise(exc: Exception) -> None:
    """Hands a task's failure to ``attempt``, which words it for the user."""
    raise exc


def _buttons(dialog: QDialog, confirm_text: str, confirm_name: str):
    """Cancel on the left of the primary button, which is the one Enter presses."""
    row = QHBoxLayout()
    row.setSpacing(12)
    cancel = make_button(QCoreApplication.translate("ShiftDialogs", "Cancel (Esc)"), "cancel")
    confirm = make_button(confirm_text, confirm_name, "primary")
    confirm.setDefault(True)
    cancel.clicked.connect(dialog.reject)
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(confirm)
    return row, confirm


def _amount(text: str) -> int:
    return parse_kzt(text) if text.strip() else 0


class OpenShiftDialog(QDialog):
    """Starts a shift with the cash float put in the drawer."""

    def __init__(self, till: Till, employee: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.shift: ShiftView | None = None
        style_dialog(self, self.tr("Open shift"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(styled_label(self.tr("Open shift"), "title"))
        layout.addWidget(
            styled_label(
                self.tr("Count the cash you put in the drawer and type the amount."), "muted"
            )
        )
        self.amount = money_edit("opening float")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Opening float, ₸"), self.amount)
        layout.addLayout(form)
        self.feedback = Feedback("open shift error")
        layout.addWidget(self.feedback)
        row, self.confirm = _buttons(self, self.tr("Open shift (Enter)"), "open shift")
        self.confirm.clicked.connect(self.open_shift)
        layout.addLayout(row)
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_shift(self) -> None:
        ok, shift = attempt(
            self.feedback, lambda: self.till.shifts.open(self.employee, _amount(self.amount.text()))
        )
        if ok:
            self.shift = shift
            self.accept()


class CashMovementDialog(QDialog):
    """Cash put into or taken out of the drawer during the shift, always with a reason."""

    def __init__(self, till: Till, employee: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.amount_moved: int | None = None  # signed: > 0 in, < 0 out
        style_dialog(self, self.tr("Cash in / cash out"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(styled_label(self.tr("Cash in / cash out"), "title"))
        self.drawer = styled_label("", "muted")
        layout.addWidget(self.drawer)
        kinds = QHBoxLayout()
        self.cash_in = QRadioButton(self.tr("Cash in"))
        self.cash_in.setAccessibleName("cash in")
        self.cash_out = QRadioButton(self.tr("Cash out"))
        self.cash_out.setAccessibleName("cash out")
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.cash_in)
        self.kind.addButton(self.cash_out)
        self.cash_out.setChecked(True)  # taking cash to the safe is the common case
        kinds.addWidget(self.cash_in)
        kinds.addWidget(self.cash_out)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(12)
        self.amount = money_edit("cash amount")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("cash reason")
        self.reason.setPlaceholderText(self.tr("e.g. change from the bank, cash to the safe"))
        form.addRow(self.tr("Amount, ₸"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.feedback = Feedback("cash movement error")
        layout.addWidget(self.feedback)
        row, self.confirm = _buttons(self, self.tr("Record (Enter)"), "record cash movement")
        self.confirm.clicked.connect(self.record)
        layout.addLayout(row)
        self._show_drawer()
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_drawer(self) -> None:
        ok, expected = attempt(self.feedback, self.till.shifts.expected_cash)
        if ok and expected is not None:
            self.drawer.setText(
                self.tr("The drawer should hold {amount} now.").format(amount=format_kzt(expected))
            )
        self.confirm.setEnabled(ok)

    def record(self) -> None:
        def move() -> int:
            amount = _amount(self.amount.text())
            signed = amount if self.cash_in.isChecked() else -amount
            self.till.shifts.cash_movement(self.employee, signed, self.reason.text())
            return signed

        ok, signed = attempt(self.feedback, move)
        if ok:
            self.amount_moved = signed
            self.accept()


class CloseShiftDialog(QDialog):
    """Closes the shift: count the drawer per note and coin, compare with what is expected.

    A cashier counts blind: the expected amount and the difference appear only once the count
    is confirmed (a count that knows its target tends to find it). A supervisor or an admin
    sees both while counting."""

    def __init__(self, till: Till, employee: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.z_report: ShiftReport | None = None
        self.report_dialog: ReportDialog | None = None
        self.expected: int | None = None
        self.blind = employee.role not in (Role.SUPERVISOR, Role.ADMIN)
        style_dialog(self, self.tr("Close shift"), min_width=760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(styled_label(self.tr("Close shift: count the drawer"), "title"))
        layout.addWidget(
            styled_label(
                self.tr("Type how many of each note and coin are in the drawer. Tab moves on."),
                "muted",
            )
        )
        layout.addLayout(self._parked_row())
        layout.addLayout(self._count_grid())
        # Tab goes down the notes, then the coins. Only now are the counts in this dialog's
        # window: ordering them earlier made Qt warn once per pair and ignore the order.
        for first, second in pairwise(self.counts.values()):
            QWidget.setTabOrder(first, second)
        layout.addLayout(self._totals())
        self.feedback = Feedback("close shift error")
        layout.addWidget(self.feedback)
        row, self.confirm = _buttons(self, self.tr("Close shift (Enter)"), "close shift")
        self.confirm.clicked.connect(self.close_shift)
        layout.addLayout(row)
        ok, self.expected = attempt(self.feedback, self.till.shifts.expected_cash)
        self.confirm.setEnabled(ok)
        self._update()
        self.counts[DENOMINATIONS[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    def _parked_row(self) -> QHBoxLayout:
        """Parked sales are unpaid and in no report: say so before the count, and let them be
        voided here (or recalled on the till first: Esc, then F4)."""
        row = QHBoxLayout()
        self.parked_note = styled_label("", "error")
        self.parked_note.setAccessibleName("parked sales warning")
        self.void_parked = make_button(self.tr("Void parked sales"), "void parked sales")
        self.void_parked.clicked.connect(self._void_parked)
        row.addWidget(self.parked_note, 1)
        row.addWidget(self.void_parked)
        self._show_parked()
        return row

    def _show_parked(self) -> None:
        parked = self.till.shifts.parked_count()
        waiting = parked > 0
        self.parked_note.setVisible(waiting)
        self.void_parked.setVisible(waiting)
        if waiting:
            self.parked_note.setText(
                self.tr(
                    "Parked sales waiting: {count}. They are unpaid and not in this shift's "
                    "report. Recall them on the till (Esc, then F4) to finish them, void them "
                    "here, or leave them for the next shift."
                ).format(count=parked)
            )

    def _void_parked(self) -> None:
        attempt(self.feedback, lambda: self.till.shifts.void_parked(self.employee))
        self._show_parked()

    def _count_grid(self) -> QGridLayout:
        # Notes in the left column, coins in the right; Tab goes down the left, then the right.
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.counts: dict[int, QSpinBox] = {}
        self.subtotals: dict[int, QLabel] = {}
        half = (len(DENOMINATIONS) + 1) // 2
        for i, denomination in enumerate(DENOMINATIONS):
            row, col = i % half, (i // half) * 4
            name = QLabel(format_kzt(denomination))
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            spin = QSpinBox()
            spin.setRange(0, 99_999)
            spin.setAccessibleName(f"count {denomination // 100}")
            spin.setMinimumWidth(190)  # room for 4 digits between the − and + steps
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(self._update)
            subtotal = QLabel()
            subtotal.setProperty("role", "muted")
            subtotal.setMinimumWidth(110)
            # Left-aligned: next to its own count, not to the next column's denomination.
            subtotal.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            name.setBuddy(spin)
            grid.addWidget(name, row, col)
            grid.addWidget(spin, row, col + 1)
            grid.addWidget(subtotal, row, col + 2)
            self.counts[denomination], self.subtotals[denomination] = spin, subtotal
        grid.setColumnMinimumWidth(3, 24)
        return grid

    def _totals(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.counted_label = styled_label("", "big")
        self.counted_label.setAccessibleName("counted total")
        self.expected_label = styled_label("", "big")
        self.expected_label.setAccessibleName("expected cash")
        self.difference_label = styled_label("", "big")
        self.difference_label.setAccessibleName("cash difference")
        self.difference_label.setMinimumHeight(44)
        for col, (caption, value) in enumerate(
            [
                (self.tr("Counted"), self.counted_label),
                (self.tr("Expected"), self.expected_label),
                (self.tr("Difference"), self.difference_label),
            ]
        ):
            grid.addWidget(styled_label(caption, "muted"), 0, col)
            grid.addWidget(value, 1, col)
        return grid

    def cash_count(self) -> dict[int, int]:
        return {d: spin.value() for d, spin in self.counts.items() if spin.value()}

    def _update(self) -> None:
        for d, spin in self.counts.items():
            self.subtotals[d].setText(format_kzt(d * spin.value()) if spin.value() else "")
        counted = counted_total(self.cash_count())
        self.counted_label.setText(format_kzt(counted))
        if self.expected is None or self.blind:
            self.expected_label.setText("—")
            self.difference_label.setText(
                self.tr("after the count is confirmed") if self.blind else "—"
            )
            self.difference_label.setStyleSheet("")
            return
        self.expected_label.setText(format_kzt(self.expected))
        difference = counted - self.expected
        if difference < 0:
            colour, text = RED, self.tr("{amount} short")
        elif difference > 0:
            colour, text = AMBER, self.tr("{amount} over")
        else:
            colour, text = GREEN, self.tr("{amount} — exact")
        self.difference_label.setText(text.format(amount=format_kzt(abs(difference))))
        self.difference_label.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 6px; padding: 6px 12px;"
        )

    def close_shift(self) -> None:
        """Closes the shift and builds the Z report (a whole day's sales) in the task pool;
        a difference that needs a supervisor asks for one here, then closes again."""
        if tasks().busy(self, "close"):
            return
        self._close_with(self.cash_count(), None)

    def _close_with(self, counts: dict[int, int], approval: Approval | None) -> None:
        self.confirm.setEnabled(False)
        self.feedback.setStyleSheet("")
        self.feedback.setText(self.tr("Closing the shift…"))
        shifts, employee = self.till.shifts, self.employee
        tasks().run(
            lambda: shifts.close(employee, counts, approval),
            self._closed,
            lambda exc: self._close_failed(exc, counts, approval),
            owner=self,
            key="close",
        )

    def _close_failed(
        self, exc: Exception, counts: dict[int, int], approval: Approval | None
    ) -> None:
        self.confirm.setEnabled(True)
        if isinstance(exc, NeedsApproval) and approval is None:
            self.feedback.clear_message()
            self.blind = False  # the count is confirmed: the cashier sees what is asked for
            self._update()
            dialog = OverrideDialog(self.till, self.employee, Action(exc.action), self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.approval is not None:
                self._close_with(counts, dialog.approval)
                return
            self.feedback.error(
                self.tr(
                    "The shift is still open: a supervisor did not approve "
                    "the difference. Count again or ask a supervisor."
                )
            )
            return
        attempt(self.feedback, lambda: _reraise(exc))

    def _closed(self, report: ShiftReport) -> None:
        self.feedback.clear_message()
        self.z_report = report
        # The Z report outlives this dialog: it belongs to our parent (the main window).
        self.report_dialog = show_report(report, self.till, self.parentWidget())
        back_up_if_due(self.till, shift_closed=True)
        self.accept()
