"""Admin-screen fields for registered settings: the label, the description and the allowed
values all come from the registry (``forsell.domain.settings``), so a range or a list of
choices is written once and the screen cannot offer what the services would refuse."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from forsell.domain.settings import CONTEXT, SettingDef

from .wheel_guard import guard_wheel


def label(setting: SettingDef) -> str:
    """The setting's label in the user's language."""
    return QCoreApplication.translate(CONTEXT, setting.label)


def description(setting: SettingDef) -> str:
    """What the setting does, in the user's language."""
    return QCoreApplication.translate(CONTEXT, setting.description)


def describe(widget: QWidget, setting: SettingDef) -> QWidget:
    """Gives ``widget`` the setting's description as tooltip, "What's this?" and the text a
    screen reader reads after its name; returns it."""
    text = description(setting)
    widget.setToolTip(text)
    widget.setWhatsThis(text)
    widget.setAccessibleDescription(text)
    return widget


def note(setting: SettingDef) -> QLabel:
    """The description as a small grey paragraph under a field that needs explaining."""
    paragraph = QLabel(description(setting))
    paragraph.setWordWrap(True)
    paragraph.setStyleSheet("color: #5f6b73; font-size: 14px;")
    return paragraph


def add_row(form: QFormLayout, setting: SettingDef, field: QWidget) -> QLabel:
    """``label: field`` in ``form``, described; returns the label (its buddy is the field)."""
    title = QLabel(label(setting))
    title.setBuddy(field)
    describe(title, setting)
    form.addRow(title, describe(field, setting))
    return title


def spin_box(setting: SettingDef[int], *, unit: int = 1) -> QSpinBox:
    """A spin box over the setting's range; ``unit`` stored values per step shown (100 for a
    limit kept in basis points and shown in %)."""
    if setting.low is None or setting.high is None:
        raise ValueError(f"{setting.key} has no range")
    box = QSpinBox()
    box.setRange(-(-setting.low // unit), setting.high // unit)
    guard_wheel(box)
    return box


def combo_box(setting: SettingDef[str], names: Mapping[str, str]) -> QComboBox:
    """A choice among the setting's ``choices``, in their order, shown by ``names`` (code →
    text); a choice without a name is an error, so a new choice cannot go unseen."""
    missing = [c for c in setting.choices if c not in names]
    if not setting.choices or missing:
        raise ValueError(f"{setting.key}: no name for {missing or 'its choices'}")
    box = QComboBox()
    for code in setting.choices:
        box.addItem(names[code], code)
    guard_wheel(box)
    return box


def check_box(setting: SettingDef[bool]) -> QCheckBox:
    """A switch labelled and described from the registry."""
    box = QCheckBox(label(setting))
    describe(box, setting)
    return box
