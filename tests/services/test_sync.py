"""SyncService on a real till: settings and secrets → engine, status views, dead letters, run_once.

The backend is the FAKE backend on loopback; the secret store is an in-memory keyring backend
passed in (as the till passes the OS one).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.fakes.fake_backend import FakeBackend
from forsell.fakes.server import FakeServer
from forsell.services import settings as s
from forsell.services.sync import NOT_CONFIGURED, ONLINE, PAUSED, SyncService
from forsell.store.models import AuditEntry, OutboxJob
from forsell.store.outbox import enqueue
from forsell.sync.backoff import RetryPolicy
from forsell.sync.engine import EngineConfig
from sync.memory_keyring import MemoryKeyring

from .conftest import OPENING_FLOAT

FAST = EngineConfig(
    idle_poll_s=0.05,
    probe_min_s=0.1,
    probe_max_s=0.3,
    timeout=httpx.Timeout(5),
    business=RetryPolicy(base_s=0.05, cap_s=0.2),
    audio=RetryPolicy(base_s=0.05, cap_s=0.2),
)


@pytest.fixture
def backend():
    # No demo feed: these tests count the outbox exactly, and an applied pull adds audit rows
    # (tests/services/test_pulls.py covers the pulls).
    fake = FakeBackend(demo_items=False)
    with FakeServer(fake) as server:
        fake.url = server.url
        yield fake
    fake.close()


@pytest.fixture
def configured(till, backend):
    till.ctx.settings.set(s.SYNC_ENABLED, True)
    till.ctx.settings.set(s.SYNC_BACKEND_URL, backend.url)
    till.ctx.settings.set(s.STORE_BIN, "123456789012")
    return till


def a_sale(till, staff, products) -> None:
    till.shifts.open(staff.cashier, OPENING_FLOAT)
    sale = till.sale_for(staff.cashier)
    sale.add(products.bread)
    sale.add(products.milk)
    sale.pay(Payment(cash_tendered=100_000))


def business_ids(till) -> list[str]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(OutboxJob.id).where(OutboxJob.lane == "business")))


def test_not_configured_says_so_and_sends_nothing(till) -> None:
    service = SyncService(till, MemoryKeyring())
    assert not service.configured
    seen = []
    assert service.start(seen.append) is False
    assert seen and seen[0].state == NOT_CONFIGURED
    summary = service.run_once(5)
    assert summary.state == NOT_CONFIGURED and not summary.ok


def test_run_once_sends_a_real_sale_and_keeps_the_token_in_the_secret_store(
    configured, staff, products, backend
) -> None:
    a_sale(configured, staff, products)
    before = SyncService(configured, MemoryKeyring()).status()
    assert before.business.pending >= 3 and before.business.oldest_pending_age_s is not None
    keys = MemoryKeyring()
    service = SyncService(configured, keys, config=FAST)
    summary = service.run_once(20)
    assert summary.ok and summary.business.remaining == 0
    assert summary.business.sent == before.business.pending
    assert {e["kind"] for e in backend.events()} >= {"sale", "shift_opened"}
    assert backend.check_exactly_once(business_ids(configured))["ok"]
    device = configured.ctx.device_id
    assert keys.get_password("forsell-cashier", f"{device}:backend-token").startswith("fbt_")
    after = service.status()
    assert after.business.pending == 0 and after.business.last_success_at is not None


def wait_until(predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_background_start_status_pause_resume(configured, staff, products, backend) -> None:
    service = SyncService(configured, MemoryKeyring(), config=FAST)
    views = []
    service.pause()
    assert service.start(views.append)
    try:
        a_sale(configured, staff, products)
        wait_until(lambda: service.status().business.state == PAUSED)
        assert service.status().state == PAUSED and service.status().business.pending > 0
        assert backend.events() == []
        service.resume()
        assert configured.ctx.settings.get(s.SYNC_PAUSED) is False
        wait_until(lambda: service.status().business.pending == 0)
        wait_until(lambda: any(v.business.last_success_at for v in views))
        view = service.status()
        assert view.state == ONLINE and view.running and not view.demo_fakes
    finally:
        service.stop()
    assert not service.status().running
    assert backend.check_exactly_once(business_ids(configured))["ok"]


def test_dead_letters_are_listed_retried_and_dropped_by_an_admin_only(
    configured, staff, backend
) -> None:
    with configured.ctx.db.write() as session:
        enqueue(session, "mystery", "m1", {"id": "m1"})
        enqueue(session, "mystery", "m2", {"id": "m2"})
    service = SyncService(configured, MemoryKeyring(), config=FAST)
    summary = service.run_once(20)
    assert summary.business.dead == 2 and not summary.ok
    letters = service.dead_letters()
    assert [d.entity_id for d in letters] == ["m1", "m2"]
    assert letters[0].error_key == "sync.rejected"
    assert re.search("unknown.kind", letters[0].error_detail)  # the backend's reason
    with pytest.raises(CashierError):
        service.retry_dead(staff.cashier, [letters[0].id])
    assert service.retry_dead(staff.admin, [letters[0].id]) == 1
    assert service.drop_dead(staff.admin, [letters[1].id]) == 1
    assert [d.entity_id for d in service.dead_letters()] == []
    assert service.status().business.pending == 3  # m1 again + the two audit entries
    with configured.ctx.db.read() as session:
        actions = set(
            session.scalars(
                select(AuditEntry.action).where(AuditEntry.employee_id == staff.admin.id)
            )
        )
    assert {"sync_dead_retried", "sync_dead_dropped"} <= actions


# --- the command line: ``forsell-cashier sync --once`` -----------------------------------------

MEMORY_KEYRING = Path(__file__).resolve().parents[1] / "sync"


def cli_sync(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="memory_keyring.MemoryKeyring",
        PYTHONPATH=os.pathsep.join([str(MEMORY_KEYRING), os.environ.get("PYTHONPATH", "")]),
    )
    return subprocess.run(
        [sys.executable, "-m", "forsell.cli", "sync", "--data-dir", str(data_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_sync_once_exit_codes(till, data_dir, staff, products, backend) -> None:
    done = cli_sync(data_dir, "--once")
    assert done.returncode == 2 and "not configured" in done.stderr
    till.ctx.settings.set(s.SYNC_ENABLED, True)
    till.ctx.settings.set(s.SYNC_BACKEND_URL, backend.url)
    till.ctx.settings.set(s.STORE_BIN, "123456789012")
    a_sale(till, staff, products)
    done = cli_sync(data_dir, "--once", "--timeout", "30")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "everything due was sent" in done.stdout
    business = next(line for line in done.stdout.splitlines() if line.startswith("business"))
    assert business.split()[1] == str(len(backend.events())) and business.split()[-1] == "0"
    assert backend.check_exactly_once(business_ids(till))["ok"]
    with till.ctx.db.write() as session:
        enqueue(session, "mystery", "m1", {"id": "m1"})
    done = cli_sync(data_dir, "--once", "--timeout", "30")
    assert done.returncode == 1 and "dead letters" in done.stdout
