"""Bracketed edits (editorial): words the article puts in square brackets ("[the president]",
"[t]he"), where the source has other words or none."""

from __future__ import annotations

import re

from ...model import Discrepancy, OpTag, Span
from ...model import DiscrepancyKind as K
from ...tokens import Token, unbracketed_key
from .base import Found, Step, span, words


def rule(s: Step) -> Found | None:
    op, qs = s.op, s.qs
    if (op.tag is OpTag.REPLACE and len(qs) == 1 and len(s.ps) == 1 and "[" in qs[0].text
            and unbracketed_key(qs[0].text) == s.ps[0].key):
        # "travel[s]" for "travel": letters the article adds in brackets, its marked edit
        d = Discrepancy(K.BRACKETED, qs[0].text, s.ps[0].text, Span(qs[0].start, qs[0].end), Span(s.ps[0].start, s.ps[0].end))
        return Found((d,), matched=1)
    if not (op.tag in (OpTag.REPLACE, OpTag.INSERT) and qs and all(s.qt.bracketed[op.q1 : op.q2])):
        return None
    base = max(0, qs[0].start - 1)
    m = re.search(r"\[[^\]]*\]", s.qtext[base : qs[-1].end + 1])
    qw = Span(base + m.start(), base + m.end()) if m else words(s.qtoks, op.q1, op.q2)
    assert qw
    d = Discrepancy(K.BRACKETED, s.qtext[qw.start : qw.end], span(s.ptext, s.ptoks, op.p1, op.p2),
                    qw, words(s.ptoks, op.p1, op.p2))
    return Found((d,), matched=len(qs))


def in_word(qtoks: list[Token], ptoks: list[Token], qi: int, pi: int) -> Discrepancy | None:
    """A marked edit inside a matched word: "[t]he" for "The"."""
    if "[" not in qtoks[qi].text:
        return None
    return Discrepancy(K.BRACKETED, qtoks[qi].text, ptoks[pi].text, words(qtoks, qi, qi + 1), words(ptoks, pi, pi + 1))
