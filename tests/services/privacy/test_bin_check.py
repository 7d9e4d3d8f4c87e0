"""BIN/IIN check digits, phone numbers and e-mail addresses of the registration form."""

from __future__ import annotations

import random

import pytest

from forsell.services.privacy import bin_check as b


def with_check_digit(first_eleven: str) -> str:
    digit = b.check_digit(first_eleven)
    assert digit is not None
    return first_eleven + str(digit)


def test_a_published_iin_passes() -> None:
    # An IIN printed in a public validator's documentation as a valid example.
    assert b.bin_problem("061211600012") is None


def test_the_first_pass_decides_when_it_is_not_ten() -> None:
    # 1·1+2·2+…: the weighted sum of 00000000001 is 11 → 0; of 10000000000 is 1 → 1.
    assert b.check_digit("00000000001") == 0
    assert b.check_digit("10000000000") == 1
    assert b.bin_problem("100000000001") is None


def test_the_second_pass_decides_when_the_first_gives_ten() -> None:
    # 00000000010: first pass 10·1 = 10 → second pass with weight 1 at place 10 → 1.
    assert sum(d * w for d, w in zip([0] * 9 + [1, 0], b.FIRST_WEIGHTS, strict=True)) % 11 == 10
    assert b.check_digit("00000000010") == 1
    assert b.bin_problem("000000000101") is None
    assert b.bin_problem("000000000100") == b.BIN_CHECK_DIGIT


def test_a_number_whose_both_passes_give_ten_is_never_issued() -> None:
    rng = random.Random(7)
    never = None
    while never is None:
        candidate = "".join(rng.choice("0123456789") for _ in range(11))
        if b.check_digit(candidate) is None:
            never = candidate
    for last in "0123456789":
        assert b.bin_problem(never + last) == b.BIN_NEVER_ISSUED


@pytest.mark.parametrize("seed", range(5))
def test_every_wrong_last_digit_of_a_valid_number_is_caught(seed: int) -> None:
    rng = random.Random(seed)
    number = None
    while number is None:
        first = "".join(rng.choice("0123456789") for _ in range(11))
        if b.check_digit(first) is not None:
            number = with_check_digit(first)
    assert b.bin_problem(number) is None
    assert b.bin_problem(number[:6] + " " + number[6:]) is None  # as printed on documents
    for last in "0123456789":
        if last != number[-1]:
            assert b.bin_problem(number[:-1] + last) == b.BIN_CHECK_DIGIT


def test_two_swapped_digits_are_caught() -> None:
    number = with_check_digit("98041040012")
    swapped = number[1] + number[0] + number[2:]
    assert b.bin_problem(swapped) == b.BIN_CHECK_DIGIT


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", b.BIN_EMPTY),
        ("   ", b.BIN_EMPTY),
        ("12345678901", b.BIN_LENGTH),
        ("1234567890123", b.BIN_LENGTH),
        ("12345678901a", b.BIN_NOT_DIGITS),
        ("１２３４５６７８９０１２", b.BIN_NOT_DIGITS),  # full-width digits are not ASCII
        ("123-456-789-012", b.BIN_NOT_DIGITS),
    ],
)
def test_malformed_numbers_name_what_is_wrong(text: str, reason: str) -> None:
    assert b.bin_problem(text) == reason


@pytest.mark.parametrize(
    "text",
    ["+77012345678", "+7 701 234 56 78", "+7 (701) 234-56-78", "8 701 234 5678", "87012345678"],
)
def test_kazakhstan_phones_in_common_spellings_become_plus_seven(text: str) -> None:
    assert b.phone_problem(text) is None
    assert b.normalise_phone(text) == "+77012345678"


@pytest.mark.parametrize(
    "text",
    [
        "7012345678",
        "+7701234567",
        "+770123456789",
        "+1 701 234 56 78",
        "+7 701 234 56 7x",
        "+7/701",
    ],
)
def test_other_phone_formats_are_refused(text: str) -> None:
    assert b.phone_problem(text) == b.PHONE_FORMAT
    with pytest.raises(ValueError, match="not a Kazakhstan phone"):
        b.normalise_phone(text)


def test_an_empty_phone_is_named_as_empty() -> None:
    assert b.phone_problem("  ") == b.PHONE_EMPTY


@pytest.mark.parametrize("text", ["owner@cafe.kz", "a.b+reg@mail.example.com", " x@y.org "])
def test_plain_email_addresses_pass(text: str) -> None:
    assert b.email_problem(text) is None


@pytest.mark.parametrize(
    "text", ["owner", "owner@", "@cafe.kz", "owner@cafe", "ow ner@cafe.kz", "a@b@c.kz", "a@cafe.k1"]
)
def test_broken_email_addresses_are_refused(text: str) -> None:
    assert b.email_problem(text) == b.EMAIL_FORMAT
