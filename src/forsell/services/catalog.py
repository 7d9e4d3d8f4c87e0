"""The catalog: barcode lookup, search as you type, the touch grid, CSV import/export, editing.

A CSV import is all or nothing, yet it never holds the database for long: every row is checked
first (no writes), then rows are written ``CSV_BATCH`` at a time, one short transaction each, so
a sale or the sync thread waits a batch or two (tens of milliseconds), never the whole file.
SQLite's waiting writer only looks again every up to 100 ms, so after each batch the import
pauses as long as the batch took (at most ``CSV_PAUSE_MAX_S``): a lock given back for a few
microseconds would let the importer take it again every time.
If a batch fails or the caller cancels, what the earlier batches wrote is put back as it was
(new products and categories removed, changed products restored) before the error is raised.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, literal_column, or_, select, text, update
from sqlalchemy.exc import IntegrityError

from forsell.domain.errors import CashierError
from forsell.domain.ids import new_id
from forsell.domain.money import MAX_TIYN, check_amount, format_kzt, parse_kzt
from forsell.domain.options import OptionGroup
from forsell.domain.options_text import (
    OptionsTextError,
    format_option_groups,
    parse_option_groups,
)
from forsell.domain.problems import Problem
from forsell.domain.roles import Action
from forsell.domain.search_text import fold_kazakh
from forsell.store import audit
from forsell.store.models import Category, Product

from .access import public, requires
from .auth import Approval, EmployeeView
from .context import TillContext
from .product_options import (
    load_groups,
    products_with_options,
    replace_groups,
    replace_groups_of_many,
)

#: The documented CSV columns (README "Catalog CSV"). Order matters on export only.
CSV_COLUMNS = [
    "sku",
    "barcode",
    "name_ru",
    "name_kk",
    "name_en",
    "category_ru",
    "category_kk",
    "category_en",
    "price",
    "vat_percent",
    "unit",
    "favourite",
    "synonyms",
    "options",
]
REQUIRED = {"sku", "name_ru", "price", "vat_percent"}
SEARCH_LIMIT = 30
SHORT_QUERY_CANDIDATES = 200
# Synonyms: other names for a product that count as offering it (upsell detection). The same
# limits as the backend's catalog pull (services/pulls.py), so a local edit syncs unchanged.
MAX_SYNONYMS = 50
MAX_SYNONYM_LENGTH = 100
CSV_SYNONYM_SEPARATOR = "|"  # as in the scorer's catalog CSV (resources/scorecards/README.md)
CSV_BATCH = 2_000  # rows per write transaction: ~50 ms, far below another writer's busy timeout
CSV_PAUSE_MAX_S = 0.1  # SQLite's busy handler retries at most every 100 ms

log = logging.getLogger(__name__)

#: ``progress(done, total)``: rows written (import) or products written (export) so far.
Progress = Callable[[int, int], None]
#: ``cancelled()``: True once the user asked to stop; checked between batches.
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class ProductView:
    id: str
    sku: str
    barcode: str
    names: dict[str, str]
    category_id: str | None
    price: int
    vat_bp: int
    weighted: bool
    favourite: bool
    synonyms: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        """The name in ``lang`` (``ru``, ``kk`` or ``en``); Russian when that one is empty."""
        return self.names.get(lang) or self.names["ru"]


@dataclass(frozen=True)
class CategoryView:
    id: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        """The name in ``lang`` (``ru``, ``kk`` or ``en``); Russian when that one is empty."""
        return self.names.get(lang) or self.names["ru"]


@dataclass(frozen=True)
class ProductDraft:
    """What the product editor submits; ``id`` None adds a new product."""

    sku: str
    name_ru: str
    price: int
    vat_bp: int
    barcode: str = ""
    name_kk: str = ""
    name_en: str = ""
    category_id: str | None = None
    weighted: bool = False
    favourite: bool = False
    id: str | None = None
    synonyms: tuple[str, ...] = ()  # other names a cashier may use when offering it


class CsvImportError(CashierError):
    """The file was refused as a whole. ``problems``: one per bad row, as data (line, column,
    code, parameters) for the UI to word in the admin's language."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            "csv.rejected", "{count} bad rows; nothing was imported", count=len(problems)
        )
        self.problems = problems


class CsvCancelled(CashierError):
    """The user stopped an import (everything written so far was put back) or an export (no
    file was written)."""

    def __init__(self) -> None:
        super().__init__("csv.cancelled", "Cancelled; the catalog is as it was")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


def _view(p: Product) -> ProductView:
    return ProductView(
        p.id,
        p.sku,
        p.barcode or "",
        {"ru": p.name_ru, "kk": p.name_kk, "en": p.name_en},
        p.category_id,
        p.price,
        p.vat_bp,
        p.weighted,
        p.favourite,
        tuple(str(w) for w in (p.synonyms or ())),
    )


def split_synonyms(text_: str, separators: str = ",\n") -> tuple[str, ...]:
    """``"латтешка, кофе с молоком"`` → the phrases, trimmed, empty ones and repeats dropped
    (a repeat ignoring case: "Латте" and "латте" are the same word to the scorer)."""
    parts = [text_]
    for separator in separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    seen: dict[str, str] = {}
    for piece in parts:
        phrase = " ".join(piece.split())
        if phrase and phrase.casefold() not in seen:
            seen[phrase.casefold()] = phrase
    return tuple(seen.values())


def _check_synonyms(synonyms: tuple[str, ...]) -> None:
    if len(synonyms) > MAX_SYNONYMS:
        raise CashierError(
            "product.synonyms", "At most {count} synonyms per product", count=MAX_SYNONYMS
        )
    long = next((w for w in synonyms if len(w) > MAX_SYNONYM_LENGTH), None)
    if long is not None:
        raise CashierError(
            "product.synonym_long",
            "A synonym is longer than {count} letters",
            count=MAX_SYNONYM_LENGTH,
        )


def _fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


class CatalogService:
    """Product lookups are public (every till screen shows the catalog); changes need an admin
    or an approval of ``Action.CATALOG_EDIT``."""

    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    @public
    def by_barcode(self, code: str) -> ProductView | None:
        """The active product with this scanned barcode, or None for an empty or unknown code."""
        code = code.strip()
        if not code:
            return None
        with self.ctx.db.read() as session:
            p = session.scalar(select(Product).where(Product.barcode == code, Product.active))
            return _view(p) if p else None

    @public
    def get(self, product_id: str) -> ProductView | None:
        """The product with this id, withdrawn ones included (old receipts name them), or None."""
        with self.ctx.db.read() as session:
            p = session.get(Product, product_id)
            return _view(p) if p else None

    @public
    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[ProductView]:
        """Prefix and substring search over names (ru/kk/en), SKU and barcode."""
        # SQLite reads an FTS query as a C string: a NUL (pasted junk) cuts it mid-phrase.
        q = query.replace("\x00", "").strip()
        if not q:
            return []
        with self.ctx.db.read() as session:
            exact = session.scalars(
                select(Product).where(Product.active, or_(Product.barcode == q, Product.sku == q))
            ).all()
            # The indexes hold the names with Kazakh letters folded (revision 0022).
            q = fold_kazakh(q)
            if len(q) >= 3:
                matches = (
                    select(literal_column("rowid"))
                    .select_from(text("product_search"))
                    .where(text("product_search MATCH :q"))
                )
                stmt = (
                    select(Product)
                    .where(literal_column("products.rowid").in_(matches), Product.active)
                    .order_by(Product.name_ru)
                    .limit(limit)
                )
                found = session.scalars(stmt, {"q": _fts_phrase(q)}).all()
            elif any(ch.isalnum() for ch in q):
                # One or two letters: word prefixes from the FTS prefix index. Thousands of
                # products may match; sorting a first slice keeps this at index speed, and the
                # cashier narrows it down with the next letter.
                matches = (
                    select(literal_column("rowid"))
                    .select_from(text("product_words"))
                    .where(text("product_words MATCH :q"))
                    .limit(SHORT_QUERY_CANDIDATES)
                )
                stmt = (
                    select(Product)
                    .where(literal_column("products.rowid").in_(matches), Product.active)
                    .order_by(Product.name_ru)
                    .limit(limit)
                )
                found = session.scalars(stmt, {"q": _fts_phrase(q) + " *"}).all()
            else:
                found = []
        seen: set[str] = set()
        result = []
        for p in [*exact, *found]:
            if p.id not in seen:
                seen.add(p.id)
                result.append(_view(p))
        return result[:limit]

    @public
    def categories(self) -> list[CategoryView]:
        """The catalog's categories in their display order (the touch grid's tabs)."""
        with self.ctx.db.read() as session:
            rows = session.scalars(select(Category).order_by(Category.position, Category.name_ru))
            return [
                CategoryView(c.id, {"ru": c.name_ru, "kk": c.name_kk, "en": c.name_en})
                for c in rows
            ]

    @public
    def in_category(self, category_id: str) -> list[ProductView]:
        """The active products of one category, by Russian name (one page of the touch grid)."""
        with self.ctx.db.read() as session:
            rows = session.scalars(
                select(Product)
                .where(Product.category_id == category_id, Product.active)
                .order_by(Product.name_ru)
            )
            return [_view(p) for p in rows]

    @public
    def first_by_sku(self, limit: int) -> list[ProductView]:
        """The first ``limit`` active products of a category, by SKU (the admin's list before
        a search; a 100,000-product catalog is searched, not scrolled)."""
        with self.ctx.db.read() as session:
            rows = session.scalars(
                select(Product)
                .where(Product.active, Product.category_id.is_not(None))
                .order_by(Product.sku)
                .limit(limit)
            )
            return [_view(p) for p in rows]

    @public
    def favourites(self) -> list[ProductView]:
        """The active products marked favourite, by Russian name (the favourites grid)."""
        with self.ctx.db.read() as session:
            rows = session.scalars(
                select(Product).where(Product.favourite, Product.active).order_by(Product.name_ru)
            )
            return [_view(p) for p in rows]

    @requires(Action.CATALOG_EDIT)
    def save(
        self, who: EmployeeView, draft: ProductDraft, approval: Approval | None = None
    ) -> ProductView:
        """Adds or edits a product: an admin, or ``who`` with a supervisor's ``approval``
        (both are read by the declaration, before anything is written).

        Returns the saved product. Raises ``CashierError``: ``product.incomplete``,
        ``product.price``, ``product.vat``, ``product.synonyms``, ``product.synonym_long``,
        ``product.barcode``, ``product.too_long``, ``product.control_char`` (the CSV rules),
        ``product.duplicate`` (SKU or barcode taken), ``product.unknown``; ``NeedsApproval``
        (``approval.catalog_edit``) below admin without ``approval``."""
        _check_draft(draft)
        with self.ctx.db.write() as session:
            # Only a real barcode can clash: ``barcode == None`` would be IS NULL in SQL and
            # match every other product without a barcode.
            same = [Product.sku == draft.sku]
            if draft.barcode:
                same.append(Product.barcode == draft.barcode)
            clash = session.scalar(
                select(Product).where(or_(*same), Product.id != (draft.id or ""))
            )
            if clash is not None:
                raise CashierError(
                    "product.duplicate", "SKU or barcode already used by {sku}", sku=clash.sku
                )
            p = session.get(Product, draft.id) if draft.id else Product()
            if p is None:
                raise CashierError("product.unknown", "No such product")
            price_before = p.price if draft.id else None
            for name in (
                "sku",
                "name_ru",
                "name_kk",
                "name_en",
                "price",
                "vat_bp",
                "category_id",
                "weighted",
                "favourite",
            ):
                setattr(p, name, getattr(draft, name))
            p.barcode = draft.barcode or None
            synonyms = split_synonyms("\n".join(draft.synonyms), "\n")
            p.synonyms = list(synonyms) or None
            session.add(p)
            session.flush()
            # Price changes are what an audit is asked about; other edits are named only.
            audit.record(
                session,
                self.ctx.device_id,
                "product_changed" if draft.id else "product_added",
                who.id,
                product_id=p.id,
                sku=p.sku,
                price=p.price,
                price_before=price_before,
                approved_by=approval.approver_id if approval else None,
            )
            return _view(p)

    # --- options ------------------------------------------------------------------------------

    @public
    def option_groups(self, product_id: str) -> tuple[OptionGroup, ...]:
        """The product's option groups (milk, syrup, size) in the order the chooser shows them;
        empty for a product sold as it is."""
        with self.ctx.db.read() as session:
            return load_groups(session, [product_id]).get(product_id, ())

    @requires(Action.CATALOG_EDIT)
    def set_option_groups(
        self,
        who: EmployeeView,
        product_id: str,
        groups: tuple[OptionGroup, ...],
        approval: Approval | None = None,
    ) -> tuple[OptionGroup, ...]:
        """Replaces the product's option groups (an empty tuple removes them), audited as
        ``product_options_changed``; returns them as stored. Lines already sold or parked keep
        the options they had. Raises ``CashierError`` ``product.unknown``,
        ``money.out_of_range``; ``NeedsApproval`` (``approval.catalog_edit``) below admin
        without ``approval``."""
        with self.ctx.db.write() as session:
            product = session.get(Product, product_id)
            if product is None:
                raise CashierError("product.unknown", "No such product")
            count = replace_groups(session, product_id, groups)
            audit.record(
                session,
                self.ctx.device_id,
                "product_options_changed",
                who.id,
                product_id=product_id,
                sku=product.sku,
                groups=count,
                approved_by=approval.approver_id if approval else None,
            )
            return load_groups(session, [product_id]).get(product_id, ())

    # --- CSV ---------------------------------------------------------------------------------

    @requires(Action.CATALOG_EDIT)
    def import_csv(
        self,
        who: EmployeeView,
        path: Path,
        approval: Approval | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        *,
        audited: bool = True,
    ) -> ImportResult:
        """All rows or none: every bad row is reported with its line number and reason. An
        admin, or anyone with a supervisor's approval.

        Raises :class:`CsvImportError` with one ``Problem`` per bad row, all found in one pass
        (README "Catalog CSV"): the header's ``csv.missing_columns``, ``csv.unknown_column``,
        ``csv.column_repeats``; a row's ``csv.extra_fields``, ``csv.field_over_limit``,
        ``csv.control_char``, ``csv.too_long`` (``CSV_MAX_LENGTH``), ``csv.empty``,
        ``csv.barcode_digits``, the repeats, the value checks and ``csv.barcode_taken``.
        ``CashierError`` ``csv.not_utf8``, ``csv.not_found``, ``csv.no_access``,
        ``csv.unreadable`` for a file that cannot be read at all.

        Written in batches of ``CSV_BATCH`` rows (``progress(done, total)`` after each); once
        ``cancelled()`` the batches written so far are undone and :class:`CsvCancelled` is
        raised. The import is audited (``catalog_imported``) unless ``audited`` is False, which
        only the first run's demo catalog uses: no one imported it, and a new till starts with
        nothing waiting to be sent."""
        try:
            lines = _read_lines(path)
        except UnicodeDecodeError as exc:
            raise CashierError("csv.not_utf8", "{path} is not UTF-8 text", path=str(path)) from exc
        except FileNotFoundError as exc:
            raise CashierError("csv.not_found", "There is no file {path}", path=str(path)) from exc
        except PermissionError as exc:
            raise CashierError(
                "csv.no_access", "No permission to read {path}", path=str(path)
            ) from exc
        except OSError as exc:
            raise CashierError(
                "csv.unreadable",
                "Cannot read {path}: {error}",
                path=str(path),
                error=exc.strerror or type(exc).__name__,
            ) from exc
        rows, problems = _parse_csv(lines)
        _release(lines)
        try:
            result = self._apply(rows, problems, progress, cancelled)
        finally:
            _release(rows)
        if not audited:
            return result
        with self.ctx.db.write() as session:
            audit.record(
                session,
                self.ctx.device_id,
                "catalog_imported",
                who.id,
                added=result.added,
                updated=result.updated,
                approved_by=approval.approver_id if approval else None,
            )
        return result

    @public  # the catalog is no secret: every till screen shows it
    def export_csv(
        self, path: Path, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> int:
        """Writes the active products to ``path``; returns how many. The file appears only
        when complete (written beside it, then renamed): a cancelled export
        (:class:`CsvCancelled`) or a failure leaves an existing file as it was."""
        partial = path.with_name(f".{path.name}.partial")
        count = 0
        try:
            with (
                self.ctx.db.read() as session,
                partial.open("w", encoding="utf-8", newline="") as out,
            ):
                cats = {c.id: c for c in session.scalars(select(Category))}
                groups = load_groups(session, None)
                total = session.scalar(select(func.count(Product.id)).where(Product.active)) or 0
                writer = csv.writer(out, lineterminator="\r\n")
                writer.writerow(CSV_COLUMNS)
                rows = session.execute(
                    select(Product.id, *_EXPORTED).where(Product.active).order_by(Product.sku)
                ).yield_per(CSV_BATCH)
                for p in rows:
                    if count % CSV_BATCH == 0:
                        if cancelled is not None and cancelled():
                            raise CsvCancelled
                        if progress is not None and count:
                            progress(count, total)
                    c = cats.get(p.category_id)
                    # A file for spreadsheets and the import: a point and no grouping, whatever
                    # language the screen speaks.
                    price = format_kzt(p.price, symbol=False, language="en").replace(",", "")
                    writer.writerow(
                        [
                            _cell(p.sku),
                            p.barcode or "",
                            _cell(p.name_ru),
                            _cell(p.name_kk),
                            _cell(p.name_en),
                            _cell(c.name_ru if c else ""),
                            _cell(c.name_kk if c else ""),
                            _cell(c.name_en if c else ""),
                            price,
                            _vat_percent_text(p.vat_bp),
                            "kg" if p.weighted else "pcs",
                            int(p.favourite),
                            _cell(CSV_SYNONYM_SEPARATOR.join(str(w) for w in p.synonyms or ())),
                            _cell(format_option_groups(groups.get(p.id, ()))),
                        ]
                    )
                    count += 1
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
        if progress is not None:
            progress(count, count)
        return count

    def _apply(
        self,
        rows: list[dict],
        problems: list[Problem],
        progress: Progress | None,
        cancelled: CancelCheck | None,
    ) -> ImportResult:
        """Writes the good ``rows``, unless the file had ``problems`` or a row's barcode
        belongs to another product: then all of them are raised together, in line order."""
        with self.ctx.db.read() as session:
            cats = {
                name: cid for cid, name in session.execute(select(Category.id, Category.name_ru))
            }
            by_sku = {
                sku: (pid, barcode)
                for pid, sku, barcode in session.execute(
                    select(Product.id, Product.sku, Product.barcode)
                )
            }
        owner = {barcode: sku for sku, (_pid, barcode) in by_sku.items() if barcode}
        taken = [
            Problem(
                "csv.barcode_taken",
                {"barcode": r["barcode"], "sku": owner[r["barcode"]]},
                line=r["line"],
                column="barcode",
            )
            for r in rows
            if r["barcode"] and owner.get(r["barcode"], r["sku"]) != r["sku"]
        ]
        if problems or taken:
            raise CsvImportError(sorted([*problems, *taken], key=lambda p: p.line or 0))
        undo = _Undo()
        added = updated = 0
        try:
            for start in range(0, len(rows), CSV_BATCH):
                if cancelled is not None and cancelled():
                    raise CsvCancelled
                batch = rows[start : start + CSV_BATCH]
                began = time.perf_counter()
                with self.ctx.db.write() as session:
                    new, changed = self._write_batch(session, batch, cats, by_sku, undo)
                added, updated = added + new, updated + changed
                if progress is not None:
                    progress(start + len(batch), len(rows))
                if start + CSV_BATCH < len(rows):  # let a waiting sale or sync write get in
                    time.sleep(min(CSV_PAUSE_MAX_S, time.perf_counter() - began))
        except BaseException:
            self._undo(undo)
            raise
        finally:
            _release(by_sku)
        return ImportResult(added, updated)

    def _write_batch(
        self,
        session,
        batch: list[dict],
        cats: dict[str, str],
        by_sku: dict[str, tuple[str, str | None]],
        undo: _Undo,
    ) -> tuple[int, int]:
        """One transaction: the batch's new categories, new products and changed products
        (their previous values go to ``undo`` first)."""
        now = datetime.now(UTC)
        for row in batch:
            name = row["category_ru"]
            if name and name not in cats:
                cid = new_id()
                session.execute(
                    insert(Category),
                    [
                        {
                            "id": cid,
                            "name_ru": name,
                            "name_kk": row["category_kk"],
                            "name_en": row["category_en"],
                            "position": len(cats),
                        }
                    ],
                )
                cats[name] = cid
                undo.categories.append(cid)
        fresh, changed = [], []
        for row in batch:
            values = {
                "barcode": row["barcode"] or None,
                "name_ru": row["name_ru"],
                "name_kk": row["name_kk"],
                "name_en": row["name_en"],
                "price": row["price"],
                "vat_bp": row["vat_bp"],
                "weighted": row["weighted"],
                "favourite": row["favourite"],
                "active": True,
                "updated_at": now,
                "category_id": cats[row["category_ru"]] if row["category_ru"] else None,
            }
            known = by_sku.get(row["sku"])
            if row["synonyms"] is not None or known is None:  # a file without the column keeps them
                values["synonyms"] = list(row["synonyms"] or ()) or None
            if known is None:
                values["id"], values["sku"] = new_id(), row["sku"]
                fresh.append(values)
            else:
                values["id"] = known[0]
                changed.append(values)
        if changed:
            ids = [v["id"] for v in changed]
            undo.restore.extend(
                dict(r._mapping)
                for r in session.execute(select(*_RESTORED).where(Product.id.in_(ids)))
            )
            for values in _same_keys(changed):
                session.execute(update(Product), values)
        if fresh:
            # Core, not the ORM's bulk insert: the same executemany with a third of the Python
            # work per row, and that work holds the GIL the GUI thread needs.
            session.execute(insert(Product.__table__), fresh)
            undo.added.extend(v["id"] for v in fresh)
            for v in fresh:
                by_sku[v["sku"]] = (v["id"], v["barcode"])
        self._write_options(session, batch, by_sku, undo, {v["id"] for v in fresh})
        return len(fresh), len(changed)

    def _write_options(
        self,
        session,
        batch: list[dict],
        by_sku: dict[str, tuple[str, str | None]],
        undo: _Undo,
        fresh: set[str],
    ) -> None:
        """The option groups of the batch's rows (a file without the column keeps them); the
        groups they replace go to ``undo`` first. ``fresh``: ids of the products this batch
        added, which have no groups yet. An empty cell over a product without groups (most
        rows of a shop's catalog) changes nothing and is skipped."""
        wanted = {by_sku[r["sku"]][0]: r["options"] for r in batch if r["options"] is not None}
        if not wanted:
            return
        had = products_with_options(session, [pid for pid in wanted if pid not in fresh])
        before = load_groups(session, had)
        changes = {pid: groups for pid, groups in wanted.items() if groups or pid in had}
        undo.options.extend((pid, before.get(pid, ())) for pid in changes)
        replace_groups_of_many(session, changes)

    def _undo(self, undo: _Undo) -> None:
        """Puts back what earlier batches of a failed or cancelled import wrote, batch by batch.
        A new product a sale already used cannot be deleted: it is deactivated instead."""
        for batch in _chunks(undo.options):
            with self.ctx.db.write() as session:
                replace_groups_of_many(session, dict(batch))
        for ids in _chunks(undo.added):
            try:
                with self.ctx.db.write() as session:
                    session.execute(delete(Product).where(Product.id.in_(ids)))
            except IntegrityError:
                with self.ctx.db.write() as session:
                    session.execute(update(Product).where(Product.id.in_(ids)).values(active=False))
        for values in _chunks(undo.restore):
            with self.ctx.db.write() as session:
                session.execute(update(Product), values)
        for ids in _chunks(undo.categories):
            try:
                with self.ctx.db.write() as session:
                    session.execute(delete(Category).where(Category.id.in_(ids)))
            except IntegrityError:  # a product saved meanwhile uses it: keep the category
                log.warning("import undo: %d new categories are in use and stay", len(ids))
        if undo.added or undo.restore:
            log.info(
                "import undone: %d new products removed, %d restored",
                len(undo.added),
                len(undo.restore),
            )


@dataclass
class _Undo:
    """What an import wrote so far: new product ids, previous values, new category ids."""

    added: list[str] = field(default_factory=list)
    restore: list[dict] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    #: (product id, its option groups before the import), put back first
    options: list[tuple[str, tuple[OptionGroup, ...]]] = field(default_factory=list)


_EXPORTED = (
    Product.sku,
    Product.barcode,
    Product.name_ru,
    Product.name_kk,
    Product.name_en,
    Product.category_id,
    Product.price,
    Product.vat_bp,
    Product.weighted,
    Product.favourite,
    Product.synonyms,
)
_RESTORED = (
    Product.id,
    Product.barcode,
    Product.name_ru,
    Product.name_kk,
    Product.name_en,
    Product.price,
    Product.vat_bp,
    Product.weighted,
    Product.favourite,
    Product.active,
    Product.updated_at,
    Product.category_id,
    Product.synonyms,
)


def _chunks(items: list) -> Iterator[list]:
    for start in range(0, len(items), CSV_BATCH):
        yield items[start : start + CSV_BATCH]


def _same_keys(values: list[dict]) -> Iterator[list[dict]]:
    """ORM bulk UPDATE wants one column set per call (rows with and without synonyms)."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for v in values:
        groups.setdefault(tuple(sorted(v)), []).append(v)
    yield from groups.values()


#: What a spreadsheet takes for the start of a formula (or of a DDE command) in a cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A text cell that a spreadsheet shows as text: names come from imports and backend
    pulls, and ``=HYPERLINK(…)`` or ``+cmd|…`` must not run when the admin opens the export.
    A leading apostrophe is the spreadsheet's own "this is text" mark; ``_uncell`` takes it
    off again on import, so an export imports back unchanged."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _uncell(text: str) -> str:
    """The inverse of ``_cell`` for a cell read back from a CSV file."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def _vat_percent_text(bp: int) -> str:
    return str(bp // 100) if bp % 100 == 0 else f"{bp / 100:.2f}"


def _check_draft(d: ProductDraft) -> None:
    if not d.sku.strip() or not d.name_ru.strip():
        raise CashierError("product.incomplete", "SKU and Russian name are required")
    if not 0 <= d.vat_bp <= 10_000:
        raise CashierError("product.vat", "VAT must be between 0 and 100 %")
    if d.price <= 0:
        raise CashierError("product.price", "Price must be above zero")
    check_amount(d.price)  # the till's one money limit, as for CSV imports and pulled prices
    synonyms = split_synonyms("\n".join(d.synonyms), "\n")
    _check_synonyms(synonyms)
    # The CSV import's rules as well, so that whatever is saved here exports and imports back.
    if d.barcode and not (d.barcode.isascii() and d.barcode.isdigit()):
        raise CashierError("product.barcode", "A barcode is digits 0-9 only")
    cells = {"sku": d.sku, "barcode": d.barcode, "name_ru": d.name_ru}
    cells |= {"name_kk": d.name_kk, "name_en": d.name_en}
    for column, value in cells.items():
        if len(value) > CSV_MAX_LENGTH[column]:
            raise CashierError(
                "product.too_long",
                "{text}… is longer than {limit} characters",
                text=value[:20],
                limit=CSV_MAX_LENGTH[column],
            )
    for value in [*cells.values(), *synonyms]:
        char = _control_char(value)
        if char is not None:
            raise CashierError(
                "product.control_char", "Contains the control character {char}", char=char
            )


def _parse_vat(text_: str) -> int:
    bp = parse_kzt(text_.replace("%", ""))  # same grammar: digits with up to two decimals
    if bp > 10_000:
        raise ValueError("VAT above 100 %")
    return bp


_BOOL = {
    "1": True,
    "yes": True,
    "true": True,
    "да": True,
    "0": False,
    "no": False,
    "false": False,
    "нет": False,
    "": False,
}


class _BadRow(Exception):
    """One row is wrong; its problem says where and what."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


#: The longest cell each column takes (README "Catalog CSV"): the database's own column sizes
#: (as the backend's catalog pull checks them), and for the short value columns far more than
#: any valid value needs. A longer cell is refused, never cut: a cut name would be lost data.
CSV_MAX_LENGTH = {
    "sku": 64,
    "barcode": 32,
    "name_ru": 200,
    "name_kk": 200,
    "name_en": 200,
    "category_ru": 120,
    "category_kk": 120,
    "category_en": 120,
    "price": 32,
    "vat_percent": 32,
    "unit": 32,
    "favourite": 32,
    # every synonym at its longest, with its separator
    "synonyms": MAX_SYNONYMS * (MAX_SYNONYM_LENGTH + 1),
    "options": 4_000,  # ten groups of a few options with three names each
}
#: What is shown of an unknown header cell: enough to recognise it, never a whole pasted page.
SHOWN_HEADER_CELL = 40
# Every cell is one line of text: C0 and C1 controls (NUL, tab, line breaks, escape…), DEL and
# Unicode's own line and paragraph separators would reach receipts, the fiscal register and the
# search index as invisible junk, or cut a name short where a C string ends at NUL.
_CONTROL = frozenset([*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), "\u2028", "\u2029"])


def _control_char(text_: str) -> str | None:
    """The first control character in a cell, as ``U+0000``; None when there is none."""
    if text_.isprintable():  # at C speed: no control character (nor other unprintables)
        return None
    found = next((ch for ch in text_ if ch in _CONTROL), None)
    return None if found is None else f"U+{ord(found):04X}"


def _record_end(lines: list[str], start: int) -> int:
    """The index of the line after the CSV record that begins at ``lines[start]``: a quoted
    field may run over several lines. The csv module's rules for its default dialect; used
    only to step over a record the csv module refused, so that the next record is read from
    its real start, not from the middle of a quoted field."""
    state = "start"  # of a field; then "field", "quoted", "quote" (a quote inside quotes)
    for index in range(start, len(lines)):
        for ch in lines[index].rstrip("\r\n"):
            if state == "quoted":
                state = "quote" if ch == '"' else "quoted"
            elif ch == ",":
                state = "start"
            elif ch == '"' and state in ("start", "quote"):
                state = "quoted"
            else:
                state = "field"
        if state != "quoted":
            return index + 1
        # the line break belongs to the quoted field: the record goes on
    return len(lines)


def _header_problems(header: list[str], start: int) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem("csv.column_repeats", {"name": name}, line=start))
        elif name not in CSV_COLUMNS:
            shown = name if len(name) <= SHOWN_HEADER_CELL else name[:SHOWN_HEADER_CELL] + "…"
            problems.append(Problem("csv.unknown_column", {"name": shown}, line=start))
        seen.add(name)
    missing = REQUIRED - seen
    if missing:
        problems.insert(
            0, Problem("csv.missing_columns", {"columns": ", ".join(sorted(missing))}, line=start)
        )
    return problems


def _read_lines(path: Path) -> list[str]:
    """The file's lines, decoded as ``read_text`` would (UTF-8, a BOM dropped, line ends as
    ``\\n``). Read line by line on purpose: one ``read_text`` and ``readlines`` of a 100,000-row
    file are two C calls of ~150 ms that hold the GIL, and on a loaded machine the GUI thread
    waited over half a second for it."""
    lines: list[str] = []
    with path.open(encoding="utf-8-sig") as csv_file:
        for line in csv_file:
            lines.append(line)  # noqa: PERF402 -- list(csv_file) is the one long C call
    return lines


def _release(items: list | dict) -> None:
    """Empties a big list or dict a piece at a time. Dropping 100,000 parsed rows at once frees
    them in one C call (~100 ms holding the GIL, several times that on a loaded machine);
    pieces let the GUI thread in between."""
    if isinstance(items, dict):
        while items:
            items.popitem()
        return
    while items:
        del items[-CSV_BATCH:]


def _records(lines: list[str]) -> Iterator[tuple[int, list[str] | Problem]]:
    """``(first line, fields)`` per CSV record, blank lines skipped. A record the csv module
    cannot read comes as a problem at its first line, and reading goes on after it: with
    ``newline=""`` and the default dialect the only such record has a field over
    ``csv.field_size_limit()``. That limit is process-wide and stays as it is (other readers
    rely on it); every cell is refused far below it anyway (``CSV_MAX_LENGTH``)."""
    position = 0

    def feed() -> Iterator[str]:
        nonlocal position
        while position < len(lines):
            position += 1
            yield lines[position - 1]

    reader = csv.reader(feed())
    while position < len(lines):
        start = position
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            position = _record_end(lines, start)
            reader = csv.reader(feed())
            yield (
                start + 1,
                Problem(
                    "csv.field_over_limit",
                    {"limit": csv.field_size_limit(), "detail": str(exc)},
                    line=start + 1,
                ),
            )
            continue
        if fields:
            yield start + 1, fields


def _parse_csv(lines: list[str]) -> tuple[list[dict], list[Problem]]:
    """The rows to import and the problems found: every bad row, each with its line."""
    records = _records(lines)
    header_line, header = next(records, (1, []))
    if isinstance(header, Problem):
        return [], [header]
    problems = _header_problems(header, header_line)
    if not REQUIRED.issubset(header):  # every row would be refused for the same reason
        return [], problems
    rows: list[dict] = []
    skus: dict[str, int] = {}
    barcodes: dict[str, int] = {}
    for line, fields in records:
        if isinstance(fields, Problem):
            problems.append(fields)
            continue
        try:
            row = _check_row(dict(zip(header, fields, strict=False)), len(fields), header, line)
            if row["sku"] in skus:
                raise bad(line, "sku", "csv.sku_repeats", sku=row["sku"], first=skus[row["sku"]])
            if row["barcode"] in barcodes:
                raise bad(
                    line,
                    "barcode",
                    "csv.barcode_repeats",
                    barcode=row["barcode"],
                    first=barcodes[row["barcode"]],
                )
        except _BadRow as row_problem:
            problems.append(row_problem.problem)
            continue
        skus[row["sku"]] = line
        if row["barcode"]:
            barcodes[row["barcode"]] = line
        rows.append(row)
    return rows, problems


def bad(line: int, column: str, code: str, **params: object) -> _BadRow:
    """The problem ``code`` of one cell, ready to raise out of the row's checks."""
    return _BadRow(Problem(code, params, line=line, column=column))


def _check_row(cells: dict[str, str], count: int, header: list[str], line: int) -> dict:
    """One data row as the values to write; raises :class:`_BadRow` with its first problem."""
    if count > len(header):
        raise _BadRow(
            Problem("csv.extra_fields", {"count": count, "columns": len(header)}, line=line)
        )
    values = {}
    plain = "".join(cells.values()).isprintable()  # the usual row: one C-speed look at it all
    for column in CSV_COLUMNS:
        value = cells.get(column, "").strip()
        if value.startswith("'"):
            value = _uncell(value)
        char = None if plain else _control_char(value)
        if char is not None:
            raise bad(line, column, "csv.control_char", char=char)
        if len(value) > CSV_MAX_LENGTH[column]:
            raise bad(line, column, "csv.too_long", length=len(value), limit=CSV_MAX_LENGTH[column])
        values[column] = value
    sku, barcode = values["sku"], values["barcode"]
    if not sku:
        raise bad(line, "sku", "csv.empty")
    if not values["name_ru"]:
        raise bad(line, "name_ru", "csv.empty")
    # Only 0-9: str.isdigit() also takes "²" and fullwidth "４", which no scanner ever types.
    if barcode and not (barcode.isascii() and barcode.isdigit()):
        raise bad(line, "barcode", "csv.barcode_digits", barcode=barcode)
    try:
        price = parse_kzt(values["price"])
    except CashierError as exc:
        if exc.key == "money.out_of_range":  # an amount, but past what a till can take
            raise bad(
                line,
                "price",
                "csv.price_too_large",
                text=values["price"],
                max=format_kzt(MAX_TIYN),
            ) from None
        raise bad(line, "price", "csv.not_amount", text=values["price"]) from None
    if price <= 0:
        raise bad(line, "price", "csv.price_not_positive")
    try:
        vat_bp = _parse_vat(values["vat_percent"])
    except (CashierError, ValueError):
        raise bad(line, "vat_percent", "csv.vat", text=values["vat_percent"]) from None
    unit = values["unit"].lower() or "pcs"
    if unit not in ("pcs", "kg"):
        raise bad(line, "unit", "csv.unit", text=unit)
    fav = values["favourite"].lower()
    if fav not in _BOOL:
        raise bad(line, "favourite", "csv.favourite", text=fav)
    synonyms = None
    if "synonyms" in header:
        synonyms = split_synonyms(values["synonyms"], CSV_SYNONYM_SEPARATOR)
        try:
            _check_synonyms(synonyms)
        except CashierError:
            raise bad(
                line, "synonyms", "csv.synonyms", count=MAX_SYNONYMS, length=MAX_SYNONYM_LENGTH
            ) from None
    options = None
    if "options" in header:
        try:
            options = parse_option_groups(values["options"])
        except OptionsTextError as exc:
            raise bad(line, "options", exc.key, **exc.params) from None
    return {
        "line": line,
        "sku": sku,
        "barcode": barcode,
        "name_ru": values["name_ru"],
        "name_kk": values["name_kk"],
        "name_en": values["name_en"],
        "category_ru": values["category_ru"],
        "category_kk": values["category_kk"],
        "category_en": values["category_en"],
        "price": price,
        "vat_bp": vat_bp,
        "weighted": unit == "kg",
        "favourite": _BOOL[fav],
        "synonyms": synonyms,
        "options": options,  # None: the file has no options column, the product keeps its own
    }
