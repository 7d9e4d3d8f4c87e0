"""Text normalisation for matching speech-recognition output against scorecard phrases.

Both sides (the transcript and the phrase patterns) go through the same fold, so a pattern
written properly in Kazakh (``сәлеметсіз бе``) matches what a recogniser or a Russian keyboard
produces (``салеметсиз бе``), and ``Здравствуйте!`` matches ``здраствуйте`` through the fuzzy
step in ``matching``. The fold is lossy on purpose: it only ever feeds matching, never display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numerals import join_numbers

#: Kazakh letters → the Russian letter a Russian keyboard or a Russian-trained recogniser puts
#: in their place; plus ё → е. Applied after lower-casing.
_FOLD = str.maketrans(
    {
        "ё": "е",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
    }
)
#: Latin look-alikes inside a word that also has Cyrillic letters (``кофe`` with a Latin e,
#: ``бiз`` with a Latin i, as typed on a mixed layout or produced by some recognisers).
_LATIN_LOOKALIKE = str.maketrans(
    {
        "a": "а",
        "c": "с",
        "e": "е",
        "o": "о",
        "p": "р",
        "x": "х",
        "k": "к",
        "y": "у",
        "m": "м",
        "t": "т",
        "b": "в",
        "h": "н",
        "i": "и",
    }
)
_CYRILLIC = re.compile(r"[а-я]")
_LATIN = re.compile(r"[a-z]")
#: Word characters after folding; everything else (punctuation, dashes, quotes) splits words.
_WORD = re.compile(r"[0-9a-zа-я]+")

#: How recognisers and chat-style typing spell common words, → the dictionary form.
SPELLINGS: dict[str, str] = {
    "щас": "сейчас",
    "щяс": "сейчас",
    "ща": "сейчас",
    "сча": "сейчас",
    "счас": "сейчас",
    "седня": "сегодня",
    "сеня": "сегодня",
    "чо": "что",
    "че": "что",
    "шо": "что",
    "што": "что",
    "чтоб": "чтобы",
    "пасиб": "спасибо",
    "пасибо": "спасибо",
    "спасиб": "спасибо",
    "спс": "спасибо",
    "сенкс": "спасибо",
    "здрасте": "здравствуйте",
    "здрасьте": "здравствуйте",
    "драсте": "здравствуйте",
    "здрасти": "здравствуйте",
    "драсьте": "здравствуйте",
    "здраствуйте": "здравствуйте",
    "здраствуй": "здравствуй",
    "пожалста": "пожалуйста",
    "пожалуста": "пожалуйста",
    "пжлст": "пожалуйста",
    "пожалусто": "пожалуйста",
    "ниче": "ничего",
    "скока": "сколько",
    "скоко": "сколько",
    "скольк": "сколько",
    "ничо": "ничего",
    "всё": "все",
    "тыща": "тысяча",
    "тыщ": "тысяч",
    "тыщи": "тысячи",
    "тг": "тенге",
    "тнг": "тенге",
    "ракмет": "рахмет",
    "рахмат": "рахмет",
    "рахмед": "рахмет",
    "канешно": "конечно",
    "конешно": "конечно",
    "щто": "что",
    "карточку": "карточку",
    "нету": "нету",
    "ок": "хорошо",
    "окей": "хорошо",
}
#: Number words → digits, so ``два капучино`` and ``2 капучино`` match alike. Kazakh words that
#: are also Russian words (``он`` he, ``торт`` cake) are left alone.
NUMBERS: dict[str, str] = {
    "ноль": "0",
    "один": "1",
    "одна": "1",
    "одну": "1",
    "два": "2",
    "две": "2",
    "три": "3",
    "четыре": "4",
    "пять": "5",
    "шесть": "6",
    "семь": "7",
    "восемь": "8",
    "девять": "9",
    "десять": "10",
    "одиннадцать": "11",
    "двенадцать": "12",
    "пятнадцать": "15",
    "двадцать": "20",
    "тридцать": "30",
    "сорок": "40",
    "пятьдесят": "50",
    "шестьдесят": "60",
    "семьдесят": "70",
    "восемьдесят": "80",
    "девяносто": "90",
    "сто": "100",
    "двести": "200",
    "триста": "300",
    "четыреста": "400",
    "пятьсот": "500",
    "шестьсот": "600",
    "семьсот": "700",
    "восемьсот": "800",
    "девятьсот": "900",
    "тысяча": "1000",
    "тысячи": "1000",
    "тысяч": "1000",
    "тысячу": "1000",
    "тринадцать": "13",
    "четырнадцать": "14",
    "шестнадцать": "16",
    "семнадцать": "17",
    "восемнадцать": "18",
    "девятнадцать": "19",
    "бир": "1",
    "еки": "2",
    "уш": "3",
    "бес": "5",
    "алты": "6",
    "жети": "7",
    "сегиз": "8",
    "тогыз": "9",
    "жиырма": "20",
    "отыз": "30",
    "кырык": "40",
    "елу": "50",
    "алпыс": "60",
    "жетпис": "70",
    "сексен": "80",
    "токсан": "90",
    "жуз": "100",
    "мын": "1000",
}


#: Hyphenated words that are one word to the ear (folded), unlike «что-нибудь».
_PARTICLE_WORDS = ("все-таки", "всё-таки", "так-то", "все-равно")


@lru_cache(maxsize=65536)
def fold_word(raw: str) -> tuple[str, ...]:
    """One written word → its folded tokens (usually one; ``что-нибудь`` gives two)."""
    return tuple(norm for _, norm in _fold_parts(raw))


@lru_cache(maxsize=65536)
def _fold_parts(raw: str) -> tuple[tuple[str, str], ...]:
    """(folded word, token) pairs: the token is the word, or its digits for a number word (the
    word is kept so ``numerals`` can tell «жүз» from «сто»)."""
    text = raw.lower().translate(_FOLD)
    if text.startswith(_PARTICLE_WORDS):
        text = text.replace("-", "")  # «всё-таки» is one word, not «всё?» («это всё?»)
    out: list[tuple[str, str]] = []
    for word in _WORD.findall(text):
        mixed = _LATIN.search(word) and _CYRILLIC.search(word)
        part = word.translate(_LATIN_LOOKALIKE) if mixed else word
        part = SPELLINGS.get(part, part)
        out.append((part, NUMBERS.get(part, part)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Token:
    """A folded word with where it was said: ``raw`` is the recogniser's word it came from."""

    norm: str
    raw: str
    start: float
    end: float


def normalize_text(text: str) -> list[str]:
    """Folded tokens of a phrase or an utterance text (no times)."""
    parts = [pair for word in text.split() for pair in _fold_parts(word)]
    words = [w for w, _ in parts]
    tokens = [t for _, t in parts]
    for first, last, joined in reversed(join_numbers(tokens, words)):
        tokens[first : last + 1] = [joined]
    return tokens


def tokenize(
    text: str, start: float, end: float, words: list[tuple[str, float, float]] | None = None
) -> list[Token]:
    """Timed tokens of one utterance. With recogniser word times each token keeps its word's
    times; without them the utterance's span is shared out by character position, which is
    good enough to show and seek to the matched words."""
    tokens: list[Token] = []
    sources: list[str] = []
    if words:
        for raw, w_start, w_end in words:
            for word, norm in _fold_parts(raw):
                tokens.append(Token(norm, raw, w_start, w_end))
                sources.append(word)
        return _join_numbers(tokens, sources)
    parts = text.split()
    total = sum(len(p) + 1 for p in parts) or 1
    span = max(end - start, 0.0)
    pos = 0
    for raw in parts:
        w_start = start + span * pos / total
        pos += len(raw) + 1
        w_end = start + span * (pos - 1) / total
        for word, norm in _fold_parts(raw):
            tokens.append(Token(norm, raw, round(w_start, 3), round(w_end, 3)))
            sources.append(word)
    return _join_numbers(tokens, sources)


def _join_numbers(tokens: list[Token], sources: list[str]) -> list[Token]:
    """A number said in several words becomes one token spanning them («две тысячи пятьдесят»
    → ``2050``), so prices and sizes compare as numbers."""
    for first, last, joined in reversed(join_numbers([t.norm for t in tokens], sources)):
        raw = " ".join(dict.fromkeys(t.raw for t in tokens[first : last + 1]))
        tokens[first : last + 1] = [Token(joined, raw, tokens[first].start, tokens[last].end)]
    return tokens
