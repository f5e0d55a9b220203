"""The chance test: is a short quote's source more than a chance occurrence of its words?

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

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..model import Alignment, ArticleTier, Evidence, Severity
from ..resources import background, phrase_prior
from ..store.cache import cache_dir
from ..tokens import STOPWORDS, keys
from ..weights import ALPHA, BM25_B, BM25_K1, CLAIM_MIN_WORDS, CORROBORATION, EXPECTED_FLOOR, PHRASE_MIN_WORDS

if TYPE_CHECKING:
    from ..store import CorpusStore
    from .context import QuoteContext


def expected_occurrences(count: int, text: str, quoted: bool, n_paragraphs: int, together: float = 1.0) -> float:
    """Paragraphs expected to hold (or quote) these words by chance in a corpus of this size: the
    corpus's own rate, shrunk towards the background rate by the background's size. The background
    knows each word's frequency only; a phrase is as rare there as its rarest word times `together`
    (`CorpusStore.together`: the share of that word's paragraphs in this corpus that hold all of
    the phrase's words), never rarer than its count here says."""
    bg = background()
    together = 1.0 if names_only(text) else together
    rate = (count + bg.phrase_df(text, quoted) * together) / (n_paragraphs + bg.paragraphs)
    return max(EXPECTED_FLOOR, rate * n_paragraphs)


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

    # Built from the 20,000 sampled paragraphs it takes about 1.2 s (reading and postings), most of an
    # English article's check; kept in the cache folder by the index's fingerprint it loads in a tenth.
    def save(self, path: Path) -> None:
        """Written under a temporary name and renamed: a reader never sees half a file."""
        words = sorted(self.index)
        lengths = np.array([len(self.index[w]) for w in words], dtype=np.int64)
        rows = np.concatenate([self.index[w] for w in words]) if words else np.zeros(0, dtype=np.int32)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".null-", suffix=".npz", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            np.savez(f, words=np.array(words), lengths=lengths, rows=rows, damping=self.damping,
                     shape=np.array([self.size, self.mean_length]))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> NullSample:
        with np.load(path, allow_pickle=False) as f:
            words, lengths, rows = f["words"].tolist(), f["lengths"], f["rows"]
            damping, shape = f["damping"], f["shape"]
        null = cls.__new__(cls)
        null.size, null.mean_length = int(shape[0]), float(shape[1])
        null.damping = damping
        null.index = dict(zip(words, np.split(rows, np.cumsum(lengths)[:-1]), strict=True)) if words else {}
        return null

    @classmethod
    def of(cls, store: CorpusStore) -> NullSample:
        """The store's null sample: loaded from the cache folder (by the index's fingerprint), or built
        from the store and kept there (a cache that cannot be read or written is no cache)."""
        path = cache_dir() / "null" / f"{store.fingerprint}.npz"
        try:
            return cls.load(path)
        except (OSError, KeyError, ValueError):
            pass
        null = cls(store.null_sample())
        with contextlib.suppress(OSError):
            null.save(path)
        return null

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


def phrase_evidence(a: Alignment, n_paragraphs: int) -> float:
    """The chance that the quote's words stand in the corpus although nobody copied them
    (`PhrasePrior`), for a quote that reproduces its source without a change of words. A quote with
    unmarked changes is no exact phrase of the corpus, and a run of nothing but names and titles
    ("Bureau of International Narcotics and Law") recurs wherever its subject does: for those, 1."""
    if any(d.severity is Severity.SUBSTANTIVE for d in a.discrepancies):
        return 1.0
    run = longest_exact_run(a)
    if names_only(run):
        return 1.0
    return phrase_prior().p(run, n_paragraphs)


def names_only(text: str) -> bool:
    """Whether a phrase's content words are all capitalised (names and titles: "Bureau of International
    Narcotics and Law"), or it has none: such a run recurs wherever its subject does, so neither its
    improbability nor how rarely its words meet says that the words were copied."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in STOPWORDS]
    return not words or all(w[0].isupper() for w in words)


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
             n_paragraphs: int, claim: tuple[float, str] = (1.0, ""), together: float = 1.0) -> Evidence:
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
        expected=expected_occurrences(occurrences, a.text, a.quoted_in_source, n_paragraphs, together),
        quoted=a.quoted_in_source,
        overlap=score / total if total else 0.0,
        p_context=p_context,
        p_article=p_article,
        article_tier=tier,
        p_phrase=phrase_evidence(a, n_paragraphs),
        p_claim=claim[0],
        claim_reason=claim[1],
    )
