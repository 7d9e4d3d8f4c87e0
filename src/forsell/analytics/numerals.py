"""Spoken numbers → one value: «две тысячи пятьдесят» is 2050, «мың үш жүз» is 1300.

``normalize`` turns each number word into digits (``сегиз`` → ``8``, ``жуз`` → ``100``); this
module then joins a run of them the way the words are meant, so that a price said in words is
the same number as the receipt's total, and «триста пятьдесят» is the «350» in «Латте 350 мл».
Russian and Kazakh build numbers alike: big before small, added («двести восемьдесят» = 280),
with «тысяча»/«мың» and the Kazakh «жүз» (hundred) multiplying what comes before them
(«жеті жүз» = 700, «екі мың» = 2000).

Two numbers said one after the other stay two: «два три» is not 5, «2 по 400» not 402. A
recogniser's thousands separator («1 250») is joined as before. Kazakh «төрт» (4) and «он» (10)
fold to the Russian words «торт» (cake) and «он» (he), so they count as numbers only next to a
number word that needs them («төрт жүз», «он бес»).
"""

from __future__ import annotations

from collections.abc import Sequence

HUNDRED, THOUSAND = 100, 1000
#: Folded words that multiply what comes before them (besides the digits ``normalize`` maps).
_HUNDRED_WORDS = frozenset({"жуз"})
#: Kazakh number words spelled like Russian words, and their values when they are numbers.
_AMBIGUOUS = {"торт": 4, "он": 10}


def _place(value: int) -> int:
    """The power of ten ``value`` ends on: 280 → 10, 300 → 100, 7 → 1."""
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


def join_numbers(norms: Sequence[str], words: Sequence[str]) -> list[tuple[int, int, str]]:
    """Groups of ``norms`` to merge, as (first, last, joined norm), for each run of two or more
    tokens that make one number. ``words``: each token's folded source word (``жуз`` for
    ``100``), to tell the Kazakh multiplier from Russian «сто»."""
    out: list[tuple[int, int, str]] = []
    n = len(norms)
    k = 0
    while k < n:
        value = _value(norms, words, k)
        if value is None:
            k += 1
            continue
        thousands, group, end = 0, value, k
        raw_digits = words[k].isdigit()
        if value == THOUSAND and not raw_digits:
            thousands, group = THOUSAND, 0  # «мың үш жүз»: what follows is added, not multiplied
        while end + 1 < n:
            nxt = _value(norms, words, end + 1)
            if nxt is None:
                break
            word = words[end + 1]
            spoken = not words[end + 1].isdigit()
            if (
                raw_digits
                and end == k
                and not spoken
                and len(norms[end + 1]) == 3
                and len(norms[k]) <= 3
            ):
                group = group * THOUSAND + nxt  # «1 250»: a thousands separator
            elif spoken and nxt == THOUSAND and thousands == 0 and 1 <= group < THOUSAND:
                thousands, group = group * THOUSAND, 0  # «екі мың», «две тысячи»
            elif spoken and word in _HUNDRED_WORDS and 1 <= group <= 9:
                group *= HUNDRED  # «жеті жүз»
            elif group == 0 and thousands and nxt < THOUSAND and nxt:
                group = nxt  # «мың үш жүз»: the hundreds after the thousand
            elif group and nxt < _place(group) and nxt < THOUSAND:
                group += nxt  # «двести восемьдесят», «сегіз жүз елу»
            else:
                break
            end += 1
        if end > k:
            out.append((k, end, str(thousands + group)))
        k = end + 1
    return out


def _value(norms: Sequence[str], words: Sequence[str], i: int) -> int | None:
    tok = norms[i]
    if tok.isdigit() and len(tok) <= 9:
        return int(tok)
    if tok in _AMBIGUOUS and i + 1 < len(norms):
        nxt = norms[i + 1]
        if words[i + 1] in _HUNDRED_WORDS or nxt == str(THOUSAND):
            return _AMBIGUOUS[tok]  # «төрт жүз», «он мың»
        if tok == "он" and nxt.isdigit() and 1 <= int(nxt) <= 9 and not words[i + 1].isdigit():
            return _AMBIGUOUS[tok]  # «он бес»
    return None
