"""Big touch buttons: favourites and categories on top, the products of the chosen one below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from forsell.domain.money import format_kzt
from forsell.services.app import Till
from forsell.services.catalog import CategoryView, ProductView

from .widgets import Tile

CATEGORY_COLUMNS = 4
PRODUCT_COLUMNS = 3
FAVOURITES = ""


class ProductGrid(QWidget):
    product_chosen = Signal(object)  # ProductView

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.language = "ru"
        self.current = FAVOURITES
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._categories = QWidget()
        self._category_grid = QGridLayout(self._categories)
        self._category_grid.setContentsMargins(0, 0, 0, 0)
        self._category_grid.setSpacing(6)
        self._category_group = QButtonGroup(self)
        layout.addWidget(self._categories)
        self._products = QWidget()
        self._products.setObjectName("tiles")
        self._product_grid = QGridLayout(self._products)
        self._product_grid.setContentsMargins(0, 0, 4, 0)
        self._product_grid.setSpacing(6)
        self._product_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._products)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(scroll, 1)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.reload()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.language = language
        self.reload()

    def reload(self) -> None:
        _clear(self._category_grid)
        cats: list[tuple[str, str]] = [(FAVOURITES, self.tr("★ Favourites"))]
        cats += [(c.id, c.name(self.language)) for c in self.till.catalog.categories()]
        for i, (cat_id, label) in enumerate(cats):
            button = Tile(label, height=52)
            button.setCheckable(True)
            button.setChecked(cat_id == self.current)
            button.setAccessibleName(f"category {label}")
            button.clicked.connect(lambda _=False, c=cat_id: self.show_category(c))
            self._category_group.addButton(button)
            self._category_grid.addWidget(button, i // CATEGORY_COLUMNS, i % CATEGORY_COLUMNS)
            button.show()  # a layout shows new children only on the next event loop pass
        self.show_category(self.current)

    def show_category(self, category_id: str) -> None:
        self.current = category_id
        products = (
            self.till.catalog.favourites()
            if category_id == FAVOURITES
            else self.till.catalog.in_category(category_id)
        )
        _clear(self._product_grid)
        for i, product in enumerate(products):
            tile = self._tile(product)
            self._product_grid.addWidget(tile, i // PRODUCT_COLUMNS, i % PRODUCT_COLUMNS)
            tile.show()

    def categories(self) -> list[CategoryView]:
        return self.till.catalog.categories()

    def _tile(self, product: ProductView) -> Tile:
        name = product.name(self.language)
        price = format_kzt(product.price) + (self.tr(" /kg") if product.weighted else "")
        button = Tile(name, price)
        button.setAccessibleName(f"product {name}")
        button.setToolTip(name)
        button.clicked.connect(lambda _=False, p=product: self.product_chosen.emit(p))
        return button


def _clear(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # at once: deleteLater waits for the event loop
            item.widget().deleteLater()
