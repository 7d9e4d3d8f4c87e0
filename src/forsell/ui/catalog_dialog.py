"""The admin's product list: search, add and edit products, import and export the catalog CSV.

Loading the list, importing and exporting run as tasks of the UI pool (``ui.tasks``): a
100,000-row import takes seconds, and the dialog shows its progress with a Cancel button
instead of freezing the till.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt, parse_kzt
from forsell.domain.numbers import format_basis_points
from forsell.domain.options import OptionGroup
from forsell.domain.options_text import (
    OptionsTextError,
    format_option_groups,
    parse_option_groups,
)
from forsell.domain.problems import Problem
from forsell.domain.roles import Action, needs_approval
from forsell.services.app import Till
from forsell.services.auth import Approval, EmployeeView, require
from forsell.services.catalog import (
    CSV_MAX_LENGTH,
    CsvCancelled,
    CsvImportError,
    ImportResult,
    ProductDraft,
    ProductView,
    split_synonyms,
)

from .approval import with_approval
from .backoffice_kit import Feedback, attempt, make_button, style_dialog, styled_label
from .problems import describe, problem_text
from .tasks import Task, fewer_full_collections, tasks

T = TypeVar("T")


# Without a search the list shows this many products (a 100,000-product catalog would take
# seconds to fill a table nobody scrolls through): search to find the rest.
LIST_LIMIT = 1_000


def _vat_text(bp: int) -> str:
    return format_basis_points(bp)


def _parse_vat(text: str) -> int:
    """``"16"`` or ``"12,5 %"`` → basis points (same digits grammar as money)."""
    return parse_kzt(text.replace("%", "")) if text.strip() else 0


def _authorised(
    parent: QWidget, till: Till, employee: EmployeeView, call: Callable[[Approval | None], T]
) -> T | None:
    """Runs a catalog change; below admin the catalog service asks for an admin's or a
    supervisor's PIN (NeedsApproval), and the change runs again with their approval."""
    return with_approval(parent, till, employee, call)


class ProductEditor(QDialog):
    """Adds a product (``product`` None) or edits one; saves through catalog.save()."""

    def __init__(
        self,
        till: Till,
        employee: EmployeeView,
        product: ProductView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.till, self.employee, self.product = till, employee, product
        self.saved: ProductView | None = None
        style_dialog(self, self.tr("Edit product") if product else self.tr("New product"), 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)  # twelve rows, the options among them, under 768 px
        form.setHorizontalSpacing(16)
        self.sku = self._field(form, self.tr("SKU"), "product sku", "sku")
        self.barcode = self._field(form, self.tr("Barcode"), "product barcode", "barcode")
        self.name_ru = self._field(form, self.tr("Name (Russian)"), "product name ru", "name_ru")
        self.name_kk = self._field(form, self.tr("Name (Kazakh)"), "product name kk", "name_kk")
        self.name_en = self._field(form, self.tr("Name (English)"), "product name en", "name_en")
        self.category = QComboBox()
        self.category.setAccessibleName("product category")
        self.category.addItem(self.tr("No category"), None)
        for c in till.catalog.categories():
            self.category.addItem(c.name(employee.language), c.id)
        form.addRow(self.tr("Category"), self.category)
        self.price = self._field(form, self.tr("Price, ₸"), "product price")
        self.vat = self._field(form, self.tr("VAT, %"), "product VAT")
        self.weighted = QCheckBox(self.tr("Sold by weight (kg)"))
        self.weighted.setAccessibleName("sold by weight")
        self.favourite = QCheckBox(self.tr("Favourite (on the quick grid)"))
        self.favourite.setAccessibleName("favourite")
        flags = QHBoxLayout()  # one row for both: the editor must stay under 768 px tall
        flags.setSpacing(16)
        flags.addWidget(self.weighted)
        flags.addWidget(self.favourite)
        flags.addStretch(1)
        form.addRow("", flags)
        # Other names the cashier may use when offering it ("латтешка"): the review's upsell
        # detection counts them as offering this product.
        self.synonyms = QPlainTextEdit()
        self.synonyms.setAccessibleName("product synonyms")
        self.synonyms.setTabChangesFocus(True)  # Tab moves on, as in the other fields
        self.synonyms.setPlaceholderText(
            self.tr("One per line or comma-separated, e.g. латтешка, кофе с молоком")
        )
        self.synonyms.setFixedHeight(72)
        form.addRow(self.tr("Synonyms (for upsell detection)"), self.synonyms)
        # Milk, syrup, size: the catalog CSV's options cell, so one syntax serves both.
        self.options = self._field(form, self.tr("Options"), "product options", "options")
        self.options.setPlaceholderText(
            self.tr("e.g. Молоко [1]: обычное*, овсяное +200; Сироп [0-1]: ваниль +250")
        )
        self.options_before = ""
        layout.addLayout(form)
        self.feedback = Feedback("product error")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        cancel = make_button(self.tr("Cancel (Esc)"), "cancel product")
        cancel.clicked.connect(self.reject)
        self.save_button = make_button(self.tr("Save (Enter)"), "save product", "primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self._fill(product)
        self.sku.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field(
        self, form: QFormLayout, label: str, name: str, column: str | None = None
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        if column is not None:  # the catalog CSV's limit: what is typed here imports back
            edit.setMaxLength(CSV_MAX_LENGTH[column])
        form.addRow(label, edit)
        return edit

    def _fill(self, p: ProductView | None) -> None:
        self.vat.setText("16")  # the standard Kazakh VAT rate, the usual case for a new product
        if p is None:
            return
        for edit, value in (
            (self.sku, p.sku),
            (self.barcode, p.barcode),
            (self.name_ru, p.names.get("ru", "")),
            (self.name_kk, p.names.get("kk", "")),
            (self.name_en, p.names.get("en", "")),
            (self.price, format_kzt(p.price, symbol=False)),
            (self.vat, format_kzt(p.vat_bp, symbol=False)),
        ):
            edit.setText(value)
        self.category.setCurrentIndex(max(self.category.findData(p.category_id), 0))
        self.weighted.setChecked(p.weighted)
        self.favourite.setChecked(p.favourite)
        self.synonyms.setPlainText("\n".join(p.synonyms))
        self.options_before = format_option_groups(self.till.catalog.option_groups(p.id))
        self.options.setText(self.options_before)

    def draft(self) -> ProductDraft:
        if not self.price.text().strip():
            raise CashierError("product.price", "Price must be above zero")
        return ProductDraft(
            sku=self.sku.text().strip(),
            name_ru=self.name_ru.text().strip(),
            price=parse_kzt(self.price.text()),
            vat_bp=_parse_vat(self.vat.text()),
            barcode=self.barcode.text().strip(),
            name_kk=self.name_kk.text().strip(),
            name_en=self.name_en.text().strip(),
            category_id=self.category.currentData(),
            weighted=self.weighted.isChecked(),
            favourite=self.favourite.isChecked(),
            id=self.product.id if self.product else None,
            synonyms=split_synonyms(self.synonyms.toPlainText()),
        )

    def _option_groups(self) -> tuple[OptionGroup, ...] | None:
        """The typed option groups; None when unchanged (their ids stay, and parked lines keep
        matching them). Raises OptionsTextError for a cell the CSV import would refuse."""
        text = self.options.text().strip()
        return None if text == self.options_before else parse_option_groups(text)

    def _save(self, approval: Approval | None) -> ProductView:
        groups = self._option_groups()  # checked before anything is written
        saved = self.till.catalog.save(self.employee, self.draft(), approval)
        if groups is not None:
            self.till.catalog.set_option_groups(self.employee, saved.id, groups, approval)
        return saved

    def save(self) -> None:
        try:
            self._option_groups()
        except OptionsTextError as exc:
            self.feedback.error(problem_text(Problem(exc.key, exc.params, column="options")))
            self.options.setFocus()
            return
        ok, saved = attempt(
            self.feedback,
            lambda: _authorised(self, self.till, self.employee, self._save),
        )
        if ok and saved is not None:
            self.saved = saved
            self.accept()


class CatalogDialog(QDialog):
    """Products of the store; the admin adds, edits, imports and exports them here."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CatalogDialog", "SKU"),
        QT_TRANSLATE_NOOP("CatalogDialog", "Barcode"),
        QT_TRANSLATE_NOOP("CatalogDialog", "Name (ru)"),
        QT_TRANSLATE_NOOP("CatalogDialog", "Name (kk)"),
        QT_TRANSLATE_NOOP("CatalogDialog", "Name (en)"),
        QT_TRANSLATE_NOOP("CatalogDialog", "Price"),
        QT_TRANSLATE_NOOP("CatalogDialog", "VAT"),
        QT_TRANSLATE_NOOP("CatalogDialog", "Unit"),
    )

    def __init__(self, till: Till, employee: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.employee = till, employee
        self.products: list[ProductView] = []
        self.editor: ProductEditor | None = None
        self.last_import: ImportResult | None = None
        self.last_export: int | None = None
        self.progress: QProgressDialog | None = None
        self.job: Task | None = None  # the running import or export
        self._stop = threading.Event()  # Cancel pressed: the job stops and undoes its writes
        self._list_task: Task | None = None
        style_dialog(self, self.tr("Catalog"), min_width=1000)
        self.resize(1180, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(styled_label(self.tr("Catalog"), "title"))
        self.search = QLineEdit()
        self.search.setAccessibleName("catalog search")
        self.search.setPlaceholderText(self.tr("Search by name, SKU or barcode"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        self.feedback = Feedback("catalog message")
        layout.addWidget(self.feedback)
        self.problems = QListWidget()
        self.problems.setAccessibleName("import problems")
        self.problems.setMaximumHeight(160)
        self.problems.hide()
        layout.addWidget(self.problems)
        layout.addLayout(self._button_row())
        self.refresh()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(self.HEADERS))
        table.setAccessibleName("products")
        table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(44)
        table.setWordWrap(False)  # one line per product, long names elided (full name on edit)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        for col, width in enumerate((120, 180, 0, 0, 0, 120, 80, 70)):
            if width:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
                table.setColumnWidth(col, width)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _index: self.edit_product())
        return table

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        buttons = [
            (self.tr("Add product"), "add product", self.add_product),
            (self.tr("Edit product"), "edit product", self.edit_product),
            (self.tr("Import CSV…"), "import CSV", self._ask_import),
            (self.tr("Export CSV…"), "export CSV", self._ask_export),
        ]
        for text, name, slot in buttons:
            button = make_button(text, name, "primary" if name == "add product" else "")
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = make_button(self.tr("Close (Esc)"), "close catalog")
        close.clicked.connect(self.reject)
        row.addWidget(close)
        return row

    # --- list -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """An import, an export or a list query has not answered yet."""
        return tasks().busy(self)

    def refresh(self) -> None:
        """A search (indexed, at most 200 rows: milliseconds) answers at once; the whole list
        (``LIST_LIMIT`` of maybe 100,000 products) is read off the GUI thread."""
        query = self.search.text().strip()
        if self._list_task is not None:
            self._list_task.cancel()  # an older whole-list answer must not replace this one
            self._list_task = None
        if query:
            ok, products = attempt(self.feedback, lambda: self._load(query))
            self._show_products(products if ok and products is not None else [])
            return
        self._list_task = tasks().run(
            lambda: self._load(query),
            self._show_products,
            self._list_failed,
            owner=self,
            key="list",
        )

    def _list_failed(self, exc: Exception) -> None:
        attempt(self.feedback, lambda: _raise(exc))

    def _show_products(self, products: list[ProductView]) -> None:
        self._list_task = None
        self.products = products
        self.table.setRowCount(len(self.products))
        for row, p in enumerate(self.products):
            cells = (
                p.sku,
                p.barcode,
                p.names.get("ru", ""),
                p.names.get("kk", ""),
                p.names.get("en", ""),
                format_kzt(p.price),
                _vat_text(p.vat_bp),
                self.tr("kg") if p.weighted else self.tr("pcs"),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (5, 6):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)

    def _load(self, query: str) -> list[ProductView]:
        if query:
            return self.till.catalog.search(query, limit=200)
        # Products of a category; those without one are found by searching.
        return self.till.catalog.first_by_sku(LIST_LIMIT)

    def selected(self) -> ProductView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.products[rows[0].row()] if rows else None

    # --- editing ----------------------------------------------------------------------------

    def add_product(self) -> None:
        self._open_editor(None)

    def edit_product(self) -> None:
        product = self.selected()
        if product is None:
            self.feedback.error(self.tr("Choose a product in the list first."))
            return
        self._open_editor(product)

    def _open_editor(self, product: ProductView | None) -> None:
        self.feedback.clear_message()
        self.editor = ProductEditor(self.till, self.employee, product, self)
        self.editor.accepted.connect(self._editor_saved)
        self.editor.open()

    def _editor_saved(self) -> None:
        saved = self.editor.saved if self.editor else None
        self.refresh()
        if saved is not None:
            self.feedback.ok(self.tr("Saved {sku}.").format(sku=saved.sku))

    # --- CSV --------------------------------------------------------------------------------

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the catalog"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        if path:
            self.import_from(Path(path))

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the catalog"),
            str(Path.home() / "catalog.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def import_from(self, path: Path) -> Task | None:
        """Starts importing every row or none (after an approval where the role needs one);
        the result lands in ``last_import`` and a rejected file lists each bad line below
        the table. Returns the running task, or None when nothing was started."""
        self.problems.clear()
        self.problems.hide()
        self.last_import = None
        catalog = self.till.catalog

        def start(approval: Approval | None) -> Task:
            # Asked here, on the GUI thread, before the work starts: the service refuses the
            # same way (before writing) if the import ran without it.
            require(
                approval,
                Action.CATALOG_EDIT,
                needs_approval(self.employee.role, Action.CATALOG_EDIT),
            )

            def job(task: Task) -> ImportResult:
                with fewer_full_collections():  # 100,000 rows are many live objects
                    return catalog.import_csv(
                        self.employee, path, approval, task.report, self._stop.is_set
                    )

            return self._start(
                self.tr("Importing the catalog…"), job, self._imported, self._import_failed
            )

        ok, task = attempt(
            self.feedback, lambda: _authorised(self, self.till, self.employee, start)
        )
        return task if ok else None

    def export_to(self, path: Path) -> Task | None:
        """Starts writing the catalog to ``path``; the count lands in ``last_export``."""
        self.last_export = None
        catalog = self.till.catalog
        return self._start(
            self.tr("Exporting the catalog…"),
            lambda task: catalog.export_csv(path, task.report, self._stop.is_set),
            lambda count: self._exported(count, path),
            self._export_failed,
        )

    def _start(self, label: str, job, done, failed) -> Task:
        self._stop.clear()
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        progress.setAccessibleName("catalog progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)  # a small file is done before it would show
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.canceled.connect(self.cancel_job)
        self.progress = progress
        self.job = tasks().run_with_progress(
            job, done, failed, on_progress=self._progressed, owner=self
        )
        return self.job

    def cancel_job(self) -> None:
        """Cancel pressed: an import puts back what it wrote, an export writes no file."""
        self._stop.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not self._stop.is_set():
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finished(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel_job)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, result: ImportResult) -> None:
        self._finished()
        self.last_import = result
        self.refresh()
        self.feedback.ok(
            self.tr("Imported: {added} new, {updated} updated.").format(
                added=result.added, updated=result.updated
            )
        )

    def _import_failed(self, exc: Exception) -> None:
        self._finished()
        if isinstance(exc, CsvCancelled):
            self.feedback.error(self.tr("Import cancelled: nothing was changed."))
            return
        if isinstance(exc, CsvImportError):
            self.problems.addItems([describe(p) for p in exc.problems])
            self.problems.show()
        attempt(self.feedback, lambda: _raise(exc))

    def _exported(self, count: int, path: Path) -> None:
        self._finished()
        self.last_export = count
        self.feedback.ok(
            self.tr("Exported {count} products to {path}.").format(count=count, path=str(path))
        )

    def _export_failed(self, exc: Exception) -> None:
        self._finished()
        if isinstance(exc, CsvCancelled):
            self.feedback.error(self.tr("Export cancelled: no file was written."))
            return
        attempt(self.feedback, lambda: _raise(exc))

    def done(self, result: int) -> None:  # Qt override: closing stops a running job
        self._stop.set()
        super().done(result)


def _raise(exc: Exception) -> None:
    """Hands a task's failure to ``attempt``, which words it for the user (and logs the rest)."""
    raise exc
