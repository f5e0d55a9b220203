"""Word tokens with character offsets and folded comparison keys, shared by every matching stage.

A key folds what the contract calls typography and cosmetics: case, diacritics, number words
(`two` -> `2`, `thirty-one` -> `31`), the percent sign and `per cent` (-> `percent`) and thousands
separators. Punctuation and
white space are not tokens; they live in the gaps between tokens, where the alignment compares them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import BRACKET_RE

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A compound number word ("Thirty-one") is one token, keyed as its number ("31").
TOKEN_RE = re.compile(rf"(?i:\b(?:{_TENS})[-‐‑](?:{_UNITS})\b)|(?i:\bper[ \u00a0]cent\b)|\d+(?:,\d{{3}})+(?:\.\d+)?(?![^\W_])|"
                      r"\d+(?:\.\d+)?(?![^\W_])|[^\W_]+|[%$€£]")
_COMPOUND_RE = re.compile(rf"(?P<tens>{_TENS})[-‐‑](?P<unit>{_UNITS})")

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100",
}  # fmt: skip

CURRENCY_SIGNS = {"$": "usd", "€": "eur", "£": "gbp"}  # "$100" and "USD 100" are one amount

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "them", "him", "us", "me", "my", "not", "no", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "than", "then", "so", "if", "into", "out", "over", "under", "about", "up", "down", "there", "here", "who", "whom", "which", "what", "when", "where", "why", "how", "all", "any", "also", "very", "just", "only", "s", "t"]
)

QUOTE_CHARS = "\"'“”‘’„‟«»‹›`´"
DASH_CHARS = "-‐‑‒–—―−"


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case and diacritics folded: `Calderón` -> `calderon`."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=262144)
def key_of(word: str) -> str:
    if word == "%":
        return "percent"
    if word in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[word]
    if word[:3].lower() == "per" and word[3:4] in (" ", "\u00a0"):  # "per cent", one token
        return "percent"
    f = fold(word)
    if f[:1].isdigit():
        return f.replace(",", "")
    compound = _COMPOUND_RE.fullmatch(f)
    if compound:  # "thirty-one"
        return str(int(NUMBER_WORDS[compound["tens"]]) + int(NUMBER_WORDS[compound["unit"]]))
    return NUMBER_WORDS.get(f, f)


def unbracketed_key(word: str) -> str:
    """The key of a word without the letters the article added in brackets ("travel[s]" -> "travel")."""
    return key_of(BRACKET_RE.sub("", word))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group(), key_of(m.group()), m.start() + offset, m.end() + offset)
        for m in TOKEN_RE.finditer(text)
    ]


def is_number(key: str) -> bool:
    return key[:1].isdigit()


def keys(text: str) -> list[str]:
    """The folded keys of a text's words, in order (`tokenize` without the offsets, and faster)."""
    return [key_of(w) for w in TOKEN_RE.findall(text)]


def content_keys(text: str) -> list[str]:
    """Folded keys of the words that carry meaning (no stop words), in order."""
    return [k for k in keys(text) if k not in STOPWORDS and len(k) > 1]


WORD_RE = re.compile(r"[^\W\d_]{2}")  # two letters in a row: the least that is a word


def has_words(text: str) -> bool:
    """The text holds a word of two letters or more: a quote of one letter or signs ("a", "X", "U.S.")
    has nothing a cable could be found by."""
    return WORD_RE.search(text) is not None


def phrase_key(text: str) -> str:
    """The folded keys of a phrase's words, space-joined: how quoted spans are looked up."""
    return " ".join(keys(text))


# Words that a paragraph itself puts in quotation marks ("down", 'a phase of greater harmony').
QUOTED_SPAN_RE = re.compile(r"(?<!\w)[\"“‘'](?=[^\W_])([^\"“”‘’'\n]{1,80}?)(?<=[^\W_]|[.,!?])[\"”’'](?!\w)")
QUOTED_SPAN_MAX_WORDS = 8


def quoted_spans(text: str) -> Iterator[str]:
    """The phrase keys of the short spans a paragraph puts in quotation marks."""
    for m in QUOTED_SPAN_RE.finditer(text):
        key = phrase_key(m.group(1))
        if key and key.count(" ") < QUOTED_SPAN_MAX_WORDS:
            yield key
