"""Redaction (editorial): a name the article prints where the release has `XXXXXXXXXXXX`."""

from __future__ import annotations

from ...model import Discrepancy, Op, OpTag
from ...model import DiscrepancyKind as K
from ...tokens import STOPWORDS, Token
from ...weights import REDACTED_NAME_WORDS
from .. import words as lexical
from .base import Found, Step


def rule(s: Step) -> Found | None:
    if not (s.op.tag is OpTag.REPLACE and lexical.redaction(s.ps) and a_name(s.qs, s.qtext)):
        return None
    qw, pw = s.sides()
    d = Discrepancy(K.REDACTION, s.qtext[qw.start : qw.end], s.ptext[pw.start : pw.end], qw, pw)
    return Found((d,), matched=len(s.qs))


def a_name(toks: list[Token], text: str | None) -> bool:
    """Words that can be a person's name: capitalised, joined by hyphens ("Lee Hyun-soo"), or small
    words inside it ("de", "bin"): what an article prints where the release has XXXXXXXXXXXX."""
    return bool(toks) and all(
        t.text[:1].isupper() or t.key in STOPWORDS or (k > 0 and toks[k - 1].end + 1 == t.start)
        for k, t in enumerate(toks))


def merge(ops: list[Op], qtoks: list[Token], ptoks: list[Token]) -> list[Op]:
    """A name of several words printed where the release has one `XXXXXXXXXXXX`: the alignment
    gives one word to the X's and leaves the others unmatched beside them; they are one redaction."""
    out: list[Op] = []
    for op in ops:
        prev = out[-1] if out else None
        if prev is not None and {prev.tag, op.tag} == {OpTag.REPLACE, OpTag.INSERT}:
            rep = prev if prev.tag is OpTag.REPLACE else op
            ins = op if rep is prev else prev
            if (lexical.redaction(ptoks[rep.p1 : rep.p2]) and ins.q2 - ins.q1 <= REDACTED_NAME_WORDS
                    and a_name(qtoks[ins.q1 : ins.q2], None)):
                out[-1] = Op(OpTag.REPLACE, min(prev.q1, op.q1), max(prev.q2, op.q2), rep.p1, rep.p2)
                continue
        out.append(op)
    return out
