"""Fault injection: the rules themselves, and each kind as a real httpx client sees it."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.faults import FaultRule, Faults
from forsell.fakes.server import FakeServer


def test_rules_are_validated() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        FaultRule("explode")
    with pytest.raises(ValueError, match="probability"):
        FaultRule("error", probability=1.5)
    with pytest.raises(ValueError, match="5xx"):
        FaultRule("error", status=404)
    with pytest.raises(ValueError, match="unknown fault fields"):
        FaultRule.from_dict({"kind": "reset", "when": "always"})


def test_routes_match_with_or_without_the_method() -> None:
    assert FaultRule("reset", "POST /v1/events:batch").matches("POST", "/v1/events:batch")
    assert not FaultRule("reset", "POST /v1/events:batch").matches("GET", "/v1/events:batch")
    assert FaultRule("reset", "/operations/*").matches("GET", "/operations/f8d123")
    assert not FaultRule("reset", "/operations/*").matches("GET", "/stt/v3/getRecognition")


def test_skip_and_times_pick_exact_requests() -> None:
    faults = Faults([FaultRule("reset", skip=2, times=2)])
    kinds = [getattr(faults.decide("GET", "/x").rule, "kind", None) for _ in range(6)]
    assert kinds == [None, None, "reset", "reset", None, None]
    assert faults.fired() == {"reset": 2}


def test_probability_is_deterministic_with_a_seed() -> None:
    def run(seed: int) -> list[bool]:
        faults = Faults([{"kind": "error", "probability": 0.5}], seed=seed)
        return [faults.decide("GET", "/x").rule is not None for _ in range(200)]

    assert run(7) == run(7)
    assert run(7) != run(8)
    assert 60 < sum(run(7)) < 140


def test_latencies_add_up_and_the_first_terminal_rule_wins() -> None:
    faults = Faults(
        [
            {"kind": "latency", "latency_s": 0.1},
            {"kind": "latency", "latency_s": 0.2},
            {"kind": "close"},
            {"kind": "reset"},
        ]
    )
    decision = faults.decide("GET", "/x")
    assert decision.latency_s == pytest.approx(0.3)
    assert decision.rule is not None and decision.rule.kind == "close"


@pytest.fixture
def served(backend) -> tuple[FakeBackend, str]:
    return backend  # the backend's /v1/health is the simplest route to break


def health(url: str, timeout: float = 5.0) -> httpx.Response:
    return httpx.get(f"{url}/v1/health", timeout=timeout)


def test_latency_delays_the_answer(served) -> None:
    fake, url = served
    fake.faults.add("latency", "/v1/health", latency_s=0.3)
    started = time.monotonic()
    assert health(url).status_code == 200
    assert time.monotonic() - started >= 0.3


def test_5xx_with_and_without_retry_after(served) -> None:
    fake, url = served
    fake.faults.add("error", status=503, retry_after="Wed, 21 Oct 2026 07:28:00 GMT", times=1)
    fake.faults.add("error", times=1)
    first, second, third = health(url), health(url), health(url)
    assert (first.status_code, first.headers["retry-after"]) == (
        503,
        "Wed, 21 Oct 2026 07:28:00 GMT",
    )
    assert second.status_code == 500 and "retry-after" not in second.headers
    assert second.json() == {"detail": "server_error"} and second.headers["x-fake"] == "true"
    assert third.status_code == 200


def test_429_with_and_without_retry_after(served) -> None:
    fake, url = served
    fake.faults.add("rate_limit", retry_after=3, times=1)
    fake.faults.add("rate_limit", times=1, body={"detail": "slow down"})
    first, second = health(url), health(url)
    assert (first.status_code, first.headers["retry-after"]) == (429, "3")
    assert (second.status_code, second.json()) == (429, {"detail": "slow down"})
    assert "retry-after" not in second.headers


def test_reset_is_a_connection_reset(served) -> None:
    fake, url = served
    fake.faults.add("reset", times=1)
    with pytest.raises(httpx.ReadError):
        health(url)
    assert health(url).status_code == 200


def test_close_is_a_disconnect_without_answer(served) -> None:
    fake, url = served
    fake.faults.add("close", times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        health(url)


def test_timeout_outlasts_the_client(served) -> None:
    fake, url = served
    fake.faults.add("timeout", hang_s=30, times=1)
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        health(url, timeout=0.3)
    assert time.monotonic() - started < 5
    assert health(url).status_code == 200  # the held request did not block the server


def test_faults_configured_over_http(served) -> None:
    fake, url = served
    r = httpx.post(
        f"{url}/_fake/faults",
        json={
            "rules": [{"kind": "error", "route": "GET /v1/health", "status": 502, "times": 1}],
            "seed": 3,
        },
    )
    assert r.status_code == 200 and r.json()["seed"] == 3
    assert health(url).status_code == 502
    snapshot = httpx.get(f"{url}/_fake/faults").json()
    assert snapshot["fired"] == {"error": 1} and snapshot["rules"][0]["fired"] == 1
    httpx.post(f"{url}/_fake/faults", json={"rules": [{"kind": "close"}], "append": True})
    assert len(fake.faults.snapshot()["rules"]) == 2
    assert httpx.get(f"{url}/_fake/stats").status_code == 200  # control routes never fault
    assert httpx.delete(f"{url}/_fake/faults").json()["rules"] == []
    assert health(url).status_code == 200
    bad = httpx.post(f"{url}/_fake/faults", json={"rules": [{"kind": "explode"}]})
    assert bad.status_code == 400 and "unknown fault kind" in bad.json()["detail"]


def test_reset_endpoint_clears_faults(served) -> None:
    fake, url = served
    fake.faults.add("close")
    assert httpx.post(f"{url}/_fake/reset").json() == {"reset": True}
    assert health(url).status_code == 200


def test_stopping_the_server_ends_a_held_request() -> None:
    fake = FakeBackend()
    server = FakeServer(fake).start()
    fake.faults.add("timeout", hang_s=60)
    outcome: list[BaseException | httpx.Response] = []

    def call() -> None:
        try:
            outcome.append(health(server.url, timeout=30))
        except httpx.HTTPError as exc:
            outcome.append(exc)

    client = threading.Thread(target=call)
    client.start()
    assert fake.faults.wait_fired("timeout")
    started = time.monotonic()
    server.stop()
    client.join(10)
    fake.close()
    assert time.monotonic() - started < 5
    assert not client.is_alive() and isinstance(outcome[0], httpx.TransportError)
