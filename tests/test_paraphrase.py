"""The paraphrase stage (slow: loads the models). The calibration set of the seed cables: rewrites of
seed cable sentences, which should be found as paraphrases of their cable, and sentences on the same
topics that say something else, which must not be. The larger set is data/eval/paraphrase (rewrites
and same-topic statements around 6,712-dump cables), measured by benchmarks/paraphrase_curve.py.

The stage scores a sentence by the mean of MiniLM's and the multilingual USE's cosines (threshold
0.72, margin 0.05 over other paragraphs): over the 80 quotes of both sets it traces 25 of 40
rewrites with no same-topic statement called a paraphrase, where MiniLM alone at 0.70 traced 26
with one wrong source and four. On the seed cables alone the closest rewrite clears it; same-topic
sentences reach 0.62 at most. A rewording is also checked for what embeddings miss: changed
numbers, negations and opposites."""

from __future__ import annotations

import pytest

from compare import ingest
from compare.model import Verdict

REWRITES = [
    ("the army was never trained to police the streets or enforce the law.", "10MEXICO83"),
    ("organized crime prosecutions are rare: only two percent of suspects ever face trial.", "10MEXICO83"),
    ("Mexico's security agencies treat every success of a rival agency as their own defeat.", "10MEXICO83"),
    ("corruption among officials is so common that each agency walls itself off from the others.", "10MEXICO83"),
    ("the cartels can simply sit out an army deployment and they have an endless supply of new recruits.", "10MEXICO83"),
    ("Calderon has put so much of his prestige on Juarez that he has to win there.", "09MEXICO2882"),
    ("the government fears it may lose control of some parts of the country.", "09MEXICO2882"),
    ("Mexico needs a visible victory within a year and a half or the fight will not survive into the next "
     "government.", "09MEXICO2882"),
    ("the Mexican navy killed Arturo Beltran Leyva in a raid based on American intelligence.", "09MEXICO3573"),
    ("intelligence work in Mexico is fragmented, improvised and depends on help from the United States.", "09MEXICO3195"),
]
SAME_TOPIC = [
    "great stress from the drug war, economic collapse and his party's midterm losses.",
    "Calderon is frustrated with the slow pace of aid from the United States.",
    "the United States has promised to double its funding for Mexican police training next year.",
    "the Mexican army has been praised by human rights groups for its conduct in Juarez.",
    "drug violence in Mexico fell sharply after the military took over the city of Juarez.",
    "Calderon told the ambassador he would send more troops to the northern border in the spring.",
    "the cartels have begun moving their operations from Mexico into Guatemala.",
    "the embassy believes the Merida Initiative has been a complete success.",
    "We will continue to work closely with our partners on the full range of issues before us",
    "There simply is no other bilateral relationship between two sovereign nations that matters more.",
]


@pytest.fixture(scope="module")
def semantic_checker(seed_cables):
    from compare.pipeline import CheckOptions, Pipeline
    from compare.store import CorpusStore

    return Pipeline(CorpusStore.in_memory(seed_cables.values()), CheckOptions(semantic=True))


def verdict_of(checker, quote):
    (r,) = checker.check_article(ingest.article_from_text(f'The cable said "{quote}"', "t.txt"))
    return r


@pytest.mark.slow
def test_same_topic_is_no_paraphrase(semantic_checker):
    wrong = [q for q in SAME_TOPIC if verdict_of(semantic_checker, q).verdict is not Verdict.NOT_FOUND]
    assert wrong == []


@pytest.mark.slow
def test_close_rewrites_are_paraphrases_of_their_cable(semantic_checker):
    found = [(q, c) for q, c in REWRITES if verdict_of(semantic_checker, q).verdict is Verdict.PARAPHRASE]
    assert len(found) >= 1 and found[0][0].startswith("the army was never trained")
    for q, cable in found:
        assert verdict_of(semantic_checker, q).source.cable_id == cable, q


# Pairs from data/eval/paraphrase: a cable sentence of the dump and a rewording of it, faithful or not.
@pytest.mark.parametrize(
    ("quote", "sentence", "kinds"),
    [
        # faithful rewordings: nothing to say
        ("Noel Fahey told the embassy's deputy chief of mission he had never handled a harder crisis.",
         "Irish Ambassador Noel Fahey (formerly ambassador to Washington) told DCM this was the most difficult "
         "crisis he had ever managed.", set()),
        ("Hardly anyone expects Luzhkov to step down of his own accord before 2012.",
         "Few believe that Luzhkov will voluntarily relinquish his post prior to 2012, when the Moscow City Duma "
         "must submit a list of mayoral candidates to Medvedev for his selection.", set()),
        ("After the turmoil of the 1990s, the bulk of Wifaq's leadership was forced abroad.",
         "Most Wifaq leaders were exiled following the unrest of the 1990's, and many continued oppositionist "
         "activities from London.", set()),
        # the claim reversed or a number changed: substantive
        ("Chavez has groomed a successor and rarely rebukes his most trusted advisors in public.",
         "He has not groomed any successor and he frequently rebukes even his most trusted advisors publicly.",
         {"antonym"}),  # "rarely" and "not" both negate: the opposite words tell
        ("Apolo Conteras reported that only about 30 percent of residents approve of the military presence.",
         "Apolo Conteras reported that about 70 percent of residents approve of the military presence.",
         {"number_change"}),
        ("Contacts confirm that Zaw Zaw refused to hire Than Shwe's grandson.",
         "Contacts confirm that Zaw Zaw hired Than Shwe's grandson.", {"negation"}),
    ],
)
def test_what_a_rewording_changes(quote, sentence, kinds):
    from compare.model import Span
    from compare.pipeline.reworded import differences

    whole = Span(0, len(sentence))
    got = {d.kind.value for d in differences(quote, sentence, whole, whole, english=True)}
    assert got == kinds
