"""The documented file formats (``resources/scorecards/README.md``): transcript, receipt,
scorecard and catalog JSON, read and validated with errors that say where and what is wrong.

Problems are data (``domain.problems.Problem``: a code, its parameters, the JSON path), never
sentences: ``ui/`` and the CLI word them in the user's language."""

from __future__ import annotations

import csv
import json
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


class FormatError(ValueError):
    """A file that is not what its format says. ``problems``: every thing wrong, as data
    (``domain.problems.Problem``: code, parameters, place); ``what`` names the document and its
    file in English for logs (``scorecard /path/card.json``)."""

    def __init__(self, what: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.what = what
        self.problems = tuple(problems)
        super().__init__(f"{what}: " + "; ".join(map(str, self.problems)))


class _Check:
    """Collects every problem in a document instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def bad(self, where: Place, code: str, **params: object) -> None:
        self.problems.append(Problem(code, params, where))

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
        if low is not None and value < low:
            self.bad(where, "format.below", value=value, low=low)
        elif high is not None and value > high:
            self.bad(where, "format.above", value=value, high=high)
        return float(value)

    def integer(self, value: Any, where: Place, *, low: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(where, "format.not_whole", got=_kind(value))
            return 0
        if value < low:
            self.bad(where, "format.below", value=value, low=low)
        return value

    def header(self, data: dict, fmt: str) -> None:
        if "format" in data and data["format"] != fmt:
            self.bad(("format",), "format.wrong_format", expected=fmt, got=repr(data["format"]))
        if "version" in data and data["version"] != 1:
            self.bad(("version",), "format.version", version=data["version"])

    def done(self, what: str) -> None:
        if self.problems:
            raise FormatError(what, self.problems)


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


def read_json(path: str | Path, what: str) -> Any:
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FormatError(f"{what} {p}", [Problem("format.file_not_found")]) from None
    except UnicodeDecodeError:
        raise FormatError(f"{what} {p}", [Problem("format.not_utf8")]) from None
    except json.JSONDecodeError as e:
        raise FormatError(f"{what} {p}", [json_problem(e)]) from None


# --- transcript -------------------------------------------------------------------------------


def parse_transcript(data: Any, what: str = "transcript") -> Transcript:
    c = _Check()
    doc = c.obj(data, ())
    if doc is None:
        c.done(what)
        raise AssertionError  # unreachable: done() raised
    c.header(doc, "forsell-transcript")
    if "utterances" in doc:
        utterances = [
            _utterance(c, u, ("utterances", i))
            for i, u in enumerate(c.lst(doc["utterances"], ("utterances",)))
        ]
    elif "words" in doc:
        utterances = _from_words(c, c.lst(doc["words"], ("words",)))
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
    duration = None if dur is None else c.number(dur, ("duration",))
    c.done(what)
    return Transcript(tuple(u for u in utterances if u), language, confidence, quality, duration)


def _utterance(c: _Check, raw: Any, where: Place) -> Utterance | None:
    u = c.obj(raw, where)
    if u is None:
        return None
    speaker = c.text(u.get("speaker"), (*where, "speaker"))
    start = c.number(u.get("start"), (*where, "start"))
    end = c.number(u.get("end"), (*where, "end"))
    if end < start:
        c.bad((*where, "end"), "transcript.end_before_start", end=end, start=start)
    text = c.text(u.get("text", ""), (*where, "text"), empty=True)
    words = []
    for j, w in enumerate(c.lst(u.get("words", []), (*where, "words"))):
        ww = c.obj(w, (*where, "words", j))
        if ww is not None:
            words.append(
                Word(
                    c.text(ww.get("text"), (*where, "words", j, "text")),
                    c.number(ww.get("start"), (*where, "words", j, "start")),
                    c.number(ww.get("end"), (*where, "words", j, "end")),
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
                    c.number(ww.get("start"), ("words", i, "start")),
                    c.number(ww.get("end"), ("words", i, "end")),
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
    for i, raw in enumerate(c.lst(doc.get("lines", []), ("lines",))):
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
            if origin is None:
                c.bad((*where, "added_at"), "receipt.time_needs_start")
                at = 0.0
            else:
                t = _time(c, added, (*where, "added_at"))
                at = (t - origin).total_seconds() if t and origin else 0.0
        else:
            at = c.number(added, (*where, "added_at"), low=None)
        total = ln.get("total")
        lines.append(
            ReceiptLine(
                sku=c.text(ln.get("sku"), (*where, "sku")),
                name=name,
                qty=c.number(ln.get("qty", 1), (*where, "qty"), low=0.001),
                price=c.integer(ln.get("price"), (*where, "price")),
                added_at=at,
                category=c.text(ln.get("category", ""), (*where, "category"), empty=True),
                names={str(k): v for k, v in names.items() if isinstance(v, str)},
                total=None if total is None else c.integer(total, (*where, "total"), low=-MAX_TIYN),
            )
        )
    receipt_no = doc.get("receipt_no")
    c.done(what)
    return Receipt(tuple(lines), None if receipt_no is None else str(receipt_no))


def _time(c: _Check, value: Any, where: Place) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
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
    weight = c.integer(it.get("weight", 0), (*where, "weight"))
    penalty = c.integer(it.get("penalty", 0), (*where, "penalty"))
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
        seconds = c.number(w.get("seconds"), (*where, "window", "seconds"), low=0.1)
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
    out = []
    for i, p in enumerate(c.lst(raw, where)):
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
    for i, raw in enumerate(c.lst(doc.get("products"), ("products",))):
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
    try:
        with p.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        raise FormatError(f"catalog {p}", [Problem("format.file_not_found")]) from None
    if rows and not {"sku", "name_ru"} <= set(rows[0]):
        raise FormatError(f"catalog {p}", [Problem("catalog.columns")])
    products = []
    for row in rows:
        names = {
            lang: row[f"name_{lang}"] for lang in ("ru", "kk", "en") if row.get(f"name_{lang}")
        }
        cats = tuple(
            row[f"category_{lang}"] for lang in ("ru", "kk", "en") if row.get(f"category_{lang}")
        )
        synonyms = tuple(s.strip() for s in (row.get("synonyms") or "").split("|") if s.strip())
        products.append(CatalogProduct(row["sku"], names, cats[0] if cats else "", cats, synonyms))
    return Catalog(tuple(products))
