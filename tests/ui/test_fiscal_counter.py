"""Fiscal registration where the cashier and the supervisor see it: the receipt journal's fiscal
column, the till's band before the limit on autonomous work, and a void after registration."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from forsell.domain.roles import Role
from forsell.services.app import Till
from forsell.services.fiscal import FiscalService
from forsell.ui.journal_dialog import JournalDialog

from .backoffice_fixtures import by_name, shown
from .conftest import employee
from .fiscal_fixtures import (  # noqa: F401 - fixtures
    fake,
    fiscal_on,
    kassa24,
    sell_coffee,
    service,
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
    assert service.register_now().outcome == "idle"
    fake.block()
    sell_coffee(till)  # refused: the register is blocked
    sell_coffee(till)  # waits behind it
    assert service.register_now().outcome == "blocked"
    registered = [r for r in fake.registered() if r.kind == "sale"]
    number = registered[0].answer["Number"]
    dialog = shown(qtbot, JournalDialog(till, supervisor))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4)
    header = dialog.table.horizontalHeaderItem(6).text()
    assert header == "Fiscal"
    assert _fiscal_column(dialog) == [
        ("4", "Waiting"),
        ("3", "Refused"),
        ("2", f"No. {number}"),
        ("1", ""),
    ]
