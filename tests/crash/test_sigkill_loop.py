"""A till killed with SIGKILL at random moments, again and again, loses nothing it confirmed.

A child process (tests/crash/till_child.py) works the counter at random: sales recorded by the
real recorder, card and cash payments, parking and recalling, refunds, voids, cash in and out,
closing the shift. It prints a line for every action the till confirmed. The test kills it at a
random moment (sometimes during its start-up), then opens the data folder as the app does and
checks: SQLite's integrity_check passes; every confirmed sale, refund, void, cash movement and Z
report is there; receipt and Z numbers are gapless; every business row has its outbox row exactly
once; every recording is sealed, queued or marked interrupted, authenticates, and has its key;
no plain audio is on disk; a parked sale is never lost. Then the next child carries on.

Short form (CI): ``CRASH_KILLS`` defaults to 8 kills, well under a minute. Long form:
``CRASH_KILLS=60 bash installer/linux/run-tests.sh tests/crash``. ``CRASH_SEED`` repeats a run
(the seed is printed in the summary).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from forsell.services.app import DB_NAME, open_till
from forsell.services.recordings import KEY_FILE, RecordingLibrary, open_vault
from platform_services import needs, secret_service

from . import till_checks

pytestmark = [pytest.mark.slow, needs(secret_service)]

CHILD = Path(__file__).with_name("till_child.py")
KILLS = int(os.environ.get("CRASH_KILLS", "8"))
READY_TIMEOUT_S = 60


class Journal:
    """The child's confirmed actions, read line by line as they come."""

    def __init__(self, child: subprocess.Popen) -> None:
        self.lines: list[list[str]] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(child,), daemon=True)
        self._thread.start()

    def _read(self, child: subprocess.Popen) -> None:
        for line in child.stdout:
            if not line.endswith("\n"):
                break  # cut by the kill mid-write: not a confirmation
            words = line.split()
            if words:
                self.lines.append(words)
                if words[0] == "READY":
                    self.ready.set()

    def finish(self) -> list[list[str]]:
        self._thread.join(timeout=30)
        return self.lines


@dataclass
class Ledger:
    """Everything the till confirmed over all the runs, and what was killed."""

    sales: dict[str, int] = field(default_factory=dict)
    refunds: set[str] = field(default_factory=set)
    voids: set[str] = field(default_factory=set)
    cash: set[str] = field(default_factory=set)
    z: dict[str, int] = field(default_factory=dict)
    opened: set[str] = field(default_factory=set)
    parked: set[str] = field(default_factory=set)
    recalled: set[str] = field(default_factory=set)
    kills: int = 0
    kills_in_startup: int = 0
    unconfirmed_sales: int = 0  # committed, killed before saying so (allowed)

    def take(self, lines: list[list[str]]) -> None:
        for word, *rest in lines:
            if word == "SALE":
                self.sales[rest[0]] = int(rest[1])
                if len(rest) == 4:  # paid from a parked sale
                    self.parked.discard(rest[3])
            elif word == "REFUND":
                self.refunds.add(rest[0])
            elif word == "VOID":
                self.voids.add(rest[0])
            elif word == "CASH":
                self.cash.add(rest[0])
            elif word == "Z":
                self.z[rest[0]] = int(rest[1])
            elif word == "OPEN":
                self.opened.add(rest[0])
            elif word == "PARKED":
                self.parked.add(rest[0])
            elif word == "RECALLED":
                self.recalled.add(rest[0])
            elif word == "CANCELLED":
                self.parked.discard(rest[0])


def _missing(conn: sqlite3.Connection, sql: str, wanted: set[str] | dict, what: str) -> list[str]:
    have = {r[0]: r[1:] for r in conn.execute(sql)}
    problems = []
    for key in wanted:
        if key not in have:
            problems.append(f"confirmed {what} {key} is lost")
        elif isinstance(wanted, dict) and have[key][0] != wanted[key]:
            problems.append(f"{what} {key}: number {have[key][0]}, confirmed {wanted[key]}")
    return problems


def _confirmed_rows(conn: sqlite3.Connection, ledger: Ledger) -> list[str]:
    problems = _missing(conn, "SELECT id, receipt_no FROM sales", ledger.sales, "sale")
    problems += _missing(conn, "SELECT id FROM refunds", ledger.refunds, "refund")
    problems += _missing(
        conn, "SELECT id FROM sales WHERE voided_at IS NOT NULL", ledger.voids, "void"
    )
    problems += _missing(conn, "SELECT reason FROM cash_movements", ledger.cash, "cash movement")
    problems += _missing(
        conn, "SELECT id, z_number FROM shifts WHERE closed_at IS NOT NULL", ledger.z, "Z report"
    )
    problems += _missing(conn, "SELECT id FROM shifts", ledger.opened, "opened shift")
    parked = {r[0] for r in conn.execute("SELECT label FROM parked_sales")}
    # A parked sale may be gone only when it was recalled and the kill came between the payment
    # (or cancellation) that consumed it and the line saying so.
    lost = ledger.parked - parked - ledger.recalled
    problems += [f"parked sale {label} is lost" for label in sorted(lost)]
    held = conn.execute("SELECT count(*) FROM parked_sales WHERE recalled_at IS NOT NULL")
    if held.fetchone()[0]:
        problems.append("a recalled parked sale stayed out of the list after the restart")
    return problems


def _recordings(data_dir: Path) -> tuple[list[str], dict[str, int]]:
    """Opens the till as the app does (recordings cut off are sealed), then checks them."""
    till = open_till(data_dir)
    vault = open_vault(till.ctx)
    try:
        library = RecordingLibrary(till.ctx, vault)
        library.recover()
        views = library.list(limit=1_000_000)
        problems = [
            f"recording {v.id} is {v.status} after the restart"
            for v in views
            if v.status not in ("sealed", "queued", "interrupted")
        ]
        problems += [f"recording {rid}: {why}" for rid, why in library.verify_all()]
        if vault.recording_ids() != {v.id for v in views}:
            problems.append("recording keys and recordings differ (orphan key or key-less row)")
        statuses: dict[str, int] = {}
        for v in views:
            statuses[v.status] = statuses.get(v.status, 0) + 1
        return problems, statuses
    finally:
        vault.close()
        till.close()


def check_after_kill(data_dir: Path, tmp_dir: Path, ledger: Ledger) -> tuple[list[str], dict]:
    problems = till_checks.integrity(data_dir / DB_NAME)
    if (data_dir / KEY_FILE).exists():
        problems += till_checks.integrity(data_dir / KEY_FILE)
    rec_problems, statuses = _recordings(data_dir)
    problems += rec_problems
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        problems += till_checks.numbering(conn)
        problems += till_checks.outbox(conn)
        problems += _confirmed_rows(conn, ledger)
        totals = till_checks.counts(conn, "sales", "refunds", "cash_movements", "outbox")
    finally:
        conn.close()
    problems += till_checks.plain_audio([data_dir, tmp_dir])
    return problems, {**totals, "recordings": statuses}


def _run_once(data_dir: Path, tmp_dir: Path, seed: int, rng: random.Random, ledger: Ledger):
    env = {**os.environ, "TMPDIR": str(tmp_dir)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    journal = Journal(child)
    try:
        if rng.random() < 0.15:  # during its start-up: opening, recovery, signing in
            time.sleep(rng.uniform(0.0, 1.5))
            ledger.kills_in_startup += not journal.ready.is_set()
        else:
            if not journal.ready.wait(READY_TIMEOUT_S):
                child.kill()
                pytest.fail(f"the till did not start: {child.communicate()[1][-3000:]}")
            time.sleep(rng.uniform(0.2, 2.5))
        if child.poll() is not None:
            pytest.fail(f"the till ended by itself ({child.returncode}): {child.stderr.read()}")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    lines = journal.finish()
    child.stderr.close()
    ledger.take(lines)
    ledger.kills += 1
    return lines


def test_sigkill_at_random_moments_loses_nothing_confirmed(tmp_path: Path, capsys) -> None:
    seed = int(os.environ.get("CRASH_SEED", random.randrange(1_000_000)))
    rng = random.Random(seed)
    data_dir, tmp_dir = tmp_path / "till", tmp_path / "tmp"
    tmp_dir.mkdir()
    open_till(data_dir).close()  # the demo store seeded once, so each child starts quickly
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        device = conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()
    conn.close()
    ledger = Ledger()
    started = time.monotonic()
    totals: dict = {}
    for round_no in range(1, KILLS + 1):
        lines = _run_once(data_dir, tmp_dir, seed * 1000 + round_no, rng, ledger)
        problems, totals = check_after_kill(data_dir, tmp_dir, ledger)
        last = " ".join(lines[-1]) if lines else "(nothing yet)"
        assert not problems, (
            f"after kill {round_no} (CRASH_SEED={seed}, last line: {last}):\n" + "\n".join(problems)
        )
        with sqlite3.connect(data_dir / DB_NAME) as conn:
            now = conn.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()
        conn.close()
        assert now == device, "the till started as a new till after a kill"
    ledger.unconfirmed_sales = totals["sales"] - len(ledger.sales)
    summary = (
        f"crash loop (CRASH_SEED={seed}): {ledger.kills} kills ({ledger.kills_in_startup} during "
        f"start-up) in {time.monotonic() - started:.0f} s; confirmed {len(ledger.sales)} sales "
        f"(+{ledger.unconfirmed_sales} committed just before a kill), {len(ledger.refunds)} "
        f"refunds, {len(ledger.voids)} voids, {len(ledger.cash)} cash movements, {len(ledger.z)} "
        f"Z reports, {len(ledger.recalled)} recalls; recordings {totals['recordings']}; "
        f"{totals['outbox']} outbox rows, each once; nothing lost"
    )
    with capsys.disabled():  # the summary shows in every run, not only with -s
        print("\n" + summary)
    assert ledger.sales, "the till confirmed no sale at all: the loop tested nothing"
