"""Obvious personal data out of transcript text before it goes to our analytics backend.

What is caught (written with digits, as speech-to-text usually writes numbers):
e-mail addresses → ``[email]``; card numbers (13–19 digits, optionally grouped by single spaces
or dashes, Luhn-valid) → ``[card]``; any run of exactly 12 digits (IIN/BIN; the check digit is
not verified on purpose: a mistyped IIN is still someone's IIN) → ``[iin]``; Kazakh/Russian phone
numbers (+7/8/7 prefix and 10 digits in the usual groupings, or 10 digits starting with 7 or 9)
→ ``[phone]``.

Out of scope, on purpose: numbers spoken as words ("восемь семьсот один…"), short local numbers
(123-45-67), names and addresses. Those need a language model; this module is a safety net for the
patterns that are certainly personal, not a guarantee of anonymity.

Word lists are redacted on the joined text, so a phone number split over several recognised
words ("+7", "701", "123", …) is caught too; its words collapse into one ``[phone]`` word that
spans their times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

EMAIL = "[email]"
CARD = "[card]"
IIN = "[iin]"
PHONE = "[phone]"

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# Runs of digit groups joined by one space or dash; card numbers are searched inside them.
_DIGIT_RUN = re.compile(r"(?<!\d)\d+(?:[ \-]\d+)*(?!\d)")
_GROUP = re.compile(r"\d+")
_IIN = re.compile(r"(?<!\d)\d{12}(?!\d)")
_SEP = r"[\s\-.]{0,3}"
_PHONE = re.compile(
    rf"(?<!\d)(?P<prefix>\+\s?7|8|7)?{_SEP}\(?(?P<body>\d{{3}})\)?(?:{_SEP}\d){{7}}(?!\d)"
)

Span = tuple[int, int, str]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _cards(text: str) -> list[Span]:
    spans: list[Span] = []
    for run in _DIGIT_RUN.finditer(text):
        groups = [
            (m.start() + run.start(), m.end() + run.start(), m.group())
            for m in _GROUP.finditer(run.group())
        ]
        i = 0
        while i < len(groups):
            best = None  # the longest Luhn-valid 13–19 digit stretch of groups starting at i
            digits = ""
            for j in range(i, len(groups)):
                digits += groups[j][2]
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and luhn_ok(digits):
                    best = j
            if best is None:
                i += 1
                continue
            spans.append((groups[i][0], groups[best][1], CARD))
            i = best + 1
    return spans


def _phones(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _PHONE.finditer(text):
        if m.group("prefix") is None and m.group("body")[0] not in "79":
            continue  # ten bare digits not shaped like a mobile/Kazakh number: leave them
        start = m.start()
        while text[start] not in "+(0123456789":  # the match may open with a separator
            start += 1
        spans.append((start, m.end(), PHONE))
    return spans


def _masked(text: str, spans: Iterable[Span]) -> str:
    """``text`` with the spans replaced by NULs, so later patterns do not see them again."""
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = "\0" * (end - start)
    return "".join(chars)


def find(text: str) -> list[Span]:
    """Non-overlapping (start, end, tag) spans of personal data in ``text``, in order."""
    spans: list[Span] = []
    work = text
    for finder in (
        lambda t: [(m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(t)],
        _cards,
        lambda t: [(m.start(), m.end(), IIN) for m in _IIN.finditer(t)],
        _phones,
    ):
        found = finder(work)
        spans += found
        work = _masked(work, found)
    return sorted(spans)


def redact(text: str) -> str:
    out, pos = [], 0
    for start, end, tag in find(text):
        out += [text[pos:start], tag]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def redact_words(words: Iterable[Mapping[str, object]]) -> list[dict[str, object]]:
    """Words (dicts with at least ``text``, ``start``, ``end``) with personal data replaced.

    Words that a span touches become one word carrying the tag, the first word's start, the last
    word's end and the first word's speaker; confidence is dropped for it (it described digits).
    """
    items = [dict(w) for w in words]
    offsets: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for w in items:
        t = str(w.get("text", ""))
        offsets.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t) + 1
    joined = " ".join(parts)
    spans = find(joined)
    # Words touched by one span, or chained through spans, form one cluster.
    cluster_of: list[int | None] = [None] * len(items)
    clusters: list[list[int]] = []
    for start, end, _ in spans:
        touched = [k for k, (a, b) in enumerate(offsets) if a < end and b > start]
        if not touched:
            continue
        joined_to = {c for k in touched if (c := cluster_of[k]) is not None}
        target = min(joined_to) if joined_to else len(clusters)
        if target == len(clusters):
            clusters.append([])
        for c in sorted(joined_to - {target}, reverse=True):
            for k in clusters[c]:
                cluster_of[k] = target
            clusters[target] += clusters[c]
            clusters[c] = []
        for k in touched:
            if cluster_of[k] != target:
                cluster_of[k] = target
                clusters[target].append(k)
    out: list[dict[str, object]] = []
    for k, item in enumerate(items):
        c = cluster_of[k]
        if c is None:
            out.append(item)
            continue
        members = sorted(clusters[c])
        if k != members[0]:
            continue
        a, b = offsets[members[0]][0], offsets[members[-1]][1]
        merged = dict(items[members[0]])
        merged.update(
            text=_replace(joined, a, b, spans), end=items[members[-1]].get("end"), confidence=None
        )
        out.append(merged)
    return out


def _replace(joined: str, a: int, b: int, spans: list[Span]) -> str:
    """``joined[a:b]`` with every span inside replaced by its tag: text glued to a number
    ("тел:+77011234567") keeps its harmless part ("тел:[phone]")."""
    out, pos = [], a
    for start, end, tag in spans:
        if start < b and end > a:
            out += [joined[pos : max(start, a)], tag]
            pos = min(end, b)
    out.append(joined[pos:b])
    return "".join(out)
