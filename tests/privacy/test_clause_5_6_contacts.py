"""Clause 5.6 of the privacy policy: questions go to the operator's e-mail and phone.

The contacts are the deployment's (the newest shipped ``manifest.json``); they appear in the
policy's text in every language and in Help → Privacy, and a policy version that brings its
own operator shows that one in both places. Law No. 94-V also wants the operator and its BIN
named (clause 1.1)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # Qt reads it at import

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTextBrowser

from forsell.paths import resources_dir
from forsell.services.app import Till, open_till
from forsell.services.privacy.policy import (
    POLICY_LANGUAGES,
    PrivacyPolicyService,
    shipped_operator,
)
from forsell.services.pulls import PullApplier

POLICY_DIR = resources_dir() / "privacy" / "policy"


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    opened = open_till(tmp_path / "data")
    yield opened
    opened.close()


def labelled(dialog, name: str) -> str:
    (label,) = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == name]
    return label.text()


def test_every_shipped_manifest_names_the_operator_with_email_phone_and_bin() -> None:
    manifests = sorted(POLICY_DIR.glob("*/manifest.json"))
    assert manifests
    for manifest in manifests:
        operator = json.loads(manifest.read_text("utf-8"))["operator"]
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", operator["email"])
        assert re.fullmatch(r"\+7[\d ()-]{10,}", operator["phone"])
        assert re.fullmatch(r"\d{12}", operator["bin"]) and operator["name"].strip()


def test_the_text_of_clause_5_6_carries_the_contacts_in_every_language(till: Till) -> None:
    policy = PrivacyPolicyService(till.ctx).in_force()
    operator = shipped_operator()
    for language in POLICY_LANGUAGES:
        text = " ".join(policy.text(language).split())
        clause = text[text.index("5.6.") : text.index("## 6.") if "## 6." in text else None]
        assert operator.email in clause and operator.phone in clause, language
        assert operator.name in text and operator.bin in text  # clause 1.1


def test_help_privacy_shows_the_contacts_and_the_text_with_them(qtbot, till: Till) -> None:
    from forsell.ui.privacy_dialogs import PrivacyDialog

    operator = shipped_operator()
    for language in POLICY_LANGUAGES:
        dialog = PrivacyDialog(till, language)
        qtbot.addWidget(dialog)
        assert labelled(dialog, "operator email") == operator.email
        assert labelled(dialog, "operator phone") == operator.phone
        assert operator.bin in labelled(dialog, "operator")
        (text,) = dialog.findChildren(QTextBrowser)
        assert operator.email in text.toPlainText() and operator.phone in text.toPlainText()


def test_a_version_with_its_own_operator_shows_that_operator(qtbot, till: Till) -> None:
    from forsell.ui.privacy_dialogs import PrivacyDialog

    policy = PrivacyPolicyService(till.ctx).in_force()
    doc = {
        "version": "1.1",
        "published": "2027-01-10",
        "texts": dict(policy.texts),
        "operator": {
            "name": "ТОО «Пример»",
            "bin": "123456789012",
            "email": "dpo@example.kz",
            "phone": "+7 701 111 22 33",
        },
    }
    PullApplier(till.ctx).apply("policy", [doc], None)
    dialog = PrivacyDialog(till, "kk")
    qtbot.addWidget(dialog)
    assert labelled(dialog, "operator email") == "dpo@example.kz"
    assert labelled(dialog, "operator phone") == "+7 701 111 22 33"
    (text,) = dialog.findChildren(QTextBrowser)
    assert "dpo@example.kz" in text.toPlainText()
    assert shipped_operator().email not in text.toPlainText()
