"""The Kassa24 client against the documentation's examples, through httpx.MockTransport: the
answer envelope and the list of cash registers as documented, the ``Uid`` header, the
autonomous fields (``ReceiptDate`` RFC 3339, ``AFP`` uint32), and each documented refusal."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
import pytest

from forsell.sync.cash_registers import kassa24
from forsell.sync.cash_registers.base import FiscalRefused, FiscalRequest
from forsell.sync.errors import AuthFailed, ServerFailed

#: The shape of ``GET /kkms`` as the "Работа с кассами" page shows it.
DOCUMENTED_KKMS = {
    "Status": 200,
    "Message": "OK",
    "Data": {
        "Kkms": [
            {
                "Address": {"Name": "Алматы, Абая 1"},
                "Allowed": True,
                "Company": {"Bin": "", "Fio": "", "FullName": "", "Id": 0},
                "Id": 34,
                "StatusKKM": {"Id": 1, "Name": "Активна"},
            },
            {"Address": {}, "Allowed": False, "Company": {}, "Id": 2062},
        ]
    },
}
SALE = {
    "receipt_no": 7,
    "lines": [
        {
            "name": "Латте",
            "qty_milli": 1500,
            "unit_price": 125_000,
            "discount": 0,
            "net": 187_500,
            "vat_bp": 1200,
        }
    ],
    "total": 187_500,
    "cash": 100_000,
    "card": 87_500,
}


def _request(autonomous: bool, seq: int = 5) -> FiscalRequest:
    return FiscalRequest(
        operation_id="0190aa00-0000-7000-8000-000000000001",
        register_id="34",
        kind="sale",
        seq=seq,
        occurred_at=datetime(2026, 12, 5, 9, 30, 15, 123456, tzinfo=UTC),
        autonomous=autonomous,
        payload=SALE,
    )


def _client(handler) -> tuple[kassa24.Kassa24Client, httpx.AsyncClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return kassa24.Kassa24Client(http, "secret-token", "https://k24.test/api"), http


def _run(coro):
    return asyncio.run(coro)


def test_the_documented_list_of_cash_registers_is_read() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=DOCUMENTED_KKMS)

    client, _ = _client(handler)
    found = _run(client.registers())
    assert [(k.id, k.allowed, k.address) for k in found] == [
        ("34", True, "Алматы, Абая 1"),
        ("2062", False, ""),
    ]
    assert seen[0].url.path == "/api/kkms"
    assert seen[0].headers["authorization"] == "Bearer secret-token"


@pytest.mark.parametrize("autonomous", [False, True])
def test_an_operation_carries_its_uid_original_time_and_autonomous_number(autonomous) -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        data = {
            "FiscalSign": "123456789",
            "Number": "42",
            "Rnm": "010102030405",
            "QrUrl": "https://consumer.oofd.kz/?i=123456789",
            "Offline": autonomous,
        }
        return httpx.Response(200, json={"Status": 200, "Message": "OK", "Data": data})

    client, _ = _client(handler)
    got = _run(client.register(_request(autonomous)))
    request = seen[0]
    body = json.loads(request.content)
    assert request.method == "POST" and request.url.path == "/api/kkms/34/operations/sell"
    assert request.headers["uid"] == "0190aa00-0000-7000-8000-000000000001"
    assert body["ReceiptDate"] == "2026-12-05T09:30:15Z"  # RFC 3339
    assert datetime.fromisoformat(body["ReceiptDate"])
    assert ("AFP" in body) is autonomous
    if autonomous:
        assert body["AFP"] == 5 and 0 <= body["AFP"] <= 4_294_967_295
    assert body["Total"] == "1875.00"
    assert body["Payments"] == [{"Type": 0, "Sum": "1000.00"}, {"Type": 1, "Sum": "875.00"}]
    assert body["Positions"][0] == {
        "Name": "Латте",
        "Count": "1.500",
        "Price": "1250.00",
        "Discount": "0.00",
        "Sum": "1875.00",
        "TaxPercent": 12,
    }
    assert (got.fiscal_sign, got.fiscal_number, got.register_number) == (
        "123456789",
        "42",
        "010102030405",
    )
    assert got.autonomous is autonomous


def test_the_autonomous_number_stays_a_uint32() -> None:
    body = kassa24.body_for(_request(True, seq=4_294_967_296 + 3))
    assert body["AFP"] == 3


@pytest.mark.parametrize(
    ("status", "message", "reason"),
    [
        (400, "Нарушена очередность операций", "order_violated"),  # documented
        (423, "Касса заблокирована", "register_blocked"),
        (400, "Смена превысила 24 часа", "shift_over_24h"),
        (400, "Автономный запрос должен содержать дату создания чека ReceiptDate", "invalid"),
    ],
)
def test_refusals_carry_a_reason_the_till_words(status, message, reason) -> None:
    client, _ = _client(
        lambda r: httpx.Response(status, json={"Status": status, "Message": message})
    )
    with pytest.raises(FiscalRefused) as refused:
        _run(client.register(_request(False)))
    assert refused.value.reason == reason and refused.value.key == f"fiscal.{reason}"


def test_a_refused_token_and_a_server_failure_are_not_refusals_of_the_receipt() -> None:
    client, _ = _client(lambda r: httpx.Response(401, json={"Status": 401, "Message": "x"}))
    with pytest.raises(AuthFailed):
        _run(client.register(_request(False)))
    client, _ = _client(lambda r: httpx.Response(503, json={"Status": 503, "Message": "x"}))
    with pytest.raises(ServerFailed):
        _run(client.register(_request(False)))


@pytest.mark.parametrize(
    ("tiyn", "text"), [(0, "0.00"), (5, "0.05"), (125_000, "1250.00"), (-99, "-0.99")]
)
def test_money_goes_in_tenge_with_two_decimals_and_comes_back_exact(tiyn, text) -> None:
    assert kassa24.tenge(tiyn) == text
    assert kassa24.tiyn_of(text) == tiyn
