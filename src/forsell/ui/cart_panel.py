"""The cart table and the totals under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_quantity
from forsell.services.till import CartLineView, CartView

from . import theme
from .receipt_view import delta_text
from .widgets import set_role

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def qty_text(line: CartLineView) -> str:
    """``2`` pieces or ``0,35 кг`` (``0.35 kg`` in English) in the cart's quantity column."""
    return format_quantity(line.qty_milli, line.weighted, unit=True)


class CartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CartView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("cart table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus belongs to the scan field
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(theme.TOUCH_PX)  # a finger picks a line
        self.table.setAlternatingRowColors(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        totals = QHBoxLayout()
        self.details = QLabel()
        self.details.setAccessibleName("subtotal and discount")
        set_role(self.details, "muted")
        totals.addWidget(self.details, 1)
        self.total = QLabel()
        self.total.setAccessibleName("total")
        self.total.setAlignment(_RIGHT)
        set_role(self.total, "total")
        totals.addWidget(self.total)
        layout.addLayout(totals)
        self.retranslate()
        self.show_cart(None)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Discount"), self.tr("Sum")]
        )
        self.show_cart(self.view)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_cart(self, view: CartView | None, select: int | None = None) -> None:
        """Shows ``view``; selects line ``select`` (default: keep the selection, else the last)."""
        keep = self.selected_index()
        self.view = view
        lines = view.lines if view else ()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            name = line.name + (" *" if line.price_overridden else "")
            for option, delta in line.options:  # under the name, with what each adds
                name += f"\n   + {option}" + (f"  {delta_text(delta)}" if delta else "")
            cells = [
                name,
                qty_text(line),
                format_kzt(line.unit_price),
                format_kzt(-line.discount) if line.discount else "",
                format_kzt(line.net),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, col, item)
            if line.options:
                self.table.resizeRowToContents(row)
            else:
                self.table.setRowHeight(row, self.table.verticalHeader().defaultSectionSize())
        if lines:
            target = select if select is not None else keep
            if target is None or target >= len(lines):
                target = len(lines) - 1
            self.table.selectRow(target)
            shown = self.table.item(target, 0)
            if shown is not None:
                self.table.scrollToItem(shown)
        total = view.total if view else 0
        self.total.setText(self.tr("Total {amount}").format(amount=format_kzt(total)))
        if view and view.discount:
            self.details.setText(
                self.tr("Subtotal {sub} · discount {off}").format(
                    sub=format_kzt(view.subtotal), off=format_kzt(view.discount)
                )
            )
        else:
            items = len(lines)
            self.details.setText(
                self.tr("%n line(s)", "", items)
                if items
                else self.tr("Scan an item to start a sale")
            )

    def selected_index(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def move_selection(self, step: int) -> None:
        if self.table.rowCount():
            current = self.selected_index()
            row = 0 if current is None else max(0, min(self.table.rowCount() - 1, current + step))
            self.table.selectRow(row)
