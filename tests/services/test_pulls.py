"""Backend pulls applied on a real till: the FAKE backend's demo feed through ``sync --once``'s
code path (SyncService.run_once), and PullApplier's rules page by page on real SQLite files."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import re
import uuid

import pytest
from sqlalchemy import select

from forsell.analytics import formats
from forsell.domain.errors import CashierError
from forsell.domain.money import MAX_TIYN
from forsell.domain.roles import Role
from forsell.fakes.fake_backend import DEMO_ITEMS, FakeBackend
from forsell.fakes.server import FakeServer
from forsell.paths import resources_dir
from forsell.services import settings as s
from forsell.services.app import open_till
from forsell.services.auth import hash_pin
from forsell.services.pulls import (
    SCORECARD_REJECTED_KEY,
    PullApplier,
    scorecard_source,
)
from forsell.services.recordings import KEY_FILE
from forsell.services.review.scoring import REVIEW_SCORECARD, store_catalog
from forsell.services.review.service import ReviewService
from forsell.services.sync import SyncService
from forsell.store.models import Employee, Product, SyncState
from forsell.sync.pull_lane import cursor_key
from forsell.vault.keys import KeyVault
from sync.memory_keyring import MemoryKeyring

from .conftest import audit_rows
from .test_sync import FAST

CAFE = json.loads((resources_dir() / "scorecards" / "cafe.json").read_text("utf-8"))


@pytest.fixture
def backend():
    fake = FakeBackend(page_size=2)  # the demo feed, two items a page
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


def product(till, sku: str) -> Product | None:
    with till.ctx.db.read() as session:
        return session.scalar(select(Product).where(Product.sku == sku))


def pin(digits: str, **changes) -> dict:
    digest, salt = hash_pin(digits)
    return {
        "alg": "scrypt",
        "salt": base64.b64encode(salt).decode(),
        "hash": base64.b64encode(digest).decode(),
        "n": 16384,
        "r": 8,
        "p": 1,
        **changes,
    }


def test_the_demo_feed_is_applied_by_a_sync_run_and_not_fetched_again(
    configured, data_dir, backend, staff, tmp_path
) -> None:
    till = configured
    assert product(till, "COF-003").price == 100_000  # the demo catalog's 1 000 ₸
    summary = SyncService(till, MemoryKeyring(), config=FAST).run_once(30)
    total = sum(len(items) for items in DEMO_ITEMS.values())
    assert summary.ok and summary.pulls.applied == total and summary.pulls.skipped == 0
    # the fake publishes the shipped privacy policy: the till has it already, nothing applied
    assert summary.pulls.resources == ("catalog", "policy", "scorecards", "settings", "staff")
    # catalog: a price change with synonyms, a new product, a withdrawn one
    americano = product(till, "COF-003")
    assert americano.price == 110_000 and americano.synonyms == ["американку", "чёрный кофе"]
    assert product(till, "DES-101").price == 90_000 and product(till, "DES-101").active
    assert product(till, "COF-011").active is False
    assert not [p for p in till.catalog.search("Раф лавандовый") if p.sku == "COF-011"]
    with till.ctx.db.read() as session:
        scorer_view = {p.sku: p for p in store_catalog(session).products}
    assert scorer_view["COF-003"].synonyms == ("американку", "чёрный кофе")
    assert "COF-011" not in scorer_view
    # staff: the new cashier logs in with the PIN whose hash the backend sent
    asel = next(e for e in till.staff.staff() if e.name == "Асель Нурланова")
    assert asel.role is Role.CASHIER and asel.language == "kk"
    assert till.staff.login(asel.id, "3333").id == asel.id
    with pytest.raises(CashierError):
        till.staff.login(asel.id, "1111")
    # settings and the scorecard
    assert till.ctx.settings.get(s.RECEIPT_FOOTER) == "Рақмет! Спасибо за покупку!"
    source = scorecard_source(till.ctx)
    assert source is not None and (source.source, source.id, source.version) == (
        "backend",
        "cafe",
        3,
    )
    # audited, and the audit rows were sent in the same run
    pulled = audit_rows(till, "backend_pull")
    assert sum(a.details["applied"] for a in pulled) == total
    assert {a.details["resource"] for a in pulled} == {"catalog", "staff", "settings", "scorecards"}
    assert summary.business.remaining == 0
    sent = {e["entity_id"] for e in backend.events(kind="audit")}
    assert {a.id for a in pulled} <= sent
    assert set(SyncService(till, MemoryKeyring()).status().last_pull_at) == {
        "policy",
        "catalog",
        "staff",
        "settings",
        "scorecards",
    }
    # a restart of the till: the cursors are kept, nothing is fetched and applied again
    till.close()
    reopened = open_till(data_dir)
    try:
        again = SyncService(reopened, MemoryKeyring(), config=FAST).run_once(30)
        assert again.ok and again.pulls.applied == 0
        backend.put_items("catalog", [{**DEMO_ITEMS["catalog"][0], "price": 120_000}])
        third = SyncService(reopened, MemoryKeyring(), config=FAST).run_once(30)
        assert third.pulls.applied == 1 and product(reopened, "COF-003").price == 120_000
    finally:
        reopened.close()


def test_a_page_is_applied_with_its_bad_items_skipped_and_counted(till) -> None:
    applier = PullApplier(till.ctx)
    page = [
        {
            "sku": "NEW-1",
            "name_ru": "Самса",
            "price": 70_000,
            "vat_bp": 1600,
            "active": True,
            "category": {"ru": "Выпечка"},
            "synonyms": ["самсу"],
        },
        {"sku": "NEW-2", "name_ru": "Без цены", "price": "700", "vat_bp": 1600, "active": True},
        "not an object",
        {
            "sku": "NEW-3",
            "name_ru": "Чужой штрихкод",
            "price": 10_000,
            "vat_bp": 0,
            "active": True,
            "barcode": "4879990000019",
        },  # T-BREAD's
        {
            "sku": "T-WATER",
            "name_ru": "Вода тестовая",
            "price": 17_500,
            "vat_bp": 0,
            "active": True,
        },
    ]
    result = applier.apply("catalog", page, "cursor-1")
    assert (result.applied, result.skipped) == (2, 3)
    assert any("NEW-2: price" in p for p in result.problems)
    assert any("belongs to T-BREAD" in p for p in result.problems)
    assert product(till, "NEW-1").synonyms == ["самсу"] and product(till, "NEW-2") is None
    assert product(till, "NEW-3") is None and product(till, "T-WATER").price == 17_500
    with till.ctx.db.read() as session:
        assert session.get(SyncState, cursor_key("catalog")).value == "cursor-1"
    [entry] = audit_rows(till, "backend_pull")
    assert entry.details["applied"] == 2 and entry.details["skipped"] == 3
    assert entry.details["changed"] == ["NEW-1", "T-WATER"]


def test_staff_pins_come_only_as_our_scrypt_hash_and_the_last_admin_stays(till, staff) -> None:
    applier = PullApplier(till.ctx)
    new = str(uuid.uuid4())
    weak = str(uuid.uuid4())
    plain = str(uuid.uuid4())
    result = applier.apply(
        "staff",
        [
            {"id": new, "name": "Ерлан", "role": "supervisor", "active": True, "pin": pin("4321")},
            {
                "id": weak,
                "name": "Слабый",
                "role": "cashier",
                "active": True,
                "pin": pin("4321", n=1024),
            },
            {"id": plain, "name": "Открытый", "role": "cashier", "active": True, "pin": "4321"},
            {"id": str(uuid.uuid4()), "name": "Без PIN", "role": "cashier", "active": True},
            {"id": staff.admin.id, "name": staff.admin.name, "role": "admin", "active": False},
            {"id": staff.cashier.id, "name": "Данияр А.", "role": "cashier", "active": True},
        ],
        "c1",
    )
    assert (result.applied, result.skipped) == (2, 4)
    assert any("pin.n" in p for p in result.problems)
    assert any("plain PIN" in p for p in result.problems)
    assert any("last active admin" in p for p in result.problems)
    assert till.staff.approve("4321", _action(), staff.cashier.id).approver_id == new
    names = {e.id: e.name for e in till.staff.staff()}
    assert weak not in names and plain not in names
    assert names[staff.admin.id] == staff.admin.name  # still active
    assert names[staff.cashier.id] == "Данияр А."
    assert till.staff.login(staff.cashier.id, "1111")  # its local PIN is kept
    # with a second admin from the backend, the first may go
    second = str(uuid.uuid4())
    done = applier.apply(
        "staff",
        [
            {
                "id": second,
                "name": "Новый админ",
                "role": "admin",
                "active": True,
                "pin": pin("8888"),
            },
            {"id": staff.admin.id, "name": staff.admin.name, "role": "admin", "active": False},
        ],
        "c2",
    )
    assert (done.applied, done.skipped) == (2, 0)
    with till.ctx.db.read() as session:
        assert session.get(Employee, staff.admin.id).active is False
    # The PIN as a value of its own, never inside an id or a seal: those are random hex, and
    # "4321" turns up in one of them now and then (an audit entry's details name employees).
    pin_alone = re.compile(r"(?<![\w-])4321(?![\w-])")
    assert not any(pin_alone.search(json.dumps(a.details)) for a in audit_rows(till))


def _action():
    from forsell.domain.roles import Action

    return Action.REFUND


def test_only_allow_listed_settings_come_from_the_backend(till) -> None:
    settings = till.ctx.settings
    settings.set(s.SYNC_BACKEND_URL, "https://api.4sell.kz")
    result = PullApplier(till.ctx).apply(
        "settings",
        [
            {"key": "receipt.footer", "value": "Жаңа жыл құтты болсын!"},
            {"key": "till.auto_lock_seconds", "value": 120},
            {"key": "till.cashier_discount_limit_bp", "value": "500"},  # wrong type
            {"key": "sync.audio_abroad", "value": True},
            {"key": "sync.backend_url", "value": "https://evil.example"},
            {"key": "recording.enabled", "value": True},
            {"key": "device.id", "value": "someone-else"},
            {"key": "no.such.key", "value": 1},
        ],
        "c1",
    )
    assert (result.applied, result.skipped) == (2, 6)
    assert settings.get(s.RECEIPT_FOOTER) == "Жаңа жыл құтты болсын!"
    assert settings.get(s.AUTO_LOCK_SECONDS) == 120
    assert settings.get(s.CASHIER_DISCOUNT_LIMIT_BP) == 1000
    assert settings.get(s.SYNC_AUDIO_ABROAD) is False
    assert settings.get(s.SYNC_BACKEND_URL) == "https://api.4sell.kz"
    assert settings.get(s.RECORDING_ENABLED) is False
    assert s.Settings(till.ctx.db).get(s.RECEIPT_FOOTER) == "Жаңа жыл құтты болсын!"  # stored
    assert any(
        "sync.audio_abroad: not a setting the backend may change" in p for p in result.problems
    )


#: (setting, value, the admin form's field); the form holds valid values for the rest.
SAME_RULE = [
    (s.AUTO_LOCK_SECONDS, 29, "auto_lock_seconds"),
    (s.AUTO_LOCK_SECONDS, 30, "auto_lock_seconds"),
    (s.AUTO_LOCK_SECONDS, 3600, "auto_lock_seconds"),
    (s.AUTO_LOCK_SECONDS, 3601, "auto_lock_seconds"),
    (s.CASHIER_DISCOUNT_LIMIT_BP, 10_000, "cashier_discount_limit_bp"),
    (s.CASHIER_DISCOUNT_LIMIT_BP, 10_001, "cashier_discount_limit_bp"),
    (s.CASHIER_DISCOUNT_LIMIT_BP, -1, "cashier_discount_limit_bp"),
    (s.RECEIPT_LANGUAGE, "en", "receipt_language"),
    (s.RECEIPT_LANGUAGE, "de", "receipt_language"),
    (s.STORE_NAME, "   ", "store_name"),
    (s.STORE_NAME, "x" * 121, "store_name"),
    (s.RECEIPT_FOOTER, "y" * 500, "receipt_footer"),
    (s.RECEIPT_FOOTER, "y" * 501, "receipt_footer"),
]


@pytest.mark.parametrize(("setting", "value", "field"), SAME_RULE)
def test_a_pulled_setting_obeys_the_rule_of_the_admin_screen(till, setting, value, field) -> None:
    from forsell.services.admin import StoreAdmin

    admin = StoreAdmin(till.ctx)
    who = next(e for e in till.staff.staff() if e.role is Role.ADMIN)
    form = dataclasses.replace(admin.store_settings(), store_bin="", **{field: value})
    try:
        admin.save_store_settings(who, form)
        admin_took_it = True
    except CashierError:
        admin_took_it = False
    result = PullApplier(till.ctx).apply("settings", [{"key": setting.key, "value": value}], "c")
    assert (result.applied == 1) is admin_took_it
    assert (setting.problem(value) is None) is admin_took_it  # and the registry says the same
    if not admin_took_it:
        assert result.problems == (f"key {setting.key}: value: {setting.problem(value)}",)


@pytest.mark.parametrize(("price", "applied"), [(MAX_TIYN, True), (MAX_TIYN + 1, False)])
def test_a_pulled_price_stops_at_the_tills_money_limit(till, price, applied) -> None:
    item = {"sku": "BIG-1", "name_ru": "Очень дорого", "price": price, "vat_bp": 0, "active": True}
    result = PullApplier(till.ctx).apply("catalog", [item], "c")
    assert (result.applied == 1) is applied
    if applied:
        assert product(till, "BIG-1").price == MAX_TIYN
    else:
        assert product(till, "BIG-1") is None
        reason = f"price: a whole number of tiyn from 1 to {MAX_TIYN}"
        assert result.problems == (f"sku BIG-1: {reason}",)


@pytest.fixture
def review(till):
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    yield ReviewService(till, vault)
    vault.close()


def card(name: str, weight: int = 20) -> dict:
    doc = json.loads(json.dumps(CAFE))
    doc["name"] = name
    doc["items"][0]["weight"] = weight
    return doc


def test_the_backend_scorecard_replaces_the_local_one_and_an_invalid_one_is_refused(
    till, staff, review
) -> None:
    applier = PullApplier(till.ctx)
    assert review.scorecard().name == "Café" and scorecard_source(till.ctx) is None
    result = applier.apply(
        "scorecards",
        [
            {"id": "chain", "version": 4, "scorecard": card("Сеть v4")},
            {"id": "chain", "version": 5, "scorecard": card("Сеть v5", 30)},
            {
                "id": "chain",
                "version": 6,
                "scorecard": {
                    "format": "forsell-scorecard",
                    "items": [{"id": "x", "kind": "sometimes"}],
                },
            },
        ],
        "c1",
    )
    assert (result.applied, result.skipped) == (1, 2)
    assert review.scorecard().name == "Сеть v5"  # the newest valid one, used at once
    assert review.scorecard().items[0].weight == 30
    assert scorecard_source(till.ctx).version == 5
    with till.ctx.db.read() as session:
        rejected = session.get(SyncState, SCORECARD_REJECTED_KEY).value
    assert rejected["version"] == 6 and "items[0]" in rejected["problems"]
    # an invalid newer one: refused, the backend's v5 stays
    bad = applier.apply("scorecards", [{"id": "chain", "version": 7, "scorecard": "nope"}], "c2")
    assert (bad.applied, bad.skipped) == (0, 1)
    assert review.scorecard().name == "Сеть v5"
    # an older version arriving late does not win
    late = applier.apply(
        "scorecards", [{"id": "chain", "version": 2, "scorecard": card("Сеть v2")}], "c3"
    )
    assert late.applied == 0 and review.scorecard().name == "Сеть v5"
    # the admin's own card: no longer "from the backend"
    review.save_scorecard(staff.admin, json.dumps(card("Наша"), ensure_ascii=False))
    assert scorecard_source(till.ctx) is None and review.scorecard().name == "Наша"
    till.ctx.settings.set(REVIEW_SCORECARD, "cafe")
    assert formats.parse_scorecard(CAFE).name == review.scorecard().name


def test_the_scorecard_text_is_what_the_backend_sent(till) -> None:
    doc = card("Сеть")
    PullApplier(till.ctx).apply("scorecards", [{"id": "s", "version": 1, "scorecard": doc}], "c")
    stored = till.ctx.settings.get(s.REVIEW_SCORECARD_CUSTOM)
    assert json.loads(stored) == doc
    with till.ctx.db.read() as session:
        info = session.get(SyncState, "scorecard.source").value
    assert info["sha256"] == hashlib.sha256(stored.encode()).hexdigest()
