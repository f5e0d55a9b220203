"""A quote's words in this order: every paragraph that holds them, or, when too many do, those that
also hold the telling (rare) words of the quote's context; and the paragraphs of the cables the
article quotes elsewhere that hold them."""

from __future__ import annotations

from ..store import CorpusStore
from ..store.corpus import any_of, phrase
from . import Query, Retrieved, register


@register("phrase")
def search(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    text = query.text
    match = phrase(text)
    if not match:
        return []
    if store.phrase_count(text) <= limit:  # every paragraph that holds it
        hits = store.search(match, limit)
    else:
        telling = [w for w in query.context if store.df(w) <= store.common_df]
        hits = store.search(f"{match} AND ({any_of(telling)})", limit) if telling else []
    return [Retrieved(h.paragraph, "phrase", "holds the quote's words in order") for h in hits]


@register("phrase_in_cited")
def within_cited(store: CorpusStore, query: Query, limit: int) -> list[Retrieved]:
    """Paragraphs of the cables the article quotes elsewhere that hold these words in this order."""
    match = phrase(query.text)
    out: list[Retrieved] = []
    for cid in query.cited:
        if match and cid in store.cables:
            out += [Retrieved(h.paragraph, "phrase_in_cited", "holds the words, in a cable the article quotes")
                    for h in store.search(match, limit, within=store.rows_of(cid))]
    return out
