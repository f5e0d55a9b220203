"""Context: the article around a quote, which the chance test (`pipeline.chance`) weighs.

The words around the quote (its article block, other quotations left out) weighted by rarity, and
where the article's longer, self-identifying quotes come from (`ArticleSources`): a short quote's
source is more than a chance occurrence of its words when the article's context fits it, or the
article quotes the same paragraph or cable elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, ArticleTier, Quote, QuoteResult, Verdict
from ..tokens import content_keys
from ..weights import CONTEXT_QUERY_WORDS, LOW_INFORMATION


def low_information(text: str) -> bool:
    """True when a quote's words are too few or too common to identify a source by themselves."""
    return len(set(content_keys(text))) <= LOW_INFORMATION


def idf_weights(words: Iterable[str], df: Callable[[str], int], n_docs: int) -> dict[str, float]:
    """Inverse document frequency of each key; keys in more than half the paragraphs weigh nothing."""
    weights = {k: math.log((n_docs + 1) / (df(k) + 0.5)) for k in words}
    return {k: w for k, w in weights.items() if w > 0}


# -- the article around a quote ----------------------------------------------------------------------

@lru_cache(maxsize=4096)  # every quote asks for the blocks of the article's other quotes
def block(text: str, pos: int) -> tuple[int, int]:
    """The article's paragraph (blank-line block) around a position."""
    lo = max(text.rfind("\n\n", 0, pos), 0)
    hi = text.find("\n\n", pos)
    return lo, len(text) if hi == -1 else hi


class _Blanked:
    """The last article's text with every quotation blanked, and its blocks' content words: worked
    out once per article, not once per quote (a paragraph of thousands of quotes stays linear)."""

    text: str | None = None
    quotes: object = None
    blanked = ""
    keys: dict[tuple[int, int], frozenset[str]] = {}

    @classmethod
    def block_keys(cls, text: str, all_quotes: Iterable[Quote], lo: int, hi: int) -> frozenset[str]:
        if cls.text is not text or cls.quotes is not all_quotes:
            chars = list(text)
            for other in all_quotes:
                for part in other.parts:
                    chars[part.start : part.end] = " " * (part.end - part.start)
            cls.text, cls.quotes, cls.blanked, cls.keys = text, all_quotes, "".join(chars), {}
        if (lo, hi) not in cls.keys:
            cls.keys[(lo, hi)] = frozenset(content_keys(cls.blanked[lo:hi]))
        return cls.keys[(lo, hi)]


def context_words(article: Article, q: Quote, all_quotes: Iterable[Quote]) -> set[str]:
    """The content words of the article block around the quote, other quotations left out."""
    text = article.text
    lo = block(text, q.start)[0]
    hi = block(text, q.end)[1]
    return set(_Blanked.block_keys(text, all_quotes, lo, hi)) - set(content_keys(q.text))


@dataclass(frozen=True)
class ArticleSources:
    """Where the article's longer (self-identifying) quotes come from, as shares of the corpus."""

    near: frozenset[tuple[str, str]]  # (cable, paragraph text) of quotes in the same article block
    paragraphs: frozenset[tuple[str, str]]  # (cable, paragraph text) of any of the article's quotes
    cables: frozenset[str]
    cable_paragraphs: int  # how many paragraphs those cables have
    n_paragraphs: int

    def p(self, cable_id: str, paragraph_text: str) -> tuple[float, ArticleTier]:
        n = max(1, self.n_paragraphs)
        if (cable_id, paragraph_text) in self.near:
            return len(self.near) / n, ArticleTier.PARAGRAPH
        if (cable_id, paragraph_text) in self.paragraphs:
            return len(self.paragraphs) / n, ArticleTier.PARAGRAPH
        if cable_id in self.cables:
            return self.cable_paragraphs / n, ArticleTier.CABLE
        return 1.0, ArticleTier.NONE


def identifying(done: Iterable[QuoteResult]) -> list[QuoteResult]:
    """The results whose source the article's other quotes take as context (in their order): the traced
    ones (`traced_near`) whose words identify their source alone."""
    return [r for r in traced_near(done) if not low_information(r.quote.text)]


def traced_near(done: Iterable[QuoteResult]) -> list[QuoteResult]:
    """The results with a source, short quotes included (`identifying` leaves those out)."""
    return [r for r in done if r.source is not None and (r.verdict.supported or r.verdict is Verdict.TRANSLATION)]


def cited_cables(done: Iterable[QuoteResult]) -> frozenset[str]:
    """The cables that the article's self-identifying quotes checked so far come from."""
    return frozenset(r.source.cable_id for r in identifying(done) if r.source)


def article_sources(article: Article, q: Quote, done: Iterable[QuoteResult], paragraphs_of: Callable[[str], int],
                    n_paragraphs: int) -> ArticleSources:
    """The sources of the article's quotes checked so far that identify their source: by their words,
    or as a translation (the quote's meaning, in another language, with a clear margin)."""
    cited = identifying(done)
    here = block(article.text, q.start)
    cables = cited_cables(cited)
    return ArticleSources(
        # in the same paragraph of the article, a short quote traced already counts too ("Gaddafi “cannot
        # travel” without her because “she alone knows his routine”": one sentence, one source)
        near=frozenset((r.source.cable_id, r.source.paragraph_text) for r in (*cited, *traced_near(done))
                       if r.source and block(article.text, r.quote.start) == here),
        paragraphs=frozenset((r.source.cable_id, r.source.paragraph_text) for r in cited if r.source),
        cables=cables,
        cable_paragraphs=sum(paragraphs_of(c) for c in cables),
        n_paragraphs=n_paragraphs,
    )


@dataclass(frozen=True)
class QuoteContext:
    """What the article says around one quote: the context words weighted by rarity, and where its
    other quotes come from."""

    weights: dict[str, float]
    sources: ArticleSources
    needs_context: bool  # a low-information quote: its words alone do not identify a source
    names: tuple[str, ...] = ()  # names the article's sentence gives with the quote (folded), held by the corpus

    def query_words(self, most: int = CONTEXT_QUERY_WORDS) -> list[str]:
        """The rarest context words, which rank the paragraphs that hold a short quote's words."""
        return sorted(self.weights, key=lambda k: -self.weights[k])[:most] if self.needs_context else []
