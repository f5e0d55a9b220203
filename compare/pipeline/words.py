"""Is a changed word the same word? Spelling variants, typos, names written another way, antonyms.

A changed meaning is never cosmetic. Two words are one word spelt differently only when they are a
known British/American pair (`breame`), when one side is no word at all (`wordfreq`: a typo), or
when one is the other with two neighbouring letters swapped (the commonest typo: "trail" for
"trial"). A negating prefix (`successful`/`unsuccessful`) or a pair of opposites
(`increase`/`decrease`) is an antonym, which is substantive; two names that sound alike
(`Gaddafi`/`Qadhafi`) are one name transliterated. Word data loads once, lazily.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from ..lexicon import ANTONYMS, NEGATING_PREFIXES, NEGATIONS
from ..tokens import Token, is_number
from ..weights import (
    MIN_WORD_CHARS,
    NAME_COMMON_ZIPF,
    NAME_FUZZY_EDITS,
    NAME_FUZZY_MIN_CHARS,
    NAME_MIN_SOUNDS,
    NOT_A_WORD_ZIPF,
    SPELLING_EDITS,
    SPELLING_LONG_CHARS,
    SPELLING_LONG_EDITS,
    SPELLING_MIN_CHARS,
)

REDACTION_RE = re.compile(r"^X{4,}$")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=65536)
def _variant(a: str, b: str) -> bool:
    from breame.spelling import get_american_spelling, get_british_spelling

    return b in (get_american_spelling(a), get_british_spelling(a)) or a in (get_american_spelling(b),
                                                                              get_british_spelling(b))


@lru_cache(maxsize=65536)
def _american(word: str) -> str:
    from breame.spelling import get_american_spelling

    lower = word.lower()
    us = get_american_spelling(lower)
    if not us or us == lower:
        return word
    return us.capitalize() if word[:1].isupper() else us


def in_american(text: str) -> str:
    """The text with British spellings made American (`catalyse` -> `catalyze`): cables are written
    in American English, articles often are not, and a phrase search must find them both."""
    return re.sub(r"[A-Za-z]+", lambda m: _american(m.group()), text)


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_WORD_CHARS:
            return w[: -len(suffix)]
    return w


def antonyms(a: str, b: str) -> bool:
    """Opposites: a negating prefix (`legal`/`illegal`, `successful`/`unsuccessful`) or a known pair."""
    for x, y in ((a, b), (b, a)):
        for prefix in NEGATING_PREFIXES:
            if y == prefix + x or y == prefix + "-" + x:
                return len(x) >= MIN_WORD_CHARS
    sa, sb = _stem(a), _stem(b)
    return (sa, sb) in ANTONYMS or (sb, sa) in ANTONYMS or (a, b) in ANTONYMS or (b, a) in ANTONYMS


def _transposed(a: str, b: str) -> bool:
    return (len(a) == len(b) and DamerauLevenshtein.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2)  # noqa: PLR2004 - a swap: one edit to Damerau, two to Levenshtein


def spelling(q: Token, p: Token) -> bool:
    """The same word spelt otherwise (see the module's docstring)."""
    a, b = q.key, p.key
    if is_number(a) or is_number(b) or a in NEGATIONS or b in NEGATIONS or antonyms(a, b):
        return False
    if min(len(a), len(b)) < SPELLING_MIN_CHARS or DamerauLevenshtein.distance(a, b) > (
            SPELLING_EDITS if min(len(a), len(b)) < SPELLING_LONG_CHARS else SPELLING_LONG_EDITS):
        return _variant(a, b)
    return _variant(a, b) or _transposed(a, b) or min(zipf(a), zipf(b)) < NOT_A_WORD_ZIPF


def _skeleton(name: str) -> str:
    """A name's consonants as they sound: `Qadhafi`, `Gaddafi`, `Khadafy` -> `kdf`."""
    s = name.lower()
    for a, b in (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("sh", "s"), ("ch", "s"),
                 ("q", "k"), ("c", "k"), ("g", "k"), ("z", "s"), ("w", "v"), ("j", "y")):
        s = s.replace(a, b)
    s = re.sub(r"[aeiouy\W_]", "", s)
    s = re.sub(r"h", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def skeleton(name: str) -> str:
    """A name's consonants as they sound (`Suleiman`, `Soliman` -> `slmn`): one person, however spelt."""
    return _skeleton(name)


def same_name(qs: list[Token], ps: list[Token]) -> bool:
    """Names written otherwise: capitalised on both sides, sounding alike, not common words."""
    if not qs or not ps or not all(t.text[:1].isupper() for t in qs + ps):
        return False
    qa, pa = "".join(t.key for t in qs), "".join(t.key for t in ps)
    if qa == pa:
        return True
    sq, sp = _skeleton(qa), _skeleton(pa)
    if not (len(sq) >= NAME_MIN_SOUNDS and (sq == sp or (min(len(qa), len(pa)) >= NAME_FUZZY_MIN_CHARS
                                                         and DamerauLevenshtein.distance(qa, pa) <= NAME_FUZZY_EDITS))):
        return False
    # "Bush"/"Push" are words first (asked last: the word list loads only for names that sound alike)
    return not any(zipf(t.key) >= NAME_COMMON_ZIPF for t in qs + ps)


def redaction(ps: list[Token]) -> bool:
    """The release's `XXXXXXXXXXXX` where the cable named someone."""
    return bool(ps) and all(REDACTION_RE.match(t.text) for t in ps)
