"""Short quotes: a paragraph that holds a few common words is a source only when the article's
context, its other quotes, or the cable's own quotation marks make a chance hit unlikely."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import api, ingest, resources
from compare.model import ArticleTier, Evidence, Verdict
from compare.pipeline import CheckOptions, Pipeline, chance
from compare.pipeline import context as ctx
from compare.store import CorpusStore
from compare.tokens import quoted_spans
from compare.weights import ALPHA

from .conftest import DATA, shared


def check_text(checker, text: str):
    article = ingest.article_from_text(text, "t.txt")
    return checker.check_article(article)


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        # "down" stands in nine seed paragraphs, and one cable quotes it; nothing here points there
        ("Critics said the company's stock was \"down\" sharply on Tuesday.", "down"),
        # two seed paragraphs hold these words, but the sentence shares nothing with them
        ('The general called the plan "institution building" for the police.', "institution building"),
        # a phrase of the seed cables, but in a story about something else entirely
        ('The mayor said the new stadium was "a major victory" for the city.', "a major victory"),
    ],
)
def test_common_words_in_an_unrelated_story_find_nothing(seed_checker, sentence, quote):
    (r,) = check_text(seed_checker, sentence)
    assert r.quote.text == quote
    assert r.verdict is Verdict.NOT_FOUND and r.source is None
    assert "only by chance" in r.note


def test_a_short_quote_beside_a_long_one_comes_from_the_same_cable(seed_checker):
    text = (
        'The embassy wrote that "the military was not trained to patrol the streets or carry out law '
        'enforcement operations."\n\nThe memos described the army leadership as "risk averse," and slow.'
    )
    long_, short = check_text(seed_checker, text)
    assert (long_.source.cable_id, long_.source.paragraph) == ("10MEXICO83", 6)
    assert (short.source.cable_id, short.source.paragraph) == ("10MEXICO83", 7)
    assert short.ambiguous  # the words stand in three other seed paragraphs too
    assert "the article quotes this cable elsewhere" in short.note


def test_without_the_long_quote_the_same_words_are_still_ambiguous(seed_checker):
    (r,) = check_text(seed_checker, 'The memos described the army leadership as "risk averse," and slow.')
    assert r.ambiguous or r.verdict is Verdict.NOT_FOUND


# -- the statistics against slow, obvious references ------------------------------------------------

keysets = st.lists(st.frozensets(st.sampled_from("abcdefgh"), max_size=6), min_size=1, max_size=30)
weights = st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.1, 5.0), min_size=1, max_size=5)


@settings(max_examples=200, deadline=None)
@given(sets=keysets, w=weights, probe=st.frozensets(st.sampled_from("abcdefgh"), max_size=6))
def test_null_tail_is_the_share_of_the_sample_that_fits_as_well(sets, w, probe):
    null = chance.NullSample(sets)
    mean = max(1.0, sum(len(s) for s in sets) / len(sets))

    def fit(keys):  # BM25's length damping with every word counted once, written out
        damp = 2.2 / (1 + 1.2 * (0.25 + 0.75 * len(keys) / mean))
        return damp * sum(v for k, v in w.items() if k in keys)

    score = fit(probe)
    expected = 1.0 if score <= 0 else (1 + sum(fit(s) >= score - 1e-9 for s in sets)) / (1 + len(sets))
    assert math.isclose(null.tail(w, score), expected)


def test_expected_occurrences_shrink_a_small_corpus_towards_cables_in_general():
    bg = resources.background()
    assert bg.paragraphs > 50_000 and bg.df["down"] > 1000 and bg.df["averse"] < 100
    # a huge corpus is its own background
    assert chance.expected_occurrences(500_000, "down", False, 10_000_000) == pytest.approx(500_000, rel=0.01)
    # in 141 paragraphs, "risk averse" is expected far less than once, however often the corpus has it
    small = chance.expected_occurrences(4, "risk averse", False, 141)
    assert small < 0.2
    # quoting a word is rarer than using it
    assert chance.expected_occurrences(1, "down", True, 141) < chance.expected_occurrences(9, "down", False, 141)


def test_rare_words_alone_are_never_evidence():
    e = Evidence(occurrences=1, expected=0.001, quoted=True, overlap=0.0, p_context=1.0, p_article=1.0,
                 article_tier=ArticleTier.NONE)
    assert e.chance < ALPHA and not chance.significant(e)


@pytest.mark.parametrize(
    ("text", "low"),
    [("down", True), ("risk averse,", True), ("do not represent U.S. policy.", True),
     ("would rather hoard intelligence than allow a rival agency to succeed.", False)],
)
def test_low_information(text, low):
    assert ctx.low_information(text) is low


def test_quoted_spans_are_what_the_cable_puts_in_quotation_marks(seed_cables):
    para = seed_cables["09MEXICO3573"].paragraph(7)
    spans = list(quoted_spans(para.text))
    assert "down" in spans
    corpus = CorpusStore.in_memory(seed_cables.values())
    assert corpus.quoted_count("down") == 1 and corpus.phrase_count("down") > 1
    assert [p.cable_id for p in corpus.quoting("Down")] == ["09MEXICO3573"]


# -- at the scale of the release ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def dump_checker():
    corpus = api.load_corpus([shared("corpus/cablegate-6712.jsonl.gz")])
    return Pipeline(corpus, CheckOptions(semantic=False))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # exact words in unrelated cables (a Serbian adviser, Algeria, a 2007 IPR report); the
        # articles' own paragraphs, as the seed articles print them
        ("There were also some doubts in Calderón's mind in the early part of the anti-drug effort, especially "
         "given the political culture in Mexico. A cable from the US Embassy in Madrid dated April 2007 offered "
         "details of a conversation between the Mexican president and Spain's former Prime Minister José María "
         "Aznar. The Spanish leader, who relayed the contents of his conversation with Calderón to US Ambassador "
         "Eduardo Aguirre, said the Mexican president expressed regret that he had \"miscalculated\" the depth "
         "and breadth of corruption in Mexico.", None),
        ('Now the disclaimers: The Mexican foreign ministry has condemned the release of the documents, because '
         'the content of the memos is "incomplete and inaccurate."', None),
        ('MEXICO CITY - As U.S. diplomats publicly praised "unprecedented cooperation" from Mexico in the fight '
         "against the drug cartels, they privately worried that poorly trained Mexican soldiers and a federal "
         "police force hobbled by corruption were failing to slow the surging violence.", None),
        # one word that stands in 2,000 paragraphs, but only one cable quotes it, about Calderon
        ('One memo from the embassy described Calderon as "down" at recent meetings.', ("09MEXICO3573", 7)),
    ],
)
def test_short_quotes_against_6712_cables(dump_checker, sentence, source):
    (r,) = check_text(dump_checker, sentence)
    assert (r.source and (r.source.cable_id, r.source.paragraph)) == source, r.note


def test_inline_paragraph_marks_of_a_dump_that_lost_its_line_breaks():
    (c,) = ingest.read_file(DATA / "fixtures" / "08USNATO291.jsonl")
    assert [p.number for p in c.paragraphs] == list(range(1, 17))
    assert c.paragraph(1).text.startswith("Summary. Ambassador met August 14")
    assert c.paragraph(2).text.endswith("sympathy for the Georgian cause.")  # the dashed heading is out
    assert "miscalculated by underestimating" in c.paragraph(5).text
    assert c.signer == "VOLKER"


def test_a_short_quote_beside_a_traced_short_quote_of_its_sentence_comes_from_the_same_paragraph(seed_checker):
    """Two short quotes of one sentence: "zero-sum competition" is traced by its context; "closely guarded"
    (in one paragraph of the corpus) is then more than a chance hit there, as beside a long quote."""
    text = ('Mexico\n\nThe embassy wrote that the agencies are locked in a "zero-sum competition" in which '
            'information is "closely guarded".\n')
    first, second = check_text(seed_checker, text)
    assert (first.source.cable_id, first.source.paragraph) == ("10MEXICO83", 5)
    assert second.source is not None and (second.source.cable_id, second.source.paragraph) == ("10MEXICO83", 5)
