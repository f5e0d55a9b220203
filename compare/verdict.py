"""From a quote's aligned candidates to one verdict, its source, a score and the ambiguity flag.

A candidate supports a quote only when it holds the quote's words: all of them for a quote of one
to three words, three quarters of them otherwise. A low-information quote (a few common words) also
needs evidence beyond its words that the paragraph is more than a chance hit (`context`), so a
common phrase in an unrelated cable is no source. Among supporting candidates the best alignment
wins; near ties are reported as ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .context import Evidence
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
    claim_fit: Callable[[Alignment], float],
    evidence: Callable[[Alignment], Evidence] | None = None,
    article_fit: Callable[[Alignment], float] | None = None,
    order: Callable[[Alignment], tuple[str, ...]] | None = None,
) -> Decision:
    """Pick the source. `claim_fit` says how well the article's attribution fits the cable (-1..1);
    `evidence`, given for a low-information quote, whether its context makes a paragraph more than a
    chance hit (see `context`); `article_fit` whether the article quotes the same cable elsewhere
    (0..1); `order` breaks exact ties (the earliest cable first: the one the others repeat)."""
    n_words = max((a.quote_tokens for a in alignments), default=len(quote.text.split()))
    ranked: list[tuple[float, Alignment, Evidence | None]] = []
    by_words_only: list[tuple[Evidence, Alignment]] = []  # the words fit, nothing else points there
    for a in alignments:
        if not supports(a):
            continue
        bonus = 0.05 * a.quoted_in_source + 0.03 * claim_fit(a) + 0.02 * (article_fit(a) if article_fit else 0.0)
        e = evidence(a) if evidence is not None else None
        if e is not None:
            if not e.significant:
                by_words_only.append((e, a))
                continue
            bonus += 0.2 * e.overlap
        ranked.append((a.score + bonus, a, e))
    ranked.sort(key=lambda x: (-round(x[0], 6), order(x[1]) if order else ()))
    by_words_only.sort(key=lambda x: (x[0].chance, -x[1].score))
    if not ranked:
        if by_words_only:
            e, closest = by_words_only[0]
            note = f"the words stand in the corpus, but only by chance: {e.describe()}"
            score = round(min(0.95, 0.5 + 0.5 * min(1.0, e.chance)), 4)
            return Decision(Verdict.NOT_FOUND, score, None, tuple(a for _, a in by_words_only[:3]), False, (), note)
        others = sorted((a for a in alignments if not supports(a)), key=lambda a: -a.score)
        return Decision(Verdict.NOT_FOUND, _abstain_score(others), None, tuple(others[:3]), False, ())
    best_score, best, best_e = ranked[0]
    # Another paragraph fits as well: for a short quote the words alone are enough to say so; a long
    # quote must also tie once context and attribution are counted.
    rivals = [(s, a) for s, a, _ in ranked[1:]]
    if n_words <= SHORT:
        rivals += [(a.score, a) for _, a in by_words_only]
    ambiguous = any(
        a.score >= best.score - TIE
        and (a.cable_id, a.paragraph_text) != (best.cable_id, best.paragraph_text)
        and (n_words <= SHORT or best_score - s < TIE)
        for s, a in rivals
    )
    candidates = (tuple(a for _, a, _ in ranked[1:]) + tuple(a for _, a in by_words_only))[:5]
    verdict = verdict_of(best.discrepancies)
    confidence = best.score * (0.8 if ambiguous else 1.0)
    if n_words <= SHORT:
        confidence *= 0.9
    note = best_e.describe() if best_e is not None else ""
    return Decision(verdict, round(min(1.0, max(0.0, confidence)), 4), best, candidates, ambiguous,
                    best.discrepancies, note)


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
