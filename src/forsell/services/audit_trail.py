"""The audit trail as the till uses it: its key, the check of its chain, and reading it.

The chain itself (seals, checkpoints, the walk) is ``store/audit.py``; this module brings the
audit key from the OS secret store (created on first use, like the key-encryption key), the
check that ``audit verify`` and ``doctor`` run, and the filtered, paged reading and CSV export
of the audit screen.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from forsell.domain.roles import Role
from forsell.domain.spreadsheet import ENCODING, sheet_format
from forsell.store import audit
from forsell.store.audit import ChainReport
from forsell.store.models import AuditEntry, Employee
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from . import settings as st
from .access import internal, requires

if TYPE_CHECKING:
    from .auth import EmployeeView
    from .context import TillContext

log = logging.getLogger(__name__)

__all__ = [
    "AuditKeeper",
    "AuditKeyMissing",
    "AuditTrail",
    "ChainReport",
    "SecretStoreUnavailable",
    "summary",
    "verify_trail",
]


class AuditKeyMissing(Exception):
    """Entries sealed with an audit key exist, and the secret store holds no audit key: the
    chain cannot be checked (restore this till's secret-store entry from its backup)."""


def _sealed_with_a_key(session: Session) -> bool:
    found = session.scalar(
        select(AuditEntry.seq)
        .where(AuditEntry.hash.is_not(None), AuditEntry.hash.not_like(f"{audit.UNKEYED}%"))
        .limit(1)
    )
    return found is not None


@internal
class AuditKeeper:
    """The audit key of one till: read once from the secret store, then kept in memory.

    ``key`` is the hook ``audit.record`` calls (through ``Database.audit``) and never raises:
    without a reachable store, or with the key lost while sealed entries exist, it returns None
    and the entry is written unsealed (the till keeps selling; ``doctor`` says why). A new key
    is made only while no entry has been sealed with one — a new key beside entries sealed with
    a lost one would make the whole trail look forged.
    """

    def __init__(self, ctx: TillContext, keyring_backend: Any = None) -> None:
        self.ctx = ctx
        self.keyring_backend = keyring_backend
        self._key: bytes | None = None
        self._lock = threading.Lock()
        self._warned = False

    def store(self) -> SecretStore:
        """This till's entries in the OS secret store."""
        return SecretStore(self.ctx.device_id, self.keyring_backend)

    def key(self, session: Session) -> bytes | None:
        """The audit key, created now if no entry was ever sealed with one; None when the
        store is out of reach or lost the key (logged once)."""
        with self._lock:
            if self._key is not None:
                return self._key
            store = self.store()
            try:
                key = store.audit_key()
                if key is None:
                    if _sealed_with_a_key(session):
                        self._warn("the secret store holds no audit key; entries stay unsealed")
                        return None
                    key = store.new_audit_key()
            except SecretStoreUnavailable as problem:
                self._warn(f"the secret store is unavailable ({problem.kind}); entry unsealed")
                return None
            self._key = key
            return key

    def existing_key(self) -> bytes | None:
        """The key as the store holds it now (never created). Raises SecretStoreUnavailable."""
        return self.store().audit_key()

    def _warn(self, text: str) -> None:
        if not self._warned:
            log.error("audit trail: %s", text)
            self._warned = True

    def seal_now(self) -> int:
        """Seals what was written unsealed (the entries from before the chain, at the first
        start after the upgrade) under a checkpoint; returns how many (0 without a key).

        A start with a sealed trail costs one indexed read (no secret-store round trip)."""
        with self.ctx.db.read() as session:
            if not audit.unsealed_at_end(session):
                return 0
        with self.ctx.db.write() as session:
            key = self.key(session)
            if key is None:
                return 0
            return audit.seal_unsealed(session, key, self.ctx.device_id, self.ctx.clock())


def verify_trail(ctx: TillContext) -> ChainReport:
    """Walks the whole audit trail with the key from the secret store (read-only).

    Raises AuditKeyMissing when sealed entries exist and the store holds no audit key, and
    SecretStoreUnavailable when the store cannot be asked.
    """
    key = ctx.audit.existing_key()
    with ctx.db.read() as session:
        if key is None:
            if _sealed_with_a_key(session):
                raise AuditKeyMissing("the secret store holds no audit key for this till")
            # Nothing sealed with a key yet: every entry must be covered by nothing, so the
            # walk reports the first one as unsealed (an empty trail is intact).
            key = b""
        return audit.verify(session, key)


def summary(report: ChainReport) -> str:
    """The one line ``audit verify`` and ``doctor`` print about the chain (English, as the
    rest of their output): the first break names the entry by number and time only."""
    broken = report.broken
    if broken is None:
        start = f" (from entry {report.first_seq})" if (report.first_seq or 1) > 1 else ""
        return f"{report.entries} entries, chain intact{start}"
    when = broken.at.strftime("%Y-%m-%d %H:%M:%S UTC") if broken.at else "an unknown time"
    what = {
        "altered": f"entry {broken.seq} ({when}) does not match its seal: it was altered "
        "(or entries before it were renumbered)",
        "removed": f"entry {broken.seq} was removed (the next entry is from {when})",
        "inserted": f"entry {broken.seq} ({when}) was inserted between two sealed entries",
        "unsealed": f"entry {broken.seq} ({when}) has no seal and no checkpoint covers it",
    }[broken.kind]
    return f"chain broken: {what}; the {report.entries} entries before it are intact"


# --- reading the trail (the audit screen) ----------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show: by who, by action, by local dates (both ends included)."""

    employee_id: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditLine:
    """One entry as the screen shows it (time in UTC; the screen shows local time)."""

    seq: int
    at: datetime
    employee_id: str | None
    who: str
    action: str
    details: str


@dataclass(frozen=True)
class AuditPage:
    """A page of entries, newest first; ``next_before`` continues after the last one."""

    lines: tuple[AuditLine, ...]
    next_before: int | None


PAGE_SIZE = 100
#: CSV columns, in order (the header row; the screen passes them translated).
CSV_COLUMNS = ("seq", "time_utc", "employee_id", "employee", "action", "details")
#: A PDF is read by a person: more entries than this go to the CSV (the document says so).
PDF_MAX_ENTRIES = 2000


@dataclass(frozen=True)
class AuditDocument:
    """What an audit PDF shows: the filter, who exported it and when, the chain's state at
    that moment, and the entries (oldest first; the first ``PDF_MAX_ENTRIES`` of ``total``)."""

    filter: AuditFilter
    employee_name: str  # the filter's employee, "" for everyone
    exported_by: str
    exported_at: datetime
    #: The chain check: a report, or why there is none ("key_missing", "secret_store").
    chain: ChainReport | None
    chain_problem: str
    lines: tuple[AuditLine, ...]
    total: int


class AuditTrail:
    """The audit screen's service: supervisors and admins read and export the trail."""

    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    def _bounds(self, flt: AuditFilter) -> tuple[datetime | None, datetime | None]:
        zone = self.ctx.timezone
        start = end = None
        if flt.since is not None:
            start = datetime.combine(flt.since, time.min, zone).astimezone(UTC)
        if flt.until is not None:
            end = datetime.combine(flt.until + timedelta(days=1), time.min, zone).astimezone(UTC)
        return start, end

    def _query(self, flt: AuditFilter) -> Select[AuditEntry, str]:
        stmt = select(AuditEntry, Employee.name).outerjoin(
            Employee, Employee.id == AuditEntry.employee_id
        )
        if flt.employee_id:
            stmt = stmt.where(AuditEntry.employee_id == flt.employee_id)
        if flt.action:
            stmt = stmt.where(AuditEntry.action == flt.action)
        start, end = self._bounds(flt)
        if start is not None:
            stmt = stmt.where(AuditEntry.at >= start)
        if end is not None:
            stmt = stmt.where(AuditEntry.at < end)
        return stmt

    @staticmethod
    def _line(entry: AuditEntry, name: str | None) -> AuditLine:
        return AuditLine(
            int(entry.seq or 0),
            entry.at,
            entry.employee_id,
            name or "",
            entry.action,
            json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
        )

    @requires(Role.SUPERVISOR)
    def page(
        self,
        who: EmployeeView,
        flt: AuditFilter,
        before: int | None = None,
        size: int = PAGE_SIZE,
    ) -> AuditPage:
        """Up to ``size`` entries matching ``flt``, newest first, older than seq ``before``.

        Keyset paging on the sequence number: each page costs the same at the millionth row
        as at the first (no OFFSET walk). Reading is not audited; exporting is.
        """
        stmt = self._query(flt)
        if before is not None:
            stmt = stmt.where(AuditEntry.seq < before)
        stmt = stmt.order_by(AuditEntry.seq.desc()).limit(size + 1)
        with self.ctx.db.read() as session:
            rows = session.execute(stmt).all()
        lines = tuple(self._line(e, n) for e, n in rows[:size])
        more = len(rows) > size and lines
        return AuditPage(lines, lines[-1].seq if more else None)

    @requires(Role.SUPERVISOR)
    def actions(self, who: EmployeeView) -> tuple[str, ...]:
        """Every action the trail holds (its index answers this without reading the rows)."""
        with self.ctx.db.read() as session:
            found = session.scalars(select(AuditEntry.action).distinct().order_by("action"))
            return tuple(found)

    @requires(Role.SUPERVISOR)
    def export_csv(
        self,
        who: EmployeeView,
        flt: AuditFilter,
        path: Path,
        titles: Sequence[str] | None = None,
    ) -> int:
        """Writes the entries matching ``flt`` (oldest first) to a CSV file private to this user
        (0600; a file already there — the save dialog asked — is replaced whole, never half);
        returns how many. The export itself is audited (without the rows).

        The file is for an auditor's spreadsheet: in the store's locale (";" for ru/kk, UTF-8
        with BOM), under ``titles`` (the six :data:`CSV_COLUMNS` in the reader's language) or
        else the column keys; times stay ISO 8601 UTC, which no locale misreads."""
        stmt = self._query(flt).order_by(AuditEntry.seq).execution_options(yield_per=2000)
        written = 0
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            sheet = sheet_format(self.ctx.settings.get(st.RECEIPT_LANGUAGE))
            with os.fdopen(fd, "w", newline="", encoding=ENCODING) as out:
                writer = csv.writer(out, delimiter=sheet.delimiter, lineterminator="\r\n")
                writer.writerow(titles or CSV_COLUMNS)
                with self.ctx.db.read() as session:
                    for entry, name in session.execute(stmt):
                        line = self._line(entry, name)
                        writer.writerow(
                            (
                                line.seq,
                                line.at.isoformat(),
                                line.employee_id or "",
                                line.who,
                                line.action,
                                line.details,
                            )
                        )
                        written += 1
                        session.expunge(entry)
            partial.replace(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "audit_exported",
                who.id,
                count=written,
                employee=flt.employee_id,
                filter_action=flt.action,
                since=flt.since.isoformat() if flt.since else None,
                until=flt.until.isoformat() if flt.until else None,
            )
        return written

    @requires(Role.SUPERVISOR)
    def document(
        self, who: EmployeeView, flt: AuditFilter, limit: int = PDF_MAX_ENTRIES
    ) -> AuditDocument:
        """The entries matching ``flt`` for a printable document (oldest first, at most
        ``limit``), with who asks, when, and the chain's state checked now."""
        chain: ChainReport | None = None
        problem = ""
        try:
            chain = verify_trail(self.ctx)
        except AuditKeyMissing:
            problem = "key_missing"
        except SecretStoreUnavailable:
            problem = "secret_store"
        stmt = self._query(flt)
        with self.ctx.db.read() as session:
            total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
            rows = session.execute(stmt.order_by(AuditEntry.seq).limit(limit)).all()
            lines = tuple(self._line(e, n) for e, n in rows)
            name = ""
            if flt.employee_id:
                name = (
                    session.scalar(select(Employee.name).where(Employee.id == flt.employee_id))
                    or ""
                )
        return AuditDocument(flt, name, who.name, self.ctx.clock(), chain, problem, lines, total)

    @requires(Role.SUPERVISOR)
    def record_pdf_export(self, who: EmployeeView, document: AuditDocument) -> None:
        """Audits a PDF of the trail once it was written: who, how many entries, the filter
        and the chain's state it showed (never the rows)."""
        flt = document.filter
        chain = document.chain
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "audit_pdf_exported",
                who.id,
                count=len(document.lines),
                total=document.total,
                employee=flt.employee_id,
                filter_action=flt.action,
                since=flt.since.isoformat() if flt.since else None,
                until=flt.until.isoformat() if flt.until else None,
                chain=(
                    document.chain_problem
                    or ("intact" if chain is not None and chain.intact else "broken")
                ),
            )

    @requires(Role.SUPERVISOR)
    def check(self, who: EmployeeView) -> ChainReport:
        """The chain's state for the screen's header. Raises AuditKeyMissing and
        SecretStoreUnavailable as ``verify_trail``."""
        return verify_trail(self.ctx)
