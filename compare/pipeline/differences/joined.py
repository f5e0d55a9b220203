"""One word written as two or split in two (cosmetic): "by-product"/"byproduct" (hyphenation),
"SE CRETLY"/"Secretly" (white space)."""

from __future__ import annotations

from ...model import Discrepancy, Op, OpTag
from ...model import DiscrepancyKind as K
from ...tokens import DASH_CHARS, Token
from .base import Found, Step


def rule(s: Step) -> Found | None:
    if not (s.op.tag is OpTag.REPLACE and "".join(t.key for t in s.qs) == "".join(t.key for t in s.ps)):
        return None
    qw, pw = s.sides()
    qside, pside = s.qtext[qw.start : qw.end], s.ptext[pw.start : pw.end]
    hyphen = any(c in DASH_CHARS for c in qside + pside)
    d = Discrepancy(K.HYPHENATION if hyphen else K.WHITESPACE, qside, pside, qw, pw)
    return Found((d,), matched=len(s.qs), cosmetic_words=len(s.qs))


def merge(ops: list[Op], qtoks: list[Token], ptoks: list[Token]) -> list[Op]:
    """Neighbouring unmatched words that spell the same letters on both sides ("by" "product" /
    "byproduct"; "Secretly" / "SE" "CRETLY") become one replacement, which `rule` names."""
    out: list[Op] = []
    for op in ops:
        prev = out[-1] if out else None
        if (prev is not None and op.tag is not OpTag.EQUAL and prev.tag is not OpTag.EQUAL
                and prev.q2 == op.q1 and prev.p2 == op.p1):
            q1, q2, p1, p2 = prev.q1, op.q2, prev.p1, op.p2
            if q2 > q1 and p2 > p1 and "".join(t.key for t in qtoks[q1:q2]) == "".join(t.key for t in ptoks[p1:p2]):
                out[-1] = Op(OpTag.REPLACE, q1, q2, p1, p2)
                continue
        out.append(op)
    return out
