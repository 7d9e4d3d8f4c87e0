"""Fiscal registration through the till's services: a sale and its refund offline, then online;
the autonomous-work limit; refusals an admin retries or sets aside (audited)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.services import fiscal as f
from forsell.services import settings as s
from forsell.services.app import Till

from .conftest import PINS, Clock, Products, Staff, audit_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from memory_keyring import MemoryKeyring

pytestmark = pytest.mark.usefixtures("shift")


@pytest.fixture
def kassa():
    fake = FakeKassa24()
    server = FakeServer(fake, name="kassa24")
    yield fake, server
    server.stop()


@pytest.fixture
def service(till: Till, staff: Staff, kassa) -> f.FiscalService:
    _, server = kassa
    service = f.FiscalService(till.ctx, MemoryKeyring())
    server.start()  # a port of its own, kept across stop/start
    till.ctx.settings.set(s.FISCAL_URL, server.url)
    service.set_token(staff.admin, DEFAULT_TOKEN)
    service.choose_register(staff.admin, "kassa24", DEFAULT_REGISTER)
    return service


def _sell(till: Till, staff: Staff, products: Products):
    sale = till.sale_for(staff.cashier)
    sale.scan(products.bread.barcode)
    sale.scan(products.milk.barcode)
    return sale.pay(Payment(cash_tendered=sale.view().total))


def test_offline_sale_and_its_refund_register_later_in_order_with_attributes(
    till: Till, staff: Staff, products: Products, clock: Clock, service, kassa
) -> None:
    fake, server = kassa
    server.stop()  # the service is down: the sale still completes
    receipt = _sell(till, staff, products)
    assert receipt.fiscal_state == "waiting"
    assert receipt.fiscal_sign is None and receipt.fiscal_autonomous_number == 1
    assert service.register_now().outcome == "retry"
    refund = till.refunds.refund(
        staff.supervisor, receipt.sale_id, {receipt.lines[0].line_id: 1000}, "cash"
    )
    assert f.receipt_fiscal_status(till.ctx, refund.id).state == "waiting"
    assert service.overview().waiting == 2

    server.start()
    clock.advance(120)
    assert service.register_now().outcome == "idle"
    registered = fake.registered()
    assert [r.kind for r in registered] == ["sale", "refund"]
    assert registered[0].receipt_date == receipt.created_at.replace(microsecond=0)
    assert registered[0].afp == 1  # sent late: its autonomous number
    shown = f.refreshed_receipt(till.ctx, receipt)
    assert shown.fiscal_state == "registered"
    assert shown.fiscal_sign == registered[0].fiscal_sign
    assert shown.fiscal_qr_url and shown.fiscal_register_number
    assert f.receipt_fiscal_status(till.ctx, refund.id).state == "registered"
    assert service.overview().waiting == 0


def test_sales_stop_at_the_autonomous_limit_with_warnings_before_it(
    till: Till, staff: Staff, products: Products, clock: Clock, service, kassa
) -> None:
    kassa[1].stop()
    _sell(till, staff, products)
    clock.advance(47 * 3600)
    assert service.overview().autonomous_level == f.FINE
    clock.advance(2 * 3600)
    assert service.overview().autonomous_level == f.WARN
    clock.advance(20 * 3600)
    assert service.overview().autonomous_level == f.SOON
    _sell(till, staff, products)  # still allowed, with the warning
    clock.advance(3 * 3600)
    with pytest.raises(CashierError) as refused:
        _sell(till, staff, products)
    assert refused.value.key == "fiscal.autonomous_limit"
    kassa[1].start()
    clock.advance(1)
    service.register_now()
    _sell(till, staff, products)  # registered: selling again


def test_a_refusal_blocks_until_the_admin_retries_or_sets_it_aside(
    till: Till, staff: Staff, products: Products, clock: Clock, service, kassa
) -> None:
    fake, _ = kassa
    fake.block()
    first = _sell(till, staff, products)
    second = _sell(till, staff, products)
    assert service.register_now().outcome == "blocked"
    overview = service.overview()
    assert [r.reason_key for r in overview.refused] == ["fiscal.register_blocked"]
    assert f.receipt_fiscal_status(till.ctx, second.sale_id).state == "waiting"

    fake.block(blocked=False)
    assert service.retry(staff.admin) == 1
    clock.advance(1)
    assert service.register_now().outcome == "idle"
    assert f.receipt_fiscal_status(till.ctx, first.sale_id).state == "registered"
    assert f.receipt_fiscal_status(till.ctx, second.sale_id).state == "registered"
    assert [e.details["count"] for e in audit_rows(till, "fiscal_retried")] == [1]

    fake.block()
    third = _sell(till, staff, products)
    service.register_now()
    op = service.overview().refused[0]
    assert service.set_aside(staff.admin, op.id)
    assert f.receipt_fiscal_status(till.ctx, third.sale_id).state == "set_aside"
    assert service.overview().refused == ()
    assert len(audit_rows(till, "fiscal_set_aside")) == 1
    assert PINS  # the demo staff the fixtures signed in


def test_x_report_compares_the_registered_sums_with_the_tills(
    till: Till, staff: Staff, products: Products, clock: Clock, service, kassa
) -> None:
    shift_id = till.shifts.current().id
    _sell(till, staff, products)
    till.shifts.cash_movement(staff.cashier, 5_000_00, "размен")
    service.register_now()
    totals = f.shift_fiscal_totals(till.ctx, shift_id)
    report = till.shifts.x_report()
    assert totals.registered == {"sale": report.sales_total, "cash_in": 5_000_00}
    assert totals.differences(report) == {}
    kassa[1].stop()
    _sell(till, staff, products)  # waits: the register has not got it yet
    totals = f.shift_fiscal_totals(till.ctx, shift_id)
    report = till.shifts.x_report()
    assert totals.waiting == 1
    assert totals.differences(report) == {"sale": report.sales_total // 2}


def test_a_sale_voided_after_registration_sends_a_refund_and_the_x_report_agrees(
    till: Till, staff: Staff, products: Products, clock: Clock, service, kassa
) -> None:
    fake, _ = kassa
    shift_id = till.shifts.current().id
    kept = _sell(till, staff, products)
    voided = _sell(till, staff, products)
    assert service.register_now().outcome == "idle"
    till.refunds.void(staff.supervisor, voided.sale_id)
    assert f.void_fiscal_status(till.ctx, voided.sale_id).state == "waiting"
    assert f.receipt_fiscal_status(till.ctx, voided.sale_id).state == "registered"
    clock.advance(1)
    assert service.register_now().outcome == "idle"
    registered = fake.registered()
    assert [(r.kind, r.total) for r in registered] == [
        ("sale", kept.total),
        ("sale", voided.total),
        ("refund", voided.total),
    ]
    assert (
        registered[2].answer["FiscalSign"]
        and f.void_fiscal_status(till.ctx, voided.sale_id).state == "registered"
    )
    totals = f.shift_fiscal_totals(till.ctx, shift_id)
    report = till.shifts.x_report()
    assert report.sales_total == kept.total and report.refunds_total == 0
    assert totals.registered == {"sale": kept.total}
    assert totals.differences(report) == {}


def test_a_sale_voided_before_registration_goes_out_with_its_refund_in_order(
    till: Till, staff: Staff, products: Products, clock: Clock, service, kassa
) -> None:
    fake, server = kassa
    server.stop()
    voided = _sell(till, staff, products)
    till.refunds.void(staff.supervisor, voided.sale_id)
    shift_id = till.shifts.current().id
    totals = f.shift_fiscal_totals(till.ctx, shift_id)
    assert totals.waiting == 2
    server.start()
    clock.advance(60)
    assert service.register_now().outcome == "idle"
    sale, refund = fake.registered()
    assert (sale.kind, refund.kind) == ("sale", "refund")
    assert sale.receipt_date <= refund.receipt_date  # the register's order rule
    assert f.shift_fiscal_totals(till.ctx, shift_id).differences(till.shifts.x_report()) == {}


def test_a_void_with_fiscal_registration_off_queues_nothing(
    till: Till, staff: Staff, products: Products
) -> None:
    receipt = _sell(till, staff, products)
    till.refunds.void(staff.supervisor, receipt.sale_id)
    assert f.void_fiscal_status(till.ctx, receipt.sale_id) is None
