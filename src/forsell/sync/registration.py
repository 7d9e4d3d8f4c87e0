"""The store's registration on the wire: documents, the form, and the backend's answer.

One step of the pull lane's round (it shares the business lane's destination, token and
offline/auth state): when a submitted registration waits, each document the backend does not
hold yet is uploaded (``PUT /v1/registration/documents/{id}``, idempotent by the document's id),
then the form (``POST /v1/registration``, which answers ``pending``); while the answer is
``pending`` the step reads ``GET /v1/registration`` until it is ``accepted`` or ``rejected`` with
the backend's reason. The contract is ``resources/api/forsell-backend.openapi.yaml``
(Registration). What the answers *mean* for the till is the services' (``RegistrationSource``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

import httpx

from .answers import json_object, raise_for_answer
from .backend import BackendClient, error_for_exception, idempotency_key
from .errors import BadResponse

STATUSES = ("pending", "accepted", "rejected", "not_submitted")


class Submission(Protocol):
    form: dict[str, Any]
    documents: tuple[dict[str, Any], ...]


class RegistrationSource(Protocol):
    """What the services give the step (every method blocking: it runs on the DB thread)."""

    def submission(self) -> Submission | None: ...
    def unsent_documents(self) -> list[str]: ...
    def document_bytes(self, document_id: str) -> bytes: ...
    def document_sent(self, document_id: str) -> None: ...
    def awaiting_answer(self) -> bool: ...
    def apply_status(self, status: str, reason: str | None = None) -> bool: ...


async def _send(
    backend: BackendClient,
    method: str,
    path: str,
    *,
    content: bytes | None = None,
    content_type: str | None = None,
    idempotent: bool = False,
) -> dict[str, Any]:
    headers = backend._headers()
    if content is not None and content_type is not None:
        headers["Content-Type"] = content_type
    if idempotent and content is not None:
        headers["Idempotency-Key"] = idempotency_key(content, "registration")
    try:
        response = await backend.client.request(
            method, backend.base_url + path, content=content, headers=headers
        )
    except httpx.HTTPError as exc:
        raise error_for_exception(exc) from None
    raise_for_answer(response, "backend")
    return json_object(response, "backend")


def _status_of(data: dict[str, Any]) -> tuple[str, str | None]:
    status = data.get("status")
    if status not in STATUSES:
        raise BadResponse(f"registration: unknown status {status!r}", delivered=True)
    reason = data.get("reason")
    return status, reason if isinstance(reason, str) else None


async def sync_registration(
    backend: BackendClient, source: RegistrationSource, blocking: Callable[..., Any]
) -> None:
    """One step: send a waiting submission, or read the answer to a pending one. Raises the
    ``sync.errors`` tree (the pull lane handles it like a failed page)."""
    submission = await blocking(source.submission)
    if submission is not None:
        for document_id in await blocking(source.unsent_documents):
            body = await blocking(source.document_bytes, document_id)
            meta = next((d for d in submission.documents if d["id"] == document_id), None)
            if meta is None:
                continue
            await _send(
                backend,
                "PUT",
                f"/v1/registration/documents/{document_id}",
                content=body,
                content_type=meta["media_type"],
            )
            del body
            await blocking(source.document_sent, document_id)
        form = json.dumps(submission.form, ensure_ascii=False, sort_keys=True).encode()
        answer = await _send(
            backend,
            "POST",
            "/v1/registration",
            content=form,
            content_type="application/json",
            idempotent=True,
        )
        status, reason = _status_of(answer)
        if status != "not_submitted":
            await blocking(source.apply_status, status, reason)
        return
    if await blocking(source.awaiting_answer):
        status, reason = _status_of(await _send(backend, "GET", "/v1/registration"))
        if status != "not_submitted":
            await blocking(source.apply_status, status, reason)
