"""Pairs of a quote's rare words: a conjunction of rare words costs as little as their posting lists,
which a disjunction of common ones does not; and a changed word still leaves pairs that hold. Any of
its rarer words is the last resort, for a paraphrase."""

from __future__ import annotations

from ..store import CorpusStore
from ..store.corpus import any_of, any_pair
from ..weights import PAIRS_RARE_WORDS
from . import Query, Retrieved, register
from .rare import rare_words


@register("pairs")
def search(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    """Paragraphs holding at least two of the quote's five rarest words (one, for a quote that has
    only one)."""
    words = rare_words(store, query.text, PAIRS_RARE_WORDS)
    telling = [w for w in words if store.df(w) <= store.common_df]
    words = telling if len(telling) >= 2 else words  # noqa: PLR2004 - a pair
    if not words or (len(words) == 1 and not telling):
        return []
    hits = store.search(any_of(words), limit) if len(words) == 1 else store.search(any_pair(words), limit)
    return [Retrieved(h.paragraph, "pairs", "holds two of the quote's rarest words") for h in hits]


@register("any")
def any_rare(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    """Paragraphs sharing any of the quote's rarer words."""
    words = [w for w in rare_words(store, query.text, 8) if store.df(w) <= store.common_df]
    hits = store.search(any_of(words), limit) if words else []
    return [Retrieved(h.paragraph, "any", "shares a rare word with the quote") for h in hits]
