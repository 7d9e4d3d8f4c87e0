"""The benchmark's till: a data folder with a big catalog and years of sales, built once and cached.

The folder starts as a normal first run (``open_till(seed_demo=True)``: migrations, demo staff and
catalog), then gets bulk rows through SQLAlchemy Core in big transactions. Going through the
services would take hours; the rows are shaped exactly as the services write them (search
indexes kept by the schema's triggers, gapless receipt numbers per device, Z numbers,
time-ordered ids, UTC timestamps).
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import time
import uuid
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import event, select
from words import BRANDS, CATEGORIES, VARIANTS, en_size, kk_size

from forsell.domain.barcode import ean13_check_digit
from forsell.domain.roles import Role
from forsell.domain.shift import DENOMINATIONS
from forsell.services.app import DB_NAME, open_till
from forsell.store.db import head_revision
from forsell.store.models import (
    Category,
    Employee,
    OutboxJob,
    Product,
    Sale,
    SaleLine,
    Shift,
)

#: Bump when the shape of the generated data changes, so old caches are not reused.
GENERATOR_VERSION = "2"
OPEN_SHIFT_SALES = 300
SALES_PER_SHIFT = 500
OPENING_FLOAT = 2_000_000  # 20 000 ₸
BATCH_LINES = 100_000  # sale lines per transaction


@dataclass(frozen=True)
class Dataset:
    data_dir: Path
    manifest: dict
    generated_now: bool


def cache_key(products: int, lines: int, seed: int) -> str:
    return f"p{products}-l{lines}-s{seed}-g{GENERATOR_VERSION}-db{head_revision()}"


def ensure_dataset(
    cache_dir: Path, products: int, lines: int, seed: int = 20261126, log=print
) -> Dataset:
    """The cached dataset for these sizes, generating it first if needed."""
    root = cache_dir / cache_key(products, lines, seed)
    manifest_path = root / "manifest.json"
    if manifest_path.exists():
        return Dataset(root / "data", json.loads(manifest_path.read_text()), False)
    if root.exists():  # an interrupted run: start over
        shutil.rmtree(root)
    root.mkdir(parents=True)
    log(f"generating {products} products / {lines} sale lines in {root} ...")
    manifest = generate(root / "data", products, lines, seed)
    manifest_path.write_text(json.dumps(manifest, indent=1))  # written last: marks it complete
    log(f"generated in {manifest['generation_s']} s")
    return Dataset(root / "data", manifest, True)


def copy_data_dir(src: Path, dst: Path) -> Path:
    """A working copy, so benches that write (sales, closing the shift) leave the cache intact."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("backups"))
    return dst


def till_sizes(data_dir: Path) -> dict:
    """What the till's database holds now (the benches add sales and close shifts): the
    ``dataset`` of every till metric line."""
    path = data_dir / DB_NAME
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        count = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("products", "sale_lines", "sales", "shifts")
        }
    finally:
        db.close()
    return {**count, "db_mb": round(path.stat().st_size / 1e6, 1)}


# --- generation -------------------------------------------------------------------------------


def _uuid7_at(rng: random.Random, when: datetime) -> str:
    """A UUIDv7 carrying ``when``, as ids created at that moment on the till would."""
    ms = int(when.timestamp() * 1000)
    value = ms << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _speed_pragmas(engine) -> None:
    # Only for the bulk load: the WAL is checkpointed and synced before anyone reads the folder.
    @event.listens_for(engine, "connect")
    def _fast(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-262144")
        cursor.close()


def generate(data_dir: Path, n_products: int, n_lines: int, seed: int) -> dict:
    started = time.perf_counter()
    rng = random.Random(seed)
    till = open_till(data_dir, seed_demo=True)
    device_id = till.ctx.device_id
    tz = till.ctx.timezone
    engine = till.ctx.db.engine
    engine.dispose()
    _speed_pragmas(engine)
    with engine.connect() as conn:
        staff = conn.execute(select(Employee.id, Employee.role)).all()
    cashiers = [e.id for e in staff if e.role == Role.CASHIER.value]
    supervisors = [e.id for e in staff if e.role == Role.SUPERVISOR.value]

    t0 = time.perf_counter()
    catalog = _insert_catalog(engine, rng, n_products)
    t_catalog = time.perf_counter() - t0
    t0 = time.perf_counter()
    counts = _insert_sales(engine, rng, catalog, n_lines, device_id, tz, cashiers, supervisors)
    t_sales = time.perf_counter() - t0
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    till.close()
    size = (data_dir / DB_NAME).stat().st_size
    return {
        "products": n_products,
        "catalog_products_total": n_products + catalog.demo_count,
        **counts,
        "seed": seed,
        "generator": GENERATOR_VERSION,
        "schema": head_revision(),
        "generation_s": round(time.perf_counter() - started, 1),
        "catalog_s": round(t_catalog, 1),
        "sales_s": round(t_sales, 1),
        "db_mb": round(size / 1e6, 1),
        "generated_at": datetime.now(UTC).isoformat(),
    }


@dataclass
class _Catalog:
    rows: list[dict]  # the generated products (sale lines copy their fields)
    cum_weights: list[float]  # popularity: a few products sell far more often than most
    demo_count: int


def _ean13(body12: str) -> str:
    return body12 + str(ean13_check_digit(body12))


def _insert_catalog(engine, rng: random.Random, n: int) -> _Catalog:
    now = datetime.now(UTC)
    with engine.begin() as conn:
        demo_count = len(conn.execute(select(Product.id)).all())
        position = len(conn.execute(select(Category.id)).all())
        cat_rows = []
        for (ru, kk, en), _kinds in CATEGORIES:
            cat_rows.append(
                {
                    "id": _uuid7_at(rng, now),
                    "name_ru": ru,
                    "name_kk": kk,
                    "name_en": en,
                    "position": position,
                }
            )
            position += 1
        conn.execute(Category.__table__.insert(), cat_rows)
        kinds = [
            (cat["id"], BRANDS[names[2]], kind)
            for cat, (names, ks) in zip(cat_rows, CATEGORIES, strict=True)
            for kind in ks
        ]
        # GS1 prefixes of Kazakhstan, Russia, Germany, Turkey, China; "2…" stays for in-store codes
        prefixes = ["487", "460", "461", "400", "869", "690"]
        serials = rng.sample(range(10**9), n)
        rows = []
        for i in range(n):
            cat_id, brands, (k_ru, k_kk, k_en, sizes, base, loose) = rng.choice(kinds)
            brand = rng.choice(brands)
            v_ru, v_kk, v_en = rng.choice(VARIANTS)
            size = rng.choice(sizes)
            weighted = loose and size == "кг"
            tail_ru, tail_kk, tail_en = (
                ("", "", "") if weighted else (" " + size, " " + kk_size(size), " " + en_size(size))
            )
            name_ru = f"{k_ru} {brand} {v_ru}{tail_ru}"
            name_kk = f"{k_kk} {brand} {v_kk}{tail_kk}"
            name_en = f"{k_en} {brand} {v_en}{tail_en}"
            sku = f"B{i + 1:07d}"
            price = max(50, round(base * rng.uniform(0.6, 1.8) / 10) * 10) * 100
            rows.append(
                {
                    "id": _uuid7_at(rng, now - timedelta(days=800) + timedelta(seconds=i)),
                    "sku": sku,
                    "barcode": None
                    if weighted
                    else _ean13(rng.choice(prefixes) + f"{serials[i]:09d}"),
                    "name_ru": name_ru,
                    "name_kk": name_kk,
                    "name_en": name_en,
                    "category_id": cat_id,
                    "price": price,
                    "vat_bp": 0 if rng.random() < 0.05 else 1600,
                    "weighted": weighted,
                    "favourite": rng.random() < 0.0003,
                    "active": True,
                    "updated_at": now,
                }
            )
        for start in range(0, n, 20_000):  # the FTS5 triggers index each row as it goes in
            conn.execute(Product.__table__.insert(), rows[start : start + 20_000])
    weights = [1.0 / (rank + 10) ** 0.9 for rank in range(n)]
    rng.shuffle(weights)
    return _Catalog(rows, list(accumulate(weights)), demo_count)


def _sale_count(n_lines: int) -> int:
    return max(1, n_lines // 4)


def _insert_sales(
    engine,
    rng: random.Random,
    catalog: _Catalog,
    n_lines: int,
    device_id: str,
    tz: ZoneInfo,
    cashiers: list[str],
    supervisors: list[str],
) -> dict:
    total_sales = _sale_count(n_lines)
    open_sales = min(OPEN_SHIFT_SALES, max(1, total_sales // 10))
    closed_shifts = max(1, (total_sales - open_sales) // SALES_PER_SHIFT)
    per_shift_lines = (n_lines - open_sales * 4) / closed_shifts
    now = datetime.now(UTC)
    today = now.astimezone(tz).date()
    receipt_no = 0
    lines_done = 0
    sales_done = 0
    state = {"sales": [], "lines": [], "shifts": [], "outbox": []}

    def flush(force: bool = False) -> None:
        if not force and len(state["lines"]) < BATCH_LINES:
            return
        with engine.begin() as conn:
            if state["shifts"]:
                conn.execute(Shift.__table__.insert(), state["shifts"])
            if state["sales"]:
                conn.execute(Sale.__table__.insert(), state["sales"])
            if state["lines"]:
                conn.execute(SaleLine.__table__.insert(), state["lines"])
            if state["outbox"]:
                conn.execute(OutboxJob.__table__.insert(), state["outbox"])
        for rows in state.values():
            rows.clear()

    for z in range(1, closed_shifts + 2):
        is_open = z == closed_shifts + 1
        day = today if is_open else today - timedelta(days=closed_shifts - z + 1)
        opened = datetime(day.year, day.month, day.day, 8, tzinfo=tz).astimezone(UTC)
        if is_open:
            opened = min(opened, now - timedelta(hours=10))
            until, n_sales = now - timedelta(minutes=1), open_sales
            line_budget = n_lines - lines_done
        else:
            until, n_sales = opened + timedelta(hours=14), SALES_PER_SHIFT
            line_budget = round(per_shift_lines * z) - lines_done
        shift_id = _uuid7_at(rng, opened)
        cashier = cashiers[z % len(cashiers)]
        span = (until - opened).total_seconds()
        times = sorted(opened + timedelta(seconds=rng.uniform(60, span)) for _ in range(n_sales))
        sizes = _split_lines(rng, line_budget, n_sales)
        cash_total = 0
        for when, size in zip(times, sizes, strict=True):
            receipt_no += 1
            sale, lines = _sale(rng, catalog, when, size, receipt_no, device_id, shift_id, cashier)
            cash_total += sale["cash"]
            state["sales"].append(sale)
            state["lines"].extend(lines)
            if is_open:  # today's sales wait for the sync engine; older ones were sent long ago
                state["outbox"].append(
                    {
                        "id": _uuid7_at(rng, when),
                        "lane": "business",
                        "kind": "sale",
                        "entity_id": sale["id"],
                        "payload": {"id": sale["id"], "receipt_no": receipt_no},
                        "created_at": when,
                        "state": "pending",
                        "attempts": 0,
                        "next_attempt_at": when,
                    }
                )
        lines_done += sum(sizes)
        sales_done += n_sales
        expected = OPENING_FLOAT + cash_total
        state["shifts"].append(
            {
                "id": shift_id,
                "device_id": device_id,
                "opened_by": cashier,
                "opened_at": opened,
                "opening_float": OPENING_FLOAT,
                "closed_by": None if is_open else supervisors[0],
                "closed_at": None if is_open else until + timedelta(minutes=5),
                "expected_cash": None if is_open else expected,
                "counted_cash": None if is_open else expected,
                "cash_count": None if is_open else _count_drawer(expected),
                "z_number": None if is_open else z,
            }
        )
        flush(force=is_open)
    return {
        "sale_lines": lines_done,
        "sales": sales_done,
        "closed_shifts": closed_shifts,
        "open_shift_sales": open_sales,
        "last_receipt_no": receipt_no,
    }


def _split_lines(rng: random.Random, budget: int, n_sales: int) -> list[int]:
    """Lines per sale (1–10, mostly 2–5) adding up to ``budget``."""
    sizes = [1] * n_sales
    for _ in range(max(0, budget - n_sales)):
        i = rng.randrange(n_sales)
        while sizes[i] >= 10:
            i = rng.randrange(n_sales)
        sizes[i] += 1
    return sizes


def _count_drawer(amount: int) -> dict[str, int]:
    counts = {}
    for d in DENOMINATIONS:
        if amount >= d:
            counts[str(d)], amount = divmod(amount, d)
    return counts


def _sale(
    rng: random.Random,
    catalog: _Catalog,
    when: datetime,
    n: int,
    receipt_no: int,
    device_id: str,
    shift_id: str,
    cashier: str,
) -> tuple[dict, list[dict]]:
    sale_id = _uuid7_at(rng, when)
    top = catalog.cum_weights[-1]
    lines = []
    subtotal = discount_sum = total = vat_sum = 0
    for no in range(1, n + 1):
        p = catalog.rows[bisect_left(catalog.cum_weights, rng.random() * top)]
        if p["weighted"]:
            qty = rng.randint(150, 2500)
        else:
            r = rng.random()
            qty = 1000 if r < 0.8 else 2000 if r < 0.95 else rng.randint(3, 6) * 1000
        gross = (p["price"] * qty + 500) // 1000
        off = gross // 10 if rng.random() < 0.03 else 0
        net = gross - off
        vat = (net * p["vat_bp"] * 2 + 10_000 + p["vat_bp"]) // (2 * (10_000 + p["vat_bp"]))
        subtotal += gross
        discount_sum += off
        total += net
        vat_sum += vat
        lines.append(
            {
                "id": _uuid7_at(rng, when),
                "sale_id": sale_id,
                "line_no": no,
                "product_id": p["id"],
                "sku": p["sku"],
                "barcode": p["barcode"] or "",
                "name_ru": p["name_ru"],
                "name_kk": p["name_kk"],
                "name_en": p["name_en"],
                "unit_price": p["price"],
                "qty_milli": qty,
                "weighted": p["weighted"],
                "vat_bp": p["vat_bp"],
                "gross": gross,
                "discount": off,
                "net": net,
                "vat": vat,
                "price_overridden": False,
            }
        )
    r = rng.random()
    if r < 0.55:
        method, cash, card, tendered = "card", 0, total, 0
    elif r < 0.95:
        step = rng.choice((100, 50_000, 100_000, 500_000))  # exact, or rounded up to a note
        method, cash, card = "cash", total, 0
        tendered = -(-total // step) * step
    else:
        card = total // 2
        method, cash, tendered = "split", total - card, total - card
    sale = {
        "id": sale_id,
        "device_id": device_id,
        "receipt_no": receipt_no,
        "shift_id": shift_id,
        "employee_id": cashier,
        "created_at": when,
        "subtotal": subtotal,
        "discount": discount_sum,
        "total": total,
        "vat": vat_sum,
        "receipt_discount": None,
        "method": method,
        "cash": cash,
        "card": card,
        "tendered": tendered,
        "change": tendered - cash,
        "card_reference": f"{rng.randrange(10**11, 10**12)}" if card else "",
        "voided_at": None,
        "voided_by": None,
    }
    return sale, lines
