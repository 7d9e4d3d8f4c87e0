"""The conversation list's query shapes (lean counts, score-ordered pages found by id, counts
that start from the score or item table) give the same rows as a plain recomputation in Python
over the data the test wrote itself: a few hundred conversations on a real SQLite file, with
unscored, unscorable, in-progress, flagged, reviewed and untranscribed ones mixed in."""

from __future__ import annotations

import json
import os
import random
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forsell.domain.ids import new_id
from forsell.domain.roles import Role
from forsell.services.review.service import ConversationFilter, ReviewService
from forsell.vault.keys import KeyVault

ITEMS = ("greeting", "ask_needs", "upsell_offer", "loyalty_card", "farewell")
N = 300
T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)


@dataclass
class Conv:
    rid: str
    started: datetime  # UTC
    employee: str
    shift: str
    status: str
    percent: float | None = None
    scored: bool = False  # has a score row
    scorable: bool = False
    offers: int = 0
    conversions: int = 0
    fails: frozenset[str] = frozenset()
    flagged: bool | None = None  # None: no marks row
    reviewed: bool | None = None
    transcript: str | None = None  # state, None: no transcript row


def _populate(till, staff) -> list[Conv]:
    rng = random.Random(20260105)
    device = till.ctx.device_id
    shifts = [new_id(), new_id()]
    db = sqlite3.connect(till.ctx.db.path)
    for i, sid in enumerate(shifts):
        db.execute(
            "INSERT INTO shifts (id, device_id, opened_by, opened_at, opening_float) "
            "VALUES (?, ?, ?, ?, 0)",
            (sid, device, staff.supervisor.id, _naive(T0 + timedelta(days=3 * i))),
        )
    # Unique start times in a shuffled order, so ids and times do not sort alike.
    minutes = rng.sample(range(60 * 24 * 6), N)
    convs = []
    for m in minutes:
        c = Conv(
            new_id(),
            T0 + timedelta(minutes=m),
            rng.choice((staff.cashier.id, staff.cashier2.id)),
            shifts[0] if m < 60 * 24 * 3 else shifts[1],
            "recording" if rng.random() < 0.04 else "sealed",
        )
        db.execute(
            "INSERT INTO recordings (id, device_id, shift_id, employee_id, reason, "
            "started_at, duration_ms, speech_ms, codec, sample_rate, bytes, chunks, "
            "overflows, silent, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                c.rid,
                device,
                c.shift,
                c.employee,
                "sale",
                _naive(c.started),
                20_000,
                14_000,
                "ogg-opus",
                16_000,
                0,
                0,
                0,
                0,
                c.status,
            ),
        )
        # Even a recording still in progress gets a score now and then: the list must leave
        # it out whichever table a count starts from.
        if rng.random() < 0.8:
            c.scored = True
            c.scorable = rng.random() < 0.9
            outcomes = {it: rng.choice(("pass", "pass", "fail", "not_applicable")) for it in ITEMS}
            if c.scorable:
                judged = [v for v in outcomes.values() if v != "not_applicable"]
                c.percent = round(100 * judged.count("pass") / max(1, len(judged)), 1)
                c.offers = rng.choice((0, 0, 1, 2))
                c.conversions = rng.randint(0, c.offers)
            c.fails = frozenset(k for k, v in outcomes.items() if v == "fail")
            # The recording's start and cashier and the failed items ("|a|b|") are copied
            # onto the score row, as the scorer writes them (revision 0008).
            failed = "".join(f"|{k}" for k in sorted(c.fails)) + "|" if c.fails else None
            db.execute(
                "INSERT INTO conversation_scores (recording_id, scorecard_id, "
                "scorecard_version, percent, scored_percent, scorable, reason, "
                "outcomes, item_weights, offers, conversions, extra_revenue, flipped, "
                "sealed, scored_at, started_at, employee_id, failed) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    c.rid,
                    "cafe",
                    1,
                    c.percent,
                    c.percent,
                    int(c.scorable),
                    None if c.scorable else "no_customer_speech",
                    json.dumps(outcomes),
                    "{}",
                    c.offers,
                    c.conversions,
                    50_000 * c.conversions,
                    0,
                    None,
                    _naive(c.started),
                    _naive(c.started),
                    c.employee,
                    failed,
                ),
            )
            db.executemany(
                "INSERT INTO conversation_item_results VALUES (?,?,?,?)",
                [(c.rid, k, v, v) for k, v in outcomes.items()],
            )
        if rng.random() < 0.3:
            c.flagged, c.reviewed = rng.random() < 0.5, rng.random() < 0.5
            db.execute(
                "INSERT INTO conversation_marks VALUES (?,?,?,?,?,?)",
                (c.rid, int(c.flagged), int(c.reviewed), 0, "", _naive(c.started)),
            )
        if rng.random() < 0.7:
            c.transcript = rng.choice(("done", "done", "submitted", "failed"))
            db.execute(
                "INSERT INTO transcripts VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    c.rid,
                    "test",
                    c.transcript,
                    None,
                    "ru",
                    20.0,
                    0.0,
                    b"sealed",
                    _naive(c.started),
                    _naive(c.started),
                ),
            )
        convs.append(c)
    db.commit()
    db.close()
    return convs


def _naive(at: datetime) -> str:
    """Naive UTC the way SQLAlchemy writes it (with microseconds): a date filter's bound is
    compared as text, so a midnight start stored without them would sort before the bound."""
    return at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _expected(till, convs: list[Conv], who, f: ConversationFilter) -> list[str]:
    """The filter and order written out plainly over the generated data."""

    def keep(c: Conv) -> bool:
        day = till.ctx.local(c.started).date()
        upsell = {
            None: True,
            "offered": c.offers > 0,
            "converted": c.conversions > 0,
            "not_offered": c.scorable and c.offers == 0,
        }[f.upsell]
        return (
            c.status != "recording"
            and (who.role in (Role.SUPERVISOR, Role.ADMIN) or c.employee == who.id)
            and (f.date_from is None or day >= f.date_from)
            and (f.date_to is None or day <= f.date_to)
            and (not f.shift_id or c.shift == f.shift_id)
            and (not f.employee_id or c.employee == f.employee_id)
            and (f.score_min is None or (c.percent is not None and c.percent >= f.score_min))
            and (f.score_max is None or (c.percent is not None and c.percent <= f.score_max))
            and (not f.failed_item or f.failed_item in c.fails)
            and upsell
            and (f.flagged is None or bool(c.flagged) == f.flagged)
            and (f.reviewed is None or bool(c.reviewed) == f.reviewed)
            and (f.has_transcript is None or (c.transcript == "done") == f.has_transcript)
        )

    hits = [c for c in convs if keep(c)]
    newest = sorted(hits, key=lambda c: (c.started, c.rid), reverse=True)
    if f.sort == "oldest":
        ordered = newest[::-1]
    elif f.sort == "newest":
        ordered = newest
    else:  # scored first by percent (ties newest first), then the unscored newest first
        sign = 1 if f.sort == "score_asc" else -1
        scored = sorted(
            (c for c in newest if c.percent is not None), key=lambda c: sign * c.percent
        )  # stable: keeps newest first in ties
        ordered = scored + [c for c in newest if c.percent is None]
    return [c.rid for c in ordered]


@pytest.fixture
def world(till, staff, tmp_path):
    convs = _populate(till, staff)
    vault = KeyVault(tmp_path / "keys.sqlite", os.urandom(32))
    yield ReviewService(till, vault), convs
    vault.close()


def _filters(shifts: list[str], staff) -> st.SearchStrategy[ConversationFilter]:
    days = st.none() | st.dates(date(2026, 1, 4), date(2026, 1, 12))
    flag = st.none() | st.booleans()
    return st.builds(
        ConversationFilter,
        date_from=days,
        date_to=days,
        shift_id=st.none() | st.sampled_from(shifts),
        employee_id=st.none() | st.sampled_from([staff.cashier.id, staff.cashier2.id]),
        score_min=st.none() | st.sampled_from([0.0, 25.0, 50.0, 66.7]),
        score_max=st.none() | st.sampled_from([33.3, 50.0, 70.0, 100.0]),
        failed_item=st.none() | st.sampled_from(ITEMS + ("not_an_item",)),
        upsell=st.none() | st.sampled_from(["offered", "converted", "not_offered"]),
        flagged=flag,
        reviewed=flag,
        has_transcript=flag,
        sort=st.sampled_from(["newest", "oldest", "score_asc", "score_desc"]),
        limit=st.integers(1, 80),
        offset=st.integers(0, N),
    )


def test_list_and_count_equal_a_plain_recomputation(world, till, staff):
    review, convs = world
    shifts = sorted({c.shift for c in convs})
    people = {"supervisor": staff.supervisor, "cashier": staff.cashier}

    @settings(
        max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(f=_filters(shifts, staff), who=st.sampled_from(sorted(people)))
    def check(f: ConversationFilter, who: str) -> None:
        person = people[who]
        expected = _expected(till, convs, person, f)
        got = review.list(person, f)
        assert [r.recording_id for r in got] == expected[f.offset : f.offset + f.limit]
        assert review.count(person, f) == len(expected)
        by_id = {c.rid: c for c in convs}
        for row in got:  # the whole row comes with the page, not only its id
            c = by_id[row.recording_id]
            assert row.score == c.percent and set(row.failed_items) == c.fails
            assert row.flagged == bool(c.flagged) and row.has_transcript == (c.transcript == "done")

    check()


@pytest.mark.parametrize(
    "kw",
    [
        {"failed_item": "greeting", "score_max": 70, "upsell": "offered", "sort": "score_desc"},
        {"upsell": "converted"},
        {"score_min": 40, "score_max": 70},
        {"flagged": True},
        {"failed_item": "loyalty_card", "reviewed": True},
        {"has_transcript": False},
        {
            "failed_item": "ask_needs",
            "upsell": "converted",
            "date_from": date(2026, 1, 6),
            "date_to": date(2026, 1, 9),
        },
        {"failed_item": "farewell", "score_min": 25, "employee_id": "cashier2"},
    ],
)
def test_bench_filters_every_page(world, till, staff, kw):
    """The benchmark's shapes, walked page by page to the end, against the recomputation."""
    review, convs = world
    if kw.get("employee_id") == "cashier2":
        kw = {**kw, "employee_id": staff.cashier2.id}
    for sort in ("newest", "score_asc", "score_desc"):
        f = ConversationFilter(**{**kw, "sort": kw.get("sort", sort)})
        expected = _expected(till, convs, staff.supervisor, f)
        assert review.count(staff.supervisor, f) == len(expected) > 0
        pages = []
        for offset in range(0, len(expected) + 7, 7):
            pages += [
                r.recording_id
                for r in review.list(
                    staff.supervisor,
                    ConversationFilter(**{**f.__dict__, "limit": 7, "offset": offset}),
                )
            ]
        assert pages == expected


def test_cashier_sees_only_own_in_score_order(world, till, staff):
    """A cashier's list in score order reads the cashier off the score row (revision 0008)."""
    review, convs = world
    for kw in (
        {"sort": "score_desc"},
        {"sort": "score_asc", "score_max": 70.0, "failed_item": "greeting"},
    ):
        f = ConversationFilter(limit=500, **kw)
        expected = _expected(till, convs, staff.cashier, f)
        assert [r.recording_id for r in review.list(staff.cashier, f)] == expected
        assert review.count(staff.cashier, f) == len(expected) > 0


@pytest.fixture
def demo(till, tmp_path):
    from forsell.services.demo_conversations import seed_demo_conversations

    vault = KeyVault(tmp_path / "demo-keys.sqlite", os.urandom(32))
    assert seed_demo_conversations(till, vault) > 0
    yield ReviewService(till, vault)
    vault.close()


def _score_copies(till) -> dict[str, tuple]:
    """Per score row: its copies and what they copy (the recording, the item results)."""
    db = sqlite3.connect(till.ctx.db.path)
    try:
        rows = db.execute(
            "SELECT s.recording_id, s.started_at, s.employee_id, s.failed, r.started_at, "
            "r.employee_id FROM conversation_scores s JOIN recordings r "
            "ON r.id = s.recording_id"
        ).fetchall()
        fails = {}
        for rid, item in db.execute(
            "SELECT recording_id, item_id FROM conversation_item_results WHERE outcome = 'fail'"
        ):
            fails.setdefault(rid, set()).add(item)
    finally:
        db.close()
    return {
        rid: (
            s_at,
            s_emp,
            set(filter(None, (failed or "").split("|"))),
            r_at,
            r_emp,
            fails.get(rid, set()),
        )
        for rid, s_at, s_emp, failed, r_at, r_emp in rows
    }


def _assert_copies_in_step(till) -> None:
    copies = _score_copies(till)
    assert copies
    for s_at, s_emp, failed, r_at, r_emp, fails in copies.values():
        assert (s_at, s_emp, failed) == (r_at, r_emp, fails)


def test_scoring_overrides_and_rescoring_keep_the_copies_in_step(demo, till, staff):
    """The scorer writes start, cashier and failed items; an override, an accepted dispute
    and a flip (a rescore) keep them, so "failed item + score" finds what the item says."""
    review = demo
    _assert_copies_in_step(till)
    row = review.list(staff.supervisor, ConversationFilter(score_min=100))[0]
    combined = ConversationFilter(failed_item="greeting", score_max=99.9, sort="score_desc")
    assert row.recording_id not in {r.recording_id for r in review.list(staff.supervisor, combined)}
    before = review.count(staff.supervisor, combined)
    review.override(staff.supervisor, row.recording_id, "greeting", "fail", "too quiet")
    _assert_copies_in_step(till)
    assert row.recording_id in {r.recording_id for r in review.list(staff.supervisor, combined)}
    assert review.count(staff.supervisor, combined) == before + 1
    review.flip_speakers(staff.supervisor, row.recording_id)  # rescored, override kept
    _assert_copies_in_step(till)
    assert review.count(staff.supervisor, combined) == before + 1
    review.override(staff.supervisor, row.recording_id, "greeting", None, "undo")
    _assert_copies_in_step(till)
    own = next(
        r
        for r in review.list(staff.cashier, ConversationFilter())
        if r.failed_items and r.score is not None
    )
    item = own.failed_items[0]
    review.dispute(staff.cashier, own.recording_id, item, "I did")
    review.resolve_dispute(staff.supervisor, own.recording_id, item, True, "right")
    _assert_copies_in_step(till)
    assert own.recording_id not in {
        r.recording_id
        for r in review.list(staff.supervisor, ConversationFilter(failed_item=item, score_min=0))
    }
