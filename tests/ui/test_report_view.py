import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from PySide6.QtWidgets import QPushButton

from forsell.domain.money import NBSP, format_kzt
from forsell.domain.payment import Payment
from forsell.ui.report_view import ReportDialog, report_html

from .backoffice_fixtures import (
    by_name,
    sell,
    shot,
    shown,
)


def _z_report(till, cashier, supervisor):
    till.shifts.open(cashier, 1_000_000)
    sell(till, cashier, [("COF-001", 1000), ("COF-003", 1000)], Payment(cash_tendered=200_000))
    sell(till, cashier, [("COF-004", 1000)], Payment(card=120_000))
    voided = sell(till, cashier, [("COF-002", 1000)], Payment(cash_tendered=120_000))
    till.refunds.void(supervisor, voided.sale_id)
    till.shifts.cash_movement(cashier, -250_000, "to the safe")
    # expected 10 000 + 1 900 cash − 2 500 out = 9 400 ₸; counted 8 850 ₸
    counts = {500_000: 1, 200_000: 1, 100_000: 1, 50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1}
    return till.shifts.close(supervisor, counts)


def test_z_report_html_has_number_and_formatted_totals(till, cashier, supervisor):
    z = _z_report(till, cashier, supervisor)
    text = report_html(z, "ru")
    assert "Z report No. 1" in text
    assert (z.sales_total, z.cash_sales, z.expected_cash) == (310_000, 190_000, 940_000)
    assert f"1{NBSP}900{NBSP}₸" in text  # cash sales: 900 + 1 000
    assert f"3{NBSP}100{NBSP}₸" in text  # sales total with the 1 200 ₸ card sale
    assert f"9{NBSP}400{NBSP}₸" in text  # expected
    assert f"8{NBSP}850{NBSP}₸" in text  # counted
    assert f"-550{NBSP}₸" in text and "Difference (short)" in text
    assert f"5{NBSP}000{NBSP}₸ × 1" in text  # the cash count per denomination
    assert "VAT 16\u00a0%" in text
    assert z.voided_count == 1 and "Voided sales" in text
    assert "Данияр Ахметов" in text and "Айгерим Сапарова" in text  # opened by / closed by
    assert 'lang="ru"' in text


def test_report_names_the_vat_handed_back_by_refunds(till, cashier, supervisor):
    till.shifts.open(cashier, 1_000_000)
    sale = sell(till, cashier, [("COF-001", 1000), ("COF-003", 1000)], Payment(card=190_000))
    first = sale.lines[0]
    till.refunds.refund(supervisor, sale.sale_id, {first.line_id: 1000}, "card")
    x = till.shifts.x_report()
    [(rate, handed_back)] = x.refund_vat_by_rate.items()
    assert handed_back > 0
    text = report_html(x, "en")
    assert "of it handed back by refunds" in text
    assert format_kzt(-handed_back) in text and format_kzt(x.vat_by_rate[rate]) in text


def test_x_report_says_the_shift_is_open(till, cashier):
    till.shifts.open(cashier, 50_000)
    text = report_html(till.shifts.x_report(), "en")
    assert "X report" in text and "Z report" not in text
    assert "Counted" not in text  # nothing counted yet
    assert f"500{NBSP}₸" in text


def test_report_dialog_saves_a_pdf(qtbot, till, cashier, supervisor, tmp_path):
    z = _z_report(till, cashier, supervisor)
    dialog = shown(qtbot, ReportDialog(z, till))
    assert dialog.windowTitle() == "Z report No. 1"
    assert by_name(dialog, QPushButton, "print report").isEnabled()
    assert by_name(dialog, QPushButton, "save report PDF").isEnabled()
    shot(dialog, "z_report")
    target = tmp_path / "z1.pdf"
    assert dialog.save_pdf_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in dialog.feedback.text()


def test_report_dialog_reports_an_unwritable_path(qtbot, till, cashier, tmp_path):
    till.shifts.open(cashier, 0)
    dialog = shown(qtbot, ReportDialog(till.shifts.x_report(), till))
    assert not dialog.save_pdf_to(tmp_path / "missing-folder" / "x.pdf")
    assert dialog.feedback.is_error
