"""Turns the core's message keys into sentences in the cashier's language.

The core raises ``CashierError(key, …, **params)``; only here does a key become text. Every
sentence says what happened and what to do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt

_MONEY_PARAMS = {"tendered", "due", "expected", "tiyn"}


def _t(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def _texts() -> dict[str, str]:
    # Built on each call so that a language switch takes effect at once.
    return {
        "money.invalid": _t("“{text}” is not an amount. Type digits, e.g. 1250 or 1250,50."),
        "money.out_of_range": _t("That amount is too large."),
        "discount.negative": _t("A discount cannot be negative."),
        "discount.over_100": _t("A discount cannot be more than 100 %."),
        "qty.not_positive": _t("The quantity must be more than zero."),
        "qty.not_whole": _t("Pieces are sold in whole numbers."),
        "qty.too_many": _t("More than {max} pieces on one line: check the quantity."),
        "qty.too_heavy": _t("More than {max} kg: check the weight."),
        "cart.total_too_large": _t("The receipt total would be too large."),
        "payment.short": _t("Tendered {tendered} is less than {due} due."),
        "payment.card_over_total": _t("The card amount is more than the total."),
        "payment.cash_not_needed": _t("The card already covers the total; no cash is needed."),
        "pay.empty": _t("The cart is empty: scan an item first."),
        "pin.format": _t("A PIN has 4 to 8 digits."),
        "login.unknown": _t("This employee is not active any more."),
        "login.wrong_pin": _t("Wrong PIN. {left} attempts left."),
        "login.locked": _t("Too many wrong PINs. Locked until {until}; ask a supervisor."),
        "override.wrong_pin": _t("That is not a supervisor's PIN."),
        "scan.unknown": _t("Unknown barcode {code}. Find the item by name below."),
        "scan.needs_weight": _t("{name} is sold by weight: pick it and enter the weight."),
        "shift.not_open": _t("No shift is open. Open a shift first (F9)."),
        "shift.already_open": _t("A shift is already open on this till."),
        "shift.unknown": _t("That shift does not exist."),
        "cash.zero": _t("Enter an amount."),
        "cash.reason": _t("Write down the reason."),
        "cash.out_exceeds_drawer": _t("The drawer should hold only {expected}."),
        "park.empty": _t("Nothing to park: the cart is empty."),
        "park.cart_not_empty": _t("Finish or park the current sale first."),
        "park.unknown": _t("That parked sale was already recalled."),
        "refund.bad_query": _t("“{q}” is not a receipt number. Scan the receipt or type its number."),
        "refund.not_found": _t("No receipt {q} on this till."),
        "refund.method": _t("Choose how the money goes back: cash or card."),
        "refund.nothing": _t("Choose what to refund."),
        "refund.qty_not_positive": _t("The refund quantity must be more than zero."),
        "refund.too_much": _t("That is more than is left to refund on this line."),
        "refund.line_unknown": _t("That line is not on this receipt."),
        "refund.card_over_paid": _t("More than was paid by card: refund the rest in cash."),
        "void.unknown": _t("This sale does not exist or is already voided."),
        "void.other_shift": _t("Only sales of the open shift can be voided; make a refund instead."),
        "void.refunded": _t("This sale has refunds; refund the rest instead of voiding."),
        "product.incomplete": _t("SKU and Russian name are required."),
        "product.vat": _t("VAT must be between 0 and 100 %."),
        "product.price": _t("The price must be more than zero."),
        "product.duplicate": _t("This SKU or barcode is already used by {sku}."),
        "product.unknown": _t("This product no longer exists."),
        "csv.unreadable": _t("Cannot read {path}: {error}"),
        "admin.only": _t("Only an admin can do this."),
        "admin.bin": _t("A BIN has 12 digits with a valid check digit."),
        "admin.store_name": _t("The store needs a name."),
        "admin.language": _t("Choose a receipt language."),
        "admin.auto_lock": _t("Auto-lock must be between 30 seconds and 1 hour."),
        "admin.name": _t("Enter the employee's name."),
        "admin.last_admin": _t("The last admin cannot be deactivated."),
        "csv.rejected": _t("{count} rows are wrong; nothing was imported. Fix them and import again."),
    }


def message_for(error: CashierError) -> str:
    """The translated sentence for ``error`` (falls back to its English text)."""
    params = {k: format_kzt(v) if k in _MONEY_PARAMS and isinstance(v, int) else v
              for k, v in error.params.items()}
    template = _texts().get(error.key)
    if template is None:
        return str(error)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(error)


def show_error(parent: QWidget | None, error: CashierError, title: str | None = None) -> None:
    """A modal message for errors that need the cashier's attention before going on."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or _t("Cannot do that"), message_for(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName("error message")
    box.exec()
