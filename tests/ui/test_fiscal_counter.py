"""Fiscal registration where the cashier and the supervisor see it: the receipt journal's fiscal
column, the till's band before the limit on autonomous work, and a void after registration."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from sqlalchemy import func, select

from forsell.domain.roles import Role
from forsell.services.app import Till, open_till
from forsell.services.fiscal import FiscalService
from forsell.store.models import Sale
from forsell.ui.i18n import Languages
from forsell.ui.journal_dialog import JournalDialog
from forsell.ui.tasks import tasks
from forsell.ui.till_screen import TillScreen

from .backoffice_fixtures import by_name, shown
from .conftest import employee
from .fiscal_fixtures import (  # noqa: F401 - the fixtures
    MemoryKeyring,
    fake_fixture,
    fiscal_on,
    kassa24_fixture,
    sell_coffee,
    service_fixture,
)


def _fiscal_column(dialog: JournalDialog) -> list[tuple[str, str]]:
    table = by_name(dialog, QTableWidget, "journal receipts")
    return [(table.item(r, 0).text(), table.item(r, 6).text()) for r in range(table.rowCount())]


def test_the_journal_shows_each_receipts_fiscal_status(
    qtbot, till: Till, open_shift, service: FiscalService, fake
) -> None:
    sell_coffee(till)  # before fiscal registration was on: no fiscal status
    fiscal_on(till, service)
    supervisor = employee(till, Role.SUPERVISOR)
    sell_coffee(till)
    voided = sell_coffee(till)
    till.refunds.void(supervisor, voided.sale_id)  # the register gets a refund behind it
    assert service.register_now().outcome == "idle"
    fake.block()
    sell_coffee(till)  # refused: the register is blocked
    sell_coffee(till)  # waits behind it
    assert service.register_now().outcome == "blocked"
    number, voided_number, void_number = (r.answer["Number"] for r in fake.registered())
    dialog = shown(qtbot, JournalDialog(till, supervisor))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5)
    header = dialog.table.horizontalHeaderItem(6).text()
    assert header == "Fiscal"
    assert _fiscal_column(dialog) == [
        ("5", "Waiting"),
        ("4", "Refused"),
        ("3", f"No. {voided_number}; void: refund No. {void_number}"),
        ("2", f"No. {number}"),
        ("1", ""),
    ]
    languages = Languages()
    try:
        languages.switch("ru")
        russian = shown(qtbot, JournalDialog(till, supervisor))
        qtbot.waitUntil(lambda: russian.table.rowCount() == 5)
        assert russian.table.horizontalHeaderItem(6).text() == "ОФД"
        assert [text for _no, text in _fiscal_column(russian)][:4] == [
            "Ждёт",
            "Отклонён",
            f"№ {voided_number}; аннулирована: возврат № {void_number}",
            f"№ {number}",
        ]
    finally:
        languages.uninstall()


class Clock:
    """The till's clock, moved on by the test (hours of autonomous work in an instant)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clocked(tmp_path: Path) -> Iterator[tuple[Till, Clock]]:
    clock = Clock()
    opened = open_till(tmp_path / "clocked", clock=clock)
    yield opened, clock
    opened.close()


def test_the_till_warns_from_48_hours_and_more_strongly_near_the_limit_and_still_sells(
    qtbot, clocked
) -> None:
    till, clock = clocked
    # A token and a register, and no network: every receipt waits.
    fiscal_on(till, FiscalService(till.ctx, MemoryKeyring()))
    till.shifts.open(employee(till, Role.CASHIER), 0)
    sell_coffee(till)
    screen = TillScreen(till)
    qtbot.addWidget(screen)
    screen.show()
    band = screen.fiscal_band
    tasks().wait()
    assert not band.isVisible()
    clock.now += timedelta(hours=49)
    band.check()
    qtbot.waitUntil(band.isVisible)
    assert band.property("role") == "banner"
    assert "for 49 h" in band.text() and "after 72 h selling stops" in band.text()
    receipt = sell_coffee(till)  # the band never blocks a sale
    clock.now += timedelta(hours=18)  # 67 h
    screen.paid.emit(receipt)  # a payment looks again
    qtbot.waitUntil(lambda: band.property("role") == "alarm")
    assert "Only 5 h left before selling stops" in band.text()
    sell_coffee(till)
    with till.ctx.db.read() as session:
        assert session.scalar(select(func.count(Sale.id))) == 3
    languages = Languages()
    try:
        languages.switch("kk")  # the band follows a language switch
        qtbot.waitUntil(lambda: "сағат қалды" in band.text())
        assert "{" not in band.text() and "5 сағат" in band.text()
    finally:
        languages.uninstall()
