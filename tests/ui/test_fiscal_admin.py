"""Settings & staff → Cash register, against the FAKE Kassa24 on loopback: the token into
the secret store, the register list fetched in the background, errors in words (wrong token,
network down, register blocked), "Retry now" and "Set aside" with their audit entries."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import select

from forsell.domain.roles import Role
from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.fiscal import FiscalService
from forsell.store.models import AuditEntry, Setting
from forsell.ui.fiscal_admin import FiscalAdminPage
from forsell.ui.tasks import tasks

from .conftest import employee
from .fiscal_fixtures import (  # noqa: F401 - the fixtures
    fake_fixture,
    fiscal_on,
    kassa24_fixture,
    sell_coffee,
    service_fixture,
)


@pytest.fixture
def page(qtbot, till: Till, admin, service: FiscalService) -> FiscalAdminPage:
    widget = FiscalAdminPage(till, admin, service)
    qtbot.addWidget(widget)
    widget.show()
    tasks().wait()
    return widget


def audit_actions(till: Till) -> list[str]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)))


def test_a_wrong_token_is_named_then_the_right_one_lists_and_chooses_the_register(
    qtbot, till: Till, page: FiscalAdminPage, service: FiscalService, fake
) -> None:
    page.fetch_registers()
    tasks().wait()
    assert page.feedback.is_error and "token" in page.feedback.text().lower()
    page.token.setText("not-the-token")
    page.save_token()
    tasks().wait()
    assert page.token.text() == ""  # never shown again
    page.fetch_registers()
    tasks().wait()
    assert "refused this token" in page.feedback.text()
    page.token.setText(DEFAULT_TOKEN)
    page.save_token()
    tasks().wait()
    assert "A token is stored" in page.token.placeholderText()
    page.fetch_registers()
    tasks().wait()
    assert not page.feedback.is_error, page.feedback.text()
    assert page.registers.findData(DEFAULT_REGISTER) >= 0
    page.registers.setCurrentIndex(page.registers.findData(DEFAULT_REGISTER))
    page.choose_button.click()
    tasks().wait()
    assert service.register_choice() == ("kassa24", DEFAULT_REGISTER)
    assert "Off" not in page.state.text()
    actions = audit_actions(till)
    assert actions.count("fiscal_token_set") == 2 and "fiscal_register_chosen" in actions
    with till.ctx.db.read() as session:  # the token is in the secret store, not in settings
        values = [str(v) for v in session.scalars(select(Setting.value))]
    assert not any(DEFAULT_TOKEN in v for v in values)


def test_without_a_secret_store_the_token_is_not_kept_and_the_admin_is_told(
    qtbot, till: Till, admin
) -> None:
    from keyring.backends.fail import Keyring as NoKeyring

    page = FiscalAdminPage(till, admin, FiscalService(till.ctx, NoKeyring()))
    qtbot.addWidget(page)
    page.token.setText(DEFAULT_TOKEN)
    page.save_token()
    tasks().wait()
    assert page.feedback.is_error and "secret store is not available" in page.feedback.text()
    assert "fiscal_token_set" not in audit_actions(till)


def test_the_network_down_is_said_in_words(
    qtbot, till: Till, page: FiscalAdminPage, service: FiscalService
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    till.ctx.settings.set(s.FISCAL_URL, f"http://127.0.0.1:{port}")
    page.token.setText(DEFAULT_TOKEN)
    page.save_token()
    tasks().wait()
    page.fetch_registers()
    tasks().wait()
    assert "cannot be reached" in page.feedback.text()
    assert page.fetch_button.isEnabled()


def _refused_sale(till: Till, service: FiscalService, fake: FakeKassa24) -> None:
    fiscal_on(till, service)
    till.shifts.open(employee(till, Role.CASHIER), 0)
    fake.block()
    sell_coffee(till)
    assert service.register_now().outcome == "blocked"


def test_a_blocked_register_is_named_and_retry_now_registers_the_line(
    qtbot, till: Till, admin, service: FiscalService, fake
) -> None:
    _refused_sale(till, service, fake)
    page = FiscalAdminPage(till, admin, service)
    qtbot.addWidget(page)
    page.show()
    tasks().wait()
    assert page.refused.count() == 1
    assert "blocked" in page.refused.item(0).text()
    assert "Refused: 1" in page.counts.text() and "holds up the line" in page.state.text()
    fake.block(blocked=False)
    page.retry_button.click()
    qtbot.waitUntil(lambda: "Sent again" in page.feedback.text())
    tasks().wait()
    assert [r.kind for r in fake.registered()] == ["shift_open", "sale"]
    assert page.refused.count() == 0 and "Registered: 2" in page.counts.text()
    assert "fiscal_retried" in audit_actions(till)


def test_retry_now_wakes_the_apps_running_lane_and_the_page_follows_it(
    qtbot, till: Till, admin, service: FiscalService, fake
) -> None:
    _refused_sale(till, service, fake)
    service.start()  # as ui/app.py does; the admin dialog gets this service
    try:
        page = FiscalAdminPage(till, admin, service)
        qtbot.addWidget(page)
        page.timer.setInterval(50)
        page.show()
        qtbot.waitUntil(lambda: "holds up the line" in page.state.text())
        fake.block(blocked=False)
        page.retry_button.click()
        qtbot.waitUntil(lambda: "Registered: 2" in page.counts.text())
        assert "Connected" in page.state.text() and page.refused.count() == 0
        assert [r.kind for r in fake.registered()] == ["shift_open", "sale"]
    finally:
        service.stop()
    page.hide()
    assert not page.timer.isActive()


def test_set_aside_moves_the_line_on_and_is_audited(
    qtbot, till: Till, admin, service: FiscalService, fake
) -> None:
    _refused_sale(till, service, fake)
    page = FiscalAdminPage(till, admin, service)
    qtbot.addWidget(page)
    page.show()
    tasks().wait()
    page.refused.setCurrentRow(0)
    page.set_aside_button.click()
    tasks().wait()
    assert "Set aside" in page.feedback.text()
    assert page.refused.count() == 0 and not page.set_aside_button.isEnabled()
    assert service.overview().refused == ()
    assert "fiscal_set_aside" in audit_actions(till)


def test_the_admin_dialog_has_the_page_with_the_apps_fiscal_service(
    qtbot, window, admin, service: FiscalService
) -> None:
    window.fiscal = service  # ui/app.py hands the window its running service
    window.employee = admin
    dialog = window._make_dialog("store admin")
    qtbot.addWidget(dialog)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Cash register" in tabs
    assert dialog.tabs.indexOf(dialog.fiscal_page) < dialog.tabs.indexOf(dialog.recording_page)
    assert dialog.fiscal_page.fiscal is service
    tasks().wait()
