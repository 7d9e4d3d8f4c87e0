"""The online cash register interface: one fiscal operation in, its fiscal attributes out.

Every cash register service (Kassa24 Business now, Webkassa once its contract is signed)
implements ``CashRegisterClient``; the fiscal lane knows nothing else about it. Errors are raised
as the ``sync.errors`` tree: a lost answer is ``Retryable`` (the request is sent again with the
same idempotency key, so it never registers twice), a refusal is ``FiscalRefused`` with a reason
the till words in the cashier's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from ..errors import Rejected

# Why a cash register refused an operation; each is a message key ``fiscal.<reason>``.
ORDER_VIOLATED = "order_violated"  # an operation dated before the previous one
REGISTER_BLOCKED = "register_blocked"  # the service or the tax office blocked the register
SHIFT_OVER_24H = "shift_over_24h"  # the register's shift must be closed (Z) first
INVALID = "invalid"  # the request itself is wrong (a field, a sum)
REASONS = (ORDER_VIOLATED, REGISTER_BLOCKED, SHIFT_OVER_24H, INVALID)


class FiscalRefused(Rejected):
    """The cash register refused this operation for good (until someone acts)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail or reason)
        self.key = f"fiscal.{reason}"


@dataclass(frozen=True)
class FiscalRequest:
    """One operation as the lane hands it to a client."""

    operation_id: str  # the idempotency key (Kassa24: the ``Uid`` header)
    register_id: str
    kind: str  # sale | refund | cash_in | cash_out | shift_open | shift_close
    seq: int  # the register's order; the autonomous number when sent late
    occurred_at: datetime  # when it happened at the till (aware UTC)
    autonomous: bool  # sent late: carries its original time and autonomous number
    payload: dict[str, Any]


@dataclass(frozen=True)
class FiscalAttributes:
    """What the customer's receipt shows once the operation is registered."""

    fiscal_sign: str
    fiscal_number: str
    register_number: str  # the register's number at the tax office (РНМ)
    qr_url: str
    autonomous: bool = False
    totals: dict[str, int] | None = None  # a shift close: the register's sums, tiyn


@dataclass(frozen=True)
class CashRegisterInfo:
    id: str
    name: str
    address: str
    allowed: bool
    status: str


@dataclass(frozen=True)
class ShiftState:
    open: bool
    opened_at: datetime | None = None
    totals: dict[str, int] = field(default_factory=dict)  # tiyn by kind, this shift


@runtime_checkable
class CashRegisterClient(Protocol):
    name: str  # "kassa24" | "webkassa" | …

    async def register(self, request: FiscalRequest) -> FiscalAttributes: ...

    async def registers(self) -> list[CashRegisterInfo]: ...

    async def shift_state(self, register_id: str) -> ShiftState: ...
