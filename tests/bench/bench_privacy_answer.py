"""The answer to a data-subject request for a cashier with many receipts.

A fresh till where the demo cashier sold ``--sales`` receipts. Measures

- ``privacy_answer_make_median``: ``documents.make_answer`` (finding the subject in every table
  the data map names, the report, the HTML in three languages), as the admin's screen runs it in
  the UI task pool;
- ``privacy_answer_pdf_median``: the answer rendered to PDF bytes through Qt's printing, as the
  screen does on the GUI thread when the admin saves it (Qt's text layout is the GUI's).

Run by run_all.py in its own process:  python bench_privacy_answer.py --sales 2000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import open_till
from forsell.services.privacy.documents import make_answer
from forsell.services.privacy.requests import PrivacyRequests, subject_employee
from forsell.ui.printing import make_document, pdf_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric_line import emit, machine_load

CASHIER = "Данияр Ахметов"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sales", type=int, default=2_000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    app = QApplication(["bench"])  # noqa: F841 - fonts and printing need it
    started = machine_load()
    dataset = {"sales": args.sales}
    with tempfile.TemporaryDirectory() as folder:
        till = open_till(Path(folder) / "data")
        try:
            staff = till.staff.staff()
            admin = next(e for e in staff if e.role is Role.ADMIN)
            cashier = till.staff.login(next(e for e in staff if e.name == CASHIER).id, "1111")
            till.shifts.open(cashier, 0)
            product = till.catalog.search("Капучино")[0]
            for _ in range(args.sales):
                sale = till.sale_for(cashier)
                sale.add(product)
                sale.pay(Payment(cash_tendered=10_000_00))
            service = PrivacyRequests(till.ctx)
            request = service.register(admin, "information", CASHIER, subject_employee(CASHIER))
            makes, renders, size = [], [], 0
            for _ in range(args.runs):
                t = time.perf_counter()
                document = make_answer(service, admin, request.id, "kk")
                makes.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                size = len(pdf_bytes(make_document(document.html)))
                renders.append((time.perf_counter() - t) * 1000)
            emit(
                "privacy_answer_make_median",
                round(statistics.median(makes), 1),
                "ms",
                2000,  # an admin waits for it in a background task, with the screen alive
                dataset=dataset,
                load_start=started,
                n=len(makes),
                max_ms=round(max(makes), 1),
                timed="documents.make_answer: find, report, HTML in ru/kk/en (UI task pool)",
            )
            emit(
                "privacy_answer_pdf_median",
                round(statistics.median(renders), 1),
                "ms",
                250,  # on the GUI thread, once per Save PDF click
                dataset=dataset,
                load_start=started,
                n=len(renders),
                max_ms=round(max(renders), 1),
                pdf_bytes=size,
                timed="pdf_bytes(make_document(html)) on the GUI thread",
            )
        finally:
            till.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
