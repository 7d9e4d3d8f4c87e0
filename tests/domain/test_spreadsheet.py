"""Spreadsheets for people open in columns in Russian, Kazakh and English Excel."""

from __future__ import annotations

import csv

from forsell.domain.spreadsheet import sheet_format


def test_russian_and_kazakh_sheets_use_semicolons_decimal_commas_and_tenge(tmp_path):
    for language in ("ru", "kk"):
        sheet = sheet_format(language)
        path = tmp_path / f"{language}.csv"
        sheet.write(
            path,
            ["Кассир", "Выручка, ₸", "Доля"],
            [["Ахметов, Д.", sheet.money(125050), sheet.number(0.125)]],
        )
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel's cue for UTF-8
        text = raw.decode("utf-8-sig")
        assert text.splitlines()[1] == "Ахметов, Д.;1250,50;0,125"  # no comma to quote
        with path.open(encoding="utf-8-sig") as f:
            assert list(csv.reader(f, delimiter=";"))[1][1] == "1250,50"


def test_english_sheet_and_edge_values():
    sheet = sheet_format("en")
    assert (sheet.delimiter, sheet.money(-5), sheet.number(2.0), sheet.number(None)) == (
        ",",
        "-0.05",
        "2",
        "",
    )
    assert sheet_format("xx") is sheet_format("ru")
    assert sheet_format("ru").money(None) == "" and sheet_format("ru").number(7) == "7"
