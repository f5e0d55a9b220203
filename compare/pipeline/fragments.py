"""Short quotes in another language: a word or a few of a cable, translated ("paranoïaque",
"orgulhosa", "un gros penchant"), with the article's sentence naming whom the cable described.

A sentence encoder cannot tell one word's source from the thousands of paragraphs that use its
translation, and a word alone is no evidence. So the quote's words are put into English
(`retrieve.crosslingual`, at a closer floor than for a long quote), and a paragraph is the source
only when it holds a translation of every one of them and something beyond the words points at it:
the article quotes its cable elsewhere, or the paragraph holds a name the article's sentence gives
with the quote. When the paragraphs that qualify belong to more than one cable, the words fit both
and there is no source: a guess between two cables would be a wrong source half the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .. import lexicon
from ..model import Decision, Paragraph, Quote, Span, Verdict
from ..retrieve import crosslingual, names
from ..store import CorpusStore
from ..store.corpus import any_of_groups
from ..tokens import keys
from ..weights import (
    ALPHA,
    CLAIM_MIN_WORDS,
    LEXICON_SHORT_FLOOR,
    MIN_WORD_CHARS,
    SHORT_TRANSLATION_CONFIDENCE,
    SHORT_TRANSLATION_HITS,
    TRANSLATION_MIN_WORDS,
)
from .alignment import align


def _span(p: Paragraph, groups: list[tuple[str, ...]]) -> Span | None:
    """The shortest run of the paragraph's words holding a word of every group."""
    words = [(m.start(), m.end(), re.sub(r"[^a-z0-9.]", "", m.group().casefold()).rstrip(".")) for m in
             re.finditer(r"\S+", p.text)]
    best: Span | None = None
    for i, (a, _, _) in enumerate(words):
        need = [set(g) for g in groups]
        for _, b, k in words[i:]:
            need = [g for g in need if k not in g]
            if not need:
                if best is None or b - a < best.end - best.start:
                    best = Span(a, b)
                break
    if best is None:
        return None
    text = p.text[best.start : best.end]
    return Span(best.start, best.start + len(text.rstrip(".,;:\"'”’)")))


def wanted(quote: Quote, language: str | None) -> bool:
    """A quote of fewer words than the sentence encoder compares, in another language than the cables'."""
    return language not in (None, "en") and 0 < len(quote.text.split()) < TRANSLATION_MIN_WORDS


def find(store: CorpusStore, quote: Quote, language: str, cited: Iterable[str]) -> Decision | None:
    found = crosslingual.groups(store, quote.text, language, floor=LEXICON_SHORT_FLOOR)
    content = [w for w in crosslingual.WORD_RE.findall(quote.text)
               if len(w) >= MIN_WORD_CHARS and w.casefold() not in lexicon.stop_words(language)]
    if (not found or len(found) < len(set(w.casefold() for w in content)) or all(g.name for g in found)
            or len(content) < CLAIM_MIN_WORDS):
        # a word with no translation in the corpus's English, nothing but names, or one word: a single
        # word's nearest English words are too often another word altogether ("sometida": "thwarted")
        return None
    groups = [g.terms for g in found]
    match = any_of_groups([list(g) for g in groups], len(groups))
    hits = [h.paragraph for h in store.search(match, SHORT_TRANSLATION_HITS)]
    count = store.match_count(match)  # paragraphs holding the words in English, whatever points at them
    stop = lexicon.stop_words(language)
    context_names = set(names.context_names(store, quote.context, quote.text, stop))
    quoted = frozenset(cited)
    n = max(1, store.n_paragraphs)
    cited_share = sum(hi - lo + 1 for lo, hi in (store.rows_of(c) for c in quoted if c in store.cables)) / n

    def pointer(p: Paragraph) -> tuple[float, str]:
        """The chance that a random paragraph is pointed at as this one is: it lies in a cable the
        article quotes elsewhere, or it holds the rarest name of the quote's sentence that it holds.
        Where the sentence names someone the corpus knows, a paragraph that does not name them is
        pointed at by nothing: the article says whom the words describe (an article quoting five
        cables about five leaders in one paragraph)."""
        held = context_names & set(keys(p.text + " " + (store.cables[p.cable_id].subject or "")))
        if context_names and not held:
            return (1.0, "")
        best = (cited_share, "of a cable the article quotes elsewhere") if p.cable_id in quoted else (1.0, "")
        if held:
            rarest = min(held, key=store.df)
            best = min(best, (store.df(rarest) / n, f"naming {rarest.title()}, as the article does beside the quote"))
        return best

    # as for a short quote in English (`context`): the paragraphs expected to hold the words and be
    # pointed at by chance must be few
    backed = [p for p in hits if count * pointer(p)[0] <= ALPHA]
    if not backed or len({p.cable_id for p in backed}) != 1:
        return None
    p = min(backed, key=lambda p: pointer(p)[0])
    span = _span(p, [tuple(g) for g in groups])
    if span is None:
        return None
    al = align(quote, p.cable_id, (p.number,), p.text)
    al = replace(al, start=span.start, end=span.end, discrepancies=(), score=SHORT_TRANSLATION_CONFIDENCE, matched=0)
    why = (f"the quote's words, put into English, stand in {count} paragraph(s); this one, {pointer(p)[1]}, "
           f"is the only cable where that is more than chance")
    return Decision(Verdict.TRANSLATION, SHORT_TRANSLATION_CONFIDENCE, al, (), False, (), why)
