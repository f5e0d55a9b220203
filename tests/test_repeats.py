"""The same words quoted twice in one article come from one place (`pipeline.repeats`)."""

from __future__ import annotations

from compare.model import Alignment, Decision, Quote, QuoteKind, QuoteResult, Span, Verdict
from compare.pipeline import repeats

PARAGRAPH = ("Berlusconi's frequent late nights and penchant for partying hard mean he does not get sufficient rest. "
             "He has accepted lavish gifts from Putin.")  # 09ROME97 ¶5, as the release words it


def result(text: str, start: int, decision: Decision, kind: QuoteKind = QuoteKind.SCARE) -> QuoteResult:
    q = Quote("a.txt", text, start, start + len(text), (Span(start, start + len(text)),), kind, text)
    return QuoteResult(q, decision, None)


def test_an_occurrence_with_no_source_takes_the_source_of_the_same_words():
    at = PARAGRAPH.index("lavish gifts")
    found = Decision(Verdict.VERBATIM, 0.9, Alignment("09ROME97", 5, (5,), PARAGRAPH, at, at + 12, 2, 2, (), 1.0),
                     (), False, (), "short quote: 1 paragraph(s) hold these words")
    missing = Decision(Verdict.NOT_FOUND, 0.6, None, (), False, (), "only by chance")
    out = repeats.traced([result("lavish gifts", 10, found), result("Lavish gifts.", 400, missing),
                          result("Lavish Gifts", 900, missing, QuoteKind.NAME)])
    assert list(out) == [1]  # the second occurrence; the third is a name, never looked for
    assert (out[1].source.cable_id, out[1].source.paragraph) == ("09ROME97", 5)
    assert "same words elsewhere" in out[1].note
    assert repeats.traced([result("lavish gifts", 10, missing), result("lavish gift", 400, found)]) == {}
