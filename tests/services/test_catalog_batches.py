"""Catalog CSV in batches: all or nothing across batches, progress, cancel, and another writer
that is never locked out for the whole import."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forsell.services import catalog as catalog_module
from forsell.services.app import Till
from forsell.services.catalog import CSV_COLUMNS, CsvCancelled, ProductDraft
from forsell.store.models import Category, Product, ProductOption, ProductOptionGroup

from .conftest import admin_of

HEADER = ",".join(CSV_COLUMNS)


def _file(
    tmp_path: Path, rows: int, *, prefix: str = "B", category: str = "Пакетные", price: str = "100"
) -> Path:
    path = tmp_path / f"{prefix}.csv"
    lines = [HEADER] + [
        f"{prefix}-{i:06d},,Товар {i},,,{category},,,{price},12,pcs,0," for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _snapshot(till: Till) -> list[tuple]:
    with till.ctx.db.read() as session:
        rows = session.execute(
            select(
                Product.sku,
                Product.barcode,
                Product.name_ru,
                Product.price,
                Product.active,
                Product.category_id,
                Product.synonyms,
            ).order_by(Product.sku)
        )
        return [tuple(r) for r in rows]


def _categories(till: Till) -> int:
    with till.ctx.db.read() as session:
        return session.scalar(select(func.count(Category.id)))


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(catalog_module, "CSV_BATCH", 10)
    return 10


def test_rows_are_written_in_batches_with_progress(
    till: Till, tmp_path: Path, small_batches: int
) -> None:
    seen: list[tuple[int, int]] = []
    result = till.catalog.import_csv(
        admin_of(till), _file(tmp_path, 35), progress=lambda d, t: seen.append((d, t))
    )
    assert (result.added, result.updated) == (35, 0)
    assert seen == [(10, 35), (20, 35), (30, 35), (35, 35)]
    assert till.catalog.search("B-000034")[0].price == 10_000


def test_a_cancel_mid_way_puts_everything_back(
    till: Till, tmp_path: Path, small_batches: int
) -> None:
    # Half the file updates known products, half adds new ones; one new category.
    till.catalog.import_csv(admin_of(till), _file(tmp_path, 15, prefix="K", category=""))
    till.catalog.save(
        admin_of(till),
        ProductDraft(
            sku="K-000003",
            name_ru="Свой",
            price=777,
            vat_bp=0,
            id=till.catalog.search("K-000003")[0].id,
            synonyms=("своё",),
        ),
    )
    before, categories = _snapshot(till), _categories(till)
    changed = tmp_path / "changed.csv"
    lines = [HEADER] + [f"K-{i:06d},,Новое {i},,,Новая,,,200,0,pcs,1," for i in range(40)]
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batches = iter(range(100))
    with pytest.raises(CsvCancelled):
        till.catalog.import_csv(admin_of(till), changed, cancelled=lambda: next(batches) >= 3)
    assert _snapshot(till) == before
    assert _categories(till) == categories


def test_a_failing_batch_puts_the_earlier_batches_back(
    till: Till, tmp_path: Path, small_batches: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(till)
    real = till.catalog._write_batch
    calls = []

    def third_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(till.catalog, "_write_batch", third_fails)
    with pytest.raises(OSError, match="disk full"):
        till.catalog.import_csv(admin_of(till), _file(tmp_path, 45))
    assert _snapshot(till) == before


def _options(till: Till) -> list[tuple]:
    """The option groups and options of the "O-" products (the demo café has its own) with
    their product's SKU, ids included (a parked line's options are matched by id)."""
    with till.ctx.db.read() as session:
        rows = session.execute(
            select(
                Product.sku,
                ProductOptionGroup.id,
                ProductOptionGroup.position,
                ProductOptionGroup.name_ru,
                ProductOption.id,
                ProductOption.position,
                ProductOption.price_delta,
            )
            .join(ProductOptionGroup, ProductOptionGroup.product_id == Product.id)
            .join(ProductOption, ProductOption.group_id == ProductOptionGroup.id)
            .where(Product.sku.startswith("O-"))
            .order_by(Product.sku, ProductOptionGroup.position, ProductOption.position)
        )
        return [tuple(r) for r in rows]


def test_options_are_written_per_batch_and_a_cancel_puts_them_back(
    till: Till, tmp_path: Path, small_batches: int
) -> None:
    milk = '"Молоко [1]: обычное*, овсяное +200"'
    first = tmp_path / "first.csv"
    lines = [HEADER] + [
        f"O-{i:06d},,Кофе {i},,,,,,900,12,pcs,0,,{milk if i % 3 == 0 else ''}" for i in range(15)
    ]
    first.write_text("\n".join(lines) + "\n", encoding="utf-8")
    till.catalog.import_csv(admin_of(till), first)
    before = _options(till)
    assert {row[0] for row in before} == {f"O-{i:06d}" for i in range(0, 15, 3)}
    assert len(before) == 10  # five products, one group of two options each

    # Swapped: the products with milk lose it, the others get a syrup; ten new ones too.
    syrup = '"Сироп [0-1]: ваниль +250; Размер [1]: S*, L +300"'
    changed = tmp_path / "changed.csv"
    lines = [HEADER] + [
        f"O-{i:06d},,Кофе {i},,,,,,900,12,pcs,0,,{'' if i % 3 == 0 else syrup}" for i in range(25)
    ]
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batches = iter(range(100))
    with pytest.raises(CsvCancelled):
        till.catalog.import_csv(admin_of(till), changed, cancelled=lambda: next(batches) >= 2)
    assert _options(till) == before

    till.catalog.import_csv(admin_of(till), changed)
    after = _options(till)
    assert {row[0] for row in after} == {f"O-{i:06d}" for i in range(25) if i % 3}
    assert len(after) == 3 * 16  # sixteen products, three options each
    latte = till.catalog.search("O-000001")[0]
    assert [g.names["ru"] for g in till.catalog.option_groups(latte.id)] == ["Сироп", "Размер"]


def test_another_writer_waits_at_most_one_batch(till: Till, tmp_path: Path) -> None:
    """A sale or the sync thread writes while a large import runs: it gets in between two
    batches instead of waiting for the whole file (which could exceed its busy timeout)."""
    path = _file(tmp_path, 20_000)
    waits: list[float] = []
    importing = threading.Event()
    stop = threading.Event()

    def other_writer() -> None:
        importing.wait(10)
        while not stop.is_set():
            started = time.perf_counter()
            with till.ctx.db.write() as session:
                session.execute(select(1))
            waits.append(time.perf_counter() - started)
            time.sleep(0.01)

    writer = threading.Thread(target=other_writer)
    writer.start()
    try:
        importing.set()
        started = time.perf_counter()
        till.catalog.import_csv(admin_of(till), path)
        took = time.perf_counter() - started
    finally:
        stop.set()
        writer.join(10)
    assert len(waits) > 5  # it got in many times during the import
    # Generous: one batch of 2,000 rows takes tens of ms; the whole import takes seconds.
    print(f"\nimport {took:.2f} s, longest wait of the other writer {max(waits):.3f} s")
    assert max(waits) < max(1.0, took / 3)


def test_a_cancelled_export_leaves_the_old_file(
    till: Till, tmp_path: Path, small_batches: int
) -> None:
    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "catalog.csv"
    out.write_text("old\n", encoding="utf-8")
    checks = iter(range(100))
    with pytest.raises(CsvCancelled):
        till.catalog.export_csv(out, cancelled=lambda: next(checks) >= 1)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["catalog.csv"]
    seen: list[tuple[int, int]] = []
    count = till.catalog.export_csv(out, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (count, count) and len(seen) > 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == count + 1
