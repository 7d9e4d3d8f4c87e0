"""Review on a real till: demo conversations sealed in a real key file, scored, filtered, opened,
overridden, flipped, disputed. Real SQLite files, a real KeyVault with a random KEK."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.ids import new_id
from forsell.domain.payment import Payment
from forsell.services.demo_conversations import seed_demo_conversations
from forsell.services.recordings import KEY_FILE
from forsell.services.review.service import ConversationFilter, ReviewService, ScorecardProblem
from forsell.store.models import ConversationScore, Recording, RecordingChunk
from forsell.sync.providers.base import Transcript, Word
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.chunks import seal
from forsell.vault.keys import KeyVault

from .conftest import audit_rows, outbox_rows


@pytest.fixture
def vault(till):
    v = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    yield v
    v.close()


@pytest.fixture
def review(till, vault):
    assert seed_demo_conversations(till, vault) == 7
    return ReviewService(till, vault)


def _all(review, staff, **kw):
    return review.list(staff.supervisor, ConversationFilter(**kw))


def _sql(till, query, *args):
    db = sqlite3.connect(till.ctx.db.path)
    try:
        return db.execute(query, args).fetchall()
    finally:
        db.close()


def test_demo_conversations_are_scored_and_only_once(till, vault, review, staff):
    rows = _all(review, staff)
    assert len(rows) == 7
    assert sorted(r.status for r in rows).count("scored") == 6
    assert [r.status for r in rows if r.score is None] == ["not_scorable"]
    assert seed_demo_conversations(till, vault) == 0
    assert review.score_pending() == 0
    assert len(outbox_rows(till, "score")) == 7


def test_score_events_carry_numbers_not_words(till, review):
    for job in outbox_rows(till, "score"):
        text = json.dumps(job.payload, ensure_ascii=False)
        assert "круассан" not in text.lower() and "здравствуйте" not in text.lower()
        assert set(job.payload) >= {"id", "score", "items", "offers", "conversions"}


@pytest.mark.parametrize(
    "kw",
    [
        {"score_min": 90},
        {"score_max": 50},
        {"failed_item": "loyalty_card"},
        {"upsell": "offered"},
        {"upsell": "converted"},
        {"upsell": "not_offered"},
        {"has_transcript": True},
        {"flagged": False},
        {"reviewed": False},
        {"sort": "score_asc"},
        {"sort": "oldest"},
    ],
)
def test_each_filter_matches_an_independent_check(review, staff, kw):
    everything = _all(review, staff)
    rows = _all(review, staff, **kw)
    check = {
        "score_min": lambda r: r.score is not None and r.score >= 90,
        "score_max": lambda r: r.score is not None and r.score <= 50,
        "failed_item": lambda r: "loyalty_card" in r.failed_items,
        "upsell": {
            "offered": lambda r: r.offers > 0,
            "converted": lambda r: r.conversions > 0,
            "not_offered": lambda r: r.status == "scored" and r.offers == 0,
        }.get(kw.get("upsell")),
        "has_transcript": lambda r: r.has_transcript,
        "flagged": lambda r: not r.flagged,
        "reviewed": lambda r: not r.reviewed,
        "sort": lambda r: True,
    }[next(iter(kw))]
    expected = [r.recording_id for r in everything if check(r)]
    assert sorted(r.recording_id for r in rows) == sorted(expected)
    assert review.count(staff.supervisor, ConversationFilter(**kw)) == len(expected)
    if kw.get("sort") == "score_asc":
        scores = [r.score for r in rows if r.score is not None]
        assert scores == sorted(scores) and rows[-1].score is None
    if kw.get("sort") == "oldest":
        assert [r.started_at for r in rows] == sorted(r.started_at for r in everything)


def test_date_shift_and_cashier_filters(review, staff, till):
    rows = _all(review, staff)
    day = min(r.started_at for r in rows).date()
    by_day = _all(review, staff, date_from=day, date_to=day)
    assert {r.started_at.date() for r in by_day} == {day}
    assert len(by_day) == sum(r.started_at.date() == day for r in rows)
    shift = rows[0].shift_id
    assert {r.shift_id for r in _all(review, staff, shift_id=shift)} == {shift}
    mine = _all(review, staff, employee_id=staff.cashier2.id)
    assert mine and {r.employee for r in mine} == {"Мария Ким"}


def test_search_decrypts_and_folds_without_plaintext_on_disk(review, staff, till):
    hits = _all(review, staff, text="круассан")
    assert len(hits) == 2
    kazakh = _all(review, staff, text="бауырсак")  # typed without Kazakh letters
    assert len(kazakh) == 1 and kazakh[0].employee == "Мария Ким"
    assert _all(review, staff, text="ТИРАМИСУ")[0].recording_id in {h.recording_id for h in hits}
    assert _all(review, staff, text="пицца") == []
    assert review.count(staff.supervisor, ConversationFilter(text="круассан")) == 2
    assert len(_all(review, staff, text="только испекли")) == 1
    files = [till.ctx.db.path, till.ctx.db.path.with_name(till.ctx.db.path.name + "-wal")]
    raw = b"".join(f.read_bytes() for f in files if f.exists())
    assert "испекли".encode() not in raw and "Круассан классический".encode() in raw  # catalog


def test_cashier_sees_only_own_conversations(review, staff):
    own = review.list(staff.cashier, ConversationFilter())
    assert own and {r.employee_id for r in own} == {staff.cashier.id}
    other = _all(review, staff, employee_id=staff.cashier2.id)[0]
    assert review.list(staff.cashier, ConversationFilter(employee_id=staff.cashier2.id)) == []
    with pytest.raises(CashierError) as e:
        review.detail(staff.cashier, other.recording_id)
    assert e.value.key == "review.not_yours"
    with pytest.raises(CashierError):
        review.audio(staff.cashier, other.recording_id)
    with pytest.raises(CashierError) as e:
        review.override(staff.cashier, own[0].recording_id, "greeting", "fail", "no")
    assert e.value.key == "supervisor.only"


def test_view_and_playback_are_audited(review, staff, till):
    row = _all(review, staff, upsell="converted")[0]
    detail = review.detail(staff.supervisor, row.recording_id)
    assert detail.scorable and detail.utterances and detail.receipt is not None
    assert detail.upsold_line_ids <= {ln.line_id for ln in detail.receipt.lines}
    assert detail.upsold_line_ids
    assert any(o.converted for o in detail.offers)
    greeting = next(i for i in detail.items if i.item_id == "greeting")
    assert greeting.outcome == "pass" and greeting.evidence[0].role == "cashier"
    ogg = review.audio(staff.supervisor, row.recording_id)
    assert ogg[:4] == b"OggS"
    assert audit_rows(till, "recording_played") == []  # decoding ahead is not listening
    review.played(staff.supervisor, row.recording_id)
    viewed = audit_rows(till, "transcript_viewed")
    played = audit_rows(till, "recording_played")
    assert [(a.employee_id, a.details["recording_id"]) for a in viewed + played] == [
        (staff.supervisor.id, row.recording_id)
    ] * 2


def test_override_recomputes_the_percent_and_is_an_event(review, staff, till):
    row = _all(review, staff, score_min=100)[0]
    detail = review.override(
        staff.supervisor, row.recording_id, "greeting", "fail", "Greeting too quiet"
    )
    item = next(i for i in detail.items if i.item_id == "greeting")
    assert item.outcome == "fail" and item.scored_outcome == "pass"
    assert item.override.comment == "Greeting too quiet"
    weights = {i.item_id: i.max_points for i in detail.items}
    assert detail.score == round(
        100 * (sum(weights.values()) - weights["greeting"]) / sum(weights.values()), 1
    )
    assert row.recording_id in {r.recording_id for r in _all(review, staff, failed_item="greeting")}
    events = outbox_rows(till, "review")
    assert [(e.payload["kind"], e.payload["item_id"], e.payload["score"]) for e in events] == [
        ("override", "greeting", detail.score)
    ]
    assert audit_rows(till, "review_override")[0].employee_id == staff.supervisor.id
    back = review.override(staff.supervisor, row.recording_id, "greeting", None, "undo")
    assert (
        back.score == 100.0
        and next(i for i in back.items if i.item_id == "greeting").override is None
    )


def test_flag_and_reviewed_filter_and_sync(review, staff, till):
    rid = _all(review, staff)[0].recording_id
    review.flag(staff.supervisor, rid, True, "coach on greeting")
    review.mark_reviewed(staff.supervisor, rid)
    assert [r.recording_id for r in _all(review, staff, flagged=True)] == [rid]
    assert [r.recording_id for r in _all(review, staff, reviewed=True)] == [rid]
    review.flag(staff.supervisor, rid, False)
    assert _all(review, staff, flagged=True) == []
    assert [e.payload["kind"] for e in outbox_rows(till, "review")] == [
        "flag",
        "reviewed",
        "unflag",
    ]


def test_flip_rescores_and_keeps_overrides(review, staff, till):
    row = _all(review, staff, score_min=100)[0]
    review.override(staff.supervisor, row.recording_id, "forbidden_words", "fail", "rude")
    flipped = review.flip_speakers(staff.supervisor, row.recording_id)
    assert flipped.speakers_flipped
    assert {u.role for u in flipped.utterances} == {"cashier", "customer"}
    before = {
        u.speaker: u.role for u in review.detail(staff.supervisor, row.recording_id).utterances
    }
    assert next(i for i in flipped.items if i.item_id == "forbidden_words").outcome == "fail"
    assert flipped.score < 100
    again = review.flip_speakers(staff.supervisor, row.recording_id)
    assert not again.speakers_flipped
    assert {u.speaker: u.role for u in again.utterances} != before
    assert [e.payload["kind"] for e in outbox_rows(till, "review")].count("flip") == 2


def test_cashier_disputes_and_supervisor_resolves(review, staff, till):
    row = next(
        r
        for r in review.list(staff.cashier, ConversationFilter())
        if "loyalty_card" in r.failed_items
    )
    d = review.dispute(staff.cashier, row.recording_id, "loyalty_card", "I asked, it was noisy")
    item = next(i for i in d.items if i.item_id == "loyalty_card")
    assert item.dispute.state == "open" and d.row.disputed
    with pytest.raises(CashierError) as e:
        review.dispute(staff.cashier, row.recording_id, "loyalty_card", "again")
    assert e.value.key == "review.dispute_open"
    with pytest.raises(CashierError):
        review.dispute(staff.cashier2, row.recording_id, "loyalty_card", "not mine")
    done = review.resolve_dispute(staff.supervisor, row.recording_id, "loyalty_card", True, "ok")
    item = next(i for i in done.items if i.item_id == "loyalty_card")
    assert item.dispute.state == "accepted" and item.outcome == "pass"
    assert not done.row.disputed and done.score > row.score
    kinds = [e.payload["kind"] for e in outbox_rows(till, "review")]
    assert kinds == ["dispute", "override", "resolve"]
    with pytest.raises(CashierError) as e:
        review.resolve_dispute(staff.supervisor, row.recording_id, "loyalty_card", False, "")
    assert e.value.key == "review.no_dispute"


def test_a_new_sale_with_a_transcript_is_scored_with_line_times(till, vault, staff, shift, clock):
    review = ReviewService(till, vault)
    started = clock()
    sale = till.sale_for(staff.cashier)
    clock.advance(4)
    sale.add(till.catalog.search("COF-005")[0])  # ordered at 4 s
    clock.advance(6)
    sale.add(till.catalog.search("BAK-001")[0])  # the offer is at 7 s: converted
    receipt = sale.pay(Payment(cash_tendered=1_000_000))
    rid = new_id()
    dek = vault.create(rid)
    with till.ctx.db.write() as session:
        session.add(
            Recording(
                id=rid,
                device_id=till.ctx.device_id,
                sale_id=receipt.sale_id,
                shift_id=shift.id,
                employee_id=staff.cashier.id,
                started_at=started,
                duration_ms=12_000,
                speech_ms=9_000,
                status="queued",
            )
        )
        session.flush()
        session.add(
            RecordingChunk(
                recording_id=rid, idx=0, final=True, blob=seal(dek, rid, 0, True, b"OggS").blob
            )
        )
    words = [
        ("Здравствуйте,", 0.5, 1.2, "0"),
        ("что", 1.3, 1.5, "0"),
        ("будете?", 1.5, 2.0, "0"),
        ("Мне", 2.5, 2.8, "1"),
        ("капучино", 2.8, 3.5, "1"),
        ("Хотите", 7.0, 7.4, "0"),
        ("круассан?", 7.4, 8.0, "0"),
        ("Да", 8.5, 8.8, "1"),
        ("Спасибо,", 11.0, 11.5, "0"),
        ("до", 11.5, 11.6, "0"),
        ("свидания", 11.6, 12.0, "0"),
    ]
    TranscriptStore(till.ctx.db, vault).save(
        rid,
        Transcript(
            " ".join(w[0] for w in words),
            "ru",
            tuple(Word(t, s, e, sp, 0.9) for t, s, e, sp in words),
            0.9,
            12.0,
            "test",
            None,
        ),
    )
    assert review.score_pending() == 1
    row = review.list(staff.supervisor, ConversationFilter(limit=1))[0]
    assert (row.recording_id, row.offers, row.conversions) == (rid, 1, 1)
    added = _sql(
        till,
        "SELECT sku, added_at FROM sale_lines WHERE sale_id = ? ORDER BY line_no",
        receipt.sale_id,
    )
    assert [a[0] for a in added] == ["COF-005", "BAK-001"] and all(a[1] for a in added)
    bak = next(ln for ln in receipt.lines if ln.sku == "BAK-001")
    assert row.extra_revenue == bak.net
    detail = review.detail(staff.supervisor, rid)
    assert detail.upsold_line_ids == frozenset({bak.line_id})
    with till.ctx.db.read() as session:
        sealed = session.scalar(
            select(ConversationScore.sealed).where(ConversationScore.recording_id == rid)
        )
    assert "круассан".encode() not in sealed


def test_parked_cart_keeps_line_times(till, staff, shift, clock):
    sale = till.sale_for(staff.cashier)
    sale.add(till.catalog.search("COF-005")[0])
    t0 = clock()
    sale.park("table 3")
    clock.advance(60)
    sale.recall(sale.parked()[0].id)
    assert sale.cart.lines[0].added_at == t0
    assert t0 + timedelta(seconds=60) == clock()


def test_shredded_conversation_is_listed_but_not_searchable(review, staff, vault):
    rows = _all(review, staff, text="круассан")
    vault.destroy(rows[0].recording_id)
    assert len(_all(review, staff, text="круассан")) == 1


def test_admin_saves_a_scorecard_with_validation(review, staff, till):
    with pytest.raises(ScorecardProblem) as e:
        review.save_scorecard(staff.admin, json.dumps({"items": [{"id": "x", "kind": "maybe"}]}))
    assert any(
        p.place == ("items", 0, "kind") and p.code == "format.one_of" for p in e.value.problems
    )
    with pytest.raises(ScorecardProblem):
        review.save_scorecard(staff.admin, "{not json")
    with pytest.raises(CashierError):
        review.save_scorecard(staff.supervisor, review.scorecard_text())
    card = {
        "format": "forsell-scorecard",
        "version": 1,
        "name": "tiny",
        "items": [
            {"id": "greeting", "kind": "required", "weight": 1, "phrases": {"ru": ["здравствуйте"]}}
        ],
    }
    saved = review.save_scorecard(staff.admin, json.dumps(card))
    assert saved.name == "tiny" and review.scorecard().name == "tiny"
    assert audit_rows(till, "scorecard_saved")[0].employee_id == staff.admin.id


def test_shifts_for_the_filter_newest_first_and_the_same_for_every_role(review, staff, till, clock):
    till.shifts.open(staff.supervisor, 0)
    clock.advance(3600)
    z = till.shifts.close(staff.supervisor, {}).z_number
    clock.advance(60)
    till.shifts.open(staff.cashier, 0)
    shifts = review.shifts(staff.supervisor)
    expected = _sql(
        till,
        """SELECT s.id, s.z_number, e.name, s.closed_at IS NULL FROM shifts s
                             JOIN employees e ON e.id = s.opened_by ORDER BY s.opened_at DESC""",
    )
    assert len(expected) == 4  # two demo days, the closed one, the open one
    assert [(o.shift_id, o.z_number, o.opened_by, int(o.closed_at is None)) for o in shifts] == [
        tuple(r) for r in expected
    ]
    assert (shifts[0].opened_by_id, shifts[0].opened_at) == (
        staff.cashier.id,
        till.ctx.local(clock.now),
    )
    assert shifts[1].z_number == z
    assert shifts[1].closed_at == till.ctx.local(clock.now - timedelta(seconds=60))
    assert review.shifts(staff.cashier) == shifts
    assert review.shifts(staff.supervisor, limit=2) == shifts[:2]
    mixed = 0
    for option in shifts:  # a cashier filtering by a shift still gets only their own
        everyone = _all(review, staff, shift_id=option.shift_id)
        own = review.list(staff.cashier, ConversationFilter(shift_id=option.shift_id))
        assert own == [r for r in everyone if r.employee_id == staff.cashier.id]
        mixed += len(everyone) > len(own) > 0
    assert mixed


def test_checklist_titles_come_in_the_viewers_language(review, staff):
    from dataclasses import replace

    row = _all(review, staff, upsell="converted")[0]
    titles = {
        lang: {
            i.item_id: i.title
            for i in review.detail(replace(staff.supervisor, language=lang), row.recording_id).items
        }
        for lang in ("ru", "kk", "en")
    }
    card = review.scorecard()
    for lang, by_id in titles.items():
        assert by_id["greeting"] == card.item("greeting").title[lang]
    assert len({t["greeting"] for t in titles.values()}) == 3  # three different words


def test_offered_products_are_named_in_the_viewers_language_like_the_receipt(review, staff):
    from dataclasses import replace

    row = _all(review, staff, upsell="converted")[0]
    for lang in ("ru", "kk", "en"):
        detail = review.detail(replace(staff.supervisor, language=lang), row.recording_id)
        bought = {o.line_sku for o in detail.offers if o.converted}
        on_receipt = {ln.sku: ln.name(lang) for ln in detail.receipt.lines if ln.sku in bought}
        assert on_receipt  # the converted offer's product is on the receipt
        for offer in detail.offers:
            if offer.converted:
                assert offer.product == on_receipt[offer.line_sku], (lang, offer.product)


def test_the_scorer_follows_catalog_changes_without_a_rebuild(review, staff, till):
    """A product added or taken out of sale after the catalog index was built is offered (or
    no longer) at the next conversation; the index is updated, not rebuilt."""
    from forsell.analytics import Receipt, Utterance
    from forsell.analytics import Transcript as Said
    from forsell.services.catalog import ProductDraft
    from forsell.services.review.scoring import ConversationScoring
    from forsell.store.models import Product

    from .conftest import admin_of

    scoring = review.scoring
    assert isinstance(scoring, ConversationScoring)
    scoring.CATALOG_CHECK_S = 0.0  # look at the catalog at every call
    scorer = scoring.current_scorer()
    talk = Said(
        (
            Utterance("cashier", 0.0, 1.0, "Здравствуйте, что будете?"),
            Utterance("customer", 1.5, 2.5, "Американо"),
            Utterance("cashier", 3.0, 4.5, "Халву ореховую не хотите?"),
            Utterance("customer", 5.0, 5.5, "Нет"),
        )
    )

    def offered() -> list[tuple[str, ...]]:
        return [o.skus for o in scoring.current_scorer().score(talk, Receipt(())).upsell.offers]

    assert offered() == []
    draft = ProductDraft("HAL-777", "Халва ореховая", 90_000, 1600, name_kk="Жаңғақ халуа")
    product = till.catalog.save(admin_of(till), draft)
    assert offered() == [("HAL-777",)]
    assert scoring.current_scorer() is scorer  # updated in place, not rebuilt
    with till.ctx.db.write() as session:  # taken out of sale (as an import or a pull does)
        session.get(Product, product.id).active = False
    assert offered() == []
