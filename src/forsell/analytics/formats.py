"""The documented file formats (``resources/scorecards/README.md``): transcript, receipt,
scorecard and catalog JSON, read and validated with errors that say where and what is wrong.

Problems are data (``domain.problems.Problem``: a code, its parameters, the JSON path), never
sentences: ``ui/`` and the CLI word them in the user's language."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from forsell.domain.money import MAX_TIYN
from forsell.domain.problems import Place, Problem

from .matching import Pattern
from .model import Catalog, CatalogProduct, Receipt, ReceiptLine, Transcript, Utterance, Word
from .scorecard import ANCHORS, DETECTORS, KINDS, SPEAKERS, Item, Scorecard, Window

#: A words-only transcript (what the recognisers return) is cut into utterances at a change of
#: speaker or at a pause this long.
UTTERANCE_PAUSE = 1.5

# --- limits (resources/scorecards/README.md, "Limits") ------------------------------------------
# Whatever a file says, reading and scoring it stays within seconds and tens of MB: a file over
# its size limit is refused before it is read, a document over a count limit before it is scored.

#: Bytes per file, checked before the file is read. A transcript of an hour of speech with word
#: times is about 1 MB.
MAX_BYTES = {
    "transcript": 4_000_000,
    "receipt": 1_000_000,
    "scorecard": 1_000_000,
    "catalog": 8_000_000,
}
#: How deep arrays and objects may nest (the formats need 5 levels).
MAX_DEPTH = 64
#: Utterances in a transcript, and words (in a recogniser's word list, or in the texts).
MAX_UTTERANCES = 5_000
MAX_WORDS = 20_000
#: Lines on a receipt; items and phrases (all lists together) in a scorecard; catalog products.
MAX_LINES = 1_000
MAX_ITEMS = 100
MAX_PHRASES = 500
MAX_PRODUCTS = 20_000
#: Seconds: no time in a conversation is further than a day from the start of its recording.
MAX_SECONDS = 86_400
#: A receipt line's quantity (pieces or kilograms); a scorecard item's weight or penalty.
MAX_QTY = 100_000
MAX_POINTS = 1_000
#: Problems listed for one file; the rest are only counted (``FormatError.more``).
MAX_PROBLEMS = 100


class FormatError(ValueError):
    """A file that is not what its format says. ``problems``: every thing wrong, as data
    (``domain.problems.Problem``: code, parameters, place); ``what`` names the document and its
    file in English for logs (``scorecard /path/card.json``)."""

    def __init__(
        self, what: str, problems: list[Problem] | tuple[Problem, ...], more: int = 0
    ) -> None:
        self.what = what
        self.problems = tuple(problems[:MAX_PROBLEMS])
        #: problems found but not listed (over ``MAX_PROBLEMS``)
        self.more = more + len(problems) - len(self.problems)
        super().__init__(
            f"{what}: "
            + "; ".join(map(str, self.problems))
            + (f"; and {self.more} more" if self.more else "")
        )


class _Check:
    """Collects every problem in a document instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.more = 0  # problems past MAX_PROBLEMS, counted only
        self.phrases = 0  # phrases read so far (a scorecard's limit is MAX_PHRASES)

    def bad(self, where: Place, code: str, **params: object) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(code, params, where))
        else:
            self.more += 1

    def obj(self, value: Any, where: Place) -> dict | None:
        if not isinstance(value, dict):
            self.bad(where, "format.not_object", got=_kind(value))
            return None
        return value

    def lst(self, value: Any, where: Place) -> list:
        if not isinstance(value, list):
            self.bad(where, "format.not_list", got=_kind(value))
            return []
        return value

    def text(self, value: Any, where: Place, *, empty: bool = False) -> str:
        if isinstance(value, int) and not isinstance(value, bool) and where[-1:] == ("speaker",):
            return str(value)  # some recognisers number their speakers
        if not isinstance(value, str) or (not empty and not value.strip()):
            self.bad(where, "format.not_text" if empty else "format.empty_text", got=_kind(value))
            return ""
        return value

    def number(
        self, value: Any, where: Place, *, low: float | None = 0.0, high: float | None = None
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(where, "format.not_number", got=_kind(value))
            return 0.0
        if isinstance(value, float) and not math.isfinite(value):
            self.bad(where, "format.not_finite")
            return 0.0
        if low is not None and value < low:
            self.bad(where, "format.below", value=_shown(value), low=low)
            return 0.0
        if high is not None and value > high:
            self.bad(where, "format.above", value=_shown(value), high=high)
            return 0.0
        return float(value)

    def integer(self, value: Any, where: Place, *, low: int = 0, high: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(where, "format.not_whole", got=_kind(value))
            return 0
        if value < low:
            self.bad(where, "format.below", value=_shown(value), low=low)
            return 0
        if high is not None and value > high:
            self.bad(where, "format.above", value=_shown(value), high=high)
            return 0
        return value

    def at_most(self, items: list, where: Place, limit: int) -> bool:
        """False (and a problem) when a list is longer than its limit."""
        if len(items) > limit:
            self.bad(where, "format.too_many", count=len(items), limit=limit)
            return False
        return True

    def header(self, data: dict, fmt: str) -> None:
        if "format" in data and data["format"] != fmt:
            self.bad(("format",), "format.wrong_format", expected=fmt, got=repr(data["format"]))
        if "version" in data and data["version"] != 1:
            self.bad(("version",), "format.version", version=data["version"])

    def done(self, what: str) -> None:
        if self.problems:
            raise FormatError(what, self.problems, self.more)


def _shown(value: int | float) -> int | float:
    """A value for a problem's parameters that JSON and ``str.format`` can always write: a whole
    number of more than 18 digits is shown as a float (``1e+300``), or as the largest float."""
    if isinstance(value, int) and abs(value) > 10**18:
        try:
            return float(value)
        except OverflowError:
            return -sys.float_info.max if value < 0 else sys.float_info.max
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"{value[:30]!r}"
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def json_problem(error: json.JSONDecodeError) -> Problem:
    """Where a JSON text broke (line and column, and the parser's own English words)."""
    return Problem(
        "format.not_json", {"line": error.lineno, "column": error.colno, "detail": error.msg}
    )


class _NotFinite:
    """What the JSON reader puts where a document has NaN, Infinity or a number too large for a
    float (``1e400``): Python's ``json`` accepts them, the formats do not."""


_NOT_FINITE = _NotFinite()
#: JSON strings, and everything but brackets once they are gone (to measure nesting).
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _float(text: str) -> float | _NotFinite:
    value = float(text)
    return value if math.isfinite(value) else _NOT_FINITE


def _int(text: str) -> int | _NotFinite:
    # more digits than a float can hold: Python's int() would also refuse beyond 4300
    return int(text) if len(text.lstrip("-")) <= 300 else _NOT_FINITE


def _constant(text: str) -> _NotFinite:
    return _NOT_FINITE  # NaN, Infinity, -Infinity


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether a JSON text nests arrays and objects deeper than ``limit``, found without parsing
    it (the parser recurses: 100 000 levels end in ``RecursionError``)."""
    depth = 0
    for ch in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        if ch in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _not_finite_places(data: Any) -> list[Place]:
    """Where the reader left ``_NOT_FINITE``, in document order (without recursion)."""
    found: list[Place] = []
    stack: list[tuple[Any, Place]] = [(data, ())]
    while stack:
        value, place = stack.pop()
        if value is _NOT_FINITE:
            found.append(place)
        elif isinstance(value, dict):
            stack.extend(reversed([(v, (*place, str(k))) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(v, (*place, i)) for i, v in enumerate(value)]))
    return found


def read_text(path: str | Path, what: str, limit: int | None = None) -> str:
    """A UTF-8 text file of at most ``limit`` bytes (``MAX_BYTES[what]`` by default): its size
    is checked before it is read, so a huge file costs nothing. ``FormatError`` for a missing,
    unreadable or oversized file, a folder or a device, or text that is not UTF-8."""
    p = Path(path)
    name = f"{what} {p}"
    limit = MAX_BYTES.get(what, max(MAX_BYTES.values())) if limit is None else limit
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder, a pipe, a device: never opened
            raise FormatError(name, [Problem("format.not_a_file")])
        if info.st_size > limit:
            raise FormatError(
                name, [Problem("format.too_large", {"size": info.st_size, "limit": limit})]
            )
        with p.open("rb") as f:
            raw = f.read(limit + 1)
        if len(raw) > limit:  # it grew since stat()
            raise FormatError(
                name, [Problem("format.too_large", {"size": len(raw), "limit": limit})]
            )
        return raw.decode("utf-8-sig")
    except FormatError:
        raise
    except FileNotFoundError:
        raise FormatError(name, [Problem("format.file_not_found")]) from None
    except (IsADirectoryError, NotADirectoryError):
        raise FormatError(name, [Problem("format.not_a_file")]) from None
    except UnicodeDecodeError:
        raise FormatError(name, [Problem("format.not_utf8")]) from None
    except (OSError, ValueError) as e:  # permissions, I/O errors, a name too long or with NUL
        detail = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise FormatError(name, [Problem("format.unreadable", {"detail": detail})]) from None


def loads(text: str, what: str = "document") -> Any:
    """Strict JSON: no NaN or Infinity (not even as ``1e400``), at most ``MAX_DEPTH`` levels."""
    if too_deep(text):
        raise FormatError(what, [Problem("format.too_deep", {"limit": MAX_DEPTH})])
    try:
        data = json.loads(text, parse_float=_float, parse_int=_int, parse_constant=_constant)
    except json.JSONDecodeError as e:
        raise FormatError(what, [json_problem(e)]) from None
    except RecursionError:  # too_deep() should have caught it; never a traceback
        raise FormatError(what, [Problem("format.too_deep", {"limit": MAX_DEPTH})]) from None
    places = _not_finite_places(data)
    if places:
        shown = places[:MAX_PROBLEMS]
        raise FormatError(
            what, [Problem("format.not_finite", place=pl) for pl in shown], len(places) - len(shown)
        )
    return data


def read_json(path: str | Path, what: str) -> Any:
    """A JSON file, within the limits for ``what`` (``MAX_BYTES``, ``MAX_DEPTH``)."""
    return loads(read_text(path, what), f"{what} {Path(path)}")


# --- transcript -------------------------------------------------------------------------------


def parse_transcript(data: Any, what: str = "transcript") -> Transcript:
    c = _Check()
    doc = c.obj(data, ())
    if doc is None:
        c.done(what)
        raise AssertionError  # unreachable: done() raised
    c.header(doc, "forsell-transcript")
    if "utterances" in doc:
        raw = c.lst(doc["utterances"], ("utterances",))
        if not c.at_most(raw, ("utterances",), MAX_UTTERANCES):
            c.done(what)
        utterances = [_utterance(c, u, ("utterances", i)) for i, u in enumerate(raw)]
        count = sum(max(len(u.text.split()), len(u.words)) for u in utterances if u)
        if count > MAX_WORDS:
            c.bad((), "transcript.too_many_words", count=count, limit=MAX_WORDS)
    elif "words" in doc:
        raw = c.lst(doc["words"], ("words",))
        if not c.at_most(raw, ("words",), MAX_WORDS):
            c.done(what)
        utterances = _from_words(c, raw)
    else:
        c.bad((), "transcript.no_utterances")
        utterances = []
    language = doc.get("language")
    if language is not None:
        language = c.text(language, ("language",))
    conf = doc.get("confidence")
    confidence = None if conf is None else c.number(conf, ("confidence",), high=1.0)
    quality = doc.get("audio_quality")
    if quality not in (None, "ok", "bad"):
        c.bad(("audio_quality",), "transcript.audio_quality", got=_kind(quality))
    dur = doc.get("duration")
    duration = None if dur is None else c.number(dur, ("duration",), high=MAX_SECONDS)
    c.done(what)
    return Transcript(tuple(u for u in utterances if u), language, confidence, quality, duration)


def _utterance(c: _Check, raw: Any, where: Place) -> Utterance | None:
    u = c.obj(raw, where)
    if u is None:
        return None
    speaker = c.text(u.get("speaker"), (*where, "speaker"))
    found = len(c.problems) + c.more
    start = c.number(u.get("start"), (*where, "start"), high=MAX_SECONDS)
    end = c.number(u.get("end"), (*where, "end"), high=MAX_SECONDS)
    if end < start and len(c.problems) + c.more == found:  # both times are numbers
        c.bad((*where, "end"), "transcript.end_before_start", end=end, start=start)
    text = c.text(u.get("text", ""), (*where, "text"), empty=True)
    words = []
    raw_words = c.lst(u.get("words", []), (*where, "words"))
    if not c.at_most(raw_words, (*where, "words"), MAX_WORDS):
        raw_words = []
    for j, w in enumerate(raw_words):
        ww = c.obj(w, (*where, "words", j))
        if ww is not None:
            words.append(
                Word(
                    c.text(ww.get("text"), (*where, "words", j, "text")),
                    c.number(ww.get("start"), (*where, "words", j, "start"), high=MAX_SECONDS),
                    c.number(ww.get("end"), (*where, "words", j, "end"), high=MAX_SECONDS),
                )
            )
    if not text and words:
        text = " ".join(w.text for w in words)
    return Utterance(speaker, start, end, text, tuple(words))


def _from_words(c: _Check, raw: list) -> list[Utterance]:
    words: list[tuple[str, Word]] = []
    for i, w in enumerate(raw):
        ww = c.obj(w, ("words", i))
        if ww is None:
            continue
        speaker = ww.get("speaker")
        label = "speaker_0" if speaker is None else c.text(speaker, ("words", i, "speaker"))
        words.append(
            (
                label,
                Word(
                    c.text(ww.get("text"), ("words", i, "text")),
                    c.number(ww.get("start"), ("words", i, "start"), high=MAX_SECONDS),
                    c.number(ww.get("end"), ("words", i, "end"), high=MAX_SECONDS),
                ),
            )
        )
    out: list[Utterance] = []
    group: list[Word] = []
    label = ""
    for speaker, w in words + [("", Word("", float("inf"), float("inf")))]:
        if group and (speaker != label or w.start - group[-1].end > UTTERANCE_PAUSE):
            out.append(
                Utterance(
                    label,
                    group[0].start,
                    group[-1].end,
                    " ".join(x.text for x in group),
                    tuple(group),
                )
            )
            group = []
        label = speaker
        group.append(w)
    return out


def load_transcript(path: str | Path) -> Transcript:
    return parse_transcript(read_json(path, "transcript"), f"transcript {path}")


# --- receipt ----------------------------------------------------------------------------------


def parse_receipt(data: Any, what: str = "receipt") -> Receipt:
    c = _Check()
    doc = c.obj(data, ())
    if doc is None:
        c.done(what)
        raise AssertionError
    c.header(doc, "forsell-receipt")
    origin = (
        _time(c, doc.get("recording_started_at"), ("recording_started_at",))
        if doc.get("recording_started_at") is not None
        else None
    )
    lines = []
    if "lines" not in doc:
        c.bad((), "receipt.no_lines")
    raw_lines = c.lst(doc.get("lines", []), ("lines",))
    if not c.at_most(raw_lines, ("lines",), MAX_LINES):
        c.done(what)
    for i, raw in enumerate(raw_lines):
        where = ("lines", i)
        ln = c.obj(raw, where)
        if ln is None:
            continue
        names_raw = ln.get("names", {})
        names = c.obj(names_raw, (*where, "names")) or {}
        name = ln.get("name") or names.get("ru") or next(iter(names.values()), None)
        name = c.text(name, (*where, "name"))
        added = ln.get("added_at")
        if isinstance(added, str):
            at = 0.0
            if origin is None:
                c.bad((*where, "added_at"), "receipt.time_needs_start")
            else:
                t = _time(c, added, (*where, "added_at"))
                if t is not None and (t.tzinfo is None) != (origin.tzinfo is None):
                    c.bad((*where, "added_at"), "receipt.time_zone_mixed")
                elif t is not None:
                    seconds = (t - origin).total_seconds()
                    at = c.number(seconds, (*where, "added_at"), low=-MAX_SECONDS, high=MAX_SECONDS)
        else:
            at = c.number(added, (*where, "added_at"), low=-MAX_SECONDS, high=MAX_SECONDS)
        total = ln.get("total")
        lines.append(
            ReceiptLine(
                sku=c.text(ln.get("sku"), (*where, "sku")),
                name=name,
                qty=c.number(ln.get("qty", 1), (*where, "qty"), low=0.001, high=MAX_QTY),
                price=c.integer(ln.get("price"), (*where, "price"), high=MAX_TIYN),
                added_at=at,
                category=c.text(ln.get("category", ""), (*where, "category"), empty=True),
                names={str(k): v for k, v in names.items() if isinstance(v, str)},
                total=None
                if total is None
                else c.integer(total, (*where, "total"), low=-MAX_TIYN, high=MAX_TIYN),
            )
        )
    receipt_no = doc.get("receipt_no")
    c.done(what)
    return Receipt(tuple(lines), None if receipt_no is None else str(receipt_no))


def _time(c: _Check, value: Any, where: Place) -> datetime | None:
    try:
        if not isinstance(value, str):
            raise ValueError
        return datetime.fromisoformat(value)
    except (ValueError, OverflowError):
        c.bad(where, "format.not_time", got=_kind(value))
        return None


def load_receipt(path: str | Path) -> Receipt:
    return parse_receipt(read_json(path, "receipt"), f"receipt {path}")


def receipt_catalog(receipt: Receipt) -> Catalog:
    """The receipt's own products, so a product offered and bought is known without a catalog."""
    products = {}
    for ln in receipt.lines:
        names = ln.names or {"ru": ln.name}
        products.setdefault(ln.sku, CatalogProduct(ln.sku, names, ln.category))
    return Catalog(tuple(products.values()))


# --- scorecard --------------------------------------------------------------------------------


def parse_scorecard(data: Any, what: str = "scorecard") -> Scorecard:
    """A scorecard document → ``Scorecard``; every problem is listed in one ``FormatError``."""
    c = _Check()
    doc = c.obj(data, ())
    if doc is None:
        c.done(what)
        raise AssertionError
    c.header(doc, "forsell-scorecard")
    name = c.text(doc.get("name", "scorecard"), ("name",))
    items: list[Item] = []
    ids: set[str] = set()
    raw_items = c.lst(doc.get("items"), ("items",))
    if "items" in doc and not raw_items:
        c.bad(("items",), "scorecard.no_items")
    if not c.at_most(raw_items, ("items",), MAX_ITEMS):
        c.done(what)
    for i, raw in enumerate(raw_items):
        item = _item(c, raw, ("items", i))
        if item is None:
            continue
        if item.id in ids:
            c.bad(("items", i, "id"), "scorecard.id_twice", id=item.id)
        ids.add(item.id)
        items.append(item)
    upsell = c.obj(doc.get("upsell", {}), ("upsell",)) or {}
    cues = _phrases(c, upsell.get("offer_cues", {}), ("upsell", "offer_cues"))
    synonyms: dict[str, tuple[str, ...]] = {}
    for key, phrases in (c.obj(upsell.get("synonyms", {}), ("upsell", "synonyms")) or {}).items():
        where = ("upsell", "synonyms", key)
        if not (key.startswith(("sku:", "category:"))) or key.endswith(":"):
            c.bad(where, "scorecard.synonym_key")
        synonyms[key] = tuple(_phrase_list(c, phrases, where))
    if any(it.detector == "upsell_offer" for it in items) and not cues:
        c.bad(("upsell", "offer_cues"), "scorecard.offer_cues_needed")
    if c.phrases > MAX_PHRASES:  # the one problem worth saying (the rest were not read)
        raise FormatError(
            what,
            [Problem("scorecard.too_many_phrases", {"count": c.phrases, "limit": MAX_PHRASES})],
        )
    c.done(what)
    return Scorecard(name, tuple(items), 1, tuple(p for ps in cues.values() for p in ps), synonyms)


def _item(c: _Check, raw: Any, where: Place) -> Item | None:
    it = c.obj(raw, where)
    if it is None:
        return None
    known = {
        "id",
        "kind",
        "title",
        "phrases",
        "weight",
        "penalty",
        "speaker",
        "window",
        "detector",
        "not_applicable_if",
    }
    for key in sorted(set(it) - known):
        c.bad((*where, key), "format.unknown_field")
    item_id = c.text(it.get("id"), (*where, "id"))
    kind = it.get("kind")
    if kind not in KINDS:
        c.bad((*where, "kind"), "format.one_of", choices=", ".join(KINDS), got=_kind(kind))
    title = {
        str(k): str(v) for k, v in (c.obj(it.get("title", {}), (*where, "title")) or {}).items()
    }
    detector = it.get("detector")
    if detector is not None and detector not in DETECTORS:
        c.bad(
            (*where, "detector"), "format.one_of", choices=", ".join(DETECTORS), got=_kind(detector)
        )
    phrases = _phrases(c, it.get("phrases", {}), (*where, "phrases"))
    if not detector and not any(phrases.values()):
        c.bad((*where, "phrases"), "scorecard.phrases_needed")
    weight = c.integer(it.get("weight", 0), (*where, "weight"), high=MAX_POINTS)
    penalty = c.integer(it.get("penalty", 0), (*where, "penalty"), high=MAX_POINTS)
    if kind in ("required", "bonus") and weight <= 0:
        c.bad((*where, "weight"), f"scorecard.{kind}_weight")
    if kind == "forbidden" and penalty <= 0:
        c.bad((*where, "penalty"), "scorecard.forbidden_penalty")
    if kind in ("forbidden", "fatal") and detector:
        c.bad((*where, "detector"), f"scorecard.{kind}_detector")
    speaker = it.get("speaker", "cashier")
    if speaker not in SPEAKERS:
        c.bad((*where, "speaker"), "format.one_of", choices=", ".join(SPEAKERS), got=_kind(speaker))
    window = None
    if it.get("window") is not None:
        w = c.obj(it["window"], (*where, "window")) or {}
        anchor = w.get("from")
        if anchor not in ANCHORS:
            c.bad((*where, "window", "from"), "scorecard.window_from", got=_kind(anchor))
        seconds = c.number(
            w.get("seconds"), (*where, "window", "seconds"), low=0.1, high=MAX_SECONDS
        )
        window = Window(str(anchor), seconds)
    moot = _phrase_list(c, it.get("not_applicable_if", []), (*where, "not_applicable_if"))
    return Item(
        item_id,
        str(kind),
        title,
        phrases,
        weight,
        penalty,
        str(speaker),
        window,
        detector,
        tuple(moot),
    )


def _phrases(c: _Check, raw: Any, where: Place) -> dict[str, tuple[str, ...]]:
    doc = c.obj(raw, where) or {}
    return {str(lang): tuple(_phrase_list(c, v, (*where, lang))) for lang, v in doc.items()}


def _phrase_list(c: _Check, raw: Any, where: Place) -> list[str]:
    out: list[str] = []
    phrases = c.lst(raw, where)
    c.phrases += len(phrases)
    if c.phrases > MAX_PHRASES:
        return out  # counted, not compiled: parse_scorecard reports the total
    for i, p in enumerate(phrases):
        text = c.text(p, (*where, i))
        if not text:
            continue
        try:
            Pattern.compile(text)
        except ValueError:
            c.bad((*where, i), "format.no_words", phrase=text)
            continue
        out.append(text)
    return out


def load_scorecard(path: str | Path) -> Scorecard:
    return parse_scorecard(read_json(path, "scorecard"), f"scorecard {path}")


# --- catalog ----------------------------------------------------------------------------------


def parse_catalog(data: Any, what: str = "catalog") -> Catalog:
    """``{"products": [{"sku", "names": {"ru",…}, "category", "category_names", "synonyms"}],
    "category_synonyms": {"Выпечка": ["булочки"]}}``."""
    c = _Check()
    doc = c.obj(data, ()) or {}
    products = []
    raw_products = c.lst(doc.get("products"), ("products",))
    if not c.at_most(raw_products, ("products",), MAX_PRODUCTS):
        c.done(what)
    for i, raw in enumerate(raw_products):
        where = ("products", i)
        p = c.obj(raw, where)
        if p is None:
            continue
        names = {
            str(k): c.text(v, (*where, "names", k))
            for k, v in (c.obj(p.get("names"), (*where, "names")) or {}).items()
        }
        if not names:
            c.bad((*where, "names"), "catalog.no_name")
        cat_names = {
            str(k): c.text(v, (*where, "category_names", k))
            for k, v in (
                c.obj(p.get("category_names", {}), (*where, "category_names")) or {}
            ).items()
        }
        products.append(
            CatalogProduct(
                c.text(p.get("sku"), (*where, "sku")),
                names,
                c.text(p.get("category", ""), (*where, "category"), empty=True),
                tuple(cat_names.values()),
                tuple(_phrase_list(c, p.get("synonyms", []), (*where, "synonyms"))),
            )
        )
    cat_syn = {
        str(k): tuple(_phrase_list(c, v, ("category_synonyms", k)))
        for k, v in (c.obj(doc.get("category_synonyms", {}), ("category_synonyms",)) or {}).items()
    }
    c.done(what)
    return Catalog(tuple(products), cat_syn)


def load_catalog(path: str | Path) -> Catalog:
    """A catalog JSON file, or a catalog CSV in the till's export format (``sku,name_ru,
    name_kk,name_en,category_ru,category_kk,category_en,…``, optional ``synonyms`` with ``|``)."""
    p = Path(path)
    if p.suffix.lower() != ".csv":
        return parse_catalog(read_json(p, "catalog"), f"catalog {p}")
    text = read_text(p, "catalog")
    rows: list[dict[str | Any, str | Any]] = []
    try:
        for row in csv.DictReader(io.StringIO(text, newline="")):
            rows.append(row)
            if len(rows) > MAX_PRODUCTS:
                raise FormatError(
                    f"catalog {p}",
                    [Problem("format.too_many", {"count": len(rows), "limit": MAX_PRODUCTS})],
                )
    except csv.Error as e:
        raise FormatError(f"catalog {p}", [Problem("format.not_csv", {"detail": str(e)})]) from None
    if rows and not {"sku", "name_ru"} <= set(rows[0]):
        raise FormatError(f"catalog {p}", [Problem("catalog.columns")])
    products = []
    for row in rows:
        if not isinstance(row.get("sku"), str) or not row["sku"]:
            continue  # a short row, or one without an SKU: nothing to link it to
        names = {
            lang: row[f"name_{lang}"] for lang in ("ru", "kk", "en") if row.get(f"name_{lang}")
        }
        cats = tuple(
            row[f"category_{lang}"] for lang in ("ru", "kk", "en") if row.get(f"category_{lang}")
        )
        synonyms = tuple(s.strip() for s in (row.get("synonyms") or "").split("|") if s.strip())
        products.append(CatalogProduct(row["sku"], names, cats[0] if cats else "", cats, synonyms))
    return Catalog(tuple(products))
