"""The customer's receipt: HTML in the store's receipt language, an EAN-13 code, print and PDF."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_basis_points, format_quantity
from forsell.services.receipts import ReceiptView

from .fiscal_qr import qr_image
from .i18n import ReceiptTexts
from .printing import RECEIPT_PAGE, make_document, print_with_dialog, save_pdf
from .widgets import set_role

BARCODE_URL = QUrl("receipt-barcode.png")
FISCAL_QR_URL = QUrl("receipt-fiscal-qr.png")
RECEIPT_WIDTH_PX = 380
FISCAL_POLL_MS = 250

# --- EAN-13 ---------------------------------------------------------------------------------

_L = [
    "0001101",
    "0011001",
    "0010011",
    "0111101",
    "0100011",
    "0110001",
    "0101111",
    "0111011",
    "0110111",
    "0001011",
]
_R = ["".join("1" if b == "0" else "0" for b in code) for code in _L]
_G = [code[::-1] for code in _R]
_PARITY = [
    "LLLLLL",
    "LLGLGG",
    "LLGGLG",
    "LLGGGL",
    "LGLLGG",
    "LGGLLG",
    "LGGGLL",
    "LGLGLG",
    "LGLGGL",
    "LGGLGL",
]


def ean13_modules(code: str) -> str:
    """The 95 bars and spaces ("1" = bar) of a 13-digit EAN code."""
    if len(code) != 13 or not code.isdigit():
        raise ValueError("EAN-13 needs 13 digits")
    digits = [int(d) for d in code]
    left = "".join(
        (_L if p == "L" else _G)[d] for p, d in zip(_PARITY[digits[0]], digits[1:7], strict=True)
    )
    right = "".join(_R[d] for d in digits[7:])
    return "101" + left + "01010" + right + "101"


def ean13_image(code: str, module_px: int = 2, bar_height: int = 64) -> QImage:
    """Draws the bars (guards longer) with the digits under them, as printed on a receipt."""
    modules = ean13_modules(code)
    quiet = 11 * module_px
    text_h = 18
    image = QImage(
        quiet * 2 + len(modules) * module_px, bar_height + text_h, QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    guards = set(range(3)) | set(range(45, 50)) | set(range(92, 95))
    for i, bit in enumerate(modules):
        if bit == "1":
            height = bar_height + (text_h // 2 if i in guards else 0)
            painter.fillRect(quiet + i * module_px, 0, module_px, height, QColor("black"))
    font = QFont("DejaVu Sans")
    font.setPixelSize(14)
    painter.setFont(font)
    baseline = bar_height + text_h - 3
    painter.drawText(2, baseline, code[0])
    for group, start in ((code[1:7], 3), (code[7:], 50)):
        x = quiet + start * module_px
        painter.drawText(
            x, bar_height, 42 * module_px, text_h, int(Qt.AlignmentFlag.AlignCenter), group
        )
    painter.end()
    return image


# --- HTML -----------------------------------------------------------------------------------

_T = {
    "receipt": QT_TRANSLATE_NOOP("Receipt", "Receipt No. {no}"),
    "bin": QT_TRANSLATE_NOOP("Receipt", "BIN {bin}"),
    "device": QT_TRANSLATE_NOOP("Receipt", "Till: {device}"),
    "cashier": QT_TRANSLATE_NOOP("Receipt", "Cashier: {name}"),
    "discount": QT_TRANSLATE_NOOP("Receipt", "Discount"),
    "subtotal": QT_TRANSLATE_NOOP("Receipt", "Subtotal"),
    "total": QT_TRANSLATE_NOOP("Receipt", "TOTAL"),
    "vat": QT_TRANSLATE_NOOP("Receipt", "incl. VAT {rate}"),
    "no_vat": QT_TRANSLATE_NOOP("Receipt", "Without VAT"),
    "cash": QT_TRANSLATE_NOOP("Receipt", "Cash"),
    "change": QT_TRANSLATE_NOOP("Receipt", "Change"),
    "card": QT_TRANSLATE_NOOP("Receipt", "Card"),
    "auth": QT_TRANSLATE_NOOP("Receipt", "Auth code {code}"),
    "kg": QT_TRANSLATE_NOOP("Receipt", "kg"),
    "voided": QT_TRANSLATE_NOOP("Receipt", "VOIDED"),
    "refunded": QT_TRANSLATE_NOOP("Receipt", "Refunded"),
    "copy": QT_TRANSLATE_NOOP("Receipt", "COPY"),
    "refund": QT_TRANSLATE_NOOP("Receipt", "REFUND No. {no}"),
    "refund_of": QT_TRANSLATE_NOOP("Receipt", "Refund of receipt No. {no} of {date}"),
    "refund_total": QT_TRANSLATE_NOOP("Receipt", "REFUND TOTAL"),
    "returned_cash": QT_TRANSLATE_NOOP("Receipt", "Returned in cash"),
    "returned_card": QT_TRANSLATE_NOOP("Receipt", "Returned to card"),
    "fiscal": QT_TRANSLATE_NOOP("Receipt", "FISCAL RECEIPT"),
    "fiscal_sign": QT_TRANSLATE_NOOP("Receipt", "Fiscal sign {sign}"),
    "fiscal_number": QT_TRANSLATE_NOOP("Receipt", "Receipt at the fiscal operator No. {number}"),
    "fiscal_rnm": QT_TRANSLATE_NOOP("Receipt", "Cash register RNM {rnm}"),
    "fiscal_check": QT_TRANSLATE_NOOP("Receipt", "Scan the QR code to check the receipt"),
    "fiscal_waiting": QT_TRANSLATE_NOOP(
        "Receipt",
        "Not yet registered with the tax office: it will be registered automatically "
        "(autonomous No. {number})",
    ),
    "fiscal_refused": QT_TRANSLATE_NOOP(
        "Receipt", "The cash register refused this receipt: the administrator will resolve it"
    ),
    "fiscal_set_aside": QT_TRANSLATE_NOOP(
        "Receipt", "Fiscal registration handled by the administrator"
    ),
}


def receipt_labels(language: str) -> dict[str, str]:
    """The receipt's labels in ``language``, keyed as the paper printer's receipt expects them
    (``services.counter_printer.RECEIPT_LABELS``): the same translations as this HTML."""
    t = ReceiptTexts(language)
    return {key: t(source) for key, source in _T.items()}


def _row(left: str, right: str, style: str = "") -> str:
    return (
        f'<tr style="{style}"><td>{left}</td>'
        f'<td align="right" style="white-space: nowrap">{right}</td></tr>'
    )


def delta_text(tiyn: int, language: str | None = None) -> str:
    """An option's price change with its sign: ``+200 ₸``, ``−150 ₸``."""
    return ("+" if tiyn > 0 else "\u2212") + format_kzt(abs(tiyn), language=language)


def receipt_html(receipt: ReceiptView, texts: ReceiptTexts | None = None) -> str:
    """The receipt as simple HTML that QTextDocument renders the same on screen, paper and PDF."""
    t = texts or ReceiptTexts(receipt.language)
    esc = html.escape
    lang = receipt.language
    money = partial(format_kzt, language=lang)  # the receipt's language, not the screen's
    # A copy says so above and below, so that neither half of a torn paper passes for the
    # original.
    copy_mark = (
        f'<p align="center" style="font-size: 17px"><b>*** {esc(t(_T["copy"]))} ***</b></p>'
        if receipt.copy
        else ""
    )
    head = [
        copy_mark,
        f'<p align="center" style="font-size: 17px"><b>{esc(receipt.store_name)}</b></p>',
    ]
    if receipt.store_bin:
        head.append(f'<p align="center">{esc(t(_T["bin"]).format(bin=receipt.store_bin))}</p>')
    if receipt.store_address:
        head.append(f'<p align="center">{esc(receipt.store_address)}</p>')
    title = t(_T["refund"] if receipt.is_refund else _T["receipt"]).format(no=receipt.receipt_no)
    rows = [
        _row(
            f"<b>{esc(title)}</b>" if receipt.is_refund else esc(title),
            receipt.created_at.strftime("%d.%m.%Y %H:%M"),
        ),
        _row(esc(t(_T["device"]).format(device=receipt.device_name)), ""),
        _row(esc(t(_T["cashier"]).format(name=receipt.cashier_name)), ""),
    ]
    if receipt.is_refund:
        sold_at = receipt.refund_of_at.strftime("%d.%m.%Y %H:%M") if receipt.refund_of_at else ""
        of = t(_T["refund_of"]).format(no=receipt.refund_of_no, date=sold_at)
        rows.append(f'<tr><td colspan="2">{esc(of)}</td></tr>')
    if receipt.voided:
        rows.append(_row(f"<b>{esc(t(_T['voided']))}</b>", ""))
    rows.append('<tr><td colspan="2"><hr/></td></tr>')
    for line in receipt.lines:
        unit = f" {t(_T['kg'])}" if line.weighted else ""
        qty = format_quantity(line.qty_milli, line.weighted, lang) + unit
        rows.append(f'<tr><td colspan="2">{esc(line.name(lang))}</td></tr>')
        for option in line.options:  # per unit; the unit price below already includes them
            rows.append(
                _row(
                    f"&nbsp;&nbsp;+ {esc(option.name(lang))}",
                    delta_text(option.price_delta, lang) if option.price_delta else "",
                )
            )
        rows.append(_row(f"&nbsp;&nbsp;{esc(qty)} × {money(line.unit_price)}", money(line.gross)))
        if line.discount:
            rows.append(_row(f"&nbsp;&nbsp;{esc(t(_T['discount']))}", money(-line.discount)))
    rows.append('<tr><td colspan="2"><hr/></td></tr>')
    if receipt.discount:
        rows.append(_row(esc(t(_T["subtotal"])), money(receipt.subtotal)))
        rows.append(_row(esc(t(_T["discount"])), money(-receipt.discount)))
    total_label = t(_T["refund_total"] if receipt.is_refund else _T["total"])
    rows.append(
        _row(
            f"<b>{esc(total_label)}</b>",
            f"<b>{money(receipt.total)}</b>",
            "font-size: 20px",
        )
    )
    for bp, vat in sorted(receipt.vat_by_rate.items(), reverse=True):
        label = t(_T["vat"]).format(rate=format_basis_points(bp, lang)) if bp else t(_T["no_vat"])
        rows.append(_row(esc(label), money(vat) if bp else ""))
    rows.append('<tr><td colspan="2"><hr/></td></tr>')
    if receipt.is_refund:
        rows += _returned_rows(receipt, t)
    elif receipt.tendered or receipt.cash:
        rows.append(_row(esc(t(_T["cash"])), money(receipt.tendered)))
        rows.append(_row(esc(t(_T["change"])), money(receipt.change)))
    if receipt.card and not receipt.is_refund:
        rows.append(_row(esc(t(_T["card"])), money(receipt.card)))
        if receipt.card_reference:
            rows.append(_row(esc(t(_T["auth"]).format(code=receipt.card_reference)), ""))
    if receipt.refunded_total:
        rows.append(_row(esc(t(_T["refunded"])), money(-receipt.refunded_total)))
    rows.extend(_fiscal_rows(receipt, t))
    footer = esc(receipt.footer).replace("\n", "<br/>")
    return (
        "<html><body style=\"font-family: 'DejaVu Sans'; font-size: 13px\">"
        + "".join(head)
        + '<table width="100%" cellspacing="0" cellpadding="1">'
        + "".join(rows)
        + "</table>"
        + (
            f'<p align="center"><img src="{FISCAL_QR_URL.toString()}"/></p>'
            if receipt.fiscal_state == "registered" and receipt.fiscal_qr_url
            else ""
        )
        + (f'<p align="center">{footer}</p>' if footer else "")
        + (f'<p align="center"><img src="{BARCODE_URL.toString()}"/></p>' if receipt.code else "")
        + copy_mark
        + "</body></html>"
    )


def _returned_rows(receipt: ReceiptView, t: ReceiptTexts) -> list[str]:
    """How a refund's money went back to the customer."""
    rows = []
    money = partial(format_kzt, language=receipt.language)
    if receipt.cash:
        rows.append(_row(html.escape(t(_T["returned_cash"])), money(receipt.cash)))
    if receipt.card:
        rows.append(_row(html.escape(t(_T["returned_card"])), money(receipt.card)))
    return rows


def _fiscal_rows(receipt: ReceiptView, t: ReceiptTexts) -> list[str]:
    """The fiscal attributes once registered, or what happens to the receipt until then."""
    esc = html.escape
    state = receipt.fiscal_state
    if state is None:
        return []
    rows = ['<tr><td colspan="2"><hr/></td></tr>']
    if state == "registered":
        rows.append(f'<tr><td colspan="2" align="center"><b>{esc(t(_T["fiscal"]))}</b></td></tr>')
        texts = (
            (_T["fiscal_sign"], {"sign": receipt.fiscal_sign or ""}),
            (_T["fiscal_number"], {"number": receipt.fiscal_number or ""}),
            (_T["fiscal_rnm"], {"rnm": receipt.fiscal_register_number or ""}),
        )
        rows.extend(_row(esc(t(text).format(**values)), "") for text, values in texts)
        if receipt.fiscal_qr_url:
            rows.append(_row(esc(t(_T["fiscal_check"])), ""))
    elif state == "waiting":
        text = t(_T["fiscal_waiting"]).format(number=receipt.fiscal_autonomous_number or "")
        rows.append(_row(f"<i>{esc(text)}</i>", ""))
    elif state == "refused":
        rows.append(_row(f"<b>{esc(t(_T['fiscal_refused']))}</b>", ""))
    else:
        rows.append(_row(esc(t(_T["fiscal_set_aside"])), ""))
    return rows


def receipt_document(
    receipt: ReceiptView, width_px: float | None = RECEIPT_WIDTH_PX
) -> QTextDocument:
    resources: dict = (
        {(QTextDocument.ResourceType.ImageResource, BARCODE_URL): ean13_image(receipt.code)}
        if receipt.code
        else {}
    )
    if receipt.fiscal_state == "registered" and receipt.fiscal_qr_url:
        resources[(QTextDocument.ResourceType.ImageResource, FISCAL_QR_URL)] = qr_image(
            receipt.fiscal_qr_url
        )
    return make_document(receipt_html(receipt), resources, width_px)


# Prints a document: the system print dialog at the till, a recorder in tests.
Printer = Callable[[QTextDocument, QWidget | None], bool]


class ReceiptDialog(QDialog):
    """Shown after payment (Enter or F2 starts the next sale) and after a refund, with its
    refund receipt (Enter closes)."""

    def __init__(
        self,
        receipt: ReceiptView,
        parent: QWidget | None = None,
        *,  # by name: a refresh once went in as the printer
        printer: Printer = print_with_dialog,
        refresh: Callable[[ReceiptView], ReceiptView] | None = None,
    ) -> None:
        super().__init__(parent)
        self.receipt = receipt
        self.printer = printer
        title = (
            self.tr("Refund receipt No. {no}") if receipt.is_refund else self.tr("Receipt No. {no}")
        )
        self.setWindowTitle(title.format(no=receipt.receipt_no))
        layout = QVBoxLayout(self)
        self.document = receipt_document(receipt)
        self.view = QTextBrowser()
        self.view.setAccessibleName("receipt")
        self.document.setParent(self.view)
        self.view.setDocument(self.document)
        self.view.setMinimumSize(RECEIPT_WIDTH_PX + 40, 580)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        print_button = QPushButton(self.tr("Print"))
        print_button.setAccessibleName("print")
        print_button.clicked.connect(self.print_receipt)
        pdf_button = QPushButton(self.tr("Save PDF"))
        pdf_button.setAccessibleName("save PDF")
        pdf_button.clicked.connect(self.ask_pdf_path)
        self.new_sale = QPushButton(
            self.tr("Close (Enter)") if receipt.is_refund else self.tr("New sale (Enter / F2)")
        )
        self.new_sale.setAccessibleName("close receipt" if receipt.is_refund else "new sale")
        self.new_sale.setDefault(True)
        set_role(self.new_sale, "primary")
        self.new_sale.clicked.connect(self.accept)
        for button in (print_button, pdf_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addWidget(self.new_sale, 1)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.accept)
        self.new_sale.setFocus()
        # While the receipt waits for its fiscal registration, look again a few times a second:
        # the fiscal lane stores the attributes as soon as the cash register answers.
        self._refresh = refresh
        self.fiscal_timer = QTimer(self)
        self.fiscal_timer.setInterval(FISCAL_POLL_MS)
        self.fiscal_timer.timeout.connect(self.refresh_fiscal)
        if refresh is not None and receipt.fiscal_state == "waiting":
            self.fiscal_timer.start()
        self.finished.connect(self.fiscal_timer.stop)

    def refresh_fiscal(self) -> None:
        """Shows the fiscal attributes once they exist (one short indexed read)."""
        if self._refresh is None:
            return
        fresh = self._refresh(self.receipt)
        if fresh.fiscal_state != "waiting":
            self.fiscal_timer.stop()
        if fresh != self.receipt:
            self.receipt = fresh
            self.document = receipt_document(fresh)
            self.document.setParent(self.view)
            self.view.setDocument(self.document)

    @property
    def html(self) -> str:
        return receipt_html(self.receipt)

    def print_receipt(self) -> bool:
        return self.printer(receipt_document(self.receipt, None), self)

    def ask_pdf_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"receipt-{self.receipt.receipt_no}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        return self.save_pdf_to(Path(path)) if path else None

    def save_pdf_to(self, path: Path) -> Path:
        return save_pdf(receipt_document(self.receipt, None), path, RECEIPT_PAGE)
