"""Fault injection shared by the FAKE servers: per-route rules, deterministic with a seed.

A rule names a kind, a route pattern, a probability and optionally how many matching requests to
let through first (``skip``) and how often to fire (``times``). Kinds:

``latency``           wait ``latency_s`` before handling the request (adds up; not terminal)
``error``             answer ``status`` (default 500) with the fake's error body, ``Retry-After``
                      if given
``rate_limit``        answer 429 with the fake's rate-limit body, with or without ``Retry-After``
``timeout``           read the request, then hold it for ``hang_s`` without answering (the
                      client's read timeout fires), then drop the connection
``reset``             read the request, then reset the TCP connection (RST: the client sees
                      ``httpx.ReadError``) without a response
``close``             read the request, then close the connection cleanly (FIN) without a response
                      (the client sees ``httpx.RemoteProtocolError``)
``commit_then_drop``  run the request to the end — events stored, audio billed — then reset the
                      connection instead of sending the answer
``commit_then_timeout`` the same, but hold the answer like ``timeout`` first (the classic
                      "timed out, yet it had succeeded")

Rules are tried in order for every request not under ``/_fake/``; latency rules that fire add
up, and the first terminal rule that fires ends the search. Random draws come from one
``random.Random(seed)``, so a single client sending requests in order sees the same faults on
every run.

Dropping a connection needs the socket, which ASGI does not expose:
:mod:`forsell.fakes.server` runs uvicorn with a protocol that puts the transport into
``scope["extensions"]["forsell.transport"]``. (Raising from an ASGI app is not enough: uvicorn
then answers 500.)
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import random
import socket
import struct
import threading
from collections import Counter
from collections.abc import Callable, MutableMapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

KINDS = (
    "latency",
    "error",
    "rate_limit",
    "timeout",
    "reset",
    "close",
    "commit_then_drop",
    "commit_then_timeout",
)
TRANSPORT_KEY = "forsell.transport"
EXEMPT_PREFIX = "/_fake/"

# The ASGI shapes as Starlette declares them, so its apps fit ASGIApp.
Scope = MutableMapping[str, Any]
Receive = Callable[[], Any]
Send = Callable[[MutableMapping[str, Any]], Any]
ASGIApp = Callable[[Scope, Receive, Send], Any]


@dataclass
class FaultRule:
    kind: str
    route: str = "*"  # fnmatch pattern on "METHOD /path", or on "/path" if no space
    probability: float = 1.0
    skip: int = 0  # let this many matching requests through first
    times: int | None = None  # fire at most this often (None: no limit)
    status: int | None = None  # for "error" (default 500)
    retry_after: float | str | None = None  # seconds or an HTTP date, for "rate_limit"/"error"
    latency_s: float = 0.0  # for "latency"
    hang_s: float = 30.0  # for "timeout"
    body: Any = None  # replaces the fake's own error body
    seen: int = field(default=0, compare=False)
    fired: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {', '.join(KINDS)}")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError("probability must be within 0..1")
        if self.kind == "error" and self.status is not None and not 500 <= self.status <= 599:
            raise ValueError("an error fault answers a 5xx status")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FaultRule:
        known = {f.name for f in fields(cls)} - {"seen", "fired"}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(sorted(unknown))}")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def matches(self, method: str, path: str) -> bool:
        subject = f"{method} {path}" if " " in self.route else path
        return fnmatch.fnmatchcase(subject, self.route)


@dataclass(frozen=True)
class Decision:
    latency_s: float = 0.0
    rule: FaultRule | None = None


class Faults:
    """The rules of one fake, changeable at runtime from any thread."""

    def __init__(
        self, rules: list[FaultRule | dict[str, Any]] | None = None, seed: int = 0
    ) -> None:
        self._lock = threading.Lock()
        self._fired_changed = threading.Condition(self._lock)
        self._rules: list[FaultRule] = []
        self._rng = random.Random(seed)
        self._seed = seed
        self._fired: Counter[str] = Counter()
        self.released = threading.Event()  # set while the server stops: held requests end
        self.set(rules or [], seed)

    def set(self, rules: list[FaultRule | dict[str, Any]], seed: int | None = None) -> None:
        """Replaces every rule (and reseeds when ``seed`` is given)."""
        parsed = [r if isinstance(r, FaultRule) else FaultRule.from_dict(r) for r in rules]
        with self._lock:
            self._rules = parsed
            if seed is not None:
                self._seed = seed
                self._rng = random.Random(seed)

    def add(self, kind: str, route: str = "*", **options: Any) -> FaultRule:
        rule = FaultRule(kind=kind, route=route, **options)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self._rules = []
            self._fired.clear()
            self._rng = random.Random(self._seed)

    def decide(self, method: str, path: str) -> Decision:
        latency = 0.0
        with self._lock:
            for rule in self._rules:
                if not rule.matches(method, path):
                    continue
                rule.seen += 1
                if rule.seen <= rule.skip or (rule.times is not None and rule.fired >= rule.times):
                    continue
                if rule.probability < 1.0 and self._rng.random() >= rule.probability:
                    continue
                rule.fired += 1
                self._fired[rule.kind] += 1
                self._fired_changed.notify_all()
                if rule.kind == "latency":
                    latency += rule.latency_s
                    continue
                return Decision(latency, rule)
        return Decision(latency, None)

    def fired(self) -> dict[str, int]:
        with self._lock:
            return dict(self._fired)

    def wait_fired(self, kind: str, count: int = 1, timeout: float = 5.0) -> bool:
        """Blocks the caller until faults of ``kind`` have fired ``count`` times in all."""
        with self._fired_changed:
            return self._fired_changed.wait_for(lambda: self._fired[kind] >= count, timeout)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "seed": self._seed,
                "rules": [r.to_dict() for r in self._rules],
                "fired": dict(self._fired),
            }

    def configure(self, body: dict[str, Any]) -> None:
        """``POST /_fake/faults`` body: {"rules": [...], "seed": n?, "append": bool?}."""
        rules = body.get("rules", [])
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise ValueError("rules must be a list of objects")
        if body.get("append"):
            parsed = [FaultRule.from_dict(r) for r in rules]
            with self._lock:
                self._rules.extend(parsed)
        else:
            self.set(rules, body.get("seed"))


# --- the ASGI side --------------------------------------------------------------------------


def with_fake_header(send: Send) -> Send:
    """Marks every response as coming from a FAKE server."""

    async def wrapped(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"x-fake", b"true")]}
        await send(message)

    return wrapped


async def send_json(
    send: Send, status: int, body: Any, headers: dict[str, str] | None = None
) -> None:
    raw = json.dumps(body, ensure_ascii=False).encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]
    head += [(k.lower().encode(), str(v).encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": raw})


async def drain(receive: Receive) -> None:
    """Reads the request body to the end, so the client is waiting for an answer."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            return


async def _until_disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def drop_connection(scope: Scope, rst: bool = True) -> None:
    """Closes the client's TCP connection with no answer; ``rst`` makes it a reset."""
    transport = scope.get("extensions", {}).get(TRANSPORT_KEY)
    if transport is None:
        raise RuntimeError("dropping a connection needs forsell.fakes.server (uvicorn transport)")
    if transport.is_closing():  # the client has left already (e.g. after its timeout)
        return
    if rst:
        sock = transport.get_extra_info("socket")
        try:
            # Linger on with a zero timeout: close() sends RST instead of FIN.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except (AttributeError, OSError):
            pass  # no socket any more: aborting is all there is to do
        transport.abort()
    else:
        transport.close()


async def _after_drop(receive: Receive) -> None:
    # Wait until uvicorn has noticed the lost connection, so it does not answer 500 for us.
    try:
        await asyncio.wait_for(_until_disconnect(receive), timeout=2.0)
    except TimeoutError:
        pass


async def hold(receive: Receive, seconds: float, released: threading.Event) -> None:
    """Keeps a request unanswered for ``seconds``, or until the client leaves or the server ends."""
    loop = asyncio.get_running_loop()
    gone = asyncio.ensure_future(_until_disconnect(receive))
    deadline = loop.time() + seconds
    try:
        while not gone.done() and not released.is_set() and loop.time() < deadline:
            await asyncio.wait({gone}, timeout=min(0.05, max(0.0, deadline - loop.time())))
    finally:
        gone.cancel()


class FaultyApp:
    """Wraps a fake's ASGI app: adds ``x-fake: true`` and applies the fault rules.

    ``error_body(status)`` and ``rate_limit_body()`` give each fake its own documented error
    shapes; a rule's ``body`` replaces them.
    """

    def __init__(
        self,
        app: ASGIApp,
        faults: Faults,
        *,
        error_body: Callable[[int], Any],
        rate_limit_body: Callable[[], Any],
    ) -> None:
        self.app = app
        self.faults = faults
        self.error_body = error_body
        self.rate_limit_body = rate_limit_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = with_fake_header(send)
        if scope["path"].startswith(EXEMPT_PREFIX):
            await self.app(scope, receive, send)
            return
        decision = self.faults.decide(scope["method"], scope["path"])
        if decision.latency_s > 0:
            await asyncio.sleep(decision.latency_s)
        rule = decision.rule
        if rule is None:
            await self.app(scope, receive, send)
        elif rule.kind in ("error", "rate_limit"):
            await drain(receive)
            status = 429 if rule.kind == "rate_limit" else (rule.status or 500)
            default = (
                self.rate_limit_body() if rule.kind == "rate_limit" else self.error_body(status)
            )
            headers = {"retry-after": str(rule.retry_after)} if rule.retry_after is not None else {}
            await send_json(send, status, rule.body if rule.body is not None else default, headers)
        elif rule.kind == "timeout":
            await drain(receive)
            await hold(receive, rule.hang_s, self.faults.released)
            drop_connection(scope, rst=True)
            await _after_drop(receive)
        elif rule.kind in ("reset", "close"):
            await drain(receive)
            drop_connection(scope, rst=rule.kind == "reset")
            await _after_drop(receive)
        else:  # commit_then_…: the effect happens, the answer never arrives

            async def swallow(message: MutableMapping[str, Any]) -> None:
                return None

            await self.app(scope, receive, swallow)
            if rule.kind == "commit_then_timeout":
                await hold(receive, rule.hang_s, self.faults.released)
            drop_connection(scope, rst=True)
            await _after_drop(receive)
