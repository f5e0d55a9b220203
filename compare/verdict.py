"""From a quote's aligned candidates to one verdict, its source, a score and the ambiguity flag.

A candidate supports a quote only when it holds the quote's words: all of them for a quote of one
to three words, three quarters of them otherwise. Short quotes also need the article's context to
share meaningful words with the paragraph (or the paragraph to put the same words in quotation
marks), so a common phrase in an unrelated cable is no source. Among supporting candidates the
best alignment wins; near ties are reported as ambiguous.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .model import Alignment, Discrepancy, Quote, QuoteKind, Severity, Verdict

SHORT = 3  # words
MIN_COVERAGE = 0.75
TIE = 0.02


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    score: float
    source: Alignment | None
    candidates: tuple[Alignment, ...]
    ambiguous: bool
    discrepancies: tuple[Discrepancy, ...]
    note: str = ""


def supports(a: Alignment) -> bool:
    n = a.quote_tokens
    substantive = [d for d in a.discrepancies if d.severity is Severity.SUBSTANTIVE]
    if n <= SHORT:
        return a.matched >= n and not substantive
    if len(substantive) > max(2, n // 6):
        return False
    return a.matched / n >= MIN_COVERAGE and a.matched >= 3


def verdict_of(discrepancies: tuple[Discrepancy, ...]) -> Verdict:
    severities = {d.severity for d in discrepancies}
    if Severity.SUBSTANTIVE in severities:
        return Verdict.ALTERED
    if Severity.EDITORIAL in severities:
        return Verdict.ELIDED
    if severities:
        return Verdict.COSMETIC
    return Verdict.VERBATIM


def decide(
    quote: Quote,
    alignments: list[Alignment],
    context: Callable[[Alignment], float],
    claim_fit: Callable[[Alignment], float],
) -> Decision:
    """Pick the source. `context` scores how well the article's context fits a paragraph (0..1);
    `claim_fit` how well the article's attribution fits the cable (-1..1)."""
    n_words = max((a.quote_tokens for a in alignments), default=len(quote.text.split()))
    ranked: list[tuple[float, Alignment]] = []
    for a in alignments:
        if not supports(a):
            continue
        bonus = 0.05 * a.quoted_in_source + 0.03 * claim_fit(a)
        if n_words <= SHORT:
            ctx = context(a)
            if ctx < 0.05 and not a.quoted_in_source:
                continue
            bonus += 0.2 * ctx
        ranked.append((a.score + bonus, a))
    ranked.sort(key=lambda x: -x[0])
    others = sorted((a for a in alignments if not any(a is r for _, r in ranked)), key=lambda a: -a.score)
    if not ranked:
        return Decision(Verdict.NOT_FOUND, _abstain_score(others), None, tuple(others[:3]), False, ())
    best_score, best = ranked[0]
    # Another paragraph fits as well: for a short quote the words alone are enough to say so; a long
    # quote must also tie once context and attribution are counted.
    ambiguous = any(
        a.score >= best.score - TIE
        and (a.cable_id, a.paragraph) != (best.cable_id, best.paragraph)
        and (n_words <= SHORT or best_score - s < TIE)
        for s, a in ranked[1:]
    )
    candidates = tuple(a for _, a in ranked[1:6])
    verdict = verdict_of(best.discrepancies)
    confidence = best.score * (0.8 if ambiguous else 1.0)
    if n_words <= SHORT:
        confidence *= 0.9
    return Decision(verdict, round(min(1.0, max(0.0, confidence)), 4), best, candidates, ambiguous, best.discrepancies)


def _abstain_score(others: list[Alignment]) -> float:
    """Confidence that nothing supports the quote: high when even the closest passage is far."""
    closest = max((a.matched / max(1, a.quote_tokens) for a in others), default=0.0)
    return round(max(0.0, 1.0 - closest * 0.8), 4)


def kind_skips_matching(quote: Quote) -> str:
    """A reason not to look for a source at all, or ''."""
    if quote.kind is QuoteKind.TITLE:
        return "a title inside a citation, not a quotation of a cable"
    if quote.kind is QuoteKind.NAME:
        return "a name or nickname in quotation marks, not a quotation of a cable"
    return ""


def idf_overlap(context_keys: set[str], para_keys: set[str], df: Callable[[str], int], n_docs: int) -> float:
    """Share of the context's information (IDF-weighted) that the paragraph also holds."""
    if not context_keys:
        return 0.0
    weights = {k: math.log((n_docs + 1) / (df(k) + 0.5)) for k in context_keys}
    total = sum(w for w in weights.values() if w > 0) or 1.0
    return sum(w for k, w in weights.items() if k in para_keys and w > 0) / total
