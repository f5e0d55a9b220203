"""From a quote's aligned candidates to one decision: verdict, source, score and the ambiguity flag.

A candidate supports a quote only when it holds the quote's words: all of them for a quote of one
to three words, three quarters of them otherwise. A low-information quote (a few common words) also
needs evidence beyond its words that the paragraph is more than a chance hit (`context`), so a
common phrase in an unrelated cable is no source. Among supporting candidates the best alignment
wins, with small bonuses that only break ties between equally good alignments (`weights`); near
ties are reported as ambiguous.
"""

from __future__ import annotations

from ..model import (
    Alignment,
    Candidate,
    Decision,
    Discrepancy,
    DiscrepancyKind,
    Evidence,
    Quote,
    QuoteKind,
    Severity,
    Verdict,
)
from ..tokens import has_words
from ..weights import (
    AMBIGUOUS_CONFIDENCE,
    ARTICLE_FIT_BONUS,
    CHANCE_NOT_FOUND_BASE,
    CHANCE_NOT_FOUND_MAX,
    CLAIM_FIT_BONUS,
    CONTEXT_BONUS,
    MIN_COVERAGE,
    MIN_MATCHED_WORDS,
    MIN_SUBSTANTIVE_ALLOWED,
    NOT_FOUND_CLOSEST_WEIGHT,
    NOT_FOUND_SHOWN,
    OTHERS_SHOWN,
    QUOTED_IN_SOURCE_BONUS,
    SHORT_QUOTE_CONFIDENCE,
    SHORT_QUOTE_WORDS,
    SUBSTANTIVE_PER_WORDS,
    TIE,
    TRANSLATION_MIN_WORDS,
)
from .chance import significant
from .standing import NO_WORDS, SOURCE_NAME


def supports(a: Alignment) -> bool:
    """The alignment holds the quote's words (see the module's docstring)."""
    n = a.quote_tokens
    substantive = [d for d in a.discrepancies if d.severity is Severity.SUBSTANTIVE]
    if n <= SHORT_QUOTE_WORDS:
        return a.matched >= n and not substantive
    if len(substantive) > max(MIN_SUBSTANTIVE_ALLOWED, n // SUBSTANTIVE_PER_WORDS):
        return False
    return a.matched / n >= MIN_COVERAGE and a.matched >= MIN_MATCHED_WORDS


VERDICT_OF_WORST = {Severity.SUBSTANTIVE: Verdict.ALTERED, Severity.EDITORIAL: Verdict.ELIDED,
                    Severity.COSMETIC: Verdict.COSMETIC}


def verdict_of(discrepancies: tuple[Discrepancy, ...]) -> Verdict:
    """The verdict of a source's differences: that of the worst (verbatim when there are none)."""
    worst = Severity.worst(d.severity for d in discrepancies)
    return VERDICT_OF_WORST[worst] if worst is not None else Verdict.VERBATIM


def rank_score(c: Candidate) -> float:
    """The alignment's score with the tie-breaking bonuses (`weights`)."""
    a = c.alignment
    bonus = (QUOTED_IN_SOURCE_BONUS * a.quoted_in_source + CLAIM_FIT_BONUS * c.claim_fit
             + ARTICLE_FIT_BONUS * (c.article_tier.value != ""))
    if c.evidence is not None:
        bonus += CONTEXT_BONUS * c.evidence.overlap
    return a.score + bonus


def decide(quote: Quote, candidates: list[Candidate]) -> Decision:
    """Pick the source among aligned candidates (each with its attribution check, where the
    article quotes it elsewhere, and, for a low-information quote, the chance evidence)."""
    n_words = max((c.alignment.quote_tokens for c in candidates), default=len(quote.text.split()))
    ranked: list[tuple[float, Candidate]] = []
    by_words_only: list[tuple[Evidence, Alignment]] = []  # the words fit, nothing else points there
    for c in candidates:
        if not supports(c.alignment):
            continue
        if c.evidence is not None and not significant(c.evidence):
            by_words_only.append((c.evidence, c.alignment))
            continue
        ranked.append((rank_score(c), c))
    ranked.sort(key=lambda x: (-round(x[0], 6), x[1].order))
    by_words_only.sort(key=lambda x: (x[0].chance, -x[1].score))
    if not ranked:
        if by_words_only:
            e, _ = by_words_only[0]
            note = f"the words stand in the corpus, but only by chance: {e.describe()}"
            score = round(min(CHANCE_NOT_FOUND_MAX, CHANCE_NOT_FOUND_BASE + (1 - CHANCE_NOT_FOUND_BASE) * min(1.0, e.chance)), 4)
            return Decision(Verdict.NOT_FOUND, score, None, tuple(a for _, a in by_words_only[:NOT_FOUND_SHOWN]), False, (), note)
        unsupported = sorted((c.alignment for c in candidates if not supports(c.alignment)), key=lambda a: -a.score)
        return Decision(Verdict.NOT_FOUND, abstain_score(unsupported), None, tuple(unsupported[:NOT_FOUND_SHOWN]), False, ())
    best_score, winner = ranked[0]
    best = winner.alignment
    # Another paragraph fits as well: for a short quote the words alone are enough to say so; a long
    # quote must also tie once context and attribution are counted.
    rivals = [(s, c.alignment) for s, c in ranked[1:]]
    if n_words <= SHORT_QUOTE_WORDS:
        rivals += [(a.score, a) for _, a in by_words_only]
    ambiguous = any(
        a.score >= best.score - TIE
        and (a.cable_id, a.paragraph_text) != (best.cable_id, best.paragraph_text)
        and (n_words <= SHORT_QUOTE_WORDS or best_score - s < TIE)
        for s, a in rivals
    )
    others = (tuple(c.alignment for _, c in ranked[1:]) + tuple(a for _, a in by_words_only))[:OTHERS_SHOWN]
    confidence = best.score * (AMBIGUOUS_CONFIDENCE if ambiguous else 1.0)
    if n_words <= SHORT_QUOTE_WORDS:
        confidence *= SHORT_QUOTE_CONFIDENCE
    note = winner.evidence.describe() if winner.evidence is not None else ""
    return Decision(verdict_of(best.discrepancies), round(min(1.0, max(0.0, confidence)), 4), best, others,
                    ambiguous, best.discrepancies, note)


def abstain_score(others: list[Alignment]) -> float:
    """Confidence that nothing supports the quote: high when even the closest passage is far."""
    closest = max((a.matched / max(1, a.quote_tokens) for a in others), default=0.0)
    return round(max(0.0, 1.0 - closest * NOT_FOUND_CLOSEST_WEIGHT), 4)


def set_aside_cognate(quote: Quote, decision: Decision, language: str | None) -> Decision | None:
    """A short quote in another language than the cables', whose words a cable holds only spelled
    otherwise ("aggressiv" for "aggressive", in a German article): the article's language's own word,
    which its English cousin in some cable does not make a source. The decision without a source (a
    translation stage decides), or None when the quote is no such case."""
    if not (language not in (None, "en") and decision.source is not None
            and len(quote.text.split()) < TRANSLATION_MIN_WORDS
            and any(d.kind is DiscrepancyKind.SPELLING for d in decision.discrepancies)):
        return None
    return Decision(Verdict.NOT_FOUND, decision.score, None, decision.candidates, False, (),
                    "the words stand in a cable only as its language's cousins of the quote's")


def not_a_cable_quote(quote: Quote) -> str:
    """A reason not to look for a source at all, or '': a quote of no word ("a", "X"), a title inside a bibliographic citation
    ("Navarro, Carlos. "Title." (2010).") or a name in quotation marks ("Tony Tormenta", "April 6
    Movement"): a name found in a cable is the cable naming the same thing, not the article quoting it.
    Every other quote is looked for, and what the article says about it (a public statement, a scare
    quote: `standing`, in `Quote.not_cable`) counts only when no passage holds it
    (`QuoteResult.not_a_cable_quote`): a quote found in the corpus stays found."""
    if not has_words(quote.text):
        return quote.not_cable or NO_WORDS
    if quote.kind is QuoteKind.TITLE:
        return quote.not_cable or "a title inside a citation, not a quotation of a cable"
    if quote.kind is QuoteKind.NAME:
        return quote.not_cable or "a name or nickname in quotation marks, not a quotation of a cable"
    if quote.not_cable.startswith(SOURCE_NAME):  # "laut „Spiegel“": whom the article credits
        return quote.not_cable
    return ""
