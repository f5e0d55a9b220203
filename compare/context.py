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
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .tokens import content_keys, keys

if TYPE_CHECKING:
    import numpy as np

ALPHA = 0.05  # the most chance sources expected for a match to count
CORROBORATION = 0.5  # and the evidence must at least beat the median paragraph
LOW_INFORMATION = 4  # a quote with at most this many distinct content words needs context
SAMPLE = 20_000  # paragraphs in the null sample
BACKGROUND = Path(__file__).parent / "resources" / "background.tsv.gz"


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


def expected_occurrences(count: int, text: str, quoted: bool, n_paragraphs: int) -> float:
    """Paragraphs expected to hold (or quote) these words by chance in a corpus of this size: the
    corpus's own rate, shrunk towards the background rate by the background's size."""
    bg = background()
    rate = (count + bg.phrase_df(text, quoted)) / (n_paragraphs + bg.paragraphs)
    return max(1e-3, rate * n_paragraphs)


def low_information(text: str) -> bool:
    """True when a quote's words are too few or too common to identify a source by themselves."""
    return len(set(content_keys(text))) <= LOW_INFORMATION


def idf_weights(keys: Iterable[str], df: Callable[[str], int], n_docs: int) -> dict[str, float]:
    """Inverse document frequency of each key; keys in more than half the paragraphs weigh nothing."""
    weights = {k: math.log((n_docs + 1) / (df(k) + 0.5)) for k in keys}
    return {k: w for k, w in weights.items() if w > 0}


@dataclass(frozen=True)
class Evidence:
    """Why (or why not) one paragraph is the source of a low-information quote."""

    occurrences: int  # paragraphs that hold the words (that quote them, when this one quotes them)
    expected: float  # paragraphs expected to hold (or quote) them by chance, in a corpus of this size
    quoted: bool  # this paragraph puts the words in quotation marks
    overlap: float  # share of the context's information (IDF-weighted) this paragraph holds
    p_context: float  # chance that a random paragraph fits the context at least as well
    p_article: float  # chance that a random paragraph lies where the article's longer quotes come from
    article_tier: str  # "", "cable" or "paragraph": where the article quotes this source elsewhere

    @property
    def chance(self) -> float:
        """Expected number of paragraphs that would fit this well by accident."""
        return self.expected * min(self.p_context, self.p_article)

    @property
    def significant(self) -> bool:
        return self.chance <= ALPHA and min(self.p_context, self.p_article) <= CORROBORATION

    def describe(self) -> str:
        held = f"{'quote' if self.quoted else 'hold'} these words"
        reasons = []
        if self.article_tier:
            reasons.append(f"the article quotes this {self.article_tier} elsewhere")
        if self.p_context < 1.0:
            reasons.append(f"the article's context fits it better than {1 - self.p_context:.1%} of the corpus")
        why = " and ".join(reasons) or "nothing around the quote points to it"
        odds = (f"a coincidence has a chance of about {self.chance:.1%}" if self.chance < 1
                else f"about {self.chance:.0f} paragraphs would fit as well by coincidence")
        return f"short quote: {self.occurrences} paragraph(s) {held}; {why} ({odds})"


class NullSample:
    """How well does a random paragraph of the corpus fit a context? Measured on a fixed sample.

    A paragraph's fit is the IDF weight of the context words it holds, damped for long paragraphs
    as BM25 damps them (k1 = 1.2, b = 0.75, every word counted once): a 1,400-word paragraph holds
    some words of any context."""

    K1, B = 1.2, 0.75

    def __init__(self, keysets: list[frozenset[str]]) -> None:
        import numpy as np

        self.size = len(keysets)
        postings: dict[str, list[int]] = {}
        for i, keyset in enumerate(keysets):
            for k in keyset:
                postings.setdefault(k, []).append(i)
        self.index: dict[str, np.ndarray] = {k: np.asarray(v, dtype=np.int32) for k, v in postings.items()}
        self.mean_length = max(1.0, sum(len(k) for k in keysets) / max(1, self.size))
        self.damping = np.array([self.damp(len(k)) for k in keysets], dtype=np.float64)

    def damp(self, length: int) -> float:
        return (self.K1 + 1) / (1 + self.K1 * (1 - self.B + self.B * length / self.mean_length))

    @classmethod
    def of(cls, n: int, keys_of: Callable[[int], frozenset[str]], size: int = SAMPLE, seed: int = 0) -> NullSample:
        rows = range(n) if n <= size else sorted(random.Random(seed).sample(range(n), size))
        return cls([keys_of(i) for i in rows])

    def tail(self, weights: dict[str, float], score: float) -> float:
        """Share of the sample (add-one smoothed) whose fit to `weights` is at least `score`."""
        import numpy as np

        if score <= 0 or not weights:
            return 1.0
        fits = np.zeros(self.size, dtype=np.float64)
        for k, w in weights.items():
            rows = self.index.get(k)
            if rows is not None:
                fits[rows] += w
        fits *= self.damping
        return float((1 + np.count_nonzero(fits >= score - 1e-9)) / (1 + self.size))


@dataclass(frozen=True)
class ArticleSources:
    """Where the article's longer (self-identifying) quotes come from, as shares of the corpus."""

    near: frozenset[tuple[str, str]]  # (cable, paragraph text) of quotes in the same article block
    paragraphs: frozenset[tuple[str, str]]  # (cable, paragraph text) of any of the article's quotes
    cables: frozenset[str]
    cable_paragraphs: int  # how many paragraphs those cables have
    n_paragraphs: int

    def p(self, cable_id: str, paragraph_text: str) -> tuple[float, str]:
        n = max(1, self.n_paragraphs)
        if (cable_id, paragraph_text) in self.near:
            return len(self.near) / n, "paragraph"
        if (cable_id, paragraph_text) in self.paragraphs:
            return len(self.paragraphs) / n, "paragraph"
        if cable_id in self.cables:
            return self.cable_paragraphs / n, "cable"
        return 1.0, ""


def evidence(occurrences: int, text: str, quoted: bool, n_paragraphs: int, weights: dict[str, float],
             para_keys: frozenset[str], null: NullSample, article: tuple[float, str]) -> Evidence:
    """The evidence that the paragraph holding `text` (`occurrences` paragraphs do) is its source."""
    total = sum(weights.values())
    score = sum(w for k, w in weights.items() if k in para_keys)
    fit = score * null.damp(len(para_keys))
    return Evidence(
        occurrences=max(1, occurrences),
        expected=expected_occurrences(occurrences, text, quoted, n_paragraphs),
        quoted=quoted,
        overlap=score / total if total else 0.0,
        p_context=null.tail(weights, fit),
        p_article=article[0],
        article_tier=article[1],
    )
