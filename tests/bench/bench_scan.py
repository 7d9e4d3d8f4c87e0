"""Scan to row: the scanner's keystrokes ending in Enter until the new cart row is painted.

Runs the real till window (``MainWindow`` with its ``TillScreen``) offscreen on the big database,
logged in as a cashier with the shift open. Each scan delivers the barcode's key events with
QTest to the widget that has focus (the scanner is a keyboard), then processes events until the
cart table has one more row *and* the table's viewport has painted after that change. The time
runs from the first key event to the end of that paint.

Run by run_all.py in its own process:  QT_QPA_PLATFORM=offscreen python bench_scan.py --data-dir D
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from forsell.domain.roles import Role
from forsell.services.app import open_till
from forsell.ui import theme
from forsell.ui.i18n import Languages
from forsell.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_services import summary
from dataset import till_sizes
from metric_line import line, machine_load

CART_SIZE = 8  # a new sale (cart cleared, not timed) every few scans, as at a real counter
PAINT_TIMEOUT_S = 5


class PaintWatch(QObject):
    """Notes when the cart table's viewport paints while ``rows_needed`` rows are there."""

    def __init__(self, table) -> None:
        super().__init__(table)
        self.table = table
        self.rows_needed: int | None = None
        self.painted = False

    def arm(self, rows_needed: int) -> None:
        self.rows_needed = rows_needed
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Qt override
        if (
            event.type() == QEvent.Type.Paint
            and self.rows_needed is not None
            and self.table.rowCount() >= self.rows_needed
        ):
            self.painted = True  # the paint runs right after this filter, inside the same call
        return False


def _barcodes(till, n: int, rng: random.Random) -> list[str]:
    with till.ctx.db.read() as session:
        rows = session.execute(
            text(
                "SELECT barcode FROM products WHERE barcode IS NOT NULL AND active AND NOT weighted"
            )
        ).all()
    return [r[0] for r in rng.sample(rows, min(n, len(rows)))]


def run(data_dir: Path, scans: int, warmup: int = 10) -> list[dict]:
    sizes = till_sizes(data_dir)
    load_start = machine_load()
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(theme.STYLE)
    app.setFont(theme.app_font(theme.register_fonts()))
    languages = Languages()  # set up as run_gui does: translators installed
    languages.switch(languages.current)
    till = open_till(data_dir, seed_demo=True)
    rng = random.Random(11)
    cashier_view = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
    cashier = till.staff.login(cashier_view.id, "1111")
    if till.shifts.current() is None:
        till.shifts.open(cashier, 2_000_000)
    window = MainWindow(till, languages)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    window.start_session(cashier)  # what the login screen does after a correct PIN
    screen = window.till_screen
    table = screen.cart.table
    watch = PaintWatch(table)
    table.viewport().installEventFilter(watch)
    via_scanner: list[str] = []
    screen.scanner.scanned.connect(via_scanner.append)
    for _ in range(20):
        app.processEvents()
    codes = _barcodes(till, warmup + scans, rng)
    samples = []
    for i, code in enumerate(codes):
        if table.rowCount() >= CART_SIZE:
            screen.show_cart(screen.sale.cancel())  # next customer; not timed
            for _ in range(5):
                app.processEvents()
        before = table.rowCount()
        target = app.focusWidget() or screen.search.field
        watch.arm(before + 1)
        started = time.perf_counter()
        QTest.keyClicks(target, code)
        QTest.keyClick(app.focusWidget() or target, Qt.Key.Key_Return)
        deadline = started + PAINT_TIMEOUT_S
        while not (watch.painted and table.rowCount() > before):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError(
                    f"scan {code}: no new painted row after {PAINT_TIMEOUT_S} s "
                    f"(rows {before} → {table.rowCount()})"
                )
        ms = (time.perf_counter() - started) * 1000
        watch.rows_needed = None
        if i >= warmup:
            samples.append(ms)
    window.close()
    window.deleteLater()
    app.processEvents()
    till.close()
    s = summary(samples)
    return [
        line(
            "scan_to_row_p99",
            s["p99"],
            "ms",
            16,
            dataset=sizes,
            load_start=load_start,
            **s,
            digits=13,
            via_scanner_filter=len(via_scanner),
            platform=app.platformName(),
            measured="first key event to end of the cart viewport's paint",
        )
    ]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--scans", type=int, default=200)
    args = p.parse_args()
    for metric in run(args.data_dir, args.scans):
        print(json.dumps(metric, ensure_ascii=False), flush=True)
    # PySide6 can crash while garbage-collecting widgets at interpreter exit; the numbers are out.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
