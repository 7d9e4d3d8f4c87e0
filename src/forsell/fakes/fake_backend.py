"""FAKE analytics backend: OUR contract (resources/api/forsell-backend.openapi.yaml).

* ``POST /v1/devices/register`` {device_id, store_bin, name, app_version} → 201 {device_id, token}
  (re-registering a device replaces its token).
* Every POST needs an ``Idempotency-Key`` of 8..128 characters (scoped per device for batches):
  missing or malformed → 400; a body that is not JSON → 400 ``invalid_json``.
* ``POST /v1/events:batch`` with ``Authorization: Bearer <token>``: same key + different body
  → 422; same key still in flight → 409; same key + same body → the first response again
  (header ``idempotent-replayed: true``; not for an answer with a ``later`` result). Caps: 500
  events, 512 KiB per request, 32 KiB per event → 413 ``{"detail": "too_large"}``. Per item:
  ``accepted``, ``duplicate`` (event ids are de-duplicated per device forever), ``rejected``
  with a reason (``unknown_kind``; ``invalid_payload: lines is required`` for a sale without
  lines; …) or ``later`` (an audit entry after a gap, below).
* ``sale`` events: a line's ``options`` (product options, the OpenAPI file's SaleLineOption)
  may be absent; when present each needs ``group_id``, ``option_id``, ``name`` and an integer
  ``price_delta``, else ``invalid_payload: lines[i].options[j].<field> …``.
* ``GET /v1/pull/{catalog|staff|settings|scorecards}?cursor=&limit=`` → {items, cursor, more}.
* ``GET /v1/policy`` → the privacy policy published last {version, published, texts: {ru, kk,
  en}, operator?}; 404 ``{"detail": "no_policy"}`` before any. It starts with the version
  shipped in resources/privacy/policy/; :meth:`FakeBackend.publish_policy` (or
  ``POST /_fake/policy`` with the document, for the fake CLI) publishes another, stored as given:
  checking it is the till's job, as with the real backend's.
* Registration of the store (privacy policy 1.5-1.6), see ``fake_registration.py``:
  ``PUT /v1/registration/documents/{id}``, ``POST /v1/registration``, ``GET /v1/registration``;
  ``POST /_fake/registration`` {status, reason?, device_id?} sets the operator's answer.
* ``subject_deleted`` events (a data subject's destruction, policy 6.3): the transcripts, scores
  and reviews of the listed recordings are deleted, later events about them are rejected
  (``subject_deleted``), and an employee's name in the staff list becomes the pseudonym.
* ``GET /v1/tombstones`` → {items: [{recording_id, destroyed_at}], audio_purged: [{recording_id,
  purged_at}]}: the device's events of kind ``recording_destroyed`` and
  ``recording_audio_purged`` (a restore of an old backup destroys them, or their audio, again).
* Audit entries (events of kind ``audit`` with ``seq``, ``hash``, ``prev_hash``) must continue
  the device's chain the backend holds: the next number after the last one, and ``prev_hash``
  equal to the last one's ``hash`` (unchecked after an unsealed entry, whose seal the till makes
  later). The chain starts at ``seq`` 1 or at a checkpoint, and again at a ``backup_restored``
  entry (the first start after a restore of an older backup); a signed ``purge`` checkpoint whose
  ``last_seq`` reaches the last entry held re-bases it after retention removed old entries. A
  number further on → status ``later``, reason ``audit_gap: expected N`` (send it again after
  the missing ones); a number already held by another entry, or a ``prev_hash`` that does not
  match → ``rejected``, reason ``audit_chain_broken: …``. Entries without ``seq`` (made before
  the chain existed) are stored unchecked.
* ``GET /v1/health``. Errors: 401 ``{"detail": "invalid_token"}``, 403, 422 ``{"detail": [...]}``.

State lives in SQLite: in memory by default, or in the file given as ``db_path`` so that it
survives a restart of the fake (the chaos test). ``/_fake/stats`` counts events per kind and
duplicates seen; :meth:`FakeBackend.check_exactly_once` (``POST /_fake/check``) compares the
stored ids with the ids a test expects. Every response carries ``x-fake: true``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import secrets
import sqlite3
import threading
import uuid
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from forsell.domain.settings import RECEIPT_FOOTER
from forsell.paths import resources_dir

from .common import control_routes, validation_error
from .fake_registration import RegistrationDesk
from .faults import Faults, FaultyApp

#: kind → payload fields that must be present (and, for lists, non-empty).
REQUIRED: dict[str, tuple[str, ...]] = {
    "sale": ("id", "total", "lines"),
    "refund": ("id", "sale_id", "total", "lines"),
    "sale_voided": ("id",),
    "shift_opened": ("id", "opened_at"),
    "shift_closed": ("id", "closed_at"),
    "cash_movement": ("id", "amount"),
    "audit": ("id", "action"),
    "transcript": ("recording_id",),
    "score": ("id",),
    "review": ("id", "recording_id"),
    "subject_deleted": ("id", "subject_kind", "part", "parts"),
}
#: Events about a recording, deleted with it by a ``subject_deleted`` event (and refused as
#: ``subject_deleted`` when one about a deleted recording arrives later).
RECORDING_EVENTS = ("transcript", "score", "review")
# Backups: a destroyed recording's tombstone, kept so that a restore on a new machine destroys
# it again (``GET /v1/tombstones``).
REQUIRED["recording_destroyed"] = ("recording_id", "destroyed_at")
# Retention purged a recording's audio (its transcript stays): a restore deletes it again.
REQUIRED["recording_audio_purged"] = ("recording_id", "purged_at")
RESOURCES = ("catalog", "staff", "settings", "scorecards")


def shipped_policy() -> dict[str, Any] | None:
    """The newest privacy policy in resources/privacy/policy/, as the backend would publish it
    (None if there is none)."""
    folder = resources_dir() / "privacy" / "policy"
    manifests = sorted(
        folder.glob("*/manifest.json"),
        key=lambda m: tuple(int(p) for p in m.parent.name.split(".") if p.isdigit()),
    )
    if not manifests:
        return None
    info = json.loads(manifests[-1].read_text("utf-8"))
    texts = {
        language: (manifests[-1].parent / f"{language}.md").read_text("utf-8")
        for language in info.get("languages", ())
    }
    return {"version": info["version"], "published": info["published"], "texts": texts}


def _cafe_scorecard() -> dict[str, Any] | None:
    """The café preset from resources/, as the backend would publish it (None if absent)."""
    try:
        return json.loads((resources_dir() / "scorecards" / "cafe.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


_CAFE = {"vat_bp": 1600, "weighted": False, "active": True}
_COFFEE = {"ru": "Кофе", "kk": "Кофе", "en": "Coffee"}
_DESSERTS = {"ru": "Десерты", "kk": "Десерттер", "en": "Desserts"}
#: What the demo store's head office publishes (item shapes: the OpenAPI file's CatalogItem,
#: StaffItem, SettingItem, ScorecardItem). Prices in tiyn. The fake stores and serves these
#: as they are; validating them is the till's job, as with the real backend's feed.
DEMO_ITEMS: dict[str, list[dict[str, Any]]] = {
    "catalog": [
        # a price change of a demo product (1 000 ₸ → 1 100 ₸) with the names people use
        {
            **_CAFE,
            "sku": "COF-003",
            "name_ru": "Американо 250 мл",
            "name_kk": "Американо 250 мл",
            "name_en": "Americano 250 ml",
            "category": _COFFEE,
            "price": 110000,
            "synonyms": ["американку", "чёрный кофе"],
        },
        {
            **_CAFE,
            "sku": "COF-007",
            "name_ru": "Латте 300 мл",
            "name_kk": "Латте 300 мл",
            "name_en": "Latte 300 ml",
            "category": _COFFEE,
            "price": 140000,
            "synonyms": ["латтешку", "кофе с молоком"],
        },
        {
            **_CAFE,
            "sku": "DES-001",
            "barcode": "4870104000017",
            "name_ru": "Чизкейк Нью-Йорк",
            "name_kk": "Нью-Йорк чизкейгі",
            "name_en": "New York cheesecake",
            "category": _DESSERTS,
            "price": 180000,
            "synonyms": ["чизкейк", "что-нибудь к кофе"],
        },
        # new this season
        {
            **_CAFE,
            "sku": "DES-101",
            "name_ru": "Баурсаки с мёдом, 5 шт.",
            "name_kk": "Балмен бауырсақ, 5 дана",
            "name_en": "Baursaks with honey, 5 pcs",
            "category": _DESSERTS,
            "price": 90000,
            "synonyms": ["баурсаки", "бауырсақ"],
        },
        # withdrawn: no longer sold
        {"sku": "COF-011", "active": False},
    ],
    "staff": [
        # a new cashier; the demo PIN is 3333 (only its scrypt hash travels, never the PIN)
        {
            "id": "0190a000-0000-7000-8000-0000000d3333",
            "name": "Асель Нурланова",
            "role": "cashier",
            "active": True,
            "language": "kk",
            "pin": {
                "alg": "scrypt",
                "salt": "NHNlbGwtZGVtby1zYWx0IQ==",
                "hash": "fKhUuA9wr5dumc9b+VI6pHuidXjZFvpvC6TSCRjd9Dw=",
                "n": 16384,
                "r": 8,
                "p": 1,
            },
        },
    ],
    "settings": [{"key": RECEIPT_FOOTER.key, "value": "Рақмет! Спасибо за покупку!"}],
    "scorecards": (
        [{"id": "cafe", "version": 3, "scorecard": card}] if (card := _cafe_scorecard()) else []
    ),
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, token TEXT UNIQUE NOT NULL,
    store_bin TEXT, name TEXT, app_version TEXT);
CREATE TABLE IF NOT EXISTS events (device_id TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
    entity_id TEXT, created_at TEXT, payload TEXT NOT NULL, duplicates INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (device_id, id));
CREATE TABLE IF NOT EXISTS idempotency (scope TEXT NOT NULL, key TEXT NOT NULL,
    fingerprint TEXT NOT NULL, state TEXT NOT NULL, status INTEGER, body TEXT,
    PRIMARY KEY (scope, key));
CREATE TABLE IF NOT EXISTS pull_items (seq INTEGER PRIMARY KEY AUTOINCREMENT,
    resource TEXT NOT NULL, item TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS policies (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deleted_recordings (device_id TEXT NOT NULL, recording_id TEXT NOT NULL,
    request_id TEXT NOT NULL, PRIMARY KEY (device_id, recording_id));
CREATE TABLE IF NOT EXISTS audit_tails (device_id TEXT PRIMARY KEY, seq INTEGER NOT NULL,
    hash TEXT);
"""


def _detail(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


class FakeBackend:
    """The fake backend; ``.app`` is the ASGI app, ``.faults`` its fault rules."""

    def __init__(
        self,
        db_path: str | Path | None = None,
        *,
        tokens: dict[str, str] | None = None,
        registration_key: str | None = None,
        processing_s: float = 0.0,
        seed: int = 0,
        max_events: int = 500,
        max_batch_bytes: int = 512 * 1024,
        max_event_bytes: int = 32 * 1024,
        page_size: int = 500,
        demo_items: bool = True,
        registration_answer: str = "pending",
        max_document_bytes: int = 10 * 1024 * 1024,
    ) -> None:
        self.registration_key = registration_key  # None: anyone on loopback may register
        self.processing_s = processing_s
        self.max_events = max_events
        self.max_batch_bytes = max_batch_bytes
        self.max_event_bytes = max_event_bytes
        self.page_size = page_size
        self.faults = Faults(seed=seed)
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._gate = threading.Event()
        self._gate.set()
        self._db = sqlite3.connect(
            str(db_path) if db_path else ":memory:", check_same_thread=False, isolation_level=None
        )
        with self._lock:
            if db_path:
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
            # A request in flight when the fake stopped never answered: its key is free again.
            self._db.execute("DELETE FROM idempotency WHERE state = 'in_flight'")
            for token, device in (tokens or {}).items():
                self._db.execute(
                    "INSERT OR REPLACE INTO devices (device_id, token) VALUES (?, ?)",
                    (device, token),
                )
            empty = self._db.execute("SELECT COUNT(*) FROM pull_items").fetchone()[0] == 0
        if demo_items and empty:
            for resource, items in DEMO_ITEMS.items():
                self.put_items(resource, items)
        with self._lock:
            no_policy = self._db.execute("SELECT COUNT(*) FROM policies").fetchone()[0] == 0
        if demo_items and no_policy and (policy := shipped_policy()) is not None:
            self.publish_policy(policy)
        self._counts: Counter[str] = Counter()
        self._rejections: list[dict[str, str]] = []
        # The store's registration: its own block of the contract, sharing the devices' tokens.
        self.registration = RegistrationDesk(
            self._db,
            self._lock,
            self._device,
            self._unauthorised,
            self._claim_key,
            self._finish_key,
            answer=registration_answer,
            max_document_bytes=max_document_bytes,
        )
        self._in_flight = 0
        routes = [
            Route("/v1/health", self._health, methods=["GET"]),
            Route("/v1/devices/register", self._register, methods=["POST"]),
            Route("/v1/events:batch", self._batch, methods=["POST"]),
            Route("/v1/pull/{resource}", self._pull, methods=["GET"]),
            Route("/v1/policy", self._policy, methods=["GET"]),
            Route("/v1/tombstones", self._tombstones, methods=["GET"]),
            Route("/_fake/check", self._check, methods=["POST"]),
            Route("/_fake/policy", self._publish_policy, methods=["POST"]),
            *self.registration.routes(),
            *control_routes(self.stats, self.faults, self.reset),
        ]
        self.app = FaultyApp(
            Starlette(routes=routes),
            self.faults,
            error_body=lambda status: {"detail": "server_error"},
            rate_limit_body=lambda: {"detail": "rate_limited"},
        )

    # --- test helpers -----------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def reset(self) -> None:
        """Forgets events, keys and counters (devices and pull items stay)."""
        with self._lock:
            self._db.execute("DELETE FROM events")
            self._db.execute("DELETE FROM idempotency")
            self._db.execute("DELETE FROM deleted_recordings")
            self._counts.clear()
            self._rejections.clear()
        self.faults.clear()

    def register_device(self, device_id: str) -> str:
        """Registers a device directly and returns its token."""
        token = "fbt_" + secrets.token_urlsafe(24)
        with self._lock:
            self._db.execute(
                "INSERT INTO devices (device_id, token) VALUES (?, ?) ON CONFLICT "
                "(device_id) DO UPDATE SET token = excluded.token",
                (device_id, token),
            )
        return token

    def put_items(self, resource: str, items: list[dict[str, Any]]) -> None:
        """Publishes changed items of a pull resource (each gets the next cursor position)."""
        if resource not in RESOURCES:
            raise ValueError(f"unknown resource {resource!r}")
        with self._lock:
            self._db.executemany(
                "INSERT INTO pull_items (resource, item) VALUES (?, ?)",
                [(resource, json.dumps(i, ensure_ascii=False)) for i in items],
            )

    def publish_policy(self, doc: dict[str, Any]) -> None:
        """Publishes ``doc`` as the privacy policy in force (the next ``GET /v1/policy``
        answers it), stored as given, malformed or not."""
        with self._lock:
            self._db.execute(
                "INSERT INTO policies (doc) VALUES (?)", (json.dumps(doc, ensure_ascii=False),)
            )

    def withdraw_policies(self) -> None:
        """No policy published any more (``GET /v1/policy`` answers 404 ``no_policy``)."""
        with self._lock:
            self._db.execute("DELETE FROM policies")

    def events(self, kind: str | None = None, device_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT device_id, id, kind, entity_id, created_at, payload, duplicates FROM events"
        where, args = [], []
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if device_id:
            where.append("device_id = ?")
            args.append(device_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY rowid", args).fetchall()
        return [
            {
                "device_id": d,
                "id": i,
                "kind": k,
                "entity_id": e,
                "created_at": c,
                "payload": json.loads(p),
                "duplicates": n,
            }
            for d, i, k, e, c, p, n in rows
        ]

    def check_exactly_once(
        self, expected_ids: list[str] | set[str], device_id: str | None = None
    ) -> dict[str, Any]:
        """Stored ids vs expected ids. (Storage is keyed by id, so none is stored twice.)"""
        stored = {e["id"] for e in self.events(device_id=device_id)}
        expected = set(expected_ids)
        missing, unexpected = sorted(expected - stored), sorted(stored - expected)
        return {
            "ok": not missing and not unexpected,
            "expected": len(expected),
            "stored": len(stored),
            "missing": missing,
            "unexpected": unexpected,
        }

    def pause_commits(self) -> None:
        """Batches wait (in flight) before committing until :meth:`resume_commits`."""
        self._gate.clear()

    def resume_commits(self) -> None:
        self._gate.set()

    def wait_in_flight(self, count: int, timeout: float = 5.0) -> bool:
        """Blocks the caller until ``count`` batches are in flight (for 409 tests)."""
        with self._changed:
            return self._changed.wait_for(lambda: self._in_flight >= count, timeout)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            by_kind = dict(self._db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind"))
            dupes = self._db.execute("SELECT COALESCE(SUM(duplicates), 0) FROM events").fetchone()
            devices = self._db.execute("SELECT COUNT(*) FROM devices").fetchone()[0]
            return {
                "fake": "backend",
                "devices": devices,
                "events_total": sum(by_kind.values()),
                "events_by_kind": by_kind,
                "duplicates_seen": dupes[0],
                "rejected": self._counts["rejected"],
                "rejections": list(self._rejections[-100:]),
                "batches": self._counts["batches"],
                "replays": self._counts["replays"],
                "conflicts": self._counts["conflicts"],
                "key_reuse": self._counts["key_reuse"],
                "unauthorized": self._counts["unauthorized"],
                "in_flight": self._in_flight,
                "faults": self.faults.snapshot(),
            }

    # --- auth and idempotency ---------------------------------------------------------------

    def _device(self, request: Request) -> str | None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT device_id FROM devices WHERE token = ?", (token,)
            ).fetchone()
        return row[0] if row else None

    def _unauthorised(self) -> JSONResponse:
        with self._lock:
            self._counts["unauthorized"] += 1
        return _detail(401, "invalid_token")

    def _claim_key(self, scope: str, key: str, fingerprint: str) -> Response | None:
        """None if this request may run; else the 409/422/replayed answer."""
        with self._lock:
            row = self._db.execute(
                "SELECT fingerprint, state, status, body FROM idempotency "
                "WHERE scope = ? AND key = ?",
                (scope, key),
            ).fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO idempotency (scope, key, fingerprint, state) "
                    "VALUES (?, ?, ?, 'in_flight')",
                    (scope, key, fingerprint),
                )
                return None
            if row[0] != fingerprint:
                self._counts["key_reuse"] += 1
                return validation_error(
                    (
                        ["header", "Idempotency-Key"],
                        "This key was used with a different body",
                        "idempotency_key_reused",
                    )
                )
            if row[1] == "in_flight":
                self._counts["conflicts"] += 1
                return _detail(409, "in_flight", {"retry-after": "1"})
            self._counts["replays"] += 1
            return Response(
                row[3],
                status_code=row[2],
                media_type="application/json",
                headers={"idempotent-replayed": "true"},
            )

    def _finish_key(self, scope: str, key: str, response: JSONResponse | None) -> None:
        with self._lock:
            if response is None:  # failed unexpectedly: the key may be used again
                self._db.execute(
                    "DELETE FROM idempotency WHERE scope = ? AND key = ?", (scope, key)
                )
            else:
                self._db.execute(
                    "UPDATE idempotency SET state = 'done', status = ?, body = ? "
                    "WHERE scope = ? AND key = ?",
                    (response.status_code, bytes(response.body).decode(), scope, key),
                )

    # --- routes -----------------------------------------------------------------------------

    async def _health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "api_version": 1, "fake": True})

    async def _register(self, request: Request) -> Response:
        raw = await request.body()
        if (
            self.registration_key is not None
            and request.headers.get("authorization") != f"Bearer {self.registration_key}"
        ):
            return self._unauthorised()
        try:
            body = json.loads(raw)
        except ValueError:
            return _detail(400, "invalid_json")
        problems = [
            (["body", f], "Field required", "missing")
            for f in ("device_id", "store_bin", "name", "app_version")
            if not isinstance(body, dict) or not isinstance(body.get(f), str)
        ]
        bin_ = body.get("store_bin") if isinstance(body, dict) else None
        if not problems and bin_ and not (len(bin_) == 12 and bin_.isdigit()):
            problems.append((["body", "store_bin"], "A BIN has 12 digits (or none)", "value_error"))
        if problems:
            return validation_error(*problems)
        key = request.headers.get("idempotency-key", "")
        if (bad_key := _key_problem(key)) is not None:
            return bad_key
        scope = "register"
        if (answer := self._claim_key(scope, key, _fingerprint(body))) is not None:
            return answer
        token = "fbt_" + secrets.token_urlsafe(24)
        with self._lock:
            self._db.execute(
                "INSERT INTO devices (device_id, token, store_bin, name, app_version) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET "
                "token = excluded.token, store_bin = excluded.store_bin, name = excluded.name, "
                "app_version = excluded.app_version",
                (body["device_id"], token, body["store_bin"], body["name"], body["app_version"]),
            )
        response = JSONResponse({"device_id": body["device_id"], "token": token}, status_code=201)
        self._finish_key(scope, key, response)
        return response

    async def _batch(self, request: Request) -> Response:
        raw = await request.body()
        device = self._device(request)
        if device is None:
            return self._unauthorised()
        key = request.headers.get("idempotency-key", "")
        if (bad_key := _key_problem(key)) is not None:
            return bad_key
        if len(raw) > self.max_batch_bytes:
            return _detail(413, "too_large")
        try:
            body = json.loads(raw)
        except ValueError:
            return _detail(400, "invalid_json")
        scope = f"batch:{device}"
        if (answer := self._claim_key(scope, key, _fingerprint(body))) is not None:
            return answer
        response: JSONResponse | None = None
        with self._changed:
            self._in_flight += 1
            self._changed.notify_all()
        try:
            # Paused by a test: stay in flight. A threading.Event, set from the test's thread.
            while not self._gate.is_set():  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            if self.processing_s > 0:
                await asyncio.sleep(self.processing_s)
            response = self._commit_batch(device, body)
            return response
        finally:
            # A batch with a ``later`` result is not remembered under its key: the same batch
            # sent again once the missing entries arrived is a new try, not a replay.
            later = response is not None and b'"status":"later"' in bytes(response.body)
            self._finish_key(scope, key, None if later else response)
            with self._changed:
                self._in_flight -= 1
                self._changed.notify_all()

    def _commit_batch(self, device: str, body: Any) -> JSONResponse:
        problems = _envelope_problems(body)
        if problems:
            return validation_error(*problems)
        events = body["events"]
        if body["device_id"] != device:
            return _detail(403, "device_mismatch")
        if len(events) > self.max_events or any(
            len(json.dumps(e, ensure_ascii=False).encode()) > self.max_event_bytes for e in events
        ):
            return _detail(413, "too_large")
        results = []
        with self._lock:
            self._counts["batches"] += 1
            self._db.execute("BEGIN")
            try:
                for event in events:
                    results.append(self._commit_event(device, event))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return JSONResponse({"results": results})

    def _commit_event(self, device: str, event: dict[str, Any]) -> dict[str, str]:
        eid = event["id"]
        updated = self._db.execute(
            "UPDATE events SET duplicates = duplicates + 1 WHERE device_id = ? AND id = ?",
            (device, eid),
        ).rowcount
        if updated:
            return {"id": eid, "status": "duplicate"}
        reason = _event_problem(event) or self._deleted_problem(device, event)
        if reason is not None:
            self._counts["rejected"] += 1
            self._rejections.append({"id": eid, "reason": reason})
            return {"id": eid, "status": "rejected", "reason": reason}
        if event["kind"] == "audit":
            status, reason = self._audit_continuity(device, event["payload"])
            if reason is not None:
                self._counts[f"audit_{status}"] += 1
                self._rejections.append({"id": eid, "reason": reason})
                return {"id": eid, "status": status, "reason": reason}
        self._db.execute(
            "INSERT INTO events (device_id, id, kind, entity_id, created_at, payload)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                device,
                eid,
                event["kind"],
                event["entity_id"],
                event["created_at"],
                json.dumps(event["payload"], ensure_ascii=False),
            ),
        )
        if event["kind"] == "subject_deleted":
            self._delete_subject(device, event["payload"])
        return {"id": eid, "status": "accepted"}

    # --- the audit trail's continuity ------------------------------------------------------

    def _audit_continuity(self, device: str, payload: dict[str, Any]) -> tuple[str, str | None]:
        """("accepted", None) and the tail moved on when the entry continues the chain held for
        ``device``; else ("later", "audit_gap: …") or ("rejected", "audit_chain_broken: …")."""
        seq = payload.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool):
            return "accepted", None  # written before the chain existed: nothing to check
        tail = self._db.execute(
            "SELECT seq, hash FROM audit_tails WHERE device_id = ?", (device,)
        ).fetchone()
        raw_details = payload.get("details")
        details: dict[str, Any] = raw_details if isinstance(raw_details, dict) else {}
        if payload.get("action") == "backup_restored":
            tail = None  # a restored till's trail: a branch starts here, openly
        checkpoint = payload.get("action") in ("audit.checkpoint", "backup_restored")
        purge = checkpoint and details.get("reason") == "purge"
        if tail is None:
            if seq != 1 and not checkpoint:
                return "later", "audit_gap: expected 1 or a checkpoint, got " + str(seq)
        else:
            last_seq, last_hash = tail
            rebased = (
                purge
                and isinstance(details.get("last_seq"), int)
                and (details["last_seq"] >= last_seq)
            )
            if seq <= last_seq:
                return "rejected", (
                    f"audit_chain_broken: entry {seq} is held already with another id "
                    f"(the chain here ends at {last_seq})"
                )
            if seq > last_seq + 1 and not rebased:
                return "later", f"audit_gap: expected {last_seq + 1}, got {seq}"
            prev = payload.get("prev_hash")
            if not rebased and last_hash and prev is not None and prev != last_hash:
                return "rejected", (
                    f"audit_chain_broken: entry {seq} does not continue entry {last_seq}"
                )
        self._db.execute(
            "INSERT INTO audit_tails VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE "
            "SET seq = excluded.seq, hash = excluded.hash",
            (device, seq, payload.get("hash")),
        )
        return "accepted", None

    def audit_tail(self, device_id: str) -> tuple[int, str | None] | None:
        """The last audit entry's number and seal the backend holds for a device (for tests)."""
        with self._lock:
            row = self._db.execute(
                "SELECT seq, hash FROM audit_tails WHERE device_id = ?", (device_id,)
            ).fetchone()
        return (int(row[0]), row[1]) if row else None

    # --- a data subject's destruction (policy 6.3) ------------------------------------------

    def _recording_of(self, kind: str, entity_id: str, payload: dict[str, Any]) -> str:
        return str(payload.get("recording_id") or (entity_id if kind != "review" else ""))

    def _deleted_problem(self, device: str, event: dict[str, Any]) -> str | None:
        """An event about a recording already destroyed (sent before the till knew) is not
        stored again."""
        if event.get("kind") not in RECORDING_EVENTS or not isinstance(event.get("payload"), dict):
            return None
        rid = self._recording_of(event["kind"], event["entity_id"], event["payload"])
        gone = self._db.execute(
            "SELECT 1 FROM deleted_recordings WHERE device_id = ? AND recording_id = ?",
            (device, rid),
        ).fetchone()
        return "subject_deleted: the recording was destroyed" if gone else None

    def _delete_subject(self, device: str, payload: dict[str, Any]) -> None:
        """Deletes what the backend holds about the subject's recordings (transcripts, scores,
        reviews) and renames the employee in the staff list to the pseudonym; sales stay."""
        ids = {str(r) for r in payload.get("recording_ids") or ()}
        rows = self._db.execute(
            "SELECT id, kind, entity_id, payload FROM events WHERE device_id = ? AND kind IN "
            f"({', '.join('?' * len(RECORDING_EVENTS))})",
            (device, *RECORDING_EVENTS),
        ).fetchall()
        doomed = [
            eid
            for eid, kind, entity, body in rows
            if self._recording_of(kind, entity, json.loads(body)) in ids
        ]
        for eid in doomed:
            self._db.execute("DELETE FROM events WHERE device_id = ? AND id = ?", (device, eid))
        for rid in ids:
            self._db.execute(
                "INSERT OR IGNORE INTO deleted_recordings VALUES (?, ?, ?)",
                (device, rid, str(payload["id"])),
            )
        self._counts["subject_events_deleted"] += len(doomed)
        employee, alias = payload.get("employee_id"), payload.get("pseudonym")
        if employee and alias:
            for seq, item in self._db.execute(
                "SELECT seq, item FROM pull_items WHERE resource = 'staff'"
            ).fetchall():
                staff = json.loads(item)
                if staff.get("id") == employee:
                    staff["name"] = alias
                    self._db.execute(
                        "UPDATE pull_items SET item = ? WHERE seq = ?",
                        (json.dumps(staff, ensure_ascii=False), seq),
                    )

    def deleted_recordings(self, device_id: str | None = None) -> set[str]:
        """Recordings a ``subject_deleted`` event destroyed (for tests)."""
        with self._lock:
            sql = "SELECT recording_id FROM deleted_recordings"
            args: tuple[str, ...] = ()
            if device_id:
                sql += " WHERE device_id = ?"
                args = (device_id,)
            return {r[0] for r in self._db.execute(sql, args)}

    async def _pull(self, request: Request) -> Response:
        if self._device(request) is None:
            return self._unauthorised()
        resource = request.path_params["resource"]
        if resource not in RESOURCES:
            return _detail(404, "unknown_resource")
        try:
            after = _decode_cursor(request.query_params.get("cursor"), resource)
        except ValueError:
            return validation_error(
                (["query", "cursor"], "Not a cursor of this resource", "value_error")
            )
        try:
            limit = int(request.query_params.get("limit", self.page_size))
            if not 1 <= limit <= 1000:
                raise ValueError
        except ValueError:
            return validation_error((["query", "limit"], "Input should be 1..1000", "int_parsing"))
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, item FROM pull_items WHERE resource = ? AND "
                "seq > ? ORDER BY seq LIMIT ?",
                (resource, after, limit + 1),
            ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1][0] if rows else after
        return JSONResponse(
            {
                "items": [json.loads(item) for _, item in rows],
                "cursor": _encode_cursor(resource, last),
                "more": more,
            }
        )

    async def _policy(self, request: Request) -> Response:
        if self._device(request) is None:
            return self._unauthorised()
        with self._lock:
            row = self._db.execute("SELECT doc FROM policies ORDER BY seq DESC LIMIT 1").fetchone()
        if row is None:
            return _detail(404, "no_policy")
        return JSONResponse(json.loads(row[0]))

    # --- backups: the tombstones of destroyed recordings -------------------------------------

    async def _tombstones(self, request: Request) -> Response:
        device = self._device(request)
        if device is None:
            return self._unauthorised()
        with self._lock:
            rows = self._db.execute(
                "SELECT payload FROM events WHERE device_id = ? AND kind = 'recording_destroyed'"
                " ORDER BY created_at",
                (device,),
            ).fetchall()
            purged = self._db.execute(
                "SELECT payload FROM events WHERE device_id = ? "
                "AND kind = 'recording_audio_purged' ORDER BY created_at",
                (device,),
            ).fetchall()
        items = []
        for (payload,) in rows:
            body = json.loads(payload)
            items.append(
                {"recording_id": body["recording_id"], "destroyed_at": body["destroyed_at"]}
            )
        audio = [
            {"recording_id": body["recording_id"], "purged_at": body["purged_at"]}
            for body in (json.loads(p) for (p,) in purged)
        ]
        return JSONResponse({"items": items, "audio_purged": audio})

    async def _publish_policy(self, request: Request) -> Response:
        try:
            doc = json.loads(await request.body() or b"null")
        except ValueError:
            return _detail(400, "invalid_json")
        if not isinstance(doc, dict):
            return _detail(400, "expected an object")
        self.publish_policy(doc)
        return JSONResponse({"published": doc.get("version")})

    async def _check(self, request: Request) -> Response:
        body = json.loads(await request.body() or b"{}")
        return JSONResponse(self.check_exactly_once(body.get("ids", []), body.get("device_id")))


def _fingerprint(body: Any) -> str:
    # Canonical JSON: a client that re-serialises the same batch differently is still "the same".
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _key_problem(key: str) -> JSONResponse | None:
    """The contract: Idempotency-Key on every POST, 8..128 characters."""
    if not key.strip():
        return _detail(400, "idempotency_key_missing")
    if not 8 <= len(key) <= 128:
        return _detail(400, "idempotency_key_invalid")
    return None


def _envelope_problems(body: Any) -> list[tuple[list[Any], str, str]]:
    """Problems that make the whole request unusable (422); item problems are rejections."""
    if not isinstance(body, dict):
        return [(["body"], "Input should be an object", "dict_type")]
    problems: list[tuple[list[Any], str, str]] = []
    if not isinstance(body.get("device_id"), str):
        problems.append((["body", "device_id"], "Field required", "missing"))
    events = body.get("events")
    if not isinstance(events, list):
        return [*problems, (["body", "events"], "Input should be a valid list", "list_type")]
    if not events:
        problems.append((["body", "events"], "List should have at least 1 item", "too_short"))
    for i, event in enumerate(events):
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            problems.append((["body", "events", i, "id"], "Field required", "missing"))
    return problems


def _event_problem(event: dict[str, Any]) -> str | None:
    """Why an event is rejected (a code, then details), or None."""
    try:
        uuid.UUID(event["id"])
    except ValueError:
        return "invalid_event: id is not a UUID"
    for field in ("kind", "entity_id", "created_at"):
        if not isinstance(event.get(field), str) or not event[field]:
            return f"invalid_event: {field} is required"
    try:
        datetime.fromisoformat(event["created_at"])
    except ValueError:
        return "invalid_event: created_at is not an ISO 8601 time"
    required = REQUIRED.get(event["kind"])
    if required is None:
        return "unknown_kind"
    payload = event.get("payload")
    if not isinstance(payload, dict):
        return "invalid_payload: payload must be an object"
    for field in required:
        value = payload.get(field)
        if value is None or (isinstance(value, list | str) and not value):
            return f"invalid_payload: {field} is required"
    if event["kind"] == "sale":
        return _sale_options_problem(payload)
    return None


# --- product options on sale lines (the OpenAPI file's SaleLineOption) -------------------------


def _sale_options_problem(payload: dict[str, Any]) -> str | None:
    """Why a sale's line options break the contract, or None. ``options`` may be missing (a
    till older than product options); when present it is a list of SaleLineOption."""
    lines = payload["lines"]
    if not isinstance(lines, list):
        return "invalid_payload: lines must be a list"
    for i, line in enumerate(lines):
        options = line.get("options", []) if isinstance(line, dict) else None
        if not isinstance(options, list):
            return f"invalid_payload: lines[{i}].options must be a list"
        for j, option in enumerate(options):
            where = f"lines[{i}].options[{j}]"
            if not isinstance(option, dict):
                return f"invalid_payload: {where} must be an object"
            for field in ("group_id", "option_id", "name"):
                if not isinstance(option.get(field), str) or not option[field]:
                    return f"invalid_payload: {where}.{field} is required"
            delta = option.get("price_delta")
            if not isinstance(delta, int) or isinstance(delta, bool):
                return f"invalid_payload: {where}.price_delta must be an integer (tiyn)"
            if option.get("sku") is not None and not isinstance(option["sku"], str):
                return f"invalid_payload: {where}.sku must be a string or null"
    return None


def _encode_cursor(resource: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{resource}:{seq}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None, resource: str) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, _, seq = text.partition(":")
        if name != resource:
            raise ValueError
        return int(seq)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError("bad cursor") from exc
