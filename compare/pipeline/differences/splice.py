"""Splice (cosmetic): the source's own speech tag between two quoted parts ("…held," he said,
"Mugabe…"), left out of a quotation that joins them."""

from __future__ import annotations

import re

from ...lexicon import ANY_SPEECH_VERB_RE
from ...model import Discrepancy, OpTag
from ...model import DiscrepancyKind as K
from ...tokens import Token
from ...weights import SPLICE_TAG_WORDS
from .base import Found, Step, words

SPEECH_TAG_RE = re.compile(r"\b(?:" + ANY_SPEECH_VERB_RE + r")\b", re.I)


def rule(s: Step) -> Found | None:
    op = s.op
    if not (op.tag is OpTag.DELETE and is_splice(s.ptext, s.ptoks, op.p1, op.p2)):
        return None
    spoken = words(s.ptoks, op.p1, op.p2)
    assert spoken
    return Found((Discrepancy(K.SPLICE, "", s.ptext[spoken.start : spoken.end], None, spoken),))


def is_splice(ptext: str, ptoks: list[Token], p1: int, p2: int) -> bool:
    before = ptext[ptoks[p1 - 1].end : ptoks[p1].start] if p1 > 0 else ""
    after = ptext[ptoks[p2 - 1].end : ptoks[p2].start] if p2 < len(ptoks) else ""
    spoken = ptext[ptoks[p1].start : ptoks[p2 - 1].end]
    return (
        any(c in "”\"’" for c in before)
        and any(c in "“\"‘" for c in after)
        and p2 - p1 <= SPLICE_TAG_WORDS
        and bool(SPEECH_TAG_RE.search(spoken))
    )
