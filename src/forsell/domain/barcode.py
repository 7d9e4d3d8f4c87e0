"""EAN-13 arithmetic and the code printed on our receipts.

The receipt code is digits only on purpose: a keyboard-wedge scanner types letters through the
active keyboard layout, so on a Russian layout a scanned "R" arrives as "К". Prefix 29 is GS1's
range for in-store use, so a receipt code never collides with a product barcode.
"""

from __future__ import annotations

RECEIPT_PREFIX = "29"


def ean13_check_digit(first12: str) -> int:
    # isdigit() alone also accepts "²" or "٣", which int() then rejects or misreads.
    if len(first12) != 12 or not (first12.isascii() and first12.isdigit()):
        raise ValueError("EAN-13 needs 12 digits before the check digit")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def is_valid_ean13(code: str) -> bool:
    if len(code) != 13 or not (code.isascii() and code.isdigit()):
        return False
    return ean13_check_digit(code[:12]) == int(code[12])


def receipt_code(receipt_no: int) -> str:
    body = f"{RECEIPT_PREFIX}{receipt_no:010d}"
    return body + str(ean13_check_digit(body))


def receipt_no_from_code(code: str) -> int | None:
    """The receipt number in a scanned receipt code, or None if it is not one."""
    code = code.strip()
    if is_valid_ean13(code) and code.startswith(RECEIPT_PREFIX):
        return int(code[2:12])
    return None
