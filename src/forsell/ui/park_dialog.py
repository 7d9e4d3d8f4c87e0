"""Choosing a parked sale to bring back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.services.till import ParkedView

from .widgets import set_role


class RecallDialog(QDialog):
    chosen = Signal(str)  # parked sale id

    def __init__(self, parked: list[ParkedView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parked sales"))
        self.setMinimumSize(460, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which sale comes back?")))
        self.list = QListWidget()
        self.list.setAccessibleName("parked sales")
        for p in parked:
            label = p.label or self.tr("Sale")
            item = QListWidgetItem(
                self.tr("{time}  {label}  ·  {items} lines  ·  {total}").format(
                    time=p.parked_at, label=label, items=p.items, total=format_kzt(p.total)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._choose())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        recall = QPushButton(self.tr("Recall (Enter)"))
        recall.setAccessibleName("recall chosen")
        recall.setDefault(True)
        set_role(recall, "primary")
        recall.clicked.connect(self._choose)
        row.addWidget(cancel)
        row.addWidget(recall, 1)
        layout.addLayout(row)

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
