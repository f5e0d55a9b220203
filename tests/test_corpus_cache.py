"""A corpus given as files is indexed once into the cache and opened from there after: the same
answers as parsing it in memory, a new index when a file changes, nothing half built ever used."""

from __future__ import annotations

import shutil

import pytest

from compare import api, ingest, report
from compare.indexing import corpus_cache
from compare.pipeline import CheckOptions, Pipeline

from .conftest import DATA

STORY = DATA / "articles" / "003_515405a57c30b3c1.txt"


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("COMPARE_NO_CORPUS_CACHE", raising=False)
    monkeypatch.setattr(corpus_cache, "MIN_BYTES", 0)  # the demo corpus is small: cache it anyway
    cables = tmp_path / "cables"
    shutil.copytree(DATA / "cables", cables)
    return tmp_path / "cache", cables


def records(store):
    p = Pipeline(store, CheckOptions(semantic=False))
    return [report.to_record(r) for r in p.check_article(ingest.read_article(STORY))]


def test_indexed_once_then_opened_with_the_same_answers(cache):
    folder, cables = cache
    first = api.load_corpus([cables])
    assert first.directory is not None and first.directory.parent == folder / "corpora"
    again = api.load_corpus([cables])
    assert again.directory == first.directory
    assert records(again) == records(api.load_corpus([cables], cache=False))
    assert not list((folder / "corpora").glob(".building-*"))


def test_a_changed_file_is_a_new_index(cache):
    folder, cables = cache
    before = api.load_corpus([cables]).directory
    page = next(cables.glob("*.txt"))
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert api.load_corpus([cables]).directory != before


def test_a_half_built_index_is_never_opened(cache, monkeypatch):
    folder, cables = cache

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the build dies half way

    monkeypatch.setattr(corpus_cache, "build", killed)
    with pytest.raises(KeyboardInterrupt):
        api.load_corpus([cables])
    assert not list((folder / "corpora").iterdir())  # nothing left that a later run could open
    monkeypatch.undo()


def test_the_cache_can_be_turned_off(cache, monkeypatch):
    _, cables = cache
    monkeypatch.setenv("COMPARE_NO_CORPUS_CACHE", "1")
    assert api.load_corpus([cables]).directory is None
