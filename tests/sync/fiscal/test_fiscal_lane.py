"""The fiscal lane against the FAKE Kassa24: order, idempotency, refusals, autonomous mode."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from forsell.store.models import FiscalOperation, OutboxJob
from forsell.sync import fiscal_lane as fl

from .fiscal_fixtures import FakeCashRegister, add_operations, fiscal_database, http_client


def _run(coro):
    return asyncio.run(coro)


def test_online_operations_are_registered_in_order_with_attributes(tmp_path) -> None:
    db = fiscal_database(tmp_path)
    now = datetime.now(UTC)
    ids = add_operations(db, now, 3, step_s=0.1, kinds=("sale", "cash_in", "refund"))
    with FakeCashRegister() as k:

        async def go() -> fl.Step:
            async with http_client() as http:
                return await k.lane(db, http).drain()

        assert _run(go()).outcome == fl.IDLE
        registered = k.fake.registered()
    assert [r.uid for r in registered] == ids
    assert [r.kind for r in registered] == ["sale", "cash_in", "refund"]
    assert all(r.afp is None for r in registered)  # sent at once: not autonomous
    with db.read() as session:
        ops = session.scalars(select(FiscalOperation).order_by(FiscalOperation.seq)).all()
        assert [o.state for o in ops] == ["registered"] * 3
        assert ops[0].fiscal_sign == registered[0].fiscal_sign
        assert ops[0].qr_url.startswith("https://")
        assert ops[0].register_number
        jobs = session.scalars(select(OutboxJob).where(OutboxJob.lane == "fiscal")).all()
        assert {j.state for j in jobs} == {"done"}


def test_late_operations_go_out_with_their_original_time_and_autonomous_number(tmp_path) -> None:
    db = fiscal_database(tmp_path)
    rung_up = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    ids = add_operations(db, rung_up, 2, step_s=60)
    with FakeCashRegister() as k:

        async def go() -> None:
            async with http_client() as http:
                await k.lane(db, http).drain()

        _run(go())
        registered = k.fake.registered()
    assert [r.uid for r in registered] == ids
    assert [r.receipt_date for r in registered] == [rung_up, rung_up + timedelta(seconds=60)]
    assert [r.afp for r in registered] == [1, 2]
    with db.read() as session:
        assert all(o.autonomous for o in session.scalars(select(FiscalOperation)))


def test_refused_operation_blocks_the_line_until_an_admin_acts(tmp_path) -> None:
    db = fiscal_database(tmp_path)
    now = datetime.now(UTC)
    add_operations(db, now, 2, step_s=0.1)
    with FakeCashRegister() as k:
        k.fake.block()

        async def go() -> fl.Step:
            async with http_client() as http:
                return await k.lane(db, http).drain()

        step = _run(go())
        assert step.outcome == fl.BLOCKED
        assert step.error is not None and step.error.key == "fiscal.register_blocked"
        assert k.fake.registered() == []
        # Nothing behind the refused head went out, and asking again does not resend it.
        again = _run(go())
        assert again.outcome == fl.BLOCKED
        assert k.fake.stats()["requests"] == 1
    with db.read() as session:
        states = [o.state for o in session.scalars(select(FiscalOperation).order_by("seq"))]
    assert states == ["refused", "waiting"]


def test_a_refused_token_stops_the_lane_without_spending_an_attempt(tmp_path) -> None:
    db = fiscal_database(tmp_path)
    add_operations(db, datetime.now(UTC), 1)
    with FakeCashRegister() as k:
        k.fake.expire_token()

        async def go() -> fl.Step:
            async with http_client() as http:
                return await k.lane(db, http).drain()

        step = _run(go())
        assert step.outcome == fl.AUTH and step.error.key == "sync.auth"
        with db.read() as session:
            job = session.scalars(select(OutboxJob).where(OutboxJob.lane == "fiscal")).one()
            assert (job.state, job.attempts) == ("pending", 0)
        k.fake.issue_token()
        assert _run(go()).outcome == fl.IDLE
        assert len(k.fake.registered()) == 1


def test_a_shift_over_24_hours_is_closed_on_the_register_and_the_receipt_registered(
    tmp_path,
) -> None:
    db = fiscal_database(tmp_path)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=30)
    ids = add_operations(db, start, 2, step_s=25 * 3600)  # the till's shift was left open
    with FakeCashRegister() as k:

        async def go() -> fl.Step:
            async with http_client() as http:
                return await k.lane(db, http).drain()

        assert _run(go()).outcome == fl.IDLE
        registered = k.fake.registered()
    assert [(r.uid, r.kind) for r in registered] == [
        (ids[0], "sale"),
        (f"{ids[1]}-z", "shift_close"),
        (ids[1], "sale"),
    ]
