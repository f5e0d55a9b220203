"""Elision (editorial): the words an ellipsis between two aligned segments leaves out."""

from __future__ import annotations

from ...lexicon import ELLIPSIS_RE
from ...model import Discrepancy, OpTag, QuoteTokens, Segment, Span
from ...model import DiscrepancyKind as K
from ...tokens import Token


def elision(qt: QuoteTokens, ptext: str, ptoks: list[Token], before: Segment, seg: Segment,
            last_p: int | None) -> Discrepancy:
    """The ellipsis before `seg` (after `before`), with the source words it hides when the segments
    stand in the source's order (`last_p`: the source word after the previous segment)."""
    qtext, qtoks = qt.text, qt.tokens
    first_p = next((o.p1 for o in seg.ops if o.tag in (OpTag.EQUAL, OpTag.REPLACE)), None)
    prev_end = qtoks[before.q2 - 1].end
    mark = ellipsis_span(qtext, prev_end, qtoks[seg.q1].start)
    marked = qtext[mark.start : mark.end]
    if last_p is None or first_p is None:
        return Discrepancy(K.ELISION, marked, "", mark)
    lo, hi = (ptoks[last_p - 1].end, ptoks[first_p].start) if first_p > last_p else (0, 0)
    hidden = ptext[lo:hi]
    lead = len(hidden) - len(hidden.lstrip(" ,;:\n"))
    kept = hidden.strip(" ,;:\n")
    return Discrepancy(K.ELISION, marked, kept, mark, Span(lo + lead, lo + lead + len(kept)) if kept else None)


def ellipsis_span(qtext: str, lo: int, hi: int) -> Span:
    """The ellipsis marks between two segments' words, exactly: from the first mark to the last,
    without the spaces, quotation marks or punctuation around them."""
    marks = [m for m in ELLIPSIS_RE.finditer(qtext, lo, hi) if m.group().strip()]
    if not marks:
        return Span(lo, hi)
    a, b = marks[0].start(), marks[-1].end()
    while a < b and qtext[a].isspace():
        a += 1
    while b > a and qtext[b - 1].isspace():
        b -= 1
    return Span(a, b)
