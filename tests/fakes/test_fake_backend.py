"""The FAKE analytics backend (our contract) over loopback with httpx: idempotency and dedup."""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from forsell.fakes.fake_backend import DEMO_ITEMS, FakeBackend
from forsell.fakes.server import FakeServer

DEVICE = "till-1"


def event(
    kind: str = "sale", payload: dict[str, Any] | None = None, eid: str | None = None
) -> dict[str, Any]:
    eid = eid or str(uuid.uuid4())
    body = {"id": eid, "total": 120000, "lines": [{"sku": "CAP-250", "qty_milli": 1000}]}
    return {
        "id": eid,
        "kind": kind,
        "entity_id": eid,
        "created_at": "2026-11-26T10:00:00+00:00",
        "payload": body if payload is None else payload,
    }


def batch(
    url: str,
    token: str | None,
    events: list[dict[str, Any]],
    key: str | None = "k1",
    device: str = DEVICE,
    timeout: float = 10.0,
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    if key is not None:
        headers["Idempotency-Key"] = f"test-key-{key}"  # the contract: 8..128 characters
    return httpx.post(
        f"{url}/v1/events:batch",
        json={"device_id": device, "events": events},
        headers=headers,
        timeout=timeout,
    )


@pytest.fixture
def token(backend) -> str:
    fake, _ = backend
    return fake.register_device(DEVICE)


def test_health_needs_no_token(backend) -> None:
    _, url = backend
    r = httpx.get(f"{url}/v1/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert r.headers["x-fake"] == "true"


def test_registration_issues_a_working_token(backend) -> None:
    _, url = backend
    body = {
        "device_id": "till-9",
        "store_bin": "123456789012",
        "name": "Till 9",
        "app_version": "0.1.0",
    }
    key = {"Idempotency-Key": "register-1"}
    assert httpx.post(f"{url}/v1/devices/register", json=body).status_code == 400  # no key
    r = httpx.post(f"{url}/v1/devices/register", json=body, headers=key)
    assert r.status_code == 201 and r.json()["device_id"] == "till-9"
    token = r.json()["token"]
    assert httpx.post(f"{url}/v1/devices/register", json=body, headers=key).json() == r.json()
    assert batch(url, token, [event()], device="till-9").status_code == 200
    again = httpx.post(
        f"{url}/v1/devices/register", json=body, headers={"Idempotency-Key": "register-2"}
    ).json()["token"]
    assert batch(url, token, [event()], device="till-9").status_code == 401  # replaced
    assert batch(url, again, [event()], device="till-9", key="k2").status_code == 200


def test_registration_validates(backend) -> None:
    _, url = backend
    key = {"Idempotency-Key": "register-x"}
    r = httpx.post(
        f"{url}/v1/devices/register",
        json={"device_id": "d", "store_bin": "12", "name": "n", "app_version": "1"},
        headers=key,
    )
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "store_bin"]
    demo = httpx.post(
        f"{url}/v1/devices/register",
        json={"device_id": "d", "store_bin": "", "name": "n", "app_version": "1"},
        headers=key,
    )
    assert demo.status_code == 201  # a demo till has no BIN yet
    missing = httpx.post(f"{url}/v1/devices/register", json={"device_id": "d"}, headers=key)
    assert {tuple(d["loc"]) for d in missing.json()["detail"]} == {
        ("body", "store_bin"),
        ("body", "name"),
        ("body", "app_version"),
    }


def test_per_item_results(backend, token) -> None:
    fake, url = backend
    good, dup = event(), event()
    assert batch(url, token, [dup], key="first").json()["results"][0]["status"] == "accepted"
    no_lines = event(payload={"id": "x", "total": 5, "lines": []})
    unknown = event(kind="teleport")
    bad_time = {**event(), "created_at": "yesterday"}
    r = batch(url, token, [good, dup, no_lines, unknown, bad_time, good])
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["status"] for x in results] == [
        "accepted",
        "duplicate",
        "rejected",
        "rejected",
        "rejected",
        "duplicate",
    ]
    assert results[2]["reason"] == "invalid_payload: lines is required"
    assert results[3]["reason"] == "unknown_kind"
    assert results[4]["reason"].startswith("invalid_event: created_at")
    stats = httpx.get(f"{url}/_fake/stats").json()
    assert stats["events_by_kind"] == {"sale": 2}
    assert stats["duplicates_seen"] == 2 and stats["rejected"] == 3
    assert fake.check_exactly_once([good["id"], dup["id"]])["ok"] is True


def test_rejected_events_are_not_stored_and_stay_rejected(backend, token) -> None:
    fake, url = backend
    bad = event(payload={"total": 1})
    assert batch(url, token, [bad], key="a").json()["results"][0]["status"] == "rejected"
    assert batch(url, token, [bad], key="b").json()["results"][0]["status"] == "rejected"
    assert fake.events() == []


def test_auth_errors(backend, token) -> None:
    _, url = backend
    for bad in ("wrong", None):
        r = batch(url, bad, [event()])
        assert (r.status_code, r.json()) == (401, {"detail": "invalid_token"})
    r = batch(url, token, [event()], device="someone-else")
    assert (r.status_code, r.json()) == (403, {"detail": "device_mismatch"})
    pull = httpx.get(f"{url}/v1/pull/catalog", headers={"Authorization": "Bearer nope"})
    assert pull.status_code == 401


def test_idempotency_key_rules(backend, token) -> None:
    _, url = backend
    first = [event()]
    missing = batch(url, token, first, key=None)
    assert (missing.status_code, missing.json()) == (400, {"detail": "idempotency_key_missing"})
    assert batch(url, token, first, key="x" * 120).json() == {"detail": "idempotency_key_invalid"}
    short = httpx.post(
        f"{url}/v1/events:batch",
        json={"device_id": DEVICE, "events": first},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "k1"},
    )
    assert short.status_code == 400
    original = batch(url, token, first, key="same")
    replay = batch(url, token, first, key="same")
    assert replay.status_code == 200 and replay.json() == original.json()
    assert replay.json()["results"][0]["status"] == "accepted"  # the first answer, replayed
    assert replay.headers["idempotent-replayed"] == "true"
    reused = batch(url, token, [event()], key="same")
    assert reused.status_code == 422
    assert reused.json()["detail"][0]["type"] == "idempotency_key_reused"
    fresh_key = batch(url, token, first, key="other")
    assert fresh_key.json()["results"][0]["status"] == "duplicate"


def test_same_key_in_flight_is_409(backend, token) -> None:
    fake, url = backend
    fake.pause_commits()
    answers: list[httpx.Response] = []
    sent = [event()]
    slow = threading.Thread(target=lambda: answers.append(batch(url, token, sent, key="busy")))
    slow.start()
    try:
        assert fake.wait_in_flight(1)
        conflict = batch(url, token, sent, key="busy")
        assert (conflict.status_code, conflict.json()) == (409, {"detail": "in_flight"})
        assert conflict.headers["retry-after"] == "1"
    finally:
        fake.resume_commits()
        slow.join()
    assert answers[0].status_code == 200
    assert httpx.get(f"{url}/_fake/stats").json()["conflicts"] == 1


def test_caps_are_413(backend, token) -> None:
    _, url = backend
    too_many = [event() for _ in range(501)]
    big_event = event(payload={"id": "x", "total": 1, "lines": ["l" * 33 * 1024]})
    huge = [event(payload={"id": "x", "total": 1, "lines": ["l" * 30 * 1024]}) for _ in range(18)]
    for n, events in enumerate((too_many, [big_event], huge)):
        r = batch(url, token, events, key=f"cap{n}")
        assert (r.status_code, r.json()) == (413, {"detail": "too_large"})
    assert batch(url, token, [event() for _ in range(500)], key="ok").status_code == 200


def test_malformed_envelopes_are_422(backend, token) -> None:
    _, url = backend
    r = httpx.post(
        f"{url}/v1/events:batch",
        content=b"{oops",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "malformed"},
    )
    assert (r.status_code, r.json()) == (400, {"detail": "invalid_json"})
    r = batch(url, token, [{"kind": "sale"}], key="m2")
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "events", 0, "id"]
    empty = batch(url, token, [], key="m3")
    assert empty.status_code == 422 and empty.json()["detail"][0]["type"] == "too_short"


def test_commit_then_drop_then_retry(backend, token) -> None:
    fake, url = backend
    fake.faults.add("commit_then_drop", "POST /v1/events:batch", times=2)
    sent = [event(), event()]
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        batch(url, token, sent, key="drop-1")
    assert {e["id"] for e in fake.events()} == {e["id"] for e in sent}  # committed anyway
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        batch(url, token, sent, key="drop-1")  # the retry's answer is lost too
    same_key = batch(url, token, sent, key="drop-1")
    assert [x["status"] for x in same_key.json()["results"]] == ["accepted", "accepted"]
    new_key = batch(url, token, sent, key="drop-2")
    assert [x["status"] for x in new_key.json()["results"]] == ["duplicate", "duplicate"]
    assert fake.check_exactly_once([e["id"] for e in sent])["ok"]


def test_commit_then_timeout_then_retry_sees_duplicate(backend, token) -> None:
    fake, url = backend
    fake.faults.add("commit_then_timeout", "POST /v1/events:batch", times=1, hang_s=5)
    sent = [event()]
    with pytest.raises(httpx.ReadTimeout):
        batch(url, token, sent, key="t1", timeout=0.3)
    retry = batch(url, token, sent, key="t2")
    assert retry.json()["results"][0]["status"] == "duplicate"


def test_events_survive_a_restart_with_a_db_file(tmp_path: Path) -> None:
    db = tmp_path / "backend.sqlite"
    first = FakeBackend(db)
    token = first.register_device(DEVICE)
    sent = event()
    with FakeServer(first) as server:
        port = server.port
        assert batch(server.url, token, [sent], key="r1").status_code == 200
    first.close()
    second = FakeBackend(db)
    with FakeServer(second, port=port) as server:
        again = batch(server.url, token, [sent], key="r2")
        replay = batch(server.url, token, [sent], key="r1")
    assert again.json()["results"][0]["status"] == "duplicate"
    assert replay.headers["idempotent-replayed"] == "true"
    assert second.check_exactly_once([sent["id"]]) == {
        "ok": True,
        "expected": 1,
        "stored": 1,
        "missing": [],
        "unexpected": [],
    }
    second.close()


def test_pull_pages_with_cursors(backend, token) -> None:
    fake, url = backend
    auth = {"Authorization": f"Bearer {token}"}
    fake.put_items("staff", [{"id": f"e{i}"} for i in range(5)])
    page = httpx.get(f"{url}/v1/pull/staff", params={"limit": 2}, headers=auth).json()
    seen = [i["id"] for i in page["items"]]
    while page["more"]:
        page = httpx.get(
            f"{url}/v1/pull/staff", params={"limit": 2, "cursor": page["cursor"]}, headers=auth
        ).json()
        seen += [i["id"] for i in page["items"]]
    assert seen == [i["id"] for i in DEMO_ITEMS["staff"]] + [f"e{i}" for i in range(5)]
    idle = httpx.get(f"{url}/v1/pull/staff", params={"cursor": page["cursor"]}, headers=auth)
    assert idle.json() == {"items": [], "cursor": page["cursor"], "more": False}
    fake.put_items("staff", [{"id": "e5"}])
    news = httpx.get(f"{url}/v1/pull/staff", params={"cursor": page["cursor"]}, headers=auth)
    assert [i["id"] for i in news.json()["items"]] == ["e5"]
    catalog = httpx.get(f"{url}/v1/pull/catalog", headers=auth).json()
    assert catalog["items"] and catalog["more"] is False


def test_pull_errors(backend, token) -> None:
    _, url = backend
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{url}/v1/pull/secrets", headers=auth).status_code == 404
    catalog_cursor = httpx.get(f"{url}/v1/pull/catalog", headers=auth).json()["cursor"]
    wrong = httpx.get(f"{url}/v1/pull/staff", params={"cursor": catalog_cursor}, headers=auth)
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["query", "cursor"]
    garbage = httpx.get(f"{url}/v1/pull/staff", params={"cursor": "%%%"}, headers=auth)
    assert garbage.status_code == 422


def test_check_endpoint(backend, token) -> None:
    _, url = backend
    stored = event()
    batch(url, token, [stored])
    missing = str(uuid.uuid4())
    r = httpx.post(f"{url}/_fake/check", content=json.dumps({"ids": [stored["id"], missing]}))
    assert r.json()["ok"] is False and r.json()["missing"] == [missing]


def test_a_subject_deleted_event_deletes_what_the_backend_holds_and_renames_the_employee(
    backend, token
) -> None:
    fake, url = backend
    gone, kept, employee = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    fake.put_items("staff", [{"id": employee, "name": "Данияр Ахметов", "role": "cashier"}])
    transcript = event("transcript", {"recording_id": gone, "text": "…"})
    score = {**event("score", {"id": gone, "recording_id": gone}), "entity_id": gone}
    review = event("review", {"id": "r1", "recording_id": gone})
    other = event("transcript", {"recording_id": kept})
    sale = event()
    assert batch(url, token, [transcript, score, review, other, sale], key="one").status_code == 200
    deletion = event(
        "subject_deleted",
        {
            "id": str(uuid.uuid4()),
            "subject_kind": "employee",
            "employee_id": employee,
            "pseudonym": "Сотрудник #1a2b3c4d",
            "recording_ids": [gone],
            "sale_ids": [],
            "part": 1,
            "parts": 1,
        },
    )
    results = batch(url, token, [deletion], key="two").json()["results"]
    assert results == [{"id": deletion["id"], "status": "accepted"}]
    assert {e["id"] for e in fake.events()} == {other["id"], sale["id"], deletion["id"]}
    assert fake.deleted_recordings(DEVICE) == {gone}
    late = event("score", {"id": gone, "recording_id": gone})
    (refused,) = batch(url, token, [late], key="three").json()["results"]
    assert refused["status"] == "rejected" and refused["reason"].startswith("subject_deleted")
    staff = httpx.get(
        f"{url}/v1/pull/staff", params={"limit": 1000}, headers={"Authorization": f"Bearer {token}"}
    ).json()["items"]
    (renamed,) = [s for s in staff if s["id"] == employee]
    assert renamed["name"] == "Сотрудник #1a2b3c4d"
    no_part = event("subject_deleted", {"id": "x", "subject_kind": "customer"})
    (bad,) = batch(url, token, [no_part], key="four").json()["results"]
    assert bad["status"] == "rejected" and "part" in bad["reason"]
