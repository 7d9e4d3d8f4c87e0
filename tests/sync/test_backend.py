"""The backend client: per-item results, every HTTP failure mapped onto the error tree, caps.

Most answers come from an httpx.MockTransport (the client's policy in isolation); the last tests
run it against the FAKE backend over loopback, and check the OpenAPI file against that fake.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import httpx
import pytest
import yaml

from forsell.fakes.fake_backend import DEMO_ITEMS, FakeBackend
from forsell.fakes.server import FakeServer
from forsell.sync import errors
from forsell.sync.backend import (
    MAX_BATCH_BYTES,
    PULL_RESOURCES,
    BackendClient,
    Device,
    Event,
    batches,
    idempotency_key,
)

URL = "http://127.0.0.1:9"


def event(i: int, pad: int = 10) -> Event:
    return Event(f"id-{i}", "sale", f"e{i}", "2026-03-02T04:00:00+00:00", {"pad": "x" * pad})


def run(handler, call, token: str | None = "s3cr3t-device-token"):
    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await call(BackendClient(client, URL, lambda: token))

    return asyncio.run(go())


TOKEN = "s3cr3t-device-token"


def results_for(request: httpx.Request, status=lambda i: "accepted") -> httpx.Response:
    body = json.loads(request.content)
    return httpx.Response(
        200, json={"results": [{"id": e["id"], "status": status(e["id"])} for e in body["events"]]}
    )


def test_a_batch_gets_per_item_results_with_a_key_and_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        statuses = {"id-0": "accepted", "id-1": "duplicate"}
        body = json.loads(request.content)
        return httpx.Response(
            200,
            json={
                "results": [
                    {
                        "id": e["id"],
                        "status": statuses.get(e["id"], "rejected"),
                        "reason": "unknown_kind",
                    }
                    for e in body["events"]
                ]
            },
        )

    results = run(handler, lambda c: c.send_events("dev-1", [event(0), event(1), event(2)]))
    assert [(r.id, r.status) for r in results] == [
        ("id-0", "accepted"),
        ("id-1", "duplicate"),
        ("id-2", "rejected"),
    ]
    assert results[2].reason == "unknown_kind"
    request = seen[0]
    assert request.url.path == "/v1/events:batch"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["idempotency-key"] == idempotency_key(request.content, "batch")
    assert json.loads(request.content)["device_id"] == "dev-1"


def test_the_same_batch_gets_the_same_key_another_batch_another() -> None:
    keys: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers["idempotency-key"])
        return results_for(request)

    run(handler, lambda c: c.send_events("d", [event(0), event(1)]))
    run(handler, lambda c: c.send_events("d", [event(0), event(1)]))
    run(handler, lambda c: c.send_events("d", [event(0)]))
    assert keys[0] == keys[1] != keys[2]


@pytest.mark.parametrize(
    ("response", "error", "retry_after"),
    [
        (httpx.Response(401, json={"detail": "invalid_token"}), errors.AuthFailed, None),
        (httpx.Response(403, json={"detail": "forbidden"}), errors.AuthFailed, None),
        (
            httpx.Response(429, json={"detail": "slow down"}, headers={"Retry-After": "7"}),
            errors.RateLimited,
            7.0,
        ),
        (httpx.Response(429, json={"detail": "slow down"}), errors.RateLimited, None),
        (
            httpx.Response(
                503, text="<html>bad gateway</html>", headers={"content-type": "text/html"}
            ),
            errors.ServerFailed,
            None,
        ),
        (
            httpx.Response(500, json={"detail": "boom"}, headers={"Retry-After": "3"}),
            errors.ServerFailed,
            3.0,
        ),
        (httpx.Response(408), errors.TimedOut, None),
        (httpx.Response(409, json={"detail": "in_flight"}), errors.ServerFailed, None),
        (httpx.Response(413, json={"detail": "too_large"}), errors.Rejected, None),
        (
            httpx.Response(422, json={"detail": [{"loc": ["body"], "msg": "x", "type": "t"}]}),
            errors.Rejected,
            None,
        ),
        (httpx.Response(200, text="<html>captive portal</html>"), errors.BadResponse, None),
        (
            httpx.Response(200, json={"results": [{"id": "id-0", "status": "accepted"}]}),
            errors.BadResponse,
            None,
        ),  # a result is missing
        (
            httpx.Response(
                200,
                json={
                    "results": [
                        {"id": "id-0", "status": "maybe"},
                        {"id": "id-1", "status": "accepted"},
                    ]
                },
            ),
            errors.BadResponse,
            None,
        ),
        (httpx.Response(200, json=[1, 2]), errors.BadResponse, None),
    ],
)
def test_failures_map_onto_the_tree(
    response: httpx.Response, error: type, retry_after: float | None
) -> None:
    with pytest.raises(error) as caught:
        run(lambda request: response, lambda c: c.send_events("d", [event(0), event(1)]))
    assert errors.retry_after_of(caught.value) == retry_after
    assert TOKEN not in caught.value.detail  # no secret in what gets logged or shown


@pytest.mark.parametrize(
    ("exc", "error"),
    [
        (httpx.ConnectError("refused"), errors.NetworkDown),
        (httpx.ConnectTimeout("slow"), errors.NetworkDown),
        (httpx.ReadTimeout("slow"), errors.TimedOut),
        (httpx.ReadError("connection reset by peer"), errors.ConnectionLost),
        (
            httpx.RemoteProtocolError("server disconnected without a response"),
            errors.ConnectionLost,
        ),
    ],
)
def test_transport_failures_map_onto_the_tree(exc: Exception, error: type) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    with pytest.raises(error):
        run(handler, lambda c: c.send_events("d", [event(0)]))


def test_no_token_means_auth_failed_without_a_request() -> None:
    calls = []
    with pytest.raises(errors.AuthFailed):
        run(
            lambda r: calls.append(r) or results_for(r),
            lambda c: c.send_events("d", [event(0)]),
            token=None,
        )
    assert calls == []


def test_register_pull_and_health() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/devices/register":
            assert "authorization" not in request.headers
            assert request.headers["idempotency-key"].startswith("register-")
            body = json.loads(request.content)
            return httpx.Response(201, json={"device_id": body["device_id"], "token": "t-1"})
        if request.url.path == "/v1/pull/catalog":
            more = request.url.params.get("cursor") is None
            return httpx.Response(200, json={"items": [{"sku": "A"}], "cursor": "c2", "more": more})
        if request.url.path == "/v1/health":
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(404)

    device = Device("dev-1", "123456789012", "Касса 1", "0.1.0")
    assert run(handler, lambda c: c.register(device), token=None) == "t-1"
    page = run(handler, lambda c: c.pull("catalog"))
    assert (page.items, page.cursor, page.more) == ([{"sku": "A"}], "c2", True)
    assert run(handler, lambda c: c.pull("catalog", "c2")).more is False
    assert run(handler, lambda c: c.health()) is True
    with pytest.raises(ValueError, match="passwords"):
        run(handler, lambda c: c.pull("passwords"))


def test_batches_respect_the_caps() -> None:
    many = [event(i) for i in range(1201)]
    sizes = [len(b) for b in batches(many)]
    assert sizes == [500, 500, 201]
    big = [event(i, pad=30_000) for i in range(40)]  # ~30 KiB each
    split = list(batches(big))
    assert sum(len(b) for b in split) == 40
    for batch in split:
        body = json.dumps({"device_id": "d" * 36, "events": [e.as_json() for e in batch]})
        assert len(body.encode()) <= MAX_BATCH_BYTES


# --- the contract: the OpenAPI file and the FAKE backend agree --------------------------------

OPENAPI = Path(__file__).resolve().parents[2] / "resources" / "api" / "forsell-backend.openapi.yaml"


def test_the_openapi_file_is_3_1_and_describes_the_contract() -> None:
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1") and spec["info"]["version"] == "1"
    paths = spec["paths"]
    batch = paths["/v1/events:batch"]["post"]
    assert {p["$ref"] for p in batch["parameters"]} == {"#/components/parameters/IdempotencyKey"}
    assert {"200", "400", "401", "409", "413", "422", "429"} <= set(batch["responses"])
    item = spec["components"]["schemas"]["ItemResult"]["properties"]["status"]
    assert item["enum"] == ["accepted", "duplicate", "rejected", "later"]
    assert spec["components"]["schemas"]["EventBatch"]["properties"]["events"]["maxItems"] == 500
    resource = paths["/v1/pull/{resource}"]["get"]["parameters"][0]["schema"]["enum"]
    assert tuple(resource) == PULL_RESOURCES
    assert paths["/v1/devices/register"]["post"]["responses"]["201"]
    # every $ref resolves
    text = OPENAPI.read_text(encoding="utf-8")
    for ref in set(re.findall(r'"#/components/([a-zA-Z]+)/([A-Za-z]+)"', text)):
        assert ref[1] in spec["components"][ref[0]], ref


ITEM_SCHEMAS = {
    "catalog": "CatalogItem",
    "staff": "StaffItem",
    "settings": "SettingItem",
    "scorecards": "ScorecardItem",
}


def test_the_openapi_file_documents_the_pulled_items_as_the_till_applies_them() -> None:
    from forsell.services.auth import _SCRYPT
    from forsell.services.pulls import REMOTE_SETTINGS

    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    pull = spec["paths"]["/v1/pull/{resource}"]["get"]
    for resource, name in ITEM_SCHEMAS.items():  # the description says which carries which
        assert f"`{resource}` | `{name}`" in pull["description"]
    refs = [r["$ref"] for r in schemas["PullPage"]["properties"]["items"]["items"]["anyOf"]]
    assert refs == [f"#/components/schemas/{n}" for n in ITEM_SCHEMAS.values()]
    # the allow-list and the PIN hash parameters are the code's, not a copy that drifts
    assert set(schemas["SettingItem"]["properties"]["key"]["enum"]) == set(REMOTE_SETTINGS)
    pin = schemas["PinHash"]["properties"]
    assert (pin["n"]["const"], pin["r"]["const"], pin["p"]["const"]) == (
        _SCRYPT["n"],
        _SCRYPT["r"],
        _SCRYPT["p"],
    )
    assert "sync.audio_abroad" not in REMOTE_SETTINGS
    assert not any(key.startswith(("sync.", "recording.", "device.")) for key in REMOTE_SETTINGS)


@pytest.mark.parametrize("resource", sorted(ITEM_SCHEMAS))
def test_the_fakes_demo_items_have_the_documented_shapes(resource: str) -> None:
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    schema = spec["components"]["schemas"][ITEM_SCHEMAS[resource]]
    assert DEMO_ITEMS[resource], f"the demo publishes no {resource}"
    for item in DEMO_ITEMS[resource]:
        assert set(schema["required"]) <= set(item), item
        assert set(item) <= set(schema["properties"]), item


def test_the_fake_backend_serves_exactly_the_documented_paths() -> None:
    spec = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    documented = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    fake = FakeBackend()
    served = {
        (method, route.path)
        for route in fake.app.app.routes
        if not route.path.startswith("/_fake/")
        for method in (route.methods or ())
        if method != "HEAD"
    }
    fake.close()
    assert served == documented


@pytest.fixture
def fake_backend():
    fake = FakeBackend(page_size=1)
    with FakeServer(fake) as server:
        fake.url = server.url
        yield fake
    fake.close()


def on_fake(fake, call, token: str | None = None):
    async def go():
        async with httpx.AsyncClient(timeout=5) as client:
            return await call(BackendClient(client, fake.url, lambda: token))

    return asyncio.run(go())


def test_against_the_fake_register_pull_with_cursors_and_health(fake_backend) -> None:
    device = Device("0190a000-0000-7000-8000-00000000000a", "123456789012", "Касса 1", "t")
    token = on_fake(fake_backend, lambda c: c.register(device))
    assert on_fake(fake_backend, lambda c: c.health()) is True
    items, cursor, more = [], None, True
    while more:
        page = on_fake(fake_backend, lambda c, cur=cursor: c.pull("catalog", cur), token)
        items += page.items
        cursor, more = page.cursor, page.more
    assert [i["sku"] for i in items] == [i["sku"] for i in DEMO_ITEMS["catalog"]]
    assert len(items) >= 3  # page_size 1: it took that many pages
    fake_backend.put_items("catalog", [{"sku": "NEW"}])
    page = on_fake(fake_backend, lambda c: c.pull("catalog", cursor), token)
    assert [i["sku"] for i in page.items] == ["NEW"]  # only what changed since the cursor
    with pytest.raises(errors.AuthFailed):
        on_fake(fake_backend, lambda c: c.pull("staff"), "wrong")


def test_against_the_fake_the_same_batch_in_flight_is_409_then_replayed(fake_backend) -> None:
    device_id = "0190a000-0000-7000-8000-00000000000b"
    token = fake_backend.register_device(device_id)
    batch = [
        Event(
            "0190a000-0000-7000-8000-0000000000e1",
            "audit",
            "x",
            "2026-03-02T04:00:00+00:00",
            {"id": "x", "action": "login"},
        )
    ]

    async def go():
        async with httpx.AsyncClient(timeout=5) as client:
            backend = BackendClient(client, fake_backend.url, lambda: token)
            fake_backend.pause_commits()
            first = asyncio.create_task(backend.send_events(device_id, batch))
            await asyncio.to_thread(fake_backend.wait_in_flight, 1)
            with pytest.raises(errors.ServerFailed) as conflict:
                await backend.send_events(device_id, batch)
            fake_backend.resume_commits()
            return conflict.value.status, await first, await backend.send_events(device_id, batch)

    status, first, again = asyncio.run(go())
    assert status == 409
    assert [r.status for r in first] == ["accepted"]
    assert [r.status for r in again] == ["accepted"]  # the replayed first answer
    assert fake_backend.stats()["replays"] == 1 and len(fake_backend.events()) == 1
