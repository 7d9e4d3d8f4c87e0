"""A FAKE receipt printer on 127.0.0.1: a TCP server that behaves like a printer's raw port 9100.

It accepts a connection, keeps every byte of the job, and answers the status questions a till
asks (``DLE EOT n``, one byte each) the way an Epson-compatible printer does. Faults are chosen
with :attr:`FakePrinter.fault` before a job:

- ``None``: prints (keeps the bytes) and answers;
- ``"paper_out"``: the paper sensor answers "roll end" (and the job is refused by the till);
- ``"close_mid_job"``: hangs up after ``close_after`` bytes, as a printer switched off mid-job;
- ``"silent"``: never answers a status question (many printers on some links), still prints;
- ``"stall"``: answers the paper question, then takes the job and never answers again.

A printer that is off is :meth:`FakePrinter.stop` (the port refuses). Nothing is printed.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
from typing import Self

DLE_EOT = b"\x10\x04"
READY = 0x12  # the fixed bits of every DLE EOT answer, nothing wrong
PAPER_END = 0x60


class FakePrinter:
    """``with FakePrinter() as printer:`` → ``printer.address`` (``127.0.0.1:PORT``),
    ``printer.jobs`` (the bytes of each finished connection, in order)."""

    def __init__(self) -> None:
        self.fault: str | None = None
        self.close_after = 64
        self.jobs: list[bytes] = []
        self.job_done = threading.Event()  # set at each finished job
        self._arrived: queue.Queue[bytes] = queue.Queue()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def address(self) -> str:
        """What an admin types in the printer settings to reach this fake."""
        return f"127.0.0.1:{self.port}"

    def start(self) -> Self:
        """Listens on a free port (the same one again after :meth:`stop`)."""
        listener = socket.create_server(("127.0.0.1", self.port))
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._thread = threading.Thread(target=self._serve, name="fake-printer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Closes the port: the printer is off, a connection is refused."""
        if self._listener is not None:
            with contextlib.suppress(OSError):  # wakes the accept() the thread waits in
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_job(self, timeout: float = 5.0) -> bytes:
        """The oldest finished job not asked for yet (waits for one): jobs in arrival order."""
        try:
            return self._arrived.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError("no print job arrived") from None

    def _serve(self) -> None:
        listener = self._listener
        while listener is not None:
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # stopped
            with conn:
                self._job(conn)
            self._arrived.put(self.jobs[-1])
            self.job_done.set()

    def _job(self, conn: socket.socket) -> None:
        received = bytearray()
        answered = 0
        conn.settimeout(10)
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            received += chunk
            if self.fault == "close_mid_job" and len(received) > self.close_after:
                del received[self.close_after :]
                break
            # A question at the end of what arrived is one the till waits on.
            if received[-3:-1] == DLE_EOT and self.fault != "silent":
                if self.fault == "stall" and answered:
                    continue
                paper = PAPER_END if self.fault == "paper_out" and received[-1] == 4 else 0
                conn.sendall(bytes([READY | paper]))
                answered += 1
        self.jobs.append(bytes(received))
