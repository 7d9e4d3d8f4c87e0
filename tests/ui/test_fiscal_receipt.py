"""A GUI sale while the cash register service is down: the receipt says it will be registered;
once the service is back the fiscal lane registers it and the open receipt shows the fiscal
sign and the QR code, without the cashier doing anything."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from forsell.domain.roles import Role
from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.services import settings as s
from forsell.services.fiscal import FiscalService
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import FISCAL_QR_URL, ReceiptDialog

from .conftest import CASHIER_PIN, employee, find, log_in, modal
from .test_till import ARABICA, scan

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from memory_keyring import MemoryKeyring


def test_offline_gui_sale_gets_its_fiscal_sign_and_qr_when_the_service_is_back(
    qtbot, window, till, open_shift
) -> None:
    fake = FakeKassa24()
    server = FakeServer(fake, name="kassa24").start()
    server.stop()  # the port is ours, nobody answers on it: the service is down
    admin = employee(till, Role.ADMIN)
    till.ctx.settings.set(s.FISCAL_URL, server.url)
    service = FiscalService(till.ctx, MemoryKeyring())
    service.set_token(admin, DEFAULT_TOKEN)
    service.choose_register(admin, "kassa24", DEFAULT_REGISTER)
    lane = service.start()
    try:
        log_in(qtbot, window, employee(till, Role.CASHIER, "Данияр Ахметов"), CASHIER_PIN)
        scan(qtbot, find(window, "scan field"), ARABICA)
        qtbot.mouseClick(find(window, "pay"), Qt.MouseButton.LeftButton)
        payment = modal(qtbot, PaymentDialog)
        qtbot.mouseClick(find(payment, "tender 10000"), Qt.MouseButton.LeftButton)
        qtbot.keyClick(find(payment, "amount tendered"), Qt.Key.Key_Return)
        dialog = modal(qtbot, ReceiptDialog)
        assert dialog.receipt.fiscal_state == "waiting"
        assert "автономный № 1" in dialog.html  # the store's receipts are in Russian
        qtbot.waitUntil(lambda: lane.status().state == "offline", timeout=10_000)

        server.start()
        lane.nudge()
        qtbot.waitUntil(lambda: dialog.receipt.fiscal_state == "registered", timeout=15_000)
        registered = fake.registered()
        assert [r.kind for r in registered] == ["sale"] and registered[0].afp == 1
        assert registered[0].fiscal_sign in dialog.html
        qr = dialog.document.resource(QTextDocument.ResourceType.ImageResource, FISCAL_QR_URL)
        assert qr is not None and not qr.isNull()
        assert not dialog.fiscal_timer.isActive()
        dialog.accept()
    finally:
        service.stop()
        server.stop()


def test_the_report_flags_a_difference_from_the_cash_register(till, open_shift) -> None:
    from forsell.services.fiscal import FiscalShiftTotals
    from forsell.ui.report_view import report_html

    report = till.shifts.x_report()
    same = FiscalShiftTotals({}, 0, 0, None)
    assert "Matches the cash register" in report_html(report, "en", same)
    differs = FiscalShiftTotals({"cash_in": 100}, 1, 0, None)
    page = report_html(report, "en", differs)
    assert "Differs from the cash register" in page and "waiting 1" in page
    assert "Fiscal registration" not in report_html(report, "en")
