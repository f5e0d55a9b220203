"""Short quotes identified by their own improbability, subject lines as paragraph 0, and a lexical
source never replaced by a semantic guess: on the real seed cables, with cases that must find nothing.
"""

from __future__ import annotations

import pytest

from compare import ingest
from compare.model import Verdict
from compare.resources import phrase_prior
from compare.weights import ALPHA

from .conftest import shared


def check(checker, text):
    return checker.check_article(ingest.article_from_text(text, "t.txt"))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # five to nine words, few of them rare, no context at all: the phrase itself is the evidence
        ('Soldiers "was not trained to patrol the streets" anyway.', ("10MEXICO83", 6)),
        ('The army "has taken a serious beating" lately.', ("10MEXICO83", 11)),
        ('He said "it will be difficult to sustain the confrontation" then.', ("09MEXICO2882", 6)),
        # subject lines are quoted too: paragraph 0
        ('A cable titled "Mexico Rebuilding Ties to Venezuela, Slowly" said little.', ("08MEXICO3178", 0)),
        ('The embassy called it "The Battle Joined: Narco Violence Trends in 2008".', ("09MEXICO193", 0)),
    ],
)
def test_found_without_context(seed_checker, text, source):
    (r,) = check(seed_checker, text)
    assert r.verdict.supported and r.source is not None
    assert (r.source.cable_id, r.source.paragraph) == source


@pytest.mark.parametrize(
    "text",
    [
        # a few common words that stand in the cables, with nothing pointing there: chance
        'The coach said the team was "not trained" for this.',
        'She called the season "risk averse" and the owner "slow to react".',
        'Fans "would be difficult" to please, the club said.',
        # one word whose topic fits is still no quote of the cable (an article about Venezuela)
        'Venezuela and Mexico: relations warmed "slowly" after years of strain, the minister said.',
    ],
)
def test_short_common_phrases_find_nothing(seed_checker, text):
    for r in check(seed_checker, text):
        assert r.verdict is Verdict.NOT_FOUND, (r.quote.text, r.source)


def test_phrase_prior_is_conservative():
    prior = phrase_prior()
    # one or two words are never identified by their improbability
    for q in ("down", "head on", "existential threat", "unprecedented cooperation"):
        assert prior.p(q, 10_000) == 1.0
    # longer and rarer phrases are less likely by chance; a larger corpus holds more by chance
    p5 = prior.p("result in unacceptable collateral damage", 55_000)
    p9 = prior.p("must stay on the first floor of any facility", 55_000)
    assert p9 < ALPHA and p5 < 0.1
    assert prior.p("must stay on the first floor of any facility", 2_000_000) > p9
    # a small corpus is never taken as less likely to hold a phrase than the corpus it was measured on
    assert prior.p("must stay on the first floor of any facility", 141) == p9
    # common diplomatic phrasing is likely by chance
    assert prior.p("the Ambassador said that", 55_000) > 0.3


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The traveller "must stay on the first floor of any facility" and climbs no more than 35 steps.',
         ("09TRIPOLI771", 3)),
        ('In Mexico, "Calderon has staked so much of his reputation there" that failure would cost him.',
         ("09MEXICO2882", 8)),
        ('Critics called the conduct "inappropriately" aggressive.', None),
        ('One minister called the border dispute an "existential threat".', None),
        ('The striker met the challenge "head on" in the second half.', None),
    ],
)
def test_against_the_6712_cable_dump(dump_checker, text, expected):
    (r,) = check(dump_checker, text)
    got = (r.source.cable_id, r.source.paragraph) if r.source is not None and r.verdict.supported else None
    assert got == expected


@pytest.fixture(scope="module")
def dump_checker():
    from compare.api import load_corpus
    from compare.pipeline import CheckOptions, Pipeline

    return Pipeline(load_corpus([shared("corpus/cablegate-6712.jsonl.gz")]), CheckOptions(semantic=False))


def test_a_passage_holding_the_words_is_never_replaced_by_a_paraphrase(seed_checker):
    from compare.pipeline import Pipeline

    # the exact words stand in a cable but only as a possible chance hit: not found, never a paraphrase
    # of some other paragraph (the check with the semantic stage on must say the same)
    semantic = Pipeline(seed_checker.store)
    text = 'The coach said that "there is not even time for it to take hold" before the final.'
    (r,) = check(semantic, text)
    assert r.verdict is Verdict.NOT_FOUND and "only by chance" in r.note


def test_each_paragraph_of_a_quotation_over_three_paragraphs_is_traced_to_its_own(seed_checker):
    cable = seed_checker.store.cables["10MEXICO83"]
    text = ("Ambassador Feeley wrote that\n\n" + "\n\n".join('"' + cable.paragraph(n).text for n in (6, 7, 8))
            + '"\n\nThe end.')
    results = check(seed_checker, text)
    assert [r.verdict for r in results] == [Verdict.VERBATIM] * 3
    assert [(r.source.cable_id, r.source.paragraph) for r in results] == [("10MEXICO83", n) for n in (6, 7, 8)]
    assert all(len(r.quote.parts) == 1 for r in results)
