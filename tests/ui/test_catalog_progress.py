"""The catalog import and export show progress and can be cancelled: a cancelled import puts
back what it wrote, a cancelled export writes no file."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton
from sqlalchemy import select

from forsell.services import catalog as catalog_module
from forsell.services.catalog import CSV_COLUMNS
from forsell.store.models import Product
from forsell.ui.catalog_dialog import CatalogDialog

from .backoffice_fixtures import by_name, shown


def _products(till) -> list[tuple]:
    with till.ctx.db.read() as session:
        return [
            tuple(r)
            for r in session.execute(
                select(Product.sku, Product.name_ru, Product.price).order_by(Product.sku)
            )
        ]


def _slow_batches(monkeypatch, till) -> None:
    """Small, slow batches: the user has time to press Cancel mid-way."""
    monkeypatch.setattr(catalog_module, "CSV_BATCH", 5)
    real = till.catalog._write_batch

    def slow(*args, **kwargs):
        time.sleep(0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(till.catalog, "_write_batch", slow)


def test_cancel_mid_import_puts_everything_back(qtbot, till, admin, tmp_path, monkeypatch):
    _slow_batches(monkeypatch, till)
    csv = tmp_path / "many.csv"
    known = [p.sku for p in till.catalog.search("COF")][:3]
    rows = [f"{sku},,Переименован,,,,,,1,0,pcs,0," for sku in known]
    rows += [f"NEW-{i:03d},,Новый {i},,,Новые,,,100,12,pcs,0," for i in range(200)]
    csv.write_text(",".join(CSV_COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = _products(till)
    dialog = shown(qtbot, CatalogDialog(till, admin))
    qtbot.waitUntil(lambda: not dialog.busy)
    dialog.import_from(csv)
    progress = dialog.progress
    assert isinstance(progress, QProgressDialog)
    assert progress.accessibleName() == "catalog progress"
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() >= 20, timeout=20_000)
    assert len(_products(till)) > len(before)  # some batches are in
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.last_import is None and dialog.progress is None
    assert "nothing was changed" in by_name(dialog, QLabel, "catalog message").text()
    assert _products(till) == before


def test_cancelled_export_writes_no_file(qtbot, till, admin, tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_module, "CSV_BATCH", 1)
    dialog = shown(qtbot, CatalogDialog(till, admin))
    qtbot.waitUntil(lambda: not dialog.busy)
    out = tmp_path / "catalog.csv"
    dialog.export_to(out)
    dialog.cancel_job()  # before the first product is written
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.last_export is None and not out.exists()
    assert "no file was written" in by_name(dialog, QLabel, "catalog message").text()
