"""A receipt as paper sees it: blocks of text, rules, codes, a cut and the drawer pulse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right"]

#: Paper width in millimetres → characters of the printer's standard font (12 dots each) per line.
CHARS_PER_LINE: dict[int, int] = {58: 32, 80: 48}
#: Paper width in millimetres → printable dots per line (203 dpi heads).
DOTS_PER_LINE: dict[int, int] = {58: 384, 80: 576}


@dataclass(frozen=True)
class Text:
    """One or more lines of text; ``large`` prints double width and height."""

    text: str
    align: Align = "left"
    bold: bool = False
    large: bool = False


@dataclass(frozen=True)
class Row:
    """A label on the left and an amount on the right of the same line."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A dashed line across the paper."""


@dataclass(frozen=True)
class Barcode:
    """An EAN-13 code with its digits under the bars."""

    ean13: str


@dataclass(frozen=True)
class Qr:
    """A QR code a customer's phone reads (a link to the fiscal receipt, say)."""

    data: str


@dataclass(frozen=True)
class Cut:
    """Feeds the paper past the cutter and cuts."""


@dataclass(frozen=True)
class DrawerPulse:
    """Opens the cash drawer wired to the printer's drawer port."""


Block = Text | Row | Rule | Barcode | Qr | Cut | DrawerPulse


@dataclass(frozen=True)
class Ticket:
    """Everything one print job puts on paper, in order, for paper ``paper_mm`` wide."""

    blocks: tuple[Block, ...]
    paper_mm: int = 80

    @property
    def chars(self) -> int:
        """Characters per line of the standard font on this paper."""
        return CHARS_PER_LINE[self.paper_mm]


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters, at spaces where possible;
    an explicit newline always starts a new line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for whole in paragraph.split(" "):
            word = whole
            while len(word) > width:  # a word longer than the paper: cut it
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:width])
                word = word[width:]
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def row_lines(left: str, right: str, width: int) -> list[str]:
    """``left`` and ``right`` on one line with spaces between; a long label wraps and the amount
    goes to the end of its last line (or the next line when there is no room)."""
    lines = wrap(left, width)
    last = lines[-1]
    if len(last) + 1 + len(right) <= width:
        lines[-1] = last + " " * (width - len(last) - len(right)) + right
    else:
        lines.append(right.rjust(width))
    return lines


def aligned(line: str, align: Align, width: int) -> str:
    """``line`` padded with spaces so it stands left, centred or right in ``width``."""
    if align == "center":
        return line.center(width).rstrip()
    if align == "right":
        return line.rjust(width)
    return line
