"""What must hold in a till's data folder after any crash or fault, read from the real files.

Each check returns a list of problems (empty: it holds), so that a test can say everything that
is wrong at once, and the SIGKILL loop can say after which kill it went wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

#: Every outbox kind the till writes for a business row, and the rows that must have exactly one.
OUTBOX_KINDS = {
    "sale": "SELECT id FROM sales",
    "sale_voided": "SELECT id FROM sales WHERE voided_at IS NOT NULL",
    "refund": "SELECT id FROM refunds",
    "cash_movement": "SELECT id FROM cash_movements",
    "shift_opened": "SELECT id FROM shifts",
    "shift_closed": "SELECT id FROM shifts WHERE closed_at IS NOT NULL",
    "audit": "SELECT id FROM audit",
    # a recording goes to transcription when sealed with speech, or sealed by the recovery
    # after a crash with at least a second of audio
    "recording": "SELECT id FROM recordings WHERE status = 'queued' "
    "OR (status = 'interrupted' AND duration_ms >= 1000)",
}

#: Container headers of plain audio (8 bytes each, so random ciphertext never matches by chance).
PLAIN_AUDIO = (b"OpusHead", b"OpusTags", b"WAVEfmt ", b"fLaC\x00\x00\x00\x22")


def integrity(path: Path) -> list[str]:
    """SQLite's own full check of the database file (its WAL included)."""
    conn = sqlite3.connect(path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:  # too damaged for the check to finish
        rows = [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else [f"{path.name}: integrity_check: {rows[:5]}"]


def _gapless(numbers: list[int], what: str) -> list[str]:
    expected = list(range(1, len(numbers) + 1))
    if numbers == expected:
        return []
    missing = sorted(set(expected) - set(numbers))
    doubled = sorted({n for n in numbers if numbers.count(n) > 1})
    return [
        f"{what} not gapless: missing {missing[:10]}, doubled {doubled[:10]}, got {numbers[-5:]}"
    ]


def numbering(conn: sqlite3.Connection) -> list[str]:
    """Receipt numbers 1..n per device, Z numbers 1..m per device, at most one open shift."""
    problems = []
    for (device,) in conn.execute("SELECT DISTINCT device_id FROM sales"):
        numbers = [
            r[0]
            for r in conn.execute(
                "SELECT receipt_no FROM sales WHERE device_id = ? ORDER BY receipt_no", (device,)
            )
        ]
        problems += _gapless(numbers, "receipt numbers")
    for (device,) in conn.execute("SELECT DISTINCT device_id FROM shifts"):
        z = [
            r[0]
            for r in conn.execute(
                "SELECT z_number FROM shifts WHERE device_id = ? AND closed_at IS NOT NULL "
                "ORDER BY z_number",
                (device,),
            )
        ]
        problems += _gapless(z, "Z numbers")
        open_now = conn.execute(
            "SELECT count(*) FROM shifts WHERE device_id = ? AND closed_at IS NULL", (device,)
        ).fetchone()[0]
        if open_now > 1:
            problems.append(f"{open_now} shifts open at once")
    return problems


def outbox(conn: sqlite3.Connection) -> list[str]:
    """Every business row has its outbox row exactly once, and no outbox row lacks its row."""
    problems = []
    for kind, entity_sql in OUTBOX_KINDS.items():
        entities = {r[0] for r in conn.execute(entity_sql)}
        jobs: dict[str, int] = {}
        for (entity_id,) in conn.execute("SELECT entity_id FROM outbox WHERE kind = ?", (kind,)):
            jobs[entity_id] = jobs.get(entity_id, 0) + 1
        doubled = [e for e, n in jobs.items() if n > 1]
        missing = entities - set(jobs)
        orphan = set(jobs) - entities
        if doubled:
            problems.append(f"outbox {kind}: {len(doubled)} row(s) twice, e.g. {doubled[0]}")
        if missing:
            problems.append(f"outbox {kind}: {len(missing)} row(s) missing, e.g. {min(missing)}")
        if orphan:
            problems.append(f"outbox {kind}: {len(orphan)} job(s) without their row")
    return problems


def plain_audio(folders: Iterable[Path]) -> list[str]:
    """Files under ``folders`` holding a plain audio container header (never allowed)."""
    problems = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            for header in PLAIN_AUDIO:
                if header in data:
                    problems.append(f"plain audio ({header!r}) in {path}")
    return problems


def counts(conn: sqlite3.Connection, *tables: str) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
