"""Word forms: Russian lemmas (pymorphy3), Kazakh suffix chains, and a cheap index stem.

Speech at the counter inflects every name: «колу», «круассаны», «бауырсақты», «картаңыз». The
matcher compares dictionary forms, not prefixes (a prefix rule once counted «привезут» as
«привет»):

* Russian: ``lemmas`` gives every normal form pymorphy3 (OpenCorpora dictionaries) finds for a
  word, so «колу» and «кола» share «кола», and «привезут» (→ «привезти») never meets «привет».
* Kazakh is agglutinative: a word is its stem plus a chain of endings (plural, possessive, case:
  «бауырсақ|тар|ды»). ``kazakh_rest`` says whether what follows a stem is such a chain, so
  «нанды» is «нан» and «картаңызды» is «карта». Stem-final к/қ/п voice before a vowel
  («бауырсағы», «кітабы»): folded, к→г and п→б are allowed at the seam.
* ``index_key``/``lookup_keys`` only pick candidates from a large catalog quickly (by first
  letters); every candidate is then checked by the real rules above.

Every function takes words already folded by ``normalize.fold_word`` (lower case, Kazakh letters
as their Russian look-alikes: қ→к, ғ→г, ң→н, ө→о, ұ/ү→у, і→и, ә→а, һ→х).
"""

from __future__ import annotations

import threading
from functools import lru_cache

#: Kazakh endings after folding (ң→н, ғ→г, қ→к, і→и, ә→а, ө→о, ү/ұ→у): plural, possessive,
#: case, and the polite imperative/question forms a cashier uses. A word's rest must be a chain
#: of these for the word to count as the stem inflected.
_KK_ENDINGS = (
    # plural
    "лар", "лер", "дар", "дер", "тар", "тер",
    # possessive (my, your, your polite, his/her, our)
    "ым", "им", "м", "ын", "ин", "н", "ыныз", "иниз", "ныз", "низ", "ы", "и", "сы", "си",
    "ымыз", "имиз", "мыз", "миз",
    # cases: accusative, genitive, dative, locative, ablative, instrumental, equative
    "ды", "ди", "ты", "ти", "ны", "ни", "н",
    "дын", "дин", "тын", "тин", "нын", "нин",
    "га", "ге", "ка", "ке", "на", "не", "а", "е",
    "да", "де", "та", "те", "нда", "нде",
    "дан", "ден", "тан", "тен", "нан", "нен",
    "мен", "бен", "пен", "ша", "ше",
    # derivations a name takes in speech: "with" (-лы), diminutive-ish (-шык)
    "лы", "ли", "ды", "ди", "ты", "ти",
)  # fmt: skip
_KK_ENDING_SET = frozenset(_KK_ENDINGS)
_KK_MAX = max(map(len, _KK_ENDINGS))
#: Stem-final consonants that voice before a vowel in Kazakh, folded: қ→ғ is к→г, п→б.
_VOICED = {"к": "г", "п": "б"}

_morph_lock = threading.Lock()
_morph = None


def _analyzer():
    """pymorphy3's analyser, loaded once (0.1 s, ~20 MB) and shared by every thread."""
    global _morph
    if _morph is None:
        with _morph_lock:
            if _morph is None:
                import pymorphy3  # type: ignore[import-untyped]

                _morph = pymorphy3.MorphAnalyzer(lang="ru")
    return _morph


def _cyrillic(word: str) -> bool:
    return all("а" <= ch <= "я" or ch == "ё" for ch in word)


@lru_cache(maxsize=131072)
def lemmas(word: str) -> frozenset[str]:
    """Every Russian normal form of a folded word («колу» → {«кола»}); the word itself for
    digits, Latin, one-letter words and words not in the dictionary."""
    if len(word) < 2 or not _cyrillic(word) or not known_russian(word):
        # pymorphy guesses a form for any word; for a Kazakh or misheard word the guess is noise
        # («қолма» → «кол», which would then meet «кола»).
        return frozenset((word,))
    parses = _analyzer().parse(word)
    forms = {p.normal_form.replace("ё", "е") for p in parses[:4]}
    forms.add(word)
    return frozenset(forms)


@lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """The one dictionary form a written name means (pymorphy3's first parse): «кола» is the
    drink, not the genitive of «кол»."""
    if len(word) < 2 or not _cyrillic(word) or not known_russian(word):
        return word
    parses = _analyzer().parse(word)
    # A name is written in its dictionary form: prefer the reading in which it is one («кола»
    # the drink, not the genitive of «кол»).
    own = next((p for p in parses if p.normal_form.replace("ё", "е") == word), parses[0])
    return own.normal_form.replace("ё", "е")


@lru_cache(maxsize=131072)
def known_russian(word: str) -> bool:
    """The word is in the Russian dictionary (not a guess): a real word, not a misheard one."""
    if len(word) < 2 or not _cyrillic(word):
        return False
    return _analyzer().word_is_known(word)


@lru_cache(maxsize=262144)
def kazakh_rest(rest: str) -> bool:
    """``rest`` is a chain of Kazakh endings (possibly empty): «тарды», «ныз», «ды»."""
    if not rest:
        return True
    for n in range(min(_KK_MAX, len(rest)), 0, -1):
        if rest[:n] in _KK_ENDING_SET and kazakh_rest(rest[n:]):
            return True
    return False


def kazakh_form_of(stem: str, word: str) -> bool:
    """``word`` is ``stem`` with Kazakh endings («нанды» of «нан», «бауырсагы» of «бауырсак»).
    Stems under three letters are left alone: «ал» would swallow half the language."""
    if len(stem) < 3 or len(word) <= len(stem):
        return False
    if word.startswith(stem):
        return kazakh_rest(word[len(stem) :])
    last = stem[-1]
    voiced = _VOICED.get(last)
    if voiced and word.startswith(stem[:-1] + voiced):
        return kazakh_rest(word[len(stem) :])
    return False


#: Russian diminutive endings people put on product names at the counter («компотик»,
#: «хлебушек», «водичку», «чаёк»), with the case endings they then take.
_DIMINUTIVE = frozenset(
    stem + ending
    for stem in ("ик", "чик", "ок", "ек", "очк", "ечк", "ичк", "ушк", "юшк", "ишк", "оньк", "еньк")
    for ending in ("", "а", "у", "и", "ом", "ой", "е", "ам", "ами", "ов")
) | frozenset(("ушек", "ишек", "очек", "ечек", "ичек", "ек", "ок", "ик"))


def diminutive_of(base: str, word: str) -> bool:
    """``word`` is a diminutive of ``base`` («компотик» of «компот», «водичку» of «вода»)."""
    stem = base[:-1] if base[-1:] in "аяоеьйи" else base
    if len(stem) < 3 or not word.startswith(stem):
        return False
    return word[len(stem) :] in _DIMINUTIVE


#: Case endings Russian puts on a loan word the dictionary does not know («самса» → «самсу»,
#: «круассан» → «круассаны», «шаурма» → «шаурмой»).
_RU_AFTER_A = frozenset(("у", "ы", "и", "е", "ой", "ою", "ю", "ам", "ами", "ах"))
_RU_AFTER_CONSONANT = frozenset(("а", "у", "ом", "е", "ы", "и", "ов", "ам", "ами", "ах", "ей"))


def russian_form_of(base: str, word: str) -> bool:
    """``word`` is ``base`` declined the Russian way (for names pymorphy3 does not know)."""
    if len(base) < 4 or not _cyrillic(base):
        return False
    if base[-1] in "ая":
        stem = base[:-1]
        return word.startswith(stem) and word[len(stem) :] in _RU_AFTER_A
    if base[-1] in "аеёиоуыэюяьй":
        return False  # «латте», «капучино»: indeclinable
    return word.startswith(base) and word[len(base) :] in _RU_AFTER_CONSONANT


def index_key(word: str) -> str:
    """Where a catalog word is filed for lookup: its first four letters (three for a word of four
    letters or fewer, whose endings reach further in: «кола» under «кол»). Spoken forms find it
    through ``lookup_keys``."""
    return word[:3] if len(word) <= 4 else word[:4]


def lookup_keys(word: str) -> tuple[str, ...]:
    """The keys a spoken word looks under: its first three and four letters, and those of its
    Russian lemmas («чаю» → «чай»). Inflection and Kazakh endings change a word's end, rarely
    its first letters, so the candidates are few and every one is then checked properly."""
    forms = {word} | (lemmas(word) if len(word) >= 3 else set())
    # Sorted: the order terms are found in decides which of two equal names explains an offer,
    # and a set's order changes from run to run.
    return tuple(sorted({f[:n] for f in forms for n in (3, 4) if len(f) >= n} | {word}))


@lru_cache(maxsize=131072)
def unglued(word: str) -> str:
    """``word`` without a preposition the recogniser glued to it («скорицей» → «корицей»,
    «смаком» → «маком»): only when the whole is no Russian word and the rest is a noun in the
    case that preposition takes (с + instrumental). Else the word itself."""
    if len(word) < 6 or word[0] != "с" or not _cyrillic(word) or known_russian(word):
        return word
    rest = word[1:]
    if not known_russian(rest):
        return word
    if any("NOUN" in p.tag and "ablt" in p.tag for p in _analyzer().parse(rest)[:3]):
        return rest
    return word


@lru_cache(maxsize=16384)
def is_verb(word: str) -> bool:
    """A Russian verb form («возьмёшь», «добавить»); False for unknown and Kazakh words."""
    if not known_russian(word):
        return False
    return any(p.tag.POS in ("VERB", "INFN") for p in _analyzer().parse(word)[:2])


@lru_cache(maxsize=4096)
def transitive_imperative(word: str) -> bool:
    """A Russian imperative that takes an object («ждите», «смотрите»; not «отстаньте»); False
    for unknown and Kazakh words."""
    if not known_russian(word):
        return False
    return any("impr" in p.tag and "tran" in p.tag for p in _analyzer().parse(word)[:3])


@lru_cache(maxsize=16384)
def thing_in_accusative(word: str) -> bool:
    """A thing named as a verb's object: an inanimate noun, or «ваш»/«свой» before one, in the
    accusative («номер», «заказ», «ваш»), and not a form that is the subject too unless the
    dictionary reads it that way first («машина» is no object)."""
    if not known_russian(word):
        return False
    return any(
        "accs" in p.tag and ("inan" in p.tag or "Apro" in p.tag) and p.tag.POS in ("NOUN", "ADJF")
        for p in _analyzer().parse(word)[:2]
    )


@lru_cache(maxsize=16384)
def is_adjective(word: str) -> bool:
    """A Russian adjective («нарезной», «бактерицидный»); False for unknown and Kazakh words."""
    if not known_russian(word):
        return False
    return any(p.tag.POS in ("ADJF", "ADJS") for p in _analyzer().parse(word)[:2])
