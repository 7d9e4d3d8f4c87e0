"""Data-subject requests (policy clauses 6.2-6.3): the subject may learn the fact, purposes and
methods of processing, ask for clarification, a copy, blocking or destruction.

An admin registers a request (who asked, what for, about whom, received when, due when), finds
the subject's rows in every table the data map says holds that kind of subject, answers with a
report built from the data map (what is held, why, on what basis, for whom, for how long),
exports the data as JSON, or blocks the subject's recordings. Every step is the admin's, with
their PIN at the command line, and audited. Audit details carry ids and counts, never the
requester's name or what the subject said.

Which tables hold a subject and how their rows are reached is the data map's ``subjects`` block,
not this module: a new table that holds staff data is named there, and the answer lists it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import (
    Employee,
    PrivacyBlock,
    PrivacyRequest,
    Recording,
    Sale,
    TranscriptRow,
)
from forsell.store.privacy_block import block_reason
from forsell.vault.chunks import NONCE_BYTES, RecordingUnreadable
from forsell.vault.keys import KeyVault

from ..access import public, requires
from ..auth import EmployeeView
from ..context import TillContext
from . import data_map as dm
from .destruction import Destruction, DestructionCertificate, resume_unfinished

log = logging.getLogger(__name__)

KINDS = ("information", "export", "correction", "blocking", "destruction")
#: Employee fields a correction request may change (policy 6.2: clarification), where the data
#: map lists them as personal columns of ``employees``: facts about the person. Role, active
#: and language are the store's decisions or the employee's own setting; ids and times are the
#: till's.
CORRECTABLE = ("name", "phone", "email")
STATUSES = ("open", "answered", "closed")
#: Days the law gives the operator to answer, counted from the day the request arrived.
DUE_DAYS = 30
#: Rows per IN (...) list: SQLite's bound-parameter limit is far above, and an employee's
#: years of sales stay a handful of queries.
_PAGE = 500


@dataclass(frozen=True)
class RequestView:
    """A registered request as the admin sees it."""

    id: str
    kind: str
    requester: str
    subject: Mapping[str, Any]
    received_on: date
    due_on: date
    status: str
    note: str
    registered_by: str


@dataclass(frozen=True)
class Findings:
    """Where a subject's data is: per data-map table, the rows found (primary keys)."""

    subject_kind: str  # employee | customer
    #: Table → primary keys of the subject's rows ("a/b" for a composite key); only tables
    #: with rows.
    rows: Mapping[str, tuple[str, ...]]
    #: Every table the data map says holds this kind of subject, found or not.
    tables: tuple[str, ...]
    #: The rowids behind ``rows``, to read the rows again for the report.
    rowids: Mapping[str, tuple[int, ...]]

    @property
    def empty(self) -> bool:
        """Nothing at this till is about the subject."""
        return not self.rows

    def counts(self) -> dict[str, int]:
        """Table → number of rows, for every table of the subject's kind (0 where none)."""
        return {t: len(self.rows.get(t, ())) for t in self.tables}


# --- subjects ----------------------------------------------------------------------------------


def subject_employee(name_or_id: str) -> dict[str, Any]:
    """A member of staff, by id or by name."""
    return {"employee": name_or_id.strip()}


def subject_receipt(receipt_no: int) -> dict[str, Any]:
    """A customer, by the number of a receipt of this till."""
    return {"receipt": int(receipt_no)}


def subject_window(start: datetime, end: datetime) -> dict[str, Any]:
    """A customer, by when they were served: recordings started in ``[start, end]``."""
    return {"window": [start.isoformat(), end.isoformat()]}


def subject_words(words: str) -> dict[str, Any]:
    """A customer, by words they said (every word must be in the transcript)."""
    return {"words": words.strip()}


def correctable_fields(data_map: dm.DataMap | None = None) -> tuple[str, ...]:
    """The employee fields a correction request may change at this till, in ``CORRECTABLE``
    order."""
    columns = (data_map or dm.shipped()).tables["employees"].columns
    return tuple(f for f in CORRECTABLE if f in columns and columns[f].personal)


def _corrected(field: str, value: str) -> str:
    """``value`` as it will be stored: spaces collapsed; refused when empty, too long for the
    column or holding a control character (a name pasted from a document can carry one)."""
    cleaned = " ".join(value.split())
    if not cleaned:
        raise CashierError("privacy.value_missing", "Give the corrected value")
    limit = getattr(Employee.__table__.columns[field].type, "length", None) or 200
    if len(cleaned) > limit:
        raise CashierError("privacy.value_too_long", "At most {limit} characters", limit=limit)
    if not cleaned.isprintable():
        raise CashierError(
            "privacy.value_control", "The value holds an invisible control character"
        )
    return cleaned


def _kind_of(subject: Mapping[str, Any]) -> str:
    if set(subject) == {"employee"}:
        return "employee"
    if len(subject) == 1 and next(iter(subject)) in ("receipt", "window", "words"):
        return "customer"
    raise CashierError(
        "privacy.subject_unknown",
        "Say whom the request is about: an employee, a receipt, a time window or words",
    )


def _date(value: date | str | None, today: date) -> date:
    if value is None:
        return today
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CashierError(
            "privacy.bad_date", "Not a date (YYYY-MM-DD): {value}", value=value
        ) from None


def _view(row: PrivacyRequest) -> RequestView:
    return RequestView(
        row.id,
        row.kind,
        row.requester,
        dict(row.subject),
        date.fromisoformat(row.received_on),
        date.fromisoformat(row.due_on),
        row.status,
        row.note,
        row.registered_by,
    )


def _pages(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = list(values)
    for i in range(0, len(items), _PAGE):
        yield items[i : i + _PAGE]


def _quoted(name: str) -> str:
    # Names come from the data map, which tests hold equal to the schema; quoting still keeps
    # a mistaken entry a failed query rather than SQL.
    return '"' + name.replace('"', '""') + '"'


def _primary_key(session: Session, table: str) -> list[str]:
    info = session.execute(text(f"PRAGMA table_info({_quoted(table)})")).all()
    keys = sorted((row[5], row[1]) for row in info if row[5])
    return [name for _, name in keys]


class PrivacyRequests:
    """Registering, finding, answering and blocking data-subject requests: admins only."""

    def __init__(
        self, ctx: TillContext, vault: KeyVault | None = None, data_map: dm.DataMap | None = None
    ) -> None:
        self.ctx = ctx
        #: Needed only to find a customer by words (transcripts are sealed per recording).
        self.vault = vault
        self.data_map = data_map or dm.shipped()

    # --- the register ---------------------------------------------------------------------

    @requires(Role.ADMIN)
    def register(
        self,
        admin: EmployeeView,
        kind: str,
        requester: str,
        subject: Mapping[str, Any],
        received_on: date | str | None = None,
        due_days: int = DUE_DAYS,
        note: str = "",
    ) -> RequestView:
        """Records a request as received; due ``due_days`` after it arrived. Audited.

        Raises ``CashierError``: ``privacy.kind_unknown``, ``privacy.requester_missing``,
        ``privacy.subject_unknown``, ``privacy.bad_date``."""
        if kind not in KINDS:
            raise CashierError(
                "privacy.kind_unknown",
                "A request is one of: {kinds}",
                kinds=", ".join(KINDS),
            )
        if not requester.strip():
            raise CashierError("privacy.requester_missing", "Say who made the request")
        _kind_of(subject)
        if due_days <= 0:
            raise CashierError("privacy.bad_due", "The answer is due a positive number of days on")
        today = self.ctx.local(self.ctx.clock()).date()
        received = _date(received_on, today)
        row = PrivacyRequest(
            kind=kind,
            requester=requester.strip(),
            subject=dict(subject),
            received_on=received.isoformat(),
            due_on=(received + timedelta(days=due_days)).isoformat(),
            status="open",
            note=note,
            registered_by=admin.id,
            registered_at=self.ctx.clock(),
        )
        with self.ctx.db.write() as session:
            session.add(row)
            session.flush()
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_request_registered",
                admin.id,
                request_id=row.id,
                kind=kind,
                subject_kind=_kind_of(subject),
                due_on=row.due_on,
            )
            return _view(row)

    @requires(Role.ADMIN)
    def get(self, admin: EmployeeView, request_id: str) -> RequestView:
        """One request; ``privacy.request_unknown`` when there is none with this id."""
        with self.ctx.db.read() as session:
            row = session.get(PrivacyRequest, request_id)
            if row is None:
                raise CashierError("privacy.request_unknown", "No request {rid}", rid=request_id)
            return _view(row)

    @requires(Role.ADMIN)
    def requests(self, admin: EmployeeView) -> list[RequestView]:
        """Every request, the earliest due first."""
        with self.ctx.db.read() as session:
            rows = session.scalars(select(PrivacyRequest).order_by(PrivacyRequest.due_on))
            return [_view(r) for r in rows]

    @requires(Role.ADMIN)
    def set_status(self, admin: EmployeeView, request_id: str, status: str) -> RequestView:
        """Marks a request answered or closed (or open again). Audited."""
        if status not in STATUSES:
            raise CashierError(
                "privacy.status_unknown", "A status is one of: {s}", s=", ".join(STATUSES)
            )
        with self.ctx.db.write() as session:
            row = session.get(PrivacyRequest, request_id)
            if row is None:
                raise CashierError("privacy.request_unknown", "No request {rid}", rid=request_id)
            row.status = status
            now = self.ctx.clock()
            if status == "answered":
                row.answered_at = row.answered_at or now
            if status == "closed":
                row.closed_at = now
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_request_status",
                admin.id,
                request_id=request_id,
                status=status,
            )
            return _view(row)

    # --- finding the subject --------------------------------------------------------------

    @requires(Role.ADMIN)
    def find(self, admin: EmployeeView, subject: Mapping[str, Any]) -> Findings:
        """The subject's rows in every table the data map lists for their kind. Audited (what
        was looked for by kind, and how many rows: not the words or the name).

        Raises ``CashierError``: ``privacy.subject_unknown``, ``privacy.employee_unknown``,
        ``privacy.employee_ambiguous``, ``privacy.vault_needed`` (words without the key file),
        ``privacy.bad_date``."""
        findings = self._find(subject)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_subject_searched",
                admin.id,
                subject_kind=findings.subject_kind,
                by=next(iter(subject)),
                rows=sum(len(r) for r in findings.rows.values()),
            )
        return findings

    def _find(self, subject: Mapping[str, Any]) -> Findings:
        kind = _kind_of(subject)
        links = self.data_map.subjects[kind].tables
        with self.ctx.db.read() as session:
            found: dict[str, set[int]] = {t: set() for t in links}
            if kind == "employee":
                employee_id = self._employee_id(session, str(subject["employee"]))
                for table, link in links.items():
                    for column in link.columns:
                        found[table] |= self._rowids(session, table, column, [employee_id])
            else:
                for table, ids in self._customer_seeds(session, subject).items():
                    found[table] |= self._rowids(session, table, "id", ids)
            # Rows reached through other rows (a sale's lines, a recording's transcript), until
            # nothing new turns up: a customer's recording leads to its sale and back.
            changed = True
            while changed:
                changed = False
                for table, link in links.items():
                    if not link.within or not found[link.within]:
                        continue
                    keys = self._values(session, link.within, link.on, found[link.within])
                    more = self._rowids(session, table, link.match, keys) - found[table]
                    if more:
                        found[table] |= more
                        changed = True
            rows = {t: self._keys(session, t, sorted(r)) for t, r in found.items() if r}
        return Findings(
            kind,
            rows,
            tuple(links),
            {t: tuple(sorted(r)) for t, r in found.items() if r},
        )

    def _employee_id(self, session: Session, name_or_id: str) -> str:
        if session.get(Employee, name_or_id) is not None:
            return name_or_id
        # SQLite's lower() knows only ASCII; a store has tens of staff, not thousands.
        wanted = " ".join(name_or_id.casefold().split())
        matches = [
            eid
            for eid, name in session.execute(select(Employee.id, Employee.name))
            if " ".join(name.casefold().split()) == wanted
        ]
        if not matches:
            raise CashierError(
                "privacy.employee_unknown", "No employee is called {name}", name=name_or_id
            )
        if len(matches) > 1:
            raise CashierError(
                "privacy.employee_ambiguous",
                "{count} employees are called {name}: give the id",
                count=len(matches),
                name=name_or_id,
            )
        return matches[0]

    def _customer_seeds(self, session: Session, subject: Mapping[str, Any]) -> dict[str, list[str]]:
        if "receipt" in subject:
            sale_ids = session.scalars(
                select(Sale.id).where(
                    Sale.receipt_no == int(subject["receipt"]),
                    Sale.device_id == self.ctx.device_id,
                )
            )
            return {"sales": list(sale_ids)}
        if "window" in subject:
            start, end = (self._moment(v) for v in subject["window"])
            rec_ids = session.scalars(
                select(Recording.id).where(Recording.started_at.between(start, end))
            )
            return {"recordings": list(rec_ids)}
        return {"recordings": sorted(self._said(session, str(subject["words"])))}

    def _moment(self, value: str) -> datetime:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise CashierError(
                "privacy.bad_date", "Not a date and time: {value}", value=value
            ) from None
        # Without a zone, the store's clock is meant: that is what the customer remembers.
        return moment if moment.tzinfo else moment.replace(tzinfo=self.ctx.timezone)

    def _said(self, session: Session, words: str) -> set[str]:
        """Recordings whose transcript holds every word: opened in memory one by one, never
        written anywhere in plain text."""
        wanted = [w for w in words.casefold().split() if w]
        if not wanted:
            raise CashierError("privacy.subject_unknown", "Give the words to look for")
        if self.vault is None:
            raise CashierError(
                "privacy.vault_needed", "Transcripts can be searched only with the key file open"
            )
        hits = set()
        rows = session.execute(
            select(TranscriptRow.recording_id, TranscriptRow.sealed).where(
                TranscriptRow.sealed.is_not(None)
            )
        )
        for rid, blob in rows:
            if blob is None:
                continue
            try:
                dek = self.vault.get(rid)
                plain = AESGCM(dek).decrypt(
                    blob[:NONCE_BYTES], blob[NONCE_BYTES:], f"transcript|{rid}".encode()
                )
            except (RecordingUnreadable, InvalidTag):
                continue  # shredded or damaged: nothing readable is held
            said = str(json.loads(plain).get("text", "")).casefold()
            if all(w in said for w in wanted):
                hits.add(rid)
        return hits

    def _rowids(self, session: Session, table: str, column: str, values: Iterable[Any]) -> set[int]:
        found: set[int] = set()
        for page in _pages(values):
            marks = ", ".join(f":v{i}" for i in range(len(page)))
            sql = f"SELECT rowid FROM {_quoted(table)} WHERE {_quoted(column)} IN ({marks})"
            found.update(
                r[0] for r in session.execute(text(sql), {f"v{i}": v for i, v in enumerate(page)})
            )
        return found

    def _values(self, session: Session, table: str, column: str, rowids: Iterable[int]) -> set[Any]:
        found: set[Any] = set()
        for page in _pages(rowids):
            marks = ", ".join(str(int(r)) for r in page)
            sql = f"SELECT {_quoted(column)} FROM {_quoted(table)} WHERE rowid IN ({marks})"
            found.update(r[0] for r in session.execute(text(sql)) if r[0] is not None)
        return found

    def _read(
        self, session: Session, table: str, columns: list[str], rowids: Iterable[int]
    ) -> list[dict[str, Any]]:
        listed = ", ".join(_quoted(c) for c in columns)
        rows: list[dict[str, Any]] = []
        for page in _pages(rowids):
            marks = ", ".join(str(int(r)) for r in page)
            sql = f"SELECT {listed} FROM {_quoted(table)} WHERE rowid IN ({marks}) ORDER BY rowid"
            rows.extend(dict(zip(columns, r, strict=True)) for r in session.execute(text(sql)))
        return rows

    def _keys(self, session: Session, table: str, rowids: list[int]) -> tuple[str, ...]:
        keys = _primary_key(session, table) or ["rowid"]
        rows = self._read(session, table, keys, rowids)
        return tuple("/".join(str(v) for v in row.values()) for row in rows)

    # --- the answer -----------------------------------------------------------------------

    @requires(Role.ADMIN)
    def report(self, admin: EmployeeView, request_id: str) -> dict[str, Any]:
        """The answer to a request as JSON-ready data, built from the data map: per table the
        subject's rows (personal columns only), and what each is for, on what legal basis,
        for whom and for how long. Audited; the request becomes "answered"."""
        request = self.get(admin, request_id)
        findings = self._find(request.subject)
        answer = self._answer(request, findings)
        with self.ctx.db.write() as session:
            row = session.get(PrivacyRequest, request_id)
            if row is not None and row.status == "open":
                row.status = "answered"
                row.answered_at = self.ctx.clock()
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_report_made",
                admin.id,
                request_id=request_id,
                tables=len(findings.rows),
                rows=sum(len(r) for r in findings.rows.values()),
            )
        return answer

    def _answer(self, request: RequestView, findings: Findings) -> dict[str, Any]:
        data_map = self.data_map
        tables = []
        purposes: set[str] = set()
        bases: set[str] = set()
        retention: set[str] = set()
        recipients: set[str] = set()
        categories: set[str] = set()
        with self.ctx.db.read() as session:
            for name in findings.tables:
                rowids = findings.rowids.get(name, ())
                table = data_map.tables[name]
                personal = [c for c in table.columns.values() if c.personal]
                for column in personal if rowids else ():
                    purposes.add(column.purpose)
                    bases.add(column.legal_basis)
                    retention.add(column.retention)
                    recipients.update(column.recipients)
                    categories.add(column.category)
                values = self._read(session, name, [c.name for c in personal], rowids)
                tables.append(
                    {
                        "table": name,
                        "rows": len(rowids),
                        "ids": list(findings.rows.get(name, ())),
                        "columns": {
                            c.name: {
                                "category": c.category,
                                "purpose": c.purpose,
                                "legal_basis": c.legal_basis,
                                "retention": c.retention,
                                "recipients": list(c.recipients),
                            }
                            for c in personal
                        },
                        "values": [{k: _plain(v) for k, v in row.items()} for row in values],
                    }
                )
        return {
            "request": {
                "id": request.id,
                "kind": request.kind,
                "requester": request.requester,
                "subject": dict(request.subject),
                "received_on": request.received_on.isoformat(),
                "due_on": request.due_on.isoformat(),
            },
            "subject_kind": findings.subject_kind,
            "subject_text": data_map.subjects[findings.subject_kind].text,
            "data_held": bool(findings.rows),
            "tables": tables,
            "purposes": sorted(purposes),
            "methods": {c: data_map.categories[c] for c in sorted(categories)},
            "legal_bases": {b: data_map.legal_bases[b] for b in sorted(bases)},
            "retention": {r: data_map.retention[r].text for r in sorted(retention)},
            "recipients": {
                r: {
                    "name": data_map.recipients[r].name,
                    "country": data_map.recipients[r].country,
                    "receives": data_map.recipients[r].receives,
                }
                for r in sorted(recipients)
            },
        }

    # --- correction ------------------------------------------------------------------------

    @requires(Role.ADMIN)
    def correct(
        self, admin: EmployeeView, request_id: str, field: str, new_value: str
    ) -> RequestView:
        """Corrects an employee subject's ``field`` (one of :func:`correctable_fields`) as a
        correction request asks (policy 6.2); the request becomes "answered" and names the
        employee by id from now on (a name it held may be the one corrected). Audited with the
        field and the ids, never the old or the new value.

        The staff list the backend publishes is the store's: correct it there as well, or the
        next staff pull brings the old value back.

        Raises ``CashierError``: ``privacy.request_unknown``, ``privacy.not_correction``,
        ``privacy.correct_employee_only``, ``privacy.field_unknown``,
        ``privacy.value_missing``, ``privacy.value_too_long``, ``privacy.value_control``,
        ``privacy.employee_unknown``, ``privacy.employee_ambiguous``."""
        request = self.get(admin, request_id)
        if request.kind != "correction":
            raise CashierError(
                "privacy.not_correction",
                "Request {rid} asks for {kind}, not a correction: register a correction request",
                rid=request_id,
                kind=request.kind,
            )
        if _kind_of(request.subject) != "employee":
            raise CashierError(
                "privacy.correct_employee_only",
                "Only an employee's data can be corrected here: receipts and recordings are "
                "records of what happened",
            )
        fields = correctable_fields(self.data_map)
        if field not in fields:
            raise CashierError(
                "privacy.field_unknown",
                "Only these can be corrected: {fields}",
                fields=", ".join(fields),
            )
        value = _corrected(field, new_value)
        with self.ctx.db.write() as session:
            employee_id = self._employee_id(session, str(request.subject["employee"]))
            employee = session.get(Employee, employee_id)
            assert employee is not None  # _employee_id found it in this transaction
            setattr(employee, field, value)
            row = session.get(PrivacyRequest, request_id)
            assert row is not None  # get() found it; requests are never deleted
            row.subject = subject_employee(employee_id)
            if row.status == "open":
                row.status = "answered"
                row.answered_at = self.ctx.clock()
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_data_corrected",
                admin.id,
                request_id=request_id,
                subject_id=employee_id,
                field=field,
            )
            return _view(row)

    # --- export and blocking --------------------------------------------------------------

    @requires(Role.ADMIN)
    def export(
        self, admin: EmployeeView, request_id: str, out_dir: Path, audio: bool = False
    ) -> list[Path]:
        """Writes the subject's data as JSON (``subject-data.json``) into a new folder
        ``out_dir`` (mode 0700, files 0600); with ``audio`` also each recording, decrypted, as
        ``recording-<id>.ogg``. Audited. Raises ``privacy.export_exists`` when the folder is
        there already (nothing is overwritten)."""
        request = self.get(admin, request_id)
        findings = self._find(request.subject)
        answer = self._answer(request, findings)
        if out_dir.exists():
            raise CashierError(
                "privacy.export_exists", "{path} exists already: choose a new folder", path=out_dir
            )
        out_dir.mkdir(mode=0o700)
        out_dir.chmod(0o700)  # the umask may have taken bits away; never added any
        written = [_private_write(out_dir / "subject-data.json", _json(answer))]
        recordings = findings.rows.get("recordings", ()) if audio else ()
        if recordings:
            from ..recordings import RecordingLibrary

            if self.vault is None:
                raise CashierError(
                    "privacy.vault_needed", "Audio can be exported only with the key file open"
                )
            library = RecordingLibrary(self.ctx, self.vault)
            for rid in recordings:
                try:
                    data = library.ogg(rid)
                except CashierError as exc:
                    log.warning("recording %s not exported: %s", rid, exc.key)
                    continue  # a shredded recording has no audio left to give
                written.append(_private_write(out_dir / f"recording-{rid}.ogg", data))
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_data_exported",
                admin.id,
                request_id=request_id,
                files=len(written),
                audio=audio,
            )
        return written

    @requires(Role.ADMIN)
    def block(self, admin: EmployeeView, request_id: str) -> int:
        """Blocks the subject's recordings: never uploaded, transcribed or scored, played back
        only by an admin. An employee is blocked as a whole (their later recordings too); a
        customer's recordings one by one. Returns the number of recordings blocked now.
        Audited."""
        request = self.get(admin, request_id)
        findings = self._find(request.subject)
        recordings = list(findings.rows.get("recordings", ()))
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            if findings.subject_kind == "employee":
                employee_id = findings.rows["employees"][0]
                session.add(
                    PrivacyBlock(
                        request_id=request_id,
                        employee_id=employee_id,
                        blocked_by=admin.id,
                        blocked_at=now,
                    )
                )
            else:
                for rid in recordings:
                    session.add(
                        PrivacyBlock(
                            request_id=request_id,
                            recording_id=rid,
                            blocked_by=admin.id,
                            blocked_at=now,
                        )
                    )
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_subject_blocked",
                admin.id,
                request_id=request_id,
                subject_kind=findings.subject_kind,
                recordings=len(recordings),
            )
        return len(recordings)

    # --- destruction (services/privacy/destruction.py) -------------------------------------

    @requires(Role.ADMIN)
    def destroy(self, request_id: str, admin: EmployeeView) -> DestructionCertificate:
        """Carries out a destruction request (policy 6.3), or finishes one a kill left half-done:
        recordings crypto-shredded, what was derived from them deleted, an employee
        pseudonymised, the backend and the provider told; sales, refunds and shifts stay (tax
        law). Every step is audited (ids and counts). Returns the certificate.

        Raises ``CashierError``: ``admin.only``, ``privacy.request_unknown``,
        ``privacy.not_destruction`` (another kind of request), ``privacy.already_destroyed``
        (with the ``date``: nothing changes), ``privacy.destroy_last_admin``,
        ``privacy.vault_needed``."""
        Destruction(self.ctx, self.vault, self._find).run(request_id, admin.id)
        return self.destruction_certificate(request_id, admin)

    @requires(Role.ADMIN)
    def destruction_certificate(
        self, request_id: str, admin: EmployeeView
    ) -> DestructionCertificate:
        """The certificate of a destruction as things stand now: whether the backend has the
        deletion event yet ("pending" until it is sent), the providers' deletions.
        ``privacy.not_destroyed`` when none was started."""
        return Destruction(self.ctx, self.vault, self._find).certificate(request_id)


@public  # start-up, before anyone signs in: finishes what an admin started
def resume_destructions(ctx: TillContext, vault: KeyVault | None) -> list[str]:
    """Finishes every destruction a kill left half-done (ids of the requests finished)."""
    return resume_unfinished(ctx, vault)


def refuse_blocked_playback(ctx: TillContext, who: EmployeeView, recording_id: str) -> None:
    """Raises ``privacy.subject_blocked`` when a data subject's block covers the recording and
    ``who`` is not an admin (policy 6.3: a blocked recording is played back only by an admin,
    to answer the request)."""
    if who.role.at_least(Role.ADMIN):
        return
    with ctx.db.read() as session:
        blocked = block_reason(session, recording_id)
    if blocked is not None:
        raise CashierError(
            "privacy.subject_blocked",
            "This conversation is blocked at the request of the person recorded; only an admin "
            "can play it",
        )


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        # Sealed audio and text, PIN hashes: the fact and size are the answer, not the bytes.
        return f"<{len(bytes(value))} bytes, sealed or hashed>"
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _json(answer: Mapping[str, Any]) -> bytes:
    return json.dumps(answer, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _private_write(path: Path, data: bytes) -> Path:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    path.chmod(0o600)
    return path
