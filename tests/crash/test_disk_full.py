"""A full disk while selling, while recording and at start-up: the till says so plainly, writes
nothing by halves, and carries on once space is freed.

The disk is a real small tmpfs when the tests run as root (CI), else the RLIMIT_FSIZE fallback of
tests/crash/small_disk.py; the till's data folder lives on it and real SQLite files meet the
fault. The start-up cases need the tmpfs (a file-size limit is not a full disk to the checks that
tell a full disk from a damaged file).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from forsell.audio.archive import EncryptedArchive
from forsell.audio.recorder import Recorder, RecorderConfig
from forsell.domain.errors import StorageFault
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, Till, open_till
from forsell.services.doctor import check_database
from forsell.services.recordings import RecordingLibrary, open_vault
from forsell.store.db import DatabaseProblem, backups, head_revision
from sync.memory_keyring import MemoryKeyring

from . import till_checks
from .small_disk import SmallDisk, mount_small_disk, unmount
from .till_child import FastVoice, scannable, sign_in

pytestmark = pytest.mark.slow

SCHEMA_0001 = Path(__file__).parents[1] / "store" / "fixtures" / "schema_0001.sqlite"
ROWS = ("sales", "sale_lines", "refunds", "refund_lines", "outbox", "audit")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    made = mount_small_disk(tmp_path / "disk")
    yield made
    unmount(made)


@pytest.fixture
def tmpfs(disk: SmallDisk) -> SmallDisk:
    if not disk.tmpfs:
        why = "a full disk at start-up needs a real small disk: run as root (CI does)"
        if os.environ.get("CI") == "true":  # in CI a skipped test would pass untested
            pytest.fail(why)
        pytest.skip(why)
    return disk


@pytest.fixture
def till(disk: SmallDisk) -> Iterator[Till]:
    opened = open_till(disk.root / "data")
    yield opened
    opened.close()


def _rows(till: Till) -> dict[str, int]:
    conn = sqlite3.connect(till.ctx.db.path)
    try:
        return till_checks.counts(conn, *ROWS)
    finally:
        conn.close()


def _sound(till: Till) -> list[str]:
    """Integrity, gapless numbers and the outbox, as after any fault."""
    problems = till_checks.integrity(till.ctx.db.path)
    conn = sqlite3.connect(till.ctx.db.path)
    try:
        return problems + till_checks.numbering(conn) + till_checks.outbox(conn)
    finally:
        conn.close()


def test_a_sale_on_a_full_disk_is_refused_whole_and_paid_once_space_is_freed(disk, till):
    cashier = sign_in(till, Role.CASHIER)
    till.shifts.open(cashier, 0)
    first = till.sale_for(cashier)
    barcodes = scannable(till, 3)
    for code in barcodes[:2]:
        first.scan(code)
    paid = first.pay(Payment(cash_tendered=first.view().total))

    sale = till.sale_for(cashier)
    for code in barcodes:
        sale.scan(code)
    supervisor = sign_in(till, Role.SUPERVISOR)  # signing in is audited: a write
    before = _rows(till)
    disk.fill(wal_of=till.ctx.db.path)
    try:
        with pytest.raises(StorageFault) as refused:
            sale.pay(Payment(cash_tendered=sale.view().total))
        assert refused.value.kind in disk.fault_kinds, refused.value
        line = till.refunds.find(str(paid.receipt_no)).lines[0]
        with pytest.raises(StorageFault):
            till.refunds.refund(supervisor, paid.sale_id, {line.line_id: 1000}, "cash")
    finally:
        disk.free()
    assert _rows(till) == before  # no sale, line, refund, outbox or audit row half-written
    assert len(sale.cart.lines) == 3  # the cart waits for another try

    receipt = sale.pay(Payment(cash_tendered=sale.view().total))
    assert receipt.receipt_no == paid.receipt_no + 1
    after = _rows(till)
    assert after["sales"] == before["sales"] + 1
    assert after["sale_lines"] == before["sale_lines"] + 3
    assert _sound(till) == []


def test_a_recording_through_a_full_disk_is_whole_once_space_is_freed(disk, till):
    """The recorder keeps the audio it could not write and writes it when it can: the sealed
    recording has no hole, and nothing went to a plain file meanwhile."""
    vault = open_vault(till.ctx, MemoryKeyring())
    archive = EncryptedArchive(till.ctx.db.path, vault, till.ctx.device_id)
    errors: list[str] = []
    mic = FastVoice()
    recorder = Recorder(
        mic,
        archive,
        RecorderConfig(preroll_s=0.0, tail_s=0.0),
        on_error=lambda kind, detail: errors.append(f"{kind}: {detail}"),
    )
    library = RecordingLibrary(till.ctx, vault)

    def chunks() -> int:
        conn = sqlite3.connect(till.ctx.db.path)
        try:
            return conn.execute("SELECT count(*) FROM recording_chunks").fetchone()[0]
        finally:
            conn.close()

    def wait_for(what, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not what():
            assert time.monotonic() < end, f"timed out; recorder errors: {errors[-3:]}"
            time.sleep(0.05)

    recorder.open()
    try:
        rid = recorder.start(reason="manual")
        wait_for(lambda: chunks() >= 2)
        disk.fill(leave=0)
        try:
            wait_for(lambda: any("StorageFault" in e for e in errors))
            stuck = chunks()
            time.sleep(1.0)  # four more chunks' worth of audio arrives while nothing can be written
            assert chunks() == stuck
        finally:
            disk.free()
        wait_for(lambda: chunks() > stuck)
        recorder.stop(after_s=0, reason="manual")
        wait_for(lambda: library.list()[0].status in ("sealed", "queued"))
    finally:
        assert recorder.close(10)
        archive.close()
    try:
        (view,) = library.list()
        assert view.id == rid
        pcm, rate = library.pcm(rid)
        assert abs(len(pcm) / rate * 1000 - view.duration_ms) < 100
        # the audio of the full-disk second is in it: one continuous stream, no hole
        assert view.duration_ms / 1000 >= 2 * 2.0 + 1.0 * 8.0 * 0.9
        assert library.verify_all() == []
        assert any("disk_full" in e or "io" in e for e in errors), errors
    finally:
        vault.close()
    assert till_checks.plain_audio([disk.root]) == []
    assert _sound(till) == []


def _used_till(data_dir: Path) -> None:
    """A till that sold and was closed cleanly (no -wal, no -shm left)."""
    till = open_till(data_dir)
    cashier = sign_in(till, Role.CASHIER)
    till.shifts.open(cashier, 0)
    sale = till.sale_for(cashier)
    sale.scan(scannable(till, 1)[0])
    sale.pay(Payment(cash_tendered=sale.view().total))
    till.close()


def test_starting_on_a_full_disk_says_disk_full_not_damaged(tmpfs):
    data_dir = tmpfs.root / "data"
    _used_till(data_dir)
    tmpfs.fill()
    try:
        with pytest.raises(DatabaseProblem) as problem:
            open_till(data_dir)
        assert problem.value.kind == "disk_full", problem.value
        doctor = check_database(data_dir)
        assert not doctor.ok and "disk-full" in doctor.found, doctor.line()
        assert "not damaged" in doctor.hint
    finally:
        tmpfs.free()
    till = open_till(data_dir)  # the same till, not a new one: its sale is there
    try:
        assert _rows(till)["sales"] == 1 and _sound(till) == []
    finally:
        till.close()


def _dump(db: Path) -> list[str]:
    """The schema and every row (the header may change: opening switches it to WAL)."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize("leave", [0, 96 * 1024], ids=["no-byte-left", "no-room-for-the-copy"])
def test_an_upgrade_on_a_full_disk_leaves_no_empty_backup(tmpfs, leave):
    data_dir = tmpfs.root / "data"
    data_dir.mkdir()
    db = data_dir / DB_NAME
    shutil.copy(SCHEMA_0001, db)
    before = _dump(db)
    tmpfs.fill(leave=leave)
    try:
        with pytest.raises(DatabaseProblem) as problem:
            open_till(data_dir)
        assert problem.value.kind == "disk_full", problem.value
        left = sorted((data_dir / "backups").glob("*")) if (data_dir / "backups").exists() else []
        assert left == [], f"the failed backup left {left}"
    finally:
        tmpfs.free()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        conn.close()
    assert _dump(db) == before  # the old database as it was: nothing migrated by halves
    open_till(data_dir).close()  # with space, the upgrade runs after a good backup copy
    [copy] = backups(data_dir / "backups")
    assert copy.stat().st_size > 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    finally:
        conn.close()
