"""Queuing fiscal registrations in the caller's transaction (the fiscal lane's outbox).

Every sale, refund, cash movement and shift open/close calls :func:`register_operation` inside
the transaction that commits it. When the store has an online cash register configured, the
operation gets its row in ``fiscal_operations`` (state ``waiting``, the next number in the
register's order) and an outbox job on lane ``fiscal``: both commit, or neither does, together
with the sale itself. The sync engine's fiscal lane is the only reader.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forsell.domain.settings import FISCAL_PROVIDER, FISCAL_REGISTER

from .models import CashMovement, FiscalOperation, OutboxJob, Refund, Sale, Setting, Shift

FISCAL = "fiscal"
KINDS = ("sale", "refund", "cash_in", "cash_out", "shift_open", "shift_close")
PROVIDERS = ("kassa24", "webkassa")
WAITING, REGISTERED, REFUSED = "waiting", "registered", "refused"


def configured_register(session: Session) -> str | None:
    """``"<provider>:<cash register id>"`` when fiscal registration is on, else None."""
    provider = session.get(Setting, FISCAL_PROVIDER.key)
    register = session.get(Setting, FISCAL_REGISTER.key)
    name = provider.value if provider else None
    ident = register.value if register else None
    if name not in PROVIDERS or not isinstance(ident, str) or not ident.strip():
        return None
    return f"{name}:{ident.strip()}"


def register_operation(
    session: Session,
    kind: str,
    entity_id: str,
    occurred_at: datetime,
    amount: int,
    payload: dict,
) -> str | None:
    """Queues ``kind`` for fiscal registration in the caller's transaction; returns the
    operation's id (the request's idempotency key), or None when fiscal registration is off."""
    if kind not in KINDS:
        raise ValueError(f"not a fiscal operation: {kind}")
    register_key = configured_register(session)
    if register_key is None:
        return None
    last = session.scalar(
        select(func.max(FiscalOperation.seq)).where(FiscalOperation.register_key == register_key)
    )
    operation = FiscalOperation(
        register_key=register_key,
        seq=(last or 0) + 1,
        kind=kind,
        entity_id=entity_id,
        occurred_at=occurred_at,
        amount=amount,
        state=WAITING,
        autonomous=False,
    )
    session.add(operation)
    session.flush()
    session.add(
        OutboxJob(
            lane=FISCAL,
            kind=kind,
            entity_id=operation.id,
            payload={**payload, "occurred_at": occurred_at.isoformat(), "amount": amount},
            created_at=occurred_at,
            next_attempt_at=occurred_at,
        )
    )
    return operation.id


# --- what each kind of operation carries to the cash register ----------------------------------


def _positions(sale: Sale) -> list[dict]:
    """The sale's lines as the register's positions (a sale and its void carry the same)."""
    return [
        {
            "name": line.name_ru or line.name_kk or line.name_en or line.sku,
            "qty_milli": line.qty_milli,
            "unit_price": line.unit_price,
            "discount": line.discount,
            "net": line.net,
            "vat_bp": line.vat_bp,
        }
        for line in sale.lines
    ]


def queue_sale(session: Session, sale: Sale) -> str | None:
    """The sale's fiscal registration: positions with names, VAT and the payment split."""
    payload = {
        "receipt_no": sale.receipt_no,
        "lines": _positions(sale),
        "total": sale.total,
        "cash": sale.cash,
        "card": sale.card,
    }
    return register_operation(session, "sale", sale.id, sale.created_at, sale.total, payload)


def queue_refund(session: Session, refund: Refund, sale: Sale) -> str | None:
    """A refund, registered after the sale it returns (the register's order guarantees it)."""
    names = {line.id: line for line in sale.lines}
    lines = []
    for item in refund.lines:
        line = names.get(item.sale_line_id)
        lines.append(
            {
                "name": (line.name_ru or line.sku) if line else "",
                "qty_milli": item.qty_milli,
                "unit_price": line.unit_price if line else 0,
                "discount": 0,
                "net": item.amount,
                "vat_bp": line.vat_bp if line else 0,
            }
        )
    cash = refund.total if refund.method == "cash" else 0
    sale_operation = session.scalar(
        select(FiscalOperation.id).where(
            FiscalOperation.entity_id == sale.id, FiscalOperation.kind == "sale"
        )
    )
    payload = {
        "receipt_no": sale.receipt_no,
        "sale_id": sale.id,
        "sale_operation_id": sale_operation or "",
        "lines": lines,
        "total": refund.total,
        "cash": cash,
        "card": refund.total - cash,
    }
    return register_operation(
        session, "refund", refund.id, refund.created_at, refund.total, payload
    )


def queue_void(session: Session, sale: Sale) -> str | None:
    """A sale voided after it was queued: a refund of the whole sale, behind it in the
    register's line, so the register's totals and the till's X/Z agree.

    Both go through in order even when the sale is still waiting: the lane sends its head
    without claiming it first, so dropping a waiting sale could race a registration already on
    its way (the register would keep a sale the till voided), and a dropped number would leave a
    gap in the autonomous numbers (``AFP``). The refund carries the sale's id as its entity (the
    X/Z report counts it against the sale) and the sale's operation as its parent. Nothing is
    queued when the sale never was (fiscal registration off then) or was set aside."""
    sale_operation = session.scalars(
        select(FiscalOperation).where(
            FiscalOperation.entity_id == sale.id, FiscalOperation.kind == "sale"
        )
    ).first()
    if sale_operation is None or sale_operation.state not in (WAITING, REGISTERED, REFUSED):
        return None
    assert sale.voided_at is not None
    payload = {
        "receipt_no": sale.receipt_no,
        "sale_id": sale.id,
        "sale_operation_id": sale_operation.id,
        "void": True,
        "lines": _positions(sale),
        "total": sale.total,
        "cash": sale.cash,
        "card": sale.card,
    }
    return register_operation(session, "refund", sale.id, sale.voided_at, sale.total, payload)


def queue_cash_movement(session: Session, move: CashMovement) -> str | None:
    """Cash put in (``cash_in``) or taken out (``cash_out``) of the drawer."""
    kind = "cash_in" if move.amount > 0 else "cash_out"
    return register_operation(
        session, kind, move.id, move.at, abs(move.amount), {"total": abs(move.amount)}
    )


def queue_shift(session: Session, shift: Shift, closing: bool) -> str | None:
    """The till's shift opened or closed: the cash register's shift follows it (Z on close)."""
    if closing:
        assert shift.closed_at is not None
        return register_operation(
            session, "shift_close", shift.id, shift.closed_at, 0, {"z_number": shift.z_number}
        )
    return register_operation(session, "shift_open", shift.id, shift.opened_at, 0, {})
