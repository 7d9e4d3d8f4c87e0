"""Redaction of obvious personal data in transcript text (property tests with hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from forsell.sync.redact import luhn_ok, redact, redact_words

# Text around the personal data: letters (Latin, Cyrillic, Kazakh), spaces and punctuation, but no
# digits, "+" or "@" (which would make the neighbourhood itself part of a number or an address).
SAFE = st.text(
    alphabet=st.sampled_from(
        list("abcxyzабвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүһі АБВ ,.;:!?()-–«»\"'\n\t")
    ),
    max_size=30,
)
DIGIT = st.sampled_from("0123456789")


def digits(n: int) -> st.SearchStrategy[str]:
    return st.lists(DIGIT, min_size=n, max_size=n).map("".join)


@st.composite
def phones(draw) -> str:
    body = draw(st.sampled_from(["70", "77", "74", "71", "91", "92", "95", "98"])) + draw(digits(8))
    prefix = draw(st.sampled_from(["+7 ", "+7", "8 ", "8", "7 ", "8-", "", "+7-"]))
    a, b, c, d = body[:3], body[3:6], body[6:8], body[8:]
    shape = draw(
        st.sampled_from(
            [
                f"({a}) {b}-{c}-{d}",
                f"{a} {b} {c} {d}",
                body,
                f"{a}-{b}-{c}-{d}",
                f"({a}){b}{c}{d}",
                f"{a} {b}-{c}{d}",
                f"{a}.{b}.{c}.{d}",
            ]
        )
    )
    return prefix + shape


@st.composite
def cards(draw) -> str:
    n = draw(st.integers(13, 19))
    head = draw(digits(n - 1))
    check = next(str(c) for c in range(10) if luhn_ok(head + str(c)))
    number = head + check
    sep = draw(st.sampled_from(["", " ", "-"]))
    size = draw(st.sampled_from([4, 4, 5, 6]))
    return sep.join(number[i : i + size] for i in range(0, n, size))


@settings(max_examples=300)
@given(SAFE, phones(), SAFE)
def test_phone_numbers_never_leak_a_digit(before: str, phone: str, after: str) -> None:
    out = redact(before + phone + after)
    assert "[phone]" in out
    assert not re.search(r"\d", out)


@settings(max_examples=300)
@given(SAFE, cards(), SAFE)
def test_card_numbers_never_leak_a_digit(before: str, card: str, after: str) -> None:
    out = redact(before + card + after)
    assert "[card]" in out
    assert not re.search(r"\d", out)


@settings(max_examples=200)
@given(SAFE, digits(12), SAFE)
def test_any_12_digit_run_is_an_iin(before: str, iin: str, after: str) -> None:
    out = redact(before + iin + after)
    assert not re.search(r"\d", out)
    assert "[iin]" in out or "[phone]" in out  # never in clear, whatever it is taken for


@settings(max_examples=200)
@given(SAFE, st.emails(), SAFE)
def test_emails_never_leak(before: str, email: str, after: str) -> None:
    out = redact(f"{before} {email} {after}")
    assert email not in out
    assert "[email]" in out
    assert "@" not in out


WORD = st.text(
    alphabet=st.sampled_from(list("абвгдеклмнопрстәқңөұүabcxyz")), min_size=1, max_size=8
)
SMALL_NUMBER = st.integers(0, 999_999).map(str) | st.sampled_from(["1 250", "12,5", "3.5"])


@settings(max_examples=300)
@given(st.lists(st.tuples(WORD, SMALL_NUMBER | WORD), max_size=12), SAFE)
def test_text_without_personal_data_is_unchanged(pairs: list[tuple[str, str]], tail: str) -> None:
    # Numbers are always separated by a word: prices, quantities, change — never a phone/card.
    text = " ".join(f"{w} {x}" for w, x in pairs) + tail
    assert redact(text) == text


def test_examples_in_the_formats_people_say() -> None:
    assert redact("позвоните мне +7 701 123 45 67, хорошо") == "позвоните мне [phone], хорошо"
    assert redact("номер 8 (701) 123-45-67") == "номер [phone]"
    assert redact("87011234567") == "[phone]"
    assert redact("ИИН 900101300123 верно") == "ИИН [iin] верно"
    assert redact("карта 4111 1111 1111 1111") == "карта [card]"
    assert redact("пишите на aigerim.s@mail.kz") == "пишите на [email]"


def test_numbers_that_are_not_personal_data_stay() -> None:
    assert redact("итого 1 250 тенге, сдача 750") == "итого 1 250 тенге, сдача 750"
    # Not Luhn-valid: an order or product code, not a card.
    assert redact("код 4111 1111 1111 1112") == "код 4111 1111 1111 1112"
    # Ten bare digits that do not look like a Kazakh/Russian mobile number.
    assert redact("артикул 4951234567") == "артикул 4951234567"


def test_a_number_split_over_several_words_is_redacted_as_one() -> None:
    said = ["мой", "номер", "+7", "701", "123", "45", "67", "спасибо"]
    words = [
        {"text": t, "start": float(i), "end": i + 0.5, "speaker": "speaker_1", "confidence": 0.9}
        for i, t in enumerate(said)
    ]
    out = redact_words(words)
    assert [w["text"] for w in out] == ["мой", "номер", "[phone]", "спасибо"]
    phone = out[2]
    assert (phone["start"], phone["end"], phone["speaker"]) == (2.0, 6.5, "speaker_1")
    assert phone["confidence"] is None
    assert not any(re.search(r"\d", str(w["text"])) for w in out)


def test_text_glued_to_a_number_keeps_its_harmless_part() -> None:
    out = redact_words([{"text": "тел:87011234567,", "start": 0.0, "end": 1.0}])
    assert [w["text"] for w in out] == ["тел:[phone],"]


@settings(max_examples=150)
@given(st.lists(WORD, max_size=5), phones(), st.lists(WORD, max_size=5))
def test_word_lists_never_leak_a_phone_number(
    before: list[str], phone: str, after: list[str]
) -> None:
    tokens = before + phone.split() + after
    words = [{"text": t, "start": float(i), "end": i + 0.5} for i, t in enumerate(tokens)]
    out = redact_words(words)
    assert not any(re.search(r"\d", str(w["text"])) for w in out)
    assert [w["text"] for w in out if w["text"] != "[phone]"] == before + after
