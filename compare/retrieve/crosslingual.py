"""Cross-language retrieval: a quote in Spanish, French, Portuguese or German put into the cables'
English word by word (`crosslingual.Lexicon`: each word's nearest English words in the multilingual
encoder's space), names and numbers kept as they are; the paragraphs holding the most of its words
in English, ranked by the full-text index (BM25), are the candidates. The sentence encoder then
compares the quote with their sentences (`pipeline.translation`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import crosslingual
from ..lexicon import CASED_NOUNS, stop_words
from ..numbers import english_numbers
from ..store import CorpusStore
from ..store.corpus import any_of_groups
from ..tokens import fold
from ..weights import (
    CROSSLINGUAL_FEW_WORDS,
    CROSSLINGUAL_LEAST,
    CROSSLINGUAL_LEAST_MANY,
    LEXICON_FLOOR,
    LEXICON_GROUPS,
    LEXICON_NEAREST,
    MIN_WORD_CHARS,
    NAME_MAX_ZIPF,
    NAME_MIN_SHARE,
)
from . import Query, Retrieved, register

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# an elided article or pronoun before an apostrophe ("l'intention", "d'autres", "dell'Italia",
# "qu'il"): the word is what follows it
ELISION_RE = re.compile(r"^[^\W\d_]{1,4}['’](?=[^\W\d_]{2})")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Group:
    """One word of the quote and the corpus words that may stand for it in English."""

    word: str
    terms: tuple[str, ...]
    name: bool = False  # a name or a number: itself, not a translation


def groups(store: CorpusStore, text: str, language: str, floor: float = LEXICON_FLOOR) -> list[Group]:
    """The quote's content words put into English: a name the corpus holds stands for itself, a number
    as an English cable writes it, every other word by its nearest English words."""
    out: list[Group] = []
    to_translate: list[str] = []
    for m in WORD_RE.finditer(text):
        w = ELISION_RE.sub("", m.group())
        key = re.sub(r"[^a-z]", "", fold(w))
        # a capitalised word inside a German quote is a noun, whatever the stop-word list says ("die Macht",
        # "das Recht": power, right; "macht" and "recht" are function words)
        noun = language in CASED_NOUNS and w[:1].isupper() and m.start() > 0
        if len(key) < MIN_WORD_CHARS or (w.casefold() in stop_words(language) and not noun):
            continue
        if w[:1].isupper() and m.start() > 0 and is_name(store, w, key, language):
            out.append(Group(w, (key,), True))
        else:
            to_translate.append(w)
    for n in english_numbers(text):
        if store.df(n):
            out.append(Group(n, (n,), True))
    # German writes every noun with a capital: "Substanz" is "substance", "substanz" only a string to the
    # encoder (its nearest English words: "danced", "dance"); other languages' words are looked up in
    # lower case (a capital there starts a sentence)
    cased = language in CASED_NOUNS
    words = list(dict.fromkeys(w if cased else w.casefold() for w in to_translate))
    if words:
        lexicon = crosslingual.of(store)
        for w, near in zip(words, lexicon.nearest(words, LEXICON_NEAREST, floor), strict=True):
            terms = tuple(t for t, _ in near)
            if terms:
                out.append(Group(w, terms))
    return out


def is_name(store: CorpusStore, word: str, key: str, language: str) -> bool:
    """Whether a capitalised word of the quote is a name the cables write as it is ("Argentina",
    "Obama", "Nato"), not a word of the quote's language that a cable happens to hold in a quoted
    phrase ("Gobierno", "Ministerio", "Westen": a few paragraphs): a word common in the language
    (wordfreq) is a name only when the English cables use it often."""
    df = store.df(key)
    if not df:
        return False
    from wordfreq import zipf_frequency

    return (df >= max(2.0, NAME_MIN_SHARE * store.n_paragraphs)
            or zipf_frequency(word.casefold(), str(language)) < NAME_MAX_ZIPF)


def telling(store: CorpusStore, found: list[Group], most: int = LEXICON_GROUPS) -> list[Group]:
    """The `most` groups that say most about where a quote is from: names and numbers, then the
    words whose nearest English word is rarest in the corpus."""
    return sorted(found, key=lambda g: (not g.name, store.df(g.terms[0])))[:most]


def least_of(n: int) -> int:
    """How many of a quote's telling words a candidate must hold in English: two of up to five, three
    of more (a translation drops and adds words)."""
    return 1 if n <= 1 else min(n, CROSSLINGUAL_LEAST_MANY if n > CROSSLINGUAL_FEW_WORDS else CROSSLINGUAL_LEAST)


@register("crosslingual")
def search(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    if query.language in (None, "en"):
        return []
    return by_groups(store, groups(store, query.text, query.language), limit)


def by_groups(store: CorpusStore, found: list[Group], limit: int) -> list[Retrieved]:
    """The search, for a quote whose words are already put into English (`groups`)."""
    found = telling(store, found)
    if not found:
        return []
    match = any_of_groups([list(g.terms) for g in found], least_of(len(found)))
    return [Retrieved(h.paragraph, "crosslingual", "the quote's words put into English")
            for h in store.search(match, limit)]
