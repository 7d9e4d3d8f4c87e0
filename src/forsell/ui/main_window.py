"""The till window: login and selling on one stack, a status line, locking."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QStackedWidget, QWidget

from forsell.domain.errors import CashierError
from forsell.domain.roles import Action, Role
from forsell.services import settings as s
from forsell.services.app import StartCheck, Till
from forsell.services.auth import EmployeeView
from forsell.services.conversation import ConversationRecorder
from forsell.services.damage import sales_refusal
from forsell.services.till import TillService
from forsell.services.updates import update_available

from .approval import OverrideDialog
from .autolock import AutoLock
from .customer_display import CustomerDisplay
from .i18n import Languages
from .login_screen import LoginScreen
from .messages import message_for
from .recording_bridge import RecordingBridge
from .sync_status import SyncBridge, SyncControl, SyncStatusWidget
from .tasks import tasks
from .till_screen import TillScreen

#: Button name → (module, dialog class) of the supervisor/back-office dialogs, imported when first
#: used so that the till starts fast and does not depend on them at import time.
DIALOGS = {
    "journal": ("journal_dialog", "JournalDialog"),
    "refund": ("refund_dialog", "RefundDialog"),
    "open shift": ("shift_dialogs", "OpenShiftDialog"),
    "cash in/out": ("shift_dialogs", "CashMovementDialog"),
    "close shift": ("shift_dialogs", "CloseShiftDialog"),
    "catalog": ("catalog_dialog", "CatalogDialog"),
    "store admin": ("admin_dialogs", "AdminDialog"),
    "pause recording": ("recording_admin", "PauseDialog"),
    "my consent": ("consent_screen", "MyConsentDialog"),
    "conversations": ("review.review_window", "ReviewDialog"),
    "privacy requests": ("privacy_requests", "PrivacyRequestsDialog"),
    "audit trail": ("audit_view", "AuditDialog"),
}


class MainWindow(QMainWindow):
    #: the admin saved new sync settings: ui/app.py restarts the engine with them
    sync_settings_saved = Signal()

    def __init__(
        self,
        till: Till,
        languages: Languages | None = None,
        parent: QWidget | None = None,
        *,
        recorder: ConversationRecorder | None = None,
        bridge: RecordingBridge | None = None,
        sync: SyncControl | None = None,
        sync_bridge: SyncBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.till = till
        #: The sync service (ui/app.py starts it) and its status bridge; None: no sync here.
        self.sync, self.sync_bridge = sync, sync_bridge
        #: the app's running FiscalService (ui/app.py), so the admin's "Retry now" wakes its lane
        self.fiscal = None
        self.tray = None  # ui/tray.py SyncTray when the desktop has a system tray
        self._quitting = False
        #: Kiosk mode (ui/kiosk.py): full screen, and only an admin's PIN closes the till.
        self.kiosk = False
        #: The counter-conversation recorder (ui/app.py makes it; None: this till records nothing).
        self.recorder = recorder
        self.languages = languages or Languages()
        self.employee: EmployeeView | None = None
        self.sales: dict[str, TillService] = {}  # per employee: a lock keeps their cart
        settings = till.ctx.settings
        self.setWindowTitle(f"{settings.get(s.STORE_NAME)} — {settings.get(s.DEVICE_NAME)} · 4Sell")
        self.stack = QStackedWidget()
        self.login = LoginScreen(till, self.languages)
        self.till_screen = TillScreen(till)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.till_screen)
        self.setCentralWidget(self.stack)
        self.login.logged_in.connect(self.start_session)
        self.till_screen.action_requested.connect(self.run_action)
        self.till_screen.cart_changed.connect(self.refresh_status)
        # The customer's window (setting ``counter.customer_display``), made at the first sign-in.
        self.customer_display: CustomerDisplay | None = None
        self.till_screen.cart_changed.connect(self._customer_sees_cart)
        self.till_screen.paid.connect(self._customer_sees_payment)
        self._status_bar()
        self._admin_menu()
        self._back_office_menu()
        self._help_menu()
        self.autolock = AutoLock(settings.get(s.AUTO_LOCK_SECONDS), self)
        self.autolock.timed_out.connect(self.lock)
        self.resize(1366, 768)
        self.start_check: StartCheck | None = None  # what check_at_start found, once it answers
        self.refresh_status()
        if recorder is not None and bridge is not None:
            self._wire_recording(bridge)

    def _wire_recording(self, bridge: RecordingBridge) -> None:
        bar = self.till_screen.recording
        bridge.attach(bar)  # the writer thread's calls arrive queued on the GUI thread
        bar.manual_clicked.connect(self.toggle_manual_recording)
        bar.pause_clicked.connect(lambda: self.run_action("pause recording"))
        bar.consent_clicked.connect(lambda: self.run_action("my consent"))

    def refresh_recording(self) -> None:
        """Re-checks the gate (login, lock, shift, pause, settings) and shows the outcome."""
        if self.recorder is None:
            return
        status = self.recorder.refresh()
        pause = self.recorder.consent.current_pause() if status.blocked == "paused" else None
        can_pause = (
            self.employee is not None
            and self.employee.role.at_least(Role.SUPERVISOR)
            and self.recorder.consent.enabled
        )
        self.till_screen.recording.set_status(status, pause.reason if pause else "", can_pause)

    def toggle_manual_recording(self) -> None:
        if self.recorder is None or self.employee is None:
            return
        if self.till_screen.recording.recording:
            self.recorder.stop_manual()
        elif not self.recorder.start_manual():
            self.refresh_recording()  # no longer allowed: show why

    def _status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.shift_status = QLabel()
        self.shift_status.setAccessibleName("shift status")
        self.cashier_status = QLabel()
        self.cashier_status.setAccessibleName("cashier")
        self.clock = QLabel()
        self.clock.setAccessibleName("clock")
        bar.addWidget(self.shift_status, 1)
        bar.addWidget(self.cashier_status)
        # A newer version announced by the 4Sell service: said, never installed by the till.
        self.update_notice = QLabel()
        self.update_notice.setAccessibleName("update available")
        self.update_notice.setVisible(False)
        bar.addWidget(self.update_notice)
        self.refresh_update_notice()
        if self.sync_bridge is not None:
            # Always here, tray or not: without a tray it is the only place sync shows.
            self.sync_status = SyncStatusWidget(self.sync_bridge, lambda: self.till.ctx.timezone)
            bar.addPermanentWidget(self.sync_status)
            self._staff_pulled_at = self._catalog_pulled_at = self._settings_pulled_at = None
            self.sync_bridge.status_changed.connect(self._on_sync_status)
        bar.addPermanentWidget(self.clock)
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start(1000)
        self._tick()

    def _admin_menu(self) -> None:
        """Admin → Data-subject requests: shown to a signed-in admin only (the screen refuses
        anyone else as well)."""
        self.admin_menu = self.menuBar().addMenu("")
        self.requests_action = QAction(self)
        self.requests_action.setObjectName("privacy requests")
        self.requests_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.requests_action.triggered.connect(lambda: self.run_action("privacy requests"))
        self.admin_menu.addAction(self.requests_action)
        self.admin_menu.menuAction().setVisible(False)

    def _back_office_menu(self) -> None:
        """Back office → Audit trail: shown to supervisors and admins only (the service
        refuses anyone else as well)."""
        self.back_office_menu = self.menuBar().addMenu("")
        self.audit_action = QAction(self)
        self.audit_action.setObjectName("audit trail")
        self.audit_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.audit_action.triggered.connect(lambda: self.run_action("audit trail"))
        self.back_office_menu.addAction(self.audit_action)
        self.back_office_menu.menuAction().setVisible(False)
        self.audit_action.setEnabled(False)

    def _help_menu(self) -> None:
        """Help → Privacy: the policy in force, for anyone at the till, signed in or not."""
        self.help_menu = self.menuBar().addMenu("")
        self.privacy_action = QAction(self)
        self.privacy_action.setObjectName("privacy")
        self.privacy_action.triggered.connect(self.show_privacy)
        self.help_menu.addAction(self.privacy_action)
        self._retranslate_menu()

    def _retranslate_menu(self) -> None:
        self.admin_menu.setTitle(self.tr("Admin"))
        self.requests_action.setText(self.tr("Data-subject requests…"))
        self.back_office_menu.setTitle(self.tr("Back office"))
        self.audit_action.setText(self.tr("Audit trail…"))
        self.help_menu.setTitle(self.tr("Help"))
        self.privacy_action.setText(self.tr("Privacy…"))

    def show_privacy(self) -> None:
        """Opens Help → Privacy in the current language."""
        from .privacy_dialogs import PrivacyDialog

        dialog = PrivacyDialog(self.till, self.languages.current, self)
        dialog.finished.connect(lambda _r: self._after_dialog(dialog))
        dialog.open()

    def _ask_policy_acceptance(
        self, admin: EmployeeView, then: Callable[[], None] | None = None
    ) -> bool:
        """A policy version no admin has accepted yet is shown at every admin login until one
        accepts it (the policy's clause 5.3). True when the dialog opened; ``then`` runs once it
        is closed."""
        from forsell.services.privacy.policy import PrivacyPolicyService

        from .privacy_dialogs import PolicyAcceptanceDialog

        policy = PrivacyPolicyService(self.till.ctx).awaiting_acceptance()
        if policy is None:
            return False
        dialog = PolicyAcceptanceDialog(self.till, admin, policy, self.languages.current, self)

        def closed(_result: int) -> None:
            self._after_dialog(dialog)
            if then is not None:
                then()

        dialog.finished.connect(closed)
        dialog.open()
        return True

    def refresh_update_notice(self) -> None:
        """Shows "version X is available" when the service announced a newer one (pulled
        settings; the cache is in memory, so this is cheap on the GUI thread)."""
        newer = update_available(self.till.ctx.settings)
        self.update_notice.setVisible(newer is not None)
        if newer is not None:
            self.update_notice.setText(
                self.tr(
                    "Version {version} is available — ask your administrator to install it"
                ).format(version=newer)
            )

    def _on_sync_status(self, view) -> None:
        """A pull brought staff or products: the login screen lists the new names and the
        product grid shows new prices and drops withdrawn products, without a restart."""
        settings_pulled = view.last_pull_at.get("settings")
        if settings_pulled is not None and settings_pulled != self._settings_pulled_at:
            self._settings_pulled_at = settings_pulled
            self.refresh_update_notice()
        staff, catalog = view.last_pull_at.get("staff"), view.last_pull_at.get("catalog")
        if staff is not None and staff != self._staff_pulled_at:
            self._staff_pulled_at = staff
            self.login.staff_changed()
        if catalog is not None and catalog != self._catalog_pulled_at:
            self._catalog_pulled_at = catalog
            self.till_screen.grid.reload()

    def _tick(self) -> None:
        now = self.till.ctx.local(datetime.now(UTC))  # the store's time zone, not the OS's
        self.clock.setText(now.strftime("%d.%m.%Y  %H:%M"))

    def changeEvent(self, event) -> None:  # Qt override
        if event.type() == event.Type.LanguageChange:
            self.refresh_status()
            self.refresh_update_notice()
            self._retranslate_menu()
            if self.start_check is not None:
                self.show_start_check(self.start_check)
        super().changeEvent(event)

    def refresh_status(self) -> None:
        shift = self.till.shifts.current()
        if shift is None:
            self.shift_status.setText(self.tr("Shift closed"))
        else:
            self.shift_status.setText(
                self.tr("Shift open since {time} ({name})").format(
                    time=shift.opened_at.strftime("%H:%M"), name=shift.opened_by
                )
            )
        self.cashier_status.setText(
            self.tr("Cashier: {name}").format(name=self.employee.name) if self.employee else ""
        )
        back_office = self.employee is not None and self.employee.role.at_least(Role.SUPERVISOR)
        self.back_office_menu.menuAction().setVisible(back_office)
        self.audit_action.setEnabled(back_office)

    def run_start_checks(self) -> None:
        """After the start, in the task pool: ``quick_check`` of the database (it reads the whole
        file) and whether PINs can be checked. What they find stays on screen (see
        :meth:`show_start_check`); the services refuse sales on a damaged database themselves."""
        tasks().run(
            self.till.check_at_start,
            self.show_start_check,
            lambda exc: self.till_screen.notify(
                self.tr("The start-up check of the database could not run: {error}").format(
                    error=exc
                )
            ),
            owner=self,
            key="start checks",
        )

    def show_start_check(self, check: StartCheck) -> None:
        """Puts what the start-up checks found on the login and till screens, in the current
        language (called again when the language changes)."""
        self.start_check = check
        pins = message_for(check.pins_problem) if check.pins_problem is not None else ""
        damage = message_for(sales_refusal(check.damage)) if check.damage is not None else ""
        self.login.show_start_problem("\n\n".join(t for t in (damage, pins) if t))
        if damage:
            self.till_screen.stop_selling(damage)

    # --- sessions -----------------------------------------------------------------------------

    def start_session(self, employee: EmployeeView) -> None:
        if employee.must_change_pin:
            self._choose_own_pin(employee)
            return
        self.employee = employee
        sale = self.sales.get(employee.id)
        if sale is None:
            sale = self.sales[employee.id] = self.till.sale_for(employee)
        sale.employee = employee  # the language may have changed at login
        if self.recorder is not None:
            sale.listener = self.recorder.on_sale_event  # the recording follows the sale
            self.recorder.set_employee(employee)
        self.stack.setCurrentWidget(self.till_screen)
        self.till_screen.set_sale(sale)
        self.admin_menu.menuAction().setVisible(employee.role is Role.ADMIN)
        self.autolock.arm()
        self.refresh_status()
        self.refresh_recording()
        self.refresh_customer_display()
        # An admin: the policy first, then the registration wizard (never two dialogs at once).
        if employee.role is Role.ADMIN and not self._ask_policy_acceptance(
            employee, then=lambda: self._offer_registration(employee)
        ):
            self._offer_registration(employee)

    def _offer_registration(self, admin: EmployeeView) -> None:
        """First admin login of a real store (syncing to a real backend, not the demo) whose
        registration was never submitted: the wizard opens; "Later" closes it for this run."""
        from forsell.services.privacy.registration import RegistrationService

        if getattr(self, "_registration_offered", False):
            return
        if not RegistrationService(self.till.ctx).should_offer():
            return
        self._registration_offered = True
        from .registration_wizard import RegistrationWizard

        wizard = RegistrationWizard(self.till, admin, self)
        wizard.finished.connect(lambda _r: wizard.deleteLater())
        wizard.open()

    def _choose_own_pin(self, employee: EmployeeView) -> None:
        """A one-time PIN of the reset opens only the dialog for the employee's own PIN; giving
        none leaves the till at the login screen."""
        from .new_pin_dialog import NewPinDialog

        dialog = NewPinDialog(self.till, employee, self)
        dialog.chosen.connect(self.start_session)
        dialog.rejected.connect(lambda: self.login.reset(employee))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def lock(self) -> None:
        """Back to the login screen; the cart waits for the same employee."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        locked = self.employee
        self.employee = None
        if self.recorder is not None:
            self.recorder.set_employee(None)  # nobody on duty: the microphone closes
            self.till_screen.recording.set_status(self.recorder.status())
        self.autolock.disarm()
        self.admin_menu.menuAction().setVisible(False)
        self.stack.setCurrentWidget(self.login)
        self.login.reset(locked)
        self.refresh_status()

    def bring_to_front(self) -> None:
        """A second start of the app asked us to show ourselves."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # --- dialogs owned by other screens -------------------------------------------------------

    def run_action(self, name: str) -> None:
        if name == "lock":
            self.lock()
            return
        if self.employee is None:
            return
        if name == "X report":
            self._open_x_report()
            return
        try:
            dialog = self._make_dialog(name)
        except CashierError as exc:
            self.till_screen.notify(message_for(exc))
            return
        except ImportError:
            self.till_screen.notify(self.tr("This function is not installed."))
            return
        dialog.finished.connect(lambda _r: self._after_dialog(dialog))
        dialog.open()

    def _open_x_report(self) -> None:
        """The X report adds up the whole shift (a long day is many thousands of lines), so it
        is read in the task pool while the till says it is working; F11 again while it is
        being read asks only once."""
        from .report_view import ReportDialog

        if tasks().busy(self, "X report"):
            return
        self.till_screen.notify(self.tr("Preparing the X report…"))

        def show(report) -> None:
            dialog = ReportDialog(report, self.till, self)
            dialog.finished.connect(lambda _r: self._after_dialog(dialog))
            dialog.open()

        def failed(exc: Exception) -> None:
            self.till_screen.notify(
                message_for(exc)
                if isinstance(exc, CashierError)
                else self.tr("The X report cannot be prepared. Try again.")
            )

        tasks().run(self.till.shifts.x_report, show, failed, owner=self, key="X report")

    def _make_dialog(self, name: str) -> QDialog:
        module, cls = DIALOGS[name]
        dialog_class = getattr(importlib.import_module(f"{__package__}.{module}"), cls)
        if name == "store admin":
            dialog = dialog_class(
                self.till, self.employee, self, sync=self.sync, fiscal=self.fiscal
            )
            dialog.sync_page.saved.connect(self.sync_settings_saved)
            return dialog
        if name == "conversations":
            return dialog_class(self.till, self.employee, self, vault=self._review_vault())
        if name == "privacy requests":
            return dialog_class(self.till, self.employee, self, vault=self._requests_vault())
        if name == "my consent":  # a withdrawal stops a running recording now, not on close
            dialog = dialog_class(self.till, self.employee, self)
            dialog.withdrawn.connect(lambda _held: self.refresh_recording())
            return dialog
        if name in ("journal", "refund"):  # copies and refund receipts on the counter's printer
            paper = self.till_screen.printer_bar.paper()
            return dialog_class(self.till, self.employee, self, paper=paper)
        return dialog_class(self.till, self.employee, self)

    def _review_vault(self):
        """The recorder's open key vault, or the till's own (no recorder in this window)."""
        vault = self.recorder.open_keys() if self.recorder is not None else None
        if vault is not None:
            return vault
        from forsell.services.recordings import open_vault

        try:
            return open_vault(self.till.ctx)
        except Exception as exc:  # no secret store: the recordings cannot be opened here
            raise CashierError(
                "review.no_keys",
                "The recordings' keys are not available: {hint}",
                hint=getattr(exc, "problem", ""),
            ) from exc

    def _requests_vault(self):
        """The keys when they can be had: without them the requests screen still works, and
        says so where a search in transcripts or an audio export needs them."""
        try:
            return self._review_vault()
        except CashierError:
            return None

    def _after_dialog(self, dialog: QDialog) -> None:
        dialog.deleteLater()
        if self.employee is None:
            return
        self.till_screen.refresh_shift()
        self.till_screen.grid.reload()
        self.refresh_status()
        self.refresh_recording()  # shift opened or closed, paused, consent or device changed
        self.refresh_customer_display()  # turned on or off in the settings
        self.till_screen.focus_scan()
        if self.till_screen.sale is not None:
            self.till_screen.show_cart(self.till_screen.sale.view())

    # --- the customer display -------------------------------------------------------------------

    def refresh_customer_display(self) -> None:
        """Opens the customer's window when the setting is on, closes it when it is off."""
        wanted = self.till.ctx.settings.get(s.CUSTOMER_DISPLAY)
        if wanted and self.customer_display is None:
            self.customer_display = CustomerDisplay(self.till, self)
            self.customer_display.place()
            self._customer_sees_cart()
        elif not wanted and self.customer_display is not None:
            self.customer_display.close()
            self.customer_display.deleteLater()
            self.customer_display = None

    def _customer_sees_cart(self) -> None:
        if self.customer_display is not None:
            sale = self.till_screen.sale
            self.customer_display.show_cart(sale.view() if sale is not None else None)

    def _customer_sees_payment(self, receipt) -> None:
        if self.customer_display is not None:
            self.customer_display.show_paid(receipt)

    # --- tray -----------------------------------------------------------------------------------

    def set_tray(self, tray) -> None:
        """With a tray, closing the window hides it (sync goes on); Quit is in the tray menu."""
        self.tray = tray
        tray.open_till.connect(self.bring_to_front)
        tray.quit.connect(self.request_quit)

    def request_quit(self) -> None:
        """The tray's Quit: a supervisor's or an admin's PIN first, checked and audited like
        any approval, because quitting stops recording and sync for everyone. In kiosk mode the
        kiosk's own question (an admin's PIN) is the one asked, not two in a row."""
        if self.kiosk:
            self.ask_kiosk_exit()
            return
        dialog = OverrideDialog(self.till, self.employee, Action.QUIT_TILL, self)
        dialog.accepted.connect(self.quit_app)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def start_kiosk(self) -> None:
        """Kiosk mode from now on (``--kiosk`` or the admin's setting)."""
        from .kiosk import enter_kiosk

        self.kiosk = True
        enter_kiosk(self)

    def quit_app(self) -> None:
        if self.kiosk and not self._quitting:
            self.ask_kiosk_exit()  # the tray's Quit is a way out too
            return
        self._quitting = True
        self.close()
        QApplication.quit()

    def shut_down(self) -> None:
        """The system ends the till (SIGTERM at a shutdown or logout, SIGHUP): no question is
        asked, not the tray's PIN nor the kiosk's, and the window closes instead of hiding in the
        tray. ``exit`` ends every event loop, an open dialog's too, where ``quit`` would let a
        window refuse."""
        self._quitting = True
        self.close()
        QApplication.exit(0)

    def ask_kiosk_exit(self) -> None:
        """An admin's PIN, then the till quits; a cancel leaves it as it was."""
        from .kiosk import LeaveKioskDialog

        if any(d.isVisible() for d in self.findChildren(LeaveKioskDialog)):
            return  # Alt+F4 pressed twice: one question is enough
        dialog = LeaveKioskDialog(self.till, self)

        def answered(result: int) -> None:
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._quitting = True
                self.quit_app()

        dialog.finished.connect(answered)
        dialog.open()

    def closeEvent(self, event) -> None:  # Qt override
        if self.kiosk and not self._quitting:  # Alt+F4 or the window manager's close
            event.ignore()
            self.ask_kiosk_exit()
            return
        if self.tray is not None and self.tray.is_shown() and not self._quitting:
            # Hidden, not closed: the tray keeps syncing. Nobody stays logged in behind it.
            event.ignore()
            self.lock()
            self.hide()
            return
        self.autolock.stop()
        self.till_screen.scanner.remove()
        super().closeEvent(event)
