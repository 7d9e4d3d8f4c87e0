"""The privacy policy over the wire: the real sync engine pulls ``GET /v1/policy`` from the
FAKE backend on loopback; a newer version is stored and in force, a malformed one refused."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from forsell.fakes.fake_backend import FakeBackend, shipped_policy
from forsell.fakes.server import FakeServer
from forsell.services.context import TillContext
from forsell.services.privacy.policy import PrivacyPolicyService, refused_pull
from forsell.services.pulls import PullApplier
from forsell.sync.engine import SyncEngine

from .sync_fixtures import MemoryTokens, database
from .test_engine import DEVICE, FAST


@pytest.fixture
def ctx(tmp_path: Path):
    db = database(tmp_path)
    yield TillContext(db, tmp_path)
    db.dispose()


@pytest.fixture
def backend():
    fake = FakeBackend(demo_items=True)  # publishes the shipped policy, like the demo
    with FakeServer(fake) as server:
        fake.url = server.url
        yield fake
    fake.close()


def pull_once(ctx, backend):
    tokens = MemoryTokens(backend.register_device(DEVICE.device_id))
    engine = SyncEngine(
        ctx.db,
        backend_url=backend.url,
        device=DEVICE,
        tokens=tokens,
        config=FAST,
        pull=PullApplier(ctx).apply,
    )
    return engine.run_once(20)


def amended(version: str) -> dict:
    doc = shipped_policy()
    assert doc is not None
    doc["version"], doc["published"] = version, "2027-03-01"
    extra = "\n\n5.7. Изменение / Өзгеріс / Amendment.\n"
    doc["texts"] = {k: v + extra for k, v in doc["texts"].items()}
    return doc


def test_a_newer_version_published_at_the_backend_is_pulled_and_in_force(ctx, backend) -> None:
    service = PrivacyPolicyService(ctx)
    first = pull_once(ctx, backend)
    assert first.pull.state == "idle" and "policy" in first.pull.last_success_at
    assert service.in_force().version == "1.0" and service.in_force().source == "shipped"

    backend.publish_policy(amended("1.1"))
    second = pull_once(ctx, backend)
    assert second.pull.applied == 1 and second.pull.skipped == 0
    policy = service.in_force()
    assert (policy.version, policy.source, policy.accepted) == ("1.1", "backend", False)
    assert "Өзгеріс" in policy.text("kk") and policy.received_at is not None


def test_a_malformed_policy_at_the_backend_is_refused_and_the_till_keeps_its_own(
    ctx, backend
) -> None:
    pull_once(ctx, backend)  # the demo feed and the shipped policy: nothing left to apply
    bad = amended("1.1")
    del bad["texts"]["kk"]
    backend.publish_policy(bad)
    status = pull_once(ctx, backend)
    assert status.pull.applied == 0 and status.pull.skipped == 1
    assert status.pull.state == "idle"  # a refused document is no sync failure
    assert PrivacyPolicyService(ctx).in_force().version == "1.0"
    assert refused_pull(ctx)["reason"] == "texts.kk: missing"


def test_the_fake_answers_as_the_contract_says(backend) -> None:
    token = backend.register_device(DEVICE.device_id)
    url = backend.url + "/v1/policy"
    assert httpx.get(url).status_code == 401
    answer = httpx.get(url, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert set(answer.json()) >= {"version", "published", "texts"}
    assert set(answer.json()["texts"]) == {"ru", "kk", "en"}
    # the fake CLI's way to publish: POST /_fake/policy
    assert httpx.post(backend.url + "/_fake/policy", json=amended("1.2")).status_code == 200
    again = httpx.get(url, headers={"Authorization": f"Bearer {token}"})
    assert again.json()["version"] == "1.2"
    backend.withdraw_policies()
    gone = httpx.get(url, headers={"Authorization": f"Bearer {token}"})
    assert (gone.status_code, gone.json()) == (404, {"detail": "no_policy"})


def test_the_openapi_file_documents_the_policy_the_fake_serves() -> None:
    import yaml

    from forsell.sync.backend import POLICY, PULL_RESOURCES, PULLED

    spec = yaml.safe_load(
        (
            Path(__file__).resolve().parents[2]
            / "resources"
            / "api"
            / "forsell-backend.openapi.yaml"
        ).read_text(encoding="utf-8")
    )
    get = spec["paths"]["/v1/policy"]["get"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Policy"
    }
    assert {"401", "404"} <= set(get["responses"])
    schema = spec["components"]["schemas"]["Policy"]
    doc = shipped_policy()
    assert doc is not None and set(schema["required"]) <= set(doc) <= set(schema["properties"])
    assert set(schema["properties"]["texts"]["required"]) == set(doc["texts"])
    operator = spec["components"]["schemas"]["PolicyOperator"]
    assert set(operator["required"]) == {"name", "bin", "email", "phone"}
    assert (*PULL_RESOURCES, POLICY) == PULLED  # fetched after the paged resources
