"""The admin's "Recording" tab: the store's switch, consent, the microphone and its test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTabWidget
from sqlalchemy import select

from forsell.audio.archive import EncryptedArchive
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import DB_NAME
from forsell.services.consent import ConsentService
from forsell.services.privacy.consent_records import ABROAD, current_version
from forsell.services.recordings import open_vault
from forsell.store.models import AuditEntry
from forsell.ui.admin_dialogs import AdminDialog
from forsell.ui.consent_withdrawal import WithdrawConsentDialog
from forsell.ui.recording_admin import RecordingAdminPage
from platform_services import needs, pulseaudio
from recording_child import record_into

from .conftest import employee, find, modal
from .recording_fakes import FakeMic

CASHIER = "Данияр Ахметов"


@pytest.fixture
def dialog(qtbot, till):
    made = AdminDialog(till, employee(till, Role.ADMIN))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    tabs = made.findChild(QTabWidget)
    tabs.setCurrentWidget(made.recording_page)
    return made


def _box(check) -> QPoint:
    """Where a person taps a check box: its box (the widget is stretched wider than its text,
    and empty room to the right of the words is no part of it)."""
    return QPoint(14, check.height() // 2)


def _actions(till) -> list[str]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_turning_recording_on_puts_the_notice_on_the_receipt(qtbot, till, dialog):
    tabs = dialog.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())][-1] == "Recording"
    switch = find(dialog, "recording enabled")
    assert not switch.isChecked()
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton, pos=_box(switch))
    assert ConsentService(till.ctx).enabled
    assert till.ctx.settings.get(s.RECEIPT_FOOTER) == s.RECORDING_NOTICE
    notice = find(dialog, "receipt footer notice").text()
    assert notice.startswith("The receipt footer now tells customers about recording")
    assert s.RECORDING_NOTICE in notice
    # the settings tab shows the new footer too, so saving it keeps the notice
    assert dialog.settings_page.footer.toPlainText() == s.RECORDING_NOTICE
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton, pos=_box(switch))
    assert not ConsentService(till.ctx).enabled
    assert _actions(till)[-2:] == ["recording_enabled", "recording_disabled"]


def test_consent_is_recorded_with_its_date_and_withdrawn(qtbot, till, dialog):
    cashier = employee(till, Role.CASHIER, CASHIER)
    table = find(dialog, "consent list")
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == CASHIER)
    assert table.item(row, 1).text() == "no consent"
    qtbot.mouseClick(find(dialog, "record consent"), Qt.MouseButton.LeftButton)
    assert find(dialog, "recording error").text() == "Choose an employee in the list first."
    table.selectRow(row)
    qtbot.mouseClick(find(dialog, "record consent"), Qt.MouseButton.LeftButton)
    consent = ConsentService(till.ctx)
    assert consent.has_consent(cashier.id)
    given = next(c.given_at for c in consent.consents() if c.employee_id == cashier.id)
    assert table.item(row, 1).text() == given.strftime("%d.%m.%y")
    assert table.item(row, 1).toolTip() == f"Consent text version {current_version()}"
    assert table.item(row, 2).text() == "no"
    qtbot.mouseClick(find(dialog, "record consent abroad"), Qt.MouseButton.LeftButton)
    assert consent.has_consent(cashier.id, ABROAD) and table.item(row, 2).text() != "no"
    qtbot.mouseClick(find(dialog, "withdraw consent"), Qt.MouseButton.LeftButton)
    withdrawal = modal(qtbot, WithdrawConsentDialog)
    qtbot.mouseClick(find(withdrawal, "confirm withdrawal"), Qt.MouseButton.LeftButton)
    assert find(withdrawal, "withdrawal error").text().startswith("Write down why")
    assert consent.has_consent(cashier.id)  # no reason, no withdrawal on someone's behalf
    qtbot.keyClicks(find(withdrawal, "withdrawal reason"), "written request")
    qtbot.mouseClick(find(withdrawal, "confirm withdrawal"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not withdrawal.isVisible())  # nothing held: nothing to offer
    assert not consent.has_consent(cashier.id) and not consent.has_consent(cashier.id, ABROAD)
    assert table.item(row, 1).text().startswith("withdrawn ")
    assert _actions(till)[-3:] == ["consent_given", "consent_given", "consent_withdrawn"]
    for record in consent.records(employee(till, Role.ADMIN), cashier.id):
        assert record.withdrawal_reason == "written request" and not record.withdrawn_by_subject


def test_the_admin_withdraws_and_destroys_the_held_recordings(qtbot, till, dialog):
    cashier = employee(till, Role.CASHIER, CASHIER)
    admin = employee(till, Role.ADMIN)
    consent = ConsentService(till.ctx)
    consent.give_consent(admin, cashier.id)
    vault = open_vault(till.ctx)
    archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, vault, till.ctx.device_id)
    try:
        held = [record_into(archive, 1.0, employee_id=cashier.id) for _ in range(2)]
    finally:
        archive.close()
    page = dialog.recording_page
    page.reload()
    table = find(dialog, "consent list")
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == CASHIER)
    table.selectRow(row)
    qtbot.mouseClick(find(dialog, "withdraw consent"), Qt.MouseButton.LeftButton)
    withdrawal = modal(qtbot, WithdrawConsentDialog)
    qtbot.keyClicks(find(withdrawal, "withdrawal reason"), "asked to stop")
    qtbot.mouseClick(find(withdrawal, "confirm withdrawal"), Qt.MouseButton.LeftButton)
    offer = find(withdrawal, "withdrawal explanation").text()
    assert offer.startswith("2 recordings of " + CASHIER + " are held")
    assert table.item(row, 3).text() == "2"
    qtbot.mouseClick(find(withdrawal, "destroy held recordings"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not withdrawal.isVisible())
    assert withdrawal.destroyed_count == 2 and table.item(row, 3).text() == ""
    assert consent.held_recordings(admin, cashier.id) == []
    assert not any(vault.exists(rid) for rid in held)
    vault.close()
    assert _actions(till)[-3:] == [
        "consent_withdrawn",
        "recordings_shredded",
        "consent_held_destroyed",
    ]


def test_the_chosen_microphone_is_stored(qtbot, till, dialog):
    combo = find(dialog, "microphone")
    assert combo.currentData() == "" and combo.itemText(0) == "System default"
    till.ctx.settings.set(s.RECORDING_DEVICE, "virtmic")
    again = AdminDialog(till, employee(till, Role.ADMIN))
    qtbot.addWidget(again)
    combo = again.recording_page.device
    assert combo.currentData() == "virtmic"  # kept even when PortAudio does not list it
    combo.setCurrentIndex(0)
    assert till.ctx.settings.get(s.RECORDING_DEVICE) == ""


def test_microphone_test_records_three_seconds_to_memory_and_plays_them_back(qtbot, till, tmp_path):
    played = []
    mic = FakeMic(amplitude=0.05)
    page = RecordingAdminPage(
        till,
        employee(till, Role.ADMIN),
        mic_factory=lambda _d: mic,
        play=lambda pcm, rate: played.append((len(pcm), rate)),
    )
    qtbot.addWidget(page)
    page.show()
    before = sorted(p for p in tmp_path.rglob("*"))
    qtbot.mouseClick(find(page, "test microphone"), Qt.MouseButton.LeftButton)
    assert not find(page, "test microphone").isEnabled()  # one test at a time; the UI goes on
    qtbot.waitUntil(lambda: find(page, "test level").value() > 0, timeout=5_000)
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=10_000)
    result = page.last_result
    assert played == [(48_000, 16_000)]  # the three seconds, from memory
    assert result.error == "" and result.played and abs(result.seconds - 3.0) < 0.01
    assert result.peak > 0.03
    assert not result.heard  # a steady tone is not speech
    assert find(page, "microphone test result").text().startswith("Sound but no speech heard")
    assert find(page, "test microphone").isEnabled() and not mic.open
    assert sorted(p for p in tmp_path.rglob("*")) == before  # nothing written


def test_microphone_test_reports_a_missing_device(qtbot, till):
    page = RecordingAdminPage(
        till, employee(till, Role.ADMIN), mic_factory=lambda _d: FakeMic(present=False)
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(find(page, "test microphone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)
    said = find(page, "microphone test result")
    # Words for the cashier, not PortAudio's "Error querying device -1"; the detail is at hand.
    assert said.text() == (
        "The microphone cannot be opened: it is unplugged, used by another program or not "
        "allowed. Plug it in or choose another microphone, then test again."
    )
    assert "Error querying device" not in said.text()
    assert "no such microphone" in said.toolTip()


@needs(pulseaudio)
def test_microphones_are_offered_by_description_and_stored_by_source_name(qtbot, till):
    page = RecordingAdminPage(till, employee(till, Role.ADMIN))
    qtbot.addWidget(page)
    combo = page.device  # the "microphone" choice
    shown = combo.findText("VirtualMic")  # the PulseAudio source "virtmic" of the test machine
    assert shown >= 0 and combo.itemData(shown) == "virtmic"
    combo.setCurrentIndex(shown)
    assert till.ctx.settings.get(s.RECORDING_DEVICE) == "virtmic"
