"""What the providers share: one HTTP call, its failures mapped onto the ``sync.errors`` tree.

Policy (when to retry, how long to wait) is not here: the engine's outbox decides. A provider
call is never retried inside this module, because a blind retry of a billed POST is how one
recording gets paid for twice.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from ..backoff import retry_after as _retry_after
from ..errors import (
    AuthFailed,
    BadResponse,
    RateLimited,
    Rejected,
    ServerFailed,
    SyncError,
    TimedOut,
    transport_error,
)


async def send(client: httpx.AsyncClient, request: httpx.Request, provider: str) -> httpx.Response:
    """The response (body read); transport failures become ``sync.errors``."""
    try:
        response = await client.send(request)
        await response.aread()
        return response
    except httpx.TransportError as exc:
        raise transport_error(exc, provider) from None


def _detail(response: httpx.Response) -> Any:
    """ElevenLabs/FastAPI put the error under ``detail``; Yandex answers gRPC-style
    ``{code, message}`` at the top level."""
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    return body.get("detail", body if "message" in body else None)


def raise_for_status(response: httpx.Response, provider: str) -> None:
    """Maps a non-2xx answer to the error tree; returns on 2xx."""
    status = response.status_code
    if 200 <= status < 300:
        return
    detail = _detail(response)
    retry_after = _retry_after(response.headers)
    if status in (401, 403):
        what = detail.get("status") if isinstance(detail, dict) else None
        raise AuthFailed(f"{provider}: HTTP {status} {what or ''}".strip(), destination=provider)
    if status == 429:
        what = detail.get("status") if isinstance(detail, dict) else None
        raise RateLimited(f"{provider}: {what or 'rate limited'}", retry_after_s=retry_after)
    if status == 408:
        raise TimedOut(f"{provider}: HTTP 408")
    if status >= 500 or status == 409:
        raise ServerFailed(f"{provider}: HTTP {status}", status=status, retry_after_s=retry_after)
    reason = _reason(status, detail)
    raise Rejected(reason, detail=f"{provider}: HTTP {status} {reason}")


def _reason(status: int, detail: Any) -> str:
    """A short reason for the dead-letter list: FastAPI-style ``loc``/``msg`` when given."""
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        first = detail[0]
        loc = ".".join(str(p) for p in first.get("loc", []) if p != "body")
        return f"{loc}: {first.get('msg', '')}".strip(": ")[:200] or f"http_{status}"
    if isinstance(detail, dict):
        return str(detail.get("message") or detail.get("status") or f"http_{status}")[:200]
    if isinstance(detail, str):
        return detail[:200]
    return f"http_{status}"


def json_body(response: httpx.Response, provider: str) -> dict[str, Any]:
    """The JSON object of a 2xx answer; HTML, truncated or non-object JSON → BadResponse."""
    ctype = response.headers.get("content-type", "")
    if "html" in ctype:
        raise BadResponse(f"{provider}: HTML page instead of JSON (HTTP {response.status_code})")
    try:
        data = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise BadResponse(f"{provider}: body is not JSON ({len(response.content)} bytes)") from None
    if not isinstance(data, dict):
        raise BadResponse(f"{provider}: JSON is a {type(data).__name__}, not an object")
    return data


def field_error(provider: str, what: str) -> SyncError:
    return BadResponse(f"{provider}: unexpected JSON ({what})")
