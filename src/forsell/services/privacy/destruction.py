"""Destruction of a data subject's data (policy clause 6.3), carried out as a journal of steps.

What goes, what stays:

* the subject's recordings are crypto-shredded: each recording's data key is destroyed in the
  key file, so every copy of its ciphertext the till ever made (the chunks in the database, a
  backup copy of the database, a copy of the file taken before) is unreadable for good; the
  chunks are deleted as well, the recording's row stays as the record that it existed;
* everything derived from those recordings is deleted: transcripts (sealed under the same key),
  scores and their item results, supervisors' marks, review actions and disputes;
* an employee's name is replaced by a stable pseudonym ("Сотрудник #1a2b3c4d"), their PIN hash
  by random bytes (nobody can sign in as them again) and they are made inactive. Sales,
  refunds, shifts and cash movements stay: the tax code requires the till's accounting records
  for the accounting period, and they name the employee by id only;
* a customer's sale stays for the same reason; only the conversation recorded at it goes;
* the copies in ``backups/`` get the same deletions and pseudonym, and every file touched is
  rewritten (VACUUM), so no free page keeps an old copy of a name;
* a deletion event for the analytics backend is queued in the business lane (exactly-once like
  every event: its id is the outbox job's), and a provider that keeps transcripts (ElevenLabs)
  gets a delete job in the audio lane for each transcription it made of those recordings.

Nothing half-done: the plan — every id the destruction will touch — is written first, with the
journal row; each step then commits its changes together with its mark in the journal. A
destruction killed between steps resumes where it stopped (at the next start, or the next
``privacy destroy``), from the plan, not from a new search: the rows it had reached are gone.
The key file is a separate database, so destroying the keys is not in the step's transaction;
destroying a key twice is harmless, and the step's mark commits only after the keys are gone.

Audit details and the certificate carry ids and counts, never a name or a word that was said.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.db import backups
from forsell.store.models import (
    AuditEntry,
    ConversationItemResult,
    ConversationMark,
    ConversationScore,
    Dispute,
    Employee,
    OutboxJob,
    PrivacyDestruction,
    PrivacyRequest,
    Recording,
    RecordingChunk,
    ReviewAction,
    TranscriptRow,
)
from forsell.store.outbox import AUDIO, enqueue
from forsell.sync.audio_lane import PROVIDER_DELETE, PROVIDERS_THAT_DELETE
from forsell.vault.keys import KeyVault

from ..access import internal
from ..context import TillContext
from .backup_copies import clean_copy
from .deletion_certificate import (
    KEPT_BY_LAW,
    KEPT_OTHERWISE,
    DestructionCertificate,
    ProviderDeletion,
    provider_state,
)

log = logging.getLogger(__name__)

#: The steps after the plan, in order; each commits with its mark in the journal.
STEPS = ("keys_destroyed", "rows_deleted", "pseudonymised", "backups_cleaned", "event_queued")
#: The business event the backend deletes by (``resources/api``: SubjectDeleted).
EVENT_KIND = "subject_deleted"
#: Recording ids per deletion event: 400 ids stay far below the backend's 32 KiB per event.
EVENT_IDS = 400
#: Tables whose rows are derived from a recording and go with it, with the column naming it.
DERIVED = (
    ("transcripts", TranscriptRow),
    ("conversation_scores", ConversationScore),
    ("conversation_item_results", ConversationItemResult),
    ("conversation_marks", ConversationMark),
    ("review_actions", ReviewAction),
    ("disputes", Dispute),
)
#: What a backup copy loses with the recordings, as in the database itself.
_COPY_TABLES = ("recording_chunks", *(name for name, _ in DERIVED))
#: Outbox jobs that carry a copy of what a recording said or scored (unsent or sent).
_DERIVED_EVENTS = ("transcript", "score", "review")
#: A test's way in between two steps (a failure or a SIGKILL); None in the product.
after_step: Callable[[str], None] | None = None


def pseudonym(employee_id: str) -> str:
    """The stable name an employee gets in place of theirs: the same id, the same pseudonym."""
    digest = hashlib.sha256(f"forsell-pseudonym|{employee_id}".encode()).hexdigest()[:8]
    return f"Сотрудник #{digest}"


def destroyed_employee(session: Session, employee_id: str) -> bool:
    """Whether a destruction has pseudonymised this employee (a staff pull must not bring the
    name back)."""
    return (
        session.scalar(
            select(PrivacyDestruction.request_id)
            .where(PrivacyDestruction.employee_id == employee_id)
            .limit(1)
        )
        is not None
    )


@internal  # PrivacyRequests.destroy checks the admin first; ui/ and cli.py never call it
class Destruction:
    """Carries out (or resumes) one destruction request. Called by ``PrivacyRequests.destroy``
    after its own admin check; ``find(subject)`` is the request service's search."""

    def __init__(
        self,
        ctx: TillContext,
        vault: KeyVault | None,
        find: Callable[[Mapping[str, Any]], Any],
    ) -> None:
        self.ctx = ctx
        self.vault = vault
        self.find = find

    # --- the journal ------------------------------------------------------------------------

    def run(self, request_id: str, admin_id: str, resuming: bool = False) -> None:
        """Plans (once) and runs every step not done yet. Raises ``CashierError``:
        ``privacy.request_unknown``, ``privacy.not_destruction``, ``privacy.already_destroyed``,
        ``privacy.destroy_last_admin``, ``privacy.vault_needed``."""
        with self.ctx.db.read() as session:
            request = session.get(PrivacyRequest, request_id)
            if request is None:
                raise CashierError("privacy.request_unknown", "No request {rid}", rid=request_id)
            if request.kind != "destruction":
                raise CashierError(
                    "privacy.not_destruction",
                    "Request {rid} asks for {kind}, not destruction: nothing was destroyed",
                    rid=request_id,
                    kind=request.kind,
                )
            journal = session.get(PrivacyDestruction, request_id)
            subject = dict(request.subject)
        if journal is not None and journal.finished_at is not None:
            raise CashierError(
                "privacy.already_destroyed",
                "Request {rid} was already carried out on {date}: nothing more to destroy",
                rid=request_id,
                date=self.ctx.local(journal.finished_at).date().isoformat(),
            )
        if journal is None:
            self._plan(request_id, subject, admin_id)
        with self.ctx.db.read() as session:
            journal = session.get(PrivacyDestruction, request_id)
            assert journal is not None
            plan, done, who = dict(journal.plan), dict(journal.steps), journal.destroyed_by
        if plan["recordings"] and self.vault is None and "keys_destroyed" not in done:
            raise CashierError(
                "privacy.vault_needed", "Recordings can be destroyed only with the key file open"
            )
        actor = who if resuming else admin_id
        for step in STEPS:
            if step in done:
                continue
            getattr(self, f"_{step}")(request_id, plan, actor)
            if after_step is not None:
                after_step(step)
        self._finish(request_id, plan, actor)
        self._compact(request_id)

    def _plan(self, request_id: str, subject: Mapping[str, Any], admin_id: str) -> None:
        findings = self.find(subject)
        employee_id = None
        if findings.subject_kind == "employee":
            employee_id = findings.rows["employees"][0]
            self._refuse_last_admin(employee_id)
        recordings = sorted(findings.rows.get("recordings", ()))
        with self.ctx.db.write() as session:
            derived = {
                name: _keys(session, model, recordings) for name, model in DERIVED if recordings
            }
            providers = [
                [provider, external_id]
                for provider, external_id in _in_pages(
                    session,
                    lambda page: select(TranscriptRow.provider, TranscriptRow.external_id).where(
                        TranscriptRow.recording_id.in_(page),
                        TranscriptRow.external_id.is_not(None),
                    ),
                    recordings,
                )
            ]
            sales = sorted(
                {
                    sid
                    for (sid,) in _in_pages(
                        session,
                        lambda page: select(Recording.sale_id).where(
                            Recording.id.in_(page), Recording.sale_id.is_not(None)
                        ),
                        recordings,
                    )
                }
            )
            if recordings:
                derived["recording_chunks"] = _keys(session, RecordingChunk, recordings)
            # What stays is what was found and not deleted: the certificate names every table.
            kept = {
                table: left
                for table, ids in findings.rows.items()
                if (left := len(set(ids) - set(derived.get(table, ()))))
            }
            plain_exports = sum(
                1
                for details in session.scalars(
                    select(AuditEntry.details).where(AuditEntry.action == "recording_exported")
                )
                if isinstance(details, dict) and details.get("recording_id") in set(recordings)
            )
            plan = {
                "recordings": recordings,
                "plain_exports": plain_exports,
                "derived": {t: ids for t, ids in derived.items() if ids},
                "providers": sorted(providers),
                "sales": sales,
                "kept": kept,
            }
            session.add(
                PrivacyDestruction(
                    request_id=request_id,
                    subject_kind=findings.subject_kind,
                    employee_id=employee_id,
                    pseudonym=pseudonym(employee_id) if employee_id else None,
                    plan=plan,
                    steps={},
                    destroyed_by=admin_id,
                    started_at=self.ctx.clock(),
                )
            )
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_destruction_started",
                admin_id,
                request_id=request_id,
                subject_kind=findings.subject_kind,
                recordings=len(recordings),
            )

    def _refuse_last_admin(self, employee_id: str) -> None:
        with self.ctx.db.read() as session:
            subject = session.get(Employee, employee_id)
            others = session.scalar(
                select(Employee.id)
                .where(
                    Employee.active,
                    Employee.role == Role.ADMIN.value,
                    Employee.id != employee_id,
                )
                .limit(1)
            )
        if (
            others is None
            and subject is not None
            and subject.active
            and subject.role == Role.ADMIN.value
        ):
            raise CashierError(
                "privacy.destroy_last_admin",
                "The only active admin cannot be destroyed: add another admin first",
            )

    def _mark(self, session: Session, request_id: str, step: str, **counts: Any) -> None:
        journal = session.get(PrivacyDestruction, request_id)
        assert journal is not None
        # A new dict: SQLAlchemy notices a JSON column change only on assignment.
        journal.steps = {**journal.steps, step: {"at": self.ctx.clock().isoformat(), **counts}}

    # --- the steps --------------------------------------------------------------------------

    def _keys_destroyed(self, request_id: str, plan: Mapping[str, Any], actor: str) -> None:
        recordings = list(plan["recordings"])
        if recordings:
            assert self.vault is not None
            self.vault.destroy(recordings)  # a key destroyed before a kill stays destroyed
        with self.ctx.db.write() as session:
            chunks = 0
            for page in _pages(recordings):
                chunks += _deleted(
                    session, delete(RecordingChunk).where(RecordingChunk.recording_id.in_(page))
                )
                for rec in session.scalars(select(Recording).where(Recording.id.in_(page))):
                    rec.shredded_at = rec.shredded_at or self.ctx.clock()
                    rec.status = "shredded"
                # The audio lane has nothing left to send: the key is gone.
                _deleted(
                    session,
                    delete(OutboxJob).where(
                        OutboxJob.lane == AUDIO,
                        OutboxJob.kind == "recording",
                        OutboxJob.entity_id.in_(page),
                    ),
                )
            self._mark(session, request_id, "keys_destroyed", recordings=len(recordings))
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_recordings_shredded",
                actor,
                request_id=request_id,
                recordings=len(recordings),
                chunks=chunks,
            )

    def _rows_deleted(self, request_id: str, plan: Mapping[str, Any], actor: str) -> None:
        recordings = list(plan["recordings"])
        counts: dict[str, int] = {}
        with self.ctx.db.write() as session:
            for name, model in DERIVED:
                counts[name] = sum(
                    _deleted(session, delete(model).where(model.recording_id.in_(page)))
                    for page in _pages(recordings)
                )
            review_ids = list(plan["derived"].get("review_actions", ()))
            events = 0
            for page in _pages(recordings + review_ids):
                events += _deleted(
                    session,
                    delete(OutboxJob).where(
                        OutboxJob.kind.in_(_DERIVED_EVENTS), OutboxJob.entity_id.in_(page)
                    ),
                )
            for provider, external_id in plan["providers"]:
                if provider in PROVIDERS_THAT_DELETE:
                    enqueue(
                        session,
                        PROVIDER_DELETE,
                        external_id,
                        {"provider": provider, "transcription_id": external_id},
                        lane=AUDIO,
                    )
            self._mark(session, request_id, "rows_deleted", **counts, outbox=events)
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_rows_deleted",
                actor,
                request_id=request_id,
                rows=sum(counts.values()),
                unsent_events=events,
                provider_deletions=sum(p in PROVIDERS_THAT_DELETE for p, _ in plan["providers"]),
            )

    def _pseudonymised(self, request_id: str, plan: Mapping[str, Any], actor: str) -> None:
        with self.ctx.db.write() as session:
            journal = session.get(PrivacyDestruction, request_id)
            assert journal is not None
            employee = session.get(Employee, journal.employee_id) if journal.employee_id else None
            if employee is not None:
                name, alias = employee.name, journal.pseudonym or pseudonym(employee.id)
                employee.name = alias
                # The PIN hash is derived from the person's secret and serves nothing once they
                # are gone; random bytes of the same length verify no PIN, so nobody signs in.
                employee.pin_hash = os.urandom(len(employee.pin_hash))
                employee.pin_salt = os.urandom(len(employee.pin_salt))
                employee.active = False
                # Consent records stay: they are the evidence that recording was lawful while
                # it lasted (law No. 94-V puts the proof on the operator). They name the
                # employee by id, so with the name replaced here they are pseudonymised too.
                _pseudonymise_requests(session, employee.id, name, alias)
            self._mark(session, request_id, "pseudonymised", employee=employee is not None)
            if employee is not None:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "privacy_employee_pseudonymised",
                    actor,
                    request_id=request_id,
                    subject_id=employee.id,
                )

    def _backups_cleaned(self, request_id: str, plan: Mapping[str, Any], actor: str) -> None:
        """The copies in ``backups/`` (taken before each schema migration, the last five kept)
        get the same deletions and the pseudonym: their audio is unreadable already (the key
        is gone), but a name, a score or a PIN hash in clear would outlive the destruction
        until the copy is rotated out, which may take years. Each copy is rewritten (VACUUM)
        so no old page keeps them."""
        with self.ctx.db.read() as session:
            journal = session.get(PrivacyDestruction, request_id)
            assert journal is not None
            employee_id, alias = journal.employee_id, journal.pseudonym
        cleaned = 0
        for copy in backups(self.ctx.data_dir / "backups", self.ctx.db.path.stem):
            try:
                clean_copy(copy, _COPY_TABLES, list(plan["recordings"]), employee_id, alias)
                cleaned += 1
            except sqlite3.Error as exc:  # a damaged copy: say so, the rest goes on
                log.warning(
                    "backup %s not cleaned for destruction %s: %s", copy.name, request_id, exc
                )
        with self.ctx.db.write() as session:
            self._mark(session, request_id, "backups_cleaned", copies=cleaned)
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_backups_cleaned",
                actor,
                request_id=request_id,
                copies=cleaned,
            )

    def _event_queued(self, request_id: str, plan: Mapping[str, Any], actor: str) -> None:
        with self.ctx.db.write() as session:
            journal = session.get(PrivacyDestruction, request_id)
            assert journal is not None
            recordings = list(plan["recordings"]) or [None]
            ids: list[str] = []
            parts = list(range(0, len(recordings), EVENT_IDS))
            for part, start in enumerate(parts):
                job = OutboxJob(
                    kind=EVENT_KIND,
                    entity_id=request_id,
                    payload={
                        "id": request_id,
                        "part": part + 1,
                        "parts": len(parts),
                        "subject_kind": journal.subject_kind,
                        "employee_id": journal.employee_id,
                        "pseudonym": journal.pseudonym,
                        "recording_ids": [r for r in recordings[start : start + EVENT_IDS] if r],
                        "sale_ids": list(plan["sales"]) if part == 0 else [],
                    },
                )
                session.add(job)
                session.flush()
                ids.append(job.id)
            self._mark(session, request_id, "event_queued", events=ids)

    def _finish(self, request_id: str, plan: Mapping[str, Any], actor: str) -> None:
        with self.ctx.db.write() as session:
            journal = session.get(PrivacyDestruction, request_id)
            assert journal is not None
            now = self.ctx.clock()
            journal.finished_at = now
            request = session.get(PrivacyRequest, request_id)
            if request is not None:
                request.status = "closed"
                request.answered_at = request.answered_at or now
                request.closed_at = now
            audit.record(
                session,
                self.ctx.device_id,
                "privacy_subject_destroyed",
                actor,
                request_id=request_id,
                subject_kind=journal.subject_kind,
                recordings=len(plan["recordings"]),
                rows=sum(len(v) for v in plan["derived"].values()),
            )

    def _compact(self, request_id: str) -> None:
        """Rewrites the database file without free pages and empties its WAL: an updated or
        deleted row leaves its old bytes in free space (every sign-in rewrote the employee's
        row, name included), and only a VACUUM drops them. Best effort: with another
        transaction open (the recorder writing a chunk) it is skipped, logged, and the
        certificate says so; the next destruction or ``doctor`` may compact again."""
        compacted = True
        try:
            with self.ctx.db.engine.connect() as connection:
                raw = connection.connection.driver_connection
                assert raw is not None
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                raw.execute("VACUUM")
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            log.warning("database not compacted after destruction %s: %s", request_id, exc)
            compacted = False
        with self.ctx.db.write() as session:
            self._mark(session, request_id, "compacted", done=compacted)

    # --- the certificate --------------------------------------------------------------------

    def certificate(self, request_id: str) -> DestructionCertificate:
        """The certificate as things stand now (the backend's and providers' state is read
        live from the outbox). ``privacy.not_destroyed`` when no destruction was started."""
        with self.ctx.db.read() as session:
            journal = session.get(PrivacyDestruction, request_id)
            if journal is None:
                raise CashierError(
                    "privacy.not_destroyed",
                    "Request {rid} has not been carried out",
                    rid=request_id,
                )
            plan, steps = dict(journal.plan), dict(journal.steps)
            events = tuple(steps.get("event_queued", {}).get("events", ()))
            states: dict[str, str] = dict(
                session.execute(
                    select(OutboxJob.id, OutboxJob.state).where(OutboxJob.id.in_(events))
                ).all()
            )
            provider_states: dict[str, str] = dict(
                session.execute(
                    select(OutboxJob.entity_id, OutboxJob.state).where(
                        OutboxJob.kind == PROVIDER_DELETE,
                        OutboxJob.entity_id.in_([e for _, e in plan["providers"]]),
                    )
                ).all()
            )
            header = (
                journal.subject_kind,
                journal.employee_id,
                journal.pseudonym,
                journal.destroyed_by,
                journal.started_at,
                journal.finished_at,
            )
        recordings = tuple(plan["recordings"])
        keys_left = None
        if self.vault is not None:
            keys_left = sum(self.vault.exists(rid) for rid in recordings)
        # A purged outbox row was done long ago; only a row still waiting is pending.
        sent = bool(events) and all(states.get(e, "done") == "done" for e in events)
        deleted = {t: tuple(ids) for t, ids in plan["derived"].items()}
        kept = dict(plan["kept"])
        return DestructionCertificate(
            request_id=request_id,
            subject_kind=header[0],
            employee_id=header[1],
            pseudonym=header[2],
            destroyed_by=header[3],
            started_at=header[4],
            finished_at=header[5],
            recordings_shredded=recordings,
            keys_left=keys_left,
            deleted=deleted,
            kept=kept,
            kept_why={t: KEPT_BY_LAW.get(t, KEPT_OTHERWISE) for t in kept},
            events=events,
            backend="sent" if sent else "pending",
            providers=tuple(
                ProviderDeletion(
                    provider,
                    external_id,
                    provider_state(provider, provider_states.get(external_id)),
                )
                for provider, external_id in plan["providers"]
            ),
            plain_exports=int(plan.get("plain_exports", 0)),
            compacted=bool(steps.get("compacted", {}).get("done")),
        )


def _planned_already(subject: Mapping[str, Any]) -> Any:
    raise AssertionError("a destruction being resumed has its plan: it never searches again")


def resume_unfinished(ctx: TillContext, vault: KeyVault | None) -> list[str]:
    """At start-up: finishes every destruction a kill left half-done, in the name of the admin
    who started it. Returns the request ids finished. One that cannot go on now (the key file
    is not open) waits for the next start."""
    with ctx.db.read() as session:
        open_ids = list(
            session.scalars(
                select(PrivacyDestruction.request_id).where(
                    PrivacyDestruction.finished_at.is_(None)
                )
            )
        )
    finished = []
    for request_id in open_ids:
        try:
            Destruction(ctx, vault, _planned_already).run(request_id, "", resuming=True)
        except CashierError:
            continue  # the key file is not open: the next start tries again
        except Exception:  # a destruction's bug must not keep the till from starting
            log.exception("destruction %s could not be finished at start-up", request_id)
            continue
        finished.append(request_id)
    return finished


def _pseudonymise_requests(session: Session, employee_id: str, name: str, alias: str) -> None:
    """The register of requests names the employee where the request was about them or made
    by them; the request stays (it is the evidence), with the pseudonym for the name."""
    wanted = " ".join(name.casefold().split())
    for row in session.scalars(select(PrivacyRequest)):
        subject = dict(row.subject)
        said = subject.get("employee")
        if isinstance(said, str) and " ".join(said.casefold().split()) == wanted:
            row.subject = {"employee": employee_id}
        if " ".join(row.requester.casefold().split()) == wanted:
            row.requester = alias
        elif name and name in row.requester:
            row.requester = row.requester.replace(name, alias)
        if name and name in row.note:
            row.note = row.note.replace(name, alias)


def _pages(values: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _in_pages(session: Session, query: Callable[[list[Any]], Any], ids: list[Any]) -> list[Any]:
    rows: list[Any] = []
    for page in _pages(ids):
        rows.extend(session.execute(query(page)).all())
    return rows


def _keys(session: Session, model: Any, recordings: list[str]) -> list[str]:
    """Primary keys ("a/b" for two columns) of ``model``'s rows of these recordings."""
    columns = list(model.__table__.primary_key.columns)
    rows = _in_pages(
        session,
        lambda page: select(*columns).where(model.recording_id.in_(page)),
        recordings,
    )
    return sorted("/".join(str(v) for v in row) for row in rows)


def _deleted(session: Session, statement: Any) -> int:
    """Rows a DELETE touched (its result is a CursorResult, which carries the count)."""
    result = cast(CursorResult[Any], session.execute(statement))
    return int(result.rowcount or 0)
