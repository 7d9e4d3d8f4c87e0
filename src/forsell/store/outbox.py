"""Writing the transactional outbox. The sync engine (sync/) is its only reader."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .models import OutboxJob

BUSINESS = "business"
AUDIO = "audio"


def enqueue(
    session: Session, kind: str, entity_id: str, payload: dict, lane: str = BUSINESS
) -> None:
    """Adds a job to the caller's transaction, so it commits (or not) together with the change."""
    session.add(OutboxJob(lane=lane, kind=kind, entity_id=entity_id, payload=payload))
