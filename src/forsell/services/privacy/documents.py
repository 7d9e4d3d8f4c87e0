"""The answer to a data-subject request as a document (policy 6.2-6.3; Law No. 94-V).

The answer says what this till holds about the person, table by table with the number of
records, what each is for, the categories and ways of processing, the legal bases, who receives
the data, how long it is kept, and who the operator is with its contacts from the policy in
force. It is HTML in the language of the admin who reads it (Russian, Kazakh or English: the
subject reads it on paper or as a PDF) and JSON (the report of ``PrivacyRequests.report``, for a
machine-readable copy).

The HTML carries counts, never values: no transcript text, no receipt lines, no other person's
name (a customer's receipt names its cashier, a cashier's receipts name customers' purchases).
The subject is named as the request named them, except words said in a conversation, which are
not repeated.

English words come from the data map, so they stay in step with it; Russian and Kazakh from
``document_words``, one entry per id of the data map (a test holds them complete). An id those
tables do not know yet is shown in the data map's English rather than left out.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forsell.domain.errors import CashierError

from .data_map import DataMap
from .document_words import (
    BASIS_WORDS,
    CATEGORY_WORDS,
    KIND_WORDS,
    RECIPIENT_WORDS,
    RETENTION_WORDS,
    SUBJECT_WORDS,
    TABLE_WORDS,
    WORDS,
)
from .policy import PolicyInForce, PrivacyPolicyService

if TYPE_CHECKING:
    from ..auth import EmployeeView
    from .requests import PrivacyRequests

LANGUAGES = ("ru", "kk", "en")

_STYLE = (
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }"
    "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 14px; }"
    "table { border-collapse: collapse; } td, th { padding: 3px 6px; vertical-align: top; }"
    "th { background: #eef1f5; text-align: left; } .muted { color: #5f6670; }"
)


@dataclass(frozen=True)
class AnswerDocument:
    """The answer to one request, ready to show, print or save, in each of ``LANGUAGES``
    (the subject may read another language than the admin)."""

    request_id: str
    #: The language asked for; ``html`` is in it.
    language: str
    #: Language → the answer as HTML.
    pages: Mapping[str, str]
    #: The report of ``PrivacyRequests.report`` (what the JSON copy holds).
    report: Mapping[str, Any]

    @property
    def html(self) -> str:
        """The answer in the language asked for."""
        return self.pages[self.language]

    def json_bytes(self) -> bytes:
        """The report as UTF-8 JSON, as ``privacy report`` prints it."""
        return json.dumps(self.report, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def language_of(language: str) -> str:
    """One of ``LANGUAGES``: Russian for anything else (the policy's own fallback)."""
    return language if language in LANGUAGES else "ru"


def _word(key: str, language: str) -> str:
    return WORDS[key][LANGUAGES.index(language)]


def _pick(table: Mapping[str, tuple[str, str]], key: str, language: str, english: str) -> str:
    """``english`` in English, else the table's translation (English when it has none)."""
    if language == "en" or key not in table:
        return english
    return table[key][0 if language == "ru" else 1]


def _day(value: date | str) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return day.strftime("%d.%m.%Y")


def _moment(value: str) -> str:
    try:
        return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return value


def _subject(subject: Mapping[str, Any], subject_name: str, language: str) -> str:
    if "employee" in subject:
        return _word("employee", language).format(name=subject_name or subject["employee"])
    if "receipt" in subject:
        return _word("receipt", language).format(number=subject["receipt"])
    if "window" in subject:
        start, end = (_moment(str(v)) for v in subject["window"])
        return _word("window", language).format(start=start, end=end)
    return _word("words", language)


def table_title(data_map: DataMap, name: str, language: str) -> str:
    """A data-map table as a person calls it, in ``language`` (its name where none is known)."""
    return _table_words(data_map, name, language_of(language))[0]


def _table_words(data_map: DataMap, name: str, language: str) -> tuple[str, str]:
    """(name, what for) of a table in ``language``."""
    purposes = Counter(
        c.purpose for c in data_map.tables[name].columns.values() if c.personal and c.purpose
    )
    english = (name, purposes.most_common(1)[0][0] if purposes else "")
    words = TABLE_WORDS.get(name)
    if words is None:
        return english
    if language == "en":
        return words[0], english[1]
    return words[1] if language == "ru" else words[2]


def _rows(cells: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in cells
    )
    return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>'


def _defined(items: list[tuple[str, str]]) -> str:
    return "".join(f"<p><b>{escape(t)}</b><br/>{escape(d)}</p>" for t, d in items)


def answer_html(
    report: Mapping[str, Any],
    data_map: DataMap,
    policy: PolicyInForce,
    language: str,
    made_at: datetime,
    subject_name: str = "",
) -> str:
    """The answer to a request as an HTML page in ``language`` (ru, kk, en).

    ``report`` is ``PrivacyRequests.report``'s; ``made_at`` is shown as is (the store's time);
    ``subject_name`` names an employee subject (their id otherwise). Only counts of records are
    shown, never their values."""
    lang = language_of(language)
    w = lambda key: _word(key, lang)  # noqa: E731 - a short alias keeps the page readable
    request = report["request"]
    operator = policy.operator
    kind = KIND_WORDS.get(request["kind"], (request["kind"],) * 3)[LANGUAGES.index(lang)]
    parts = [
        f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(w('title'))}</h1>",
        _rows(
            [
                (w("number"), request["id"]),
                (w("kind"), kind),
                (w("from"), request["requester"]),
                (w("about"), _subject(request["subject"], subject_name, lang)),
                (w("received"), _day(request["received_on"])),
                (w("due"), _day(request["due_on"])),
            ],
            (w("request"), ""),
        ),
        f"<h2>{escape(w('operator'))}</h2>",
        f"<p>{escape(operator.name)}<br/>{escape(w('bin'))}: {escape(operator.bin)}<br/>"
        f"{escape(w('email'))}: {escape(operator.email)}<br/>"
        f"{escape(w('phone'))}: {escape(operator.phone)}<br/>"
        + escape(w("policy").format(version=policy.version, published=_day(policy.published)))
        + "</p>",
        f"<h2>{escape(w('held'))}</h2>",
    ]
    kind_text = _pick(
        SUBJECT_WORDS,
        report["subject_kind"],
        lang,
        data_map.subjects[report["subject_kind"]].text,
    )
    parts.append(f"<p class='muted'>{escape(kind_text)}</p>")
    held = [t for t in report["tables"] if t["rows"]]
    if not held:
        parts.append(f"<p><b>{escape(w('nothing'))}</b></p>")
    else:
        cells = []
        for table in held:
            name, purpose = _table_words(data_map, table["table"], lang)
            cells.append((name, str(table["rows"]), purpose))
        parts.append(_rows(cells, (w("data"), w("records"), w("what_for"))))
        parts.append(f"<h2>{escape(w('methods'))}</h2>")
        parts.append(f"<p>{escape(w('methods_text'))}</p>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(_pick(CATEGORY_WORDS, c, lang, text))}</li>"
                for c, text in report["methods"].items()
            )
            + "</ul>"
        )
        parts.append(f"<h2>{escape(w('bases'))}</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(_pick(BASIS_WORDS, b, lang, text))}</li>"
                for b, text in report["legal_bases"].items()
            )
            + "</ul>"
        )
        parts.append(f"<h2>{escape(w('recipients'))}</h2>")
        parts.append(_recipients(report["recipients"], lang))
        parts.append(f"<h2>{escape(w('retention'))}</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(_pick(RETENTION_WORDS, r, lang, text))}</li>"
                for r, text in report["retention"].items()
            )
            + "</ul>"
        )
    parts.append(f"<h2>{escape(w('rights'))}</h2>")
    parts.append(
        "<p>" + escape(w("rights_text").format(email=operator.email, phone=operator.phone)) + "</p>"
    )
    when = made_at.strftime("%d.%m.%Y %H:%M")
    parts.append(f"<p class='muted'>{escape(w('made').format(when=when))}</p></body></html>")
    return "".join(parts)


def _recipients(recipients: Mapping[str, Mapping[str, str]], language: str) -> str:
    if not recipients:
        return f"<p>{escape(_word('no_recipients', language))}</p>"
    cells = []
    for rid, about in recipients.items():
        english = (about["name"], about["country"], about["receives"])
        words = RECIPIENT_WORDS.get(rid)
        if language == "en" or words is None:
            cells.append(english)
        else:
            cells.append(words[0] if language == "ru" else words[1])
    return _rows(
        cells,
        (_word("recipients", language), _word("country", language), _word("receives", language)),
    )


def subject_name(report: Mapping[str, Any]) -> str:
    """An employee subject's name as the report holds it ("" for a customer)."""
    if report.get("subject_kind") != "employee":
        return ""
    for table in report.get("tables", ()):
        if table["table"] == "employees" and table["values"]:
            return str(table["values"][0].get("name") or "")
    return ""


def make_answer(
    requests: PrivacyRequests, admin: EmployeeView, request_id: str, language: str
) -> AnswerDocument:
    """The answer to ``request_id``, shown first in ``language``: the report (admin only,
    audited, the request becomes "answered") as HTML with the operator of the policy in force.

    Raises ``CashierError`` as ``PrivacyRequests.report`` does."""
    report = requests.report(admin, request_id)
    ctx = requests.ctx
    policy = PrivacyPolicyService(ctx).in_force()
    made_at, name = ctx.local(ctx.clock()), subject_name(report)
    pages = {
        lang: answer_html(report, requests.data_map, policy, lang, made_at, name)
        for lang in LANGUAGES
    }
    return AnswerDocument(request_id, language_of(language), pages, report)


def write_private(path: Path, data: bytes, *, replace: bool = False) -> Path:
    """Writes ``data`` to ``path`` readable by this user only (0600 on POSIX): into a new file
    beside it, then renamed over ``path``, so a reader never sees half a document. Without
    ``replace`` an existing file is refused (``privacy.file_exists``), nothing written."""
    if path.exists() and not replace:
        raise CashierError(
            "privacy.file_exists", "{path} exists already: choose a new file name", path=path
        )
    if not path.parent.is_dir():
        raise CashierError(
            "privacy.folder_missing", "The folder {path} does not exist", path=path.parent
        )
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        partial.chmod(0o600)  # the umask may have taken bits away; never added any
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
