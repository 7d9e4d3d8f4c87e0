"""``forsell-cashier printer test``, in process, against the FAKE printer on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from escpos_decoder import decode
from forsell import cli
from forsell.fakes.fake_printer import FakePrinter
from forsell.services import settings as s
from forsell.services.app import open_till


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    open_till(folder).close()
    return folder


@pytest.fixture
def fake_printer() -> Iterator[FakePrinter]:
    with FakePrinter() as printer:
        yield printer


def test_the_test_page_prints_with_the_saved_settings(
    data_dir: Path, fake_printer: FakePrinter, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    till = open_till(data_dir)
    till.ctx.settings.set(s.PRINTER_ADDRESS, fake_printer.address)
    till.ctx.settings.set(s.PRINTER_PAPER_MM, 58)
    till.close()
    assert cli.main(["printer", "test", "--data-dir", str(data_dir)]) == 0
    printout = decode(fake_printer.wait_job())
    assert "Пробная страница принтера" in printout.text
    assert f"Принтер: {fake_printer.address}" in printout.text
    assert "Бумага: 58 мм, 32 символов в строке" in " ".join(printout.lines)  # wrapped
    assert printout.barcodes and printout.qr_codes and printout.cuts == 1
    assert fake_printer.address in capsys.readouterr().out


def test_an_address_given_on_the_command_line_is_tried_and_not_saved(
    data_dir: Path, fake_printer: FakePrinter
) -> None:
    args = ["printer", "test", "--address", fake_printer.address, "--data-dir", str(data_dir)]
    assert cli.main([*args, "--code-page", "kz1048"]) == 0
    printout = decode(fake_printer.wait_job(), "kz1048")
    kazakh = [line for line in printout.lines if "Ққ Ңң Өө" in line]
    assert kazakh and not set(kazakh) & set(printout.raster_lines)  # text, not an image
    till = open_till(data_dir)
    assert till.ctx.settings.get(s.PRINTER_ADDRESS) == ""
    till.close()


def test_a_printer_that_is_off_or_not_set_exits_1_with_the_reason(
    data_dir: Path, fake_printer: FakePrinter, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("LANG", "kk_KZ.UTF-8")
    fake_printer.stop()
    args = ["printer", "test", "--address", fake_printer.address, "--data-dir", str(data_dir)]
    assert cli.main(args) == 1
    assert "принтері жауап бермейді" in capsys.readouterr().err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli.main(["printer", "test", "--data-dir", str(data_dir)]) == 1
    assert "Settings & staff → Printer" in capsys.readouterr().err
