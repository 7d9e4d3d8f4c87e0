"""Kazakhstan BIN/IIN, phone and e-mail checks for the store's registration form.

A BIN (business identification number) and an IIN (individual identification number, which an
individual entrepreneur registers under) are both 12 digits; the 12th is a check digit. Its rule
is set by the Government of Kazakhstan's decree No. 565 of 11 June 2003 (the programme of moving
to a single BIN/IIN) and restated in the OECD's "Kazakhstan – Information on Tax Identification
Numbers": the weighted sum of the first 11 digits with weights 1..11, modulo 11; if that is 10,
a second pass with weights 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2, modulo 11; if that is 10 again
the number is never issued. Public validators implement the same two passes.

Each check answers a *reason code* (``None`` when the value is fine) that ``ui/`` words in the
admin's language; the code never words a problem itself.
"""

from __future__ import annotations

import re

FIRST_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# Reason codes (ui/registration_wizard.py has a sentence for each).
BIN_EMPTY = "bin.empty"
BIN_NOT_DIGITS = "bin.not_digits"
BIN_LENGTH = "bin.length"
BIN_CHECK_DIGIT = "bin.check_digit"
BIN_NEVER_ISSUED = "bin.never_issued"
PHONE_EMPTY = "phone.empty"
PHONE_FORMAT = "phone.format"
EMAIL_EMPTY = "email.empty"
EMAIL_FORMAT = "email.format"


def check_digit(first_eleven: str) -> int | None:
    """The 12th digit for these 11 digits, or None when both passes give 10 (never issued)."""
    if len(first_eleven) != 11 or not first_eleven.isascii() or not first_eleven.isdigit():
        raise ValueError("eleven digits expected")
    digits = [int(c) for c in first_eleven]
    for weights in (FIRST_WEIGHTS, SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def bin_problem(text: str) -> str | None:
    """Why ``text`` is not a valid BIN/IIN (a reason code), or None. Spaces are allowed
    (people copy it from documents as ``123456 789012``); nothing else is."""
    value = text.replace(" ", "")
    if not value:
        return BIN_EMPTY
    if not value.isascii() or not value.isdigit():
        return BIN_NOT_DIGITS
    if len(value) != 12:
        return BIN_LENGTH
    expected = check_digit(value[:11])
    if expected is None:
        return BIN_NEVER_ISSUED
    if expected != int(value[11]):
        return BIN_CHECK_DIGIT
    return None


def normalise_bin(text: str) -> str:
    """The BIN/IIN as stored and sent: its 12 digits (call ``bin_problem`` first)."""
    return text.replace(" ", "")


# +7 and ten digits; people write "8 (701) 234-56-78" and "+7 701 234 56 78" as well. The
# leading 8 is the domestic trunk prefix of the same number, so it is accepted and rewritten.
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")
_PHONE = re.compile(r"(?:\+7|8)(\d{10})")


def phone_problem(text: str) -> str | None:
    """Why ``text`` is not a Kazakhstan phone number (+7 and 10 digits), or None."""
    if not text.strip():
        return PHONE_EMPTY
    return None if _PHONE.fullmatch(_PHONE_SEPARATORS.sub("", text.strip())) else PHONE_FORMAT


def normalise_phone(text: str) -> str:
    """``8 (701) 234-56-78`` → ``+77012345678`` (call ``phone_problem`` first)."""
    match = _PHONE.fullmatch(_PHONE_SEPARATORS.sub("", text.strip()))
    if match is None:
        raise ValueError("not a Kazakhstan phone number")
    return "+7" + match.group(1)


# A practical address check, not RFC 5322: one @, a local part without spaces, a domain with a
# dot and a letter top-level part. The backend confirms the address by writing to it.
_EMAIL = re.compile(r"[^@\s]{1,64}@(?=.{1,253}$)(?:[^@\s.]+\.)+[^@\s.\d]{2,}")


def email_problem(text: str) -> str | None:
    """Why ``text`` is not an e-mail address, or None."""
    value = text.strip()
    if not value:
        return EMAIL_EMPTY
    return None if _EMAIL.fullmatch(value) else EMAIL_FORMAT
