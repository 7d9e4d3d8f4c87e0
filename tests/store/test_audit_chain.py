"""The audit trail's hash chain on a real SQLite file: whoever edits the file without the key is
found out — a changed entry, a removed one, a forged one — and two processes writing at once
still make one line."""

from __future__ import annotations

import itertools
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from forsell.store import audit
from forsell.store.db import Database, open_database
from forsell.store.models import AuditEntry

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
DEVICE = "01930000-0000-7000-8000-00000000d001"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def open_db(path: Path, key: bytes | None = KEY) -> Database:
    db = open_database(path, path.parent / "backups")
    db.audit.key = (lambda _session: key) if key is not None else None
    db.audit.clock = Clock()
    return db


def write(db: Database, n: int, action: str = "login") -> None:
    for i in range(n):
        with db.write() as session:
            audit.record(session, DEVICE, action, None, attempt=i, note="Жарайсың")


def check(db: Database, key: bytes = KEY) -> audit.ChainReport:
    with db.read() as session:
        return audit.verify(session, key)


def raw(path: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def trail(tmp_path: Path):
    path = tmp_path / "cashier.sqlite"
    db = open_db(path)
    write(db, 10)
    yield db, path
    db.dispose()


def test_a_written_trail_is_intact_and_numbered_without_gaps(trail) -> None:
    db, path = trail
    report = check(db)
    assert report.intact and report.entries == 10
    conn = sqlite3.connect(path)
    seqs = [r[0] for r in conn.execute("SELECT seq FROM audit ORDER BY seq")]
    links = conn.execute("SELECT prev_hash, hash FROM audit ORDER BY seq").fetchall()
    conn.close()
    assert seqs == list(range(1, 11))
    assert links[0][0] == "" and all(links[i][0] == links[i - 1][1] for i in range(1, 10))


def test_another_key_does_not_verify(trail) -> None:
    db, _ = trail
    report = check(db, OTHER_KEY)
    assert report.broken == audit.ChainBreak("altered", 1, report.broken.at)


def test_edited_details_in_the_file_are_named(trail) -> None:
    db, path = trail
    raw(path, "UPDATE audit SET details = ? WHERE seq = 4", json.dumps({"attempt": 99}))
    report = check(db)
    assert report.broken is not None
    assert (report.broken.kind, report.broken.seq) == ("altered", 4)
    assert report.entries == 3


def test_an_edited_who_or_time_is_named_too(trail) -> None:
    db, path = trail
    raw(path, "UPDATE audit SET employee_id = 'someone-else' WHERE seq = 7")
    assert check(db).broken.seq == 7
    raw(path, "UPDATE audit SET employee_id = NULL WHERE seq = 7")
    assert check(db).intact
    raw(path, "UPDATE audit SET at = '2025-01-01 00:00:00.000000' WHERE seq = 2")
    assert (check(db).broken.kind, check(db).broken.seq) == ("altered", 2)


def test_a_resealed_entry_without_the_key_is_still_caught(trail) -> None:
    """Someone who edits an entry and recomputes its seal with another key breaks it there."""
    db, path = trail
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT seq, id, at, device_id, employee_id, action, prev_hash FROM audit WHERE seq = 5"
    ).fetchone()
    conn.close()
    at = datetime.fromisoformat(row[2]).replace(tzinfo=UTC)
    forged = {"attempt": 0}
    fields = audit.canonical(row[0], row[1], at, row[3], row[4], row[5], forged)
    raw(
        path,
        "UPDATE audit SET details = ?, hash = ? WHERE seq = 5",
        json.dumps(forged),
        audit.keyed_seal(OTHER_KEY, row[6], fields),
    )
    assert (check(db).broken.kind, check(db).broken.seq) == ("altered", 5)


def test_a_deleted_entry_is_named_by_its_number(trail) -> None:
    db, path = trail
    raw(path, "DELETE FROM audit WHERE seq = 6")
    report = check(db)
    assert (report.broken.kind, report.broken.seq) == ("removed", 6)
    assert report.entries == 5


def test_a_deleted_first_entry_is_caught(trail) -> None:
    db, path = trail
    raw(path, "DELETE FROM audit WHERE seq = 1")
    assert (check(db).broken.kind, check(db).broken.seq) == ("removed", 1)


def test_a_forged_entry_renumbered_into_the_middle_is_named_inserted(trail) -> None:
    db, path = trail
    conn = sqlite3.connect(path)
    prev = conn.execute("SELECT hash FROM audit WHERE seq = 3").fetchone()[0]
    # Make room at 4 (the unique index forbids a duplicate): every later entry moves up one.
    conn.execute("UPDATE audit SET seq = -seq WHERE seq >= 4")
    conn.execute("UPDATE audit SET seq = -seq + 1 WHERE seq < 0")
    conn.execute(
        "INSERT INTO audit (id, at, device_id, employee_id, action, details, seq, prev_hash, "
        "hash) VALUES ('forged', '2026-03-02 04:00:03.500000', ?, NULL, 'refund', '{}', 4, ?, ?)",
        (DEVICE, prev, "0" * 64),
    )
    conn.commit()
    conn.close()
    report = check(db)
    assert (report.broken.kind, report.broken.seq) == ("inserted", 4)


def test_a_forged_entry_at_the_end_is_caught(trail) -> None:
    db, path = trail
    conn = sqlite3.connect(path)
    prev = conn.execute("SELECT hash FROM audit WHERE seq = 10").fetchone()[0]
    conn.execute(
        "INSERT INTO audit (id, at, device_id, employee_id, action, details, seq, prev_hash, "
        "hash) VALUES ('forged', '2026-03-02 05:00:00.000000', ?, NULL, 'refund', '{}', 11, ?, "
        "NULL)",
        (DEVICE, prev),
    )
    conn.commit()
    conn.close()
    report = check(db)
    assert (report.broken.kind, report.broken.seq) == ("unsealed", 11)


def test_entries_without_the_key_are_covered_by_a_checkpoint_once_it_is_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cashier.sqlite"
    db = open_db(path)
    write(db, 3)
    db.audit.key = lambda _session: None  # the secret store is out of reach for a while
    write(db, 2, "refund")
    assert check(db).broken == audit.ChainBreak("unsealed", 4, check(db).broken.at)
    db.audit.key = lambda _session: KEY
    write(db, 1, "logout")
    report = check(db)
    assert report.intact and report.entries == 7
    assert [(c.reason, c.count) for c in report.checkpoints] == [("unsealed", 2)]
    # A covered entry is still protected: rewriting it (and its plain link) is found.
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT seq, id, at, device_id, employee_id, action, prev_hash FROM audit WHERE seq = 5"
    ).fetchone()
    conn.close()
    at = datetime.fromisoformat(row[2]).replace(tzinfo=UTC)
    fields = audit.canonical(row[0], row[1], at, row[3], row[4], row[5], {"attempt": 42})
    raw(
        path,
        "UPDATE audit SET details = ?, hash = ? WHERE seq = 5",
        json.dumps({"attempt": 42}),
        audit.plain_seal(row[6], fields),
    )
    assert (check(db).broken.kind, check(db).broken.seq) == ("altered", 5)
    db.dispose()


def test_purge_checkpoint_is_the_new_start_of_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "cashier.sqlite"
    db = open_db(path)
    write(db, 6)
    with db.read() as session:
        cutoff = session.scalar(select(AuditEntry.at).where(AuditEntry.seq == 5))
    with db.write() as session:
        assert audit.purge_before(session, KEY, DEVICE, cutoff) == 4
    report = check(db)
    assert report.intact and report.first_seq == 5 and report.entries == 3
    assert [c.reason for c in report.checkpoints] == ["purge"]
    # Removing the checkpoint (to hide the purge) leaves entries 1-4 missing.
    raw(path, "DELETE FROM audit WHERE action = ?", audit.CHECKPOINT)
    assert (check(db).broken.kind, check(db).broken.seq) == ("removed", 1)
    db.dispose()


CHILD = """
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from sqlalchemy import select

from forsell.store import audit
from forsell.store.models import AuditEntry
from forsell.store.db import open_database
path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
db = open_database(path, path.parent / "backups")
db.audit.key = lambda _s: bytes(range(32))
print("ready", flush=True)
sys.stdin.readline()
for i in range(count):
    with db.write() as session:
        audit.record(session, "d", "login", None, who=name, i=i)
    time.sleep(0.001)  # leave the other writer a turn
db.dispose()
"""


def _two_writers(path: Path, count: int) -> list[str]:
    """Two processes write ``count`` entries each into ``path`` at once; the chain must hold.
    Returns who wrote each entry, in chain order."""
    open_db(path).dispose()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), name, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("app", "cli")
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    for child in children:  # both start together
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        assert child.wait(timeout=120) == 0
    db = open_db(path)
    report = check(db)
    db.dispose()
    assert report.intact and report.entries == 2 * count
    conn = sqlite3.connect(path)
    writers = [json.loads(r[0])["who"] for r in conn.execute("SELECT details FROM audit")]
    conn.close()
    assert writers.count("app") == count and writers.count("cli") == count
    return writers


def test_two_processes_writing_at_once_make_one_unbroken_chain(tmp_path: Path) -> None:
    # The chain is checked on every try; a try only counts when the two really interleaved
    # (not one process after the other, which a loaded machine can cause by scheduling alone).
    for attempt in range(5):
        writers = _two_writers(tmp_path / f"cashier-{attempt}.sqlite", 150)
        switches = sum(1 for a, b in itertools.pairwise(writers) if a != b)
        if switches > 1:
            break
    assert switches > 1, "the two writers never interleaved in five tries"


def test_a_purge_of_every_entry_keeps_the_numbering_going(tmp_path: Path) -> None:
    path = tmp_path / "cashier.sqlite"
    db = open_db(path)
    write(db, 4)
    with db.write() as session:
        assert audit.purge_before(session, KEY, DEVICE, datetime(2030, 1, 1, tzinfo=UTC)) == 4
    write(db, 1, "logout")
    report = check(db)
    assert report.intact and (report.first_seq, report.last_seq) == (5, 6)
    db.dispose()
