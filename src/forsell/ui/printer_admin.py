"""Settings & staff → Printer: where the receipt printer is, its paper and code page, the cash
drawer, the customer display, and a test page to check it all before selling.

The fields come from the settings registry (labels, descriptions, choices); the service checks
the address and audits the change. The test page prints what the fields say now, saved or not,
on the background task pool, so a printer that does not answer never freezes this screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from forsell.services import settings as st
from forsell.services.app import Till
from forsell.services.auth import EmployeeView
from forsell.services.counter_printer import CounterPrinter, PrinterFault, PrinterSetup

from . import setting_fields as fields
from .backoffice_kit import Feedback, attempt, make_button, styled_label
from .problems import problem_text
from .tasks import tasks


class PrinterAdminPage(QWidget):
    """The receipt printer's settings, "Save" and "Print a test page"."""

    def __init__(self, till: Till, admin: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admin = admin
        self.printer = CounterPrinter(till.ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(
            styled_label(
                self.tr(
                    "Receipts print on an ESC/POS printer after each payment. When it fails the "
                    "sale is complete anyway and the till offers to print again."
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setAccessibleName("printer address")
        self.address.setPlaceholderText("192.168.1.50:9100")
        fields.add_row(form, st.PRINTER_ADDRESS, self.address)
        paper_names = {58: self.tr("58 mm (32 characters)"), 80: self.tr("80 mm (48 characters)")}
        self.paper = QComboBox()  # the registry's choices are numbers: combo_box() takes text
        for mm in st.PRINTER_PAPER_MM.choices:
            self.paper.addItem(paper_names[mm], mm)
        self.paper.setAccessibleName("paper width")
        fields.add_row(form, st.PRINTER_PAPER_MM, self.paper)
        self.code_page = fields.combo_box(
            st.PRINTER_CODE_PAGE,
            {
                "cp866": self.tr("CP866 (Russian; Kazakh as an image)"),
                "cp1251": self.tr("Windows-1251 (Russian; Kazakh as an image)"),
                "kz1048": self.tr("KZ-1048 (Russian and Kazakh as text)"),
            },
        )
        self.code_page.setAccessibleName("code page")
        fields.add_row(form, st.PRINTER_CODE_PAGE, self.code_page)
        self.number = fields.spin_box(st.PRINTER_CODE_PAGE_NUMBER)
        self.number.setSpecialValueText(self.tr("usual"))
        self.number.setAccessibleName("code page number")
        fields.add_row(form, st.PRINTER_CODE_PAGE_NUMBER, self.number)
        self.drawer = fields.check_box(st.PRINTER_DRAWER)
        self.drawer.setAccessibleName("drawer on cash")
        form.addRow(self.drawer)
        self.display = fields.check_box(st.CUSTOMER_DISPLAY)
        self.display.setAccessibleName("customer display")
        form.addRow(self.display)
        layout.addLayout(form)
        self.feedback = Feedback("printer feedback")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        row.addStretch(1)
        self.test_button = make_button(self.tr("Print a test page"), "print test page")
        self.test_button.clicked.connect(self.print_test_page)
        row.addWidget(self.test_button)
        self.save_button = make_button(self.tr("Save printer settings"), "save printer", "primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.show_setup(self.printer.setup())

    def show_setup(self, setup: PrinterSetup) -> None:
        """Fills the fields from ``setup``."""
        self.address.setText(setup.address)
        self.paper.setCurrentIndex(self.paper.findData(setup.paper_mm))
        self.code_page.setCurrentIndex(self.code_page.findData(setup.code_page))
        self.number.setValue(setup.code_page_number)
        self.drawer.setChecked(setup.drawer)
        self.display.setChecked(setup.customer_display)

    def current(self) -> PrinterSetup:
        """The settings as the fields show them."""
        return PrinterSetup(
            self.address.text().strip(),
            int(self.paper.currentData()),
            str(self.code_page.currentData()),
            self.number.value(),
            self.drawer.isChecked(),
            self.display.isChecked(),
        )

    def save(self) -> None:
        """Stores the settings (checked and audited by the service); a refusal is shown here."""
        setup = self.current()
        problem = self.printer.address_problem(setup.address)
        if problem is not None:
            self.feedback.error(problem_text(problem))
            return
        done, _ = attempt(self.feedback, lambda: self.printer.save_setup(self.admin, setup))
        if done:
            self.feedback.ok(self.tr("Printer settings saved."))

    def print_test_page(self) -> None:
        """Prints the test page with the settings as typed, in the background."""
        self.feedback.ok(self.tr("Printing the test page…"))
        self.test_button.setEnabled(False)
        labels = {
            "title": self.tr("Printer test page"),
            "address": self.tr("Printer: {address}"),
            "paper": self.tr("Paper: {mm} mm, {chars} characters a line"),
            "code_page": self.tr("Code page: {code_page}"),
        }
        setup = self.current()
        tasks().run(
            lambda: self.printer.print_test_page(labels, setup),
            lambda _none: self._tested(None),
            self._tested,
            owner=self,
            key="test page",
        )

    def _tested(self, failure: Exception | None) -> None:
        self.test_button.setEnabled(True)
        if failure is None:
            self.feedback.ok(
                self.tr("The test page printed: check both alphabets, the codes and the cut.")
            )
        elif isinstance(failure, PrinterFault):
            self.feedback.error(problem_text(failure.problem))
        else:
            self.feedback.error(self.tr("The printer could not be reached."))
