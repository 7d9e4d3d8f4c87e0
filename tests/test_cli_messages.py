"""The command line's catalog of problem texts: every code the core declares, in Russian,
Kazakh and English, with the placeholders the core fills; the language from the locale."""

from __future__ import annotations

import re

import pytest

from forsell.cli_messages import CATALOG, LANGUAGES, describe, language, problem_text
from forsell.domain.problems import PROBLEMS, Problem, placeholders, translated_params

CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


def test_every_code_in_every_language_with_the_same_placeholders() -> None:
    assert set(CATALOG) == set(PROBLEMS)
    for code, texts in CATALOG.items():
        assert set(texts) == set(LANGUAGES), code
        for lang, text in texts.items():
            assert placeholders(text) == translated_params(code), (code, lang)
            if lang != "en":
                assert CYRILLIC.search(text) and text != texts["en"], (code, lang)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANGUAGE": "kk:ru", "LANG": "ru_RU.UTF-8"}, "kk"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "kk_KZ", "LANG": "en_US.UTF-8"}, "kk"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], expected: str) -> None:
    assert language(environ) == expected


def test_a_csv_row_in_each_language() -> None:
    problem = Problem("csv.sku_repeats", {"sku": "N-1", "first": 2}, line=5, column="sku")
    assert describe(problem, "ru") == "строка 5, столбец sku: артикул N-1 уже есть в строке 2"
    assert describe(problem, "kk") == "5-жол, sku бағаны: N-1 артикулы 2-жолда бар"
    assert describe(problem, "en") == "line 5, column sku: SKU N-1 is already on line 2"


def test_the_secret_store_fix_in_russian() -> None:
    problem = Problem("secret_store.locked", {"backend": "SecretService"})
    assert problem_text(problem, "ru").startswith("хранилище секретов заблокировано")
    assert problem_text(problem, "fr") == problem.message  # a language it does not have


def test_the_command_lines_own_sentences_in_every_language() -> None:
    from forsell.cli_messages import MESSAGES, message
    from forsell.domain.problems import placeholders

    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        for lang, text in texts.items():
            assert placeholders(text) == placeholders(texts["en"]), (key, lang)
            if lang != "en":
                assert CYRILLIC.search(text) and text != texts["en"], (key, lang)
    said = message("privacy.already_destroyed", "kk", rid="R1", date="2026-03-02")
    assert said == "R1 сұрауы 2026-03-02 күні орындалған: басқа ештеңе жойылған жоқ"
    assert message("privacy.no_such_sentence", "ru") is None
    assert "{date}" in (message("privacy.already_destroyed", "ru", rid="R1") or "")
