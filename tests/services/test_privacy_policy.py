"""The privacy policy in force on a real till: the shipped version, the admin's acceptance
(audited), newer versions from the backend (stored, then asked for again) and pulled documents
that are refused whole, leaving the policy in force as it was."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.paths import resources_dir
from forsell.services.privacy.policy import (
    POLICY_LANGUAGES,
    REFUSED_KEY,
    PrivacyPolicyService,
    refused_pull,
    shipped_operator,
    shipped_policies,
    version_key,
)
from forsell.services.pulls import PullApplier
from forsell.services.sync import SyncService
from forsell.store.models import PrivacyPolicyVersion, SyncState
from sync.memory_keyring import MemoryKeyring

from .conftest import audit_rows

SHIPPED = resources_dir() / "privacy" / "policy"


def shipped_doc() -> dict:
    newest = shipped_policies()[-1]
    return {
        "version": newest.version,
        "published": newest.published.isoformat(),
        "texts": dict(newest.texts),
    }


def newer(version: str = "1.1", **changes) -> dict:
    doc = shipped_doc()
    doc["version"] = version
    doc["published"] = "2027-01-15"
    doc["texts"] = {k: v + f"\n\n7.1. Amended in {version}.\n" for k, v in doc["texts"].items()}
    doc.update(changes)
    return doc


def pull_policy(till, doc: dict):
    return PullApplier(till.ctx, clock=till.ctx.clock).apply("policy", [doc], None)


def test_the_shipped_version_is_in_force_and_waits_for_an_admin(till) -> None:
    policy = PrivacyPolicyService(till.ctx).in_force()
    manifest = json.loads((SHIPPED / "1.0" / "manifest.json").read_text("utf-8"))
    assert (policy.version, policy.published) == ("1.0", date.fromisoformat("2026-12-01"))
    assert policy.version == manifest["version"] and policy.source == "shipped"
    assert not policy.accepted and policy.accepted_by is None
    assert PrivacyPolicyService(till.ctx).awaiting_acceptance() == policy
    for language in POLICY_LANGUAGES:  # every language, fields filled in
        text = policy.text(language)
        assert "{" not in text and "1.0" in text and "01.12.2026" in text
        assert manifest["operator"]["email"] in text and manifest["operator"]["bin"] in text


def test_an_admin_accepts_it_who_when_which_version_audited(till, staff, clock) -> None:
    service = PrivacyPolicyService(till.ctx)
    accepted = service.accept(staff.admin, "1.0")
    assert accepted.accepted and accepted.accepted_by == staff.admin.name
    assert accepted.accepted_at == clock.now and accepted.version == "1.0"
    assert service.awaiting_acceptance() is None
    (entry,) = audit_rows(till, "privacy_policy_accepted")
    assert entry.employee_id == staff.admin.id
    assert entry.details == {"version": "1.0", "published": "2026-12-01"}
    service.accept(staff.admin, "1.0")  # again: nothing new to record
    assert len(audit_rows(till, "privacy_policy_accepted")) == 1


def test_only_an_admin_accepts_and_only_the_version_in_force(till, staff) -> None:
    service = PrivacyPolicyService(till.ctx)
    with pytest.raises(CashierError) as refused:
        service.accept(staff.supervisor, "1.0")
    assert refused.value.key == "admin.only"
    with pytest.raises(CashierError) as stale:
        service.accept(staff.admin, "0.9")
    assert stale.value.key == "privacy.policy_not_in_force"
    assert service.awaiting_acceptance() is not None and not audit_rows(
        till, "privacy_policy_accepted"
    )


def test_a_newer_pulled_version_is_in_force_and_needs_acceptance_again(till, staff, clock) -> None:
    service = PrivacyPolicyService(till.ctx)
    service.accept(staff.admin, "1.0")
    result = pull_policy(till, newer("1.1"))
    assert (result.applied, result.skipped, result.changed) == (1, 0, ("1.1",))
    policy = service.in_force()
    assert (policy.version, policy.source, policy.received_at) == ("1.1", "backend", clock.now)
    assert "Amended in 1.1" in policy.text("kk")
    assert service.awaiting_acceptance() == policy  # asked again
    (published,) = audit_rows(till, "privacy_policy_published")
    assert published.details == {"version": "1.1", "published": "2027-01-15"}
    clock.advance(60)
    assert service.accept(staff.admin, "1.1").accepted_at == clock.now
    assert service.awaiting_acceptance() is None
    # the same document on the next pull changes nothing and is not audited again
    assert pull_policy(till, newer("1.1")).applied == 0
    assert len(audit_rows(till, "privacy_policy_published")) == 1
    assert service.in_force().accepted


def test_versions_compare_as_numbers() -> None:
    assert version_key("1.10") > version_key("1.9") > version_key("1.0")
    assert version_key("2") > version_key("1.99")


def _without(language: str) -> dict:
    doc = newer("1.2")
    del doc["texts"][language]
    return doc


REFUSED = {
    "missing language": (_without("kk"), "texts.kk: missing"),
    "empty text": (newer("1.2", texts={**newer("1.2")["texts"], "en": "  \n"}), "texts.en: empty"),
    "malformed date": (newer("1.2", published="15.01.2027"), "published: '15.01.2027'"),
    "impossible date": (newer("1.2", published="2027-02-30"), "is not a date"),
    "malformed version": (newer("v1.2"), "version: 'v1.2'"),
    "version with an empty part": (newer("1..2"), "version: '1..2'"),
    "version of five parts": (newer("1.2.3.4.5"), "version: '1.2.3.4.5'"),
    "older version": (newer("0.9"), "version 0.9 is older than the version in force (1.0)"),
    "same version, other text": (newer("1.0"), "a changed text needs a new version"),
    "not an object": ("1.2", "not an object"),
    "operator without phone": (
        newer("1.2", operator={"name": "4Sell", "bin": "1", "email": "a@b.kz"}),
        "operator.phone",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_malformed_pulled_policy_is_refused_with_its_reason_and_nothing_changes(
    till, staff, case: str
) -> None:
    service = PrivacyPolicyService(till.ctx)
    service.accept(staff.admin, "1.0")
    before = service.in_force()
    doc, reason = REFUSED[case]
    result = pull_policy(till, copy.deepcopy(doc))
    assert (result.applied, result.skipped) == (0, 1)
    assert reason in result.problems[0]
    assert service.in_force() == before and service.awaiting_acceptance() is None
    with till.ctx.db.read() as session:
        versions = list(session.scalars(select(PrivacyPolicyVersion.version)))
    assert versions == ["1.0"]
    assert reason in refused_pull(till.ctx)["reason"]
    (entry,) = audit_rows(till, "privacy_policy_refused")
    assert reason in entry.details["reason"]
    # the admin's sync screen lists it with the other pulled items that were not applied
    (shown,) = SyncService(till, MemoryKeyring()).pull_problems()
    assert shown.resource == "policy" and reason in shown.problem
    pull_policy(till, copy.deepcopy(doc))  # the backend says the same next round
    assert len(audit_rows(till, "privacy_policy_refused")) == 1


def test_a_refusal_does_not_stop_a_newer_good_version_later(till) -> None:
    pull_policy(till, newer("0.5"))
    assert refused_pull(till.ctx)["version"] == "0.5"
    assert pull_policy(till, newer("2.0")).applied == 1
    assert PrivacyPolicyService(till.ctx).in_force().version == "2.0"
    with till.ctx.db.read() as session:
        assert session.get(SyncState, REFUSED_KEY) is not None  # kept for the admin to read


def test_a_pulled_operator_replaces_the_shipped_one_for_its_version(till) -> None:
    operator = {
        "name": "ТОО «Пример»",
        "bin": "123456789012",
        "email": "dpo@example.kz",
        "phone": "+7 701 111 22 33",
    }
    pull_policy(till, newer("1.1", operator=operator))
    policy = PrivacyPolicyService(till.ctx).in_force()
    assert policy.operator.email == "dpo@example.kz" and "dpo@example.kz" in policy.text("ru")
    assert shipped_operator().email != "dpo@example.kz"
