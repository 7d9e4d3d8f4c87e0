"""A :class:`~.ticket.Ticket` as the bytes an ESC/POS printer prints.

Text goes out in the profile's code page (``ESC t n`` selects it). A line with a letter the code
page lacks goes out as a raster image (``GS v 0``) drawn by :mod:`.raster`, or with look-alike
Russian letters when no font is installed. Codes, the cut and the drawer pulse come from
python-escpos, so the command bytes are the ones that library ships for Epson-compatible printers;
raster lines are written here (``GS v 0``), straight from the 1-bit image.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass

from escpos.printer import Dummy  # type: ignore[import-untyped]
from PIL import Image

from . import raster
from .ticket import (
    DOTS_PER_LINE,
    Barcode,
    Block,
    Cut,
    DrawerPulse,
    Qr,
    Row,
    Rule,
    Text,
    Ticket,
    aligned,
    row_lines,
    wrap,
)

ESC, GS, LF = b"\x1b", b"\x1d", b"\n"
INIT = ESC + b"@"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
LARGE_ON, LARGE_OFF = GS + b"!\x11", GS + b"!\x00"


@dataclass(frozen=True)
class CodePage:
    """A code page: its Python codec and the ``ESC t`` number Epson-compatible printers know it
    by (None: the printer's own default is left selected, set with the vendor's utility)."""

    codec: str
    number: int | None


#: The code pages a profile may choose: CP866 (Russian, on nearly every printer), Windows-1251,
#: and KZ-1048 (Kazakh Windows: Russian and every Kazakh letter) on printers that have it.
CODE_PAGES: dict[str, CodePage] = {
    "cp866": CodePage("cp866", 17),
    "cp1251": CodePage("cp1251", 46),
    "kz1048": CodePage("kz1048", None),
}


@dataclass(frozen=True)
class PrinterProfile:
    """What the encoder must know of a printer: paper, code page, and the code page's number
    when the printer's differs from the usual one (-1: the usual)."""

    paper_mm: int = 80
    code_page: str = "cp866"
    code_page_number: int = -1

    @property
    def page(self) -> CodePage:
        """The code page with the number this printer uses for it."""
        page = CODE_PAGES[self.code_page]
        if self.code_page_number >= 0:
            return CodePage(page.codec, self.code_page_number)
        return page


def encode(ticket: Ticket, profile: PrinterProfile) -> bytes:
    """The whole job: reset, code page, every block in order."""
    page = profile.page
    out = bytearray(INIT)
    if page.number is not None:
        out += ESC + b"t" + bytes([page.number])
    dots = DOTS_PER_LINE[ticket.paper_mm]
    for block in ticket.blocks:
        out += _block(block, ticket.chars, dots, page.codec)
    return bytes(out)


def _block(block: Block, chars: int, dots: int, codec: str) -> bytes:
    if isinstance(block, Text):
        width = chars // 2 if block.large else chars
        text = printable(block.text, codec)  # before the layout: a stand-in may be longer
        lines = [aligned(line, block.align, width) for line in wrap(text, width)]
        body = b"".join(_line(line, codec, dots, 2 if block.large else 1) for line in lines)
        return _styled(body, block.bold, block.large)
    if isinstance(block, Row):
        left, right = printable(block.left, codec), printable(block.right, codec)
        body = b"".join(_line(line, codec, dots) for line in row_lines(left, right, chars))
        return _styled(body, block.bold, False)
    if isinstance(block, Rule):
        return b"-" * chars + LF
    return _command(block)


def _styled(body: bytes, bold: bool, large: bool) -> bytes:
    before = (BOLD_ON if bold else b"") + (LARGE_ON if large else b"")
    after = (LARGE_OFF if large else b"") + (BOLD_OFF if bold else b"")
    return before + body + after


#: Signs no receipt code page has, and what receipts print instead (a whole line as an image
#: for every amount would slow the printer down for nothing).
STAND_INS: dict[str, str] = {"₸": "тг", "×": "x", "—": "-", "–": "-", "«": '"', "»": '"'}


def printable(line: str, codec: str) -> str:
    """``line`` with the signs ``codec`` lacks replaced by their stand-ins (letters stay) and
    no-break spaces (amounts: ``1 250 ₸``) as plain ones, which every printer font draws."""
    line = line.replace("\u00a0", " ").replace("\u202f", " ")
    for sign, stand_in in STAND_INS.items():
        if sign in line:
            try:
                sign.encode(codec)
            except UnicodeEncodeError:
                line = line.replace(sign, stand_in)
    return line


def _line(line: str, codec: str, dots: int, scale: int = 1) -> bytes:
    try:
        return line.encode(codec) + LF
    except UnicodeEncodeError:
        pass
    image = raster.draw_line(line, dots, scale)
    if image is None:
        fallback = line.translate(raster.KAZAKH_TO_RUSSIAN)
        return fallback.encode(codec, errors="replace") + LF
    return raster_command(image)


_INVERT = bytes(b ^ 0xFF for b in range(256))


def raster_command(image: Image.Image) -> bytes:
    """``GS v 0``: a 1-bit image as the printer's raster bits (1 = black, rows MSB first).
    Written here rather than through python-escpos's image path, which converts each image
    again and took 3 ms a line; our images are already 1-bit and a multiple of 8 dots wide."""
    width, height = image.size
    row_bytes = (width + 7) // 8
    bits = image.tobytes().translate(_INVERT)  # Pillow's "1": 1 = white
    size = bytes([row_bytes % 256, row_bytes // 256, height % 256, height // 256])
    return GS + b"v0\x00" + size + bits


def _command(block: Block) -> bytes:
    if isinstance(block, Barcode):
        return _with_escpos(
            lambda p: p.barcode(block.ean13, "EAN13", height=64, width=2, pos="BELOW")
        )
    if isinstance(block, Qr):
        return _with_escpos(lambda p: p.qr(block.data, native=True, size=6, center=False))
    if isinstance(block, Cut):
        return _with_escpos(lambda p: p.cut())
    if isinstance(block, DrawerPulse):
        return _with_escpos(lambda p: p.cashdraw(2))
    raise TypeError(f"not a ticket block: {block!r}")


def _with_escpos(draw: Callable[[Dummy], None]) -> bytes:
    printer = Dummy(profile="default")
    # The default profile knows no paper width and python-escpos prints a warning on stdout
    # (the CLI's output) for every image then; our images are already as wide as the paper.
    printer.profile.profile_data["media"]["width"]["pixels"] = max(DOTS_PER_LINE.values())
    with contextlib.redirect_stdout(io.StringIO()):  # "Using hardware barcode renderer"
        draw(printer)
    return printer.output
