"""Who may be recorded, and when: the store's switch, each cashier's consent, shift pauses.

Recording happens only when the admin has turned it on, the cashier on duty has a recorded
consent that is not withdrawn, the shift is not paused by a supervisor, and keys can be kept in
the OS secret store. ``gate()`` answers with the first reason that says no.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import Employee, RecordingConsent, RecordingPause

from . import settings as s
from .access import public, refuse_below, requires
from .auth import EmployeeView
from .context import TillContext
from .shifts import open_shift_id


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
    employee_id: str
    name: str
    role: Role
    given_at: datetime | None  # store-local; None = no consent


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
        """Every active employee with the time (store time) of their recording consent, or None."""
        with self.ctx.db.read() as session:
            staff = session.scalars(
                select(Employee).where(Employee.active).order_by(Employee.name)
            ).all()
            active = {
                c.employee_id: c
                for c in session.scalars(
                    select(RecordingConsent).where(RecordingConsent.withdrawn_at.is_(None))
                )
            }
            return [
                ConsentView(
                    e.id,
                    e.name,
                    Role(e.role),
                    self.ctx.local(active[e.id].given_at) if e.id in active else None,
                )
                for e in staff
            ]

    @public
    def has_consent(self, employee_id: str) -> bool:
        """True when the employee has a recording consent on file that is not withdrawn."""
        with self.ctx.db.read() as session:
            return (
                session.scalar(
                    select(RecordingConsent.id).where(
                        RecordingConsent.employee_id == employee_id,
                        RecordingConsent.withdrawn_at.is_(None),
                    )
                )
                is not None
            )

    @requires(Role.ADMIN)
    def give_consent(self, admin: EmployeeView, employee_id: str) -> None:
        """Records that the employee consented (the signed paper stays with the admin)."""
        if self.has_consent(employee_id):
            return
        with self.ctx.db.write() as session:
            session.add(
                RecordingConsent(
                    employee_id=employee_id, given_at=self.ctx.clock(), recorded_by=admin.id
                )
            )
            audit.record(
                session, self.ctx.device_id, "consent_given", admin.id, subject_id=employee_id
            )

    @requires(Role.CASHIER)
    def withdraw_consent(self, who: EmployeeView, employee_id: str) -> None:
        """An employee may withdraw their own consent; an admin may record anyone's withdrawal.
        Recording of that employee stops from their next sale."""
        if who.id != employee_id:
            refuse_below(who, Role.ADMIN)
        with self.ctx.db.write() as session:
            for c in session.scalars(
                select(RecordingConsent).where(
                    RecordingConsent.employee_id == employee_id,
                    RecordingConsent.withdrawn_at.is_(None),
                )
            ):
                c.withdrawn_at = self.ctx.clock()
            audit.record(
                session, self.ctx.device_id, "consent_withdrawn", who.id, subject_id=employee_id
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
