"""A changed unit of measure is a substantive difference (`differences/units.py`), on a real sentence
of 09MEXICO2882 (data/cables): the same number with another unit changes the quantity."""

from __future__ import annotations

from compare.model import DiscrepancyKind, Quote, QuoteKind, Severity, Span, Verdict
from compare.pipeline.alignment import align
from compare.pipeline.decide import verdict_of

SOURCE = ("SEMAR forces killed Arturo Beltran Leyva (ABL), head of the Beltran Leyva Organization, during a "
          "shoot-out in Cuernavaca (approximately 50 miles south of Mexico City) that afternoon.")


def _align(quoted: str):
    return align(Quote("t.txt", quoted, 0, len(quoted), (Span(0, len(quoted)),), QuoteKind.QUOTATION, quoted),
                 "09MEXICO2882", (2,), SOURCE)


def test_another_unit_for_the_same_number_is_a_unit_change():
    quoted = "a shoot-out in Cuernavaca (approximately 50 kilometers south of Mexico City) that afternoon"
    a = _align(quoted)
    (d,) = [d for d in a.discrepancies if d.kind is DiscrepancyKind.UNIT_CHANGE]
    assert (d.quote_side, d.source_side, d.severity) == ("kilometers", "miles", Severity.SUBSTANTIVE)
    assert d.quote_span and quoted[d.quote_span.start : d.quote_span.end] == "kilometers"
    assert d.source_span and SOURCE[d.source_span.start : d.source_span.end] == "miles"
    assert verdict_of(a.discrepancies) is Verdict.ALTERED


def test_the_same_unit_written_otherwise_or_another_word_is_not():
    same = _align("a shoot-out in Cuernavaca (approximately 50 mi south of Mexico City) that afternoon")
    assert all(d.kind is not DiscrepancyKind.UNIT_CHANGE for d in same.discrepancies)
    other = _align("a shoot-out in Cuernavaca (approximately 50 minutes south of Mexico City) that afternoon")
    kinds = [d.kind for d in other.discrepancies]
    assert DiscrepancyKind.UNIT_CHANGE not in kinds and DiscrepancyKind.SUBSTITUTION in kinds
