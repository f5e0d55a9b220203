"""Classes of what real articles do that the tool used to miss (issue: real articles, every
language), each on real cable text of the seed corpus (data/cables)."""

from __future__ import annotations

import pytest

from compare.model import DiscrepancyKind, Verdict


def _check(checker, text: str, name: str = "story.txt"):
    from compare.ingest.articles import from_text

    return checker.check_article(from_text(text, name))


def test_a_number_changed_at_the_quote_edge_is_a_number_change_not_an_insertion():
    from compare.model import Quote, QuoteKind, Span
    from compare.pipeline.alignment import align

    text = "Violence has killed 12525"
    q = Quote("a", text, 0, len(text), (Span(0, len(text)),), QuoteKind.QUOTATION, text)
    a = align(q, "X", (1,), "In 2009 violence has killed 6262 people in Mexico.")
    kinds = [(d.kind, d.quote_side, d.source_side) for d in a.discrepancies]
    assert (DiscrepancyKind.NUMBER_CHANGE, "12525", "6262") in kinds
    assert not any(k is DiscrepancyKind.INSERTION for k, _, _ in kinds)


def test_a_gloss_at_the_quote_end_stays_an_insertion():
    from compare.model import Quote, QuoteKind, Span
    from compare.pipeline.alignment import align

    text = "direct utility in the fight against the DTOs (drug-trafficking organizations)."
    q = Quote("a", text, 0, len(text), (Span(0, len(text)),), QuoteKind.QUOTATION, text)
    a = align(q, "X", (1,), "slower to be of direct utility in the fight against the DTOs. Of more concern is")
    assert [d.kind for d in a.discrepancies if d.severity.value == "substantive"] == [DiscrepancyKind.INSERTION]


def test_a_splice_across_two_paragraphs_is_aligned_part_by_part(seed_checker):
    # 10MEXICO83 ¶6 ends "... carry out law enforcement" ; ¶7 begins "Below the surface of military
    # professionalism": an article joins a piece of each with an ellipsis
    text = ('The embassy wrote that "the military was not trained to patrol the streets ... Below the surface '
            'of military professionalism, there is also considerable tension between SEDENA and SEMAR."')
    [r] = _check(seed_checker, text)
    assert r.source is not None and r.source.cable_id == "10MEXICO83"
    assert not [d for d in r.discrepancies if d.severity.value == "substantive"], r.discrepancies
    assert r.verdict in (Verdict.ELIDED, Verdict.VERBATIM, Verdict.COSMETIC)


def test_the_article_naming_the_signer_is_evidence_for_a_short_quote(seed_checker):
    text = ('In a January 2010 cable, Feeley said the Mexican military had come to be seen as "slow and risk '
            'averse" by its critics.')
    [r] = _check(seed_checker, text)
    assert r.source is not None and r.source.cable_id == "10MEXICO83"


@pytest.mark.parametrize("text", [
    # the cable (10MEXICO83 ¶7): "SEDENA has come to be seen slow and risk averse"
    'Según el cable, el ejército mexicano, la SEDENA, es "lenta" y "reacia al riesgo".',
])
def test_a_short_translated_quote_needs_a_pointer_beyond_its_words(seed_checker, text):
    results = _check(seed_checker, text, "nota.txt")
    for r in results:
        if r.source is not None:  # found only with the name the sentence gives, in the one cable holding it
            assert r.verdict is Verdict.TRANSLATION and r.source.cable_id == "10MEXICO83"


def test_a_short_translated_quote_with_no_pointer_is_not_found(seed_checker):
    [r] = _check(seed_checker, 'El texto habla de una "cooperación sin precedentes" entre los dos países.', "nota.txt")
    assert r.source is None
