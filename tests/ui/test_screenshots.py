"""Screenshots of the main screens at 1366×768, as the cashier sees them (dialogs over the till).

They go to ``$FORSELL_SCREENSHOT_DIR`` (for a person to look at) or else to tmp_path. Each must be
a real PNG of the window's size with enough colours, so a screen that fails to paint fails here.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTableWidget, QWidget

from forsell.domain.roles import Role
from forsell.domain.shift import DENOMINATIONS
from forsell.ui.main_window import MainWindow
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import ReceiptDialog
from forsell.ui.refund_dialog import RefundDialog
from forsell.ui.shift_dialogs import CloseShiftDialog

from .conftest import CASHIER_PIN, employee, find, log_in, modal
from .test_whole_shift import press, type_into

SIZE = (1366, 768)
MIN_COLOURS = 40  # anti-aliased text alone gives hundreds; a blank or flat screen gives a few
#: Four barcoded demo products (resources/demo/catalog.csv): coffee, tea, two croissants.
CART = ["4870101000010", "4870102000019", "4870103000018", "4870103000025"]
Key = Qt.Key


def shot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FORSELL_SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def composite(window: MainWindow) -> QPixmap:
    """The window with its open dialogs over it, as a desktop shows a window-modal dialog.

    Offscreen, Qt clamps dialogs into its 800×600 virtual screen, so their real position says
    nothing; each is drawn centred on the window (where Qt puts it on a real screen), over a dimmed
    layer and with a frame, so that the picture reads like the real thing.
    """
    QApplication.processEvents()
    picture = window.grab()
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    dialogs.sort(key=lambda d: _depth(d, window))
    painter = QPainter(picture)
    for dialog in dialogs:
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))
        place = dialog_rect(window, dialog)
        painter.drawPixmap(place.topLeft(), dialog.grab())
        painter.setPen(QColor("#5f6b73"))
        painter.drawRect(place.adjusted(-1, -1, 0, 0))
    painter.end()
    return picture


def dialog_rect(window: QWidget, dialog: QWidget) -> QRect:
    centre = QPoint(window.width() // 2, window.height() // 2)
    return QRect(centre - QPoint(dialog.width() // 2, dialog.height() // 2), dialog.size())


def _depth(widget: QWidget, root: QWidget) -> int:
    depth = 0
    while widget is not None and widget is not root:
        widget, depth = widget.parentWidget(), depth + 1
    return depth


def colours(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = memoryview(image.constBits()).cast("I")
    return len(set(data))


def clipped(root: QWidget) -> list[str]:
    """Buttons and table headers on ``root`` whose text is wider than the room they got."""
    found = [
        f"button {b.accessibleName() or b.text()!r}"
        for b in root.findChildren(QPushButton)
        if b.isVisible() and b.text() and b.sizeHint().width() > b.width()
    ]
    for table in root.findChildren(QTableWidget):
        header = table.horizontalHeader()
        if not table.isVisible():
            continue
        bold = QFont(header.font())
        bold.setBold(True)  # the style sheet draws headers in bold
        metrics = QFontMetrics(bold)
        for i in range(header.count()):
            text = table.horizontalHeaderItem(i).text()
            if metrics.horizontalAdvance(text) + 12 > header.sectionSize(i):  # 6 px each side
                found.append(f"{table.accessibleName()} header {text!r}")
    return found


def shoot(window: MainWindow, folder: Path, name: str, dialog: QWidget | None = None) -> Path:
    """Saves the screen and checks the file at once (the dialog is gone soon after)."""
    path = folder / f"{name}.png"
    assert composite(window).save(str(path), "PNG"), f"could not write {path}"
    check(path, dialog)
    assert not clipped(dialog or window), f"{path.name}: cut text: {clipped(dialog or window)}"
    return path


def check(path: Path, dialog: QWidget | None = None) -> None:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE, f"{path.name} is {image.size()}"
    assert colours(image) > MIN_COLOURS, f"{path.name} looks blank"
    if dialog is not None:  # the dialog itself painted, not only the till behind it
        assert colours(dialog.grab().toImage()) > MIN_COLOURS, f"{path.name}: blank dialog"
        assert image.rect().contains(
            dialog_rect(dialog.window().parentWidget().window(), dialog)
        ), f"{path.name}: the dialog ({dialog.width()}×{dialog.height()}) does not fit in {SIZE}"


def test_screenshots_of_the_main_screens(qtbot, as_started, till, open_shift, tmp_path):
    window = as_started  # in Russian, the cashier's language, as the app starts
    folder = shot_dir(tmp_path)
    window.resize(*SIZE)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == SIZE)
    cashier = employee(till, Role.CASHIER, "Данияр Ахметов")
    shots: list[Path] = []

    qtbot.mouseClick(find(window.login, f"employee {cashier.name}"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(find(window.login, "login PIN"), "11")  # half typed, as a cashier would
    shots.append(shoot(window, folder, "1_login"))
    find(window.login, "login PIN").clear()
    log_in(qtbot, window, cashier, CASHIER_PIN)

    field = find(window, "scan field")
    for code in CART:
        qtbot.keyClicks(field, code)
        qtbot.keyClick(field, Key.Key_Return)
    assert find(window, "cart table").rowCount() == len(CART)
    shots.append(shoot(window, folder, "2_till_cart"))

    press(qtbot, window, Key.Key_F5)
    payment = modal(qtbot, PaymentDialog)
    type_into(qtbot, find(payment, "amount tendered"), "10000")
    shots.append(shoot(window, folder, "3_payment", payment))
    qtbot.keyClick(find(payment, "amount tendered"), Key.Key_Return)
    receipt_dialog = modal(qtbot, ReceiptDialog)
    shots.append(shoot(window, folder, "4_receipt", receipt_dialog))
    receipt_no = receipt_dialog.receipt.receipt_no
    qtbot.keyClick(find(receipt_dialog, "new sale"), Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    press(qtbot, window, Key.Key_F7)
    refund = modal(qtbot, RefundDialog)
    type_into(qtbot, find(refund, "receipt search"), str(receipt_no))
    qtbot.keyClick(find(refund, "receipt search"), Key.Key_Return)
    spin = find(refund, "refund qty 2")
    spin.setFocus()
    qtbot.keyClick(spin, Key.Key_Up)
    shots.append(shoot(window, folder, "5_refund", refund))
    qtbot.keyClick(find(refund, "receipt search"), Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    press(qtbot, window, Key.Key_F10)
    closing = modal(qtbot, CloseShiftDialog)
    left = till.shifts.expected_cash() // 100
    for denomination in DENOMINATIONS:  # a plausible drawer: the exact amount, notes first
        pieces, left = divmod(left, denomination // 100)
        if pieces:
            type_into(qtbot, find(closing, f"count {denomination // 100}"), str(pieces))
    shots.append(shoot(window, folder, "6_close_shift", closing))
    closing.reject()

    assert [p.name for p in shots] == [
        f"{n}.png"
        for n in ("1_login", "2_till_cart", "3_payment", "4_receipt", "5_refund", "6_close_shift")
    ]
