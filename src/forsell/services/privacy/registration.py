"""The store's registration (privacy policy 1.5-1.6): the form, its scanned documents, its status.

Full use of the service needs the store registered with the operator: the company's or
entrepreneur's name, BIN/IIN, legal address, a contact person (full name, phone, e-mail) and
scans of the registration documents. The admin fills it in the registration wizard; every field
is saved as a *draft* the moment it changes, so a wizard closed half-way (or a till restarted)
opens where it was. *Submit* checks everything and marks it ``submitted``; the sync sends the
documents and the form to the backend when online (``sync/registration.py``), which answers
``pending``, and later ``accepted`` or ``rejected`` with its reason.

Until the registration is accepted the till sells and records as usual, but no audio goes to a
speech-recognition provider (``audio_allowed``: the audio lane holds recordings with the reason
``store_not_registered``). A till whose sync talks only to the demo's FAKE servers on this
computer needs no registration: its audio never leaves the machine.

Documents (PDF, JPEG or PNG, told by their content, never by the file name; at most
``MAX_DOCUMENT_BYTES`` each) are sealed like recordings: each gets its own data key in the key
file (``doc:<id>``), and its bytes are sealed in chunks with AES-256-GCM before anything is
written; the thumbnail (a small PNG the UI makes for images) is sealed under the same key. No
plain byte of a scan is ever written to disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, select, update

from forsell.domain.errors import CashierError
from forsell.domain.ids import new_id
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import (
    OutboxJob,
    RegistrationDocument,
    RegistrationDocumentChunk,
    StoreRegistration,
)
from forsell.sync.errors import StoreNotRegistered
from forsell.vault.chunks import RecordingUnreadable, SealedChunk, open_all, seal
from forsell.vault.keys import DOCUMENT_KEY_PREFIX, KeyVault

from .. import settings as s
from ..access import internal, public, requires
from ..auth import EmployeeView
from ..context import TillContext
from . import bin_check

#: A scan larger than this is refused before it is read (a phone photo is 2-5 MB; a multi-page
#: scan at 300 dpi stays under it). The backend's contract has the same limit.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS = 10
CHUNK_BYTES = 1024 * 1024
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
MEDIA_TYPES = (PDF, JPEG, PNG)
#: What a file name claims; a file that claims a type and holds another is refused.
_CLAIMS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG}

DRAFT, SUBMITTED, PENDING, ACCEPTED, REJECTED = (
    "draft",
    "submitted",
    "pending",
    "accepted",
    "rejected",
)
STATUSES = (DRAFT, SUBMITTED, PENDING, ACCEPTED, REJECTED)
#: What the backend may answer about a submitted registration.
BACKEND_STATUSES = (PENDING, ACCEPTED, REJECTED)
FIELDS = ("legal_name", "bin", "legal_address", "contact_name", "phone", "email")
_MAX_LENGTH = {"legal_name": 300, "legal_address": 500, "contact_name": 200}
#: The audio lane's reason for holding a recording (``sync.errors.StoreNotRegistered``).
HELD_AUDIO_KEY = StoreNotRegistered.key
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}

# Reason codes for a document (``ui/registration_wizard.py`` words each).
DOC_TOO_LARGE = "document.too_large"
DOC_TYPE = "document.type"
DOC_MISMATCH = "document.mismatch"
DOC_UNREADABLE = "document.unreadable"
DOC_TOO_MANY = "document.too_many"
DOCS_MISSING = "documents.missing"
TEXT_EMPTY = "text.empty"
TEXT_TOO_LONG = "text.too_long"


def field_problem(name: str, value: str) -> str | None:
    """Why ``value`` cannot stand in field ``name`` (a reason code), or None."""
    if name == "bin":
        return bin_check.bin_problem(value)
    if name == "phone":
        return bin_check.phone_problem(value)
    if name == "email":
        return bin_check.email_problem(value)
    if name not in _MAX_LENGTH:
        raise ValueError(f"unknown field {name!r}")
    if not value.strip():
        return TEXT_EMPTY
    return TEXT_TOO_LONG if len(value.strip()) > _MAX_LENGTH[name] else None


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file prove (PDF, JPEG, PNG), or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


class DocumentRefused(CashierError):
    """A scan that cannot be kept; ``reason`` is one of the ``DOC_*`` codes."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(f"registration.{reason}", f"document refused: {reason}", **params)
        self.reason = reason


@dataclass(frozen=True)
class DocumentView:
    id: str
    file_name: str
    media_type: str
    size: int
    has_thumbnail: bool
    sent: bool


@dataclass(frozen=True)
class RegistrationView:
    """The form as saved, its status (``STATUSES``) and the backend's reason when rejected."""

    legal_name: str = ""
    bin: str = ""
    legal_address: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    page: int = 0
    status: str = DRAFT
    reason: str | None = None
    documents: tuple[DocumentView, ...] = ()
    required: bool = True  # False: the demo's fakes only, audio never leaves this computer

    @property
    def problems(self) -> Mapping[str, str]:
        """Field → reason code, for every field that would stop a submit now."""
        found = {name: why for name in FIELDS if (why := field_problem(name, getattr(self, name)))}
        if not self.documents:
            found["documents"] = DOCS_MISSING
        return found

    @property
    def editable(self) -> bool:
        """The form may change: a draft, or a rejected registration to correct and resubmit."""
        return self.status in (DRAFT, REJECTED)


@dataclass(frozen=True)
class Submission:
    """What the sync sends: the normalised form and the documents (ids, types, sizes, sha256)."""

    form: dict[str, Any]
    documents: tuple[dict[str, Any], ...] = field(default_factory=tuple)


def registration_required(ctx: TillContext) -> bool:
    """True unless the demo's FAKE servers on this computer are the only speech providers the
    till may use (``sync.demo_fakes`` on, and the first-choice and fallback providers' addresses
    on loopback): audio that never leaves the machine needs no registration."""
    settings = ctx.settings
    if not settings.get(s.SYNC_DEMO_FAKES):
        return True
    addresses = {
        "elevenlabs": (s.ELEVENLABS_URL,),
        "yandex": (s.YANDEX_URL, s.YANDEX_OPERATIONS_URL),
    }
    chosen = {settings.get(s.SYNC_PRIMARY), settings.get(s.SYNC_FALLBACK)}
    urls = [settings.get(url) for name in chosen for url in addresses.get(str(name), ())]
    return not urls or not all(urlsplit(str(url)).hostname in _LOOPBACK for url in urls)


def audio_allowed(ctx: TillContext) -> bool:
    """May audio go to a speech-recognition provider now? (the audio lane asks per recording)"""
    if not registration_required(ctx):
        return True
    with ctx.db.read() as session:
        status = session.scalar(select(StoreRegistration.status).where(StoreRegistration.id == 1))
    return status == ACCEPTED


def _key_id(document_id: str) -> str:
    return DOCUMENT_KEY_PREFIX + document_id


class RegistrationService:
    """The registration form, its documents and its status. The key file (the recordings' one,
    unlocked with the KEK from ``keyring_backend``'s secret store) is opened when a document is
    added or read; ``close`` closes it."""

    def __init__(self, ctx: TillContext, keyring_backend: Any = None) -> None:
        self.ctx = ctx
        self._keyring_backend = keyring_backend or ctx.keyring_backend
        self._vault: KeyVault | None = None

    def _keys(self) -> KeyVault:
        if self._vault is None:
            from ..recordings import open_vault

            self._vault = open_vault(self.ctx, self._keyring_backend)
        return self._vault

    @public
    def close(self) -> None:
        """Closes the key file if it was opened."""
        if self._vault is not None:
            self._vault.close()
        self._vault = None

    # --- reading ------------------------------------------------------------------------------

    @public
    def view(self) -> RegistrationView:
        """The form as saved (a fresh draft when none was started), with its documents."""
        with self.ctx.db.read() as session:
            row = session.get(StoreRegistration, 1)
            docs = session.scalars(
                select(RegistrationDocument).order_by(RegistrationDocument.added_at)
            ).all()
            documents = tuple(
                DocumentView(
                    d.id,
                    d.file_name,
                    d.media_type,
                    d.size,
                    d.thumbnail is not None,
                    bool(d.sent_at),
                )
                for d in docs
            )
        required = registration_required(self.ctx)
        if row is None:
            return RegistrationView(documents=documents, required=required)
        return RegistrationView(
            row.legal_name,
            row.bin,
            row.legal_address,
            row.contact_name,
            row.phone,
            row.email,
            row.page,
            row.status,
            row.reason,
            documents,
            required,
        )

    @public
    def audio_allowed(self) -> bool:
        """True when audio may go to a speech-recognition provider (accepted, or demo only)."""
        return audio_allowed(self.ctx)

    @public
    def should_offer(self) -> bool:
        """The wizard opens by itself for the admin of a real store (sync to a real backend)
        whose registration was never submitted."""
        settings = self.ctx.settings
        real = bool(settings.get(s.SYNC_ENABLED)) and registration_required(self.ctx)
        return real and self.view().status == DRAFT

    # --- the draft ----------------------------------------------------------------------------

    @requires(Role.ADMIN)
    def save_draft(
        self, admin: EmployeeView, values: Mapping[str, str], page: int | None = None
    ) -> RegistrationView:
        """Saves the fields given (as typed; a field with a problem is saved too, so nothing the
        admin typed is lost) and the wizard page. A submitted registration is not changed."""
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        with self.ctx.db.write() as session:
            row = self._row(session)
            if row.status not in (DRAFT, REJECTED):
                raise CashierError("registration.locked", "the registration was submitted")
            for name, value in values.items():
                setattr(row, name, value[:600])
            if page is not None:
                row.page = max(0, page)
            row.updated_at = self.ctx.clock()
        return self.view()

    def _row(self, session: Any) -> StoreRegistration:
        row = session.get(StoreRegistration, 1)
        if row is None:
            row = StoreRegistration(id=1, status=DRAFT, updated_at=self.ctx.clock())
            session.add(row)
            session.flush()
        return row

    # --- documents ----------------------------------------------------------------------------

    @requires(Role.ADMIN)
    def add_document(
        self,
        admin: EmployeeView,
        path: Path,
        thumbnail: Callable[[bytes], bytes | None] | None = None,
    ) -> DocumentView:
        """Seals the scan at ``path`` into the vault. Refuses (``DocumentRefused``) a file over
        ``MAX_DOCUMENT_BYTES`` before reading it, one that is not PDF/JPEG/PNG by its content,
        one whose name claims another type than its content, and a truncated PDF.
        ``thumbnail(image bytes)`` → a small PNG (the UI makes it; none for a PDF)."""
        if len(self.view().documents) >= MAX_DOCUMENTS:
            raise DocumentRefused(DOC_TOO_MANY, limit=MAX_DOCUMENTS)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise DocumentRefused(DOC_UNREADABLE)
        except OSError:
            raise DocumentRefused(DOC_UNREADABLE) from None
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentRefused(DOC_TOO_LARGE, size=size, limit=MAX_DOCUMENT_BYTES)
        if size == 0:
            raise DocumentRefused(DOC_TYPE)
        doc = RegistrationDocument(
            media_type="", file_name=path.name[:255], size=0, chunks=0, added_at=self.ctx.clock()
        )
        doc_id = doc.id = new_id()
        vault = self._keys()
        dek = vault.create(_key_id(doc_id))
        sealed: list[SealedChunk] = []
        image = bytearray()
        try:
            media_type, total = self._seal_file(path, dek, doc_id, sealed, image)
            if media_type != PDF and thumbnail is not None:
                png = thumbnail(bytes(image))
                if png:
                    doc.thumbnail = seal(dek, doc_id + ":thumbnail", 0, True, png).blob
        except BaseException:
            vault.destroy(_key_id(doc_id))
            raise
        finally:
            image[:] = b"\0" * len(image)
        doc.media_type, doc.size, doc.chunks = media_type, total, len(sealed)
        try:
            with self.ctx.db.write() as session:
                row = self._row(session)
                if row.status not in (DRAFT, REJECTED):
                    raise CashierError("registration.locked", "the registration was submitted")
                session.add(doc)
                session.flush()
                for chunk in sealed:
                    session.add(
                        RegistrationDocumentChunk(
                            document_id=doc_id, idx=chunk.index, final=chunk.final, blob=chunk.blob
                        )
                    )
                audit.record(
                    session,
                    self.ctx.device_id,
                    "registration_document_added",
                    admin.id,
                    document_id=doc_id,
                    media_type=media_type,
                    size=total,
                )
        except BaseException:
            vault.destroy(_key_id(doc_id))
            raise
        return DocumentView(
            doc_id, doc.file_name, media_type, total, doc.thumbnail is not None, False
        )

    def _seal_file(
        self, path: Path, dek: bytes, doc_id: str, sealed: list[SealedChunk], image: bytearray
    ) -> tuple[str, int]:
        """Reads ``path`` chunk by chunk (never more than the limit), sealing each as it comes."""
        claimed = _CLAIMS.get(path.suffix.lower())
        total = 0
        media_type: str | None = None
        tail = b""
        try:
            with path.open("rb") as file:
                pending = file.read(CHUNK_BYTES)
                media_type = sniff(pending[:16])
                if media_type is None:
                    raise DocumentRefused(DOC_MISMATCH if claimed else DOC_TYPE, claimed=claimed)
                if claimed is not None and claimed != media_type:
                    raise DocumentRefused(DOC_MISMATCH, claimed=claimed)
                index = 0
                while pending:
                    total += len(pending)
                    if total > MAX_DOCUMENT_BYTES:  # it grew since stat()
                        raise DocumentRefused(DOC_TOO_LARGE, size=total, limit=MAX_DOCUMENT_BYTES)
                    following = file.read(CHUNK_BYTES)
                    tail = (tail + pending)[-2048:]
                    if media_type != PDF:
                        image += pending
                    sealed.append(seal(dek, doc_id, index, not following, pending))
                    pending, index = following, index + 1
        except OSError:
            raise DocumentRefused(DOC_UNREADABLE) from None
        if media_type == PDF and b"%%EOF" not in tail:
            raise DocumentRefused(DOC_MISMATCH, claimed=PDF)  # a PDF cut short, or a fake
        return media_type, total

    @requires(Role.ADMIN)
    def remove_document(self, admin: EmployeeView, document_id: str) -> bool:
        """Deletes a scan and shreds its key (a draft or a rejected registration only)."""
        with self.ctx.db.write() as session:
            row = self._row(session)
            if row.status not in (DRAFT, REJECTED):
                raise CashierError("registration.locked", "the registration was submitted")
            session.execute(
                delete(RegistrationDocumentChunk).where(
                    RegistrationDocumentChunk.document_id == document_id
                )
            )
            doc = session.get(RegistrationDocument, document_id)
            gone = doc is not None
            if doc is not None:
                session.delete(doc)
            if gone:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "registration_document_removed",
                    admin.id,
                    document_id=document_id,
                )
        self._keys().destroy(_key_id(document_id))
        return bool(gone)

    @requires(Role.ADMIN)
    def thumbnail(self, admin: EmployeeView, document_id: str) -> bytes | None:
        """The document's thumbnail PNG, opened in memory (None for a PDF)."""
        with self.ctx.db.read() as session:
            blob = session.scalar(
                select(RegistrationDocument.thumbnail).where(RegistrationDocument.id == document_id)
            )
        if blob is None:
            return None
        from forsell.vault.chunks import open_chunk

        dek = self._keys().get(_key_id(document_id))
        return open_chunk(dek, document_id + ":thumbnail", SealedChunk(0, True, blob))

    @internal
    def document_bytes(self, document_id: str) -> bytes:
        """The scan, opened in memory for the upload (the sync); raises if it was tampered."""
        return b"".join(self._open(document_id))

    def _open(self, document_id: str) -> Iterator[bytes]:
        with self.ctx.db.read() as session:
            chunks = [
                SealedChunk(c.idx, c.final, c.blob)
                for c in session.scalars(
                    select(RegistrationDocumentChunk)
                    .where(RegistrationDocumentChunk.document_id == document_id)
                    .order_by(RegistrationDocumentChunk.idx)
                )
            ]
        dek = self._keys().get(_key_id(document_id))
        try:
            yield from open_all(dek, document_id, chunks)
        except RecordingUnreadable as exc:
            raise CashierError(
                "registration.document_unreadable", f"document {document_id}: {exc.reason}"
            ) from None

    # --- submitting and the backend's answer ------------------------------------------------

    @requires(Role.ADMIN)
    def submit(self, admin: EmployeeView) -> RegistrationView:
        """Checks the whole form; when it passes, it waits for the sync (status ``submitted``).
        Raises ``CashierError("registration.incomplete", problems=…)`` otherwise."""
        current = self.view()
        if not current.editable:
            raise CashierError("registration.locked", "the registration was submitted")
        problems = dict(current.problems)
        if problems:
            raise CashierError(
                "registration.incomplete", "the form is not complete", problems=problems
            )
        with self.ctx.db.write() as session:
            row = self._row(session)
            row.bin = bin_check.normalise_bin(row.bin)
            row.phone = bin_check.normalise_phone(row.phone)
            row.email = row.email.strip()
            row.legal_name = row.legal_name.strip()
            row.legal_address = row.legal_address.strip()
            row.contact_name = row.contact_name.strip()
            row.status, row.reason = SUBMITTED, None
            row.submitted_at = row.updated_at = self.ctx.clock()
            row.sent_at = None
            session.execute(update(RegistrationDocument).values(sent_at=None))
            audit.record(session, self.ctx.device_id, "registration_submitted", admin.id)
        return self.view()

    @internal
    def submission(self) -> Submission | None:
        """The form and documents to send, when a submit waits for the sync; else None."""
        view = self.view()
        if view.status != SUBMITTED:
            return None
        docs = []
        for doc in view.documents:
            digest = hashlib.sha256(self.document_bytes(doc.id)).hexdigest()
            docs.append(
                {"id": doc.id, "media_type": doc.media_type, "size": doc.size, "sha256": digest}
            )
        form: dict[str, Any] = {name: getattr(view, name) for name in FIELDS}
        form["documents"] = [d["id"] for d in docs]
        with self.ctx.db.read() as session:
            submitted_at = session.scalar(
                select(StoreRegistration.submitted_at).where(StoreRegistration.id == 1)
            )
        # Each submit is a request of its own (a resubmission after a rejection is not a replay)
        form["submitted_at"] = submitted_at.isoformat() if submitted_at else None
        return Submission(form, tuple(docs))

    @internal
    def document_sent(self, document_id: str) -> None:
        """The backend holds this document (it is not uploaded again)."""
        with self.ctx.db.write() as session:
            session.execute(
                update(RegistrationDocument)
                .where(RegistrationDocument.id == document_id)
                .values(sent_at=self.ctx.clock())
            )

    @internal
    def unsent_documents(self) -> list[str]:
        """Ids of documents the backend does not hold yet."""
        with self.ctx.db.read() as session:
            return list(
                session.scalars(
                    select(RegistrationDocument.id).where(RegistrationDocument.sent_at.is_(None))
                )
            )

    @internal
    def awaiting_answer(self) -> bool:
        """True while the backend has the registration but has not decided (``pending``)."""
        return self.view().status == PENDING

    @internal
    def apply_status(self, status: str, reason: str | None = None) -> bool:
        """Records the backend's answer; True when it changed. On ``accepted`` the recordings
        the audio lane held for the registration become due at once."""
        if status not in BACKEND_STATUSES:
            raise ValueError(f"unknown registration status {status!r}")
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            row = self._row(session)
            if row.status == DRAFT:  # the backend answers for a form this till never sent
                return False
            changed = (row.status, row.reason) != (status, reason if status == REJECTED else None)
            if row.status == SUBMITTED:
                row.sent_at = now
            row.status = status
            row.reason = reason[:1000] if status == REJECTED and reason else None
            row.checked_at = now
            if changed:
                audit.record(
                    session,
                    self.ctx.device_id,
                    "registration_status",
                    None,
                    status=status,
                )
            if status == ACCEPTED:
                session.execute(
                    update(OutboxJob)
                    .where(
                        OutboxJob.lane == "audio",
                        OutboxJob.state == "pending",
                        OutboxJob.error_key == HELD_AUDIO_KEY,
                    )
                    .values(next_attempt_at=now, error_key=None, last_error=None)
                )
        return changed
