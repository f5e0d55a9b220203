"""Changed meaning (substantive), the last rule, which names every step the others leave: a
negation or hedge dropped or added, a changed number, a word turned into its opposite, and
otherwise words inserted, deleted or substituted. The kinds are tried in `KINDS`' order."""

from __future__ import annotations

from collections.abc import Callable

from ...lexicon import HEDGES, NEGATIONS
from ...model import Discrepancy, Span
from ...model import DiscrepancyKind as K
from ...tokens import Token, is_number
from .. import words as lexical
from .base import Found, Step, where


def _keys_negation(tokens: list[Token], text: str) -> bool:
    for i, t in enumerate(tokens):
        if t.key in NEGATIONS:
            return True
        if t.key == "t" and i > 0 and tokens[i - 1].key.endswith("n") and text[tokens[i - 1].end : t.start] in "'’":
            return True
    return False


def negation(q: list[Token], p: list[Token], qtext: str, ptext: str) -> bool:
    return _keys_negation(q, qtext) != _keys_negation(p, ptext) or any(t.key in NEGATIONS for t in q + p)


def hedge(q: list[Token], p: list[Token], qtext: str, ptext: str) -> bool:
    return {t.key for t in q} & HEDGES != {t.key for t in p} & HEDGES


def number_change(q: list[Token], p: list[Token], qtext: str, ptext: str) -> bool:
    if q and p and all(is_number(t.key) for t in q + p if t.key != "percent"):
        return True
    return bool(q and p) and any(is_number(t.key) for t in q) != any(is_number(t.key) for t in p)


def antonym(q: list[Token], p: list[Token], qtext: str, ptext: str) -> bool:
    return len(q) == len(p) and any(lexical.antonyms(a.key, b.key) for a, b in zip(q, p, strict=True))


KINDS: tuple[tuple[K, Callable[[list[Token], list[Token], str, str], bool]], ...] = (
    (K.NEGATION, negation),
    (K.HEDGE, hedge),
    (K.NUMBER_CHANGE, number_change),
    (K.ANTONYM, antonym),
)


def kind_of(q: list[Token], p: list[Token], qtext: str, ptext: str) -> K:
    for kind, test in KINDS:
        if test(q, p, qtext, ptext):
            return kind
    if not q:
        return K.DELETION
    if not p:
        return K.INSERTION
    return K.SUBSTITUTION


def rule(s: Step) -> Found:
    op = s.op
    kind = kind_of(s.qs, s.ps, s.qtext, s.ptext)
    qw, pw = where(s.qtext, s.qtoks, op.q1, op.q2, parens=True), where(s.ptext, s.ptoks, op.p1, op.p2, parens=True)
    if pw is None and op.p1 < len(s.ptoks):  # an insertion: where in the source it would stand
        pw = Span(s.ptoks[op.p1].start, s.ptoks[op.p1].start)
    d = Discrepancy(kind, s.qtext[qw.start : qw.end] if qw else "", s.ptext[pw.start : pw.end] if pw else "", qw, pw)
    return Found((d,))
