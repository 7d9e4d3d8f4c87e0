"""The receipt printer's side of a sale: building the ESC/POS job and handing it to a printer.

A receipt of ``--lines`` lines (half of them with Kazakh names, so half print as raster images on
a CP866 printer) is encoded on 58 and 80 mm paper, for CP866 and KZ-1048, and sent to the FAKE
printer on loopback (paper question, job, confirming status answer). Measures

- ``printer_encode_<code page>_<mm>_p50``: ``encode(receipt_ticket(...))``, ms (what runs on the
  UI's task pool after each payment), with the job's size in bytes;
- ``printer_send_p50``: one whole job to the FAKE printer and its confirmation, ms.

Run alone:  python tests/bench/bench_printer.py --lines 30 --runs 50
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from forsell.fakes.fake_printer import FakePrinter
from forsell.hardware.connection import parse_address, send
from forsell.hardware.encoder import PrinterProfile, encode
from forsell.services.counter_printer import receipt_ticket
from forsell.services.receipts import ReceiptLineView, ReceiptView

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric_line import emit, machine_load


def sample_receipt(lines: int) -> ReceiptView:
    """A Kazakh-language receipt with ``lines`` lines, half of them with Kazakh letters."""
    rows = tuple(
        ReceiptLineView(
            f"l{i}",
            i + 1,
            {
                "ru": f"Товар тестовый {i}",
                "kk": f"Сынақ құрты {i}" if i % 2 else f"Товар {i}",
                "en": f"Item {i}",
            },
            f"SKU{i}",
            1000,
            False,
            25_000,
            25_000,
            0,
            25_000,
            1600,
            0,
            0,
        )
        for i in range(lines)
    )
    total = 25_000 * lines
    return ReceiptView(
        "sale",
        42,
        "2000000000428",
        datetime(2026, 12, 5, 12, 0, tzinfo=UTC),
        "Құрт дүкені",
        "123456789012",
        "Алматы, Абай даңғылы 1",
        "Касса 1",
        "Данияр Ахметов",
        "kk",
        rows,
        total,
        0,
        total,
        {1600: total * 16 // 116},
        "cash",
        total,
        0,
        total + 10_000,
        10_000,
        "",
        "Сатып алғаныңызға рахмет!",
        False,
        0,
    )


def _p50_ms(call, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 2)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--lines", type=int, default=30)
    p.add_argument("--runs", type=int, default=50)
    args = p.parse_args(argv)
    receipt = sample_receipt(args.lines)
    dataset = {"receipt_lines": args.lines, "runs": args.runs}
    for code_page in ("cp866", "kz1048"):
        for mm in (58, 80):
            started = machine_load()
            profile = PrinterProfile(mm, code_page)
            job = encode(receipt_ticket(receipt, paper_mm=mm, drawer=True), profile)
            value = _p50_ms(
                lambda p=profile, m=mm: encode(receipt_ticket(receipt, paper_mm=m), p), args.runs
            )
            emit(
                f"printer_encode_{code_page}_{mm}_p50",
                value,
                "ms",
                50,
                dataset=dataset,
                load_start=started,
                job_bytes=len(job),
            )
    job = encode(receipt_ticket(receipt, paper_mm=80), PrinterProfile(80))
    with FakePrinter() as printer:
        address = parse_address(printer.address)
        started = machine_load()

        def one() -> None:
            send(address, job)
            printer.wait_job()

        value = _p50_ms(one, args.runs)
    emit(
        "printer_send_p50",
        value,
        "ms",
        200,
        dataset=dataset,
        load_start=started,
        job_bytes=len(job),
        what="paper question, job, confirming status answer, on loopback",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
