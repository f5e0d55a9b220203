"""Name spelling (cosmetic): one name transliterated another way ("Qadhafi"/"Gaddafi")."""

from __future__ import annotations

from ...model import Discrepancy, OpTag
from ...model import DiscrepancyKind as K
from .. import words as lexical
from .base import Found, Step


def rule(s: Step) -> Found | None:
    if not (s.op.tag is OpTag.REPLACE and lexical.same_name(s.qs, s.ps)):
        return None
    qw, pw = s.sides()
    d = Discrepancy(K.NAME_SPELLING, s.qtext[qw.start : qw.end], s.ptext[pw.start : pw.end], qw, pw)
    return Found((d,), matched=len(s.qs), cosmetic_words=len(s.qs))
