"""X and Z reports: the shift's figures as HTML, on screen, printed or saved as a PDF."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_basis_points
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.fiscal import REPORT_FIELDS, FiscalShiftTotals, shift_fiscal_totals
from forsell.services.shifts import ShiftReport

from .backoffice_kit import AMBER, GREEN, MUTED, RED, Feedback, attempt, make_button, style_dialog
from .printing import make_document, print_with_dialog, save_pdf

translate = QCoreApplication.translate  # lupdate reads translate("ReportView", "…")


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d.%m.%Y %H:%M") if moment else "—"


def _row(
    label: str, value: str, *, strong: bool = False, colour: str = "", sub: bool = False
) -> str:
    style = f' style="color:{colour}"' if colour else ""
    value_html = f"<b>{value}</b>" if strong else value
    # Sub-rows (a split of the row above) are indented and muted, like on a paper Z report.
    label_html = (
        f'&nbsp;&nbsp;&nbsp;&nbsp;<span style="color:{MUTED}">{html.escape(label)}</span>'
        if sub
        else html.escape(label)
    )
    return f'<tr><td>{label_html}</td><td align="right"{style}>{value_html}</td></tr>'


def _section(title: str, rows: list[str]) -> str:
    return (
        f"<h3>{html.escape(title)}</h3>"
        '<table width="100%" cellspacing="0" cellpadding="4">' + "".join(rows) + "</table>"
    )


def _difference_row(difference: int) -> str:
    if difference < 0:
        label, colour = translate("ReportView", "Difference (short)"), RED
    elif difference > 0:
        label, colour = translate("ReportView", "Difference (over)"), AMBER
    else:
        label, colour = translate("ReportView", "Difference"), GREEN
    return _row(label, format_kzt(difference), strong=True, colour=colour)


def _vat_percent(bp: int) -> str:
    return format_basis_points(bp)


def _fiscal_section(report: ShiftReport, fiscal: FiscalShiftTotals) -> str:
    """The cash register's registered sums beside the till's, with any difference flagged."""
    m = format_kzt
    labels = {
        "sale": translate("ReportView", "Sales registered"),
        "refund": translate("ReportView", "Refunds registered"),
        "cash_in": translate("ReportView", "Cash in registered"),
        "cash_out": translate("ReportView", "Cash out registered"),
    }
    gaps = fiscal.differences(report)
    rows = []
    for kind, label in labels.items():
        till_value = getattr(report, REPORT_FIELDS[kind])
        value = f"{m(fiscal.registered.get(kind, 0))} / {m(till_value)}"
        rows.append(_row(label, value, colour=RED if kind in gaps else ""))
    if fiscal.waiting or fiscal.refused:
        rows.append(
            _row(
                translate("ReportView", "Not registered yet: waiting {n}, refused {m}").format(
                    n=fiscal.waiting, m=fiscal.refused
                ),
                "",
                colour=AMBER,
            )
        )
    if gaps:
        rows.append(
            _row(translate("ReportView", "Differs from the cash register"), "", strong=True,
                 colour=RED)
        )  # fmt: skip
    else:
        rows.append(
            _row(translate("ReportView", "Matches the cash register"), "", strong=True,
                 colour=GREEN)
        )  # fmt: skip
    return _section(translate("ReportView", "Fiscal registration (cash register / till)"), rows)


def report_html(report: ShiftReport, lang: str, fiscal: FiscalShiftTotals | None = None) -> str:
    """The report as simple HTML (QTextDocument subset). ``lang`` tags the document's language;
    the words come from the installed Qt translation. ``fiscal``: the cash register's side."""
    m = format_kzt
    if report.z_number is None:
        title = translate("ReportView", "X report — shift still open")
    else:
        title = translate("ReportView", "Z report No. {number}").format(number=report.z_number)
    head = (
        f"<h2>{html.escape(title)}</h2>"
        f"<p><b>{html.escape(report.store_name)}</b> · {html.escape(report.device_name)}</p>"
    )
    shift = _section(
        translate("ReportView", "Shift"),
        [
            _row(
                translate("ReportView", "Opened"),
                html.escape(f"{_when(report.opened_at)} · {report.opened_by}"),
            ),
            _row(
                translate("ReportView", "Closed"),
                html.escape(
                    f"{_when(report.closed_at)} · {report.closed_by}"
                    if report.closed_at
                    else translate("ReportView", "still open")
                ),
            ),
            _row(translate("ReportView", "Printed"), _when(report.printed_at)),
        ],
    )
    sales = _section(
        translate("ReportView", "Sales"),
        [
            _row(translate("ReportView", "Receipts"), str(report.sales_count)),
            _row(translate("ReportView", "Before discounts"), m(report.gross)),
            _row(translate("ReportView", "Discounts"), m(report.discounts)),
            _row(translate("ReportView", "Sales total"), m(report.sales_total), strong=True),
            _row(translate("ReportView", "paid in cash"), m(report.cash_sales), sub=True),
            _row(translate("ReportView", "paid by card"), m(report.card_sales), sub=True),
            _row(translate("ReportView", "Voided sales"), str(report.voided_count)),
        ],
    )
    refunds = _section(
        translate("ReportView", "Refunds"),
        [
            _row(translate("ReportView", "Refunds"), str(report.refunds_count)),
            _row(translate("ReportView", "Refunds total"), m(report.refunds_total), strong=True),
            _row(translate("ReportView", "in cash"), m(report.cash_refunds), sub=True),
            _row(translate("ReportView", "to card"), m(report.card_refunds), sub=True),
            _row(translate("ReportView", "Net revenue"), m(report.net_revenue), strong=True),
        ],
    )
    drawer_rows = [
        _row(translate("ReportView", "Opening float"), m(report.opening_float)),
        _row(translate("ReportView", "+ Cash sales"), m(report.cash_sales)),
        _row(translate("ReportView", "− Cash refunds"), m(report.cash_refunds)),
        _row(translate("ReportView", "+ Cash in"), m(report.cash_in)),
        _row(translate("ReportView", "− Cash out"), m(report.cash_out)),
        _row(
            translate("ReportView", "Expected in the drawer"), m(report.expected_cash), strong=True
        ),
    ]
    if report.counted_cash is not None and report.difference is not None:
        drawer_rows += [
            _row(translate("ReportView", "Counted"), m(report.counted_cash), strong=True),
            _difference_row(report.difference),
        ]
    drawer = _section(translate("ReportView", "Cash drawer"), drawer_rows)
    vat_rows = []
    for bp, amount in sorted(report.vat_by_rate.items(), reverse=True):
        rate = _vat_percent(bp)
        vat_rows.append(_row(translate("ReportView", "VAT {rate}").format(rate=rate), m(amount)))
        # The net figure alone would hide that refunds handed VAT back; the auditor sees both.
        if report.refund_vat_by_rate.get(bp):
            vat_rows.append(
                _row(
                    translate("ReportView", "of it handed back by refunds"),
                    m(-report.refund_vat_by_rate[bp]),
                    sub=True,
                )
            )
    vat = _section(
        translate("ReportView", "VAT"),
        vat_rows or [_row(translate("ReportView", "No sales"), m(0))],
    )
    count = ""
    if report.cash_count:
        count = _section(
            translate("ReportView", "Cash count"),
            [
                _row(f"{m(d)} × {n}", m(d * n))
                for d, n in sorted(report.cash_count.items(), reverse=True)
                if n
            ],
        )
    return (
        f'<html lang="{html.escape(lang)}"><body style="font-size:16px">'
        f"{head}{shift}{sales}{refunds}{drawer}{count}{vat}"
        f"{_fiscal_section(report, fiscal) if fiscal is not None else ''}</body></html>"
    )


# Top-level report windows opened without a parent would be garbage-collected at once.
_open_reports: set[ReportDialog] = set()


class ReportDialog(QDialog):
    """Shows one X or Z report with Print and Save PDF."""

    def __init__(self, report: ShiftReport, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report, self.till = report, till
        self.lang = till.ctx.settings.get(s.RECEIPT_LANGUAGE)
        self.fiscal = shift_fiscal_totals(till.ctx, report.shift_id)
        self.html = report_html(report, self.lang, self.fiscal)
        title = (
            self.tr("X report")
            if report.z_number is None
            else self.tr("Z report No. {number}").format(number=report.z_number)
        )
        style_dialog(self, title, min_width=620)
        self.resize(660, 760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(14)
        self.view = QTextBrowser()
        self.view.setAccessibleName("report text")
        self.view.setHtml(self.html)
        layout.addWidget(self.view, 1)
        self.feedback = Feedback("report message")
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.print_button = make_button(self.tr("Print…"), "print report", "primary")
        self.pdf_button = make_button(self.tr("Save PDF…"), "save report PDF")
        self.close_button = make_button(self.tr("Close (Esc)"), "close report")
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self._ask_pdf_path)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.print_button.setDefault(True)
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_report(self) -> None:
        attempt(self.feedback, lambda: print_with_dialog(make_document(self.html), self))

    def _ask_pdf_path(self) -> None:
        name = (
            f"Z-{self.report.z_number}.pdf"
            if self.report.z_number is not None
            else f"X-{self.report.printed_at:%Y%m%d-%H%M}.pdf"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> bool:
        """Writes the report to ``path`` on A4; what the Save PDF button does after its dialog."""
        ok, _ = attempt(self.feedback, lambda: save_pdf(make_document(self.html), path))
        if ok and not (path.is_file() and path.stat().st_size):  # QPdfWriter fails silently
            self.feedback.error(
                self.tr("Could not write {path}. Choose another folder.").format(path=str(path))
            )
            return False
        if ok:
            self.feedback.ok(self.tr("Saved to {path}").format(path=str(path)))
        return ok


def show_report(report: ShiftReport, till: Till, parent: QWidget | None = None) -> ReportDialog:
    """Opens the report without blocking; it stays alive until the user closes it."""
    dialog = ReportDialog(report, till, parent)
    _open_reports.add(dialog)
    dialog.finished.connect(lambda _result: _open_reports.discard(dialog))
    dialog.open()
    return dialog
