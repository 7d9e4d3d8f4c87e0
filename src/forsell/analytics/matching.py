"""Phrase patterns matched against timed tokens, tolerant of inflection and recogniser errors.

A pattern is a phrase in plain words (``добрый день``, ``сәлеметсіз бе``). Each word matches a
recognised word (both folded, see ``normalize``) when
  * it is the same word;
  * the recognised word is a form of the pattern word's lemma (``колу`` / ``кола``, ``доброго`` /
    ``добрый``; see ``lang``);
  * the recognised word is the pattern word with a chain of Kazakh endings (``нанды`` / ``нан``,
    ``картаңызды`` / ``карта``), a Russian diminutive (``компотик``), or a Russian case ending
    on a name the dictionary does not know (``самсу`` / ``самса``);
  * the pattern word is written with ``*`` and the recognised word starts with it (an explicit
    stem in a scorecard: ``бонус*``);
  * the recognised word is not a Russian dictionary word and is within a small edit distance:
    1 for 5–8 letters, 2 for 9+ (``здраствуйте``, ``капучина``). A real word is never taken for
    another by spelling (``привез`` is not ``привет``); words of 4 letters or fewer never fuzz.
There is no prefix rule: a word that merely starts like another (``привезут``, ``приветливый``)
never counts as it. Between the words of a phrase up to ``MAX_GAP`` extra words may stand (``что
ещё вам подсказать``); a pattern word may match two recognised words run apart (``здрав
ствуйте``) and two pattern words may match one run-together word (``добрыйдень``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from .lang import diminutive_of, kazakh_form_of, known_russian, lemma, lemmas, russian_form_of
from .normalize import Token, normalize_text

MAX_GAP = 2  # extra words allowed inside one phrase, in total


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` when it exceeds ``limit``."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def fuzz_limit(length: int) -> int:
    """Edits allowed for a recogniser error: none up to 6 letters (one letter apart, short words
    are other words: «күтіңіз» / «күніңіз»), 1 up to 9, 2 beyond."""
    return 0 if length <= 6 else 1 if length <= 9 else 2


@dataclass(frozen=True, slots=True)
class PatternWord:
    text: str  # folded, without the ``*``
    stem: bool
    #: other forms of the word count (lemma, Kazakh endings, diminutive); off for fixed
    #: formulas (greetings) and a store's forbidden phrases, where «ждём» is not «ждите»
    inflect: bool = True


#: Verbs whose forms say who acts: «будете»/«хотите»/«возьмите» is the cashier asking,
#: «была»/«есть»/«хочу»/«возьму» anybody speaking of themselves or of a thing; these match only
#: as written.
PERSON_MATTERS = frozenset({"быть", "хотеть", "взять", "брать", "желать", "дать", "давать"})


def word_matches(pattern: PatternWord, word: str) -> bool:
    return pattern.text == word or _word_matches(pattern.text, pattern.stem, word, pattern.inflect)


@lru_cache(maxsize=262144)
def _word_matches(p: str, stem: bool, word: str, inflect: bool = True) -> bool:
    if word == p:
        return True
    if stem:
        if word.startswith(p):
            return True
        limit = 1 if len(p) >= 6 else 0
        return limit > 0 and any(
            edit_distance(p, word[:n], limit) <= limit
            for n in (len(p) - 1, len(p), len(p) + 1)
            if 0 < n <= len(word)
        )
    if p.isdigit() or word.isdigit():
        return False
    if inflect:
        # A form shorter than the name («кол», genitive plural of «кола») is too short to tell
        # from other words («қолма-қол», cash).
        if (
            len(p) >= 3
            and len(word) >= min(len(p), 4)
            and lemma(p) not in PERSON_MATTERS
            and lemma(p) in lemmas(word)
        ):
            return True  # «колу» is «кола»; «кол» (a stake) is not
        if kazakh_form_of(p, word) and not known_russian(word):
            return True  # «хотите» is Russian, not «хот» with Kazakh endings
        if (
            lemma(p) != p
            and lemma(p) not in PERSON_MATTERS
            and not known_russian(word)
            and kazakh_form_of(lemma(p), word)
        ):
            # A Russian name in the plural takes Kazakh endings on its singular: «блинчиктер»
            # of «блинчики», «круассандар» of «круассаны».
            return True
        if diminutive_of(p, word):
            return True
        if not (known_russian(p) and known_russian(word)) and russian_form_of(p, word):
            return True  # «самсу» of «самса», a name the dictionary does not know
    limit = fuzz_limit(len(p))
    if not inflect and len(p) < 9:
        return False  # a fixed formula: one letter off is another word («күніңіз», «күтіңіз»)
    return (
        limit > 0
        and word[:1] == p[:1]
        and not known_russian(word)
        and edit_distance(p, word, limit) <= limit
    )


@dataclass(frozen=True)
class Pattern:
    """One phrase, compiled. ``source`` is the phrase as the scorecard wrote it."""

    source: str
    words: tuple[PatternWord, ...]
    #: words[i] and words[i + 1] run together, for recognisers that merge words
    joined: tuple[PatternWord, ...] = ()

    @classmethod
    def compile(cls, phrase: str, *, inflect: bool = True) -> Pattern:
        """``inflect=False``: each word only as written (or misrecognised), not its other forms."""
        words: list[PatternWord] = []
        for raw in phrase.split():
            stem = raw.endswith("*")
            folded = normalize_text(raw.rstrip("*"))
            for i, part in enumerate(folded):
                words.append(PatternWord(part, stem and i == len(folded) - 1, inflect))
        if not words:
            raise ValueError(f"pattern {phrase!r} has no words")
        joined = tuple(PatternWord(a.text + b.text, b.stem, inflect) for a, b in pairwise(words))
        return cls(phrase, tuple(words), joined)


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token (inclusive)


def find(pattern: Pattern, tokens: Sequence[Token], start: int = 0) -> Match | None:
    """The first place at or after ``start`` where ``pattern`` is said in ``tokens``."""
    return search(pattern, [t.norm for t in tokens], start)


def search(pattern: Pattern, norms: Sequence[str], start: int = 0) -> Match | None:
    """``find`` over the tokens' folded texts (precomputed once per utterance)."""
    gaps = MAX_GAP if len(pattern.words) > 1 else 0
    first = pattern.words[0].text[0]
    for i in range(start, len(norms)):
        # Recognisers rarely get a word's first letter wrong: a cheap test before the real one.
        if norms[i][:1] != first:
            continue
        end = _match_from(pattern, 0, norms, i, gaps, True)
        if end is not None:
            return Match(pattern, i, end)
    return None


def _splits(a: PatternWord, b: PatternWord, tok: str) -> bool:
    """``tok`` is ``a`` (with its ending) run together with ``b``: ``скидочнаякарта``."""
    return any(
        word_matches(a, tok[:k]) and word_matches(b, tok[k:])
        for k in range(max(2, len(a.text) - 1), min(len(tok) - 1, len(a.text) + 4))
    )


def match_at(pattern: Pattern, norms: Sequence[str], i: int) -> Match | None:
    """``pattern`` said starting exactly at token ``i`` (``norms``: the tokens' folded text)."""
    end = _match_from(pattern, 0, norms, i, MAX_GAP if len(pattern.words) > 1 else 0, True)
    return Match(pattern, i, end) if end is not None else None


def find_all(pattern: Pattern, norms: Sequence[str]) -> list[Match]:
    """Every non-overlapping place ``pattern`` is said (``norms``: folded token texts)."""
    out: list[Match] = []
    pos = 0
    while (m := search(pattern, norms, pos)) is not None:
        out.append(m)
        pos = m.last + 1
    return out


def _match_from(
    pattern: Pattern, wi: int, norms: Sequence[str], ti: int, gaps: int, first: bool
) -> int | None:
    """Index of the last token used when ``words[wi:]`` match from token ``ti``, else None."""
    if ti >= len(norms):
        return None
    words = pattern.words
    w = words[wi]
    last = wi == len(words) - 1
    tok = norms[ti]
    options: list[tuple[int, int]] = []  # (next word index, tokens used)
    if word_matches(w, tok):
        options.append((wi + 1, 1))
    if ti + 1 < len(norms) and len(w.text) >= 5 and word_matches(w, tok + norms[ti + 1]):
        options.append((wi + 1, 2))  # a word the recogniser split in two
    if (
        not last
        and len(tok) >= 5
        and tok[:2] == w.text[:2]
        # Run together, both words are there: «картамен» is not «картамен бе» misheard.
        and len(tok) >= len(pattern.joined[wi].text) - 1
        and (word_matches(pattern.joined[wi], tok) or _splits(w, words[wi + 1], tok))
    ):
        options.append((wi + 2, 1))  # two words the recogniser ran together
    for next_wi, used in options:
        if next_wi == len(words):
            return ti + used - 1
        end = _match_from(pattern, next_wi, norms, ti + used, gaps, False)
        if end is not None:
            return end
    if not first and gaps > 0:  # an extra word inside the phrase
        return _match_from(pattern, wi, norms, ti + 1, gaps - 1, False)
    return None
