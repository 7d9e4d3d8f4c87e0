"""Sending jobs to the FAKE printer on loopback: printed, refused, out of paper, hung up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forsell.fakes.fake_printer import FakePrinter
from forsell.hardware.connection import PrinterFault, parse_address, send


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    with FakePrinter() as fake:
        yield fake


def _fault(printer: FakePrinter, job: bytes = b"receipt", timeout_s: float = 2.0) -> str:
    with pytest.raises(PrinterFault) as caught:
        send(parse_address(printer.address), job, timeout_s)
    return caught.value.code


def test_a_job_arrives_whole_between_the_paper_and_the_status_questions(printer) -> None:
    send(parse_address(printer.address), b"receipt")
    assert printer.wait_job() == b"\x10\x04\x04receipt\x10\x04\x01"


def test_a_printer_that_never_answers_still_gets_the_job(printer, monkeypatch) -> None:
    monkeypatch.setattr("forsell.hardware.connection.STATUS_WAIT_S", 0.05)
    printer.fault = "silent"
    send(parse_address(printer.address), b"receipt")
    assert printer.wait_job() == b"\x10\x04\x04receipt"


def test_out_of_paper_refuses_the_job_before_anything_prints(printer) -> None:
    printer.fault = "paper_out"
    assert _fault(printer) == "printer.paper_out"
    assert printer.wait_job() == b"\x10\x04\x04"


def test_a_printer_that_hangs_up_mid_job_is_a_fault(printer) -> None:
    printer.fault, printer.close_after = "close_mid_job", 100
    assert _fault(printer, b"x" * 200_000) == "printer.closed"


def test_a_printer_that_stops_answering_times_out(printer) -> None:
    printer.fault = "stall"
    assert _fault(printer, timeout_s=0.3) == "printer.timeout"


def test_a_printer_that_is_off_refuses(printer) -> None:
    printer.stop()
    assert _fault(printer) == "printer.offline"


def test_a_missing_device_file_is_unplugged(tmp_path) -> None:
    with pytest.raises(PrinterFault) as caught:
        send(parse_address(f"file:{tmp_path}/no/lp0"), b"x")
    assert caught.value.code == "printer.unplugged"


def test_a_device_file_gets_the_raw_bytes(tmp_path) -> None:
    send(parse_address(f"file:{tmp_path}/lp0"), b"\x1b@abc")
    assert (tmp_path / "lp0").read_bytes() == b"\x1b@abc"


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("192.168.1.50", "tcp", "192.168.1.50:9100"),
        ("tcp://printer.local:9101", "tcp", "printer.local:9101"),
        ("usb:04b8:0202", "usb", "usb:04b8:0202"),
        ("serial:/dev/ttyUSB0:19200", "serial", "serial:/dev/ttyUSB0:19200"),
        ("serial:COM3", "serial", "serial:COM3:9600"),
        ("file:/dev/usb/lp0", "file", "file:/dev/usb/lp0"),
    ],
)
def test_addresses_in_every_form(text: str, kind: str, shown: str) -> None:
    address = parse_address(text)
    assert (address.kind, str(address)) == (kind, shown)


@pytest.mark.parametrize("text", ["usb:zz:01", "host:99999", "", "file:", "a b"])
def test_an_address_that_names_no_printer_is_refused(text: str) -> None:
    with pytest.raises(PrinterFault) as caught:
        parse_address(text)
    assert caught.value.code == "printer.address"
