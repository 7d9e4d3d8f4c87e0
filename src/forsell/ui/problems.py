"""Problems in files and formats (``domain.problems.Problem``) in the user's language.

The core reports a code, its parameters and the place; only here does a code become a sentence.
A code missing from the table below is shown in its English fallback, so nothing is hidden, and
a test checks that every code the core declares is here, with the same placeholders.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from forsell.domain.problems import Problem

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


def texts() -> dict[str, str]:
    """code → translated sentence with ``{param}`` placeholders. Built on each call so that a
    language switch takes effect at once."""
    return {
        "format.file_not_found": translate("problems", "the file is not there"),
        "format.not_utf8": translate("problems", "the file is not UTF-8 text"),
        "format.not_json": translate("problems", "not valid JSON at line {line}, column {column}"),
        "format.wrong_format": translate("problems", "must be “{expected}”"),
        "format.version": translate(
            "problems", "version {version} is not supported: only version 1 is"
        ),
        "format.not_object": translate("problems", "must be an object"),
        "format.not_list": translate("problems", "must be a list"),
        "format.not_text": translate("problems", "must be text"),
        "format.empty_text": translate("problems", "must not be empty"),
        "format.not_number": translate("problems", "must be a number"),
        "format.not_whole": translate("problems", "must be a whole number"),
        "format.below": translate("problems", "{value} is less than {low}"),
        "format.above": translate("problems", "{value} is more than {high}"),
        "format.not_time": translate(
            "problems", "must be a date and time, e.g. 2025-03-01T10:00:00+05:00"
        ),
        "format.one_of": translate("problems", "choose one of: {choices}"),
        "format.unknown_field": translate("problems", "unknown field"),
        "format.no_words": translate("problems", "“{phrase}” has no words to match"),
        "format.not_a_file": translate("problems", "this is not a file (a folder?)"),
        "format.unreadable": translate(
            "problems", "the file cannot be read (check its permissions)"
        ),
        "format.too_large": translate(
            "problems", "the file is {size} bytes, more than the {limit} bytes allowed"
        ),
        "format.too_deep": translate("problems", "nested deeper than {limit} levels"),
        "format.not_finite": translate(
            "problems", "must be a finite number (not NaN, Infinity or a number this large)"
        ),
        "format.too_many": translate("problems", "{count} entries, at most {limit} are allowed"),
        "format.not_csv": translate("problems", "not a valid CSV file"),
        "transcript.no_utterances": translate(
            "problems", "the transcript needs “utterances” (or a recogniser's “words” list)"
        ),
        "transcript.end_before_start": translate(
            "problems", "ends at {end} s, before it starts at {start} s"
        ),
        "transcript.audio_quality": translate("problems", "must be “ok” or “bad”"),
        "transcript.too_many_words": translate(
            "problems", "{count} words, at most {limit} are allowed"
        ),
        "receipt.no_lines": translate("problems", "the receipt needs “lines”"),
        "receipt.time_needs_start": translate(
            "problems", "a time of day needs “recording_started_at”"
        ),
        "receipt.time_zone_mixed": translate(
            "problems",
            "a time with a zone and one without cannot be compared: add a zone, e.g. +05:00",
        ),
        "scorecard.no_items": translate("problems", "add at least one item"),
        "scorecard.id_twice": translate("problems", "“{id}” is already the ID of another item"),
        "scorecard.phrases_needed": translate(
            "problems", "add at least one phrase (or let the upsell detector decide)"
        ),
        "scorecard.required_weight": translate(
            "problems", "a required item needs more than 0 points"
        ),
        "scorecard.bonus_weight": translate("problems", "a bonus item needs more than 0 points"),
        "scorecard.forbidden_penalty": translate(
            "problems", "a forbidden item needs a penalty above 0"
        ),
        "scorecard.forbidden_detector": translate(
            "problems", "a forbidden item cannot use the upsell detector"
        ),
        "scorecard.fatal_detector": translate(
            "problems", "a fatal item cannot use the upsell detector"
        ),
        "scorecard.window_from": translate("problems", "choose the start or the end"),
        "scorecard.synonym_key": translate(
            "problems", "write sku:<SKU> or category:<category name>"
        ),
        "scorecard.offer_cues_needed": translate(
            "problems", "the upsell offer item needs offer cues (tab “Upsell offers”)"
        ),
        "scorecard.too_many_phrases": translate(
            "problems", "{count} phrases, at most {limit} are allowed"
        ),
        "catalog.no_name": translate("problems", "a product needs at least one name"),
        "catalog.columns": translate("problems", "the file needs the columns sku and name_ru"),
        "csv.missing_columns": translate("problems", "columns are missing: {columns}"),
        "csv.empty": translate("problems", "is empty: fill it in"),
        "csv.barcode_digits": translate("problems", "“{barcode}” is not a barcode: digits only"),
        "csv.sku_repeats": translate("problems", "SKU {sku} is already on line {first}"),
        "csv.barcode_repeats": translate(
            "problems", "barcode {barcode} is already on line {first}"
        ),
        "csv.not_amount": translate(
            "problems", "“{text}” is not an amount: type digits, e.g. 1250 or 1250,50"
        ),
        "csv.price_not_positive": translate("problems", "the price must be more than zero"),
        "csv.price_too_large": translate(
            "problems", "“{text}” is more than a till can take ({max})"
        ),
        "csv.vat": translate("problems", "“{text}” is not a VAT rate from 0 to 100 %"),
        "csv.unit": translate("problems", "“{text}” is not a unit: write pcs or kg"),
        "csv.favourite": translate("problems", "“{text}” is not 1 or 0"),
        "csv.synonyms": translate(
            "problems", "at most {count} synonyms, each up to {length} letters"
        ),
        "csv.barcode_taken": translate("problems", "barcode {barcode} already belongs to {sku}"),
        "csv.unknown_column": translate(
            "problems", "“{name}” is not a catalog column: remove it or correct its name"
        ),
        "csv.column_repeats": translate("problems", "the column {name} appears twice"),
        "csv.extra_fields": translate(
            "problems", "{count} fields, but the header has only {columns} columns"
        ),
        "csv.control_char": translate(
            "problems", "contains the control character {char}: remove it"
        ),
        "csv.too_long": translate("problems", "{length} characters, at most {limit} are allowed"),
        "csv.field_over_limit": translate(
            "problems", "a field is longer than {limit} characters, so the row cannot be read"
        ),
        "csv.options_syntax": translate(
            "problems",
            "“{part}” is neither a group “Name [1]: option +200, option” "
            "nor an option “name +200 #SKU”",
        ),
        "csv.options_names": translate(
            "problems", "“{part}”: names are Russian/Kazakh/English, without ; , : [ ] # *"
        ),
        "csv.options_amount": translate(
            "problems", "“{text}” is not a price change: write +200, -150 or +2.50"
        ),
        "csv.options_limits": translate(
            "problems", "{group}: cannot choose from {min} to {max} of {count} options"
        ),
        "csv.options_too_many_groups": translate("problems", "more than {max} option groups"),
        "secret_store.no_backend": translate(
            "problems",
            "no secret store was found. Run the till in a desktop session with "
            "GNOME Keyring or KWallet, or install gnome-keyring.",
        ),
        "secret_store.insecure_backend": translate(
            "problems",
            "the keyring keeps secrets in a plain file. Uninstall keyrings.alt and "
            "use the system secret store.",
        ),
        "secret_store.locked": translate(
            "problems", "the secret store is locked. Log in to the desktop session to unlock it."
        ),
        "secret_store.error": translate(
            "problems", "the secret store failed. Run “forsell-cashier doctor” to find out why."
        ),
        "printer.not_set": translate(
            "problems",
            "no receipt printer is set up: give its address in Settings & staff → Printer",
        ),
        "printer.address": translate(
            "problems",
            "“{text}” is not a printer address: use host:9100, usb:VID:PID, "
            "serial:DEVICE:BAUD or file:PATH",
        ),
        "printer.offline": translate(
            "problems", "the printer at {where} does not answer: is it switched on and connected?"
        ),
        "printer.timeout": translate(
            "problems", "the printer at {where} stopped answering for {seconds} s"
        ),
        "printer.closed": translate(
            "problems",
            "the printer at {where} dropped the connection before the receipt was complete",
        ),
        "printer.paper_out": translate(
            "problems", "the printer at {where} is out of paper: load a new roll"
        ),
        "printer.unplugged": translate(
            "problems", "the printer {where} cannot be opened: is it plugged in?"
        ),
    }


def problem_text(problem: Problem) -> str:
    """What is wrong, in the user's language, without the place."""
    template = texts().get(problem.code)
    if template is None:
        return problem.message
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return problem.message


def line_text(problem: Problem) -> str:
    """Where a problem of a text file is (``line 4, column “price”``), in the user's language;
    the JSON path for a structured document (it names fields, which stay as written)."""
    if problem.line is None:
        return problem.where
    if problem.column:
        return translate("problems", "line {line}, column “{column}”").format(
            line=problem.line, column=problem.column
        )
    return translate("problems", "line {line}").format(line=problem.line)


def describe(problem: Problem) -> str:
    """Place and problem in one line: ``line 4, column “price”: “сто” is not an amount…``."""
    where = line_text(problem)
    text = problem_text(problem)
    return f"{where}: {text}" if where else text
