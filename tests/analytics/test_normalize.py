from hypothesis import given
from hypothesis import strategies as st

from forsell.analytics.normalize import fold_word, normalize_text, tokenize


def test_case_yo_punctuation_and_kazakh_letters_fold_alike() -> None:
    assert normalize_text("Сәлеметсіз бе!") == normalize_text("салеметсиз БЕ")
    assert normalize_text("Ещё, пожалуйста…") == ["еще", "пожалуйста"]
    assert normalize_text("ҚАЙЫРЛЫ ТАҢ") == ["кайырлы", "тан"]
    assert fold_word("өңір") == ("онир",) and fold_word("ұлы") == ("улы",)
    assert fold_word("һәм") == ("хам",) and fold_word("ғой") == ("гой",)
    assert fold_word("үй") == ("уй",)


def test_recogniser_spellings_and_numbers() -> None:
    assert normalize_text("щас сделаем") == ["сейчас", "сделаем"]
    assert normalize_text("чо будете") == ["что", "будете"]
    assert normalize_text("здрасте") == ["здравствуйте"]
    assert normalize_text("два капучино") == normalize_text("2 капучино")
    assert normalize_text("с вас 1 250 тг") == ["с", "вас", "1250", "тенге"]
    assert normalize_text("екі кофе") == ["2", "кофе"]
    assert normalize_text("торт") == ["торт"]  # Kazakh "four" is also a Russian cake


def test_latin_lookalikes_inside_cyrillic_words() -> None:
    assert fold_word("кофe") == ("кофе",)  # Latin e
    assert fold_word("coffee") == ("coffee",)  # an English word stays English


def test_hyphens_split_words() -> None:
    assert normalize_text("что-нибудь") == ["что", "нибудь"]


def test_tokens_share_the_utterance_time_without_word_times() -> None:
    toks = tokenize("добрый день", 10.0, 12.0)
    assert [t.norm for t in toks] == ["добрый", "день"]
    assert toks[0].start == 10.0 and 10.0 < toks[1].start < toks[1].end <= 12.0


def test_tokens_keep_word_times() -> None:
    toks = tokenize("x", 0, 9, [("Добрый", 1.0, 1.4), ("день!", 1.5, 1.9)])
    assert [(t.norm, t.start, t.end) for t in toks] == [("добрый", 1.0, 1.4), ("день", 1.5, 1.9)]


@given(st.text(max_size=40))
def test_folding_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(" ".join(once)) == once


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі ,.!?-", max_size=40))
def test_upper_case_and_punctuation_never_change_the_tokens(text: str) -> None:
    assert normalize_text(text.upper()) == normalize_text(text)
    assert normalize_text(text.replace(",", " , ").replace("!", " ! ")) == normalize_text(text)


def test_a_number_said_in_words_is_one_number() -> None:
    # Russian and Kazakh build numbers alike: big before small, «тысяча»/«мың»/«жүз» multiply.
    assert normalize_text("две тысячи пятьдесят тенге") == ["2050", "тенге"]
    assert normalize_text("тысяча пятьсот восемьдесят") == ["1580"]
    assert normalize_text("двести восемьдесят") == ["280"]
    assert normalize_text("Жеті жүз теңге") == ["700", "тенге"]
    assert normalize_text("мың үш жүз") == ["1300"]
    assert normalize_text("бір мың сегіз жүз елу") == ["1850"]
    assert normalize_text("екі мың төрт жүз") == ["2400"]  # «төрт» folds to «торт»
    assert normalize_text("он бес") == ["15"]
    assert normalize_text("латте триста пятьдесят") == normalize_text("Латте 350")
    # Two numbers said one after another stay two; so does a cake.
    assert normalize_text("два три") == ["2", "3"]
    assert normalize_text("2 по 400") == ["2", "по", "400"]
    assert normalize_text("торт хотите") == ["торт", "хотите"]
    assert normalize_text("кола 0,5") == ["кола", "0", "5"]


def test_a_joined_number_keeps_the_time_of_its_words() -> None:
    words = [("сегіз", 1.0, 1.3), ("жүз", 1.4, 1.6), ("елу", 1.7, 2.0), ("теңге", 2.1, 2.4)]
    toks = tokenize("x", 0, 9, words)
    assert [(t.norm, t.start, t.end) for t in toks] == [("850", 1.0, 2.0), ("тенге", 2.1, 2.4)]
    assert toks[0].raw == "сегіз жүз елу"
