"""Who is at the till: a big button per employee, the PIN (keypad for touch) and the language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import Till
from forsell.services.auth import EmployeeView

from .i18n import LANGUAGES, Languages
from .messages import message_for
from .widgets import Keypad, set_role

STAFF_COLUMNS = 2


class LoginScreen(QWidget):
    logged_in = Signal(object)  # EmployeeView, with the language the employee chose

    def __init__(self, till: Till, languages: Languages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.till = till
        self.languages = languages
        self._picked_language: str | None = None  # tapped on this screen since the last login
        self.selected: EmployeeView | None = None
        self._staff_buttons: dict[str, QPushButton] = {}
        self._staff: dict[str, EmployeeView] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.addLayout(self._top_row())
        # What the start-up checks found that stops the till (PINs that cannot be checked, a
        # damaged database): stays until the cause is fixed, with the way to fix it.
        self.start_problem = QLabel()
        self.start_problem.setAccessibleName("start-up problem")
        self.start_problem.setWordWrap(True)
        self.start_problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.start_problem, "error")
        self.start_problem.hide()
        outer.addWidget(self.start_problem)
        body = QHBoxLayout()
        body.setSpacing(40)
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        self.who = QLabel()
        set_role(self.who, "title")
        left.addWidget(self.who)
        self._staff_box = QWidget()
        self._staff_grid = QGridLayout(self._staff_box)
        self._staff_grid.setContentsMargins(0, 8, 0, 0)
        self._staff_grid.setSpacing(10)
        self._staff_group = QButtonGroup(self)
        left.addWidget(self._staff_box)
        left.addStretch(1)
        body.addLayout(left, 3)
        body.addWidget(self._pin_panel(), 2)
        self.retranslate()
        self.reload_staff()

    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.store = QLabel(self.till.ctx.settings.get(s.STORE_NAME))
        set_role(self.store, "title")
        row.addWidget(self.store, 1)
        group = QButtonGroup(self)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, name in LANGUAGES.items():
            button = QPushButton(name)  # each language in its own words, never translated
            button.setCheckable(True)
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setChecked(code == self.languages.current)
            button.clicked.connect(lambda _=False, c=code: self._language_tapped(c))
            group.addButton(button)
            row.addWidget(button)
            self.language_buttons[code] = button
        return row

    def _pin_panel(self) -> QFrame:
        panel = QFrame()
        panel.setMaximumWidth(420)
        layout = QVBoxLayout(panel)
        layout.setSpacing(10)
        self.selected_label = QLabel()
        self.selected_label.setAccessibleName("selected employee")
        self.selected_label.setStyleSheet("font-size: 20px;")
        layout.addWidget(self.selected_label)
        self.pin = QLineEdit()
        self.pin.setAccessibleName("login PIN")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setStyleSheet("font-size: 28px; letter-spacing: 6px;")
        self.pin.returnPressed.connect(self.submit)
        layout.addWidget(self.pin)
        self.error = QLabel()
        self.error.setAccessibleName("login error")
        self.error.setWordWrap(True)
        self.error.setMinimumHeight(44)
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop)
        set_role(self.error, "error")
        layout.addWidget(self.error)
        self.keypad = Keypad(self.pin, extra="")
        layout.addWidget(self.keypad)
        self.login_button = QPushButton()
        self.login_button.setAccessibleName("log in")
        self.login_button.setMinimumHeight(60)
        self.login_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_role(self.login_button, "primary")
        self.login_button.clicked.connect(self.submit)
        layout.addWidget(self.login_button)
        layout.addStretch(1)
        return panel

    def show_start_problem(self, text: str) -> None:
        """Shows (or, with an empty ``text``, hides) what stops the till and how to fix it."""
        self.start_problem.setText(text)
        self.start_problem.setVisible(bool(text))

    def retranslate(self) -> None:
        self.who.setText(self.tr("Who is at the till?"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.login_button.setText(self.tr("Log in (Enter)"))
        self._show_selected()
        for employee_id, button in self._staff_buttons.items():
            button.setText(self._staff_text(self._staff[employee_id]))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _role_text(self, role: Role) -> str:
        return {
            Role.CASHIER: self.tr("Cashier"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.ADMIN: self.tr("Administrator"),
        }[role]

    def _staff_text(self, employee: EmployeeView) -> str:
        return f"{employee.name}\n{self._role_text(employee.role)}"

    def reload_staff(self) -> None:
        while self._staff_grid.count():
            old = self._staff_grid.takeAt(0).widget()
            old.hide()  # at once: deleteLater waits for the event loop
            old.deleteLater()
        self._staff_buttons.clear()
        self._staff.clear()
        for i, employee in enumerate(self.till.staff.staff()):
            button = QPushButton(self._staff_text(employee))
            self._staff[employee.id] = employee
            button.setCheckable(True)
            button.setAccessibleName(f"employee {employee.name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            set_role(button, "staff")
            button.clicked.connect(lambda _=False, e=employee: self.select(e))
            self._staff_group.addButton(button)
            self._staff_grid.addWidget(button, i // STAFF_COLUMNS, i % STAFF_COLUMNS)
            button.show()  # a layout shows new children only on the next event loop pass
            self._staff_buttons[employee.id] = button

    def select(self, employee: EmployeeView) -> None:
        """Picks who logs in; the screen switches to the language they used last time."""
        self.selected = employee
        button = self._staff_buttons.get(employee.id)
        if button is not None:
            button.setChecked(True)
        self.error.clear()
        self.pin.clear()
        # A language tapped on this screen is the person's choice; the stored one is only the
        # answer when they did not pick (tapping their name must not undo their tap).
        if self._picked_language is None and employee.language != self.languages.current:
            self.choose_language(employee.language)
        self._show_selected()
        self.pin.setFocus()

    def _language_tapped(self, language: str) -> None:
        self._picked_language = language
        self.choose_language(language)

    def choose_language(self, language: str) -> None:
        self.languages.switch(language)
        self.language_buttons[self.languages.current].setChecked(True)
        self.pin.setFocus()

    def _show_selected(self) -> None:
        if self.selected is None:
            self.selected_label.setText(self.tr("Choose your name"))
        else:
            self.selected_label.setText(self.tr("PIN for {name}").format(name=self.selected.name))

    def staff_changed(self) -> None:
        """Staff came from the server (a pull): new names show at once; someone already picked
        stays picked with what they typed, unless they were deactivated."""
        selected = self.selected
        self.reload_staff()
        if selected is not None and selected.id in self._staff_buttons:
            self._staff_buttons[selected.id].setChecked(True)
        elif selected is not None:
            self.selected = None
            self.pin.clear()
            self._show_selected()

    def reset(self, employee: EmployeeView | None = None) -> None:
        """Back to the login screen; after a lock the same employee is preselected."""
        self.reload_staff()
        self.selected = None
        self.pin.clear()
        self.error.clear()
        if employee is not None:
            self.select(employee)
        self._show_selected()
        self.pin.setFocus()

    def submit(self) -> None:
        if self.selected is None:
            self.error.setText(self.tr("Choose your name first."))
            return
        try:
            employee = self.till.staff.login(self.selected.id, self.pin.text())
        except CashierError as exc:
            self.error.setText(message_for(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        language = self.languages.current
        if employee.language != language:
            self.till.staff.set_language(employee.id, language)
            employee = replace(employee, language=language)
        self.pin.clear()
        self.error.clear()
        self._picked_language = None  # the next person starts from their own language
        self.logged_in.emit(employee)
