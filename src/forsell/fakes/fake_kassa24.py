"""FAKE Kassa24 Business cash register service — registers nothing with any tax office.

Follows what ``forsell.sync.cash_registers.kassa24`` reads from the service's documentation (and
the same marked assumptions), so the client and this fake meet in one shape:

* ``Authorization: Bearer <token>`` on every call; an unknown or expired token → 401
  ``{"Status": 401, "Message": "Unauthorized"}``.
* ``GET /kkms`` → ``{"Status": 200, "Message": "OK", "Data": {"Kkms": [...]}}``; ``GET
  /kkms/{id}/shift`` → the shift's state and its sums.
* ``POST /kkms/{id}/operations/{sell|sell-return|cash-in|cash-out}`` and ``POST
  /kkms/{id}/shifts/{open|close}`` with the ``Uid`` header (missing → 400). The same ``Uid``
  again answers the first result again and registers nothing (the idempotency the lane relies
  on). ``ReceiptDate`` (RFC 3339) before the register's last operation → 400 "Нарушена
  очередность операций"; ``AFP`` outside uint32 → 400; an operation with ``AFP`` is registered
  as autonomous (``Offline: true``). A shift opens by itself with the first operation; an
  operation more than 24 h after the shift opened → 400 "Смена превысила 24 часа"; a blocked
  register → 423 "Касса заблокирована".
* Every answer carries ``x-fake: true``; fiscal signs start with ``FAKE-``.

Fault injection (:mod:`forsell.fakes.faults`): latency, 5xx, timeouts, resets and "commit,
then drop the answer"; :meth:`FakeKassa24.expire_token` makes the current token expire (the
next call gets 401 until :meth:`issue_token`). ``/_fake/stats`` lists what was registered.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .common import control_routes
from .faults import Faults, FaultyApp

DEFAULT_TOKEN = "fake-kassa24-token"
DEFAULT_REGISTER = "2062"
OPERATIONS = {
    "sell": "sale",
    "sell-return": "refund",
    "cash-in": "cash_in",
    "cash-out": "cash_out",
}
ORDER_VIOLATED = "Нарушена очередность операций"
BLOCKED = "Касса заблокирована"
SHIFT_OVER = "Смена превысила 24 часа"
AFP_MAX = 4_294_967_295


def _answer(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse({"Status": status, "Message": "OK", "Data": data}, status_code=status)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"Status": status, "Message": message}, status_code=status)


def _date(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _tiyn(value: Any) -> int:
    whole, _, part = str(value).partition(".")
    return int(whole or "0") * 100 + int((part + "00")[:2])


@dataclass
class Registered:
    """One operation the fake registered (what a test checks)."""

    uid: str
    kind: str
    receipt_date: datetime
    afp: int | None
    total: int
    fiscal_sign: str
    answer: dict[str, Any]


@dataclass
class _Register:
    id: str
    name: str
    blocked: bool = False
    shift_opened_at: datetime | None = None
    last_date: datetime | None = None
    totals: dict[str, int] = field(default_factory=dict)
    log: list[Registered] = field(default_factory=list)


class FakeKassa24:
    """The FAKE service for one account; ``registers`` are its cash registers' ids."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        registers: tuple[str, ...] = (DEFAULT_REGISTER,),
        seed: int = 0,
        clock: Any = None,
    ) -> None:
        self.faults = Faults(seed=seed)
        self._lock = threading.Lock()
        self._initial = (token, registers)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.reset()
        routes = [
            Route("/kkms", self._list, methods=["GET"]),
            Route("/kkms/{kkm}/shift", self._shift, methods=["GET"]),
            Route("/kkms/{kkm}/operations/{op}", self._operation, methods=["POST"]),
            Route("/kkms/{kkm}/shifts/{action}", self._shift_action, methods=["POST"]),
            *control_routes(self.stats, self.faults, self.reset),
        ]
        self.app = FaultyApp(
            Starlette(routes=routes),
            self.faults,
            error_body=lambda status: {"Status": status, "Message": "FAKE server error"},
            rate_limit_body=lambda: {"Status": 429, "Message": "Too many requests"},
        )

    # --- state and test helpers ---------------------------------------------------------------

    def reset(self) -> None:
        token, registers = self._initial
        with self._lock:
            self.tokens = {token}
            self._registers = {r: _Register(r, f"FAKE касса {r}") for r in registers}
            self._uids: dict[str, tuple[str, dict[str, Any]]] = {}
            self._numbers = itertools.count(1)
            self.requests = 0
            self.replays = 0

    def expire_token(self) -> None:
        """Every token stops working (the next call gets 401)."""
        with self._lock:
            self.tokens = set()

    def issue_token(self, token: str = DEFAULT_TOKEN) -> None:
        with self._lock:
            self.tokens.add(token)

    def block(self, register: str = DEFAULT_REGISTER, blocked: bool = True) -> None:
        with self._lock:
            self._registers[register].blocked = blocked

    def registered(self, register: str = DEFAULT_REGISTER) -> list[Registered]:
        with self._lock:
            return list(self._registers[register].log)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "fake": "kassa24",
                "requests": self.requests,
                "replays": self.replays,
                "registers": {
                    r.id: {
                        "registered": len(r.log),
                        "shift_open": r.shift_opened_at is not None,
                        "last": [
                            {"uid": e.uid, "kind": e.kind, "afp": e.afp, "total": e.total}
                            for e in r.log[-20:]
                        ],
                    }
                    for r in self._registers.values()
                },
            }

    # --- routes -------------------------------------------------------------------------------

    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        return header.startswith("Bearer ") and header[7:] in self.tokens

    async def _list(self, request: Request) -> Response:
        with self._lock:
            self.requests += 1
            if not self._authorised(request):
                return _error(401, "Unauthorized")
            kkms = [
                {
                    "Id": int(r.id) if r.id.isdigit() else r.id,
                    "Name": r.name,
                    "Allowed": not r.blocked,
                    "Address": {"Name": "FAKE, Алматы"},
                    "Company": {"Bin": "000000000000", "ShortName": "FAKE"},
                    "StatusKKM": {
                        "Id": 2 if r.blocked else 1,
                        "Name": "blocked" if r.blocked else "active",
                    },
                }
                for r in self._registers.values()
            ]
            return _answer({"Kkms": kkms})

    async def _shift(self, request: Request) -> Response:
        with self._lock:
            self.requests += 1
            if not self._authorised(request):
                return _error(401, "Unauthorized")
            reg = self._registers.get(request.path_params["kkm"])
            if reg is None:
                return _error(404, "Касса не найдена")
            opened = reg.shift_opened_at
            return _answer(
                {
                    "Open": opened is not None,
                    "OpenedAt": opened.isoformat().replace("+00:00", "Z") if opened else None,
                    "Totals": {k: f"{v // 100}.{v % 100:02d}" for k, v in reg.totals.items()},
                }
            )

    async def _operation(self, request: Request) -> Response:
        kind = OPERATIONS.get(request.path_params["op"])
        if kind is None:
            return _error(404, "Not found")
        return await self._register(request, kind)

    async def _shift_action(self, request: Request) -> Response:
        action = request.path_params["action"]
        if action not in ("open", "close"):
            return _error(404, "Not found")
        return await self._register(request, f"shift_{action}")

    async def _register(self, request: Request, kind: str) -> Response:
        raw = await request.body()
        with self._lock:
            self.requests += 1
            if not self._authorised(request):
                return _error(401, "Unauthorized")
            reg = self._registers.get(request.path_params["kkm"])
            if reg is None:
                return _error(404, "Касса не найдена")
            uid = request.headers.get("uid", "").strip()
            if not uid:
                return _error(400, "Не указан Uid")
            if uid in self._uids:
                self.replays += 1
                return _answer(self._uids[uid][1])
            if reg.blocked:
                return _error(423, BLOCKED)
            try:
                body = json.loads(raw or b"{}")
                when = _date(body["ReceiptDate"]) if body.get("ReceiptDate") else self.clock()
                afp = body.get("AFP")
                if afp is not None and (not isinstance(afp, int) or not 0 <= afp <= AFP_MAX):
                    return _error(400, "AFP должен быть в формате uint32")
                total = _tiyn(body.get("Total", body.get("Sum", "0")))
            except (ValueError, KeyError, TypeError, AttributeError):
                return _error(400, "Некорректный запрос")
            if reg.last_date is not None and when < reg.last_date:
                return _error(400, ORDER_VIOLATED)
            opened = reg.shift_opened_at
            over = opened is not None and when - opened > timedelta(hours=24)
            if kind not in ("shift_open", "shift_close") and over:  # a Z is how it ends
                return _error(400, SHIFT_OVER)
            if kind in ("sale", "refund") and not body.get("Positions"):
                return _error(400, "Чек не содержит позиций")
            if reg.shift_opened_at is None and kind != "shift_close":
                reg.shift_opened_at = when
            number = next(self._numbers)
            sign = f"FAKE-{number:010d}"
            data: dict[str, Any] = {
                "FiscalSign": sign,
                "Number": str(number),
                "Rnm": f"FAKE{reg.id:0>8}",
                "QrUrl": f"https://consumer.oofd.kz/?i={sign}&f=FAKE{reg.id}&s={total / 100:.2f}",
                "Offline": afp is not None,
            }
            if kind in ("sale", "refund", "cash_in", "cash_out"):
                reg.totals[kind] = reg.totals.get(kind, 0) + total
            if kind == "shift_close":
                data["Totals"] = {k: f"{v // 100}.{v % 100:02d}" for k, v in reg.totals.items()}
                reg.shift_opened_at = None
                reg.totals = {}
            reg.last_date = when
            reg.log.append(Registered(uid, kind, when, afp, total, sign, data))
            self._uids[uid] = (reg.id, data)
            return _answer(data)
