"""Option groups of products in the database: reading them for the till, replacing them from
the catalog CSV, the demo café or an editor. Session-level helpers; ``CatalogService`` holds
the entry points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session, selectinload

from forsell.domain.options import OptionGroup, ProductOption, check_price_delta
from forsell.store.models import ProductOption as ProductOptionRow
from forsell.store.models import ProductOptionGroup


def _group_view(row: ProductOptionGroup) -> OptionGroup:
    return OptionGroup(
        row.id,
        {"ru": row.name_ru, "kk": row.name_kk, "en": row.name_en},
        tuple(
            ProductOption(
                o.id,
                {"ru": o.name_ru, "kk": o.name_kk, "en": o.name_en},
                o.price_delta,
                o.sku,
                o.preselected,
            )
            for o in row.options
        ),
        row.min_choices,
        row.max_choices,
    )


def load_groups(
    session: Session, product_ids: Iterable[str] | None
) -> dict[str, tuple[OptionGroup, ...]]:
    """product id → its option groups in order (``None``: of every product); products without
    groups are left out."""
    stmt = (
        select(ProductOptionGroup)
        .order_by(ProductOptionGroup.product_id, ProductOptionGroup.position)
        .options(selectinload(ProductOptionGroup.options))
    )
    if product_ids is not None:
        ids = list(product_ids)
        if not ids:
            return {}
        stmt = stmt.where(ProductOptionGroup.product_id.in_(ids))
    rows = session.scalars(stmt)
    result: dict[str, list[OptionGroup]] = {}
    for row in rows:
        result.setdefault(row.product_id, []).append(_group_view(row))
    return {pid: tuple(groups) for pid, groups in result.items()}


def products_with_options(session: Session, product_ids: Iterable[str]) -> set[str]:
    """Which of ``product_ids`` have at least one option group (one indexed query)."""
    ids = list(product_ids)
    if not ids:
        return set()
    return set(
        session.scalars(
            select(ProductOptionGroup.product_id)
            .where(ProductOptionGroup.product_id.in_(ids))
            .distinct()
        )
    )


def replace_groups(session: Session, product_id: str, groups: Iterable[OptionGroup]) -> int:
    """Replaces the product's option groups with ``groups`` inside the caller's transaction;
    returns how many. Ids of the given groups and options are kept, so a parked line's options
    still match when it is edited. Sold lines are not touched: they keep their own copy."""
    old = session.scalars(
        select(ProductOptionGroup.id).where(ProductOptionGroup.product_id == product_id)
    ).all()
    if old:
        session.execute(delete(ProductOptionRow).where(ProductOptionRow.group_id.in_(old)))
        session.execute(delete(ProductOptionGroup).where(ProductOptionGroup.id.in_(old)))
        session.flush()
    count = 0
    for position, g in enumerate(groups):
        row = ProductOptionGroup(
            id=g.id,
            product_id=product_id,
            position=position,
            name_ru=g.names.get("ru", ""),
            name_kk=g.names.get("kk", ""),
            name_en=g.names.get("en", ""),
            min_choices=g.min_choices,
            max_choices=g.max_choices,
        )
        for index, o in enumerate(g.options):
            row.options.append(
                ProductOptionRow(
                    id=o.id,
                    position=index,
                    name_ru=o.names.get("ru", ""),
                    name_kk=o.names.get("kk", ""),
                    name_en=o.names.get("en", ""),
                    price_delta=check_price_delta(o.price_delta),
                    sku=o.sku,
                    preselected=o.preselected,
                )
            )
        session.add(row)
        count += 1
    session.flush()
    return count


#: Ids per ``IN (…)`` list: far below SQLite's limit on bound parameters.
_IN_CHUNK = 500


def replace_groups_of_many(
    session: Session, groups_by_product: Mapping[str, tuple[OptionGroup, ...]]
) -> int:
    """:func:`replace_groups` for many products at once (a catalog import's batch): the old
    groups of all of them go in one delete per table, the new ones in one multi-row insert per
    table. Per product it took an ORM query and a flush each, ~1 ms of Python holding the GIL
    per row; at 100,000 rows that was most of an import and most of the GUI's lag. Returns how
    many groups were written."""
    product_ids = list(groups_by_product)
    for start in range(0, len(product_ids), _IN_CHUNK):
        chunk = product_ids[start : start + _IN_CHUNK]
        old = session.scalars(
            select(ProductOptionGroup.id).where(ProductOptionGroup.product_id.in_(chunk))
        ).all()
        for first in range(0, len(old), _IN_CHUNK):
            ids = old[first : first + _IN_CHUNK]
            session.execute(delete(ProductOptionRow).where(ProductOptionRow.group_id.in_(ids)))
            session.execute(delete(ProductOptionGroup).where(ProductOptionGroup.id.in_(ids)))
    group_rows: list[dict] = []
    option_rows: list[dict] = []
    for product_id, groups in groups_by_product.items():
        for position, g in enumerate(groups):
            group_rows.append(
                {
                    "id": g.id,
                    "product_id": product_id,
                    "position": position,
                    "name_ru": g.names.get("ru", ""),
                    "name_kk": g.names.get("kk", ""),
                    "name_en": g.names.get("en", ""),
                    "min_choices": g.min_choices,
                    "max_choices": g.max_choices,
                }
            )
            option_rows.extend(
                {
                    "id": o.id,
                    "group_id": g.id,
                    "position": index,
                    "name_ru": o.names.get("ru", ""),
                    "name_kk": o.names.get("kk", ""),
                    "name_en": o.names.get("en", ""),
                    "price_delta": check_price_delta(o.price_delta),
                    "sku": o.sku,
                    "preselected": o.preselected,
                }
                for index, o in enumerate(g.options)
            )
    # Core inserts (not ORM objects): one executemany each, nothing kept in the session.
    if group_rows:
        session.execute(insert(cast(Table, ProductOptionGroup.__table__)), group_rows)
    if option_rows:
        session.execute(insert(cast(Table, ProductOptionRow.__table__)), option_rows)
    return len(group_rows)
