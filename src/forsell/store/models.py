"""The schema. Change it only together with a new Alembic revision in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from forsell.domain.ids import new_id


class UTCDateTime(TypeDecorator):
    """Stores naive UTC, returns aware UTC: SQLite has no time zones, the till shows local time."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC time")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _id() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    """Store and device settings, one typed value per key (declared in services/settings.py)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class Employee(Base):
    __tablename__ = "employees"
    id: Mapped[str] = _id()
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[bytes]
    pin_salt: Mapped[bytes]
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)  # consecutive; each lasts 2x longer
    language: Mapped[str] = mapped_column(String(8), default="ru")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PinGuard(Base):
    """Wrong tries at a PIN entry point that is not one employee's login (the supervisor
    override, the command line's admin PIN): counted per entry point, persisted."""

    __tablename__ = "pin_guards"
    entry: Mapped[str] = mapped_column(String(32), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[str] = _id()
    name_ru: Mapped[str] = mapped_column(String(120))
    name_kk: Mapped[str] = mapped_column(String(120), default="")
    name_en: Mapped[str] = mapped_column(String(120), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[str] = _id()
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    name_ru: Mapped[str] = mapped_column(String(200))
    name_kk: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category_id: Mapped[str | None] = mapped_column(ForeignKey("categories.id"), nullable=True)
    price: Mapped[int] = mapped_column(BigInteger)  # tiyn, VAT included; per kg when weighted
    vat_bp: Mapped[int] = mapped_column(Integer)
    weighted: Mapped[bool] = mapped_column(Boolean, default=False)
    favourite: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Other names for upsell detection ("латте" for a "Кофе латте 350 мл"); revision 0007.
    synonyms: Mapped[list | None] = mapped_column(JSON, nullable=True, default=None)

    __table_args__ = (Index("ix_products_category", "category_id"),)


class Shift(Base):
    __tablename__ = "shifts"
    id: Mapped[str] = _id()
    device_id: Mapped[str] = mapped_column(String(36))
    opened_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    opening_float: Mapped[int] = mapped_column(BigInteger)
    closed_by: Mapped[str | None] = mapped_column(ForeignKey("employees.id"), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    expected_cash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    counted_cash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    cash_count: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # denomination → pieces
    z_number: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        UniqueConstraint("device_id", "z_number", name="uq_shift_z"),
        Index("ix_shifts_open", "device_id", "closed_at"),
    )


class CashMovement(Base):
    __tablename__ = "cash_movements"
    id: Mapped[str] = _id()
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    amount: Mapped[int] = mapped_column(BigInteger)  # positive: cash in; negative: cash out
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Sale(Base):
    __tablename__ = "sales"
    id: Mapped[str] = _id()
    device_id: Mapped[str] = mapped_column(String(36))
    receipt_no: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id"))
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    subtotal: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    vat: Mapped[int] = mapped_column(BigInteger)
    receipt_discount: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    method: Mapped[str] = mapped_column(String(8))
    cash: Mapped[int] = mapped_column(BigInteger)
    card: Mapped[int] = mapped_column(BigInteger)
    tendered: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[int] = mapped_column(BigInteger)
    card_reference: Mapped[str] = mapped_column(String(64), default="")
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    voided_by: Mapped[str | None] = mapped_column(ForeignKey("employees.id"), nullable=True)

    lines: Mapped[list[SaleLine]] = relationship(
        back_populates="sale", order_by="SaleLine.line_no", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("device_id", "receipt_no", name="uq_sale_receipt"),
        Index("ix_sales_shift", "shift_id"),
        Index("ix_sales_created", "created_at"),
        # The receipt journal pages a shift newest first (revision 0019).
        Index("ix_sales_shift_created", "shift_id", "created_at"),
        Index("ix_sales_device_created", "device_id", "created_at"),
        Index("ix_sales_device_total", "device_id", "total"),
        Index("ix_sales_employee_created", "employee_id", "created_at"),
    )


class SaleLine(Base):
    __tablename__ = "sale_lines"
    id: Mapped[str] = _id()
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    sku: Mapped[str] = mapped_column(String(64))
    barcode: Mapped[str] = mapped_column(String(32), default="")
    name_ru: Mapped[str] = mapped_column(String(200))
    name_kk: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    unit_price: Mapped[int] = mapped_column(BigInteger)
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    weighted: Mapped[bool] = mapped_column(Boolean, default=False)
    vat_bp: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger)  # line + share of the receipt discount
    net: Mapped[int] = mapped_column(BigInteger)
    vat: Mapped[int] = mapped_column(BigInteger)
    price_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the line entered the cart (UTC): upsell linking compares it with the offer's time.
    # None on rows written before revision 0006.
    added_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The chosen options as sold (names and price deltas, domain.options.ChosenOption.to_json);
    # unit_price already includes them. None: no options, or sold before revision 0018.
    options: Mapped[list | None] = mapped_column(JSON, nullable=True, default=None)

    sale: Mapped[Sale] = relationship(back_populates="lines")

    __table_args__ = (Index("ix_sale_lines_sale", "sale_id", "line_no"),)


class Refund(Base):
    __tablename__ = "refunds"
    id: Mapped[str] = _id()
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    approved_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    method: Mapped[str] = mapped_column(String(8))  # cash | card
    total: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(200), default="")
    # The refund receipt's number, per till (revision 0019); the journal finds it by it.
    receipt_no: Mapped[int | None] = mapped_column(Integer, nullable=True)

    lines: Mapped[list[RefundLine]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_refunds_created", "created_at"),
        Index("ix_refunds_shift_created", "shift_id", "created_at"),
    )


class RefundLine(Base):
    __tablename__ = "refund_lines"
    id: Mapped[str] = _id()
    refund_id: Mapped[str] = mapped_column(ForeignKey("refunds.id"), index=True)
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)


class ParkedSale(Base):
    __tablename__ = "parked_sales"
    id: Mapped[str] = _id()
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    parked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    label: Mapped[str] = mapped_column(String(120), default="")
    cart: Mapped[dict] = mapped_column(JSON)
    #: Set while a cashier has it back in the cart; the row goes with the payment (or cancel).
    recalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditEntry(Base):
    __tablename__ = "audit"
    id: Mapped[str] = _id()
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    employee_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(48), index=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The entry's place in the chain: 1, 2, 3, … with no gap (a gap is a removed entry).
    seq: Mapped[int | None] = mapped_column(Integer, unique=True, nullable=True)
    #: ``hash`` of the entry at ``seq - 1`` ("" for the first); both set when the entry is sealed.
    prev_hash: Mapped[str | None] = mapped_column(String(80), nullable=True)
    #: HMAC-SHA256 with the audit key (hex), or "u:" + plain SHA-256 for an entry a later
    #: checkpoint covers (written before the chain existed or without the key); see store/audit.py.
    hash: Mapped[str | None] = mapped_column(String(80), nullable=True)

    # The audit screen pages newest first by seq within an action or an employee (0017).
    __table_args__ = (
        Index("ix_audit_action_seq", "action", "seq"),
        Index("ix_audit_employee_seq", "employee_id", "seq"),
    )


class OutboxJob(Base):
    """A change that must reach the backend; written in the same transaction as the change."""

    __tablename__ = "outbox"
    id: Mapped[str] = _id()
    lane: Mapped[str] = mapped_column(String(16), default="business")  # business | audio
    kind: Mapped[str] = mapped_column(String(32))  # sale, refund, shift_opened, …
    entity_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)  # detail, no secrets
    error_key: Mapped[str | None] = mapped_column(String(48), nullable=True)  # ui/ translates it
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_outbox_due", "lane", "state", "next_attempt_at"),)


class Recording(Base):
    """One counter conversation; its audio is in ``recording_chunks``, sealed under its own key."""

    __tablename__ = "recordings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    sale_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    shift_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    employee_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    reason: Mapped[str] = mapped_column(String(16), default="sale")  # sale | manual
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    duration_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    speech_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    codec: Mapped[str] = mapped_column(String(16), default="ogg-opus")
    sample_rate: Mapped[int] = mapped_column(Integer, default=16_000)
    bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    overflows: Mapped[int] = mapped_column(Integer, default=0)
    silent: Mapped[bool] = mapped_column(Boolean, default=False)
    # recording → sealed | queued (has speech, waits for upload) | interrupted (cut by a crash)
    status: Mapped[str] = mapped_column(String(16), default="recording", index=True)
    end_reason: Mapped[str | None] = mapped_column(String(16), nullable=True)
    shredded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    #: Retention destroyed the audio (its key replaced, chunks deleted); the text is kept.
    audio_purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RecordingChunk(Base):
    __tablename__ = "recording_chunks"
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    final: Mapped[bool] = mapped_column(Boolean, default=False)
    blob: Mapped[bytes]  # nonce || AES-GCM ciphertext of Ogg/Opus bytes
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordingConsent(Base):
    """An employee's consent (law No. 94-V) for one purpose: ``recording`` of counter
    conversations or ``abroad`` (audio to a speech provider outside Kazakhstan). Keeps the
    consent text's version and language shown, who gave it (``employee_id``, the subject) and
    who recorded it; a withdrawal keeps when, by whom (the subject or an admin) and why."""

    __tablename__ = "recording_consents"
    id: Mapped[str] = _id()
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"), index=True)
    purpose: Mapped[str] = mapped_column(
        String(16), default="recording", server_default="recording"
    )
    text_version: Mapped[str] = mapped_column(String(32), default="legacy", server_default="legacy")
    text_language: Mapped[str | None] = mapped_column(String(2), nullable=True)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(ForeignKey("employees.id"), nullable=True)
    withdrawal_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)


class RecordingPause(Base):
    """A supervisor paused recording for a shift, with a reason (audited)."""

    __tablename__ = "recording_pauses"
    id: Mapped[str] = _id()
    shift_id: Mapped[str] = mapped_column(ForeignKey("shifts.id"), index=True)
    paused_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    reason: Mapped[str] = mapped_column(String(200))
    paused_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TranscriptRow(Base):
    """A recording's transcript, sealed under the recording's data key (shredded with it)."""

    __tablename__ = "transcripts"
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    provider: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="submitted")  # submitted | done | failed
    external_id: Mapped[str | None] = mapped_column(
        String(128), nullable=True
    )  # transcription/operation id
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    audio_seconds: Mapped[float] = mapped_column(default=0.0)
    cost_usd: Mapped[float] = mapped_column(default=0.0)
    sealed: Mapped[bytes | None] = mapped_column(nullable=True)  # nonce || AES-GCM(JSON)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ProviderCall(Base):
    """Every billable request to a transcription provider: seconds, cost, and double billing."""

    __tablename__ = "provider_calls"
    id: Mapped[str] = _id()
    provider: Mapped[str] = mapped_column(String(32), index=True)
    recording_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))  # submit | fetch
    billed: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(String(48))  # ok | error key
    audio_seconds: Mapped[float] = mapped_column(default=0.0)


class SyncState(Base):
    """Small facts the sync engine keeps: pull cursors, last success per lane, registration."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


# Review (revision 0006): the list filters by time and cashier at 100,000 conversations.
Index("ix_recordings_started", Recording.started_at)
Index("ix_recordings_employee_started", Recording.employee_id, Recording.started_at)


class ConversationScore(Base):
    """A conversation's score: the numbers in clear columns (filters, dashboard), the evidence —
    the recognised words — only in ``sealed`` under the recording's DEK (AAD ``score|<rid>``)."""

    __tablename__ = "conversation_scores"
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    scorecard_id: Mapped[str] = mapped_column(String(64))
    scorecard_version: Mapped[int] = mapped_column(Integer, default=1)
    percent: Mapped[float | None] = mapped_column(nullable=True)  # after overrides
    scored_percent: Mapped[float | None] = mapped_column(nullable=True)  # what the scorer said
    scorable: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)  # why not scorable
    outcomes: Mapped[dict] = mapped_column(JSON, default=dict)  # item id → effective outcome
    # item id → [kind, weight, penalty]: enough to recompute the percent after an override
    item_weights: Mapped[dict] = mapped_column(JSON, default=dict)
    offers: Mapped[int] = mapped_column(Integer, default=0)
    conversions: Mapped[int] = mapped_column(Integer, default=0)
    extra_revenue: Mapped[int] = mapped_column(BigInteger, default=0)  # tiyn
    flipped: Mapped[bool] = mapped_column(Boolean, default=False)
    # A supervisor decided who is who ("Roles are right" or a flip, revision 0010): the scorer
    # then judges even when it cannot tell the speakers apart by itself.
    speakers_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    sealed: Mapped[bytes | None] = mapped_column(nullable=True)  # nonce || AES-GCM(result JSON)
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The recording's (revision 0008), copied so a page in score order walks one index instead
    # of fetching every recording of its percent band; neither changes once recording starts.
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    employee_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # The effective failed item ids as "|a|b|" (None: none), kept in step with ``outcomes``
    # (services.review_scoring.failed_key): "failed item" next to score filters, in the index.
    failed: Mapped[str | None] = mapped_column(String(1000), nullable=True)

    # Score order, then every column a score filter reads: pages and counts stay in the index.
    __table_args__ = (
        Index(
            "ix_conversation_scores_order",
            "percent",
            "started_at",
            "recording_id",
            "offers",
            "conversions",
            "scorable",
            "employee_id",
            "failed",
        ),
    )


class ConversationItemResult(Base):
    """One checklist item's outcome per conversation, for the "failed item" filter."""

    __tablename__ = "conversation_item_results"
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16))  # effective: pass | fail | not_applicable
    scored_outcome: Mapped[str] = mapped_column(String(16))  # before a supervisor's override

    __table_args__ = (Index("ix_item_results_item", "item_id", "outcome", "recording_id"),)


class ConversationMark(Base):
    """A supervisor's marks on a conversation (scored or not): flagged for coaching, reviewed."""

    __tablename__ = "conversation_marks"
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    open_disputes: Mapped[int] = mapped_column(Integer, default=0)
    flag_comment: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewAction(Base):
    """Every review action, in order: what the supervisor (or cashier) did, and when."""

    __tablename__ = "review_actions"
    id: Mapped[str] = _id()
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"))
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    # override | flag | unflag | reviewed | unreviewed | flip | dispute | resolve
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    comment: Mapped[str] = mapped_column(String(500), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_review_actions_recording", "recording_id", "at"),)


class Dispute(Base):
    """A cashier's dispute of one item; a supervisor accepts or rejects it."""

    __tablename__ = "disputes"
    id: Mapped[str] = _id()
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"))
    item_id: Mapped[str] = mapped_column(String(64))
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    comment: Mapped[str] = mapped_column(String(500))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | accepted | rejected
    resolved_by: Mapped[str | None] = mapped_column(ForeignKey("employees.id"), nullable=True)
    resolution: Mapped[str] = mapped_column(String(500), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (
        Index("ix_disputes_recording", "recording_id", "item_id"),
        Index("ix_disputes_state", "state"),
    )


# Privacy policy (revision 0011): the versions the till has, and the admin's acceptance of each.
class PrivacyPolicyVersion(Base):
    """A version of the privacy policy that was pulled from the backend or accepted here.

    The shipped versions live in ``resources/privacy/policy/``; one gets a row here only when an
    admin accepts it. A pulled version is stored whole (texts and operator), so that the text the
    admin accepted is the text the till keeps showing.
    """

    __tablename__ = "privacy_policies"
    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    published: Mapped[str] = mapped_column(String(10))  # ISO date, as the policy states it
    texts: Mapped[dict] = mapped_column(JSON)  # language → Markdown with {operator_*} fields
    operator: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # None: the shipped one
    source: Mapped[str] = mapped_column(String(16))  # shipped | backend
    #: When the till got it: the moment it was published within the service (clause 5.4).
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_by: Mapped[str | None] = mapped_column(ForeignKey("employees.id"), nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StoreRegistration(Base):
    """The store's registration form (one row): a draft saved field by field as the admin types,
    then submitted to the backend, whose answer (pending, accepted, rejected + reason) it keeps.
    Until it is accepted no audio goes to a speech-recognition provider."""

    __tablename__ = "store_registration"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    legal_name: Mapped[str] = mapped_column(String(300), default="")
    bin: Mapped[str] = mapped_column(String(20), default="")
    legal_address: Mapped[str] = mapped_column(String(500), default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    page: Mapped[int] = mapped_column(Integer, default=0)  # the wizard page to reopen at
    # draft | submitted (waits to be sent) | pending | accepted | rejected
    status: Mapped[str] = mapped_column(String(16), default="draft")
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # the backend's, if rejected
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RegistrationDocument(Base):
    """A scanned document of the registration (PDF, JPEG or PNG), sealed in chunks under a data
    key of its own (``doc:<id>`` in the key file); its thumbnail is sealed too."""

    __tablename__ = "registration_documents"
    id: Mapped[str] = _id()
    media_type: Mapped[str] = mapped_column(String(32))  # application/pdf | image/jpeg | image/png
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    chunks: Mapped[int] = mapped_column(Integer)
    thumbnail: Mapped[bytes | None] = mapped_column(nullable=True)  # sealed PNG, or none (PDF)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RegistrationDocumentChunk(Base):
    __tablename__ = "registration_document_chunks"
    document_id: Mapped[str] = mapped_column(
        ForeignKey("registration_documents.id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    final: Mapped[bool] = mapped_column(Boolean, default=False)
    blob: Mapped[bytes]  # nonce || AES-GCM ciphertext of the file's bytes


# Data-subject requests (revision 0014): policy 6.2-6.3, registered and answered by an admin.
class PrivacyRequest(Base):
    """A data subject's request: who asked, for what, about whom, by when it must be answered."""

    __tablename__ = "privacy_requests"
    id: Mapped[str] = _id()
    kind: Mapped[str] = mapped_column(String(16))  # information | export | correction | ...
    requester: Mapped[str] = mapped_column(String(200))  # the person who asked, as they signed
    #: What identifies the subject: {"employee": id} | {"receipt": n} | {"window": [a, b]} |
    #: {"words": "..."}.
    subject: Mapped[dict] = mapped_column(JSON)
    received_on: Mapped[str] = mapped_column(String(10))  # ISO date
    due_on: Mapped[str] = mapped_column(String(10))  # ISO date
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    registered_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PrivacyBlock(Base):
    """A recording (a customer's) or an employee (all their recordings) blocked by a request."""

    __tablename__ = "privacy_blocks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("privacy_requests.id"))
    recording_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    employee_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    blocked_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    blocked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# Destruction of a data subject's data (revision 0015): policy 6.3, the journal of each step.
class PrivacyDestruction(Base):
    """A destruction request carried out: its plan (ids, fixed before the first step), the steps
    done so far with their counts, the pseudonym an employee got and the deletion event queued
    for the backend. ``finished_at`` None: killed half-way, resumed at the next start."""

    __tablename__ = "privacy_destructions"
    request_id: Mapped[str] = mapped_column(ForeignKey("privacy_requests.id"), primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(16))  # employee | customer
    employee_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    pseudonym: Mapped[str | None] = mapped_column(String(64), nullable=True)
    plan: Mapped[dict] = mapped_column(JSON)
    #: step → {"at": ISO time, counts…}, in the order done.
    steps: Mapped[dict] = mapped_column(JSON, default=dict)
    destroyed_by: Mapped[str] = mapped_column(ForeignKey("employees.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ProductOptionGroup(Base):
    """A question asked about a product (which milk?); min/max say how many answers it takes."""

    __tablename__ = "product_option_groups"
    id: Mapped[str] = _id()
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_ru: Mapped[str] = mapped_column(String(120))
    name_kk: Mapped[str] = mapped_column(String(120), default="")
    name_en: Mapped[str] = mapped_column(String(120), default="")
    min_choices: Mapped[int] = mapped_column(Integer, default=0)
    max_choices: Mapped[int] = mapped_column(Integer, default=1)

    options: Mapped[list[ProductOption]] = relationship(
        order_by="ProductOption.position", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_product_option_groups_product", "product_id", "position"),)


class ProductOption(Base):
    """One answer to an option group, with what it adds to (or takes from) the price."""

    __tablename__ = "product_options"
    id: Mapped[str] = _id()
    group_id: Mapped[str] = mapped_column(
        ForeignKey("product_option_groups.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_ru: Mapped[str] = mapped_column(String(120))
    name_kk: Mapped[str] = mapped_column(String(120), default="")
    name_en: Mapped[str] = mapped_column(String(120), default="")
    price_delta: Mapped[int] = mapped_column(BigInteger, default=0)  # tiyn, may be negative
    sku: Mapped[str] = mapped_column(String(64), default="")
    preselected: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_product_options_group", "group_id", "position"),)


# Fiscal registration with the online cash register (revision 0020).
class FiscalOperation(Base):
    """One sale, refund, cash movement or shift open/close to be registered with the cash
    register of the fiscal data operator. Written in the same transaction as the change, with
    its outbox job (lane ``fiscal``). ``id`` is the request's idempotency key (Kassa24's ``Uid``);
    ``seq`` orders a register's operations and doubles as the autonomous number (``AFP``)."""

    __tablename__ = "fiscal_operations"
    id: Mapped[str] = _id()
    register_key: Mapped[str] = mapped_column(String(64))  # "kassa24:<cash register id>"
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # sale|refund|cash_in|cash_out|shift_open|…
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    amount: Mapped[int] = mapped_column(BigInteger, default=0)  # tiyn
    state: Mapped[str] = mapped_column(String(16), default="waiting")  # waiting|registered|refused
    autonomous: Mapped[bool] = mapped_column(Boolean, default=False)
    fiscal_sign: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fiscal_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    register_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    qr_url: Mapped[str | None] = mapped_column(String(512), nullable=True)
    registered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reason_key: Mapped[str | None] = mapped_column(String(48), nullable=True)
    reason_detail: Mapped[str | None] = mapped_column(Text, nullable=True)
    totals: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # a Z report's fiscal sums

    __table_args__ = (
        UniqueConstraint("register_key", "seq", name="uq_fiscal_register_seq"),
        Index("ix_fiscal_register_state_seq", "register_key", "state", "seq"),
        # The oldest unregistered operation (the 72-hour limit): a seek, not a scan.
        Index("ix_fiscal_state_occurred", "state", "occurred_at"),
    )
