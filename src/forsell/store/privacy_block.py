"""Recordings blocked by a data subject's request (policy 6.3): never uploaded, transcribed or
scored, and played back only by an admin.

A block names one recording (a customer's) or an employee (every recording of theirs, also the
ones made after the block). Like the consent hold it is derived at the moment of asking, so a
block made while an upload waits for its retry still stops it.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from .models import PrivacyBlock, Recording

#: The audio lane's reason code for a recording it does not upload.
SUBJECT_BLOCKED = "subject_blocked"


def blocked_clause() -> ColumnElement[bool]:
    """True for a ``Recording`` row a data subject's block covers (use in a WHERE)."""
    return exists(
        select(PrivacyBlock.id).where(
            or_(
                PrivacyBlock.recording_id == Recording.id,
                PrivacyBlock.employee_id == Recording.employee_id,
            )
        )
    )


def block_reason(session: Session, recording_id: str) -> str | None:
    """``SUBJECT_BLOCKED`` when a block covers the recording, else None (unknown ids too)."""
    blocked = session.scalar(select(blocked_clause()).where(Recording.id == recording_id))
    return SUBJECT_BLOCKED if blocked else None
