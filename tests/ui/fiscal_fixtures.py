"""The FAKE Kassa24 on loopback and a till with fiscal registration on, for the fiscal screens'
tests (import ``*_fixture`` to get the fixtures ``kassa24``, ``fake`` and ``service``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.fiscal import FiscalService
from forsell.services.receipts import ReceiptView

from .conftest import employee

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from memory_keyring import MemoryKeyring


@pytest.fixture(scope="module", name="kassa24")
def kassa24_fixture() -> Iterator[tuple[FakeKassa24, FakeServer]]:
    fake = FakeKassa24()
    with FakeServer(fake, name="kassa24") as running:
        yield fake, running


@pytest.fixture(name="fake")
def fake_fixture(kassa24) -> FakeKassa24:
    kassa24[0].reset()
    return kassa24[0]


@pytest.fixture(name="service")
def service_fixture(till: Till, kassa24) -> FiscalService:
    """The till's fiscal service (not running: tests drain the line with ``register_now``)."""
    till.ctx.settings.set(s.FISCAL_URL, kassa24[1].url)
    return FiscalService(till.ctx, MemoryKeyring())


def fiscal_on(till: Till, service: FiscalService) -> None:
    """The token stored and the FAKE's cash register chosen, as an admin does it."""
    admin = employee(till, Role.ADMIN)
    service.set_token(admin, DEFAULT_TOKEN)
    service.choose_register(admin, "kassa24", DEFAULT_REGISTER)


def sell_coffee(till: Till) -> ReceiptView:
    """One cappuccino paid in cash by the demo cashier."""
    sale = till.sale_for(employee(till, Role.CASHIER))
    sale.add(till.catalog.search("Капучино")[0])
    return sale.pay(Payment(cash_tendered=10_000_00))
