"""The client of our analytics backend (resources/api/forsell-backend.openapi.yaml, version 1).

Policy lives here, I/O in the ``httpx.AsyncClient`` the caller passes (tests give it a transport
or point it at the fake backend on loopback). Every POST carries an ``Idempotency-Key`` derived
from the request body: the same batch retried after a lost answer gets the same key (the server
replays its answer), a re-formed batch gets a new one, and event ids de-duplicate across both.
Every failure comes out as the ``sync.errors`` tree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from .answers import json_object, raise_for_answer
from .errors import AuthFailed, BadResponse, Rejected, SyncError, transport_error

MAX_EVENTS = 500
MAX_BATCH_BYTES = 512 * 1024
MAX_EVENT_BYTES = 32 * 1024
PULL_RESOURCES = ("catalog", "staff", "settings", "scorecards")  # paged: /v1/pull/{resource}
#: The privacy policy in force at the backend: one document (``GET /v1/policy``), no cursor.
POLICY = "policy"
#: Everything the pull lane fetches, in order.
PULLED = (*PULL_RESOURCES, POLICY)
ACCEPTED, DUPLICATE, REJECTED = "accepted", "duplicate", "rejected"
#: Not now: the backend wants earlier events first (an audit entry after a gap); send it again.
LATER = "later"


@dataclass(frozen=True)
class Device:
    device_id: str
    store_bin: str
    name: str
    app_version: str


@dataclass(frozen=True)
class Event:
    id: str  # the outbox job id (uuid7): the backend de-duplicates on it forever
    kind: str
    entity_id: str
    created_at: str  # ISO 8601 UTC
    payload: dict

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "entity_id": self.entity_id,
            "created_at": self.created_at,
            "payload": self.payload,
        }

    @property
    def size(self) -> int:
        return len(_dumps(self.as_json()))


@dataclass(frozen=True)
class ItemResult:
    id: str
    status: str  # accepted | duplicate | rejected | later
    reason: str | None = None


@dataclass(frozen=True)
class PullPage:
    items: list
    cursor: str | None
    more: bool


def _dumps(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def idempotency_key(body: bytes, scope: str) -> str:
    return f"{scope}-{hashlib.sha256(body).hexdigest()[:40]}"


def batches(
    events: Iterable[Event], max_events: int = MAX_EVENTS, max_bytes: int = MAX_BATCH_BYTES
) -> Iterator[list[Event]]:
    """Splits events into requests within the caps (an event over the per-event cap is the
    caller's to refuse before this)."""
    batch: list[Event] = []
    size = 0
    envelope = 200  # {"device_id": …, "events": […]} and the commas
    for event in events:
        extra = event.size + 1
        if batch and (len(batch) >= max_events or size + extra + envelope > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(event)
        size += extra
    if batch:
        yield batch


def error_for_exception(exc: httpx.HTTPError) -> SyncError:
    """The error tree for a transport failure (no answer at all)."""
    return transport_error(exc, "backend")


class BackendClient:
    def __init__(
        self, client: httpx.AsyncClient, base_url: str, token_provider: Callable[[], str | None]
    ) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.token_provider = token_provider

    def _headers(self, auth: bool = True) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if auth:
            token = self.token_provider()
            if not token:
                raise AuthFailed("no device token yet")
            headers["Authorization"] = f"Bearer {token}"
        return headers

    async def _request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: dict | None = None,
        auth: bool = True,
        scope: str = "req",
    ) -> httpx.Response:
        headers = self._headers(auth)
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["Idempotency-Key"] = idempotency_key(body, scope)
        try:
            response = await self.client.request(
                method, self.base_url + path, content=body, params=params, headers=headers
            )
        except httpx.HTTPError as exc:
            raise error_for_exception(exc) from None
        raise_for_answer(response, "backend")
        return response

    @staticmethod
    def _json(response: httpx.Response) -> dict:
        return json_object(response, "backend")

    async def health(self) -> bool:
        """Cheap reachability probe: True when the backend answers at all."""
        try:
            await self.client.get(self.base_url + "/v1/health")
        except httpx.HTTPError:
            return False
        return True

    async def register(self, device: Device) -> str:
        """Registers this till; returns the device token (the caller keeps it in secrets)."""
        body = _dumps(
            {
                "device_id": device.device_id,
                "store_bin": device.store_bin,
                "name": device.name,
                "app_version": device.app_version,
            }
        )
        data = self._json(
            await self._request(
                "POST", "/v1/devices/register", body=body, auth=False, scope="register"
            )
        )
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise BadResponse("registration answer has no token")
        return token

    async def send_events(self, device_id: str, events: list[Event]) -> list[ItemResult]:
        """One ``events:batch`` request; a result for every event or BadResponse."""
        if not events:
            return []
        body = _dumps({"device_id": device_id, "events": [e.as_json() for e in events]})
        data = self._json(await self._request("POST", "/v1/events:batch", body=body, scope="batch"))
        results = data.get("results")
        if not isinstance(results, list):
            raise BadResponse("no results list", delivered=True)
        by_id: dict[str, ItemResult] = {}
        for item in results:
            if (
                not isinstance(item, dict)
                or item.get("status") not in (ACCEPTED, DUPLICATE, REJECTED, LATER)
                or not isinstance(item.get("id"), str)
            ):
                raise BadResponse("malformed result item", delivered=True)
            reason = item.get("reason")
            by_id[item["id"]] = ItemResult(
                item["id"], item["status"], reason if isinstance(reason, str) else None
            )
        missing = [e.id for e in events if e.id not in by_id]
        if missing:
            raise BadResponse(f"{len(missing)} event(s) without a result", delivered=True)
        return [by_id[e.id] for e in events]

    async def pull(self, resource: str, cursor: str | None = None) -> PullPage:
        """One page of ``resource`` (one of :data:`PULLED`); the policy comes as a page of its
        one document, or of none when the backend has not published one."""
        if resource == POLICY:
            return await self._policy()
        if resource not in PULL_RESOURCES:
            raise ValueError(f"unknown resource {resource!r}")
        data = self._json(
            await self._request(
                "GET", f"/v1/pull/{resource}", params={"cursor": cursor} if cursor else None
            )
        )
        items = data.get("items")
        if not isinstance(items, list):
            raise BadResponse("pull answer has no items list")
        return PullPage(items, data.get("cursor"), bool(data.get("more", False)))

    async def tombstones(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """What this device reported (``GET /v1/tombstones``): the recordings destroyed
        (``items``) and those whose audio retention purged (``audio_purged``; absent from an
        older backend). A restore of an old backup re-applies both, also on a new machine
        whose key file has none."""
        data = self._json(await self._request("GET", "/v1/tombstones"))
        items = data.get("items")
        if not isinstance(items, list):
            raise BadResponse("tombstones answer has no items list")
        purged = data.get("audio_purged") or []
        if not isinstance(purged, list):
            raise BadResponse("tombstones answer: audio_purged is not a list")
        return _pairs(items, "destroyed_at"), _pairs(purged, "purged_at")

    async def _policy(self) -> PullPage:
        try:
            response = await self._request("GET", "/v1/policy")
        except Rejected as exc:
            if exc.reason == "no_policy":  # nothing published yet: the till keeps its own
                return PullPage([], None, False)
            raise
        return PullPage([self._json(response)], None, False)


def _pairs(items: list[Any], moment: str) -> list[tuple[str, str]]:
    found = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("recording_id"), str):
            found.append((item["recording_id"], str(item.get(moment, ""))))
    return found


def fetch_tombstones(
    url: str, token: str, timeout: float = 20.0
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``GET /v1/tombstones`` on its own, outside the sync engine: a restore asks it once, with
    the address and token of the till being restored. Raises SyncError when unreachable."""
    import asyncio

    async def ask() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        async with httpx.AsyncClient(timeout=timeout) as client:
            return await BackendClient(client, url, lambda: token).tombstones()

    return asyncio.run(ask())
