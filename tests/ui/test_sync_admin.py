"""The admin's Sync tab: settings saved, keys only into the real secret store, dead letters.

Key tests need a real Secret Service (``bash installer/linux/run-tests.sh
tests/ui/test_sync_admin.py``: a private D-Bus session with an unlocked gnome-keyring). The other
branch runs with keyring's own "no backend" keyring passed in: the tab must say the store is
unavailable and save nothing secret.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import select

from forsell.services import settings as s
from forsell.services.sync import SyncService
from forsell.store.models import AuditEntry, OutboxJob
from forsell.ui.admin_dialogs import AdminDialog
from forsell.ui.sync_admin import SyncAdminPage
from forsell.vault.secrets import SecretStore
from platform_services import needs, secret_service

from .conftest import find


@pytest.fixture
def service(till):
    made = SyncService(till)
    yield made
    made.stop()


@pytest.fixture
def page(qtbot, till, admin, service):
    made = SyncAdminPage(till, admin, service)
    qtbot.addWidget(made)
    made.resize(1000, 700)
    made.show()
    return made


def click(qtbot, page, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(find(page, name, QPushButton), Qt.MouseButton.LeftButton)


def audits(till, action: str) -> list[AuditEntry]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_settings_are_saved_and_audited(qtbot, till, page):
    page.recipients.confirm = lambda *_: True  # Yandex is not named by the policy
    click(qtbot, page, "acknowledge yandex")
    page.enabled.setChecked(True)
    page.backend_url.setText("https://analytics.example.kz")
    page.primary.setCurrentIndex(page.primary.findData("yandex"))
    page.fallback.setCurrentIndex(page.fallback.findData("none"))
    page.language.setCurrentIndex(page.language.findData("kk"))
    page.abroad.setChecked(True)
    page.folder.setText("b1gfolder")
    with qtbot.waitSignal(page.saved, timeout=1000):
        click(qtbot, page, "save sync settings")
    get = till.ctx.settings.get
    assert get(s.SYNC_ENABLED) and get(s.SYNC_BACKEND_URL) == "https://analytics.example.kz"
    assert (get(s.SYNC_PRIMARY), get(s.SYNC_FALLBACK), get(s.SYNC_LANGUAGE)) == (
        "yandex",
        "none",
        "kk",
    )
    assert get(s.SYNC_AUDIO_ABROAD) and get(s.YANDEX_FOLDER_ID) == "b1gfolder"
    [entry] = audits(till, "sync_settings_changed")
    assert "sync.audio_abroad" in entry.details["changed"]


def test_a_wrong_address_is_refused_in_words(qtbot, till, page):
    page.enabled.setChecked(True)
    page.backend_url.setText("analytics.example.kz")
    click(qtbot, page, "save sync settings")
    assert "is not a secure web address" in page.error.text()
    assert till.ctx.settings.get(s.SYNC_ENABLED) is False


def test_plain_http_to_another_computer_is_refused(qtbot, till, page):
    """The device token, sales and transcripts would travel in clear."""
    page.enabled.setChecked(True)
    page.backend_url.setText("http://analytics.example.kz")
    click(qtbot, page, "save sync settings")
    assert "https://" in page.error.text()
    assert till.ctx.settings.get(s.SYNC_ENABLED) is False


def test_abroad_switch_explains_the_consent_it_needs(qtbot, page):
    text = " ".join(label.text() for label in page.findChildren(type(page.error)))
    assert "94-V" in text and "consent" in text and "BIN" in text
    assert page.abroad.isChecked() is False  # off until an admin turns it on knowingly


def test_demo_mode_is_said_on_the_tab(qtbot, till, admin, service):
    till.ctx.settings.set(s.SYNC_DEMO_FAKES, True)
    page = SyncAdminPage(till, admin, service)
    qtbot.addWidget(page)
    page.show()
    assert page.demo.isVisible() and "FAKE" in page.demo.text()


@needs(secret_service)
def test_keys_go_to_the_secret_store_and_are_never_shown(qtbot, till, page):
    assert not page.store_problem.isVisible()
    assert page.secret_states["elevenlabs-key"].text() == "not set"
    edit = page.secret_edits["elevenlabs-key"]
    assert edit.echoMode() == edit.EchoMode.Password
    qtbot.keyClicks(edit, "xi-test-key-123")
    click(qtbot, page, "save sync settings")
    assert SecretStore(till.ctx.device_id).get("elevenlabs-key") == "xi-test-key-123"
    assert page.secret_states["elevenlabs-key"].text() == "set"
    assert edit.text() == ""  # not kept in the form, not shown back
    assert page.secret_states["yandex-key"].text() == "not set"
    [entry] = audits(till, "sync_settings_changed")
    assert entry.details["changed"] == ["secret:elevenlabs-key"]
    assert "xi-test-key-123" not in str(entry.details)
    with till.ctx.db.read() as session:  # nowhere in the database either
        assert not any(
            "xi-test-key" in str(row.value) for row in session.scalars(select(s.SettingRow))
        )
    SecretStore(till.ctx.device_id).delete("elevenlabs-key")


def test_without_a_secret_store_the_tab_says_so_and_saves_no_key(qtbot, till, admin, service):
    # keyring's own "no backend" keyring, passed in as the platform service it stands for (what
    # a machine without a Secret Service gets), so the test does not depend on the environment.
    from keyring.backends.fail import Keyring as NoKeyring

    page = SyncAdminPage(till, admin, service, keyring_backend=NoKeyring())
    qtbot.addWidget(page)
    page.show()
    assert page.store_problem.isVisible()
    assert "secret store is unavailable" in page.store_problem.text()
    for name, edit in page.secret_edits.items():
        assert not edit.isEnabled()
        assert page.secret_states[name].text() == "unavailable"
    page.secret_edits["backend-token"].setText("token-typed-anyway")
    page.folder.setText("b1gother")
    click(qtbot, page, "save sync settings")
    assert till.ctx.settings.get(s.YANDEX_FOLDER_ID) == "b1gother"  # the rest is saved
    [entry] = audits(till, "sync_settings_changed")
    assert not any(c.startswith("secret:") for c in entry.details["changed"])


def add_dead(till, n: int) -> list[str]:
    ids = []
    with till.ctx.db.write() as session:
        for i in range(n):
            job = OutboxJob(
                lane="business",
                kind="sale",
                entity_id=f"sale-{i}",
                payload={},
                state="dead",
                attempts=3,
                error_key="sync.rejected",
                last_error="422 bad field",
            )
            session.add(job)
            session.flush()
            ids.append(job.id)
    return ids


def select_row(page, row: int) -> None:
    model = page.dead.selectionModel()
    model.select(
        page.dead.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )


def job_state(till, job_id: str) -> str | None:
    with till.ctx.db.read() as session:
        job = session.get(OutboxJob, job_id)
        return job.state if job else None


def test_dead_letters_are_listed_retried_and_dropped(qtbot, till, admin, service):
    ids = add_dead(till, 2)
    page = SyncAdminPage(till, admin, service)
    qtbot.addWidget(page)
    page.show()
    assert page.dead.rowCount() == 2
    assert "refused an item" in page.dead.item(0, 3).text()  # the reason, in words
    assert "2 refused" in page.counts.text()
    select_row(page, 0)
    click(qtbot, page, "retry dead letters")
    assert job_state(till, ids[0]) == "pending"
    assert page.dead.rowCount() == 1
    select_row(page, 0)
    click(qtbot, page, "drop dead letters")
    assert job_state(till, ids[1]) is None
    assert page.dead.rowCount() == 0
    assert "audit" in page.queue_message.text()


def test_nothing_selected_does_nothing(qtbot, till, page):
    [job_id] = add_dead(till, 1)
    page.load_queue()
    click(qtbot, page, "drop dead letters")
    assert job_state(till, job_id) == "dead"
    assert "Select" in page.queue_message.text()


def test_admin_dialog_has_a_sync_tab(qtbot, till, admin):
    dialog = AdminDialog(till, admin)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Sync" in titles
    dialog.sync_page.service.stop()


def test_store_data_from_the_server_shows_when_and_what_was_not_applied(
    qtbot, till, admin, service
):
    from forsell.services.pulls import PullApplier

    applier = PullApplier(till.ctx)
    applier.apply(
        "catalog",
        [
            {"sku": "NEW-1", "name_ru": "Самса", "price": 70_000, "vat_bp": 1600, "active": True},
            {"sku": "NEW-2", "name_ru": "Без цены", "price": "700", "vat_bp": 1600, "active": True},
        ],
        "cursor-1",
    )
    made = SyncAdminPage(till, admin, service)
    qtbot.addWidget(made)
    pulled = made.pulled.text().splitlines()
    assert pulled[0].startswith("Products and prices: updated ")
    assert pulled[1] == "Staff: nothing received yet"
    assert not made.pull_problems.isHidden()
    problems = made.pull_problems.text()
    assert "Products and prices — sku NEW-2: price" in problems
    assert "NEW-1" not in problems  # it was applied


def test_choices_labels_and_descriptions_come_from_the_registry(page):
    from PySide6.QtWidgets import QLabel

    for combo, setting in (
        (page.primary, s.SYNC_PRIMARY),
        (page.fallback, s.SYNC_FALLBACK),
        (page.language, s.SYNC_LANGUAGE),
    ):
        assert [combo.itemData(i) for i in range(combo.count())] == list(setting.choices)
        title = next(label for label in page.findChildren(QLabel) if label.buddy() is combo)
        assert title.text() == setting.label and combo.toolTip() == setting.description
    assert page.abroad.text() == s.SYNC_AUDIO_ABROAD.label
    # The consent the switch needs is spelled out on the page, not only in a tooltip.
    assert s.SYNC_AUDIO_ABROAD.description in [label.text() for label in page.findChildren(QLabel)]


def test_a_provider_the_policy_does_not_name_needs_a_confirmed_acknowledgement(
    qtbot, till, admin, page
):
    from PySide6.QtWidgets import QLabel

    warning = find(page, "yandex recipient note", QLabel).text()
    assert "NOT named by the privacy policy" in warning and "Yandex SpeechKit" in warning
    assert "no public API" in find(page, "kazdream recipient note", QLabel).text()
    assert "named by the privacy policy" in find(page, "elevenlabs recipient note", QLabel).text()
    page.fallback.setCurrentIndex(page.fallback.findData("yandex"))
    click(qtbot, page, "save sync settings")
    assert "not named by the privacy policy" in page.error.text()
    assert till.ctx.settings.get(s.SYNC_FALLBACK) == "none"

    asked: list[str] = []
    page.recipients.confirm = lambda _parent, _title, text: asked.append(text) or False
    click(qtbot, page, "acknowledge yandex")  # the admin says No: nothing changes
    assert asked and "audit log" in asked[0]
    assert till.ctx.settings.get(s.SYNC_ACKNOWLEDGED_RECIPIENTS) == ""
    assert audits(till, "recipient_acknowledged") == []

    page.recipients.confirm = lambda *_: True
    click(qtbot, page, "acknowledge yandex")
    assert till.ctx.settings.get(s.SYNC_ACKNOWLEDGED_RECIPIENTS) == "yandex"
    [entry] = audits(till, "recipient_acknowledged")
    assert (entry.employee_id, entry.details["provider"]) == (admin.id, "yandex")
    assert "acknowledged it" in find(page, "yandex recipient note", QLabel).text()
    with qtbot.waitSignal(page.saved, timeout=1000):
        click(qtbot, page, "save sync settings")
    assert till.ctx.settings.get(s.SYNC_FALLBACK) == "yandex"

    click(qtbot, page, "acknowledge yandex")  # now it withdraws
    assert till.ctx.settings.get(s.SYNC_ACKNOWLEDGED_RECIPIENTS) == ""
    assert len(audits(till, "recipient_acknowledgement_withdrawn")) == 1
