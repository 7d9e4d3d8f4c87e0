"""Review benchmark: list filters at 100,000 conversations, transcript search, opening one
(to the first playable audio, and the same for a 5-minute recording).

    .venv/bin/python tests/bench/bench_review.py [--conversations 100000] [--search 10000]

100,000 recordings with scores, item results and marks are bulk-inserted (plain SQL; the
numbers are what matters, the audio is a few sealed bytes), plus ``--search`` sealed transcripts
(each under its own DEK in a real key file). Prints one JSON object per metric, like the others.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "tests" / "bench"))
from metric_line import emit as emit_line

from forsell.domain.ids import new_id
from forsell.domain.roles import Role
from forsell.services.app import open_till
from forsell.services.demo_conversations import seed_demo_conversations
from forsell.services.recordings import KEY_FILE
from forsell.services.review.service import ConversationFilter, ReviewService
from forsell.ui.review.audio_engine import FIRST_BLOCK_S, Decoding
from forsell.vault.keys import KeyVault

ITEMS = ("greeting", "ask_needs", "upsell_offer", "loyalty_card", "farewell", "forbidden_words")
PHRASES = (
    "здравствуйте что будете",
    "мне капучино пожалуйста",
    "хотите круассан",
    "бонусная карта есть",
    "спасибо хорошего дня",
    "сәлеметсіз бе не аласыз",
    "маған американо беріңізші",
    "чизкейк аласыз ба",
    "рахмет сау болыңыз",
    "латте на овсяном молоке",
    "самса с курицей горячая",
    "тирамису попробуйте",
)


DATASET: dict = {}  # set in main: conversations, sealed transcripts


def emit(metric: str, value, unit: str, goal, **detail) -> None:
    emit_line(metric, value, unit, goal, dataset=DATASET, **detail)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


T0 = datetime(2025, 1, 1, 4, tzinfo=UTC)  # the first conversation; one every 5 minutes


def populate(till, vault: KeyVault, n: int, n_text: int) -> None:
    staff = {e.role: e for e in till.staff.staff()}
    cashiers = [e.id for e in till.staff.staff() if e.role is Role.CASHIER]
    device = till.ctx.device_id
    db = sqlite3.connect(till.ctx.db.path)
    rng = random.Random(5)
    shift = new_id()
    t0 = T0
    db.execute(
        "INSERT INTO shifts (id, device_id, opened_by, opened_at, opening_float) "
        "VALUES (?, ?, ?, ?, 0)",
        (shift, device, staff[Role.SUPERVISOR].id, stamp(t0)),
    )
    recs, scores, items, marks, trans = [], [], [], [], []
    for i in range(n):
        rid = new_id()
        at = stamp(t0 + timedelta(minutes=5 * i))
        cashier = rng.choice(cashiers)
        recs.append(
            (
                rid,
                device,
                shift,
                cashier,
                "sale",
                at,
                20_000,
                14_000,
                "ogg-opus",
                16_000,
                0,
                0,
                0,
                0,
                "sealed",
            )
        )
        outcomes = {it: rng.choices(("pass", "fail"), (4, 1))[0] for it in ITEMS}
        percent = round(100 * sum(v == "pass" for v in outcomes.values()) / len(ITEMS), 1)
        offers = int(outcomes["upsell_offer"] == "pass")
        conv = offers and rng.random() < 0.4
        # The score row's copies (revision 0008): start, cashier, failed items "|a|b|".
        failed = [k for k, v in outcomes.items() if v == "fail"]
        scores.append(
            (
                rid,
                "cafe",
                1,
                percent,
                percent,
                1,
                None,
                json.dumps(outcomes),
                "{}",
                offers,
                int(conv),
                50_000 * int(conv),
                0,
                None,
                at,
                at,
                cashier,
                "|" + "|".join(failed) + "|" if failed else None,
            )
        )
        items += [(rid, k, v, v) for k, v in outcomes.items()]
        if rng.random() < 0.05:
            marks.append((rid, 1, int(rng.random() < 0.5), 0, "", at))
        if i >= n - n_text:
            trans.append(rid)
    db.executemany(
        "INSERT INTO recordings (id, device_id, shift_id, employee_id, reason, "
        "started_at, duration_ms, speech_ms, codec, sample_rate, bytes, chunks, "
        "overflows, silent, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        recs,
    )
    db.executemany(
        "INSERT INTO conversation_scores (recording_id, scorecard_id, "
        "scorecard_version, percent, scored_percent, scorable, reason, outcomes, "
        "item_weights, offers, conversions, extra_revenue, flipped, sealed, "
        "scored_at, started_at, employee_id, failed) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        scores,
    )
    db.executemany("INSERT INTO conversation_item_results VALUES (?,?,?,?)", items)
    db.executemany("INSERT INTO conversation_marks VALUES (?,?,?,?,?,?)", marks)
    rows = []
    for rid in trans:
        dek = vault.create(rid)
        words = " ".join(rng.choice(PHRASES) for _ in range(6))
        if rng.random() < 0.01:
            words += " раф лавандовый"
        body = json.dumps(
            {
                "text": words,
                "language": "ru",
                "words": [],
                "confidence": 0.9,
                "audio_seconds": 20.0,
                "provider": "bench",
                "external_id": None,
            },
            ensure_ascii=False,
        ).encode()
        nonce = os.urandom(12)
        rows.append(
            (
                rid,
                "bench",
                "done",
                None,
                "ru",
                20.0,
                0.0,
                nonce + AESGCM(dek).encrypt(nonce, body, f"transcript|{rid}".encode()),
                recs[0][5],
                recs[0][5],
            )
        )
    db.executemany("INSERT INTO transcripts VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.commit()
    db.execute("ANALYZE")
    db.close()


def stamp(at: datetime) -> str:
    """Naive UTC as the app stores it (SQLAlchemy writes microseconds): date filters compare
    text, so a midnight start without them would sort before the day's bound."""
    return at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def five_minutes_of(ogg: bytes) -> bytes:
    """The demo conversation's speech repeated to 5 minutes, encoded again as Ogg/Opus."""
    import io

    import numpy as np
    import soundfile

    pcm, rate = soundfile.read(io.BytesIO(ogg), dtype="float32")
    pcm = np.tile(pcm, 300 * rate // len(pcm) + 1)[: 300 * rate]
    out = io.BytesIO()
    soundfile.write(out, pcm, rate, format="OGG", subtype="OPUS")
    return out.getvalue()


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def p99(xs: list[float]) -> float:
    return round(sorted(xs)[max(0, int(len(xs) * 0.99) - 1)], 1)


def p50(xs: list[float]) -> float:
    return round(statistics.median(xs), 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--conversations", type=int, default=100_000)
    p.add_argument("--search", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=30)
    args = p.parse_args(argv)
    DATASET.update(conversations=args.conversations, transcripts=args.search)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        till = open_till(data)
        vault = KeyVault(data / KEY_FILE, os.urandom(32))
        seed_demo_conversations(till, vault)
        log(f"bench: inserting {args.conversations} conversations ...")
        populate(till, vault, args.conversations, args.search)
        review = ReviewService(till, vault)
        sup = next(e for e in till.staff.staff() if e.role is Role.SUPERVISOR)
        cashier = next(e for e in till.staff.staff() if e.role is Role.CASHIER)
        shift_id = review.list(sup, ConversationFilter(limit=1, sort="oldest"))[0].shift_id
        # A week in the middle of the data (at 100,000 conversations it spans ~347 days; at
        # --quick's 5,000 only 17, so a fixed March week matched nothing there).
        span = timedelta(minutes=5 * args.conversations)
        week_from = (T0 + span * 0.4).date()
        week_to = min(week_from + timedelta(days=6), (T0 + span).date())
        filters = {
            "newest": ConversationFilter(),
            "score_range": ConversationFilter(score_min=40, score_max=70),
            "failed_item": ConversationFilter(failed_item="loyalty_card"),
            "converted": ConversationFilter(upsell="converted"),
            "flagged": ConversationFilter(flagged=True),
            "cashier_own": None,
            "shift": ConversationFilter(shift_id=shift_id),
            "score_asc": ConversationFilter(sort="score_asc"),
            "date_range": ConversationFilter(date_from=week_from, date_to=week_to),
            "combined": ConversationFilter(
                failed_item="greeting", score_max=70, upsell="offered", sort="score_desc"
            ),
        }
        cases = {
            name: (cashier if f is None else sup, f or ConversationFilter())
            for name, f in filters.items()
        }
        all_ms: list[float] = []
        per, per50 = {}, {}
        for name, (who, f) in cases.items():
            review.list(who, f)
            ms = timed(lambda who=who, f=f: review.list(who, f), args.runs)
            per[name], per50[name] = p99(ms), p50(ms)
            all_ms += ms
        emit(
            "review_list_filter_p99",
            p99(all_ms),
            "ms",
            100,
            conversations=args.conversations,
            per_filter_p99=per,
            per_filter_p50=per50,
            runs=args.runs,
        )
        # What the user waits for: the list screen asks for the page and the count on every
        # filter change.
        all_ms, per = [], {}
        for name, (who, f) in cases.items():

            def both(who=who, f=f) -> None:
                review.list(who, f)
                review.count(who, f)

            both()
            ms = timed(both, args.runs)
            per[name] = {"p50": p50(ms), "p99": p99(ms), "count": review.count(who, f)}
            if not per[name]["count"]:  # every filter matches thousands: timing nothing lies
                raise SystemExit(f"bench: filter {name} matched no conversation")
            all_ms += ms
        emit(
            "review_filter_list_count_p99",
            p99(all_ms),
            "ms",
            100,
            p50=p50(all_ms),
            conversations=args.conversations,
            per_filter=per,
            runs=args.runs,
        )
        count_ms = timed(lambda: review.count(sup, ConversationFilter(failed_item="farewell")), 5)
        emit("review_count_median", round(statistics.median(count_ms), 1), "ms", None)
        search = ConversationFilter(text="раф лавандовый", limit=200)
        hits = len(review.list(sup, search))
        ms = timed(lambda: review.list(sup, search), 5)
        emit(
            "review_search_10k_transcripts",
            round(statistics.median(ms), 1),
            "ms",
            500,
            transcripts=args.search,
            hits=hits,
            max_ms=round(max(ms), 1),
        )
        demo = review.list(sup, ConversationFilter(text="круассан", limit=1))[0].recording_id

        def open_one() -> None:  # what the conversation view does until Play works
            review.detail(sup, demo)
            Decoding(review.audio(sup, demo)).start()

        ms = timed(open_one, 10)
        seconds = round(review.detail(sup, demo).row.duration_s, 1)
        emit(
            "review_open_to_first_audio",
            round(statistics.median(ms), 1),
            "ms",
            300,
            note=f"detail + decrypt + first {FIRST_BLOCK_S:g} s decoded ({seconds} s demo "
            "conversation); the rest decodes while it plays",
            max_ms=round(max(ms), 1),
        )
        ogg = five_minutes_of(review.audio(sup, demo))
        first = timed(lambda: Decoding(ogg).start(), 10)
        whole = timed(lambda: Decoding(ogg).finish(), 5)
        emit(
            "review_first_audio_5min_recording",
            round(statistics.median(first), 1),
            "ms",
            300,
            note="decoding to the first playable block of a 5-minute recording",
            whole_decode_ms=round(statistics.median(whole), 1),
        )
        till.close()
        vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
