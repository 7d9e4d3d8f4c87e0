"""Who may be recorded, and when: the store's switch, each cashier's consent, shift pauses.

Recording happens only when the admin has turned it on, the cashier on duty has a recorded
consent that is not withdrawn, the shift is not paused by a supervisor, and keys can be kept in
the OS secret store. ``gate()`` answers with the first reason that says no.

Consent records (law No. 94-V): one per purpose (``recording``; ``abroad``: audio to a speech
provider outside Kazakhstan), each with the consent text's version and language, the subject,
who recorded it and when; a withdrawal keeps when, by whom (the subject, confirmed with their
PIN, or an admin on their behalf, with a reason) and why. A consent to an older text version
still counts while it is not withdrawn. A withdrawal holds every recording of that person made
before it (``store/consent_hold.py``): never uploaded, transcribed or scored; an admin may
destroy them (crypto-shredding). Giving, withdrawing and destroying are audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.consent_hold import RECORDING, held_clause, held_counts
from forsell.store.models import Employee, Recording, RecordingConsent, RecordingPause

from . import settings as s
from .access import public, refuse_below, requires
from .auth import EmployeeView, StaffService
from .context import TillContext
from .privacy.consent_records import ABROAD, PURPOSES, ConsentText, consent_text
from .shifts import open_shift_id

if TYPE_CHECKING:
    from forsell.vault.keys import KeyVault


@dataclass(frozen=True)
class Gate:
    """``reason``: None when recording may happen, else off | no_consent | paused | no_shift."""

    reason: str | None

    @property
    def open(self) -> bool:
        """True when nothing stops the recording."""
        return self.reason is None


@dataclass(frozen=True)
class ConsentView:
    """One employee in the admin's consent list."""

    employee_id: str
    name: str
    role: Role
    given_at: datetime | None  # store-local; None = no consent to recording in force
    text_version: str = ""  # of the recording consent in force
    abroad_given_at: datetime | None = None  # store-local; the transfer abroad
    withdrawn_at: datetime | None = None  # the latest withdrawal, when nothing is in force
    held: int = 0  # recordings a withdrawal holds (not shredded yet)


@dataclass(frozen=True)
class ConsentRecordView:
    """One consent record, as the employee and the admin see it (times in store time)."""

    id: str
    employee_id: str
    purpose: str  # recording | abroad
    text_version: str  # "legacy": recorded before the consent texts shipped
    text_language: str | None
    given_at: datetime
    recorded_by: str  # name
    withdrawn_at: datetime | None
    withdrawn_by: str | None  # name
    withdrawn_by_subject: bool  # the employee themself (else an admin on their behalf)
    withdrawal_reason: str | None

    @property
    def in_force(self) -> bool:
        """Given and not withdrawn."""
        return self.withdrawn_at is None


@dataclass(frozen=True)
class PauseView:
    reason: str
    paused_by: str
    paused_at: datetime  # store-local


class ConsentService:
    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    # --- the store's switch -------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Whether the admin has turned recording on for this store."""
        return self.ctx.settings.get(s.RECORDING_ENABLED)

    @requires(Role.ADMIN)
    def set_enabled(self, admin: EmployeeView, enabled: bool) -> None:
        """Turning recording on also puts the recording notice on receipts, unless the admin
        already wrote a footer of their own."""
        settings = self.ctx.settings
        settings.set(s.RECORDING_ENABLED, enabled)
        if enabled and settings.get(s.RECEIPT_FOOTER) in ("", s.RECEIPT_FOOTER.default):
            settings.set(s.RECEIPT_FOOTER, s.RECORDING_NOTICE)
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "recording_enabled" if enabled else "recording_disabled",
                admin.id,
            )

    # --- consent ------------------------------------------------------------------------------

    @public
    def consents(self) -> list[ConsentView]:
        """Every active employee with their consents in force (store time), the latest
        withdrawal when nothing is in force, and how many recordings a withdrawal holds."""
        with self.ctx.db.read() as session:
            staff = session.scalars(
                select(Employee).where(Employee.active).order_by(Employee.name)
            ).all()
            rows = session.scalars(
                select(RecordingConsent).order_by(RecordingConsent.given_at)
            ).all()
            held = held_counts(session)
        in_force = {(c.employee_id, c.purpose): c for c in rows if c.withdrawn_at is None}
        withdrawn = {c.employee_id: c.withdrawn_at for c in rows if c.withdrawn_at is not None}
        views = []
        for e in staff:
            rec, abroad = in_force.get((e.id, RECORDING)), in_force.get((e.id, ABROAD))
            last_out = withdrawn.get(e.id) if rec is None else None
            views.append(
                ConsentView(
                    e.id,
                    e.name,
                    Role(e.role),
                    self.ctx.local(rec.given_at) if rec else None,
                    rec.text_version if rec else "",
                    self.ctx.local(abroad.given_at) if abroad else None,
                    self.ctx.local(last_out) if last_out else None,
                    held.get(e.id, 0),
                )
            )
        return views

    @requires(Role.CASHIER)
    def records(self, who: EmployeeView, employee_id: str) -> list[ConsentRecordView]:
        """The consent records of one employee, newest first: their own for anyone, anyone's
        for an admin (``admin.only`` otherwise)."""
        if who.id != employee_id:
            refuse_below(who, Role.ADMIN)
        with self.ctx.db.read() as session:
            names = dict(session.execute(select(Employee.id, Employee.name)).all())
            rows = session.scalars(
                select(RecordingConsent)
                .where(RecordingConsent.employee_id == employee_id)
                .order_by(RecordingConsent.given_at.desc())
            ).all()
            return [
                ConsentRecordView(
                    c.id,
                    c.employee_id,
                    c.purpose,
                    c.text_version,
                    c.text_language,
                    self.ctx.local(c.given_at),
                    names.get(c.recorded_by, ""),
                    self.ctx.local(c.withdrawn_at) if c.withdrawn_at else None,
                    names.get(c.withdrawn_by, "") if c.withdrawn_by else None,
                    c.withdrawn_by == c.employee_id,
                    c.withdrawal_reason,
                )
                for c in rows
            ]

    @public
    def text(self, language: str, version: str | None = None) -> ConsentText:
        """The consent text (the one in force, or ``version``) naming this store and its BIN."""
        return consent_text(self.ctx.settings, language, version)

    @public
    def has_consent(self, employee_id: str, purpose: str = RECORDING) -> bool:
        """True when the employee has a consent for ``purpose`` on file that is not withdrawn
        (to any text version: an older text still counts)."""
        with self.ctx.db.read() as session:
            return (
                session.scalar(
                    select(RecordingConsent.id).where(
                        RecordingConsent.employee_id == employee_id,
                        RecordingConsent.purpose == purpose,
                        RecordingConsent.withdrawn_at.is_(None),
                    )
                )
                is not None
            )

    @requires(Role.ADMIN)
    def give_consent(
        self,
        admin: EmployeeView,
        employee_id: str,
        purposes: Iterable[str] = (RECORDING,),
        language: str | None = None,
    ) -> None:
        """Records that the employee consented, for each of ``purposes``, to the consent text
        in force, shown in ``language`` (None: the employee's own); the signed paper stays with
        the admin. A purpose already in force is left as it is. Audited as ``consent_given``."""
        purposes = [p for p in purposes if p in PURPOSES]
        with self.ctx.db.write() as session:
            subject = session.get(Employee, employee_id)
            if subject is None:
                raise CashierError("login.unknown", "No such employee")
            shown = self.text(language or subject.language or "ru")
            now = self.ctx.clock()
            for purpose in purposes:
                if self._in_force(session, employee_id, purpose):
                    continue
                session.add(
                    RecordingConsent(
                        employee_id=employee_id,
                        purpose=purpose,
                        text_version=shown.version,
                        text_language=shown.language,
                        given_at=now,
                        recorded_by=admin.id,
                    )
                )
                audit.record(
                    session,
                    self.ctx.device_id,
                    "consent_given",
                    admin.id,
                    subject_id=employee_id,
                    purpose=purpose,
                    text_version=shown.version,
                    language=shown.language,
                )

    @requires(Role.CASHIER)
    def withdraw_consent(
        self,
        who: EmployeeView,
        employee_id: str,
        reason: str = "",
        purposes: Iterable[str] = PURPOSES,
    ) -> int:
        """Withdraws the employee's consents for ``purposes`` (recording and the transfer
        abroad unless told otherwise). The employee may withdraw their own (the UI confirms it
        with their PIN: ``withdraw_own``); an admin records anyone's, on their behalf, with a
        reason. Recording of that employee is refused from now on (the UI stops a running one
        at once) and every recording of theirs made before is held. Audited as
        ``consent_withdrawn``. Returns how many recordings are held now.

        Raises ``CashierError``: ``admin.only`` (someone else's, not an admin),
        ``consent.reason`` (an admin's withdrawal without a reason)."""
        on_behalf = who.id != employee_id
        if on_behalf:
            refuse_below(who, Role.ADMIN)
            if not reason.strip():
                raise CashierError("consent.reason", "Write down why the consent is withdrawn")
        purposes = [p for p in purposes if p in PURPOSES]
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            withdrawn = []
            for c in session.scalars(
                select(RecordingConsent).where(
                    RecordingConsent.employee_id == employee_id,
                    RecordingConsent.purpose.in_(purposes),
                    RecordingConsent.withdrawn_at.is_(None),
                )
            ):
                c.withdrawn_at, c.withdrawn_by = now, who.id
                c.withdrawal_reason = reason.strip()[:200] or None
                withdrawn.append(c.purpose)
            session.flush()
            held = self._held_ids(session, employee_id)
            audit.record(
                session,
                self.ctx.device_id,
                "consent_withdrawn",
                who.id,
                subject_id=employee_id,
                purposes=sorted(withdrawn),
                on_behalf=on_behalf,
                reason=reason.strip()[:200],
                held=len(held),
            )
        return len(held)

    @requires(Role.CASHIER)
    def withdraw_own(self, who: EmployeeView, pin: str, purposes: Iterable[str] = PURPOSES) -> int:
        """The employee withdraws their own consent, confirmed with their PIN (checked like a
        sign-in: wrong PINs count towards the lock-out). Returns how many recordings are held.

        Raises ``CashierError``: ``login.wrong_pin``, ``login.locked`` and the ``pin.*``
        refusals of the PIN check; nothing is withdrawn then."""
        StaffService(self.ctx).login(who.id, pin)
        return self.withdraw_consent(who, who.id, "", purposes)

    @requires(Role.ADMIN)
    def held_recordings(self, admin: EmployeeView, employee_id: str) -> list[str]:
        """Ids of the employee's recordings that a withdrawal holds and that still exist."""
        del admin  # the role check is the point
        with self.ctx.db.read() as session:
            return self._held_ids(session, employee_id)

    @requires(Role.ADMIN)
    def destroy_held(self, admin: EmployeeView, employee_id: str, vault: KeyVault) -> int:
        """Crypto-shreds every recording of the employee that a withdrawal holds (keys
        destroyed, audio gone, rows kept as evidence). Audited as ``consent_held_destroyed``
        (and ``recordings_shredded``). Returns how many were destroyed."""
        from .recordings import RecordingLibrary

        ids = self.held_recordings(admin, employee_id)
        if not ids:
            return 0
        RecordingLibrary(self.ctx, vault).shred(admin, ids, "consent withdrawn")
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "consent_held_destroyed",
                admin.id,
                subject_id=employee_id,
                count=len(ids),
            )
        return len(ids)

    @staticmethod
    def _in_force(session, employee_id: str, purpose: str) -> bool:
        return (
            session.scalar(
                select(RecordingConsent.id).where(
                    RecordingConsent.employee_id == employee_id,
                    RecordingConsent.purpose == purpose,
                    RecordingConsent.withdrawn_at.is_(None),
                )
            )
            is not None
        )

    @staticmethod
    def _held_ids(session, employee_id: str) -> list[str]:
        return list(
            session.scalars(
                select(Recording.id)
                .where(
                    Recording.employee_id == employee_id,
                    Recording.shredded_at.is_(None),
                    held_clause(),
                )
                .order_by(Recording.started_at)
            )
        )

    # --- pausing a shift ----------------------------------------------------------------------

    @requires(Role.SUPERVISOR)
    def pause(self, supervisor: EmployeeView, reason: str) -> None:
        """A supervisor pauses recording for the open shift, giving a reason (kept and audited); a
        second pause changes nothing.

        Raises ``CashierError``: ``supervisor.only``, ``recording.pause_reason`` (no
        reason), ``shift.not_open``."""
        if not reason.strip():
            raise CashierError("recording.pause_reason", "Give a reason for the pause")
        with self.ctx.db.write() as session:
            shift_id = open_shift_id(self.ctx, session)
            if shift_id is None:
                raise CashierError("shift.not_open", "Open a shift first")
            if self._open_pause(session, shift_id) is None:
                session.add(
                    RecordingPause(
                        shift_id=shift_id,
                        paused_by=supervisor.id,
                        reason=reason.strip()[:200],
                        paused_at=self.ctx.clock(),
                    )
                )
                audit.record(
                    session,
                    self.ctx.device_id,
                    "recording_paused",
                    supervisor.id,
                    shift_id=shift_id,
                    reason=reason.strip()[:200],
                )

    @requires(Role.SUPERVISOR)
    def resume(self, supervisor: EmployeeView) -> None:
        """A supervisor lets recording go on in the open shift (audited); without a pause nothing
        happens. Raises ``CashierError`` ``supervisor.only``."""
        with self.ctx.db.write() as session:
            shift_id = open_shift_id(self.ctx, session)
            pause = self._open_pause(session, shift_id) if shift_id else None
            if pause is not None:
                pause.resumed_at = self.ctx.clock()
                audit.record(
                    session,
                    self.ctx.device_id,
                    "recording_resumed",
                    supervisor.id,
                    shift_id=shift_id,
                )

    @public
    def current_pause(self) -> PauseView | None:
        """The pause in force in the open shift (reason, who, since when), or None."""
        with self.ctx.db.read() as session:
            shift_id = open_shift_id(self.ctx, session)
            pause = self._open_pause(session, shift_id) if shift_id else None
            if pause is None:
                return None
            who = session.get(Employee, pause.paused_by)
            return PauseView(pause.reason, who.name if who else "", self.ctx.local(pause.paused_at))

    @staticmethod
    def _open_pause(session, shift_id: str) -> RecordingPause | None:
        return session.scalar(
            select(RecordingPause).where(
                RecordingPause.shift_id == shift_id, RecordingPause.resumed_at.is_(None)
            )
        )

    # --- the gate -----------------------------------------------------------------------------

    @public
    def gate(self, employee_id: str | None) -> Gate:
        """May ``employee_id`` be recorded now? A ``Gate`` whose ``reason`` is the first that says
        no (``off``: the store's switch, ``no_consent``, ``no_shift``, ``paused``), or None."""
        if not self.enabled:
            return Gate("off")
        if employee_id is None or not self.has_consent(employee_id):
            return Gate("no_consent")
        if open_shift_id(self.ctx) is None:
            return Gate("no_shift")
        if self.current_pause() is not None:
            return Gate("paused")
        return Gate(None)
