"""``forsell-cashier fiscal status|retry|registers`` and doctor's "Fiscal registration" line, in
this process on a real till folder, with the FAKE Kassa24 and a secret store in memory."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import keyring
import pytest

from forsell import cli
from forsell.domain.payment import Payment
from forsell.fakes.fake_kassa24 import DEFAULT_REGISTER, DEFAULT_TOKEN, FakeKassa24
from forsell.fakes.server import FakeServer
from forsell.services import settings as s
from forsell.services.app import open_till
from forsell.services.doctor import check_fiscal
from forsell.services.fiscal import FiscalService

sys.path.insert(0, str(Path(__file__).resolve().parent / "sync"))
from memory_keyring import MemoryKeyring


@pytest.fixture(scope="module")
def secrets() -> MemoryKeyring:
    store = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def service_up():
    fake = FakeKassa24()
    with FakeServer(fake, name="kassa24") as running:
        yield fake, running


@pytest.fixture
def kassa(service_up, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANGUAGE", "ru")
    fake, _ = service_up
    fake.reset()
    return service_up


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, secrets: MemoryKeyring, service_up) -> Path:
    """A till with Kassa24 on, the register blocked, one sale refused by it (built once: the
    demo staff's PINs take seconds to hash); each test gets a copy."""
    fake, server = service_up
    folder = tmp_path_factory.mktemp("fiscal-cli") / "till"
    till = open_till(folder, keyring_backend=secrets)
    try:
        admin = till.staff.admin_by_pin("9000", "test")
        cashier = next(e for e in till.staff.staff() if e.role.value == "cashier")
        till.shifts.open(cashier, 0)
        till.ctx.settings.set(s.FISCAL_URL, server.url)
        service = FiscalService(till.ctx, secrets)
        service.set_token(admin, DEFAULT_TOKEN)
        service.choose_register(admin, "kassa24", DEFAULT_REGISTER)
        fake.block()
        sale = till.sale_for(cashier)
        sale.add(till.catalog.search("Капучино")[0])
        sale.pay(Payment(cash_tendered=10_000_00))
        assert service.register_now().outcome == "blocked"
    finally:
        till.close()
    return folder


@pytest.fixture
def folder(template: Path, tmp_path: Path, kassa) -> Path:
    copy = tmp_path / "till"
    shutil.copytree(template, copy)
    kassa[0].block()
    return copy


def run(capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = cli.main([*args])
    finally:
        sys.stdin = sys.__stdin__
    out = capsys.readouterr()
    return code, out.out, out.err


def test_status_doctor_and_registers_name_the_refusal_in_the_users_language(
    folder: Path, kassa, secrets, capsys
) -> None:
    code, out, _ = run(capsys, "fiscal", "status", "--data-dir", str(folder))
    assert code == 1
    assert "registered: 0; waiting: 0; refused: 1" in out
    assert "Касса заблокирована сервисом или налоговой" in out
    line = check_fiscal(folder, secrets)
    assert not line.ok and "fiscal.register_blocked" in line.found
    assert "fiscal retry" in line.hint
    code, out, _ = run(capsys, "fiscal", "registers", "--data-dir", str(folder))
    assert code == 0 and out.startswith(f"{DEFAULT_REGISTER}\t")


def test_retry_needs_an_admins_pin_then_registers_the_refused_sale(
    folder: Path, kassa, capsys
) -> None:
    fake, _ = kassa
    fake.block(blocked=False)
    code, _, err = run(
        capsys, "fiscal", "retry", "--pin-stdin", "--data-dir", str(folder), stdin="1111\n"
    )
    assert code == 1 and "PIN" in err
    assert fake.registered() == []
    code, out, err = run(
        capsys, "fiscal", "retry", "--pin-stdin", "--data-dir", str(folder), stdin="9000\n"
    )
    assert code == 0, err
    assert "1 refused operation(s) back in the line" in out
    assert "registered: 1; waiting: 0; refused: 0" in out
    assert [r.kind for r in fake.registered()] == ["sale"]
    line = check_fiscal(folder, keyring.get_keyring())
    assert line.ok and "reachable, shift open" in line.found


def test_set_aside_needs_an_admins_pin_moves_the_line_on_and_is_audited(
    folder: Path, kassa, capsys
) -> None:
    from sqlalchemy import select

    from forsell.store.models import AuditEntry

    _, out, _ = run(capsys, "fiscal", "status", "--data-dir", str(folder))
    refused = next(line.split()[1] for line in out.splitlines() if line.startswith("refused "))
    args = ("fiscal", "set-aside", refused, "--pin-stdin", "--data-dir", str(folder))
    code, _, err = run(capsys, *args, stdin="1111\n")
    assert code == 1 and "PIN" in err
    code, out, err = run(capsys, *args, stdin="9000\n")
    assert code == 0, err
    assert "1 operation(s) set aside" in out
    code, _, err = run(capsys, *args, stdin="9000\n")  # no longer refused
    assert code == 1 and f"not a refused operation: {refused}" in err
    code, out, _ = run(capsys, "fiscal", "status", "--data-dir", str(folder))
    assert code == 0 and "refused: 0" in out
    till = open_till(folder, seed_demo=False, keyring_backend=keyring.get_keyring())
    try:
        with till.ctx.db.read() as session:
            entries = list(
                session.scalars(select(AuditEntry).where(AuditEntry.action == "fiscal_set_aside"))
            )
    finally:
        till.close()
    assert len(entries) == 1 and entries[0].details["operation"] == refused
