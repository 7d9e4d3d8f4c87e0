"""Kassa24 Business (business.kassa24.kz): fiscal receipts through its online cash register API.

Read from the service's own documentation:

* "Работа с кассами", https://business.kassa24.kz/documentation/working-with-cash-registers —
  ``GET /kkms?companies=…`` lists the cash registers of every company the user is linked to;
  answers are wrapped as ``{"Status": 200, "Message": "OK", "Data": {...}}`` and a register
  carries ``Id``, ``Address``, ``Allowed``, ``Company``, ``StatusKKM``.
* "Операции", https://business.kassa24.kz/documentation/operations (the same text at
  https://docs.kassa24.kz/books/onlain-kassa-fiscal24/page/operacii) — a receipt operation takes
  ``Uid`` in a header (the request's idempotency key); autonomous mode switches on and off by
  itself; an operation sent late may carry ``AFP``, its autonomous number (uint32, 0 to
  4 294 967 295), and ``ReceiptDate``, the time it was rung up (RFC 3339); the order of
  operations must be kept — an operation dated before the previous one is refused with
  400 "Нарушена очередность операций".

What those pages did not show, and this client ASSUMES (each is marked ASSUMPTION below and is
what the FAKE in ``forsell.fakes.fake_kassa24`` implements, so a difference from the real
service shows up in one place): the bearer token header, the paths of the operations and of the
shift calls, the names of the body's fields (``Positions``, ``Payments``, ``Total``…), the
names of the fiscal attributes in the answer, the messages of a blocked register and of a shift
over 24 hours (the client tells refusals apart by the service's message; statuses are read only
by ``sync/answers.py``), and that a repeated ``Uid`` answers the first result again. Sums are
sent in tenge with two decimals, as the API's examples show money.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from ..answers import json_object, raise_for_answer
from ..errors import BadResponse, Rejected
from ..providers._http import send
from .base import (
    INVALID,
    ORDER_VIOLATED,
    REGISTER_BLOCKED,
    SHIFT_OVER_24H,
    CashRegisterInfo,
    FiscalAttributes,
    FiscalRefused,
    FiscalRequest,
    ShiftState,
)

NAME = "kassa24"
DEFAULT_URL = "https://business.kassa24.kz/api"  # ASSUMPTION: the API's base address

#: ASSUMPTION: the path of each operation under ``/kkms/{id}``.
PATHS = {
    "sale": "operations/sell",
    "refund": "operations/sell-return",
    "cash_in": "operations/cash-in",
    "cash_out": "operations/cash-out",
    "shift_open": "shifts/open",
    "shift_close": "shifts/close",
}
#: The service's messages that name a refusal. The first is documented; the others ASSUMED.
MESSAGES = {
    "Нарушена очередность операций": ORDER_VIOLATED,
    "Касса заблокирована": REGISTER_BLOCKED,
    "Смена превысила 24 часа": SHIFT_OVER_24H,
}
#: Payment types in ``Payments`` (ASSUMPTION).
CASH, CARD = 0, 1
AFP_MAX = 4_294_967_295


def tenge(tiyn: int) -> str:
    """Tiyn as the API's money: ``125000`` → ``"1250.00"``."""
    sign = "-" if tiyn < 0 else ""
    whole, part = divmod(abs(tiyn), 100)
    return f"{sign}{whole}.{part:02d}"


def tiyn_of(value: Any) -> int:
    """The API's money back to tiyn (a number or a decimal string), without floats."""
    text = str(value).strip()
    sign = -1 if text.startswith("-") else 1
    whole, _, part = text.lstrip("+-").partition(".")
    return sign * (int(whole or "0") * 100 + int((part + "00")[:2]))


def rfc3339(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def body_for(request: FiscalRequest) -> dict[str, Any]:
    """The JSON body of one operation (field names: ASSUMPTION, see the module's docstring)."""
    p = request.payload
    body: dict[str, Any] = {}
    if request.kind in ("sale", "refund"):
        body["Positions"] = [
            {
                "Name": line["name"][:128],
                "Count": f"{line['qty_milli'] / 1000:.3f}",
                "Price": tenge(line["unit_price"]),
                "Discount": tenge(line.get("discount", 0)),
                "Sum": tenge(line["net"]),
                "TaxPercent": line["vat_bp"] // 100,
            }
            for line in p["lines"]
        ]
        body["Payments"] = [
            {"Type": kind, "Sum": tenge(p[name])}
            for kind, name in ((CASH, "cash"), (CARD, "card"))
            if p.get(name)
        ]
        body["Total"] = tenge(p["total"])
        if request.kind == "refund":
            body["ParentUid"] = p.get("sale_operation_id", "")
    elif request.kind in ("cash_in", "cash_out"):
        body["Sum"] = tenge(p["total"])
    # The documented autonomous fields: the original time always (the register keeps the order
    # by it), the autonomous number when the operation goes out late.
    body["ReceiptDate"] = rfc3339(request.occurred_at)
    if request.autonomous:
        body["AFP"] = request.seq % (AFP_MAX + 1)
    return body


class Kassa24Client:
    """One Kassa24 Business account (its API token) over an ``httpx.AsyncClient``."""

    name = NAME

    def __init__(self, client: httpx.AsyncClient, token: str, base_url: str = DEFAULT_URL) -> None:
        self.client = client
        self.token = token
        self.base_url = base_url.rstrip("/")

    def _headers(self, uid: str | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        if uid is not None:
            headers["Uid"] = uid
        return headers

    async def _call(
        self, method: str, path: str, uid: str | None = None, body: dict | None = None
    ) -> dict[str, Any]:
        request = self.client.build_request(
            method, f"{self.base_url}/{path}", headers=self._headers(uid), json=body
        )
        response = await send(self.client, request, NAME)
        try:
            raise_for_answer(response, NAME)  # the one reading of HTTP statuses (sync/answers)
        except Rejected as exc:  # the API's own 4xx about this request: the register refused it
            raise refusal(response, exc) from None
        data = json_object(response, NAME)
        inner = data.get("Data")
        if not isinstance(inner, dict):
            raise BadResponse(f"{NAME}: answer without Data", delivered=True)
        return inner

    async def register(self, request: FiscalRequest) -> FiscalAttributes:
        """Registers one operation; the same ``operation_id`` again answers the first result."""
        path = f"kkms/{request.register_id}/{PATHS[request.kind]}"
        data = await self._call("POST", path, request.operation_id, body_for(request))
        return attributes_of(data)

    async def registers(self) -> list[CashRegisterInfo]:
        data = await self._call("GET", "kkms")
        found = []
        for kkm in data.get("Kkms") or []:
            if not isinstance(kkm, dict) or "Id" not in kkm:
                continue
            address = kkm.get("Address") or {}
            status = kkm.get("StatusKKM") or {}
            found.append(
                CashRegisterInfo(
                    id=str(kkm["Id"]),
                    name=str(kkm.get("Name") or kkm.get("Znm") or kkm["Id"]),
                    address=str(address.get("Name", "") if isinstance(address, dict) else ""),
                    allowed=bool(kkm.get("Allowed", False)),
                    status=str(status.get("Name", "") if isinstance(status, dict) else ""),
                )
            )
        return found

    async def shift_state(self, register_id: str) -> ShiftState:
        data = await self._call("GET", f"kkms/{register_id}/shift")  # ASSUMPTION: the path
        opened = data.get("OpenedAt")
        return ShiftState(
            open=bool(data.get("Open")),
            opened_at=datetime.fromisoformat(opened) if opened else None,
            totals={str(k): tiyn_of(v) for k, v in (data.get("Totals") or {}).items()},
        )


def refusal(response: httpx.Response, rejected: Rejected) -> FiscalRefused:
    """The cash register's refusal of this operation, with the reason its message names (the
    service's documented texts); a message it does not document is a refusal of the data."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        body = None
    message = str(body.get("Message", "")) if isinstance(body, dict) else ""
    reason = MESSAGES.get(message.strip(), INVALID)
    return FiscalRefused(reason, f"{rejected.detail} {message[:200]}".strip())


def attributes_of(data: dict[str, Any]) -> FiscalAttributes:
    """The fiscal attributes of a registered operation (field names: ASSUMPTION)."""
    try:
        sign = str(data["FiscalSign"])
        number = str(data["Number"])
    except KeyError as exc:
        raise BadResponse(f"{NAME}: answer without {exc.args[0]}", delivered=True) from None
    totals = data.get("Totals")
    return FiscalAttributes(
        fiscal_sign=sign,
        fiscal_number=number,
        register_number=str(data.get("Rnm", "")),
        qr_url=str(data.get("QrUrl", "")),
        autonomous=bool(data.get("Offline", False)),
        totals={str(k): tiyn_of(v) for k, v in totals.items()}
        if isinstance(totals, dict)
        else None,
    )
