"""Candidate retrieval: which paragraphs might a quote come from (the policy; `store` answers).

Lexical, over the store's FTS5 index (diacritics folded). A long quote: the paragraphs that hold
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
from functools import lru_cache

from ..lexicon import BRACKET_RE
from ..model import Paragraph
from ..store import CorpusStore, Hit
from ..store.corpus import all_of, any_of, any_pair, phrase
from ..tokens import STOPWORDS, fold, phrase_key, tokenize
from ..weights import EXACT_OTHERS, SEARCH_LIMIT
from . import words

SHORT_PHRASE_WORDS = 4  # a quote of at most this many words is looked for as a phrase only
PHRASE_SEARCH_WORDS = 10  # up to this many words, also as a phrase (its rare words may be common)
# Words a number is written with in one text and not the other ("50 percent", "50 per cent", "50%"):
# no use for finding the source, since the cable may print the sign.
NUMBER_FORMAT_WORDS = frozenset({"percent", "per", "cent", "pct"})


def rare_words(store: CorpusStore, text: str, most: int) -> list[str]:
    """The `most` rarest content words of `text` that the corpus holds (bracketed words left out:
    they are the article's, not the cable's), rarest first."""
    text = BRACKET_RE.sub(" ", text)
    words = {fold(t.text) for t in tokenize(text)
             if t.key not in STOPWORDS and len(t.key) > 2 and t.text != "%" and fold(t.text) not in NUMBER_FORMAT_WORDS}
    held = [(store.df(w), w) for w in words if w.isalnum()]
    return [w for df, w in sorted(x for x in held if x[0])][:most]


def by_rare_words(store: CorpusStore, segments: Iterable[str], limit: int = 20) -> list[Paragraph]:
    """The paragraphs that hold all three of a long quote's rarest words: where a faithful quote
    comes from, found from the shortest posting lists."""
    words = rare_words(store, " ".join(segments), 3)
    if len(words) < 2:
        return []
    return _unique(store.search(all_of(words), limit))


def _pairs(store: CorpusStore, text: str, limit: int = 30) -> list[Hit]:
    """Paragraphs holding at least two of the quote's five rarest words (one, for a quote that has
    only one). A conjunction of rare words costs as little as their posting lists, which a
    disjunction of common ones does not; and a changed word still leaves pairs that hold."""
    words = rare_words(store, text, 5)
    telling = [w for w in words if store.df(w) <= store.common_df]
    words = telling if len(telling) >= 2 else words
    if not words or (len(words) == 1 and not telling):
        return []
    if len(words) == 1:
        return store.search(any_of(words), limit)
    return store.search(any_pair(words), limit)


def _any(store: CorpusStore, text: str, limit: int = 10) -> list[Hit]:
    """Paragraphs sharing any of the quote's rarer words: the last resort, for a paraphrase."""
    words = [w for w in rare_words(store, text, 8) if store.df(w) <= store.common_df]
    return store.search(any_of(words), limit) if words else []


def _phrase(store: CorpusStore, text: str, limit: int, context: Iterable[str]) -> list[Hit]:
    """Paragraphs holding these words in this order; when too many do, those that also hold the
    telling (rare) words of the quote's context."""
    match = phrase(text)
    if not match:
        return []
    if store.phrase_count(text) <= limit:  # every paragraph that holds it
        return store.search(match, limit)
    telling = [w for w in context if store.df(w) <= store.common_df]
    return store.search(f"{match} AND ({any_of(telling)})", limit) if telling else []


def _phrase_within(store: CorpusStore, text: str, cable_ids: Iterable[str]) -> list[Hit]:
    """Paragraphs of these cables that hold these words in this order."""
    match = phrase(text)
    hits: list[Hit] = []
    for cid in cable_ids:
        if match and cid in store.cables:
            hits += store.search(match, 50, within=store.rows_of(cid))
    return hits


def search(store: CorpusStore, segments: Iterable[str], limit: int = SEARCH_LIMIT, context: Iterable[str] = (),
           cited: Iterable[str] = ()) -> list[Paragraph]:
    """Candidates for a quote given as its ellipsis-separated segments, best first, no repeats (see
    the module's docstring). `context`: the rarest words around a short quote; `cited`: the cables
    the article quotes elsewhere."""
    segments = [s for s in segments if s.strip()]
    whole = " ".join(segments)
    n_words = len(re.findall(r"\w+", whole))
    hits: list[Hit] = []
    spellings = list(dict.fromkeys([whole, words.in_american(whole)]))  # "catalyse" / "catalyze"
    if n_words <= SHORT_PHRASE_WORDS:
        for variant in spellings:
            hits += _phrase_within(store, variant, cited)
            hits += _phrase(store, variant, 50, context)
        if n_words == SHORT_PHRASE_WORDS:
            hits += _pairs(store, whole, 5)
        return _unique(hits, store.quoting(whole))
    found = by_rare_words(store, segments, limit)
    if (n_words <= PHRASE_SEARCH_WORDS and len(segments) == 1 and not BRACKET_RE.search(whole)
            and len(found) >= limit):
        # a short quote of common words: its rare words hold in more paragraphs than were kept, so
        # the paragraphs holding its words in order come too (a body paragraph as well as a subject
        # line); only then, since a phrase of common words is a costly search in a large corpus
        for variant in spellings:
            hits += _phrase(store, variant, 50, context)
    hits += _pairs(store, whole, limit)
    if len(segments) > 1:
        for s in segments:
            hits += _pairs(store, s, 5)
    if len(found) + len(hits) < limit:
        hits += _any(store, whole, limit)
    return _unique([Hit(p, 0.0) for p in found] + hits)


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


def _unique(hits: list[Hit], more: Iterable[Paragraph] = ()) -> list[Paragraph]:
    seen: dict[tuple[str, int], Paragraph] = {}
    for p in [h.paragraph for h in hits] + list(more):
        seen.setdefault((p.cable_id, p.start), p)
    return list(seen.values())
