"""The audit trail as a document: a PDF of what the audit screen's filter selects, with the
filter, who exported it and when, and the chain's verification at that moment (Qt's PDF writer,
like the privacy documents), and the translated header row of the CSV export.

Everything here runs in the task pool: ``translate`` and painting a PDF are thread-safe, and no
widget is touched.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from forsell.services.audit_trail import AuditDocument, AuditTrail
from forsell.services.auth import EmployeeView
from forsell.services.context import TillContext
from forsell.services.privacy.documents import write_private

from .printing import make_document, pdf_bytes

translate = QCoreApplication.translate  # lupdate reads translate("AuditDocument", "…")


def csv_headers() -> tuple[str, ...]:
    """The CSV's header row in the user's language (the columns of ``CSV_COLUMNS``)."""
    return (
        translate("AuditDocument", "No."),
        translate("AuditDocument", "Time (UTC)"),
        translate("AuditDocument", "Employee ID"),
        translate("AuditDocument", "Employee"),
        translate("AuditDocument", "Action"),
        translate("AuditDocument", "Details"),
    )


def _chain_text(doc: AuditDocument, ctx: TillContext) -> tuple[str, bool]:
    """The verification's sentence and whether it is good news."""
    if doc.chain_problem == "key_missing":
        return translate(
            "AuditDocument",
            "The chain could not be checked: the secret store has no audit key for this till.",
        ), False
    if doc.chain is None:
        return translate(
            "AuditDocument", "The chain could not be checked: the secret store did not answer."
        ), False
    if doc.chain.intact:
        return translate(
            "AuditDocument", "Chain intact: entries checked with the audit key: {count}."
        ).format(count=doc.chain.entries), True
    broken = doc.chain.broken
    assert broken is not None
    when = ctx.local(broken.at).strftime("%d.%m.%Y %H:%M") if broken.at else "—"
    return translate(
        "AuditDocument",
        "The chain is broken at entry {seq} ({when}): the database was changed outside the till.",
    ).format(seq=broken.seq, when=when), False


def audit_html(doc: AuditDocument, ctx: TillContext) -> str:
    """The document's HTML: heading, filter, exporter, verification, then the entries."""
    from .audit_view import action_label, details_text

    e = html.escape
    everyone = translate("AuditDocument", "everyone")
    all_actions = translate("AuditDocument", "all actions")
    flt = doc.filter
    days = (
        f"{flt.since:%d.%m.%Y} — {flt.until:%d.%m.%Y}"
        if flt.since and flt.until
        else translate("AuditDocument", "all dates")
    )
    chain, good = _chain_text(doc, ctx)
    colour = "#1b7f3b" if good else "#b3261e"
    action = action_label(flt.action) if flt.action else all_actions
    facts = [
        (translate("AuditDocument", "Employee"), doc.employee_name or everyone),
        (translate("AuditDocument", "Action"), action),
        (translate("AuditDocument", "Dates"), days),
        (
            translate("AuditDocument", "Exported by"),
            f"{doc.exported_by}, {ctx.local(doc.exported_at):%d.%m.%Y %H:%M}",
        ),
        (translate("AuditDocument", "Till"), ctx.device_id),
    ]
    head = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in facts)
    columns = (
        translate("AuditDocument", "No."),
        translate("AuditDocument", "Time"),
        translate("AuditDocument", "Employee"),
        translate("AuditDocument", "Action"),
        translate("AuditDocument", "Details"),
    )
    header = "".join(f"<th align='left'>{e(c)}</th>" for c in columns)
    rows = "".join(
        "<tr>"
        f"<td>{line.seq}</td><td>{ctx.local(line.at):%d.%m.%Y %H:%M:%S}</td>"
        f"<td>{e(line.who or '—')}</td><td>{e(action_label(line.action))}</td>"
        f"<td>{e(details_text(line.details))}</td>"
        "</tr>"
        for line in doc.lines
    )
    count = translate("AuditDocument", "Entries: {count}.").format(count=doc.total)
    if doc.total > len(doc.lines):
        count += " " + translate(
            "AuditDocument",
            "The first {shown} are shown; export CSV for all of them.",
        ).format(shown=len(doc.lines))
    none = translate("AuditDocument", "No entries match.")
    title = translate("AuditDocument", "Audit trail")
    return (
        '<html><body style="font-size:8pt">'
        f"<h2>{e(title)}</h2>"
        f'<table cellpadding="2">{head}</table>'
        f'<p style="color:{colour}; font-weight:600">{e(chain)}</p>'
        f"<p>{e(count)}</p>"
        + (
            f'<table border="1" cellspacing="0" cellpadding="2" width="100%">'
            f"<tr>{header}</tr>{rows}</table>"
            if doc.lines
            else f"<p>{e(none)}</p>"
        )
        + "</body></html>"
    )


def export_pdf(
    trail: AuditTrail, who: EmployeeView, doc: AuditDocument, path: Path
) -> AuditDocument:
    """Writes ``doc`` as an A4 PDF private to this user (0600; the save dialog asked before
    replacing a file) and audits the export. Runs in the task pool."""
    data = pdf_bytes(make_document(audit_html(doc, trail.ctx)))
    write_private(path, data, replace=True)
    trail.record_pdf_export(who, doc)
    return doc
