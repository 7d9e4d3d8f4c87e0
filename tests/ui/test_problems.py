"""Every problem the core can report (``domain.problems``) is worded on screen in Russian, Kazakh
and English, with the values it carries, and never with English pasted into another language."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from forsell.domain.errors import CashierError
from forsell.domain.problems import PROBLEMS, Problem, placeholders, translated_params
from forsell.services.conversation import RecorderStatus
from forsell.ui.i18n import Languages
from forsell.ui.messages import message_for
from forsell.ui.problems import describe, problem_text, texts
from forsell.ui.recording_indicator import RecordingBar
from forsell.vault.secrets import KINDS, SecretStoreUnavailable

#: A value for every parameter a translation shows, each distinct so that a swapped or dropped
#: placeholder is seen.
SAMPLE = {
    "line": 17,
    "column": 23,
    "expected": "forsell-scorecard",
    "version": 7,
    "value": 5.5,
    "low": 1.25,
    "high": 3.75,
    "choices": "start, end",
    "phrase": "?!",
    "end": 1.5,
    "start": 2.5,
    "id": "greeting",
    "columns": "price, vat_percent",
    "barcode": "48x7",
    "sku": "T-ЧАЙ",
    "first": 12,
    "text": "сто",
    "count": 50,
    "length": 100,
    "max": "1 000 000 000 ₸",
    "size": 52428800,
    "limit": 4000000,
    "name": "цена_2",
    "char": "U+0000",
    "where": "192.168.1.50:9100",  # a receipt printer's address
    "seconds": 5,
    "part": "Молоко обычное",  # the catalog CSV's options cell
    "group": "Сироп",
    "min": 2,
}
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
#: Words of the English sentences that must not show up in a Russian or Kazakh one.
ENGLISH = re.compile(
    r"\b(the|is|not|must|needs?|line|column|store|secret|install|run|found|"
    r"session|locked|file|item|choose|already|empty)\b",
    re.IGNORECASE,
)


@pytest.fixture(params=["ru", "kk"])
def language(request) -> Iterator[str]:
    languages = Languages()
    languages.switch(request.param)
    try:
        yield request.param
    finally:
        languages.uninstall()


def _sample(code: str) -> Problem:
    return Problem(
        code,
        {name: SAMPLE[name] for name in placeholders(PROBLEMS[code]) if name in SAMPLE}
        | {"got": "'x'", "detail": "Expecting value"},
    )


def test_every_code_has_a_screen_text_with_the_same_placeholders() -> None:
    table = texts()
    assert set(table) == set(PROBLEMS), "codes without a screen text (or unknown to the core)"
    for code, text in table.items():
        assert placeholders(text) == translated_params(code), code


def test_every_code_is_worded_in_the_language_with_its_values(language: str) -> None:
    for code in PROBLEMS:
        problem = _sample(code)
        text = problem_text(problem)
        assert CYRILLIC.search(text), (language, code, text)
        assert not ENGLISH.search(text), (language, code, text)
        for name in translated_params(code):
            assert str(SAMPLE[name]) in text, (language, code, name, text)
        assert "'x'" not in text and "Expecting" not in text  # English-only details stay out


def test_a_csv_row_is_placed_by_line_and_column(language: str) -> None:
    problem = Problem("csv.not_amount", {"text": "сто"}, line=4, column="price")
    expected = {
        "ru": "строка 4, столбец «price»: «сто» — не сумма: введите цифры, например "
        "1250 или 1250,50",
        "kk": "4-жол, «price» бағаны: «сто» сома емес: цифрмен жазыңыз, мысалы 1250 не 1250,50",
    }
    assert describe(problem) == expected[language]


def test_english_shows_the_screen_source_text() -> None:
    problem = Problem(
        "csv.barcode_taken", {"barcode": "4870001", "sku": "T-BREAD"}, line=3, column="barcode"
    )
    assert (
        describe(problem) == "line 3, column “barcode”: barcode 4870001 already belongs to T-BREAD"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_the_secret_store_hint_is_in_russian_without_english(qtbot, kind: str) -> None:
    languages = Languages()
    languages.switch("ru")
    try:
        problem = SecretStoreUnavailable(kind, "keyring.backends.fail.Keyring", "KeyringError")
        bar = RecordingBar()
        qtbot.addWidget(bar)
        bar.set_status(RecorderStatus("no_secret_store", problem.problem))
        banner = bar.banner.text()
        hint = problem_text(problem.problem)
        assert hint in banner and banner.startswith("Запись выключена")
        assert problem.hint not in banner and not ENGLISH.search(banner), banner
        refused = message_for(
            CashierError(
                "sync.secret_store", "Secret store unavailable: {hint}", hint=problem.problem
            )
        )
        assert refused.startswith("Хранилище секретов недоступно") and hint in refused
        assert not ENGLISH.search(refused), refused
    finally:
        languages.uninstall()


def test_the_english_fallback_of_a_cashier_error_carries_the_english_hint() -> None:
    problem = SecretStoreUnavailable("locked", "SecretService").problem
    error = CashierError("sync.secret_store", "Secret store unavailable: {hint}", hint=problem)
    assert str(error) == f"Secret store unavailable: {problem.message}"
    assert "locked" in str(error)
