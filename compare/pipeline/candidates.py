"""Candidate retrieval: which paragraphs might a quote come from (the policy; `store` answers).

The strategies are modules of `compare.retrieve` (one each); this module is the policy that
composes them. Lexical, over the store's FTS5 index (diacritics folded). A long quote: the paragraphs that hold
all three of its rarest words (`by_rare_words`), with those that hold its longest word run exactly
first (`exact_first`: near-copies of a passage must not crowd out the original); when those do not
hold it, a wider search (`search`): pairs of its rare words (a changed word still leaves pairs that
hold), and any of them as a last resort (for a paraphrase). A short quote: the paragraphs that hold
the phrase, ranked by the words around the quote in the article, those of cables the article quotes
elsewhere, and those that themselves put the words in quotation marks. The semantic stage only
ever looks at what this stage returns (and an index's nearest vectors), so a check never embeds a
whole corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import retrieve
from ..lexicon import BRACKET_RE
from ..model import Paragraph
from ..retrieve import Query, Retrieved
from ..retrieve.rare import exact_first, rare_words  # noqa: F401  (the pipeline's names for them)
from ..store import CorpusStore
from ..weights import PHRASE_LIMIT, PHRASE_SEARCH_WORDS, SEARCH_LIMIT, SEGMENT_PAIRS_LIMIT, SHORT_PHRASE_WORDS
from . import words

S = retrieve.STRATEGIES


def by_rare_words(store: CorpusStore, segments: Iterable[str], limit: int = 20) -> list[Paragraph]:
    """The paragraphs that hold all three of a long quote's rarest words."""
    return retrieve.paragraphs(S["rare"](store, Query(tuple(segments)), limit))


def search(store: CorpusStore, segments: Iterable[str], limit: int = SEARCH_LIMIT, context: Iterable[str] = (),
           cited: Iterable[str] = ()) -> list[Paragraph]:
    """Candidates for a quote given as its ellipsis-separated segments, best first, no repeats (see
    the module's docstring). `context`: the rarest words around a short quote; `cited`: the cables
    the article quotes elsewhere."""
    segments = [s for s in segments if s.strip()]
    context, cited = tuple(context), frozenset(cited)
    whole = " ".join(segments)
    n_words = len(re.findall(r"\w+", whole))
    hits: list[Retrieved] = []
    spellings = list(dict.fromkeys([whole, words.in_american(whole)]))  # "catalyse" / "catalyze"

    def q(text: str) -> Query:
        return Query((text,), context=context, cited=cited)

    if n_words <= SHORT_PHRASE_WORDS:
        for variant in spellings:
            hits += S["phrase_in_cited"](store, q(variant), PHRASE_LIMIT)
            hits += S["phrase"](store, q(variant), PHRASE_LIMIT)
        if n_words == SHORT_PHRASE_WORDS:
            hits += S["pairs"](store, q(whole), SEGMENT_PAIRS_LIMIT)
        quoting = store.quoting(whole)
        if not hits and not quoting:  # no paragraph holds the words as printed: "blond" for "blonde"
            return retrieve.paragraphs(S["tolerant"](store, Query(tuple(segments), context=context, cited=cited), PHRASE_LIMIT))
        return _unique(retrieve.paragraphs(hits) + quoting)
    found = by_rare_words(store, segments, limit)
    if (n_words <= PHRASE_SEARCH_WORDS and len(segments) == 1 and not BRACKET_RE.search(whole)
            and len(found) >= limit):
        # a short quote of common words: its rare words hold in more paragraphs than were kept, so
        # the paragraphs holding its words in order come too (a body paragraph as well as a subject
        # line); only then, since a phrase of common words is a costly search in a large corpus
        for variant in spellings:
            hits += S["phrase"](store, q(variant), PHRASE_LIMIT)
    hits += S["pairs"](store, q(whole), limit)
    if len(segments) > 1:
        for s in segments:
            hits += S["pairs"](store, q(s), SEGMENT_PAIRS_LIMIT)
    if len(found) + len(hits) < limit:
        hits += S["any"](store, q(whole), limit)
    return _unique(found + [h.paragraph for h in hits])


def _unique(paragraphs: list[Paragraph]) -> list[Paragraph]:
    seen: dict[tuple[str, int], Paragraph] = {}
    for p in paragraphs:
        seen.setdefault(p.key, p)
    return list(seen.values())
