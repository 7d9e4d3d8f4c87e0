"""A data subject's destruction (policy clause 6.3) applied to the copies in ``backups/``.

A copy is taken before each schema migration and the last five are kept, possibly for years.
The recordings in them are unreadable once their keys are gone, but a name, a score or a PIN
hash in clear would outlive the destruction; so each copy gets the same deletions and the
pseudonym, and is rewritten (VACUUM) so that no free page keeps the old bytes.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def clean_copy(
    path: Path,
    tables: tuple[str, ...],
    recordings: list[str],
    employee_id: str | None,
    alias: str | None,
) -> None:
    """One backup copy: the recordings' derived rows deleted, the employee pseudonymised,
    then rewritten. A table an older schema lacks is skipped."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA secure_delete=ON")
        con.execute("BEGIN IMMEDIATE")
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in (t for t in tables if t in present):
            for page in _pages(recordings):
                marks = ", ".join("?" * len(page))
                con.execute(f'DELETE FROM "{table}" WHERE recording_id IN ({marks})', page)
        if employee_id and alias and "employees" in present:
            row = con.execute(
                "SELECT name, length(pin_hash), length(pin_salt) FROM employees WHERE id = ?",
                (employee_id,),
            ).fetchone()
            if row is not None:
                name, hash_len, salt_len = row
                con.execute(
                    "UPDATE employees SET name = ?, pin_hash = ?, pin_salt = ?, active = 0 "
                    "WHERE id = ?",
                    (alias, os.urandom(hash_len or 32), os.urandom(salt_len or 16), employee_id),
                )
                if "privacy_requests" in present:
                    _pseudonymise_copy_requests(con, employee_id, name, alias)
        con.execute("COMMIT")
        con.execute("VACUUM")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def _pseudonymise_copy_requests(
    con: sqlite3.Connection, employee_id: str, name: str, alias: str
) -> None:
    wanted = " ".join(name.casefold().split())
    rows = con.execute("SELECT id, requester, subject, note FROM privacy_requests").fetchall()
    for rid, requester, subject, note in rows:
        said = json.loads(subject or "{}").get("employee")
        about = isinstance(said, str) and " ".join(said.casefold().split()) == wanted
        by = " ".join((requester or "").casefold().split()) == wanted
        con.execute(
            "UPDATE privacy_requests SET requester = ?, subject = ?, note = ? WHERE id = ?",
            (
                alias if by else (requester or "").replace(name, alias),
                json.dumps({"employee": employee_id}) if about else subject,
                (note or "").replace(name, alias),
                rid,
            ),
        )


def _pages(values: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]
