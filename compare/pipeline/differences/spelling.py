"""Spelling (cosmetic): a typo the article corrects, a British or American spelling, word for word."""

from __future__ import annotations

from ...model import Discrepancy, OpTag, Span
from ...model import DiscrepancyKind as K
from .. import words as lexical
from .base import Found, Step


def rule(s: Step) -> Found | None:
    qs, ps = s.qs, s.ps
    if not (s.op.tag is OpTag.REPLACE and len(qs) == len(ps)
            and all(lexical.spelling(q, p) for q, p in zip(qs, ps, strict=True))):
        return None
    found = tuple(Discrepancy(K.SPELLING, q.text, p.text, Span(q.start, q.end), Span(p.start, p.end))
                  for q, p in zip(qs, ps, strict=True))
    return Found(found, matched=len(qs), cosmetic_words=len(qs))
