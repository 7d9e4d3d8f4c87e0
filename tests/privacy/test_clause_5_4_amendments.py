"""Clause 5.4 of the privacy policy: "Amendments to this policy take effect when they are
published within the service."

Published within the service means: the till has the new version (pulled from the backend and
stored) and shows it. Before that, whatever the backend holds, the version in force is the old
one; from that moment it is the new one, at once, with the moment recorded and the admin asked
to accept it at the next login (clause 5.3)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # Qt reads it at import

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from forsell.domain.roles import Role
from forsell.fakes.fake_backend import shipped_policy
from forsell.services.app import Till, open_till
from forsell.services.privacy.policy import POLICY_LANGUAGES, PrivacyPolicyService
from forsell.services.pulls import PullApplier
from forsell.store.models import AuditEntry

NOW = datetime(2027, 2, 1, 6, 30, tzinfo=UTC)
CLAUSE_5_4 = {
    "ru": "5.4. Изменения настоящей политики вступают в силу с момента их публикации в сервисе.",
    "kk": "5.4. Осы саясатқа енгізілген өзгерістер қызметте жарияланған сәттен бастап күшіне "
    "енеді.",
    "en": "5.4. Amendments to this policy take effect when they are published within the service.",
}


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    opened = open_till(tmp_path / "data", clock=lambda: NOW)
    yield opened
    opened.close()


def amendment(version: str) -> dict:
    doc = shipped_policy()
    assert doc is not None
    doc["version"], doc["published"] = version, "2027-02-01"
    doc["texts"] = {k: v + f"\n\n7.1. Amendment {version}.\n" for k, v in doc["texts"].items()}
    return doc


def test_the_clause_is_in_every_language_of_the_policy_in_force(till: Till) -> None:
    policy = PrivacyPolicyService(till.ctx).in_force()
    for language in POLICY_LANGUAGES:
        assert CLAUSE_5_4[language] in " ".join(policy.text(language).split())


def test_an_amendment_takes_effect_when_published_within_the_service(till: Till) -> None:
    service = PrivacyPolicyService(till.ctx)
    admin = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
    service.accept(admin, "1.0")
    amended = amendment("1.1")
    # published at the backend only: not yet within the service, 1.0 stays in force
    assert service.in_force().version == "1.0"
    PullApplier(till.ctx, clock=lambda: NOW).apply("policy", [amended], None)
    policy = service.in_force()
    # within the service now: in force at once, before any acceptance, in every language
    assert policy.version == "1.1" and policy.received_at == NOW and not policy.accepted
    assert all("Amendment 1.1" in policy.text(lang) for lang in POLICY_LANGUAGES)
    assert service.awaiting_acceptance() == policy  # shown at the admin's next login
    with till.ctx.db.read() as session:
        entry = session.query(AuditEntry).filter_by(action="privacy_policy_published").one()
    assert entry.details == {"version": "1.1", "published": "2027-02-01"}


def test_an_older_or_rewritten_version_never_takes_effect(till: Till) -> None:
    service = PrivacyPolicyService(till.ctx)
    applier = PullApplier(till.ctx, clock=lambda: NOW)
    applier.apply("policy", [amendment("1.1")], None)
    older = amendment("1.0")
    rewritten = amendment("1.1")
    rewritten["texts"]["ru"] += "\nТихая правка без новой редакции.\n"
    result = applier.apply("policy", [older, rewritten], None)
    assert (result.applied, result.skipped) == (0, 2)
    assert "Тихая правка" not in service.in_force().text("ru")
    assert service.in_force().version == "1.1"


def test_help_privacy_shows_the_amendment_and_since_when_it_is_in_force(qtbot, till: Till) -> None:
    from PySide6.QtWidgets import QLabel, QTextBrowser

    from forsell.ui.privacy_dialogs import PrivacyDialog

    PullApplier(till.ctx, clock=lambda: NOW).apply("policy", [amendment("1.1")], None)
    dialog = PrivacyDialog(till, "en")
    qtbot.addWidget(dialog)
    (version,) = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == "policy version"]
    assert version.text().startswith("1.1, published 01.02.2027")
    assert till.ctx.local(NOW).strftime("%d.%m.%Y %H:%M") in version.text()
    (text,) = dialog.findChildren(QTextBrowser)
    assert "Amendment 1.1" in text.toPlainText()
