"""Tolerant phrase search for short quotes: a reporter's `voluptuous blond` for the cable's
"voluptuous blonde", `big fat liar` for "big fat liars". A short quote is searched as an exact phrase
first; when no paragraph holds it, its longer words are searched by their stems (all but the last
letter, at least `TOLERANT_MIN_STEM`), in the same order. What comes back is aligned like any
candidate: the alignment names each difference, and the chance test decides as for an exact hit."""

from __future__ import annotations

import re

from ..store import CorpusStore
from ..store.corpus import fts_words, tolerant_phrase
from ..weights import TOLERANT_MIN_STEM
from . import Query, Retrieved, register


def stems(words: list[str]) -> list[str]:
    """For each word, the stem to search it by, or '' to search it as it is (short words, numbers)."""
    out = []
    for w in words:
        if len(w) > TOLERANT_MIN_STEM and re.fullmatch(r"[^\W\d_]+", w):
            out.append(w[: max(TOLERANT_MIN_STEM, len(w) - 1)].lower())
        else:
            out.append("")
    return out


@register("tolerant")
def search(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    words = fts_words(query.text)
    s = stems(words)
    if not any(s):
        return []
    match = tolerant_phrase(words, s)
    return [Retrieved(h.paragraph, "tolerant", "the quote's words by their stems, in order")
            for h in store.search(match, limit)]
