"""Name every difference between a quote and its aligned source, with its severity.

One family of differences a module, like RapidFuzz's one metric per module:

- `written`: the same words written differently (case, diacritics, number format, punctuation,
  white space, hyphenation between words): cosmetic. Typography alone (curly or straight quotes,
  dash style, line breaks, a trailing comma or full stop inside the quotation marks) is none.
- `elision`: the words an ellipsis leaves out: editorial.
- the rules of `RULES`, tried in this order on every alignment step that is not a run of equal
  words; the first that names the step wins: `bracketed` (editorial), `splice` (cosmetic),
  `redaction` (editorial), `joined` (one word written as two: cosmetic), `names` (a name's
  spelling: cosmetic), `spelling` (cosmetic), `units` (the same number in another unit:
  substantive), and last `substantive` (negation, hedge, changed
  number, opposite, insertion, deletion, substitution), which names whatever is left.

A new family is one module with a `rule(step) -> Found | None` placed in `RULES`, its kind a member
of `DiscrepancyKind` (with its severity and words), and its test.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Discrepancy, Op, OpTag, QuoteTokens, Segment, Severity
from ...tokens import Token
from ...weights import COSMETIC_PENALTY, SUBSTANTIVE_PENALTY
from . import bracketed, joined, names, redaction, spelling, splice, substantive, units
from .base import Described, Found, Rule, Step
from .elision import elision
from .written import equal_run, merge_case_runs

RULES: tuple[Rule, ...] = (
    bracketed.rule,
    splice.rule,
    redaction.rule,
    joined.rule,
    names.rule,
    spelling.rule,
    units.rule,
    substantive.rule,  # last: names every step the others leave
)
"""The rules for a step that is not a run of equal words, in the order they are tried."""

MERGES: tuple[Callable[[list[Op], list[Token], list[Token]], list[Op]], ...] = (redaction.merge, joined.merge)
"""Steps joined before the rules see them, in this order."""

__all__ = ["MERGES", "RULES", "Described", "Found", "Rule", "Step", "describe"]


def describe(qt: QuoteTokens, ptext: str, ptoks: list[Token], segments: list[Segment]) -> Described:
    qtext, qtoks = qt.text, qt.tokens
    out: list[Discrepancy] = []
    matched = 0
    cosmetic_words = 0
    last_p: int | None = None
    number_done: set[int] = set()
    for si, seg in enumerate(segments):
        if si > 0:
            out.append(elision(qt, ptext, ptoks, segments[si - 1], seg, last_p))
        prev_pair: tuple[int, int] | None = None
        ops = list(seg.ops)
        for merge in MERGES:
            ops = merge(ops, qtoks, ptoks)
        for op in ops:
            found: Found | None
            if op.tag is OpTag.EQUAL:
                found, prev_pair = equal_run(op, qt, ptext, ptoks, prev_pair, number_done)
            else:
                prev_pair = None
                step = Step(op, qt, qtoks, ptext, ptoks)
                found = next(f for f in (rule(step) for rule in RULES) if f is not None)
            out.extend(found.discrepancies)
            matched += found.matched
            cosmetic_words += found.cosmetic_words
        ends = [o.p2 for o in seg.ops if o.tag in (OpTag.EQUAL, OpTag.REPLACE)]
        if ends:
            last_p = max(ends)
    # The article's own speech tags between the parts of a spliced quote ("…held," Ray wrote, "Mugabe…")
    # are marked by its quotation marks (the record's `parts`): no difference from the source.
    out = merge_case_runs(out, qtext, ptext)
    n = sum(1 for b in qt.bracketed if not b) or 1
    substantive_found = sum(1 for d in out if d.severity is Severity.SUBSTANTIVE)
    score = (max(0.0, min(1.0, matched / max(n, 1))) - SUBSTANTIVE_PENALTY * substantive_found
             - COSMETIC_PENALTY * cosmetic_words)
    return Described(out, min(matched, n), round(max(0.0, score), 4))
