"""A quotation the article interrupts with a tag between commas, outside the marks: «"Nuestros
servicios", escribió Pascual, "transmitieron la información…"», «"En las reuniones", se cuenta en el
informe, "Moratinos intenta…"». The article says the two pieces are one sentence of the source, so a
piece too short to be traced alone comes from where the piece beside it comes from.

(An English quotation that ends its first piece with a comma inside the marks, `"We have 18 months,"
he said, "and …"`, is one quote already: `extract` joins it. This stage serves the form that
`extract` leaves as two quotes.)

Input: the untraced piece, its traced neighbour's result and the store. Output: a `Decision` naming
the neighbour's paragraph, or None when the form or the words do not hold.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Decision, Quote, QuoteResult, Verdict
from ..store import CorpusStore
from ..weights import PIECE_TAG_MAX_CHARS
from . import decide, translation
from .alignment import align

MARKS = "\"'“”„‟«»‹›‘’‚"
# what stands between the pieces, once their quotation marks are set aside: a comma, a tag of words with
# no end of sentence and no other quotation in it, a comma
TAG_RE = re.compile(r",[^.!?;:,\n" + re.escape(MARKS) + r"]*[^\W\d_][^.!?;:\n" + re.escape(MARKS) + r"]*,")


def interrupted(text: str, first: Quote, second: Quote) -> bool:
    """Whether `first` and `second` stand as «"…", tag, "…"» in the article: one quotation interrupted.
    The first piece must not end its sentence inside its marks."""
    if first.end > second.start or second.start - first.end > PIECE_TAG_MAX_CHARS:
        return False
    gap = text[first.end : second.start].strip().strip(MARKS).strip()
    return not first.text.rstrip().endswith((".", "!", "?", "…")) and TAG_RE.fullmatch(gap) is not None


def traced(store: CorpusStore, text: str, results: list[QuoteResult]) -> dict[int, Decision]:
    """For each untraced quote of the article (`results`, in the article's order, over `text`) that is a
    piece of an interrupted quotation beside a traced one, the decision its neighbour's paragraph gives
    it."""
    out: dict[int, Decision] = {}
    for k, r in enumerate(results):
        if r.verdict is not Verdict.NOT_FOUND or decide.not_a_cable_quote(r.quote):
            continue
        for j, first in ((k + 1, True), (k - 1, False)):
            if not 0 <= j < len(results) or results[j].source is None:
                continue
            a, b = (r.quote, results[j].quote) if first else (results[j].quote, r.quote)
            if interrupted(text, a, b) and (joined := find(store, r.quote, results[j], first)) is not None:
                out[k] = replace(joined, candidates=r.decision.candidates)
                break
    return out


def find(store: CorpusStore, piece: Quote, neighbour: QuoteResult, first: bool) -> Decision | None:
    """The neighbour's paragraph for the piece (`first`: the piece comes before its neighbour). A
    translation: the two pieces joined are compared with that paragraph's windows, and the piece's
    part is the window's part on its side of the neighbour's span. In the cables' language: the piece's
    own words must stand in that paragraph."""
    src = neighbour.source
    if src is None or src.paragraph is None or src.cable_id not in store.cables:
        return None
    paragraph = next((p for p in translation.cited_pool(store, [src.cable_id]).paragraphs
                      if p.number == src.paragraph), None)
    if paragraph is None:
        return None
    why = ("the article interrupts one quotation with a tag between commas; the piece beside this one "
           f"comes from {src.cable_id} ¶{src.paragraph}")
    if neighbour.verdict is Verdict.TRANSLATION:
        text = f"{piece.text} {neighbour.quote.text}" if first else f"{neighbour.quote.text} {piece.text}"
        c = translation.closest(replace(piece, text=text), translation.Pool([paragraph]))
        if c is None:
            return None
        a, b = (c.start, src.start) if first else (src.end, c.end)
        if b - a <= 0:
            a, b = c.start, c.end
        al = align(piece, paragraph.cable_id, (paragraph.number,), paragraph.text)
        al = replace(al, start=a, end=b, discrepancies=(), score=c.similarity, matched=0)
        return Decision(Verdict.TRANSLATION, round(min(c.similarity, neighbour.score), 4), al, (), False, (),
                        why + " (multilingual sentence encoder on the pieces joined)")
    al = align(piece, paragraph.cable_id, (paragraph.number,), paragraph.text)
    if not decide.supports(al):
        return None
    return Decision(decide.verdict_of(al.discrepancies), round(al.score, 4), al, (), False, al.discrepancies, why)
