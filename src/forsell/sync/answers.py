"""One reading of an HTTP answer for every client (the analytics backend and each speech
provider): a non-2xx status becomes the ``sync.errors`` tree, a 2xx body becomes a JSON object.

    status                         error                    why
    2xx                            none                     (``json_object`` reads the body)
    3xx                            BadResponse              httpx does not follow redirects; a
                                                            captive portal or a moved address
    401, 403                       AuthFailed(where)        the key or token was refused
    408                            TimedOut                 the server gave up waiting for us
    409                            ServerFailed             the same request is still in flight
    413                            Rejected("too_large")    the item will never fit: dead letter
    429                            RateLimited(Retry-After)
    5xx                            ServerFailed(Retry-After)
    other 4xx                      Rejected(reason)         this item is wrong for good
    any 4xx above as an HTML page  BadResponse              APIs answer JSON; an HTML 401/403/404
      (but 408, 413, 429)                                   comes from a proxy or a captive
                                                            portal, so neither the key nor the
                                                            item is to blame: try again later

Texts made here (``detail``, ``reason``) are for logs and the admin's sync screen; they carry the
server's error code or message, never the request, a token or a key.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from .backoff import retry_after
from .errors import (
    AuthFailed,
    BadResponse,
    RateLimited,
    Rejected,
    ServerFailed,
    SyncError,
    TimedOut,
)

#: Statuses whose meaning holds whoever wrote the page (a proxy's 413 is still "too large").
_WHOEVER_ANSWERED = (408, 413, 429)


def is_html(response: httpx.Response) -> bool:
    """True when the answer is a web page (a proxy's or a captive portal's), not an API's."""
    return "html" in response.headers.get("content-type", "").lower()


def _error_body(response: httpx.Response) -> Any:
    """The error object of a JSON answer: FastAPI/ElevenLabs put it under ``detail``; Yandex
    answers gRPC-style ``{code, message}`` at the top level. None without one."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(body, dict):
        return None
    return body.get("detail", body if "message" in body else None)


def _reason(status: int, body: Any) -> str:
    """A short reason for the dead-letter list: FastAPI-style ``loc``/``msg`` when given."""
    if isinstance(body, list) and body and isinstance(body[0], dict):
        first = body[0]
        loc = ".".join(str(p) for p in first.get("loc", []) if p != "body")
        return f"{loc}: {first.get('msg', '')}".strip(": ")[:200] or f"http_{status}"
    if isinstance(body, dict):
        return str(body.get("message") or body.get("status") or f"http_{status}")[:200]
    if isinstance(body, str) and body.strip():
        return body.strip()[:200]
    return f"http_{status}"


def _code(body: Any) -> str:
    """The server's own short code of an error (``invalid_api_key``), or ""."""
    if isinstance(body, dict):
        return str(body.get("status") or body.get("code") or "")[:100]
    if isinstance(body, str):
        return body[:100]
    return ""


def error_for_answer(response: httpx.Response, where: str) -> SyncError:
    """The error tree for a non-2xx answer from ``where`` ("backend", "elevenlabs", …)."""
    status = response.status_code
    if is_html(response) and 400 <= status < 500 and status not in _WHOEVER_ANSWERED:
        return BadResponse(
            f"{where}: HTTP {status} as a web page, not the API's answer "
            "(a proxy or a captive portal?)"
        )
    if 300 <= status < 400:
        return BadResponse(
            f"{where}: HTTP {status} redirect to "
            f"{response.headers.get('location', '?')[:100]} (a captive portal or "
            "a moved address?)"
        )
    body = _error_body(response)
    detail = f"{where}: HTTP {status} {_code(body)}".strip()
    wait = retry_after(response.headers)
    if status in (401, 403):
        return AuthFailed(detail, destination=where)
    if status == 408:
        return TimedOut(detail)
    if status == 429:
        return RateLimited(detail, wait)
    if status == 413:
        return Rejected("too_large", detail)
    if status >= 500 or status == 409:
        return ServerFailed(detail, status=status, retry_after_s=wait)
    reason = _reason(status, body)
    return Rejected(reason, f"{where}: HTTP {status} {reason}")


def raise_for_answer(response: httpx.Response, where: str) -> None:
    """Returns on 2xx; raises :func:`error_for_answer` otherwise."""
    if not 200 <= response.status_code < 300:
        raise error_for_answer(response, where)


def raise_unless_deleted(response: httpx.Response, where: str) -> None:
    """For a DELETE: returns on 2xx and on the API's own 404 (nothing there to delete: deleted
    before, or expired, which is what was asked); raises :func:`error_for_answer` otherwise.
    A 404 web page is a proxy's, not the API's, and is no proof of anything."""
    if response.status_code == 404 and not is_html(response):
        return
    raise_for_answer(response, where)


def json_object(response: httpx.Response, where: str) -> dict[str, Any]:
    """The JSON object of a 2xx answer; an HTML page (a captive portal answers 200 too), a
    truncated body or JSON that is not an object → BadResponse, ``delivered`` (a 2xx: the server
    may have done what was asked, whatever its answer looks like)."""
    if is_html(response):
        raise BadResponse(
            f"{where}: HTML page instead of JSON (HTTP {response.status_code})", delivered=True
        )
    try:
        data = json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadResponse(
            f"{where}: body is not JSON ({len(response.content)} bytes)", delivered=True
        ) from None
    if not isinstance(data, dict):
        raise BadResponse(
            f"{where}: JSON is a {type(data).__name__}, not an object", delivered=True
        )
    return data
