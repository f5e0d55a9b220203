"""Context: is a short quote's source more than a chance occurrence of its words?

A long quote identifies its source by its words alone. A phrase of a few words does not: in 6,712
cables "down" stands in 2,107 paragraphs, "unprecedented cooperation" in five, none of them the
source of the article's words. So a paragraph that holds a low-information quote's words is taken
as its source only when the evidence around the quote makes a chance hit unlikely:

- the article's context (the words around the quote) fits the paragraph and its cable's subject
  better than it fits almost any paragraph of the corpus. How often a random paragraph fits as well
  is measured on a fixed random sample of the corpus's paragraphs (the null distribution);
- the article quotes the same paragraph, or the same cable, elsewhere in longer quotes. A random
  occurrence falls there with the probability of those paragraphs' share of the corpus;
- the paragraph itself puts the words in quotation marks, as the cable did with "down". Then the
  hits that could compete are only the paragraphs that quote the same words.

The expected number of chance sources is the number of paragraphs expected to hold (or quote) the
words by chance, times the probability of the strongest evidence; a paragraph is a source when that
is at most `ALPHA`, and when something beyond the words corroborates it at all (the article quotes
the cable, or the context fits the paragraph better than it fits half the corpus): rare words alone
never make a source. The first factor is the corpus's own count of the words, shrunk towards their
rate in cables in general (`resources/background.tsv.gz`, word counts over the 55,649 paragraphs of
6,712 released cables, built by `scripts/build_background.py`): a large corpus is its own
background, while two cable pages assembled around a story hold its words far more often than
chance would. Both factors scale with the corpus, so the rule holds from two cable pages to the
whole release.
"""

from __future__ import annotations

import gzip
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Alignment, Article, ArticleTier, Evidence, Quote, QuoteResult, Severity, Verdict
from ..tokens import STOPWORDS, content_keys, keys
from ..weights import ALPHA, BM25_B, BM25_K1, CLAIM_MIN_WORDS, CORROBORATION, LOW_INFORMATION, PHRASE_MIN_WORDS

RESOURCES = Path(__file__).parent.parent / "resources"
BACKGROUND = RESOURCES / "background.tsv.gz"
PHRASE_PRIOR = RESOURCES / "phrase_prior.tsv"


@dataclass(frozen=True)
class Background:
    """How many paragraphs of a large cable corpus hold each word."""

    paragraphs: int
    quoted_share: float  # the mean share of a word's occurrences that stand in quotation marks
    df: dict[str, int]

    def phrase_df(self, text: str, quoted: bool = False) -> float:
        """At most as many paragraphs hold a phrase as hold its rarest word."""
        n = float(min((self.df.get(k, 0) for k in keys(text)), default=0))
        return n * self.quoted_share if quoted else n


@lru_cache(maxsize=1)
def background() -> Background:
    meta: dict[str, float] = {}
    df: dict[str, int] = {}
    with gzip.open(BACKGROUND, "rt", encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            if key.startswith("#"):
                meta[key[1:]] = float(value)
            else:
                df[key] = int(value)
    return Background(int(meta["paragraphs"]), meta["quoted_share"], df)


def phrase_rarity(text: str) -> float:
    """How specific a phrase's words are: the summed inverse document frequency (log10) of its
    content words in cables in general (a word the background lacks counts as in one paragraph)."""
    bg = background()
    return sum(math.log10((bg.paragraphs + 1) / (bg.df.get(k, 0) + 1)) for k in content_keys(text))


@dataclass(frozen=True)
class PhrasePrior:
    """How often a phrase nobody copied stands in a corpus, by its length and rarity, measured
    leave-one-cable-out on real cables (`scripts/build_phrase_prior.py`)."""

    paragraphs: int  # the size of the corpus it was measured on
    cells: dict[tuple[int, int], tuple[int, int]]  # (words, rarity bin) -> (trials, found elsewhere)

    def p(self, text: str, n_paragraphs: int) -> float:
        """The chance that a phrase like `text`, written independently, stands somewhere in a corpus
        of `n_paragraphs` paragraphs. Pooled with the next less rare bin (never rarer ones: the
        estimate may only err high), add-one smoothed, scaled up to a larger corpus; never scaled
        down: a small corpus assembled around a story holds its phrases more often than chance."""
        n = len(keys(text))
        if n <= PHRASE_MIN_WORDS:
            return 1.0
        words, rarity = min(n, max(w for w, _ in self.cells)), int(phrase_rarity(text))
        trials = found = 0
        for r in (rarity, rarity - 1):
            t, f = self.cells.get((words, r), (0, 0))
            trials, found = trials + t, found + f
        if trials == 0:  # rarer than anything measured: the rarest measured bin of this length bounds it
            rarest = max((r for w, r in self.cells if w == words), default=None)
            if rarest is None or rarity < rarest:
                return 1.0
            trials, found = self.cells[(words, rarest)]
        p0 = (found + 1) / (trials + 2)
        return 1.0 - (1.0 - p0) ** (max(n_paragraphs, self.paragraphs) / self.paragraphs)


@lru_cache(maxsize=1)
def phrase_prior() -> PhrasePrior:
    paragraphs = 0
    cells: dict[tuple[int, int], tuple[int, int]] = {}
    with open(PHRASE_PRIOR, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#paragraphs"):
                paragraphs = int(line.split()[1])
            elif not line.startswith("#"):
                words, rarity, trials, found = map(int, line.split())
                cells[(words, rarity)] = (trials, found)
    return PhrasePrior(paragraphs, cells)


def expected_occurrences(count: int, text: str, quoted: bool, n_paragraphs: int) -> float:
    """Paragraphs expected to hold (or quote) these words by chance in a corpus of this size: the
    corpus's own rate, shrunk towards the background rate by the background's size."""
    bg = background()
    rate = (count + bg.phrase_df(text, quoted)) / (n_paragraphs + bg.paragraphs)
    return max(1e-3, rate * n_paragraphs)


def low_information(text: str) -> bool:
    """True when a quote's words are too few or too common to identify a source by themselves."""
    return len(set(content_keys(text))) <= LOW_INFORMATION


def idf_weights(words: Iterable[str], df: Callable[[str], int], n_docs: int) -> dict[str, float]:
    """Inverse document frequency of each key; keys in more than half the paragraphs weigh nothing."""
    weights = {k: math.log((n_docs + 1) / (df(k) + 0.5)) for k in words}
    return {k: w for k, w in weights.items() if w > 0}


def significant(e: Evidence) -> bool:
    """More than a chance hit: few chance sources expected, and something beyond the words' rarity
    points here (the article's context or its other quotes, or the phrase's own improbability)."""
    return e.chance <= ALPHA and (e.pointer <= CORROBORATION or e.p_phrase <= ALPHA)


class NullSample:
    """How well does a random paragraph of the corpus fit a context? Measured on a fixed sample
    (`store.schema.build_null_sample`).

    A paragraph's fit is the IDF weight of the context words it holds, damped for long paragraphs
    as BM25 damps them (every word counted once): a 1,400-word paragraph holds some words of any
    context."""

    def __init__(self, keysets: list[frozenset[str]]) -> None:
        self.size = len(keysets)
        postings: dict[str, list[int]] = {}
        for i, keyset in enumerate(keysets):
            for k in keyset:
                postings.setdefault(k, []).append(i)
        self.index: dict[str, np.ndarray] = {k: np.asarray(v, dtype=np.int32) for k, v in postings.items()}
        self.mean_length = max(1.0, sum(len(k) for k in keysets) / max(1, self.size))
        self.damping = np.array([self.damp(len(k)) for k in keysets], dtype=np.float64)

    def damp(self, length: int) -> float:
        return (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * length / self.mean_length))

    def tail(self, weights: dict[str, float], score: float) -> float:
        """Share of the sample (add-one smoothed) whose fit to `weights` is at least `score`."""
        if score <= 0 or not weights:
            return 1.0
        fits = np.zeros(self.size, dtype=np.float64)
        for k, w in weights.items():
            rows = self.index.get(k)
            if rows is not None:
                fits[rows] += w
        fits *= self.damping
        return float((1 + np.count_nonzero(fits >= score - 1e-9)) / (1 + self.size))


# -- the article around a quote ----------------------------------------------------------------------

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
    """The results whose source the article's other quotes take as context (in their order)."""
    return [r for r in done if r.source is not None and (r.verdict.supported or r.verdict is Verdict.TRANSLATION)
            and not low_information(r.quote.text)]


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
        near=frozenset((r.source.cable_id, r.source.paragraph_text) for r in cited
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

    def query_words(self, most: int = 12) -> list[str]:
        """The rarest context words, which rank the paragraphs that hold a short quote's words."""
        return sorted(self.weights, key=lambda k: -self.weights[k])[:most] if self.needs_context else []


def phrase_evidence(a: Alignment, n_paragraphs: int) -> float:
    """The chance that the quote's words stand in the corpus although nobody copied them
    (`PhrasePrior`), for a quote that reproduces its source without a change of words. A quote with
    unmarked changes is no exact phrase of the corpus, and a run of nothing but names and titles
    ("Bureau of International Narcotics and Law") recurs wherever its subject does: for those, 1."""
    if any(d.severity is Severity.SUBSTANTIVE for d in a.discrepancies):
        return 1.0
    run = longest_exact_run(a)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", run) if w.lower() not in STOPWORDS]
    if not words or all(w[0].isupper() for w in words):
        return 1.0
    return phrase_prior().p(run, n_paragraphs)


def longest_exact_run(a: Alignment) -> str:
    """The longest stretch of the source that the quote reproduces without a change of words: the
    aligned span cut at every difference that is more than cosmetic (an insertion cuts where it stands)."""
    cuts = sorted((d.source_span.start, d.source_span.end) for d in a.discrepancies
                  if d.severity is not Severity.COSMETIC and d.source_span is not None)
    pieces, at = [], a.start
    for lo, hi in cuts:
        pieces.append(a.paragraph_text[at:max(at, lo)])
        at = max(at, hi)
    pieces.append(a.paragraph_text[at : a.end])
    if any(d.severity is not Severity.COSMETIC and d.source_span is None for d in a.discrepancies):
        return ""  # a change whose place is unknown: no run can be vouched for
    return max(pieces, key=lambda t: len(keys(t)))


def evidence(a: Alignment, occurrences: int, para_keys: frozenset[str], ctx: QuoteContext, null: NullSample,
             n_paragraphs: int, claim: tuple[float, str] = (1.0, "")) -> Evidence:
    """The evidence that `a`'s paragraph (`occurrences` paragraphs hold the words) is the source."""
    weights = ctx.weights
    total = sum(weights.values())
    score = sum(w for k, w in weights.items() if k in para_keys)
    fit = score * null.damp(len(para_keys))
    p_article, tier = ctx.sources.p(a.cable_id, a.paragraph_text)
    p_context = null.tail(weights, fit)
    n_words = len(keys(a.text))
    if n_words < CLAIM_MIN_WORDS:  # one word: what the article claims around it points at a cable, not at it
        claim = (1.0, "")
    if (n_words <= PHRASE_MIN_WORDS and tier is ArticleTier.NONE and not a.quoted_in_source
            and claim[0] >= 1.0):
        # one or two words: that the article is about what the cable is about does not make the cable
        # the source of its words; the article must point at the cable, or the cable quote them
        p_context = 1.0
    return Evidence(
        occurrences=max(1, occurrences),
        expected=expected_occurrences(occurrences, a.text, a.quoted_in_source, n_paragraphs),
        quoted=a.quoted_in_source,
        overlap=score / total if total else 0.0,
        p_context=p_context,
        p_article=p_article,
        article_tier=tier,
        p_phrase=phrase_evidence(a, n_paragraphs),
        p_claim=claim[0],
        claim_reason=claim[1],
    )
