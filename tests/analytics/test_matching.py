import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsell.analytics.matching import Pattern, edit_distance, find_all, search
from forsell.analytics.normalize import normalize_text


def said(pattern: str, text: str) -> bool:
    return search(Pattern.compile(pattern), normalize_text(text)) is not None


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("здравствуйте", "здраствуйте"),  # a letter the recogniser lost
        ("здравствуйте", "Здрасьте!"),  # colloquial spelling
        ("добрый день", "добрыйдень"),  # run together
        ("здравствуйте", "здрав ствуйте"),  # split apart
        ("бонусн* карт*", "бонусная карточка есть"),  # stems
        ("бонусн* карт*", "скидки бонуснаякарта"),  # stems run together
        ("карта", "у вас карты нет"),  # an inflected ending
        ("что вам подсказать", "что еще вам подсказать"),  # a word inside the phrase
        ("сәлеметсіз бе", "салеметсиз бе"),  # Kazakh letters typed as Russian
        ("капучино", "капучина"),  # misheard by one letter
        ("приходите еще", "Приходите ещё!"),
    ],
)
def test_matches_despite_recogniser_errors(pattern: str, text: str) -> None:
    assert said(pattern, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("чек", "чай"),  # short words never fuzz
        ("здравствуйте", "до свидания"),
        ("добрый день", "день добрый был"),  # order matters
        ("что вам подсказать", "что вы там опять сказали подсказать"),  # too far apart
        ("карта", "картошка"),  # an ending is at most two letters
        ("2 капучино", "3 капучино"),  # numbers do not fuzz
    ],
)
def test_does_not_match_other_words(pattern: str, text: str) -> None:
    assert not said(pattern, text)


def test_find_all_reports_token_positions() -> None:
    norms = normalize_text("нету нету совсем нету")
    assert [(m.first, m.last) for m in find_all(Pattern.compile("нету"), norms)] == [
        (0, 0),
        (1, 1),
        (3, 3),
    ]


def test_a_pattern_without_words_is_refused() -> None:
    with pytest.raises(ValueError, match="has no words"):
        Pattern.compile(" !? ")


@given(
    st.text(alphabet="абвгдежз", min_size=0, max_size=12),
    st.text(alphabet="абвгдежз", min_size=0, max_size=12),
    st.integers(0, 3),
)
def test_bounded_edit_distance_agrees_with_the_full_one(a: str, b: str, limit: int) -> None:
    full = edit_distance(a, b, 100)
    assert edit_distance(a, b, limit) == (full if full <= limit else limit + 1)
    assert full == edit_distance(b, a, 100)


@given(st.lists(st.sampled_from(["мне", "кофе", "пожалуйста", "и", "круассан", "да"]), max_size=8))
def test_a_phrase_is_found_wherever_it_is_inserted(words: list[str]) -> None:
    for i in range(len(words) + 1):
        text = " ".join(words[:i] + ["добрый", "день"] + words[i:])
        assert said("добрый день", text)
