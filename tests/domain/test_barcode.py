"""EAN-13 check digits and the receipt code scanned back for refunds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.domain.barcode import (
    ean13_check_digit,
    is_valid_ean13,
    receipt_code,
    receipt_no_from_code,
)

# Real product barcodes (printed on packs sold in Kazakhstan and Europe).
REAL_CODES = ["4006381333931", "4870101000010", "4600010100019", "5449000000996", "4870004001237"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_known_codes_are_valid(code: str) -> None:
    assert ean13_check_digit(code[:12]) == int(code[12])
    assert is_valid_ean13(code)


@pytest.mark.parametrize(
    "code",
    [
        "4006381333932",
        "400638133393",
        "40063813339310",
        "400638133393a",
        "",
        "²²²²²²²²²²²²²",
        "400638133393²",
        "٤٠٠٦٣٨١٣٣٣٩٣١",
    ],
)
def test_wrong_or_odd_codes_are_not_valid(code: str) -> None:
    assert not is_valid_ean13(code)
    assert receipt_no_from_code(code) is None


@pytest.mark.parametrize("first12", ["", "12345678901", "1234567890123", "12345678901a", "²" * 12])
def test_check_digit_needs_twelve_ascii_digits(first12: str) -> None:
    with pytest.raises(ValueError, match="needs 12 digits"):
        ean13_check_digit(first12)


@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 11), st.integers(1, 9)
)
def test_any_single_digit_error_is_detected(first12: str, position: int, delta: int) -> None:
    code = first12 + str(ean13_check_digit(first12))
    wrong = str((int(code[position]) + delta) % 10)
    assert not is_valid_ean13(code[:position] + wrong + code[position + 1 :])


@given(st.integers(min_value=1, max_value=9_999_999_999))
def test_receipt_code_round_trip(receipt_no: int) -> None:
    code = receipt_code(receipt_no)
    assert len(code) == 13 and code.startswith("29") and is_valid_ean13(code)
    assert receipt_no_from_code(code) == receipt_no
    assert receipt_no_from_code(f"  {code}\n") == receipt_no  # scanners add a newline


def test_receipt_code_is_known_form() -> None:
    assert receipt_code(1) == "2900000000018"
    assert receipt_no_from_code("2900000000018") == 1


@pytest.mark.parametrize("code", REAL_CODES)
def test_product_barcode_is_not_a_receipt(code: str) -> None:
    assert receipt_no_from_code(code) is None
