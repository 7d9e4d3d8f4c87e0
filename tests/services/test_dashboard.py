"""The dashboard's numbers against SQL written independently here, on the demo conversations."""

from __future__ import annotations

import csv
import os
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import text

from forsell.domain.errors import CashierError
from forsell.services.demo_conversations import seed_demo_conversations
from forsell.services.recordings import KEY_FILE
from forsell.services.review.dashboard import Dashboard
from forsell.services.review.service import ConversationFilter, ReviewService
from forsell.vault.keys import KeyVault

from .conftest import audit_rows, outbox_rows


@pytest.fixture
def board(till):
    vault = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    seed_demo_conversations(till, vault)
    review = ReviewService(till, vault)
    yield Dashboard(till), review
    vault.close()


def _period(till):
    today = till.ctx.local(till.ctx.clock()).date()
    return today - timedelta(days=7), today


def _q(till, sql, *args):
    db = sqlite3.connect(till.ctx.db.path)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def test_per_cashier_numbers_equal_independent_sql(till, staff, board):
    dashboard, _ = board
    view = dashboard.summary(staff.supervisor, *_period(till), group="cashier")
    assert {r.label for r in view.rows} == {"Данияр Ахметов", "Мария Ким"}
    for row in view.rows:
        ((n, scored, avg, offers, convs, revenue),) = _q(
            till,
            """
            SELECT count(*), sum(s.scorable AND s.percent IS NOT NULL),
                   avg(CASE WHEN s.scorable THEN s.percent END), sum(s.offers),
                   sum(s.conversions), sum(s.extra_revenue)
            FROM recordings r LEFT JOIN conversation_scores s ON s.recording_id = r.id
            WHERE r.employee_id = ?""",
            row.key,
        )
        assert (row.conversations, row.scored, row.offers, row.conversions, row.upsell_revenue) == (
            n,
            scored,
            offers,
            convs,
            revenue,
        )
        assert row.average_score == round(avg, 1)
        ((sales, total),) = _q(
            till, "SELECT count(*), sum(total) FROM sales WHERE employee_id = ?", row.key
        )
        assert (row.sales, row.sales_total, row.average_ticket) == (
            sales,
            total,
            round(total / sales),
        )
        ((lines,),) = _q(
            till,
            """SELECT sum(l.qty_milli) FROM sale_lines l JOIN sales s
                                ON s.id = l.sale_id WHERE s.employee_id = ?""",
            row.key,
        )
        assert row.items_per_ticket == round(lines / 1000 / sales, 2)
        assert row.conversion_rate == (convs / offers if offers else None)
        for item, rate in row.pass_rates.items():
            ((p, f),) = _q(
                till,
                """SELECT sum(i.outcome = 'pass'), sum(i.outcome = 'fail')
                FROM conversation_item_results i JOIN recordings r ON r.id = i.recording_id
                WHERE r.employee_id = ? AND i.item_id = ?""",
                row.key,
                item,
            )
            assert rate == pytest.approx(p / (p + f))
    assert view.total.conversations == 7 and view.total.sales == 7
    assert view.total.recorded_share == 1.0
    assert [b.employee for b in view.leaderboard] == sorted(
        [r.label for r in view.rows],
        key=lambda name: -next(r.average_score for r in view.rows if r.label == name),
    )


def test_day_week_shift_and_hours_add_up(till, staff, board):
    dashboard, _ = board
    for group in ("day", "week", "shift"):
        view = dashboard.summary(staff.supervisor, *_period(till), group=group)
        assert sum(r.conversations for r in view.rows) == 7
        assert sum(r.sales_total for r in view.rows) == view.total.sales_total
    hours = {
        int(h): (n, t)
        for h, n, t in _q(
            till,
            """
        SELECT strftime('%H', datetime(created_at, '+5 hours')), count(*), sum(total)
        FROM sales GROUP BY 1""",
        )
    }
    assert view.sales_by_hour == hours


def test_override_moves_the_dashboard(till, staff, board):
    dashboard, review = board
    before = dashboard.summary(staff.supervisor, *_period(till)).total.average_score
    row = review.list(staff.supervisor, ConversationFilter(score_min=100))[0]
    review.override(staff.supervisor, row.recording_id, "greeting", "fail", "")
    after = dashboard.summary(staff.supervisor, *_period(till)).total.average_score
    assert after < before


def test_cashier_sees_own_row_and_export_is_audited(till, staff, board, tmp_path):
    dashboard, _ = board
    view = dashboard.summary(staff.cashier, *_period(till))
    assert [r.key for r in view.rows] == [staff.cashier.id]
    path = dashboard.export_csv(staff.cashier, tmp_path / "d.csv")
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), "no BOM: Excel reads the file as ANSI"
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))  # the store's locale is Russian
    assert [r["label"] for r in rows] == ["Данияр Ахметов", "total"]
    assert int(rows[0]["conversations"]) == view.rows[0].conversations
    # Tenge with a decimal comma, as Russian Excel adds up; never tiyn.
    total = view.total.sales_total
    assert rows[1]["sales_total"] == f"{total // 100},{total % 100:02d}"
    assert audit_rows(till, "dashboard_exported")[0].employee_id == staff.cashier.id


def test_untranscribed_conversations_have_audio_measures(till, staff, board):
    _, review = board
    rid = review.list(staff.supervisor, ConversationFilter())[0].recording_id
    with till.ctx.db.write() as session:
        session.execute(text("DELETE FROM transcripts WHERE recording_id = :r"), {"r": rid})
    detail = review.detail(staff.supervisor, rid)
    m = detail.audio_measures
    assert not detail.row.has_transcript and m.loudness_dbfs is not None and m.loudness_dbfs < 0
    ((speech, dur),) = _q(till, "SELECT speech_ms, duration_ms FROM recordings WHERE id = ?", rid)
    assert m.talk_s == speech / 1000 and m.silence_share == round(1 - speech / dur, 3)


def test_pdf_export_is_audited(till, staff, board, tmp_path):
    dashboard, _ = board
    with pytest.raises(CashierError) as e:
        dashboard.record_pdf_export(staff.supervisor, tmp_path / "early.pdf")
    assert e.value.key == "dashboard.empty" and not audit_rows(till, "dashboard_pdf_exported")
    view = dashboard.summary(staff.supervisor, *_period(till), group="day")
    dashboard.record_pdf_export(staff.supervisor, tmp_path / "folder" / "report.pdf")
    (entry,) = audit_rows(till, "dashboard_pdf_exported")
    assert entry.employee_id == staff.supervisor.id
    assert entry.details == {
        "date_from": view.date_from.isoformat(),
        "date_to": view.date_to.isoformat(),
        "group": "day",
        "rows": len(view.rows),
        "file": "report.pdf",
    }
    assert [j.payload["action"] for j in outbox_rows(till, "audit")].count(
        "dashboard_pdf_exported"
    ) == 1
