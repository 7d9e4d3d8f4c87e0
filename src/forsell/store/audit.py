"""The audit trail: logins, overrides, voids, refunds, removed lines, exports — as a hash chain.

Each entry has a sequence number (1, 2, 3, … without gaps) and is sealed with an HMAC-SHA256,
under the till's audit key, over the previous entry's seal and its own canonical fields
(sequence number, id, time, device, who, action, details). The key lives in the OS secret store
only, so whoever holds just the database file (a copied file, a backup) can edit a row but cannot
seal it again: ``verify`` names the first entry whose seal does not match, the first missing
sequence number, or an entry that sits between two entries sealed to each other.

Two kinds of entry are sealed without the key: the entries written before the chain existed
(migration 0017 numbered them) and entries written while the secret store was out of reach. They
are linked to each other by a plain SHA-256 (``"u:" + hex``), and the first writer that has the
key closes the run with a *checkpoint* entry, itself sealed with the key: changing a covered
entry breaks the plain links up to the checkpoint, whose own seal nobody can redo.

Retention removes the oldest entries as a run from the start; a ``purge`` checkpoint, sealed with
the key, records the last removed entry's number and seal, and ``verify`` starts from there.

What the chain cannot show by itself: the newest entries removed from the end (the trail is then
shorter, but intact). Every entry also goes to the analytics backend through the outbox with its
number and seal, which is the witness of how long the trail was.

Concurrency: a new entry reads the last one and appends after it inside the caller's write
transaction, which ``Database.write`` opens with ``BEGIN IMMEDIATE``; the unique index on
``seq`` makes a writer that did not turn a later insert into an error instead of a fork.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from forsell.domain.ids import new_id

from .db import AuditHooks
from .models import AuditEntry, utcnow
from .outbox import enqueue

#: The action of a checkpoint entry (its ``details["reason"]``: genesis, unsealed, purge).
CHECKPOINT = "audit.checkpoint"
#: The prefix of a seal made without the key (a plain SHA-256, covered by a later checkpoint).
UNKEYED = "u:"


def _hooks(session: Session) -> AuditHooks | None:
    hooks = session.info.get("audit")
    return hooks if isinstance(hooks, AuditHooks) else None


def canonical_time(at: datetime) -> str:
    """A time as the chain seals it: UTC, microseconds, ``Z``."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_time = canonical_time


def canonical(
    seq: int,
    entry_id: str,
    at: datetime,
    device_id: str,
    employee_id: str | None,
    action: str,
    details: object,
) -> bytes:
    """The bytes an entry's seal covers (details as stored: JSON with sorted keys)."""
    return _canonical([seq, entry_id, _time(at), device_id, employee_id, action, details])


def _canonical(fields: list[object]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _fields(entry: Any) -> bytes:
    assert entry.seq is not None
    return canonical(
        entry.seq,
        entry.id,
        entry.at,
        entry.device_id,
        entry.employee_id,
        entry.action,
        entry.details,
    )


def keyed_seal(key: bytes, prev_hash: str, fields: bytes) -> str:
    """HMAC-SHA256 (hex) of the previous seal and an entry's canonical fields."""
    return hmac.new(key, prev_hash.encode() + b"\n" + fields, hashlib.sha256).hexdigest()


def plain_seal(prev_hash: str, fields: bytes) -> str:
    """The keyless link of an entry a checkpoint covers: ``"u:"`` + SHA-256 (hex)."""
    return UNKEYED + hashlib.sha256(prev_hash.encode() + b"\n" + fields).hexdigest()


def _tail(session: Session) -> tuple[int, str | None]:
    """(seq, hash) of the newest entry; (0, "") when the trail is empty."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash)
        .where(AuditEntry.seq.is_not(None))
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    if row is None:
        return 0, ""
    return int(row.seq), row.hash


def unsealed_at_end(session: Session) -> bool:
    """Whether the newest entry waits for a seal (written without the key)."""
    seq, last_hash = _tail(session)
    return seq > 0 and last_hash is None


def _append(
    session: Session,
    key: bytes | None,
    at: datetime,
    device_id: str,
    action: str,
    employee_id: str | None,
    details: dict[str, object],
    tail: tuple[int, str | None] | None = None,
) -> AuditEntry:
    seq, prev = tail if tail is not None else _tail(session)
    # Sealed over the details as they will read back from the JSON column (tuples are lists).
    stored = json.loads(json.dumps(details))
    entry = AuditEntry(
        id=new_id(),
        at=at,
        device_id=device_id,
        action=action,
        employee_id=employee_id,
        details=stored,
        seq=seq + 1,
    )
    if key is not None and prev is not None:
        entry.prev_hash = prev
        entry.hash = keyed_seal(key, prev, _fields(entry))
    session.add(entry)
    session.flush()
    enqueue(
        session,
        "audit",
        entry.id,
        {
            "id": entry.id,
            "at": entry.at.isoformat(),
            "device_id": device_id,
            "employee_id": employee_id,
            "action": action,
            "details": stored,
            "seq": entry.seq,
            "hash": entry.hash,
            # The backend checks that each entry continues the chain it holds.
            "prev_hash": entry.prev_hash,
        },
    )
    return entry


def _now(hooks: AuditHooks | None) -> datetime:
    return hooks.clock() if hooks is not None else utcnow()


def _key(session: Session, hooks: AuditHooks | None) -> bytes | None:
    return hooks.key(session) if hooks is not None and hooks.key is not None else None


def record(
    session: Session, device_id: str, action: str, employee_id: str | None, **details: object
) -> None:
    """Adds an audit entry (and its outbox row) to the caller's transaction, sealed to the chain.

    ``details`` must not carry PINs, keys or customers' personal data. Without the audit key
    (no secret store reachable, or a database opened without a till's context) the entry is
    written with its number but unsealed; the next writer with the key seals it under a
    checkpoint.
    """
    hooks = _hooks(session)
    key = _key(session, hooks)
    at = _now(hooks)
    if key is not None:
        seal_unsealed(session, key, device_id, at)
    _append(session, key, at, device_id, action, employee_id, dict(details))


def seal_unsealed(session: Session, key: bytes, device_id: str, at: datetime) -> int:
    """Links the unsealed entries at the end of the trail with plain SHA-256 and closes the run
    with a checkpoint sealed with ``key``; returns how many entries it covered (0: none).

    Entries written before the chain existed get a "genesis" checkpoint; entries written while
    the key was out of reach an "unsealed" one. Only the run after the newest sealed entry is
    taken: an unsealed entry in the middle of the trail stays as it is, for ``verify`` to name.
    """
    last_sealed = session.scalar(
        select(func.max(AuditEntry.seq)).where(AuditEntry.hash.is_not(None))
    )
    floor = last_sealed or 0
    run = list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.hash.is_(None), AuditEntry.seq > floor)
            .order_by(AuditEntry.seq)
        )
    )
    if not run:
        return 0
    prev = ""
    if last_sealed is not None:
        prev = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last_sealed)) or ""
    reason = "genesis" if prev == "" else "unsealed"
    for entry in run:
        entry.prev_hash = prev
        entry.hash = plain_seal(prev, _fields(entry))
        prev = entry.hash
    session.flush()
    assert run[0].seq is not None and run[-1].seq is not None
    _append(
        session,
        key,
        at,
        device_id,
        CHECKPOINT,
        None,
        {"reason": reason, "from_seq": run[0].seq, "to_seq": run[-1].seq, "count": len(run)},
    )
    return len(run)


def purge_before(session: Session, key: bytes, device_id: str, cutoff: datetime) -> int:
    """Removes the oldest entries written before ``cutoff``, as one run from the start of the
    trail (an older entry behind a newer one waits for it), and appends a "purge" checkpoint
    sealed with ``key`` that records the last removed entry's number and seal, from which
    ``verify`` starts. Returns how many entries were removed."""
    at = _now(_hooks(session))
    seal_unsealed(session, key, device_id, at)
    first_kept = session.scalar(select(func.min(AuditEntry.seq)).where(AuditEntry.at >= cutoff))
    if first_kept is None:
        last = session.scalar(select(func.max(AuditEntry.seq)))
    else:
        last = first_kept - 1
    if not last:
        return 0
    last_hash = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last))
    if last_hash is None:
        return 0
    # Numbering goes on after the newest entry even when every entry was removed.
    tail = _tail(session)
    removed = _count(session.execute(delete(AuditEntry).where(AuditEntry.seq <= last)))
    if removed == 0:
        return 0
    _append(
        session,
        key,
        at,
        device_id,
        CHECKPOINT,
        None,
        {
            "reason": "purge",
            "last_seq": last,
            "last_hash": last_hash,
            "count": removed,
            "before": _time(cutoff),
        },
        tail,
    )
    return removed


# --- verification ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold. ``kind``: altered (the entry does not match its
    seal: changed, or entries before it were renumbered), removed (``seq`` is missing; ``at`` is
    the time of the entry after the gap), inserted (an entry between two entries sealed to each
    other), unsealed (an entry no seal and no checkpoint covers)."""

    kind: str
    seq: int
    at: datetime | None


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint in the trail: why (genesis, unsealed, purge), when, and how many entries."""

    seq: int
    at: datetime | None
    reason: str
    count: int


@dataclass(frozen=True)
class ChainReport:
    """What ``verify`` found: ``entries`` walked (from ``first_seq``), the first break if any."""

    entries: int
    first_seq: int | None
    last_seq: int | None
    broken: ChainBreak | None
    checkpoints: tuple[Checkpoint, ...]

    @property
    def intact(self) -> bool:
        return self.broken is None


class _Row(NamedTuple):
    """An entry as SQLite stores it: the walk reads a million of them, so no mapped objects
    and no type conversion; ``at`` is the stored text (naive UTC, microseconds), ``details``
    the stored JSON text."""

    seq: int
    id: str
    at: str
    device_id: str
    employee_id: str | None
    action: str
    details: str | None
    prev_hash: str | None
    hash: str | None

    def fields(self) -> bytes:
        """The canonical fields, byte for byte what ``canonical`` made when it was sealed (the
        stored time text is the sealed time without its "T" and "Z")."""
        try:
            details = json.loads(self.details) if self.details is not None else None
            when = self.at.replace(" ", "T") + "Z"
        except (ValueError, AttributeError, TypeError):
            return b"unreadable"  # a value no till wrote: its seal cannot match
        return _canonical(
            [self.seq, self.id, when, self.device_id, self.employee_id, self.action, details]
        )

    def when(self) -> datetime | None:
        """The entry's time, to name it in a report."""
        try:
            return datetime.fromisoformat(str(self.at)).replace(tzinfo=UTC)
        except ValueError:
            return None


_SELECT = "SELECT seq, id, at, device_id, employee_id, action, details, prev_hash, hash FROM audit"


def _rows(session: Session, where: str, *params: object) -> Iterator[_Row]:
    cursor = session.connection().exec_driver_sql(f"{_SELECT} WHERE {where}", params)
    while batch := cursor.fetchmany(5000):
        for raw in batch:
            yield _Row(*raw)


def _row_sealed(key: bytes, row: _Row) -> bool:
    if row.hash is None or row.prev_hash is None:
        return False
    return hmac.compare_digest(keyed_seal(key, row.prev_hash, row.fields()), row.hash)


def verify(session: Session, key: bytes) -> ChainReport:
    """Walks the whole trail and checks every seal and link with ``key``.

    The walk starts after the newest purge checkpoint whose own seal holds (or at 1); an
    entry with a keyless seal is accepted only below a genesis/unsealed checkpoint that holds.
    """
    marks = [r for r in _rows(session, "action = ?", CHECKPOINT) if _row_sealed(key, r)]
    floor, prev = 0, ""
    covered = 0
    checkpoints = []
    for mark in sorted(marks, key=lambda m: m.seq):
        d = json.loads(mark.details or "{}")
        reason = str(d.get("reason"))
        checkpoints.append(Checkpoint(mark.seq, mark.when(), reason, int(d.get("count", 0))))
        if reason == "purge" and int(d.get("last_seq", 0)) > floor:
            floor, prev = int(d["last_seq"]), str(d.get("last_hash", ""))
        elif reason in ("genesis", "unsealed"):
            covered = max(covered, int(d.get("to_seq", 0)))
    expected = floor + 1
    walked = 0
    first: int | None = None
    last: _Row | None = None
    marks_found = tuple(checkpoints)
    rows = _rows(session, "seq > ? ORDER BY seq", floor)
    entry = next(rows, None)
    while entry is not None:
        following = next(rows, None)
        broken = _check(key, entry, following, expected, prev, last, covered)
        if broken is not None:
            return ChainReport(walked, first, last.seq if last else None, broken, marks_found)
        walked += 1
        first = entry.seq if first is None else first
        assert entry.hash is not None
        expected, prev, last = entry.seq + 1, entry.hash, entry
        entry = following
    return ChainReport(walked, first, last.seq if last else None, None, marks_found)


def _check(
    key: bytes,
    entry: _Row,
    following: _Row | None,
    expected: int,
    prev: str,
    before: _Row | None,
    covered: int,
) -> ChainBreak | None:
    seq = entry.seq
    if seq > expected:
        return ChainBreak("removed", expected, entry.when())
    if seq < expected:
        return ChainBreak("inserted", seq, entry.when())
    if entry.hash is None or entry.prev_hash is None:
        return ChainBreak("unsealed", seq, entry.when())
    # Sitting between two entries that are linked to each other: inserted.
    between = following is not None and following.prev_hash == prev
    if entry.hash.startswith(UNKEYED):
        own = seq <= covered and hmac.compare_digest(
            plain_seal(entry.prev_hash, entry.fields()), entry.hash
        )
    else:
        own = _row_sealed(key, entry)
    if entry.prev_hash != prev:
        if own and before is not None and (before.hash or "").startswith(UNKEYED):
            # A covered entry can be rewritten with a fresh plain link; the one after it then
            # no longer links to it: the earlier one was changed.
            return ChainBreak("altered", before.seq, before.when())
        return ChainBreak("inserted" if between else "altered", seq, entry.when())
    if not own:
        return ChainBreak("inserted" if between else "altered", seq, entry.when())
    return None


def count_entries(session: Session) -> int:
    """How many entries the trail holds now."""
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _count(result: Any) -> int:
    """Rows a DELETE or UPDATE touched (its result is a CursorResult, which carries the count)."""
    return int(cast(CursorResult[Any], result).rowcount or 0)
