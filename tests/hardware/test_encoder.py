"""ESC/POS bytes read back by the decoder: what the paper would show, in each code page."""

from __future__ import annotations

import pytest

from escpos_decoder import KAZAKH, decode, same_look
from forsell.domain.settings import PRINTER_CODE_PAGES
from forsell.hardware import raster
from forsell.hardware.encoder import CODE_PAGES, PrinterProfile, encode
from forsell.hardware.ticket import Barcode, Cut, DrawerPulse, Qr, Row, Rule, Text, Ticket, wrap

KAZAKH_LINE = "Сынақ бидай наны: ә ғ қ ң ө ұ ү һ і"


def _ticket(paper_mm: int, *blocks) -> Ticket:
    return Ticket(tuple(blocks), paper_mm)


@pytest.mark.parametrize(("paper_mm", "chars"), [(58, 32), (80, 48)])
def test_lines_fit_the_paper_and_amounts_stand_at_the_right_edge(paper_mm: int, chars: int) -> None:
    long_name = "Молоко пастеризованное тестовое ультрапастеризованное 3,2 %"
    job = encode(
        _ticket(paper_mm, Text(long_name), Row("ИТОГО", "1 250 ₸"), Rule()),
        PrinterProfile(paper_mm),
    )
    printout = decode(job)
    assert all(len(line) <= chars for line in printout.lines)
    assert " ".join(printout.lines[:-2]) == long_name  # wrapped at spaces, nothing lost
    total = printout.lines[-2]
    assert len(total) == chars and total.startswith("ИТОГО") and total.endswith("1 250 тг")
    assert printout.lines[-1] == "-" * chars


def test_cp866_prints_russian_as_text_and_kazakh_lines_as_an_image_read_back_intact() -> None:
    printout = decode(
        encode(_ticket(80, Text("Хлеб пшеничный"), Text(KAZAKH_LINE)), PrinterProfile(80))
    )
    assert printout.code_pages == [17]
    assert printout.lines == ["Хлеб пшеничный", same_look(KAZAKH_LINE)]
    assert printout.raster_lines == [same_look(KAZAKH_LINE)]  # only the Kazakh line is an image


def test_a_large_kazakh_header_is_an_image_twice_the_size() -> None:
    printout = decode(
        encode(_ticket(58, Text("Құрт дүкені", "center", large=True)), PrinterProfile(58))
    )
    assert [line.strip() for line in printout.raster_lines] == ["Құрт дүкені"]


def test_kz1048_prints_kazakh_as_text_without_an_image() -> None:
    job = encode(_ticket(80, Text(KAZAKH_LINE)), PrinterProfile(80, "kz1048", 59))
    printout = decode(job.replace(b"\x1bt\x3b", b""), "kz1048")  # 59: this printer's number
    assert b"\x1bt\x3b" in job
    assert printout.lines == [KAZAKH_LINE]
    assert printout.raster_lines == []


def test_kz1048_without_a_number_leaves_the_printers_own_code_page_selected() -> None:
    job = encode(_ticket(80, Text("қ")), PrinterProfile(80, "kz1048"))
    assert decode(job, "kz1048").code_pages == []


def test_windows_1251_is_selected_by_its_number() -> None:
    printout = decode(encode(_ticket(80, Text("Сыр «Тест»")), PrinterProfile(80, "cp1251")))
    assert printout.code_pages == [46]
    assert printout.lines == ["Сыр «Тест»"]


def _cell(letter: str) -> bytes:
    drawn = raster.draw_line(letter, raster.CELL_W)
    assert drawn is not None, "install fonts-dejavu-core or ship the font"
    return drawn.tobytes()


def test_the_raster_font_draws_every_kazakh_letter_unlike_its_russian_twin() -> None:
    missing = _cell("\ue000")  # a private-use letter: the font's "no such glyph" box
    for letter in KAZAKH:
        assert _cell(letter) != missing, letter
    # һ and і are drawn like the Latin h and i, Ү like Y, as in every font; the others differ
    # from the Russian letter a missing glyph would be confused with.
    for letter, twin in zip("әғқңөұүӘҒҚҢӨҰ", "агкноууАГКНОУ", strict=True):
        assert _cell(letter) != _cell(twin), letter


def test_without_the_font_kazakh_letters_print_as_their_russian_look_alikes(monkeypatch) -> None:
    monkeypatch.setattr(raster, "FONT_PLACES", ())
    printout = decode(encode(_ticket(80, Text("Құрт")), PrinterProfile(80)))
    assert printout.lines == ["Курт"] and printout.raster_lines == []


def test_codes_cut_and_drawer_pulse_come_out_in_order() -> None:
    job = encode(
        _ticket(
            80, DrawerPulse(), Text("x"), Barcode("4879990000019"), Qr("https://k.kz/r"), Cut()
        ),
        PrinterProfile(80),
    )
    printout = decode(job)
    assert printout.events == ["drawer", "text", "barcode", "qr", "cut"]
    assert printout.barcodes == [(2, "4879990000019")]  # GS k 2: EAN-13
    assert printout.qr_codes == ["https://k.kz/r"]
    assert printout.cuts == 1 and printout.drawer_pulses == [0]


def test_every_code_page_the_settings_offer_is_one_the_encoder_knows() -> None:
    assert set(PRINTER_CODE_PAGES) == set(CODE_PAGES)


def test_wrap_cuts_a_word_longer_than_the_line() -> None:
    assert wrap("ab " + "x" * 7, 4) == ["ab", "xxxx", "xxx"]
