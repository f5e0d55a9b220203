"""A long quote's rarest words: the paragraphs that hold all three of them are where a faithful quote
comes from, found from the shortest posting lists; those that hold its longest word run exactly come
first (`exact_first`: near-copies of a passage must not crowd out the original)."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import BRACKET_RE
from ..model import Paragraph
from ..store import CorpusStore
from ..store.corpus import all_of
from ..tokens import STOPWORDS, fold, phrase_key, tokenize
from ..weights import EXACT_OTHERS, MIN_WORD_CHARS, RARE_MIN_WORDS, RARE_SEARCH_WORDS
from . import Query, Retrieved, register

# Words a number is written with in one text and not the other ("50 percent", "50 per cent", "50%"):
# no use for finding the source, since the cable may print the sign.
NUMBER_FORMAT_WORDS = frozenset({"percent", "per", "cent", "pct"})


def rare_words(store: CorpusStore, text: str, most: int) -> list[str]:
    """The `most` rarest content words of `text` that the corpus holds (bracketed words left out:
    they are the article's, not the cable's), rarest first."""
    text = BRACKET_RE.sub(" ", text)
    words = {fold(t.text) for t in tokenize(text)
             if t.key not in STOPWORDS and len(t.key) >= MIN_WORD_CHARS and t.text != "%" and fold(t.text) not in NUMBER_FORMAT_WORDS}
    held = [(store.df(w), w) for w in words if w.isalnum()]
    return [w for df, w in sorted(x for x in held if x[0])][:most]


@register("rare")
def search(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    words = rare_words(store, query.text, RARE_SEARCH_WORDS)
    if len(words) < RARE_MIN_WORDS:
        return []
    return [Retrieved(h.paragraph, "rare", "holds the quote's three rarest words") for h in store.search(all_of(words), limit)]


@lru_cache(maxsize=8192)
def _spaced_keys(text: str) -> str:
    return f" {phrase_key(text)} "


def exact_first(paragraphs: list[Paragraph], segments: list[str], others: int = EXACT_OTHERS) -> list[Paragraph]:
    """The paragraphs that hold the quote's longest unbracketed run word for word (case and accents
    folded), all of them, then the best `others` of the rest: where near-copies of a passage crowd
    the full-text ranking, the exact source is still aligned."""
    runs = [r for seg in segments for r in BRACKET_RE.split(seg)]
    key = _spaced_keys(max(runs, key=len)) if runs else ""
    if key.strip() == "":
        return paragraphs[:others]
    exact = [p for p in paragraphs if key in _spaced_keys(p.text)]
    return exact + [p for p in paragraphs if p not in exact][:others]
