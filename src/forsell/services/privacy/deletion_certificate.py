"""The certificate of a data subject's destruction (policy clause 6.3): what was destroyed,
what was kept and why, whether the backend and the providers have been told. Ids and counts
only: never the subject's name or a word that was said. ``services/privacy/destruction.py``
builds it from its journal; the command line writes it as JSON and, through Qt, as PDF."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from forsell.sync.audio_lane import PROVIDERS_THAT_DELETE

#: Rows that stay, and why: the certificate says so for each table the subject is found in.
KEPT_BY_LAW = {
    "sales": "tax_law",
    "sale_lines": "tax_law",
    "refunds": "tax_law",
    "refund_lines": "tax_law",
    "shifts": "tax_law",
    "cash_movements": "tax_law",
    "recordings": "evidence_shredded",
    "recording_consents": "evidence_pseudonymised",
    "audit": "evidence_ids_only",
    "privacy_requests": "evidence_pseudonymised",
    "privacy_blocks": "evidence_ids_only",
    "provider_calls": "provider_bill",
    "employees": "pseudonymised",
}
#: Any other row found stays as the record of work done, naming the employee by id only.
KEPT_OTHERWISE = "names_the_employee_by_id_only"


@dataclass(frozen=True)
class ProviderDeletion:
    """One transcript a provider keeps: whether its deletion was asked for and answered."""

    provider: str
    transcription_id: str
    state: str  # pending | done | failed | no_delete_api


@dataclass(frozen=True)
class DestructionCertificate:
    """What a destruction did, for the subject and the file: ids and counts, never a name or a
    word said. ``backend`` is "sent" once the deletion event reached the backend, else
    "pending" (queued and retried by the sync)."""

    request_id: str
    subject_kind: str
    employee_id: str | None
    pseudonym: str | None
    destroyed_by: str
    started_at: datetime
    finished_at: datetime | None
    recordings_shredded: tuple[str, ...]
    #: Data keys of those recordings still in the key file (0: none can be decrypted again);
    #: None when the key file was not open to check.
    keys_left: int | None
    deleted: Mapping[str, tuple[str, ...]]
    kept: Mapping[str, int]
    kept_why: Mapping[str, str]
    events: tuple[str, ...]
    backend: str  # sent | pending
    providers: tuple[ProviderDeletion, ...] = field(default=())
    #: Decrypted copies of these recordings an admin exported earlier (the audit log's
    #: ``recording_exported``): plain audio handed out lawfully, beyond any key's reach.
    plain_exports: int = 0
    #: The database file was rewritten without free pages after the destruction.
    compacted: bool = False

    @property
    def done(self) -> bool:
        """Every local step is done (the backend may still be pending)."""
        return self.finished_at is not None

    def to_json(self) -> dict[str, Any]:
        """The certificate as JSON-ready data."""
        return {
            "certificate": "destruction of personal data (policy clause 6.3)",
            "request_id": self.request_id,
            "subject_kind": self.subject_kind,
            "employee_id": self.employee_id,
            "pseudonym": self.pseudonym,
            "destroyed_by": self.destroyed_by,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "recordings_shredded": {
                "count": len(self.recordings_shredded),
                "ids": list(self.recordings_shredded),
                "keys_left": self.keys_left,
            },
            "deleted": {
                t: {"count": len(ids), "ids": list(ids)} for t, ids in self.deleted.items()
            },
            "kept": {t: {"count": n, "why": self.kept_why[t]} for t, n in self.kept.items()},
            "backend": {"deletion_events": list(self.events), "state": self.backend},
            "providers": [
                {"provider": p.provider, "transcription_id": p.transcription_id, "state": p.state}
                for p in self.providers
            ],
            "plain_exports_made_before": self.plain_exports,
            "database_compacted": self.compacted,
        }


def certificate_html(cert: DestructionCertificate, when: datetime) -> str:
    """The certificate as an HTML page (Russian and English), for a PDF: ids and counts only."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(t)}</td><td>{len(ids)}</td><td>{e(', '.join(ids[:50]))}"
        f"{' …' if len(ids) > 50 else ''}</td></tr>"
        for t, ids in cert.deleted.items()
    )
    kept = "".join(
        f"<tr><td>{e(t)}</td><td>{n}</td><td>{e(cert.kept_why[t])}</td></tr>"
        for t, n in cert.kept.items()
    )
    providers = "".join(
        f"<li>{e(p.provider)} {e(p.transcription_id)}: {e(p.state)}</li>" for p in cert.providers
    )
    backend = {
        "sent": "получено / received",
        "pending": "ожидает отправки на сервер / pending at the backend",
    }[cert.backend]
    shredded = ", ".join(cert.recordings_shredded[:50])
    return (
        "<html><body style='font-family: DejaVu Sans; font-size: 9pt'>"
        "<h2>Акт об уничтожении персональных данных<br/>"
        "Certificate of destruction of personal data</h2>"
        "<p>Политика конфиденциальности, п. 6.3 / Privacy policy, clause 6.3</p>"
        "<table border='1' cellspacing='0' cellpadding='3'>"
        f"<tr><td>Запрос / Request</td><td>{e(cert.request_id)}</td></tr>"
        f"<tr><td>Субъект / Subject</td><td>{e(cert.subject_kind)}"
        f"{' ' + e(cert.employee_id) if cert.employee_id else ''}</td></tr>"
        f"<tr><td>Псевдоним / Pseudonym</td><td>{e(cert.pseudonym or '-')}</td></tr>"
        f"<tr><td>Администратор / Admin</td><td>{e(cert.destroyed_by)}</td></tr>"
        f"<tr><td>Начато / Started (UTC)</td><td>{e(cert.started_at.isoformat())}</td></tr>"
        f"<tr><td>Завершено / Finished (UTC)</td>"
        f"<td>{e(cert.finished_at.isoformat() if cert.finished_at else '-')}</td></tr>"
        f"<tr><td>Сервер аналитики / Analytics backend</td><td>{e(backend)}</td></tr>"
        f"<tr><td>Выдан / Issued (UTC)</td><td>{e(when.isoformat())}</td></tr>"
        "</table>"
        f"<h3>Записи уничтожены (ключ удалён) / Recordings shredded (key destroyed): "
        f"{len(cert.recordings_shredded)}</h3><p>{e(shredded)}"
        f"{' …' if len(cert.recordings_shredded) > 50 else ''}</p>"
        f"<p>Ключей осталось / Keys left: {e(str(cert.keys_left))}. "
        f"Расшифрованных копий, выданных ранее / Decrypted copies exported before: "
        f"{cert.plain_exports}. Файл базы сжат / Database file compacted: "
        f"{'да / yes' if cert.compacted else 'нет / no'}</p>"
        "<h3>Удалено / Deleted</h3><table border='1' cellspacing='0' cellpadding='3'>"
        f"<tr><th>table</th><th>rows</th><th>ids</th></tr>{rows}</table>"
        "<h3>Сохранено по закону / Kept as the law requires</h3>"
        "<table border='1' cellspacing='0' cellpadding='3'>"
        f"<tr><th>table</th><th>rows</th><th>why</th></tr>{kept}</table>"
        f"<h3>Провайдеры распознавания / Speech providers</h3><ul>{providers or '<li>-</li>'}"
        "</ul></body></html>"
    )


def provider_state(provider: str, job_state: str | None) -> str:
    """A provider deletion's state from its audio-lane job (None: no job or purged)."""
    if provider not in PROVIDERS_THAT_DELETE:
        return "no_delete_api"
    if job_state in (None, "done"):
        return "done" if job_state == "done" else "pending"
    return "failed" if job_state == "dead" else "pending"
