"""The fiscal receipt's QR code (the fiscal data operator's page that checks the receipt)."""

from __future__ import annotations

import qrcode  # type: ignore[import-untyped]
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(text: str, module_px: int = 3) -> QImage:
    """``text`` as a QR code, black modules on white with a quiet border, for the receipt."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    x * module_px, y * module_px, module_px, module_px, QColor("black")
                )
    painter.end()
    return image
