"""Runs every benchmark and prints one JSON object per metric, one per line, on stdout.

    .venv/bin/python tests/bench/run_all.py            # full sizes (100k products, 1M lines)
    .venv/bin/python tests/bench/run_all.py --quick    # small smoke run: do the benches work?
    .venv/bin/python tests/bench/run_all.py --only audio --soak-minutes 2   # just the audio bench

Each line (metric_line.py): {"metric": ..., "value": ..., "unit": ..., "goal": ...,
"dataset": {sizes measured at}, "load": {"start", "end", "cpus"}, "detail": {...}}.
A line without a dataset size or the machine load is refused: its value is set to null, the
reason is in "rejected", and the run exits with status 1. A bench that cannot run prints its
metric with "value": null and the reason in detail.error. Progress goes to stderr. The dataset
is generated once per size and cached (``--cache-dir``); every run works on a fresh copy of it,
because the benches sell and close the shift.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_cold_start
import bench_journal
import bench_services
import dataset
import metric_line

QUICK = {"products": 2_000, "lines": 20_000}
BENCHES = (
    "services",
    "scan",
    "cold_start",
    "z_report",
    "audio",
    "sync",
    "scoring",
    "review",
    "gui_lag",
    "latency",
    "consent",
    "privacy_answer",
    "destruction",
    "audit",
    "backup",
    "printer",
    "install",
    "journal",
    "fiscal",
)
#: Benches that need no till dataset (run alone, nothing is generated).
NO_DATASET = {
    "audio",
    "sync",
    "scoring",
    "review",
    "gui_lag",
    "latency",
    "consent",
    "privacy_answer",
    "destruction",
    "audit",
    "printer",
    "install",
    "fiscal",
}
QUICK_AUDIO = {"hours": 0.05, "soak_minutes": 1.0}


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--products", type=int, default=100_000)
    p.add_argument("--lines", type=int, default=1_000_000, help="sale lines in the history")
    p.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK['products']} products / {QUICK['lines']} lines: a smoke run",
    )
    p.add_argument(
        "--cache-dir",
        type=Path,
        default=Path("/tmp/forsell-bench"),
        help="where generated datasets are kept, one folder per size",
    )
    p.add_argument("--only", nargs="+", choices=BENCHES, default=list(BENCHES))
    p.add_argument(
        "--audio-hours",
        type=float,
        default=1.0,
        help="hours of speech pushed through the audio pipeline",
    )
    p.add_argument(
        "--soak-minutes",
        type=float,
        default=30.0,
        help="real-time capture from the PulseAudio microphone (needs PULSE_SERVER)",
    )
    p.add_argument(
        "--sync-gb",
        type=float,
        default=1.0,
        help="GB of recordings drained by the sync memory bench",
    )
    args = p.parse_args(argv)
    if args.quick:
        args.sync_gb = min(args.sync_gb, 0.05)
        args.products, args.lines = QUICK["products"], QUICK["lines"]
        args.audio_hours = min(args.audio_hours, QUICK_AUDIO["hours"])
        args.soak_minutes = min(args.soak_minutes, QUICK_AUDIO["soak_minutes"])
    return args


def _failed(metric: str, unit: str, goal: float | None, dataset: dict, error: str) -> dict:
    return metric_line.line(metric, None, unit, goal, dataset=dataset, error=error)


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def _scan_bench(data_dir: Path, quick: bool, sizes: dict) -> list[dict]:
    """The Qt bench runs in its own process: offscreen platform, no Qt in this one."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.multimedia.symbolsresolver=false",
    )
    cmd = [
        sys.executable,
        str(HERE / "bench_scan.py"),
        "--data-dir",
        str(data_dir),
        "--scans",
        "60" if quick else "200",
    ]
    log("bench: scan to row (Qt, offscreen) ...")
    proc = subprocess.run(cmd, check=False, env=env, capture_output=True, text=True, timeout=600)
    metrics = _lines(proc.stdout)
    if proc.returncode != 0 or not metrics:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:]) or f"exit {proc.returncode}"
        return [_failed("scan_to_row_p99", "ms", 16, sizes, tail)]
    return metrics


def _script(
    name: str, extra: list[str], label: str, dataset: dict, timeout: float = 3600
) -> list[dict]:
    """A bench script in its own process (it runs servers, threads or a GUI of its own); its
    JSON lines are re-emitted, and a failure becomes a metric with the reason."""
    log(f"bench: {label} ...")
    proc = subprocess.run(
        [sys.executable, str(HERE / f"bench_{name}.py"), *extra],
        check=False,
        stdout=subprocess.PIPE,
        text=True,
        timeout=timeout,
    )
    metrics = _lines(proc.stdout)
    if proc.returncode != 0 or not metrics:
        return metrics + [
            _failed(f"{name}_bench", "", None, dataset, f"bench_{name}.py exit {proc.returncode}")
        ]
    return metrics


def _audio_bench(hours: float, soak_minutes: float) -> list[dict]:
    """bench_audio.py in its own process (it runs a recorder thread and PortAudio)."""
    # stderr (its progress) passes through; the timeout leaves room for the soak and the hour.
    return _script(
        "audio",
        ["--hours", str(hours), "--minutes", str(soak_minutes)],
        f"audio ({hours} h pipeline, {soak_minutes} min soak)",
        {"audio_hours": hours, "soak_minutes": soak_minutes},
        timeout=3600 + soak_minutes * 60 + hours * 3600,
    )


def _sync_bench(gb: float, quick: bool) -> list[dict]:
    return _script(
        "sync",
        ["--gb", str(gb)] + (["--recordings", "80"] if quick else []),
        f"sync (drain rate, {gb} GB memory run)",
        {"gb": gb},
    )


def _scoring_bench(quick: bool) -> list[dict]:
    conversations = 300 if quick else 3000
    return _script(
        "scoring",
        ["--conversations", str(conversations)],
        "scoring (corpus precision/recall, throughput)",
        {"conversations": conversations},
        timeout=1800,
    )


def _consent_bench(quick: bool) -> list[dict]:
    recordings = 2_000 if quick else 20_000
    return _script(
        "consent",
        ["--recordings", str(recordings)],
        "consent (hold check per recording job, the admin's consent list)",
        {"recordings": recordings},
        timeout=600,
    )


def _backup_bench(args: argparse.Namespace) -> list[dict]:
    products, lines = args.products, args.lines
    if args.quick:
        products, lines = QUICK["products"], QUICK["lines"]
    audio_mb = 50 if args.quick else 1024
    return _script(
        "backup",
        ["--products", str(products), "--lines", str(lines), "--audio-mb", str(audio_mb),
         "--cache-dir", str(args.cache_dir)],
        "encrypted backup (create, verify, restore)",
        {"products": products, "sale_lines": lines, "audio_mb": audio_mb},
        timeout=3600,
    )  # fmt: skip


def _privacy_answer_bench(quick: bool) -> list[dict]:
    sales = 200 if quick else 2_000
    return _script(
        "privacy_answer",
        ["--sales", str(sales)],
        "privacy answer (a cashier's data found and answered, the PDF rendered)",
        {"sales": sales},
        timeout=900,
    )


def _destruction_bench(quick: bool) -> list[dict]:
    recordings = 300 if quick else 2_000
    return _script(
        "destruction",
        ["--recordings", str(recordings)],
        "destruction (an employee's recordings shredded, rows deleted, file rewritten)",
        {"recordings": recordings},
        timeout=600,
    )


def _audit_bench(quick: bool) -> list[dict]:
    entries = 20_000 if quick else 1_000_000
    return _script(
        "audit",
        ["--entries", str(entries)],
        "audit trail (chain check, append, screen pages, purge)",
        {"audit_entries": entries},
        timeout=1800,
    )


def _printer_bench(quick: bool) -> list[dict]:
    lines = "10" if quick else "30"
    return _script(
        "printer",
        ["--lines", lines, "--runs", "10" if quick else "50"],
        "receipt printer (ESC/POS encoding, a job to the FAKE printer)",
        {"receipt_lines": int(lines)},
    )


def _fiscal_bench(quick: bool) -> list[dict]:
    sales, backlog, chaos = (30, 200, 200) if quick else (100, 1_000, 1_000)
    history = 10_000 if quick else 100_000
    return _script(
        "fiscal",
        ["--sales", str(sales), "--backlog", str(backlog), "--chaos", str(chaos)]
        + ["--history", str(history)],
        "fiscal receipts (payment to fiscal sign at 150 ms, backlog drain, chaos, the oldest "
        "unregistered operation's age)",
        {"operations": backlog},
        timeout=3600,
    )


def _review_bench(quick: bool) -> list[dict]:
    extra = ["--conversations", "5000", "--search", "1000", "--runs", "5"] if quick else []
    return _script(
        "review",
        extra,
        "review (list filters, transcript search, opening)",
        {"conversations": 5000 if quick else 100_000},
        timeout=1800,
    )


def _gui_lag_bench(quick: bool) -> list[dict]:
    sizes = ["--products", "2000", "--rows", "5000"] if quick else []
    return _script(
        "gui_lag",
        ["--runs", "1" if quick else "3", *sizes],
        "GUI lag: first start, catalog import, sync drain",
        {"products": 2000 if quick else 100_000, "rows": 5000 if quick else 100_000},
        timeout=3600,
    )


class Output:
    """Checks and prints the metric lines; remembers the refused ones."""

    def __init__(self, context: dict) -> None:
        self.context = context
        self.refused: list[str] = []

    def __call__(self, metric: dict) -> None:
        bad = metric_line.problems(metric)
        if bad:
            reported = metric.get("value")
            metric = {
                **metric,
                "value": None,
                "rejected": "; ".join(bad),
                "reported_value": reported,
            }
            self.refused.append(f"{metric.get('metric')}: {metric['rejected']}")
        metric.setdefault("detail", {}).update(self.context)
        print(json.dumps(metric, ensure_ascii=False), flush=True)

    def many(self, metrics) -> None:
        for metric in metrics:
            self(metric)


def _latency_bench(quick: bool) -> list[dict]:
    return _script(
        "latency",
        ["--starts", "50"] if quick else [],
        "latency (recorder start; sale commit→accepted while the provider fails)",
        {"starts": 50 if quick else 200},
        timeout=900,
    )


def _install_bench(quick: bool) -> list[dict]:
    runs = 2 if quick else 5
    return _script(
        "install",
        ["--runs", str(runs)],
        "installed package vs development install (size, build time, cold start)",
        {"runs": runs},
        timeout=1800,
    )


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    load_before = metric_line.machine_load()
    out = Output({"machine": f"{os.cpu_count()} cpu, python {platform.python_version()}"})
    if not set(args.only) <= NO_DATASET:
        ds = dataset.ensure_dataset(args.cache_dir, args.products, args.lines, log=log)
        m = ds.manifest
        out.context.update(generation_s=m["generation_s"], dataset_cached=not ds.generated_now)
        started = time.perf_counter()
        work = dataset.copy_data_dir(
            ds.data_dir, args.cache_dir / f"work-{ds.data_dir.parent.name}"
        )
        log(f"working copy {work} ({time.perf_counter() - started:.1f} s)")
        if "services" in args.only:
            out.many(bench_services.run_services(work, log=log))
        if "scan" in args.only:
            out.many(_scan_bench(work, args.quick, dataset.till_sizes(work)))
        if "cold_start" in args.only:
            out.many(bench_cold_start.bench_cold_start(work, runs=5 if args.quick else 20, log=log))
        if "journal" in args.only:  # it adds refunds to the working copy
            out.many(bench_journal.run_journal(work, log=log))
        if "z_report" in args.only:  # it closes shifts: after the benches that sell
            out.many(bench_services.run_z_report(work, closes=20 if args.quick else 200, log=log))
    if "sync" in args.only:
        out.many(_sync_bench(args.sync_gb, args.quick))
    if "scoring" in args.only:
        out.many(_scoring_bench(args.quick))
    if "review" in args.only:
        out.many(_review_bench(args.quick))
    if "gui_lag" in args.only:
        out.many(_gui_lag_bench(args.quick))
    if "latency" in args.only:
        out.many(_latency_bench(args.quick))
    if "consent" in args.only:
        out.many(_consent_bench(args.quick))
    if "privacy_answer" in args.only:
        out.many(_privacy_answer_bench(args.quick))
    if "destruction" in args.only:
        out.many(_destruction_bench(args.quick))
    if "audit" in args.only:
        out.many(_audit_bench(args.quick))
    if "backup" in args.only:
        out.many(_backup_bench(args))
    if "printer" in args.only:
        out.many(_printer_bench(args.quick))
    if "install" in args.only:
        out.many(_install_bench(args.quick))
    if "fiscal" in args.only:
        out.many(_fiscal_bench(args.quick))
    if "audio" in args.only:  # last: the 30-minute soak runs in real time
        out.many(_audio_bench(args.audio_hours, args.soak_minutes))
    log(
        f"load average before {load_before:.2f}, after {metric_line.machine_load():.2f} on "
        f"{os.cpu_count()} CPUs (other work on this machine skews the numbers)"
    )
    if out.refused:
        log("refused (no dataset size or machine load): " + "; ".join(out.refused))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
