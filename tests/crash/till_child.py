"""A till in a process of its own, working the counter until it is killed.

``python tests/crash/till_child.py DATA_DIR SEED`` opens the till in DATA_DIR the way the app
starts (open the database, seal recordings a crash cut off), signs in a cashier and a supervisor,
opens a shift if none is open, prints ``READY`` and then works at random, forever: sales (scanned
at a cashier's pace, paid in cash or by card, sometimes cancelled), parking and recalling,
refunds, voids, cash in and out, closing the shift and opening the next. With the store's
recording switch on, the cashier's consent and the OS secret store, every sale is recorded by the
real Recorder and EncryptedArchive from a synthetic voice that arrives faster than real time.

After each committed action it prints one line (``SALE id receipt_no``, ``REFUND id``,
``VOID sale_id``, ``CASH reason``, ``PARKED label``, ``RECALLED label``, ``Z shift_id z``,
``OPEN shift_id``), so the test knows what the till had confirmed when it was killed: every such
line must survive. tests/crash/test_sigkill_loop.py drives it.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from forsell.audio.recorder import RecorderConfig
from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.domain.shift import DENOMINATIONS
from forsell.services.app import DEMO_STAFF, Till, open_till
from forsell.services.auth import EmployeeView
from forsell.services.consent import ConsentService
from forsell.services.conversation import ConversationRecorder
from forsell.services.till import TillService
from forsell.store.models import Product, Refund, RefundLine, Sale, SaleLine

RATE = 16_000
SPEED = 8.0  # the voice arrives this many times faster than real time: a chunk every 0.25 s


class FastVoice:
    """A microphone hearing a speech-like buzz, ``SPEED`` times faster than real time."""

    rate = RATE
    BLOCK = 1_600  # 0.1 s of audio

    def __init__(self) -> None:
        self.overflows = 0
        self.error: str | None = None
        self._pos = 0
        self._next = 0.0

    def start(self) -> None:
        self._next = time.monotonic()

    def stop(self) -> None:
        pass

    def read(self, timeout: float) -> np.ndarray | None:
        wait = self._next - time.monotonic()
        if wait > timeout:
            time.sleep(timeout)
            return None
        if wait > 0:
            time.sleep(wait)
        self._next += self.BLOCK / self.rate / SPEED
        t = np.arange(self._pos, self._pos + self.BLOCK) / self.rate
        self._pos += self.BLOCK
        envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2
        return (0.3 * envelope * np.sign(np.sin(2 * np.pi * 180 * t))).astype(np.float32)


def say(*words: object) -> None:
    print(*words, flush=True)


def sign_in(till: Till, role: Role) -> EmployeeView:
    name, _, pin, _ = next(s for s in DEMO_STAFF if s[1] is role)
    person = next(e for e in till.staff.staff() if e.name == name)
    return till.staff.login(person.id, pin)


def scannable(till: Till, n: int | None = None) -> list[str]:
    """Barcodes of active products sold by the piece (at most ``n``), by SKU."""
    with till.ctx.db.read() as session:
        return list(
            session.scalars(
                select(Product.barcode)
                .where(Product.active, Product.barcode.is_not(None), Product.weighted.is_(False))
                .order_by(Product.sku)
                .limit(n)
            )
        )


def counts_for(amount: int) -> dict[int, int]:
    """The drawer counted in notes and coins, as close to ``amount`` as they allow."""
    counts = {}
    for denomination in DENOMINATIONS:
        counts[denomination], amount = divmod(amount, denomination)
    return counts


class Counter:
    """The cashier and the supervisor at the till, acting at random."""

    def __init__(self, till: Till, seed: int, recorder: ConversationRecorder | None) -> None:
        self.till = till
        self.rng = random.Random(seed)
        self.seed = seed
        self.recorder = recorder
        self.cashier = sign_in(till, Role.CASHIER)
        self.supervisor = sign_in(till, Role.SUPERVISOR)
        self.sale = self._new_sale()
        self.n = 0
        self.barcodes = scannable(till)

    def _new_sale(self) -> TillService:
        sale = self.till.sale_for(self.cashier)
        if self.recorder is not None:
            sale.listener = self.recorder.on_sale_event
        return sale

    def label(self, what: str) -> str:
        self.n += 1
        return f"{what}-{self.seed}-{self.n}"

    def ensure_shift(self) -> None:
        if self.till.shifts.current() is None:
            shift = self.till.shifts.open(self.cashier, 1_000_000)
            say("OPEN", shift.id)
        if self.recorder is not None:
            self.recorder.set_employee(self.cashier)

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.55:
            self.ring_up()
        elif roll < 0.65:
            self.recall()
        elif roll < 0.77:
            self.refund()
        elif roll < 0.83:
            self.void()
        elif roll < 0.93:
            self.cash()
        else:
            self.close_shift()

    def ring_up(self) -> None:
        for _ in range(self.rng.randint(1, 4)):
            self.sale.scan(self.rng.choice(self.barcodes))
            time.sleep(self.rng.uniform(0.02, 0.15))  # the next item reaches the scanner
        roll = self.rng.random()
        if roll < 0.1:
            self.sale.cancel()
        elif roll < 0.25:
            label = self.label("park")
            self.sale.park(label)
            say("PARKED", label)
        else:
            self.pay()

    def pay(self, recalled: str | None = None) -> None:
        total = self.sale.view().total
        by_card = self.rng.random() < 0.3
        payment = Payment(card=total) if by_card else Payment(cash_tendered=total)
        receipt = self.sale.pay(payment)
        say("SALE", receipt.sale_id, receipt.receipt_no, *(["FROM", recalled] if recalled else []))

    def recall(self) -> None:
        parked = self.sale.parked()
        if not parked:
            return
        chosen = self.rng.choice(parked)
        self.sale.recall(chosen.id)
        say("RECALLED", chosen.label)
        time.sleep(self.rng.uniform(0.02, 0.1))
        if self.rng.random() < 0.15:
            self.sale.cancel()
            say("CANCELLED", chosen.label)
        else:
            self.pay(chosen.label)

    def refund(self) -> None:
        with self.till.ctx.db.read() as session:
            refunded = (
                select(func.coalesce(func.sum(RefundLine.qty_milli), 0))
                .where(RefundLine.sale_line_id == SaleLine.id)
                .scalar_subquery()
            )
            lines = session.execute(
                select(Sale.id, SaleLine.id)
                .join(SaleLine, SaleLine.sale_id == Sale.id)
                .where(
                    Sale.voided_at.is_(None), Sale.cash > 0, SaleLine.qty_milli - refunded >= 1000
                )
                .order_by(Sale.receipt_no.desc())
                .limit(20)
            ).all()
        if not lines:
            return
        sale_id, line_id = self.rng.choice(lines)
        done = self.till.refunds.refund(self.supervisor, sale_id, {line_id: 1000}, "cash", "crash")
        say("REFUND", done.id)

    def void(self) -> None:
        shift = self.till.shifts.current()
        with self.till.ctx.db.read() as session:
            sale_id = session.scalar(
                select(Sale.id)
                .where(
                    Sale.shift_id == (shift.id if shift else ""),
                    Sale.voided_at.is_(None),
                    ~select(Refund.id).where(Refund.sale_id == Sale.id).exists(),
                )
                .order_by(Sale.receipt_no.desc())
                .limit(1)
            )
        if sale_id is None:
            return
        self.till.refunds.void(self.supervisor, sale_id)
        say("VOID", sale_id)

    def cash(self) -> None:
        reason = self.label("cash")
        amount = self.rng.choice([50_000, 100_000, -20_000, -50_000])
        self.till.shifts.cash_movement(self.cashier, amount, reason)
        say("CASH", reason)

    def close_shift(self) -> None:
        if self.sale.cart.lines:
            return
        expected = self.till.shifts.expected_cash()
        report = self.till.shifts.close(self.supervisor, counts_for(expected))
        say("Z", report.shift_id, report.z_number)
        self.ensure_shift()


def recorder_for(till: Till) -> ConversationRecorder | None:
    """The conversation recorder on a synthetic voice, once the store allows recording."""
    recorder = ConversationRecorder(
        till,
        source_factory=lambda _device: FastVoice(),
        config=RecorderConfig(preroll_s=1.0, tail_s=0.3, chunk_s=2.0, liveness_s=5.0),
    )
    recorder.recover()  # the app's start-up: recordings cut off by the last kill are sealed
    if recorder.vault is None:
        return None
    consent = ConsentService(till.ctx)
    admin = sign_in(till, Role.ADMIN)
    if not consent.enabled:
        consent.set_enabled(admin, True)
    consent.give_consent(admin, sign_in(till, Role.CASHIER).id)
    return recorder


def main(data_dir: Path, seed: int) -> None:
    till = open_till(data_dir)
    recorder = recorder_for(till)
    counter = Counter(till, seed, recorder)
    counter.ensure_shift()
    say("READY", "recording" if recorder is not None else "no-recording")
    stop = threading.Event()
    while not stop.is_set():  # until SIGKILL
        try:
            counter.step()
        except CashierError as refused:  # a rule said no (nothing to refund, …): go on
            say("REFUSED", refused.key)
            counter.sale = counter._new_sale()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
