"""Recordings held because their speaker withdrew consent: never uploaded, transcribed, scored.

A withdrawal covers every recording of that employee made before it (law No. 94-V: after a
withdrawal the operator stops processing). The hold is derived, not stored: a recording is held
when its employee has a recording consent withdrawn at or after the recording started. So a
recording still being sealed when the consent is withdrawn is held as well, and recordings made
under a consent given again later are not. The sync's audio lane, scoring and the admin's
"destroy held recordings" all ask here.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from .models import Recording, RecordingConsent

#: The audio lane's reason code for a recording it does not upload.
CONSENT_WITHDRAWN = "consent_withdrawn"
RECORDING = "recording"
#: The purpose of a consent to the transfer of audio to a provider outside Kazakhstan.
ABROAD = "abroad"


def held_clause() -> ColumnElement[bool]:
    """True for a ``Recording`` row that a withdrawn consent holds (use in a WHERE)."""
    return exists(
        select(RecordingConsent.id).where(
            RecordingConsent.employee_id == Recording.employee_id,
            RecordingConsent.purpose == RECORDING,
            RecordingConsent.withdrawn_at.is_not(None),
            RecordingConsent.withdrawn_at >= Recording.started_at,
        )
    )


def hold_reason(session: Session, recording_id: str) -> str | None:
    """``CONSENT_WITHDRAWN`` when the recording is held, else None (unknown ids too)."""
    held = session.scalar(select(held_clause()).where(Recording.id == recording_id))
    return CONSENT_WITHDRAWN if held else None


def held_counts(session: Session) -> dict[str, int]:
    """Per employee, how many of their recordings are held and not shredded yet. One grouped
    query through each employee's latest withdrawal (the same rule as ``held_clause``): the
    admin's list asks on the GUI thread, and a correlated check per recording is slow on a
    store with tens of thousands of them."""
    latest = (
        select(
            RecordingConsent.employee_id.label("employee_id"),
            func.max(RecordingConsent.withdrawn_at).label("withdrawn_at"),
        )
        .where(RecordingConsent.purpose == RECORDING, RecordingConsent.withdrawn_at.is_not(None))
        .group_by(RecordingConsent.employee_id)
        .subquery()
    )
    rows = session.execute(
        select(Recording.employee_id, func.count())
        .join(latest, latest.c.employee_id == Recording.employee_id)
        .where(Recording.shredded_at.is_(None), Recording.started_at <= latest.c.withdrawn_at)
        .group_by(Recording.employee_id)
    )
    return {employee_id: count for employee_id, count in rows.all() if employee_id is not None}


def abroad_consented(session: Session, recording_id: str) -> bool:
    """Whether the recording's speaker has a consent in force to their audio going to a provider
    outside Kazakhstan (the store's "audio abroad" switch is not enough on its own: law No.
    94-V asks the subject's consent to a cross-border transfer). A recording with no speaker on
    file (made before speakers were kept) follows the store's switch alone."""
    row = session.execute(
        select(
            Recording.employee_id,
            exists(
                select(RecordingConsent.id).where(
                    RecordingConsent.employee_id == Recording.employee_id,
                    RecordingConsent.purpose == ABROAD,
                    RecordingConsent.withdrawn_at.is_(None),
                )
            ),
        ).where(Recording.id == recording_id)
    ).first()
    return row is None or row[0] is None or bool(row[1])
