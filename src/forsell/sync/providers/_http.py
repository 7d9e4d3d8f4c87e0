"""What the providers share: one HTTP call, its answer read by ``sync.answers`` (the same mapping
onto the ``sync.errors`` tree as the backend client's).

Policy (when to retry, how long to wait) is not here: the engine's outbox decides. A provider
call is never retried inside this module, because a blind retry of a billed POST is how one
recording gets paid for twice.
"""

from __future__ import annotations

import httpx

from ..errors import BadResponse, SyncError, transport_error


async def send(client: httpx.AsyncClient, request: httpx.Request, provider: str) -> httpx.Response:
    """The response (body read); transport failures become ``sync.errors``."""
    try:
        response = await client.send(request)
        await response.aread()
        return response
    except httpx.TransportError as exc:
        raise transport_error(exc, provider) from None


def field_error(provider: str, what: str) -> SyncError:
    """A 2xx JSON answer without a field the provider's contract promises (``delivered``: the
    provider took the request, so it may have billed it)."""
    return BadResponse(f"{provider}: unexpected JSON ({what})", delivered=True)
