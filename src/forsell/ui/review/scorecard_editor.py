"""The "Scorecard" tab of the review window: the admin edits the store's quality checklist.

A preset (Café, Shop) or the store's own card; the items as a table with a form for the selected
one; the upsell offer words; and the raw JSON for power users, kept in step with the forms. The
draft is validated by the service on every change (the same check a save makes), each problem is
shown in the admin's language next to its item, and Save stays off while anything is wrong — the
draft stays on screen, nothing typed is lost. "Try on saved conversations" scores the latest
conversations with the draft and with the current card, saving nothing.

Supervisors see the card read-only; cashiers never get this tab (review_window).
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.services.auth import EmployeeView
from forsell.services.review.service import ReviewService, ScorecardProblem

from ..backoffice_kit import RED, Feedback, make_button, styled_label
from ..messages import message_for
from .scorecard_forms import ItemForm, UpsellForm
from .scorecard_problems import ShownProblem, translate_problem
from .scorecard_table import fill_row, new_item
from .scorecard_trial import TrialBar
from .table_fit import fit_columns_wrapping_headers

log = logging.getLogger(__name__)
PRESETS = ("cafe", "shop")


def backend_scorecard_version(service: ReviewService) -> int | None:
    """HOOK for the backend pulls (services/pulls.py): the version of the active scorecard when it
    came from the backend, else None. Reads ``service.scorecard_source()`` if the service has it
    (an object or dict with ``source``/``origin`` == "backend" and ``version``)."""
    source = getattr(service, "scorecard_source", None)
    if source is None:
        return None
    try:
        info = source()
    except Exception:  # a missing marker must not keep the editor closed
        log.exception("scorecard source unreadable")
        return None
    if info is None:
        return None
    get = info.get if isinstance(info, dict) else lambda key: getattr(info, key, None)
    if (get("source") or get("origin")) != "backend":
        return None
    version = get("version")
    return int(version) if isinstance(version, int | str) and str(version).isdigit() else 0


class ScorecardEditor(QWidget):
    checked = Signal()  # the draft was validated (problems are up to date)
    saved = Signal()
    previewed = Signal(object)  # ScorecardPreview

    def __init__(
        self, service: ReviewService, who: EmployeeView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.who = service, who
        self.editable = who.role is Role.ADMIN
        self.language = who.language
        self.doc: dict = {}
        self.saved_doc: dict = {}
        self.problems: list[ShownProblem] = []
        self.json_broken = False
        self._syncing = False
        self._presets: dict[str, dict] = {}
        self._build()
        self.load()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.backend_note = styled_label()
        self.backend_note.setAccessibleName("scorecard from backend")
        self.backend_note.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b84c; "
            "border-radius: 4px; padding: 6px; color: #7a4b00;"
        )
        self.preset = QComboBox()
        self.preset.setAccessibleName("scorecard preset")
        for code, label in (
            ("cafe", self.tr("Café preset")),
            ("shop", self.tr("Shop preset")),
            ("custom", self.tr("Our own card")),
        ):
            self.preset.addItem(label, code)
        self.preset.activated.connect(self._preset_chosen)
        self.name = QLineEdit()
        self.name.setAccessibleName("scorecard name")
        self.name.textEdited.connect(self._name_edited)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Scorecard")))
        top.addWidget(self.preset)
        top.addWidget(QLabel(self.tr("Name")))
        top.addWidget(self.name, 1)
        self.read_only_note = styled_label(
            self.tr("Only an admin can change the scorecard; you see it as it is."), "muted"
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("scorecard tabs")
        self.tabs.addTab(self._checklist(), self.tr("Checklist"))
        self.upsell = UpsellForm()
        self.upsell.changed.connect(self._upsell_edited)
        self.tabs.addTab(self.upsell, self.tr("Upsell offers"))
        self.json = QPlainTextEdit()
        self.json.setAccessibleName("scorecard json")
        self.json.setFont(QFont("DejaVu Sans Mono", 11))
        self.json.textChanged.connect(self._json_edited)
        self.tabs.addTab(self.json, self.tr("Advanced: JSON"))
        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName("scorecard problems")
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.feedback = Feedback("scorecard message")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.backend_note)
        layout.addLayout(top)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.feedback)
        layout.addLayout(self._actions())
        self.read_only_note.setVisible(not self.editable)
        if not self.editable:
            self.preset.setEnabled(False)
            self.name.setReadOnly(True)
            self.json.setReadOnly(True)
            self.upsell.set_read_only(True)
            self.trial.setVisible(False)  # a dry run needs a draft, and only an admin has one

    def _checklist(self) -> QWidget:
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName("scorecard items")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("Points"),
                self.tr("Who"),
                self.tr("When"),
                self.tr("Phrases"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Item names ("Предложил дополнительный товар к заказу") are the point of the table:
        # they wrap onto more lines instead of ending in "…", and each row grows to fit.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The other columns hold short values under long Kazakh and Russian titles: their
        # titles wrap (``_fit_columns``) so the names get the width.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        buttons = QHBoxLayout()
        self.add_button = make_button(self.tr("Add"), "add item")
        self.remove_button = make_button(self.tr("Remove"), "remove item", "danger")
        self.up_button = make_button("↑", "move item up")
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button = make_button("↓", "move item down")
        self.down_button.setToolTip(self.tr("Move down"))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
            button.setVisible(self.editable)
        buttons.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.form = ItemForm()
        self.form.changed.connect(self._item_edited)
        self.form.set_read_only(not self.editable)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setSizes([700, 620])
        return split

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.trial = TrialBar(self.service, self.who)
        self.trial.previewed.connect(self.previewed)
        self.trial.button.clicked.connect(self.preview)
        self.preview_button = self.trial.button
        self.revert_button = make_button(self.tr("Undo changes"), "revert scorecard")
        self.revert_button.clicked.connect(self.load)
        self.save_button = make_button(self.tr("Save scorecard"), "save scorecard", "primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.trial, 1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        for widget in (self.revert_button, self.save_button):
            widget.setVisible(self.editable)
        return row

    # --- loading and showing --------------------------------------------------------------

    def load(self) -> None:
        """The store's current card, as saved (drops the draft)."""
        self.doc = json.loads(self.service.scorecard_text())
        self.saved_doc = json.loads(json.dumps(self.doc))
        self.preset.setCurrentIndex(max(0, self.preset.findData(self.service.scorecard_choice())))
        self._show_source()
        self.feedback.clear_message()
        self.trial.result.clear()
        self._show_doc(select=0)

    def _show_source(self) -> None:
        version = backend_scorecard_version(self.service)
        self.backend_note.setText(
            self.tr(
                "From the backend, version {version}: a change made here is replaced at the next "
                "pull."
            ).format(version=version)
        )
        self.backend_note.setVisible(version is not None)

    def _show_doc(self, select: int | None = None, *, json_too: bool = True) -> None:
        """Fills every view from ``self.doc``; ``json_too`` False while the JSON is typed in."""
        self._syncing = True
        try:
            self.name.setText(str(self.doc.get("name", "")))
            if json_too:
                self.json.setPlainText(self._text())
            upsell = self.doc.get("upsell")
            self.upsell.load(upsell if isinstance(upsell, dict) else {})
            row = self.table.currentRow() if select is None else select
            self.table.setRowCount(len(self._items()))
            for index, item in enumerate(self._items()):
                fill_row(self.table, index, item, self.language)
            self._fit_columns()
            row = min(max(row, 0), len(self._items()) - 1)
            self.table.setCurrentCell(row, 0)
        finally:
            self._syncing = False
        self._select(self.table.currentRow())
        self.validate()

    def _fit_columns(self) -> None:
        """The value columns narrow, their titles and long values ("кез келген уақытта")
        wrapped; the rest for the names."""
        fit_columns_wrapping_headers(self.table, cap=90, stretch=0, value_cap=96)

    def _items(self) -> list:
        items = self.doc.get("items")
        return items if isinstance(items, list) else []

    def _text(self) -> str:
        return json.dumps(self.doc, ensure_ascii=False, indent=2)

    def _select(self, row: int) -> None:
        if self._syncing:
            return
        items = self._items()
        item = items[row] if 0 <= row < len(items) and isinstance(items[row], dict) else None
        self.form.load(item)
        if not self.editable:
            self.form.setEnabled(True)  # read-only fields stay readable and scrollable
        self._show_item_problems()

    def _show_item_problems(self) -> None:
        row = self.table.currentRow()
        self.form.show_problems([p for p in self.problems if p.item == row])

    # --- validation -----------------------------------------------------------------------

    def validate(self) -> None:
        """Asks the service what is wrong with the draft; shows it; Save only when all is well."""
        titles = [self._title(item) for item in self._items()]
        self.problems = [
            translate_problem(problem, titles)
            for problem in self.service.check_scorecard(self.json.toPlainText())
        ]
        self.problem_list.clear()
        for problem in self.problems:
            entry = QListWidgetItem(f"⚠ {problem}")
            entry.setForeground(QColor(RED))
            entry.setData(Qt.ItemDataRole.UserRole, problem.item)
            self.problem_list.addItem(entry)
        self.problem_list.setVisible(bool(self.problems))
        rows = min(len(self.problems), 3)  # as tall as its lines, up to three, then it scrolls
        line = max(
            self.problem_list.sizeHintForRow(0), self.problem_list.fontMetrics().height() + 8
        )
        self.problem_list.setFixedHeight(rows * line + 10 if rows else 0)
        for row in range(self.table.rowCount()):
            bad = any(p.item == row for p in self.problems)
            for column in range(self.table.columnCount()):
                cell = self.table.item(row, column)
                if cell is not None:
                    cell.setForeground(QColor(RED) if bad else QColor("#1d232b"))
        self._show_item_problems()
        dirty = self.doc != self.saved_doc or self.json_broken
        self.save_button.setEnabled(self.editable and not self.problems and dirty)
        self.trial.set_allowed(not self.problems)
        for index in range(2):  # the forms cannot show a document that is not a card's JSON
            self.tabs.setTabEnabled(index, not self.json_broken)
        if self.problems and self.editable:
            self.feedback.error(
                self.tr("Problems to fix before saving: {n}. Your draft is kept.").format(
                    n=len(self.problems)
                )
            )
        elif dirty and self.editable:
            self.feedback.ok(self.tr("Unsaved changes."))
        else:
            self.feedback.clear_message()
        self.checked.emit()

    def _title(self, item: object) -> str:
        if not isinstance(item, dict):
            return ""
        title = item.get("title") if isinstance(item.get("title"), dict) else {}
        return str(title.get(self.language) or title.get("ru") or item.get("id") or "")

    def _go_to_problem(self, entry: QListWidgetItem) -> None:
        row = entry.data(Qt.ItemDataRole.UserRole)
        if row is not None and not self.json_broken and row < self.table.rowCount():
            self.tabs.setCurrentIndex(0)
            self.table.setCurrentCell(row, 0)

    # --- editing --------------------------------------------------------------------------

    def _edited(self) -> None:
        """After a form edit: the JSON follows, the table row, the preset choice, the checks."""
        self._syncing = True
        try:
            self.json.setPlainText(self._text())
            row = self.table.currentRow()
            if 0 <= row < len(self._items()):
                fill_row(self.table, row, self._items()[row], self.language)
                self._fit_columns()
            choice = next((p for p in PRESETS if self.doc == self._preset_doc(p)), "custom")
            self.preset.setCurrentIndex(self.preset.findData(choice))
        finally:
            self._syncing = False
        self.validate()

    def _item_edited(self) -> None:
        self._edited()

    def _upsell_edited(self) -> None:
        self.doc["upsell"] = self.upsell.upsell
        self._edited()

    def _name_edited(self, text: str) -> None:
        self.doc["name"] = text
        self._edited()

    def _json_edited(self) -> None:
        if self._syncing:
            return
        try:
            doc = json.loads(self.json.toPlainText())
        except json.JSONDecodeError:
            doc = None
        self.json_broken = not isinstance(doc, dict)
        if self.json_broken:
            self.validate()  # the text stays as typed; the forms wait until it parses
            return
        self.doc = doc
        self._show_doc(json_too=False)

    def add_item(self) -> None:
        self.doc.setdefault("items", [])
        if not isinstance(self.doc["items"], list):
            return
        self.doc["items"].append(
            new_item({str(i.get("id")) for i in self._items() if isinstance(i, dict)})
        )
        self._edited()
        self._show_doc(select=len(self._items()) - 1)
        self.form.item_id.setFocus()

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._items()):
            del self._items()[row]
            self._edited()
            self._show_doc(select=row)

    def move_item(self, step: int) -> None:
        items, row = self._items(), self.table.currentRow()
        if 0 <= row < len(items) and 0 <= row + step < len(items):
            items[row], items[row + step] = items[row + step], items[row]
            self._edited()
            self._show_doc(select=row + step)

    def _preset_doc(self, name: str) -> dict:
        if name not in self._presets:  # read once: compared with the draft on every edit
            self._presets[name] = json.loads(self.service.preset_text(name))
        return json.loads(json.dumps(self._presets[name]))

    def _preset_chosen(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name not in PRESETS:
            return  # "our own card": the draft as it is becomes the store's card on save
        preset = self._preset_doc(name)
        if self.doc not in (self.saved_doc, preset) and not self._confirm_discard():
            self.preset.setCurrentIndex(self.preset.findData("custom"))
            return
        self.doc = preset
        self.json_broken = False
        self._show_doc(select=0)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the draft?"),
            self.tr("The preset replaces the changes you have not saved. Go on?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- saving and trying ----------------------------------------------------------------

    def save(self) -> bool:
        text = self.json.toPlainText()
        choice = self.preset.currentData()
        try:
            if choice in PRESETS and self.doc == self._preset_doc(choice):
                self.service.use_scorecard_preset(self.who, choice)
            else:
                self.service.save_scorecard(self.who, text)
        except ScorecardProblem:
            self.validate()  # the service's own list, shown as for any edit; the draft stays
            return False
        except CashierError as exc:
            self.feedback.error(message_for(exc))
            return False
        self.saved_doc = json.loads(json.dumps(self.doc))
        self.json_broken = False
        self._show_source()
        self.validate()
        self.feedback.ok(
            self.tr(
                "Saved. New conversations are scored with this card; scores "
                "already given stay as they are."
            )
        )
        self.saved.emit()
        return True

    def preview(self) -> None:
        self.trial.start(self.json.toPlainText())
