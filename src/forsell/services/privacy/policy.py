"""The privacy policy in force, its admin's acceptance, and newer versions pulled from the backend.

The policy in force is the newest version the till has: the versions shipped in
``resources/privacy/policy/<version>/`` (``manifest.json`` and one Markdown text per language)
and those the backend published and the pull lane stored (table ``privacy_policies``). An
amendment takes effect when it is published within the service (clause 5.4): as soon as the
till has stored it and shows it. Each version in force is accepted by an admin (clause 5.3):
who, when and which version is kept with the version and written to the audit trail; until
then every admin login asks again.

A pulled policy is checked whole before anything is stored: a missing language, an empty text,
a malformed version or date, or a version older than the one in force is refused with its
reason, and the till keeps the policy it had.

Texts carry the operator's details as fields (``{operator_name}``, ``{operator_bin}``,
``{operator_email}``, ``{operator_phone}``, ``{version}``, ``{published}``) filled from the
operator of the version (a pulled one may bring its own) or, without one, the newest shipped
manifest's: a deployment sets its operator there once (docs/privacy.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.paths import resources_dir
from forsell.store import audit
from forsell.store.models import Employee, PrivacyPolicyVersion, SyncState

from ..access import internal, public, requires
from ..auth import EmployeeView
from ..context import TillContext

#: The languages every version must have (the UI's).
POLICY_LANGUAGES = ("ru", "kk", "en")
SHIPPED, BACKEND = "shipped", "backend"
#: Where the last refused pull is kept (sync_state): {version, at, reason}.
REFUSED_KEY = "privacy.policy.refused"
MAX_TEXT = 200_000  # characters per language: a policy, not a book
OPERATOR_FIELDS = ("name", "bin", "email", "phone")


def _well_formed(version: str) -> bool:
    """``1.0``, ``2.1``, ``1.10.3``: one to four parts of one to four digits."""
    parts = version.split(".")
    return 1 <= len(parts) <= 4 and all(
        1 <= len(part) <= 4 and part.isascii() and part.isdigit() for part in parts
    )


class PolicyRefused(Exception):
    """A policy document that cannot be put in force; ``reason`` says why (for the admin's
    sync screen, the audit trail and logs)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Operator:
    """Who processes the data (law No. 94-V: a consent names the operator and its BIN)."""

    name: str
    bin: str
    email: str
    phone: str


@dataclass(frozen=True)
class PolicyDocument:
    """One checked version: texts per language as published (with their fields unfilled)."""

    version: str
    published: date
    texts: Mapping[str, str]
    operator: Operator | None  # None: the shipped operator


@dataclass(frozen=True)
class PolicyInForce:
    """The policy in force as the UI shows it."""

    version: str
    published: date
    operator: Operator
    source: str  # shipped | backend
    received_at: datetime | None  # UTC; when a pulled version reached the till
    accepted_by: str | None  # the admin's name
    accepted_at: datetime | None  # UTC
    texts: Mapping[str, str]

    @property
    def accepted(self) -> bool:
        """True once an admin accepted this version."""
        return self.accepted_at is not None

    def text(self, language: str) -> str:
        """The text in ``language`` (Russian when there is none), fields filled in."""
        template = self.texts.get(language) or self.texts["ru"]
        fields = {
            "{version}": self.version,
            "{published}": self.published.strftime("%d.%m.%Y"),
            "{operator_name}": self.operator.name,
            "{operator_bin}": self.operator.bin,
            "{operator_email}": self.operator.email,
            "{operator_phone}": self.operator.phone,
        }
        for field, value in fields.items():
            template = template.replace(field, value)
        return template


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10"`` → ``(1, 10)``: versions compare as numbers, part by part."""
    return tuple(int(part) for part in version.split("."))


def _operator(value: Any) -> Operator | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise PolicyRefused("operator: must be an object")
    for field in OPERATOR_FIELDS:
        if not isinstance(value.get(field), str) or not value[field].strip():
            raise PolicyRefused(f"operator.{field}: required text")
    return Operator(*(value[field].strip() for field in OPERATOR_FIELDS))


def check_policy(doc: Any) -> PolicyDocument:
    """The policy document ``doc`` (the backend's ``Policy`` shape) checked whole; raises
    :class:`PolicyRefused` with the first problem."""
    if not isinstance(doc, dict):
        raise PolicyRefused("not an object")
    version = doc.get("version")
    if not isinstance(version, str) or not _well_formed(version):
        raise PolicyRefused(f"version: {str(version)[:20]!r} is not like 1.0 or 2.1")
    published = doc.get("published")
    try:
        if not isinstance(published, str) or len(published) != 10:
            raise ValueError
        published_on = date.fromisoformat(published)
    except ValueError:
        raise PolicyRefused(
            f"published: {str(published)[:20]!r} is not a date (YYYY-MM-DD)"
        ) from None
    texts = doc.get("texts")
    if not isinstance(texts, dict):
        raise PolicyRefused("texts: must be an object with ru, kk and en")
    for language in POLICY_LANGUAGES:
        if language not in texts:
            raise PolicyRefused(f"texts.{language}: missing")
        text = texts[language]
        if not isinstance(text, str) or not text.strip():
            raise PolicyRefused(f"texts.{language}: empty")
        if len(text) > MAX_TEXT:
            raise PolicyRefused(f"texts.{language}: longer than {MAX_TEXT} characters")
    return PolicyDocument(
        version,
        published_on,
        {language: texts[language] for language in POLICY_LANGUAGES},
        _operator(doc.get("operator")),
    )


def shipped_policies(folder: Path | None = None) -> list[PolicyDocument]:
    """The versions shipped with the app, oldest first (``folder``: tests give their own)."""
    folder = folder or resources_dir() / "privacy" / "policy"
    found = []
    for manifest in sorted(folder.glob("*/manifest.json")):
        info = json.loads(manifest.read_text("utf-8"))
        texts = {
            language: (manifest.parent / f"{language}.md").read_text("utf-8")
            for language in POLICY_LANGUAGES
            if (manifest.parent / f"{language}.md").exists()
        }
        found.append(check_policy({**info, "texts": texts}))
    return sorted(found, key=lambda p: version_key(p.version))


def shipped_operator(folder: Path | None = None) -> Operator:
    """The operator of the newest shipped manifest: what this deployment set."""
    newest = shipped_policies(folder)[-1]
    assert newest.operator is not None, "the shipped manifest names the operator"
    return newest.operator


def _document(row: PrivacyPolicyVersion) -> PolicyDocument:
    return PolicyDocument(
        row.version, date.fromisoformat(row.published), dict(row.texts), _operator(row.operator)
    )


def _newest(session: Session, shipped: list[PolicyDocument]) -> PolicyDocument:
    documents = {p.version: p for p in shipped}
    for row in session.scalars(select(PrivacyPolicyVersion)):
        documents[row.version] = _document(row)
    return max(documents.values(), key=lambda p: version_key(p.version))


@public
def refused_pull(ctx: TillContext) -> dict | None:
    """The last pulled policy that was refused ({version, at, reason}), or None."""
    with ctx.db.read() as session:
        row = session.get(SyncState, REFUSED_KEY)
    return row.value if row is not None and isinstance(row.value, dict) else None


class PrivacyPolicyService:
    """The policy in force and its acceptance. ``folder``: the shipped versions (tests)."""

    def __init__(self, ctx: TillContext, folder: Path | None = None) -> None:
        self.ctx = ctx
        self.folder = folder

    @public  # anyone at the till may read the policy (Help → Privacy), signed in or not
    def in_force(self) -> PolicyInForce:
        """The newest version the till has, with who accepted it and when."""
        shipped = shipped_policies(self.folder)
        operator = shipped_operator(self.folder)
        with self.ctx.db.read() as session:
            newest = _newest(session, shipped)
            row = session.get(PrivacyPolicyVersion, newest.version)
            accepted_by = None
            if row is not None and row.accepted_by is not None:
                employee = session.get(Employee, row.accepted_by)
                accepted_by = employee.name if employee is not None else row.accepted_by
            return PolicyInForce(
                version=newest.version,
                published=newest.published,
                operator=newest.operator or operator,
                source=row.source if row is not None else SHIPPED,
                received_at=row.stored_at if row is not None and row.source == BACKEND else None,
                accepted_by=accepted_by,
                accepted_at=row.accepted_at if row is not None else None,
                texts=dict(newest.texts),
            )

    @public  # asked at every login; only an admin's login acts on the answer
    def awaiting_acceptance(self) -> PolicyInForce | None:
        """The policy in force when no admin has accepted it yet, else None."""
        policy = self.in_force()
        return None if policy.accepted else policy

    @requires(Role.ADMIN)
    def accept(self, admin: EmployeeView, version: str) -> PolicyInForce:
        """``admin`` accepts ``version``, which must be the version in force (a newer one may
        have arrived while the dialog was open: that one is then asked for). Audited."""
        shipped = shipped_policies(self.folder)
        now = self.ctx.clock()
        with self.ctx.db.write() as session:
            newest = _newest(session, shipped)
            if newest.version != version:
                raise CashierError(
                    "privacy.policy_not_in_force",
                    "Version {version} of the privacy policy is not the one in force "
                    "({in_force}); read the version in force and accept it",
                    version=version,
                    in_force=newest.version,
                )
            row = session.get(PrivacyPolicyVersion, version)
            if row is None:  # a shipped version: kept whole, as the admin read it
                row = PrivacyPolicyVersion(
                    version=version,
                    published=newest.published.isoformat(),
                    texts=dict(newest.texts),
                    operator=None,
                    source=SHIPPED,
                    stored_at=now,
                )
                session.add(row)
            if row.accepted_at is None:
                row.accepted_by, row.accepted_at = admin.id, now
                audit.record(
                    session,
                    self.ctx.device_id,
                    "privacy_policy_accepted",
                    admin.id,
                    version=version,
                    published=row.published,
                )
        return self.in_force()


@internal  # the pull applier calls it inside its page's transaction (services/pulls.py)
def store_pulled(
    session: Session,
    ctx: TillContext,
    doc: Any,
    now: datetime,
    folder: Path | None = None,
) -> tuple[str, str]:
    """Stores the policy the backend published, if it is newer than the one in force.

    Returns ``("published", version)`` when it was stored and is now in force,
    ``("unchanged", version)`` when the till already has this very version; raises
    :class:`PolicyRefused` otherwise (nothing stored: the caller keeps the refusal with
    :func:`remember_refusal`, outside the savepoint that rolled the attempt back)."""
    policy = check_policy(doc)
    in_force = _newest(session, shipped_policies(folder))
    if version_key(policy.version) < version_key(in_force.version):
        raise PolicyRefused(
            f"version {policy.version} is older than the version in force ({in_force.version})"
        )
    if policy.version == in_force.version:
        if dict(policy.texts) != dict(in_force.texts):
            raise PolicyRefused(
                f"version {policy.version} is in force with another text; "
                "a changed text needs a new version"
            )
        return "unchanged", policy.version
    session.add(
        PrivacyPolicyVersion(
            version=policy.version,
            published=policy.published.isoformat(),
            texts=dict(policy.texts),
            operator=asdict(policy.operator) if policy.operator is not None else None,
            source=BACKEND,
            stored_at=now,
        )
    )
    session.flush()
    audit.record(
        session,
        ctx.device_id,
        "privacy_policy_published",
        None,
        version=policy.version,
        published=policy.published.isoformat(),
    )
    return "published", policy.version


@internal
def remember_refusal(
    session: Session, ctx: TillContext, doc: Any, reason: str, now: datetime
) -> None:
    """Keeps why a pulled policy was refused (:data:`REFUSED_KEY`) and audits it, once per
    distinct refusal: the backend answers the same every pull."""
    version = str(doc.get("version"))[:20] if isinstance(doc, dict) else "?"
    row = session.get(SyncState, REFUSED_KEY)
    last = row.value if row is not None and isinstance(row.value, dict) else {}
    if (last.get("version"), last.get("reason")) == (version, reason):
        return  # the same refusal every pull: audited once
    value = {"version": version, "at": now.isoformat(), "reason": reason}
    session.merge(SyncState(key=REFUSED_KEY, value=value))
    audit.record(
        session,
        ctx.device_id,
        "privacy_policy_refused",
        None,
        version=version,
        reason=reason,
        # as a pulled page's problems are kept, so that the admin's sync screen lists it too
        resource="policy",
        problems=[f"version {version}: {reason}"],
    )
