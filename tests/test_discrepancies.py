"""A changed meaning is never cosmetic: controlled edits of real cable sentences, each with the kind
and verdict it must get, including edits that must stay cosmetic (a typo the article corrects, a
British spelling, a transliterated name) and the release's redactions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.model import Quote, QuoteKind, Span, Verdict
from compare.pipeline.alignment import align
from compare.pipeline.decide import verdict_of
from compare.pipeline.words import zipf

# real sentences of 10MEXICO83 and 09MEXICO2882 (data/cables), edited as articles edit them
CASES = [
    ("The failure to reduce violence has focused attention on the military's perceived shortcomings.",
     "The success to reduce violence has focused attention on the military's perceived shortcomings.",
     "antonym", Verdict.ALTERED),
    ("Mexican security institutions are often locked in a zero-sum competition.",
     "Mexican security institutions are often unlocked in a zero-sum competition.", "antonym", Verdict.ALTERED),
    ("Violence will increase in the remaining years of the Calderon administration.",
     "Violence will decrease in the remaining years of the Calderon administration.", "antonym", Verdict.ALTERED),
    ("Prosecution rates are dismal, 2 percent of those detained are brought to trial.",
     "Prosecution rates are dismal, 3 percent of those detained are brought to trial.", "number_change",
     Verdict.ALTERED),
    ("Officials counted 7559 killings in the northern states last year.",
     "Officials counted 7,559 killings in the northern states last year.", "number_format", Verdict.COSMETIC),
    ("Prosecution rates are dismal, 2 percent of those detained are brought to trail.",
     "Prosecution rates are dismal, 2 percent of those detained are brought to trial.", "spelling",
     Verdict.COSMETIC),
    ("The army is slow to react to intelligence and its organization is rigid.",
     "The army is slow to react to intelligence and its organisation is rigid.", "spelling", Verdict.COSMETIC),
    ("The military was not trained to patrol the streets of Juarez.",
     "The military was not trianed to patrol the streets of Juarez.", "spelling", Verdict.COSMETIC),
    ("Qadhafi relies heavily on his long-time Ukrainian nurse.",
     "Gaddafi relies heavily on his long-time Ukrainian nurse.", "name_spelling", Verdict.COSMETIC),
    ("XXXXXXXXXXXX told PolOff that the party would not support the reform.",
     "Galyna Kolotnytska told PolOff that the party would not support the reform.", "redaction", Verdict.ELIDED),
    ("He lamented the pervasive, debilitating fear that is so much a part of contemporary Mexican society.",
     "He lamented the pervasive, debilitating calm that is so much a part of contemporary Mexican society.",
     "substitution", Verdict.ALTERED),
    # what the real-material evaluation (data/eval) found, on real sentences of the dump
    ("Other companies did well. The U.S. will play an essential role in the training of the new units.",
     "[t]he U.S. will play an essential role in the training of the new units.", "bracketed", Verdict.ELIDED),
    ("This tension is also a byproduct of the chaos that goes with Sarkozy's hyper-activism.",
     "This tension is also a by-product of the chaos that goes with Sarkozy's hyper-activism.", "hyphenation",
     Verdict.COSMETIC),
    ("PRC/IRAN: SCHOLAR SUGGESTS U.S. NEGOTIATE SE CRETLY WITH IRAN",
     "PRC/Iran: Scholar Suggests U.S. Negotiate Secretly With Iran", "whitespace", Verdict.COSMETIC),
    ("Thirty-one percent of employees are on temporary contracts, he said.",
     "31% of employees are on temporary contracts, he said.", "number_format", Verdict.COSMETIC),
    ("Consumer prices increased 22.3% y-o-y in December, the central bank said.",
     "Consumer prices increased 22.3 per cent y-o-y in December, the central bank said.", "number_format",
     Verdict.COSMETIC),
    ("Trade is on the increase. XXXXXXXXXXXX noted that Chirac and Schroeder also did not connect personally.",
     "Klaus Weber noted that Chirac and Schroeder also did not connect personally.", "redaction", Verdict.ELIDED),
    ("In Paris the talks were led by XXXXXXXXXXXX and others.", "In Paris the talks were led by Klaus Weber",
     "redaction", Verdict.ELIDED),
    ("Thirty-one percent of employees are on temporary contracts, he said.",
     "41% of employees are on temporary contracts, he said.", "number_change", Verdict.ALTERED),
    ("Women can make USD 100 a night in Istanbul, versus USD 30-50 a month in Moldova or Belarus.",
     "Women can make $100 a night in Istanbul, versus $30-50 a month in Moldova or Belarus.", "number_format",
     Verdict.COSMETIC),
    ("XXXXXXXXXXXX said that the North would not accept the offer.",
     "Lee Hyun-soo said that the North would not accept the offer.", "redaction", Verdict.ELIDED),
]


def quote(text: str) -> Quote:
    return Quote("t.txt", text, 0, len(text), (Span(0, len(text)),), QuoteKind.QUOTATION, text)


@pytest.mark.parametrize(("source", "quoted", "kind", "verdict"), CASES)
def test_controlled_edits(source, quoted, kind, verdict):
    a = align(quote(quoted), "10MEXICO83", (1,), source)
    kinds = [d.kind.value for d in a.discrepancies]
    assert kind in kinds and verdict_of(a.discrepancies) is verdict, kinds
    for d in a.discrepancies:
        if d.quote_span:
            assert quoted[d.quote_span.start : d.quote_span.end] == d.quote_side
        if d.source_span:
            assert source[d.source_span.start : d.source_span.end] == d.source_side


NEGATABLE = [w for w in ("successful", "legal", "possible", "likely", "able", "stable", "responsible", "agree",
                         "regular", "direct", "balanced", "usual", "fair", "common", "certain", "popular")
             if zipf(w) > 3]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(NEGATABLE), st.sampled_from(["un", "in", "im", "il", "ir", "dis", "non"]))
def test_a_negating_prefix_is_never_cosmetic(word, prefix):
    source = f"The embassy judged the new plan {word} for the region and said so."
    a = align(quote(source.replace(word, prefix + word)), "X", (1,), source)
    assert verdict_of(a.discrepancies) is not Verdict.COSMETIC


def test_a_title_case_subject_line_is_one_case_difference():
    source = "NEW RUSSIAN DEFENSE MINISTER STILL AN ENIGMA"
    a = align(quote("New Russian Defense Minister Still an Enigma"), "07MOSCOW1537", (0,), source)
    assert [(d.kind.value, d.quote_side, d.source_side) for d in a.discrepancies] == [
        ("case", "New Russian Defense Minister Still an Enigma", source)]


def test_a_splice_the_article_marks_is_no_difference(seed_checker):
    from compare import ingest

    text = ('"The military was not trained to patrol the streets," the envoy wrote, "or carry out law enforcement '
            'functions."')
    (r,) = seed_checker.check_article(ingest.article_from_text(text, "s.txt"))
    assert len(r.quote.parts) == 2 and r.source is not None
    assert all(d.kind.value != "splice" for d in r.discrepancies)


def test_every_kind_carries_its_severity_and_words():
    """A new kind states how serious it is and how an editor reads it, or the Enum refuses it: no
    kind becomes cosmetic by being left out of a table."""
    from compare.model import DiscrepancyKind, Severity, Words

    for kind in DiscrepancyKind:
        assert isinstance(kind.severity, Severity) and isinstance(kind.words, Words), kind
        for template in (kind.words.both, kind.words.article_only, kind.words.cable_only):
            assert "{quote}" in template or "{source}" in template, kind
        said = kind.words.say("steady", "tenuous")
        assert "steady" in said or "tenuous" in said, kind
    # what changes a meaning is never cosmetic
    for name in ("insertion", "deletion", "substitution", "number_change", "negation", "hedge", "antonym"):
        assert DiscrepancyKind(name).severity is Severity.SUBSTANTIVE


def test_the_rules_run_in_their_stated_order():
    """`RULES` is the order: the substantive rule, which names every step, comes last."""
    from compare.pipeline.differences import RULES, substantive

    assert RULES[-1] is substantive.rule and len(set(RULES)) == len(RULES)
