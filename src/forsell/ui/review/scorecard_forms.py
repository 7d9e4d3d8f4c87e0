"""The scorecard editor's two forms: one checklist item, and the upsell offer words.

Each form edits a part of the draft document (a plain dict, the scorecard JSON) in place and says
``changed``; the editor then refreshes the table and the JSON text and validates. Fields the form
does not show (phrases in a third language, say) are left as they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..backoffice_kit import RED, styled_label

LANGUAGES = ("ru", "kk", "en")
INVALID = f"border: 2px solid {RED};"


def lines_of(box: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in box.toPlainText().splitlines() if line.strip()]


def phrase_box(accessible: str, height: int = 110) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible)
    box.setTabChangesFocus(True)  # Tab moves on (keyboard-first); a phrase is one line anyway
    box.setMinimumHeight(height)
    return box


def set_lines(box: QPlainTextEdit, lines: object) -> None:
    box.setPlainText("\n".join(str(x) for x in lines) if isinstance(lines, list) else "")


class ItemForm(QWidget):
    """One checklist item: titles, kind and points, speaker, window, phrases, exceptions."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: dict | None = None
        self._loading = False
        self.read_only = False
        self.problems = styled_label()
        self.problems.setAccessibleName("item problems")
        self.problems.setStyleSheet(f"color: {RED}; font-weight: 600;")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)  # "sku:<SKU>" is not a tag
        self.item_id = QLineEdit()
        self.item_id.setAccessibleName("item id")
        self.titles = {lang: QLineEdit() for lang in LANGUAGES}
        for lang, edit in self.titles.items():
            edit.setAccessibleName(f"item title {lang}")
        self.kind = QComboBox()
        self.kind.setAccessibleName("item kind")
        for code, label in (
            ("required", self.tr("Required")),
            ("bonus", self.tr("Bonus")),
            ("forbidden", self.tr("Forbidden (penalty)")),
            ("fatal", self.tr("Fatal (score 0)")),
        ):
            self.kind.addItem(label, code)
        self.points = QSpinBox()
        self.points.setAccessibleName("item points")
        self.points.setRange(0, 100)
        self.points_label = QLabel(self.tr("Points"))
        self.speaker = QComboBox()
        self.speaker.setAccessibleName("item speaker")
        for code, label in (
            ("cashier", self.tr("Cashier")),
            ("customer", self.tr("Customer")),
            ("any", self.tr("Anyone")),
        ):
            self.speaker.addItem(label, code)
        self.window = QComboBox()
        self.window.setAccessibleName("item window")
        for code, label in (
            ("", self.tr("Any time")),
            ("start", self.tr("In the first…")),
            ("end", self.tr("In the last…")),
        ):
            self.window.addItem(label, code)
        self.seconds = QSpinBox()
        self.seconds.setAccessibleName("item window seconds")
        self.seconds.setRange(1, 600)
        self.seconds.setSuffix(self.tr(" s"))
        self.detector = QCheckBox(self.tr("Passes when the upsell detector finds an offer"))
        self.detector.setAccessibleName("item upsell detector")
        self.phrases = {lang: phrase_box(f"item phrases {lang}") for lang in ("ru", "kk")}
        self.moot = phrase_box("item not applicable if", 70)
        self._build()
        self._connect()
        self.load(None)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("ID"), self.item_id)
        titles = QGridLayout()
        for column, (lang, edit) in enumerate(self.titles.items()):
            edit.setPlaceholderText(lang)
            titles.addWidget(edit, 0, column)
        form.addRow(self.tr("Title (ru / kk / en)"), titles)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.points_label)
        kind_row.addWidget(self.points)
        form.addRow(self.tr("Kind"), kind_row)
        said = QHBoxLayout()
        said.addWidget(self.speaker, 1)
        said.addWidget(self.window, 1)
        said.addWidget(self.seconds)
        form.addRow(self.tr("Who, when"), said)
        form.addRow("", self.detector)
        phrases = QGridLayout()
        for column, (lang, box) in enumerate(self.phrases.items()):
            phrases.addWidget(
                QLabel(self.tr("Phrases, {language} (one per line)").format(language=lang)),
                0,
                column,
            )
            phrases.addWidget(box, 1, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addLayout(phrases)
        layout.addWidget(QLabel(self.tr("Not applicable if anyone says (one per line)")))
        layout.addWidget(self.moot)
        hint = styled_label(
            self.tr("A * ends a stem: бонусн* matches бонусная, бонусной."), "muted"
        )
        layout.addWidget(hint)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.item_id.textEdited.connect(lambda text: self._set("id", text.strip()))
        for edit in self.titles.values():
            edit.textEdited.connect(self._titles_edited)
        self.kind.activated.connect(self._kind_edited)
        self.points.valueChanged.connect(self._points_edited)
        self.speaker.activated.connect(lambda _i: self._set("speaker", self.speaker.currentData()))
        self.window.activated.connect(self._window_edited)
        self.seconds.valueChanged.connect(self._window_edited)
        self.detector.toggled.connect(self._detector_edited)
        for box in self.phrases.values():
            box.textChanged.connect(self._phrases_edited)
        self.moot.textChanged.connect(self._moot_edited)

    # --- showing -------------------------------------------------------------------------

    def load(self, item: dict | None) -> None:
        """Shows ``item`` (a dict inside the draft, edited in place); None: nothing selected."""
        self.item = item
        self._loading = True
        try:
            it = item or {}
            self.item_id.setText(str(it.get("id", "")))
            self.item_id.setCursorPosition(0)
            title = it.get("title") if isinstance(it.get("title"), dict) else {}
            for lang, edit in self.titles.items():
                edit.setText(str(title.get(lang, "")))
                edit.setCursorPosition(0)  # the start of a long title, not its tail
            self.kind.setCurrentIndex(max(0, self.kind.findData(it.get("kind", "required"))))
            self.speaker.setCurrentIndex(
                max(0, self.speaker.findData(it.get("speaker", "cashier")))
            )
            window = it.get("window") if isinstance(it.get("window"), dict) else {}
            self.window.setCurrentIndex(max(0, self.window.findData(window.get("from", ""))))
            seconds = window.get("seconds", 30)
            self.seconds.setValue(round(seconds) if isinstance(seconds, int | float) else 30)
            self.detector.setChecked(it.get("detector") == "upsell_offer")
            phrases = it.get("phrases") if isinstance(it.get("phrases"), dict) else {}
            for lang, box in self.phrases.items():
                set_lines(box, phrases.get(lang, []))
            set_lines(self.moot, it.get("not_applicable_if", []))
            self._show_points()
        finally:
            self._loading = False
        self.setEnabled(item is not None)

    def _show_points(self) -> None:
        it = self.item or {}
        kind = self.kind.currentData()
        self.points_label.setText(self.tr("Penalty") if kind == "forbidden" else self.tr("Points"))
        value = it.get("penalty" if kind == "forbidden" else "weight", 0)
        self.points.setValue(value if isinstance(value, int) and not isinstance(value, bool) else 0)
        self.points.setEnabled(kind != "fatal" and not self.read_only)
        self.seconds.setEnabled(bool(self.window.currentData()) and not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for edit in (self.item_id, *self.titles.values()):
            edit.setReadOnly(read_only)
        for box in (*self.phrases.values(), self.moot):
            box.setReadOnly(read_only)
        for widget in (
            self.kind,
            self.points,
            self.speaker,
            self.window,
            self.seconds,
            self.detector,
        ):
            widget.setEnabled(not read_only)

    def show_problems(self, problems: list) -> None:
        """Marks the fields with problems (``Problem``s of this item) and lists them on top."""
        fields = {p.field.partition(".")[0].partition("[")[0] for p in problems}
        marked = {
            "id": [self.item_id],
            "title": list(self.titles.values()),
            "kind": [self.kind],
            "weight": [self.points],
            "penalty": [self.points],
            "speaker": [self.speaker],
            "window": [self.window, self.seconds],
            "detector": [self.detector],
            "not_applicable_if": [self.moot],
            "phrases": list(self.phrases.values()),
        }
        bad = {id(w) for name in fields for w in marked.get(name, [])}
        for widget in {id(w): w for ws in marked.values() for w in ws}.values():
            widget.setStyleSheet(INVALID if id(widget) in bad else "")
        self.problems.setText("\n".join(f"⚠ {p}" for p in problems))
        self.problems.setVisible(bool(problems))

    # --- editing -------------------------------------------------------------------------

    def _set(self, key: str, value: object) -> None:
        if self._loading or self.item is None:
            return
        if value in (None, "", [], {}) and key != "id":
            self.item.pop(key, None)
        else:
            self.item[key] = value
        self.changed.emit()

    def _titles_edited(self) -> None:
        old = (
            self.item.get("title") if self.item and isinstance(self.item.get("title"), dict) else {}
        )
        title = {k: v for k, v in old.items() if k not in LANGUAGES}
        title.update(
            {lang: edit.text().strip() for lang, edit in self.titles.items() if edit.text().strip()}
        )
        self._set("title", title)

    def _kind_edited(self) -> None:
        if self._loading or self.item is None:
            return
        kind = self.kind.currentData()
        points = self.points.value()
        self.item["kind"] = kind
        # The points move with the kind: a weight for required/bonus, a penalty for forbidden.
        self.item.pop("weight", None)
        self.item.pop("penalty", None)
        if kind in ("required", "bonus"):
            self.item["weight"] = points
        elif kind == "forbidden":
            self.item["penalty"] = points
        self._loading = True
        try:
            self._show_points()
        finally:
            self._loading = False
        self.changed.emit()

    def _points_edited(self, value: int) -> None:
        kind = self.kind.currentData()
        if kind != "fatal":
            self._set("penalty" if kind == "forbidden" else "weight", value)

    def _window_edited(self) -> None:
        anchor = self.window.currentData()
        self.seconds.setEnabled(bool(anchor))
        self._set("window", {"from": anchor, "seconds": self.seconds.value()} if anchor else None)

    def _detector_edited(self, on: bool) -> None:
        self._set("detector", "upsell_offer" if on else None)

    def _phrases_edited(self) -> None:
        if self._loading or self.item is None:
            return
        old = self.item.get("phrases") if isinstance(self.item.get("phrases"), dict) else {}
        phrases = {k: v for k, v in old.items() if k not in self.phrases}
        phrases.update({lang: lines_of(box) for lang, box in self.phrases.items() if lines_of(box)})
        self._set("phrases", phrases)

    def _moot_edited(self) -> None:
        self._set("not_applicable_if", lines_of(self.moot))


class UpsellForm(QWidget):
    """The upsell detector's words: offer cues per language and extra product names."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.upsell: dict = {}
        self._loading = False
        self.cues = {lang: phrase_box(f"offer cues {lang}", 160) for lang in ("ru", "kk")}
        self.synonyms = phrase_box("upsell synonyms", 160)
        self.synonyms.setPlaceholderText(
            "sku:DRK-006 = колу | кока-колу\ncategory:Десерты = что-нибудь сладкое"
        )
        grid = QGridLayout()
        for column, (lang, box) in enumerate(self.cues.items()):
            grid.addWidget(
                QLabel(self.tr("Offer cues, {language} (one per line)").format(language=lang)),
                0,
                column,
            )
            grid.addWidget(box, 1, column)
        layout = QVBoxLayout(self)
        offer_hint = self.tr(
            "A cashier's sentence with an offer cue and a product or category in it counts as "
            "an upsell offer."
        )
        layout.addWidget(styled_label(offer_hint, "muted"))
        layout.addLayout(grid)
        names = QLabel(
            self.tr(
                "More names for products and categories: one per line, "
                "sku:<SKU> or category:<name> = name | name"
            )
        )
        names.setTextFormat(Qt.TextFormat.PlainText)  # the <SKU> is what to type, not a tag
        layout.addWidget(names)
        layout.addWidget(self.synonyms)
        layout.addStretch(1)
        for box in self.cues.values():
            box.textChanged.connect(self._edited)
        self.synonyms.textChanged.connect(self._edited)

    def load(self, upsell: dict) -> None:
        self.upsell = upsell
        self._loading = True
        try:
            cues = upsell.get("offer_cues") if isinstance(upsell.get("offer_cues"), dict) else {}
            for lang, box in self.cues.items():
                set_lines(box, cues.get(lang, []))
            synonyms = upsell.get("synonyms") if isinstance(upsell.get("synonyms"), dict) else {}
            self.synonyms.setPlainText(
                "\n".join(
                    f"{key} = {' | '.join(map(str, names)) if isinstance(names, list) else ''}"
                    for key, names in synonyms.items()
                )
            )
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        for box in (*self.cues.values(), self.synonyms):
            box.setReadOnly(read_only)

    def _edited(self) -> None:
        if self._loading:
            return
        old = self.upsell.get("offer_cues")
        cues = {
            k: v for k, v in (old if isinstance(old, dict) else {}).items() if k not in self.cues
        }
        cues.update({lang: lines_of(box) for lang, box in self.cues.items() if lines_of(box)})
        synonyms: dict[str, list[str]] = {}
        for line in lines_of(self.synonyms):
            key, _, names = line.partition("=")
            synonyms.setdefault(key.strip(), []).extend(
                n.strip() for n in names.split("|") if n.strip()
            )
        self.upsell["offer_cues"] = cues
        self.upsell["synonyms"] = synonyms
        self.changed.emit()
