"""Problems in files, formats and the platform, as data: a code, its parameters and the place.

The core never words a problem for a person. It reports ``Problem("csv.not_amount",
{"text": "сто"}, line=4, column="price")``; ``ui/`` and the CLI look the code up in their own
catalogs and say it in the user's language. ``str(problem)`` is an English fallback for logs and
for machine output (``forsell-cashier score``), built from :data:`PROBLEMS`.

Every code the core can report is declared here, once, so that a test can check that each one
is translated wherever problems are shown.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: A place inside a structured document: keys and list indexes, ``("items", 2, "weight")``.
Place = tuple[str | int, ...]

#: Parameters that only the English fallback shows: a description of a wrong value in English
#: words (``got``) or a library's own English message (``detail``). Translations leave them out.
ENGLISH_ONLY = frozenset({"got", "detail"})

#: code → English fallback (``str.format`` placeholders name the parameters).
PROBLEMS: Mapping[str, str] = MappingProxyType(
    {
        # any structured document (transcript, receipt, scorecard, catalog JSON)
        "format.file_not_found": "file not found",
        "format.not_utf8": "not UTF-8 text",
        "format.not_json": "not valid JSON at line {line} column {column}: {detail}",
        "format.wrong_format": "expected {expected!r}, got {got}",
        "format.version": "version {version!r} is not supported (only 1)",
        "format.not_object": "expected an object, got {got}",
        "format.not_list": "expected a list, got {got}",
        "format.not_text": "expected a string, got {got}",
        "format.empty_text": "expected a non-empty string, got {got}",
        "format.not_number": "expected a number, got {got}",
        "format.not_whole": "expected a whole number, got {got}",
        "format.below": "{value} is below {low}",
        "format.above": "{value} is above {high}",
        "format.not_time": "expected an ISO 8601 time, got {got}",
        "format.one_of": "expected one of {choices}, got {got}",
        "format.unknown_field": "unknown field",
        "format.no_words": "{phrase!r} has no words to match",
        "format.not_a_file": "not a file (a folder?)",
        "format.unreadable": "cannot be read: {detail}",
        "format.too_large": "the file is {size} bytes, over the limit of {limit} bytes",
        "format.too_deep": "nested deeper than {limit} levels",
        "format.not_finite": "not a finite number (NaN, Infinity or too large)",
        "format.too_many": "{count} entries, at most {limit} are allowed",
        "format.not_csv": "not valid CSV: {detail}",
        # transcript
        "transcript.no_utterances": 'needs "utterances" (or a recogniser\'s "words" list)',
        "transcript.end_before_start": "{end} is before start {start}",
        "transcript.audio_quality": 'expected "ok" or "bad", got {got}',
        "transcript.too_many_words": "{count} words, at most {limit} are allowed",
        # receipt
        "receipt.no_lines": 'needs "lines"',
        "receipt.time_needs_start": 'a time of day needs "recording_started_at"',
        "receipt.time_zone_mixed": "a time with a time zone and one without cannot be compared",
        # scorecard
        "scorecard.no_items": "a scorecard needs at least one item",
        "scorecard.id_twice": "{id!r} is used twice",
        "scorecard.phrases_needed": "an item needs phrases (or a detector)",
        "scorecard.required_weight": "a required item needs a weight above 0",
        "scorecard.bonus_weight": "a bonus item needs a weight above 0",
        "scorecard.forbidden_penalty": "a forbidden item needs a penalty above 0",
        "scorecard.forbidden_detector": "a forbidden item cannot use a detector",
        "scorecard.fatal_detector": "a fatal item cannot use a detector",
        "scorecard.window_from": 'expected "start" or "end", got {got}',
        "scorecard.synonym_key": 'a key is "sku:<SKU>" or "category:<category>"',
        "scorecard.offer_cues_needed": "an upsell_offer item needs offer cues",
        "scorecard.too_many_phrases": "{count} phrases, at most {limit} are allowed",
        # the scorer's catalog (JSON or the till's CSV)
        "catalog.no_name": "a product needs at least one name",
        "catalog.columns": "needs the columns sku and name_ru",
        # the till's catalog CSV import: one problem per bad row (line, column)
        "csv.missing_columns": "missing columns: {columns}",
        "csv.empty": "empty",
        "csv.barcode_digits": "{barcode!r} is not digits",
        "csv.sku_repeats": "{sku} repeats line {first}",
        "csv.barcode_repeats": "{barcode} repeats line {first}",
        "csv.not_amount": "{text!r} is not an amount",
        "csv.price_not_positive": "must be above zero",
        "csv.price_too_large": "{text!r} is more than a till can take ({max})",
        "csv.vat": "{text!r} is not 0–100",
        "csv.unit": "{text!r} is not pcs or kg",
        "csv.favourite": "{text!r} is not 1/0",
        "csv.synonyms": "at most {count}, each up to {length} letters",
        "csv.barcode_taken": "{barcode} belongs to {sku}",
        "csv.unknown_column": "{name!r} is not a catalog column",
        "csv.column_repeats": "column {name} appears twice",
        "csv.extra_fields": "{count} fields, the header has {columns}",
        "csv.control_char": "contains the control character {char}",
        "csv.too_long": "{length} characters, at most {limit}",
        "csv.field_over_limit": "a field is longer than {limit} characters, the row cannot "
        "be read ({detail})",
        # the OS secret store: what is wrong, said as how to fix it
        "secret_store.no_backend": "no secret store found: run the till in a desktop session with "
        "GNOME Keyring or KWallet (Linux), or install gnome-keyring",
        "secret_store.insecure_backend": "the keyring backend keeps secrets in a plain file: "
        "uninstall keyrings.alt and use the system secret store",
        "secret_store.locked": "the secret store is locked: log in to the desktop session "
        "(unlocks it)",
        "secret_store.error": "the secret store failed; run `forsell-cashier doctor`",
        # the receipt printer: what went wrong with a print job (the sale is complete anyway)
        "printer.not_set": "no receipt printer is set up (Settings & staff → Printer)",
        "printer.address": "{text!r} is not a printer address: use host:9100, usb:VID:PID, "
        "serial:DEVICE:BAUD or file:PATH",
        "printer.offline": "the printer at {where} does not answer: is it on and connected? "
        "({detail})",
        "printer.timeout": "the printer at {where} stopped answering for {seconds} s",
        "printer.closed": "the printer at {where} dropped the connection before the receipt "
        "was complete",
        "printer.paper_out": "the printer at {where} is out of paper",
        "printer.unplugged": "the printer {where} cannot be opened: is it plugged in? ({detail})",
        # the catalog CSV's options cell (product options: milk, syrup, size)
        "csv.options_syntax": "“{part}” is not a group “Name [1]: option +200, option” "
        "or an option “name +200 #SKU”",
        "csv.options_names": "“{part}”: names are Russian/Kazakh/English, without ; , : [ ] # *",
        "csv.options_amount": "“{text}” is not a price change: write +200, -150 or +2.50",
        "csv.options_limits": "{group}: cannot choose from {min} to {max} of {count} options",
        "csv.options_too_many_groups": "more than {max} option groups",
    }
)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses (``"{text!r} is …"`` → ``{"text"}``)."""
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


def translated_params(code: str) -> set[str]:
    """The parameters every translation of ``code`` must show: all but the English-only ones."""
    return placeholders(PROBLEMS[code]) - ENGLISH_ONLY


def place_text(place: Place) -> str:
    """``("items", 2, "weight")`` → ``items[2].weight``, the JSON path as people write it."""
    text = ""
    for part in place:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong. ``place``: where in a structured document; ``line``/``column``: where in
    a text file (CSV). ``params`` fill the code's sentence; values are data, never words."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    place: Place = ()
    line: int | None = None
    column: str | None = None

    def __post_init__(self) -> None:
        if self.code not in PROBLEMS:
            raise ValueError(f"undeclared problem code {self.code!r}")
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __hash__(self) -> int:
        return hash(
            (
                self.code,
                self.place,
                self.line,
                self.column,
                tuple(sorted((k, repr(v)) for k, v in self.params.items())),
            )
        )

    @property
    def where(self) -> str:
        """The place in English: ``items[2].weight`` or ``line 4, column price``."""
        if self.line is not None:
            return f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return place_text(self.place)

    @property
    def message(self) -> str:
        """The English sentence without the place (the fallback every catalog starts from)."""
        return PROBLEMS[self.code].format_map(_Missing(self.params))

    def to_dict(self) -> dict[str, object]:
        """For JSON output: the code, its parameters, the place and the English message."""
        out: dict[str, object] = {
            "code": self.code,
            "params": dict(self.params),
            "place": list(self.place),
            "where": self.where,
            "message": self.message,
        }
        if self.line is not None:
            out["line"] = self.line
        if self.column is not None:
            out["column"] = self.column
        return out

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message}" if where else self.message


class _Missing(dict[str, object]):
    """Format parameters where a missing one shows as its name instead of failing: a fallback
    for logs must never raise while reporting another error."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
