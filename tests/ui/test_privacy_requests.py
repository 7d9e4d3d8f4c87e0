"""The admin's data-subject requests screen (policy 6.2-6.3): real widgets offscreen, a real
SQLite till with the demo staff and a real sale by the cashier."""

from __future__ import annotations

import json
import stat
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.privacy.policy import PrivacyPolicyService
from forsell.services.privacy.requests import PrivacyRequests, subject_employee
from forsell.store.models import AuditEntry, PrivacyBlock
from forsell.ui.main_window import MainWindow
from forsell.ui.privacy_request_forms import (
    AnswerDialog,
    CorrectDialog,
    NewRequestDialog,
    PinConfirmDialog,
)
from forsell.ui.privacy_requests import PrivacyRequestsDialog
from forsell.ui.tasks import tasks

from .backoffice_fixtures import sell
from .conftest import ADMIN_PIN, employee, find, log_in, modal

CASHIER = "Данияр Ахметов"


@pytest.fixture
def admin_view(till):
    return employee(till, Role.ADMIN)


@pytest.fixture
def cashier_sale(till):
    """One sale by the cashier Данияр: their receipts are data the screen must find."""
    cashier = till.staff.login(employee(till, Role.CASHIER, CASHIER).id, "1111")
    till.shifts.open(cashier, 0)
    sku = till.catalog.search("Капучино")[0].sku
    return sell(till, cashier, [(sku, 1000)], Payment(cash_tendered=10_000_00))


def _open(qtbot, till, who) -> PrivacyRequestsDialog:
    dialog = PrivacyRequestsDialog(till, who)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tasks().wait()
    return dialog


def _settle(qtbot, dialog) -> None:
    """Waits until the screen's background work has answered."""
    qtbot.waitUntil(lambda: not tasks().busy(dialog), timeout=10_000)


def _actions(till) -> list[AuditEntry]:
    with till.ctx.db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(r.action, dict(r.details)) for r in rows]


def _select(dialog, request_id: str) -> None:
    row = next(i for i, v in enumerate(dialog.views) if v.id == request_id)
    dialog.table.selectRow(row)


def _pin(qtbot, dialog_cls, pin: str = ADMIN_PIN):
    confirm = modal(qtbot, dialog_cls)
    qtbot.keyClicks(find(confirm, "admin PIN"), pin)
    qtbot.mouseClick(find(confirm, "confirm action"), Qt.MouseButton.LeftButton)
    return confirm


def test_the_screen_lists_requests_with_the_overdue_one_marked(qtbot, till, admin_view):
    service = PrivacyRequests(till.ctx)
    cashier = employee(till, Role.CASHIER, CASHIER)
    old = service.register(
        admin_view, "information", "Данияр", subject_employee(cashier.id),
        received_on=till.ctx.local(till.ctx.clock()).date() - timedelta(days=40),
    )  # fmt: skip
    service.register(admin_view, "export", "Мария", subject_employee("Мария Ким"))

    dialog = _open(qtbot, till, admin_view)

    assert dialog.table.rowCount() == 2
    first = [dialog.table.item(0, c).text() for c in range(5)]
    assert dialog.views[0].id == old.id  # the earliest due first
    assert first[0] == "Information about processing" and first[1] == "Данияр"
    assert "overdue" in first[4]
    assert dialog.table.item(0, 3).foreground().color().name() == "#b3261e"
    assert "overdue" not in dialog.table.item(1, 4).text()


def test_an_admin_registers_finds_answers_saves_pdf_and_json_and_blocks(
    qtbot, till, admin_view, cashier_sale, tmp_path
):
    dialog = _open(qtbot, till, admin_view)
    qtbot.mouseClick(find(dialog, "new request"), Qt.MouseButton.LeftButton)
    form = modal(qtbot, NewRequestDialog)
    find(form, "requester").setText("Данияр Ахметов")  # keyClicks types ASCII only
    kind = find(form, "request kind")
    kind.setCurrentIndex(kind.findData("information"))
    people = find(form, "subject employee")
    people.setCurrentIndex(people.findText(CASHIER))
    qtbot.mouseClick(find(form, "register request"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    _settle(qtbot, dialog)
    assert "the answer is due" in dialog.feedback.text()

    _select(dialog, dialog.views[0].id)
    qtbot.mouseClick(find(dialog, "find subject data"), Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    found = find(dialog, "request result").toPlainText()
    assert "Receipts — records: 1" in found and "Staff account — records: 1" in found

    qtbot.mouseClick(find(dialog, "answer request"), Qt.MouseButton.LeftButton)
    answer = modal(qtbot, AnswerDialog)
    text = find(answer, "answer text").toPlainText()
    assert "Receipts" in text and "4Sell" in text  # what is held, and the operator
    assert "Капучино" not in text  # counts, never what was bought
    language = find(answer, "answer language")
    language.setCurrentIndex(language.findData("kk"))  # the subject's language, not the admin's
    assert "Қандай деректер сақталады" in find(answer, "answer text").toPlainText()
    pdf, data = tmp_path / "answer.pdf", tmp_path / "answer.json"
    answer.save_pdf_to(pdf)
    _settle(qtbot, dialog)
    answer.save_json_to(data)
    _settle(qtbot, dialog)
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 5_000
    assert json.loads(data.read_text("utf-8"))["request"]["id"] == dialog.views[0].id
    assert {stat.S_IMODE(p.stat().st_mode) for p in (pdf, data)} == {0o600}
    assert "Saved to" in answer.feedback.text()
    answer.accept()
    _settle(qtbot, dialog)
    assert dialog.views[0].status == "answered"

    qtbot.mouseClick(find(dialog, "block subject"), Qt.MouseButton.LeftButton)
    confirm = _pin(qtbot, PinConfirmDialog, "0000")  # a wrong PIN: refused, nothing blocked
    qtbot.waitUntil(lambda: confirm.feedback.is_error, timeout=10_000)
    with till.ctx.db.read() as session:
        assert session.scalars(select(PrivacyBlock)).first() is None
    _pin(qtbot, PinConfirmDialog)
    qtbot.waitUntil(lambda: "Blocked" in dialog.feedback.text(), timeout=10_000)
    with till.ctx.db.read() as session:
        block = session.scalars(select(PrivacyBlock)).one()
    assert block.employee_id == employee(till, Role.CASHIER, CASHIER).id
    actions = [a for a, _ in _actions(till)]
    assert {"privacy_request_registered", "privacy_subject_searched", "privacy_report_made",
            "privacy_subject_blocked"} <= set(actions)  # fmt: skip


def test_correction_changes_the_name_and_audits_without_it(qtbot, till, admin_view):
    cashier = employee(till, Role.CASHIER, CASHIER)
    request = PrivacyRequests(till.ctx).register(
        admin_view, "correction", CASHIER, subject_employee(CASHIER)
    )
    dialog = _open(qtbot, till, admin_view)
    _select(dialog, request.id)
    correct = find(dialog, "correct subject data")
    assert correct.isEnabled()

    qtbot.mouseClick(correct, Qt.MouseButton.LeftButton)
    form = modal(qtbot, CorrectDialog)
    find(form, "corrected value").setText("Данияр Ахметұлы")
    _pin(qtbot, CorrectDialog)
    qtbot.waitUntil(lambda: "Corrected" in dialog.feedback.text(), timeout=10_000)

    assert employee(till, Role.CASHIER, "Данияр Ахметұлы").id == cashier.id
    action, details = _actions(till)[-1]
    assert action == "privacy_data_corrected" and details["field"] == "name"
    assert "Данияр" not in json.dumps(details, ensure_ascii=False)


def test_correct_is_only_for_correction_requests_and_an_empty_name_is_refused(
    qtbot, till, admin_view
):
    service = PrivacyRequests(till.ctx)
    info = service.register(admin_view, "information", "x", subject_employee(CASHIER))
    fix = service.register(admin_view, "correction", "x", subject_employee(CASHIER))
    dialog = _open(qtbot, till, admin_view)
    _select(dialog, info.id)
    assert not find(dialog, "correct subject data").isEnabled()
    _select(dialog, fix.id)
    qtbot.mouseClick(find(dialog, "correct subject data"), Qt.MouseButton.LeftButton)
    form = modal(qtbot, CorrectDialog)
    qtbot.keyClicks(find(form, "corrected value"), "   ")
    _pin(qtbot, CorrectDialog)
    qtbot.waitUntil(lambda: form.feedback.is_error, timeout=10_000)
    assert "corrected value" in form.feedback.text().lower()
    assert CASHIER in {e.name for e in till.staff.staff()}


def test_destroy_is_offered_for_destruction_requests_only(qtbot, till, admin_view):
    service = PrivacyRequests(till.ctx)
    info = service.register(admin_view, "information", "x", subject_employee(CASHIER))
    erase = service.register(admin_view, "destruction", "x", subject_employee(CASHIER))
    dialog = _open(qtbot, till, admin_view)
    destroy = find(dialog, "destroy subject data")
    _select(dialog, info.id)
    assert not destroy.isEnabled()
    _select(dialog, erase.id)
    assert destroy.isEnabled()


@pytest.mark.parametrize("role", [Role.CASHIER, Role.SUPERVISOR])
def test_only_an_admin_opens_the_screen(qtbot, till, role):
    with pytest.raises(CashierError) as refused:
        PrivacyRequestsDialog(till, employee(till, role))
    assert refused.value.key == "admin.only"


def test_the_admin_menu_opens_it_for_an_admin_only(qtbot, till):
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    cashier = employee(till, Role.CASHIER, CASHIER)
    log_in(qtbot, window, cashier, "1111")
    assert not window.admin_menu.menuAction().isVisible()
    window.run_action("privacy requests")  # the shortcut reaches here even with the menu hidden
    assert not window.findChildren(PrivacyRequestsDialog)
    window.lock()
    admin = employee(till, Role.ADMIN)
    policy = PrivacyPolicyService(till.ctx)
    policy.accept(admin, policy.in_force().version)  # else its acceptance opens first
    log_in(qtbot, window, admin, ADMIN_PIN)
    assert window.admin_menu.menuAction().isVisible()
    window.requests_action.trigger()
    opened = modal(qtbot, PrivacyRequestsDialog)
    assert opened.windowTitle() == "Data-subject requests"
    opened.reject()
    window.languages.uninstall()


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_screenshots_in_every_language_show_no_cut_text(
    qtbot, till, admin_view, cashier_sale, tmp_path, language
):
    from forsell.ui.i18n import Languages

    from .test_screenshots import clipped, colours, shot_dir

    service = PrivacyRequests(till.ctx)
    cashier = employee(till, Role.CASHIER, CASHIER)
    service.register(
        admin_view, "correction", "Данияр Ахметов", subject_employee(cashier.id),
        received_on=till.ctx.local(till.ctx.clock()).date() - timedelta(days=40),
    )  # fmt: skip
    service.register(admin_view, "information", "Мария Ким", subject_employee("Мария Ким"))
    languages = Languages()
    languages.switch(language)
    folder = shot_dir(tmp_path)
    try:
        dialog = _open(qtbot, till, admin_view)
        dialog.resize(dialog.minimumWidth(), dialog.minimumHeight())
        _select(dialog, dialog.views[0].id)
        qtbot.mouseClick(find(dialog, "find subject data"), Qt.MouseButton.LeftButton)
        _settle(qtbot, dialog)
        shots = {"list": dialog}
        for name in ("list", "answer"):
            if name == "answer":  # after the list: answering marks the request answered
                qtbot.mouseClick(find(dialog, "answer request"), Qt.MouseButton.LeftButton)
                shots[name] = modal(qtbot, AnswerDialog)
            widget = shots[name]
            path = folder / f"dsrui_{language}_{name}.png"
            assert widget.grab().save(str(path), "PNG")
            assert colours(widget.grab().toImage()) > 40, f"{path.name} looks blank"
            assert not clipped(widget), f"{path.name}: cut text: {clipped(widget)}"
        shots["answer"].accept()
        _settle(qtbot, dialog)
        forms = {
            "new": (find(dialog, "new request"), NewRequestDialog),
            "correct": (find(dialog, "correct subject data"), CorrectDialog),
            "block": (find(dialog, "block subject"), PinConfirmDialog),
        }
        for name, (button, cls) in forms.items():
            _select(dialog, dialog.views[0].id)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            form = modal(qtbot, cls)
            path = folder / f"dsrui_{language}_{name}.png"
            assert form.grab().save(str(path), "PNG")
            assert not clipped(form), f"{path.name}: cut text: {clipped(form)}"
            form.reject()
    finally:
        languages.uninstall()


def test_export_asks_for_the_pin_and_writes_a_new_private_folder(
    qtbot, till, admin_view, cashier_sale, tmp_path
):
    request = PrivacyRequests(till.ctx).register(
        admin_view, "export", CASHIER, subject_employee(CASHIER)
    )
    dialog = _open(qtbot, till, admin_view)
    _select(dialog, request.id)
    exports = tmp_path / "exports"
    exports.mkdir()
    dialog.export_to(exports)  # what Export… does once a folder is chosen
    _pin(qtbot, PinConfirmDialog)
    qtbot.waitUntil(lambda: "files written" in dialog.feedback.text(), timeout=10_000)
    (folder,) = exports.iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    data = folder / "subject-data.json"
    assert json.loads(data.read_text("utf-8"))["request"]["id"] == request.id
    assert stat.S_IMODE(data.stat().st_mode) == 0o600


def test_destroy_from_the_screen_pseudonymises_the_cashier(qtbot, till, admin_view):
    request = PrivacyRequests(till.ctx).register(
        admin_view, "destruction", CASHIER, subject_employee(CASHIER)
    )
    dialog = _open(qtbot, till, admin_view)
    _select(dialog, request.id)
    button = find(dialog, "destroy subject data")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _pin(qtbot, PinConfirmDialog)
    qtbot.waitUntil(lambda: "Destroyed" in dialog.feedback.text(), timeout=20_000)
    assert request.id in dialog.feedback.text()
    assert CASHIER not in {e.name for e in till.staff.staff()}
