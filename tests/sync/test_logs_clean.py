"""A day at the till, written to the real log file at DEBUG, holds no secret and no personal data.

The privacy policy promises confidentiality; logs are where that promise usually leaks (a key in
an error's repr, a customer's phone number in a "bad transcript" line, a PIN in a traceback). So
this runs what writes logs — logins with a wrong PIN, a PIN change, sales, recordings, sync with
a wrong API key first and server faults (5xx, resets, a dropped answer), transcripts whose words
include a phone number — with ``logs.configure`` at DEBUG, then reads ``logs/cashier.log`` back.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from forsell import logs
from forsell.domain.roles import Role
from forsell.fakes.fake_elevenlabs import DEFAULT_KEY
from forsell.fakes.script import KK_SCRIPTS, RU_SCRIPTS
from forsell.services.admin import StoreAdmin
from forsell.services.app import DEMO_STAFF
from forsell.services.sync import TOKEN_SECRET, SyncService

from .chaos_fixtures import Counter_, fake_world, settled, wait_for
from .test_chaos import transcripts_done
from .test_offline_online import CONFIG

WRONG_KEY = "sk_wrong_5b1f0c9e77d2a4"
NEW_PIN, WRONG_PIN = "739152", "864207"


@pytest.fixture
def log_file(tmp_path: Path):
    root = logging.getLogger("forsell")
    level, handlers = root.level, list(root.handlers)
    path = logs.configure(tmp_path / "till", logging.DEBUG)
    assert path is not None
    yield path
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)  # as it was: other tests' caplog must not depend on this one


def test_a_day_of_selling_and_syncing_logs_no_secret_and_no_personal_data(tmp_path, log_file):
    with fake_world(tmp_path / "till") as world:
        till, keys, backend, elevenlabs = world.till, world.keys, world.backend, world.elevenlabs
        staff = {e.name: e for e in till.staff.staff()}
        cashier = staff["Данияр Ахметов"]
        admin = till.staff.login(staff["Администратор"].id, "9000")
        with pytest.raises(Exception):  # noqa: B017, PT011 - a wrong PIN, whatever it raises
            till.staff.login(cashier.id, WRONG_PIN)
        StoreAdmin(till.ctx).change_pin(admin, cashier.id, NEW_PIN)
        assert till.staff.login(cashier.id, NEW_PIN).role is Role.CASHIER

        world.secrets.set("elevenlabs-key", WRONG_KEY)  # 401 first
        shop = Counter_(till)
        rids = [world.recordings.record(shop.sell()) for _ in range(6)]
        batch = "POST /v1/events:batch"
        backend.faults.set(
            [
                {"kind": "error", "route": batch, "status": 503, "times": 2},
                {"kind": "commit_then_drop", "route": batch, "times": 1},
            ]
        )
        service = SyncService(till, keys, config=CONFIG)
        assert service.start()
        try:
            wait_for(
                lambda: service.status().audio.last_error_key == "sync.auth",
                30,
                "the wrong key to be refused",
            )
            elevenlabs.faults.set(
                [{"kind": "reset", "route": "POST /v1/speech-to-text", "times": 1}]
            )
            world.secrets.set("elevenlabs-key", DEFAULT_KEY)
            service.sync_now()
            wait_for(
                lambda: transcripts_done(till.ctx.db) == len(rids) and settled(till.ctx.db),
                60,
                "every recording transcribed and everything sent",
            )
            token = world.secrets.get(TOKEN_SECRET)
        finally:
            service.stop()

    text = log_file.read_text(encoding="utf-8")
    # The log did record the day, its failures included (what would leak if anything did).
    assert len(text.splitlines()) > 20
    lines = text.splitlines()
    for lane, failure in (
        ("audio", "sync.auth"),
        ("business", "sync.server"),
        ("business", "sync.connection_lost"),
        ("audio", "sync.connection_lost"),
    ):
        assert any(f"sync {lane}: " in line and failure in line for line in lines), (
            lane,
            failure,
            text[-3000:],
        )
    secrets = {
        "the wrong API key": WRONG_KEY,
        "the API key": DEFAULT_KEY,
        "the device token": token,
        "a new PIN": NEW_PIN,
        "a wrong PIN": WRONG_PIN,
    }
    secrets |= {f"{name}'s PIN": pin for name, _role, pin, _lang in DEMO_STAFF}
    personal = {"a phone number": "701 234 56 78", "the phone's digits": "7012345678"}
    personal |= {f"an employee's name ({name})": name for name, *_ in DEMO_STAFF}
    said = [line for script in RU_SCRIPTS + KK_SCRIPTS for line in script if len(line) > 12]
    personal |= {f"customer/cashier words ({line[:20]}…)": line[:16] for line in said}
    assert token and len(token) >= 16
    leaks = {
        what: value
        for what, value in (secrets | personal).items()
        if value and _in_log(value, text)
    }
    assert not leaks, leaks


def _in_log(value: str, text: str) -> bool:
    """A 4-digit PIN could be part of a time stamp or an id: those count only as whole words."""
    if value.isdigit() and len(value) <= 4:
        import re

        return re.search(rf"(?<![\d:.-]){value}(?![\d:.-])", text) is not None
    return value in text
