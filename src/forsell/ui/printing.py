"""Printing and saving HTML documents (receipts, X/Z reports) with Qt's own print system."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
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


def pdf_bytes(doc: QTextDocument, page: QPageSize | None = None) -> bytes:
    """``doc`` as the bytes of a PDF (A4 unless ``page`` is given), for a caller that writes
    the file itself (privately, or not at all when it is refused)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(page or QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    doc.print_(writer)  # its painter ends the PDF
    del writer
    buffer.close()
    return bytes(data.data())


def html_pdf_bytes(html: str) -> bytes:
    """An HTML document as PDF bytes from the command line (``privacy report --pdf``): fonts
    and painting need a QGuiApplication, so one is made on the offscreen platform (no window,
    no display needed) when none runs."""
    if QGuiApplication.instance() is None:
        _command_line_app.append(QGuiApplication(["forsell-cashier", "-platform", "offscreen"]))
    return pdf_bytes(make_document(html))


#: The command line's application, kept alive for the rest of the process.
_command_line_app: list[QGuiApplication] = []


def save_html_pdf(html: str, path: Path) -> Path:
    """Writes ``html`` to an A4 PDF at ``path`` from the command line (``privacy destroy
    --certificate``), with the same offscreen application as ``html_pdf_bytes``."""
    if QGuiApplication.instance() is None:
        _command_line_app.append(QGuiApplication(["forsell-cashier", "-platform", "offscreen"]))
    return save_pdf(make_document(html), path)


def print_with_dialog(doc: QTextDocument, parent: QWidget | None) -> bool:
    """The system print dialog (any printer the OS knows, thermal receipt printers included)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc.print_(printer)
    return True
