"""A payment on a database that cannot write: the cashier is told plainly that the sale was NOT
recorded (and why, in their language), the cart stays, nothing is half-written; an exception
nobody expected is logged and shown, never swallowed.

The faults are real: the till's data folder sits on a small tmpfs that the test fills to the
last byte (root mounts it, as CI runs), so SQLite meets ENOSPC growing its WAL exactly as on a
full disk; ``PRAGMA query_only`` answers SQLITE_READONLY as a read-only file does.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event, func, select

from forsell.domain.errors import StorageFault
from forsell.services.app import Till, open_till
from forsell.store.db import Database, storage_fault
from forsell.store.models import OutboxJob, Sale
from forsell.ui import error_hook
from forsell.ui.payment_dialog import PaymentDialog
from full_disk import fill_to_the_last_byte

from .conftest import find, modal
from .test_payment_receipt import selling as selling  # the fixture these tests pay in

pytestmark = pytest.mark.usefixtures("selling")


def _pragma_on_every_connection(db: Database, pragma: str) -> None:
    """Applies ``pragma`` to every connection from now on (the pool is emptied first)."""
    event.listen(db.engine, "connect", lambda conn, _record: conn.execute(pragma))
    db.engine.dispose()


def _fill_pages(db: Database) -> None:
    """No page may be added to the database file any more (SQLite answers SQLITE_FULL)."""
    with db.read() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
    _pragma_on_every_connection(db, f"PRAGMA max_page_count={pages}")


@pytest.fixture(scope="session")
def small_disks(tmp_path_factory) -> Iterator[list[Path]]:
    """Mount points of the small disks made during the session, unmounted at its end: windows
    that qtbot deletes only after a test may still read their database until then."""
    mounted: list[Path] = []
    yield mounted
    # Windows of these tests may still have events queued (a language change reads the
    # database): let them run and the windows go while the disks are still there.
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    for disk in mounted:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.fixture
def till(tmp_path: Path, small_disks: list[Path]) -> Iterator[Till]:
    """The till's data folder on a 32 MB tmpfs of its own, so that the disk can really fill."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        message = f"a small disk for the full-disk test needs mount (root): {mounted.stderr}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    small_disks.append(disk)
    opened = open_till(disk / "data")
    yield opened
    opened.close()


def _fill_disk(db: Database) -> Path:
    """Writes zeros until the disk says ENOSPC; returns the file to delete to free it."""
    raw = db.engine.raw_connection()  # outside any transaction: the WAL is emptied, so the
    try:  # next write must grow it
        busy, _frames, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
    finally:
        raw.close()
    filler = db.path.parent / "filler"
    fill_to_the_last_byte(filler)
    return filler


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Sale)),
            session.scalar(select(func.count()).select_from(OutboxJob)),
        )


def _open_payment(qtbot, window) -> PaymentDialog:
    qtbot.mouseClick(find(window, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    qtbot.keyClicks(dialog.tendered, "10000")
    return dialog


def _pay(qtbot, dialog: PaymentDialog) -> None:
    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_full_disk_at_payment_says_not_recorded_and_keeps_the_cart(qtbot, selling, till, lang):
    selling.languages.switch(lang)
    try:
        before = _counts(till.ctx.db)
        dialog = _open_payment(qtbot, selling)
        filler = _fill_disk(till.ctx.db)
        _pay(qtbot, dialog)
        assert dialog.isVisible()  # the cashier is still in the payment, with the amounts
        text = dialog.error.text()
        expected = {
            "ru": ("Продажа НЕ записана", "Диск кассы заполнен"),
            "kk": ("Сату ЖАЗЫЛҒАН ЖОҚ", "дискі толып қалды"),
            "en": ("NOT recorded", "disk of this till is full"),
        }[lang]
        assert all(part in text for part in expected), text
        # the whole refusal is on screen: the dialog grew instead of clipping it (Kazakh: 5 lines)
        label = dialog.error
        assert label.height() >= label.heightForWidth(label.width()), (lang, label.height())
        assert label.mapTo(dialog, label.rect().bottomLeft()).y() <= dialog.height()
        assert _counts(till.ctx.db) == before  # no sale and no outbox row half-written
        assert len(dialog.sale.cart.lines) == 2  # the cart is kept for another try

        # Space freed: the same dialog pays, and the sale is there once.
        filler.unlink()
        _pay(qtbot, dialog)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert _counts(till.ctx.db)[0] == before[0] + 1
        QApplication.activeModalWidget().reject()  # the receipt
    finally:
        selling.languages.switch("ru")


def test_read_only_database_is_named_as_such(qtbot, selling, till):
    selling.languages.switch("ru")
    dialog = _open_payment(qtbot, selling)
    _pragma_on_every_connection(till.ctx.db, "PRAGMA query_only=ON")
    _pay(qtbot, dialog)
    assert dialog.isVisible()
    assert (
        "Продажа НЕ записана" in dialog.error.text() and "только для чтения" in dialog.error.text()
    )
    dialog.reject()


def test_an_unexpected_error_is_logged_and_said(qtbot, selling, till, monkeypatch, caplog):
    selling.languages.switch("ru")

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("a bug nobody foresaw")

    dialog = _open_payment(qtbot, selling)
    monkeypatch.setattr(dialog.sale, "pay", broken)
    with caplog.at_level(logging.ERROR, logger="forsell"):
        _pay(qtbot, dialog)
    assert dialog.isVisible() and "Продажа НЕ записана" in dialog.error.text()
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    dialog.reject()


def test_storage_faults_are_told_apart_by_sqlite_code(tmp_path):
    """A full disk is not "damaged" (the message SQLite gives for it mentions both)."""
    db = Database(tmp_path / "x.sqlite")
    with db.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE t (x BLOB)")
    _fill_pages(db)
    with pytest.raises(StorageFault) as caught, db.write() as session:
        session.connection().exec_driver_sql("INSERT INTO t VALUES (zeroblob(100000))")
    assert caught.value.kind == "disk_full" and caught.value.key == "storage.disk_full"

    import sqlite3

    damaged = sqlite3.DatabaseError("file is not a database")
    damaged.sqlite_errorcode = 26
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = 5
    constraint = sqlite3.IntegrityError("UNIQUE constraint failed")
    constraint.sqlite_errorcode = 2067  # SQLITE_CONSTRAINT_UNIQUE: a rule, not the storage
    assert [storage_fault(e) for e in (damaged, busy, constraint)] == ["damaged", "locked", None]


@pytest.mark.qt_no_exception_capture
def test_the_global_hook_logs_and_shows_an_escaped_exception(qtbot, tmp_path, caplog):
    import sys
    import threading

    saved = sys.excepthook, threading.excepthook
    try:
        reporter = error_hook.install(tmp_path / "logs")
        seen: list[str] = []

        def close_box() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                seen.append(box.text())
                box.accept()

        def slot_that_fails() -> None:
            QTimer.singleShot(50, close_box)
            raise KeyError("escaped from a slot")

        with caplog.at_level(logging.CRITICAL, logger="forsell.unexpected"):
            QTimer.singleShot(0, slot_that_fails)
            qtbot.waitUntil(lambda: reporter.shown == 1, timeout=5000)
            qtbot.waitUntil(lambda: bool(seen), timeout=5000)
            worker = threading.Thread(target=lambda: 1 / 0)
            QTimer.singleShot(50, close_box)
            worker.start()
            worker.join()
            qtbot.waitUntil(lambda: reporter.shown == 2, timeout=5000)
        kinds = [r.exc_info[0] for r in caplog.records if r.exc_info]
        assert kinds == [KeyError, ZeroDivisionError]
        assert "KeyError" in seen[0] and str(tmp_path / "logs") in seen[0]
    finally:
        sys.excepthook, threading.excepthook = saved
