"""Product options at the till: ringing up a latte with oat milk and syrup, parking it, paying,
the receipt, the sale's payload, refunds, and the catalog CSV's options column."""

from __future__ import annotations

from pathlib import Path

import pytest

from forsell.domain.errors import CashierError
from forsell.domain.options import OptionGroup, ProductOption
from forsell.domain.payment import Payment
from forsell.services.app import Till
from forsell.services.catalog import CsvImportError, ProductView
from forsell.store.models import SaleLine

from .conftest import Products, Staff, admin_of, audit_rows, outbox_rows

pytestmark = pytest.mark.usefixtures("shift")

MILK = OptionGroup(
    "g-milk",
    {"ru": "Молоко", "kk": "Сүт", "en": "Milk"},
    (
        ProductOption(
            "milk-regular", {"ru": "обычное", "kk": "кәдімгі", "en": "regular"}, 0, preselected=True
        ),
        ProductOption("milk-oat", {"ru": "овсяное", "kk": "сұлы", "en": "oat"}, 20_000),
    ),
    min_choices=1,
)
SYRUP = OptionGroup(
    "g-syrup",
    {"ru": "Сироп", "kk": "Шәрбат", "en": "Syrup"},
    (
        ProductOption(
            "syrup-vanilla",
            {"ru": "ванильный", "kk": "ванильді", "en": "vanilla"},
            25_000,
            "COF-020",
        ),
    ),
)
SIZE = OptionGroup(
    "g-size",
    {"ru": "Размер"},
    (ProductOption("size-s", {"ru": "S"}, -10_000), ProductOption("size-l", {"ru": "L"}, 30_000)),
    min_choices=1,
)


@pytest.fixture
def latte(till: Till, products: Products) -> ProductView:
    """The test bread (250 ₸, barcode) dressed as a drink with milk and syrup options."""
    till.catalog.set_option_groups(admin_of(till), products.bread.id, (MILK, SYRUP))
    return products.bread


def test_a_product_with_options_is_rung_up_with_their_price(
    till: Till, staff: Staff, latte: ProductView
) -> None:
    sale = till.sale_for(staff.cashier)
    view = sale.add(latte, 1000, ["milk-oat", "syrup-vanilla"])
    [line] = view.lines
    assert line.unit_price == 25_000 + 20_000 + 25_000
    assert line.options == (("овсяное", 20_000), ("ванильный", 25_000))
    assert view.total == 70_000
    assert sale.line_option_ids(0) == ("milk-oat", "syrup-vanilla")


def test_without_a_choice_the_preselected_options_go_in(
    till: Till, staff: Staff, latte: ProductView
) -> None:
    view = till.sale_for(staff.cashier).add(latte)
    assert view.lines[0].options == (("обычное", 0),)
    assert view.total == 25_000


def test_a_scan_of_a_product_with_options_asks_for_them(
    till: Till, staff: Staff, latte: ProductView
) -> None:
    sale = till.sale_for(staff.cashier)
    with pytest.raises(CashierError) as error:
        sale.scan(latte.barcode)
    assert error.value.key == "scan.needs_options"
    assert sale.view().empty


def test_a_required_group_left_unanswered_is_refused(
    till: Till, staff: Staff, products: Products
) -> None:
    till.catalog.set_option_groups(admin_of(till), products.water.id, (SIZE,))
    sale = till.sale_for(staff.cashier)
    with pytest.raises(CashierError) as error:
        sale.add(products.water, 1000, [])
    assert (error.value.key, error.value.params["group"]) == ("options.required", "Размер")
    assert sale.add(products.water, 1000, ["size-s"]).total == 5_000  # 150 ₸ − 100 ₸


def test_editing_the_options_of_a_line_changes_its_price(
    till: Till, staff: Staff, latte: ProductView
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.add(latte, 2000, ["milk-regular"])
    view = sale.set_line_options(0, ["milk-oat"])
    assert (view.lines[0].unit_price, view.total) == (45_000, 90_000)
    with pytest.raises(CashierError) as error:
        sale.set_line_options(0, [])
    assert error.value.key == "options.required"
    assert sale.view().total == 90_000


def test_a_parked_sale_comes_back_with_its_options(
    till: Till, staff: Staff, latte: ProductView
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.add(latte, 1000, ["milk-oat", "syrup-vanilla"])
    sale.park("Айгерим")
    [parked] = sale.parked()
    assert parked.total == 70_000
    view = sale.recall(parked.id)
    assert view.lines[0].options == (("овсяное", 20_000), ("ванильный", 25_000))
    assert sale.line_option_ids(0) == ("milk-oat", "syrup-vanilla")


def test_the_sale_keeps_the_options_for_the_receipt_the_backend_and_a_refund(
    till: Till, staff: Staff, latte: ProductView
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.add(latte, 2000, ["milk-oat", "syrup-vanilla"])
    receipt = sale.pay(Payment(cash_tendered=200_000))
    [line] = receipt.lines
    assert [(o.name("kk"), o.price_delta, o.sku) for o in line.options] == [
        ("сұлы", 20_000, ""),
        ("ванильді", 25_000, "COF-020"),
    ]
    assert (line.unit_price, line.net) == (70_000, 140_000)
    # A later catalog change does not rewrite what was sold.
    till.catalog.set_option_groups(admin_of(till), latte.id, ())
    again = till.refunds.find(str(receipt.receipt_no))
    assert [o.name("ru") for o in again.lines[0].options] == ["овсяное", "ванильный"]
    [job] = outbox_rows(till, "sale")
    assert job.payload["lines"][0]["options"] == [
        {
            "group_id": "g-milk",
            "option_id": "milk-oat",
            "group": "Молоко",
            "name": "овсяное",
            "sku": None,
            "price_delta": 20_000,
        },
        {
            "group_id": "g-syrup",
            "option_id": "syrup-vanilla",
            "group": "Сироп",
            "name": "ванильный",
            "sku": "COF-020",
            "price_delta": 25_000,
        },
    ]
    # A refunded drink gives back its options' price too.
    refund = till.refunds.refund(staff.supervisor, receipt.sale_id, {line.line_id: 1000}, "cash")
    assert refund.total == 70_000


def test_a_sale_without_options_sends_an_empty_list(
    till: Till, staff: Staff, products: Products
) -> None:
    sale = till.sale_for(staff.cashier)
    sale.scan(products.milk.barcode)
    sale.pay(Payment(cash_tendered=50_000))
    [job] = outbox_rows(till, "sale")
    assert job.payload["lines"][0]["options"] == []
    with till.ctx.db.read() as session:
        assert session.query(SaleLine).one().options is None


def test_changing_options_is_audited(till: Till, latte: ProductView) -> None:
    [entry] = audit_rows(till, "product_options_changed")
    assert entry.details["sku"] == latte.sku and entry.details["groups"] == 2


def _csv(tmp_path: Path, rows: list[str], name: str = "options.csv") -> Path:
    path = tmp_path / name
    header = "sku,name_ru,price,vat_percent,options"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_catalog_csv_imports_and_exports_option_groups(till: Till, tmp_path: Path) -> None:
    admin = admin_of(till)
    path = _csv(
        tmp_path,
        [
            (
                'LAT-1,Латте,1400,16,"Молоко/Сүт/Milk [1]: обычное/кәдімгі/regular*, '
                'овсяное/сұлы/oat +200; Сироп [0-1]: ваниль +250 #COF-020"'
            ),
            "TEA-X,Чай,500,16,",
        ],
    )
    assert till.catalog.import_csv(admin, path).added == 2
    latte = next(p for p in till.catalog.search("LAT-1") if p.sku == "LAT-1")
    groups = till.catalog.option_groups(latte.id)
    assert [(g.names["kk"], g.required, [o.price_delta for o in g.options]) for g in groups] == [
        ("Сүт", True, [0, 20_000]),
        ("", False, [25_000]),
    ]
    out = tmp_path / "export.csv"
    till.catalog.export_csv(out)
    exported = out.read_text(encoding="utf-8")
    assert exported.splitlines()[0].endswith(",synonyms,options")
    assert (
        '"Молоко/Сүт/Milk [1]: обычное/кәдімгі/regular*, овсяное/сұлы/oat +200; '
        'Сироп [0-1]: ваниль +250 #COF-020"' in exported
    )
    # The export imports back unchanged; an empty cell removes the groups, a file without the
    # column keeps them.
    till.catalog.import_csv(admin, out)
    assert len(till.catalog.option_groups(latte.id)) == 2
    till.catalog.import_csv(admin, _csv(tmp_path, ["LAT-1,Латте,1400,16,"], "empty.csv"))
    assert till.catalog.option_groups(latte.id) == ()
    till.catalog.import_csv(admin, path)
    plain = tmp_path / "plain.csv"
    plain.write_text("sku,name_ru,price,vat_percent\nLAT-1,Латте,1500,16\n", encoding="utf-8")
    till.catalog.import_csv(admin, plain)
    assert len(till.catalog.option_groups(latte.id)) == 2


def test_bad_options_cells_are_reported_per_row_and_nothing_is_imported(
    till: Till, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        [
            'LAT-1,Латте,1400,16,"Молоко [1]: обычное, овсяное +2OO"',
            "LAT-2,Раф,1800,16,Сироп ваниль",
            'LAT-3,Мокко,1700,16,"Размер [3]: S, L"',
            "LAT-4,Какао,1200,16,Молоко: овсяное +200",
        ],
    )
    with pytest.raises(CsvImportError) as error:
        till.catalog.import_csv(admin_of(till), path)
    assert [(p.line, p.column, p.code) for p in error.value.problems] == [
        (2, "options", "csv.options_amount"),
        (3, "options", "csv.options_syntax"),
        (4, "options", "csv.options_limits"),
    ]
    assert error.value.problems[0].params == {"text": "+2OO"}
    assert not [p for p in till.catalog.search("LAT-4") if p.sku == "LAT-4"]


def test_the_scorer_gets_the_paid_options_as_receipt_items(
    till: Till, staff: Staff, latte: ProductView, clock
) -> None:
    from forsell.services.review.scoring import sale_receipt

    started = clock()
    clock.advance(5)
    sale = till.sale_for(staff.cashier)
    sale.add(latte, 1000, ["milk-regular", "syrup-vanilla"])
    receipt = sale.pay(Payment(cash_tendered=50_000))
    with till.ctx.db.read() as session:
        scored, line_ids = sale_receipt(session, receipt.sale_id, started, {})
    assert [(i.sku, i.name, i.amount, i.added_at) for i in scored.lines] == [
        (latte.sku, latte.names["ru"], 50_000, 5.0),
        ("COF-020", "Сироп ванильный", 25_000, 5.0),  # regular milk is free: not an item
    ]
    assert line_ids == [receipt.lines[0].line_id] * 2
