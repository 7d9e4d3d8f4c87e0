"""The audit trail: logins, overrides, voids, refunds, removed lines, exports."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .models import AuditEntry
from .outbox import enqueue


def record(
    session: Session, device_id: str, action: str, employee_id: str | None, **details: object
) -> None:
    """Adds an audit entry (and its outbox row) to the caller's transaction.

    ``details`` must not carry PINs, keys or customers' personal data.
    """
    entry = AuditEntry(device_id=device_id, action=action, employee_id=employee_id, details=details)
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
            "details": details,
        },
    )
