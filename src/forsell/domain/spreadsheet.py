"""CSV files a person opens in Excel or LibreOffice, in the store's locale.

Russian and Kazakh Excel split a CSV on ";" (the comma is their decimal separator) and read a
file without a byte-order mark as ANSI: a comma-separated, BOM-less file opens as one column of
mojibake. A file for people therefore gets ";", a UTF-8 BOM, money in tenge (not tiyn) and the
locale's decimal separator, so that Excel sees numbers it can add up. A file a program reads back
(the catalog export, which the catalog import reads) keeps its machine format.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The encoding of a file for people: UTF-8 with a byte-order mark (Excel's cue for UTF-8).
ENCODING = "utf-8-sig"


@dataclass(frozen=True)
class SheetFormat:
    """How numbers and cells are written for one locale."""

    delimiter: str
    decimal: str

    def money(self, tiyn: int | None) -> str:
        """``125050`` → ``"1250,50"``: tenge, no grouping (Excel would read a space as text)."""
        if tiyn is None:
            return ""
        sign = "-" if tiyn < 0 else ""
        whole, frac = divmod(abs(tiyn), 100)
        return f"{sign}{whole}{self.decimal}{frac:02d}"

    def number(self, value: float | int | None, places: int = 4) -> str:
        """``0.125`` → ``"0,125"``; trailing zeros dropped; ``None`` → an empty cell."""
        if value is None:
            return ""
        if isinstance(value, int):
            return str(value)
        text = f"{value:.{places}f}".rstrip("0").rstrip(".")
        return text.replace(".", self.decimal)

    def write(self, path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        """Writes ``header`` and ``rows`` to ``path`` as a file Excel opens in columns."""
        with path.open("w", encoding=ENCODING, newline="") as out:
            writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows(rows)


#: Language code → its spreadsheet format (Excel's regional defaults for ru-KZ, kk-KZ, en).
FORMATS: dict[str, SheetFormat] = {
    "ru": SheetFormat(";", ","),
    "kk": SheetFormat(";", ","),
    "en": SheetFormat(",", "."),
}


def sheet_format(language: str) -> SheetFormat:
    """The format for ``language``; an unknown language gets the Russian one (the store's)."""
    return FORMATS.get(language, FORMATS["ru"])
