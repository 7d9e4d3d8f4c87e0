"""Printing and saving HTML documents (receipts, X/Z reports) with Qt's own print system."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

#: Receipts go to 80 mm thermal paper; the height is what a long receipt needs.
RECEIPT_PAGE = QPageSize(QSizeF(80, 297), QPageSize.Unit.Millimeter, "Receipt 80mm")


def make_document(
    html: str, resources: dict | None = None, width_px: float | None = None
) -> QTextDocument:
    doc = QTextDocument()
    for (kind, url), value in (resources or {}).items():
        doc.addResource(kind, url, value)
    doc.setHtml(html)
    if width_px:
        doc.setTextWidth(width_px)
    return doc


def save_pdf(doc: QTextDocument, path: Path, page: QPageSize | None = None) -> Path:
    """Writes ``doc`` to a PDF at ``path`` (A4 unless ``page`` is given)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(page or QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    doc.print_(writer)
    return path


#: The command line's Qt application, kept alive while it writes PDFs.
_cli_app: QGuiApplication | None = None


def save_html_pdf(html: str, path: Path) -> Path:
    """Writes ``html`` to an A4 PDF at ``path`` from the command line: Qt's fonts need a
    QGuiApplication, so one is started without a window (offscreen) if none runs."""
    global _cli_app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # never a window from the CLI
        _cli_app = QGuiApplication([])
    return save_pdf(make_document(html), path)


def print_with_dialog(doc: QTextDocument, parent: QWidget | None) -> bool:
    """The system print dialog (any printer the OS knows, thermal receipt printers included)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc.print_(printer)
    return True
