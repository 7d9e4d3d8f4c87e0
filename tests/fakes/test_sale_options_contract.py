"""The contract for product options on sale lines: the till's sale payload has the shape the
OpenAPI file documents, and the FAKE backend accepts it and refuses broken options."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from forsell.domain.options import ChosenOption
from forsell.services.till import sale_payload
from forsell.store.models import Sale, SaleLine

from .test_fake_backend import DEVICE, batch, event

OPENAPI = Path(__file__).resolve().parents[2] / "resources" / "api" / "forsell-backend.openapi.yaml"
OAT = ChosenOption("g-milk", "milk-oat", {"ru": "Молоко"}, {"ru": "овсяное"}, 20_000)
VANILLA = ChosenOption("g-syrup", "syrup-vanilla", {"ru": "Сироп"}, {"ru": "ваниль"}, 25_000, "S-1")


@pytest.fixture
def token(backend) -> str:
    fake, _ = backend
    return fake.register_device(DEVICE)


def _sale() -> Sale:
    sale = Sale(
        id=str(uuid.uuid4()),
        device_id=str(uuid.uuid4()),
        receipt_no=7,
        shift_id=str(uuid.uuid4()),
        employee_id=str(uuid.uuid4()),
        created_at=datetime(2026, 12, 5, 10, 0, tzinfo=UTC),
        subtotal=325_000,
        discount=0,
        total=325_000,
        vat=44_828,
        method="cash",
        cash=325_000,
        card=0,
    )
    for no, (price, options) in enumerate([(185_000, [OAT, VANILLA]), (140_000, None)], 1):
        sale.lines.append(
            SaleLine(
                id=str(uuid.uuid4()),
                line_no=no,
                sku=f"COF-00{no}",
                qty_milli=1000,
                unit_price=price,
                gross=price,
                discount=0,
                net=price,
                vat_bp=1600,
                vat=0,
                options=[o.to_json() for o in options] if options else None,
            )
        )
    return sale


def _conforms(value: dict[str, Any], schema: dict[str, Any], name: str) -> None:
    assert set(schema["required"]) <= set(value), (name, set(schema["required"]) - set(value))
    assert set(value) <= set(schema["properties"]), (name, set(value) - set(schema["properties"]))
    for key, spec in schema["properties"].items():
        if spec.get("type") == "integer" and key in value:
            assert isinstance(value[key], int), (name, key, value[key])


def test_the_sale_payload_has_the_documented_shape_with_its_options() -> None:
    schemas = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))["components"]["schemas"]
    payload = sale_payload(_sale())
    _conforms(payload, schemas["Sale"], "Sale")
    for line in payload["lines"]:
        _conforms(line, schemas["SaleLine"], "SaleLine")
        for option in line["options"]:
            _conforms(option, schemas["SaleLineOption"], "SaleLineOption")
    first, second = payload["lines"]
    assert [(o["name"], o["price_delta"], o["sku"]) for o in first["options"]] == [
        ("овсяное", 20_000, None),
        ("ваниль", 25_000, "S-1"),
    ]
    assert second["options"] == []


def test_the_fake_backend_accepts_options_and_refuses_broken_ones(backend, token) -> None:
    _, url = backend
    good = sale_payload(_sale())
    older = {**good, "lines": [{k: v for k, v in good["lines"][1].items() if k != "options"}]}

    def broken(**change: Any) -> dict[str, Any]:
        line = {**good["lines"][0], "options": [{**good["lines"][0]["options"][0], **change}]}
        return {**good, "lines": [line]}

    events = [
        event(payload=good),
        event(payload=older),  # a till from before product options
        event(payload=broken(price_delta="200")),
        event(payload=broken(option_id="")),
        event(payload={**good, "lines": [{**good["lines"][0], "options": "oat"}]}),
    ]
    results = batch(url, token, events).json()["results"]
    assert [r["status"] for r in results] == [
        "accepted",
        "accepted",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert [r.get("reason") for r in results[2:]] == [
        "invalid_payload: lines[0].options[0].price_delta must be an integer (tiyn)",
        "invalid_payload: lines[0].options[0].option_id is required",
        "invalid_payload: lines[0].options must be a list",
    ]
