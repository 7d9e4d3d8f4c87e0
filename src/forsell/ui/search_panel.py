"""The scan/search field, search-as-you-type results and the non-blocking notice banner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from forsell.domain.money import format_kzt
from forsell.services.app import Till
from forsell.services.catalog import ProductView

from .widgets import Banner

SEARCH_DELAY_MS = 120  # wait for a pause in typing before querying


class ScanField(QLineEdit):
    """Arrows move in results (or the cart); * asks the quantity; Delete on empty removes a line."""

    navigate = Signal(int)
    delete_line = Signal()
    quantity_key = Signal()
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.navigate.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Asterisk:
            self.quantity_key.emit()
            return
        if event.key() == Qt.Key.Key_Delete and not self.text():
            self.delete_line.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.escape.emit()  # an empty field lets Esc through to the screen
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    product_chosen = Signal(object)  # ProductView
    code_entered = Signal(str)  # digits typed by hand and Enter: a barcode
    cart_navigate = Signal(int)

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.language = "ru"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.field = ScanField()
        self.field.setAccessibleName("scan field")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(48)
        layout.addWidget(self.field)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.results = QListWidget()
        self.results.setAccessibleName("search results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(260)
        self.results.hide()
        layout.addWidget(self.results)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._typed)
        self.field.escape.connect(self._escape)
        self._nothing_found = ""
        self.field.returnPressed.connect(self._enter)
        self.field.navigate.connect(self._navigate)
        self.results.itemClicked.connect(self._choose)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Scan a barcode or type a name, SKU…"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def type_text(self, text: str) -> None:
        """Keystrokes the scanner filter judged to be typing."""
        self.field.insert(text)
        self.field.setFocus()

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.field.text().strip()
        found = self.till.catalog.search(query) if query else []
        self.results.clear()
        for product in found:
            item = QListWidgetItem(
                f"{product.name(self.language)}    {format_kzt(product.price)}"
                + ("  /kg" if product.weighted else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, product)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)
        if query and not found and not query.isdigit():  # digits: a barcode, Enter decides
            self._nothing_found = self.tr("Nothing found for “{query}”.").format(query=query)
            self.banner.show_notice(self._nothing_found)
        else:
            self._forget_nothing_found()

    def _forget_nothing_found(self) -> None:
        """Hides the "nothing found" notice once it answers a query that is no longer there;
        other notices (a parked sale, an unknown barcode) keep their own timeout."""
        if self._nothing_found and self.banner.text() == self._nothing_found:
            self.banner.clear_notice()
        self._nothing_found = ""

    def _typed(self, text: str) -> None:
        if not text:
            self._forget_nothing_found()
        self._search_timer.start()

    def _escape(self) -> None:
        """Esc clears the search: the field, its results and what was said about them."""
        self.reset()
        self._forget_nothing_found()

    def reset(self, text: str = "") -> None:
        self._search_timer.stop()
        self.field.setText(text)
        if text:
            self.field.selectAll()
        self.results.clear()
        self.results.hide()
        self.field.setFocus()

    def _navigate(self, step: int) -> None:
        if self.results.isVisible() and self.results.count():
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
        else:
            self.cart_navigate.emit(step)

    def _enter(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        if self._search_timer.isActive():
            self.run_search()  # Enter before the pause: search now
        if text.isdigit() and not (self.results.isVisible() and self.results.currentRow() > 0):
            self.code_entered.emit(text)
            return
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        product: ProductView = item.data(Qt.ItemDataRole.UserRole)
        self.product_chosen.emit(product)
