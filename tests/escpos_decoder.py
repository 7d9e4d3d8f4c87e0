"""Reads an ESC/POS byte stream back into what the paper would show, for the tests.

It knows the commands our encoder and python-escpos send (and refuses any other, so a new command
cannot slip past a test unread): text in the selected code page, bold and double size, raster
images (``GS v 0``), EAN-13 and other barcodes (``GS k``), QR codes (``GS ( k``), the cut
(``GS V``), the drawer pulse (``ESC p``) and status questions (``DLE EOT``). A raster line is read
back to text by matching each 12 × 24-dot cell against the glyphs of the raster font, so a
Kazakh letter printed as an image is checked as the letter it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from forsell.hardware import raster

#: ``ESC t`` numbers of Epson-compatible printers → codec.
CODE_PAGE_NUMBERS = {0: "cp437", 17: "cp866", 46: "cp1251"}
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
#: Latin letters that look like Cyrillic ones are read back as the Cyrillic letter.
GLYPHS = RUSSIAN + KAZAKH + "".join(chr(c) for c in range(33, 127)) + "₸×—№«»éÉ"


@dataclass
class Printout:
    """What came out: text lines (raster ones read back), codes, cuts, pulses, questions."""

    lines: list[str] = field(default_factory=list)
    raster_lines: list[str] = field(default_factory=list)
    bold_lines: list[str] = field(default_factory=list)
    large_lines: list[str] = field(default_factory=list)
    barcodes: list[tuple[int, str]] = field(default_factory=list)  # (GS k type, data)
    qr_codes: list[str] = field(default_factory=list)
    cuts: int = 0
    drawer_pulses: list[int] = field(default_factory=list)  # the pin of each ESC p
    status_questions: list[int] = field(default_factory=list)
    code_pages: list[int] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # "text", "raster", "barcode", … in order

    @property
    def text(self) -> str:
        """Every line, raster ones read back, joined by newlines."""
        return "\n".join(self.lines)


#: Latin letters a raster line reads back as their Cyrillic twins (the same glyph).
LOOK_ALIKES = str.maketrans("aceopxyACEHKMOPTXB", "асеорхуАСЕНКМОРТХВ")


def same_look(text: str) -> str:
    """``text`` as a raster line reads it back: Latin look-alikes become Cyrillic."""
    return text.translate(LOOK_ALIKES)


@lru_cache(maxsize=2)
def _templates(scale: int) -> dict[bytes, str]:
    """Cell bitmap → character, drawn with the raster font (a blank cell is a space)."""
    width = raster.CELL_W * scale
    found: dict[bytes, str] = {}
    for char in GLYPHS:
        image = raster.draw_line(char, width, scale)
        assert image is not None, "no raster font installed"
        found.setdefault(image.tobytes(), char)
    return found


def read_raster(width: int, height: int, data: bytes) -> str:
    """A ``GS v 0`` image (``width`` dots, bits MSB first, 1 = black) read back to text."""
    scale = height // raster.CELL_H
    cell = raster.CELL_W * scale
    from PIL import Image

    # Our images are white on 1 in Pillow's "1" mode; the printer's bits are 1 for black.
    image = Image.frombytes("1", (width, height), bytes(b ^ 0xFF for b in data))
    templates = _templates(scale)
    blank = Image.new("1", (cell, height), 1).tobytes()
    text = ""
    for x in range(0, width - cell + 1, cell):
        bits = image.crop((x, 0, x + cell, height)).tobytes()
        text += " " if bits == blank else templates.get(bits, "\ufffd")
    return text.rstrip()


def decode(stream: bytes, default_codec: str = "cp866") -> Printout:
    """``stream`` read command by command; ValueError at a byte it does not understand."""
    out = Printout()
    codec = default_codec
    bold = large = False
    pending = bytearray()
    qr_data = ""
    i = 0

    def flush_text() -> None:
        line = pending.decode(codec)
        out.lines.append(line)
        out.events.append("text")
        if bold:
            out.bold_lines.append(line)
        if large:
            out.large_lines.append(line)
        pending.clear()

    while i < len(stream):
        b = stream[i]
        if b == 0x0A:
            flush_text()
            i += 1
        elif b == 0x1B:  # ESC
            cmd = stream[i + 1]
            if cmd == ord("@"):
                i += 2
            elif cmd == ord("t"):
                out.code_pages.append(stream[i + 2])
                codec = CODE_PAGE_NUMBERS[stream[i + 2]]
                i += 3
            elif cmd == ord("E"):
                bold = bool(stream[i + 2])
                i += 3
            elif cmd in (ord("a"), ord("d"), ord("!"), ord("-"), ord("M")):
                i += 3
            elif cmd == ord("p"):
                out.drawer_pulses.append(stream[i + 2])
                out.events.append("drawer")
                i += 5
            else:
                raise ValueError(f"unknown ESC {cmd:#x} at {i}")
        elif b == 0x1D:  # GS
            cmd = stream[i + 1]
            if cmd == ord("!"):
                large = stream[i + 2] != 0
                i += 3
            elif cmd in (ord("h"), ord("w"), ord("f"), ord("H")):
                i += 3
            elif cmd == ord("k"):
                kind = stream[i + 2]
                if kind <= 6:  # function A: NUL-terminated
                    end = stream.index(b"\x00", i + 3)
                    data = stream[i + 3 : end].decode("ascii")
                    i = end + 1
                else:
                    n = stream[i + 3]
                    data = stream[i + 4 : i + 4 + n].decode("ascii")
                    i += 4 + n
                out.barcodes.append((kind, data))
                out.events.append("barcode")
            elif cmd == ord("(") and stream[i + 2] == ord("k"):
                size = stream[i + 3] + 256 * stream[i + 4]
                body = stream[i + 5 : i + 5 + size]
                if body[:2] == b"1P":
                    qr_data = body[3:].decode("utf-8")
                elif body[:2] == b"1Q":
                    out.qr_codes.append(qr_data)
                    out.events.append("qr")
                i += 5 + size
            elif cmd == ord("v") and stream[i + 2] == ord("0"):
                xb = stream[i + 4] + 256 * stream[i + 5]
                height = stream[i + 6] + 256 * stream[i + 7]
                data = stream[i + 8 : i + 8 + xb * height]
                line = read_raster(xb * 8, height, data)
                out.lines.append(line)
                out.raster_lines.append(line)
                out.events.append("raster")
                i += 8 + xb * height
            elif cmd == ord("V"):
                out.cuts += 1
                out.events.append("cut")
                i += 3 if stream[i + 2] in (0, 1, 48, 49) else 4
            else:
                raise ValueError(f"unknown GS {cmd:#x} at {i}")
        elif b == 0x10 and stream[i + 1] == 0x04:  # DLE EOT n: a status question
            out.status_questions.append(stream[i + 2])
            i += 3
        elif b < 0x20:
            raise ValueError(f"unknown control byte {b:#x} at {i}")
        else:
            pending.append(b)
            i += 1
    if pending:
        flush_text()
    return out
