"""What a reworded quote (a translation, a paraphrase) can still be checked for against its English
source: its numbers, as values, its negations, and words turned into their opposites.

Numbers survive translation but change their dress: `1,300` and `1.300`, `8.5%` and `8,5%`,
`USD 1.3 billion` and `1.300 millones de dólares`, `ten` and `diez`. Read as values, a changed
number is a `number_change` whatever the language; a different way of writing it is nothing.

A negation dropped or added in translation (`is not a conviction politician` and `es un político de
convicciones`) reverses the meaning: `negation`, substantive. English says some negations inside a
word (`unable`, `failed to`, `lacks`) where Spanish writes `no`; those may stand for a Spanish `no`,
but are not counted as a negation the quote dropped.
"""

from __future__ import annotations

import re

from ..lexicon import NEGATIONS, SPANISH_NEGATIONS
from ..model import Discrepancy, DiscrepancyKind, Span
from ..numbers import amounts
from ..tokens import fold
from .tags import superlatives
from .words import antonyms

ENGLISH_IMPLICIT = re.compile(r"\b(?:un(?:able|willing|likely)|impossible|fail(?:s|ed|ing)?(?: to)?|lack(?:s|ed|ing)?|"
                              r"refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing) to|absen(?:t|ce)|neither|hardly|barely|"
                              r"little|rarely|seldom|(?<!\ba )few)\b", re.I)
# A superlative with "ever" after it in its clause says a negation too ("the most difficult crisis he had
# ever managed": never a harder one). Every English superlative is spelt with a final -st ("most",
# "least", "toughest", "best", "worst"), which is the cheap test; the tagger decides (`tags`), since
# "interest", "protest" and "west" are spelt so as well.
MAYBE_SUPERLATIVE_EVER = re.compile(r"\b\w+st\b[^.;]{0,40}\bever\b", re.I)
UP_TO_EVER = re.compile(r"\b\w+\b[^.;]{0,40}\bever\b", re.I)
WORD_RE = re.compile(r"[^\W\d_]+(?:n't)?")
# Idioms with a negation word that negate nothing ("sin embargo": however; "no doubt": certainly)
NOT_NEGATING = re.compile(r"\b(?:sin (?:duda|embargo)|no s[oó]lo|no obstante|no doubt|not only)\b", re.I)


def changed_numbers(quote: str, source: str) -> tuple[str, str] | None:
    """The quote's numbers its source does not hold, and the source's the quote does not (as written,
    with the word that follows each),
    when both give numbers and they differ as values; None when they agree or either has none."""
    q, s = amounts(quote), amounts(source)
    if not q or not s:
        return None
    qv, sv = {a.value for a in q}, {a.value for a in s}
    missing = [a.shown for a in q if a.value not in sv]
    if not missing:
        return None
    return " ".join(dict.fromkeys(missing)), " ".join(dict.fromkeys(a.shown for a in s if a.value not in qv))


def _negations(text: str, words: frozenset[str]) -> list[str]:
    return [w for w in WORD_RE.findall(NOT_NEGATING.sub(" ", text)) if fold(w) in words or w.lower().endswith("n't")]


def _clause(text: str, negations: list[str]) -> str:
    """The clause of `text` that holds its first negation (all of it when it has none)."""
    clauses = [c.strip() for c in re.split(r"[,;:—–]|\s-{1,2}\s", text) if c.strip()]
    for c in clauses:
        if negations and _negations(c, frozenset(fold(n) for n in negations)):
            return c
    return text.strip()


def implicit_negations(text: str) -> list[str]:
    """The negations English says inside a word (`unable`, `failed to`, `lacks`) or by a superlative with
    "ever" ("the toughest fight they had ever faced"), in order of where they stand."""
    found = [(m.start(), m.group()) for m in ENGLISH_IMPLICIT.finditer(text)]
    if MAYBE_SUPERLATIVE_EVER.search(text):
        after = 0
        for start, _ in superlatives(text):
            m = UP_TO_EVER.match(text, start) if start >= after else None
            if m:
                found.append((start, m.group()))
                after = m.end()
    return [g for _, g in sorted(found)]


def changed_negation(quote: str, source: str, english: bool = False) -> tuple[str, str] | None:
    """The quote's clause and the source's, when one negates and the other does not: a Spanish (or
    English) quote's negation words against the English source's. `english`: both sides English, so
    a negation inside a word (`refused to`, `unable`) counts on either side."""
    q = _negations(quote, SPANISH_NEGATIONS | NEGATIONS)
    s = _negations(source, NEGATIONS)
    if english:
        q += implicit_negations(quote)
        s += implicit_negations(source)
    if bool(q) == bool(s):
        return None
    if q and implicit_negations(source):
        return None  # "no pudo" for "was unable": the negation is inside an English word
    return _clause(quote, q), _clause(source, s)


def changed_words(quote: str, source: str) -> tuple[str, str] | None:
    """A word only the quote has and a word only the source has that are opposites (`increase` and
    `decrease`, `legal` and `illegal`): the quote says the reverse in other words."""
    q = {w.lower() for w in WORD_RE.findall(quote)}
    s = {w.lower() for w in WORD_RE.findall(source)}
    for a in sorted(q - s):
        for b in sorted(s - q):
            if antonyms(a, b):
                return a, b
    return None


def differences(quote: str, text: str, sentence: Span, matched: Span, english: bool) -> tuple[Discrepancy, ...]:
    """Every difference a rewording of `text` can be checked for: the quote's numbers against the
    source `sentence`'s, a negation dropped or added against the `matched` words, and (`english`:
    a paraphrase, both sides English) a word turned into its opposite. Embeddings score a reversed
    claim as close as a faithful one; these make it substantive."""
    out = []
    sent, words = text[sentence.start : sentence.end], text[matched.start : matched.end]
    numbers = changed_numbers(quote, sent)
    if numbers:
        out.append(Discrepancy(DiscrepancyKind.NUMBER_CHANGE, numbers[0], numbers[1], None, sentence))
    negation = changed_negation(quote, words, english=english)
    if negation:
        out.append(Discrepancy(DiscrepancyKind.NEGATION, negation[0], negation[1], None, matched))
    opposite = changed_words(quote, words) if english else None
    if opposite:
        out.append(Discrepancy(DiscrepancyKind.ANTONYM, opposite[0], opposite[1], None, matched))
    return tuple(out)
