"""Text the printer's code page lacks, drawn as a raster image with a font that has it.

Kazakh letters (ә ғ қ ң ө ұ ү һ і) are missing from CP866, the code page most receipt printers
sold here speak. Such a line is drawn with DejaVu Sans Mono (Debian's ``fonts-dejavu-core``; any
copy in ``resources/fonts/`` is preferred) one character per cell of the printer's own font size
(12 × 24 dots), so a raster line lines up with the text lines around it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from forsell.paths import resources_dir

CELL_W, CELL_H = 12, 24
FONT_FILE = "DejaVuSansMono.ttf"
#: Where the monospaced font is looked for, first found wins.
FONT_PLACES: tuple[Path, ...] = (
    Path("fonts") / FONT_FILE,  # under resources/
    Path("/usr/share/fonts/truetype/dejavu") / FONT_FILE,
    Path("/usr/share/fonts/TTF") / FONT_FILE,
    Path("C:/Windows/Fonts") / FONT_FILE,
)
#: A Kazakh letter → the Russian letter closest in look, for a till without the font.
KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуyhiАГКНОУYHI")


def font_path() -> Path | None:
    """The monospaced font used for raster lines, or None when none is installed (looked up
    once per set of places: a receipt asks for every line)."""
    return _first_font(FONT_PLACES)


@lru_cache(maxsize=4)
def _first_font(places: tuple[Path, ...]) -> Path | None:
    for place in places:
        path = place if place.is_absolute() else resources_dir() / place
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=4)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def draw_line(line: str, width_dots: int, scale: int = 1) -> Image.Image | None:
    """``line`` as a 1-bit image ``width_dots`` wide, one character per cell (doubled for
    ``scale`` 2); None when no font is installed (the caller then prints look-alike letters)."""
    path = font_path()
    if path is None:
        return None
    image = Image.new("1", (width_dots, CELL_H * scale), 1)
    for i, char in enumerate(line):
        if char != " ":
            image.paste(_glyph(str(path), char, scale), (i * CELL_W * scale, 0))
    return image


@lru_cache(maxsize=1024)
def _glyph(path: str, char: str, scale: int) -> Image.Image:
    """One character in its cell, drawn once (a receipt repeats a few dozen letters)."""
    cell = Image.new("1", (CELL_W * scale, CELL_H * scale), 1)
    font = _font(path, 20 * scale)  # DejaVu Sans Mono advances 0.6 em: 12 dots at 20 px
    ImageDraw.Draw(cell).text((0, 1 * scale), char, font=font, fill=0)
    return cell
