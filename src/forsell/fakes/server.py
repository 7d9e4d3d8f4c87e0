"""Runs a FAKE server's ASGI app with uvicorn on 127.0.0.1 in a background thread.

``FakeServer(fake).start()`` binds a free port (or the given one, so a restarted fake keeps its
URL), starts uvicorn in a daemon thread and returns when it accepts connections; ``stop()`` ends
held requests, shuts uvicorn down and joins the thread. Use it as a context manager or a pytest
fixture::

    with FakeServer(FakeBackend()) as server:
        httpx.get(server.url + "/v1/health")
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from typing import Any, Self

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .faults import TRANSPORT_KEY

log = logging.getLogger(__name__)


class _TransportH11(H11Protocol):
    """uvicorn's h11 protocol, handing the connection's transport to the app.

    ASGI has no way to close a connection without answering; the faults need one.
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        # Without TCP_NODELAY an answer written in two segments (head, then body) waits for the
        # client's delayed ACK: ~40 ms added to every request on loopback, which made the fakes
        # several times slower than the services they stand for.
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
        inner = self.app

        async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
            scope.setdefault("extensions", {})[TRANSPORT_KEY] = transport
            await inner(scope, receive, send)

        self.app = app


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, ready: threading.Event) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self._ready.set()


class FakeServer:
    """One fake (or any ASGI app) served on loopback. ``url`` has no trailing slash."""

    host = "127.0.0.1"

    def __init__(self, target: Any, port: int = 0, name: str | None = None) -> None:
        # A fake object has .app and .faults; a plain ASGI app works too (no fault release).
        self.app = getattr(target, "app", target)
        self.faults = getattr(target, "faults", None)
        self.name = name or type(target).__name__
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> Self:
        if self.running:
            return self
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        if self.faults is not None:
            self.faults.released.clear()
        config = uvicorn.Config(
            self.app,
            http=_TransportH11,
            lifespan="off",
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
        )
        ready = threading.Event()
        self._server = _Server(config, ready)
        self._error = None

        def run() -> None:
            try:
                self._server.run(sockets=[sock])  # type: ignore[union-attr]
            except BaseException as exc:  # noqa: BLE001 - reported by start()
                self._error = exc
                ready.set()
            finally:
                sock.close()

        self._thread = threading.Thread(target=run, name=f"fake-{self.name}", daemon=True)
        self._thread.start()
        if not ready.wait(timeout) or self._error is not None:
            self.stop()
            raise RuntimeError(f"{self.name} did not start: {self._error!r}")
        log.info("FAKE %s listening on %s", self.name, self.url)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self.faults is not None:
            self.faults.released.set()  # requests held by a "timeout" fault end now
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("FAKE %s did not stop within %.1f s", self.name, timeout)
        self._thread = None
        self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
