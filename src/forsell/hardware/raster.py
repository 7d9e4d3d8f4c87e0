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
    """The monospaced font used for raster lines, or None when none is installed."""
    for place in FONT_PLACES:
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
    cell_w, cell_h = CELL_W * scale, CELL_H * scale
    font = _font(str(path), 20 * scale)  # DejaVu Sans Mono advances 0.6 em: 12 dots at 20 px
    image = Image.new("1", (width_dots, cell_h), 1)
    pen = ImageDraw.Draw(image)
    for i, char in enumerate(line):
        if char != " ":
            pen.text((i * cell_w, 1 * scale), char, font=font, fill=0)
    return image
