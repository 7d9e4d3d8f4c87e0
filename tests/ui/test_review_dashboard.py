"""The dashboard's numbers against SQL the test writes itself, and its CSV and PDF exports."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_percent
from forsell.services.app import DB_NAME
from forsell.ui.review.dashboard import DashboardPage

from .conftest import find
from .review_data import review_fixture  # noqa: F401 - the "review" fixture


@pytest.fixture
def page(qtbot, review) -> DashboardPage:
    widget = DashboardPage(review.till, review.supervisor)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.view is not None, timeout=5000)
    return widget


def _independent(review) -> dict[str, dict]:
    """Per cashier, straight from the tables (no service code involved)."""
    with sqlite3.connect(review.till.ctx.data_dir / DB_NAME) as db:
        out: dict[str, dict] = {}
        for emp, name in db.execute("SELECT id, name FROM employees"):
            (conversations,) = db.execute(
                "SELECT count(*) FROM recordings WHERE employee_id = ?", (emp,)
            ).fetchone()
            if not conversations:
                continue
            scores = [
                p
                for (p,) in db.execute(
                    "SELECT s.percent FROM conversation_scores s JOIN recordings r"
                    " ON r.id = s.recording_id WHERE r.employee_id = ? AND s.scorable"
                    " AND s.percent IS NOT NULL",
                    (emp,),
                )
            ]
            sales, total = db.execute(
                "SELECT count(*), coalesce(sum(total), 0) FROM sales WHERE employee_id = ?"
                " AND voided_at IS NULL",
                (emp,),
            ).fetchone()
            (revenue,) = db.execute(
                "SELECT coalesce(sum(s.extra_revenue), 0) FROM conversation_scores s"
                " JOIN recordings r ON r.id = s.recording_id WHERE r.employee_id = ?",
                (emp,),
            ).fetchone()
            by_hour = db.execute("SELECT count(*) FROM sales WHERE voided_at IS NULL").fetchone()
            out[name] = {
                "conversations": conversations,
                "sales": sales,
                "total": total,
                "score": sum(scores) / len(scores) if scores else None,
                "revenue": revenue,
                "all_sales": by_hour[0],
            }
    return out


def test_the_numbers_equal_sql_computed_independently(qtbot, review, page):
    expected = _independent(review)
    assert set(expected) == {review.first.name, review.second.name}
    table = find(page, "dashboard table")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    col = {h: i for i, h in enumerate(headers)}
    shown = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    for name, numbers in expected.items():
        r = shown[name]
        assert table.item(r, col["Conversations"]).text() == str(numbers["conversations"])
        assert table.item(r, col["Sales"]).text() == format_kzt(numbers["total"])
        recorded = table.item(r, col["Sales recorded"]).text()
        assert recorded.endswith(f"/{numbers['sales']} (100\u00a0%)")
        assert table.item(r, col["Average score"]).text() == format_percent(numbers["score"], 1)
        assert table.item(r, col["Upsell revenue"]).text() == format_kzt(numbers["revenue"])
        assert table.item(r, col["Average ticket"]).text() == format_kzt(
            round(numbers["total"] / numbers["sales"])
        )
    total = table.item(table.rowCount() - 1, col["Sales"]).text()
    assert total == format_kzt(sum(n["total"] for n in expected.values()))
    assert table.item(table.rowCount() - 1, 0).text() == "Total"
    board = find(page, "leaderboard")
    assert board.item(0, 0).text() == f"1. {review.first.name}"  # 100 % beats the poor one
    hours = page.view.sales_by_hour
    assert sum(n for n, _t in hours.values()) == next(iter(expected.values()))["all_sales"]
    chart = find(page, "score chart")
    assert f"{review.first.name}: 100" in chart.accessibleDescription()


def test_grouping_by_day_and_a_period_without_data(qtbot, review, page):
    with qtbot.waitSignal(page.loaded):
        page.group.setCurrentIndex(page.group.findData("day"))
    assert len(page.view.rows) == 1 and page.view.rows[0].conversations == 3
    start = page.date_from.date().addDays(-30)
    with qtbot.waitSignal(page.loaded):
        page.date_to.setDate(page.date_from.date().addDays(-10))
    with qtbot.waitSignal(page.loaded):
        page.date_from.setDate(start)
    assert page.view.rows == () and page.view.total.conversations == 0


def test_csv_and_pdf_exports(qtbot, review, page, tmp_path):
    target = tmp_path / "dashboard.csv"
    assert page.export_csv(target)
    titles = page.csv_titles(page.view)
    with target.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))  # the demo store's locale is Russian
    by_label = {r[titles["label"]]: r for r in rows}
    assert by_label[review.first.name][titles["conversations"]] == "2"
    total = page.view.total.sales_total
    assert by_label[titles["total"]][titles["sales_total"]] == f"{total // 100},{total % 100:02d}"
    pdf = tmp_path / "report.pdf"
    assert _audited(review, "dashboard_pdf_exported") == []
    assert page.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    assert len(_audited(review, "dashboard_exported")) == 1
    (pdf_entry,) = _audited(review, "dashboard_pdf_exported")
    assert pdf_entry[0] == review.supervisor.id
    assert json.loads(pdf_entry[1])["file"] == "report.pdf"


def _audited(review, action: str) -> list[tuple[str, str]]:
    with sqlite3.connect(review.till.ctx.data_dir / DB_NAME) as db:
        return db.execute(
            "SELECT employee_id, details FROM audit WHERE action = ?", (action,)
        ).fetchall()
