"""Authorisation, table-driven: every public method of every service class declares who may call
it, the declarations are the policy table below, and each entry point that needs a role is
called with every role (and with nobody signed in) on a real till.

A role below the policy's is refused (or asked for a supervisor's approval) before the method's
body runs: the database is byte for byte what it was. The arguments other than who acts are
placeholders that the body would choke on, so an entry point whose check is missing, or comes
after the work, fails here. Roles at or above the policy's pass the same check.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import os
import pkgutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import fields
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from keyring.backends.fail import Keyring as NoKeyring

import forsell
import forsell.services
from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.roles import ALONE_FROM, Action, Role
from forsell.services.access import REFUSALS, Requirement, declaration
from forsell.services.admin import StoreAdmin
from forsell.services.app import Till
from forsell.services.audit_trail import AuditTrail
from forsell.services.auth import Approval, EmployeeView, StaffService
from forsell.services.backup import TillBackups
from forsell.services.catalog import CatalogService, ProductDraft
from forsell.services.consent import ConsentService
from forsell.services.counter_printer import CounterPrinter
from forsell.services.fiscal import FiscalService
from forsell.services.journal import ReceiptJournal
from forsell.services.privacy.policy import PrivacyPolicyService
from forsell.services.privacy.registration import RegistrationService
from forsell.services.privacy.requests import PrivacyRequests
from forsell.services.recordings import KEY_FILE, RecordingLibrary
from forsell.services.refunds import RefundService
from forsell.services.retention import RetentionService
from forsell.services.review.dashboard import Dashboard
from forsell.services.review.service import ReviewService
from forsell.services.shifts import ShiftService
from forsell.services.sync import SyncService
from forsell.services.sync_settings import SyncSettingsService
from forsell.services.till import TillService
from forsell.vault.keys import KeyVault

from .conftest import Staff

SRC = Path(forsell.__file__).parent


def _service_modules() -> list[ModuleType]:
    # Every module, packages' modules too (services/review/ holds the review's use cases).
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(forsell.services.__path__, "forsell.services.")
    ]


def _service_classes() -> list[type]:
    """Classes of ``forsell.services`` built on the till (their first argument is the till's
    context or the till itself): the use cases the UI and the command line call."""
    found = []
    for module in _service_modules():
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            params = list(inspect.signature(cls.__init__).parameters)[1:]
            if params and params[0] in ("ctx", "till"):
                found.append(cls)
    return sorted(found, key=lambda c: c.__qualname__)


def _entry_points(cls: type) -> list[str]:
    """Public methods (properties are answers about state, not calls, and are left out)."""
    return sorted(
        name
        for name, value in vars(cls).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or isinstance(value, staticmethod | classmethod))
    )


PUBLIC, INTERNAL = "public", "internal"
CASHIER, SUPERVISOR, ADMIN = Role.CASHIER, Role.SUPERVISOR, Role.ADMIN

#: Who may call what: the store's policy, one line per entry point (a class's name alone: all
#: its methods). A change of a declaration must change this table too, in the same review.
POLICY: dict[str, Role | Action | str] = {
    "Till.sale_for": CASHIER,
    "Till.close": PUBLIC,
    "Till.check_at_start": PUBLIC,  # the till's own background check after the start
    # the PIN key: only the staff services use it, after their own declarations
    "PinKeeper": INTERNAL,
    # signing in, overrides by PIN, the login screen
    "StaffService.staff": PUBLIC,
    "StaffService.login": PUBLIC,
    "StaffService.approve": PUBLIC,
    "StaffService.admin_by_pin": PUBLIC,
    "StaffService.set_language": PUBLIC,
    "StaffService.pin_problem": PUBLIC,  # the reset command says whether PINs work now
    "StaffService.change_own_pin": CASHIER,  # after a one-time PIN of the reset
    "StaffService.add_employee": INTERNAL,  # the first run's staff, before anyone can sign in
    # the receipt printer: printing is the till's own work; its settings are an admin's, and
    # the drawer opened without a sale is a supervisor's (audited)
    "CounterPrinter.setup": PUBLIC,
    "CounterPrinter.configured": PUBLIC,
    "CounterPrinter.address_problem": PUBLIC,
    "CounterPrinter.print_receipt": PUBLIC,
    "CounterPrinter.print_test_page": PUBLIC,
    "CounterPrinter.save_setup": ADMIN,
    "CounterPrinter.open_drawer": SUPERVISOR,
    # the store admin's screen
    "StoreAdmin.store_settings": PUBLIC,
    "StoreAdmin.staff": PUBLIC,
    "StoreAdmin.save_store_settings": ADMIN,
    "StoreAdmin.add_employee": ADMIN,
    "StoreAdmin.change_pin": ADMIN,
    "StoreAdmin.set_active": ADMIN,
    "SyncSettingsService.current": PUBLIC,
    "SyncSettingsService.secret_store_problem": PUBLIC,
    "SyncSettingsService.secrets_set": PUBLIC,
    "SyncSettingsService.save": ADMIN,
    "SyncSettingsService.providers": PUBLIC,
    "SyncSettingsService.acknowledge_recipient": ADMIN,
    # the catalog
    "CatalogService.by_barcode": PUBLIC,
    "CatalogService.get": PUBLIC,
    "CatalogService.search": PUBLIC,
    "CatalogService.categories": PUBLIC,
    "CatalogService.in_category": PUBLIC,
    "CatalogService.favourites": PUBLIC,
    "CatalogService.export_csv": PUBLIC,
    "CatalogService.first_by_sku": PUBLIC,
    "CatalogService.save": Action.CATALOG_EDIT,
    "CatalogService.import_csv": Action.CATALOG_EDIT,
    "CatalogService.option_groups": PUBLIC,
    "CatalogService.set_option_groups": Action.CATALOG_EDIT,
    # selling
    "TillService.scan": CASHIER,
    "TillService.add": CASHIER,
    "TillService.set_quantity": CASHIER,
    "TillService.remove_line": CASHIER,
    "TillService.set_line_discount": CASHIER,
    "TillService.set_receipt_discount": CASHIER,
    "TillService.receipt_discount_base": CASHIER,
    "TillService.cancel": CASHIER,
    "TillService.view": CASHIER,
    "TillService.park": CASHIER,
    "TillService.parked": CASHIER,
    "TillService.recall": CASHIER,
    "TillService.pay": CASHIER,
    "TillService.override_price": Action.PRICE_OVERRIDE,
    "TillService.line_option_ids": CASHIER,
    "TillService.set_line_options": CASHIER,
    "RefundService.find": PUBLIC,
    "RefundService.refund": Action.REFUND,
    "RefundService.void": Action.VOID_SALE,
    # shifts (a count that differs needs an approval: a rule on the count, inside ``close``)
    "ShiftService.current": PUBLIC,
    "ShiftService.expected_cash": PUBLIC,
    "ShiftService.x_report": PUBLIC,
    "ShiftService.report": PUBLIC,
    "ShiftService.open": CASHIER,
    "ShiftService.cash_movement": CASHIER,
    "ShiftService.close": CASHIER,
    "ShiftService.parked_count": PUBLIC,  # the close warns whoever closes
    "ShiftService.void_parked": CASHIER,
    # recording: the store's switch, consent, pauses, the recordings themselves
    "ConsentService.consents": PUBLIC,
    "ConsentService.has_consent": PUBLIC,
    "ConsentService.current_pause": PUBLIC,
    "ConsentService.gate": PUBLIC,
    "ConsentService.set_enabled": ADMIN,
    "ConsentService.give_consent": ADMIN,
    "ConsentService.withdraw_consent": CASHIER,  # one's own; anyone's is an admin's (inside)
    "ConsentService.withdraw_own": CASHIER,  # confirmed with the employee's own PIN
    "ConsentService.records": CASHIER,  # one's own; anyone's is an admin's (inside)
    "ConsentService.text": PUBLIC,
    "ConsentService.held_recordings": ADMIN,
    "ConsentService.destroy_held": ADMIN,
    "ConsentService.pause": SUPERVISOR,
    "ConsentService.resume": SUPERVISOR,
    "ConversationRecorder": PUBLIC,  # follows the till's events for the employee on duty
    # backups: the passphrase and a backup on demand are an admin's; the schedule is the till's
    "TillBackups.set_passphrase": ADMIN,
    "TillBackups.create_now": ADMIN,
    "TillBackups.save_settings": ADMIN,
    "TillBackups.status": ADMIN,
    "TillBackups.status_now": PUBLIC,
    "TillBackups.run_if_due": PUBLIC,
    "RecordingLibrary.list": PUBLIC,
    "RecordingLibrary.verify_all": PUBLIC,
    "RecordingLibrary.recover": PUBLIC,
    "RecordingLibrary.ogg": INTERNAL,
    "RecordingLibrary.pcm": INTERNAL,
    "RecordingLibrary.export": ADMIN,
    "RecordingLibrary.shred": ADMIN,
    # review (a cashier sees and disputes only their own: a rule on the recording, inside)
    "ReviewService.scorecard": PUBLIC,
    "ReviewService.scorecard_text": PUBLIC,
    "ReviewService.scorecard_choice": PUBLIC,
    "ReviewService.preset_text": PUBLIC,
    "ReviewService.check_scorecard": PUBLIC,
    "ReviewService.scorecard_source": PUBLIC,
    "ReviewService.score_pending": PUBLIC,
    "ReviewService.save_scorecard": ADMIN,
    "ReviewService.use_scorecard_preset": ADMIN,
    "ReviewService.preview_scorecard": SUPERVISOR,
    "ReviewService.list": CASHIER,
    "ReviewService.count": CASHIER,
    "ReviewService.shifts": CASHIER,
    "ReviewService.detail": CASHIER,
    "ReviewService.audio": CASHIER,
    "ReviewService.played": CASHIER,
    "ReviewService.dispute": CASHIER,
    "ReviewService.override": SUPERVISOR,
    "ReviewService.flag": SUPERVISOR,
    "ReviewService.mark_reviewed": SUPERVISOR,
    "ReviewService.flip_speakers": SUPERVISOR,
    "ReviewService.confirm_speakers": SUPERVISOR,
    "ReviewService.resolve_dispute": SUPERVISOR,
    "ReviewActions": INTERNAL,
    "DetailBuilder": INTERNAL,
    "ConversationQuery": INTERNAL,
    "ConversationScoring": INTERNAL,
    # the privacy policy: anyone reads it (Help → Privacy); only an admin accepts it
    "PrivacyPolicyService.in_force": PUBLIC,
    "PrivacyPolicyService.awaiting_acceptance": PUBLIC,
    "PrivacyPolicyService.accept": ADMIN,
    "Dashboard.summary": CASHIER,
    "Dashboard.export_csv": CASHIER,  # a cashier: their own
    "Dashboard.record_pdf_export": CASHIER,
    # sync: running and watching it needs no one; dead letters are an admin's decision
    "SyncService.start": PUBLIC,
    "SyncService.stop": PUBLIC,
    "SyncService.sync_now": PUBLIC,
    "SyncService.pause": PUBLIC,
    "SyncService.resume": PUBLIC,
    "SyncService.status": PUBLIC,
    "SyncService.pull_problems": PUBLIC,
    "SyncService.dead_letters": PUBLIC,
    "SyncService.run_once": PUBLIC,
    "SyncService.routing_config": PUBLIC,
    "SyncService.add_transcript_listener": PUBLIC,
    "SyncService.retry_dead": ADMIN,
    "SyncService.drop_dead": ADMIN,
    "PullApplier": PUBLIC,  # applies what the store's backend sends; its token is the authority
    # the store's registration: the admin fills it; the sync sends it and records the answer
    "RegistrationService.close": PUBLIC,
    "RegistrationService.view": PUBLIC,
    "RegistrationService.audio_allowed": PUBLIC,
    "RegistrationService.should_offer": PUBLIC,
    "RegistrationService.save_draft": ADMIN,
    "RegistrationService.add_document": ADMIN,
    "RegistrationService.remove_document": ADMIN,
    "RegistrationService.thumbnail": ADMIN,
    "RegistrationService.submit": ADMIN,
    "RegistrationService.document_bytes": INTERNAL,
    "RegistrationService.submission": INTERNAL,
    "RegistrationService.document_sent": INTERNAL,
    "RegistrationService.unsent_documents": INTERNAL,
    "RegistrationService.awaiting_answer": INTERNAL,
    "RegistrationService.apply_status": INTERNAL,
    # data-subject requests (policy 6.2-6.3): the subject's data is read whole, so admins only
    "PrivacyRequests.register": ADMIN,
    "PrivacyRequests.get": ADMIN,
    "PrivacyRequests.requests": ADMIN,
    "PrivacyRequests.set_status": ADMIN,
    "PrivacyRequests.find": ADMIN,
    "PrivacyRequests.report": ADMIN,
    "PrivacyRequests.export": ADMIN,
    "PrivacyRequests.block": ADMIN,
    "PrivacyRequests.correct": ADMIN,
    "PrivacyRequests.destroy": ADMIN,
    "PrivacyRequests.destruction_certificate": ADMIN,
    "Destruction": INTERNAL,  # behind PrivacyRequests.destroy
    # the audit trail: its key is the till's own; supervisors and admins read and export it
    "AuditKeeper": INTERNAL,
    "AuditTrail.page": SUPERVISOR,
    "AuditTrail.actions": SUPERVISOR,
    "AuditTrail.export_csv": SUPERVISOR,
    "AuditTrail.check": SUPERVISOR,
    "AuditTrail.document": SUPERVISOR,
    "AuditTrail.record_pdf_export": SUPERVISOR,
    # retention: the periods are an admin's; the purge is the till's own background work
    "RetentionService.policy": PUBLIC,
    "RetentionService.set_policy": ADMIN,
    "RetentionService.purge": PUBLIC,
    "RetentionService.reports": PUBLIC,
    # the receipt journal: a cashier their open shift's receipts (a rule inside), others all
    "ReceiptJournal.page": CASHIER,
    "ReceiptJournal.receipt": CASHIER,
    "ReceiptJournal.reprint": CASHIER,
    "ReceiptJournal.copy_of": CASHIER,
    "ReceiptJournal.record_reprint": CASHIER,
    # fiscal registration: the lane is the till's own; the token, the register and what happens
    # to a refused operation are an admin's decisions
    "FiscalService.start": PUBLIC,
    "FiscalService.stop": PUBLIC,
    "FiscalService.nudge": PUBLIC,
    "FiscalService.register_now": PUBLIC,
    "FiscalService.cash_registers": PUBLIC,
    "FiscalService.overview": PUBLIC,
    "FiscalService.client_for": INTERNAL,
    "FiscalService.set_token": ADMIN,
    "FiscalService.choose_register": ADMIN,
    "FiscalService.retry": ADMIN,
    "FiscalService.set_aside": ADMIN,
    "FiscalService.retry_now": ADMIN,
    "FiscalService.has_token": PUBLIC,
    "FiscalService.register_choice": PUBLIC,
}

SERVICES = _service_classes()
ENTRY_POINTS = [(cls, name) for cls in SERVICES for name in _entry_points(cls)]


def _policy(cls: type, name: str) -> Role | Action | str | None:
    return POLICY.get(f"{cls.__qualname__}.{name}", POLICY.get(cls.__qualname__))


def _declared(cls: type, name: str) -> Role | Action | str | None:
    found = declaration(cls, name)
    if isinstance(found, Requirement):
        return found.action or found.role
    return found


#: (class, method, the policy's role or action, the method's declaration) for the role walk.
DECLARED = [
    (cls, name, _policy(cls, name), req)
    for cls, name in ENTRY_POINTS
    if isinstance(req := declaration(cls, name), Requirement)
]
#: Who acts: the three roles, and nobody signed in.
WHO = ("cashier", "supervisor", "admin", "nobody")


def test_the_walk_finds_the_services_the_ui_calls() -> None:
    # Guards the introspection itself: an empty walk would pass everything below.
    assert {
        StoreAdmin,
        StaffService,
        CatalogService,
        ConsentService,
        Dashboard,
        RecordingLibrary,
        RefundService,
        ReviewService,
        ShiftService,
        SyncService,
        SyncSettingsService,
        TillService,
        Till,
    } <= set(SERVICES)
    assert len(DECLARED) >= 40


def test_every_service_entry_point_declares_who_may_call_it() -> None:
    undeclared = [
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls, name in ENTRY_POINTS
        if declaration(cls, name) is None
    ]
    assert undeclared == [], (
        "declare each with @requires(Role/Action), @public or @internal "
        "(forsell.services.access), and add it to POLICY here"
    )


def test_the_declarations_are_the_policy() -> None:
    differ = {
        f"{cls.__qualname__}.{name}": (_declared(cls, name), _policy(cls, name))
        for cls, name in ENTRY_POINTS
        if _declared(cls, name) != _policy(cls, name)
    }
    assert differ == {}, "(declared, policy) differ"
    walked = {f"{cls.__qualname__}.{name}" for cls, name in ENTRY_POINTS} | {
        cls.__qualname__ for cls in SERVICES
    }
    assert set(POLICY) - walked == set(), "the policy names entry points that are gone"


def _calls_in(path: Path) -> Iterator[tuple[str, int]]:
    """Dotted call targets (``self.till.staff.add_employee``) and imported names in a module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("forsell.services"):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            parts, target = [], node.func
            while isinstance(target, ast.Attribute):
                parts.append(target.attr)
                target = target.value
            if isinstance(target, ast.Name):
                parts.append(target.id)
            yield ".".join(reversed(parts)), node.lineno


def test_internal_services_are_not_called_from_the_ui_or_the_command_line() -> None:
    internal_classes = {
        cls.__name__ for cls in SERVICES if cls.__dict__.get("__access__") == "internal"
    }
    assert {"ReviewActions", "DetailBuilder", "ConversationQuery"} <= internal_classes
    # An internal method is found by its name, or through the till's attribute for its class
    # when another service has a public method of the same name (``till.staff.add_employee``).
    names = [
        (cls, name)
        for cls, name in ENTRY_POINTS
        if cls.__name__ not in internal_classes and declaration(cls, name) == "internal"
    ]
    shared = {name for cls, name in ENTRY_POINTS if declaration(cls, name) != "internal"}
    till_fields = {f.type: f.name for f in fields(Till)}
    suffixes = {
        f".{till_fields.get(cls.__name__, '')}.{name}" if name in shared else f".{name}"
        for cls, name in names
    }
    assert ".staff.add_employee" in suffixes and ".ogg" in suffixes
    internal_functions = {
        name
        for module in _service_modules()
        for name, value in vars(module).items()
        if inspect.isfunction(value) and getattr(value, "__access__", None) == "internal"
    }
    assert {"use_preset", "preview"} <= internal_functions
    misuse = []
    for path in [*sorted((SRC / "ui").rglob("*.py")), SRC / "cli.py"]:
        for target, line in _calls_in(path):
            if target in internal_classes | internal_functions or any(
                target.endswith(s) for s in suffixes
            ):
                misuse.append(f"{path.relative_to(SRC)}:{line}: {target}")
    assert misuse == []


# --- the walk with every role ----------------------------------------------------------------


class Placeholder:
    """Stands for every argument but who acts: the body cannot use it, the check never does."""

    def __repr__(self) -> str:
        return "<placeholder>"


def _database(till: Till) -> str:
    """Every row of every table, as one digest: equal digests, nothing was written."""
    db = sqlite3.connect(till.ctx.db.path)
    try:
        return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()
    finally:
        db.close()


@pytest.fixture
def vault(till: Till) -> Iterator[KeyVault]:
    v = KeyVault(till.ctx.data_dir / KEY_FILE, os.urandom(32))
    yield v
    v.close()


@pytest.fixture
def services(till: Till, vault: KeyVault) -> Callable[[type, EmployeeView | None], Any]:
    """The service of a class on the test's till; TillService acts for ``who``."""
    made: dict[type, Callable[[EmployeeView | None], Any]] = {
        Till: lambda who: till,
        StoreAdmin: lambda who: StoreAdmin(till.ctx),
        CounterPrinter: lambda who: CounterPrinter(till.ctx),
        StaffService: lambda who: till.staff,
        CatalogService: lambda who: till.catalog,
        ConsentService: lambda who: ConsentService(till.ctx),
        PrivacyPolicyService: lambda who: PrivacyPolicyService(till.ctx),
        PrivacyRequests: lambda who: PrivacyRequests(till.ctx, vault),
        AuditTrail: lambda who: AuditTrail(till.ctx),
        RetentionService: lambda who: RetentionService(till.ctx, vault),
        Dashboard: lambda who: Dashboard(till),
        RecordingLibrary: lambda who: RecordingLibrary(till.ctx, vault),
        RefundService: lambda who: till.refunds,
        ReviewService: lambda who: ReviewService(till, vault),
        ShiftService: lambda who: till.shifts,
        # The secret store is never reached: the refusal comes first.
        SyncService: lambda who: SyncService(till, NoKeyring()),
        SyncSettingsService: lambda who: SyncSettingsService(till.ctx, NoKeyring()),
        TillService: lambda who: TillService(till.ctx, till.catalog, who),
        # The key file is never opened: the refusal comes first.
        RegistrationService: lambda who: RegistrationService(till.ctx, NoKeyring()),
        # The secret store is never reached: the refusal comes first.
        TillBackups: lambda who: TillBackups(till.ctx),
        ReceiptJournal: lambda who: ReceiptJournal(till.ctx),
        # The secret store is never reached: the refusal comes first.
        FiscalService: lambda who: FiscalService(till.ctx, NoKeyring()),
    }

    def make(cls: type, who: EmployeeView | None) -> Any:
        assert cls in made, f"add {cls.__qualname__} to the services fixture"
        return made[cls](who)

    return make


def _arguments(
    req: Requirement, who: EmployeeView | None, approval: Approval | None = None
) -> dict[str, Any]:
    """Keyword arguments for a call: who acts, the approval, placeholders for the rest."""
    args: dict[str, Any] = {}
    for name, parameter in list(req.signature.parameters.items())[1:]:
        if name == req.actor:
            args[name] = who
        elif name == "approval":
            args[name] = approval
        elif parameter.kind is parameter.VAR_POSITIONAL or parameter.kind is parameter.VAR_KEYWORD:
            continue
        elif parameter.default is parameter.empty:
            args[name] = Placeholder()
    return args


def _person(staff: Staff, who: str) -> EmployeeView | None:
    return None if who == "nobody" else getattr(staff, who)


def _refused(needed: Role, person: EmployeeView | None) -> bool:
    return person is None or not person.role.at_least(needed)


def _expect_refusal(
    needed: Role | Action, person: EmployeeView | None, call: Callable[[], object]
) -> None:
    if person is not None and isinstance(needed, Action):
        with pytest.raises(NeedsApproval) as asked:
            call()
        assert asked.value.action == needed.value
        return
    with pytest.raises(CashierError) as refused:
        call()
    assert not isinstance(refused.value, NeedsApproval)
    role = Role.CASHIER if person is None else _role(needed)
    assert refused.value.key == REFUSALS[role][0]


def _role(needed: Role | Action) -> Role:
    return ALONE_FROM[needed] if isinstance(needed, Action) else needed


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(
    ("cls", "name", "needed", "req"),
    DECLARED,
    ids=[f"{c.__qualname__}.{n}" for c, n, _, _ in DECLARED],
)
def test_each_role_is_refused_below_the_policy_before_anything_is_written(
    till: Till,
    staff: Staff,
    services,
    cls: type,
    name: str,
    needed: Role | Action,
    req: Requirement,
    who: str,
) -> None:
    person = _person(staff, who)
    service = services(cls, person)
    args = _arguments(req, person)
    if not _refused(_role(needed), person):
        req.check_call(service, **args)  # the declaration's check, without the body
        return
    before = _database(till)
    _expect_refusal(needed, person, lambda: getattr(service, name)(**args))
    assert _database(till) == before


APPROVABLE = [
    (cls, name, needed, req) for cls, name, needed, req in DECLARED if isinstance(needed, Action)
]


def test_the_overrides_of_the_till_are_all_declared() -> None:
    assert {(c.__qualname__, n) for c, n, _, _ in APPROVABLE} == {
        ("CatalogService", "save"),
        ("CatalogService", "import_csv"),
        ("CatalogService", "set_option_groups"),
        ("RefundService", "refund"),
        ("RefundService", "void"),
        ("TillService", "override_price"),
    }


@pytest.mark.parametrize(
    ("cls", "name", "needed", "req"),
    APPROVABLE,
    ids=[f"{c.__qualname__}.{n}" for c, n, _, _ in APPROVABLE],
)
def test_below_the_role_only_an_approval_of_that_action_stands_in(
    staff: Staff, services, cls: type, name: str, needed: Action, req: Requirement
) -> None:
    service = services(cls, staff.cashier)
    other = next(a for a in Action if a is not needed)
    wrong = Approval(staff.supervisor.id, staff.supervisor.name, other)
    with pytest.raises(NeedsApproval):
        req.check_call(service, **_arguments(req, staff.cashier, wrong))
    right = Approval(staff.supervisor.id, staff.supervisor.name, needed)
    req.check_call(service, **_arguments(req, staff.cashier, right))


# --- the catalog, end to end ---------------------------------------------------------------


TEA = ProductDraft("T-TEA", "Чай тестовый", 30_000, 1600, "4879990000057")


def test_a_cashier_saves_a_product_only_with_a_supervisors_pin(till: Till, staff: Staff) -> None:
    before = _database(till)
    with pytest.raises(NeedsApproval) as asked:
        till.catalog.save(staff.cashier, TEA)
    assert asked.value.action == Action.CATALOG_EDIT.value
    assert _database(till) == before and till.catalog.by_barcode(TEA.barcode) is None
    approval = till.staff.approve("5000", Action.CATALOG_EDIT, staff.cashier.id)
    saved = till.catalog.save(staff.cashier, TEA, approval)
    assert till.catalog.by_barcode(TEA.barcode) == saved


def test_an_admin_saves_a_product_alone(till: Till, staff: Staff) -> None:
    assert till.catalog.save(staff.admin, TEA).sku == "T-TEA"


def test_a_refused_import_reads_no_file_and_imports_nothing(
    till: Till, staff: Staff, tmp_path: Path
) -> None:
    path = tmp_path / "missing.csv"  # reading it would fail with csv.unreadable instead
    with pytest.raises(NeedsApproval):
        till.catalog.import_csv(staff.supervisor, path)
