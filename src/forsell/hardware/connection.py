"""Where the receipt printer is, and sending one job there.

Addresses, as the admin types them:

- ``192.168.1.50:9100`` or ``tcp://192.168.1.50:9100`` — a network printer (raw port 9100);
- ``usb:04b8:0202`` — a USB printer by vendor and product id (hex, as ``lsusb`` shows them);
- ``serial:/dev/ttyUSB0:9600`` or ``serial:COM3:19200`` — a serial port and its baud rate;
- ``file:/dev/usb/lp0`` — a device file (or any file: a job written there is the raw bytes).

On a network or serial printer the job starts by asking the paper sensor (``DLE EOT 4``): an
empty roll refuses the job before a half receipt comes out. A printer that answered that
question is asked again after the job (``DLE EOT 1``); its answer confirms that it took the
whole receipt, and a printer that closes the connection mid-job is caught there.
"""

from __future__ import annotations

import contextlib
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from forsell.domain.problems import Problem

DLE_EOT = b"\x10\x04"
ASK_PRINTER, ASK_PAPER = DLE_EOT + b"\x01", DLE_EOT + b"\x04"
PAPER_END = 0x60  # DLE EOT 4 answer: both "roll paper end" bits
DEFAULT_PORT = 9100
#: How long a printer may take to answer a status question before the job goes ahead unasked
#: (some printers never answer on some links); a real one answers in milliseconds.
STATUS_WAIT_S = 0.5

Kind = Literal["tcp", "usb", "serial", "file"]


class PrinterFault(Exception):
    """The printer could not print: ``problem`` says why (``printer.*`` codes)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    @property
    def code(self) -> str:
        """The problem's code (``printer.offline``, ``printer.paper_out``, …)."""
        return self.problem.code


def fault(code: str, **params: object) -> PrinterFault:
    """A :class:`PrinterFault` with the problem ``code`` and its parameters."""
    return PrinterFault(Problem(code, params))


@dataclass(frozen=True)
class PrinterAddress:
    """A parsed printer address (see the module's documentation for the forms)."""

    kind: Kind
    target: str  # host, device or file path
    number: int = 0  # TCP port or baud rate
    vendor: int = 0
    product: int = 0

    def __str__(self) -> str:
        if self.kind == "tcp":
            return f"{self.target}:{self.number}"
        if self.kind == "usb":
            return f"usb:{self.vendor:04x}:{self.product:04x}"
        if self.kind == "serial":
            return f"serial:{self.target}:{self.number}"
        return f"file:{self.target}"


_USB = re.compile(r"usb:([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})")
_SERIAL = re.compile(r"serial:(.+?)(?::(\d{3,7}))?")
_TCP = re.compile(r"(?:tcp://)?([A-Za-z0-9.\-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?")


def parse_address(text: str) -> PrinterAddress:
    """The address ``text`` names; PrinterFault ``printer.address`` when it names none."""
    text = text.strip()
    if match := _USB.fullmatch(text):
        return PrinterAddress("usb", "", 0, int(match[1], 16), int(match[2], 16))
    if match := _SERIAL.fullmatch(text):
        return PrinterAddress("serial", match[1], int(match[2] or 9600))
    if text.startswith("file:") and len(text) > 5:
        return PrinterAddress("file", text[5:])
    if (match := _TCP.fullmatch(text)) and not text.startswith(("usb:", "serial:", "file:")):
        port = int(match[2] or DEFAULT_PORT)
        if 0 < port < 65536:
            return PrinterAddress("tcp", match[1].strip("[]"), port)
    raise fault("printer.address", text=text)


def send(address: PrinterAddress, job: bytes, timeout_s: float = 5.0) -> None:
    """Sends ``job`` to the printer at ``address``; PrinterFault when it did not print."""
    if address.kind == "tcp":
        _send_tcp(address, job, timeout_s)
    elif address.kind == "file":
        _send_file(address, job)
    else:
        _send_escpos(address, job, timeout_s)


def _send_tcp(address: PrinterAddress, job: bytes, timeout_s: float) -> None:
    where = str(address)
    try:
        sock = socket.create_connection((address.target, address.number), timeout=timeout_s)
    except TimeoutError as exc:
        raise fault("printer.timeout", where=where, seconds=timeout_s) from exc
    except OSError as exc:
        raise fault("printer.offline", where=where, detail=str(exc)) from exc
    with sock:
        try:
            answers = _paper_ok(sock, where)
            sock.settimeout(timeout_s)
            sock.sendall(job)
            if answers:  # the answer comes after the whole job: it confirms the printer took it
                sock.sendall(ASK_PRINTER)
                if not sock.recv(1):
                    raise fault("printer.closed", where=where)
        except TimeoutError as exc:
            raise fault("printer.timeout", where=where, seconds=timeout_s) from exc
        except OSError as exc:  # reset or broken pipe: the printer hung up mid-job
            raise fault("printer.closed", where=where) from exc
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _paper_ok(sock: socket.socket, where: str) -> bool:
    """Asks the paper sensor; True when the printer answered (and has paper)."""
    sock.settimeout(STATUS_WAIT_S)
    sock.sendall(ASK_PAPER)
    try:
        answer = sock.recv(1)
    except TimeoutError:
        return False
    if not answer:
        raise fault("printer.closed", where=where)
    if answer[0] & PAPER_END == PAPER_END:
        raise fault("printer.paper_out", where=where)
    return True


def _send_file(address: PrinterAddress, job: bytes) -> None:
    try:
        with Path(address.target).open("ab") as device:
            device.write(job)
    except OSError as exc:
        raise fault("printer.unplugged", where=str(address), detail=str(exc)) from exc


def _send_escpos(address: PrinterAddress, job: bytes, timeout_s: float) -> None:
    """USB and serial through python-escpos's own connections (pyusb, pyserial)."""
    # pyusb and pyserial are imported only when such a printer is set; no type information.
    from escpos.printer import Serial, Usb  # type: ignore[import-untyped]

    where = str(address)
    try:
        if address.kind == "usb":
            printer = Usb(address.vendor, address.product, timeout=int(timeout_s * 1000))
        else:
            printer = Serial(address.target, address.number, timeout=timeout_s)
        printer.open()
    except Exception as exc:  # pyusb and pyserial raise their own trees; all mean "not there"
        raise fault("printer.unplugged", where=where, detail=str(exc)) from exc
    try:
        if address.kind == "serial" and printer.device is not None:
            printer.device.write(ASK_PAPER)
            answer = printer.device.read(1)
            if answer and answer[0] & PAPER_END == PAPER_END:
                raise fault("printer.paper_out", where=where)
        printer._raw(job)
    except PrinterFault:
        raise
    except Exception as exc:
        raise fault("printer.timeout", where=where, seconds=timeout_s) from exc
    finally:
        with contextlib.suppress(Exception):
            printer.close()
