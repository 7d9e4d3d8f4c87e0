"""Real review data for the review UI tests: sales rung up on the till, recordings sealed through
the real encoder and archive, transcripts sealed with TranscriptStore, scored by ReviewService.

Nothing here is faked below the service: the vault has a random KEK, the audio is Ogg/Opus in
encrypted chunks, the scores come from the real scorer over the store's cafe scorecard.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from forsell.audio.archive import EncryptedArchive
from forsell.audio.encoder import OpusChunker
from forsell.audio.sink import RecordingStart, RecordingStats
from forsell.domain.ids import new_id
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.app import DB_NAME, Till
from forsell.services.auth import EmployeeView
from forsell.services.recordings import KEY_FILE
from forsell.services.review.service import ReviewService
from forsell.sync.providers.base import Transcript, Word
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.keys import KeyVault

RATE = 16_000
COFFEE = "4870101000010"  # Кофе в зёрнах Арабика 250 г, 4 500 ₸
TEA = "4870102000019"
CROISSANT = "4870103000018"  # Круассан классический, 750 ₸


def voice(seconds: float, seed: int = 0) -> np.ndarray:
    """A voiced, speech-like signal with pauses (so the waveform has shape)."""
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = np.clip(np.sin(2 * np.pi * (0.25 + 0.05 * seed) * t), 0, None) ** 0.5
    buzz = np.sign(np.sin(2 * np.pi * 180 * t)) * (0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2)
    return (0.3 * envelope * buzz).astype(np.float32)


def words_of(speaker: str, start: float, text: str, step: float = 0.45) -> list[Word]:
    out = []
    for i, token in enumerate(text.split()):
        out.append(
            Word(
                token, round(start + i * step, 2), round(start + i * step + 0.38, 2), speaker, 0.95
            )
        )
    return out


#: A good conversation: greeting, needs, an upsell offer the customer takes, loyalty, farewell.
GOOD = [
    ("speaker_0", 0.5, "Здравствуйте что будете заказывать"),
    ("speaker_1", 3.0, "Кофе в зёрнах пожалуйста"),
    ("speaker_0", 5.0, "Хотите добавить круассан классический к заказу"),
    ("speaker_1", 8.0, "Да давайте"),
    ("speaker_0", 9.5, "У вас есть бонусная карта"),
    ("speaker_1", 11.5, "Нет"),
    ("speaker_0", 13.0, "Спасибо за покупку хорошего дня"),
]
#: A poor one: no greeting, no offer, a forbidden word.
POOR = [
    ("speaker_0", 0.5, "Что вам"),
    ("speaker_1", 2.0, "Чай чёрный пиала"),
    ("speaker_0", 4.0, "Ждите"),
    ("speaker_1", 6.0, "Хорошо спасибо"),
    ("speaker_0", 8.0, "Следующий"),
]


@dataclass
class Conversation:
    recording_id: str
    sale_id: str
    employee: EmployeeView
    seconds: float


class ReviewData:
    def __init__(self, till: Till) -> None:
        self.till = till
        self.vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
        self.archive = EncryptedArchive(till.ctx.data_dir / DB_NAME, self.vault, till.ctx.device_id)
        self.transcripts = TranscriptStore(till.ctx.db, self.vault)
        self.service = ReviewService(till, self.vault)

    def close(self) -> None:
        self.vault.close()

    def conversation(
        self,
        who: EmployeeView,
        barcodes: list[str],
        script: list,
        seconds: float = 16.0,
        transcribe: bool = True,
        seed: int = 0,
        ago: timedelta = timedelta(seconds=60),
    ) -> Conversation:
        """A sale by ``who`` and its recording; the offer happens before the lines are rung up
        (the recording started ``ago``, the lines enter the cart now)."""
        shift = self.till.shifts.current()
        sale = self.till.sale_for(who)
        for code in barcodes:
            sale.scan(code)
        receipt = sale.pay(Payment(cash_tendered=sale.view().total))
        rid = new_id()
        started = datetime.now(UTC) - ago
        self.archive.begin(
            RecordingStart(
                rid, started, receipt.sale_id, shift.id if shift else None, who.id, "sale"
            )
        )
        enc = OpusChunker()
        index = 0
        for block in np.array_split(voice(seconds, seed), int(seconds * 10)):
            enc.write(block)
            due = enc.take_due()
            if due is not None:
                self.archive.chunk(rid, index, due, False)
                index += 1
        self.archive.chunk(rid, index, enc.close(), True)
        self.archive.end(
            rid,
            RecordingStats(
                started + timedelta(seconds=seconds),
                enc.duration_ms,
                enc.duration_ms // 2,
                enc.bytes_total,
                index + 1,
                0,
                "sale_done",
                0.3,
                False,
            ),
        )
        if transcribe:
            words = [w for speaker, start, text in script for w in words_of(speaker, start, text)]
            text = " ".join(t for _s, _t, t in script)
            self.transcripts.save(
                rid, Transcript(text, "ru", tuple(words), 0.95, seconds, "fake", None)
            )
        return Conversation(rid, receipt.sale_id, who, seconds)


# --- fixtures (imported by tests/ui/test_review_*.py) -------------------------------------------


@pytest.fixture(name="review")
def review_fixture(till: Till):
    """Three conversations in an open shift: a good one and an untranscribed one by the first
    demo cashier, a poor one by the second; all transcribed ones scored."""
    staff = till.staff.staff()
    supervisor = next(e for e in staff if e.role is Role.SUPERVISOR)
    first, second = [e for e in staff if e.role is Role.CASHIER][:2]
    till.shifts.open(supervisor, 0)
    data = ReviewData(till)
    data.good = data.conversation(first, [COFFEE, CROISSANT], GOOD, ago=timedelta(seconds=120))
    data.poor = data.conversation(second, [TEA], POOR, seed=1, ago=timedelta(seconds=90))
    data.silent = data.conversation(first, [TEA], POOR, transcribe=False, seed=2)
    data.supervisor, data.first, data.second = supervisor, first, second
    assert data.service.score_pending() == 2
    yield data
    data.close()
