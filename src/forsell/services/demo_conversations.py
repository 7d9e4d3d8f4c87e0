"""The demo store's sample conversations: sealed into the vault on first run, then scored.

A new user should see the review screens working before recording anything. The synthetic
conversations in ``resources/demo/conversations/`` (espeak-ng speech, see its README) become
ordinary recordings: each gets its own data key, its audio is sealed as one final chunk, its
transcript is sealed under the same key, and its sale is written with line times. Plain audio
never touches the disk: the committed Ogg files are read into memory and sealed.

Runs only on a demo store (the demo staff are there), only once (a setting remembers it), only
when nothing was recorded yet, and only with a working secret store (the caller has the vault).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from forsell.domain.cart import CartLine, compute_totals
from forsell.domain.ids import new_id
from forsell.paths import resources_dir
from forsell.store.models import Employee, Product, Recording, RecordingChunk, Sale, SaleLine, Shift
from forsell.sync.providers.base import Transcript, Word
from forsell.sync.transcripts import TranscriptStore
from forsell.vault.chunks import seal
from forsell.vault.keys import KeyVault

from .settings import DEMO_CONVERSATIONS_SEEDED

log = logging.getLogger(__name__)

DEMO_DIR = "demo/conversations"


@dataclass(frozen=True)
class DemoConversation:
    id: str
    cashier: str
    day: int  # 0 = two days ago, 1 = yesterday
    time_of_day: str  # HH:MM store-local
    duration_ms: int
    speech_ms: int
    ogg: bytes
    transcript: Transcript
    receipt: dict


def demo_folder() -> Path:
    """The folder of the demo store's recorded conversations (``resources/demo/conversations``)."""
    return resources_dir() / DEMO_DIR


def load_demo_conversations(folder: Path | None = None) -> list[DemoConversation]:
    """The committed demo conversations, read into memory."""
    folder = folder or demo_folder()
    manifest = json.loads((folder / "conversations.json").read_text(encoding="utf-8"))
    out = []
    for m in manifest["conversations"]:
        raw = json.loads((folder / f"{m['id']}.transcript.json").read_text(encoding="utf-8"))
        transcript = Transcript(
            raw["text"],
            raw.get("language"),
            tuple(Word(**w) for w in raw["words"]),
            raw.get("confidence"),
            raw.get("audio_seconds", 0.0),
            raw.get("provider", "demo"),
            raw.get("external_id"),
        )
        receipt = json.loads((folder / f"{m['id']}.receipt.json").read_text(encoding="utf-8"))
        out.append(
            DemoConversation(
                m["id"],
                m["cashier"],
                m["day"],
                m["time"],
                m["duration_ms"],
                m["speech_ms"],
                (folder / f"{m['id']}.ogg").read_bytes(),
                transcript,
                receipt,
            )
        )
    return out


def seed_demo_conversations(
    till, vault: KeyVault, folder: Path | None = None, *, score: bool = True
) -> int:
    """First run of a demo store: the sample conversations as sealed recordings with
    transcripts and sales, then scored (unless ``score`` is False: the caller scores them in
    batches). Returns how many were added (0 when not applicable)."""
    ctx = till.ctx
    if ctx.settings.get(DEMO_CONVERSATIONS_SEEDED):
        return 0
    from .app import DEMO_STAFF  # app imports services; import late to keep the order simple

    with ctx.db.read() as session:
        staff = {e.name: e.id for e in session.scalars(select(Employee))}
        recorded = session.scalar(select(func.count(Recording.id)))
    if recorded or not all(name in staff for name, *_ in DEMO_STAFF):
        return 0
    supervisor = staff[DEMO_STAFF[1][0]]
    conversations = load_demo_conversations(folder)
    today = ctx.local(ctx.clock()).date()
    transcripts = TranscriptStore(ctx.db, vault)
    shifts: dict[int, str] = {}
    for conv in conversations:
        day = today - timedelta(days=2 - conv.day)
        if conv.day not in shifts:
            shifts[conv.day] = _demo_shift(ctx, day, supervisor)
        rid = _seal_one(ctx, vault, conv, day, shifts[conv.day], staff.get(conv.cashier))
        transcripts.save(rid, conv.transcript)
    ctx.settings.set(DEMO_CONVERSATIONS_SEEDED, True)
    from .review.service import ReviewService

    scored = ReviewService(till, vault).score_pending() if score else 0
    log.info("demo store: %d sample conversations sealed, %d scored", len(conversations), scored)
    return len(conversations)


def _at(ctx, day: date, hhmm: str) -> datetime:
    hour, minute = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), ctx.timezone)


def _demo_shift(ctx, day: date, supervisor: str) -> str:
    """A closed shift of that day for the demo sales (no Z number: it never had a Z report)."""
    with ctx.db.write() as session:
        shift = Shift(
            device_id=ctx.device_id,
            opened_by=supervisor,
            opened_at=_at(ctx, day, "08:00"),
            opening_float=0,
            closed_by=supervisor,
            closed_at=_at(ctx, day, "21:00"),
            expected_cash=0,
            counted_cash=0,
            cash_count={},
            z_number=None,
        )
        session.add(shift)
        session.flush()
        return shift.id


def _seal_one(
    ctx, vault: KeyVault, conv: DemoConversation, day: date, shift_id: str, employee_id: str | None
) -> str:
    started = _at(ctx, day, conv.time_of_day)
    rid = new_id()
    dek = vault.create(rid)
    chunk = seal(dek, rid, 0, True, conv.ogg)
    with ctx.db.write() as session:
        sale_id = _demo_sale(ctx, session, conv, started, shift_id, employee_id)
        session.add(
            Recording(
                id=rid,
                device_id=ctx.device_id,
                sale_id=sale_id,
                shift_id=shift_id,
                employee_id=employee_id,
                reason="sale",
                started_at=started,
                ended_at=started + timedelta(milliseconds=conv.duration_ms),
                duration_ms=conv.duration_ms,
                speech_ms=conv.speech_ms,
                bytes=len(conv.ogg),
                chunks=1,
                status="sealed",
                end_reason="sale_done",
            )
        )
        session.flush()
        session.add(
            RecordingChunk(recording_id=rid, idx=0, final=True, blob=chunk.blob, created_at=started)
        )
    return rid


def _demo_sale(
    ctx, session, conv: DemoConversation, started: datetime, shift_id: str, employee_id: str | None
) -> str | None:
    lines_raw = conv.receipt.get("lines", [])
    if not lines_raw or employee_id is None:
        return None
    products = {
        p.sku: p
        for p in session.scalars(
            select(Product).where(Product.sku.in_([ln["sku"] for ln in lines_raw]))
        )
    }
    lines = []
    for ln in lines_raw:
        p = products.get(ln["sku"])
        if p is None:  # the demo catalog changed: keep the line as the receipt file has it
            names = ln.get("names") or {"ru": ln["name"]}
            lines.append(
                CartLine(
                    "",
                    ln["sku"],
                    "",
                    names,
                    ln["price"],
                    1000,
                    1200,
                    added_at=started + timedelta(seconds=ln["added_at"]),
                )
            )
            continue
        lines.append(
            CartLine(
                p.id,
                p.sku,
                p.barcode or "",
                {"ru": p.name_ru, "kk": p.name_kk, "en": p.name_en},
                p.price,
                round(ln.get("qty", 1) * 1000),
                p.vat_bp,
                added_at=started + timedelta(seconds=ln["added_at"]),
            )
        )
    totals = compute_totals(lines, None)
    last = session.scalar(select(func.max(Sale.receipt_no)).where(Sale.device_id == ctx.device_id))
    paid = started + timedelta(milliseconds=conv.duration_ms - 1500)
    sale = Sale(
        device_id=ctx.device_id,
        receipt_no=(last or 0) + 1,
        shift_id=shift_id,
        employee_id=employee_id,
        created_at=paid,
        subtotal=totals.subtotal,
        discount=totals.discount,
        total=totals.total,
        vat=totals.vat,
        method="card",
        cash=0,
        card=totals.total,
        tendered=totals.total,
        change=0,
        card_reference="DEMO",
    )
    for no, (line, t) in enumerate(zip(lines, totals.lines, strict=True), start=1):
        sale.lines.append(
            SaleLine(
                line_no=no,
                product_id=line.product_id or None,
                sku=line.sku,
                barcode=line.barcode,
                name_ru=line.names.get("ru", ""),
                name_kk=line.names.get("kk", ""),
                name_en=line.names.get("en", ""),
                unit_price=line.unit_price,
                qty_milli=line.qty_milli,
                weighted=False,
                vat_bp=line.vat_bp,
                gross=t.gross,
                discount=t.line_discount + t.receipt_discount,
                net=t.net,
                vat=t.vat,
                added_at=line.added_at,
            )
        )
    session.add(sale)
    session.flush()
    return sale.id
