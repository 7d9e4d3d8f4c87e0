"""Admin screens: store settings (receipt footer and language, limits), staff with PINs,
recording (consent, microphone; ui/recording_admin.py) and sync (ui/sync_admin.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forsell.domain import settings as st
from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.domain.search_text import matches
from forsell.services.admin import StoreAdmin, StoreSettings
from forsell.services.app import Till
from forsell.services.auth import EmployeeView

from . import setting_fields as fields
from .messages import message_for
from .recording_admin import RecordingAdminPage

LANGUAGE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


def page_buttons(*buttons: QPushButton) -> QHBoxLayout:
    """The one way a settings tab (and the settings window) ends: its buttons on the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class StoreSettingsDialog(QDialog):
    """Store name, BIN, address, receipt footer and language, the cashier's discount limit."""

    def __init__(self, till: Till, admin: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = StoreAdmin(till.ctx)
        self.admin = admin
        self.setWindowTitle(self.tr("Store settings"))
        self.setMinimumWidth(560)
        current = self.service.store_settings()
        form = QFormLayout()
        self.name = QLineEdit(current.store_name)
        self.bin = QLineEdit(current.store_bin)
        self.bin.setInputMask("000000000000;_")
        self.address = QLineEdit(current.store_address)
        self.device = QLineEdit(current.device_name)
        self.footer = QPlainTextEdit(current.receipt_footer)
        self.footer.setFixedHeight(90)
        self.footer.setAccessibleName("receipt footer")
        self.language = fields.combo_box(st.RECEIPT_LANGUAGE, LANGUAGE_NAMES)
        self.language.setCurrentIndex(max(0, self.language.findData(current.receipt_language)))
        self.language.setAccessibleName("receipt language")
        self.limit = fields.spin_box(st.CASHIER_DISCOUNT_LIMIT_BP, unit=100)  # bp shown in %
        self.limit.setSuffix(" %")
        self.limit.setValue(current.cashier_discount_limit_bp // 100)
        self.limit.setAccessibleName("discount limit")
        self.lock = fields.spin_box(st.AUTO_LOCK_SECONDS)
        self.lock.setSuffix(self.tr(" s"))
        self.lock.setValue(current.auto_lock_seconds)
        self.lock.setAccessibleName("auto-lock seconds")
        self.kiosk = fields.check_box(st.KIOSK)
        self.kiosk.setChecked(current.kiosk)
        self.kiosk.setAccessibleName("kiosk mode")
        for edit, setting in (
            (self.name, st.STORE_NAME),
            (self.bin, st.STORE_BIN),
            (self.address, st.STORE_ADDRESS),
            (self.device, st.DEVICE_NAME),
        ):
            if setting.max_length is not None:
                edit.setMaxLength(setting.max_length)
        for setting, field in (
            (st.STORE_NAME, self.name),
            (st.STORE_BIN, self.bin),
            (st.STORE_ADDRESS, self.address),
            (st.DEVICE_NAME, self.device),
            (st.RECEIPT_FOOTER, self.footer),
            (st.RECEIPT_LANGUAGE, self.language),
            (st.CASHIER_DISCOUNT_LIMIT_BP, self.limit),
            (st.AUTO_LOCK_SECONDS, self.lock),
        ):
            fields.add_row(form, setting, field)
            if setting is st.RECEIPT_FOOTER:
                form.addRow(fields.note(setting))
        form.addRow(self.kiosk)
        self.error = _error_label()
        save = QPushButton(self.tr("Save settings"))
        save.setAccessibleName("save settings")
        save.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(page_buttons(save))

    def save(self) -> None:
        new = StoreSettings(
            self.name.text(),
            self.bin.text().strip(),
            self.address.text(),
            self.device.text(),
            self.footer.toPlainText(),
            self.language.currentData(),
            self.limit.value() * 100,
            self.lock.value(),
            self.kiosk.isChecked(),
        )
        try:
            self.service.save_store_settings(self.admin, new)
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.accept()


class StaffDialog(QDialog):
    """Employees, their roles and PINs. PINs are only ever typed, never shown."""

    def __init__(self, till: Till, admin: EmployeeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = StoreAdmin(till.ctx)
        self.admin = admin
        self.setWindowTitle(self.tr("Staff"))
        self.setMinimumSize(620, 460)
        self.list = QListWidget()
        self.list.setAccessibleName("staff list")
        self.search = QLineEdit()
        self.search.setAccessibleName("staff search")
        self.search.setPlaceholderText(self.tr("Find an employee"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.setAccessibleName("employee name")
        self.role = QComboBox()
        for role, label in (
            (Role.CASHIER, self.tr("Cashier")),
            (Role.SUPERVISOR, self.tr("Supervisor")),
            (Role.ADMIN, self.tr("Admin")),
        ):
            self.role.addItem(label, role.value)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN (4–8 digits)"))
        self.pin.setAccessibleName("employee PIN")
        add = QPushButton(self.tr("Add employee"))
        add.setAccessibleName("add employee")
        add.clicked.connect(self.add)
        change = QPushButton(self.tr("Set new PIN for selected"))
        change.setAccessibleName("change PIN")
        change.clicked.connect(self.change_pin)
        toggle = QPushButton(self.tr("Deactivate / activate selected"))
        toggle.setAccessibleName("toggle employee")
        toggle.clicked.connect(self.toggle)
        self.error = _error_label()
        row = QHBoxLayout()
        for w in (self.name, self.role, self.pin):
            row.addWidget(w)
        actions = QHBoxLayout()
        for w in (add, change, toggle):
            actions.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        roles = {
            Role.CASHIER: self.tr("cashier"),
            Role.SUPERVISOR: self.tr("supervisor"),
            Role.ADMIN: self.tr("admin"),
        }
        for member in self.service.staff():
            text = f"{member.name} — {roles[member.role]}"
            if not member.active:
                text += " " + self.tr("(inactive)")
            item = QListWidgetItem(text)
            item.setData(256, member)
            self.list.addItem(item)
        self._filter()

    def _filter(self) -> None:
        """Hides who does not match the search: "гулнур" finds Гүлнұр (Kazakh letters folded,
        as every search box of the till folds them)."""
        query = self.search.text().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            self.list.setRowHidden(row, not matches(query, item.data(256).name))

    def _selected(self):
        item = self.list.currentItem()
        return item.data(256) if item else None

    def _run(self, call) -> None:
        try:
            call()
        except CashierError as exc:
            self.error.setText(message_for(exc))
            return
        self.error.clear()
        self.pin.clear()
        self.reload()

    def add(self) -> None:
        self._run(
            lambda: self.service.add_employee(
                self.admin, self.name.text(), Role(self.role.currentData()), self.pin.text()
            )
        )

    def change_pin(self) -> None:
        member = self._selected()
        if member is not None:
            self._run(lambda: self.service.change_pin(self.admin, member.id, self.pin.text()))

    def toggle(self) -> None:
        member = self._selected()
        if member is not None:
            self._run(lambda: self.service.set_active(self.admin, member.id, not member.active))


class AdminDialog(QDialog):
    """The admin's back office in one place: store settings and staff, as tabs."""

    def __init__(
        self,
        till: Till,
        admin: EmployeeView,
        parent: QWidget | None = None,
        *,
        sync=None,
        fiscal=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings & staff"))
        self.setMinimumSize(720, 560)
        tabs = QTabWidget()
        self.settings_page = StoreSettingsDialog(till, admin, self)
        self.staff_page = StaffDialog(till, admin, self)
        for page in (self.settings_page, self.staff_page):
            page.setWindowFlags(Qt.WindowType.Widget)  # a page inside the tabs, not a window
        tabs.addTab(self.settings_page, self.tr("Store settings"))
        tabs.addTab(self.staff_page, self.tr("Staff"))
        self.recording_page = RecordingAdminPage(till, admin, self)
        tabs.addTab(self.recording_page, self.tr("Recording"))
        from forsell.services.sync import SyncService

        from .sync_admin import SyncAdminPage

        # Without the app's running service (a test, a till without sync) a stopped one still
        # reads the queue and the dead letters.
        self.sync_page = SyncAdminPage(till, admin, sync or SyncService(till), self)
        # Before "Recording", which stays the last tab (tests/ui/test_recording_admin.py).
        tabs.insertTab(tabs.indexOf(self.recording_page), self.sync_page, self.tr("Sync"))
        from .registration_wizard import RegistrationTab

        # The store's registration (its status, the operator's reason, the wizard).
        self.registration_page = RegistrationTab(till, admin, self)
        tabs.insertTab(
            tabs.indexOf(self.sync_page), self.registration_page, self.tr("Registration")
        )
        from .retention_admin import RetentionPage

        # How long data is kept (policy 6.3), before "Recording", which stays the last tab.
        self.retention_page = RetentionPage(till, admin, self)
        tabs.insertTab(tabs.indexOf(self.recording_page), self.retention_page, self.tr("Retention"))
        from .backup_admin import BackupAdminPage

        self.backup_page = BackupAdminPage(till, admin, self)
        tabs.insertTab(tabs.indexOf(self.recording_page), self.backup_page, self.tr("Backups"))
        from .printer_admin import PrinterAdminPage

        # The receipt printer, the cash drawer and the customer display.
        self.printer_page = PrinterAdminPage(till, admin, self)
        tabs.insertTab(tabs.indexOf(self.recording_page), self.printer_page, self.tr("Printer"))
        from .fiscal_admin import FiscalAdminPage

        # The online cash register: token, register, refusals (the app's running lane if any).
        self.fiscal_page = FiscalAdminPage(till, admin, fiscal, self)
        tabs.insertTab(
            tabs.indexOf(self.recording_page), self.fiscal_page, self.tr("Cash register")
        )
        self.tabs = tabs
        # Every tab title in sight: a scrolling tab bar hides "Recording" behind an arrow, and
        # Kazakh and Russian titles are the longest.
        self.setMinimumWidth(max(720, tabs.tabBar().sizeHint().width() + 48))
        # Tall enough for the store settings' rows at full height (they overlapped at 560),
        # still inside a 1366×768 screen with its panel.
        self.setMinimumHeight(700)
        # Turning recording on writes the notice into the footer: the settings tab must not
        # save the old footer over it.
        self.recording_page.footer_changed.connect(self.settings_page.footer.setPlainText)
        self.settings_page.accepted.connect(self.accept)
        self.settings_page.rejected.connect(self.reject)
        self.staff_page.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setAccessibleName("close settings")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout.addLayout(page_buttons(close))
