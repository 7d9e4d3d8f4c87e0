"""The sale's receipt beside the conversation: upsold lines marked, and the offers made."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_quantity
from forsell.services.receipts import ReceiptView
from forsell.services.review.service import OfferView

from ..theme import ACCENT_BG
from .player import clock_text

UPSOLD_BG = QColor(ACCENT_BG)


def _qty(milli: int, weighted: bool) -> str:
    return format_quantity(milli, weighted)


class ReceiptPanel(QWidget):
    seek_requested = Signal(float)  # an offer clicked: hear it

    def __init__(self, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setAccessibleName("receipt title")
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("receipt")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setStyleSheet("font-size: 14px;")
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())  # re-wrap
        layout.addWidget(self.table, 3)
        self.total = QLabel()
        self.total.setAccessibleName("receipt total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total)
        self.offers_title = QLabel()
        self.offers_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.offers_title)
        self.offers = QListWidget()
        self.offers.setAccessibleName("offers")
        self.offers.setStyleSheet("font-size: 14px;")
        self.offers.setWordWrap(True)
        self.offers.itemActivated.connect(self._offer_chosen)
        self.offers.itemClicked.connect(self._offer_chosen)
        layout.addWidget(self.offers, 2)
        self.upsold: set[str] = set()
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Sum")])
        self.offers_title.setText(self.tr("Upsell offers"))

    def show_receipt(
        self, receipt: ReceiptView | None, upsold: frozenset[str], offers: Sequence[OfferView]
    ) -> None:
        self.upsold = set(upsold)
        self.table.setRowCount(0)
        if receipt is None:
            self.title.setText(self.tr("No sale is linked to this conversation."))
            self.total.setText("")
        else:
            self.title.setText(
                self.tr("Receipt No. {number} · {time}").format(
                    number=receipt.receipt_no, time=receipt.created_at.strftime("%H:%M")
                )
            )
            self.table.setRowCount(len(receipt.lines))
            for row, line in enumerate(receipt.lines):
                marked = line.line_id in self.upsold
                name = line.name(self.language) + ("  ★ " + self.tr("upsell") if marked else "")
                cells = [
                    QTableWidgetItem(name),
                    QTableWidgetItem(_qty(line.qty_milli, line.weighted)),
                    QTableWidgetItem(format_kzt(line.net)),
                ]
                cells[1].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cells[2].setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                for col, cell in enumerate(cells):
                    if marked:
                        cell.setBackground(QBrush(UPSOLD_BG))
                        cell.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "upsold")
                    self.table.setItem(row, col, cell)
            # Long names (and the upsell mark after them) wrap instead of ending in "…".
            self.table.resizeRowsToContents()
            self.total.setText(self.tr("Total: {total}").format(total=format_kzt(receipt.total)))
        self.offers.clear()
        for offer in offers:
            outcome = (
                self.tr("bought, +{revenue}").format(revenue=format_kzt(offer.revenue))
                if offer.converted
                else self.tr("not bought")
            )
            item = QListWidgetItem(f"{clock_text(offer.at)}  {offer.product} — {outcome}")
            item.setData(Qt.ItemDataRole.UserRole, offer.at)
            item.setToolTip(offer.text)
            if offer.converted:
                item.setBackground(QBrush(UPSOLD_BG))
            self.offers.addItem(item)
        if not offers:
            self.offers.addItem(QListWidgetItem(self.tr("No offers were heard.")))

    def _offer_chosen(self, item: QListWidgetItem) -> None:
        at = item.data(Qt.ItemDataRole.UserRole)
        if at is not None:
            self.seek_requested.emit(float(at))
