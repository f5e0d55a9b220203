"""The bilingual lexicon drawn from the multilingual encoder over the corpus's English vocabulary
(compare/crosslingual.py), on the seed cables' vocabulary."""

from __future__ import annotations

import pytest

from compare import crosslingual
from compare.lexicon import month_numbers, months_in_english, stop_words
from compare.store import CorpusStore

from .conftest import DATA


@pytest.fixture(scope="module")
def store(seed_cables):
    return CorpusStore.in_memory(seed_cables.values())


@pytest.fixture(scope="module")
def lexicon(store):
    return crosslingual.of(store)


def test_the_vocabulary_is_english_words_of_the_corpus(lexicon):
    words = set(lexicon.words)
    assert {"military", "violence", "security"} <= words
    assert "xxxxxxxxxxxx" not in words and "sedena" not in words  # redactions and acronyms are no English words


@pytest.mark.parametrize("word, english", [
    ("violencia", "violence"), ("seguridad", "security"), ("militares", "military"),
    ("sécurité", "security"), ("Gewalt", "violence"), ("segurança", "security"),
])
def test_a_word_of_another_language_is_put_into_english(lexicon, word, english):
    [near] = lexicon.nearest([word], 6, 0.5)
    assert english in [w for w, _ in near], near


def test_a_word_with_no_translation_above_the_floor_gets_none(lexicon):
    [near] = lexicon.nearest(["xqzvbn"], 6, 0.95)
    assert near == []


def test_the_lexicon_is_kept_and_read_back_the_same(store, lexicon, tmp_path, monkeypatch):
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path))
    crosslingual._save(lexicon, "k", [tmp_path / "lex.npz"])
    back = crosslingual._load(tmp_path / "lex.npz", "k")
    assert back is not None and back.words == lexicon.words and (back.vectors == lexicon.vectors).all()
    assert crosslingual._load(tmp_path / "lex.npz", "another corpus") is None


def test_function_words_are_keyed_by_language():
    assert "que" in stop_words("es") and "und" in stop_words("de")
    assert stop_words("xx") == frozenset()


def test_month_names_are_keyed_by_language_with_their_variants():
    assert month_numbers("es")["setiembre"] == month_numbers("es")["septiembre"] == 9
    assert months_in_english("es")["setiembre"] == "september"
    assert month_numbers("en")["sept"] == 9 and month_numbers("en")["december"] == 12


def test_an_index_build_keeps_the_lexicon_in_the_index_folder(tmp_path, monkeypatch, tiny_model, words_multilingual):
    """Where the lexicon is kept (plumbing: the test models of conftest stand in for MiniLM and the
    multilingual encoder)."""
    from compare import api
    from compare.cli import main

    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "cache"))
    ix = tmp_path / "ix"
    assert main(["index", "build", "--corpus", str(DATA / "cables"), "--out", str(ix), "--model", tiny_model]) == 0
    assert (ix / crosslingual.FILE).exists()
    lex = crosslingual.of(api.load_corpus([ix]))  # read back from the folder, not encoded again
    assert "military" in lex.words and not (tmp_path / "cache" / "lexicons").exists()
    assert "military" in words_multilingual.seen and lex.vectors.shape[1] == words_multilingual.dimension


@pytest.mark.parametrize("text, english", [("Ein Mord an der Grenze", "murdered"), ("Ein Mord an der Grenze", "killing")])
def test_a_german_noun_is_put_into_english_as_written(store, text, english):
    """German writes nouns with a capital, and the encoder reads "Mord" as murder but "mord" as
    something else ("undermine"): a German word keeps its case."""
    from compare.retrieve.crosslingual import groups

    terms = {t for g in groups(store, text, "de") for t in g.terms}
    assert english in terms, terms


def test_a_german_noun_in_the_stop_word_list_is_still_put_into_english(store):
    """German's stop-word list holds "macht" and "recht" (makes, right as an adverb); written with a
    capital inside a quote they are nouns (power, law) and carry meaning."""
    from compare.retrieve.crosslingual import groups

    words = {g.word for g in groups(store, "Das ist Recht und Gesetz im Staat", "de")}
    assert "Recht" in words and "Gesetz" in words
    assert "recht" not in {g.word.casefold() for g in groups(store, "Das ist recht schwierig", "de")}
