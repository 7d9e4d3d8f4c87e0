"""Turns the core's message keys into sentences in the cashier's language.

The core raises ``CashierError(key, …, **params)``; only here does a key become text. Every
sentence says what happened and what to do. A parameter that is itself a ``Problem`` (the secret
store's "how to fix it") is put into the sentence in the same language, never in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_number
from forsell.domain.problems import Problem
from forsell.domain.settings import CONTEXT, REGISTRY

from .problems import problem_text

_MONEY_PARAMS = {"tendered", "due", "expected", "tiyn"}


translate = QCoreApplication.translate  # lupdate finds translate("context", "text") literals


def _t(text: str) -> str:
    return translate("messages", text)


def _texts() -> dict[str, str]:
    # Built on each call so that a language switch takes effect at once.
    return {
        "money.invalid": translate(
            "messages", "“{text}” is not an amount. Type digits, e.g. 1250 or 1250,50."
        ),
        "money.out_of_range": translate("messages", "That amount is too large."),
        "discount.negative": translate("messages", "A discount cannot be negative."),
        "discount.over_100": translate("messages", "A discount cannot be more than 100 %."),
        "qty.not_positive": translate("messages", "The quantity must be more than zero."),
        "qty.not_whole": translate("messages", "Pieces are sold in whole numbers."),
        "qty.too_many": translate(
            "messages", "More than {max} pieces on one line: check the quantity."
        ),
        "qty.too_heavy": translate("messages", "More than {max} kg: check the weight."),
        "cart.total_too_large": translate("messages", "The receipt total would be too large."),
        "payment.short": translate("messages", "Tendered {tendered} is less than {due} due."),
        "payment.card_over_total": translate("messages", "The card amount is more than the total."),
        "payment.cash_not_needed": translate(
            "messages", "The card already covers the total; no cash is needed."
        ),
        "pay.empty": translate("messages", "The cart is empty: scan an item first."),
        "storage.disk_full": translate(
            "messages",
            "The disk of this till is full, so nothing was saved. Free some space or call support, then try again.",
        ),
        "storage.locked": translate(
            "messages",
            "The database is busy (another program is using it), so nothing was saved. Try again in a moment; if it repeats, close the other program.",
        ),
        "storage.read_only": translate(
            "messages",
            "The database cannot be written (the file or its folder is read-only), so nothing was saved. Call support.",
        ),
        "storage.damaged": translate(
            "messages",
            "The database is damaged, so nothing was saved. Stop selling on this till and call support: it must be restored from a backup copy.",
        ),
        "storage.io": translate(
            "messages",
            "The disk reported an error, so nothing was saved. Try again; if it repeats, call support.",
        ),
        "pin.format": translate("messages", "A PIN has 4 to 8 digits."),
        "login.unknown": translate("messages", "This employee is not active any more."),
        "login.wrong_pin": translate("messages", "Wrong PIN. {left} attempts left."),
        "login.locked": translate(
            "messages", "Too many wrong PINs. Locked until {until}; ask a supervisor."
        ),
        "override.wrong_pin": translate("messages", "That is not a supervisor's PIN."),
        "override.locked": translate(
            "messages", "Too many wrong PINs in a row: approvals are locked until {until}."
        ),
        "admin_pin.wrong": translate("messages", "That is not an admin's PIN."),
        "admin_pin.locked": translate(
            "messages", "Too many wrong admin PINs in a row: locked until {until}."
        ),
        "scan.unknown": translate(
            "messages", "Unknown barcode {code}. Find the item by name below."
        ),
        "scan.needs_weight": translate(
            "messages", "{name} is sold by weight: pick it and enter the weight."
        ),
        "scan.needs_options": translate("messages", "Choose the options of {name}."),
        "options.required": translate("messages", "Choose “{group}” first."),
        "options.too_many_chosen": translate(
            "messages", "At most {max} can be chosen in “{group}”."
        ),
        "options.unknown": translate(
            "messages", "That option is no longer in the catalog: choose again."
        ),
        "options.price_not_positive": translate(
            "messages", "With these options nothing is left to pay: choose others."
        ),
        "options.bad_limits": translate(
            "messages", "An option group asks for {min} to {max} of its {count} options."
        ),
        "options.too_many": translate("messages", "More than {max} options in one group."),
        "shift.not_open": translate("messages", "No shift is open. Open a shift first (F9)."),
        "shift.already_open": translate("messages", "A shift is already open on this till."),
        "shift.unknown": translate("messages", "That shift does not exist."),
        "cash.zero": translate("messages", "Enter an amount."),
        "cash.reason": translate("messages", "Write down the reason."),
        "cash.out_exceeds_drawer": translate("messages", "The drawer should hold only {expected}."),
        "park.empty": translate("messages", "Nothing to park: the cart is empty."),
        "park.cart_not_empty": translate("messages", "Finish or park the current sale first."),
        "park.unknown": translate("messages", "That parked sale was already recalled."),
        "refund.bad_query": translate(
            "messages", "“{q}” is not a receipt number. Scan the receipt or type its number."
        ),
        "refund.not_found": translate("messages", "No receipt {q} on this till."),
        "journal.not_found": translate(
            "messages", "That receipt is not on this till. Search the journal again."
        ),
        "refund.method": translate("messages", "Choose how the money goes back: cash or card."),
        "refund.nothing": translate("messages", "Choose what to refund."),
        "refund.qty_not_positive": translate(
            "messages", "The refund quantity must be more than zero."
        ),
        "refund.too_much": translate(
            "messages", "That is more than is left to refund on this line."
        ),
        "refund.line_unknown": translate("messages", "That line is not on this receipt."),
        "refund.card_over_paid": translate(
            "messages", "More than was paid by card: refund the rest in cash."
        ),
        "void.unknown": translate("messages", "This sale does not exist or is already voided."),
        "void.other_shift": translate(
            "messages", "Only sales of the open shift can be voided; make a refund instead."
        ),
        "void.refunded": translate(
            "messages", "This sale has refunds; refund the rest instead of voiding."
        ),
        "product.incomplete": translate("messages", "SKU and Russian name are required."),
        "product.vat": translate("messages", "VAT must be between 0 and 100 %."),
        "product.price": translate("messages", "The price must be more than zero."),
        "product.duplicate": translate("messages", "This SKU or barcode is already used by {sku}."),
        "product.unknown": translate("messages", "This product no longer exists."),
        "product.synonyms": translate("messages", "At most {count} synonyms per product."),
        "product.synonym_long": translate(
            "messages", "A synonym is longer than {count} letters: shorten it."
        ),
        "product.barcode": translate(
            "messages", "A barcode has digits 0–9 only: no letters, spaces or dashes."
        ),
        "product.too_long": translate(
            "messages", "“{text}…” is too long: at most {limit} characters."
        ),
        "product.control_char": translate(
            "messages",
            "A name, code or synonym contains an invisible control character ({char}): "
            "type it again.",
        ),
        "csv.unreadable": translate("messages", "Cannot read {path}: {error}"),
        "csv.not_utf8": translate(
            "messages", "{path} is not UTF-8 text. Save it as “CSV UTF-8” and import it again."
        ),
        "csv.not_found": translate("messages", "There is no file {path}."),
        "csv.no_access": translate(
            "messages",
            "This user may not read {path}. Copy the file to "
            "your home folder and import it from there.",
        ),
        "admin.only": translate("messages", "Only an admin can do this."),
        "supervisor.only": translate("messages", "Only a supervisor or an admin can do this."),
        "login.required": translate("messages", "Sign in first."),
        "privacy.subject_blocked": translate(
            "messages",
            "This conversation is blocked at the request of the person recorded; "
            "only an admin can play it.",
        ),
        "privacy.policy_not_in_force": translate(
            "messages",
            "A newer version of the privacy policy ({in_force}) has arrived. "
            "Read it and accept that one.",
        ),
        # data-subject requests (the admin's requests screen)
        "privacy.requester_missing": translate("messages", "Say who made the request."),
        "privacy.subject_unknown": translate(
            "messages",
            "Say whom the request is about: an employee, a receipt, a time window or words.",
        ),
        "privacy.bad_date": translate("messages", "“{value}” is not a date."),
        "privacy.request_unknown": translate(
            "messages", "There is no such request. Reopen the list and choose it again."
        ),
        "privacy.employee_unknown": translate("messages", "No employee is called {name}."),
        "privacy.employee_ambiguous": translate(
            "messages", "{count} employees are called {name}: choose the employee from the list."
        ),
        "privacy.vault_needed": translate(
            "messages",
            "The recordings' keys are not available, so transcripts cannot be searched and audio "
            "cannot be exported. Check the secret store (Settings → Recording).",
        ),
        "privacy.export_exists": translate(
            "messages", "{path} exists already: choose another folder. Nothing was written."
        ),
        "privacy.file_exists": translate(
            "messages", "{path} exists already: choose a new file name. Nothing was written."
        ),
        "privacy.folder_missing": translate(
            "messages", "The folder {path} does not exist. Choose another one."
        ),
        "privacy.not_correction": translate(
            "messages",
            "This request does not ask for a correction. Register a correction request first.",
        ),
        "privacy.correct_employee_only": translate(
            "messages",
            "Only an employee's data can be corrected: receipts and recordings are records of "
            "what happened.",
        ),
        "privacy.field_unknown": translate("messages", "Only these can be corrected: {fields}."),
        "privacy.value_missing": translate("messages", "Type the corrected value."),
        "privacy.value_too_long": translate(
            "messages", "The corrected value is too long: at most {limit} characters."
        ),
        "privacy.value_control": translate(
            "messages", "The corrected value holds an invisible control character: type it again."
        ),
        "privacy.not_destruction": translate(
            "messages",
            "This request does not ask for destruction. Register a destruction request first.",
        ),
        "privacy.already_destroyed": translate(
            "messages",
            "This request was already carried out on {date}. Nothing more was destroyed.",
        ),
        "privacy.destroy_last_admin": translate(
            "messages",
            "The only active admin cannot be destroyed: add another admin first.",
        ),
        "privacy.not_destroyed": translate(
            "messages", "This request has not been carried out yet."
        ),
        "admin.bin": translate("messages", "A BIN has 12 digits with a valid check digit."),
        "admin.store_name": translate("messages", "The store needs a name."),
        "admin.language": translate("messages", "Choose a receipt language."),
        "admin.auto_lock": translate(
            "messages", "Auto-lock must be between 30 seconds and 1 hour."
        ),
        "admin.name": translate("messages", "Enter the employee's name."),
        "admin.last_admin": translate("messages", "The last admin cannot be deactivated."),
        "csv.rejected": translate(
            "messages", "{count} rows are wrong; nothing was imported. Fix them and import again."
        ),
        "recording.pause_reason": translate("messages", "Write down why recording is paused."),
        "recording.unreadable": translate(
            "messages",
            "Recording {rid} cannot be read ({reason}): it was altered, cut short or its key was destroyed.",
        ),
        "recording.unknown": translate("messages", "There is no recording {rid}."),
        "consent.reason": translate(
            "messages", "Write down why the consent is withdrawn (e.g. the employee's request)."
        ),
        "consent.unknown_version": translate(
            "messages", "There is no consent text of version {version} in this program."
        ),
        "sync.offline": translate(
            "messages",
            "No connection to the server. Everything waits safely on this till and is sent when the connection is back.",
        ),
        "sync.connection_lost": translate(
            "messages",
            "The connection broke during sending. It will be tried again; nothing is lost.",
        ),
        "sync.rate_limited": translate(
            "messages", "The server asked to slow down. Sending goes on in a moment."
        ),
        "sync.auth": translate(
            "messages",
            "The server refused this till's key or token. An admin must enter a valid one in Settings → Sync.",
        ),
        "sync.rejected": translate(
            "messages",
            "The server refused an item for good. An admin can retry or drop it in Settings → Sync.",
        ),
        "sync.audit_gap": translate(
            "messages",
            "The server waits for earlier audit entries first. They are sent again in order.",
        ),
        "sync.audit_chain": translate(
            "messages",
            "The server refused the audit trail: it does not continue the copy the server "
            "holds (an older backup restored, or the database changed). Keep the database and "
            "tell the store owner.",
        ),
        "sync.bad_response": translate(
            "messages", "The server's answer could not be read. It will be tried again."
        ),
        "sync.server": translate("messages", "The server had an error. It will be tried again."),
        "sync.timeout": translate(
            "messages", "The server did not answer in time. It will be tried again."
        ),
        "sync.disk_full": translate(
            "messages", "The disk of this till is full. Free some space; nothing is lost."
        ),
        "sync.clock": translate(
            "messages",
            "Secure connections fail because this till's date or time looks wrong. Set the correct date and time; nothing is lost.",
        ),
        "sync.provider_none": translate(
            "messages",
            "No speech recognition service may be used: enter a key, allow sending audio abroad, or acknowledge a service the privacy policy does not name, in Settings → Sync.",
        ),
        "fiscal.order_violated": translate(
            "messages",
            "The cash register refused an operation dated before the previous one (the till's clock went back?). Check the clock, then retry it or set it aside.",
        ),
        "fiscal.register_blocked": translate(
            "messages",
            "The cash register is blocked at the service or by the tax office. Selling goes on; receipts wait. Call Kassa24, then retry.",
        ),
        "fiscal.shift_over_24h": translate(
            "messages",
            "The cash register's shift ran over 24 hours. The till closes it (Z) and registers the receipt in a new shift; close the till's shift every day.",
        ),
        "fiscal.invalid": translate(
            "messages",
            "The cash register refused the receipt's data. An admin looks at it, then retries it or sets it aside.",
        ),
        "fiscal.autonomous_limit": translate(
            "messages",
            "The cash register has not reached the tax office for {hours} hours: selling stops until the waiting receipts are registered. Connect the till to the internet.",
        ),
        "fiscal.no_token": translate(
            "messages", "Enter the cash register service's API token first."
        ),
        "sync.store_not_registered": translate(
            "messages",
            "Recordings wait: nothing is sent for speech recognition until the operator accepts the store's registration (Settings & staff → Registration). Selling goes on as usual.",
        ),
        "registration.locked": translate(
            "messages",
            "The registration was submitted and cannot be changed until the operator answers.",
        ),
        "registration.incomplete": translate(
            "messages", "The registration form is not complete: see the fields marked in red."
        ),
        "registration.document_unreadable": translate(
            "messages",
            "A scanned document of the registration cannot be read (damaged). Remove it and add it again.",
        ),
        "sync.not_configured": translate(
            "messages",
            "Sync is not set up: data stays on this till. An admin can set it up in Settings → Sync.",
        ),
        "sync.retry": translate("messages", "Sending failed. It will be tried again."),
        "sync.error": translate("messages", "Sending failed. See Settings → Sync."),
        "sync.secret_store": translate(
            "messages", "The secret store is unavailable, so keys cannot be saved: {hint}"
        ),
        "review.no_keys": translate("messages", "The recordings' keys are not available: {hint}"),
        "sync.url": translate(
            "messages",
            "“{url}” is not a secure web address: it must start with https:// "
            "(http:// only for a test server on this computer, e.g. http://127.0.0.1:8702).",
        ),
        "sync.provider": translate("messages", "Choose a speech recognition service."),
        "sync.recipient_not_acknowledged": translate(
            "messages",
            "{provider} is not named by the privacy policy in force. Acknowledge it under the "
            "provider choice first, or choose another service.",
        ),
        "setting.invalid": translate("messages", "“{setting}” cannot take this value."),
        "pin.pepper_lost": translate(
            "messages",
            "PINs cannot be checked: the secret store of this computer was reset and the PIN "
            "key is gone. Nobody can sign in until the owner of the data folder runs "
            "`{command}` on this computer (it gives everyone a new PIN).",
        ),
        "pin.pepper_wrong": translate(
            "messages",
            "PINs cannot be checked: the secret store holds the PIN key of another till. "
            "Restore this till's secret store, or the owner of the data folder runs "
            "`{command}` on this computer (it gives everyone a new PIN).",
        ),
        "pin.secret_store": translate(
            "messages", "PINs cannot be checked without the secret store: {hint}"
        ),
        "sale.database_damaged": translate(
            "messages",
            "Selling is stopped: the database {path} is damaged (table {tables}). Close the app, "
            "copy the newest good copy {backup} over {path} and start again; sales made after "
            "that copy must be entered again. `forsell-cashier doctor` shows the details.",
        ),
        "retention.invalid": translate("messages", "“{setting}” must be between {low} and {high}."),
        "retention.untranscribed_too_short": translate(
            "messages",
            "Audio without a transcript must be kept at least as long as audio with one "
            "({days} days).",
        ),
        "sale.database_damaged_no_backup": translate(
            "messages",
            "Selling is stopped: the database {path} is damaged (table {tables}) and no copy "
            "in {backups} passes its check. Close the app and call support.",
        ),
    }


def text_for_key(key: str, **params: object) -> str:
    """The translated sentence for a message key the core reported without raising (e.g. the
    sync engine's last error); an unknown key comes back as itself."""
    return message_for(CashierError(key, key, **params))


def message_for(error: CashierError) -> str:
    """The translated sentence for ``error`` (falls back to its English text)."""
    params = {
        k: format_kzt(v)
        if k in _MONEY_PARAMS and isinstance(v, int)
        else format_number(v, 2)  # "50 kg", "0,5": as every other number on screen
        if isinstance(v, float)
        else problem_text(v)
        if isinstance(v, Problem)
        else v
        for k, v in error.params.items()
    }
    setting = REGISTRY.get(str(params.get("setting")))
    if setting is not None:  # a refused setting is named by its label, never by its key
        params["setting"] = translate(CONTEXT, setting.label)
    template = _texts().get(error.key)
    if template is None:
        return str(error)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(error)


def show_error(parent: QWidget | None, error: CashierError, title: str | None = None) -> None:
    """A modal message for errors that need the cashier's attention before going on."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or translate("messages", "Cannot do that"),
        message_for(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAccessibleName("error message")
    box.exec()
