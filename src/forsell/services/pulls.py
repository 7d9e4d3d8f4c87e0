"""Backend pulls applied on the till: catalog and prices, staff, store settings, scorecards.

The sync engine (``sync/pull_lane.py``) fetches pages; :meth:`PullApplier.apply` applies one page
in ONE transaction with its cursor and the pull time, so a page is all or nothing and a restart
never re-fetches an applied page. A bad item is skipped and counted (with its reason), never
fatal: each item runs in a SAVEPOINT, so a half-applied item rolls back alone. What changed is
audited (one entry per page: resource, counts, SKUs / ids / keys; no personal data beyond an
employee's name, which the till has already).

Item shapes (resources/api/forsell-backend.openapi.yaml, components ``CatalogItem``,
``StaffItem``, ``SettingItem``, ``ScorecardItem``):

* catalog: {sku, name_ru, name_kk?, name_en?, barcode?, category?: {ru, kk?, en?}, price (tiyn),
  vat_bp, weighted?, active, synonyms?: [str]} — upsert by SKU; ``active: false`` withdraws it
  (then only ``sku`` is needed).
* staff: {id (uuid), name, role, active, language?, pin?: {alg: "scrypt", salt, hash (base64),
  n, r, p}} — never a plain PIN; only our own scrypt parameters are accepted (a weaker hash
  would let a stolen database be brute-forced faster). A new employee needs a PIN. The last
  active admin is never deactivated or demoted from afar: the till must keep a local admin.
* settings: {key, value} — only :data:`REMOTE_SETTINGS`; any other key, and a value the
  registry refuses (the rule the admin screen obeys), is skipped and reported.
* scorecards: {id, version, scorecard} — the newest valid one replaces the store's scorecard
  (as an admin's save would: new conversations use it, existing scores stay until rescored);
  an invalid one is rejected with its problems recorded, the local card stays.
* policy: the one current privacy policy {version, published, texts: {ru, kk, en}, operator?}
  (``GET /v1/policy``, handed over as a page of one item) — stored and in force when newer
  than the policy in force, refused whole with its reason otherwise
  (``services/privacy/policy.py``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forsell.analytics import formats
from forsell.domain.money import MAX_TIYN
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import Category, Employee, Product, SyncState, utcnow
from forsell.store.models import Setting as SettingRow
from forsell.sync.pull_lane import cursor_key, success_key

from . import settings as s
from .access import public
from .auth import _SCRYPT
from .privacy import policy as privacy_policy
from .privacy.destruction import destroyed_employee
from .review.scoring import REVIEW_SCORECARD, REVIEW_SCORECARD_CUSTOM

#: Where the scorecard's origin is kept (sync_state): {source, id, version, at, sha256}.
SCORECARD_SOURCE_KEY = "scorecard.source"
#: Where the last rejected scorecard is kept (sync_state): {id, version, at, problems}.
SCORECARD_REJECTED_KEY = "pull.scorecards.rejected"
MAX_REPORTED = 20  # problems kept per page in the result and the audit entry


def _text(limit: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, str) and len(v) <= limit


def _int_in(low: int, high: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


#: The store settings the backend may set: those the registry marks ``remote`` (its comment says
#: which stay local-only, and why).
REMOTE_SETTINGS: dict[str, s.SettingDef] = {setting.key: setting for setting in s.REMOTE}
ROLES = {r.value for r in Role}
LANGUAGES = s.LANGUAGES


class Skip(Exception):
    """Not an error: the item is skipped with this reason (counted and reported)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PageResult:
    resource: str
    applied: int
    skipped: int
    problems: tuple[str, ...] = ()  # "<item>: <reason>", the first MAX_REPORTED
    changed: tuple[str, ...] = ()  # SKUs, employee ids, setting keys, scorecard ids


@dataclass(frozen=True)
class ScorecardSource:
    """Where the store's active scorecard came from (the admin's editor shows it)."""

    source: str  # "backend"
    id: str
    version: int
    at: datetime  # UTC, when it was applied


def scorecard_source(ctx) -> ScorecardSource | None:
    """The backend's scorecard if it is the one in use (not changed locally since), else None."""
    with ctx.db.read() as session:
        row = session.get(SyncState, SCORECARD_SOURCE_KEY)
    info = row.value if row is not None and isinstance(row.value, dict) else None
    settings = ctx.settings
    if not info or settings.get(REVIEW_SCORECARD) != "custom":
        return None
    text = settings.get(REVIEW_SCORECARD_CUSTOM)
    if hashlib.sha256(text.encode()).hexdigest() != info.get("sha256"):
        return None  # an admin saved their own card (or picked a preset) since
    return ScorecardSource(
        "backend", str(info["id"]), int(info["version"]), datetime.fromisoformat(info["at"])
    )


def _label(item: Any, *keys: str) -> str:
    if isinstance(item, dict):
        for key in keys:
            if isinstance(item.get(key), str | int):
                return f"{key} {str(item[key])[:64]}"
    return "item"


def _need(item: dict, key: str, check: Callable[[Any], bool], what: str) -> Any:
    value = item.get(key)
    if not check(value):
        raise Skip(f"{key}: {what}")
    return value


def _b64(value: Any, key: str) -> bytes:
    if not isinstance(value, str):
        raise Skip(f"pin.{key}: not base64")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise Skip(f"pin.{key}: not base64") from None


@public  # the sync engine applies what the store's backend sends; its token is the authority
class PullApplier:
    """Applies pulled pages; ``apply`` is the engine's ``ApplyPage`` (it runs on the sync
    thread). ``ctx``: the till's context (db, settings, device id)."""

    def __init__(self, ctx, clock: Callable[[], datetime] = utcnow) -> None:
        self.ctx = ctx
        self.clock = clock  # real UTC time, like the outbox's

    def apply(self, resource: str, items: list, cursor: str | None) -> PageResult:
        """Applies one page the backend published (``catalog``, ``staff``, ``settings`` or
        ``scorecards``) in one transaction with its cursor; returns what was applied and what was
        skipped, with reasons (also audited).

        Items that cannot be applied are skipped, never the whole page. An unknown ``resource``
        raises ``ValueError``."""
        handler = {
            "catalog": self._catalog,
            "staff": self._staff,
            "settings": self._setting,
            "scorecards": None,
            "policy": None,
        }.get(resource, False)
        if handler is False:
            raise ValueError(f"unknown resource {resource!r}")
        applied, changed, problems = 0, [], []
        now = self.clock()
        settings_touched = False
        if resource == "policy":
            return self._policy(items, now)
        with self.ctx.db.write() as session:
            if resource == "scorecards":
                applied, changed, problems = self._scorecards(session, items, now)
                settings_touched = applied > 0
            else:
                cache: dict = {}
                for item in items:
                    label = _label(item, "sku", "id", "key")
                    try:
                        with session.begin_nested():  # a skipped item rolls back alone
                            if not isinstance(item, dict):
                                raise Skip("not an object")
                            what = handler(session, item, cache)
                            session.flush()
                    except Skip as skip:
                        problems.append(f"{label}: {skip.reason}")
                        continue
                    applied += 1
                    if what:
                        changed.append(what)
                settings_touched = resource == "settings" and applied > 0
            if cursor:
                session.merge(SyncState(key=cursor_key(resource), value=cursor))
            session.merge(SyncState(key=success_key(resource), value=now.isoformat()))
            if items:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "backend_pull",
                    None,
                    resource=resource,
                    applied=applied,
                    skipped=len(problems),
                    changed=changed[:50],
                    problems=problems[:MAX_REPORTED],
                )
        if settings_touched:
            self.ctx.settings.reload()  # the cached values, after the commit
        return PageResult(
            resource, applied, len(problems), tuple(problems[:MAX_REPORTED]), tuple(changed)
        )

    # --- catalog ----------------------------------------------------------------------------

    def _category(self, session: Session, value: Any, cache: dict) -> str | None:
        if value is None:
            return None
        if not isinstance(value, dict) or not _text(120)(value.get("ru")) or not value["ru"]:
            raise Skip("category: needs a Russian name (ru)")
        names = {k: value.get(k) or "" for k in LANGUAGES}
        if not all(_text(120)(v) for v in names.values()):
            raise Skip("category: names are text of up to 120 characters")
        if "categories" not in cache:
            cache["categories"] = {c.name_ru: c for c in session.scalars(select(Category))}
        cats = cache["categories"]
        cat = cats.get(names["ru"])
        if cat is None:
            cat = Category(
                name_ru=names["ru"], name_kk=names["kk"], name_en=names["en"], position=len(cats)
            )
            session.add(cat)
            session.flush()
            cats[cat.name_ru] = cat
        return cat.id

    def _catalog(self, session: Session, item: dict, cache: dict) -> str:
        sku = _need(item, "sku", lambda v: _text(64)(v) and v.strip(), "required text")
        active = item.get("active", True)
        if not isinstance(active, bool):
            raise Skip("active: true or false")
        product = session.scalar(select(Product).where(Product.sku == sku))
        if not active and set(item) <= {"sku", "active"}:
            if product is not None:  # withdrawn: gone from the till, kept for old receipts
                product.active = False
            return sku
        name_ru = _need(item, "name_ru", lambda v: _text(200)(v) and v.strip(), "required text")
        names = {k: item.get(k) or "" for k in ("name_kk", "name_en")}
        if not all(_text(200)(v) for v in names.values()):
            raise Skip("names: text of up to 200 characters")
        price = _need(
            item, "price", _int_in(1, MAX_TIYN), f"a whole number of tiyn from 1 to {MAX_TIYN}"
        )
        vat_bp = _need(item, "vat_bp", _int_in(0, 10_000), "basis points 0..10000")
        weighted = item.get("weighted", False)
        if not isinstance(weighted, bool):
            raise Skip("weighted: true or false")
        barcode = item.get("barcode") or None
        if barcode is not None and not (
            isinstance(barcode, str)
            and barcode.isascii()
            and barcode.isdigit()
            and len(barcode) <= 32
        ):
            raise Skip("barcode: digits only")
        synonyms = item.get("synonyms")
        if synonyms is not None and not (
            isinstance(synonyms, list)
            and len(synonyms) <= 50
            and all(_text(100)(w) and w.strip() for w in synonyms)
        ):
            raise Skip("synonyms: a list of up to 50 phrases")
        if barcode is not None:
            owner = session.scalar(
                select(Product.sku).where(Product.barcode == barcode, Product.sku != sku)
            )
            if owner is not None:
                raise Skip(f"barcode {barcode} belongs to {owner}")
        category_id = self._category(session, item.get("category"), cache)
        if product is None:
            product = Product(sku=sku)
            session.add(product)
        product.name_ru, product.name_kk, product.name_en = (
            name_ru,
            names["name_kk"],
            names["name_en"],
        )
        product.barcode = barcode
        product.price, product.vat_bp, product.weighted = price, vat_bp, weighted
        product.active = active
        product.category_id = category_id
        product.synonyms = [w.strip() for w in synonyms] if synonyms else None
        return sku

    # --- staff ------------------------------------------------------------------------------

    @staticmethod
    def _pin(value: Any) -> tuple[bytes, bytes]:
        """(hash, salt) of a pulled PIN, only with exactly our scrypt parameters."""
        if not isinstance(value, dict) or value.get("alg") != "scrypt":
            raise Skip("pin: only an scrypt hash is accepted")
        for key in ("n", "r", "p"):
            if value.get(key) != _SCRYPT[key] or isinstance(value.get(key), bool):
                raise Skip(f"pin.{key}: must be {_SCRYPT[key]} (this till's scrypt parameters)")
        salt, digest = _b64(value.get("salt"), "salt"), _b64(value.get("hash"), "hash")
        if not 16 <= len(salt) <= 64:
            raise Skip("pin.salt: 16 to 64 bytes")
        if len(digest) != _SCRYPT["dklen"]:
            raise Skip(f"pin.hash: {_SCRYPT['dklen']} bytes")
        return digest, salt

    def _staff(self, session: Session, item: dict, cache: dict) -> str:
        if "pin" in item and isinstance(item["pin"], str | int):
            raise Skip("pin: a plain PIN is never accepted")
        eid = _need(item, "id", _text(36), "a UUID")
        try:
            eid = str(uuid.UUID(eid))
        except ValueError:
            raise Skip("id: a UUID") from None
        name = _need(item, "name", lambda v: _text(120)(v) and v.strip(), "required text")
        role = _need(item, "role", lambda v: v in ROLES, "cashier, supervisor or admin")
        active = _need(item, "active", lambda v: isinstance(v, bool), "true or false")
        language = item.get("language", "ru")
        if language not in LANGUAGES:
            raise Skip("language: ru, kk or en")
        pin = self._pin(item["pin"]) if item.get("pin") is not None else None
        if destroyed_employee(session, eid):
            # The backend may not have the deletion event yet; its copy must not undo it.
            raise Skip("destroyed at the subject's request: the name stays a pseudonym")
        employee = session.get(Employee, eid)
        if employee is None:
            if pin is None:
                raise Skip("pin: a new employee needs a PIN hash")
            employee = Employee(id=eid, pin_hash=pin[0], pin_salt=pin[1])
            session.add(employee)
        elif pin is not None:
            employee.pin_hash, employee.pin_salt = pin
            employee.failed_logins, employee.locked_until = 0, None
        employee.name, employee.role, employee.active = name.strip(), role, active
        employee.language = language
        session.flush()
        admins = session.scalar(
            select(func.count())
            .select_from(Employee)
            .where(Employee.active, Employee.role == Role.ADMIN.value)
        )
        if not admins:
            raise Skip("the last active admin stays (the till must keep a local admin)")
        return f"{eid} {name.strip()}"

    # --- settings ---------------------------------------------------------------------------

    def _setting(self, session: Session, item: dict, cache: dict) -> str:
        key = item.get("key")
        definition = REMOTE_SETTINGS.get(key) if isinstance(key, str) else None
        if definition is None:
            raise Skip("not a setting the backend may change")
        value = item.get("value")
        if isinstance(value, str):
            value = value.strip()  # as the admin screen saves it
        reason = definition.problem(value)
        if reason is not None:
            raise Skip(f"value: {reason}")
        session.merge(SettingRow(key=definition.key, value=value))
        return definition.key

    # --- the privacy policy ------------------------------------------------------------------

    def _policy(self, items: list, now: datetime) -> PageResult:
        """The backend's current policy: fetched whole every round, so only a change is audited
        (a new version, or a refusal that differs from the last one), never the same answer."""
        applied, changed, problems = 0, [], []
        with self.ctx.db.write() as session:
            for doc in items:
                try:
                    with session.begin_nested():  # a refused policy leaves nothing behind
                        outcome, version = privacy_policy.store_pulled(session, self.ctx, doc, now)
                except privacy_policy.PolicyRefused as refused:
                    problems.append(f"{_label(doc, 'version')}: {refused.reason}")
                    privacy_policy.remember_refusal(session, self.ctx, doc, refused.reason, now)
                    continue
                if outcome == "published":
                    applied += 1
                    changed.append(version)
            session.merge(SyncState(key=success_key("policy"), value=now.isoformat()))
        return PageResult("policy", applied, len(problems), tuple(problems), tuple(changed))

    # --- scorecards -------------------------------------------------------------------------

    def _scorecards(
        self, session: Session, items: list, now: datetime
    ) -> tuple[int, list[str], list[str]]:
        """The newest valid card of the page replaces the store's; older ones are superseded."""
        problems: list[str] = []
        valid: list[tuple[int, str, str]] = []  # (version, id, JSON text)
        for item in items:
            label = _label(item, "id")
            try:
                valid.append(self._scorecard(item))
            except Skip as skip:
                problems.append(f"{label}: {skip.reason}")
                if isinstance(item, dict):
                    session.merge(
                        SyncState(
                            key=SCORECARD_REJECTED_KEY,
                            value={
                                "id": str(item.get("id"))[:64],
                                "version": item.get("version"),
                                "at": now.isoformat(),
                                "problems": skip.reason[:2000],
                            },
                        )
                    )
        if not valid:
            return 0, [], problems
        row = session.get(SyncState, SCORECARD_SOURCE_KEY)
        current = (
            row.value.get("version", 0) if row is not None and isinstance(row.value, dict) else 0
        )
        valid.sort()
        version, card_id, text = valid[-1]
        for older_version, older_id, _ in valid[:-1]:
            problems.append(f"id {older_id}: version {older_version} superseded by {version}")
        if version <= current:
            problems.append(f"id {card_id}: version {version} is not newer than {current}")
            return 0, [], problems
        session.merge(SettingRow(key=REVIEW_SCORECARD_CUSTOM.key, value=text))
        session.merge(SettingRow(key=REVIEW_SCORECARD.key, value="custom"))
        session.merge(
            SyncState(
                key=SCORECARD_SOURCE_KEY,
                value={
                    "source": "backend",
                    "id": card_id,
                    "version": version,
                    "at": now.isoformat(),
                    "sha256": hashlib.sha256(text.encode()).hexdigest(),
                },
            )
        )
        return 1, [f"{card_id} v{version}"], problems

    @staticmethod
    def _scorecard(item: Any) -> tuple[int, str, str]:
        if not isinstance(item, dict):
            raise Skip("not an object")
        card_id = _need(item, "id", lambda v: _text(64)(v) and v.strip(), "required text")
        version = _need(item, "version", _int_in(1, 2**31), "a whole number from 1")
        doc = item.get("scorecard")
        try:
            formats.parse_scorecard(doc, "scorecard")
        except formats.FormatError as e:
            raise Skip("invalid scorecard: " + "; ".join(map(str, e.problems))) from None
        return version, card_id, json.dumps(doc, ensure_ascii=False, indent=2)
