"""One calm look for the till: large type for the counter, one clear primary colour for paying."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from forsell.paths import resources_dir

PRIMARY = "#1f6f5c"  # pay, confirm: a deep green that reads as "go" without shouting
PRIMARY_DARK = "#17574a"
ACCENT_BG = "#e8f2ef"
TEXT = "#1d2327"
MUTED = "#5f6b73"
BORDER = "#c9d1d6"
WINDOW_BG = "#f4f6f7"
WARNING_BG = "#fff4d6"
WARNING_BORDER = "#e0b84c"
ERROR = "#b00020"

FONT_FAMILY = "DejaVu Sans"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# The installed bundle carries its own copy (installer/forsell-cashier.spec): a shop PC may have
# no font with the Kazakh letters at all.
BUNDLED_DEJAVU = resources_dir() / "fonts" / "DejaVuSans.ttf"
BASE_PX = 16
#: The smallest thing a finger hits reliably on the till's touch screen (Apple's and Google's
#: guidelines agree on about 44 px): buttons, fields, spin-box steps, check boxes, list rows.
TOUCH_PX = 44
_ICONS = (resources_dir() / "icons").as_posix()

#: Finger-sized spin-box steps (− on the left, + on the right, each a full-height square),
#: check boxes and list rows; the back-office dialogs' own style sheet ends with it as well.
TOUCH_STYLE = f"""
QSpinBox, QDoubleSpinBox {{ padding-left: {TOUCH_PX + 4}px; padding-right: {TOUCH_PX + 4}px; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{
    subcontrol-origin: border; subcontrol-position: center left;
    width: {TOUCH_PX}px; height: {TOUCH_PX}px; border-right: 1px solid {BORDER};
}}
QSpinBox::up-button, QDoubleSpinBox::up-button {{
    subcontrol-origin: border; subcontrol-position: center right;
    width: {TOUCH_PX}px; height: {TOUCH_PX}px; border-left: 1px solid {BORDER};
}}
QSpinBox::up-button:pressed, QSpinBox::down-button:pressed,
QDoubleSpinBox::up-button:pressed, QDoubleSpinBox::down-button:pressed {{
    background: {ACCENT_BG};
}}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{
    image: url({_ICONS}/spin-plus.svg); width: 20px; height: 20px;
}}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{
    image: url({_ICONS}/spin-minus.svg); width: 20px; height: 20px;
}}
QSpinBox::up-arrow:disabled, QSpinBox::down-arrow:disabled,
QDoubleSpinBox::up-arrow:disabled, QDoubleSpinBox::down-arrow:disabled {{ image: none; }}
QCheckBox, QRadioButton {{ min-height: {TOUCH_PX}px; spacing: 10px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 28px; height: 28px; }}
QListView::item {{ min-height: {TOUCH_PX}px; }}
"""

STYLE = f"""
QWidget {{ color: {TEXT}; font-size: {BASE_PX}px; }}
QMainWindow, QDialog, QWidget#screen {{ background: {WINDOW_BG}; }}
QPushButton {{
    background: white; border: 1px solid {BORDER}; border-radius: 6px;
    padding: 6px 12px; min-height: 40px;
}}
QPushButton:hover {{ border-color: {PRIMARY}; }}
QPushButton:pressed, QPushButton:checked {{ background: {ACCENT_BG}; border-color: {PRIMARY}; }}
QPushButton:disabled {{ color: #9aa5ab; background: #eef1f2; }}
QPushButton[role="primary"] {{
    background: {PRIMARY}; color: white; border: none; font-weight: bold; font-size: 20px;
}}
QPushButton[role="primary"] QLabel {{ color: white; font-weight: bold; font-size: 20px; }}
QLabel#actionTitle {{ font-size: 15px; background: transparent; }}
QLabel#actionKey {{ font-size: 13px; color: {MUTED}; background: transparent; }}
QPushButton[role="primary"] QLabel#actionKey {{ color: white; font-size: 15px; }}
QLabel:disabled {{ color: #9aa5ab; }}
QPushButton[role="primary"]:hover {{ background: {PRIMARY_DARK}; }}
QPushButton[role="primary"]:disabled {{ background: #8fb5ab; }}
QPushButton[role="tile"] {{ font-size: 15px; min-height: 64px; text-align: center; }}
QPushButton[role="key"] {{ font-size: 24px; min-height: 56px; min-width: 72px; }}
QPushButton[role="staff"] {{ font-size: 18px; min-height: 64px; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{
    background: white; border: 1px solid {BORDER}; border-radius: 6px;
    padding: 6px 10px; min-height: 32px; font-size: 18px;
}}
QLineEdit:focus {{ border: 2px solid {PRIMARY}; }}
QTableWidget, QListWidget {{
    background: white; border: 1px solid {BORDER}; border-radius: 6px; font-size: 17px;
    selection-background-color: {ACCENT_BG}; selection-color: {TEXT};
}}
QTableWidget::item {{ padding: 0 10px; }}
QHeaderView::section {{
    background: {WINDOW_BG}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px; font-size: 14px; color: {MUTED};
}}
QLabel[role="total"] {{ font-size: 36px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="title"] {{ font-size: 24px; font-weight: bold; }}
QLabel[role="error"] {{ color: {ERROR}; font-size: 16px; }}
QLabel[role="banner"] {{
    background: {WARNING_BG}; border: 1px solid {WARNING_BORDER}; border-radius: 6px;
    padding: 8px 12px;
}}
QLabel[role="alarm"] {{
    background: #fdecea; border: 1px solid {ERROR}; border-radius: 6px; padding: 8px 12px;
    color: {ERROR}; font-weight: bold;
}}
QStatusBar {{ background: white; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ font-size: 15px; padding: 0 12px; }}
QScrollArea {{ border: none; background: transparent; }}
{TOUCH_STYLE}
QWidget#tiles {{ background: {WINDOW_BG}; }}
"""


def register_fonts() -> str:
    """Registers DejaVu Sans (Cyrillic, Kazakh letters and ₸) when present; returns the family."""
    font_file = BUNDLED_DEJAVU if BUNDLED_DEJAVU.exists() else DEJAVU
    if font_file.exists():
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            return families[0]
    return FONT_FAMILY


def app_font(family: str) -> QFont:
    font = QFont(family)
    font.setPixelSize(BASE_PX)
    return font
