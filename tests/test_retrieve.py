"""Retrieval strategies (compare/retrieve): each returns paragraphs with why they came, and the
pipeline composes them. Real cable text: the seed cables (data/cables)."""

from __future__ import annotations

import pytest

from compare import retrieve
from compare.retrieve import Query, tolerant
from compare.store import CorpusStore


@pytest.fixture(scope="module")
def store(seed_cables):
    return CorpusStore.in_memory(seed_cables.values())


def test_every_strategy_is_registered_with_its_name():
    assert {"tolerant", "crosslingual", "names"} <= set(retrieve.STRATEGIES)


def test_stems_leave_short_words_and_numbers_as_they_are():
    assert tolerant.stems(["unprecedented", "of", "2009", "blonde"]) == ["unprecedente", "", "", "blond"]


def test_a_short_quote_with_a_changed_ending_is_found_by_its_stems(store):
    # the cable says "unprecedented bilateral interdiction"; a reporter prints "interdictions"
    found = retrieve.STRATEGIES["tolerant"](store, Query(("unprecedented bilateral interdictions",)), 10)
    assert found and all(r.strategy == "tolerant" for r in found)
    assert any("unprecedented bilateral interdiction" in r.paragraph.text for r in found)


def test_the_exact_phrase_search_misses_what_the_tolerant_one_finds(store):
    from compare.store.corpus import phrase

    assert store.search(phrase("unprecedented bilateral interdictions"), 10) == []


def test_words_in_another_order_are_not_a_tolerant_hit(store):
    assert retrieve.STRATEGIES["tolerant"](store, Query(("interdiction bilateral unprecedented",)), 10) == []


def test_names_of_the_quote_sentence_that_the_corpus_holds(store):
    from compare.retrieve.names import context_names

    sentence = 'The embassy said Calderon was "risk averse" in a cable sent by Pascual.'
    names = context_names(store, sentence, "risk averse")
    assert "pascual" in names or "calderon" in names
    assert "the" not in names  # a sentence's first word is no name


def test_a_name_that_starts_its_sentence_is_a_name_an_adverb_is_not(store):
    from compare.retrieve.names import context_names

    names = context_names(store, 'Calderon, who is also the party leader, is "risk averse," the cables said.',
                          "risk averse")
    assert "calderon" in names  # rare in English: a name wherever it stands
    assert "military" not in context_names(store, 'Military leaders are "risk averse," the cables said.',
                                           "risk averse")  # everyday English, capitalised by its place
