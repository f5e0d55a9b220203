"""The paraphrase stage with the packaged MiniLM (slow: loads the model). The calibration set for
`PARAPHRASE_MIN`: rewrites of seed cable sentences, which should be found as paraphrases of their
cable, and sentences on the same topics that say something else, which must not be.

Measured when the threshold was set (cosine of the best cable sentence): rewrites 0.38 to 0.75,
same-topic sentences 0.34 to 0.64. MiniLM separates them only at the top: 0.70 finds the closest
rewrites and calls none of the others a paraphrase."""

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
    assert len(found) >= 3
    for q, cable in found:
        assert verdict_of(semantic_checker, q).source.cable_id == cable, q
