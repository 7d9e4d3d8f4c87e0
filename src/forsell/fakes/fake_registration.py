"""FAKE backend: the store's registration (the OpenAPI file's "Registration" block).

* ``PUT /v1/registration/documents/{id}`` with ``Authorization: Bearer <token>``, the scan as the
  body and its ``Content-Type`` (``application/pdf``, ``image/jpeg``, ``image/png``): 201
  ``{id, media_type, size, sha256}`` (200 when the same id is sent again). A body over the
  limit (10 MiB) → 413 ``too_large``, told from ``Content-Length`` before the body is read and
  checked again while reading; another type → 415 ``unsupported_media_type``; content that is
  not what its type says → 415 ``content_mismatch``; an id that is not a UUID → 422.
* ``POST /v1/registration`` (``Idempotency-Key``): the form {legal_name, bin, legal_address,
  contact_name, phone (+7XXXXXXXXXX), email, documents: [ids], submitted_at}; 422 with the
  fields at fault (``bin_check_digit``, ``phone_format``, ``document_missing``, …); else 200
  ``{status, reason, updated_at}``, the status being the desk's ``answer`` (``pending`` unless
  told otherwise).
* ``GET /v1/registration`` → ``{status, reason, updated_at}``; ``not_submitted`` before a form.
* ``POST /_fake/registration`` {status, reason?, device_id?} (tests, the demo, ``curl``): the
  operator's decision, for one device or all; :meth:`RegistrationDesk.decide` does the same.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .common import validation_error

SCHEMA = """
CREATE TABLE IF NOT EXISTS registrations (device_id TEXT PRIMARY KEY, form TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS registration_documents (device_id TEXT NOT NULL, id TEXT NOT NULL,
    media_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
    PRIMARY KEY (device_id, id));
"""
MEDIA_TYPES = {
    "application/pdf": b"%PDF-",
    "image/jpeg": b"\xff\xd8\xff",
    "image/png": b"\x89PNG\r\n\x1a\n",
}
STATUSES = ("pending", "accepted", "rejected")
FIELDS = ("legal_name", "bin", "legal_address", "contact_name", "phone", "email")
_PHONE = re.compile(r"\+7\d{10}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _bin_ok(value: str) -> bool:
    """The BIN/IIN check digit (two weighted passes mod 11), as the backend checks it itself."""
    if not (len(value) == 12 and value.isascii() and value.isdigit()):
        return False
    digits = [int(c) for c in value]
    for weights in (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)):
        rest = sum(d * w for d, w in zip(digits[:11], weights, strict=True)) % 11
        if rest != 10:
            return rest == digits[11]
    return False


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _detail(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


class RegistrationDesk:
    """The registration routes of the fake backend, on its database and its devices' tokens."""

    def __init__(
        self,
        db: sqlite3.Connection,
        lock: threading.RLock,
        device: Callable[[Request], str | None],
        unauthorised: Callable[[], JSONResponse],
        claim_key: Callable[[str, str, str], Response | None],
        finish_key: Callable[[str, str, JSONResponse | None], None],
        *,
        answer: str = "pending",
        max_document_bytes: int = 10 * 1024 * 1024,
    ) -> None:
        if answer not in STATUSES:
            raise ValueError(f"answer must be one of {STATUSES}")
        self._db, self._lock = db, lock
        self._device, self._unauthorised = device, unauthorised
        self._claim_key, self._finish_key = claim_key, finish_key
        self.answer = answer
        self.max_document_bytes = max_document_bytes
        with lock:
            db.executescript(SCHEMA)

    def routes(self) -> list[Route]:
        return [
            Route("/v1/registration", self._submit, methods=["POST"]),
            Route("/v1/registration", self._status, methods=["GET"]),
            Route("/v1/registration/documents/{document_id}", self._document, methods=["PUT"]),
            Route("/_fake/registration", self._decide_route, methods=["POST"]),
        ]

    # --- test helpers -------------------------------------------------------------------------

    def decide(self, status: str, reason: str | None = None, device_id: str | None = None) -> int:
        """The operator's decision for ``device_id``'s registration (None: every one); returns
        how many registrations it changed."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        sql = "UPDATE registrations SET status = ?, reason = ?, updated_at = ?"
        args: list[Any] = [status, reason if status == "rejected" else None, _now()]
        if device_id is not None:
            sql += " WHERE device_id = ?"
            args.append(device_id)
        with self._lock:
            return self._db.execute(sql, args).rowcount

    def form(self, device_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT form FROM registrations WHERE device_id = ?", (device_id,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def documents(self, device_id: str) -> dict[str, dict[str, Any]]:
        """id → {media_type, size, sha256} of the documents the device uploaded."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, media_type, size, sha256 FROM registration_documents "
                "WHERE device_id = ?",
                (device_id,),
            ).fetchall()
        return {i: {"media_type": m, "size": n, "sha256": h} for i, m, n, h in rows}

    # --- routes -------------------------------------------------------------------------------

    async def _document(self, request: Request) -> Response:
        device = self._device(request)
        if device is None:
            return self._unauthorised()
        document_id = request.path_params["document_id"]
        try:
            uuid.UUID(document_id)
        except ValueError:
            return validation_error((["path", "document_id"], "Not a UUID", "uuid_parsing"))
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in MEDIA_TYPES:
            return _detail(415, "unsupported_media_type")
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_document_bytes:
            return _detail(413, "too_large")  # refused before a byte of the body is read
        digest = hashlib.sha256()
        size = 0
        head = b""
        async for part in request.stream():
            size += len(part)
            if size > self.max_document_bytes:
                return _detail(413, "too_large")
            if len(head) < 16:
                head += part[:16]
            digest.update(part)
        if not head.startswith(MEDIA_TYPES[media_type]):
            return _detail(415, "content_mismatch")
        with self._lock:
            existed = self._db.execute(
                "SELECT 1 FROM registration_documents WHERE device_id = ? AND id = ?",
                (device, document_id),
            ).fetchone()
            self._db.execute(
                "INSERT OR REPLACE INTO registration_documents VALUES (?, ?, ?, ?, ?)",
                (device, document_id, media_type, size, digest.hexdigest()),
            )
        body = {"id": document_id, "media_type": media_type, "size": size}
        return JSONResponse(
            {**body, "sha256": digest.hexdigest()}, status_code=200 if existed else 201
        )

    async def _submit(self, request: Request) -> Response:
        from .fake_backend import _fingerprint, _key_problem

        device = self._device(request)
        if device is None:
            return self._unauthorised()
        key = request.headers.get("idempotency-key", "")
        if (bad_key := _key_problem(key)) is not None:
            return bad_key
        try:
            body = json.loads(await request.body())
        except ValueError:
            return _detail(400, "invalid_json")
        problems = self._problems(device, body)
        if problems:
            return validation_error(*problems)
        scope = f"registration:{device}"
        if (answer := self._claim_key(scope, key, _fingerprint(body))) is not None:
            return answer
        now = _now()
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO registrations VALUES (?, ?, ?, NULL, ?)",
                (device, json.dumps(body, ensure_ascii=False), self.answer, now),
            )
        response = JSONResponse({"status": self.answer, "reason": None, "updated_at": now})
        self._finish_key(scope, key, response)
        return response

    def _problems(self, device: str, body: Any) -> list[tuple[list[Any], str, str]]:
        if not isinstance(body, dict):
            return [(["body"], "Input should be an object", "dict_type")]
        problems: list[tuple[list[Any], str, str]] = [
            (["body", name], "Field required", "missing")
            for name in FIELDS
            if not isinstance(body.get(name), str) or not body[name].strip()
        ]
        if problems:
            return problems
        if not _bin_ok(body["bin"]):
            problems.append((["body", "bin"], "Not a valid BIN/IIN", "bin_check_digit"))
        if not _PHONE.fullmatch(body["phone"]):
            problems.append((["body", "phone"], "Expected +7 and 10 digits", "phone_format"))
        if not _EMAIL.fullmatch(body["email"]):
            problems.append((["body", "email"], "Not an e-mail address", "email_format"))
        documents = body.get("documents")
        if not isinstance(documents, list) or not documents:
            problems.append((["body", "documents"], "At least one document", "too_short"))
        else:
            held = self.documents(device)
            for i, document_id in enumerate(documents):
                if document_id not in held:
                    problems.append((["body", "documents", i], "Not uploaded", "document_missing"))
        return problems

    async def _status(self, request: Request) -> Response:
        device = self._device(request)
        if device is None:
            return self._unauthorised()
        with self._lock:
            row = self._db.execute(
                "SELECT status, reason, updated_at FROM registrations WHERE device_id = ?",
                (device,),
            ).fetchone()
        if row is None:
            return JSONResponse({"status": "not_submitted", "reason": None, "updated_at": None})
        return JSONResponse({"status": row[0], "reason": row[1], "updated_at": row[2]})

    async def _decide_route(self, request: Request) -> Response:
        try:
            body = json.loads(await request.body() or b"{}")
            changed = self.decide(body["status"], body.get("reason"), body.get("device_id"))
        except (ValueError, KeyError, TypeError) as exc:
            return _detail(400, str(exc))
        return JSONResponse({"changed": changed})
