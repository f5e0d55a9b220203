"""Names the article gives with a quote: "Le président afghan, Hamid Karzai, est qualifié de
« paranoïaque »", "Qaddafi, who Cretz described in the cables as…". A name in the quote's sentence
that the corpus holds, outside the quote itself, is a claim about what the cable is about (or who
wrote it); paragraphs holding it are where a short quote's words count for more than chance."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import everyday_english, stop_words
from ..store import CorpusStore
from ..tokens import fold
from ..weights import MIN_WORD_CHARS
from . import Query, Retrieved, register

NAME_RE = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][^\W\d_]{2,}(?:[-'’][^\W\d_]+)*")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;«“\"(]\s*|\n\s*)$")


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """Day and month names, which English capitalises although they name no one (the stdlib's)."""
    import calendar

    from ..lexicon import SPANISH_MONTHS

    return frozenset(fold(w) for w in (*calendar.day_name, *calendar.month_name, *SPANISH_MONTHS) if w)


def context_names(store: CorpusStore, context: str, quote: str, stop: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The folded names of the quote's sentence, outside the quote, that the corpus holds in no more
    paragraphs than a common word (`CorpusStore.common_df`: a country's name says little)."""
    around = context.replace(quote, " ")
    out: list[str] = []
    for m in NAME_RE.finditer(around):
        key = re.sub(r"[^a-z]", "", fold(m.group()))
        if (SENTENCE_START_RE.search(around[max(0, m.start() - 3) : m.start()]) or m.start() == 0) and everyday_english(key):
            continue  # capitalised by its place ("Despite …"); a rare word there is a name all the same ("Westerwelle, who …")
        if len(key) < MIN_WORD_CHARS or key in stop or key in _calendar() or key in stop_words("en"):
            continue
        n = store.df(key)
        if 0 < n <= store.common_df:
            out.append(key)
    return tuple(dict.fromkeys(out))


@register("names")
def search(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    """Paragraphs holding a name of the quote's sentence and, for a quote in another language, one of
    its words in English."""
    from ..store.corpus import any_of_groups

    if not query.names:
        return []
    groups = [list(query.names)] + ([[t for g in query.english for t in g]] if query.english else [])
    return [Retrieved(h.paragraph, "names", "holds a name the article gives with the quote")
            for h in store.search(any_of_groups(groups, len(groups)), limit)]
