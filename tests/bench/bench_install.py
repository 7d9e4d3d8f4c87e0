"""The installed package side by side with the development install: bundle size, build time,
and the cold start a shop meets (spawn until the till's window is on the screen).

    .venv/bin/python tests/bench/bench_install.py [--runs 5]

Both commands are started the same way, from outside, on a private Xvfb display: the installed
``/usr/bin/forsell-cashier`` (the .deb of ``installer/linux/build.sh``; install it first with
``dpkg -i dist/forsell-cashier_*.deb``) and ``.venv/bin/forsell-cashier`` of the development
set-up. Timed from the spawn until xdotool sees the till's window mapped (its title carries the
demo store's name); then SIGTERM. The first start of a fresh data folder (it creates the
database and seeds the demo store) is one sample; the starts after it are the everyday start
(median and p90 of ``runs``, warm OS file cache). Bundle size and build time come from
``dist/build-report.json`` of the last build.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(HERE.parent)]
from metric_line import emit, machine_load

import x11_desktop

INSTALLED = "/usr/bin/forsell-cashier"
DEVELOPMENT = str(REPO / ".venv" / "bin" / "forsell-cashier")
TIMEOUT_S = 180


def _display() -> tuple[subprocess.Popen, dict[str, str]]:
    return x11_desktop.start_display()


def _window_shown(env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "4Sell Demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(found.stdout.split())


def one_start(command: str, data_dir: Path, env: dict[str, str]) -> float | str:
    """Milliseconds from the spawn to the visible window, or the problem as text."""
    started = time.perf_counter()
    app = subprocess.Popen(
        [command, "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - started < TIMEOUT_S:
            if _window_shown(env):
                return (time.perf_counter() - started) * 1000
            if app.poll() is not None:
                return f"exited with {app.returncode} before its window showed"
            time.sleep(0.02)  # another process's window: polled, there is no signal
        return f"no window within {TIMEOUT_S} s"
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(60)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def bench(runs: int) -> None:
    report_file = REPO / "dist" / "build-report.json"
    if report_file.exists():
        report = json.loads(report_file.read_text(encoding="utf-8"))
        sizes = {"bundle_files": sum(1 for _ in Path(report["bundle"]).rglob("*"))}
        emit(
            "bundle_size",
            report["bundle_mb"],
            "MB",
            report["budget_mb"],
            dataset=sizes,
            flavour=report["flavour"],
            deb=report["deb"],
        )
        emit(
            "bundle_build_time",
            report["total_seconds"],
            "s",
            None,
            dataset=sizes,
            bundle_seconds=report["bundle_seconds"],
            what="PyInstaller bundle + .deb",
        )
    else:
        emit(
            "bundle_size",
            None,
            "MB",
            None,
            dataset={"bundle_files": 1},
            error="no dist/build-report.json: run bash installer/linux/build.sh first",
        )
    xvfb, env = _display()
    try:
        for label, command in (("installed", INSTALLED), ("development", DEVELOPMENT)):
            dataset = {"runs": runs, "demo_store": 1}
            if not shutil.which(command):
                emit(
                    f"{label}_cold_start_window",
                    None,
                    "ms",
                    3000,
                    dataset=dataset,
                    error=f"{command} is missing (install the .deb / run setup.sh)",
                )
                continue
            load_start = machine_load()
            with tempfile.TemporaryDirectory() as folder:
                data_dir = Path(folder) / "till"
                first = one_start(command, data_dir, env)
                samples = [one_start(command, data_dir, env) for _ in range(runs)]
            problems = [s for s in [first, *samples] if isinstance(s, str)]
            if problems:
                emit(
                    f"{label}_cold_start_window",
                    None,
                    "ms",
                    3000,
                    dataset=dataset,
                    load_start=load_start,
                    error=problems[0],
                )
                continue
            times = sorted(float(s) for s in samples)
            emit(
                f"{label}_cold_start_first_run_window",
                round(float(first)),
                "ms",
                None,
                dataset=dataset,
                load_start=load_start,
                command=command,
                what="spawn to the visible window, fresh data folder (demo store seeded)",
            )
            emit(
                f"{label}_cold_start_window",
                round(statistics.median(times)),
                "ms",
                3000,
                dataset=dataset,
                load_start=load_start,
                command=command,
                p90=round(times[int(0.9 * (len(times) - 1))]),
                n=len(times),
                what="spawn to the visible window, everyday start (median)",
            )
    finally:
        xvfb.terminate()
        xvfb.wait(10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    bench(parser.parse_args().runs)
